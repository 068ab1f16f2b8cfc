/// A runtime failure: exit 1 with the message on stderr.
public struct CommandFailure: Error, Equatable {
    public var message: String
    public init(_ message: String) { self.message = message }
}

/// One `tripplan` subcommand.
///
/// The command line is parsed against `spec` before `run` is called; `--help` prints `help` and exits 0.
public protocol Command: Sendable {
    /// The words after `tripplan`, e.g. `create` or `lessons add`.
    static var name: String { get }
    /// One line for the overview.
    static var abstract: String { get }
    /// `tripplan create <trip> [--json] …`
    static var usage: String { get }
    /// The full `--help` text after the usage line.
    static var discussion: String { get }
    static var spec: ArgumentSpec { get }
    /// - Returns: the exit code (0 on success).
    static func run(_ arguments: ParsedArguments, console: Console) throws -> Int32
}

extension Command {
    public static var helpText: String {
        "OVERVIEW: \(abstract)\n\nUSAGE: \(usage)\n\n\(discussion)\n"
    }

    /// Parses and runs, turning every error into a message and an exit code.
    static func main(_ arguments: [String], console: Console) -> Int32 {
        do {
            let parsed = try spec.parse(arguments)
            if parsed.wantsHelp {
                console.out(helpText)
                return ExitCode.success
            }
            if parsed.wantsVersion {
                console.out("tripplan \(TripPlan.version)\n")
                return ExitCode.success
            }
            return try run(parsed, console: console)
        } catch {
            return report(error, program: "tripplan", console: console)
        }
    }

    /// Writes `error` on stderr the way every command does (a usage error with the usage line and where
    /// to find help) and returns its exit code: 64 for a usage error, 1 for anything else.
    public static func report(_ error: any Error, program: String, console: Console) -> Int32 {
        switch error {
        case let error as UsageError:
            console.err("Error: \(error.message)\nUsage: \(usage)\n  See '\(program) \(name) --help' for more information.\n")
            return ExitCode.usage
        case let error as CommandFailure:
            console.err("Error: \(error.message)\n")
            return ExitCode.failure
        default:
            console.err("Error: \(error)\n")
            return ExitCode.failure
        }
    }
}

/// Exit codes fixed by the contract.
public enum ExitCode {
    public static let success: Int32 = 0
    public static let failure: Int32 = 1
    public static let usage: Int32 = 64
}
