import Foundation

/// The linear relaxation of a set packing with groups, solved by a revised simplex, and a branch and bound
/// on it for the whole answer (`bestWhole`).
///
/// The program: columns belong to groups (the days) and cover items (the places); pick one column per group,
/// no item twice, most value. Rows `0..<groups` say "one column of this group" (equalities), rows
/// `groups..<groups+items` say "this item at most once" (each with a slack). Every right-hand side is 1.
///
/// Written for few rows (about 60) and many sparse columns (up to about 100,000): the basis inverse is kept
/// dense (m × m) and updated in place each pivot, refactored from scratch every `refactorEvery` pivots (only
/// the block of the basic columns is inverted: most basic variables are slacks);
/// pricing is partial (the best of a block of columns). Against degeneracy (a plan's places all sit at their
/// bound) the item rows' right-hand sides are perturbed by distinct millionths, and a run of degenerate
/// pivots still left switches to Bland's rule until one makes progress, so that the simplex cannot cycle.
/// The branch and bound branches on an item's group (the item in one group, or out of it) and only ever
/// leaves columns out, so a node's parent's optimal basis stays dual
/// feasible for it: the node starts there, and a dual simplex drives the left-out columns from the basis.
/// At the root, the columns whose reduced cost rules them out of any answer better than the start leave
/// for the whole tree (reduced-cost fixing).
struct SetPackingLP {
    let groups: Int
    let items: Int
    /// Column j covers the rows `rows[start[j]..<start[j+1]]` (its group's row first) and is worth `value[j]`.
    /// (Read without bounds checks: the simplex's pricing and ratio tests read them for every column.)
    let start: FrozenTable<Int>
    let rows: FrozenTable<Int32>
    let value: FrozenTable<Double>
    /// Columns left out (by the branch and bound: left out, of a fixed column's group, or covering an item
    /// a fixed column took).
    var inactive: [Bool]
    /// Reduced costs at most this count as zero: a millionth of a minute, scaled with the largest value.
    let tolerance: Double
    /// How the branch and bound branches (`bestWhole`): on an item's group (true; `Tuning.packBranch` 1), or on
    /// a column (false, before the evening of 3 Dec; the tests compare the two).
    var branchOnItems = Tuning.packBranch > 0

    var m: Int { groups + items }
    var columnCount: Int { value.count }

    /// y[lo..<hi] −= f · x[lo..<hi], the row operation of the inverse's updates (a plain loop on pointers,
    /// which the compiler vectorizes).
    @inline(__always) static func subtract(_ f: Double, _ x: UnsafePointer<Double>, from y: UnsafeMutablePointer<Double>,
                                           _ lo: Int, _ hi: Int) {
        var k = lo
        while k < hi {
            y[k] -= f * x[k]
            k &+= 1
        }
    }

    static let pivotTolerance = 1e-9
    static let refactorEvery = 256
    static let degenerateRun = 40

    init(groups: Int, items: Int, start: [Int], rows: [Int32], value: [Double]) {
        self.groups = groups
        self.items = items
        self.start = FrozenTable(start)
        self.rows = FrozenTable(rows)
        self.value = FrozenTable(value)
        inactive = Array(repeating: false, count: value.count)
        tolerance = 1e-6 * max(1, (value.map(abs).max() ?? 1) * 1e-9)
    }

    /// A solved relaxation: the value of each structural column in the basis (the rest are 0).
    struct Solution {
        var objective: Double
        var basicColumns: [(column: Int, x: Double)]
        /// The row prices of the final basis: when optimal, no column is worth more than the prices of its
        /// rows, no item's price is below 0, and the prices add up to the objective (the proof of optimality).
        var duals: [Double]
        /// Whether the simplex reached optimality (false: the pivot budget or the clock ran out first).
        var optimal: Bool
        var pivots: Int
        /// The final basis (`State`'s numbering), from which a node of the branch and bound starts its children,
        /// and its inverse as refactored from scratch (empty when that failed): a child starts from the
        /// very numbers its own refactoring of the same basis would give.
        var basis: [Int] = []
        var inverse: [Double] = []
    }

