import TripPlanKit

/// The reference answer for one day: a Held–Karp dynamic program over subsets with time windows.
///
/// State (set of visited places, last place) keeps every Pareto-optimal (travel, finish time) label:
/// less travel or an earlier finish may each pay off later, so neither may be thrown away. A visit starts
/// as early as allowed (waiting when early) in the first window that holds it wholly; as travel does not
/// depend on the hour, starting earlier never hurts. The best day maximises, in this order, required
/// visits, optional score, then minimises travel — the scheduler's objective. Independent of the
/// scheduler: it shares only the trip value and the travel matrix with it.
struct HeldKarp {
    struct Answer {
        var order: [Place.ID]
        var requiredVisits: Int
        var score: Int
        var travelMinutes: Int
    }

    private struct Label {
        var travel: Int
        var time: Int
        var parent: Int // index into labels, -1 at the start
        var last: Int
    }

    /// - Parameters:
    ///   - candidates: the places that may be visited (at most ~16: the state space is 2ⁿ·n).
    static func solve(trip: Trip, travel: TravelMatrix, date: LocalDate, from: Place.ID, to: Place.ID,
                      start: Int, end: Int, candidates: [Place.ID]) -> Answer {
        let m = candidates.count
        precondition(m <= 20, "Held–Karp over \(m) places would not fit in memory")
        let places = candidates.map { id in trip.places.first { $0.id == id }! }
        let index = candidates.map { travel.index[$0]! }
        let windows = places.map { OpeningHours.windows($0, on: date) }
        let fromIndex = travel.index[from]!, toIndex = travel.index[to]!

        var labels: [Label] = []
        var fronts = [[Int]](repeating: [], count: (1 << m) * m)
        func insert(_ label: Label, mask: Int) {
            let slot = mask * m + label.last
            var front = fronts[slot]
            for existing in front where labels[existing].travel <= label.travel && labels[existing].time <= label.time {
                return
            }
            front.removeAll { labels[$0].travel >= label.travel && labels[$0].time >= label.time }
            labels.append(label)
            front.append(labels.count - 1)
            fronts[slot] = front
        }
        for k in 0..<m {
            let leg = travel.minutes(fromIndex, index[k])
            if let begin = OpeningHours.earliestStart(windows[k], arrival: start + leg, visit: places[k].visitMinutes) {
                insert(Label(travel: leg, time: begin + places[k].visitMinutes, parent: -1, last: k), mask: 1 << k)
            }
        }
        // The empty day, when home can be reached in time.
        var best: (key: (Int, Int, Int), label: Int)? = nil
        if start + travel.minutes(fromIndex, toIndex) <= end {
            best = ((0, 0, -travel.minutes(fromIndex, toIndex)), -1)
        }
        for mask in 1..<(1 << m) {
            let required = (0..<m).filter { mask & (1 << $0) != 0 && places[$0].required }.count
            let score = (0..<m).filter { mask & (1 << $0) != 0 && !places[$0].required }.reduce(0) { $0 + places[$1].score }
            for j in 0..<m where mask & (1 << j) != 0 {
                for labelIndex in fronts[mask * m + j] {
                    let label = labels[labelIndex]
                    let home = travel.minutes(index[j], toIndex)
                    if label.time + home <= end {
                        let key = (required, score, -(label.travel + home))
                        if best == nil || key > best!.key { best = (key, labelIndex) }
                    }
                    for k in 0..<m where mask & (1 << k) == 0 {
                        let leg = travel.minutes(index[j], index[k])
                        guard let begin = OpeningHours.earliestStart(windows[k], arrival: label.time + leg,
                                                                     visit: places[k].visitMinutes),
                              begin + places[k].visitMinutes <= end else { continue }
                        insert(Label(travel: label.travel + leg, time: begin + places[k].visitMinutes, parent: labelIndex, last: k),
                               mask: mask | (1 << k))
                    }
                }
            }
        }
        guard let best else {
            return Answer(order: [], requiredVisits: 0, score: 0, travelMinutes: Int.max)
        }
        var order: [Place.ID] = []
        var cursor = best.label
        while cursor >= 0 {
            order.append(candidates[labels[cursor].last])
            cursor = labels[cursor].parent
        }
        return Answer(order: order.reversed(), requiredVisits: best.key.0, score: best.key.1, travelMinutes: -best.key.2)
    }

    /// The day that visits `order` as early as possible, as the scheduler would print it; nil when a
    /// visit does not fit. Used to put the reference answer through the same checker as the scheduler's.
    static func itineraryDay(order: [Place.ID], trip: Trip, travel: TravelMatrix, date: LocalDate,
                             from: Place.ID, to: Place.ID, start: Int) -> Itinerary.Day? {
        var time = start
        var previous = travel.index[from]!
        var stops: [Itinerary.Stop] = []
        for id in order {
            guard let place = trip.places.first(where: { $0.id == id }), let index = travel.index[id] else { return nil }
            let leg = travel.minutes(previous, index)
            guard let begin = OpeningHours.earliestStart(OpeningHours.windows(place, on: date), arrival: time + leg,
                                                         visit: place.visitMinutes) else { return nil }
            stops.append(Itinerary.Stop(place: id, arrive: TimeOfDay(minutes: time + leg), start: TimeOfDay(minutes: begin),
                                        end: TimeOfDay(minutes: begin + place.visitMinutes), travelMinutes: leg,
                                        km: travel.km(previous, index), waitMinutes: begin - time - leg))
            time = begin + place.visitMinutes
            previous = index
        }
        let toIndex = travel.index[to]!
        let last = travel.minutes(previous, toIndex)
        return Itinerary.Day(date: date, from: from, to: to, depart: TimeOfDay(minutes: start),
                             arrive: TimeOfDay(minutes: time + last), stops: stops, lunch: nil,
                             finalLeg: Itinerary.Leg(minutes: last, km: travel.km(previous, toIndex)))
    }
}
