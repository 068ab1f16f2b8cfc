import Foundation
import Testing
@testable import TripPlanKit

@Suite struct SearchPortfolioTests {
    typealias T = SchedTest

    /// Without a time limit, `jobs: 2` is the better of the single searches with seeds s and s+1 (the
    /// lower seed on a tie), byte for byte, whichever thread finishes first.
    @Test func searchesSideBySideGiveTheBetterOfTheirSeeds() {
        var r = T.Rand(state: 4_242)
        let (trip, matrix) = T.randomLargerTrip(&r, maxVisits: 30)
        let singles = (3...4).map { Scheduler.plan(trip, travel: matrix, options: SchedulerOptions(seed: $0, jobs: 1)) }
        let better = T.objective(singles[0], trip: trip).lexicographicallyPrecedes(T.objective(singles[1], trip: trip))
            ? singles[1] : singles[0]
        let side = Scheduler.plan(trip, travel: matrix, options: SchedulerOptions(seed: 3, jobs: 2))
        #expect(T.problems(side, trip: trip, matrix: matrix).isEmpty)
        #expect(side.jsonData() == better.jsonData())
    }

    @Test func theBestScoreWinsAndTheLowestSearchOnATie() {
        func score(_ required: Int, _ points: Int, _ travel: Int) -> PlanScore {
            PlanScore(required: required, score: points, travel: travel, finish: 0)
        }
        #expect(SearchPortfolio.winner([score(5, 3, 100)]) == 0)
        #expect(SearchPortfolio.winner([score(5, 3, 100), score(6, 0, 900), score(5, 9, 10)]) == 1)
        #expect(SearchPortfolio.winner([score(5, 3, 100), score(5, 4, 900), score(5, 4, 800)]) == 2)
        #expect(SearchPortfolio.winner([score(5, 3, 100), score(5, 3, 100), score(5, 3, 101)]) == 0)
        #expect(SearchPortfolio.winner([.worst, score(0, 0, 0), score(0, 0, 0)]) == 1)
    }

    @Test func aFixedNumberWithoutALimitAndOnePerCoreWithOne() {
        #expect(SchedulerOptions().resolvedJobs == SchedulerOptions.fixedJobs)
        #expect(SchedulerOptions.fixedJobs == 2)
        #expect((1...SchedulerOptions.maxJobs).contains(SchedulerOptions(timeLimit: 1).resolvedJobs))
        #expect(SchedulerOptions(timeLimit: 1, jobs: 3).resolvedJobs == 3)
        #expect(SchedulerOptions(jobs: 2).resolvedJobs == 2)
        #expect(SchedulerOptions(jobs: 0).resolvedJobs == 1)
    }

    @Test func timeLimitedSearchesSideBySideAreFeasible() {
        var r = T.Rand(state: 8)
        let (trip, matrix) = T.randomLargerTrip(&r, maxVisits: 30)
        let plan = Scheduler.plan(trip, travel: matrix, options: SchedulerOptions(timeLimit: 0.2, jobs: 3))
        #expect(T.problems(plan, trip: trip, matrix: matrix).isEmpty)
    }

    /// Search 0 reports for all: the most visits placed, then the least travel, of every search's latest report.
    @Test func progressShowsTheBestOfAllSearches() {
        let seen = Seen()
        let board = ProgressBoard(jobs: 3) { seen.add($0) }
        func progress(_ visits: Int, _ travel: Int) -> SearchProgress {
            SearchProgress(elapsedSeconds: 1, remainingSeconds: 2, visitsPlaced: visits, bestTravelMinutes: travel)
        }
        board.reporter(1)(progress(30, 900))
        board.reporter(2)(progress(30, 850))
        #expect(seen.all.isEmpty, "only search 0 reports")
        board.reporter(0)(progress(28, 700))
        board.reporter(2)(progress(31, 990))
        board.reporter(0)(progress(29, 600))
        #expect(seen.all.map(\.visitsPlaced) == [30, 31])
        #expect(seen.all.map(\.bestTravelMinutes) == [850, 990])
        #expect(seen.all.map(\.remainingSeconds) == [2, 2])
    }

    /// A search longer than a second reports the time left to its whole limit, although it runs its steps
    /// (each search, the packing, the chains) against shorter ones.
    @Test func progressCountsTheTimeLeftToTheWholeLimit() {
        var r = T.Rand(state: 8)
        let (trip, matrix) = T.randomLargerTrip(&r, maxVisits: 30)
        let seen = Seen()
        let limit = 2.0
        var options = SchedulerOptions(timeLimit: limit, jobs: 1)
        options.progress = { seen.add($0) }
        let plan = Scheduler.plan(trip, travel: matrix, options: options)
        #expect(T.problems(plan, trip: trip, matrix: matrix).isEmpty)
        #expect(!seen.all.isEmpty)
        for report in seen.all {
            let end = report.elapsedSeconds + (report.remainingSeconds ?? 0)
            #expect(abs(end - limit * (1 - SearchClock.finishingShare)) < 0.01, "reported end \(end) s")
        }
    }

    private final class Seen: @unchecked Sendable {
        private let lock = NSLock()
        private var stored: [SearchProgress] = []
        func add(_ progress: SearchProgress) { lock.withLock { stored.append(progress) } }
        var all: [SearchProgress] { lock.withLock { stored } }
    }
}
