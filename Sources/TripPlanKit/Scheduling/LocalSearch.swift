import Foundation

/// The heuristic for trips too large for `ExactSolver`: insertion, local search and ruin-and-recreate (ILS).
///
/// Every move is first priced in constant time (travel delta from the matrix); only moves that would
/// improve the objective are checked for feasibility. A day keeps, per position, the group's earliest
/// ready times and latest arrival times in two states (lunch taken or still due; `ScheduleProblem.step`
/// and `latestArrivals`), so inserting a visit is checked exactly in constant time and changing a
/// stretch of a day in time linear in the stretch, lunch included.
/// Deterministic for a seed: the iteration budget scales with the size unless a time limit is given.
struct LocalSearch {
    let p: ScheduleProblem
    let candidates: [Int]
    var rng: SplitMix64
    /// The search's clock; `run` bounds `repackPairs` after each search by a shorter one.
    var clock: SearchClock
    let progress: (@Sendable (SearchProgress) -> Void)?

    var routes: [[Int]]
    /// Day of each visit, -1 when not placed.
    var dayOf: [Int]
    /// Position of each placed visit in its day.
    var posOf: [Int]
    /// Per day: earliest ready time after each stop with lunch still due / taken (`[0]` = the day's start).
    var readyDue: [[Int]]
    var readyTaken: [[Int]]
    /// Per day: latest arrival at each stop (`[k]` = at `to`) with lunch still due / taken; negative: none.
    var latestDue: [[Int]]
    var latestTaken: [[Int]]
    /// Per day: the most minutes between the group's earliest ready time at a position and its latest
    /// arrival at the next stop; a visit longer than that fits nowhere in the day (-1: nothing fits).
    var room: [Int]
    /// Per visit: other candidates by increasing travel time, a granular neighbourhood.
    let neighbours: [[Int]]
    /// Per visit: the days on which it is open (long enough for the visit).
    let openDays: [[Int]]
    /// `openDays` as a flat visit × day table.
    let openMask: [Bool]
    /// The new stops of a changed stretch, reused by `applyStretch`.
    var mid: [Int] = []
    /// Buffers reused by `recreate`, `descend` and `tryEject`, which run many times a round: taken out of
    /// the search while in use (`Swift.swap`), so that filling them allocates nothing once they have grown.
    var recreateList: [Int] = []
    var recreateAlive: [Bool] = []
    var activeDays: [Bool] = []
    var ejectOptions: [(lost: Int, delta: Int, day: Int, out: Int, at: Int)] = []
    /// Days changed since the local search last looked at them.
    var dirty: [Bool]
    /// Percent of random noise added to insertion costs while recreating (diversifies the ILS).
    var noise = 0
    /// While true, optional visits are left out: the search first makes room for the required ones.
    var requiredOnly = false
    /// While true, optional visits are handled like required ones: recreated by regret, and a plan that
    /// places as many of them is accepted whatever their score (see `improve`). Every other search started
    /// afresh runs so (`run`).
    var countOptional = false
    /// Set when a search gave up at the hand-over to the optional visits (see `improve`).
    var abandoned = false
    /// Per visit: whether the search places it like a required one: `p.isRequired`, and while a fresh
    /// search's required-only part runs, also the optional places reserved for it (`reserveOptional`).
    /// A reserved place counts one point of score (`score`) and weighs less than a required visit in the
    /// ejections (`worth`).
    var must: [Bool]
    /// Set by `run` for a fresh search that is to reserve optional places.
    var reserveNext = false
    var lastReport: Double = 0
    /// Without a time limit, the rounds the searches have left (`run`).
    var roundsLeft = Int.max
    /// Counts day changes; `dayStamp[d]` is the count at day d's last change.
    var changeCount = 0
    var dayStamp: [Int]
    /// Per day: which contents it has, the change count when they were set; a day put back to earlier
    /// contents gets their version back, so what was found about them stays valid (`bestInsertion`).
    var dayVersion: [Int]
    /// Per visit: the change count when an ejection for it last failed (-1: never tried).
    var ejectFailed: [Int]
    /// Per day: the nodes of its full path as of its last `refresh`, `from`, the stops, `to` (`node`).
    var paths: [[Int]]
    /// Per visit: `movable`'s last answer and the change count it was found at (-1: never).
    var movableStamp: [Int]
    var movableAnswer: [Bool]

    init(problem: ScheduleProblem, candidates: [Int], seed: UInt64, clock: SearchClock,
         progress: (@Sendable (SearchProgress) -> Void)?) {
        p = problem
        self.candidates = candidates
        rng = SplitMix64(seed: seed)
        self.clock = clock
        self.progress = progress
        routes = Array(repeating: [], count: problem.dayCount)
        dayOf = Array(repeating: -1, count: problem.visitCount)
        posOf = Array(repeating: -1, count: problem.visitCount)
        dirty = Array(repeating: true, count: problem.dayCount)
        must = problem.isRequired
        dayStamp = Array(repeating: 0, count: problem.dayCount)
        dayVersion = dayStamp
        room = Array(repeating: -1, count: problem.dayCount)
        ejectFailed = Array(repeating: -1, count: problem.visitCount)
        movableStamp = ejectFailed
        paths = Array(repeating: [], count: problem.dayCount)
        movableAnswer = Array(repeating: false, count: problem.visitCount)
        insertionCache = Array(repeating: CachedInsertion(), count: problem.visitCount * problem.dayCount)
        readyDue = Array(repeating: [], count: problem.dayCount)
        readyTaken = readyDue
        latestDue = readyDue
        latestTaken = readyDue
        let k = min(candidates.count - 1, Tuning.neighbours)
        var neighbours = Array(repeating: [Int](), count: problem.visitCount)
        for v in candidates {
            let others = candidates.filter { $0 != v }.sorted {
                let a = problem.minutes(problem.visitNode[v], problem.visitNode[$0]) + problem.minutes(problem.visitNode[$0], problem.visitNode[v])
                let b = problem.minutes(problem.visitNode[v], problem.visitNode[$1]) + problem.minutes(problem.visitNode[$1], problem.visitNode[v])
                return a != b ? a < b : $0 < $1
            }
            neighbours[v] = Array(others.prefix(max(0, k)))
        }
        self.neighbours = neighbours
        var openOn = Array(repeating: [Int](), count: problem.visitCount)
        for v in candidates {
            openOn[v] = (0..<problem.dayCount).filter { problem.isOpen($0, v) }
        }
        openDays = openOn
        var mask = [Bool](repeating: false, count: problem.visitCount * problem.dayCount)
        for v in candidates { for d in openOn[v] { mask[v * problem.dayCount + d] = true } }
        openMask = mask
        for d in 0..<problem.dayCount { refresh(d) }
    }

