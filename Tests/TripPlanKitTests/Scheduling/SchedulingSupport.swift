@testable import TripPlanKit

/// Test helpers for the scheduler: trips built in code, an independent feasibility checker and an
/// exhaustive reference search. None of it uses the solver's own evaluation.
enum SchedTest {
    static func time(_ m: Int) -> TimeOfDay { TimeOfDay(minutes: m) }

    typealias Rand = TestRandom

    /// A matrix from points on a plane: minutes = rounded distance + 5, km = distance.
    static func matrix(ids: [Place.ID], points: [(Int, Int)]) -> TravelMatrix {
        var minutes: [Int] = [], km: [Double] = []
        for a in points {
            for b in points {
                let dx = Double(a.0 - b.0), dy = Double(a.1 - b.1)
                let dist = (dx * dx + dy * dy).squareRoot()
                let same = a.0 == b.0 && a.1 == b.1
                minutes.append(same ? 0 : Int(dist.rounded()) + 5)
                km.append(dist)
            }
        }
        return TravelMatrix(ids: ids, minutes: minutes, km: km)
    }

    /// A random small trip: 1–2 days, up to `maxVisits` visits, random windows, closures, scores and lunch.
    /// A random trip of two days with at least `minVisits` places to visit (more than the exact solver takes).
    static func randomLargerTrip(_ r: inout Rand, maxVisits: Int, minVisits: Int = 16) -> (Trip, TravelMatrix) {
        var (trip, matrix) = randomTrip(&r, maxVisits: maxVisits)
        while trip.placesToVisit.count < minVisits || trip.days.count < 2 { (trip, matrix) = randomTrip(&r, maxVisits: maxVisits) }
        return (trip, matrix)
    }

    static func randomTrip(_ r: inout Rand, maxVisits: Int = 7) -> (Trip, TravelMatrix) {
        let n = r.int(1...maxVisits)
        let dayCount = r.int(1...2)
        let first = LocalDate(year: 2023, month: 5, day: 26 + r.int(0...2))
        var places = [Place(id: "home", name: "Home", lat: 0, lon: 0)]
        var points = [(0, 0)]
        let lodging = dayCount == 2 && r.chance(50)
        if lodging {
            places.append(Place(id: "lodge", name: "Lodge", lat: 0, lon: 0))
            points.append((r.int(-60...60), r.int(-60...60)))
        }
        var dates: [LocalDate] = []
        for d in 0..<dayCount { dates.append(first.adding(days: d)) }
        for i in 0..<n {
            var open: [OpeningRule]?
            switch r.int(0...3) {
            case 0: open = nil
            case 1:
                let from = r.int(8...14) * 60, len = r.int(1...6) * 60
                open = [OpeningRule(from: time(from), to: time(min(1440, from + len)))]
            case 2:
                let a = r.int(8...11) * 60 + r.int(0...3) * 15, b = r.int(13...16) * 60
                open = [OpeningRule(from: time(a), to: time(a + r.int(1...3) * 45)),
                        OpeningRule(days: [dates[0].weekday], from: time(b), to: time(b + r.int(1...4) * 30))]
            default:
                open = [OpeningRule(dates: [dates[r.int(0...(dayCount - 1))]], from: time(r.int(9...15) * 60),
                                    to: time(r.int(16...19) * 60))]
            }
            var closed: [LocalDate] = []
            if r.chance(15) { closed.append(dates[r.int(0...(dayCount - 1))]) }
            var appointments: [Appointment] = []
            if r.chance(10) {
                let a = r.int(9...16) * 60
                appointments.append(Appointment(date: dates[r.int(0...(dayCount - 1))], from: time(a), to: time(a + r.int(1...3) * 40)))
            }
            let required = r.chance(60)
            places.append(Place(id: Place.ID("p\(i)"), name: "P\(i)", lat: 0, lon: 0, visitMinutes: r.int(0...6) * 15,
                                open: open, closed: closed, appointments: appointments, required: required,
                                score: required ? 0 : r.int(0...5)))
            points.append((r.int(-60...60), r.int(-60...60)))
        }
        var days: [TripDay] = []
        for (d, date) in dates.enumerated() {
            let start = r.int(7...10) * 60, end = r.int(15...20) * 60
            days.append(TripDay(date: date, start: time(start), end: time(end),
                                from: nil, to: lodging && d == 0 ? "lodge" : nil))
        }
        let lunch = r.chance(50) ? LunchBreak(from: time(12 * 60), to: time(r.int(13...15) * 60), minutes: r.int(2...4) * 15) : nil
        let trip = Trip(title: "Random", home: "home", places: places, days: days, lunch: lunch)
        return (trip, matrix(ids: places.map(\.id), points: points))
    }

