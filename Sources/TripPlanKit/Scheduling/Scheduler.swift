/// Options that steer the search.
public struct SchedulerOptions: Sendable {
    /// Wall-clock bound in seconds; nil means a deterministic search (same trip, same plan).
    public var timeLimit: Double?
    /// Seed of the search's random choices.
    public var seed: UInt64
    /// Called now and then during searches longer than a second.
    public var progress: (@Sendable (SearchProgress) -> Void)?

    public init(timeLimit: Double? = nil, seed: UInt64 = 1, progress: (@Sendable (SearchProgress) -> Void)? = nil) {
        self.timeLimit = timeLimit
        self.seed = seed
        self.progress = progress
    }
}

/// A snapshot of a running search.
public struct SearchProgress: Sendable {
    public var elapsedSeconds: Double
    public var remainingSeconds: Double?
    public var visitsPlaced: Int
    public var bestTravelMinutes: Int
}

/// Puts each visit on a day and orders each day.
public enum Scheduler {
    /// Plans the trip.
    ///
    /// Hard constraints: a visit lies wholly inside one window of its place on that date; a day leaves
    /// `from` no earlier than `start` and reaches `to` by `end`; each place at most once; the lunch break.
    /// Objective, in order: required visits, optional score, total travel minutes, earliest finish.
    public static func plan(_ trip: Trip, travel: TravelMatrix, options: SchedulerOptions = .init()) -> Itinerary {
        // Placeholder until the solver lands.
        let unscheduled = trip.placesToVisit.map {
            Itinerary.Unscheduled(place: $0, reason: UnfitReason.searchStopped.text(trip.language), why: .searchStopped)
        }
        return Itinerary(days: [], unscheduled: unscheduled)
    }
}