    // MARK: Bookkeeping

    mutating func refresh(_ d: Int) {
        let route = routes[d]
        // Taken out and put back, so that they are refilled in place rather than copied.
        var due: [Int] = [], taken: [Int] = []
        Swift.swap(&due, &readyDue[d])
        Swift.swap(&taken, &readyTaken[d])
        due.removeAll(keepingCapacity: true)
        taken.removeAll(keepingCapacity: true)
        var (tN, tY) = p.startState(day: d)
        due.append(tN)
        taken.append(tY)
        var prev = p.dayFrom[d]
        for v in route {
            (tN, tY) = p.step(day: d, v, tN, tY, from: prev)
            due.append(tN)
            taken.append(tY)
            prev = p.visitNode[v]
        }
        p.latestArrivals(day: d, route, taken: &latestTaken[d], due: &latestDue[d])
        var widest = -1
        for i in 0...route.count {
            let ready = min(due[i], taken[i]), latest = max(latestDue[d][i], latestTaken[d][i])
            if ready < ScheduleProblem.never && latest >= 0 { widest = max(widest, latest - ready) }
        }
        Swift.swap(&due, &readyDue[d])
        Swift.swap(&taken, &readyTaken[d])
        room[d] = widest
        dirty[d] = true
        changeCount += 1
        dayStamp[d] = changeCount
        dayVersion[d] = changeCount
        var path: [Int] = []
        Swift.swap(&path, &paths[d])
        path.removeAll(keepingCapacity: true)
        path.append(p.dayFrom[d])
        for (i, v) in route.enumerated() {
            dayOf[v] = d
            posOf[v] = i
            path.append(p.visitNode[v])
        }
        path.append(p.dayTo[d])
        Swift.swap(&path, &paths[d])
    }

    /// Position i in 0...k+1 of the day's full path: 0 = from, k+1 = to, else the stop i-1 (`paths`).
    @inline(__always) func node(_ d: Int, _ i: Int) -> Int { paths[d][i] }

    /// Optional visits placed.
    var optionalPlaced: Int {
        var n = 0
        for route in routes { for v in route where !must[v] { n += 1 } }
        return n
    }

    /// The plan's objective. A day that breaks its windows, the lunch rule or its end counts as
    /// `brokenDayPenalty` required visits fewer, so that the ILS never accepts, keeps or returns such a plan:
    /// a ruin can leave one, because removing a stop can break its day when the group had lunch there
    /// (without it the next stop comes too late for the lunch window, and lunch before the long leg
    /// makes the rest of the day late). Moves and insertions are checked and never break a day.
    var score: PlanScore {
        var s = PlanScore(required: 0, score: 0, travel: 0, finish: 0)
        for d in 0..<p.dayCount {
            for v in routes[d] {
                if p.isRequired[v] { s.required += 1 } else { s.score += must[v] ? 1 : p.score[v] }
            }
            s.travel += p.travelMinutes(day: d, routes[d])
            let a = p.arrival(day: d, routes[d])
            if a < ScheduleProblem.never {
                s.finish += a
            } else {
                s.finish += p.dayEnd[d]
                s.required -= Self.brokenDayPenalty
            }
        }
        return s
    }

    /// See `score`: more than any trip's required visits.
    static let brokenDayPenalty = 1 << 30

    /// Travel added by putting `v` before stop `i` of day `d` (i == k: before `to`).
    @inline(__always) func insertionDelta(_ v: Int, _ d: Int, _ i: Int) -> Int {
        let a = node(d, i), b = node(d, i + 1), x = p.visitNode[v]
        return p.detour(a, x, b)
    }

    /// Whether a group ready at `prev` at `tN` (lunch due) or `tY` (taken) reaches stop `j` of day `d`
    /// (`j == k`: `to`) in time for the rest of the day as it stands.
    @inline(__always) func reaches(_ d: Int, _ j: Int, _ tN: Int, _ tY: Int, from prev: Int) -> Bool {
        let c = p.minutes(prev, node(d, j + 1))
        return (tY < ScheduleProblem.never && tY + c <= latestTaken[d][j])
            || (tN < ScheduleProblem.never && tN + c <= latestDue[d][j])
    }

    /// Whether `v` fits before stop `i` of day `d`, the rest of the day unchanged. Exact, constant time.
    @inline(__always) func fits(_ v: Int, _ d: Int, _ i: Int) -> Bool {
        let (tN, tY) = p.step(day: d, v, readyDue[d][i], readyTaken[d][i], from: node(d, i))
        return reaches(d, i, tN, tY, from: p.visitNode[v])
    }