    /// Solves the relaxation from `initial` (one active column per group, covering no item twice: a
    /// feasible basis with the slacks of all items). The answer's values are those of the final basis for
    /// the program as posed, without the perturbation. `stop` is asked now and then; `pivotBudget` bounds
    /// the work, so that an answer without a clock is the same every time.
    func solve(initial: [Int], pivotBudget: Int, stop: () -> Bool) -> Solution {
        var state = State(lp: self, initial: initial)
        let optimal = state.run(pivotBudget: pivotBudget, stop: stop)
        return read(&state, optimal: optimal)
    }

    /// Solves the relaxation from `basis`, an optimal basis of a program with more active columns (the
    /// parent node's): it stays dual feasible, and the dual simplex (`State.dualRun`) drives out the columns
    /// left out since, then the primal simplex finishes. nil when no point is feasible.
    func solve(basis: [Int], inverse: [Double] = [], pivotBudget: Int, stop: () -> Bool) -> Solution? {
        var state = State(lp: self, basis: basis, inverse: inverse)
        switch state.dualRun(pivotBudget: pivotBudget, stop: stop) {
        case .some(false): return nil
        case .none: return read(&state, optimal: false)
        case .some(true): return read(&state, optimal: state.run(pivotBudget: pivotBudget, stop: stop))
        }
    }

    private func read(_ state: inout State, optimal: Bool) -> Solution {
        // The values of the program as posed, without the perturbation.
        state.rhs = Array(repeating: 1, count: m)
        let refactored = state.refactor()
        state.computeDuals()
        var basic: [(Int, Double)] = []
        var objective = 0.0
        for i in 0..<m where state.basic[i] < columnCount {
            let x = min(1, max(0, state.xB[i]))
            objective += x * value[state.basic[i]]
            if x > 1e-9 { basic.append((state.basic[i], x)) }
        }
        return Solution(objective: objective, basicColumns: basic, duals: state.pi, optimal: optimal, pivots: state.pivots,
                        basis: state.basic, inverse: refactored ? state.binv : [])
    }

    /// A whole answer: a column per group, and the effort spent on it.
    struct Answer {
        var columns: [Int]
        var value: Double
        var pivots: Int
        var nodes: Int
        /// Whether the search covered the whole tree, so that no whole answer is better.
        var proven: Bool
        /// Columns left out at the root by their reduced cost (`fixByReducedCost`).
        var fixedAtRoot = 0
    }

