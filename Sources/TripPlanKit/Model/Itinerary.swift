/// A scheduled trip: what `tripplan create --json` prints and what is saved beside the trip file.
///
/// The field names follow `tripplan-itinerary/1` (see CONTRACT.md). Times are local `HH:MM` on the day's date.
public struct Itinerary: Sendable, Hashable, Codable {
    public static let formatName = "tripplan-itinerary/1"

    public var format: String = Itinerary.formatName
    public var days: [Day]
    public var unscheduled: [Unscheduled]
    /// Sum of the days' travel minutes.
    public var travelMinutes: Int
    /// Sum of the days' estimated road kilometres.
    public var km: Double
    /// Fingerprint of the trip file this plan was made from; a plan whose digest differs is stale.
    public var tripDigest: String?
    /// The tripplan version that made the plan.
    public var generator: String?

    public init(days: [Day], unscheduled: [Unscheduled], tripDigest: String? = nil, generator: String? = nil) {
        self.days = days
        self.unscheduled = unscheduled
        self.travelMinutes = days.reduce(0) { $0 + $1.travelMinutes }
        self.km = days.reduce(0) { $0 + $1.km }
        self.tripDigest = tripDigest
        self.generator = generator
    }

    public struct Day: Sendable, Hashable, Codable {
        public var date: LocalDate
        public var from: Place.ID
        public var to: Place.ID
        /// Departure from `from`.
        public var depart: TimeOfDay
        /// Arrival at `to`.
        public var arrive: TimeOfDay
        /// All legs of the day, the last one to `to` included.
        public var travelMinutes: Int
        public var km: Double
        /// Visits only, in visiting order.
        public var stops: [Stop]
        /// The day's lunch break, when the trip asks for one.
        public var lunch: Break?
        /// The last leg, from the last stop (or `from`) to `to`.
        public var finalLeg: Leg

        public init(date: LocalDate, from: Place.ID, to: Place.ID, depart: TimeOfDay, arrive: TimeOfDay,
                    stops: [Stop], lunch: Break?, finalLeg: Leg) {
            self.date = date
            self.from = from
            self.to = to
            self.depart = depart
            self.arrive = arrive
            self.stops = stops
            self.lunch = lunch
            self.finalLeg = finalLeg
            self.travelMinutes = stops.reduce(finalLeg.minutes) { $0 + $1.travelMinutes }
            self.km = stops.reduce(finalLeg.km) { $0 + $1.km }
        }
    }

    public struct Stop: Sendable, Hashable, Codable {
        public var place: Place.ID
        /// Arrival; the group waits from here until `start` when the place is not yet open.
        public var arrive: TimeOfDay
        public var start: TimeOfDay
        public var end: TimeOfDay
        /// The leg that leads to this stop.
        public var travelMinutes: Int
        public var km: Double
        /// Minutes between arrival and the start of the visit not spent at lunch.
        public var waitMinutes: Int

        public init(place: Place.ID, arrive: TimeOfDay, start: TimeOfDay, end: TimeOfDay,
                    travelMinutes: Int, km: Double, waitMinutes: Int) {
            self.place = place
            self.arrive = arrive
            self.start = start
            self.end = end
            self.travelMinutes = travelMinutes
            self.km = km
            self.waitMinutes = waitMinutes
        }
    }

    /// A leg of travel.
    public struct Leg: Sendable, Hashable, Codable {
        public var minutes: Int
        public var km: Double
        public init(minutes: Int, km: Double) {
            self.minutes = minutes
            self.km = km
        }
    }

    /// A break (lunch) taken at a place on the route.
    public struct Break: Sendable, Hashable, Codable {
        /// Where the group is during the break.
        public var place: Place.ID
        public var start: TimeOfDay
        public var end: TimeOfDay
        public init(place: Place.ID, start: TimeOfDay, end: TimeOfDay) {
            self.place = place
            self.start = start
            self.end = end
        }
    }

    public struct Unscheduled: Sendable, Hashable, Codable {
        public var place: Place.ID
        /// Why the place could not be fitted, in the trip's language.
        public var reason: String
        /// The same reason in structured form, so that renderers can phrase it in another language.
        public var why: UnfitReason?
        public init(place: Place.ID, reason: String, why: UnfitReason? = nil) {
            self.place = place
            self.reason = reason
            self.why = why
        }
    }
}
