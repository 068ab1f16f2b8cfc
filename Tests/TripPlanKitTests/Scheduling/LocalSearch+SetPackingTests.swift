import Testing
@testable import TripPlanKit

/// Re-planning all days at once must keep every day's rules, never make the plan worse, and on trips small
/// enough that every place is in every pool find the best plan (trying every pair of subsets tells).
@Suite struct LocalSearchSetPackingTests {
    @Test func allDaysAtOnceFindTheBestPlan() {
        var best = 0, improved = 0, runs = 0
        for p in DayPairRepackTests.twoDayProblems(seed: 21, count: 150) {
            let pool = Array(0..<p.visitCount)
            let first = DayPairRepackTests.everyOrder(p, day: 0, pool: pool)
            let second = DayPairRepackTests.everyOrder(p, day: 1, pool: pool)
            var top: (required: Int, score: Int, travel: Int)?
            for a in first.indices {
                guard let x = first[a] else { continue }
                for b in second.indices where a & b == 0 {
                    guard let y = second[b] else { continue }
                    var s = (required: 0, score: 0, travel: x.travel + y.travel)
                    for (i, v) in pool.enumerated() where (a | b) & (1 << i) != 0 {
                        if p.isRequired[v] { s.required += 1 } else { s.score += p.score[v] }
                    }
                    if top.map({ (s.required, s.score, -s.travel) > ($0.required, $0.score, -$0.travel) }) ?? true { top = s }
                }
            }
            guard let top else { continue }
            var search = LocalSearch(problem: p, candidates: pool, seed: 1, clock: SearchClock(limit: nil), progress: nil)
            let before = search.score
            let changed = search.repackAllDays(labelBudget: .max, pivotBudget: .max)
            let after = search.score
            runs += 1
            #expect(changed == after.isBetter(than: before))
            #expect(!before.isBetter(than: after))
            for d in 0..<2 where !search.routes[d].isEmpty {
                #expect(p.arrival(day: d, search.routes[d]) < ScheduleProblem.never, "day \(d) breaks its rules")
            }
            #expect(Set(search.routes[0]).isDisjoint(with: search.routes[1]))
            #expect((after.required, after.score, -after.travel) <= (top.required, top.score, -top.travel))
            if (after.required, after.score, after.travel) == (top.required, top.score, top.travel) { best += 1 }
            if changed { improved += 1 }
        }
        #expect(improved * 2 > runs, "the plan changed in only \(improved) of \(runs)")
        #expect(best * 20 >= runs * 19, "the best plan in only \(best) of \(runs)")
    }

    /// Routes the search has seen (`routeMemory`) are columns too: given the routes of the best plan, the
    /// re-plan finds it from an empty plan even with pools of two places a day, which alone rarely reach it.
    @Test func routesTheSearchHasSeenAreColumns() {
        var runs = 0, best = 0, bestWithoutThem = 0
        for p in DayPairRepackTests.twoDayProblems(seed: 22, count: 60) {
            // Per day and subset of places, the cheapest route that keeps the day's rules (every order tried).
            func cheapest(day d: Int) -> [Int: (route: [Int], travel: Int)] {
                var found: [Int: (route: [Int], travel: Int)] = [:]
                func walk(_ route: [Int], _ mask: Int) {
                    guard p.arrival(day: d, route) < ScheduleProblem.never else { return }
                    let travel = p.travelMinutes(day: d, route)
                    if found[mask].map({ travel < $0.travel }) ?? true { found[mask] = (route, travel) }
                    for v in 0..<p.visitCount where mask & (1 << v) == 0 { walk(route + [v], mask | 1 << v) }
                }
                walk([], 0)
                return found
            }
            let first = cheapest(day: 0), second = cheapest(day: 1)
            var top: (rank: (Int, Int, Int), routes: [[Int]])?
            for (a, x) in first {
                for (b, y) in second where a & b == 0 {
                    let visits = x.route + y.route
                    let rank = (visits.filter { p.isRequired[$0] }.count, visits.reduce(0) { $0 + (p.isRequired[$1] ? 0 : p.score[$1]) },
                                -(x.travel + y.travel))
                    if top.map({ rank > $0.rank }) ?? true { top = (rank, [x.route, y.route]) }
                }
            }
            guard let top, top.routes.contains(where: { $0.count > 2 }) else { continue }
            runs += 1
            for remembered in [true, false] {
                var search = LocalSearch(problem: p, candidates: Array(0..<p.visitCount), seed: 1, clock: SearchClock(limit: nil),
                                         progress: nil)
                if remembered { search.routeMemory = top.routes.map { [$0] } }
                var work = 0
                _ = search.repackAllDays(cap: 2, work: &work, labelBudget: .max, pivotBudget: .max)
                for d in 0..<2 where !search.routes[d].isEmpty {
                    #expect(p.arrival(day: d, search.routes[d]) < ScheduleProblem.never, "day \(d) breaks its rules")
                }
                let s = search.score
                if (s.required, s.score, -s.travel) == top.rank {
                    if remembered { best += 1 } else { bestWithoutThem += 1 }
                }
            }
        }
        #expect(runs >= 20, "only \(runs) trips with a day of more than two places")
        #expect(best == runs, "the best plan in only \(best) of \(runs)")
        #expect(bestWithoutThem * 2 < runs, "pools of two alone found the best plan in \(bestWithoutThem) of \(runs)")
    }
}
