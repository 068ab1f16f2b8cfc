/// A place on the trip: home, lodging, or a site the group visits.
public struct Place: Sendable, Hashable, Identifiable {
    /// The slug every other part of a trip file uses to refer to a place.
    public struct ID: StringIdentifier, Comparable {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public static func < (lhs: ID, rhs: ID) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    public var id: ID
    public var name: String
    public var lat: Double
    public var lon: Double
    /// How long the group stays; 0 for home and lodging.
    public var visitMinutes: Int
    /// When a visit may take place; nil means open all day. A visit lies wholly inside one interval.
    public var open: [OpeningRule]?
    /// Dates on which the place is closed whatever `open` says.
    public var closed: [LocalDate]
    /// Agreed visiting windows. When present, a visit must lie inside one of them (opening rules are ignored).
    public var appointments: [Appointment]
    /// Required places are scheduled before any optional one is considered.
    public var required: Bool
    /// Worth of an optional place; higher is better.
    public var score: Int
    public var kind: String?
    public var town: String?
    public var address: String?
    public var website: String?
    public var contact: Contact?
    public var notes: String?

    public init(
        id: ID, name: String, lat: Double, lon: Double, visitMinutes: Int = 0,
        open: [OpeningRule]? = nil, closed: [LocalDate] = [], appointments: [Appointment] = [],
        required: Bool = true, score: Int = 0, kind: String? = nil, town: String? = nil,
        address: String? = nil, website: String? = nil, contact: Contact? = nil, notes: String? = nil
    ) {
        self.id = id
        self.name = name
        self.lat = lat
        self.lon = lon
        self.visitMinutes = visitMinutes
        self.open = open
        self.closed = closed
        self.appointments = appointments
        self.required = required
        self.score = score
        self.kind = kind
        self.town = town
        self.address = address
        self.website = website
        self.contact = contact
        self.notes = notes
    }
}

/// A contact person at a place.
public struct Contact: Sendable, Hashable, Codable {
    public var name: String?
    public var phone: String?
    public var email: String?
    public init(name: String? = nil, phone: String? = nil, email: String? = nil) {
        self.name = name
        self.phone = phone
        self.email = email
    }
}

/// One entry of `places[].open`.
///
/// Applies on the weekdays in `days` and on the dates in `dates`; with neither, on every day.
public struct OpeningRule: Sendable, Hashable {
    public var days: [Weekday]?
    public var dates: [LocalDate]?
    public var from: TimeOfDay
    public var to: TimeOfDay

    public init(days: [Weekday]? = nil, dates: [LocalDate]? = nil, from: TimeOfDay, to: TimeOfDay) {
        self.days = days
        self.dates = dates
        self.from = from
        self.to = to
    }

    public func applies(on date: LocalDate) -> Bool {
        if days == nil && dates == nil { return true }
        if let days, days.contains(date.weekday) { return true }
        if let dates, dates.contains(date) { return true }
        return false
    }
}

/// A fixed window agreed with the hosts on one date.
public struct Appointment: Sendable, Hashable {
    public var date: LocalDate
    public var from: TimeOfDay
    public var to: TimeOfDay
    public init(date: LocalDate, from: TimeOfDay, to: TimeOfDay) {
        self.date = date
        self.from = from
        self.to = to
    }
}

/// A window of local time on one date.
public struct TimeWindow: Sendable, Hashable {
    public var from: TimeOfDay
    public var to: TimeOfDay
    public init(from: TimeOfDay, to: TimeOfDay) {
        self.from = from
        self.to = to
    }
    public var minutes: Int { to.minutes - from.minutes }
}

extension Place {
    /// The windows in which a visit may lie on `date`, sorted and merged.
    ///
    /// Closed dates give none; appointments, when any exist, replace the opening rules. A window that starts
    /// and ends at the same minute is kept: a visit of 0 minutes fits it.
    public func windows(on date: LocalDate) -> [TimeWindow] {
        if closed.contains(date) { return [] }
        var raw: [TimeWindow]
        if !appointments.isEmpty {
            raw = appointments.filter { $0.date == date }.map { TimeWindow(from: $0.from, to: $0.to) }
        } else if let open {
            raw = open.filter { $0.applies(on: date) }.map { TimeWindow(from: $0.from, to: $0.to) }
        } else {
            raw = [TimeWindow(from: TimeOfDay(minutes: 0), to: TimeOfDay(minutes: 24 * 60))]
        }
        raw.removeAll { $0.to < $0.from }
        raw.sort { ($0.from, $0.to) < ($1.from, $1.to) }
        var merged: [TimeWindow] = []
        for window in raw {
            if let last = merged.last, window.from <= last.to {
                merged[merged.count - 1].to = max(last.to, window.to)
            } else {
                merged.append(window)
            }
        }
        return merged
    }
}
