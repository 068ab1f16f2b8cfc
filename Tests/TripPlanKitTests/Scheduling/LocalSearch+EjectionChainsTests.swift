import Testing
@testable import TripPlanKit

/// Ejection chains (`LocalSearch.chainInsert`) must keep every day feasible, place the visit they were
/// asked for, lose at most one visit and only one worth less, and find what the one-link ejection finds
/// and more.
@Suite struct EjectionChainsTests {
    /// Three short days, each with room for one visit of an hour: "a" is open on the first two days, "b" on
    /// the last two, "c" (optional, worth `extraScore`) on the last only, and "x" (optional, worth 5) on the
    /// first only. The plan is a, b, c: x gets in only if every day hands its visit on to the next.
    static func shiftAlongTheDays(extraScore: Int) -> (LocalSearch, [String: Int]) {
        let first = LocalDate(year: 2024, month: 6, day: 3)
        let dates = (0..<3).map { first.adding(days: $0) }
        func onDates(_ days: [Int]) -> [OpeningRule] {
            [OpeningRule(dates: days.map { dates[$0] }, from: SchedTest.time(8 * 60), to: SchedTest.time(20 * 60))]
        }
        let places = [
            Place(id: "home", name: "Home", lat: 0, lon: 0),
            Place(id: "a", name: "A", lat: 0, lon: 0, visitMinutes: 60, open: onDates([0, 1])),
            Place(id: "b", name: "B", lat: 0, lon: 0, visitMinutes: 60, open: onDates([1, 2])),
            Place(id: "c", name: "C", lat: 0, lon: 0, visitMinutes: 60, open: onDates([2]), required: false, score: extraScore),
            Place(id: "x", name: "X", lat: 0, lon: 0, visitMinutes: 60, open: onDates([0]), required: false, score: 5),
        ]
        let problem = LocalSearchTests.shortDays(places, from: first, count: 3)
        var index: [String: Int] = [:]
        for id in ["a", "b", "c", "x"] { index[id] = problem.visitIDs.firstIndex(of: Place.ID(id))! }
        var search = LocalSearch(problem: problem, candidates: Array(index.values).sorted(), seed: 1,
                                 clock: SearchClock(limit: nil), progress: nil)
        search.setRoutes([[index["a"]!], [index["b"]!], [index["c"]!]])
        return (search, index)
    }

    @Test func aChainShiftsAVisitAlongTheDaysAndLeavesOutOneWorthLess() {
        var (search, v) = Self.shiftAlongTheDays(extraScore: 1)
        var oneLink = search
        let ejected = oneLink.tryEject(v["x"]!)
        #expect(!ejected, "no single ejection makes room: a cannot move to a day as it stands")
        let chained = search.chainInsert(v["x"]!, depth: 8, budget: .max)
        #expect(chained)
        #expect(search.routes == [[v["x"]!], [v["a"]!], [v["b"]!]])
        #expect(search.dayOf[v["c"]!] < 0)
        #expect(search.score.required == 2 && search.score.score == 5)
    }

    @Test func aChainLeavesOutNothingWorthAsMuch() {
        var (search, v) = Self.shiftAlongTheDays(extraScore: 5)
        let chained = search.chainInsert(v["x"]!, depth: 8, budget: .max)
        #expect(!chained)
        #expect(search.routes == [[v["a"]!], [v["b"]!], [v["c"]!]])
        var (short, w) = Self.shiftAlongTheDays(extraScore: 1)
        let shortChained = short.chainInsert(w["x"]!, depth: 2, budget: .max)
        #expect(!shortChained, "three links are needed")
    }

    /// A random trip of 3–5 days with room for a few visits each; places open on some of the days.
    static func randomTrip(_ r: inout TestRandom) -> ScheduleProblem {
        let first = LocalDate(year: 2024, month: 6, day: 3)
        let dayCount = r.int(3...5)
        let dates = (0..<dayCount).map { first.adding(days: $0) }
        var places = [Place(id: "home", name: "Home", lat: 0, lon: 0)]
        var points = [(0, 0)]
        for i in 0..<r.int(6...14) {
            let days = (0..<dayCount).filter { _ in r.chance(45) }
            let from = r.int(8...11) * 60
            let open = [OpeningRule(dates: days.isEmpty ? [dates[0]] : days.map { dates[$0] },
                                    from: SchedTest.time(from), to: SchedTest.time(from + r.int(2...6) * 60))]
            let required = r.chance(50)
            places.append(Place(id: Place.ID("p\(i)"), name: "P\(i)", lat: 0, lon: 0, visitMinutes: r.int(1...6) * 15,
                                open: open, required: required, score: required ? 0 : r.int(1...5)))
            points.append((r.int(-40...40), r.int(-40...40)))
        }
        let days = dates.map { TripDay(date: $0, start: SchedTest.time(8 * 60), end: SchedTest.time(r.int(11...15) * 60)) }
        let lunch = r.chance(40) ? LunchBreak(from: SchedTest.time(12 * 60), to: SchedTest.time(14 * 60), minutes: 30) : nil
        let trip = Trip(title: "Random", home: "home", places: places, days: days, lunch: lunch)
        return ScheduleProblem(trip: trip, travel: SchedTest.matrix(ids: places.map(\.id), points: points))
    }

    @Test func chainsKeepEveryDayAndPlaceWhatTheyAreAskedFor() {
        var r = TestRandom(state: 77)
        var tally = LocalSearchTests.Tally()
        var beyondOneLink = 0
        for _ in 0..<300 {
            let p = Self.randomTrip(&r)
            let all = Array(0..<p.visitCount)
            var search = LocalSearch(problem: p, candidates: all, seed: 1, clock: SearchClock(limit: nil), progress: nil)
            for v in all.shuffled(using: &r) where r.chance(85) {
                if let at = search.bestInsertion(v) { search.insert(v, at.day, at.at) }
            }
            for v in all.shuffled(using: &r) where search.dayOf[v] < 0 && search.worth(v) > 0 {
                let before = search.routes, placedBefore = Set(before.joined())
                var oneLink = search
                let ejected = oneLink.tryEject(v)
                let chained = search.chainInsert(v, depth: 8, budget: .max)
                tally.count(feasible: chained)
                if !p.isRequired[v] && ejected {
                    #expect(chained, "the chain of one link is among the chains: \(before) + \(v)")
                }
                guard chained else {
                    #expect(search.routes == before)
                    continue
                }
                if !ejected { beyondOneLink += 1 }
                let after = search.routes.joined()
                #expect(after.count == Set(after).count, "a visit twice: \(search.routes)")
                #expect(search.dayOf[v] >= 0)
                let lost = placedBefore.subtracting(after)
                #expect(lost.count <= 1 && lost.allSatisfy { search.worth($0) < search.worth(v) },
                        "\(before) + \(v) -> \(search.routes)")
                for d in 0..<p.dayCount {
                    #expect(search.routes[d].allSatisfy { search.isOpenOn($0, d) })
                    #expect(search.routes[d].isEmpty || p.arrival(day: d, search.routes[d]) < ScheduleProblem.never,
                            "day \(d) broken: \(before) + \(v) -> \(search.routes)")
                }
            }
        }
        #expect(tally.checked > 300 && tally.feasible > 50 && tally.checked - tally.feasible > 50,
                "tried often, both ways: \(tally)")
        #expect(beyondOneLink > 10, "chains found what one ejection does not: \(beyondOneLink)")
    }
}
