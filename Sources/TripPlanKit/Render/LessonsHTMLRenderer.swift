/// The after-action report as one self-contained HTML page, ready to print on A4.
///
/// No script and nothing fetched: a Content-Security-Policy meta tag forbids both, styles are inline, the
/// chart is inline SVG. Every piece of user text is escaped.
public struct LessonsHTMLRenderer: LessonsReportRenderer {
    public var language: Language

    public init(language: Language) {
        self.language = language
    }

    static let css = """
        @page { size: A4; margin: 16mm 14mm; }
        * { box-sizing: border-box; }
        body { font-family: "Noto Sans", "DejaVu Sans", Arial, sans-serif; font-size: 11pt; line-height: 1.4; color: #1a1a1a; max-width: 180mm; margin: 0 auto; padding: 8mm 0; }
        h1 { font-size: 20pt; margin: 0 0 2mm; }
        h2 { font-size: 14pt; border-bottom: 1.5pt solid #1f3a5f; padding-bottom: 1mm; margin: 8mm 0 3mm; break-after: avoid; }
        h3 { font-size: 12pt; margin: 4mm 0 1mm; break-after: avoid; }
        .meta { color: #444; margin: 0; }
        article { break-inside: avoid; margin-bottom: 3mm; }
        .rating { color: #8a5a00; margin: 0 0 1mm; }
        dl { margin: 0 0 2mm; }
        dt { font-weight: bold; margin-top: 1mm; }
        dd { margin: 0 0 0 5mm; }
        ul { margin: 0; padding-left: 5mm; }
        .entry { border-left: 2pt solid #d0d4da; padding-left: 3mm; margin: 2mm 0; }
        .id { color: #666; font-size: 9pt; }
        table { border-collapse: collapse; width: 100%; margin: 2mm 0; font-size: 10pt; }
        th, td { border: 0.5pt solid #aab; padding: 1mm 2mm; text-align: left; vertical-align: top; }
        th { background: #eef1f5; }
        tr { break-inside: avoid; }
        td.nowrap { white-space: nowrap; }
        td.overdue { color: #b3261e; font-weight: bold; }
        td.done { color: #1b6e3a; }
        .late { color: #b3261e; }
        .early { color: #1b6e3a; }
        svg.chart { max-width: 100%; height: auto; break-inside: avoid; }
        .suggestion { background: #f6f7f9; border: 0.5pt solid #d0d4da; padding: 2mm 3mm; }
        @media print { body { padding: 0; } a { color: inherit; text-decoration: none; } }
        """

