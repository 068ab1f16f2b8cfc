/// Why a place could not be put on any day, in a form every renderer can phrase in its own language.
public enum UnfitReason: Sendable, Hashable, Codable {
    /// Closed (no opening window) on every day of the trip.
    case closedOnTripDays(dates: [LocalDate])
    /// Open on some days, but no window there is as long as the visit.
    case windowsTooShort(visitMinutes: Int, windows: [DatedWindow])
    /// Open long enough, but even alone on a day the group cannot get there, visit and reach the day's end in time.
    case unreachable(date: LocalDate, overrunMinutes: Int)
    /// Open long enough, but even alone on a day the visit would miss its opening hours (or, when that day
    /// has one, the lunch break).
    case unreachableInWindow(date: LocalDate, overrunMinutes: Int, lunch: Bool)
    /// Feasible alone, but the days are full: the best insertion into the final plan would overrun.
    case noRoom(date: LocalDate, overrunMinutes: Int)
    /// Feasible alone, but the best insertion into the final plan would miss an opening window (or, when that
    /// day has one, the lunch break).
    case noRoomInWindow(date: LocalDate, overrunMinutes: Int, lunch: Bool)
    /// An optional place left out so that required places fit, or because it did not pay for its travel.
    case optionalLeftOut
    /// The search stopped (time limit) before it found a day for this place.
    case searchStopped

    public struct DatedWindow: Sendable, Hashable, Codable {
        public var date: LocalDate
        public var from: TimeOfDay
        public var to: TimeOfDay
        public init(date: LocalDate, from: TimeOfDay, to: TimeOfDay) {
            self.date = date
            self.from = from
            self.to = to
        }
    }
}
