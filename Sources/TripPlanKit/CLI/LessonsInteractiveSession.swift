import Foundation

/// The question-and-answer walk of `tripplan lessons add` without `--lesson`.
///
/// Reads one answer per line from the console. An empty line skips a question; end of input saves what
/// was entered and ends the session. Each place's entry is saved as soon as its questions are done (under
/// the store's lock, appended to the store as it is then), so a session cut short loses at most the
/// place being answered, and people entering lessons at the same time never overwrite each other.
struct LessonsInteractiveSession {
    let loaded: LoadedTrip
    let console: Console
    let language: Language
    /// Ask only about this place (and skip the trip-wide questions).
    let only: Place.ID?
    var storePath: String { LessonStore.path(for: loaded.path) }
    /// The store revision this session last saw; a newer one at save time means someone else wrote meanwhile.
    var seenRevision = 0
    var saved: [Lesson.ID] = []
    var reachedEnd = false

    init(loaded: LoadedTrip, console: Console, language: Language, only: Place.ID?) {
        self.loaded = loaded
        self.console = console
        self.language = language
        self.only = only
    }

    enum Answer<T> {
        case value(T)
        case skipped
        case end
    }

    private func pick(_ lv: String, _ en: String) -> String { language == .lv ? lv : en }

    /// The visited places in plan order, each with its planned stop when the plan has one.
    func placesInOrder() -> [(Place.ID, Itinerary.Stop?)] {
        if let only {
            let stop = plan().days.flatMap(\.stops).first { $0.place == only }
            return [(only, stop)]
        }
        let stops = plan().days.flatMap(\.stops)
        if !stops.isEmpty { return stops.map { ($0.place, $0) } }
        return loaded.trip.placesToVisit.map { ($0, nil) }
    }

    func plan() -> Itinerary {
        TripStore.currentItinerary(for: loaded) ?? makeItinerary(loaded, options: SchedulerOptions())
    }

    mutating func ask<T>(_ prompt: String, invalid: String, _ parse: (String) -> T?) -> Answer<T> {
        while true {
            console.out(prompt + " ")
            guard let line = console.readLine() else {
                reachedEnd = true
                console.out("\n")
                return .end
            }
            // On a terminal the user's Enter ends the line; piped answers are not echoed, so end it here.
            if !console.stdinIsTerminal { console.out("\n") }
            let text = line.trimmingCharacters(in: .whitespaces)
            if text.isEmpty { return .skipped }
            if let value = parse(text) { return .value(value) }
            console.err(invalid + "\n")
        }
    }

    mutating func askText(_ prompt: String) -> Answer<String> {
        ask(prompt, invalid: "") { $0 }
    }

    mutating func run() throws(CommandFailure) -> Int32 {
        seenRevision = try LessonsSupport.read(storePath).revision
        let places = placesInOrder()
        console.out(pick("Mācību ieraksts: \(loaded.trip.title). Tukša rinda izlaiž jautājumu; ievades beigas (Ctrl-D) saglabā un beidz.\n",
                         "Lessons for \(loaded.trip.title). An empty line skips a question; end of input (Ctrl-D) saves and stops.\n"))
        for (index, (place, stop)) in places.enumerated() {
            var heading = "\n[\(index + 1)/\(places.count)] " + LessonsSupport.name(place, in: loaded.trip, language: language)
            if let stop { heading += pick(" (plānots \(stop.arrive)–\(stop.end))", " (planned \(stop.arrive)–\(stop.end))") }
            console.out(heading + "\n")
            let draft = askPlace(place)
            if !draft.isEmpty { try save(draft) }
            if reachedEnd { break }
        }
        if !reachedEnd && only == nil {
            console.out(pick("\nVisa brauciena izvērtējums\n", "\nAfter-action review of the whole trip\n"))
            var answers = AfterAction()
            for question in AfterAction.Question.allCases {
                if case let .value(text) = askText(prompt(question)) { answers[question] = text }
                if reachedEnd { break }
            }
            if !answers.isEmpty { try saveAfterAction(answers) }
        }
        if saved.isEmpty && !savedAfterAction {
            console.out(pick("Nekas netika ierakstīts; krājums nav mainīts.\n", "Nothing was entered; the store is unchanged.\n"))
        } else {
            console.out(pick("Saglabāts \(storePath): ", "Saved to \(storePath): ")
                        + (saved.isEmpty ? "" : saved.map(\.rawValue).joined(separator: ", "))
                        + (savedAfterAction ? (saved.isEmpty ? "" : "; ") + pick("izvērtējums", "after-action review") : "") + "\n")
        }
        return ExitCode.success
    }

    var savedAfterAction = false

    func prompt(_ question: AfterAction.Question) -> String {
        switch question {
        case .planned: return pick("Kas bija paredzēts?", "What was supposed to happen?")
        case .happened: return pick("Kas notika?", "What happened?")
        case .why: return pick("Kāpēc atšķīrās?", "Why did it differ?")
        case .keep: return pick("Ko saglabāt?", "What should we keep?")
        case .change: return pick("Ko mainīt?", "What should we change?")
        }
    }

