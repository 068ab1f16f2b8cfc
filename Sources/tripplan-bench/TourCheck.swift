import TripPlanKit

/// The bench's own judgement of a scheduler answer on a TSPTW instance.
///
/// Written from the problem statement only, sharing no code with the scheduler: the answer must be one day
/// from the depot back to the depot visiting every customer exactly once; along that order, arriving at
/// the earliest possible time (waiting when early), no arrival is after the node's latest time and the
/// return is within the horizon. The itinerary's own times and leg figures must also be consistent with
/// c_ij. The objective is recomputed as the sum of c_ij along the tour.
struct TourVerdict: Equatable {
    var problems: [String]
    /// Sum of c_ij along the order, when the order is a complete tour.
    var objective: Int?
    var feasible: Bool { problems.isEmpty }
}

enum TourCheck {
    static func check(_ itinerary: Itinerary, instance: DumasInstance) -> TourVerdict {
        var problems: [String] = []
        let n = instance.nodes
        if !itinerary.unscheduled.isEmpty {
            let names = itinerary.unscheduled.prefix(3).map(\.place.rawValue).joined(separator: ", ")
            problems.append("\(itinerary.unscheduled.count) node(s) left unscheduled, e.g. \(names): \(itinerary.unscheduled[0].reason)")
        }
        guard itinerary.days.count == 1, let day = itinerary.days.first else {
            problems.append("expected exactly 1 day, got \(itinerary.days.count)")
            return TourVerdict(problems: problems, objective: nil)
        }
        if DumasInstance.node(of: day.from) != 0 || DumasInstance.node(of: day.to) != 0 {
            problems.append("the day runs \(day.from) → \(day.to), not from the depot back to it")
        }

        // The order: every customer exactly once, nothing else.
        var order: [Int] = []
        var seen = [Bool](repeating: false, count: n)
        for stop in day.stops {
            guard let node = DumasInstance.node(of: stop.place), node > 0, node < n else {
                problems.append("stop \(stop.place) is not a customer of the instance")
                continue
            }
            if seen[node] { problems.append("node \(node) is visited twice") }
            seen[node] = true
            order.append(node)
        }
        let missing = (1..<n).filter { !seen[$0] }
        if !missing.isEmpty {
            problems.append("\(missing.count) node(s) never visited, e.g. \(missing.prefix(5).map(String.init).joined(separator: ", "))")
        }
        let complete = missing.isEmpty && order.count == n - 1

        // The order alone, earliest schedule.
        var time = instance.earliest[0]
        var previous = 0
        var objective = 0
        for node in order {
            time += instance.cost(previous, node)
            objective += instance.cost(previous, node)
            if time > instance.latest[node] {
                problems.append("arrives at node \(node) at \(time), after its latest \(instance.latest[node])")
            }
            time = max(time, instance.earliest[node])
            previous = node
        }
        time += instance.cost(previous, 0)
        objective += instance.cost(previous, 0)
        if time > instance.latest[0] {
            problems.append("returns to the depot at \(time), after the horizon \(instance.latest[0])")
        }

        // The itinerary's own figures.
        if day.depart.minutes < instance.earliest[0] {
            problems.append("departs at \(day.depart.minutes), before the horizon opens at \(instance.earliest[0])")
        }
        var leave = day.depart.minutes
        previous = 0
        for (stop, node) in zip(day.stops, order) {
            let leg = instance.cost(previous, node)
            if stop.travelMinutes != leg {
                problems.append("leg to node \(node) says \(stop.travelMinutes) min, c = \(leg)")
            }
            if stop.arrive.minutes < leave + leg {
                problems.append("arrives at node \(node) at \(stop.arrive.minutes), before \(leave) + \(leg)")
            }
            if stop.start < stop.arrive || stop.start.minutes < instance.earliest[node] {
                problems.append("node \(node) served at \(stop.start.minutes), before arrival \(stop.arrive.minutes) or earliest \(instance.earliest[node])")
            }
            if stop.end < stop.start || stop.end.minutes > instance.latest[node] {
                problems.append("node \(node) served \(stop.start.minutes)–\(stop.end.minutes), outside its window \(instance.earliest[node])–\(instance.latest[node])")
            }
            leave = stop.end.minutes
            previous = node
        }
        let last = instance.cost(previous, 0)
        if day.finalLeg.minutes != last {
            problems.append("last leg says \(day.finalLeg.minutes) min, c = \(last)")
        }
        if day.arrive.minutes < leave + last || day.arrive.minutes > instance.latest[0] {
            problems.append("back at the depot at \(day.arrive.minutes): before \(leave) + \(last) or after the horizon \(instance.latest[0])")
        }
        if complete, day.travelMinutes != objective || itinerary.travelMinutes != objective {
            problems.append("the itinerary says \(itinerary.travelMinutes) min of travel, the tour's c_ij sum to \(objective)")
        }
        return TourVerdict(problems: problems, objective: complete ? objective : nil)
    }

