import TripPlanKit

/// The bench's own reading of a place's opening hours on a date, written from CONTRACT.md.
///
/// Closed dates give nothing; appointments, when a place has any, are its only windows; otherwise the
/// `open` entries that apply on the date (by weekday or ISO date, or every day when they name neither);
/// no `open` at all means open all day. Intervals that overlap or touch are joined, since the place is
/// open without a break across them. A zero-length interval is kept (a 0-minute visit fits in it).
enum OpeningHours {
    static func windows(_ place: Place, on date: LocalDate) -> [(from: Int, to: Int)] {
        if place.closed.contains(date) { return [] }
        var raw: [(from: Int, to: Int)]
        if !place.appointments.isEmpty {
            raw = place.appointments.filter { $0.date == date }.map { ($0.from.minutes, $0.to.minutes) }
        } else if let rules = place.open {
            raw = rules.filter { rule in
                (rule.days == nil && rule.dates == nil)
                    || (rule.days?.contains(date.weekday) ?? false)
                    || (rule.dates?.contains(date) ?? false)
            }.map { ($0.from.minutes, $0.to.minutes) }
        } else {
            raw = [(0, 24 * 60)]
        }
        raw = raw.filter { $0.from <= $0.to }.sorted { ($0.from, $0.to) < ($1.from, $1.to) }
        var joined: [(from: Int, to: Int)] = []
        for window in raw {
            if let last = joined.last, window.from <= last.to {
                joined[joined.count - 1].to = max(last.to, window.to)
            } else {
                joined.append(window)
            }
        }
        return joined
    }

    /// The earliest start at or after `arrival` such that the whole visit fits in one window.
    static func earliestStart(_ windows: [(from: Int, to: Int)], arrival: Int, visit: Int) -> Int? {
        for window in windows {
            let start = max(arrival, window.from)
            if start + visit <= window.to { return start }
        }
        return nil
    }
}

/// The bench's own judgement of a multi-day itinerary against its trip, sharing no code with the scheduler.
///
/// Checks every hard rule of CONTRACT.md and issue 2: days match the trip's (date, from, to, start, end);
/// each leg's minutes equal the travel matrix the scheduler was given and times only move forward
/// (arrive ≥ previous departure + leg; start ≥ arrival; a visit lasts its `visitMinutes`); each visit lies
/// wholly inside one opening window on that date; each place at most once; every place to visit is either
/// scheduled or listed as unscheduled, once; a lunch break, when the trip asks for one and the day's hours
/// cover its window, lasts its minutes inside its window while the group stands at one place (waiting,
/// before a visit or after it, never during a visit or a leg). Recomputes visits, score and travel.
struct PlanVerdict {
    var problems: [String] = []
    var visits = 0
    var requiredVisits = 0
    var requiredTotal = 0
    var score = 0
    var travelMinutes = 0
    var feasible: Bool { problems.isEmpty }
}

