import Foundation
import TripPlanKit

/// `tripplan-bench compare`: two sets of `quality --csv` tables, trip by trip, with a sign test.
///
/// Tuning compares a change with the build before it, both run side by side on the same trips with the
/// same search seeds. With a time limit each run is a draw: the same build against itself gave 38 runs
/// better and 23 worse on 64 runs of 200-place trips (+120 score). So a count of better and worse runs
/// means little without the chance that a coin would do as well, which this command prints: the exact
/// two-sided sign test over the runs that differ.
struct CompareBenchmark: Command, FlexiblePositionals {
    static let name = "compare"
    static let abstract = "Compare two sets of 'quality --csv' tables trip by trip, with a sign test."
    static let usage = "tripplan-bench compare <before.csv>… --after <after.csv>[,<after.csv>…] [--best <file>[,<file>…]]"
    static let discussion = """
        ARGUMENTS:
          <before.csv>            Tables written by 'quality --csv' for the build before.

        OPTIONS:
          --after <list>          The tables of the build after, comma-separated, as many as
                                  before: the n-th is paired with the n-th (same search seed).
          --best <list>           Best-known answers ('quality --best' files), comma-separated:
                                  also count the runs that meet them, before → after, of
                                  the runs with a best-known answer (a later file wins on a
                                  trip in both). Benchmarks/best-known.txt holds the held-out
                                  trips, Benchmarks/best-known-tuning.txt the tuning trips.

        Rows are paired by places and seed; rows on one side only are counted and left out.
        A run is better when it has more required visits, then more optional score, then
        less travel. Per size: the runs, how many are better, equal and worse after, the
        change in required visits and score summed over the runs, the mean change in travel
        over the runs with the same visits, and p: the chance of a split at least as uneven
        between better and worse if each were a coin flip (exact two-sided sign test). Below
        0.05 the change is unlikely to be the spread alone; confirm it on other search seeds.
        A run meets a best-known answer as in 'quality': at least its required visits and
        score and, when both are equal, travel within 1 %; an infeasible run never does.
        """
    static let spec = ArgumentSpec(flags: [], options: ["--after", "--best"], positionals: ["before.csv"])
    static let positionalCount = 1...64

    /// One row of a quality table: required visits, optional score, travel minutes.
    struct Run: Equatable {
        var required: Int, score: Int, travel: Int
        var feasible = true

        /// Required visits, then score, then less travel (as the scheduler ranks plans).
        var key: (Int, Int, Int) { (required, score, -travel) }

        /// Whether the run meets a best-known answer, as `quality` judges it.
        func meets(_ best: QualityBenchmark.Known) -> Bool {
            feasible && QualityBenchmark.Known(required: required, score: score, travel: travel).meets(best).meets
        }
    }

    /// The runs of one size compared.
    struct Tally: Equatable {
        var runs = 0, better = 0, equal = 0, worse = 0
        var required = 0, score = 0
        /// Percent change of travel, summed over the runs with the same required visits and score.
        var travelPercent = 0.0, sameVisits = 0
        /// Runs with a best-known answer, and of those how many meet it before and after.
        var known = 0, meetsBefore = 0, meetsAfter = 0

        mutating func add(before: Run, after: Run, best: QualityBenchmark.Known? = nil) {
            runs += 1
            if let best {
                known += 1
                if before.meets(best) { meetsBefore += 1 }
                if after.meets(best) { meetsAfter += 1 }
            }
            if after.key > before.key { better += 1 } else if after.key < before.key { worse += 1 } else { equal += 1 }
            required += after.required - before.required
            score += after.score - before.score
            if (after.required, after.score) == (before.required, before.score), before.travel > 0 {
                travelPercent += Double(after.travel - before.travel) / Double(before.travel) * 100
                sameVisits += 1
            }
        }

        static func + (a: Tally, b: Tally) -> Tally {
            Tally(runs: a.runs + b.runs, better: a.better + b.better, equal: a.equal + b.equal, worse: a.worse + b.worse,
                  required: a.required + b.required, score: a.score + b.score,
                  travelPercent: a.travelPercent + b.travelPercent, sameVisits: a.sameVisits + b.sameVisits,
                  known: a.known + b.known, meetsBefore: a.meetsBefore + b.meetsBefore, meetsAfter: a.meetsAfter + b.meetsAfter)
        }
    }

