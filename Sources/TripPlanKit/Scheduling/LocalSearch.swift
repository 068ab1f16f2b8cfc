/// The heuristic for trips too large for `ExactSolver`: insertion, local search and ruin-and-recreate (ILS).
///
/// Every move is first priced in constant time (travel delta from the matrix); only moves that would
/// improve the objective are checked for feasibility. Insertions are checked in constant time against
/// per-day forward (earliest end) and backward (latest start) times computed without lunch, which is exact
/// on days without lunch and a necessary condition on days with it (then a full pass confirms).
/// Deterministic for a seed: the iteration budget scales with the size unless a time limit is given.
struct LocalSearch {
    let p: ScheduleProblem
    let candidates: [Int]
    var rng: SplitMix64
    let clock: SearchClock
    let progress: (@Sendable (SearchProgress) -> Void)?

    var routes: [[Int]]
    /// Day of each visit, -1 when not placed.
    var dayOf: [Int]
    /// Per day: ready time after each stop without lunch (`[0]` = the day's start).
    var forward: [[Int]]
    /// Per day: latest start at each stop without lunch (`[k]` = the day's end at `to`).
    var backward: [[Int]]
    /// Per visit: other candidates by increasing travel time, a granular neighbourhood.
    let neighbours: [[Int]]
    /// Per visit: the days on which it fits alone.
    let aloneDays: [[Int]]
    /// Whether travel is the same both ways (then 2-opt need not re-price the reversed legs).
    let isSymmetric: Bool
    var scratch: [Int] = []
    var lastReport: Double = 0

    init(problem: ScheduleProblem, candidates: [Int], seed: UInt64, clock: SearchClock,
         progress: (@Sendable (SearchProgress) -> Void)?) {
        p = problem
        self.candidates = candidates
        rng = SplitMix64(seed: seed)
        self.clock = clock
        self.progress = progress
        routes = Array(repeating: [], count: problem.dayCount)
        dayOf = Array(repeating: -1, count: problem.visitCount)
        forward = Array(repeating: [], count: problem.dayCount)
        backward = Array(repeating: [], count: problem.dayCount)
        let k = min(candidates.count - 1, 40)
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
        var alone = Array(repeating: [Int](), count: problem.visitCount)
        for v in candidates {
            alone[v] = (0..<problem.dayCount).filter { problem.arrival(day: $0, [v]) < ScheduleProblem.never }
        }
        aloneDays = alone
        var symmetric = true
        for a in 0..<problem.nodeCount {
            for b in 0..<problem.nodeCount where problem.minutes(a, b) != problem.minutes(b, a) { symmetric = false }
        }
        isSymmetric = symmetric
        for d in 0..<problem.dayCount { refresh(d) }
    }

    // MARK: Bookkeeping

    mutating func refresh(_ d: Int) {
        let route = routes[d]
        let k = route.count
        var f = [Int](repeating: 0, count: k + 1)
        f[0] = p.dayStart[d]
        var prev = p.dayFrom[d]
        for i in 0..<k {
            let v = route[i]
            let s = p.earliestStart(d, v, f[i] + p.minutes(prev, p.visitNode[v]))
            f[i + 1] = s >= ScheduleProblem.never ? ScheduleProblem.never : s + p.duration[v]
            prev = p.visitNode[v]
        }
        var b = [Int](repeating: 0, count: k + 1)
        b[k] = p.dayEnd[d]
        var next = p.dayTo[d]
        for i in stride(from: k - 1, through: 0, by: -1) {
            let v = route[i]
            b[i] = p.latestStart(d, v, notAfter: b[i + 1] - p.minutes(p.visitNode[v], next) - p.duration[v])
            next = p.visitNode[v]
        }
        forward[d] = f
        backward[d] = b
        for v in route { dayOf[v] = d }
    }

    func node(_ d: Int, _ i: Int) -> Int {
        // Position i in 0...k+1 of the day's full path: 0 = from, k+1 = to, else the stop i-1.
        if i == 0 { return p.dayFrom[d] }
        if i == routes[d].count + 1 { return p.dayTo[d] }
        return p.visitNode[routes[d][i - 1]]
    }