    /// The best whole answer by branch and bound on the relaxation, depth first, starting from `initial` (one
    /// active column per group, covering no item twice), the first answer to beat. Each node solves the
    /// relaxation (the root from `initial`, every other node from its parent's final basis: `solve(basis:)`,
    /// about a quarter of the pivots of a start afresh on the generated trips); a node whose bound cannot
    /// beat the best whole answer so far by 1 (values are whole numbers) is dropped. Otherwise it branches on
    /// an item's group (`branchOnItems`): the (group, item) whose share, summed over the basic columns, is
    /// fractional and nearest 1 — first the item in that group (the group's columns without it, and the
    /// other groups' columns with it, leave), so that the first leaf is a dive, then the item out of it (the
    /// group's columns with it leave). Both children only lose columns, and between them they hold every
    /// whole answer; leaving out one column, by contrast, barely moves the bound. When every share is whole
    /// but a group still mixes columns (the same places in other orders), or with `branchOnItems` false, the
    /// fractional column nearest 1 is fixed at 1, then left out. At the root,
    /// the columns whose reduced cost rules them out of any better answer leave for the whole tree
    /// (`fixByReducedCost`). Ends when the tree is done (`proven`), or at `nodeBudget` nodes, `pivotBudget`
    /// pivots or `stop`. `empty[g]`: a column of group g that covers nothing.
    mutating func bestWhole(initial: [Int], empty: [Int], pivotBudget: Int, nodeBudget: Int, stop: () -> Bool) -> Answer {
        let original = inactive
        defer { inactive = original }
        var best = Answer(columns: initial, value: initial.reduce(0) { $0 + value[$1] }, pivots: 0, nodes: 0, proven: false)
        var pivots = 0, nodes = 0, fixedAtRoot = 0
        // Each node but the root starts from its parent's final basis (`solve(basis:)`).
        var stack: [(inactive: [Bool], fixed: [Int], basis: [Int], inverse: [Double])] = [
            (inactive, Array(repeating: -1, count: groups), [], []),
        ]
        var complete = true
        while let node = stack.popLast() {
            if nodes >= nodeBudget || pivots >= pivotBudget || stop() {
                complete = false
                break
            }
            nodes += 1
            inactive = node.inactive
            let solution: Solution
            if !node.basis.isEmpty && Tuning.packWarm > 0 {
                guard let warm = solve(basis: node.basis, inverse: node.inverse, pivotBudget: pivotBudget - pivots, stop: stop) else {
                    // No feasible point: nothing in this branch.
                    continue
                }
                solution = warm
            } else {
                guard let begin = startBasis(fixed: node.fixed, initial: initial, empty: empty) else {
                    complete = false
                    continue
                }
                solution = solve(initial: begin, pivotBudget: pivotBudget - pivots, stop: stop)
            }
            pivots += solution.pivots
            guard solution.optimal else {
                complete = false
                break
            }
            if solution.objective < best.value + 1 - 1e-6 { continue }
            var pick = -1
            var pickX = 0.0
            for (j, x) in solution.basicColumns where x < 1 - 1e-6 {
                if x > pickX + 1e-9 || (x >= pickX - 1e-9 && j < pick) { (pick, pickX) = (j, x) }
            }
            if pick < 0 {
                var columns = Array(repeating: -1, count: groups)
                var value = 0.0
                for (j, _) in solution.basicColumns {
                    columns[Int(rows[start[j]])] = j
                    value += self.value[j]
                }
                // A whole answer has a column in every group (each group row sums to 1).
                if !columns.contains(-1) && value > best.value {
                    best = Answer(columns: columns, value: value, pivots: 0, nodes: 0, proven: false)
                }
                continue
            }
            if nodes == 1 { fixedAtRoot = fixByReducedCost(solution, beat: best.value) }
            if branchOnItems, let (g, row) = fractionalAssignment(solution) {
                // Branch on an item's group: first the item in group g (its other groups' columns with it,
                // and g's columns without it, leave), then the item out of g (g's columns with it leave).
                var out = inactive, into = inactive
                for c in 0..<columnCount where !inactive[c] {
                    let has = ((start[c] + 1)..<start[c + 1]).contains { Int(rows[$0]) == row }
                    if Int(rows[start[c]]) == g {
                        if has { out[c] = true } else { into[c] = true }
                    } else if has {
                        into[c] = true
                    }
                }
                stack.append((out, node.fixed, solution.basis, solution.inverse))
                stack.append((into, node.fixed, solution.basis, solution.inverse))
                continue
            }
            var left = inactive
            left[pick] = true
            stack.append((left, node.fixed, solution.basis, solution.inverse))
            var fixed = node.fixed
            fix(pick, &fixed)
            stack.append((inactive, fixed, solution.basis, solution.inverse))
        }
        best.pivots = pivots
        best.nodes = nodes
        best.proven = complete
        best.fixedAtRoot = fixedAtRoot
        return best
    }

    /// The (group, item row) whose share of the item in the group, summed over the basic columns, is
    /// fractional and nearest 1 (the lowest group and row on a tie); nil when every share is whole.
    private func fractionalAssignment(_ solution: Solution) -> (Int, Int)? {
        var share = Array(repeating: 0.0, count: groups * items)
        for (j, x) in solution.basicColumns {
            let g = Int(rows[start[j]])
            for r in (start[j] + 1)..<start[j + 1] { share[g * items + Int(rows[r]) - groups] += x }
        }
        var pick = -1
        for k in 0..<share.count where share[k] > 1e-6 && share[k] < 1 - 1e-6 {
            if pick < 0 || share[k] > share[pick] + 1e-9 { pick = k }
        }
        return pick < 0 ? nil : (pick / items, groups + pick % items)
    }

