import Testing
@testable import TripPlanKit

/// The local search's constant-time and stretch checks must agree exactly with a full pass over the
/// changed day (`ScheduleProblem.arrival`), lunch included, on feasible and infeasible days alike; and the
/// rules that steer it (regret insertion, acceptance) must do what they say.
@Suite struct LocalSearchTests {
    /// A search over `trip` with random (not necessarily feasible) routes.
    static func randomSearch(_ r: inout TestRandom) -> LocalSearch {
        let (trip, matrix) = SchedTest.randomTrip(&r, maxVisits: 10)
        let problem = ScheduleProblem(trip: trip, travel: matrix)
        let all = Array(0..<problem.visitCount)
        var search = LocalSearch(problem: problem, candidates: all, seed: 1, clock: SearchClock(limit: nil), progress: nil)
        var routes = Array(repeating: [Int](), count: problem.dayCount)
        for v in all.shuffled(using: &r) where r.chance(70) {
            routes[r.int(0...(problem.dayCount - 1))].append(v)
        }
        search.setRoutes(routes)
        return search
    }

    /// Two days (or `count`) from `first`, 08:00–09:30, every leg 10 minutes: room for one visit of an hour a day.
    static func shortDays(_ places: [Place], from first: LocalDate, count: Int = 2) -> ScheduleProblem {
        let ids = places.map(\.id)
        let minutes = ids.flatMap { a in ids.map { b in a == b ? 0 : 10 } }
        let matrix = TravelMatrix(ids: ids, minutes: minutes, km: minutes.map(Double.init))
        let days = (0..<count).map { TripDay(date: first.adding(days: $0), start: SchedTest.time(8 * 60), end: SchedTest.time(9 * 60 + 30)) }
        return ScheduleProblem(trip: Trip(title: "Short days", home: "home", places: places, days: days), travel: matrix)
    }

    /// Home, a required visit of an hour and an optional one of an hour worth 10 (for `shortDays`).
    static let mustAndExtra = [
        Place(id: "home", name: "Home", lat: 0, lon: 0),
        Place(id: "must", name: "Must", lat: 0, lon: 0, visitMinutes: 60),
        Place(id: "extra", name: "Extra", lat: 0, lon: 0, visitMinutes: 60, required: false, score: 10),
    ]

    /// Counts the cases a property test checked and how many of them were feasible.
    struct Tally {
        var checked = 0, feasible = 0

        mutating func count(feasible isFeasible: Bool) {
            checked += 1
            if isFeasible { feasible += 1 }
        }

        /// The property must have been tried often, and both ways.
        func expectBothWays(sourceLocation: SourceLocation = #_sourceLocation) {
            #expect(checked > 1000 && feasible > 100 && checked - feasible > 100, sourceLocation: sourceLocation)
        }
    }

    /// Runs `check` on every day of 400 random searches (seeded by `seed`), each check counting its cases
    /// in one tally; the property must have been tried often, and both ways.
    static func checkEveryDay(seed: UInt64, sourceLocation: SourceLocation = #_sourceLocation,
                              _ check: (LocalSearch, _ day: Int, inout TestRandom, inout Tally) -> Void) {
        var r = TestRandom(state: seed)
        var tally = Tally()
        for _ in 0..<400 {
            let search = randomSearch(&r)
            for d in 0..<search.p.dayCount { check(search, d, &r, &tally) }
        }
        tally.expectBothWays(sourceLocation: sourceLocation)
    }

