/// The printable plan as one self-contained HTML file, laid out for A4 and pleasant on screen.
///
/// Pages: a cover (title, organizer, dates, route, totals, overview map), one page per day (timeline,
/// day map, a box per visit with the place's notes, what earlier trips learned there and ruled lines for
/// handwritten notes), and a last page with the contacts, the emergency information and the places not
/// fitted. Everything is inline (CSS and SVG); a Content-Security-Policy forbids scripts and every network
/// fetch, so the file prints the same offline, years later. All trip text is escaped with `HTMLEscaping`.
public struct PlanHTMLRenderer: PlanRenderer {
    public var trip: Trip
    public var language: Language
    /// What earlier trips learned at the places, shown with each visit.
    public var memories: [Place.ID: PlaceMemory]

    public init(trip: Trip, language: Language, memories: [Place.ID: PlaceMemory] = [:]) {
        self.trip = trip
        self.language = language
        self.memories = memories
    }

    /// The policy in the page's meta tag: nothing may load, only the inline style applies.
    public static let contentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'none'; base-uri 'none'; form-action 'none'"

    public func render(_ itinerary: Itinerary) -> String {
        let outline = PlanOutline(trip: trip, itinerary: itinerary, language: language, memories: memories)
        let e = HTMLEscaping.escape
        var out = """
            <!DOCTYPE html>
            <html lang="\(language.rawValue)">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="\(PlanHTMLRenderer.contentSecurityPolicy)">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="generator" content="tripplan">
            <title>\(e(trip.title)) — \(e(outline.labels.plan))</title>
            <style>
            \(PlanHTMLRenderer.css)</style>
            </head>
            <body>

            """
        out += cover(outline)
        for (index, day) in itinerary.days.enumerated() {
            out += dayPage(outline, index: index, day: day)
        }
        out += contactsPage(outline)
        out += "</body>\n</html>\n"
        return out
    }

    // MARK: Cover

    func cover(_ o: PlanOutline) -> String {
        let e = HTMLEscaping.escape, l = o.labels
        var out = "<section class=\"sheet cover\">\n<p class=\"kicker\">\(e(l.plan))</p>\n<h1>\(e(trip.title))</h1>\n"
        out += "<p class=\"dates\">\(e(o.dateRange))</p>\n"
        if let organizer = trip.organizer, !organizer.isEmpty {
            out += "<p class=\"organizer\"><span class=\"label\">\(e(l.organizer)):</span> \(e(organizer))</p>\n"
        }
        let towns = o.routeTowns
        if !towns.isEmpty {
            out += "<p class=\"route\"><span class=\"label\">\(e(l.route)):</span> "
                + towns.map { "<span class=\"town\">\(e($0))</span>" }.joined(separator: " <span class=\"arrow\">→</span> ")
                + "</p>\n"
        }
        out += "<ul class=\"totals\">\n"
        out += "<li><strong>\(o.itinerary.days.count)</strong><span>\(e(l.days))</span></li>\n"
        out += "<li><strong>\(o.visitCount)</strong><span>\(e(l.placesWord))</span></li>\n"
        out += "<li><strong>\(Int(o.itinerary.km.rounded()))</strong><span>\(e(l.kmOnRoad))</span></li>\n"
        out += "<li><strong>\(e(DateText.duration(minutes: o.itinerary.travelMinutes)))</strong><span>\(e(l.onRoad))</span></li>\n"
        out += "</ul>\n"
        if o.visitCount == 0 { out += "<p class=\"empty\">\(e(l.noVisits))</p>\n" }
        if let map = overviewMap(o) {
            out += "<figure class=\"overview\">\n\(map.svg(title: l.overviewMap))\n<figcaption>\n"
            for (index, day) in o.itinerary.days.enumerated() {
                out += "<span class=\"key\">\(swatch(style: index)) <b>\(e(o.dayTitle(index)))</b> "
                    + "\(e(DateText.dayMonth(day.date, language)))</span>\n"
            }
            out += "<span class=\"key\"><svg class=\"swatch\" viewBox=\"0 0 14 14\" aria-hidden=\"true\"><rect class=\"endpoint\" x=\"2\" y=\"2\" width=\"10\" height=\"10\"/></svg> "
                + "\(e(l.start)) / \(e(l.end))</span>\n"
            out += "</figcaption>\n</figure>\n"
        }
        if !o.itinerary.days.isEmpty {
            out += "<table class=\"days-summary\">\n<thead><tr><th>\(e(l.dayHeader))</th><th>\(e(l.date))</th><th>\(e(l.route))</th>"
                + "<th>\(e(l.departure))</th><th>\(e(l.arrival))</th><th class=\"count\">\(e(l.visitsHeader))</th><th class=\"count\">\(e(l.kmOnRoad))</th></tr></thead>\n<tbody>\n"
            for (index, day) in o.itinerary.days.enumerated() {
                out += "<tr><td class=\"day\">\(e(o.dayTitle(index)))</td><td>\(e(DateText.weekday(day.date, language))), \(e(DateText.dayMonth(day.date, language)))</td>"
                    + "<td>\(e(o.dayRoute(day).joined(separator: " → ")))</td><td class=\"time\">\(day.depart)</td>"
                    + "<td class=\"time\">\(day.arrive)</td><td class=\"count\">\(day.stops.count)</td>"
                    + "<td class=\"count\">\(Int(day.km.rounded()))</td></tr>\n"
            }
            out += "</tbody>\n</table>\n"
        }
        if let notes = trip.notes, !notes.isEmpty { out += "<p class=\"trip-notes\">\(paragraphs(notes))</p>\n" }
        out += "</section>\n"
        return out
    }

