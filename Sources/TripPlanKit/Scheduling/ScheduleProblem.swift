/// A trip compiled once into flat integer arrays for the solvers.
///
/// Visits are numbered `0..<visitCount` in `Trip.placesToVisit` order; nodes follow `Trip.places` (the travel
/// matrix's indices). Per (day, visit) the usable windows are kept as `(open, latestStart)` pairs where
/// `latestStart = close - visitMinutes`; windows shorter than the visit are dropped here, so a visit may start
/// at any `s` with `open ≤ s ≤ latestStart` of one of them.
struct ScheduleProblem: Sendable {
    /// "Never" in minutes; large enough to compare, small enough not to overflow when added to.
    static let never = Int.max / 4

    let nodeCount: Int
    let travel: [Int]
    /// `travel` for the search (`minutes`, `detour`).
    private let legs: LegTable
    let visitIDs: [Place.ID]
    let visitNode: FrozenTable<Int>
    let duration: FrozenTable<Int>
    let isRequired: [Bool]
    let score: [Int]
    let dayCount: Int
    let dayFrom: [Int]
    let dayTo: [Int]
    let dayStart: [Int]
    let dayEnd: FrozenTable<Int>
    let hasLunch: FrozenTable<Bool>
    let lunchFrom: FrozenTable<Int>
    let lunchTo: FrozenTable<Int>
    let lunchLength: FrozenTable<Int>
    /// Index into `windowOpen`/`windowLatest` for `day * visitCount + visit`; one extra entry at the end.
    let windowOffset: FrozenTable<Int>
    let windowOpen: FrozenTable<Int>
    let windowLatest: FrozenTable<Int>

    var visitCount: Int { visitNode.count }

    init(trip: Trip, travel matrix: TravelMatrix) {
        nodeCount = matrix.count
        travel = matrix.minutes
        legs = LegTable(minutes: matrix.minutes, nodeCount: matrix.count)
        var seen: Set<Place.ID> = []
        let ids = trip.placesToVisit.filter { matrix.index[$0] != nil && seen.insert($0).inserted }
        visitIDs = ids
        let places = ids.map { trip.place($0) }
        visitNode = FrozenTable(ids.map { matrix.index[$0]! })
        let duration = places.map { max(0, $0?.visitMinutes ?? 0) }
        self.duration = FrozenTable(duration)
        isRequired = places.map { $0?.required ?? true }
        score = places.map { $0?.score ?? 0 }
        let days = trip.resolvedDays
        dayCount = days.count
        dayFrom = days.map { matrix.index[$0.from] ?? 0 }
        dayTo = days.map { matrix.index[$0.to] ?? 0 }
        dayStart = days.map(\.start.minutes)
        dayEnd = FrozenTable(days.map(\.end.minutes))
        var hasLunch: [Bool] = [], lunchFrom: [Int] = [], lunchTo: [Int] = [], lunchLength: [Int] = []
        for day in days {
            if let lunch = trip.lunch, lunch.minutes > 0, day.start <= lunch.from, day.end >= lunch.to,
               lunch.to.minutes - lunch.from.minutes >= lunch.minutes {
                hasLunch.append(true)
                lunchFrom.append(lunch.from.minutes)
                lunchTo.append(lunch.to.minutes)
                lunchLength.append(lunch.minutes)
            } else {
                hasLunch.append(false)
                lunchFrom.append(0)
                lunchTo.append(0)
                lunchLength.append(0)
            }
        }
        self.hasLunch = FrozenTable(hasLunch)
        self.lunchFrom = FrozenTable(lunchFrom)
        self.lunchTo = FrozenTable(lunchTo)
        self.lunchLength = FrozenTable(lunchLength)
        var offset: [Int] = [0], open: [Int] = [], latest: [Int] = []
        for day in days {
            for (v, place) in places.enumerated() {
                for window in place?.windows(on: day.date) ?? [] where window.minutes >= duration[v] {
                    open.append(window.from.minutes)
                    latest.append(window.to.minutes - duration[v])
                }
                offset.append(open.count)
            }
        }
        windowOffset = FrozenTable(offset)
        windowOpen = FrozenTable(open)
        windowLatest = FrozenTable(latest)
        obeysTriangleInequality = Self.triangleInequalityHolds(travel: travel, nodeCount: nodeCount,
                                                               nodes: Set(visitNode).union(dayFrom).union(dayTo))
    }

