import Foundation

/// `tripplan lessons list TRIP.json`
struct LessonsListCommand: Command {
    static let name = "lessons list"
    static let abstract = "Show a trip's lessons, or print them as JSON."
    static let usage = "tripplan lessons list <trip> [--json] [--lang lv|en]"
    static let discussion = """
        ARGUMENTS:
          <trip>          The trip file; the lessons are read from NAME.lessons.json beside it.

        OPTIONS:
          --json          Print {"lessons": [{"id", "place", "lesson", "saw", "ideas", "followUps",
                          "rating", "arrived", "left", "recorded", "revision"}], "revision": N,
                          "afterAction": {…}} and nothing else. "place" is null for a trip-wide lesson;
                          each follow-up has "action", "owner", "due" and "status" (open or done).
          --lang lv|en    Language of the listing (default: the trip's).

        The store's revision is shown so that a script can pass it to 'lessons edit --if-revision'.
        """
    static let spec = ArgumentSpec(flags: ["--json"], options: ["--lang"], positionals: ["trip"])

    struct Listing: Encodable {
        var format = LessonLog.formatName
        var revision: Int
        var lessons: [Lesson]
        var afterAction: AfterAction
    }

    static func run(_ arguments: ParsedArguments, console: Console) throws -> Int32 {
        let language = try languageOption(arguments)
        let loaded = try loadTrip(arguments.positionals[0])
        let path = LessonStore.path(for: loaded.path)
        let log = try LessonsSupport.read(path)
        if arguments.flag("--json") {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let data = try encoder.encode(Listing(revision: log.revision, lessons: log.lessons, afterAction: log.afterAction))
            console.out(String(decoding: data, as: UTF8.self) + "\n")
            return ExitCode.success
        }
        let lang = language ?? loaded.trip.language
        let lv = lang == .lv
        console.out(lv ? "\(path) — revīzija \(log.revision), \(DateText.count(log.lessons.count, one: "ieraksts", many: "ieraksti", .lv))\n"
                       : "\(path) — revision \(log.revision), \(DateText.count(log.lessons.count, one: "entry", many: "entries", .en))\n")
        for lesson in log.lessons {
            var head = "\n\(lesson.id)  \(LessonsSupport.name(lesson.place, in: loaded.trip, language: lang))"
            if let rating = lesson.rating { head += "  " + String(repeating: "★", count: rating) + String(repeating: "☆", count: 5 - rating) }
            if lesson.arrived != nil || lesson.left != nil {
                head += "  \(lesson.arrived.map { $0.description } ?? "?")–\(lesson.left.map { $0.description } ?? "?")"
            }
            console.out(head + "\n")
            if let saw = lesson.saw, !saw.isEmpty { console.out("    \(lv ? "Redzējām" : "Saw"): \(saw)\n") }
            if !lesson.lesson.isEmpty { console.out("    \(lv ? "Mācība" : "Lesson"): \(lesson.lesson)\n") }
            for idea in lesson.ideas { console.out("    \(lv ? "Ideja" : "Idea"): \(idea)\n") }
            for (index, followUp) in lesson.followUps.enumerated() {
                console.out("    " + followUpLine(followUp, number: lesson.followUps.count > 1 ? index + 1 : nil,
                                                  today: console.today, language: lang) + "\n")
            }
        }
        if !log.afterAction.isEmpty {
            let words = LessonsWords(language: lang)
            console.out("\n" + (lv ? "Izvērtējums" : "After-action review") + "\n")
            for question in AfterAction.Question.allCases {
                guard let answer = log.afterAction[question], !answer.isEmpty else { continue }
                console.out("  \(words.question(question)): \(answer.replacingOccurrences(of: "\n", with: "\n    "))\n")
            }
        }
        return ExitCode.success
    }
}

/// "[open] Prepare the partnership letter — Ilze, due 2023-06-30 (overdue)".
func followUpLine(_ followUp: FollowUp, number: Int?, today: LocalDate, language: Language) -> String {
    let lv = language == .lv
    let status = followUp.status == .done ? (lv ? "izdarīts" : "done") : (lv ? "atvērts" : "open")
    var line = (number.map { "\($0). " } ?? "") + "[\(status)] \(followUp.action)"
    var parts: [String] = []
    if let owner = followUp.owner { parts.append(owner) }
    if let due = followUp.due { parts.append((lv ? "līdz " : "due ") + due.description) }
    if !parts.isEmpty { line += " — " + parts.joined(separator: ", ") }
    if followUp.isOverdue(today: today) { line += lv ? " (nokavēts)" : " (overdue)" }
    return line
}
