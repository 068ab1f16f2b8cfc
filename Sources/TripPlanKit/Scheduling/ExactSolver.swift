/// Provably optimal plans for small trips: a label-setting DP over subsets per day, then a DP over days.
///
/// Per day, a state is (visited subset, last visit, lunch taken?) and holds the Pareto-minimal labels of
/// (travel, time). Both are minimised in the same direction (an earlier time never hurts the rest of the day,
/// because every step is non-decreasing in time), so a dominated label can never lead to a better day.
/// This gives `best[d][S]` = least (travel, arrival) of a day that visits exactly `S`. The days are then
/// combined over disjoint subsets (3^n per day) under the lexicographic objective.
struct ExactSolver {
    let problem: ScheduleProblem
    /// The visits the solver may use (others are known not to fit alone); at most `maxVisits`.
    let candidates: [Int]

    static let maxVisits = 12

    /// The best day for every subset (bit i = `candidates[i]`): travel, arrival and the order.
    struct DayTable {
        var travel: [Int]
        var arrival: [Int]
        var order: [[Int]?]
    }

    private struct Labels {
        var travel: [Int] = []
        var time: [Int] = []
        var parent: [Int] = []
        var visit: [Int] = []
        /// Label ids per state.
        var lists: [[Int]]
    }

    /// Solves a single day: for every subset of `candidates` the cheapest, then earliest, feasible order.
    func dayTable(day d: Int) -> DayTable {
        let p = problem
        let m = candidates.count
        let full = 1 << m
        let never = ScheduleProblem.never
        var table = DayTable(travel: Array(repeating: never, count: full),
                             arrival: Array(repeating: never, count: full),
                             order: Array(repeating: nil, count: full))
        let open = candidates.map { p.isOpen(d, $0) }
        var labels = Labels(lists: Array(repeating: [], count: full * m * 2))
        let lunch = p.hasLunch[d]

        // The empty day.
        let direct = p.arrival(day: d, [Int]())
        if direct < never {
            table.travel[0] = p.travelMinutes(day: d, [Int]())
            table.arrival[0] = direct
        }

        @inline(__always) func add(_ state: Int, _ travel: Int, _ time: Int, _ parent: Int, _ visit: Int) {
            if time >= never || time > p.dayEnd[d] { return }
            var list = labels.lists[state]
            for id in list where labels.travel[id] <= travel && labels.time[id] <= time { return }
            list.removeAll { labels.travel[$0] >= travel && labels.time[$0] >= time }
            let id = labels.travel.count
            labels.travel.append(travel)
            labels.time.append(time)
            labels.parent.append(parent)
            labels.visit.append(visit)
            list.append(id)
            labels.lists[state] = list
        }

        /// Extends a label ending at `node` (or the day's start) by visit index `j`.
        @inline(__always) func extend(fromNode node: Int, mask: Int, flag: Int, travel: Int, time: Int,
                                      parent: Int, to j: Int) {
            let v = candidates[j]
            let c = p.minutes(node, p.visitNode[v])
            let nextMask = mask | (1 << j)
            let base = (nextMask * m + j) * 2
            if flag == 1 {
                let s = p.earliestStart(d, v, time + c)
                if s < never { add(base + 1, travel + c, s + p.duration[v], parent, j) }
            } else {
                let a = time + c
                let s = p.earliestStart(d, v, a)
                let e = s < never ? s + p.duration[v] : never
                if e < never { add(base, travel + c, e, parent, j) }
                // Lunch before leaving, on arrival, or after the visit: keep the earliest.
                let viaBefore = p.earliestStart(d, v, p.lunchEnd(d, time) + c)
                let onArrival = p.earliestStart(d, v, p.lunchEnd(d, a))
                var y = min(viaBefore, onArrival)
                y = y < never ? y + p.duration[v] : never
                if e < never { y = min(y, p.lunchEnd(d, e)) }
                if y < never { add(base + 1, travel + c, y, parent, j) }
            }
        }

        // From the day's start.
        for j in 0..<m where open[j] {
            if lunch {
                extend(fromNode: p.dayFrom[d], mask: 0, flag: 0, travel: 0, time: p.dayStart[d], parent: -1, to: j)
            } else {
                extend(fromNode: p.dayFrom[d], mask: 0, flag: 1, travel: 0, time: p.dayStart[d], parent: -1, to: j)
            }
        }
        var bestLabel = Array(repeating: -1, count: full)
        for mask in 1..<full {
            for last in 0..<m where mask & (1 << last) != 0 {
                let node = p.visitNode[candidates[last]]
                let cTo = p.minutes(node, p.dayTo[d])
                for flag in 0..<2 {
                    let state = (mask * m + last) * 2 + flag
                    for id in labels.lists[state] {
                        let travel = labels.travel[id], time = labels.time[id]
                        // Close the day.
                        var arrive = never
                        if flag == 1 {
                            arrive = time + cTo
                        } else {
                            let aN = time + cTo
                            if p.lunchEnd(d, aN) < never { arrive = aN }
                            let viaBefore = p.lunchEnd(d, time)
                            if viaBefore < never { arrive = min(arrive, viaBefore + cTo) }
                        }
                        if arrive <= p.dayEnd[d] {
                            let total = travel + cTo
                            if total < table.travel[mask] || (total == table.travel[mask] && arrive < table.arrival[mask]) {
                                table.travel[mask] = total
                                table.arrival[mask] = arrive
                                bestLabel[mask] = id
                            }
                        }
                        for j in 0..<m where open[j] && mask & (1 << j) == 0 {
                            extend(fromNode: node, mask: mask, flag: flag, travel: travel, time: time, parent: id, to: j)
                        }
                    }
                }
            }
        }
        for mask in 1..<full where bestLabel[mask] >= 0 {
            var order: [Int] = []
            var id = bestLabel[mask]
            while id >= 0 {
                order.append(candidates[labels.visit[id]])
                id = labels.parent[id]
            }
            table.order[mask] = order.reversed()
        }
        if table.travel[0] < never { table.order[0] = [] }
        return table
    }

