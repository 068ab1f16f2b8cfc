/// `tripplan lessons add TRIP.json`
struct LessonsAddCommand: Command {
    static let name = "lessons add"
    static let abstract = "Record what the group learned at a place or on the whole trip."
    static let usage = "tripplan lessons add <trip> [--place <id>] --lesson <text> [--saw <text>] [--idea <text> ...] "
        + "[--follow-up <action> [--owner <name>] [--due <date>]] [--rating <1-5>] [--arrived <HH:MM>] [--left <HH:MM>]"
    static let discussion = """
        ARGUMENTS:
          <trip>                  The trip file; the lessons go to NAME.lessons.json beside it.

        OPTIONS:
          --place <id>            The visited place (a place id of the trip). Without it the lesson is
                                  about the whole trip.
          --lesson <text>         What the group learned / what worked.
          --saw <text>            What the group saw.
          --idea <text>           An idea to adopt in our own organization (repeatable).
          --follow-up <action>    Something to do after the trip; with --owner <name> and --due <date>
                                  (YYYY-MM-DD). It starts as open; 'tripplan lessons done' closes it.
          --rating <1-5>          How worthwhile the visit was.
          --arrived <HH:MM>       When the group actually arrived (for the plan-against-actual report).
          --left <HH:MM>          When the group actually left.
          --interactive           Ask the questions even though standard input is not a terminal,
                                  reading one answer per line (for scripts and tests).
          --lang lv|en            Language of the questions and messages (default: the trip's).

        With --lesson nothing is asked: each call adds one entry with the next id (L1, L2, …; ids are
        never reused). Without --lesson, on a terminal, tripplan walks through the visited places in plan
        order (only --place when given) and asks what we saw, what worked, ideas, follow-ups, a rating and
        the actual times, then the trip-wide after-action questions. An empty answer skips the question;
        end of input (Ctrl-D) saves what was entered and stops. Each place is saved as soon as its
        questions are answered. Concurrent writers take turns on a lock and nothing is lost.
        """
    static let spec = ArgumentSpec(
        flags: ["--interactive"],
        options: ["--place", "--lesson", "--saw", "--idea", "--follow-up", "--owner", "--due", "--rating",
                  "--arrived", "--left", "--lang"],
        positionals: ["trip"])

    static func run(_ arguments: ParsedArguments, console: Console) throws -> Int32 {
        let changes = try LessonsSupport.fields(arguments)
        let language = try languageOption(arguments)
        guard let text = changes.lesson else {
            let given = ["--saw", "--idea", "--follow-up", "--owner", "--due", "--rating", "--arrived", "--left"]
                .filter { !arguments.values($0).isEmpty }
            if !given.isEmpty {
                throw UsageError("'--lesson <text>' is required with \(given.joined(separator: ", ")) "
                                 + "(without any of them, on a terminal, tripplan asks instead).")
            }
            guard console.stdinIsTerminal || arguments.flag("--interactive") else {
                throw UsageError("Standard input is not a terminal, so there is nobody to ask: give '--lesson <text>' "
                                 + "(and the other fields as flags), or pass '--interactive' to read the answers from "
                                 + "standard input, one per line.")
            }
            let loaded = try loadTrip(arguments.positionals[0])
            let place = changes.place ?? nil
            try LessonsSupport.checkPlace(place, in: loaded)
            var session = LessonsInteractiveSession(loaded: loaded, console: console,
                                                    language: language ?? loaded.trip.language, only: place)
            return try session.run()
        }
        guard !text.isEmpty else {
            throw UsageError("The value '' is invalid for '--lesson <text>': write what the group learned.")
        }
        let loaded = try loadTrip(arguments.positionals[0])
        let place = changes.place ?? nil
        try LessonsSupport.checkPlace(place, in: loaded)
        let draft = Lesson(id: "", place: place, lesson: text, saw: changes.saw, ideas: changes.addIdeas,
                           followUps: changes.addFollowUps, rating: changes.rating, arrived: changes.arrived,
                           left: changes.left, recorded: console.today)
        let path = LessonStore.path(for: loaded.path)
        let (id, log) = try LessonsSupport.update(path, trip: loaded.trip) { (log: inout LessonLog) throws(LessonError) in
            try log.add(draft)
        }
        let lang = language ?? loaded.trip.language
        let placeName = LessonsSupport.name(place, in: loaded.trip, language: lang)
        console.out(lang == .lv
            ? "Saglabāts \(id) (\(placeName)): \(path), revīzija \(log.revision)\n"
            : "Saved \(id) (\(placeName)) to \(path), revision \(log.revision)\n")
        return ExitCode.success
    }
}
