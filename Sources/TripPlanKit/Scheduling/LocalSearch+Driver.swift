import Foundation

/// The search's course: construction, the searches one after another (`run`), each one's ILS (`improve`),
/// re-planning pairs of days and the final polish.
extension LocalSearch {
    /// Traces the search on stderr in builds made with `-D TRIPPLAN_TRACE` (tuning only).
    func debugNote(_ what: @autoclosure () -> String) {
        #if TRIPPLAN_TRACE
        FileHandle.standardError.write("TRACE \(what()) t=\(Int(clock.elapsed * 1000))ms \(score)\n".data(using: .utf8)!)
        #endif
    }

    /// The first plan: insertion, and for one-day trips also the beam DP over the whole day; the better wins.
    mutating func construct() {
        recreate(candidates)
        guard p.dayCount == 1 else { return }
        let inserted = routes
        let insertedScore = score
        let m = candidates.count
        let width = max(50, min(2000, 400_000 / max(1, m * m) * 10))
        var route = BeamOrder(p: p, day: 0, visits: candidates, width: width, mustVisitAll: true, clock: clock).run()
        if route.count < m && !clock.expired {
            var early = BeamOrder(p: p, day: 0, visits: candidates, width: width, mustVisitAll: true, clock: clock)
            early.preferEarly = true
            let found = early.run()
            if found.count > route.count { route = found }
        }
        if route.count < m && !clock.expired {
            var wide = BeamOrder(p: p, day: 0, visits: candidates, width: width * 4, mustVisitAll: true, clock: clock)
            wide.preferEarly = true
            wide.reachPrune = false
            let found = wide.run()
            debugNote("wide beam \(found.count) width \(width)")
            if found.count > route.count { route = found }
        }
        if route.count < m && !clock.expired {
            let partial = BeamOrder(p: p, day: 0, visits: candidates, width: width, mustVisitAll: false, clock: clock).run()
            if partial.count > route.count { route = partial }
        }
        setRoutes([route])
        if insertedScore.isBetter(than: score) { setRoutes(inserted) }
    }

    /// Re-plans pairs of days at once, exactly (`DayPairRepack`), nearest days first, until a pass over all
    /// pairs finds nothing better or the clock runs out. A pair's pool is its stops and, up to
    /// `Tuning.repackPool` visits, the unplaced ones open on either day (required first, then by score).
    mutating func repackPairs() {
        guard p.dayCount > 1, Tuning.repackPasses > 0 else { return }
        let waiting = candidates.filter { worth($0) > 0 }.sorted { (worth($0), -$0) > (worth($1), -$1) }
        // Without a time limit the work is bounded by labels built, so that the plan stays the same.
        let budget = clock.limit == nil ? Tuning.repackLabels : Int.max
        var work = 0
        defer { debugNote("repacked pairs, \(work) labels") }
        var improved = true
        var passes = 0
        while improved && passes < Tuning.repackPasses {
            improved = false
            passes += 1
            for (a, b) in dayPairsByNearness() {
                if clock.expired || work >= budget { return }
                if repackPair(a, b, waiting: waiting, work: &work, budget: budget) { improved = true }
            }
        }
    }

    /// Re-plans days `a` and `b` (see `repackPairs`; `waiting`: the visits worth placing, best first);
    /// true when the plan changed.
    mutating func repackPair(_ a: Int, _ b: Int, waiting: [Int], work: inout Int, budget: Int = .max) -> Bool {
        let cap = min(DayPairRepack.poolCap, Tuning.repackPool)
        let stops = routes[a] + routes[b]
        if stops.count > cap { return false }
        var pool = stops
        for v in waiting where pool.count < cap && dayOf[v] < 0 && (isOpenOn(v, a) || isOpenOn(v, b)) {
            pool.append(v)
        }
        if Tuning.repackNeedUnplaced > 0 && pool.count == stops.count { return false }
        var current = PlanScore(required: 0, score: 0, travel: 0, finish: 0)
        for v in stops {
            if must[v] { current.required += 1 } else { current.score += p.score[v] }
        }
        for d in [a, b] {
            current.travel += p.travelMinutes(day: d, routes[d])
            current.finish += p.arrival(day: d, routes[d])
        }
        let repack = DayPairRepack(p: p)
        guard let (_, first, second) = repack.repack(a, b, pool: pool, current: current, clock: clock,
                                                     work: &work, budget: budget) else { return false }
        var new = routes
        (new[a], new[b]) = (first, second)
        setRoutes(new)
        debugNote("repacked days \(a) and \(b)")
        return true
    }