    func swatch(style: Int) -> String {
        let dash = RouteMap.dash(style)
        return "<svg class=\"swatch\" viewBox=\"0 0 28 14\" aria-hidden=\"true\"><line x1=\"1\" y1=\"7\" x2=\"27\" y2=\"7\" stroke=\"\(RouteMap.colour(style))\""
            + (dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\"") + "/></svg>"
    }

    func point(_ o: PlanOutline, _ id: Place.ID) -> RouteMap.Point? {
        o.places[id].map { RouteMap.Point(lat: $0.lat, lon: $0.lon) }
    }

    /// Town labels at the middle of the places the map shows in each town.
    func townLabels(_ o: PlanOutline, _ ids: [Place.ID]) -> [RouteMap.Label] {
        var order: [String] = []
        var points: [String: [RouteMap.Point]] = [:]
        for id in ids {
            guard let p = point(o, id) else { continue }
            let town = o.town(id)
            if points[town] == nil { order.append(town) }
            if !(points[town]?.contains(p) ?? false) { points[town, default: []].append(p) }
        }
        return order.map { town in
            let list = points[town] ?? []
            let lat = list.map(\.lat).reduce(0, +) / Double(max(list.count, 1))
            let lon = list.map(\.lon).reduce(0, +) / Double(max(list.count, 1))
            return RouteMap.Label(text: town, point: RouteMap.Point(lat: lat, lon: lon))
        }
    }

    func dayMap(_ o: PlanOutline, index: Int, day: Itinerary.Day) -> RouteMap {
        let ids = [day.from] + day.stops.map(\.place) + [day.to]
        var markers: [RouteMap.Marker] = []
        for id in [day.from, day.to] {
            if let p = point(o, id) { markers.append(RouteMap.Marker(point: p, number: nil, style: index)) }
        }
        for stop in day.stops {
            if let p = point(o, stop.place) {
                markers.append(RouteMap.Marker(point: p, number: o.stopNumbers[stop.place], style: index))
            }
        }
        return RouteMap(routes: [RouteMap.Route(points: ids.compactMap { point(o, $0) }, style: index)],
                        markers: markers, labels: townLabels(o, ids), minHeightRatio: 0.4, maxHeightRatio: 0.55)
    }

    func overviewMap(_ o: PlanOutline) -> RouteMap? {
        guard !o.itinerary.days.isEmpty else { return nil }
        let days = o.itinerary.days.enumerated().map { dayMap(o, index: $0.offset, day: $0.element) }
        return RouteMap(routes: days.flatMap(\.routes), markers: days.flatMap(\.markers),
                        labels: townLabels(o, o.routePlaces), minHeightRatio: 0.7)
    }

    // MARK: Days

