import Foundation
import TripPlanKit

/// `tripplan-bench scale`: generated multi-day trips of growing size, one child process per size.
struct ScaleBenchmark: Command {
    static let name = "scale"
    static let abstract = "Generate multi-day trips of growing size and report time, quality and peak memory."
    static let usage = "tripplan-bench scale [--sizes <list>] [--budget <seconds>] [--seed <n>] [--jobs <n>] [--reference <seconds>] [--csv <file>]"
    static let discussion = """
        OPTIONS:
          --sizes <list>          Places per trip, comma-separated (default 25,50,100,200).
          --budget <seconds>      The time limit of the final search (default 1).
          --seed <n>              Seed of the generated trips and of the search (default 1).
          --jobs <n>              Searches side by side, each on its own thread (default: one
                                  per processor core, at most 8; 1: one core).
          --reference <seconds>   Also plan each trip with this longer limit, as the best known
                                  answer: 'meets' is yes when the final plan has at least its
                                  required visits and score and, when equal, travel within 1 %
                                  of it ('gap %', shown only for equal visits).
          --csv <file>            Also write the table as CSV.

        Trips: one day per ~8 places, towns on a loop around Latvia with a lodging each, opening
        hours of every kind (weekday and date rules, split days, short windows, appointments,
        closed dates), a quarter of the places optional with a score, lunch 12:00–14:00 (45 min).

        Time to the first plan and to within 1 % of the final one come from repeated runs with
        growing limits (10, 20, 50, 100, 200, 500 ms, then the budget): 'feasible' is the wall
        time of the first run that returns a feasible plan (the construction, at least); 'first'
        of the first run whose plan is feasible and has as many required visits and as much
        optional score as the final plan; 'to 1%' adds travel ≤ 1.01 × the final travel. When the
        scheduler reports progress during the final run, the same two moments read from its
        callbacks are shown too (columns 'cb'). Each size runs in a child process
        ('tripplan-bench scale-one'), so its peak memory (VmHWM) is its own; 'base MB' is the peak
        before the first search (the process, the trip and the travel matrix).
        """
    static let spec = ArgumentSpec(options: ["--sizes", "--budget", "--seed", "--jobs", "--reference", "--csv"])

    static func run(_ arguments: ParsedArguments, console: Console) throws -> Int32 {
        let budget = try BenchOptions.budget(arguments) ?? 1
        let seed = try BenchOptions.seed(arguments)
        var reference: Double?
        if let text = arguments.option("--reference") {
            guard let seconds = Double(text), seconds > 0, seconds.isFinite else {
                throw UsageError("The value '\(text)' is invalid for '--reference <seconds>': give a positive number of seconds.")
            }
            reference = seconds
        }
        let sizes = try BenchOptions.sizes(arguments)
        let jobs = try BenchOptions.jobs(arguments)
        let options = SchedulerOptions(timeLimit: budget, jobs: jobs)

        console.out("Scale: generated trips, seed \(seed), budget \(budget) s, \(BenchOptions.jobsText(options))\(reference.map { ", reference \($0) s" } ?? ""); one child process per size.\n\n")
        var columns: [(String, Int, Bool)] = [("places", 6, true), ("days", 4, true), ("feasible ms", 11, true), ("first ms", 8, true), ("to 1% ms", 8, true),
                                               ("cb first", 8, true), ("cb 1%", 7, true), ("visits", 7, true),
                                               ("required", 8, true), ("score", 5, true), ("travel min", 10, true),
                                               ("feasible", 8, false), ("final ms", 8, true), ("peak MB", 7, true), ("base MB", 7, true)]
        if reference != nil { columns += [("ref visits", 10, true), ("ref travel", 10, true), ("gap %", 6, true), ("meets", 5, false)] }
        var table = TextTable(columns)
        console.out(table.header())
        var failures = 0, behind = 0
        for size in sizes {
            var childArguments = ["scale-one", "--size", String(size), "--budget", String(budget), "--seed", String(seed)]
            if let jobs { childArguments += ["--jobs", String(jobs)] }
            if let reference { childArguments += ["--reference", String(reference)] }
            let fields = try runChild(childArguments)
            func field(_ key: String) -> String { fields[key] ?? "-" }
            var row = [field("places"), field("days"), field("feasibleMs"), field("firstMs"), field("within1Ms"), field("cbFirstMs"), field("cbWithin1Ms"),
                       "\(field("visits"))/\(field("places"))", "\(field("required"))/\(field("requiredTotal"))", field("score"),
                       field("travel"), field("feasible") == "yes" ? "yes" : "NO", field("finalMs"), field("peakMB"), field("baseMB")]
            if reference != nil { row += [field("refVisits"), field("refTravel"), field("gapPercent"), field("meets")] }
            console.out(table.add(row))
            if field("feasible") != "yes" {
                failures += 1
                if let problem = fields["problem"] { console.out("    ↳ " + problem + "\n") }
            }
            if fields["meets"] == "NO" { behind += 1 }
        }
        try BenchOptions.writeCSV(table, to: arguments.option("--csv"), console: console)
        if failures > 0 || behind > 0 {
            console.err("Error: \(failures) plan(s) infeasible, \(behind) behind the reference (see the rows marked NO).\n")
            return ExitCode.failure
        }
        return ExitCode.success
    }

