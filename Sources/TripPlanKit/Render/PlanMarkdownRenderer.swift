/// The plan as Markdown, for email and chat: the same content as the printed plan, with tables.
///
/// Maps and the boxes for handwritten notes have no place here; everything else (route, totals, each day's
/// timeline, notes per place, what earlier trips learned, contacts, emergency information, places not
/// fitted) is the same. All trip text goes through `MarkdownEscaping`, so a `|` in an address cannot break a
/// table and `<script>` in a title stays text.
public struct PlanMarkdownRenderer: PlanRenderer {
    public var trip: Trip
    public var language: Language
    /// What earlier trips learned at the places, shown with each visit.
    public var memories: [Place.ID: PlaceMemory]

    public init(trip: Trip, language: Language, memories: [Place.ID: PlaceMemory] = [:]) {
        self.trip = trip
        self.language = language
        self.memories = memories
    }

    public func render(_ itinerary: Itinerary) -> String {
        let o = PlanOutline(trip: trip, itinerary: itinerary, language: language, memories: memories)
        let e = MarkdownEscaping.escape, l = o.labels
        var out = "# \(e(trip.title))\n\n**\(l.plan)** · \(e(o.dateRange))\n\n"
        if let organizer = trip.organizer, !organizer.isEmpty { out += "- **\(l.organizer):** \(e(organizer))\n" }
        if !o.routeTowns.isEmpty { out += "- **\(l.route):** \(o.routeTowns.map(e).joined(separator: " → "))\n" }
        out += "- **\(l.totals):** \(l.dayCount(itinerary.days.count, language)) · \(l.visits(o.visitCount, language)) · "
            + "\(o.km(itinerary.km)) · \(DateText.duration(minutes: itinerary.travelMinutes)) \(l.onRoad.lowercased())\n"
        if let notes = trip.notes, !notes.isEmpty { out += "\n\(MarkdownEscaping.escapeParagraph(notes))\n" }
        if o.visitCount == 0 { out += "\n\(l.noVisits)\n" }
        for (index, day) in itinerary.days.enumerated() {
            out += daySection(o, index: index, day: day)
        }
        out += contacts(o)
        return out
    }

    func daySection(_ o: PlanOutline, index: Int, day: Itinerary.Day) -> String {
        let e = MarkdownEscaping.escape, l = o.labels
        var out = "\n## \(o.dayTitle(index)) — \(DateText.long(day.date, language))\n\n"
        out += MarkdownEscaping.escapeParagraph(o.dayRoute(day).joined(separator: " → "))
            + " · \(l.visits(day.stops.count, language)) · \(o.km(day.km)) · \(DateText.duration(minutes: day.travelMinutes)) \(l.onRoad.lowercased())\n\n"
        out += "| \(l.time) | \(l.place) | \(l.whatHappens) | \(l.address) | \(l.phone) |\n| --- | --- | --- | --- | --- |\n"
        for row in o.timeline(day) {
            var place = ""
            if let id = row.place {
                place = (row.number.map { "(\($0)) " } ?? "") + "**\(e(o.name(id)))**"
                if let town = o.places[id]?.town, !town.isEmpty, !o.name(id).contains(town) { place += ", \(e(town))" }
            }
            var what = row.kind == .travel ? "↓ \(e(row.what))" : e(row.what)
            if let detail = row.detail { what += "; \(e(detail))" }
            let p = row.place.flatMap { o.places[$0] }
            let address = row.showsContact ? e(p?.address ?? "") : ""
            let phone = row.showsContact ? e(p?.contact?.phone ?? "") : ""
            out += "| \(row.time) | \(place) | \(what) | \(address) | \(phone) |\n"
        }
        for stop in day.stops {
            let notes = o.places[stop.place]?.notes ?? ""
            let memory = memories[stop.place] ?? PlaceMemory()
            guard !notes.isEmpty || !memory.isEmpty else { continue }
            out += "\n### " + (o.stopNumbers[stop.place].map { "(\($0)) " } ?? "")
                + "\(e(o.nameWithTown(stop.place))) · \(stop.start)–\(stop.end)\n"
            if !notes.isEmpty { out += "\n\(MarkdownEscaping.escapeParagraph(notes))\n" }
            if !memory.isEmpty {
                out += "\n"
                if let lesson = memory.lastLesson {
                    let source = o.lessonSource(memory)
                    out += "> **\(l.lastLesson)**" + (source.isEmpty ? "" : " (\(e(source)))") + ": \(e(lesson))\n"
                }
                if !memory.openFollowUps.isEmpty {
                    if memory.lastLesson != nil { out += ">\n" }
                    out += "> **\(l.openFollowUps):**\n>\n"
                    for note in memory.openFollowUps { out += "> - \(MarkdownEscaping.escapeParagraph(o.followUp(note)))\n" }
                }
            }
        }
        return out
    }

    func contacts(_ o: PlanOutline) -> String {
        let e = MarkdownEscaping.escape, l = o.labels
        var out = "\n## \(l.contacts)\n"
        if let emergency = trip.emergency {
            out += "\n### \(l.emergency)\n\n"
            if let phone = emergency.phone, !phone.isEmpty { out += "- **\(l.emergencyPhone):** \(e(phone))\n" }
            if let contact = emergency.contact {
                let parts = [contact.name, contact.phone, contact.email].compactMap { $0 }.filter { !$0.isEmpty }
                if !parts.isEmpty { out += "- **\(l.contactPerson):** \(parts.map(e).joined(separator: " · "))\n" }
            }
            if let notes = emergency.notes, !notes.isEmpty { out += "- \(MarkdownEscaping.escapeParagraph(notes))\n" }
        }
        out += "\n| \(l.place) | \(l.contactPerson) | \(l.phone) | \(l.email) | \(l.website) | \(l.address) |\n"
            + "| --- | --- | --- | --- | --- | --- |\n"
        for place in o.contactPlaces {
            let number = o.stopNumbers[place.id].map { "(\($0)) " } ?? ""
            out += "| \(number)**\(e(o.nameWithTown(place.id)))** | \(e(place.contact?.name ?? "")) | "
                + "\(e(place.contact?.phone ?? "")) | \(e(place.contact?.email ?? "")) | \(e(place.website ?? "")) | "
                + "\(e(place.address ?? "")) |\n"
        }
        if !o.itinerary.unscheduled.isEmpty {
            out += "\n## \(l.notFitted)\n\n| \(l.place) | \(l.reason) |\n| --- | --- |\n"
            for item in o.itinerary.unscheduled {
                out += "| **\(e(o.nameWithTown(item.place)))** | \(e(o.reason(item))) |\n"
            }
        }
        return out
    }
}
