import Testing
@testable import TripPlanKit

/// The simplex must prove its answers optimal (by the row prices), and the branch and bound must give whole
/// answers that keep to the rows, never beat the relaxation's bound, and are the best when it says so.
@Suite struct SetPackingLPTests {
    /// A random program: `groups` groups of columns over `items` items; each group has the empty column
    /// (worth `emptyValue`, as a day that goes straight to its end) and random subsets worth about their size.
    static func randomProgram(_ r: inout TestRandom, groups: Int, items: Int, perGroup: Int) -> SetPackingLP {
        var start = [0], rows: [Int32] = [], value: [Double] = []
        for g in 0..<groups {
            var seen = Set<Int>()
            for c in 0..<min(perGroup, 1 << items) {
                var mask = c == 0 ? 0 : r.int(1...(1 << items) - 1)
                while c > 0 && seen.contains(mask) { mask = r.int(1...(1 << items) - 1) }
                seen.insert(mask)
                rows.append(Int32(g))
                var size = 0
                for k in 0..<items where mask & (1 << k) != 0 {
                    rows.append(Int32(groups + k))
                    size += 1
                }
                start.append(rows.count)
                // Weighted as the plan's objective is: a visit outweighs any travel.
                value.append(Double(size * 1000 + r.int(0...50) * (size > 0 ? 1 : 0) - r.int(0...400)))
            }
        }
        return SetPackingLP(groups: groups, items: items, start: start, rows: rows, value: value)
    }

    /// A random program of 2–5 groups over 3–9 items, with 2–30 columns a group (sizes drawn in that order).
    static func smallProgram(_ r: inout TestRandom) -> SetPackingLP {
        let groups = r.int(2...5), items = r.int(3...9), perGroup = r.int(2...30)
        return randomProgram(&r, groups: groups, items: items, perGroup: perGroup)
    }

    /// The best whole answer, by trying every choice of a column per group.
    static func bruteForce(_ lp: SetPackingLP) -> Double {
        var byGroup = Array(repeating: [Int](), count: lp.groups)
        var cover = Array(repeating: 0, count: lp.columnCount)
        for j in 0..<lp.columnCount {
            byGroup[Int(lp.rows[lp.start[j]])].append(j)
            for r in (lp.start[j] + 1)..<lp.start[j + 1] { cover[j] |= 1 << (Int(lp.rows[r]) - lp.groups) }
        }
        func best(_ g: Int, _ used: Int) -> Double {
            if g == lp.groups { return 0 }
            var top = -Double.infinity
            for j in byGroup[g] where cover[j] & used == 0 { top = max(top, lp.value[j] + best(g + 1, used | cover[j])) }
            return top
        }
        return best(0, 0)
    }

    static func emptyColumns(_ lp: SetPackingLP) -> [Int] {
        (0..<lp.groups).map { g in (0..<lp.columnCount).first { lp.start[$0 + 1] - lp.start[$0] == 1 && Int(lp.rows[lp.start[$0]]) == g }! }
    }

