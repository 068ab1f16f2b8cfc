/// Re-planning all days at once: every subset of a pool of places that fits a day, in its cheapest order,
/// becomes a column of a set packing (one route per day, no place twice), solved through its linear
/// relaxation (`SetPackingLP`).
extension LocalSearch {
    /// Re-plans the days at once with pools of 10, 12, … up to `Tuning.packPool` places a day, while
    /// time and `labelBudget` last (each size built 1.4 to 4 times the labels of the one before on a
    /// 50-place trip: 36,123, 146,018, 388,387, 538,962); true when the plan changed.
    mutating func repackAllDays(labelBudget: Int, pivotBudget: Int) -> Bool {
        var changed = false
        var work = 0
        for cap in stride(from: min(10, Tuning.packPool), through: Tuning.packPool, by: 2) {
            if clock.expired || work >= labelBudget { break }
            if repackAllDays(cap: cap, work: &work, labelBudget: labelBudget, pivotBudget: pivotBudget) { changed = true }
        }
        return changed
    }

    /// Re-plans the days at once; true when the plan changed. Each day's pool is its stops and the places
    /// nearest its path that are open that day, up to `cap`; its routes come from the day DP of
    /// `DayPairRepack`. Days whose stops alone exceed the pool, or that cannot even go straight from start
    /// to end, keep their routes. `labelBudget` and `pivotBudget` bound the work (so that a search
    /// without a time limit gives the same plan every time); the clock ends it too.
    mutating func repackAllDays(cap: Int, work: inout Int, labelBudget: Int, pivotBudget: Int) -> Bool {
        guard p.dayCount > 1, cap > 0 else { return false }
        let never = ScheduleProblem.never
        let cap = min(DayPairRepack.poolCap, cap)
        let days = (0..<p.dayCount).filter { d in routes[d].count <= cap && p.arrival(day: d, []) < never }
        guard days.count > 1 else { return false }
        var fixedPlace = Array(repeating: false, count: p.visitCount)
        for d in 0..<p.dayCount where !days.contains(d) { for v in routes[d] { fixedPlace[v] = true } }
        let free = candidates.filter { !fixedPlace[$0] && worth($0) > 0 }

        // Columns, built day by day, straight into the program's rows: its day's row, then its places' rows
        // in the route's order (rows `days.count + item`); and its travel, required visits and score, to be
        // weighed once all days are in. Kept small: at 100 places there can be 80,000 columns.
        var start = [0], rows: [Int32] = []
        // (Travel and required visits of one day fit 32 bits; scores may reach 10^15.)
        var columnTravel: [Int32] = [], columnRequired: [Int32] = [], columnScore: [Int] = []
        var item = Array(repeating: -1, count: p.visitCount)
        var place: [Int] = []
        var initial: [Int] = [], empty: [Int] = []
        var travelRange = 0
        let repack = DayPairRepack(p: p)
        for (g, d) in days.enumerated() {
            let path = [p.dayFrom[d], p.dayTo[d]] + routes[d].map { p.visitNode[$0] }
            func gap(_ v: Int) -> Int {
                let x = p.visitNode[v]
                return path.reduce(Int.max) { min($0, p.minutes($1, x), p.minutes(x, $1)) }
            }
            let nearest = free.filter { dayOf[$0] != d && isOpenOn($0, d) }
                .map { (gap: gap($0), v: $0) }.sorted { ($0.gap, $0.v) < ($1.gap, $1.v) }.map(\.v)
            var extra = min(cap - routes[d].count, nearest.count)
            var found: DayPairRepack.DaySets?
            var pool: [Int] = []
            while found == nil {
                pool = routes[d] + nearest.prefix(extra)
                found = repack.feasibleSets(day: d, pool: pool, clock: clock, work: &work, budget: labelBudget)
                if found != nil || extra == 0 || clock.expired || work >= labelBudget { break }
                extra = max(0, extra - 2)
            }
            // The day DP is the long part: the progress line goes on through it.
            report(best: score, placed: routes.reduce(0) { $0 + $1.count })
            guard let sets = found else { return false }
            let current = (1 << routes[d].count) - 1
            guard sets.travel[current] < never, sets.travel[0] < never else { return false }
            var low = Int.max, high = 0
            func addColumn<S: Sequence<Int>>(_ route: S, travel: Int) {
                var required = 0, score = 0
                rows.append(Int32(g))
                for v in route {
                    if p.isRequired[v] { required += 1 } else { score += must[v] ? 1 : p.score[v] }
                    if item[v] < 0 {
                        item[v] = place.count
                        place.append(v)
                    }
                    rows.append(Int32(days.count + item[v]))
                }
                start.append(rows.count)
                columnTravel.append(Int32(travel))
                columnRequired.append(Int32(required))
                columnScore.append(score)
                low = min(low, travel)
                high = max(high, travel)
            }
            for mask in 0..<(1 << pool.count) where sets.travel[mask] < never {
                if mask == current { initial.append(columnTravel.count) }
                if mask == 0 { empty.append(columnTravel.count) }
                addColumn(sets.order(mask, pool: pool), travel: sets.travel[mask])
            }
            // Routes the search has seen for the day (`remember`), as they are: they hold plans restructured
            // beyond what the pools reach.
            if d < routeMemory.count {
                for route in routeMemory[d] where !route.contains(where: { fixedPlace[$0] }) {
                    addColumn(route, travel: p.travelMinutes(day: d, route))
                }
            }
            travelRange += high - low
        }

        // Values rank required visits, then score, then travel, as the plan's score does: a point of score
        // outweighs any change of travel, a required visit any change of score.
        let scoreSum = place.reduce(0) { $0 + (p.isRequired[$1] ? 0 : must[$1] ? 1 : p.score[$1]) }
        let travelWeight = 1.0, scoreWeight = Double(travelRange + 1), requiredWeight = scoreWeight * Double(scoreSum + 1)
        // The values must be whole numbers a Double holds exactly, with room for the simplex's sums; with
        // scores near their limit (10^15) they are not, and the plan stays as it is.
        let largest = requiredWeight * Double((columnRequired.max() ?? 0) + 1)
        guard largest < 0x1p50 else {
            debugNote("packing skipped: values up to \(largest)")
            return false
        }
        let value = (0..<columnTravel.count).map { j in
            requiredWeight * Double(columnRequired[j]) + scoreWeight * Double(columnScore[j]) - travelWeight * Double(columnTravel[j])
        }
        (columnTravel, columnRequired, columnScore) = ([], [], [])
        let items = place.count
        debugNote("packing columns built: \(value.count) columns, \(items) places, \(work) labels")
        var lp = SetPackingLP(groups: days.count, items: items, start: start, rows: rows, value: value)
        let clock = self.clock
        let nodeBudget = clock.limit == nil ? Tuning.packNodes : Tuning.packNodesLimited
        let answer = lp.bestWhole(initial: initial, empty: empty, pivotBudget: pivotBudget, nodeBudget: nodeBudget,
                                  stop: { clock.expired })
        debugNote("packing: \(value.count) columns (\(answer.fixedAtRoot) left out at the root), \(work) labels, "
                  + "\(answer.pivots) pivots, \(answer.nodes) nodes\(answer.proven ? ", proven" : "")")
        var new = routes
        for (g, d) in days.enumerated() {
            let j = answer.columns[g]
            new[d] = rows[(start[j] + 1)..<start[j + 1]].map { place[Int($0) - days.count] }
        }
        let before = score
        let saved = routes
        setRoutes(new)
        if score.isBetter(than: before) {
            debugNote("packing improved the plan")
            return true
        }
        setRoutes(saved)
        return false
    }
}
