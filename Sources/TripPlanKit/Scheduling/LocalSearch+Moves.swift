import Foundation

/// The local search: relocate, swap, 2-opt and or-opt, first improvement over granular neighbourhoods.
extension LocalSearch {
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
        // The loop over the targets reads the placement through pointers (no bounds checks): every index is
        // a visit (`neighbours` holds visits) or a visit × day of `openMask`.
        let best = dayOf.withUnsafeBufferPointer { dayOf in
            posOf.withUnsafeBufferPointer { posOf in
                openMask.withUnsafeBufferPointer { openMask in
                    neighbours[v].withUnsafeBufferPointer { near in
                        var best = (day: -1, at: 0, delta: gain)
                        var originOK = 0 // 0: not yet known, 1: the day stays feasible without v, -1: it does not
                        // Targets: next to each placed neighbour (before and after it), then the ends of each
                        // open day.
                        let dayCount = p.dayCount, openRow = v * dayCount
                        var target = 0
                        let targets = 2 * near.count + 2 * openDays[v].count
                        while target < targets {
                            let d: Int, pos: Int
                            if target < 2 * near.count {
                                let u = near[target >> 1]
                                let du = dayOf[u]
                                if du < 0 || (du != d1 && !openMask[openRow + du]) { target += 2; continue }
                                d = du
                                pos = posOf[u] + (target & 1)
                            } else {
                                let t = target - 2 * near.count
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
                            guard fits(v, d, pos, delta: delta) else { continue }
                            if originOK == 0 { originOK = removalFits(d1, i1) ? 1 : -1 }
                            if originOK == 1 { best = (d, pos, delta) }
                        }
                        return best
                    }
                }
            }
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

    /// Exchanges `v` with a neighbour (same or another day) when that saves travel: the first that saves
    /// travel and fits. The scan reads the placement through pointers (its indices are visits and visit ×
    /// day); the exchange found is applied after it.
    mutating func swap(_ v: Int) -> Bool {
        let dv = dayOf[v]
        guard dv >= 0 else { return false }
        let iv = posOf[v], x = p.visitNode[v]
        let pv = node(dv, iv), nv = node(dv, iv + 2)
        let pick: Int? = dayOf.withUnsafeBufferPointer { dayOf in
            posOf.withUnsafeBufferPointer { posOf in
                openMask.withUnsafeBufferPointer { openMask in
                    neighbours[v].withUnsafeBufferPointer { near in
                        let dayCount = p.dayCount
                        for u in near {
                            let du = dayOf[u]
                            if du < 0 { continue }
                            let iu = posOf[u]
                            if dv == du && abs(iv - iu) <= 1 { continue }
                            if dv != du && (!openMask[v * dayCount + du] || !openMask[u * dayCount + dv]) { continue }
                            let y = p.visitNode[u]
                            let pu = node(du, iu), nu = node(du, iu + 2)
                            let delta = p.minutes(pv, y) + p.minutes(y, nv) - p.minutes(pv, x) - p.minutes(x, nv)
                                + p.minutes(pu, x) + p.minutes(x, nu) - p.minutes(pu, y) - p.minutes(y, nu)
                            if delta >= 0 { continue }
                            if dv == du {
                                let lo = min(iv, iu), hi = max(iv, iu) + 1
                                let route = routes[dv]
                                // The stops are given by closures written out at each call: a closure kept in
                                // a variable is allocated on the heap, and these checks run in the innermost loop.
                                if stretchFits(dv, lo, hi, { $0 == iv ? u : $0 == iu ? v : route[$0] }) { return u }
                                continue
                            }
                            if stretchFits(dv, iv, iv + 1, { _ in u }) && stretchFits(du, iu, iu + 1, { _ in v }) { return u }
                        }
                        return nil
                    }
                }
            }
        }
        guard let u = pick else { return false }
        let du = dayOf[u], iu = posOf[u]
        if dv == du {
            let lo = min(iv, iu), hi = max(iv, iu) + 1
            let route = routes[dv]
            applyStretch(dv, lo, hi) { $0 == iv ? u : $0 == iu ? v : route[$0] }
        } else {
            routes[dv][iv] = u
            routes[du][iu] = v
            refresh(dv)
            refresh(du)
        }
        return true
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
}
