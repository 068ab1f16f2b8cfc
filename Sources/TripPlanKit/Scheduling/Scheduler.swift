import Foundation

/// Options that steer the search.
public struct SchedulerOptions: Sendable {
    /// Wall-clock bound in seconds; nil means a deterministic search (same trip, same plan).
    public var timeLimit: Double?
    /// Seed of the search's random choices.
    public var seed: UInt64
    /// Called now and then during searches longer than a second.
    public var progress: (@Sendable (SearchProgress) -> Void)?
    /// How many searches run side by side, each on its own thread with its own seed (`seed`, `seed + 1`,
    /// …); the best plan wins. nil: one per processor core (at most `maxJobs`) with a time limit, and
    /// `fixedJobs` without one: a fixed number, so that a plan made without a limit is the same on every
    /// machine.
    public var jobs: Int?

    /// The most searches `jobs: nil` runs side by side with a time limit.
    public static let maxJobs = 8
    /// The searches `jobs: nil` runs without a time limit. Two: on the tuning trips (seeds 1-32, 25-200
    /// places) two found more on 44 of 128 trips (+3 required visits, +248 score; never less, as search 0
    /// is the single search) in about the same wall time on two cores; on one core they take twice as long.
    public static let fixedJobs = 2

    public init(timeLimit: Double? = nil, seed: UInt64 = 1, jobs: Int? = nil,
                progress: (@Sendable (SearchProgress) -> Void)? = nil) {
        self.timeLimit = timeLimit
        self.seed = seed
        self.jobs = jobs
        self.progress = progress
    }

    /// The searches that will run side by side (see `jobs`).
    public var resolvedJobs: Int {
        if let jobs { return max(1, jobs) }
        return timeLimit == nil ? Self.fixedJobs : max(1, min(Self.maxJobs, ProcessInfo.processInfo.activeProcessorCount))
    }
}

/// A snapshot of a running search.
public struct SearchProgress: Sendable {
    public var elapsedSeconds: Double
    public var remainingSeconds: Double?
    /// Visits (required and optional) in the best plan so far.
    public var visitsPlaced: Int
    /// Travel minutes of that plan.
    public var bestTravelMinutes: Int
}

/// Puts each visit on a day and orders each day.
public enum Scheduler {
    /// Plans the trip.
    ///
    /// Hard constraints: a visit lies wholly inside one window of its place on that date; a day leaves
    /// `from` no earlier than `start` and reaches `to` by `end`; each place at most once; the lunch break.
    /// Objective, in order: required visits, optional score, total travel minutes, earliest finish.
    /// With at most `ExactSolver.maxVisits` places that can be visited at all the plan is provably optimal;
    /// beyond that a local search decides (deterministic without a time limit). See docs/scheduler.md.
    public static func plan(_ trip: Trip, travel: TravelMatrix, options: SchedulerOptions = .init()) -> Itinerary {
        // A time limit is a deadline for the whole plan: the search stops a little before it, so that the
        // steps after it (the last round, the final polish and the itinerary's assembly) end within it.
        let clock = SearchClock(limit: options.timeLimit.map { $0 * (1 - SearchClock.finishingShare) })
        let problem = ScheduleProblem(trip: trip, travel: travel)
        // A place closed (or with every window too short) on every day can never be visited. One that does
        // not fit even alone on any day cannot be visited either, provided travel obeys the triangle
        // inequality (no detour is faster than the direct leg); without it, only the closed ones are dropped.
        let open = (0..<problem.visitCount).filter { v in (0..<problem.dayCount).contains { problem.isOpen($0, v) } }
        var candidates = open
        if open.count > ExactSolver.maxVisits && problem.obeysTriangleInequality {
            candidates = open.filter { v in
                (0..<problem.dayCount).contains { problem.isOpen($0, v) && problem.arrival(day: $0, [v]) < ScheduleProblem.never }
            }
        }
        let routes: [[Int]]
        if candidates.count <= ExactSolver.maxVisits {
            routes = ExactSolver(problem: problem, candidates: candidates).solve()
        } else {
            routes = SearchPortfolio.run(problem: problem, candidates: candidates, seed: options.seed, clock: clock,
                                         jobs: options.resolvedJobs, progress: options.progress)
        }
        return ItineraryAssembler(trip: trip, matrix: travel, problem: problem)
            .itinerary(routes: routes)
    }
}

/// Wall-clock bookkeeping for a search with an optional time limit.
struct SearchClock: Sendable {
    /// The share of a time limit left for the steps after the search. They took up to 2 ms after a 1 s
    /// search on the Dumas instances and on trips of 200 places (up to 8 ms with another process beside
    /// the search on a 2-core machine); 0.5 % is 5 ms at 1 s.
    static let finishingShare = 0.005

    let began: Double
    let limit: Double?

    init(limit: Double?) {
        began = SearchClock.now()
        self.limit = limit
    }

    static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    /// The same clock with another limit (the same start).
    func limited(to seconds: Double?) -> SearchClock {
        SearchClock(began: began, limit: seconds)
    }

    private init(began: Double, limit: Double?) {
        self.began = began
        self.limit = limit
    }

    var elapsed: Double { SearchClock.now() - began }
    var remaining: Double? { limit.map { max(0, $0 - elapsed) } }
    var expired: Bool { limit.map { elapsed >= $0 } ?? false }
}