    /// Reduced-cost fixing at the root: a column whose reduced cost takes the relaxation's bound below `beat`
    /// + 1 is in no answer that beats it (values are whole numbers), so it leaves for the whole tree. With the
    /// root's row prices π (dual feasible), any answer with column j is worth at most Σπ + d_j, up to the
    /// tolerance on each row.
    /// Returns how many columns it left out.
    private mutating func fixByReducedCost(_ root: Solution, beat: Double) -> Int {
        let margin = 0.5 - Double(m) * tolerance
        guard margin > 0 else { return 0 }
        let bound = root.duals.reduce(0, +)
        var count = 0
        for j in 0..<columnCount where !inactive[j] {
            var d = value[j]
            for r in start[j]..<start[j + 1] { d -= root.duals[Int(rows[r])] }
            if bound + d < beat + margin {
                inactive[j] = true
                count += 1
            }
        }
        return count
    }

    /// A first basis for a node started afresh (the root, or any node with `Tuning.packWarm` 0): its fixed
    /// columns, then per group the initial column, the empty one or the first that fits, among the active
    /// ones that cover nothing already covered; nil when a group has none (the node is then dropped, and
    /// the answer no longer proven).
    private func startBasis(fixed: [Int], initial: [Int], empty: [Int]) -> [Int]? {
        var covered = Array(repeating: false, count: items)
        var chosen = fixed
        func fits(_ j: Int) -> Bool {
            !inactive[j] && !((start[j] + 1)..<start[j + 1]).contains { covered[Int(rows[$0]) - groups] }
        }
        func take(_ j: Int) { for r in (start[j] + 1)..<start[j + 1] { covered[Int(rows[r]) - groups] = true } }
        for j in fixed where j >= 0 { take(j) }
        for g in 0..<groups where chosen[g] < 0 {
            var pick = [initial[g], empty[g]].first(where: fits)
            if pick == nil {
                pick = (0..<columnCount).first { Int(rows[start[$0]]) == g && fits($0) }
            }
            guard let pick else { return nil }
            chosen[g] = pick
            take(pick)
        }
        return chosen
    }

    /// Fixes column j: the other columns of its group, and every column sharing an item with it, leave.
    private mutating func fix(_ j: Int, _ fixed: inout [Int]) {
        let g = Int(rows[start[j]])
        fixed[g] = j
        var taken = Array(repeating: false, count: groups + items)
        for r in (start[j] + 1)..<start[j + 1] { taken[Int(rows[r])] = true }
        for c in 0..<columnCount where c != j && !inactive[c] {
            if Int(rows[start[c]]) == g {
                inactive[c] = true
                continue
            }
            for r in (start[c] + 1)..<start[c + 1] where taken[Int(rows[r])] {
                inactive[c] = true
                break
            }
        }
    }

    /// The simplex's working state. Variables `0..<n` are the columns, `n + k` is the slack of item k.
    private struct State {
        let lp: SetPackingLP
        let m: Int
        let n: Int
        var basic: [Int]
        var isBasic: [Bool]
        /// Row-major m × m.
        var binv: [Double]
        var xB: [Double]
        /// The right-hand sides: 1, and for the items 1 plus a distinct millionth or so, so that the many
        /// ties of the ratio test (a plan's places are all at their bound) are broken and pivots make
        /// progress (the perturbation method against degeneracy).
        var rhs: [Double]
        var pi: [Double]
        var alpha: [Double]
        var pivots = 0
        var cursor = 0
        /// The variables that may enter, in ascending order: the active columns, then every slack. The
        /// branch and bound leaves most columns out (at the root by their reduced cost, then by branching),
        /// and `lp.inactive` does not change while a state lives, so the pricing and the dual ratio test scan
        /// this list rather than every column.
        let enterable: [Int32]