enum PlanCheck {
    static func check(_ itinerary: Itinerary, trip: Trip, travel: TravelMatrix) -> PlanVerdict {
        var verdict = PlanVerdict()
        var places: [Place.ID: Place] = [:]
        for place in trip.places { places[place.id] = place }
        let toVisit = trip.visit ?? defaultVisits(trip)
        let wanted = Set(toVisit)
        verdict.requiredTotal = toVisit.filter { places[$0]?.required ?? true }.count

        // Days as the contract defines them.
        var tripDays: [LocalDate: (start: Int, end: Int, from: Place.ID, to: Place.ID)] = [:]
        var previousTo = trip.home
        for (index, day) in trip.days.enumerated() {
            let from = day.from ?? (index == 0 ? trip.home : previousTo)
            let to = day.to ?? trip.home
            tripDays[day.date] = (day.start.minutes, day.end.minutes, from, to)
            previousTo = to
        }

        var seen: Set<Place.ID> = []
        var seenDates: Set<LocalDate> = []
        for day in itinerary.days {
            let where_ = "day \(day.date)"
            guard let bounds = tripDays[day.date] else {
                verdict.problems.append("\(where_): not a day of the trip")
                continue
            }
            if !seenDates.insert(day.date).inserted { verdict.problems.append("\(where_): appears twice") }
            if day.from != bounds.from || day.to != bounds.to {
                verdict.problems.append("\(where_): runs \(day.from) → \(day.to), the trip says \(bounds.from) → \(bounds.to)")
            }
            if day.depart.minutes < bounds.start {
                verdict.problems.append("\(where_): departs \(day.depart), before the day's start")
            }
            if day.arrive.minutes > bounds.end {
                verdict.problems.append("\(where_): arrives \(day.arrive), after the day's end")
            }
            guard let fromIndex = travel.index[day.from], let toIndex = travel.index[day.to] else {
                verdict.problems.append("\(where_): from/to not in the travel matrix")
                continue
            }
            var visited: [(place: Place.ID, arrive: Int, start: Int, end: Int, leg: Int)] = []
            var previous = fromIndex
            var leave = day.depart.minutes
            var dayTravel = 0
            for stop in day.stops {
                let label = "\(where_), \(stop.place)"
                guard let place = places[stop.place], let index = travel.index[stop.place] else {
                    verdict.problems.append("\(label): not a place of the trip")
                    continue
                }
                if !wanted.contains(stop.place) { verdict.problems.append("\(label): not a place to visit") }
                if !seen.insert(stop.place).inserted { verdict.problems.append("\(label): visited twice") }
                let leg = travel.minutes(previous, index)
                if stop.travelMinutes != leg {
                    verdict.problems.append("\(label): leg says \(stop.travelMinutes) min, the matrix \(leg)")
                }
                if stop.arrive.minutes < leave + leg {
                    verdict.problems.append("\(label): arrives \(stop.arrive), before departure \(leave) + \(leg) min")
                }
                if stop.start < stop.arrive {
                    verdict.problems.append("\(label): starts \(stop.start), before arriving \(stop.arrive)")
                }
                if stop.end.minutes - stop.start.minutes != place.visitMinutes {
                    verdict.problems.append("\(label): visit \(stop.start)–\(stop.end) is not \(place.visitMinutes) min")
                }
                let windows = OpeningHours.windows(place, on: day.date)
                if !windows.contains(where: { $0.from <= stop.start.minutes && stop.end.minutes <= $0.to }) {
                    let open = windows.map { "\(TimeOfDay(minutes: $0.from))–\(TimeOfDay(minutes: $0.to))" }.joined(separator: ", ")
                    verdict.problems.append("\(label): visit \(stop.start)–\(stop.end) not inside one window (\(open.isEmpty ? "closed" : open))")
                }
                visited.append((stop.place, stop.arrive.minutes, stop.start.minutes, stop.end.minutes, leg))
                dayTravel += leg
                verdict.visits += 1
                verdict.score += place.required ? 0 : place.score
                if place.required { verdict.requiredVisits += 1 }
                previous = index
                leave = stop.end.minutes
            }
            let last = travel.minutes(previous, toIndex)
            if day.finalLeg.minutes != last {
                verdict.problems.append("\(where_): last leg says \(day.finalLeg.minutes) min, the matrix \(last)")
            }
            if day.arrive.minutes < leave + last {
                verdict.problems.append("\(where_): arrives \(day.arrive), before departure \(leave) + \(last) min")
            }
            dayTravel += last
            if day.travelMinutes != dayTravel {
                verdict.problems.append("\(where_): says \(day.travelMinutes) min of travel, its legs sum to \(dayTravel)")
            }
            verdict.travelMinutes += dayTravel
            // Where the group stands still: at `from` until it leaves, at each stop while waiting and after
            // the visit until it leaves (a leg's departure is its arrival minus its minutes), at `to` after arriving.
            let departures = visited.map { $0.arrive - $0.leg } + [day.arrive.minutes - last]
            var stays: [(place: Place.ID, from: Int, to: Int)] = [(day.from, bounds.start, departures[0])]
            for (k, stop) in visited.enumerated() {
                stays.append((stop.place, stop.arrive, stop.start))
                stays.append((stop.place, stop.end, departures[k + 1]))
            }
            stays.append((day.to, day.arrive.minutes, bounds.end))
            checkLunch(day, trip: trip, bounds: (bounds.start, bounds.end), stays: stays, into: &verdict)
        }
        if itinerary.travelMinutes != verdict.travelMinutes {
            verdict.problems.append("the itinerary says \(itinerary.travelMinutes) min of travel, its days sum to \(verdict.travelMinutes)")
        }
        var listed: Set<Place.ID> = []
        for entry in itinerary.unscheduled {
            if seen.contains(entry.place) { verdict.problems.append("\(entry.place): both scheduled and unscheduled") }
            if !wanted.contains(entry.place) { verdict.problems.append("\(entry.place): unscheduled but not a place to visit") }
            if !listed.insert(entry.place).inserted { verdict.problems.append("\(entry.place): listed twice as unscheduled") }
            if entry.reason.isEmpty { verdict.problems.append("\(entry.place): unscheduled without a reason") }
        }
        let lost = wanted.subtracting(seen).subtracting(listed)
        if !lost.isEmpty {
            verdict.problems.append("\(lost.count) place(s) neither scheduled nor listed as unscheduled, e.g. \(lost.sorted().prefix(3).map(\.rawValue).joined(separator: ", "))")
        }
        return verdict
    }

