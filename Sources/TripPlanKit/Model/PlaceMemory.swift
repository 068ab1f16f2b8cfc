/// What earlier trips learned at a place, shown when a new plan visits it again.
///
/// Built from the lessons stores (see `Lessons`), passed to the renderers as a value.
public struct PlaceMemory: Sendable, Hashable {
    /// The most recent lesson recorded for the place, with the trip and date it came from.
    public var lastLesson: String?
    public var lastLessonTrip: String?
    public var lastLessonDate: LocalDate?
    /// Follow-ups for the place still marked open.
    public var openFollowUps: [FollowUpNote]

    public init(lastLesson: String? = nil, lastLessonTrip: String? = nil, lastLessonDate: LocalDate? = nil,
                openFollowUps: [FollowUpNote] = []) {
        self.lastLesson = lastLesson
        self.lastLessonTrip = lastLessonTrip
        self.lastLessonDate = lastLessonDate
        self.openFollowUps = openFollowUps
    }

    public var isEmpty: Bool { lastLesson == nil && openFollowUps.isEmpty }

    public struct FollowUpNote: Sendable, Hashable {
        public var action: String
        public var owner: String?
        public var due: LocalDate?
        public init(action: String, owner: String? = nil, due: LocalDate? = nil) {
            self.action = action
            self.owner = owner
            self.due = due
        }
    }
}
