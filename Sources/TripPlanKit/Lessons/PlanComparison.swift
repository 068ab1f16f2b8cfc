/// The plan set against what happened: per stop the planned and the actual arrival, per leg the planned and
/// the actual travel minutes, and what that says about the travel model.
///
/// Actual times come from the lessons' `arrived` and `left` (the newest entry for a place that has them).
/// A leg is measured only when both its ends are known: the actual departure from the place before (`left`)
/// and the actual arrival at the place after (`arrived`). A day's start and end count as ends too when a
/// lesson for that place gives the time (`--place lodging-liepaja --left 09:05`), unless the place starts
/// (or ends) more than one day, which would make the time ambiguous.
public struct PlanComparison: Sendable, Hashable {
    public struct StopRow: Sendable, Hashable {
        public var date: LocalDate
        public var place: Place.ID
        public var plannedArrival: TimeOfDay
        public var actualArrival: TimeOfDay?
        public var plannedDeparture: TimeOfDay
        public var actualDeparture: TimeOfDay?
        /// Actual minus planned arrival: positive = late, negative = early.
        public var arrivalDelta: Int? {
            actualArrival.map { $0.minutes - plannedArrival.minutes }
        }
    }

    public struct LegRow: Sendable, Hashable {
        public var date: LocalDate
        public var from: Place.ID
        public var to: Place.ID
        public var km: Double
        public var plannedMinutes: Int
        public var actualMinutes: Int
    }

    public var stops: [StopRow]
    public var legs: [LegRow]
    /// Nil when no leg could be measured.
    public var suggestion: TravelSuggestion?

    public init(itinerary: Itinerary, log: LessonLog, model: TravelModelParameters) {
        var arrived: [Place.ID: TimeOfDay] = [:]
        var left: [Place.ID: TimeOfDay] = [:]
        // Newest entry wins: ids grow with time.
        for lesson in log.lessons.sorted(by: { $0.id < $1.id }) {
            guard let place = lesson.place else { continue }
            if let time = lesson.arrived { arrived[place] = time }
            if let time = lesson.left { left[place] = time }
        }
        var startCount: [Place.ID: Int] = [:], endCount: [Place.ID: Int] = [:]
        for day in itinerary.days {
            startCount[day.from, default: 0] += 1
            endCount[day.to, default: 0] += 1
        }
        var stops: [StopRow] = []
        var legs: [LegRow] = []
        for day in itinerary.days {
            var previous = (place: day.from, actualLeft: startCount[day.from] == 1 ? left[day.from] : nil)
            for stop in day.stops {
                let row = StopRow(date: day.date, place: stop.place, plannedArrival: stop.arrive,
                                  actualArrival: arrived[stop.place], plannedDeparture: stop.end,
                                  actualDeparture: left[stop.place])
                stops.append(row)
                if let from = previous.actualLeft, let to = row.actualArrival, to > from {
                    legs.append(LegRow(date: day.date, from: previous.place, to: stop.place, km: stop.km,
                                       plannedMinutes: stop.travelMinutes, actualMinutes: to.minutes - from.minutes))
                }
                previous = (stop.place, row.actualDeparture)
            }
            if let from = previous.actualLeft, endCount[day.to] == 1, let to = arrived[day.to], to > from {
                legs.append(LegRow(date: day.date, from: previous.place, to: day.to, km: day.finalLeg.km,
                                   plannedMinutes: day.finalLeg.minutes, actualMinutes: to.minutes - from.minutes))
            }
        }
        self.stops = stops
        self.legs = legs
        self.suggestion = TravelSuggestion(legs: legs, model: model)
    }
}

/// What the measured legs suggest for `travel.model` next time.
///
/// The model's leg time is `km ÷ speed × 60 + buffer`. Over the measured legs, the speed that would have
/// matched is `Σ km ÷ Σ (actual − buffer) × 60`: the buffer is kept as it is and the rest of the difference
/// is put on the road. See docs/lessons.md for a worked example.
public struct TravelSuggestion: Sendable, Hashable {
    public var legCount: Int
    public var km: Double
    public var plannedMinutes: Int
    public var actualMinutes: Int
    public var bufferMinutes: Int
    public var currentSpeedKmh: Double
    /// Nil when the legs were too short to say (their actual time does not exceed the buffers).
    public var matchingSpeedKmh: Double?

    /// Actual against planned, in whole percent: 12 means the legs took 12% longer.
    public var percentLonger: Int {
        guard plannedMinutes > 0 else { return 0 }
        return Int((Double(actualMinutes - plannedMinutes) / Double(plannedMinutes) * 100).rounded())
    }

    public init?(legs: [PlanComparison.LegRow], model: TravelModelParameters) {
        guard !legs.isEmpty else { return nil }
        legCount = legs.count
        km = legs.reduce(0) { $0 + $1.km }
        plannedMinutes = legs.reduce(0) { $0 + $1.plannedMinutes }
        actualMinutes = legs.reduce(0) { $0 + $1.actualMinutes }
        bufferMinutes = model.bufferMinutes
        currentSpeedKmh = model.speedKmh
        let driving = actualMinutes - legCount * model.bufferMinutes
        matchingSpeedKmh = driving > 0 && km > 0 ? km / Double(driving) * 60 : nil
    }
}