    static func defaultVisits(_ trip: Trip) -> [Place.ID] {
        var endpoints: Set<Place.ID> = [trip.home]
        for day in trip.days {
            if let from = day.from { endpoints.insert(from) }
            if let to = day.to { endpoints.insert(to) }
        }
        return trip.places.map(\.id).filter { !endpoints.contains($0) }
    }

    static func checkLunch(_ day: Itinerary.Day, trip: Trip, bounds: (start: Int, end: Int),
                           stays: [(place: Place.ID, from: Int, to: Int)], into verdict: inout PlanVerdict) {
        guard let rule = trip.lunch else { return }
        let where_ = "day \(day.date)"
        let covered = bounds.start <= rule.from.minutes && rule.to.minutes <= bounds.end
        guard let lunch = day.lunch else {
            if covered { verdict.problems.append("\(where_): no lunch break, though the day covers \(rule.from)–\(rule.to)") }
            return
        }
        if lunch.start < rule.from || lunch.end > rule.to || lunch.end.minutes - lunch.start.minutes < rule.minutes {
            verdict.problems.append("\(where_): lunch \(lunch.start)–\(lunch.end) is not \(rule.minutes) min inside \(rule.from)–\(rule.to)")
        }
        if !stays.contains(where: { $0.place == lunch.place && $0.from <= lunch.start.minutes && lunch.end.minutes <= $0.to }) {
            verdict.problems.append("\(where_): lunch \(lunch.start)–\(lunch.end) at \(lunch.place) overlaps a visit or a leg")
        }
    }
}