    var score: PlanScore {
        var s = PlanScore(required: 0, score: 0, travel: 0, finish: 0)
        for d in 0..<p.dayCount {
            for v in routes[d] {
                if p.isRequired[v] { s.required += 1 } else { s.score += p.score[v] }
            }
            s.travel += p.travelMinutes(day: d, routes[d])
            let a = p.arrival(day: d, routes[d])
            s.finish += a < ScheduleProblem.never ? a : p.dayEnd[d]
        }
        return s
    }

    /// Travel added by putting `v` before stop `i` of day `d` (i == k: before `to`).
    @inline(__always) func insertionDelta(_ v: Int, _ d: Int, _ i: Int) -> Int {
        let a = node(d, i), b = node(d, i + 1), x = p.visitNode[v]
        return p.minutes(a, x) + p.minutes(x, b) - p.minutes(a, b)
    }

    /// Whether `v` fits before stop `i` of day `d`, the rest of the day unchanged.
    mutating func fits(_ v: Int, _ d: Int, _ i: Int) -> Bool {
        let a = p.earliestStart(d, v, forward[d][i] + p.minutes(node(d, i), p.visitNode[v]))
        if a >= ScheduleProblem.never { return false }
        if a + p.duration[v] + p.minutes(p.visitNode[v], node(d, i + 1)) > backward[d][i] { return false }
        if !p.hasLunch[d] { return true }
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: routes[d])
        scratch.insert(v, at: i)
        return p.arrival(day: d, scratch) < ScheduleProblem.never
    }

    /// The cheapest feasible insertion of `v`: (day, position, delta), or nil.
    mutating func bestInsertion(_ v: Int) -> (day: Int, at: Int, delta: Int)? {
        var best: (day: Int, at: Int, delta: Int)?
        for d in aloneDays[v] {
            for i in 0...routes[d].count {
                let delta = insertionDelta(v, d, i)
                if let b = best, delta >= b.delta { continue }
                if fits(v, d, i) { best = (d, i, delta) }
            }
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

    /// Inserts unplaced visits cheapest-first with regret: required ones, then optional by score.
    mutating func recreate(_ pool: [Int]) {
        var required = pool.filter { p.isRequired[$0] && dayOf[$0] < 0 }
        var optional = pool.filter { !p.isRequired[$0] && dayOf[$0] < 0 && p.score[$0] > 0 }
        for phase in 0..<2 {
            var list = phase == 0 ? required : optional
            while !list.isEmpty {
                var pick = -1
                var pickKey = Int.min
                var pickAt: (day: Int, at: Int, delta: Int)?
                var remaining: [Int] = []
                for (index, v) in list.enumerated() {
                    guard let at = bestInsertion(v) else { continue }
                    remaining.append(v)
                    // Fewest insertion options first would need a second pass; cheap regret: prefer the
                    // largest score per added minute for optional ones, the cheapest for required ones.
                    let key = phase == 0 ? -at.delta * 1024 - index : p.score[v] * 1_000_000 / (at.delta + 1)
                    if key > pickKey {
                        pickKey = key
                        pick = v
                        pickAt = at
                    }
                }
                guard pick >= 0, let at = pickAt else { break }
                insert(pick, at.day, at.at)
                remaining.removeAll { $0 == pick }
                list = remaining
            }
            if phase == 0 { required = list } else { optional = list }
        }
    }

    // MARK: Local search

    /// Applies improving relocations, swaps, 2-opt and or-opt moves until none is left.
    mutating func descend() {
        var improved = true
        var rounds = 0
        while improved && rounds < 50 {
            improved = false
            rounds += 1
            if clock.expired { return }
            for v in candidates where dayOf[v] >= 0 {
                if relocate(v) { improved = true }
            }
            for d in 0..<p.dayCount where routes[d].count >= 2 {
                if twoOpt(d) { improved = true }
                if orOpt(d) { improved = true }
            }
            for v in candidates where dayOf[v] >= 0 {
                if swap(v) { improved = true }
            }
            let before = score
            recreate(candidates)
            if score.isBetter(than: before) { improved = true }
        }
    }

    /// Moves `v` next to one of its neighbours (or to a day's ends) when that saves travel.
    mutating func relocate(_ v: Int) -> Bool {
        let d1 = dayOf[v]
        guard let i1 = routes[d1].firstIndex(of: v) else { return false }
        let prev = node(d1, i1), next = node(d1, i1 + 2), x = p.visitNode[v]
        let gain = p.minutes(prev, x) + p.minutes(x, next) - p.minutes(prev, next)
        if gain <= 0 { return false }
        routes[d1].remove(at: i1)
        refresh(d1)
        // Removal may break a day only without the triangle inequality; then put it back.
        if p.arrival(day: d1, routes[d1]) >= ScheduleProblem.never {
            routes[d1].insert(v, at: i1)
            refresh(d1)
            return false
        }
        var best: (day: Int, at: Int, delta: Int)?
        func consider(_ d: Int, _ i: Int, _ s: inout LocalSearch) {
            let delta = s.insertionDelta(v, d, i)
            if delta >= gain { return }
            if let b = best, delta >= b.delta { return }
            if d == d1 && i == i1 { return }
            if s.fits(v, d, i) { best = (d, i, delta) }
        }
        for u in neighbours[v] where dayOf[u] >= 0 {
            let d = dayOf[u]
            guard aloneDays[v].contains(d), let j = routes[d].firstIndex(of: u) else { continue }
            consider(d, j, &self)
            consider(d, j + 1, &self)
        }
        for d in aloneDays[v] {
            consider(d, 0, &self)
            consider(d, routes[d].count, &self)
        }
        if let b = best {
            insert(v, b.day, b.at)
            return true
        }
        routes[d1].insert(v, at: i1)
        refresh(d1)
        return false
    }

    /// Exchanges `v` with a neighbour (same or another day) when that saves travel.
    mutating func swap(_ v: Int) -> Bool {
        for u in neighbours[v] where dayOf[u] >= 0 && dayOf[v] >= 0 {
            let dv = dayOf[v], du = dayOf[u]
            guard let iv = routes[dv].firstIndex(of: v), let iu = routes[du].firstIndex(of: u) else { continue }
            if dv == du && abs(iv - iu) <= 1 { continue }
            if dv != du && (!aloneDays[v].contains(du) || !aloneDays[u].contains(dv)) { continue }
            let before = p.travelMinutes(day: dv, routes[dv]) + (dv == du ? 0 : p.travelMinutes(day: du, routes[du]))
            var rv = routes[dv]
            var ru = routes[du]
            if dv == du {
                rv.swapAt(iv, iu)
                ru = rv
            } else {
                rv[iv] = u
                ru[iu] = v
            }
            let after = p.travelMinutes(day: dv, rv) + (dv == du ? 0 : p.travelMinutes(day: du, ru))
            if after >= before { continue }
            if p.arrival(day: dv, rv) >= ScheduleProblem.never { continue }
            if dv != du && p.arrival(day: du, ru) >= ScheduleProblem.never { continue }
            routes[dv] = rv
            if dv != du { routes[du] = ru }
            refresh(dv)
            refresh(du)
            return true
        }
        return false
    }

    /// Reverses a stretch of day `d` when that saves travel and keeps the day feasible.
    mutating func twoOpt(_ d: Int) -> Bool {
        let k = routes[d].count
        var improved = false
        var i = 0
        while i < k - 1 {
            var j = i + 1
            while j < k {
                // Reverse stops i...j; path positions i (before) and j+2 (after).
                let a = node(d, i), b = node(d, i + 1), c = node(d, j + 1), e = node(d, j + 2)
                var delta = p.minutes(a, c) + p.minutes(b, e) - p.minutes(a, b) - p.minutes(c, e)
                // Asymmetric travel: the reversed inner legs change too.
                if delta < 0 || !isSymmetric {
                    var inner = 0
                    for t in i..<j {
                        let x = p.visitNode[routes[d][t]], y = p.visitNode[routes[d][t + 1]]
                        inner += p.minutes(y, x) - p.minutes(x, y)
                    }
                    delta += inner
                }
                if delta < 0 {
                    scratch.removeAll(keepingCapacity: true)
                    scratch.append(contentsOf: routes[d])
                    scratch[i...j].reverse()
                    if p.arrival(day: d, scratch) < ScheduleProblem.never {
                        routes[d] = scratch
                        refresh(d)
                        improved = true
                    }
                }
                j += 1
            }
            i += 1
        }
        return improved
    }

    /// Moves a stretch of 1–3 stops elsewhere in the same day when that saves travel.
    mutating func orOpt(_ d: Int) -> Bool {
        var improved = false
        for length in 1...3 {
            let k = routes[d].count
            if length >= k { break }
            var i = 0
            while i + length <= routes[d].count {
                let kk = routes[d].count
                let a = node(d, i), b = node(d, i + 1), c = node(d, i + length), e = node(d, i + length + 1)
                let removeGain = p.minutes(a, b) + p.minutes(c, e) - p.minutes(a, e)
                if removeGain > 0 {
                    var done = false
                    for j in 0...kk where !done && (j < i || j > i + length) {
                        // Insert between path positions j and j+1 (in the original numbering).
                        let x = node(d, j), y = node(d, j + 1)
                        let addCost = p.minutes(x, b) + p.minutes(c, y) - p.minutes(x, y)
                        if addCost >= removeGain { continue }
                        scratch.removeAll(keepingCapacity: true)
                        let segment = routes[d][i..<(i + length)]
                        for (t, v) in routes[d].enumerated() {
                            if t == j { scratch.append(contentsOf: segment) }
                            if t < i || t >= i + length { scratch.append(v) }
                        }
                        if j == kk { scratch.append(contentsOf: segment) }
                        if p.arrival(day: d, scratch) < ScheduleProblem.never
                            && p.travelMinutes(day: d, scratch) < p.travelMinutes(day: d, routes[d]) {
                            routes[d] = scratch
                            refresh(d)
                            improved = true
                            done = true
                        }
                    }
                }
                i += 1
            }
        }
        return improved
    }


    // MARK: Driver

    mutating func report(best: PlanScore, placed: Int) {
        guard let progress else { return }
        let elapsed = clock.elapsed
        if elapsed - lastReport >= 1 {
            lastReport = elapsed
            progress(SearchProgress(elapsedSeconds: elapsed, remainingSeconds: clock.remaining,
                                    visitsPlaced: placed, bestTravelMinutes: best.travel))
        }
    }

    mutating func run() -> [[Int]] {
        recreate(candidates)
        descend()
        var best = routes
        var bestScore = score
        var currentScore = bestScore
        let iterations = clock.limit == nil ? 50 + 2 * candidates.count : Int.max
        var iteration = 0
        while iteration < iterations && !clock.expired {
            iteration += 1
            let saved = routes
            // Ruin: a seed visit and some of its neighbours, then recreate and descend.
            let placedList = candidates.filter { dayOf[$0] >= 0 }
            if placedList.isEmpty { break }
            let seed = placedList[Int(rng.next() % UInt64(placedList.count))]
            let count = 2 + Int(rng.next() % UInt64(min(10, max(1, placedList.count / 4))))
            var removed = [seed]
            for u in neighbours[seed] where removed.count < count && dayOf[u] >= 0 { removed.append(u) }
            for v in removed { remove(v) }
            recreate(candidates)
            descend()
            let s = score
            if s.isBetter(than: currentScore) || s == currentScore {
                currentScore = s
                if s.isBetter(than: bestScore) {
                    bestScore = s
                    best = routes
                }
            } else {
                routes = saved
                for v in candidates { dayOf[v] = -1 }
                for d in 0..<p.dayCount { refresh(d) }
            }
            report(best: bestScore, placed: bestScore.required)
        }
        return best
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