    public func render(_ report: LessonsReport) -> String {
        let w = LessonsWords(language: language)
        let e = LessonsEscaping.html
        var out = """
            <!DOCTYPE html>
            <html lang="\(language.rawValue)">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(e(w.report)): \(e(report.title))</title>
            <style>
            \(Self.css)
            </style>
            </head>
            <body>
            <header>
            <h1>\(e(report.title))</h1>
            <p class="meta">\(e(w.report)) · \(e(w.dates(report.firstDay, report.lastDay)))</p>

            """
        if let organizer = report.organizer { out += "<p class=\"meta\">\(e(w.organizer)): \(e(organizer))</p>\n" }
        out += "<p class=\"meta\">\(e(w.prepared)) \(report.today)</p>\n</header>\n"

        out += "<section>\n<h2>\(e(w.places))</h2>\n"
        if report.places.isEmpty { out += "<p>\(e(w.nothingYet))</p>\n" }
        for section in report.places {
            out += "<article>\n<h3>\(e(section.name))</h3>\n"
            if let rating = section.rating { out += "<p class=\"rating\">\(e(w.rating)): \(w.stars(rating))</p>\n" }
            for lesson in section.lessons { out += entry(lesson, w) }
            out += "</article>\n"
        }
        out += "</section>\n"

        if !report.tripWide.isEmpty {
            out += "<section>\n<h2>\(e(w.tripWide))</h2>\n"
            for lesson in report.tripWide { out += entry(lesson, w) }
            out += "</section>\n"
        }

        out += "<section>\n<h2>\(e(w.followUps))</h2>\n"
        if report.followUps.isEmpty {
            out += "<p>\(e(w.noFollowUps))</p>\n"
        } else {
            out += "<table>\n<thead><tr><th></th><th>\(e(w.action))</th><th>\(e(w.place))</th><th>\(e(w.owner))</th><th>\(e(w.due))</th><th>\(e(w.status))</th></tr></thead>\n<tbody>\n"
            for row in report.followUps {
                let cls = row.overdue ? "overdue" : (row.followUp.status == .done ? "done" : "open")
                out += "<tr class=\"\(cls)\"><td class=\"id\">\(e(row.reference))</td><td>\(e(row.followUp.action))</td>"
                    + "<td>\(e(row.placeName ?? "—"))</td><td>\(e(row.followUp.owner ?? "—"))</td>"
                    + "<td class=\"nowrap\">\(row.followUp.due.map { $0.description } ?? "—")</td><td class=\"\(cls)\">\(e(w.statusText(row)))</td></tr>\n"
            }
            out += "</tbody>\n</table>\n"
        }
        out += "</section>\n"

        out += "<section>\n<h2>\(e(w.comparison))</h2>\n"
        let rows = report.comparison.stops
        if rows.contains(where: { $0.actualArrival != nil }) {
            out += LessonsChart(rows: rows, names: report.names, words: w).svg()
            out += "<table>\n<thead><tr><th>\(e(w.place))</th><th>\(e(w.plannedArrival))</th><th>\(e(w.actualArrival))</th><th>\(e(w.difference))</th></tr></thead>\n<tbody>\n"
            for row in rows {
                let delta = row.arrivalDelta
                let cls = delta.map { $0 > 0 ? " class=\"late\"" : ($0 < 0 ? " class=\"early\"" : "") } ?? ""
                out += "<tr><td>\(e(report.names[row.place] ?? row.place.rawValue))</td><td>\(row.plannedArrival)</td>"
                    + "<td>\(row.actualArrival.map { $0.description } ?? "—")</td><td\(cls)>\(e(delta.map { w.delta($0) } ?? "—"))</td></tr>\n"
            }
            out += "</tbody>\n</table>\n"
        } else {
            out += "<p>\(e(w.noActualTimes))</p>\n"
        }
        out += "<h3>\(e(w.travelModel))</h3>\n<p class=\"suggestion\">\(e(w.suggestion(report.comparison.suggestion)))</p>\n"
        out += "</section>\n"

        if !report.afterAction.isEmpty {
            out += "<section>\n<h2>\(e(w.afterAction))</h2>\n<dl>\n"
            for question in AfterAction.Question.allCases {
                guard let answer = report.afterAction[question], !answer.isEmpty else { continue }
                out += "<dt>\(e(w.question(question)))</dt>\n<dd>\(LessonsEscaping.htmlLines(answer))</dd>\n"
            }
            out += "</dl>\n</section>\n"
        }
        out += "</body>\n</html>\n"
        return out
    }

    func entry(_ lesson: Lesson, _ w: LessonsWords) -> String {
        let e = LessonsEscaping.html
        var out = "<div class=\"entry\">\n<span class=\"id\">\(e(lesson.id.rawValue))</span>\n<dl>\n"
        if let saw = lesson.saw, !saw.isEmpty { out += "<dt>\(e(w.saw))</dt><dd>\(LessonsEscaping.htmlLines(saw))</dd>\n" }
        if !lesson.lesson.isEmpty { out += "<dt>\(e(w.lesson))</dt><dd>\(LessonsEscaping.htmlLines(lesson.lesson))</dd>\n" }
        if !lesson.ideas.isEmpty {
            out += "<dt>\(e(w.ideas))</dt><dd><ul>" + lesson.ideas.map { "<li>\(e($0))</li>" }.joined() + "</ul></dd>\n"
        }
        if lesson.arrived != nil || lesson.left != nil {
            out += "<dt>\(e(w.actual))</dt><dd>\(lesson.arrived.map { $0.description } ?? "?")–\(lesson.left.map { $0.description } ?? "?")</dd>\n"
        }
        if let rating = lesson.rating, lesson.place == nil { out += "<dt>\(e(w.rating))</dt><dd>\(w.stars(Double(rating)))</dd>\n" }
        out += "</dl>\n</div>\n"
        return out
    }
}