extension PlanCheck {
    /// Runs the checker on a tiny handmade trip and plan whose verdicts are known, so that a broken checker
    /// stops the benchmark instead of passing everything.
    ///
    /// Home → A (09:00–12:00, 60 min) → B (13:00–17:00, 30 min) → home, lunch 12:00–14:00 for 45 min.
    /// The good plan: A 09:00–10:00, lunch at A 12:00–12:45, B 13:05–13:35, home 14:15; 90 min of travel.
    static func selfCheck() throws(CommandFailure) {
        func t(_ h: Int, _ m: Int) -> TimeOfDay { TimeOfDay(hour: h, minute: m) }
        let date = LocalDate(year: 2025, month: 6, day: 4)
        let trip = Trip(title: "selfcheck", home: "home", places: [
            Place(id: "home", name: "Home", lat: 56.9, lon: 24.1),
            Place(id: "a", name: "A", lat: 56.9, lon: 24.2, visitMinutes: 60, open: [OpeningRule(from: t(9, 0), to: t(12, 0))]),
            Place(id: "b", name: "B", lat: 56.9, lon: 24.3, visitMinutes: 30, open: [OpeningRule(days: [.wed], from: t(13, 0), to: t(17, 0))]),
        ], days: [TripDay(date: date, start: t(8, 0), end: t(18, 0))], language: .en,
           lunch: LunchBreak(from: t(12, 0), to: t(14, 0), minutes: 45))
        let travel = TravelMatrix(ids: ["home", "a", "b"], minutes: [0, 30, 40, 30, 0, 20, 40, 20, 0],
                                  km: [Double](repeating: 0, count: 9))
        func plan(_ edit: (inout Itinerary.Day, inout [Itinerary.Unscheduled]) -> Void = { _, _ in }) -> Itinerary {
            var day = Itinerary.Day(
                date: date, from: "home", to: "home", depart: t(8, 30), arrive: t(14, 15),
                stops: [Itinerary.Stop(place: "a", arrive: t(9, 0), start: t(9, 0), end: t(10, 0), travelMinutes: 30, km: 0, waitMinutes: 0),
                        Itinerary.Stop(place: "b", arrive: t(13, 5), start: t(13, 5), end: t(13, 35), travelMinutes: 20, km: 0, waitMinutes: 0)],
                lunch: Itinerary.Break(place: "a", start: t(12, 0), end: t(12, 45)), finalLeg: Itinerary.Leg(minutes: 40, km: 0))
            var unscheduled: [Itinerary.Unscheduled] = []
            edit(&day, &unscheduled)
            // Rebuilt so that the day's travel total follows the edited legs, as a scheduler's would.
            day = Itinerary.Day(date: day.date, from: day.from, to: day.to, depart: day.depart, arrive: day.arrive,
                                stops: day.stops, lunch: day.lunch, finalLeg: day.finalLeg)
            return Itinerary(days: [day], unscheduled: unscheduled)
        }
        let cases: [(String, Itinerary, Bool)] = [
            ("a feasible plan", plan(), true),
            ("B left out and listed", plan { day, left in
                day.stops.removeLast(); day.finalLeg.minutes = 30; day.arrive = t(13, 15)
                left = [.init(place: "b", reason: "test")] }, true),
            ("a leg not equal to the matrix", plan { day, _ in day.stops[1].travelMinutes = 25 }, false),
            ("a visit of the wrong length", plan { day, _ in day.stops[1].end = t(13, 25) }, false),
            ("a visit before opening", plan { day, _ in
                day.depart = t(8, 0); day.stops[0].arrive = t(8, 30); day.stops[0].start = t(8, 30); day.stops[0].end = t(9, 30) }, false),
            ("a visit past closing", plan { day, _ in
                day.stops[1].arrive = t(16, 40); day.stops[1].start = t(16, 40); day.stops[1].end = t(17, 10); day.arrive = t(17, 50) }, false),
            ("lunch while on the road", plan { day, _ in day.lunch = Itinerary.Break(place: "b", start: t(12, 0), end: t(12, 45)) }, false),
            ("no lunch", plan { day, _ in day.lunch = nil }, false),
            ("a place twice", plan { day, _ in day.stops[1].place = "a" }, false),
            ("a place lost", plan { day, _ in day.stops.removeLast(); day.finalLeg.minutes = 30; day.arrive = t(13, 15) }, false),
            ("an arrival after the day's end", plan { day, _ in day.arrive = t(18, 20) }, false),
        ]
        for (label, itinerary, feasible) in cases {
            let verdict = check(itinerary, trip: trip, travel: travel)
            guard verdict.feasible == feasible, !feasible || verdict.travelMinutes == itinerary.travelMinutes else {
                throw CommandFailure("the plan checker's self-check failed on \(label): feasible \(verdict.feasible), expected \(feasible); problems: \(verdict.problems.joined(separator: "; ")). Fix Sources/tripplan-bench/PlanCheck.swift before trusting any figure.")
            }
        }
    }
}
