/// Everything that can go wrong with lessons: bad entries, unknown ids, a store that cannot be used,
/// and a store that changed underneath an edit.
public enum LessonError: Error, Equatable, CustomStringConvertible {
    case unknownPlace(file: String, place: Place.ID, known: [Place.ID])
    case unknownLesson(file: String, id: Lesson.ID, known: [Lesson.ID])
    case noFollowUp(file: String, id: Lesson.ID, index: Int?, count: Int)
    case nothingToAdd
    case nothingToChange(id: Lesson.ID)
    /// An edit prepared against revision `read` finds the entry changed in revision `changed`.
    case changedMeanwhile(file: String, id: Lesson.ID, read: Int, changed: Int)
    case removedMeanwhile(file: String, id: Lesson.ID, read: Int)
    case notJSON(file: String, detail: String)
    case unsupportedFormat(file: String, found: String)
    case invalidStore(file: String, problems: [String])
    case file(StoreError)
    case lock(path: String, reason: String)

    public var description: String {
        switch self {
        case let .unknownPlace(file, place, known):
            return "\(file): there is no place '\(place)' in this trip; use one of its place ids: "
                + known.map(\.rawValue).joined(separator: ", ") + " (or leave out --place for a trip-wide lesson)"
        case let .unknownLesson(file, id, known):
            let list = known.isEmpty ? "the store has no lessons yet" : "its ids are " + known.map(\.rawValue).joined(separator: ", ")
            return "\(file): there is no lesson '\(id)'; \(list) (see 'tripplan lessons list')"
        case let .noFollowUp(file, id, index, count):
            if let index {
                return "\(file): lesson \(id) has no follow-up \(index) (it has \(count)); use \(id) for all of them or \(id).1 … \(id).\(count)"
            }
            return "\(file): lesson \(id) has no follow-ups; add one with 'tripplan lessons edit … \(id) --follow-up TEXT'"
        case .nothingToAdd:
            return "nothing to add: every answer was empty, so the store was not changed"
        case let .nothingToChange(id):
            return "nothing to change in \(id): give at least one of --lesson, --saw, --idea, --follow-up, --rating, --arrived, --left, --place, --status"
        case let .changedMeanwhile(file, id, read, changed):
            return "\(file): lesson \(id) was changed by someone else (revision \(changed)) after this edit read revision \(read); "
                + "nothing was saved — look at 'tripplan lessons list' and make the edit again"
        case let .removedMeanwhile(file, id, read):
            return "\(file): lesson \(id) was removed by someone else after this edit read revision \(read); nothing was saved"
        case let .notJSON(file, detail):
            return "\(file): not a readable lessons store (\(detail)); it was left untouched — repair the JSON or restore it from a copy"
        case let .unsupportedFormat(file, found):
            return "\(file): \"format\" is \"\(found)\", expected \"\(LessonLog.formatName)\"; it was left untouched — use a tripplan that reads this format"
        case let .invalidStore(file, problems):
            return problems.map { "\(file): \($0)" }.joined(separator: "\n")
        case let .file(error):
            return error.description
        case let .lock(path, reason):
            return "\(path): cannot take the lessons lock (\(reason)); check that the folder is writable"
        }
    }
}