    static func run(_ arguments: ParsedArguments, console: Console) throws -> Int32 {
        let before = arguments.positionals
        guard let afterText = arguments.option("--after") else {
            throw UsageError("Missing '--after <list>': the tables of the build after, as many as before.")
        }
        let after = afterText.split(separator: ",", omittingEmptySubsequences: true).map(String.init)
        guard after.count == before.count else {
            throw UsageError("Give as many tables after as before (\(before.count) before, \(after.count) after): the n-th of each is one search seed.")
        }
        var known: [String: QualityBenchmark.Known] = [:]
        let bestFiles = arguments.option("--best").map { $0.split(separator: ",", omittingEmptySubsequences: true).map(String.init) } ?? []
        for file in bestFiles {
            guard FileManager.default.fileExists(atPath: file) else {
                throw CommandFailure("no best-known file \(file); give files written by 'tripplan-bench quality --update --best <file>'")
            }
            known.merge(try QualityBenchmark.readKnown(file)) { _, later in later }
        }
        var tallies: [Int: Tally] = [:]
        var unpaired = 0
        for (b, a) in zip(before, after) {
            let rowsBefore = try readRuns(b), rowsAfter = try readRuns(a)
            unpaired += rowsAfter.keys.filter { rowsBefore[$0] == nil }.count
            for (trip, runBefore) in rowsBefore {
                guard let runAfter = rowsAfter[trip] else { unpaired += 1; continue }
                tallies[trip.places, default: Tally()].add(before: runBefore, after: runAfter, best: known["\(trip.places) \(trip.seed)"])
            }
        }
        guard !tallies.isEmpty else {
            throw CommandFailure("the tables have no trip in common (rows are paired by places and seed); check that both sides ran the same --sizes and --seeds")
        }
        console.out("Compared: \(before.joined(separator: ", ")) → \(after.joined(separator: ", ")).\n\n")
        var columns: [(String, Int, Bool)] = [("places", 6, true), ("runs", 4, true), ("better", 6, true), ("equal", 5, true), ("worse", 5, true),
                                              ("required", 8, true), ("score", 6, true), ("travel %", 8, true), ("p", 6, true)]
        if !bestFiles.isEmpty { columns.append(("meets", 13, true)) }
        var table = TextTable(columns)
        console.out(table.header())
        for places in tallies.keys.sorted() {
            console.out(table.add(cells(String(places), tallies[places]!, meets: !bestFiles.isEmpty)))
        }
        if tallies.count > 1 {
            console.out(table.add(cells("all", tallies.values.reduce(Tally(), +), meets: !bestFiles.isEmpty)))
        }
        if unpaired > 0 {
            console.out("\n\(unpaired) row(s) on one side only (no trip with the same places and seed on the other) were left out.\n")
        }
        return ExitCode.success
    }

    static func cells(_ label: String, _ t: Tally, meets: Bool = false) -> [String] {
        let travel = t.sameVisits == 0 ? "-" : signed(t.travelPercent / Double(t.sameVisits), 2)
        let row = [label, String(t.runs), String(t.better), String(t.equal), String(t.worse),
                   signed(t.required), signed(t.score), travel, probability(signTest(t.better, t.worse))]
        guard meets else { return row }
        return row + [t.known == 0 ? "-" : "\(t.meetsBefore) → \(t.meetsAfter) of \(t.known)"]
    }

    /// A p-value to three decimals, and below a thousandth as such rather than as 0.000.
    static func probability(_ p: Double) -> String { p < 0.001 ? "<0.001" : Figures.fixed(p, 3) }

    static func signed(_ n: Int) -> String { n > 0 ? "+\(n)" : String(n) }
    static func signed(_ x: Double, _ digits: Int) -> String {
        let text = Figures.fixed(x, digits)
        return x > 0 && !text.hasPrefix("+") ? "+" + text : text
    }

    /// The exact two-sided sign test: the chance that `better + worse` fair coin flips split at least as
    /// unevenly as `better` against `worse` (1 when they are equal or none differ).
    static func signTest(_ better: Int, _ worse: Int) -> Double {
        let n = better + worse, k = min(better, worse)
        guard n > 0, k * 2 < n else { return 1 }
        // P(X <= k) for X ~ Binomial(n, 1/2), summed in logarithms so that large n does not overflow.
        var tail = 0.0
        for i in 0...k {
            tail += exp(lgamma(Double(n + 1)) - lgamma(Double(i + 1)) - lgamma(Double(n - i + 1)) - Double(n) * log(2))
        }
        return min(1, 2 * tail)
    }

    struct Trip: Hashable { var places: Int, seed: Int }

    /// The runs of a `quality --csv` table by trip; the columns are found by their titles.
    static func readRuns(_ path: String) throws(CommandFailure) -> [Trip: Run] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw CommandFailure("cannot read \(path); give a table written by 'tripplan-bench quality --csv <file>'")
        }
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        guard let header = lines.first else { throw CommandFailure("\(path) is empty; give a table written by 'tripplan-bench quality --csv <file>'") }
        var column: [String: Int] = [:]
        for name in ["places", "seed", "required", "score", "travel"] {
            guard let index = header.firstIndex(of: name) else {
                throw CommandFailure("\(path):1: no column '\(name)'; give a table written by 'tripplan-bench quality --csv <file>'")
            }
            column[name] = index
        }
        // A table without a 'feasible' column: its runs count as feasible.
        let feasibleColumn = header.firstIndex(of: "feasible")
        var runs: [Trip: Run] = [:]
        for (number, fields) in lines.enumerated().dropFirst() where fields != [""] {
            func int(_ name: String) -> Int? {
                let i = column[name]!
                guard i < fields.count else { return nil }
                // "required" reads "placed/total".
                return Int(fields[i].split(separator: "/").first.map(String.init) ?? "")
            }
            guard let places = int("places"), let seed = int("seed"), let required = int("required"),
                  let score = int("score"), let travel = int("travel") else {
                throw CommandFailure("\(path):\(number + 1): expected whole numbers in places, seed, required, score and travel, found '\(fields.joined(separator: ","))'")
            }
            let feasible = feasibleColumn.map { $0 < fields.count && fields[$0] == "yes" } ?? true
            runs[Trip(places: places, seed: seed)] = Run(required: required, score: score, travel: travel, feasible: feasible)
        }
        return runs
    }
}
