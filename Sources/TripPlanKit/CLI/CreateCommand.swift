import Foundation

/// `tripplan create TRIP.json`
struct CreateCommand: Command {
    static let name = "create"
    static let abstract = "Schedule the visits of a trip file and print the day-by-day plan."
    static let usage = "tripplan create <trip> [--json] [--time-limit <seconds>] [--seed <n>] [--jobs <n>] [--lang lv|en] [--no-save]"
    static let discussion = """
        ARGUMENTS:
          <trip>                  A trip file (tripplan/1 JSON), e.g. itineraries/kurzeme-2023.json.

        OPTIONS:
          --json                  Print the itinerary (tripplan-itinerary/1 JSON) instead of the plan.
          --time-limit <seconds>  Search for this long; the plan is ready within it. Without
                                  it the search is deterministic: the same file always gives
                                  the same plan.
          --seed <n>              Seed of the search's random choices (default 1).
          --jobs <n>              Searches run side by side, each on its own core with its own
                                  seed; the best plan wins. Default: one per processor core (at
                                  most 8) with --time-limit, two without (a fixed number, so that
                                  the plan does not depend on the machine). Without a limit the
                                  same n always gives the same plan.
          --lang lv|en            Language of the printed plan (default: the trip's "language").
          --no-save               Do not save the itinerary beside the trip file.

        Every visit lies wholly inside one opening interval, every day leaves no earlier than its
        start and arrives by its end. Places that cannot be fitted are listed with the reason.
        The itinerary is saved as NAME.itinerary.json beside the trip file; 'tripplan export'
        reuses it while the trip file is unchanged.
        """
    static let spec = ArgumentSpec(flags: ["--json", "--no-save"], options: ["--time-limit", "--seed", "--jobs", "--lang"],
                                   positionals: ["trip"])

    static func run(_ arguments: ParsedArguments, console: Console) throws -> Int32 {
        let options = try schedulerOptions(arguments, console: console)
        let language = try languageOption(arguments)
        let loaded = try loadTrip(arguments.positionals[0], warningsTo: console)
        let itinerary = makeItinerary(loaded, options: options)
        if options.progress != nil { console.err("\r\u{1B}[K") } // clear the progress line
        var savedPath: String?
        if !arguments.flag("--no-save") {
            do {
                savedPath = try TripStore.saveItinerary(itinerary, for: loaded.path)
            } catch {
                throw CommandFailure(error.description)
            }
        }
        if arguments.flag("--json") {
            console.out(String(decoding: itinerary.jsonData(), as: UTF8.self) + "\n")
        } else {
            let lang = language ?? loaded.trip.language
            let memories = LessonStore.memories(forTripAt: loaded.path)
            console.out(PlanTextRenderer(trip: loaded.trip, language: lang, memories: memories).render(itinerary))
            if let savedPath {
                console.out("\n" + (lang == .lv ? "Plāns saglabāts: " : "Plan saved to ") + savedPath + "\n")
            }
        }
        return ExitCode.success
    }
}

/// Plans a loaded trip and stamps the result with the trip's digest.
func makeItinerary(_ loaded: LoadedTrip, options: SchedulerOptions) -> Itinerary {
    var itinerary = Scheduler.plan(loaded.trip, travel: TravelModel.matrix(for: loaded.trip), options: options)
    itinerary.tripDigest = loaded.digest
    itinerary.generator = TripPlan.version
    return itinerary
}

/// `--time-limit`, `--seed` and `--jobs`, with progress on stderr when it is a terminal.
func schedulerOptions(_ arguments: ParsedArguments, console: Console) throws(UsageError) -> SchedulerOptions {
    var options = SchedulerOptions()
    if let text = arguments.option("--time-limit") {
        guard let seconds = Double(text), seconds > 0, seconds.isFinite else {
            throw UsageError("The value '\(text)' is invalid for '--time-limit <seconds>': give a positive number of seconds.")
        }
        options.timeLimit = seconds
    }
    if let text = arguments.option("--seed") {
        guard let seed = UInt64(text) else {
            throw UsageError("The value '\(text)' is invalid for '--seed <n>': give a whole number ≥ 0.")
        }
        options.seed = seed
    }
    if let text = arguments.option("--jobs") {
        guard let jobs = Int(text), (1...64).contains(jobs) else {
            throw UsageError("The value '\(text)' is invalid for '--jobs <n>': give a whole number from 1 to 64.")
        }
        options.jobs = jobs
    }
    if console.stderrIsTerminal {
        options.progress = { progress in
            var line = "\rsearching… \(Int(progress.elapsedSeconds)) s, \(progress.visitsPlaced) visits, \(progress.bestTravelMinutes) min of travel"
            if let remaining = progress.remainingSeconds { line += ", \(Int(remaining.rounded(.up))) s left" }
            console.err(line + "\u{1B}[K")
        }
    }
    return options
}

/// `--lang lv|en`, nil when absent.
func languageOption(_ arguments: ParsedArguments) throws(UsageError) -> Language? {
    guard let text = arguments.option("--lang") else { return nil }
    guard let language = Language(rawValue: text) else {
        throw UsageError("The value '\(text)' is invalid for '--lang': use lv or en.")
    }
    return language
}