    /// Asks the questions for one place; stops early at end of input.
    mutating func askPlace(_ place: Place.ID) -> Lesson {
        var draft = Lesson(id: "", place: place, recorded: console.today)
        if case let .value(text) = askText(pick("Ko redzējām?", "What did we see?")) { draft.saw = text }
        if reachedEnd { return draft }
        if case let .value(text) = askText(pick("Kas izdevās, ko mācījāmies?", "What worked, what did we learn?")) { draft.lesson = text }
        if reachedEnd { return draft }
        while case let .value(text) = askText(pick("Ideja mūsu organizācijai (tukšs — tālāk)?", "An idea for our organization (empty: next)?")) {
            draft.ideas.append(text)
        }
        if reachedEnd { return draft }
        while case let .value(action) = askText(pick("Turpmākā darbība (tukšs — tālāk)?", "A follow-up action (empty: next)?")) {
            var followUp = FollowUp(action: action)
            if case let .value(owner) = askText(pick("  Kas atbild?", "  Who owns it?")) { followUp.owner = owner }
            if !reachedEnd, case let .value(due) = ask(pick("  Termiņš (GGGG-MM-DD)?", "  Due (YYYY-MM-DD)?"),
                                                       invalid: pick("Datums jāraksta GGGG-MM-DD, piem. 2023-06-30; vai tukšs.",
                                                                     "Write the date as YYYY-MM-DD, e.g. 2023-06-30; or leave it empty."),
                                                       { LocalDate(iso: $0) }) {
                followUp.due = due
            }
            draft.followUps.append(followUp)
            if reachedEnd { return draft }
        }
        if reachedEnd { return draft }
        if case let .value(rating) = ask(pick("Vērtējums 1–5?", "Rating 1–5?"),
                                         invalid: pick("Vērtējums ir vesels skaitlis no 1 līdz 5; vai tukšs.", "A rating is a whole number from 1 to 5; or leave it empty."),
                                         { Int($0).flatMap { (1...5).contains($0) ? $0 : nil } }) {
            draft.rating = rating
        }
        if reachedEnd { return draft }
        let timeHelp = pick("Laiku raksta HH:MM, piem. 10:05; vai tukšs.", "Write the time as HH:MM, e.g. 10:05; or leave it empty.")
        if case let .value(time) = ask(pick("Faktiskā ierašanās (HH:MM)?", "Actual arrival (HH:MM)?"), invalid: timeHelp, { TimeOfDay(parsing: $0) }) {
            draft.arrived = time
        }
        if reachedEnd { return draft }
        let arrived = draft.arrived
        if case let .value(time) = ask(pick("Faktiskā aizbraukšana (HH:MM)?", "Actual departure (HH:MM)?"),
                                       invalid: timeHelp + pick(" Ne agrāk par ierašanos.", " Not before the arrival."),
                                       { TimeOfDay(parsing: $0).flatMap { t in arrived.map { t >= $0 } ?? true ? t : nil } }) {
            draft.left = time
        }
        return draft
    }

    mutating func save(_ draft: Lesson) throws(CommandFailure) {
        let seen = seenRevision
        let result: ((Lesson.ID, Int), LessonLog)
        do {
            result = try LessonsSupport.update(storePath, trip: loaded.trip) { (log: inout LessonLog) throws(LessonError) in
                let before = log.revision
                return (try log.add(draft), before)
            }
        } catch {
            // The answers exist nowhere else: show them so that they can be entered again.
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let json = (try? encoder.encode(draft)).map { String(decoding: $0, as: UTF8.self) } ?? ""
            throw CommandFailure(error.message + "\n" + pick("Šīs vietas atbildes netika saglabātas:\n", "The answers for this place were not saved:\n") + json)
        }
        let ((id, before), log) = result
        noteChanges(before: before, seen: seen)
        seenRevision = log.revision
        saved.append(id)
        console.out(pick("✓ \(id) saglabāts\n", "✓ \(id) saved\n"))
    }

    mutating func saveAfterAction(_ answers: AfterAction) throws(CommandFailure) {
        let seen = seenRevision
        let (before, log) = try LessonsSupport.update(storePath, trip: loaded.trip) { (log: inout LessonLog) throws(LessonError) in
            let before = log.revision
            log.afterAction.append(answers)
            return before
        }
        noteChanges(before: before, seen: seen)
        seenRevision = log.revision
        savedAfterAction = true
    }

    /// Says so when someone else saved while this session was asking: the new answers were added to their version.
    func noteChanges(before: Int, seen: Int) {
        guard before > seen else { return }
        console.err(pick("Piezīme: kāds cits pa to laiku saglabāja (revīzija \(seen) → \(before)); jūsu atbildes pievienotas jaunākajai versijai, nekas nav pazaudēts.\n",
                         "Note: someone else saved meanwhile (revision \(seen) → \(before)); your answers were added to the newer version, nothing was lost.\n"))
    }
}