    // MARK: Independent feasibility check

    /// Every problem with `plan` as a list of sentences; empty when the plan keeps every rule.
    static func problems(_ plan: Itinerary, trip: Trip, matrix: TravelMatrix) -> [String] {
        var out: [String] = []
        let days = trip.resolvedDays
        if plan.days.count != days.count { return ["\(plan.days.count) days instead of \(days.count)"] }
        var seen: Set<Place.ID> = []
        let toVisit = Set(trip.placesToVisit)
        for (day, spec) in zip(plan.days, days) {
            let label = "\(spec.date)"
            if day.date != spec.date || day.from != spec.from || day.to != spec.to { out.append("\(label): wrong day header") }
            if day.depart < spec.start { out.append("\(label): departs before start") }
            if day.arrive > spec.end { out.append("\(label): arrives after end") }
            var clock = day.depart.minutes
            var here = spec.from
            var travel = 0
            let lunchRule = trip.lunch.flatMap { l in spec.start <= l.from && spec.end >= l.to && l.to.minutes - l.from.minutes >= l.minutes ? l : nil }
            var lunchUsed = false
            if let lunch = day.lunch {
                guard let rule = lunchRule else { out.append("\(label): lunch on a day without one"); return out }
                if lunch.end.minutes - lunch.start.minutes != rule.minutes { out.append("\(label): lunch length") }
                if lunch.start < rule.from || lunch.end > rule.to { out.append("\(label): lunch outside its window") }
            } else if lunchRule != nil {
                out.append("\(label): no lunch")
            }
            // Lunch at `from` before leaving.
            if let lunch = day.lunch, lunch.place == spec.from, lunch.end.minutes <= day.depart.minutes,
               lunch.start >= spec.start {
                lunchUsed = true
            }
            for stop in day.stops {
                if !toVisit.contains(stop.place) { out.append("\(label): \(stop.place) is not to be visited") }
                if !seen.insert(stop.place).inserted { out.append("\(label): \(stop.place) visited twice") }
                let leg = matrix.minutes(from: here, to: stop.place)!
                travel += leg
                if stop.travelMinutes != leg { out.append("\(label): \(stop.place) leg minutes") }
                if stop.arrive.minutes != clock + leg { out.append("\(label): \(stop.place) arrival \(stop.arrive) vs \(clock + leg)") }
                let place = trip.place(stop.place)!
                if stop.end.minutes - stop.start.minutes != place.visitMinutes { out.append("\(label): \(stop.place) length") }
                let inWindow = place.windows(on: spec.date).contains { $0.from <= stop.start && stop.end <= $0.to }
                if !inWindow { out.append("\(label): \(stop.place) \(stop.start)–\(stop.end) outside its hours") }
                var leave = stop.end.minutes
                var wait = stop.start.minutes - stop.arrive.minutes
                if stop.start < stop.arrive { out.append("\(label): \(stop.place) starts before arrival") }
                if let lunch = day.lunch, lunch.place == stop.place, !lunchUsed {
                    if lunch.start >= stop.arrive && lunch.end <= stop.start {
                        lunchUsed = true
                        wait -= lunch.end.minutes - lunch.start.minutes
                    } else if lunch.start >= stop.end {
                        lunchUsed = true
                        leave = lunch.end.minutes
                    }
                }
                if stop.waitMinutes != wait { out.append("\(label): \(stop.place) wait \(stop.waitMinutes) vs \(wait)") }
                clock = leave
                here = stop.place
            }
            let last = matrix.minutes(from: here, to: spec.to)!
            travel += last
            if day.finalLeg.minutes != last { out.append("\(label): final leg minutes") }
            if day.arrive.minutes != clock + last { out.append("\(label): arrival at \(spec.to) \(day.arrive) vs \(clock + last)") }
            if let lunch = day.lunch, !lunchUsed {
                if lunch.place == spec.to && lunch.start >= day.arrive { lunchUsed = true }
            }
            if day.lunch != nil && !lunchUsed { out.append("\(label): lunch not on the route") }
            if day.travelMinutes != travel { out.append("\(label): day travel \(day.travelMinutes) vs \(travel)") }
        }
        if plan.travelMinutes != plan.days.reduce(0, { $0 + $1.travelMinutes }) { out.append("trip travel total") }
        let unscheduled = Set(plan.unscheduled.map(\.place))
        for id in toVisit where !seen.contains(id) && !unscheduled.contains(id) { out.append("\(id) neither planned nor explained") }
        return out
    }