    /// Whether day `d` stays feasible when its stops at positions `lo..<hi` are replaced by `at(lo)…at(hi-1)`
    /// (the same number of stops; the rest of the day unchanged). Exact, in time linear in the stretch.
    @inline(__always) func stretchFits(_ d: Int, _ lo: Int, _ hi: Int, _ at: (Int) -> Int) -> Bool {
        var tN = readyDue[d][lo], tY = readyTaken[d][lo]
        var prev = node(d, lo)
        for t in lo..<hi {
            let v = at(t)
            (tN, tY) = p.step(day: d, v, tN, tY, from: prev)
            if tY >= ScheduleProblem.never && tN >= ScheduleProblem.never { return false }
            prev = p.visitNode[v]
        }
        return reaches(d, hi, tN, tY, from: prev)
    }

    /// Whether day `d` stays feasible without its stop at position `i`.
    @inline(__always) func removalFits(_ d: Int, _ i: Int) -> Bool {
        reaches(d, i + 1, readyDue[d][i], readyTaken[d][i], from: node(d, i))
    }

    /// Replaces positions `lo..<hi` of day `d` by `at(lo)…at(hi-1)`.
    @inline(__always) mutating func applyStretch(_ d: Int, _ lo: Int, _ hi: Int, _ at: (Int) -> Int) {
        mid.removeAll(keepingCapacity: true)
        for t in lo..<hi { mid.append(at(t)) }
        routes[d].replaceSubrange(lo..<hi, with: mid)
        refresh(d)
    }

    /// The cheapest feasible insertion of the unplaced `v`: (day, position, delta), or nil.
    mutating func bestInsertion(_ v: Int) -> (day: Int, at: Int, delta: Int)? {
        var best: (day: Int, at: Int, delta: Int)?
        for d in openDays[v] {
            guard let b = bestInsertion(v, day: d) else { continue }
            if best == nil || b.delta < best!.delta { best = (d, b.at, b.delta) }
        }
        return best
    }

    mutating func insert(_ v: Int, _ d: Int, _ i: Int) {
        routes[d].insert(v, at: i)
        refresh(d)
    }

    mutating func remove(_ v: Int) {
        let d = dayOf[v]
        guard d >= 0, let i = routes[d].firstIndex(of: v) else { return }
        routes[d].remove(at: i)
        dayOf[v] = -1
        refresh(d)
    }

    /// One entry of `insertionCache`: the cheapest insertion of a visit into a day (position, -1 when none,
    /// and travel added) and the day's version it was found at (-1: never looked).
    struct CachedInsertion {
        var stamp = -1
        var at = -1
        var delta = 0
    }

    /// Per visit × day (`v * dayCount + d`), one entry, so that a look-up touches one cache line.
    var insertionCache: [CachedInsertion]

    /// The cheapest feasible insertion of the unplaced `v` on day `d`: (position, delta), or nil.
    /// Remembered until the day changes, so recreating and ejecting look again only at changed days.
    mutating func bestInsertion(_ v: Int, day d: Int) -> (at: Int, delta: Int)? {
        let key = v * p.dayCount + d
        var entry = insertionCache[key]
        if entry.stamp != dayVersion[d] {
            var best: (at: Int, delta: Int)?
            if p.duration[v] <= room[d] {
                for i in 0...routes[d].count {
                    let delta = insertionDelta(v, d, i)
                    if let b = best, delta >= b.delta { continue }
                    if fits(v, d, i) { best = (i, delta) }
                }
            }
            entry = CachedInsertion(stamp: dayVersion[d], at: best?.at ?? -1, delta: best?.delta ?? 0)
            insertionCache[key] = entry
        }
        return entry.at >= 0 ? (entry.at, entry.delta) : nil
    }

    /// Inserts unplaced visits cheapest-first with regret: required ones, then optional by score.
    ///
    /// Each visit's best insertion per day is remembered (`bestInsertion(_:day:)`); only the day that
    /// received the last pick is priced again, so a pick costs one day per remaining visit, not every day.
    mutating func recreate(_ pool: [Int]) {
        var list: [Int] = [], alive: [Bool] = []
        Swift.swap(&list, &recreateList)
        Swift.swap(&alive, &recreateAlive)
        defer {
            Swift.swap(&list, &recreateList)
            Swift.swap(&alive, &recreateAlive)
        }
        for phase in 0..<(requiredOnly ? 1 : 2) {
            list.removeAll(keepingCapacity: true)
            for v in pool where dayOf[v] < 0 && (phase == 0 ? must[v] : !must[v] && p.score[v] > 0) {
                list.append(v)
            }
            if list.isEmpty { continue }
            alive.removeAll(keepingCapacity: true)
            alive.append(contentsOf: repeatElement(true, count: list.count))
            while true {
                var pick = -1
                var pickKey = Int.min
                var pickAt: (day: Int, at: Int, delta: Int)?
                for (index, v) in list.enumerated() where alive[index] {
                    // The cheapest insertion over the visit's days, and the cheapest on any other day.
                    var found: (day: Int, at: Int, delta: Int)?
                    var second = Int.max
                    for d in openDays[v] {
                        guard let b = bestInsertion(v, day: d) else { continue }
                        if let f = found, b.delta >= f.delta {
                            second = min(second, b.delta)
                        } else {
                            if let f = found { second = f.delta }
                            found = (d, b.at, b.delta)
                        }
                    }
                    guard var at = found else { alive[index] = false; continue }
                    if noise > 0 { at.delta += Int(rng.next() % UInt64(1 + max(0, at.delta) * noise / 100)) }
                    let key: Int
                    if phase == 0 || countOptional {
                        // Regret: the required visit that would lose the most by waiting goes first (one
                        // that fits on one day only, before all others), then the cheapest. (Tuning trips,
                        // 1 s, seeds 1-32 x 2 search seeds: 5-39 more required visits per size of 25-200
                        // places than cheapest first; see docs/scheduler.md.) Optional ones likewise while
                        // `countOptional`.
                        let regret = second == Int.max ? 1 << 16 : min(1 << 16, max(0, second - at.delta))
                        key = (regret << 24) - at.delta * 1024 - index
                    } else {
                        // The largest score per added minute. (Exact travel minutes from a trip file may
                        // make a detour shorter than the direct leg: a negative delta counts as none.)
                        // (A trip's scores add up to less than 10^15; scores above 2^40 rank as 2^40 here,
                        // so that the product cannot overflow.)
                        key = min(p.score[v], 1 << 40) * 1_000_000 / (max(0, at.delta) + 1)
                    }
                    if key > pickKey {
                        pickKey = key
                        pick = index
                        pickAt = at
                    }
                }
                guard pick >= 0, let at = pickAt else { break }
                insert(list[pick], at.day, at.at)
                alive[pick] = false
            }
        }
    }

