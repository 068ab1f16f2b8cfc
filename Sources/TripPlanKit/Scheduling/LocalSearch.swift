import Foundation

/// The heuristic for trips too large for `ExactSolver`: insertion, local search and ruin-and-recreate (ILS).
///
/// Every move is first priced in constant time (travel delta from the matrix); only moves that would
/// improve the objective are checked for feasibility. A day keeps, per position, the group's earliest
/// ready times and latest arrival times in two states (lunch taken or still due; `ScheduleProblem.step`
/// and `latestArrivals`), so inserting a visit is checked exactly in constant time and changing a
/// stretch of a day in time linear in the stretch, lunch included.
/// Deterministic for a seed: the iteration budget scales with the size unless a time limit is given.
///
/// This file holds the state and its bookkeeping (the checks, insertion and recreate); the rest is in
/// `LocalSearch+Moves.swift` (the local search), `LocalSearch+Ejection.swift`,
/// `LocalSearch+EjectionChains.swift` and `LocalSearch+Driver.swift` (the search's course, `run`), with
/// the constants in `Tuning.swift`.
struct LocalSearch {
    let p: ScheduleProblem
    let candidates: [Int]
    var rng: SplitMix64
    /// The search's clock; `run` bounds its steps (a search, `repackPairs` after it, the packing) by shorter
    /// ones.
    var clock: SearchClock
    /// The clock with the search's whole time limit, for the progress reports' time left.
    let wholeClock: SearchClock
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
    /// arrival at the next stop, less the direct leg between them when travel obeys the triangle inequality
    /// (a detour through a visit is then no shorter than the leg); a visit longer than that fits nowhere in
    /// the day (-1: nothing fits).
    var room: [Int]
    /// Per day and position i (before stop i; i == k: before `to`): the group's latest arrival at the next
    /// stop less its earliest ready time at the one before and the leg between them. A visit fits there only
    /// if its length and its detour add up to no more; `noSlack` where nothing fits.
    var slack: [[Int]]
    static let noSlack = -(1 << 40)
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
    /// Per day: the routes the search's rounds left it (`remember`), for the re-plan of all days at once
    /// (`repackAllDays`), at most `Tuning.packMemory` a day, in the order first seen (a `Set`'s order changes
    /// from process to process, and the plan without a time limit must not); `routeKnown` holds the same
    /// routes as a set, to tell a new one.
    var routeMemory: [[[Int]]] = []
    var routeKnown: [Set<[Int]>] = []
    /// Per visit: `movable`'s last answer and the change count it was found at (-1: never).
    var movableStamp: [Int]
    var movableAnswer: [Bool]

    init(problem: ScheduleProblem, candidates: [Int], seed: UInt64, clock: SearchClock,
         progress: (@Sendable (SearchProgress) -> Void)?) {
        p = problem
        self.candidates = candidates
        rng = SplitMix64(seed: seed)
        self.clock = clock
        wholeClock = clock
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
        slack = readyDue
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
        let leg = p.obeysTriangleInequality
        var gaps: [Int] = []
        Swift.swap(&gaps, &slack[d])
        gaps.removeAll(keepingCapacity: true)
        for i in 0...route.count {
            let ready = min(due[i], taken[i]), latest = max(latestDue[d][i], latestTaken[d][i])
            guard ready < ScheduleProblem.never && latest >= 0 else { gaps.append(Self.noSlack); continue }
            let a = i == 0 ? p.dayFrom[d] : p.visitNode[route[i - 1]]
            let b = i == route.count ? p.dayTo[d] : p.visitNode[route[i]]
            let gap = latest - ready - p.minutes(a, b)
            gaps.append(gap)
            widest = max(widest, leg ? gap : latest - ready)
        }
        Swift.swap(&gaps, &slack[d])
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
    /// `delta`: the travel it adds there (`insertionDelta`), for a first check against the slack.
    @inline(__always) func fits(_ v: Int, _ d: Int, _ i: Int, delta: Int) -> Bool {
        // Arriving at the next stop takes at least the leg, the detour and the visit.
        if delta + p.duration[v] > slack[d][i] { return false }
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
                    if fits(v, d, i, delta: delta) { best = (i, delta) }
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
}
