/// Re-plans two days at once, exactly: over the stops of both days and the unplaced visits open on either,
/// the best pair of routes (required visits, then score, then travel, then the days' arrivals).
///
/// A move across days that the local search's moves rarely make: a day gives up stops that the other day
/// takes, so that room opens for a place neither could fit before. Each day's routes come from a
/// label-setting DP over the pool's subsets (`feasibleSets`), kept sparse: only orders that fit the
/// windows, the lunch rule and the day's end are ever built. The two days are then joined over disjoint
/// subsets by a sum over subsets (2ⁿ·n for a pool of n visits).
struct DayPairRepack {
    let p: ScheduleProblem
    /// At most this many visits in a pair's pool; pairs whose stops alone exceed it are left as they are.
    static let poolCap = 16
    /// A day DP that builds more labels than this gives up (memory and time bound; the pair is skipped):
    /// about 11 MB of labels (28 bytes each).
    static let labelCap = 400_000

    /// The cheapest order of every subset a day can visit (bit i = `pool[i]`).
    struct DaySets {
        /// Per subset: least travel (`never` when no order fits), the day's arrival, the order's last label.
        var travel: [Int]
        var arrival: [Int]
        var label: [Int]
        /// The DP's labels, each with the label before it (-1: the day's first stop) and its visit (an index
        /// into the pool): taken over from the DP rather than copied, as they are the most of its memory.
        fileprivate var labels: [Label] = []

        /// The order found for `mask`, as visits of `pool`.
        func order(_ mask: Int, pool: [Int]) -> [Int] {
            var stops: [Int] = []
            var id = label[mask]
            while id >= 0 {
                stops.append(pool[Int(labels[id].visit)])
                id = Int(labels[id].parent)
            }
            return stops.reversed()
        }
    }

    /// Labels of the day DP: travel so far and the two ready times (lunch due / taken) after the last visit.
    /// One record per label, so that the walk along a subset's chain reads one cache line per label; in
    /// 28 bytes (32-bit minutes) rather than 48, as the labels are most of the DP's memory (up to `labelCap`).
    fileprivate struct Label {
        /// A day's travel and ready times are minutes of the day (a label is built only when its visit starts
        /// within a window); `never` is stored as `Int32.max`, which keeps their order.
        private var travelMinutes: Int32
        private var readyDue: Int32
        private var readyTaken: Int32
        var mask: Int32
        /// The label before it (-1: the day's first stop), and the next older label of the same subset.
        var parent: Int32
        var next: Int32
        /// The visit, an index into the pool (at most `poolCap`).
        var visit: Int16
        /// Dominated after it was built.
        var dead: Bool

        init(travel: Int, readyN: Int, readyY: Int, mask: Int, visit: Int, parent: Int, next: Int32) {
            travelMinutes = Self.stored(travel)
            readyDue = Self.stored(readyN)
            readyTaken = Self.stored(readyY)
            self.mask = Int32(mask)
            self.parent = Int32(parent)
            self.next = next
            self.visit = Int16(visit)
            dead = false
        }

        var travel: Int { Self.minutes(travelMinutes) }
        var readyN: Int { Self.minutes(readyDue) }
        var readyY: Int { Self.minutes(readyTaken) }

        private static func stored(_ minutes: Int) -> Int32 {
            if minutes >= ScheduleProblem.never { return .max }
            assert(minutes < Int(Int32.max), "minutes of a day")
            return Int32(clamping: minutes)
        }

        private static func minutes(_ stored: Int32) -> Int { stored == .max ? ScheduleProblem.never : Int(stored) }
    }

    /// The labels; `head` holds the newest label of each subset (chained newest first through `next`).
    private struct Labels {
        var all: [Label] = []
        /// The newest label of each subset (-1: none).
        var head: [Int32]
        /// The labels built in the current layer.
        var layer: [Int] = []

        init(poolSize n: Int) { head = Array(repeating: -1, count: 1 << n) }

        /// Adds a label unless one of the same subset and last visit is at least as good in all three.
        mutating func add(_ t: Int, _ tN: Int, _ tY: Int, _ m: Int, _ i: Int, _ from: Int) {
            var id = Int(head[m])
            while id >= 0 {
                let other = all[id]
                if Int(other.visit) == i && !other.dead {
                    if other.travel <= t && other.readyN <= tN && other.readyY <= tY { return }
                    if t <= other.travel && tN <= other.readyN && tY <= other.readyY { all[id].dead = true }
                }
                id = Int(other.next)
            }
            all.append(Label(travel: t, readyN: tN, readyY: tY, mask: m, visit: i, parent: from, next: head[m]))
            head[m] = Int32(all.count - 1)
            layer.append(all.count - 1)
        }
    }

