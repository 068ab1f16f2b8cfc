import Foundation

/// The lessons of one trip, as kept in `NAME.lessons.json` beside the trip file (`tripplan-lessons/1`).
///
/// `revision` counts the saves; every entry remembers the revision that last changed it, which is how an edit
/// prepared earlier notices that its entry changed underneath. `nextNumber` only grows, so ids are never reused.
public struct LessonLog: Sendable, Hashable, Codable {
    public static let formatName = "tripplan-lessons/1"

    public var format: String = LessonLog.formatName
    public var revision: Int
    /// The number of the next id (`L<nextNumber>`).
    public var nextNumber: Int
    /// The trip the lessons belong to, copied on every save so that summaries need not read the trip file.
    public var trip: TripInfo?
    public var lessons: [Lesson]
    public var afterAction: AfterAction

    public init(revision: Int = 0, nextNumber: Int = 1, trip: TripInfo? = nil, lessons: [Lesson] = [],
                afterAction: AfterAction = AfterAction()) {
        self.revision = revision
        self.nextNumber = nextNumber
        self.trip = trip
        self.lessons = lessons
        self.afterAction = afterAction
    }

    /// The title and first day of a trip.
    public struct TripInfo: Sendable, Hashable, Codable {
        public var title: String
        public var start: LocalDate?
        public init(title: String, start: LocalDate?) {
            self.title = title
            self.start = start
        }
    }

    public func lesson(_ id: Lesson.ID) -> Lesson? { lessons.first { $0.id == id } }
}

// MARK: - Reading and writing

extension LessonLog {
    /// Reads and validates a store; every problem is reported at once.
    ///
    /// - Parameter fileName: used in messages only.
    public init(jsonData: Data, fileName: String) throws(LessonError) {
        // The shared parser first, so that malformed JSON is reported with its line and column.
        let document: JSONValue
        do {
            document = try JSONValue(parsing: jsonData)
        } catch {
            throw .notJSON(file: fileName, detail: error.description)
        }
        guard case .object = document else {
            throw .notJSON(file: fileName, detail: "the top level is not an object")
        }
        var format: String?
        if case let .string(text)? = document["format"] { format = text }
        guard format == Self.formatName else {
            throw .unsupportedFormat(file: fileName, found: format ?? "(missing)")
        }
        do {
            self = try JSONDecoder().decode(LessonLog.self, from: jsonData)
        } catch {
            throw .notJSON(file: fileName, detail: Self.describe(error))
        }
        let problems = validationProblems
        if !problems.isEmpty { throw .invalidStore(file: fileName, problems: problems) }
    }

    static func describe(_ error: Error) -> String {
        switch error {
        case let DecodingError.dataCorrupted(context), let DecodingError.typeMismatch(_, context),
             let DecodingError.valueNotFound(_, context):
            return Self.path(context.codingPath) + context.debugDescription
        case let DecodingError.keyNotFound(key, context):
            return Self.path(context.codingPath) + "\"\(key.stringValue)\" is missing"
        default:
            return "\(error)"
        }
    }

    static func path(_ codingPath: [CodingKey]) -> String {
        guard !codingPath.isEmpty else { return "" }
        var text = ""
        for key in codingPath {
            if let index = key.intValue { text += "[\(index)]" } else { text += (text.isEmpty ? "" : ".") + key.stringValue }
        }
        return text + ": "
    }

    /// Problems a hand-edited store may have; an empty list means the store is consistent.
    public var validationProblems: [String] {
        var problems: [String] = []
        if revision < 0 { problems.append("revision: \(revision) is negative; use 0 or more") }
        var seen: Set<Lesson.ID> = []
        for (index, lesson) in lessons.enumerated() {
            let at = "lessons[\(index)]"
            if !seen.insert(lesson.id).inserted {
                problems.append("\(at).id: \"\(lesson.id)\" is used twice; give one of them a new id (L\(nextNumber))")
            }
            if let number = lesson.id.number, number >= nextNumber {
                problems.append("\(at).id: \"\(lesson.id)\" is not below nextNumber \(nextNumber); raise nextNumber to \(number + 1)")
            }
            if let rating = lesson.rating, !(1...5).contains(rating) {
                problems.append("\(at).rating: \(rating) is not a rating; use 1 to 5")
            }
            if let arrived = lesson.arrived, let left = lesson.left, left < arrived {
                problems.append("\(at).left: \(left) is before arrived \(arrived); swap them or fix one")
            }
        }
        return problems
    }

    /// The store as written to disk: pretty-printed, keys sorted, so a diff of two revisions reads well.
    public func jsonData() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return ((try? encoder.encode(self)) ?? Data()) + Data("\n".utf8)
    }
}

// MARK: - Changes