    /// The objective of a plan as the tests compute it: (required, score, travel, finish).
    static func objective(_ plan: Itinerary, trip: Trip) -> [Int] {
        var required = 0, score = 0
        for day in plan.days {
            for stop in day.stops {
                let place = trip.place(stop.place)!
                if place.required { required += 1 } else { score += place.score }
            }
        }
        return [required, score, -plan.travelMinutes, -plan.days.reduce(0) { $0 + $1.arrive.minutes }]
    }

    // MARK: Exhaustive reference

    /// The best objective by brute force: every order of every subset on every day, lunch tried at every spot.
    static func exhaustiveObjective(trip: Trip, matrix: TravelMatrix) -> [Int] {
        let visits = trip.placesToVisit
        let n = visits.count
        let days = trip.resolvedDays
        var perDay: [[Int: (Int, Int)]] = [] // subset → (travel, arrival)
        for spec in days {
            var best: [Int: (Int, Int)] = [:]
            let lunch = trip.lunch.flatMap { l in spec.start <= l.from && spec.end >= l.to && l.to.minutes - l.from.minutes >= l.minutes ? l : nil }
            func record(_ mask: Int, _ travel: Int, _ arrival: Int) {
                if arrival > spec.end.minutes { return }
                if let b = best[mask], (b.0, b.1) <= (travel, arrival) { return }
                best[mask] = (travel, arrival)
            }
            func lunchAt(_ t: Int) -> Int? {
                guard let lunch else { return nil }
                let s = max(t, lunch.from.minutes)
                return s + lunch.minutes <= lunch.to.minutes ? s + lunch.minutes : nil
            }
            // clock = time ready to leave `here`; lunchTaken tells whether lunch still has to happen.
            func dfs(_ here: Place.ID, _ clock: Int, _ mask: Int, _ travel: Int, _ lunchTaken: Bool) {
                // Lunch here now (at `from` or after a visit), then carry on.
                if !lunchTaken, let t = lunchAt(clock) { dfs(here, t, mask, travel, true) }
                // Close the day.
                let last = matrix.minutes(from: here, to: spec.to)!
                if lunchTaken { record(mask, travel + last, clock + last) } else if lunchAt(clock + last) != nil {
                    record(mask, travel + last, clock + last)
                }
                for j in 0..<n where mask & (1 << j) == 0 {
                    let place = trip.place(visits[j])!
                    let arrive = clock + matrix.minutes(from: here, to: visits[j])!
                    var readies = [(arrive, lunchTaken)]
                    if !lunchTaken, let t = lunchAt(arrive) { readies.append((t, true)) }
                    for (ready, taken) in readies {
                        // Every window, earliest start in it.
                        for w in place.windows(on: spec.date) {
                            let s = max(ready, w.from.minutes)
                            if s + place.visitMinutes <= w.to.minutes {
                                dfs(visits[j], s + place.visitMinutes, mask | (1 << j),
                                    travel + matrix.minutes(from: here, to: visits[j])!, taken)
                            }
                        }
                    }
                }
            }
            dfs(spec.from, spec.start.minutes, 0, 0, lunch == nil)
            perDay.append(best)
        }
        var bestKey: [Int]?
        func combine(_ d: Int, _ used: Int, _ travel: Int, _ finish: Int) {
            if d == days.count {
                var required = 0, score = 0
                for j in 0..<n where used & (1 << j) != 0 {
                    let place = trip.place(visits[j])!
                    if place.required { required += 1 } else { score += place.score }
                }
                let key = [required, score, -travel, -finish]
                if bestKey == nil || key.lexicographicallyPrecedes(bestKey!) == false && key != bestKey! {
                    bestKey = key
                }
                return
            }
            for (mask, value) in perDay[d] where mask & used == 0 {
                combine(d + 1, used | mask, travel + value.0, finish + value.1)
            }
        }
        combine(0, 0, 0, 0)
        return bestKey ?? []
    }
}
