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
        printing are all counted. Reports min, median and max; the target (issue 2) is a median
        under 50 ms. '<binary> --version' is timed the same way, to show process start alone.
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
        let name = URL(fileURLWithPath: binary).lastPathComponent
        let create = try times(binary, ["create", trip, "--no-save"], runs: runs)
        // The same process doing almost nothing: how much of the figure is process start alone.
        let baseline = try times(binary, ["--version"], runs: runs)
        let rows: [(String, (wall: [Double], cpu: [Double]), String)] = [
            ("\(name) create \(trip) --no-save", create, Figures.median(create.wall) < 50 ? "met" : "MISSED"),
            ("\(name) --version (process start only)", baseline, ""),
        ]
        var table = TextTable([("command", rows.map(\.0.count).max() ?? 0, false), ("runs", 4, true), ("min ms", 7, true),
                               ("median ms", 9, true), ("max ms", 7, true), ("median cpu ms", 13, true), ("target < 50 ms", 14, false)])
        console.out(table.header())
        for (command, values, verdict) in rows {
            console.out(table.add([command, String(values.wall.count), Figures.fixed(values.wall.min() ?? 0, 1),
                                   Figures.fixed(Figures.median(values.wall), 1), Figures.fixed(values.wall.max() ?? 0, 1),
                                   Figures.fixed(Figures.median(values.cpu), 1), verdict]))
        }
        return ExitCode.success
    }

    /// Wall times of `runs` launches of `binary arguments` (after one untimed warm-up), launch to exit,
    /// and the CPU time (user + system) each child used, which a busy machine inflates far less.
    ///
    /// The child is started with `posix_spawn` and reaped with `wait4`: Foundation's
    /// `Process.waitUntilExit` on Linux polls its run loop every 50 ms, which would add up to 50 ms to
    /// every figure.
    static func times(_ binary: String, _ arguments: [String], runs: Int) throws(CommandFailure) -> (wall: [Double], cpu: [Double]) {
        let clock = ContinuousClock()
        var times: [Double] = []
        var cpu: [Double] = []
        for run in 0...runs {
            let started = clock.now
            let (status, usage) = try spawnAndWait(binary, arguments)
            let milliseconds = Figures.milliseconds(clock.now - started)
            guard status == 0 else {
                throw CommandFailure("\(binary) \(arguments.joined(separator: " ")) exited with \(status); run it by hand to see its message")
            }
            if run > 0 { // run 0 warms the file cache
                times.append(milliseconds)
                func ms(_ t: timeval) -> Double { Double(t.tv_sec) * 1000 + Double(t.tv_usec) / 1000 }
                cpu.append(ms(usage.ru_utime) + ms(usage.ru_stime))
            }
        }
        return (times, cpu)
    }

    /// Runs the child with stdout and stderr on /dev/null; its exit code (or 128 + signal) and resource use.
    static func spawnAndWait(_ binary: String, _ arguments: [String]) throws(CommandFailure) -> (Int32, rusage) {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv: [UnsafeMutablePointer<CChar>?] = ([binary] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, binary, &actions, nil, argv, environ)
        guard spawned == 0 else {
            throw CommandFailure("cannot start \(binary): \(String(cString: strerror(spawned)))")
        }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        let signal = status & 0x7f
        return (signal == 0 ? (status >> 8) & 0xff : 128 + signal, usage)
    }
}
