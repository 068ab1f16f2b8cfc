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
}
