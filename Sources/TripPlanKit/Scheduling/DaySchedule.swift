/// The clock times of one day for a fixed order of visits: where lunch falls, who waits, when to leave.
///
/// Mirrors `ScheduleProblem.pass` (two states, earliest times) and walks back to find where the lunch
/// that gives the earliest arrival was taken. Then the departure is delayed by the wait at the first stop,
/// so the group does not leave only to wait; the rest of the day is unchanged.
struct DaySchedule {
    enum LunchSpot: Equatable {
        case none
        case atStart
        case onArrival(Int)
        case afterVisit(Int)
        case atEnd
    }

    var depart: Int
    var arrive: [Int]
    var start: [Int]
    var end: [Int]
    var lunch: LunchSpot
    var lunchStart: Int
    var arriveEnd: Int
    /// True when the day breaks its end (only for a day that cannot even make its direct leg).
    var overrun: Bool

    init(problem p: ScheduleProblem, day d: Int, route: [Int]) {
        let never = ScheduleProblem.never
        let k = route.count
        let hasLunch = p.hasLunch[d]
        // Forward pass, keeping every intermediate value for the walk back.
        var aN = [Int](repeating: never, count: k), aY = aN, bY = aN, sN = aN, sY = aN, eN = aN, eY = aN, fY = aN
        var bYLunch = [Bool](repeating: false, count: k), fYLunch = bYLunch
        let t0N = hasLunch ? p.dayStart[d] : never
        let t0Y = hasLunch ? p.lunchEnd(d, p.dayStart[d]) : p.dayStart[d]
        var tN = t0N, tY = t0Y
        var prev = p.dayFrom[d]
        // When the route is not feasible (a forced day), keep going with the relaxed rules so times exist.
        let strict = p.arrival(day: d, route) < never
        for (i, v) in route.enumerated() {
            let c = p.minutes(prev, p.visitNode[v])
            aN[i] = tN >= never ? never : tN + c
            aY[i] = tY >= never ? never : tY + c
            let lunchHere = hasLunch ? p.lunchEnd(d, aN[i]) : never
            if lunchHere < aY[i] {
                bY[i] = lunchHere
                bYLunch[i] = true
            } else {
                bY[i] = aY[i]
            }
            func startAt(_ t: Int) -> Int {
                if t >= never { return never }
                let s = p.earliestStart(d, v, t)
                return s < never || strict ? s : t
            }
            sN[i] = startAt(aN[i])
            sY[i] = startAt(bY[i])
            eN[i] = sN[i] >= never ? never : sN[i] + p.duration[v]
            eY[i] = sY[i] >= never ? never : sY[i] + p.duration[v]
            let lunchAfter = hasLunch ? p.lunchEnd(d, eN[i]) : never
            if lunchAfter < eY[i] {
                fY[i] = lunchAfter
                fYLunch[i] = true
            } else {
                fY[i] = eY[i]
            }
            tN = eN[i]
            tY = fY[i]
            prev = p.visitNode[v]
        }
        let cEnd = p.minutes(prev, p.dayTo[d])
        let endY = tY >= never ? never : tY + cEnd
        let endN = tN >= never ? never : tN + cEnd
        var spot = LunchSpot.none
        var inY = true // which state each stop was in, found walking back
        if hasLunch {
            if endN < endY && p.lunchEnd(d, endN) < never {
                spot = .atEnd
                inY = false
            } else if endY >= never {
                // Nothing fits the lunch window: take it at the end anyway (an overrun day).
                spot = .atEnd
                inY = false
            }
        }
        var useY = [Bool](repeating: !hasLunch, count: k)
        if hasLunch && inY {
            var i = k - 1
            spot = .atStart
            while i >= 0 {
                useY[i] = true
                if fYLunch[i] { spot = .afterVisit(i); useY[i] = false; break }
                if bYLunch[i] { spot = .onArrival(i); break }
                i -= 1
            }
        }
        arrive = (0..<k).map { i in
            if case .onArrival(i) = spot { return aN[i] }
            return useY[i] ? aY[i] : aN[i]
        }
        let starts = (0..<k).map { i in
            if case .onArrival(i) = spot { return sY[i] }
            return useY[i] ? sY[i] : sN[i]
        }
        start = starts
        end = (0..<k).map { starts[$0] + p.duration[route[$0]] }
        self.lunch = spot
        var departure = p.dayStart[d]
        switch spot {
        case .atStart: lunchStart = max(p.dayStart[d], p.lunchFrom[d]); departure = lunchStart + p.lunchLength[d]
        case let .onArrival(i): lunchStart = max(arrive[i], p.lunchFrom[d])
        case let .afterVisit(i): lunchStart = max(end[i], p.lunchFrom[d])
        case .atEnd: lunchStart = max(k == 0 ? p.dayStart[d] + cEnd : end[k - 1] + cEnd, p.lunchFrom[d])
        case .none: lunchStart = 0
        }
        if k == 0 {
            arriveEnd = departure + cEnd
            if spot == .atEnd { lunchStart = max(arriveEnd, p.lunchFrom[d]) }
        } else {
            var leave = end[k - 1]
            if case .afterVisit(k - 1) = spot { leave = lunchStart + p.lunchLength[d] }
            arriveEnd = leave + cEnd
            if spot == .atEnd { lunchStart = max(arriveEnd, p.lunchFrom[d]) }
            // Leave later rather than wait at the first stop.
            let c1 = p.minutes(p.dayFrom[d], p.visitNode[route[0]])
            var latestArrival = start[0]
            if case .onArrival(0) = spot { latestArrival = min(start[0], p.lunchTo[d]) - p.lunchLength[d] }
            departure = max(departure, latestArrival - c1)
            arrive[0] = departure + c1
            if case .onArrival(0) = spot { lunchStart = max(arrive[0], p.lunchFrom[d]) }
        }
        depart = departure
        overrun = arriveEnd > p.dayEnd[d] || !strict
    }
}