        init(lp: SetPackingLP, initial: [Int]) {
            self.init(lp: lp, basis: initial + (0..<lp.items).map { lp.columnCount + $0 })
        }

        /// `basis`: m variables, a column j as j, item k's slack as n + k; `inverse`: its inverse as `refactor`
        /// makes it (empty: made here).
        init(lp: SetPackingLP, basis: [Int], inverse: [Double] = []) {
            self.lp = lp
            m = lp.m
            n = lp.columnCount
            var enterable: [Int32] = []
            for k in 0..<n where !lp.inactive[k] { enterable.append(Int32(k)) }
            for k in 0..<lp.items { enterable.append(Int32(n + k)) }
            self.enterable = enterable
            isBasic = Array(repeating: false, count: n + lp.items)
            // A parent's inverse is taken as it is (copied on the first pivot); otherwise `refactor` makes it.
            let given = inverse.count == m * m
            binv = given ? inverse : Array(repeating: 0, count: m * m)
            xB = Array(repeating: 0, count: m)
            pi = Array(repeating: 0, count: m)
            alpha = Array(repeating: 0, count: m)
            rhs = Array(repeating: 1, count: m)
            var mix: UInt64 = 0x9E37_79B9_7F4A_7C15
            for k in 0..<lp.items {
                mix = mix &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                rhs[lp.groups + k] = 1 + 1e-6 * (1 + Double(mix >> 40) / Double(1 << 24))
            }
            self.basic = basis
            for v in basic { isBasic[v] = true }
            if given { computeValues() } else { refactor() }
        }

        @inline(__always) func rowsOf(_ v: Int) -> Range<Int> {
            v < n ? lp.start[v]..<lp.start[v + 1] : 0..<0
        }

        @inline(__always) func cost(_ v: Int) -> Double { v < n ? lp.value[v] : 0 }

