import Foundation

/// `tripplan export TRIP.json --format html|md`
struct ExportCommand: Command {
    static let name = "export"
    static let abstract = "Write the printable plan: PDF-ready HTML or Markdown for email and chat."
    static let usage = "tripplan export <trip> --format html|md [--output <file>] [--lang lv|en] [--time-limit <seconds>] [--seed <n>] [--jobs <n>]"
    static let discussion = """
        ARGUMENTS:
          <trip>                  A trip file (tripplan/1 JSON), e.g. itineraries/kurzeme-2023.json.

        OPTIONS:
          --format html|md        html: one self-contained A4 page set (cover with the route map, a page
                                  per day with its timeline, map and note boxes, contacts) to open in a
                                  browser and print or save as PDF. md: the same plan as Markdown.
          --output <file>         Write to this file (atomically) instead of standard output.
          --lang lv|en            Language of the plan (default: the trip's "language").
          --time-limit <seconds>  Search for this long when the plan has to be made afresh.
          --seed <n>              Seed of the search's random choices (default 1).
          --jobs <n>              Searches side by side when planning afresh (as 'tripplan create').

        The saved itinerary (NAME.itinerary.json, written by 'tripplan create') is used while it was made
        from the trip file as it is now; otherwise the trip is planned afresh (and nothing is saved).
        What earlier trips learned at a place (the lessons stores, NAME.lessons.json, in the trip
        file's folder) is printed with the visit: the last lesson and the open follow-ups.
        The HTML loads nothing from the network and runs no script.
        Print it to PDF with, e.g.:
          chromium --headless --no-pdf-header-footer --print-to-pdf=plan.pdf plan.html
        """
    static let spec = ArgumentSpec(options: ["--format", "--output", "--lang", "--time-limit", "--seed", "--jobs"],
                                   positionals: ["trip"])

    static func run(_ arguments: ParsedArguments, console: Console) throws -> Int32 {
        guard let formatText = arguments.option("--format") else {
            throw UsageError("Missing expected argument '--format <format>' (html or md).")
        }
        guard let format = ExportFormat(rawValue: formatText) else {
            throw UsageError("The value '\(formatText)' is invalid for '--format': use html or md.")
        }
        if let output = arguments.option("--output"), output.isEmpty {
            throw UsageError("The value for '--output <file>' is empty: give a file name.")
        }
        let options = try schedulerOptions(arguments, console: console)
        let language = try languageOption(arguments)
        let loaded = try loadTrip(arguments.positionals[0], warningsTo: console)
        let document = document(for: loaded, format: format, language: language, options: options,
                                memories: LessonStore.memories(forTripAt: loaded.path))
        if options.progress != nil { console.err("\r\u{1B}[K") }
        if let output = arguments.option("--output") {
            do {
                try FileStore.writeAtomically(Data(document.utf8), to: output)
            } catch {
                throw CommandFailure(error.description)
            }
        } else {
            console.out(document)
        }
        return ExitCode.success
    }
}

extension ExportCommand {
    /// The exported plan: the saved itinerary when it is current, a fresh plan otherwise.
    ///
    /// - Parameter language: overrides the trip's own language when given.
    static func document(for loaded: LoadedTrip, format: ExportFormat, language: Language?,
                         options: SchedulerOptions, memories: [Place.ID: PlaceMemory] = [:]) -> String {
        let itinerary = TripStore.currentItinerary(for: loaded) ?? makeItinerary(loaded, options: options)
        return format.renderer(trip: loaded.trip, language: language ?? loaded.trip.language, memories: memories)
            .render(itinerary)
    }
}

/// The formats `tripplan export` writes.
enum ExportFormat: String, Sendable, CaseIterable {
    case html, md

    func renderer(trip: Trip, language: Language, memories: [Place.ID: PlaceMemory]) -> any PlanRenderer {
        switch self {
        case .html: return PlanHTMLRenderer(trip: trip, language: language, memories: memories)
        case .md: return PlanMarkdownRenderer(trip: trip, language: language, memories: memories)
        }
    }
}
