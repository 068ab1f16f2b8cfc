extension LessonLog {
    /// What the given stores remember about each place: the newest lesson and every open follow-up.
    ///
    /// "Newest" is by the trip's first day, then by id within a trip; a store without a trip date counts as
    /// the oldest. The lesson shown is the entry's lesson text, else what was seen, else its first idea.
    public static func memories(_ logs: [LessonLog]) -> [Place.ID: PlaceMemory] {
        let ordered = logs.sorted { ($0.trip?.start ?? LocalDate(year: 1, month: 1, day: 1)) < ($1.trip?.start ?? LocalDate(year: 1, month: 1, day: 1)) }
        var result: [Place.ID: PlaceMemory] = [:]
        for log in ordered {
            for lesson in log.lessons.sorted(by: { $0.id < $1.id }) {
                guard let place = lesson.place else { continue }
                var memory = result[place] ?? PlaceMemory()
                let text = [lesson.lesson, lesson.saw ?? "", lesson.ideas.first ?? ""].first { !$0.isEmpty }
                if let text {
                    memory.lastLesson = text
                    memory.lastLessonTrip = log.trip?.title
                    memory.lastLessonDate = log.trip?.start ?? lesson.recorded
                }
                for followUp in lesson.followUps where followUp.status == .open {
                    memory.openFollowUps.append(.init(action: followUp.action, owner: followUp.owner, due: followUp.due))
                }
                result[place] = memory
            }
        }
        return result.filter { !$0.value.isEmpty }
    }
}
