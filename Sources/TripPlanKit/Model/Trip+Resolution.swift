extension Trip {
    /// A day with its `from` and `to` defaults applied.
    public struct ResolvedDay: Sendable, Hashable {
        public var index: Int
        public var date: LocalDate
        public var start: TimeOfDay
        public var end: TimeOfDay
        public var from: Place.ID
        public var to: Place.ID
    }

    /// Days with defaults: `from` is `home` on the first day and the previous day's `to` after it;
    /// `to` is `home`.
    public var resolvedDays: [ResolvedDay] {
        var result: [ResolvedDay] = []
        var previousTo = home
        for (index, day) in days.enumerated() {
            let from = day.from ?? (index == 0 ? home : previousTo)
            let to = day.to ?? home
            result.append(ResolvedDay(index: index, date: day.date, start: day.start, end: day.end, from: from, to: to))
            previousTo = to
        }
        return result
    }

    /// The places to schedule, in file order: `visit` when given, otherwise every place that is not home
    /// nor a day's start or end.
    public var placesToVisit: [Place.ID] {
        if let visit { return visit }
        var endpoints: Set<Place.ID> = [home]
        for day in resolvedDays {
            endpoints.insert(day.from)
            endpoints.insert(day.to)
        }
        return places.map(\.id).filter { !endpoints.contains($0) }
    }

    public func place(_ id: Place.ID) -> Place? {
        places.first { $0.id == id }
    }
}

extension Trip {
    /// "⚠ 2 h 10 min after the day's end (19:00)" when a planned day reaches its `to` after the day's `end`.
    ///
    /// Only a day that cannot even make its direct leg in time is planned late (it gets no visits);
    /// the plans print the overrun so that nobody mistakes it for a feasible day.
    public func lateArrivalNote(for day: Itinerary.Day, _ language: Language) -> String? {
        guard let end = days.first(where: { $0.date == day.date })?.end, day.arrive > end else { return nil }
        let late = DateText.duration(minutes: day.arrive.minutes - end.minutes)
        switch language {
        case .lv: return "⚠ \(late) pēc dienas beigām (\(end))"
        case .en: return "⚠ \(late) after the day's end (\(end))"
        }
    }
}
