/// The plan-against-actual chart: one row per stop, a hollow circle at the planned arrival, a filled one at
/// the actual arrival, a line between them and the difference in minutes at the end.
///
/// Plain SVG (no script, no external reference), integer coordinates so the same report gives the same bytes.
struct LessonsChart: Sendable {
    let rows: [PlanComparison.StopRow]
    let names: [Place.ID: String]
    let words: LessonsWords

    static let width = 640, labelWidth = 190, rightMargin = 80, rowHeight = 26, top = 30
    static let late = "#b3261e", early = "#1b6e3a", plannedColour = "#1f3a5f", grid = "#d0d4da"

    func svg() -> String {
        let times = rows.flatMap { [$0.plannedArrival.minutes] + ($0.actualArrival.map { [$0.minutes] } ?? []) }
        guard let low = times.min(), let high = times.max() else { return "" }
        // Whole half-hours around the data, at least an hour wide.
        var from = (low - 10) / 30 * 30, to = (high + 39) / 30 * 30
        if to - from < 60 { to = from + 60 }
        from = max(0, from)
        let plotLeft = Self.labelWidth, plotRight = Self.width - Self.rightMargin
        func x(_ minutes: Int) -> Int { plotLeft + (minutes - from) * (plotRight - plotLeft) / max(1, to - from) }
        let height = Self.top + rows.count * Self.rowHeight + 10
        let e = LessonsEscaping.html
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 \(Self.width) \(height)\" width=\"\(Self.width)\" height=\"\(height)\" role=\"img\" aria-label=\"\(e(words.chartLabel))\">\n"
        out += "<title>\(e(words.chartLabel))</title>\n"
        // Hour and half-hour grid with labels on the hours.
        let step = to - from > 360 ? 60 : 30
        var tick = from
        while tick <= to {
            out += "<line x1=\"\(x(tick))\" y1=\"\(Self.top - 6)\" x2=\"\(x(tick))\" y2=\"\(height - 10)\" stroke=\"\(Self.grid)\" stroke-width=\"1\"/>\n"
            // Labels every hour once the span is over three hours, so that they do not run into each other.
            if tick % 60 == 0 || to - from <= 180 {
                out += "<text x=\"\(x(tick))\" y=\"\(Self.top - 12)\" font-size=\"10\" text-anchor=\"middle\" fill=\"#555\">\(TimeOfDay(minutes: tick))</text>\n"
            }
            tick += step
        }
        for (index, row) in rows.enumerated() {
            let y = Self.top + index * Self.rowHeight + Self.rowHeight / 2
            let name = names[row.place] ?? row.place.rawValue
            let label = name.count > 28 ? String(name.prefix(27)) + "…" : name
            out += "<text x=\"\(plotLeft - 8)\" y=\"\(y + 4)\" font-size=\"11\" text-anchor=\"end\">\(e(label))</text>\n"
            let planned = x(row.plannedArrival.minutes)
            if let actual = row.actualArrival, let delta = row.arrivalDelta {
                let colour = delta > 0 ? Self.late : Self.early
                let ax = x(actual.minutes)
                out += "<line x1=\"\(planned)\" y1=\"\(y)\" x2=\"\(ax)\" y2=\"\(y)\" stroke=\"\(colour)\" stroke-width=\"3\"/>\n"
                out += "<circle cx=\"\(planned)\" cy=\"\(y)\" r=\"5\" fill=\"#fff\" stroke=\"\(Self.plannedColour)\" stroke-width=\"2\"><title>\(e(words.planned)) \(row.plannedArrival)</title></circle>\n"
                out += "<circle cx=\"\(ax)\" cy=\"\(y)\" r=\"5\" fill=\"\(colour)\"><title>\(e(words.actualShort)) \(actual)</title></circle>\n"
                out += "<text x=\"\(plotRight + 8)\" y=\"\(y + 4)\" font-size=\"11\" fill=\"\(colour)\">\(words.signedDelta(delta))</text>\n"
            } else {
                out += "<circle cx=\"\(planned)\" cy=\"\(y)\" r=\"5\" fill=\"#fff\" stroke=\"\(Self.plannedColour)\" stroke-width=\"2\"><title>\(e(words.planned)) \(row.plannedArrival)</title></circle>\n"
                out += "<text x=\"\(plotRight + 8)\" y=\"\(y + 4)\" font-size=\"11\" fill=\"#555\">—</text>\n"
            }
        }
        out += "</svg>\n"
        return out
    }
}
