import Foundation

/// Ejection: an unplaced visit goes into a day in place of a stop worth less, or of one that fits again
/// elsewhere (a chain of two); for a required visit also in place of two optional stops (chains of any
/// length: `LocalSearch+EjectionChains.swift`). Also the picks of places the search aims at
/// (`reserveOptional`, `unplacedTarget`).
extension LocalSearch {
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
}
