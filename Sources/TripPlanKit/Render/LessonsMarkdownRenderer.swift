/// The after-action report as Markdown, for a wiki, an e-mail or a pull request.
///
/// The plan-against-actual chart is given as a table here (Markdown viewers commonly strip inline SVG).
/// Every piece of user text is escaped so that it cannot open emphasis, links, HTML or a table cell.
public struct LessonsMarkdownRenderer: LessonsReportRenderer {
    public var language: Language

    public init(language: Language) {
        self.language = language
    }

    public func render(_ report: LessonsReport) -> String {
        let w = LessonsWords(language: language)
        let m = LessonsEscaping.markdown
        var out = "# \(m(report.title))\n\n"
        out += "\(m(w.report)) · \(m(w.dates(report.firstDay, report.lastDay)))  \n"
        if let organizer = report.organizer { out += "\(m(w.organizer)): \(m(organizer))  \n" }
        out += "\(m(w.prepared)) \(report.today)\n"

        out += "\n## \(m(w.places))\n"
        if report.places.isEmpty { out += "\n\(m(w.nothingYet))\n" }
        for section in report.places {
            out += "\n### \(m(section.name))\n\n"
            if let rating = section.rating { out += "\(m(w.rating)): \(w.stars(rating))\n\n" }
            for lesson in section.lessons { out += entry(lesson, w) }
        }

        if !report.tripWide.isEmpty {
            out += "\n## \(m(w.tripWide))\n\n"
            for lesson in report.tripWide { out += entry(lesson, w) }
        }

        out += "\n## \(m(w.followUps))\n\n"
        if report.followUps.isEmpty {
            out += "\(m(w.noFollowUps))\n"
        } else {
            out += "| | \(m(w.action)) | \(m(w.place)) | \(m(w.owner)) | \(m(w.due)) | \(m(w.status)) |\n|---|---|---|---|---|---|\n"
            for row in report.followUps {
                let status = row.overdue ? "**\(m(w.overdue))**" : m(w.statusText(row))
                out += "| \(m(row.reference)) | \(m(row.followUp.action)) | \(m(row.placeName ?? "—")) | \(m(row.followUp.owner ?? "—")) "
                    + "| \(row.followUp.due.map { $0.description } ?? "—") | \(status) |\n"
            }
        }

        out += "\n## \(m(w.comparison))\n\n"
        let rows = report.comparison.stops
        if rows.contains(where: { $0.actualArrival != nil }) {
            out += "| \(m(w.place)) | \(m(w.plannedArrival)) | \(m(w.actualArrival)) | \(m(w.difference)) |\n|---|---|---|---|\n"
            for row in rows {
                out += "| \(m(report.names[row.place] ?? row.place.rawValue)) | \(row.plannedArrival) "
                    + "| \(row.actualArrival.map { $0.description } ?? "—") | \(m(row.arrivalDelta.map { w.delta($0) } ?? "—")) |\n"
            }
        } else {
            out += "\(w.noActualTimes)\n"
        }
        // Labels and sentences made here hold no user text, so they are written as they are.
        out += "\n### \(m(w.travelModel))\n\n\(w.suggestion(report.comparison.suggestion))\n"

        if !report.afterAction.isEmpty {
            out += "\n## \(m(w.afterAction))\n"
            for question in AfterAction.Question.allCases {
                guard let answer = report.afterAction[question], !answer.isEmpty else { continue }
                out += "\n**\(m(w.question(question)))**\n\n\(LessonsEscaping.markdownParagraphs(answer))\n"
            }
        }
        return out
    }

    func entry(_ lesson: Lesson, _ w: LessonsWords) -> String {
        let m = LessonsEscaping.markdown
        var out = "- *\(m(lesson.id.rawValue))*"
        var parts: [String] = []
        if let saw = lesson.saw, !saw.isEmpty { parts.append("**\(m(w.saw)):** \(m(saw))") }
        if !lesson.lesson.isEmpty { parts.append("**\(m(w.lesson)):** \(m(lesson.lesson))") }
        for idea in lesson.ideas { parts.append("**\(m(w.ideas)):** \(m(idea))") }
        if lesson.arrived != nil || lesson.left != nil {
            parts.append("**\(m(w.actual)):** \(lesson.arrived.map { $0.description } ?? "?")–\(lesson.left.map { $0.description } ?? "?")")
        }
        if let rating = lesson.rating, lesson.place == nil { parts.append("**\(m(w.rating)):** \(w.stars(Double(rating)))") }
        out += parts.isEmpty ? "\n" : " " + parts.joined(separator: "  \n  ") + "\n"
        return out
    }
}