    func dayPage(_ o: PlanOutline, index: Int, day: Itinerary.Day) -> String {
        let e = HTMLEscaping.escape, l = o.labels
        var out = "<section class=\"sheet day\" id=\"day-\(index + 1)\">\n<header>\n"
        out += "<p class=\"kicker\">\(e(o.dayTitle(index)))</p>\n<h2>\(e(DateText.long(day.date, language)))</h2>\n"
        out += "<p class=\"day-route\">\(e(o.dayRoute(day).joined(separator: " → ")))</p>\n</header>\n"
        out += "<div class=\"day-top\">\n<figure class=\"daymap\">\n"
            + dayMap(o, index: index, day: day).svg(title: "\(l.dayMap): \(o.dayTitle(index))") + "\n</figure>\n"
        out += "<ul class=\"day-totals\">\n"
        out += "<li><span>\(e(l.departure))</span><strong>\(day.depart)</strong></li>\n"
        out += "<li><span>\(e(day.to == trip.home ? l.arrivalHome : l.arrival))</span><strong>\(day.arrive)</strong></li>\n"
        out += "<li><span>\(e(l.visit))</span><strong>\(day.stops.count)</strong></li>\n"
        out += "<li><span>\(e(l.kmOnRoad))</span><strong>\(e(o.km(day.km)))</strong></li>\n"
        out += "<li><span>\(e(l.onRoad))</span><strong>\(e(DateText.duration(minutes: day.travelMinutes)))</strong></li>\n"
        out += "</ul>\n</div>\n"
        out += timelineTable(o, day: day)
        if !day.stops.isEmpty {
            // Titled, so that boxes pushed onto a second sheet still say which day they belong to.
            out += "<h3 class=\"visits-title\">\(e(l.visitNotes)) · \(e(o.dayTitle(index)))</h3>\n"
            out += "<div class=\"visits columns-\(min(day.stops.count, 3))\">\n"
            for stop in day.stops { out += visitBox(o, stop: stop) }
            out += "</div>\n"
        }
        out += "</section>\n"
        return out
    }

    func timelineTable(_ o: PlanOutline, day: Itinerary.Day) -> String {
        let e = HTMLEscaping.escape, l = o.labels
        var out = "<table class=\"timeline\">\n<colgroup><col class=\"c-time\"><col class=\"c-place\"><col class=\"c-what\"><col class=\"c-address\"><col class=\"c-phone\"></colgroup>\n"
        out += "<thead><tr><th>\(e(l.time))</th><th>\(e(l.place))</th><th>\(e(l.whatHappens))</th><th>\(e(l.address))</th><th>\(e(l.phone))</th></tr></thead>\n<tbody>\n"
        for row in o.timeline(day) {
            let kind: String
            switch row.kind {
            case .departure: kind = "departure"
            case .travel: kind = "travel"
            case .lunch: kind = "lunch"
            case .visit: kind = "visit"
            case .end: kind = "end"
            }
            if row.kind == .travel {
                out += "<tr class=\"row-travel\"><td class=\"time\">\(e(row.time))</td><td colspan=\"4\"><span class=\"leg\">↓</span> \(e(row.what))</td></tr>\n"
                continue
            }
            var placeCell = ""
            if let id = row.place {
                if let number = row.number { placeCell += "<span class=\"num\">\(number)</span> " }
                placeCell += "<span class=\"name\">\(e(o.name(id)))</span>"
                if let town = o.places[id]?.town, !town.isEmpty, !o.name(id).contains(town) {
                    placeCell += "<span class=\"town\">\(e(town))</span>"
                }
            }
            let place = row.place.flatMap { o.places[$0] }
            let address = row.showsContact ? place?.address ?? "" : ""
            let phone = row.showsContact ? place?.contact?.phone ?? "" : ""
            out += "<tr class=\"row-\(kind)\"><td class=\"time\">\(e(row.time))</td><td class=\"place\">\(placeCell)</td>"
                + "<td>\(e(row.what))" + (row.detail.map { "<span class=\"detail\">\(e($0))</span>" } ?? "") + "</td><td>\(e(address))</td><td class=\"phone\">\(e(phone))</td></tr>\n"
        }
        out += "</tbody>\n</table>\n"
        return out
    }

    func visitBox(_ o: PlanOutline, stop: Itinerary.Stop) -> String {
        let e = HTMLEscaping.escape, l = o.labels
        var out = "<article class=\"visit\">\n<h3>"
        if let number = o.stopNumbers[stop.place] { out += "<span class=\"num\">\(number)</span> " }
        out += "\(e(o.nameWithTown(stop.place)))<span class=\"when\">\(stop.start)–\(stop.end)</span></h3>\n"
        if let notes = o.places[stop.place]?.notes, !notes.isEmpty {
            out += "<p class=\"notes\">\(paragraphs(notes))</p>\n"
        }
        if let memory = memories[stop.place], !memory.isEmpty {
            out += "<div class=\"memory\">\n"
            if let lesson = memory.lastLesson {
                let source = o.lessonSource(memory)
                out += "<p><b>\(e(l.lastLesson))</b>" + (source.isEmpty ? "" : " <span class=\"source\">(\(e(source)))</span>")
                    + ": \(e(lesson))</p>\n"
            }
            if !memory.openFollowUps.isEmpty {
                out += "<p><b>\(e(l.openFollowUps)):</b></p>\n<ul>\n"
                for note in memory.openFollowUps { out += "<li>\(e(o.followUp(note)))</li>\n" }
                out += "</ul>\n"
            }
            out += "</div>\n"
        }
        out += "<div class=\"write\"><span>\(e(l.learned))</span></div>\n</article>\n"
        return out
    }

