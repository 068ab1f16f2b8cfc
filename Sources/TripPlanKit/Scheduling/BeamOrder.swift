/// A restricted (beam) DP over the visiting order of one day: the strong constructor for tight windows.
///
/// Stage k holds at most `width` partial routes of k visits, one per (visited set, last visit): the one with
/// the least travel, then the earliest times. A route grows by one visit j only if j can still start in a
/// window, the visit with the earliest deadline left could still be reached afterwards, and j does not
/// open only after that deadline. Any partial route that can reach `to` in time is a complete day; the best
/// by (required, score, travel, arrival) wins, so with too many visits for one day the DP picks a subset
/// (orienteering). Lunch is carried exactly as in `ScheduleProblem.pass`: two times per state.
struct BeamOrder {
    let p: ScheduleProblem
    let day: Int
    let visits: [Int]
    let width: Int
    /// All of `visits` must be visited: prune partial routes that would miss a deadline of one left.
    let mustVisitAll: Bool
    /// The search's clock: at its limit the DP stops and returns the best day found so far.
    let clock: SearchClock
    /// Rank partial routes by how early they are ready rather than by travel: finds a feasible order
    /// where windows are very tight, at some cost in travel.
    var preferEarly = false
    /// Also prune a partial route when the visit with the earliest deadline left cannot be reached
    /// directly in time (exact under the triangle inequality, a heuristic cut without it).
    var reachPrune = true

    private struct Key: Hashable {
        var w0: UInt64, w1: UInt64, w2: UInt64, w3: UInt64
        var last: Int32
    }

    /// Visits the beam can hold in its fixed-width bit set.
    static let maxVisits = 256