    /// Re-plans all days of the plan at once (`repackAllDays`; without a time limit for at most
    /// `Tuning.packLabels` labels of the day DP), then the local search; true when the plan got better.
    mutating func repackBest() -> Bool {
        let before = score
        guard repackAllDays(labelBudget: clock.limit == nil ? Tuning.packLabels : .max, pivotBudget: Tuning.packPivots) else {
            return false
        }
        descend()
        return score.isBetter(than: before)
    }

    /// Every pair of days, those whose stops (or ends) lie nearest each other first.
    func dayPairsByNearness() -> [(Int, Int)] {
        var pairs: [(gap: Int, a: Int, b: Int)] = []
        for a in 0..<p.dayCount {
            let here = [p.dayFrom[a], p.dayTo[a]] + routes[a].map { p.visitNode[$0] }
            for b in (a + 1)..<p.dayCount {
                var gap = Int.max
                for y in [p.dayFrom[b], p.dayTo[b]] + routes[b].map({ p.visitNode[$0] }) {
                    for x in here { gap = min(gap, p.minutes(x, y), p.minutes(y, x)) }
                }
                pairs.append((gap, a, b))
            }
        }
        return pairs.sorted { ($0.gap, $0.a, $0.b) < ($1.gap, $1.a, $1.b) }.map { ($0.a, $0.b) }
    }

    /// Re-orders each day with the beam DP over exactly its stops; keeps the new order when it travels less.
    mutating func polishOrders() {
        for d in 0..<p.dayCount where routes[d].count >= 3 && !clock.expired {
            let stops = routes[d]
            let width = max(50, min(1000, 200_000 / (stops.count * stops.count)))
            let order = BeamOrder(p: p, day: d, visits: stops, width: width, mustVisitAll: true, clock: clock).run()
            guard order.count == stops.count, p.arrival(day: d, order) < ScheduleProblem.never else { continue }
            let old = (p.travelMinutes(day: d, stops), p.arrival(day: d, stops))
            if (p.travelMinutes(day: d, order), p.arrival(day: d, order)) < old {
                routes[d] = order
                refresh(d)
            }
        }
    }

    /// Replaces the plan; only the days that differ are recomputed (and marked changed).
    mutating func setRoutes(_ new: [[Int]]) {
        for d in 0..<p.dayCount where routes[d] != new[d] {
            for v in routes[d] { dayOf[v] = -1 }
        }
        for d in 0..<p.dayCount where routes[d] != new[d] {
            routes[d] = new[d]
            refresh(d)
        }
    }

    /// Sets the plan to `start`, inserts what fits (with `noise` % on the insertion costs), then runs the
    /// local search and the ejection chains.
    mutating func settle(_ start: [[Int]], noise level: Int = 0) {
        setRoutes(start)
        noise = level
        recreate(candidates)
        noise = 0
        descend()
        if ejectInsert() { descend() }
    }

    mutating func report(best: PlanScore, placed: Int) {
        guard let progress else { return }
        let elapsed = clock.elapsed
        if elapsed - lastReport >= 1 {
            lastReport = elapsed
            progress(SearchProgress(elapsedSeconds: elapsed, remainingSeconds: wholeClock.remaining,
                                    visitsPlaced: placed, bestTravelMinutes: best.travel))
        }
    }