    @inline(__always) func minutes(_ a: Int, _ b: Int) -> Int {
        assert(a >= 0 && a < nodeCount && b >= 0 && b < nodeCount, "a leg between nodes of the trip")
        return Int(legs.from[a &* nodeCount &+ b])
    }

    /// Travel added by going a → x → b rather than a → b.
    @inline(__always) func detour(_ a: Int, _ x: Int, _ b: Int) -> Int {
        assert(a >= 0 && a < nodeCount && b >= 0 && b < nodeCount && x >= 0 && x < nodeCount, "nodes of the trip")
        let row = x &* nodeCount
        return Int(legs.into[row &+ a]) + Int(legs.from[row &+ b]) - Int(legs.from[a &* nodeCount &+ b])
    }

    /// Whether no leg between the trip's endpoints and visits is slower than a detour through a third.
    ///
    /// When it holds, a visit that does not fit alone on a day fits in no route of that day.
    let obeysTriangleInequality: Bool

    private static func triangleInequalityHolds(travel: [Int], nodeCount: Int, nodes used: Set<Int>) -> Bool {
        let list = used.sorted()
        let n = list.count
        // A dense copy of the legs between them (a place to itself: 0), so that the innermost loop runs
        // over contiguous rows.
        var legs = [Int](repeating: 0, count: n * n)
        for (i, a) in list.enumerated() {
            for (j, b) in list.enumerated() where j != i { legs[i * n + j] = travel[a * nodeCount + b] }
        }
        return legs.withUnsafeBufferPointer { m in
            for a in 0..<n {
                for b in 0..<n where b != a {
                    // With no negative leg and a zero diagonal, c == a or c == b never breaks the inequality.
                    // A branch-free minimum over the row; wrapping arithmetic cannot wrap, as trip files
                    // hold at most 2^53 minutes a leg.
                    let ab = m[a * n + b]
                    var slack = Int.max
                    for c in 0..<n { slack = min(slack, ab &+ m[b * n + c] &- m[a * n + c]) }
                    if slack < 0 { return false }
                }
            }
            return true
        }
    }

    /// The earliest start of visit `v` on day `d` for a group ready at `ready`, or `never`.
    @inline(__always) func earliestStart(_ d: Int, _ v: Int, _ ready: Int) -> Int {
        let base = d * visitCount + v
        var w = windowOffset[base]
        let e = windowOffset[base + 1]
        while w < e {
            if windowLatest[w] >= ready { return max(ready, windowOpen[w]) }
            w += 1
        }
        return ScheduleProblem.never
    }

    /// The latest start of visit `v` on day `d`, or -1 when it is closed that day.
    @inline(__always) func lastStart(_ d: Int, _ v: Int) -> Int {
        let base = d * visitCount + v
        var latest = -1
        for w in windowOffset[base]..<windowOffset[base + 1] { latest = max(latest, windowLatest[w]) }
        return latest
    }

    /// The latest start of visit `v` on day `d` that is not after `limit`, or -1 when none.
    @inline(__always) func latestStart(_ d: Int, _ v: Int, notAfter limit: Int) -> Int {
        let base = d * visitCount + v
        var w = windowOffset[base + 1] - 1
        let s = windowOffset[base]
        while w >= s {
            if windowOpen[w] <= limit { return min(limit, windowLatest[w]) }
            w -= 1
        }
        return -1
    }