    /// Escaped text whose line breaks survive as `<br>`.
    func paragraphs(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { HTMLEscaping.escape(String($0)) }
            .joined(separator: "<br>")
    }

    // MARK: Contacts

    /// Escaped text that may wrap after `@`, `.` and `/`, so that an address or a website breaks where a
    /// reader expects it to, not in the middle of a word.
    static func breakable(_ text: String) -> String {
        var out = ""
        for character in text {
            out += HTMLEscaping.escape(String(character))
            if character == "@" || character == "." || character == "/" { out += "<wbr>" }
        }
        return out
    }

    /// A website as people read it on paper: "https://www.kekava.lv/" → "kekava.lv".
    static func websiteText(_ url: String) -> String {
        var text = Substring(url)
        for prefix in ["https://", "http://"] where text.lowercased().hasPrefix(prefix) { text = text.dropFirst(prefix.count) }
        if text.lowercased().hasPrefix("www.") { text = text.dropFirst(4) }
        if text.hasSuffix("/") { text = text.dropLast() }
        return String(text)
    }

    func contactsPage(_ o: PlanOutline) -> String {
        let e = HTMLEscaping.escape, l = o.labels
        var out = "<section class=\"sheet contacts\">\n<h2>\(e(l.contacts))</h2>\n"
        if let emergency = trip.emergency {
            out += "<div class=\"emergency\">\n<h3>\(e(l.emergency))</h3>\n"
            if let phone = emergency.phone, !phone.isEmpty {
                out += "<p class=\"sos\"><span class=\"label\">\(e(l.emergencyPhone)):</span> <strong>\(e(phone))</strong></p>\n"
            }
            if let contact = emergency.contact {
                let parts = [contact.name, contact.phone, contact.email].compactMap { $0 }.filter { !$0.isEmpty }
                if !parts.isEmpty {
                    out += "<p><span class=\"label\">\(e(l.contactPerson)):</span> \(parts.map(e).joined(separator: " · "))</p>\n"
                }
            }
            if let notes = emergency.notes, !notes.isEmpty { out += "<p>\(paragraphs(notes))</p>\n" }
            out += "</div>\n"
        }
        // Columns that no place fills are left out; websites are shown as text, never as links.
        let places = o.contactPlaces
        let columns: [(label: String, cssClass: String, value: (Place) -> String)] = [
            (l.contactPerson, "person", { $0.contact?.name ?? "" }),
            (l.phone, "phone", { $0.contact?.phone ?? "" }),
            (l.email, "email", { $0.contact?.email ?? "" }),
            (l.website, "web", { PlanHTMLRenderer.websiteText($0.website ?? "") }),
            (l.address, "address", { $0.address ?? "" }),
        ].filter { column in places.contains { !column.value($0).isEmpty } }
        out += "<table class=\"contact-list\">\n<thead><tr><th>\(e(l.place))</th>"
            + columns.map { "<th>\(e($0.label))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for place in places {
            var name = ""
            if let number = o.stopNumbers[place.id] { name += "<span class=\"num\">\(number)</span> " }
            name += "<span class=\"name\">\(e(o.nameWithTown(place.id)))</span>"
            out += "<tr><td class=\"place\">\(name)</td>"
                + columns.map { column in
                    let text = column.value(place)
                    let html = column.cssClass == "email" || column.cssClass == "web" ? PlanHTMLRenderer.breakable(text) : e(text)
                    return "<td class=\"\(column.cssClass)\">\(html)</td>"
                }.joined() + "</tr>\n"
        }
        out += "</tbody>\n</table>\n"
        if !o.itinerary.unscheduled.isEmpty {
            out += "<div class=\"unfitted\">\n<h2>\(e(l.notFitted))</h2>\n<table>\n<thead><tr><th>\(e(l.place))</th><th>\(e(l.reason))</th></tr></thead>\n<tbody>\n"
            for item in o.itinerary.unscheduled {
                out += "<tr><td class=\"place\">\(e(o.nameWithTown(item.place)))</td><td>\(e(o.reason(item)))</td></tr>\n"
            }
            out += "</tbody>\n</table>\n</div>\n"
        }
        out += "<p class=\"colophon\">\(e(l.generatedBy))</p>\n</section>\n"
        return out
    }
}
