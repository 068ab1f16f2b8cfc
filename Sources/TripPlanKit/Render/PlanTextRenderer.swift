/// The plan as `tripplan create` prints it on a terminal: a timeline per day, totals, and the places not fitted.
public struct PlanTextRenderer: Sendable {
    public var trip: Trip
    public var language: Language
    /// Earlier lessons per place, shown under a visit ("Last time: …" and the open follow-ups).
    public var memories: [Place.ID: PlaceMemory]

    public init(trip: Trip, language: Language, memories: [Place.ID: PlaceMemory] = [:]) {
        self.trip = trip
        self.language = language
        self.memories = memories
    }

    struct Words {
        var day, depart, arrive, visit, wait, lunch, dayTotal, tripTotal, notFitted, onRoad, none, organizer: String
        var visitOne, visitMany, dayOne, dayMany: String
    }

    var words: Words {
        switch language {
        case .lv:
            return Words(day: "diena", depart: "izbraukšana", arrive: "ierašanās", visit: "apmeklējums",
                         wait: "gaidīšana", lunch: "pusdienas", dayTotal: "Dienā",
                         tripTotal: "Kopā", notFitted: "Neiekļautās vietas",
                         onRoad: "ceļā", none: "Plānā nav neviena apmeklējuma.", organizer: "Organizators",
                         visitOne: "apmeklējums", visitMany: "apmeklējumi", dayOne: "diena", dayMany: "dienas")
        case .en:
            return Words(day: "Day", depart: "depart", arrive: "arrive", visit: "visit",
                         wait: "wait", lunch: "lunch", dayTotal: "Day total",
                         tripTotal: "Trip total", notFitted: "Places not fitted",
                         onRoad: "on the road", none: "The plan has no visits.", organizer: "Organizer",
                         visitOne: "visit", visitMany: "visits", dayOne: "day", dayMany: "days")
        }
    }

    func name(_ id: Place.ID) -> String {
        guard let place = trip.place(id) else { return id.rawValue }
        if let town = place.town, !town.isEmpty, !place.name.contains(town) { return "\(place.name), \(town)" }
        return place.name
    }

    func km(_ value: Double) -> String { String(Int(value.rounded())) + " km" }

    public func render(_ itinerary: Itinerary) -> String {
        let w = words
        var out = trip.title + "\n"
        if let organizer = trip.organizer { out += "\(w.organizer): \(organizer)\n" }
        for (index, day) in itinerary.days.enumerated() {
            let heading = language == .lv
                ? "\(index + 1). \(w.day) — \(DateText.long(day.date, .lv))"
                : "\(w.day) \(index + 1) — \(DateText.long(day.date, .en))"
            out += "\n" + heading + "\n" + String(repeating: "─", count: heading.count) + "\n"
            if let lunch = day.lunch, lunch.place == day.from, day.stops.isEmpty || lunch.end <= day.depart {
                out += line("\(lunch.start)–\(lunch.end)", "\(w.lunch): \(name(lunch.place))")
            }
            out += line(day.depart.description, "\(w.depart): \(name(day.from))")
            for stop in day.stops {
                out += leg(minutes: stop.travelMinutes, km: stop.km)
                var arrival = "\(w.arrive): \(name(stop.place))"
                if stop.waitMinutes > 0 { arrival += " (\(w.wait) \(DateText.duration(minutes: stop.waitMinutes)))" }
                if stop.arrive != stop.start || stop.waitMinutes > 0 { out += line(stop.arrive.description, arrival) }
                if let lunch = day.lunch, lunch.place == stop.place, lunch.end <= stop.start {
                    out += line("\(lunch.start)–\(lunch.end)", w.lunch)
                }
                out += line("\(stop.start)–\(stop.end)", "\(w.visit): \(name(stop.place))")
                if let memory = memories[stop.place] { out += remembered(memory) }
                if let lunch = day.lunch, lunch.place == stop.place, lunch.start >= stop.end {
                    out += line("\(lunch.start)–\(lunch.end)", w.lunch)
                }
            }
            out += leg(minutes: day.finalLeg.minutes, km: day.finalLeg.km)
            out += line(day.arrive.description, "\(w.arrive): \(name(day.to))")
            if let late = trip.lateArrivalNote(for: day, language) { out += line("", late) }
            if let lunch = day.lunch, lunch.place == day.to, lunch.place != day.from || lunch.start >= day.arrive,
               !day.stops.contains(where: { $0.place == lunch.place }) {
                out += line("\(lunch.start)–\(lunch.end)", "\(w.lunch): \(name(lunch.place))")
            }
            let visits = DateText.count(day.stops.count, one: w.visitOne, many: w.visitMany, language)
            out += "  \(w.dayTotal): \(visits), \(DateText.duration(minutes: day.travelMinutes)) \(w.onRoad), \(km(day.km))\n"
        }
        if itinerary.days.allSatisfy({ $0.stops.isEmpty }) { out += "\n" + w.none + "\n" }
        let visits = DateText.count(itinerary.days.reduce(0) { $0 + $1.stops.count }, one: w.visitOne, many: w.visitMany, language)
        let days = DateText.count(itinerary.days.count, one: w.dayOne, many: w.dayMany, language)
        out += "\n\(w.tripTotal): \(days), \(visits), "
            + "\(DateText.duration(minutes: itinerary.travelMinutes)) \(w.onRoad), \(km(itinerary.km))\n"
        if !itinerary.unscheduled.isEmpty {
            out += "\n\(w.notFitted):\n"
            for item in itinerary.unscheduled {
                let reason = item.why?.text(language) ?? item.reason
                out += "  • \(name(item.place)): \(reason)\n"
            }
        }
        return out
    }

    func line(_ time: String, _ text: String) -> String {
        "  " + time.padding(toLength: 13, withPad: " ", startingAt: 0) + text + "\n"
    }

    func leg(minutes: Int, km value: Double) -> String {
        minutes == 0 ? "" : line("", "↓ \(km(value)), \(DateText.duration(minutes: minutes))")
    }

    /// "Iepriekšreiz (Pieredzes brauciens, 2023): …" and one line per open follow-up, under a visit.
    func remembered(_ memory: PlaceMemory) -> String {
        var out = ""
        if let lesson = memory.lastLesson {
            var source = [memory.lastLessonTrip, memory.lastLessonDate.map { String($0.year) }].compactMap { $0 }.joined(separator: ", ")
            if !source.isEmpty { source = " (\(source))" }
            out += line("", "  " + (language == .lv ? "Iepriekšreiz" : "Last time") + source + ": " + Self.firstSentence(lesson))
        }
        for followUp in memory.openFollowUps {
            var text = "  " + (language == .lv ? "Vēl atvērts: " : "Still open: ") + followUp.action
            let details = [followUp.owner, followUp.due.map { (language == .lv ? "līdz " : "due ") + $0.description }].compactMap { $0 }
            if !details.isEmpty { text += " (" + details.joined(separator: ", ") + ")" }
            out += line("", text)
        }
        return out
    }

    /// The first sentence of `text`, cut at a word within 100 characters, so that a memory stays one line.
    static func firstSentence(_ text: String) -> String {
        var sentence = text.split(separator: "\n").first.map(String.init) ?? text
        if let end = sentence.range(of: ". ") { sentence = String(sentence[..<end.lowerBound]) + "." }
        if sentence.count > 100 {
            sentence = String(sentence.prefix(99))
            if let space = sentence.lastIndex(of: " ") { sentence = String(sentence[..<space]) }
            sentence += "…"
        }
        return sentence
    }
}
