/// `tripplan lessons edit TRIP.json ID`
struct LessonsEditCommand: Command {
    static let name = "lessons edit"
    static let abstract = "Change a lesson: its text, place, rating, times, ideas or follow-ups."
    static let usage = "tripplan lessons edit <trip> <id> [--place <id> | --trip-wide] [--lesson <text>] [--saw <text>] "
        + "[--idea <text> ...] [--follow-up <action> [--owner <name>] [--due <date>]] [--rating <1-5>] "
        + "[--arrived <HH:MM>] [--left <HH:MM>] [--status open|done] [--if-revision <n>]"
    static let discussion = """
        ARGUMENTS:
          <trip>                  The trip file.
          <id>                    The lesson's id (L3), or L3.2 for its second follow-up with --status.

        OPTIONS:
          --place <id>            Move the lesson to another place of the trip.
          --trip-wide             Make it a lesson about the whole trip.
          --lesson <text>         Replace what was learned.
          --saw <text>            Replace what was seen.
          --idea <text>           Add an idea (repeatable).
          --follow-up <action>    Add a follow-up, with --owner <name> and --due <YYYY-MM-DD>.
          --rating <1-5>          Replace the rating.
          --arrived <HH:MM>       Replace the actual arrival.
          --left <HH:MM>          Replace the actual departure.
          --status open|done      Mark the lesson's follow-ups (or only L3.2's) open or done.
          --if-revision <n>       The store revision this edit was prepared against: if the lesson was
                                  changed after it (by anyone), nothing is saved and the edit is refused.
          --lang lv|en            Language of the confirmation (default: the trip's).

        The change is made under the store's lock on the store as it is at that moment; other entries
        added meanwhile are kept.
        """
    static let spec = ArgumentSpec(
        flags: ["--trip-wide"],
        options: ["--place", "--lesson", "--saw", "--idea", "--follow-up", "--owner", "--due", "--rating",
                  "--arrived", "--left", "--status", "--if-revision", "--lang"],
        positionals: ["trip", "id"])

    static func run(_ arguments: ParsedArguments, console: Console) throws -> Int32 {
        let (id, followUpNumber) = try LessonsSupport.reference(arguments.positionals[1])
        var changes = try LessonsSupport.fields(arguments)
        if arguments.flag("--trip-wide") {
            if changes.place != nil { throw UsageError("Give either '--place <id>' or '--trip-wide', not both.") }
            changes.place = .some(nil)
        }
        if let text = try LessonsSupport.single(arguments, "--status") {
            guard let status = FollowUp.Status(rawValue: text) else {
                throw UsageError("The value '\(text)' is invalid for '--status': use open or done.")
            }
            changes.status = status
        }
        if followUpNumber != nil && changes.status == nil {
            throw UsageError("'\(arguments.positionals[1])' names a follow-up; give '--status open|done' for it, or edit \(id).")
        }
        changes.followUpIndex = followUpNumber
        let readRevision = try revision(arguments)
        return try apply(changes, to: id, readRevision: readRevision, arguments: arguments, console: console)
    }

    static func revision(_ arguments: ParsedArguments) throws(UsageError) -> Int? {
        guard let text = try LessonsSupport.single(arguments, "--if-revision") else { return nil }
        guard let value = Int(text), value >= 0 else {
            throw UsageError("The value '\(text)' is invalid for '--if-revision <n>': give the revision 'lessons list' showed.")
        }
        return value
    }

    /// Loads the trip, checks the place, applies the change under the lock and confirms.
    static func apply(_ changes: LessonChanges, to id: Lesson.ID, readRevision: Int?, arguments: ParsedArguments,
                      console: Console) throws -> Int32 {
        try LessonsSupport.change(arguments, console: console, check: { loaded throws(CommandFailure) in
            if let place = changes.place { try LessonsSupport.checkPlace(place, in: loaded) }
        }, { (log: inout LessonLog, path: String) throws(LessonError) in
            try log.edit(id, changes, readRevision: readRevision, file: path)
        }, confirm: { path, revision, lang in
            lang == .lv ? "Labots \(id): \(path), revīzija \(revision)" : "Changed \(id) in \(path), revision \(revision)"
        })
    }
}

/// `tripplan lessons done TRIP.json ID`
struct LessonsDoneCommand: Command {
    static let name = "lessons done"
    static let abstract = "Mark a lesson's follow-ups (or one of them) as done."
    static let usage = "tripplan lessons done <trip> <id> [--if-revision <n>]"
    static let discussion = """
        ARGUMENTS:
          <trip>               The trip file.
          <id>                 L3 marks every follow-up of L3 done; L3.2 only the second one.

        OPTIONS:
          --if-revision <n>    Refuse if the lesson changed after revision <n>.
          --lang lv|en         Language of the confirmation (default: the trip's).

        Same as 'tripplan lessons edit <trip> <id> --status done'; reopen with '--status open'.
        """
    static let spec = ArgumentSpec(options: ["--if-revision", "--lang"], positionals: ["trip", "id"])

    static func run(_ arguments: ParsedArguments, console: Console) throws -> Int32 {
        let (id, number) = try LessonsSupport.reference(arguments.positionals[1])
        let changes = LessonChanges(status: .done, followUpIndex: number)
        return try LessonsEditCommand.apply(changes, to: id, readRevision: LessonsEditCommand.revision(arguments),
                                            arguments: arguments, console: console)
    }
}

/// `tripplan lessons remove TRIP.json ID`
struct LessonsRemoveCommand: Command {
    static let name = "lessons remove"
    static let abstract = "Remove a lesson (its id is not given out again)."
    static let usage = "tripplan lessons remove <trip> <id> [--if-revision <n>]"
    static let discussion = """
        ARGUMENTS:
          <trip>               The trip file.
          <id>                 The lesson's id, e.g. L3.

        OPTIONS:
          --if-revision <n>    Refuse if the lesson changed after revision <n>.
          --lang lv|en         Language of the confirmation (default: the trip's).
        """
    static let spec = ArgumentSpec(options: ["--if-revision", "--lang"], positionals: ["trip", "id"])

    static func run(_ arguments: ParsedArguments, console: Console) throws -> Int32 {
        let (id, number) = try LessonsSupport.reference(arguments.positionals[1])
        if number != nil { throw UsageError("'\(arguments.positionals[1])' names a follow-up; remove the lesson \(id), or mark the follow-up with 'lessons done'.") }
        let readRevision = try LessonsEditCommand.revision(arguments)
        return try LessonsSupport.change(arguments, console: console, check: { _ throws(CommandFailure) in }, { (log: inout LessonLog, path: String) throws(LessonError) in
            try log.remove(id, readRevision: readRevision, file: path)
        }, confirm: { path, revision, lang in
            lang == .lv ? "Izņemts \(id): \(path), revīzija \(revision)" : "Removed \(id) from \(path), revision \(revision)"
        })
    }
}