    // MARK: Ejection

    /// The value of placing `v`, on one scale: a required visit outweighs any optional score.
    @inline(__always) func worth(_ v: Int) -> Int { p.isRequired[v] ? 1 << 62 : must[v] ? 1 << 61 : p.score[v] }

    /// Places unplaced visits by ejecting a placed visit of lower worth, or of any worth when the ejected
    /// visit fits again elsewhere (an ejection chain of length two).
    ///
    /// Every applied move strictly raises (required visits, optional score), so this terminates. Options are
    /// found with a full pass over the changed day (days are short), tried cheapest travel first.
    @discardableResult
    mutating func ejectInsert() -> Bool {
        var any = false
        var changed = true
        var passes = 0
        while changed && passes < 4 && !clock.expired {
            changed = false
            passes += 1
            for v in candidates where dayOf[v] < 0 && worth(v) > 0 && (!requiredOnly || must[v]) {
                if clock.expired { return any }
                // Skip a visit whose ejection failed and none of whose days changed since.
                let failed = ejectFailed[v]
                if failed >= 0 && !openDays[v].contains(where: { dayStamp[$0] > failed }) { continue }
                if tryEject(v, since: failed) { changed = true; any = true } else { ejectFailed[v] = changeCount }
            }
        }
        return any
    }

    /// One ejection for the unplaced `v`; true when applied.
    /// Only days changed after the change count `since` are searched (all when negative): on the others
    /// the last attempt already failed.
    mutating func tryEject(_ v: Int, since: Int = -1) -> Bool {
        let wv = worth(v)
        var options: [(lost: Int, delta: Int, day: Int, out: Int, at: Int)] = []
        Swift.swap(&options, &ejectOptions)
        options.removeAll(keepingCapacity: true)
        defer { Swift.swap(&options, &ejectOptions) }
        for d in openDays[v] where since < 0 || dayStamp[d] > since {
            let route = routes[d]
            if route.isEmpty || clock.expired { continue }
            for (j, u) in route.enumerated() {
                let wu = worth(u)
                // Same or higher worth may only be ejected when it can move to another day.
                if wu >= wv && !movable(u) { continue }
                if let r = bestReplacement(v, d, j) {
                    options.append((wu < wv ? wu : wv, r.delta, d, u, r.at))
                }
            }
        }
        if options.isEmpty { return must[v] ? tryEjectPair(v, since: since) : false }
        options.sort { ($0.lost, $0.delta, $0.day, $0.out) < ($1.lost, $1.delta, $1.day, $1.out) }
        for o in options.prefix(12) {
            let saved = routes[o.day], version = dayVersion[o.day]
            remove(o.out)
            insert(v, o.day, o.at)
            if let at = bestInsertion(o.out) {
                insert(o.out, at.day, at.at)
                return true
            }
            if worth(o.out) < wv { return true }
            routes[o.day] = saved
            dayOf[v] = -1
            refresh(o.day)
            dayVersion[o.day] = version
        }
        return must[v] ? tryEjectPair(v, since: since) : false
    }

    /// The cheapest place for `v` (not on day `d`) in day `d` without its stop `j`: the position in the day
    /// without that stop (`k - 1`: before `to`) and the travel it changes, or nil when it fits nowhere there.
    /// Checked over the stretch between the stop and the position; the rest of the day is unchanged.
    @inline(__always) func bestReplacement(_ v: Int, _ d: Int, _ j: Int) -> (at: Int, delta: Int)? {
        let route = routes[d]
        let k = route.count, x = p.visitNode[v], u = route[j]
        let before = node(d, j), after = node(d, j + 2)
        let outGain = p.minutes(before, p.visitNode[u]) + p.minutes(p.visitNode[u], after) - p.minutes(before, after)
        var best: (at: Int, delta: Int)?
        // Insert before stop i of the day without u (i == k - 1: before `to`).
        for i in 0..<k {
            let a = i == 0 ? p.dayFrom[d] : p.visitNode[route[i - 1 < j ? i - 1 : i]]
            let b = i == k - 1 ? p.dayTo[d] : p.visitNode[route[i < j ? i : i + 1]]
            let delta = p.detour(a, x, b) - outGain
            if let b = best, delta >= b.delta { continue }
            let fitsHere = i <= j
                ? stretchFits(d, i, j + 1) { $0 == i ? v : route[$0 - 1] }
                : stretchFits(d, j, i + 1) { $0 == i ? v : route[$0 + 1] }
            if fitsHere { best = (i, delta) }
        }
        return best
    }

    /// Whether the placed `u` fits on another of its open days as they stand. Remembered until any day
    /// changes: an ejection pass asks it of the same visits for every unplaced one.
    mutating func movable(_ u: Int) -> Bool {
        if movableStamp[u] == changeCount { return movableAnswer[u] }
        var answer = false
        for d in openDays[u] where d != dayOf[u] && bestInsertion(u, day: d) != nil {
            answer = true
            break
        }
        movableStamp[u] = changeCount
        movableAnswer[u] = answer
        return answer
    }