    /// Runs this very executable with `arguments` and reads its `RESULT key=value …` line.
    static func runChild(_ arguments: [String]) throws -> [String: String] {
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        do { try process.run() } catch {
            throw CommandFailure("cannot start \(executable) \(arguments.joined(separator: " ")): \(error.localizedDescription)")
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0 || process.terminationStatus == ExitCode.failure,
              let line = text.split(separator: "\n").last(where: { $0.hasPrefix("RESULT ") }) else {
            throw CommandFailure("\(executable) \(arguments.joined(separator: " ")) ended with status \(process.terminationStatus) and no result; run it by hand to see why")
        }
        var fields: [String: String] = [:]
        for pair in line.dropFirst("RESULT ".count).split(separator: "\t") {
            guard let equals = pair.firstIndex(of: "=") else { continue }
            fields[String(pair[..<equals])] = String(pair[pair.index(after: equals)...])
        }
        return fields
    }
}

/// `tripplan-bench scale-one`: one size of the scale benchmark, in its own process.
struct ScaleOneBenchmark: Command {
    static let name = "scale-one"
    static let abstract = "One size of 'scale', in its own process (prints one RESULT line)."
    static let usage = "tripplan-bench scale-one --size <n> [--budget <seconds>] [--seed <n>] [--jobs <n>] [--reference <seconds>]"
    static let discussion = """
        OPTIONS:
          --size <n>              Places to visit.
          --budget <seconds>      The time limit of the final search (default 1).
          --seed <n>              Seed of the trip and the search (default 1).
          --jobs <n>              Searches side by side, each on its own thread (default: one
                                  per processor core, at most 8; 1: one core).
          --reference <seconds>   Also plan with this longer limit for the gap columns.

        'tripplan-bench scale' runs this once per size so that each peak memory (VmHWM) is measured
        alone. The result is one line 'RESULT key=value…' (tab-separated) on stdout.
        """
    static let spec = ArgumentSpec(options: ["--size", "--budget", "--seed", "--jobs", "--reference"])

    /// Search limits tried before the budget, seconds.
    static let ladder = [0.01, 0.02, 0.05, 0.1, 0.2, 0.5]