    /// Whether visit `v` has any usable window on day `d`.
    @inline(__always) func isOpen(_ d: Int, _ v: Int) -> Bool {
        windowOffset[d * visitCount + v] < windowOffset[d * visitCount + v + 1]
    }

    /// The end of a lunch begun no earlier than `t`, or `never` when it no longer fits the lunch window.
    @inline(__always) func lunchEnd(_ d: Int, _ t: Int) -> Int {
        let f = max(t, lunchFrom[d]) + lunchLength[d]
        return f <= lunchTo[d] ? f : ScheduleProblem.never
    }

    /// The earliest arrival at the day's `to` for the visits in `route`, in order, or `never` when the route
    /// breaks a window, the lunch rule or the day's end.
    ///
    /// A forward pass with two states (lunch taken / not yet) at earliest times; every step is a
    /// non-decreasing function of time, so earliest times decide feasibility exactly.
    @inline(__always) func arrival<C: Collection>(day d: Int, _ route: C) -> Int where C.Element == Int {
        let a = pass(day: d, route, lateLunch: false)
        return a <= dayEnd[d] ? a : ScheduleProblem.never
    }

    /// The forward pass without the day's end; `lateLunch` lets the lunch end after its window (explanations only).
    func pass<C: Collection>(day d: Int, _ route: C, lateLunch: Bool) -> Int where C.Element == Int {
        let never = ScheduleProblem.never
        var (tN, tY) = startState(day: d, lateLunch: lateLunch)
        var prev = dayFrom[d]
        for v in route {
            (tN, tY) = step(day: d, v, tN, tY, from: prev, lateLunch: lateLunch)
            if tY >= never { return never }
            prev = visitNode[v]
        }
        return reachEnd(day: d, tN, tY, from: prev, lateLunch: lateLunch)
    }

    /// The arrival at day `d`'s `to` of a group ready at `prev` at `tN` (lunch due) or `tY` (lunch taken),
    /// without the day's end: with lunch due, it counts only if the lunch still fits on arrival.
    @inline(__always) func reachEnd(day d: Int, _ tN: Int, _ tY: Int, from prev: Int, lateLunch: Bool = false) -> Int {
        let never = ScheduleProblem.never
        let c = minutes(prev, dayTo[d])
        var a = tY >= never ? never : tY + c
        if hasLunch[d], tN < never {
            let aN = tN + c
            if aN < a && lunchDone(d, aN, lateLunch: lateLunch) < never { a = aN }
        }
        return a
    }

    /// `reachEnd` within the day's end, else `never`.
    @inline(__always) func arrival(at d: Int, readyDue tN: Int, readyTaken tY: Int, from prev: Int) -> Int {
        let a = reachEnd(day: d, tN, tY, from: prev)
        return a <= dayEnd[d] ? a : ScheduleProblem.never
    }

    /// The end of a lunch begun no earlier than `t`; with `late` it may run past its window.
    @inline(__always) func lunchDone(_ d: Int, _ t: Int, lateLunch late: Bool) -> Int {
        late ? (t >= ScheduleProblem.never ? ScheduleProblem.never : max(t, lunchFrom[d]) + lunchLength[d]) : lunchEnd(d, t)
    }

    /// The group's two ready times when day `d` begins: lunch not yet taken, lunch taken (at the start).
    @inline(__always) func startState(day d: Int, lateLunch: Bool = false) -> (Int, Int) {
        hasLunch[d] ? (dayStart[d], lunchDone(d, dayStart[d], lateLunch: lateLunch)) : (ScheduleProblem.never, dayStart[d])
    }