    /// Places the unplaced required `v` by ejecting two optional visits of one day (the least score lost,
    /// then the least travel added); the ejected ones are re-inserted where they fit. Raises the required
    /// count, so it is always kept.
    mutating func tryEjectPair(_ v: Int, since: Int = -1) -> Bool {
        var best: (lost: Int, delta: Int, day: Int, j1: Int, j2: Int, at: Int)?
        var trial: [Int] = []
        let x = p.visitNode[v]
        for d in openDays[v] where since < 0 || dayStamp[d] > since {
            // Long days (one-day trips) would cost O(stops⁴); leave those to ruin-and-recreate.
            let route = routes[d]
            if route.count < 2 || route.count > 24 || clock.expired { continue }
            let travel = p.travelMinutes(day: d, route)
            for j1 in 0..<(route.count - 1) where !must[route[j1]] {
                for j2 in (j1 + 1)..<route.count where !must[route[j2]] {
                    let lost = p.score[route[j1]] + p.score[route[j2]]
                    if let b = best, lost > b.lost { continue }
                    trial.removeAll(keepingCapacity: true)
                    for (j, w) in route.enumerated() where j != j1 && j != j2 { trial.append(w) }
                    let base = p.travelMinutes(day: d, trial) - travel
                    for i in 0...trial.count {
                        let a = i == 0 ? p.dayFrom[d] : p.visitNode[trial[i - 1]]
                        let b = i == trial.count ? p.dayTo[d] : p.visitNode[trial[i]]
                        let delta = base + p.detour(a, x, b)
                        if let c = best, (lost, delta) >= (c.lost, c.delta) { continue }
                        trial.insert(v, at: i)
                        if p.arrival(day: d, trial) < ScheduleProblem.never { best = (lost, delta, d, j1, j2, i) }
                        trial.remove(at: i)
                    }
                }
            }
        }
        guard let b = best else { return false }
        let u1 = routes[b.day][b.j1], u2 = routes[b.day][b.j2]
        remove(u2)
        remove(u1)
        insert(v, b.day, b.at)
        for u in [u1, u2] {
            if let at = bestInsertion(u) { insert(u, at.day, at.at) }
        }
        return true
    }

    /// Treats `Tuning.reserve` optional places (drawn by score) as required until the hand-over, so that a
    /// fresh search builds its days around them; true when any was reserved.
    mutating func reserveOptional() -> Bool {
        var pool = candidates.filter { !p.isRequired[$0] && p.score[$0] > 0 }
        var any = false
        for _ in 0..<Tuning.reserve where !pool.isEmpty {
            let total = pool.reduce(0) { $0 + min(p.score[$1], 1 << 40) }
            var pick = Int(rng.next() % UInt64(total))
            var i = 0
            while pick >= min(p.score[pool[i]], 1 << 40) { pick -= min(p.score[pool[i]], 1 << 40); i += 1 }
            must[pool.remove(at: i)] = true
            any = true
        }
        return any
    }

    /// A random unplaced visit worth placing, required ones first; nil when none.
    mutating func unplacedTarget() -> Int? {
        let optionalFirst = !requiredOnly && Int(rng.next() % 100) < Tuning.optionalTarget
        var pool = optionalFirst ? [] : candidates.filter { dayOf[$0] < 0 && must[$0] }
        if pool.isEmpty && !requiredOnly { pool = candidates.filter { dayOf[$0] < 0 && p.score[$0] > 0 } }
        if pool.isEmpty { return nil }
        return pool[Int(rng.next() % UInt64(pool.count))]
    }

    // MARK: Local search

    /// Applies improving relocations, swaps, 2-opt and or-opt moves until none is left.
    mutating func descend() {
        var rounds = 0
        while rounds < 12 {
            rounds += 1
            if clock.expired { return }
            // Only days changed since the last round are examined.
            var active: [Bool] = []
            Swift.swap(&active, &activeDays)
            defer { Swift.swap(&active, &activeDays) }
            active.removeAll(keepingCapacity: true)
            active.append(contentsOf: dirty)
            for d in 0..<dirty.count { dirty[d] = false }
            if !active.contains(true) { return }
            // Only their stops move (measured: also trying the stops near them costs more rounds than
            // it finds).
            for v in candidates where dayOf[v] >= 0 && active[dayOf[v]] {
                _ = relocate(v)
            }
            for d in 0..<p.dayCount where active[d] && routes[d].count >= 2 {
                _ = twoOpt(d)
                _ = orOpt(d)
            }
            for v in candidates where dayOf[v] >= 0 && active[dayOf[v]] {
                _ = swap(v)
            }
            recreate(candidates)
        }
    }