    /// Removing a stop can break its day when the group had lunch there: here the direct leg from A to B
    /// arrives too late for the lunch window, and lunch at A makes B too late. The ILS's ruin removes stops
    /// unchecked, so the plan's score must rank such a day below every plan that keeps its days.
    @Test func aDayBrokenByARemovalScoresBelowEveryPlanThatKeepsItsDays() {
        let first = LocalDate(year: 2024, month: 6, day: 3)
        func window(_ from: Int, _ to: Int) -> [OpeningRule] { [OpeningRule(from: SchedTest.time(from), to: SchedTest.time(to))] }
        let places = [
            Place(id: "home", name: "Home", lat: 0, lon: 0),
            Place(id: "a", name: "A", lat: 0, lon: 0, visitMinutes: 30, open: window(9 * 60, 10 * 60)),
            Place(id: "x", name: "X", lat: 0, lon: 0, visitMinutes: 30, open: window(11 * 60 + 30, 13 * 60)),
            Place(id: "b", name: "B", lat: 0, lon: 0, visitMinutes: 30, open: window(14 * 60, 16 * 60)),
        ]
        let legs: [[Int]] = [[0, 60, 150, 180], [60, 0, 120, 240], [150, 120, 0, 120], [180, 240, 120, 0]]
        let ids = places.map(\.id)
        let minutes = legs.flatMap { $0 }
        let matrix = TravelMatrix(ids: ids, minutes: minutes, km: minutes.map(Double.init))
        let trip = Trip(title: "Lunch stop", home: "home", places: places,
                        days: [TripDay(date: first, start: SchedTest.time(8 * 60), end: SchedTest.time(19 * 60))],
                        lunch: LunchBreak(from: SchedTest.time(12 * 60), to: SchedTest.time(14 * 60), minutes: 45))
        let problem = ScheduleProblem(trip: trip, travel: matrix)
        let (a, x, b) = (problem.visitIDs.firstIndex(of: "a")!, problem.visitIDs.firstIndex(of: "x")!, problem.visitIDs.firstIndex(of: "b")!)
        var search = LocalSearch(problem: problem, candidates: [a, x, b], seed: 1, clock: SearchClock(limit: nil), progress: nil)
        search.setRoutes([[a, x, b]])
        #expect(problem.arrival(day: 0, [a, x, b]) < ScheduleProblem.never)
        #expect(search.score.required == 3)
        #expect(!search.removalFits(0, 1), "the constant-time check knows")
        search.remove(x)
        #expect(problem.arrival(day: 0, search.routes[0]) == ScheduleProblem.never)
        let broken = search.score
        #expect(PlanScore(required: 0, score: 0, travel: 10_000, finish: 10_000).isBetter(than: broken))
        search.remove(b)
        #expect(search.score.required == 1 && search.score.isBetter(than: broken))
    }

    /// The slack check before the exact one (`fits`, `room`) must let through a visit that fills a day to the
    /// minute: a day of 90 minutes, legs of 10, a stop of 20; a second visit of 40 fits before or after it,
    /// one of 41 nowhere.
    @Test func aVisitThatFillsTheDayToTheMinuteFits() {
        let places = [
            Place(id: "home", name: "Home", lat: 0, lon: 0),
            Place(id: "a", name: "A", lat: 0, lon: 0, visitMinutes: 20),
            Place(id: "exact", name: "Exact", lat: 0, lon: 0, visitMinutes: 40),
            Place(id: "over", name: "Over", lat: 0, lon: 0, visitMinutes: 41),
        ]
        let p = Self.shortDays(places, from: LocalDate(year: 2024, month: 6, day: 3), count: 1)
        let (a, exact, over) = (p.visitIDs.firstIndex(of: "a")!, p.visitIDs.firstIndex(of: "exact")!, p.visitIDs.firstIndex(of: "over")!)
        var search = LocalSearch(problem: p, candidates: [a, exact, over], seed: 1, clock: SearchClock(limit: nil), progress: nil)
        search.setRoutes([[a]])
        #expect(search.room[0] == 50)
        for i in 0...1 {
            #expect(search.fits(exact, 0, i, delta: search.insertionDelta(exact, 0, i)))
            #expect(!search.fits(over, 0, i, delta: search.insertionDelta(over, 0, i)))
        }
        #expect(search.bestInsertion(exact) != nil && search.bestInsertion(over) == nil)
    }

