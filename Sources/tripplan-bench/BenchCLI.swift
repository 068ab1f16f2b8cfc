import Foundation
import TripPlanKit

/// The `tripplan-bench` command line: finds the benchmark and runs it.
///
/// Each benchmark is a `Command` of TripPlanKit, so it parses with the same `ArgumentSpec` and speaks with
/// the same voice as `tripplan`: usage errors exit 64, failures (a missing data folder, an infeasible plan)
/// exit 1.
enum BenchCLI {
    static let commands: [any Command.Type] = [
        DumasBenchmark.self,
        TripBenchmark.self,
        ScaleBenchmark.self,
        ScaleOneBenchmark.self,
        CreateTimingBenchmark.self,
        Exact12Benchmark.self,
        QualityBenchmark.self,
        CompareBenchmark.self,
        InstanceExport.self,
    ]

    static var overview: String {
        var lines = [
            "OVERVIEW: tripplan-bench measures tripplan's scheduler: quality against proven optima,",
            "feasibility checked by its own code, time and memory as trips grow.",
            "",
            "USAGE: tripplan-bench <subcommand> [options]",
            "",
            "SUBCOMMANDS:",
        ]
        let width = commands.map { $0.name.count }.max() ?? 0
        for command in commands {
            lines.append("  " + command.name.padding(toLength: width + 2, withPad: " ", startingAt: 0) + command.abstract)
        }
        lines += [
            "",
            "  Run from the package root, release build: swift run -c release tripplan-bench <subcommand>.",
            "  See 'tripplan-bench <subcommand> --help' for more information.",
            "",
        ]
        return lines.joined(separator: "\n")
    }

    static func run(_ arguments: [String], console: Console) -> Int32 {
        guard let first = arguments.first else {
            console.out(overview)
            return ExitCode.success
        }
        if ["--help", "-h", "help"].contains(first) {
            console.out(overview)
            return ExitCode.success
        }
        guard let command = commands.first(where: { $0.name == first }) else {
            console.err("Error: Unknown subcommand '\(first)'.\nUsage: tripplan-bench <subcommand> [options]\n  See 'tripplan-bench --help' for more information.\n")
            return ExitCode.usage
        }
        return invoke(command, Array(arguments.dropFirst()), console: console)
    }

    static func invoke(_ command: any Command.Type, _ arguments: [String], console: Console) -> Int32 {
        do {
            let parsed = try parse(arguments, for: command)
            if parsed.wantsHelp {
                console.out(command.helpText)
                return ExitCode.success
            }
            return try command.run(parsed, console: console)
        } catch {
            return command.report(error, program: "tripplan-bench", console: console)
        }
    }
}

/// A command whose positional arguments are optional or repeated (`dumas [<dir>]`, `trip <file>…`).
///
/// `ArgumentSpec` knows only a fixed list of required positionals, so these are counted first and the
/// spec is widened to that count before parsing.
protocol FlexiblePositionals {
    static var positionalCount: ClosedRange<Int> { get }
}

extension BenchCLI {
    static func parse(_ arguments: [String], for command: any Command.Type) throws(UsageError) -> ParsedArguments {
        guard let flexible = command as? any FlexiblePositionals.Type else { return try command.spec.parse(arguments) }
        let spec = command.spec
        var count = 0
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if argument == "--" {
                count += arguments.count - index
                break
            }
            if argument.hasPrefix("-") && argument != "-" {
                if spec.options.contains(argument) { index += 1 }
                continue
            }
            count += 1
        }
        let name = spec.positionals.first ?? "argument"
        let widened = ArgumentSpec(flags: spec.flags, options: spec.options,
                                   positionals: Array(repeating: name, count: count))
        let parsed = try widened.parse(arguments)
        if parsed.wantsHelp { return parsed }
        let range = flexible.positionalCount
        if parsed.positionals.count < range.lowerBound {
            throw UsageError("Missing expected argument '<\(name)>'.")
        }
        if parsed.positionals.count > range.upperBound {
            throw UsageError("Unexpected argument '\(parsed.positionals[range.upperBound])'.")
        }
        return parsed
    }
}

/// Option readers shared by the benchmarks.
enum BenchOptions {
    /// `--budget S`: nil when absent (a deterministic search).
    static func budget(_ arguments: ParsedArguments) throws(UsageError) -> Double? {
        guard let text = arguments.option("--budget") else { return nil }
        guard let seconds = Double(text), seconds > 0, seconds.isFinite else {
            throw UsageError("The value '\(text)' is invalid for '--budget <seconds>': give a positive number of seconds.")
        }
        return seconds
    }

    static func integer(_ arguments: ParsedArguments, _ name: String, default value: Int, range: ClosedRange<Int>) throws(UsageError) -> Int {
        guard let text = arguments.option(name) else { return value }
        guard let number = Int(text), range.contains(number) else {
            throw UsageError("The value '\(text)' is invalid for '\(name) <n>': give a whole number from \(range.lowerBound) to \(range.upperBound).")
        }
        return number
    }

    static func seed(_ arguments: ParsedArguments, default value: UInt64 = 1) throws(UsageError) -> UInt64 {
        guard let text = arguments.option("--seed") else { return value }
        guard let seed = UInt64(text) else {
            throw UsageError("The value '\(text)' is invalid for '--seed <n>': give a whole number ≥ 0.")
        }
        return seed
    }

    /// `--jobs N`: searches side by side (`SchedulerOptions.jobs`); `value` when absent (nil: the scheduler's
    /// default, one per core with a time limit).
    static func jobs(_ arguments: ParsedArguments, default value: Int? = nil) throws(UsageError) -> Int? {
        guard arguments.option("--jobs") != nil else { return value }
        return try integer(arguments, "--jobs", default: 1, range: 1...64)
    }

    /// How a run's searches are described in a header: "1 search" or "2 searches side by side".
    static func jobsText(_ options: SchedulerOptions) -> String {
        let jobs = options.resolvedJobs
        return jobs == 1 ? "1 search" : "\(jobs) searches side by side"
    }

    /// `--seeds a-b` (or one seed): the generated trips' seeds, at most 1000 of them.
    static func seedRange(_ arguments: ParsedArguments, default value: String) throws(UsageError) -> ClosedRange<UInt64> {
        let text = arguments.option("--seeds") ?? value
        let bounds = text.split(separator: "-").map { UInt64($0) }
        guard (1...2).contains(bounds.count), let first = bounds.first ?? nil, let last = bounds.last ?? nil, first <= last, last - first < 1000 else {
            throw UsageError("The value '\(text)' is invalid for '--seeds <a-b>': give a range such as 101-110, or one seed.")
        }
        return first...last
    }

    /// `--sizes 25,50,…`: places per generated trip (default 25, 50, 100, 200).
    static func sizes(_ arguments: ParsedArguments) throws(UsageError) -> [Int] {
        let text = arguments.option("--sizes") ?? "25,50,100,200"
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
        let sizes = parts.compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard !sizes.isEmpty, sizes.count == parts.count, sizes.allSatisfy({ (1...2000).contains($0) }) else {
            throw UsageError("The value '\(text)' is invalid for '--sizes <list>': give sizes 1–2000 separated by commas, e.g. 25,50,100,200.")
        }
        return sizes
    }

    /// Writes `--csv FILE` atomically when asked.
    static func writeCSV(_ table: TextTable, to path: String?, console: Console) throws(CommandFailure) {
        guard let path else { return }
        do {
            try FileStore.writeAtomically(Data(table.csv().utf8), to: path)
        } catch {
            throw CommandFailure(error.description)
        }
        console.out("CSV written to \(path)\n")
    }
}