    /// The day DP; nil when it outgrows `labelCap`, `work` reaches `budget` or the clock runs out. `work`
    /// counts the labels built, a measure of effort that, unlike the clock, gives the same answer every time.
    func feasibleSets(day d: Int, pool: [Int], clock: SearchClock, work: inout Int, budget: Int = .max) -> DaySets? {
        let never = ScheduleProblem.never
        let n = pool.count
        var sets = DaySets(travel: Array(repeating: never, count: 1 << n), arrival: Array(repeating: never, count: 1 << n),
                           label: Array(repeating: -1, count: 1 << n))
        let (startN, startY) = p.startState(day: d)
        let empty = p.arrival(at: d, readyDue: startN, readyTaken: startY, from: p.dayFrom[d])
        if empty < never {
            sets.travel[0] = p.minutes(p.dayFrom[d], p.dayTo[d])
            sets.arrival[0] = empty
        }
        let open = (0..<n).filter { p.isOpen(d, pool[$0]) }
        var openBits = 0
        for i in open { openBits |= 1 << i }
        // Per pool visit: its node, and its latest start on the day. A group that arrives later in both
        // states cannot visit it, which this checks before the step (`step` would find the same).
        let poolNode = pool.map { p.visitNode[$0] }
        let lastStart = pool.map { p.lastStart(d, $0) }
        var labels = Labels(poolSize: n)
        // With the triangle inequality, a group that can no longer reach the day's end in time never will.
        let prune = p.obeysTriangleInequality
        @inline(__always) func reachable(_ tN: Int, _ tY: Int, _ j: Int) -> Bool {
            !prune || p.arrival(at: d, readyDue: tN, readyTaken: tY, from: p.visitNode[pool[j]]) < never
        }
        for i in open {
            let (tN, tY) = p.step(day: d, pool[i], startN, startY, from: p.dayFrom[d])
            if tY < never && reachable(tN, tY, i) {
                labels.add(p.minutes(p.dayFrom[d], p.visitNode[pool[i]]), tN, tY, 1 << i, i, -1)
            }
        }
        var current: [Int] = []
        while !labels.layer.isEmpty {
            swap(&current, &labels.layer)
            labels.layer.removeAll(keepingCapacity: true)
            work += current.count
            if work >= budget { return nil }
            for (k, id) in current.enumerated() where !labels.all[id].dead {
                // Within the layer too: a layer may hold far more labels than the one before it.
                if labels.all.count > Self.labelCap || (k & 1023 == 0 && clock.expired) { return nil }
                let label = labels.all[id]
                let m = Int(label.mask), node = p.visitNode[pool[Int(label.visit)]]
                let (t, tN, tY) = (label.travel, label.readyN, label.readyY)
                let end = p.arrival(at: d, readyDue: tN, readyTaken: tY, from: node)
                if end < never {
                    let total = t + p.minutes(node, p.dayTo[d])
                    if total < sets.travel[m] || (total == sets.travel[m] && end < sets.arrival[m]) {
                        (sets.travel[m], sets.arrival[m], sets.label[m]) = (total, end, id)
                    }
                }
                var rest = openBits & ~m
                while rest != 0 {
                    let j = rest.trailingZeroBitCount
                    rest &= rest - 1
                    let leg = p.minutes(node, poolNode[j])
                    if min(tN, tY) + leg > lastStart[j] { continue }
                    let (nN, nY) = p.step(day: d, pool[j], tN, tY, from: node)
                    if nY < never && reachable(nN, nY, j) {
                        labels.add(t + leg, nN, nY, m | 1 << j, j, id)
                    }
                }
            }
        }
        sets.labels = labels.all
        return sets
    }

    /// The best routes for days `a` and `b` over `pool` (their stops first); nil when no better than
    /// `current`, the pair's present score, or when a day DP gives up (`feasibleSets`).
    func repack(_ a: Int, _ b: Int, pool: [Int], current: PlanScore, clock: SearchClock,
                work: inout Int, budget: Int = .max) -> (PlanScore, [Int], [Int])? {
        let n = pool.count
        guard let first = feasibleSets(day: a, pool: pool, clock: clock, work: &work, budget: budget),
              let second = feasibleSets(day: b, pool: pool, clock: clock, work: &work, budget: budget) else { return nil }
        let never = ScheduleProblem.never
        let full = 1 << n
        // Value of a subset: required visits and score.
        var required = Array(repeating: 0, count: full), score = Array(repeating: 0, count: full)
        for m in 1..<full {
            let i = m.trailingZeroBitCount, rest = m & (m - 1)
            required[m] = required[rest] + (p.isRequired[pool[i]] ? 1 : 0)
            score[m] = score[rest] + (p.isRequired[pool[i]] ? 0 : p.score[pool[i]])
        }
        func key(_ m: Int, _ sets: DaySets) -> PlanScore {
            PlanScore(required: required[m], score: score[m], travel: sets.travel[m], finish: sets.arrival[m])
        }
        // The second day's subsets ranked best first (ties by subset), then best[m]: the best-ranked one
        // within m (Int.max: none), by a sum over subsets. Ranked by their keys written out once (more
        // required visits, more score, less travel, an earlier arrival: `PlanScore.isBetter`), not looked up
        // at each comparison.
        let ranked = (0..<full).filter { second.travel[$0] < never }
            .map { (required: -required[$0], score: -score[$0], travel: second.travel[$0], finish: second.arrival[$0], m: $0) }
            .sorted { ($0.required, $0.score, $0.travel, $0.finish, $0.m) < ($1.required, $1.score, $1.travel, $1.finish, $1.m) }
            .map(\.m)
        var best = Array(repeating: Int.max, count: full)
        for (r, m) in ranked.enumerated() { best[m] = r }
        best.withUnsafeMutableBufferPointer { best in
            for i in 0..<n {
                let bit = 1 << i
                for m in 0..<full where m & bit != 0 { best[m] = min(best[m], best[m ^ bit]) }
            }
        }
        var top = current
        var choice: (Int, Int)?
        for m in 0..<full where first.travel[m] < never && best[(full - 1) ^ m] < Int.max {
            let o = ranked[best[(full - 1) ^ m]]
            let x = key(m, first), y = key(o, second)
            let total = PlanScore(required: x.required + y.required, score: x.score + y.score,
                                  travel: x.travel + y.travel, finish: x.finish + y.finish)
            if total.isBetter(than: top) { (top, choice) = (total, (m, o)) }
        }
        guard let (m, o) = choice else { return nil }
        return (top, first.order(m, pool: pool), second.order(o, pool: pool))
    }
}