    @Test func insertionCheckMatchesAFullPass() {
        Self.checkEveryDay(seed: 31) { search, d, _, tally in
            let p = search.p
            for v in 0..<p.visitCount where search.dayOf[v] < 0 {
                for i in 0...search.routes[d].count {
                    var route = search.routes[d]
                    route.insert(v, at: i)
                    let expected = p.arrival(day: d, route) < ScheduleProblem.never
                    #expect(search.fits(v, d, i, delta: search.insertionDelta(v, d, i)) == expected,
                            "visit \(v) at \(i) of day \(d): \(search.routes[d])")
                    // The day's room rules out only visits that fit nowhere in it.
                    if expected && p.obeysTriangleInequality {
                        #expect(p.duration[v] <= search.room[d], "visit \(v), day \(d): \(search.routes[d])")
                    }
                    tally.count(feasible: expected)
                }
            }
        }
    }

    @Test func stretchAndRemovalChecksMatchAFullPass() {
        Self.checkEveryDay(seed: 77) { search, d, r, tally in
            let p = search.p
            let route = search.routes[d]
            if route.isEmpty { return }
            for i in route.indices {
                var shorter = route
                shorter.remove(at: i)
                #expect(search.removalFits(d, i) == (p.arrival(day: d, shorter) < ScheduleProblem.never))
            }
            for _ in 0..<6 {
                let lo = r.int(0...(route.count - 1)), hi = r.int((lo + 1)...route.count)
                let stretch = Array(route[lo..<hi]).shuffled(using: &r)
                var changed = route
                changed.replaceSubrange(lo..<hi, with: stretch)
                let expected = p.arrival(day: d, changed) < ScheduleProblem.never
                #expect(search.stretchFits(d, lo, hi) { stretch[$0 - lo] } == expected, "day \(d) \(route) → \(changed)")
                tally.count(feasible: expected)
            }
        }
    }

    /// The remembered cheapest insertions (`bestInsertion(_:day:)`, kept per day version and put back with
    /// a day's earlier contents) must equal a fresh look over every position with a full pass, whatever
    /// happened to the plan: ejections, removals, insertions, and whole searches whose rejected rounds put
    /// days back. So must the remembered answers of `movable` and each day's path of nodes (`node`).
    @Test func rememberedInsertionsMatchAFreshLook() {
        var r = TestRandom(state: 123)
        var tally = Tally()
        for trial in 0..<150 {
            var search = Self.randomSearch(&r)
            let p = search.p
            if trial % 10 == 0 { _ = search.run() }
            for _ in 0..<6 {
                let unplaced = (0..<p.visitCount).filter { search.dayOf[$0] < 0 }
                let placed = (0..<p.visitCount).filter { search.dayOf[$0] >= 0 }
                switch r.int(0...3) {
                case 0 where !unplaced.isEmpty:
                    _ = search.tryEject(unplaced[r.int(0...(unplaced.count - 1))])
                case 3 where !unplaced.isEmpty:
                    _ = search.chainInsert(unplaced[r.int(0...(unplaced.count - 1))], depth: 8, budget: .max)
                case 1 where !placed.isEmpty:
                    search.remove(placed[r.int(0...(placed.count - 1))])
                default:
                    if let v = unplaced.first, let at = search.bestInsertion(v) { search.insert(v, at.day, at.at) }
                }
                for v in 0..<p.visitCount where search.dayOf[v] < 0 {
                    for d in 0..<p.dayCount where search.isOpenOn(v, d) {
                        let route = search.routes[d]
                        let base = p.travelMinutes(day: d, route)
                        var fresh: (at: Int, delta: Int)?
                        for i in 0...route.count {
                            var longer = route
                            longer.insert(v, at: i)
                            guard p.arrival(day: d, longer) < ScheduleProblem.never else { continue }
                            let delta = p.travelMinutes(day: d, longer) - base
                            if fresh == nil || delta < fresh!.delta { fresh = (i, delta) }
                        }
                        let remembered = search.bestInsertion(v, day: d)
                        #expect(remembered?.at == fresh?.at && remembered?.delta == fresh?.delta,
                                "visit \(v) into day \(d) \(route): remembered \(String(describing: remembered)), fresh \(String(describing: fresh))")
                        tally.count(feasible: fresh != nil)
                    }
                }
                for u in 0..<p.visitCount where search.dayOf[u] >= 0 {
                    let elsewhere = (0..<p.dayCount).contains { d in
                        d != search.dayOf[u] && search.isOpenOn(u, d) && (0...search.routes[d].count).contains { i in
                            var longer = search.routes[d]
                            longer.insert(u, at: i)
                            return p.arrival(day: d, longer) < ScheduleProblem.never
                        }
                    }
                    #expect(search.movable(u) == elsewhere, "visit \(u) on day \(search.dayOf[u]): \(search.routes)")
                }
                for d in 0..<p.dayCount {
                    let path = [p.dayFrom[d]] + search.routes[d].map { p.visitNode[$0] } + [p.dayTo[d]]
                    #expect((0..<path.count).map { search.node(d, $0) } == path, "day \(d) \(search.routes[d])")
                }
            }
        }
        tally.expectBothWays()
    }

    /// Two short days; the optional "wide" (score 10) is open on both, "narrow" (score 1) on the first
    /// only, and a day has room for one of them. Score first puts "wide" on the first day (it costs the
    /// same on both; a tie keeps the first) and leaves "narrow" out; counting optional visits places the
    /// one-day "narrow" first (regret), so both fit.
    @Test func countingOptionalVisitsRecreatesByRegret() {
        let first = LocalDate(year: 2024, month: 6, day: 3)
        let places = [
            Place(id: "home", name: "Home", lat: 0, lon: 0),
            Place(id: "wide", name: "Wide", lat: 0, lon: 0, visitMinutes: 60, required: false, score: 10),
            Place(id: "narrow", name: "Narrow", lat: 0, lon: 0, visitMinutes: 60,
                  open: [OpeningRule(dates: [first], from: SchedTest.time(8 * 60), to: SchedTest.time(10 * 60))],
                  required: false, score: 1),
        ]
        let problem = Self.shortDays(places, from: first)
        let wide = problem.visitIDs.firstIndex(of: "wide")!, narrow = problem.visitIDs.firstIndex(of: "narrow")!
        for counting in [false, true] {
            var search = LocalSearch(problem: problem, candidates: [wide, narrow], seed: 1, clock: SearchClock(limit: nil), progress: nil)
            search.countOptional = counting
            search.recreate([wide, narrow])
            let expected = counting ? [[narrow], [wide]] : [[wide], []]
            #expect(search.routes == expected, "counting optional visits: \(counting)")
        }
    }

    /// Without a time limit: 2000 rounds a search up to 200 visits, fewer above; the searches afresh after a
    /// stall share up to three searches' rounds on trips of several days with 40 to about 150 visits.
    @Test func roundsWithoutALimitGrowWithTheTripAsMeasured() {
        #expect(LocalSearch.rounds(work: Tuning.roundsWork, visits: 25) == 2000)
        #expect(LocalSearch.rounds(work: Tuning.roundsWork, visits: 200) == 2000)
        #expect(LocalSearch.rounds(work: Tuning.roundsWork, visits: 400) == 1000)
        #expect(LocalSearch.roundsInAll(visits: 39, days: 5) == 2000, "below 40 visits, one search")
        #expect(LocalSearch.roundsInAll(visits: 50, days: 7) == 6000)
        #expect(LocalSearch.roundsInAll(visits: 50, days: 1) == 2000, "one-day trips, one search")
        #expect(LocalSearch.roundsInAll(visits: 100, days: 13) == 3000)
        #expect(LocalSearch.roundsInAll(visits: 200, days: 25) == 2000)
        #expect(LocalSearch.roundsInAll(visits: 400, days: 50) == 1000)
    }

    /// The ILS's acceptance: never fewer required visits; a plan with less score only while counting optional
    /// visits, with as many of them, and within the travel allowance.
    @Test func acceptanceCountsOptionalVisitsOnlyWhenAsked() {
        let current = PlanScore(required: 10, score: 20, travel: 1000, finish: 0)
        func accepts(_ s: PlanScore, optional: Int, allowance: Int = 100, counting: Bool) -> Bool {
            LocalSearch.accepts(s, optional: optional, current: current, currentOptional: 4, best: current,
                                allowance: allowance, countOptional: counting)
        }
        let lessScore = PlanScore(required: 10, score: 17, travel: 1050, finish: 0)
        let moreTravel = PlanScore(required: 10, score: 20, travel: 1050, finish: 0)
        let fewerRequired = PlanScore(required: 9, score: 40, travel: 900, finish: 0)
        for counting in [false, true] {
            #expect(accepts(PlanScore(required: 10, score: 21, travel: 1500, finish: 0), optional: 3, counting: counting))
            #expect(accepts(moreTravel, optional: 4, counting: counting))
            #expect(!accepts(moreTravel, optional: 4, allowance: 0, counting: counting))
            #expect(!accepts(fewerRequired, optional: 9, counting: counting))
        }
        #expect(!accepts(lessScore, optional: 5, counting: false))
        #expect(accepts(lessScore, optional: 4, counting: true))
        #expect(!accepts(lessScore, optional: 3, counting: true))
        #expect(!accepts(lessScore, optional: 4, allowance: 40, counting: true))
        #expect(!accepts(lessScore, optional: 4, allowance: 0, counting: true))
    }

    /// With a time limit, a search whose required-only part hands over with fewer required visits than an
    /// earlier search found gives up there, so that its time goes to a fresh search; otherwise it goes on
    /// to the optional places.
    @Test func aSearchBehindOnRequiredVisitsGivesUpAtTheHandOver() {
        let problem = Self.shortDays(Self.mustAndExtra, from: LocalDate(year: 2024, month: 6, day: 3))
        let must = problem.visitIDs.firstIndex(of: "must")!, extra = problem.visitIDs.firstIndex(of: "extra")!
        let ahead = PlanScore(required: 2, score: 0, travel: 0, finish: 0)
        for (earlier, givesUp) in [(PlanScore.worst, false), (ahead, true)] {
            let limit = 60.0
            var search = LocalSearch(problem: problem, candidates: [must, extra], seed: 1, clock: SearchClock(limit: limit), progress: nil)
            let found = search.improve(since: search.clock.elapsed, bestSoFar: (earlier, 0))
            #expect(search.abandoned == givesUp)
            #expect(found.score.required == 1)
            #expect(found.score.score == (givesUp ? 0 : 10))
            #expect(search.clock.elapsed < limit / 2, "the search ends at a stall, long before its limit")
        }
    }

    /// A fresh search with a time limit reserves optional places for its required-only part: placed like
    /// required ones, but a reserved place counts one point of score, not a required visit, and weighs less
    /// than one in the ejections. At the hand-over they are optional again, and the plan is scored as it is.
    @Test func reservedOptionalPlacesRankBelowRequiredVisitsAndAreReleased() {
        let free = Place(id: "free", name: "Free", lat: 0, lon: 0, visitMinutes: 30, required: false, score: 0)
        let problem = Self.shortDays(Self.mustAndExtra + [free], from: LocalDate(year: 2024, month: 6, day: 3))
        let must = problem.visitIDs.firstIndex(of: "must")!, extra = problem.visitIDs.firstIndex(of: "extra")!
        let freeVisit = problem.visitIDs.firstIndex(of: "free")!
        #expect(Tuning.reserve > 0)
        var search = LocalSearch(problem: problem, candidates: [must, extra, freeVisit], seed: 1, clock: SearchClock(limit: 60), progress: nil)
        let reservedAny = search.reserveOptional()
        #expect(reservedAny)
        #expect(search.must[must] && search.must[extra] && !search.must[freeVisit], "only optional places worth a score")
        search.setRoutes([[extra], []])
        #expect(search.score.required == 0 && search.score.score == 1)
        #expect(search.worth(extra) < search.worth(must) && search.worth(extra) > 1 << 40)

        var fresh = LocalSearch(problem: problem, candidates: [must, extra, freeVisit], seed: 1, clock: SearchClock(limit: 60), progress: nil)
        fresh.reserveNext = true
        let found = fresh.improve(since: fresh.clock.elapsed, bestSoFar: (PlanScore.worst, 0))
        #expect(fresh.must == problem.isRequired)
        fresh.setRoutes(found.routes)
        #expect(fresh.score == found.score)
        #expect(found.score.required == 1 && found.score.score == 10)
    }
}
