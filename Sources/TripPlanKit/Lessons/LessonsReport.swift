/// Everything the after-action report shows, worked out from the trip, its plan and its lessons.
///
/// A pure value: `today` (for overdue follow-ups) is a parameter, so the same inputs always give the same
/// report. The renderers only phrase it.
public struct LessonsReport: Sendable, Hashable {
    public struct PlaceSection: Sendable, Hashable {
        public var place: Place.ID
        public var name: String
        public var lessons: [Lesson]
        /// Mean of the entries' ratings, nil when none was rated.
        public var rating: Double?
    }

    public struct FollowUpRow: Sendable, Hashable {
        public var lesson: Lesson.ID
        /// 1-based position among the lesson's follow-ups (`L3.2`).
        public var number: Int
        public var placeName: String?
        public var followUp: FollowUp
        public var overdue: Bool
        /// `L3`, or `L3.2` when the lesson has more than one follow-up.
        public var reference: String
    }

    public var title: String
    public var organizer: String?
    public var firstDay: LocalDate?
    public var lastDay: LocalDate?
    public var today: LocalDate
    /// Places with lessons: visited places in plan order first, then any others in trip-file order.
    public var places: [PlaceSection]
    public var tripWide: [Lesson]
    /// Open follow-ups first (overdue first among them, then by due date), then done ones.
    public var followUps: [FollowUpRow]
    public var comparison: PlanComparison
    public var afterAction: AfterAction
    /// Place names by id, for the comparison's rows.
    public var names: [Place.ID: String]

    public init(trip: Trip, itinerary: Itinerary, log: LessonLog, today: LocalDate) {
        title = trip.title
        organizer = trip.organizer
        firstDay = trip.days.map(\.date).min()
        lastDay = trip.days.map(\.date).max()
        self.today = today
        var names: [Place.ID: String] = [:]
        for place in trip.places { names[place.id] = LessonsReport.displayName(place) }
        self.names = names

        var order: [Place.ID] = itinerary.days.flatMap { $0.stops.map(\.place) }
        for place in trip.places where !order.contains(place.id) { order.append(place.id) }
        for lesson in log.lessons { if let place = lesson.place, !order.contains(place) { order.append(place) } }
        places = order.compactMap { id in
            let lessons = log.lessons.filter { $0.place == id }
            guard !lessons.isEmpty else { return nil }
            let ratings = lessons.compactMap(\.rating)
            let mean = ratings.isEmpty ? nil : Double(ratings.reduce(0, +)) / Double(ratings.count)
            return PlaceSection(place: id, name: names[id] ?? id.rawValue, lessons: lessons, rating: mean)
        }
        tripWide = log.lessons.filter { $0.place == nil }

        var rows: [FollowUpRow] = []
        for lesson in log.lessons {
            for (index, followUp) in lesson.followUps.enumerated() {
                let reference = lesson.followUps.count > 1 ? "\(lesson.id).\(index + 1)" : lesson.id.rawValue
                rows.append(FollowUpRow(lesson: lesson.id, number: index + 1,
                                        placeName: lesson.place.map { names[$0] ?? $0.rawValue },
                                        followUp: followUp, overdue: followUp.isOverdue(today: today),
                                        reference: reference))
            }
        }
        followUps = rows.enumerated().sorted { a, b in
            let ka = (a.element.followUp.status == .done, !a.element.overdue, a.element.followUp.due ?? LocalDate(year: 9999, month: 12, day: 31))
            let kb = (b.element.followUp.status == .done, !b.element.overdue, b.element.followUp.due ?? LocalDate(year: 9999, month: 12, day: 31))
            if ka.0 != kb.0 { return !ka.0 }
            if ka.1 != kb.1 { return !ka.1 }
            if ka.2 != kb.2 { return ka.2 < kb.2 }
            return a.offset < b.offset
        }.map(\.element)
        comparison = PlanComparison(itinerary: itinerary, log: log, model: trip.travel.model)
        afterAction = log.afterAction
    }

    /// "Ideju māja, Aizpute" unless the name already says the town.
    public static func displayName(_ place: Place) -> String {
        if let town = place.town, !town.isEmpty, !place.name.contains(town) { return "\(place.name), \(town)" }
        return place.name
    }
}
