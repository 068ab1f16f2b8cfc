/// Turns the solver's orders into the `tripplan-itinerary/1` value and explains every place left out.
struct ItineraryAssembler {
    let trip: Trip
    let matrix: TravelMatrix
    let problem: ScheduleProblem

    func itinerary(routes: [[Int]]) -> Itinerary {
        let p = problem
        let days = trip.resolvedDays
        var out: [Itinerary.Day] = []
        for (d, day) in days.enumerated() {
            let route = routes[d]
            let schedule = DaySchedule(problem: p, day: d, route: route)
            var prev = p.dayFrom[d]
            var stops: [Itinerary.Stop] = []
            for (i, v) in route.enumerated() {
                let node = p.visitNode[v]
                var wait = schedule.start[i] - schedule.arrive[i]
                if case .onArrival(i) = schedule.lunch { wait -= p.lunchLength[d] }
                stops.append(Itinerary.Stop(place: p.visitIDs[v], arrive: TimeOfDay(minutes: schedule.arrive[i]),
                                            start: TimeOfDay(minutes: schedule.start[i]),
                                            end: TimeOfDay(minutes: schedule.end[i]),
                                            travelMinutes: matrix.minutes(prev, node), km: Self.round(matrix.km(prev, node)),
                                            waitMinutes: max(0, wait)))
                prev = node
            }
            var lunch: Itinerary.Break?
            let lunchPlace: Int?
            switch schedule.lunch {
            case .none: lunchPlace = nil
            case .atStart: lunchPlace = p.dayFrom[d]
            case let .onArrival(i), let .afterVisit(i): lunchPlace = p.visitNode[route[i]]
            case .atEnd: lunchPlace = p.dayTo[d]
            }
            if let lunchPlace {
                lunch = Itinerary.Break(place: matrix.ids[lunchPlace], start: TimeOfDay(minutes: schedule.lunchStart),
                                        end: TimeOfDay(minutes: schedule.lunchStart + p.lunchLength[d]))
            }
            let final = Itinerary.Leg(minutes: matrix.minutes(prev, p.dayTo[d]), km: Self.round(matrix.km(prev, p.dayTo[d])))
            var result = Itinerary.Day(date: day.date, from: day.from, to: day.to,
                                       depart: TimeOfDay(minutes: schedule.depart),
                                       arrive: TimeOfDay(minutes: schedule.arriveEnd),
                                       stops: stops, lunch: lunch, finalLeg: final)
            result.km = Self.round(result.km)
            out.append(result)
        }
        let placed = Set(routes.joined())
        let unscheduled = (0..<p.visitCount).filter { !placed.contains($0) }.map { v in
            let why = reason(for: v, routes: routes)
            return Itinerary.Unscheduled(place: p.visitIDs[v], reason: why.text(trip.language), why: why)
        }
        var itinerary = Itinerary(days: out, unscheduled: unscheduled)
        itinerary.km = Self.round(itinerary.km)
        return itinerary
    }

    static func round(_ km: Double) -> Double { (km * 10).rounded() / 10 }

    /// The most specific true reason why visit `v` is not in the plan.
    func reason(for v: Int, routes: [[Int]]) -> UnfitReason {
        let p = problem
        let days = trip.resolvedDays
        guard let place = trip.place(p.visitIDs[v]) else { return .closedOnTripDays(dates: days.map(\.date)) }
        let raw = days.map { place.windows(on: $0.date) }
        if raw.allSatisfy(\.isEmpty) { return .closedOnTripDays(dates: days.map(\.date)) }
        let openDays = (0..<p.dayCount).filter { p.isOpen($0, v) }
        if openDays.isEmpty {
            var windows: [UnfitReason.DatedWindow] = []
            for (d, day) in days.enumerated() {
                for w in raw[d] { windows.append(.init(date: day.date, from: w.from, to: w.to)) }
            }
            return .windowsTooShort(visitMinutes: p.duration[v], windows: windows)
        }
        // Alone on a day.
        var alone: (day: Int, violation: ScheduleProblem.Violation)?
        for d in openDays {
            let violation = p.violation(day: d, [v])
            if violation == .none { alone = nil; break }
            if alone == nil || violation.minutes < alone!.violation.minutes { alone = (d, violation) }
            if d == openDays.last, let found = alone {
                switch found.violation {
                case let .window(m):
                    return .unreachableInWindow(date: days[found.day].date, overrunMinutes: m, lunch: p.hasLunch[found.day])
                default: return .unreachable(date: days[found.day].date, overrunMinutes: found.violation.minutes)
                }
            }
        }
        // The best insertion into the final plan.
        var best: (day: Int, violation: ScheduleProblem.Violation)?
        for d in openDays {
            for i in 0...routes[d].count {
                var route = routes[d]
                route.insert(v, at: i)
                let violation = p.violation(day: d, route)
                // It would fit: either it is worth nothing, or the search stopped before it got there.
                if violation == .none { return p.isRequired[v] || p.score[v] > 0 ? .searchStopped : .optionalLeftOut }
                if best == nil || violation.minutes < best!.violation.minutes { best = (d, violation) }
            }
        }
        guard let best else { return .optionalLeftOut }
        switch best.violation {
        case let .window(m): return .noRoomInWindow(date: days[best.day].date, overrunMinutes: m, lunch: p.hasLunch[best.day])
        default: return .noRoom(date: days[best.day].date, overrunMinutes: best.violation.minutes)
        }
    }
}