        /// Rebuilds the inverse from the basis, and the basic values. Returns false when the basis is singular
        /// (never expected: it only ever takes pivots > tolerance).
        ///
        /// Most basic variables are slacks, so only a small block is inverted. Let K be the basic columns
        /// and R the rows without a basic slack (the day rows, and the places whose slack is not basic):
        /// |R| = |K|, and with the rows and columns so ordered B = [[A_RK, 0], [A_TK, I]], so that
        /// B⁻¹ = [[A_RK⁻¹, 0], [−A_TK A_RK⁻¹, I]]. A_RK⁻¹ comes from Gauss–Jordan with partial pivoting:
        /// |K|³ rather than m³ (at 200 rows, the dense inverse took over a third of a run's time).
        @discardableResult
        mutating func refactor() -> Bool {
            // Basis positions of the columns (K), and of each row's slack (-1: the row is in R).
            var structural: [Int] = []
            var slackAt = Array(repeating: -1, count: m)
            for (i, v) in basic.enumerated() {
                if v < n { structural.append(i) } else { slackAt[lp.groups + v - n] = i }
            }
            let r = (0..<m).filter { slackAt[$0] < 0 }
            let s = structural.count
            guard r.count == s else { return false }
            var indexInR = Array(repeating: -1, count: m)
            for (b, row) in r.enumerated() { indexInR[row] = b }
            // A_RK (rows: R, columns: K) and its inverse, s × s.
            var a = Array(repeating: 0.0, count: s * s)
            for (c, i) in structural.enumerated() {
                for k in rowsOf(basic[i]) where indexInR[Int(lp.rows[k])] >= 0 { a[indexInR[Int(lp.rows[k])] * s + c] = 1 }
            }
            var inv = Array(repeating: 0.0, count: s * s)
            for i in 0..<s { inv[i * s + i] = 1 }
            // Gauss–Jordan on the rows, in place. A_RK is sparse (a route covers a few places) and so, at
            // first, are the rows of `inv`: each elimination goes over the span of the pivot row's nonzero
            // entries only, which gives the same numbers as the dense loop at a fraction of the work.
            // Columns left of the pivot are done (unit vectors) and never read again.
            let regular = a.withUnsafeMutableBufferPointer { a in
                inv.withUnsafeMutableBufferPointer { inv in
                    guard let aBase = a.baseAddress, let invBase = inv.baseAddress else { return s == 0 }
                    for c in 0..<s {
                        var p = c
                        for row in (c + 1)..<s where abs(a[row * s + c]) > abs(a[p * s + c]) { p = row }
                        if abs(a[p * s + c]) < 1e-12 { return false }
                        if p != c {
                            for k in c..<s { a.swapAt(p * s + k, c * s + k) }
                            for k in 0..<s { inv.swapAt(p * s + k, c * s + k) }
                        }
                        let d = 1 / a[c * s + c]
                        let pivotRow = c * s
                        var aLo = s, aHi = 0, invLo = s, invHi = 0
                        for k in (c + 1)..<s where a[pivotRow + k] != 0 {
                            a[pivotRow + k] *= d
                            aLo = min(aLo, k)
                            aHi = k + 1
                        }
                        for k in 0..<s where inv[pivotRow + k] != 0 {
                            inv[pivotRow + k] *= d
                            invLo = min(invLo, k)
                            invHi = k + 1
                        }
                        let aSource = UnsafePointer(aBase + pivotRow), invSource = UnsafePointer(invBase + pivotRow)
                        for row in 0..<s where row != c {
                            let f = a[row * s + c]
                            if f == 0 { continue }
                            SetPackingLP.subtract(f, aSource, from: aBase + row * s, aLo, aHi)
                            SetPackingLP.subtract(f, invSource, from: invBase + row * s, invLo, invHi)
                        }
                    }
                    return true
                }
            }
            if !regular { return false }
            // inv solves A_RK x_K = y_R: x_K = inv y_R, inv's rows in K's order, its columns in R's.
            for k in 0..<(m * m) { binv[k] = 0 }
            for (c, i) in structural.enumerated() {
                for (b, row) in r.enumerated() { binv[i * m + row] = inv[c * s + b] }
            }
            for t in 0..<m where slackAt[t] >= 0 { binv[slackAt[t] * m + t] = 1 }
            // A slack's row t: x_t = y_t − A_tK x_K.
            for (c, i) in structural.enumerated() {
                for k in rowsOf(basic[i]) {
                    let t = Int(lp.rows[k])
                    guard slackAt[t] >= 0 else { continue }
                    let at = slackAt[t] * m
                    for (b, row) in r.enumerated() { binv[at + row] -= inv[c * s + b] }
                }
            }
            computeValues()
            return true
        }

        /// The basic values, B⁻¹ rhs.
        mutating func computeValues() {
            for i in 0..<m {
                var sum = 0.0
                for k in 0..<m { sum += binv[i * m + k] * rhs[k] }
                xB[i] = sum
            }
        }

        mutating func computeDuals() {
            for k in 0..<m { pi[k] = 0 }
            let m = m, n = n, basic = basic, value = lp.value
            pi.withUnsafeMutableBufferPointer { pi in
                binv.withUnsafeBufferPointer { binv in
                    guard let piBase = pi.baseAddress, let binvBase = binv.baseAddress else { return }
                    for i in 0..<m {
                        let c = basic[i] < n ? value[basic[i]] : 0
                        if c == 0 { continue }
                        // pi += c · row i (y − (−c)·x is y + c·x exactly).
                        SetPackingLP.subtract(-c, binvBase + i * m, from: piBase, 0, m)
                    }
                }
            }
        }

        @inline(__always) func reducedCost(_ v: Int) -> Double {
            if v >= n { return -pi[lp.groups + v - n] }
            var d = lp.value[v]
            for r in rowsOf(v) { d -= pi[Int(lp.rows[r])] }
            return d
        }