    /// The best day found, as visits in order (possibly not all of `visits`).
    func run() -> [Int] {
        let d = day
        let m = visits.count
        if m == 0 || m > BeamOrder.maxVisits { return [] }
        let never = ScheduleProblem.never
        let lunch = p.hasLunch[d]
        // Per local visit: last possible start on this day, first opening.
        var lastStart = [Int](repeating: -1, count: m), firstOpen = [Int](repeating: never, count: m)
        for j in 0..<m {
            let v = visits[j]
            let base = d * p.visitCount + v
            if p.windowOffset[base] < p.windowOffset[base + 1] {
                firstOpen[j] = p.windowOpen[p.windowOffset[base]]
                lastStart[j] = p.windowLatest[p.windowOffset[base + 1] - 1]
            }
        }
        let byDeadline = (0..<m).sorted { (lastStart[$0], $0) < (lastStart[$1], $1) }
        let node = visits.map { p.visitNode[$0] }

        // Current stage.
        var words: [UInt64] = [0, 0, 0, 0]
        var last: [Int] = [-1]
        var tN: [Int] = [lunch ? p.dayStart[d] : never]
        var tY: [Int] = [lunch ? p.lunchEnd(d, p.dayStart[d]) : p.dayStart[d]]
        var cost: [Int] = [0]
        var history: [Int] = [-1] // per state, index into the history arrays
        var histParent: [Int] = [], histVisit: [Int] = []

        var bestKey = PlanScore.worst
        var bestHist = -2
        var required = [0], score = [0]

        var index: [Key: Int] = [:]
        var stage = 0
        while !last.isEmpty {
            let count = last.count
            // Close the day from every state.
            for s in 0..<count {
                let at = last[s] < 0 ? p.dayFrom[d] : node[last[s]]
                let c = p.minutes(at, p.dayTo[d])
                var a = tY[s] + c
                if lunch, tN[s] < never {
                    let aN = tN[s] + c
                    if aN < a && p.lunchEnd(d, aN) < never { a = aN }
                }
                if a <= p.dayEnd[d] {
                    let key = PlanScore(required: required[s], score: score[s], travel: cost[s] + c, finish: a)
                    if key.isBetter(than: bestKey) {
                        bestKey = key
                        bestHist = history[s]
                    }
                }
            }
            if stage == m || clock.expired { break }
            stage += 1
            // Extend.
            var nWords: [UInt64] = [], nLast: [Int] = [], nN: [Int] = [], nY: [Int] = [], nCost: [Int] = []
            var nParent: [Int] = [], nReq: [Int] = [], nScore: [Int] = []
            nWords.reserveCapacity(count * 32)
            index.removeAll(keepingCapacity: true)
            for s in 0..<count {
                let w = 4 * s
                @inline(__always) func has(_ j: Int) -> Bool { words[w + (j >> 6)] & (1 << UInt64(j & 63)) != 0 }
                // The two earliest deadlines among unvisited visits.
                var first = -1, second = -1
                for j in byDeadline where !has(j) {
                    if first < 0 { first = j } else { second = j; break }
                }
                let at = last[s] < 0 ? p.dayFrom[d] : node[last[s]]
                let cNow = cost[s]
                for j in 0..<m where !has(j) {
                    let other = mustVisitAll ? (j == first ? second : first) : -1
                    let bound = other >= 0 ? lastStart[other] : never
                    if firstOpen[j] > bound { continue }
                    let v = visits[j]
                    let c = p.minutes(at, node[j])
                    var yN = never, yY: Int
                    if lunch {
                        let aN = tN[s] >= never ? never : tN[s] + c
                        let bY = min(tY[s] + c, p.lunchEnd(d, aN))
                        let sN = p.earliestStart(d, v, aN)
                        let sY = p.earliestStart(d, v, bY)
                        yN = sN >= never ? never : sN + p.duration[v]
                        let eY = sY >= never ? never : sY + p.duration[v]
                        yY = min(eY, p.lunchEnd(d, yN))
                    } else {
                        let sY = p.earliestStart(d, v, tY[s] + c)
                        yY = sY >= never ? never : sY + p.duration[v]
                    }
                    if yY >= never { continue }
                    let ready = min(yN, yY)
                    if reachPrune && other >= 0 && ready + p.minutes(node[j], node[other]) > lastStart[other] { continue }
                    if ready + p.minutes(node[j], p.dayTo[d]) > p.dayEnd[d] { continue }
                    let newCost = cNow + c
                    var key = Key(w0: words[w], w1: words[w + 1], w2: words[w + 2], w3: words[w + 3], last: Int32(j))
                    switch j >> 6 {
                    case 0: key.w0 |= 1 << UInt64(j & 63)
                    case 1: key.w1 |= 1 << UInt64(j & 63)
                    case 2: key.w2 |= 1 << UInt64(j & 63)
                    default: key.w3 |= 1 << UInt64(j & 63)
                    }
                    if let e = index[key] {
                        if preferEarly {
                            if (nY[e], nCost[e], nN[e]) <= (yY, newCost, yN) { continue }
                        } else if (nCost[e], nY[e], nN[e]) <= (newCost, yY, yN) { continue }
                        nCost[e] = newCost
                        nY[e] = yY
                        nN[e] = yN
                        nParent[e] = s
                        continue
                    }
                    index[key] = nLast.count
                    nWords.append(key.w0)
                    nWords.append(key.w1)
                    nWords.append(key.w2)
                    nWords.append(key.w3)
                    nLast.append(j)
                    nN.append(yN)
                    nY.append(yY)
                    nCost.append(newCost)
                    nParent.append(s)
                    nReq.append(required[s] + (p.isRequired[v] ? 1 : 0))
                    nScore.append(score[s] + (p.isRequired[v] ? 0 : p.score[v]))
                }
            }
            // Keep the best `width`: more required, more score, less travel, earlier.
            var order = Array(0..<nLast.count)
            if order.count > width {
                order.sort {
                    if nReq[$0] != nReq[$1] { return nReq[$0] > nReq[$1] }
                    if nScore[$0] != nScore[$1] { return nScore[$0] > nScore[$1] }
                    if preferEarly && nY[$0] != nY[$1] { return nY[$0] < nY[$1] }
                    if nCost[$0] != nCost[$1] { return nCost[$0] < nCost[$1] }
                    if nY[$0] != nY[$1] { return nY[$0] < nY[$1] }
                    return $0 < $1
                }
                order.removeLast(order.count - width)
            }
            var wordsNext: [UInt64] = [], lastNext: [Int] = [], nNext: [Int] = [], yNext: [Int] = []
            var costNext: [Int] = [], histNext: [Int] = [], reqNext: [Int] = [], scoreNext: [Int] = []
            for e in order {
                wordsNext.append(contentsOf: nWords[(4 * e)..<(4 * e + 4)])
                lastNext.append(nLast[e])
                nNext.append(nN[e])
                yNext.append(nY[e])
                costNext.append(nCost[e])
                reqNext.append(nReq[e])
                scoreNext.append(nScore[e])
                histNext.append(histParent.count)
                histParent.append(history[nParent[e]])
                histVisit.append(visits[nLast[e]])
            }
            words = wordsNext
            last = lastNext
            tN = nNext
            tY = yNext
            cost = costNext
            history = histNext
            required = reqNext
            score = scoreNext
        }
        var route: [Int] = []
        var h = bestHist
        while h >= 0 {
            route.append(histVisit[h])
            h = histParent[h]
        }
        return route.reversed()
    }
}
