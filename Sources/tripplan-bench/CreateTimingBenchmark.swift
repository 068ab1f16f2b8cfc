import Foundation
import TripPlanKit

/// `tripplan-bench create-timing`: `tripplan create` on the Kurzeme trip, wall time with process start.
struct CreateTimingBenchmark: Command {
    static let name = "create-timing"
    static let abstract = "Time 'tripplan create TRIP --no-save' as a whole process (target < 50 ms)."
    static let usage = "tripplan-bench create-timing [--binary <path>] [--trip <file>] [--runs <n>]"
    static let discussion = """
        OPTIONS:
          --binary <path>   The tripplan executable (default .build/release/tripplan; build it with
                            'swift build -c release --product tripplan').
          --trip <file>     The trip file (default itineraries/kurzeme-2023.json).
          --runs <n>        Timed runs after one warm-up run (default 20).

        Runs '<binary> create <trip> --no-save' with stdout discarded, waits for it to exit and
        takes the wall time from launch to exit, so process start, reading the file, planning and
        printing are all counted. Reports min, median and max; the target (issue 2) is under 50 ms.
        """
    static let spec = ArgumentSpec(options: ["--binary", "--trip", "--runs"])

    static func run(_ arguments: ParsedArguments, console: Console) throws -> Int32 {
        let binary = arguments.option("--binary") ?? ".build/release/tripplan"
        let trip = arguments.option("--trip") ?? "itineraries/kurzeme-2023.json"
        let runs = try BenchOptions.integer(arguments, "--runs", default: 20, range: 1...10_000)
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            throw CommandFailure("\(binary): no tripplan executable there; build it with 'swift build -c release --product tripplan' (from the package root) or pass --binary <path>")
        }
        guard FileManager.default.fileExists(atPath: trip) else {
            throw CommandFailure("\(trip): no such trip file; the Kurzeme trip lands in itineraries/ with the core issue (merge main), or pass --trip <file>")
        }
        let clock = ContinuousClock()
        var times: [Double] = []
        for run in 0...runs {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = ["create", trip, "--no-save"]
            process.standardOutput = FileHandle.nullDevice
            let errors = Pipe()
            process.standardError = errors
            let started = clock.now
            do { try process.run() } catch {
                throw CommandFailure("cannot start \(binary): \(error.localizedDescription)")
            }
            let message = errors.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            let milliseconds = Figures.milliseconds(clock.now - started)
            guard process.terminationStatus == 0 else {
                throw CommandFailure("\(binary) create \(trip) --no-save exited with \(process.terminationStatus): \(String(decoding: message, as: UTF8.self))")
            }
            if run > 0 { times.append(milliseconds) } // run 0 warms the file cache
        }
        var table = TextTable([("command", 40, false), ("runs", 4, true), ("min ms", 7, true), ("median ms", 9, true),
                               ("max ms", 7, true), ("target", 6, false)])
        console.out(table.header())
        let median = Figures.median(times)
        console.out(table.add(["\(URL(fileURLWithPath: binary).lastPathComponent) create \(trip) --no-save", String(runs),
                               Figures.fixed(times.min() ?? 0, 1), Figures.fixed(median, 1), Figures.fixed(times.max() ?? 0, 1),
                               median < 50 ? "met" : "MISSED"]))
        return ExitCode.success
    }
}
