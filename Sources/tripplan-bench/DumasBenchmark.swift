import Foundation
import TripPlanKit

/// `tripplan-bench dumas`: the Dumas TSPTW instances against their proven optima.
struct DumasBenchmark: Command, FlexiblePositionals {
    static let name = "dumas"
    static let abstract = "Solve the Dumas TSPTW instances as one-day trips and compare with the optima."
    static let usage = "tripplan-bench dumas [<dir>] [--budget <seconds>] [--jobs <n>] [--filter <text>] [--csv <file>]"
    static let defaultFolder = "../shared/bench-data/tsptw-dumas"
    static let discussion = """
        ARGUMENTS:
          <dir>                 The folder of the instance files and optima.csv
                                (default: \(defaultFolder), relative to the package root).

        OPTIONS:
          --budget <seconds>    Time limit per instance (SchedulerOptions.timeLimit). Without it the
                                search is deterministic.
          --jobs <n>            Searches side by side (default 1: one core, as the targets are
                                stated).
          --filter <text>       Only instances whose file name contains <text>; several, comma-
                                separated, match any: n20w,n40w,n60w (n20 alone also matches n200).
          --csv <file>          Also write the per-instance table as CSV.

        Each instance becomes a one-day trip: node 0 is home, node i a place with visitMinutes 0
        and one opening interval [earliest, latest]; c_ij is the travel matrix. The answer is checked
        by the bench's own code (every node once, no arrival after its latest time, travel equal to
        c_ij, back within the horizon) and its objective recomputed. An infeasible answer counts as
        a failure: the summary says so and the exit code is 1.
        """
    static let spec = ArgumentSpec(options: ["--budget", "--jobs", "--filter", "--csv"], positionals: ["dir"])
    static let positionalCount = 0...1

    static func run(_ arguments: ParsedArguments, console: Console) throws -> Int32 {
        let budget = try BenchOptions.budget(arguments)
        let options = SchedulerOptions(timeLimit: budget, jobs: try BenchOptions.jobs(arguments, default: 1))
        try TourCheck.selfCheck()
        let folder = arguments.positionals.first ?? defaultFolder
        let instances = try loadInstances(folder: folder, filter: arguments.option("--filter"))
        guard !instances.isEmpty else {
            throw CommandFailure("\(folder): no instance file matches '\(arguments.option("--filter") ?? "")'; try --filter n20w")
        }

        console.out("Dumas TSPTW: \(instances.count) instances from \(folder), budget \(budget.map { "\($0) s" } ?? "none (deterministic)"), \(BenchOptions.jobsText(options)); feasibility checker self-check passed.\n\n")
        var table = TextTable([("instance", 15, false), ("n", 3, true), ("objective", 9, true), ("optimum", 7, true),
                               ("gap %", 6, true), ("feasible", 8, false), ("time ms", 8, true)])
        console.out(table.header())
        var results: [Result] = []
        let clock = ContinuousClock()
        for (instance, optimum) in instances {
            let (trip, travel) = instance.trip()
            let started = clock.now
            let itinerary = Scheduler.plan(trip, travel: travel, options: options)
            let milliseconds = Figures.milliseconds(clock.now - started)
            let verdict = TourCheck.check(itinerary, instance: instance)
            let result = Result(instance: instance, optimum: optimum, verdict: verdict, milliseconds: milliseconds)
            results.append(result)
            console.out(table.add([
                instance.name.replacingOccurrences(of: ".txt", with: ""), String(instance.customers),
                verdict.objective.map(String.init) ?? "-", String(optimum),
                result.gap.map { Figures.fixed($0, 2) } ?? "-", verdict.feasible ? "yes" : "NO",
                Figures.fixed(milliseconds, 1),
            ]))
            if !verdict.feasible {
                console.out("    ↳ " + verdict.problems.prefix(3).joined(separator: "\n    ↳ ") + "\n")
            }
        }
        try BenchOptions.writeCSV(table, to: arguments.option("--csv"), console: console)

        console.out("\nSummary (gap over feasible answers; an infeasible answer is a failure)\n")
        var summary = TextTable([("group", 7, false), ("instances", 9, true), ("feasible", 8, true), ("failures", 8, true),
                                 ("mean gap %", 10, true), ("max gap %", 9, true), ("mean ms", 8, true), ("max ms", 8, true)])
        console.out(summary.header())
        var groups: [String] = []
        for result in results where !groups.contains(result.instance.sizeGroup) { groups.append(result.instance.sizeGroup) }
        for group in groups {
            console.out(summary.add(summaryRow(group, results.filter { $0.instance.sizeGroup == group })))
        }
        console.out(summary.add(summaryRow("all", results)))
        let failures = results.filter { !$0.verdict.feasible }.count
        if failures > 0 {
            console.err("Error: \(failures) of \(results.count) answers are infeasible (see the rows marked NO).\n")
            return ExitCode.failure
        }
        return ExitCode.success
    }

    struct Result {
        var instance: DumasInstance
        var optimum: Int
        var verdict: TourVerdict
        var milliseconds: Double
        /// (objective − optimum) / optimum in %, for feasible answers only.
        var gap: Double? {
            guard verdict.feasible, let objective = verdict.objective else { return nil }
            return Double(objective - optimum) / Double(optimum) * 100
        }
    }

    static func summaryRow(_ group: String, _ results: [Result]) -> [String] {
        let gaps = results.compactMap(\.gap)
        let times = results.map(\.milliseconds)
        let feasible = results.filter { $0.verdict.feasible }.count
        return [
            group, String(results.count), "\(feasible)/\(results.count)", String(results.count - feasible),
            gaps.isEmpty ? "-" : Figures.fixed(gaps.reduce(0, +) / Double(gaps.count), 3),
            gaps.isEmpty ? "-" : Figures.fixed(gaps.max() ?? 0, 3),
            Figures.fixed(times.reduce(0, +) / Double(max(1, times.count)), 1), Figures.fixed(times.max() ?? 0, 1),
        ]
    }

    /// The instances in the folder (sorted by size, then name) with their optima.
    static func loadInstances(folder: String, filter: String?) throws -> [(DumasInstance, Int)] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw CommandFailure(DumasError.missingFolder(path: folder).description)
        }
        let optimaPath = folder + "/optima.csv"
        let optima = DumasInstance.optima(csv: try readText(optimaPath))
        let names = try FileManager.default.contentsOfDirectory(atPath: folder)
            .filter { $0.hasPrefix("n") && $0.hasSuffix(".txt") }
            .filter { name in filter.map { $0.split(separator: ",").contains { name.contains($0) } } ?? true }
        var instances: [(DumasInstance, Int)] = []
        for name in names {
            guard let optimum = optima[name] else {
                throw CommandFailure(DumasError.noOptimum(file: name, optima: optimaPath).description)
            }
            let text = try readText(folder + "/" + name)
            do {
                instances.append((try DumasInstance(text: text, name: name), optimum))
            } catch {
                throw CommandFailure(error.description)
            }
        }
        return instances.sorted { ($0.0.customers, $0.0.name) < ($1.0.customers, $1.0.name) }
    }

    static func readText(_ path: String) throws(CommandFailure) -> String {
        do {
            return String(decoding: try FileStore.read(path), as: UTF8.self)
        } catch {
            throw CommandFailure(error.description)
        }
    }
}
