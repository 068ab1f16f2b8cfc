/// `tripplan lessons summary FOLDER`
struct LessonsSummaryCommand: Command {
    static let name = "lessons summary"
    static let abstract = "Lessons across all trips in a folder, by place, and every open follow-up."
    static let usage = "tripplan lessons summary <folder> [--lang lv|en]"
    static let discussion = """
        ARGUMENTS:
          <folder>        A folder of trip files, e.g. itineraries/.

        OPTIONS:
          --lang lv|en    Language of the summary (default lv).

        Reads every trip file in the folder (NAME.itinerary.json and NAME.lessons.json are companions,
        not trips) and its lessons. Prints, per place id, what each trip learned there, oldest first,
        then every open follow-up (overdue ones marked). Files that cannot be read are listed at the end
        with the reason; the rest is still summarized.
        """
    static let spec = ArgumentSpec(options: ["--lang"], positionals: ["folder"])

    static func run(_ arguments: ParsedArguments, console: Console) throws -> Int32 {
        let lang = try languageOption(arguments) ?? .lv
        let lv = lang == .lv
        let folder: LessonFolder
        do { folder = try LessonStore.folder(arguments.positionals[0]) } catch { throw CommandFailure(error.description) }
        struct Item {
            var tripTitle: String
            var tripStart: LocalDate?
            var source: String
            var lesson: Lesson
        }
        var byPlace: [Place.ID: [Item]] = [:]
        var names: [Place.ID: String] = [:]
        var tripWide: [Item] = []
        let entries = folder.entries.sorted { ($0.log.trip?.start ?? LocalDate(year: 1, month: 1, day: 1), $0.path) < ($1.log.trip?.start ?? LocalDate(year: 1, month: 1, day: 1), $1.path) }
        for entry in entries {
            let title = entry.trip?.title ?? entry.log.trip?.title ?? entry.path
            let start = entry.log.trip?.start ?? entry.trip?.days.map(\.date).min()
            for lesson in entry.log.lessons {
                let item = Item(tripTitle: title, tripStart: start, source: entry.path, lesson: lesson)
                guard let place = lesson.place else { tripWide.append(item); continue }
                byPlace[place, default: []].append(item)
                if names[place] == nil, let found = entry.trip?.place(place) { names[place] = LessonsReport.displayName(found) }
            }
        }
        let lessonCount = entries.reduce(0) { $0 + $1.log.lessons.count }
        console.out((lv ? "Mācības pa vietām: " : "Lessons by place: ") + arguments.positionals[0] + " — "
                    + DateText.count(entries.count, one: lv ? "brauciens" : "trip", many: lv ? "braucieni" : "trips", lang) + ", "
                    + DateText.count(lessonCount, one: lv ? "ieraksts" : "entry", many: lv ? "ieraksti" : "entries", lang) + "\n")
        let places = byPlace.keys.sorted { (names[$0] ?? $0.rawValue, $0) < (names[$1] ?? $1.rawValue, $1) }
        func describe(_ item: Item) -> [String] {
            let when = item.tripStart.map { "\($0.year)" } ?? "—"
            var lines = ["  \(when) \(item.tripTitle) (\(item.lesson.id))" + (item.lesson.rating.map { " " + String(repeating: "★", count: $0) } ?? "")]
            if let saw = item.lesson.saw, !saw.isEmpty { lines.append("      \(lv ? "Redzējām" : "Saw"): \(saw)") }
            if !item.lesson.lesson.isEmpty { lines.append("      \(lv ? "Mācība" : "Lesson"): \(item.lesson.lesson)") }
            for idea in item.lesson.ideas { lines.append("      \(lv ? "Ideja" : "Idea"): \(idea)") }
            return lines
        }
        for place in places {
            console.out("\n\(names[place] ?? place.rawValue) [\(place)]\n")
            for item in byPlace[place] ?? [] { console.out(describe(item).joined(separator: "\n") + "\n") }
        }
        if !tripWide.isEmpty {
            console.out("\n" + (lv ? "Visa brauciena mācības" : "Trip-wide lessons") + "\n")
            for item in tripWide { console.out(describe(item).joined(separator: "\n") + "\n") }
        }
        var open: [String] = []
        for entry in entries {
            for lesson in entry.log.lessons {
                for (index, followUp) in lesson.followUps.enumerated() where followUp.status == .open {
                    let place = lesson.place.map { names[$0] ?? $0.rawValue } ?? (lv ? "viss brauciens" : "whole trip")
                    let ref = lesson.followUps.count > 1 ? "\(lesson.id).\(index + 1)" : lesson.id.rawValue
                    open.append("  • " + followUpLine(followUp, number: nil, today: console.today, language: lang)
                                + " (\(place); \(entry.path) \(ref))")
                }
            }
        }
        console.out("\n" + (lv ? "Atvērtās turpmākās darbības" : "Open follow-ups") + "\n")
        console.out(open.isEmpty ? (lv ? "  Nav.\n" : "  None.\n") : open.joined(separator: "\n") + "\n")
        if !folder.skipped.isEmpty {
            console.err((lv ? "Izlaisti faili:" : "Skipped files:") + "\n")
            for skipped in folder.skipped { console.err("  \(skipped.reason)\n") }
        }
        return ExitCode.success
    }
}