    @Test func theRelaxationIsOptimalByItsRowPrices() {
        var r = TestRandom(state: 11)
        var fractional = 0
        for _ in 0..<300 {
            let lp = Self.smallProgram(&r)
            let solution = lp.solve(initial: Self.emptyColumns(lp), pivotBudget: 10_000) { false }
            #expect(solution.optimal)
            // Primal: one column per group, each item at most once.
            var rowSum = Array(repeating: 0.0, count: lp.m)
            for (j, x) in solution.basicColumns {
                for k in lp.start[j]..<lp.start[j + 1] { rowSum[Int(lp.rows[k])] += x }
                if x < 1 - 1e-6 { fractional += 1 }
            }
            for g in 0..<lp.groups { #expect(abs(rowSum[g] - 1) < 1e-6) }
            for k in lp.groups..<lp.m { #expect(rowSum[k] <= 1 + 1e-6) }
            // Dual: no column worth more than its rows' prices, no item priced below 0, equal objectives.
            let pi = solution.duals
            for j in 0..<lp.columnCount {
                let price = (lp.start[j]..<lp.start[j + 1]).reduce(0.0) { $0 + pi[Int(lp.rows[$1])] }
                #expect(lp.value[j] <= price + 1e-6, "column \(j) prices out at \(lp.value[j] - price)")
            }
            for k in lp.groups..<lp.m { #expect(pi[k] >= -1e-6) }
            #expect(abs(pi.reduce(0, +) - solution.objective) < 1e-6 * max(1, abs(solution.objective)))
            #expect(solution.objective >= Self.bruteForce(lp) - 1e-6)
        }
        // Some relaxations are not whole, so the dive has work to do.
        #expect(fractional > 10)
    }

    @Test func theBranchAndBoundFindsTheBestWholeAnswer() {
        var r = TestRandom(state: 12)
        var optimal = 0, proven = 0
        let runs = 300
        for _ in 0..<runs {
            var lp = Self.smallProgram(&r)
            let bound = lp.solve(initial: Self.emptyColumns(lp), pivotBudget: 10_000) { false }.objective
            let best = Self.bruteForce(lp)
            let empty = Self.emptyColumns(lp)
            let answer = lp.bestWhole(initial: empty, empty: empty, pivotBudget: 100_000, nodeBudget: 10_000, stop: { false })
            var used = Set<Int32>()
            var total = 0.0
            for (g, j) in answer.columns.enumerated() {
                #expect(Int(lp.rows[lp.start[j]]) == g)
                for k in (lp.start[j] + 1)..<lp.start[j + 1] { #expect(used.insert(lp.rows[k]).inserted, "an item twice") }
                total += lp.value[j]
            }
            #expect(total <= best + 1e-6 && best <= bound + 1e-6)
            #expect(abs(total - answer.value) < 1e-6)
            if abs(total - best) < 1e-6 { optimal += 1 }
            if answer.proven {
                proven += 1
                #expect(abs(total - best) < 1e-6, "proven, but \(total) rather than \(best)")
            }
        }
        // The nodes below the root start from their parent's basis (`solve(basis:)`), so none is dropped
        // for want of a first basis; before that, 260 of the 300 were proven and 298 the best.
        #expect(optimal == runs, "the best answer in only \(optimal) of \(runs)")
        #expect(proven * 100 >= runs * 97, "proven in only \(proven) of \(runs)")
    }

    /// Branching on an item's group (the item in one group, or out of it) rather than on a column (in, or
    /// out): both find the best answer and prove it, and the item's group takes fewer nodes, as leaving one
    /// column out barely moves the relaxation.
    @Test func branchingOnAnItemsGroupTakesFewerNodes() {
        var nodes = [0, 0]
        for (rule, onItems) in [false, true].enumerated() {
            var r = TestRandom(state: 13)
            for _ in 0..<200 {
                var lp = Self.randomProgram(&r, groups: r.int(3...6), items: r.int(6...10), perGroup: r.int(10...40))
                lp.branchOnItems = onItems
                let best = Self.bruteForce(lp)
                let empty = Self.emptyColumns(lp)
                let answer = lp.bestWhole(initial: empty, empty: empty, pivotBudget: 1_000_000, nodeBudget: 100_000, stop: { false })
                #expect(answer.proven)
                #expect(abs(answer.value - best) < 1e-6, "\(answer.value) rather than \(best)")
                nodes[rule] += answer.nodes
            }
        }
        #expect(nodes[1] < nodes[0], "\(nodes[1]) nodes branching on items, \(nodes[0]) on columns")
    }

    /// Started from a good whole answer, as the scheduler starts from its plan, the branch and bound leaves
    /// out at the root every column whose reduced cost rules it out of a better answer, and still finds the
    /// best one (or keeps the start when nothing beats it).
    @Test func reducedCostFixingKeepsTheBestAnswer() {
        var r = TestRandom(state: 13)
        var fixed = 0, fixing = 0, optimal = 0
        let runs = 300
        for _ in 0..<runs {
            var lp = Self.smallProgram(&r)
            // A whole answer to start from: per group, the most valuable column that still fits.
            var covered = Set<Int32>()
            var initial: [Int] = []
            for g in 0..<lp.groups {
                let fits = (0..<lp.columnCount).filter { j in
                    Int(lp.rows[lp.start[j]]) == g && !lp.rows[(lp.start[j] + 1)..<lp.start[j + 1]].contains(where: covered.contains)
                }
                let j = fits.max { (lp.value[$0], -$0) < (lp.value[$1], -$1) }!
                initial.append(j)
                covered.formUnion(lp.rows[(lp.start[j] + 1)..<lp.start[j + 1]])
            }
            let start = initial.reduce(0.0) { $0 + lp.value[$1] }
            let best = Self.bruteForce(lp)
            let answer = lp.bestWhole(initial: initial, empty: Self.emptyColumns(lp), pivotBudget: 100_000, nodeBudget: 10_000) { false }
            #expect(answer.value >= start - 1e-6, "worse than the start")
            if abs(answer.value - best) < 1e-6 { optimal += 1 }
            if answer.proven { #expect(abs(answer.value - best) < 1e-6, "proven, but \(answer.value) rather than \(best)") }
            fixed += answer.fixedAtRoot
            if answer.fixedAtRoot > 0 { fixing += 1 }
            #expect(!lp.inactive.contains(true), "the columns left out are active again afterwards")
        }
        #expect(optimal == runs, "the best answer in only \(optimal) of \(runs)")
        // The fixing has work to do: on the fractional roots (whole roots need no tree).
        #expect(fixing >= 30 && fixed >= 300, "columns left out at the root in \(fixing) programs (\(fixed) in all)")
    }

    /// A node's relaxation solved from its parent's basis by the dual simplex has the value of the same
    /// relaxation solved afresh; with every column of a group left out there is no feasible point, and it
    /// says so.
    @Test func theDualSimplexFromTheParentsBasisMatchesAFreshSolve() {
        var r = TestRandom(state: 21)
        var warmStarts = 0, basicLeftOut = 0, infeasible = 0
        for _ in 0..<300 {
            var lp = Self.smallProgram(&r)
            let empty = Self.emptyColumns(lp)
            let root = lp.solve(initial: empty, pivotBudget: 10_000) { false }
            guard root.optimal else {
                Issue.record("the root did not solve")
                continue
            }
            // Leave out some columns that are not empty: a basic one with a value, and others at random.
            let emptySet = Set(empty)
            let valued = root.basicColumns.filter { !emptySet.contains($0.column) }.map(\.column)
            if let j = valued.first {
                lp.inactive[j] = true
                basicLeftOut += 1
            }
            for j in 0..<lp.columnCount where !emptySet.contains(j) && r.int(0...3) == 0 { lp.inactive[j] = true }
            guard let warm = lp.solve(basis: root.basis, pivotBudget: 10_000, stop: { false }) else {
                Issue.record("no feasible point, but every empty column is active")
                continue
            }
            let fresh = lp.solve(initial: empty, pivotBudget: 10_000) { false }
            #expect(warm.optimal && fresh.optimal)
            #expect(abs(warm.objective - fresh.objective) < 1e-6 * max(1, abs(fresh.objective)),
                    "\(warm.objective) from the parent's basis, \(fresh.objective) afresh")
            for (j, x) in warm.basicColumns { #expect(!lp.inactive[j] || x < 1e-9, "column \(j) is left out") }
            warmStarts += 1
            // Every column of the first group left out: no point is feasible.
            for j in 0..<lp.columnCount where Int(lp.rows[lp.start[j]]) == 0 { lp.inactive[j] = true }
            if lp.solve(basis: root.basis, pivotBudget: 10_000, stop: { false }) == nil { infeasible += 1 }
        }
        #expect(warmStarts == 300 && basicLeftOut > 100)
        #expect(infeasible == 300)
    }

    /// A node started from its parent's inverse (as the parent refactored it to read its values) takes the
    /// very pivots, and ends with the very numbers, of a node that refactors the same basis itself.
    @Test func aChildFromItsParentsInverseMatchesOneThatRefactors() {
        var r = TestRandom(state: 23)
        var compared = 0
        for _ in 0..<200 {
            var lp = Self.smallProgram(&r)
            let root = lp.solve(initial: Self.emptyColumns(lp), pivotBudget: 10_000) { false }
            #expect(root.optimal && root.inverse.count == lp.m * lp.m)
            let emptySet = Set(Self.emptyColumns(lp))
            for j in 0..<lp.columnCount where !emptySet.contains(j) && r.int(0...2) == 0 { lp.inactive[j] = true }
            let refactored = lp.solve(basis: root.basis, pivotBudget: 10_000, stop: { false })
            let given = lp.solve(basis: root.basis, inverse: root.inverse, pivotBudget: 10_000, stop: { false })
            guard let refactored, let given else {
                Issue.record("no feasible point, but every empty column is active")
                continue
            }
            #expect(given.pivots == refactored.pivots && given.basis == refactored.basis)
            #expect(given.objective == refactored.objective && given.duals == refactored.duals)
            #expect(given.inverse == refactored.inverse)
            compared += 1
        }
        #expect(compared == 200)
    }

    /// Three days, three places, each day able to visit one pair: the relaxation takes every pair at a half
    /// (worth 3), a whole answer only one pair (worth 2).
    @Test func anOddCycleIsRoundedToAWholeAnswer() {
        // Columns: per day the empty route, then its pair (places 0-1, 1-2, 0-2).
        let pairs: [(Int32, Int32)] = [(3, 4), (4, 5), (3, 5)]
        var start = [0], rows: [Int32] = [], value: [Double] = []
        for (g, pair) in pairs.enumerated() {
            rows.append(Int32(g)); start.append(rows.count); value.append(0)
            rows += [Int32(g), pair.0, pair.1]; start.append(rows.count); value.append(2)
        }
        var lp = SetPackingLP(groups: 3, items: 3, start: start, rows: rows, value: value)
        let relaxed = lp.solve(initial: [0, 2, 4], pivotBudget: 100) { false }
        #expect(relaxed.optimal && abs(relaxed.objective - 3) < 1e-9)
        let answer = lp.bestWhole(initial: [0, 2, 4], empty: [0, 2, 4], pivotBudget: 100, nodeBudget: 100) { false }
        #expect(answer.columns.map { lp.value[$0] }.reduce(0, +) == 2)
    }
}