    /// The optimal plan: one order per day (empty when the day has no visits).
    func solve() -> [[Int]] {
        let p = problem
        let m = candidates.count
        let full = 1 << m
        let never = ScheduleProblem.never
        let tables = (0..<p.dayCount).map { dayTable(day: $0) }
        // A day that cannot even make its direct leg gets no visits; it is printed with its overrun.
        var travel = Array(repeating: never, count: full)
        var finish = Array(repeating: never, count: full)
        travel[0] = 0
        finish[0] = 0
        var choice = Array(repeating: Array(repeating: 0, count: full), count: p.dayCount)
        for d in 0..<p.dayCount {
            let table = tables[d]
            let forced = !table.order.contains { $0 != nil }
            var nextTravel = Array(repeating: never, count: full)
            var nextFinish = Array(repeating: never, count: full)
            for u in 0..<full {
                if forced {
                    if travel[u] < never {
                        nextTravel[u] = travel[u]
                        nextFinish[u] = finish[u]
                        choice[d][u] = 0
                    }
                    continue
                }
                // Enumerate S ⊆ u given to day d.
                var s = u
                while true {
                    let rest = u ^ s
                    if travel[rest] < never, table.order[s] != nil {
                        let t = travel[rest] + table.travel[s]
                        let f = finish[rest] + table.arrival[s]
                        if t < nextTravel[u] || (t == nextTravel[u] && f < nextFinish[u]) {
                            nextTravel[u] = t
                            nextFinish[u] = f
                            choice[d][u] = s
                        }
                    }
                    if s == 0 { break }
                    s = (s - 1) & u
                }
            }
            travel = nextTravel
            finish = nextFinish
        }
        var best = -1
        var bestKey = PlanScore.worst
        for u in 0..<full where travel[u] < never {
            var required = 0, score = 0
            for j in 0..<m where u & (1 << j) != 0 {
                if p.isRequired[candidates[j]] { required += 1 } else { score += p.score[candidates[j]] }
            }
            let key = PlanScore(required: required, score: score, travel: travel[u], finish: finish[u])
            if best < 0 || key.isBetter(than: bestKey) {
                best = u
                bestKey = key
            }
        }
        var routes = Array(repeating: [Int](), count: p.dayCount)
        guard best >= 0 else { return routes }
        var u = best
        for d in stride(from: p.dayCount - 1, through: 0, by: -1) {
            let s = choice[d][u]
            routes[d] = tables[d].order[s] ?? []
            u ^= s
        }
        return routes
    }
}

/// The objective, compared lexicographically: required visits, optional score (both more is better),
/// then travel minutes and the sum of the days' arrival times (both less is better).
struct PlanScore: Sendable, Hashable {
    var required: Int
    var score: Int
    var travel: Int
    var finish: Int

    static let worst = PlanScore(required: -1, score: Int.min / 4, travel: Int.max / 4, finish: Int.max / 4)

    func isBetter(than other: PlanScore) -> Bool {
        if required != other.required { return required > other.required }
        if score != other.score { return score > other.score }
        if travel != other.travel { return travel < other.travel }
        return finish < other.finish
    }
}
