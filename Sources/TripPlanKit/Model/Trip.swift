/// A study trip as read from a `tripplan/1` file: the places, the days, and what to visit.
///
/// Values are validated on reading (`Trip(jsonData:fileName:)`); a `Trip` in memory is always
/// internally consistent: ids are unique and every reference resolves.
public struct Trip: Sendable, Hashable {
    public static let format = "tripplan/1"

    public var title: String
    public var timeZone: String
    public var home: Place.ID
    public var places: [Place]
    public var days: [TripDay]
    /// The places to schedule; nil means every place that is not home nor a day's start or end.
    public var visit: [Place.ID]?
    public var travel: TravelSpec
    public var language: Language
    public var organizer: String?
    public var lunch: LunchBreak?
    public var emergency: Emergency?
    public var notes: String?

    public init(
        title: String, timeZone: String = "Europe/Riga", home: Place.ID, places: [Place], days: [TripDay],
        visit: [Place.ID]? = nil, travel: TravelSpec = TravelSpec(), language: Language = .lv,
        organizer: String? = nil, lunch: LunchBreak? = nil, emergency: Emergency? = nil, notes: String? = nil
    ) {
        self.title = title
        self.timeZone = timeZone
        self.home = home
        self.places = places
        self.days = days
        self.visit = visit
        self.travel = travel
        self.language = language
        self.organizer = organizer
        self.lunch = lunch
        self.emergency = emergency
        self.notes = notes
    }
}

/// Output language for everything tripplan writes for people.
public enum Language: String, Sendable, Hashable, Codable, CaseIterable {
    case lv, en
}

/// One day of the trip: when the group may leave, by when it must arrive, and where it sleeps.
public struct TripDay: Sendable, Hashable {
    public var date: LocalDate
    /// Earliest departure from `from`.
    public var start: TimeOfDay
    /// Latest arrival at `to`.
    public var end: TimeOfDay
    /// As written in the file; see `Trip.resolvedDays` for the defaults applied.
    public var from: Place.ID?
    public var to: Place.ID?

    public init(date: LocalDate, start: TimeOfDay, end: TimeOfDay, from: Place.ID? = nil, to: Place.ID? = nil) {
        self.date = date
        self.start = start
        self.end = end
        self.from = from
        self.to = to
    }
}

/// A break the group takes every day whose hours cover its window (lunch).
///
/// The break lasts `minutes` and lies wholly inside `from`–`to`; it is taken at a place on the route,
/// before or after a visit, and may overlap time the group would otherwise spend waiting.
public struct LunchBreak: Sendable, Hashable {
    public var from: TimeOfDay
    public var to: TimeOfDay
    public var minutes: Int
    public init(from: TimeOfDay, to: TimeOfDay, minutes: Int) {
        self.from = from
        self.to = to
        self.minutes = minutes
    }
}

/// Emergency information printed with the contacts.
public struct Emergency: Sendable, Hashable {
    public var phone: String?
    public var contact: Contact?
    public var notes: String?
    public init(phone: String? = nil, contact: Contact? = nil, notes: String? = nil) {
        self.phone = phone
        self.contact = contact
        self.notes = notes
    }
}

/// How travel times are obtained: exact overrides, a road router's table, and the estimate's parameters.
public struct TravelSpec: Sendable, Hashable {
    /// `travel.minutes[a][b]`: used exactly as given.
    public var minutes: [Place.ID: [Place.ID: Int]]
    /// The answer of an OSRM `table` request, resolved to place ids.
    public var osrm: OSRMTable?
    /// Parameters of the great-circle estimate used for every pair not otherwise known.
    public var model: TravelModelParameters

    public init(minutes: [Place.ID: [Place.ID: Int]] = [:], osrm: OSRMTable? = nil,
                model: TravelModelParameters = .default) {
        self.minutes = minutes
        self.osrm = osrm
        self.model = model
    }
}

/// A road router's duration (and optionally distance) matrix over named places.
public struct OSRMTable: Sendable, Hashable {
    public var places: [Place.ID]
    /// Seconds, row = from, column = to; nil where the router found no route.
    public var durations: [[Double?]]
    /// Metres, when the router was asked for them.
    public var distances: [[Double?]]?
    public init(places: [Place.ID], durations: [[Double?]], distances: [[Double?]]? = nil) {
        self.places = places
        self.durations = durations
        self.distances = distances
    }
}

/// Parameters of the offline travel estimate (see `TravelModel`).
public struct TravelModelParameters: Sendable, Hashable {
    /// Road distance ÷ great-circle distance.
    public var detourFactor: Double
    /// Average coach speed on the road, km/h.
    public var speedKmh: Double
    /// Minutes added to every leg between two different places: boarding, parking, walking in.
    public var bufferMinutes: Int

    public init(detourFactor: Double, speedKmh: Double, bufferMinutes: Int) {
        self.detourFactor = detourFactor
        self.speedKmh = speedKmh
        self.bufferMinutes = bufferMinutes
    }

    /// Calibrated on Latvian regional roads; see docs/travel-model.md.
    public static let `default` = TravelModelParameters(detourFactor: 1.2, speedKmh: 80, bufferMinutes: 10)
}