    /// Runs the checker on a tiny handmade instance whose answers are known, so that a broken checker
    /// stops the benchmark instead of passing everything.
    static func selfCheck() throws(CommandFailure) {
        // 0 = depot. Tour 0-1-2-3-0: arrive 2, 3, 5, back 8; cost 2+1+2+3 = 8, feasible.
        // Tour 0-3-2-1-0: arrive at 3 at 3, wait to 5, arrive at 2 at 7 > 6: infeasible.
        let instance = DumasInstance(
            name: "selfcheck", nodes: 4,
            c: [0, 2, 4, 3,
                2, 0, 1, 5,
                4, 1, 0, 2,
                3, 5, 2, 0],
            earliest: [0, 0, 2, 5], latest: [100, 5, 6, 10])
        func itinerary(_ order: [Int], unscheduled: [Int] = []) -> Itinerary {
            var stops: [Itinerary.Stop] = []
            var time = 0, previous = 0
            for node in order {
                let leg = instance.cost(previous, node)
                let arrive = time + leg
                let start = max(arrive, instance.earliest[node])
                stops.append(.init(place: DumasInstance.placeID(node), arrive: TimeOfDay(minutes: arrive),
                                   start: TimeOfDay(minutes: start), end: TimeOfDay(minutes: start),
                                   travelMinutes: leg, km: 0, waitMinutes: start - arrive))
                time = start
                previous = node
            }
            let last = instance.cost(previous, 0)
            let day = Itinerary.Day(date: LocalDate(year: 2023, month: 5, day: 27), from: "n0", to: "n0",
                                    depart: TimeOfDay(minutes: 0), arrive: TimeOfDay(minutes: time + last),
                                    stops: stops, lunch: nil, finalLeg: .init(minutes: last, km: 0))
            return Itinerary(days: [day], unscheduled: unscheduled.map {
                .init(place: DumasInstance.placeID($0), reason: "test")
            })
        }
        var wrongTimes = itinerary([1, 2, 3])
        wrongTimes.days[0].stops[1].start = TimeOfDay(minutes: 1) // before node 2's earliest and its arrival
        var wrongLeg = itinerary([1, 2, 3])
        wrongLeg.days[0].stops[0].travelMinutes = 1
        let cases: [(String, Itinerary, Bool, Int?)] = [
            ("a feasible tour", itinerary([1, 2, 3]), true, 8),
            ("a late arrival", itinerary([3, 2, 1]), false, 8),
            ("a node missing", itinerary([1, 2], unscheduled: [3]), false, nil),
            ("a node twice", itinerary([1, 2, 2, 3]), false, nil),
            ("a service before the window", wrongTimes, false, 8),
            ("a leg not equal to c_ij", wrongLeg, false, 8),
        ]
        for (label, answer, feasible, objective) in cases {
            let verdict = check(answer, instance: instance)
            guard verdict.feasible == feasible, verdict.objective == objective else {
                throw CommandFailure("the feasibility checker's self-check failed on \(label): feasible \(verdict.feasible), objective \(verdict.objective.map(String.init) ?? "none") (expected \(feasible), \(objective.map(String.init) ?? "none")); problems: \(verdict.problems.joined(separator: "; ")). Fix Sources/tripplan-bench/TourCheck.swift before trusting any figure.")
            }
        }
    }
}