    /// Moves `v` next to one of its neighbours (or to a day's ends) when that saves travel.
    ///
    /// Priced in constant time; a target on another day is checked in constant time against that day's
    /// forward/backward times, a target on the same day by a full pass, and only when it would pay.
    mutating func relocate(_ v: Int) -> Bool {
        let d1 = dayOf[v]
        let i1 = posOf[v]
        let x = p.visitNode[v]
        let prev = node(d1, i1), next = node(d1, i1 + 2)
        let gain = p.minutes(prev, x) + p.minutes(x, next) - p.minutes(prev, next)
        if gain <= 0 { return false }
        var best = (day: -1, at: 0, delta: gain)
        var originOK = 0 // 0: not yet known, 1: the day stays feasible without v, -1: it does not
        // Targets: next to each placed neighbour (before and after it), then the ends of each open day.
        let neighbourCount = neighbours[v].count
        var target = 0
        let targets = 2 * neighbourCount + 2 * openDays[v].count
        while target < targets {
            let d: Int, pos: Int
            if target < 2 * neighbourCount {
                let u = neighbours[v][target >> 1]
                let du = dayOf[u]
                if du < 0 || (du != d1 && !isOpenOn(v, du)) { target += 2; continue }
                d = du
                pos = posOf[u] + (target & 1)
            } else {
                let t = target - 2 * neighbourCount
                d = openDays[v][t >> 1]
                pos = t & 1 == 0 ? 0 : routes[d].count
            }
            target += 1
            if d == d1 && (pos == i1 || pos == i1 + 1) { continue }
            let delta = insertionDelta(v, d, pos)
            if delta >= best.delta { continue }
            if d == d1 {
                let route = routes[d]
                let fitsThere = pos < i1
                    ? stretchFits(d, pos, i1 + 1) { $0 == pos ? v : route[$0 - 1] }
                    : stretchFits(d, i1, pos) { $0 == pos - 1 ? v : route[$0 + 1] }
                if fitsThere { best = (d, pos, delta) }
                continue
            }
            guard fits(v, d, pos) else { continue }
            if originOK == 0 { originOK = removalFits(d1, i1) ? 1 : -1 }
            if originOK == 1 { best = (d, pos, delta) }
        }
        guard best.day >= 0 else { return false }
        if best.day == d1 {
            routes[d1].remove(at: i1)
            routes[d1].insert(v, at: best.at > i1 ? best.at - 1 : best.at)
            refresh(d1)
        } else {
            routes[d1].remove(at: i1)
            refresh(d1)
            insert(v, best.day, best.at)
        }
        return true
    }

    @inline(__always) func isOpenOn(_ v: Int, _ d: Int) -> Bool { openMask[v * p.dayCount + d] }

    /// Exchanges `v` with a neighbour (same or another day) when that saves travel.
    mutating func swap(_ v: Int) -> Bool {
        for u in neighbours[v] where dayOf[u] >= 0 && dayOf[v] >= 0 {
            let dv = dayOf[v], du = dayOf[u]
            let iv = posOf[v], iu = posOf[u]
            if dv == du && abs(iv - iu) <= 1 { continue }
            if dv != du && (!isOpenOn(v, du) || !isOpenOn(u, dv)) { continue }
            let x = p.visitNode[v], y = p.visitNode[u]
            let pv = node(dv, iv), nv = node(dv, iv + 2), pu = node(du, iu), nu = node(du, iu + 2)
            let delta = p.minutes(pv, y) + p.minutes(y, nv) - p.minutes(pv, x) - p.minutes(x, nv)
                + p.minutes(pu, x) + p.minutes(x, nu) - p.minutes(pu, y) - p.minutes(y, nu)
            if delta >= 0 { continue }
            if dv == du {
                let lo = min(iv, iu), hi = max(iv, iu) + 1
                let route = routes[dv]
                // The stops are given by closures written out at each call: a closure kept in a variable
                // is allocated on the heap, and these checks run in the innermost loop.
                if !stretchFits(dv, lo, hi, { $0 == iv ? u : $0 == iu ? v : route[$0] }) { continue }
                applyStretch(dv, lo, hi) { $0 == iv ? u : $0 == iu ? v : route[$0] }
                return true
            }
            if !stretchFits(dv, iv, iv + 1, { _ in u }) || !stretchFits(du, iu, iu + 1, { _ in v }) { continue }
            routes[dv][iv] = u
            routes[du][iu] = v
            refresh(dv)
            refresh(du)
            return true
        }
        return false
    }

    /// Reverses a stretch of day `d` when that saves travel and keeps the day feasible.
    ///
    /// With asymmetric travel the reversed inner legs are re-priced incrementally as the stretch grows.
    mutating func twoOpt(_ d: Int) -> Bool {
        var improved = false
        var i = 0
        while i < routes[d].count - 1 {
            var inner = 0
            var j = i + 1
            let k = routes[d].count
            while j < k && j - i <= 60 {
                let x = p.visitNode[routes[d][j - 1]], y = p.visitNode[routes[d][j]]
                inner += p.minutes(y, x) - p.minutes(x, y)
                // Reverse stops i...j; path positions i (before) and j+2 (after).
                let a = node(d, i), b = node(d, i + 1), c = node(d, j + 1), e = node(d, j + 2)
                let delta = p.minutes(a, c) + p.minutes(b, e) - p.minutes(a, b) - p.minutes(c, e) + inner
                if delta < 0 {
                    let route = routes[d]
                    if stretchFits(d, i, j + 1, { route[i + j - $0] }) {
                        applyStretch(d, i, j + 1) { route[i + j - $0] }
                        improved = true
                        break
                    }
                }
                j += 1
            }
            i += 1
        }
        return improved
    }

    /// Moves a stretch of 1–3 stops elsewhere in the same day when that saves travel.
    ///
    /// Granular: the stretch goes just before or after a near neighbour of its first stop.
    mutating func orOpt(_ d: Int) -> Bool {
        var improved = false
        for length in 1...3 {
            var i = 0
            while i + length <= routes[d].count {
                let a = node(d, i), b = node(d, i + 1), c = node(d, i + length), e = node(d, i + length + 1)
                let removeGain = p.minutes(a, b) + p.minutes(c, e) - p.minutes(a, e)
                if removeGain > 0 {
                    for u in neighbours[routes[d][i]] where dayOf[u] == d {
                        var moved = false
                        for j in posOf[u]...(posOf[u] + 1) where j < i || j > i + length {
                            // Insert between path positions j and j+1 (in the original numbering).
                            let x = node(d, j), y = node(d, j + 1)
                            let addCost = p.minutes(x, b) + p.minutes(c, y) - p.minutes(x, y)
                            if addCost >= removeGain { continue }
                            let lo = min(i, j), hi = max(i + length, j)
                            let route = routes[d]
                            if stretchFits(d, lo, hi, { Self.orOptStop($0, route, i, length, j) }) {
                                applyStretch(d, lo, hi) { Self.orOptStop($0, route, i, length, j) }
                                improved = true
                                moved = true
                                break
                            }
                        }
                        if moved { break }
                    }
                }
                i += 1
            }
        }
        return improved
    }

