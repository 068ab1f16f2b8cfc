import Foundation

/// `tripplan lessons report TRIP.json --format html|md`
struct LessonsReportCommand: Command {
    static let name = "lessons report"
    static let abstract = "Print the after-action report: lessons, follow-ups, plan against actual."
    static let usage = "tripplan lessons report <trip> --format html|md [--output <file>] [--lang lv|en]"
    static let discussion = """
        ARGUMENTS:
          <trip>                The trip file; its lessons are read from NAME.lessons.json.

        OPTIONS:
          --format html|md      html: one self-contained page for printing on A4 (no script, nothing
                                fetched); md: Markdown.
          --output <file>       Write the report to <file> (atomically) instead of standard output.
          --lang lv|en          Language of the labels (default: the trip's).

        The report has the trip header; per place its lessons, ideas and rating; the follow-ups with
        owner, due date and status (open ones past their due date are marked overdue); the plan against
        the actual arrival per stop, as a chart, and what the measured legs suggest for the travel model;
        and the after-action answers. The plan is the saved NAME.itinerary.json when it is current,
        otherwise it is made afresh.
        """
    static let spec = ArgumentSpec(options: ["--format", "--output", "--lang"], positionals: ["trip"])

    static func run(_ arguments: ParsedArguments, console: Console) throws -> Int32 {
        guard let formatText = try LessonsSupport.single(arguments, "--format") else {
            throw UsageError("Missing expected option '--format html|md'.")
        }
        guard let format = LessonsReportFormat(rawValue: formatText) else {
            throw UsageError("The value '\(formatText)' is invalid for '--format': use html or md.")
        }
        let output = try LessonsSupport.single(arguments, "--output")
        let language = try languageOption(arguments)
        let loaded = try loadTrip(arguments.positionals[0])
        let log = try LessonsSupport.read(LessonStore.path(for: loaded.path))
        for (id, place) in log.unknownPlaces(in: loaded.trip) {
            console.err("Warning: \(LessonStore.path(for: loaded.path)): \(id) is about '\(place)', which the trip no longer has; it is reported under that id.\n")
        }
        let itinerary = TripStore.currentItinerary(for: loaded) ?? makeItinerary(loaded, options: SchedulerOptions())
        let report = LessonsReport(trip: loaded.trip, itinerary: itinerary, log: log, today: console.today)
        let text = format.renderer(language: language ?? loaded.trip.language).render(report)
        if let output {
            // Never let a typo replace the trip or one of its companions with a report.
            let target = URL(fileURLWithPath: output).standardizedFileURL.path
            let protected = [loaded.path, LessonStore.path(for: loaded.path), TripStore.itineraryPath(for: loaded.path)]
            if protected.contains(where: { URL(fileURLWithPath: $0).standardizedFileURL.path == target }) || target.hasSuffix(".lessons.json") {
                throw UsageError("'--output \(output)' would replace a trip file or its saved plan or lessons; choose another file, e.g. report.\(format.rawValue).")
            }
            do { try FileStore.writeAtomically(Data(text.utf8), to: output) } catch { throw CommandFailure(error.description) }
            console.out((language ?? loaded.trip.language) == .lv ? "Pārskats saglabāts: \(output)\n" : "Report saved to \(output)\n")
        } else {
            console.out(text)
        }
        return ExitCode.success
    }
}