    /// Searches until the round or time limit and returns the best plan found, each day's order polished.
    ///
    /// With a time limit, a search that stalls (no new best for a run of rounds, `Tuning.stallRestart`)
    /// starts afresh from an empty plan while time is left; the best of all wins. Without one, trips of
    /// several days with 40 to about 150 visits do the same while the rounds the searches share last
    /// (`roundsInAll`), and other trips have one search. Every other fresh search counts optional visits
    /// (`countOptional`): on trips small enough to stall, the searches that weigh score alone kept ending
    /// in the same plan. With a time limit each search's plan, and without one the best plan, then has pairs
    /// of its days re-planned exactly (`repackPairs`); a fresh search that gave up behind an earlier one on
    /// required visits (`abandoned`, see `improve`) skips that. On multi-day trips the best plan has all its
    /// days re-planned at once (`repackAllDays`): with a time limit once a search has stalled, `packShare` ‰
    /// before the chains' share (more searches get what it leaves), without one after the searches. It then gets
    /// ejection chains of any length (`placeByChains`), with a time limit in the last `Tuning.chainShare` ‰
    /// of it, which the searches leave for them.
    mutating func run() -> [[Int]] {
        var best = routes
        var bestScore = PlanScore.worst
        var fresh = false
        var searches = 0
        // Without a time limit the searches share a number of rounds (`roundsInAll`); while a third of one
        // search's rounds is left after a search stalls, another starts afresh.
        let perSearch = Self.rounds(work: Tuning.roundsWork, visits: candidates.count)
        let inAll = Self.roundsInAll(visits: candidates.count, days: p.dayCount)
        roundsLeft = inAll
        let fullClock = clock
        // With a time limit on a trip of several days, the searches end where the chains' share begins
        // (`searchEnd`). Once a search has stalled (the search has settled), the best plan has all its days
        // re-planned at once at `packShare` ‰ before that (`packAt`).
        let searchEnd = p.dayCount > 1 ? clock.limit.map { $0 * Double(1000 - Tuning.chainShare) / 1000 } : nil
        var packed = p.dayCount == 1
        var packAt: Double?
        if let searchEnd { clock = clock.limited(to: searchEnd) }
        repeat {
            if fresh {
                searches += 1
                // The first fresh search, and every other one after it, counts optional visits rather than
                // their score (`countOptional`).
                countOptional = Tuning.countOptionalEvery > 0 && (searches - 1) % Tuning.countOptionalEvery == 0
                setRoutes(Array(repeating: [], count: p.dayCount))
                debugNote("afresh after a stall\(countOptional ? ", counting optional visits" : "")")
            }
            let began = clock.elapsed
            abandoned = false
            reserveNext = fresh && clock.limit != nil && Tuning.reserve > 0 && !countOptional
            var found = improve(since: began, bestSoFar: (bestScore, best.reduce(0) { $0 + $1.count }))
            if Tuning.repackShare > 0, !abandoned, let limit = clock.limit, !clock.expired {
                // A search that stalled in time: re-plan pairs of its days too, for a share of its time.
                let searchClock = clock
                clock = clock.limited(to: min(limit, clock.elapsed + (clock.elapsed - began) * Double(Tuning.repackShare) / 100))
                setRoutes(found.routes)
                repackPairs()
                found = (routes, score)
                clock = searchClock
            }
            if found.score.isBetter(than: bestScore) { (best, bestScore) = found }
            fresh = true
            if !packed, let limit = fullClock.limit, let searchEnd {
                if packAt == nil && !clock.expired {
                    packAt = searchEnd - limit * Double(packShare) / 1000
                    clock = fullClock.limited(to: packAt)
                }
                if packAt != nil && clock.expired {
                    // All days of the best plan re-planned at once; what that leaves of the time held back
                    // for it goes to more searches.
                    packed = true
                    clock = fullClock.limited(to: searchEnd)
                    requiredOnly = false
                    setRoutes(best)
                    if repackBest() { (best, bestScore) = (routes, score) }
                }
            }
        } while clock.limit != nil ? Tuning.stallRestart > 0 && !clock.expired
            : inAll > perSearch && roundsLeft * 3 >= perSearch
        requiredOnly = false
        countOptional = false
        clock = fullClock
        setRoutes(best)
        if p.dayCount > 1 {
            if !packed && clock.limit == nil {
                // Without a time limit, all days at once after the searches.
                _ = repackBest()
            }
            // Ejection chains of any length on the best plan, in the time held back for them
            // (`placeByChains`); they stop a hundredth of the limit early, so that the local search can
            // then take back travel they added.
            if let limit = clock.limit { clock = clock.limited(to: limit * 0.99) }
            let placed = placeByChains()
            clock = fullClock
            if placed { descend() }
            debugNote("chains")
        }
        repackPairs()
        polishOrders()
        recreate(candidates)
        debugNote("polish")
        // Every step checks what it changes (the ruin's broken days are never accepted, see `score`); a day
        // with stops that breaks its rules here is a bug. Checked in debug builds, so the tests would see it.
        assert((0..<p.dayCount).allSatisfy { routes[$0].isEmpty || p.arrival(day: $0, routes[$0]) < ScheduleProblem.never },
               "the search returned a day that breaks its windows, lunch or end")
        return routes
    }

