/// The `tripplan` command line: finds the subcommand and runs it.
public enum TripPlanCLI {
    /// Every subcommand; a name with a space (`lessons add`) belongs to a group (`lessons`).
    static let commands: [any Command.Type] = [
        CreateCommand.self,
        ValidateCommand.self,
        ExportCommand.self,
        LessonsAddCommand.self,
        LessonsListCommand.self,
        LessonsEditCommand.self,
        LessonsDoneCommand.self,
        LessonsRemoveCommand.self,
        LessonsReportCommand.self,
        LessonsSummaryCommand.self,
    ]

    static var overview: String {
        var lines = [
            "OVERVIEW: tripplan plans group study trips: it schedules visits within opening hours,",
            "prints the plan for participants and the driver, and keeps the lessons learned.",
            "",
            "USAGE: tripplan <command> [options]",
            "",
            "COMMANDS:",
        ]
        let width = commands.map { $0.name.count }.max() ?? 0
        for command in commands {
            lines.append("  " + command.name.padding(toLength: width + 2, withPad: " ", startingAt: 0) + command.abstract)
        }
        lines += [
            "",
            "OPTIONS:",
            "  --help, -h    Show help for tripplan or for a command ('tripplan create --help').",
            "  --version     Show the version.",
            "",
            "EXIT CODES: 0 done, 1 bad input or a failure (message on stderr), 64 wrong command line.",
            "",
        ]
        return lines.joined(separator: "\n")
    }

    /// Runs `tripplan` with `arguments` (without the program name) and returns the exit code.
    public static func run(_ arguments: [String], console: Console) -> Int32 {
        guard let first = arguments.first else {
            console.out(overview)
            return ExitCode.success
        }
        switch first {
        case "--help", "-h", "help":
            console.out(overview)
            return ExitCode.success
        case "--version":
            console.out("tripplan \(TripPlan.version)\n")
            return ExitCode.success
        default:
            break
        }
        // Longest match first, so that `lessons add` wins over a group named `lessons`.
        for command in commands.sorted(by: { $0.name.count > $1.name.count }) {
            let words = command.name.split(separator: " ").map(String.init)
            if arguments.count >= words.count, Array(arguments.prefix(words.count)) == words {
                return command.main(Array(arguments.dropFirst(words.count)), console: console)
            }
        }
        let group = commands.filter { $0.name.hasPrefix(first + " ") }
        if !group.isEmpty {
            let wantsHelp = arguments.count == 1 || arguments.dropFirst().contains { $0 == "--help" || $0 == "-h" }
            var text = "USAGE: tripplan \(first) <subcommand>\n\nSUBCOMMANDS:\n"
            let width = group.map { $0.name.count }.max() ?? 0
            for command in group {
                text += "  " + command.name.padding(toLength: width + 2, withPad: " ", startingAt: 0) + command.abstract + "\n"
            }
            text += "\n  See 'tripplan \(first) <subcommand> --help' for more information.\n"
            if wantsHelp && arguments.count <= 2 {
                console.out(text)
                return ExitCode.success
            }
            console.err("Error: Unknown subcommand '\(arguments[1])'.\n" + text)
            return ExitCode.usage
        }
        console.err("Error: Unknown command '\(first)'.\nUsage: tripplan <command> [options]\n  See 'tripplan --help' for more information.\n")
        return ExitCode.usage
    }
}