/// The fields of an edit; nil leaves a field as it is.
public struct LessonChanges: Sendable, Hashable {
    /// `.some(nil)` makes the lesson trip-wide.
    public var place: Place.ID??
    public var lesson: String?
    public var saw: String?
    /// Appended to the entry's ideas.
    public var addIdeas: [String]
    public var addFollowUps: [FollowUp]
    public var rating: Int?
    public var arrived: TimeOfDay?
    public var left: TimeOfDay?
    /// Sets the status of every follow-up (or of the one numbered `followUpIndex`, from 1).
    public var status: FollowUp.Status?
    public var followUpIndex: Int?

    public init(place: Place.ID?? = nil, lesson: String? = nil, saw: String? = nil, addIdeas: [String] = [],
                addFollowUps: [FollowUp] = [], rating: Int? = nil, arrived: TimeOfDay? = nil, left: TimeOfDay? = nil,
                status: FollowUp.Status? = nil, followUpIndex: Int? = nil) {
        self.place = place
        self.lesson = lesson
        self.saw = saw
        self.addIdeas = addIdeas
        self.addFollowUps = addFollowUps
        self.rating = rating
        self.arrived = arrived
        self.left = left
        self.status = status
        self.followUpIndex = followUpIndex
    }

    public var isEmpty: Bool {
        place == nil && lesson == nil && saw == nil && addIdeas.isEmpty && addFollowUps.isEmpty && rating == nil
            && arrived == nil && left == nil && status == nil
    }
}

extension LessonLog {
    /// Adds an entry with the next id. The caller's `id` and `revision` are replaced.
    ///
    /// - Throws: `.nothingToAdd` when every field is empty.
    @discardableResult
    public mutating func add(_ draft: Lesson) throws(LessonError) -> Lesson.ID {
        guard !draft.isEmpty else { throw .nothingToAdd }
        var lesson = draft
        lesson.id = Lesson.ID(number: nextNumber)
        lesson.revision = revision + 1
        nextNumber += 1
        lessons.append(lesson)
        return lesson.id
    }

    /// Applies `changes` to entry `id`.
    ///
    /// - Parameter readRevision: the store revision the edit was prepared against; when the entry changed after
    ///   it, the edit is refused rather than overwriting someone else's change.
    public mutating func edit(_ id: Lesson.ID, _ changes: LessonChanges, readRevision: Int? = nil,
                              file: String) throws(LessonError) {
        guard !changes.isEmpty else { throw .nothingToChange(id: id) }
        guard let index = lessons.firstIndex(where: { $0.id == id }) else {
            if let readRevision, let number = id.number, number < nextNumber {
                throw .removedMeanwhile(file: file, id: id, read: readRevision)
            }
            throw .unknownLesson(file: file, id: id, known: lessons.map(\.id))
        }
        var lesson = lessons[index]
        if let readRevision, lesson.revision > readRevision {
            throw .changedMeanwhile(file: file, id: id, read: readRevision, changed: lesson.revision)
        }
        if let place = changes.place { lesson.place = place }
        if let text = changes.lesson { lesson.lesson = text }
        if let text = changes.saw { lesson.saw = text }
        lesson.ideas += changes.addIdeas
        lesson.followUps += changes.addFollowUps
        if let rating = changes.rating { lesson.rating = rating }
        if let arrived = changes.arrived { lesson.arrived = arrived }
        if let left = changes.left { lesson.left = left }
        if let status = changes.status {
            if let number = changes.followUpIndex {
                guard (1...max(1, lesson.followUps.count)).contains(number), !lesson.followUps.isEmpty else {
                    throw .noFollowUp(file: file, id: id, index: number, count: lesson.followUps.count)
                }
                lesson.followUps[number - 1].status = status
            } else {
                guard !lesson.followUps.isEmpty else { throw .noFollowUp(file: file, id: id, index: nil, count: 0) }
                for i in lesson.followUps.indices { lesson.followUps[i].status = status }
            }
        }
        lesson.revision = revision + 1
        lessons[index] = lesson
    }

    /// Removes entry `id`; its id is not given out again.
    public mutating func remove(_ id: Lesson.ID, readRevision: Int? = nil, file: String) throws(LessonError) {
        guard let index = lessons.firstIndex(where: { $0.id == id }) else {
            throw .unknownLesson(file: file, id: id, known: lessons.map(\.id))
        }
        if let readRevision, lessons[index].revision > readRevision {
            throw .changedMeanwhile(file: file, id: id, read: readRevision, changed: lessons[index].revision)
        }
        lessons.remove(at: index)
    }

    /// Place ids used by entries that the trip does not have, with the entries' ids.
    public func unknownPlaces(in trip: Trip) -> [(Lesson.ID, Place.ID)] {
        let known = Set(trip.places.map(\.id))
        return lessons.compactMap { lesson in
            guard let place = lesson.place, !known.contains(place) else { return nil }
            return (lesson.id, place)
        }
    }
}