    /// Keeps the routes of the days that differ from `saved` in `routeMemory`, for the re-plan of all days
    /// at once (`repackAllDays`), which takes them as columns besides its pools' routes: the first
    /// `Tuning.packMemory` distinct routes of each day. (Keeping the newest instead, or 2,000: no better.)
    mutating func remember(changedFrom saved: [[Int]]) {
        if routeMemory.isEmpty {
            routeMemory = Array(repeating: [], count: p.dayCount)
            routeKnown = Array(repeating: [], count: p.dayCount)
        }
        // A day the ruin broke and recreating did not repair (see `score`) is no route to keep.
        for d in 0..<p.dayCount where routes[d] != saved[d] && !routes[d].isEmpty
            && routeMemory[d].count < Tuning.packMemory && p.arrival(day: d, routes[d]) < ScheduleProblem.never {
            if routeKnown[d].insert(routes[d]).inserted { routeMemory[d].append(routes[d]) }
        }
    }

    /// One search from the current plan: construction, local search, then ruin and recreate (ILS).
    /// `since` is the clock's reading at its start (its share of the time runs from there to the limit);
    /// progress reports show `bestSoFar` while this search has not beaten it.
    mutating func improve(since began: Double, bestSoFar: (score: PlanScore, placed: Int)) -> (routes: [[Int]], score: PlanScore) {
        let multiDay = p.dayCount > 1
        requiredOnly = multiDay && Tuning.requiredFirst > 0
        let reserved = requiredOnly && reserveNext && reserveOptional()
        construct()
        debugNote("construct")
        descend()
        if ejectInsert() { descend() }
        debugNote("descend")
        var best = routes
        var bestScore = score
        var currentScore = bestScore
        var currentOptional = optionalPlaced
        let rounds = Self.rounds(work: Tuning.roundsWork, visits: candidates.count)
        let iterations = clock.limit == nil ? min(rounds, roundsLeft) : Int.max
        var iteration = 0
        defer { if clock.limit == nil { roundsLeft -= iteration } }
        var sinceBest = 0
        var restarts = 0
        var startBest = best
        var startBestScore = PlanScore.worst
        // The search also ends after a run of rounds without a new best (see `run`), and the required-only
        // part hands over to the optional visits after such a run. With a time limit, the run that starts a
        // search afresh has its own measure (`Tuning.restartWork`).
        let stall = max(100, rounds / 3)
        let restartStall = max(100, Self.rounds(work: Tuning.restartWork, visits: candidates.count) / 3)
        let limitedStall = max(restartStall * Tuning.stallRestart, candidates.count * Tuning.stallPerPlace / 10)
        var patience = clock.limit == nil ? stall : Tuning.stallRestart > 0 ? limitedStall : Int.max
        while iteration < iterations && !clock.expired {
            if !requiredOnly && sinceBest >= patience {
                // Stalled. Without a time limit the search ends; with one, it ends (to start afresh) when
                // the time left is at least what this search has taken, and otherwise goes on to the end.
                guard let limit = clock.limit, limit - clock.elapsed < clock.elapsed - began else { break }
                patience = Int.max
            }
            iteration += 1
            sinceBest += 1
            let progress = clock.limit.map { min(1, (clock.elapsed - began) / max($0 - began, 1e-9)) } ?? Double(iteration) / Double(iterations)
            if requiredOnly && restarts + 1 < Tuning.restarts
                && progress * 1000 >= Double(Tuning.requiredFirst * (restarts + 1) / Tuning.restarts) {
                // Start the required-only search again from an empty plan; the best start wins.
                restarts += 1
                if bestScore.isBetter(than: startBestScore) { startBest = best; startBestScore = bestScore }
                settle(Array(repeating: [], count: p.dayCount), noise: Tuning.noise)
                (best, bestScore, sinceBest) = (routes, score, 0)
                currentScore = bestScore
                currentOptional = optionalPlaced
                debugNote("restart \(restarts)")
            }
            if requiredOnly && (progress * 1000 >= Double(Tuning.requiredFirst) || sinceBest >= patience) {
                // Room made for the required visits: now add the optional ones and go on with all.
                debugNote("required only until round \(iteration)")
                if reserved {
                    // The reserved places are optional again: both starts scored as they are.
                    must = p.isRequired
                    if startBestScore != .worst { setRoutes(startBest); startBestScore = score }
                    setRoutes(best)
                    bestScore = score
                }
                let startBestRequired = max(bestScore.required, startBestScore.required)
                if Tuning.abandon > 0 && clock.limit != nil && startBestRequired < bestSoFar.score.required {
                    // An earlier search placed more required visits: this one cannot win by optional
                    // score, so the time goes to a fresh search instead.
                    abandoned = true
                    debugNote("abandoned")
                    return startBestScore.isBetter(than: bestScore) ? (startBest, startBestScore) : (best, bestScore)
                }
                requiredOnly = false
                if startBestScore.isBetter(than: bestScore) { best = startBest }
                settle(best)
                (best, bestScore, sinceBest) = (routes, score, 0)
                currentScore = bestScore
                currentOptional = optionalPlaced
            }
            let saved = routes, versions = dayVersion
            // Ruin: a seed visit and some of its neighbours, then recreate and descend.
            let placedList = candidates.filter { dayOf[$0] >= 0 }
            if placedList.isEmpty { break }
            let seed = placedList[Int(rng.next() % UInt64(placedList.count))]
            let maxRuin = multiDay ? min(Tuning.ruinCap, max(1, placedList.count / Tuning.ruinDivisor)) : min(10, max(1, placedList.count / 4))
            let count = 2 + Int(rng.next() % UInt64(maxRuin))
            var removed = [seed]
            let weights = Tuning.ruinWeights
            var pick = multiDay ? Int(rng.next() % UInt64(weights.reduce(0, +))) : weights[0] + weights[1]
            var kind = 0
            while pick >= weights[kind] { pick -= weights[kind]; kind += 1 }
            if kind == 0 {
                // A whole day's stops (up to the ruin size), so that days can trade places.
                for u in routes[dayOf[seed]] where removed.count < count && u != seed { removed.append(u) }
            } else if kind == 1, let w = unplacedTarget() {
                // Around a missing visit (a required one when any is missing), to make room for it.
                removed.removeAll()
                for u in neighbours[w] where removed.count < count && dayOf[u] >= 0 { removed.append(u) }
                if removed.isEmpty { removed = [seed] }
            } else if kind == 3, let w = unplacedTarget(), !openDays[w].isEmpty {
                // Force a missing visit into one of its days: clear stops of that day (those nearest to
                // it first), put it in, and let the cleared ones find room again.
                let d = openDays[w][Int(rng.next() % UInt64(openDays[w].count))]
                let x = p.visitNode[w]
                let byDistance = routes[d].sorted { (p.minutes(p.visitNode[$0], x), $0) < (p.minutes(p.visitNode[$1], x), $1) }
                removed = Array(byDistance.prefix(count))
                for v in removed { remove(v) }
                removed.removeAll()
                if let b = bestInsertion(w, day: d) { insert(w, d, b.at) }
            } else {
                for u in neighbours[seed] where removed.count < count && dayOf[u] >= 0 { removed.append(u) }
            }
            for v in removed { remove(v) }
            noise = multiDay ? Tuning.noise : 0
            recreate(candidates)
            noise = 0
            descend()
            if ejectInsert() { descend() }
            let s = score
            // Multi-day: the allowance shrinks from 10 % of the best travel (40 % with a time limit) to
            // nothing over the search.
            let share = clock.limit == nil ? Tuning.allowance : Tuning.limitedAllowance
            let allowance = multiDay ? Int(Double(bestScore.travel) * share * (1 - progress)) : 0
            let placedOptional = optionalPlaced
            if multiDay && !requiredOnly && Tuning.packMemory > 0 { remember(changedFrom: saved) }
            if Self.accepts(s, optional: placedOptional, current: currentScore, currentOptional: currentOptional,
                            best: bestScore, allowance: allowance, countOptional: countOptional) {
                currentScore = s
                currentOptional = placedOptional
                if s.isBetter(than: bestScore) {
                    if (s.required, s.score) != (bestScore.required, bestScore.score) { debugNote("best at round \(iteration)") }
                    bestScore = s
                    best = routes
                    sinceBest = 0
                }
            } else {
                setRoutes(saved)
                dayVersion = versions
                for d in 0..<dirty.count { dirty[d] = false }
            }
            if bestScore.isBetter(than: bestSoFar.score) {
                report(best: bestScore, placed: best.reduce(0) { $0 + $1.count })
            } else {
                report(best: bestSoFar.score, placed: bestSoFar.placed)
            }
        }
        debugNote("ils end after \(iteration) rounds")
        if reserved && requiredOnly {
            // The time ran out before the hand-over: the reserved places are optional again.
            must = p.isRequired
            if startBestScore != .worst { setRoutes(startBest); startBestScore = score }
            setRoutes(best)
            bestScore = score
            if startBestScore.isBetter(than: bestScore) { (best, bestScore) = (startBest, startBestScore) }
        }
        return (best, bestScore)
    }
}

