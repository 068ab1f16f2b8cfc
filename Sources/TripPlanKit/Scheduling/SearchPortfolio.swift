import Foundation

/// Several independent local searches side by side, one per thread; the best plan wins.
///
/// Search `j` uses the seed `seed + j`, so search 0 is exactly the single search and `jobs: 1` changes
/// nothing. All share one clock, so a time limit bounds them all. The winner is the best
/// (required, score, travel, finish), the lowest `j` on a tie: without a time limit the plan depends only
/// on the trip, the seed and `jobs`, never on which thread finished first.
enum SearchPortfolio {
    /// Threads get this stack, like a main thread's (the search does not recurse deeply; this is headroom).
    static let stackSize = 8 << 20

    static func run(problem: ScheduleProblem, candidates: [Int], seed: UInt64, clock: SearchClock,
                    jobs: Int, progress: (@Sendable (SearchProgress) -> Void)?) -> [[Int]] {
        if jobs <= 1 {
            var search = LocalSearch(problem: problem, candidates: candidates, seed: seed, clock: clock, progress: progress)
            return search.run()
        }
        let board = progress.map { ProgressBoard(jobs: jobs, report: $0) }
        let results = Results(count: jobs)
        let finished = DispatchGroup()
        for job in 1..<jobs {
            finished.enter()
            let thread = Thread {
                var search = LocalSearch(problem: problem, candidates: candidates, seed: seed &+ UInt64(job),
                                         clock: clock, progress: board?.reporter(job))
                let routes = search.run()
                results.set(job, routes: routes, score: search.score)
                finished.leave()
            }
            thread.stackSize = stackSize
            thread.start()
        }
        var search = LocalSearch(problem: problem, candidates: candidates, seed: seed, clock: clock,
                                 progress: board?.reporter(0))
        let routes = search.run()
        results.set(0, routes: routes, score: search.score)
        finished.wait()
        return results.best()
    }

    /// The index of the best score, the lowest on a tie.
    static func winner(_ scores: [PlanScore]) -> Int {
        var best = 0
        for (job, score) in scores.enumerated() where score.isBetter(than: scores[best]) { best = job }
        return best
    }

    /// Each search's plan, written once by its own thread.
    private final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private var plans: [(routes: [[Int]], score: PlanScore)?]

        init(count: Int) { plans = Array(repeating: nil, count: count) }

        func set(_ job: Int, routes: [[Int]], score: PlanScore) {
            lock.withLock { plans[job] = (routes, score) }
        }

        /// The best plan (called after every search has finished).
        func best() -> [[Int]] {
            lock.withLock { plans[SearchPortfolio.winner(plans.map { $0?.score ?? .worst })]?.routes ?? [] }
        }
    }
}

/// Gathers the searches' progress; search 0's reports (about once a second) carry the best of all:
/// the most visits placed, then the least travel.
final class ProgressBoard: @unchecked Sendable {
    private let lock = NSLock()
    private var latest: [SearchProgress?]
    private let report: @Sendable (SearchProgress) -> Void

    init(jobs: Int, report: @escaping @Sendable (SearchProgress) -> Void) {
        latest = Array(repeating: nil, count: max(1, jobs))
        self.report = report
    }

    func reporter(_ job: Int) -> @Sendable (SearchProgress) -> Void {
        { [self] progress in
            let combined: SearchProgress? = lock.withLock {
                latest[job] = progress
                guard job == 0 else { return nil }
                var best = progress
                for case let other? in latest
                where (other.visitsPlaced, -other.bestTravelMinutes) > (best.visitsPlaced, -best.bestTravelMinutes) {
                    best.visitsPlaced = other.visitsPlaced
                    best.bestTravelMinutes = other.bestTravelMinutes
                }
                return best
            }
            if let combined { report(combined) }
        }
    }
}
