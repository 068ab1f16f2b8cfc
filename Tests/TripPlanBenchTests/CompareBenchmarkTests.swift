import Foundation
import Testing
import TripPlanKit
@testable import tripplan_bench

/// `tripplan-bench compare`: runs paired by trip and ranked as the scheduler ranks plans, and the sign test
/// that says whether a split of better and worse runs is more than the spread.
@Suite struct CompareBenchmarkTests {
    @Test func signTestMatchesTheBinomialTails() {
        // Exact values: 2 · P(X ≤ k) for X ~ Binomial(n, 1/2), from sums of binomial coefficients.
        #expect(abs(CompareBenchmark.signTest(10, 0) - 0.001953125) < 1e-12)
        #expect(abs(CompareBenchmark.signTest(0, 10) - 0.001953125) < 1e-12)
        #expect(abs(CompareBenchmark.signTest(38, 23) - 0.0721774385) < 1e-9)
        #expect(abs(CompareBenchmark.signTest(52, 11) - 1.6734991e-7) < 1e-13)
        #expect(abs(CompareBenchmark.signTest(187, 130) - 0.0016176287) < 1e-9)
        #expect(CompareBenchmark.signTest(5, 5) == 1)
        #expect(CompareBenchmark.signTest(1, 0) == 1)
        #expect(CompareBenchmark.signTest(0, 0) == 1)
    }

    @Test func runsRankByRequiredThenScoreThenTravel() {
        typealias Run = CompareBenchmark.Run
        var tally = CompareBenchmark.Tally()
        let base = Run(required: 10, score: 20, travel: 1000)
        tally.add(before: base, after: Run(required: 11, score: 0, travel: 5000))   // more required: better
        tally.add(before: base, after: Run(required: 10, score: 19, travel: 10))    // less score: worse
        tally.add(before: base, after: Run(required: 10, score: 20, travel: 990))   // less travel: better
        tally.add(before: base, after: base)
        #expect(tally == CompareBenchmark.Tally(runs: 4, better: 2, equal: 1, worse: 1, required: 1, score: -21,
                                                travelPercent: -1, sameVisits: 2))
        #expect(CompareBenchmark.cells("10", tally) == ["10", "4", "2", "1", "1", "+1", "-21", "-0.50", "1.000"])
        #expect(CompareBenchmark.probability(CompareBenchmark.signTest(20, 0)) == "<0.001")
        #expect(CompareBenchmark.probability(CompareBenchmark.signTest(38, 23)) == "0.072")
    }

    /// A run meets a best-known answer as `quality` judges it: more required visits, or as many and more
    /// score, or both equal and travel within 1 %; an infeasible run never does.
    @Test func meetsCountsRunsThatReachTheBestKnown() {
        typealias Run = CompareBenchmark.Run
        let best = QualityBenchmark.Known(required: 10, score: 20, travel: 1000)
        #expect(Run(required: 10, score: 20, travel: 1010).meets(best))
        #expect(!Run(required: 10, score: 20, travel: 1011).meets(best))
        #expect(Run(required: 10, score: 21, travel: 5000).meets(best))
        #expect(Run(required: 11, score: 0, travel: 5000).meets(best))
        #expect(!Run(required: 10, score: 19, travel: 10).meets(best))
        #expect(!Run(required: 10, score: 20, travel: 1000, feasible: false).meets(best))

        var tally = CompareBenchmark.Tally()
        tally.add(before: Run(required: 10, score: 19, travel: 900), after: Run(required: 10, score: 20, travel: 1005), best: best)
        tally.add(before: Run(required: 10, score: 20, travel: 1000), after: Run(required: 10, score: 20, travel: 1000), best: best)
        tally.add(before: Run(required: 9, score: 0, travel: 800), after: Run(required: 9, score: 0, travel: 700))
        #expect((tally.known, tally.meetsBefore, tally.meetsAfter) == (2, 1, 2))
        #expect(CompareBenchmark.cells("50", tally, meets: true).last == "1 → 2 of 2")
        #expect(CompareBenchmark.cells("50", CompareBenchmark.Tally(), meets: true).last == "-")
    }

    @Test func readsQualityTablesAndNamesTheLineOfABadRow() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("compare-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let good = folder.appendingPathComponent("good.csv").path
        try """
            places,seed,required,score,travel,ms,feasible,best req,best score,best travel,gap %,meets
            25,101,18/19,20,1486,966,yes,18,20,1486,0.00,yes
            50,102,30/31,41,2297,1001,yes,-,-,-,-,-
            """.write(toFile: good, atomically: true, encoding: .utf8)
        let runs = try CompareBenchmark.readRuns(good)
        #expect(runs[.init(places: 25, seed: 101)] == .init(required: 18, score: 20, travel: 1486))
        #expect(runs[.init(places: 50, seed: 102)] == .init(required: 30, score: 41, travel: 2297))

        let windows = folder.appendingPathComponent("windows.csv").path
        try "places,seed,required,score,travel\r\n25,101,18/19,20,1486\r\n".write(toFile: windows, atomically: true, encoding: .utf8)
        #expect(try CompareBenchmark.readRuns(windows) == [.init(places: 25, seed: 101): .init(required: 18, score: 20, travel: 1486)])

        let bad = folder.appendingPathComponent("bad.csv").path
        try "places,seed,required,score,travel\n25,101,18/19,20,1486\n\n25,102,x,20,1486\n".write(toFile: bad, atomically: true, encoding: .utf8)
        #expect(failure { try CompareBenchmark.readRuns(bad) }?.contains("bad.csv:4: expected whole numbers") == true)

        let noColumn = folder.appendingPathComponent("nocolumn.csv").path
        try "places,seed,required,score\n25,101,18/19,20\n".write(toFile: noColumn, atomically: true, encoding: .utf8)
        #expect(failure { try CompareBenchmark.readRuns(noColumn) }?.contains("nocolumn.csv:1: no column 'travel'") == true)
        let missing = folder.appendingPathComponent("missing.csv").path
        #expect(failure { try CompareBenchmark.readRuns(missing) }?.contains("cannot read") == true)
    }

    /// The message of the `CommandFailure` that `body` throws; nil when it throws none.
    func failure(_ body: () throws -> some Any) -> String? {
        do {
            _ = try body()
            return nil
        } catch {
            return (error as? CommandFailure)?.message
        }
    }
}
