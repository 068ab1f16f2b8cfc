/// Parsing and checks shared by the `lessons` commands.
enum LessonsSupport {
    /// The value of an option that takes one value; giving it twice is a usage error rather than a silent choice.
    static func single(_ arguments: ParsedArguments, _ name: String) throws(UsageError) -> String? {
        let values = arguments.values(name)
        if values.count > 1 { throw UsageError("'\(name)' was given \(values.count) times; give it once per call.") }
        return values.first
    }

    /// The entry fields given as flags (`--lesson`, `--idea`, …), checked; `place` is not checked against the
    /// trip here.
    static func fields(_ arguments: ParsedArguments) throws(UsageError) -> LessonChanges {
        var changes = LessonChanges()
        if let place = try single(arguments, "--place") {
            guard !place.isEmpty else { throw UsageError("The value '' is invalid for '--place <id>': give a place id of the trip.") }
            changes.place = .some(Place.ID(place))
        }
        changes.lesson = try single(arguments, "--lesson")
        changes.saw = try single(arguments, "--saw")
        changes.addIdeas = arguments.values("--idea").filter { !$0.isEmpty }
        let owner = try single(arguments, "--owner")
        let due = try single(arguments, "--due").map { (text: String) throws(UsageError) -> LocalDate in
            guard let date = LocalDate(iso: text) else {
                throw UsageError("The value '\(text)' is invalid for '--due <date>': use YYYY-MM-DD, e.g. 2023-06-30.")
            }
            return date
        }
        if let action = try single(arguments, "--follow-up"), !action.isEmpty {
            changes.addFollowUps = [FollowUp(action: action, owner: owner, due: due)]
        } else if owner != nil || due != nil {
            throw UsageError("'--owner' and '--due' belong to a follow-up; give '--follow-up <action>' with them.")
        }
        if let text = try single(arguments, "--rating") {
            guard let rating = Int(text), (1...5).contains(rating) else {
                throw UsageError("The value '\(text)' is invalid for '--rating <1-5>': give a whole number from 1 to 5.")
            }
            changes.rating = rating
        }
        changes.arrived = try time(arguments, "--arrived")
        changes.left = try time(arguments, "--left")
        if let arrived = changes.arrived, let left = changes.left, left < arrived {
            throw UsageError("'--left \(left)' is before '--arrived \(arrived)'; give the departure after the arrival.")
        }
        return changes
    }

    static func time(_ arguments: ParsedArguments, _ name: String) throws(UsageError) -> TimeOfDay? {
        guard let text = try single(arguments, name) else { return nil }
        guard let time = TimeOfDay(parsing: text) else {
            throw UsageError("The value '\(text)' is invalid for '\(name) <HH:MM>': use a time of day such as 10:05.")
        }
        return time
    }

    /// Fails with the trip's place ids when `place` is not one of them.
    static func checkPlace(_ place: Place.ID?, in loaded: LoadedTrip) throws(CommandFailure) {
        guard let place, loaded.trip.place(place) == nil else { return }
        throw CommandFailure(LessonError.unknownPlace(file: loaded.path, place: place, known: loaded.trip.places.map(\.id)).description)
    }

    static func tripInfo(_ trip: Trip) -> LessonLog.TripInfo {
        LessonLog.TripInfo(title: trip.title, start: trip.days.map(\.date).min())
    }

    /// Runs a store change, turning its errors into a runtime failure.
    static func update<T>(_ path: String, trip: Trip,
                          _ body: (inout LessonLog) throws(LessonError) -> T) throws(CommandFailure) -> (T, LessonLog) {
        do {
            return try LessonStore.update(path, trip: tripInfo(trip), body)
        } catch {
            throw CommandFailure(error.description)
        }
    }

    /// Loads the trip (`<trip>`, the first positional), runs `check`, changes the store under its lock and
    /// prints the confirmation `confirm(store path, new revision, language)` makes.
    static func change(_ arguments: ParsedArguments, console: Console,
                       check: (LoadedTrip) throws(CommandFailure) -> Void,
                       _ body: (inout LessonLog, String) throws(LessonError) -> Void,
                       confirm: (String, Int, Language) -> String) throws -> Int32 {
        let language = try languageOption(arguments)
        let loaded = try loadTrip(arguments.positionals[0])
        try check(loaded)
        let path = LessonStore.path(for: loaded.path)
        let (_, log) = try update(path, trip: loaded.trip) { (log: inout LessonLog) throws(LessonError) in try body(&log, path) }
        console.out(confirm(path, log.revision, language ?? loaded.trip.language) + "\n")
        return ExitCode.success
    }

    static func read(_ path: String) throws(CommandFailure) -> LessonLog {
        do { return try LessonStore.read(path) } catch { throw CommandFailure(error.description) }
    }

    /// `L3` or `L3.2` (the second follow-up of L3).
    static func reference(_ text: String) throws(UsageError) -> (id: Lesson.ID, followUp: Int?) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), Lesson.ID(String(parts[0])).number != nil,
              parts.count == 1 || Int(parts[1]).map({ $0 >= 1 }) == true
        else {
            throw UsageError("The value '\(text)' is invalid for '<id>': use a lesson id such as L3, or L3.2 for its second follow-up.")
        }
        return (Lesson.ID(String(parts[0])), parts.count == 2 ? Int(parts[1]) : nil)
    }

    /// The place's name, with its town when the name does not say it.
    static func name(_ id: Place.ID?, in trip: Trip, language: Language) -> String {
        guard let id else { return language == .lv ? "viss brauciens" : "whole trip" }
        guard let place = trip.place(id) else { return id.rawValue }
        return LessonsReport.displayName(place)
    }
}
