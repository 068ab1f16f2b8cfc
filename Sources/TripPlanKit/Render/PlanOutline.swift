/// The printed plan's content worked out once, for every format: names, the route, totals, each day's
/// timeline, the contacts and the places not fitted.
///
/// The HTML and Markdown renderers differ only in how they lay this out, so a fix to what the plan says
/// (say, where lunch falls in the timeline) lands in both.
struct PlanOutline: Sendable {
    let trip: Trip
    let itinerary: Itinerary
    let language: Language
    let memories: [Place.ID: PlaceMemory]
    let labels: PlanLabels
    /// Places by id (a trip may hold hundreds; `Trip.place(_:)` is a linear search).
    let places: [Place.ID: Place]
    /// Trip-wide number of each visit, in visiting order: the same number on the maps and in the timelines.
    let stopNumbers: [Place.ID: Int]

    init(trip: Trip, itinerary: Itinerary, language: Language, memories: [Place.ID: PlaceMemory]) {
        self.trip = trip
        self.itinerary = itinerary
        self.language = language
        self.memories = memories
        self.labels = PlanLabels.table(language)
        var places: [Place.ID: Place] = [:]
        for place in trip.places where places[place.id] == nil { places[place.id] = place }
        self.places = places
        var numbers: [Place.ID: Int] = [:]
        for stop in itinerary.days.flatMap(\.stops) where numbers[stop.place] == nil {
            numbers[stop.place] = numbers.count + 1
        }
        self.stopNumbers = numbers
    }

    // MARK: Names

    /// The place's name, or its id when the trip no longer has it.
    func name(_ id: Place.ID) -> String { places[id]?.name ?? id.rawValue }

    /// The town a place lies in; its name when the trip file gives no town.
    func town(_ id: Place.ID) -> String {
        if let town = places[id]?.town, !town.isEmpty { return town }
        return name(id)
    }

    /// The name followed by the town when the name does not already say it: "Ideju māja, Aizpute".
    func nameWithTown(_ id: Place.ID) -> String {
        let name = name(id)
        if let town = places[id]?.town, !town.isEmpty, !name.contains(town) { return "\(name), \(town)" }
        return name
    }

    // MARK: Cover

    /// Every place the group passes in order (start, visits, each night's stop, the end), one entry per move.
    var routePlaces: [Place.ID] {
        var ids: [Place.ID] = []
        for day in itinerary.days {
            if ids.last != day.from { ids.append(day.from) }
            for stop in day.stops where ids.last != stop.place { ids.append(stop.place) }
            if ids.last != day.to { ids.append(day.to) }
        }
        return ids
    }

    /// The towns in the order the group reaches them, a town repeated only when the group comes back to it.
    var routeTowns: [String] {
        var towns: [String] = []
        for id in routePlaces {
            let town = town(id)
            if towns.last != town { towns.append(town) }
        }
        return towns
    }

    var visitCount: Int { itinerary.days.reduce(0) { $0 + $1.stops.count } }

    /// "sestdiena, 2023. gada 27. maijs – svētdiena, 2023. gada 28. maijs", or one date for a one-day trip.
    var dateRange: String {
        let dates = itinerary.days.isEmpty ? trip.days.map(\.date) : itinerary.days.map(\.date)
        guard let first = dates.first, let last = dates.last else { return "" }
        if first == last { return DateText.long(first, language) }
        return DateText.long(first, language) + " – " + DateText.long(last, language)
    }

    func km(_ value: Double) -> String { String(Int(value.rounded())) + " km" }

    /// "1. diena" / "Day 1".
    func dayTitle(_ index: Int) -> String { labels.day(index + 1) }

    // MARK: Timeline

    /// One line of a day's timeline.
    struct Row: Sendable, Hashable {
        enum Kind: Sendable, Hashable { case departure, travel, lunch, visit, end }
        var kind: Kind
        /// `HH:MM` or `HH:MM–HH:MM`.
        var time: String
        /// Nil for travel.
        var place: Place.ID?
        /// The visit's trip-wide number, on visit rows.
        var number: Int?
        /// What happens, already in the plan's language.
        var what: String
        /// A second, quieter line: arrival and waiting before the visit ("ierašanās 09:45, gaidīšana 15 min").
        var detail: String? = nil
        /// Whether the row shows the place's address and phone (once per place and day, where it matters).
        var showsContact: Bool
        /// Minute the row starts, to put a lunch taken away from any visit in its place.
        var startMinute: Int
    }