        /// The entering variable: Dantzig's rule over a block of columns from `cursor` (the next block when
        /// a block has none), or with `bland` the lowest-numbered improving one. nil: optimal.
        mutating func entering(bland: Bool) -> Int? {
            let total = n + lp.items
            let tolerance = lp.tolerance
            if bland {
                for entry in enterable where !isBasic[Int(entry)] && reducedCost(Int(entry)) > tolerance {
                    return Int(entry)
                }
                return nil
            }
            let block = max(512, total / 16)
            var scanned = 0
            while scanned < total {
                var best = -1
                var bestD = tolerance
                let end = min(total, scanned + block)
                // The block is the variables (cursor + s) % total for s in scanned..<end: up to two ranges of
                // numbers, each scanned in `enterable` from its first member on, in the same order as all.
                let from = cursor + scanned, to = cursor + end
                for part in 0..<2 {
                    let (lo, hi) = part == 0 ? (from, min(to, total)) : (max(from, total) - total, to - total)
                    if lo >= hi { continue }
                    var i = firstEnterable(atLeast: lo)
                    while i < enterable.count && Int(enterable[i]) < hi {
                        let v = Int(enterable[i])
                        i += 1
                        if isBasic[v] { continue }
                        let d = reducedCost(v)
                        if d > bestD { (best, bestD) = (v, d) }
                    }
                }
                scanned = end
                if best >= 0 {
                    cursor = (cursor + scanned) % total
                    return best
                }
            }
            return nil
        }

        /// The position in `enterable` of its first variable numbered `v` or more (its count when none).
        func firstEnterable(atLeast v: Int) -> Int {
            var (lo, hi) = (0, enterable.count)
            while lo < hi {
                let mid = (lo + hi) / 2
                if Int(enterable[mid]) < v { lo = mid + 1 } else { hi = mid }
            }
            return lo
        }

        /// Pivots until optimal (true), or until the budget or `stop` ends it (false).
        mutating func run(pivotBudget: Int, stop: () -> Bool) -> Bool {
            var degenerate = 0
            #if TRIPPLAN_TRACE
            var degenerateAll = 0, blandAll = 0
            let began = SearchClock.now()
            defer { FileHandle.standardError.write("TRACE lp: \(pivots) pivots, \(degenerateAll) degenerate, \(blandAll) Bland, \(Int((SearchClock.now() - began) * 1000)) ms\n".data(using: .utf8)!) }
            #endif
            while true {
                if pivots >= pivotBudget || (pivots & 15 == 15 && stop()) { return false }
                computeDuals()
                let bland = degenerate >= SetPackingLP.degenerateRun
                guard let q = entering(bland: bland) else { return true }
                computeAlpha(q)
                var leave = -1
                var theta = Double.infinity
                for i in 0..<m {
                    // A left-out column still basic (a warm start's, at 0) may not grow either.
                    let bounded = basic[i] < n && lp.inactive[basic[i]]
                    let tolerance = SetPackingLP.pivotTolerance
                    guard alpha[i] > tolerance || (bounded && alpha[i] < -tolerance) else { continue }
                    let t = alpha[i] > 0 ? max(0, xB[i]) / alpha[i] : max(0, -xB[i]) / -alpha[i]
                    if leave < 0 || t < theta - 1e-12 {
                        (leave, theta) = (i, t)
                    } else if t <= theta + 1e-12 {
                        // A tie: Bland's rule takes the lowest-numbered variable, otherwise the largest pivot.
                        if bland ? basic[i] < basic[leave] : alpha[i] > alpha[leave] { (leave, theta) = (i, min(t, theta)) }
                    }
                }
                // Every variable is at most 1 (its group row), so the program is bounded.
                guard leave >= 0 else { return false }
                degenerate = theta < 1e-12 ? degenerate + 1 : 0
                #if TRIPPLAN_TRACE
                if theta < 1e-12 { degenerateAll += 1 }
                if bland { blandAll += 1 }
                #endif
                pivot(leave, q, theta: theta)
            }
        }