    /// One stop of the two-state pass: ready at `prev` at `tN` (lunch not yet taken) or `tY` (taken), the
    /// group travels to `v`, may lunch on arrival, visits, may lunch after; returns the two ready times at `v`
    /// (`never` when a state cannot make it). Every step is non-decreasing in time, so earliest times decide.
    @inline(__always) func step(day d: Int, _ v: Int, _ tN: Int, _ tY: Int, from prev: Int, lateLunch: Bool = false) -> (Int, Int) {
        let never = ScheduleProblem.never
        let c = minutes(prev, visitNode[v])
        if !hasLunch[d] {
            let s = tY >= never ? never : earliestStart(d, v, tY + c)
            return (never, s >= never ? never : s + duration[v])
        }
        let aN = tN >= never ? never : tN + c
        let aY = tY >= never ? never : tY + c
        let sN = aN >= never ? never : earliestStart(d, v, aN)
        let bY = min(aY, lunchDone(d, aN, lateLunch: lateLunch))
        let sY = bY >= never ? never : earliestStart(d, v, bY)
        let eN = sN >= never ? never : sN + duration[v]
        let eY = sY >= never ? never : sY + duration[v]
        return (eN, min(eY, lunchDone(d, eN, lateLunch: lateLunch)))
    }

    /// The latest arrival at the stop after which the rest `route[j...]` of day `d` (and then `to`) still
    /// fits, in the two states: lunch taken (`.taken`) or still to be taken (`.due`); negative when none.
    ///
    /// The backward twin of `step`: with lunch taken the group may wait and visit; with lunch due it may
    /// lunch on arrival, or visit and lunch after it, or carry the lunch on to later stops. Arrival at `to`
    /// with lunch due counts when the lunch still fits its window there (as in `pass`).
    func latestArrivals(day d: Int, _ route: [Int], taken: inout [Int], due: inout [Int]) {
        let k = route.count
        taken.removeAll(keepingCapacity: true)
        due.removeAll(keepingCapacity: true)
        taken.append(contentsOf: repeatElement(-1, count: k + 1))
        due.append(contentsOf: repeatElement(-1, count: k + 1))
        let lunch = hasLunch[d]
        let from = lunchFrom[d], to = lunchTo[d], length = lunchLength[d]
        /// The latest time to begin a lunch that ends by `limit` (and within its window), or -1.
        @inline(__always) func lunchBy(_ limit: Int) -> Int {
            let end = min(to, limit)
            return from + length <= end ? end - length : -1
        }
        taken[k] = dayEnd[d]
        due[k] = lunch ? min(dayEnd[d], to - length) : -1
        var next = dayTo[d]
        for j in stride(from: k - 1, through: 0, by: -1) {
            let v = route[j]
            let c = minutes(visitNode[v], next)
            let readyY = taken[j + 1] < 0 ? -1 : taken[j + 1] - c
            taken[j] = readyY < 0 ? -1 : latestStart(d, v, notAfter: readyY - duration[v])
            if lunch {
                var best = taken[j] < 0 ? -1 : lunchBy(taken[j])
                var ready = due[j + 1] < 0 ? -1 : due[j + 1] - c
                if readyY >= 0 { ready = max(ready, lunchBy(readyY)) }
                if ready >= 0 { best = max(best, latestStart(d, v, notAfter: ready - duration[v])) }
                due[j] = best
            }
            next = visitNode[v]
        }
    }

    /// Travel minutes of a day that visits `route` in order.
    func travelMinutes<C: Collection>(day d: Int, _ route: C) -> Int where C.Element == Int {
        var prev = dayFrom[d], total = 0
        for v in route {
            total += minutes(prev, visitNode[v])
            prev = visitNode[v]
        }
        return total + minutes(prev, dayTo[d])
    }

    /// How a route that breaks the rules goes wrong first, with lunch allowed to run late.
    enum Violation: Equatable {
        case none
        /// Arrives at `to` this many minutes after the day's end.
        case dayEnd(Int)
        /// Misses a window (a visit's last possible start, or the end of the lunch window) by this many minutes.
        case window(Int)

        var minutes: Int {
            switch self {
            case .none: return 0
            case let .dayEnd(m), let .window(m): return m
            }
        }
    }