    func timeline(_ day: Itinerary.Day) -> [Row] {
        let l = labels
        var rows: [Row] = [Row(kind: .departure, time: day.depart.description, place: day.from, number: nil,
                               what: l.departure, showsContact: true, startMinute: day.depart.minutes)]
        func travel(minutes: Int, km value: Double, arriving: TimeOfDay) {
            guard minutes > 0 else { return }
            let leave = TimeOfDay(minutes: max(0, arriving.minutes - minutes))
            rows.append(Row(kind: .travel, time: "\(leave)–\(arriving)", place: nil, number: nil,
                            what: "\(l.travel): \(km(value)), \(DateText.duration(minutes: minutes))",
                            showsContact: false, startMinute: leave.minutes))
        }
        func lunchRow(_ lunch: Itinerary.Break, showsContact: Bool) -> Row {
            Row(kind: .lunch, time: "\(lunch.start)–\(lunch.end)", place: lunch.place, number: nil, what: l.lunch,
                showsContact: showsContact, startMinute: lunch.start.minutes)
        }
        for stop in day.stops {
            travel(minutes: stop.travelMinutes, km: stop.km, arriving: stop.arrive)
            let lunchFirst = day.lunch.flatMap { $0.place == stop.place && $0.end <= stop.start ? $0 : nil }
            // Arrival and waiting are told on the first row at the place, not on a row of their own.
            let firstStart = lunchFirst?.start ?? stop.start
            var arrival: String?
            if stop.arrive < firstStart || stop.waitMinutes > 0 {
                var parts: [String] = []
                if stop.arrive < firstStart { parts.append("\(l.arrival.lowercased()) \(stop.arrive)") }
                if stop.waitMinutes > 0 { parts.append("\(l.waiting) \(DateText.duration(minutes: stop.waitMinutes))") }
                arrival = parts.joined(separator: ", ")
            }
            if let lunch = lunchFirst {
                var row = lunchRow(lunch, showsContact: false)
                row.detail = arrival
                arrival = nil
                rows.append(row)
            }
            var what = "\(l.visit), \(DateText.duration(minutes: stop.end.minutes - stop.start.minutes))"
            if let kind = places[stop.place]?.kindName(language) { what += " · \(kind)" }
            rows.append(Row(kind: .visit, time: "\(stop.start)–\(stop.end)", place: stop.place,
                            number: stopNumbers[stop.place], what: what, detail: arrival, showsContact: true,
                            startMinute: stop.start.minutes))
            if let lunch = day.lunch, lunch.place == stop.place, lunch.start >= stop.end {
                rows.append(lunchRow(lunch, showsContact: false))
            }
        }
        travel(minutes: day.finalLeg.minutes, km: day.finalLeg.km, arriving: day.arrive)
        let isLastDay = day == itinerary.days.last
        let arrival = day.to == trip.home ? l.arrivalHome
            : (!isLastDay || places[day.to]?.kind == "lodging") ? l.arrivalLodging : l.arrival
        var end = Row(kind: .end, time: day.arrive.description, place: day.to, number: nil, what: arrival,
                      showsContact: day.to != day.from, startMinute: day.arrive.minutes)
        end.detail = trip.lateArrivalNote(for: day, language)
        rows.append(end)
        if let lunch = day.lunch, !day.stops.contains(where: { $0.place == lunch.place }) {
            // A lunch away from every visit (at the start or the night's stop) goes where its time puts it.
            let index = rows.firstIndex { $0.startMinute > lunch.start.minutes } ?? rows.count
            rows.insert(lunchRow(lunch, showsContact: true), at: index)
        }
        return rows
    }

    /// "Ķekava → Kuldīga → Aizpute → Ziemupe → Liepāja" for one day.
    func dayRoute(_ day: Itinerary.Day) -> [String] {
        var towns: [String] = []
        for id in [day.from] + day.stops.map(\.place) + [day.to] where towns.last != town(id) {
            towns.append(town(id))
        }
        return towns
    }

    // MARK: Contacts and places not fitted

    /// Places in the order the plan meets them, then those not fitted, then the rest of the trip file.
    var contactPlaces: [Place] {
        var seen: Set<Place.ID> = []
        var ordered: [Place] = []
        let ids = routePlaces + itinerary.unscheduled.map(\.place) + trip.places.map(\.id)
        for id in ids where !seen.contains(id) {
            seen.insert(id)
            if let place = places[id] { ordered.append(place) }
        }
        return ordered
    }

    /// The reason a place was not fitted, phrased in the plan's language when the itinerary says why.
    func reason(_ item: Itinerary.Unscheduled) -> String {
        item.why?.text(language) ?? item.reason
    }

    /// A follow-up for print: "Send the report — Anna, due 2023-06-10".
    func followUp(_ note: PlaceMemory.FollowUpNote) -> String {
        var parts: [String] = []
        if let owner = note.owner, !owner.isEmpty { parts.append(owner) }
        if let due = note.due { parts.append("\(labels.due) \(dateWithYear(due))") }
        return parts.isEmpty ? note.action : note.action + " — " + parts.joined(separator: ", ")
    }

    /// "2023. gada 28. maijs" / "28 May 2023".
    func dateWithYear(_ date: LocalDate) -> String {
        language == .lv ? "\(date.year). gada \(DateText.dayMonth(date, .lv))" : "\(DateText.dayMonth(date, .en)) \(date.year)"
    }

    /// "Kurzeme 2023, 2023. gada 28. maijs" — where the last lesson came from.
    func lessonSource(_ memory: PlaceMemory) -> String {
        var parts: [String] = []
        if let trip = memory.lastLessonTrip, !trip.isEmpty { parts.append(trip) }
        if let date = memory.lastLessonDate { parts.append(dateWithYear(date)) }
        return parts.joined(separator: ", ")
    }
}
