/// One entry of a trip's lessons: what the group learned at a place (or about the whole trip).
///
/// Every field but `id` may be empty: interactive entry lets people skip any question, and an entry with
/// only a rating or only the actual times is still worth keeping. An entry with nothing at all is never
/// stored (see `Lesson.isEmpty`).
public struct Lesson: Sendable, Hashable, Codable {
    /// A stable id, `L1`, `L2`, …; ids are never reused, even after a removal.
    public struct ID: StringIdentifier, Comparable {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public init(number: Int) { self.rawValue = "L\(number)" }
        /// The number in `L12`; nil for anything else.
        public var number: Int? {
            guard rawValue.hasPrefix("L") else { return nil }
            return Int(rawValue.dropFirst())
        }
        public static func < (lhs: ID, rhs: ID) -> Bool {
            (lhs.number ?? Int.max, lhs.rawValue) < (rhs.number ?? Int.max, rhs.rawValue)
        }
    }

    public var id: ID
    /// The visited place; nil for a trip-wide lesson.
    public var place: Place.ID?
    /// What the group learned / what worked.
    public var lesson: String
    /// What the group saw.
    public var saw: String?
    /// Ideas to adopt in the group's own organization.
    public var ideas: [String]
    public var followUps: [FollowUp]
    /// 1–5.
    public var rating: Int?
    /// Actual arrival and departure, local time on the visit's day.
    public var arrived: TimeOfDay?
    public var left: TimeOfDay?
    /// The day the entry was written (the console's today).
    public var recorded: LocalDate?
    /// The store revision that last changed this entry; an edit prepared against an older revision of the
    /// store is refused when this is newer (someone else changed the entry meanwhile).
    public var revision: Int

    public init(id: ID, place: Place.ID? = nil, lesson: String = "", saw: String? = nil, ideas: [String] = [],
                followUps: [FollowUp] = [], rating: Int? = nil, arrived: TimeOfDay? = nil, left: TimeOfDay? = nil,
                recorded: LocalDate? = nil, revision: Int = 0) {
        self.id = id
        self.place = place
        self.lesson = lesson
        self.saw = saw
        self.ideas = ideas
        self.followUps = followUps
        self.rating = rating
        self.arrived = arrived
        self.left = left
        self.recorded = recorded
        self.revision = revision
    }

    /// True when no question was answered.
    public var isEmpty: Bool {
        lesson.isEmpty && (saw ?? "").isEmpty && ideas.isEmpty && followUps.isEmpty && rating == nil
            && arrived == nil && left == nil
    }

    enum CodingKeys: String, CodingKey {
        case id, place, lesson, saw, ideas, followUps, rating, arrived, left, recorded, revision
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(ID.self, forKey: .id)
        place = try c.decodeIfPresent(Place.ID.self, forKey: .place)
        lesson = try c.decodeIfPresent(String.self, forKey: .lesson) ?? ""
        saw = try c.decodeIfPresent(String.self, forKey: .saw)
        ideas = try c.decodeIfPresent([String].self, forKey: .ideas) ?? []
        followUps = try c.decodeIfPresent([FollowUp].self, forKey: .followUps) ?? []
        rating = try c.decodeIfPresent(Int.self, forKey: .rating)
        arrived = try c.decodeIfPresent(TimeOfDay.self, forKey: .arrived)
        left = try c.decodeIfPresent(TimeOfDay.self, forKey: .left)
        recorded = try c.decodeIfPresent(LocalDate.self, forKey: .recorded)
        revision = try c.decodeIfPresent(Int.self, forKey: .revision) ?? 0
    }

    /// `place` is always written (null for a trip-wide lesson), as the contract's list JSON promises it.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        if let place { try c.encode(place, forKey: .place) } else { try c.encodeNil(forKey: .place) }
        try c.encode(lesson, forKey: .lesson)
        try c.encodeIfPresent(saw, forKey: .saw)
        try c.encode(ideas, forKey: .ideas)
        try c.encode(followUps, forKey: .followUps)
        try c.encodeIfPresent(rating, forKey: .rating)
        try c.encodeIfPresent(arrived, forKey: .arrived)
        try c.encodeIfPresent(left, forKey: .left)
        try c.encodeIfPresent(recorded, forKey: .recorded)
        try c.encode(revision, forKey: .revision)
    }
}