    /// The stop at position `t` of `route` once its stretch `i..<i+length` has moved to path position `j`
    /// (`orOpt`; positions between the old and the new place shift by the stretch's length).
    @inline(__always) static func orOptStop(_ t: Int, _ route: [Int], _ i: Int, _ length: Int, _ j: Int) -> Int {
        j < i
            ? (t < j + length ? route[i + t - j] : route[t - length])
            : (t < j - length ? route[t + length] : route[i + t - (j - length)])
    }

    // MARK: Driver

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
            progress(SearchProgress(elapsedSeconds: elapsed, remainingSeconds: clock.remaining,
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
    /// required visits (`abandoned`, see `improve`) skips that. On multi-day trips the best plan then gets
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
        if let limit = clock.limit, p.dayCount > 1 {
            clock = clock.limited(to: limit * Double(1000 - Tuning.chainShare) / 1000)
        }
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
        } while clock.limit != nil ? Tuning.stallRestart > 0 && !clock.expired
            : inAll > perSearch && roundsLeft * 3 >= perSearch
        requiredOnly = false
        countOptional = false
        clock = fullClock
        setRoutes(best)
        if p.dayCount > 1 {
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

/// A small, fast, seeded generator (SplitMix64) so that a search is repeatable.
struct SplitMix64: Sendable {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The search's tuning constants. Builds made with `-D TRIPPLAN_TRACE` read overrides from the environment
/// (`TRIPPLAN_TUNE_<NAME>`) so that variants can be compared without rebuilding; other builds use the values here.
enum Tuning {
    static let neighbours = value("NEIGHBOURS", 40)
    static let ruinCap = value("RUIN_CAP", 30)
    /// A multi-day ruin removes 2 to `placed / ruinDivisor + 1` visits, at most `ruinCap + 1`. Half the plan
    /// rather than a sixth: tuning trips, 1 s, seeds 1-64 x 2 search seeds, 25 places 29 better / 10 worse
    /// (+121 score), 50: 46 / 29 (+4 required), 100: 63 / 57 (+2 required, +210 score); at 200 the cap keeps
    /// it near where it was (30 rather than 25-30) and the runs differ by their spread (54 / 68, +1
    /// required, -62 score). Searches without a limit: more score at every size, in 45 ms rather than 28 at
    /// 25 places, 150 rather than 87 at 50.
    static let ruinDivisor = value("RUIN_DIV", 2)
    /// Relative weights of the ruin kinds on multi-day trips: a whole day, around a missing visit, a visit
    /// and its nearest neighbours, a missing visit forced into a cleared day (one-day trips always use the
    /// neighbours).
    static let ruinWeights = [value("W_DAY", 2), value("W_MISSING", 1), value("W_NEAR", 3), value("W_FORCE", 3)]
    static let noise = value("NOISE", 25)
    /// With a time limit, each fresh search that weighs score (not `countOptional`) reserves this many
    /// optional places, drawn by score: its required-only part plans them too, ranked below the required
    /// visits and above travel, so that it builds its days around them; then they are optional again.
    /// (Tuning trips, 1 s, one core, side by side with 0; seeds 1-32 with search seeds 1 and 2, 33-64 with
    /// 3 and 4: 25 places 19 better / 3 worse, -1 required visit, +105 score; 50 places 14 / 17, -1
    /// required, -7 score; 100 places 33 / 22, +1 required, +28 score. Counted as required visits instead,
    /// reserved places cost required visits: -2 at 25 places and -3 at 100 with two.)
    static let reserve = value("RESERVE", 2)
    /// With a time limit, a search whose required-only part hands over with fewer required visits than an
    /// earlier search found gives up there (1; 0: goes on): it could not win by optional score, and the
    /// time goes to a fresh search. (Tuning trips, 1 s, one core, side by side with 0; seeds 1-32 with
    /// search seeds 1 and 2, seeds 33-64 with 3 and 4, and at 50 places also seeds 1-32 with 3 and 4:
    /// 25 places 2 better / 0 worse; 50 places 17 / 6, +34 score; 100 places 36 / 21, +1 required visit,
    /// +35 score. 200-place searches do not start afresh within a second. Without a limit it never applies,
    /// so those plans are unchanged.)
    static let abandon = value("ABANDON", 1)
    /// With a time limit, every `countOptionalEvery`-th search started afresh (the first, the third, …
    /// for 2) counts optional visits rather than their score (`LocalSearch.countOptional`; 0: none).
    static let countOptionalEvery = value("COUNT_OPTIONAL_EVERY", 2)
    static let allowance = Double(value("ALLOWANCE_PERMILLE", 100)) / 1000
    /// With a time limit the allowance is 40 %. A search started afresh lasts until it stalls, which on
    /// small trips is a small part of the time to the limit, so its allowance hardly shrinks; the plans
    /// with more visits were often far longer ones, which 10 % kept out of reach. (Tuning trips, 1 s,
    /// seeds 1-64, search seeds 1 and 2, side by side with 10 %: 25 places 11 better / 1 worse, +4
    /// required visits, +16 score, and with search seeds 3 and 4 12 / 4, +3 required; 50 places with
    /// search seeds 3 and 4 24 / 18, +16 score (the same build against itself gave 20 / 7 there); 100
    /// places 56 / 47, +2 required, +99 score; 200 places 61 / 51, +3 required, +198 score. 30 % and 60 %
    /// were close behind at 25 and 50 places. Without a limit 30 % did no better, 25 to 200 places 35
    /// trips better and 33 worse, as many required visits, so 10 % stays there.)
    static let limitedAllowance = Double(value("LIMITED_ALLOWANCE_PERMILLE", 400)) / 1000
    /// Percent of the rounds, once optional visits are in, that aim at a missing optional visit even while
    /// required ones are missing.
    static let optionalTarget = value("OPTIONAL_TARGET", 50)
    static let requiredFirst = value("REQUIRED_FIRST_PERMILLE", 500)
    static let restarts = value("RESTARTS", 3)
    /// With a time limit, a search that finds no new best for `stallRestart` times a third of
    /// `restartWork / visits` rounds (within `roundsMin...roundsMax`) starts afresh (0: never); see `run`.
    /// (That was the wait of a search without a limit until its rounds were raised, below.)
    static let stallRestart = value("STALL_RESTART", 1)
    static let restartWork = value("RESTART_WORK", 100_000)
    /// ... and at least `stallPerPlace` / 10 rounds per place: on large trips a round changes a smaller
    /// share of the plan (tuning trips of 200 places, seeds 1-32 x 2 search seeds, 1 s: 38 better, 24
    /// worse, +119 optional score; below about 115 places the rounds-based wait is longer anyway).
    static let stallPerPlace = value("STALL_PER_PLACE", 25)
    /// Rounds of a search without a time limit: `roundsWork / visits`, within `roundsMin...roundsMax`;
    /// 2000 up to 200 visits. (Rather than `100_000 / visits`, which gave 1000 at 100 visits and 500 at
    /// 200: tuning trips, seeds 1-32, 100 places 21 better / 7 worse, +1 required visit, +74 score; 200
    /// places 31 / 1, +2 required, +322 score; 0.6 s rather than 0.4 at 100 places and 1.0 s rather than
    /// 0.4 at 200 on the benchmark machine. Up to 50 visits it is 2000 either way. 4000 rounds at 100
    /// places found no more: 15 better, 17 worse.)
    static let roundsWork = value("ROUNDS_WORK", 400_000)
    static let roundsMin = value("ROUNDS_MIN", 300)
    static let roundsMax = value("ROUNDS_MAX", 2000)
    /// Without a time limit, the searches afresh after a stall share `LocalSearch.roundsInAll` rounds.
    /// (Tuning trips, seeds 1-32, against one search: 50 places 12 better / 1 worse, +2 required, +31
    /// score; seeds 33-64: 15 / 1, +1 required, +38; 100 places, about 3000 rounds in all, seeds 1-32:
    /// 7 / 2, +1 required, +13 score. 0.7 s rather than 0.35 at 50 places and 0.9 rather than 0.6 at 100
    /// on the benchmark machine. At 25 places it gained less for 2.5 times the time, 0.2 s rather than
    /// 0.08: 3 / 1, +19 score and 5 / 0, +17; and the tests' trips, in a debug build, took three times
    /// as long. So not below 40 visits, nor on one-day trips, where it was not measured.)
    static let freshRounds = value("FRESH_ROUNDS", 3)
    static let freshWork = value("FRESH_WORK", 300_000)
    static let freshFrom = value("FRESH_FROM", 40)
    /// Re-planning pairs of days exactly (`repackPairs`): at most `repackPasses` passes over the pairs, at
    /// most `repackPool` visits in a pair's pool, only pairs with room for an unplaced visit
    /// (`repackNeedUnplaced`). With a time limit it follows every search that stalls in time, for at most
    /// `repackShare` % of that search's time; without one it follows the search, for at most `repackLabels`
    /// labels of the day DP (about a quarter of a second on the benchmark machine).
    static let repackPasses = value("REPACK_PASSES", 3)
    static let repackPool = value("REPACK_POOL", 16)
    static let repackShare = value("REPACK_SHARE", 50)
    static let repackNeedUnplaced = value("REPACK_NEED_UNPLACED", 1)
    static let repackLabels = value("REPACK_LABELS", 500_000)
    /// Ejection chains on the best plan of a multi-day trip (`placeByChains`): at most `chainDepth` links, at
    /// most `chainBudget` links priced per unplaced visit, and with a time limit `chainShare` ‰ of it held
    /// back for them. (Tuning trips, 1 s, seeds 1-32, search seeds 1 and 2, one core each, side by side
    /// with no chains: 5 % held back, 200 places 38 better / 25 worse, -1 required visit, +253 score, and
    /// without the local search after them 42 / 21, +238; 100 places 32 / 16, +82 and 32 / 13, -1
    /// required, +144; 50 places 11 / 7, +21; 25 places the same plans. 3 %: 200 places 45 / 19, +2
    /// required, +132; 100 places 23 / 20, -1 required, +120. 8 %: 200 places 29 / 35, +28; 100 places
    /// 30 / 17, +8. 10 %: 200 places 43 / 21, -1 required, +138; 20 %: 36 / 28, +60. Four links rather
    /// than eight: 200 places 34 / 29, -3 required, +87; 100 places 18 / 23. Chains tried inside every
    /// round of the search, three links, after each ejection that fails: 200 places 5 / 59, -855 score.)
    static let chainShare = value("CHAIN_SHARE", 50)
    static let chainDepth = value("CHAIN_DEPTH", 8)
    static let chainBudget = value("CHAIN_BUDGET", 200_000)
    private static func value(_ name: String, _ standard: Int) -> Int {
        #if TRIPPLAN_TRACE
        if let text = ProcessInfo.processInfo.environment["TRIPPLAN_TUNE_" + name], let number = Int(text) { return number }
        #endif
        return standard
    }
}