        /// alpha = B⁻¹ a_q.
        mutating func computeAlpha(_ q: Int) {
            if q < n {
                for i in 0..<m {
                    var s = 0.0
                    for r in rowsOf(q) { s += binv[i * m + Int(lp.rows[r])] }
                    alpha[i] = s
                }
            } else {
                let k = lp.groups + q - n
                for i in 0..<m { alpha[i] = binv[i * m + k] }
            }
        }

        /// Variable q enters at basis position `leave` with value `theta` (alpha = B⁻¹ a_q computed).
        mutating func pivot(_ leave: Int, _ q: Int, theta: Double) {
            for i in 0..<m where i != leave { xB[i] -= theta * alpha[i] }
            xB[leave] = theta
            let a = alpha[leave]
            // The row operations go over the span of the pivot row's nonzero entries, with pointers, so that
            // the loop is vectorized: B⁻¹ of a packing's basis has many zeros, and skipping them, or
            // subtracting 0 from them, gives the same numbers.
            let m = m, pivotRow = leave * m
            binv.withUnsafeMutableBufferPointer { binv in
                alpha.withUnsafeBufferPointer { alpha in
                    guard let base = binv.baseAddress else { return }
                    var lo = m, hi = 0
                    for k in 0..<m where binv[pivotRow + k] != 0 {
                        binv[pivotRow + k] /= a
                        lo = min(lo, k)
                        hi = k + 1
                    }
                    guard lo < hi else { return }
                    let source = UnsafePointer(base + pivotRow)
                    for i in 0..<m where i != leave && alpha[i] != 0 {
                        SetPackingLP.subtract(alpha[i], source, from: base + i * m, lo, hi)
                    }
                }
            }
            isBasic[basic[leave]] = false
            basic[leave] = q
            isBasic[q] = true
            pivots += 1
            if pivots % SetPackingLP.refactorEvery == 0 { refactor() }
        }

        /// The dual simplex, from a dual feasible basis whose left-out (inactive) basic columns must come to
        /// 0 and whose other basic values must not be below it: true once they all are (the basis is then
        /// optimal, up to the primal simplex's tolerance), false when no point is feasible (the leaving row
        /// has no entry of the right sign), nil when the budget or `stop` ends it first.
        ///
        /// The leaving row is the most violated; the entering variable, among the active ones whose entry
        /// in that row has the sign of the row's value, the one of least |reduced cost / entry|, so that every
        /// reduced cost stays at most 0 (ties: the largest entry). The leaving variable goes to 0.
        mutating func dualRun(pivotBudget: Int, stop: () -> Bool) -> Bool? {
            let feasibility = 1e-9
            while true {
                if pivots >= pivotBudget || (pivots & 15 == 15 && stop()) { return nil }
                var leave = -1
                var worst = feasibility
                for i in 0..<m {
                    let v = basic[i]
                    let violation = v < n && lp.inactive[v] ? abs(xB[i]) : -xB[i]
                    if violation > worst { (leave, worst) = (i, violation) }
                }
                guard leave >= 0 else { return true }
                let sign: Double = xB[leave] > 0 ? 1 : -1
                computeDuals()
                let row = leave * m
                var q = -1
                var best = Double.infinity, bestEntry = 0.0
                for variable in enterable where !isBasic[Int(variable)] {
                    let k = Int(variable)
                    // The entry of B⁻¹'s row `leave` times the column (rows and indices within B⁻¹'s row).
                    let entry = binv.withUnsafeBufferPointer { binv in
                        guard k < n else { return binv[row + lp.groups + k - n] * sign }
                        var entry = 0.0
                        for r in rowsOf(k) { entry += binv[row + Int(lp.rows[r])] }
                        return entry * sign
                    }
                    guard entry > SetPackingLP.pivotTolerance else { continue }
                    let ratio = max(0, -reducedCost(k)) / entry
                    if ratio < best - 1e-12 || (ratio <= best + 1e-12 && entry > bestEntry) {
                        (q, best, bestEntry) = (k, ratio, entry)
                    }
                }
                guard q >= 0 else { return false }
                computeAlpha(q)
                pivot(leave, q, theta: xB[leave] / alpha[leave])
            }
        }
    }
}