    /// The first violation of `route` on day `d` when the group keeps going regardless.
    ///
    /// Used only to explain why a place does not fit, never by the search: first a missed opening window
    /// (without lunch), then the day's end (with lunch allowed to run late), else the lunch itself.
    func violation(day d: Int, _ route: [Int]) -> Violation {
        if arrival(day: d, route) < ScheduleProblem.never { return .none }
        var t = dayStart[d]
        var prev = dayFrom[d]
        var lunchLate = Int.max
        @inline(__always) func noteLunch(_ time: Int) {
            if hasLunch[d] { lunchLate = min(lunchLate, max(time, lunchFrom[d]) + lunchLength[d] - lunchTo[d]) }
        }
        noteLunch(t)
        for v in route {
            t += minutes(prev, visitNode[v])
            noteLunch(t)
            let s = earliestStart(d, v, t)
            if s >= ScheduleProblem.never {
                let last = latestStart(d, v, notAfter: Int.max / 8)
                return .window(max(1, t - last))
            }
            t = s + duration[v]
            noteLunch(t)
            prev = visitNode[v]
        }
        t += minutes(prev, dayTo[d])
        noteLunch(t)
        let relaxed = hasLunch[d] ? pass(day: d, route, lateLunch: true) : t
        if relaxed < ScheduleProblem.never && relaxed > dayEnd[d] { return .dayEnd(relaxed - dayEnd[d]) }
        return .window(max(1, lunchLate == Int.max ? 1 : lunchLate))
    }
}

/// The travel matrix in 32-bit integers for the search: half the memory of `ScheduleProblem.travel`, so that more
/// of a large trip's legs stay in the processor's cache; a leg over `Int32.max` minutes (4,000 years) is stored
/// as that, and no day holds such a leg either way. Twice: `from[a * n + b]` is the leg a → b, and `into[b * n +
/// a]` the same leg by destination, so that pricing one place between the stops of a day reads both of its
/// legs from one row (`ScheduleProblem.detour`).
///
/// Read through pointers, without bounds checks: `minutes` and `detour` run in every inner loop of the search
/// (about a third of the instructions of a search are bounds and overflow checks; these two are the most
/// frequent), and their indices are nodes of the trip, which debug builds assert. Immutable once built, so
/// it may be shared by searches on several threads.
final class LegTable: @unchecked Sendable {
    let from: UnsafeMutablePointer<Int32>
    let into: UnsafeMutablePointer<Int32>

    init(minutes: [Int], nodeCount n: Int) {
        precondition(minutes.count == n * n, "a square travel matrix")
        from = .allocate(capacity: max(1, n * n))
        into = .allocate(capacity: max(1, n * n))
        for a in 0..<n {
            for b in 0..<n {
                let leg = Int32(clamping: minutes[a * n + b])
                from[a * n + b] = leg
                into[b * n + a] = leg
            }
        }
    }

    deinit {
        from.deallocate()
        into.deallocate()
    }
}

/// An immutable array read without bounds checks (asserted in debug builds), for the tables that the search's
/// inner loops read most: in `ScheduleProblem` a visit's node, duration and windows, a day's end and lunch
/// (indexed by visits, days and windows of the trip); in `SetPackingLP` the columns (indexed by columns and
/// their entries).
final class FrozenTable<Element>: RandomAccessCollection {
    private let base: UnsafeMutablePointer<Element>
    let count: Int

    init(_ elements: [Element]) {
        count = elements.count
        base = .allocate(capacity: Swift.max(1, count))
        elements.withUnsafeBufferPointer { source in
            if let start = source.baseAddress { base.initialize(from: start, count: count) }
        }
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    var startIndex: Int { 0 }
    var endIndex: Int { count }

    @inline(__always) subscript(_ i: Int) -> Element {
        assert(i >= 0 && i < count, "an index of the table")
        return base[i]
    }
}

/// Immutable once built, so a table of sendable elements may be shared by searches on several threads.
extension FrozenTable: @unchecked Sendable where Element: Sendable {}