extension LocalSearch {
    /// The ‰ of a time limit held back for re-planning all days at once (`repackAllDays`): `Tuning.packShare`
    /// at 100 visits, in inverse proportion to the square of the visits (`Tuning.packSharePower`), within
    /// `Tuning.packShareMin...Tuning.packShareMax`: 250 ‰ up to 77 visits, 150 at 100, 37 at 200.
    var packShare: Int {
        guard Tuning.packPool > 0 else { return 0 }
        let v = max(1, candidates.count)
        let share = Tuning.packSharePower == 2 ? Tuning.packShare * 10_000 / (v * v) : Tuning.packShare * 100 / v
        return min(Tuning.packShareMax, max(Tuning.packShareMin, share))
    }

    /// `work / visits` rounds, within `Tuning.roundsMin...Tuning.roundsMax`.
    static func rounds(work: Int, visits: Int) -> Int {
        min(Tuning.roundsMax, max(Tuning.roundsMin, work / max(1, visits)))
    }

    /// Without a time limit, the rounds of all the searches that start afresh after a stall (`run`): on
    /// trips of several days and at least `Tuning.freshFrom` visits, up to `Tuning.freshRounds` times one
    /// search's rounds and `Tuning.freshWork / visits`; never fewer than one search's. So trips of 40 to
    /// about 150 visits get fresh starts; smaller ones, one-day ones and larger ones have one search.
    static func roundsInAll(visits: Int, days: Int) -> Int {
        let one = rounds(work: Tuning.roundsWork, visits: visits)
        guard days > 1 && visits >= Tuning.freshFrom else { return one }
        return max(one, min(one * Tuning.freshRounds, Tuning.freshWork / max(1, visits)))
    }

    /// Whether the ILS moves on from the current plan to a round's plan `s` with `optional` optional visits:
    /// when `s` is at least as good, or when it keeps the same visits with at most `allowance` more travel
    /// than the best (record-to-record travel; multi-day trips only, so `allowance` is 0 otherwise).
    /// While counting optional visits (`countOptional`), a plan with as many of them but less score also
    /// keeps the same visits: the search then crosses plans that swap optional visits, as it does for
    /// required ones.
    static func accepts(_ s: PlanScore, optional: Int, current: PlanScore, currentOptional: Int,
                        best: PlanScore, allowance: Int, countOptional: Bool) -> Bool {
        if s.isBetter(than: current) || s == current { return true }
        let sameVisits = s.required == current.required
            && (s.score == current.score || (countOptional && optional >= currentOptional))
        return allowance > 0 && sameVisits && s.travel <= best.travel + allowance
    }
}
