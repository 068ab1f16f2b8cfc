import Testing
@testable import TripPlanKit

/// The exact re-plan of two days must find what trying every order of every subset on both days finds.
@Suite struct DayPairRepackTests {
    /// Per subset of `pool` (bit i = `pool[i]`): the least (travel, arrival) of any order that day `d`
    /// can visit, by trying every order; nil when none fits.
    static func everyOrder(_ p: ScheduleProblem, day d: Int, pool: [Int]) -> [(travel: Int, arrival: Int)?] {
        var best = [(travel: Int, arrival: Int)?](repeating: nil, count: 1 << pool.count)
        func walk(_ route: [Int], _ mask: Int) {
            let arrival = p.arrival(day: d, route)
            if arrival < ScheduleProblem.never {
                let travel = p.travelMinutes(day: d, route)
                if let b = best[mask], (b.travel, b.arrival) <= (travel, arrival) {} else { best[mask] = (travel, arrival) }
            }
            for i in pool.indices where mask & (1 << i) == 0 { walk(route + [pool[i]], mask | 1 << i) }
        }
        walk([], 0)
        return best
    }

    /// Random trips of two days (lunch, lodging, closures and scores as `SchedTest.randomTrip` makes them).
    static func twoDayProblems(seed: UInt64, count: Int) -> [ScheduleProblem] {
        var r = TestRandom(state: seed)
        var problems: [ScheduleProblem] = []
        while problems.count < count {
            let (trip, matrix) = SchedTest.randomTrip(&r, maxVisits: 7)
            let problem = ScheduleProblem(trip: trip, travel: matrix)
            if problem.dayCount == 2 { problems.append(problem) }
        }
        return problems
    }

    @Test func eachDayGetsTheCheapestOrderOfEverySubset() {
        var feasible = 0, infeasible = 0, work = 0
        for p in Self.twoDayProblems(seed: 5, count: 150) {
            let pool = Array(0..<p.visitCount)
            let repack = DayPairRepack(p: p)
            for d in 0..<2 {
                let expected = Self.everyOrder(p, day: d, pool: pool)
                guard let sets = repack.feasibleSets(day: d, pool: pool, clock: SearchClock(limit: nil), work: &work) else {
                    Issue.record("the day DP gave up on \(pool.count) visits")
                    continue
                }
                for mask in expected.indices {
                    guard let e = expected[mask] else {
                        #expect(sets.travel[mask] == ScheduleProblem.never, "day \(d), subset \(mask)")
                        infeasible += 1
                        continue
                    }
                    feasible += 1
                    #expect((sets.travel[mask], sets.arrival[mask]) == (e.travel, e.arrival), "day \(d), subset \(mask)")
                    if mask == 0 { continue }
                    let order = sets.order(mask, pool: pool)
                    #expect(order.reduce(0) { $0 | 1 << $1 } == mask)
                    #expect(p.arrival(day: d, order) == e.arrival && p.travelMinutes(day: d, order) == e.travel)
                }
            }
        }
        #expect(feasible > 1000 && infeasible > 1000)
    }

    @Test func thePairIsTheBestOverDisjointSubsets() {
        var improved = 0, work = 0
        for p in Self.twoDayProblems(seed: 9, count: 150) {
            let pool = Array(0..<p.visitCount)
            let first = Self.everyOrder(p, day: 0, pool: pool), second = Self.everyOrder(p, day: 1, pool: pool)
            var best = PlanScore.worst
            for a in first.indices {
                guard let x = first[a] else { continue }
                for b in second.indices where a & b == 0 {
                    guard let y = second[b] else { continue }
                    var s = PlanScore(required: 0, score: 0, travel: x.travel + y.travel, finish: x.arrival + y.arrival)
                    for (i, v) in pool.enumerated() where (a | b) & (1 << i) != 0 {
                        if p.isRequired[v] { s.required += 1 } else { s.score += p.score[v] }
                    }
                    if s.isBetter(than: best) { best = s }
                }
            }
            let repack = DayPairRepack(p: p)
            let found = repack.repack(0, 1, pool: pool, current: .worst, clock: SearchClock(limit: nil), work: &work)
            guard best != .worst else {
                #expect(found == nil)
                continue
            }
            guard let (score, routeA, routeB) = found else {
                Issue.record("no pair found; best is \(best)")
                continue
            }
            #expect(score == best)
            #expect(Set(routeA).isDisjoint(with: routeB))
            #expect(p.arrival(day: 0, routeA) + p.arrival(day: 1, routeB) == best.finish)
            #expect(p.travelMinutes(day: 0, routeA) + p.travelMinutes(day: 1, routeB) == best.travel)
            // Nothing better than the best itself.
            #expect(repack.repack(0, 1, pool: pool, current: best, clock: SearchClock(limit: nil), work: &work) == nil)
            if best.required + best.score > 0 { improved += 1 }
        }
        #expect(improved > 50)
    }
}
