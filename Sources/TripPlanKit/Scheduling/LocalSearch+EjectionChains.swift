/// Ejection chains of any length, found in an improvement graph (Glover's ejection chains; the cyclic
/// transfers of Thompson and Psaraftis): the unplaced `v` goes into a day in place of one of its stops, that
/// stop into another day in place of one of its stops, and so on, until the last visit ejected fits into a
/// day as it stands — or is left out, when it is worth less than `v`. Every day changes at most once, so
/// each link is checked exactly against its day as it stands, and the chain keeps every day feasible.
///
/// This is how a place open on one or two days gets in when its day is full: the day gives a stop to the
/// next day, that one to the one after, until a day has room. The ruin and recreate of the search rarely
/// makes such a shift along many days, nor does `tryEject`, which is the chain of one link.
extension LocalSearch {
    /// `visit` goes into `day` in place of its stop at `stop`, at position `at` of the day without that stop.
    struct ChainLink {
        var visit: Int
        var day: Int
        var stop: Int
        var at: Int
    }

    /// A chain that ejects `out`, changing travel by `delta`; `parent` is the chain one link shorter
    /// (-1: the chain of this one link, which places the unplaced visit).
    struct ChainLabel {
        var out: Int
        var delta: Int
        var parent: Int
        var link: ChainLink
    }

    /// Places the unplaced `v` by the best chain of at most `depth` links — the most worth placed, then the
    /// least travel — and true when there was one. At most `budget` links are priced. Each visit keeps
    /// only its cheapest chain so far (a label-correcting search, level by level), so the search is a
    /// heuristic, not an exhaustive one.
    mutating func chainInsert(_ v: Int, depth: Int, budget: Int) -> Bool {
        let wv = worth(v)
        var labels: [ChainLabel] = []
        var cheapest = Array(repeating: Int.max, count: p.visitCount)
        var frontier: [Int] = []
        var priced = 0
        // The best chain: worth placed, travel, its last label, and the day and position that take the
        // last visit ejected (day -1: left out).
        var best: (gain: Int, delta: Int, label: Int, day: Int, at: Int)?
        func consider(_ gain: Int, _ delta: Int, _ label: Int, _ day: Int, _ at: Int) {
            if let b = best, gain < b.gain || (gain == b.gain && delta >= b.delta) { return }
            best = (gain, delta, label, day, at)
        }
        func uses(_ label: Int, _ d: Int) -> Bool {
            var l = label
            while l >= 0 {
                if labels[l].link.day == d { return true }
                l = labels[l].parent
            }
            return false
        }
        // Links from `u`, ejected by the chain `parent`, into the days the chain has not changed.
        func extend(_ u: Int, from parent: Int, delta: Int) {
            for d in openDays[u] where parent < 0 || !uses(parent, d) {
                let route = routes[d]
                for j in route.indices {
                    priced += 1
                    if priced & 63 == 0 && clock.expired { return }
                    guard let r = bestReplacement(u, d, j) else { continue }
                    let out = route[j], total = delta + r.delta
                    if total >= cheapest[out] { continue }
                    cheapest[out] = total
                    labels.append(ChainLabel(out: out, delta: total, parent: parent,
                                             link: ChainLink(visit: u, day: d, stop: j, at: r.at)))
                    frontier.append(labels.count - 1)
                }
            }
        }
        extend(v, from: -1, delta: 0)
        var level = 1
        while !frontier.isEmpty {
            let current = frontier
            frontier.removeAll()
            for l in current {
                let label = labels[l]
                // Overtaken by a cheaper chain to the same visit: that one goes on instead.
                if label.delta > cheapest[label.out] { continue }
                let w = label.out, ww = worth(w)
                if ww < wv { consider(wv - ww, label.delta, l, -1, -1) }
                for d in openDays[w] where !uses(l, d) {
                    if let ins = bestInsertion(w, day: d) { consider(wv, label.delta + ins.delta, l, d, ins.at) }
                }
                if level < depth && priced < budget && !clock.expired { extend(w, from: l, delta: label.delta) }
            }
            level += 1
        }
        guard let b = best else { return false }
        var links: [ChainLink] = []
        var l = b.label
        while l >= 0 {
            links.append(labels[l].link)
            l = labels[l].parent
        }
        // Each link's day changes once, so the positions found stay valid.
        for link in links { dayOf[routes[link.day][link.stop]] = -1 }
        for link in links {
            routes[link.day].remove(at: link.stop)
            routes[link.day].insert(link.visit, at: link.at)
        }
        for link in links { refresh(link.day) }
        if b.day >= 0 { insert(labels[b.label].out, b.day, b.at) }
        return true
    }

    /// Places what ejection chains can, the unplaced visits most worth first, again after any is placed,
    /// while the clock allows; true when any was placed.
    @discardableResult
    mutating func placeByChains() -> Bool {
        var any = true, placed = false
        while any && !clock.expired {
            any = false
            let unplaced = candidates.filter { dayOf[$0] < 0 && worth($0) > 0 }.sorted { (worth($0), -$0) > (worth($1), -$1) }
            for v in unplaced where dayOf[v] < 0 && !clock.expired {
                if chainInsert(v, depth: Tuning.chainDepth, budget: Tuning.chainBudget) {
                    any = true
                    placed = true
                }
            }
        }
        return placed
    }
}