    static func run(_ arguments: ParsedArguments, console: Console) throws -> Int32 {
        guard arguments.option("--size") != nil else { throw UsageError("Missing expected option '--size <n>'.") }
        let size = try BenchOptions.integer(arguments, "--size", default: 25, range: 1...2000)
        let budget = try BenchOptions.budget(arguments) ?? 1
        let seed = try BenchOptions.seed(arguments)
        let jobs = try BenchOptions.jobs(arguments)
        let reference = arguments.option("--reference").flatMap(Double.init)
        try PlanCheck.selfCheck()

        let trip = TripGenerator.scaleTrip(size: size, seed: seed)
        let travel = TravelModel.matrix(for: trip)
        let baseKB = Memory.peakKB()
        let clock = ContinuousClock()

        func plan(_ limit: Double, recorder: ProgressRecorder? = nil) -> (PlanVerdict, Double) {
            var options = SchedulerOptions(timeLimit: limit, seed: seed, jobs: jobs)
            if let recorder { options.progress = { recorder.record($0) } }
            let started = clock.now
            let itinerary = Scheduler.plan(trip, travel: travel, options: options)
            let milliseconds = Figures.milliseconds(clock.now - started)
            return (PlanCheck.check(itinerary, trip: trip, travel: travel), milliseconds)
        }
        let early = ladder.filter { $0 < budget * 0.99 }.map { plan($0) }
        let recorder = ProgressRecorder()
        let (final, finalMs) = plan(budget, recorder: recorder)

        func complete(_ v: PlanVerdict) -> Bool {
            v.feasible && (v.requiredVisits, v.score) >= (final.requiredVisits, final.score)
        }
        let limit = Double(final.travelMinutes) * 1.01
        let feasibleMs = early.first { $0.0.feasible }?.1 ?? finalMs
        let firstMs = early.first { complete($0.0) }?.1 ?? finalMs
        let within1Ms = early.first { complete($0.0) && Double($0.0.travelMinutes) <= limit }?.1 ?? finalMs
        let events = recorder.events
        let cbFirst = events.first { $0.visitsPlaced >= final.visits }
        let cbWithin1 = events.first { $0.visitsPlaced >= final.visits && Double($0.bestTravelMinutes) <= limit }

        var fields: [(String, String)] = [
            ("places", String(size)), ("days", String(trip.days.count)),
            ("feasibleMs", Figures.fixed(feasibleMs, 0)), ("firstMs", Figures.fixed(firstMs, 0)), ("within1Ms", Figures.fixed(within1Ms, 0)),
            ("cbFirstMs", cbFirst.map { Figures.fixed($0.elapsedSeconds * 1000, 0) } ?? "-"),
            ("cbWithin1Ms", cbWithin1.map { Figures.fixed($0.elapsedSeconds * 1000, 0) } ?? "-"),
            ("visits", String(final.visits)), ("required", String(final.requiredVisits)),
            ("requiredTotal", String(final.requiredTotal)), ("score", String(final.score)),
            ("travel", String(final.travelMinutes)), ("feasible", final.feasible ? "yes" : "no"),
            ("finalMs", Figures.fixed(finalMs, 0)),
        ]
        if let problem = final.problems.first { fields.append(("problem", problem)) }
        if let reference {
            // Travel is only comparable between plans with the same visits; with fewer, the target is missed.
            let (best, _) = plan(reference)
            let sameVisits = (final.requiredVisits, final.score) == (best.requiredVisits, best.score)
            let behind = (final.requiredVisits, final.score) < (best.requiredVisits, best.score)
            let gap = best.travelMinutes > 0 ? Double(final.travelMinutes - best.travelMinutes) / Double(best.travelMinutes) * 100 : 0
            fields += [("refVisits", String(best.visits)), ("refTravel", String(best.travelMinutes)),
                       ("gapPercent", sameVisits ? Figures.fixed(gap, 2) : "-"),
                       ("meets", behind ? "NO" : sameVisits ? (gap <= 1 ? "yes" : "NO") : "yes")]
        }
        fields += [("peakMB", Figures.fixed(Double(Memory.peakKB()) / 1024, 1)), ("baseMB", Figures.fixed(Double(baseKB) / 1024, 1))]
        console.out("RESULT " + fields.map { "\($0.0)=\($0.1.replacingOccurrences(of: "\t", with: " "))" }.joined(separator: "\t") + "\n")
        return final.feasible ? ExitCode.success : ExitCode.failure
    }
}

/// Collects the scheduler's progress callbacks, which may come from any thread.
final class ProgressRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [SearchProgress] = []

    func record(_ progress: SearchProgress) {
        lock.lock()
        stored.append(progress)
        lock.unlock()
    }

    var events: [SearchProgress] {
        lock.lock()
        defer { lock.unlock() }
        return stored
    }
}

/// The process's peak resident memory.
enum Memory {
    /// `VmHWM` of /proc/self/status in kB; 0 where there is no /proc (not Linux).
    static func peakKB() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") ?? 0
        }
        return 0
    }
}
