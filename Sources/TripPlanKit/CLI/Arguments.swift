/// What a command accepts: flags without a value, options with one, and named positional arguments.
public struct ArgumentSpec: Sendable {
    public var flags: Set<String>
    public var options: Set<String>
    /// Names of the required positional arguments, in order (for messages).
    public var positionals: [String]

    public init(flags: Set<String> = [], options: Set<String> = [], positionals: [String] = []) {
        self.flags = flags.union(["--help", "-h", "--version"])
        self.options = options
        self.positionals = positionals
    }
}

/// A parsed command line.
public struct ParsedArguments: Sendable, Equatable {
    public var positionals: [String] = []
    public var flags: Set<String> = []
    /// Every value given for an option, in order (an option may be repeated).
    public var options: [String: [String]] = [:]

    public func flag(_ name: String) -> Bool { flags.contains(name) }
    /// The last value given for `name`.
    public func option(_ name: String) -> String? { options[name]?.last }
    public func values(_ name: String) -> [String] { options[name] ?? [] }
    public var wantsHelp: Bool { flags.contains("--help") || flags.contains("-h") }
    public var wantsVersion: Bool { flags.contains("--version") }
}

/// A wrong command line: exit 64 with the message and the usage.
public struct UsageError: Error, Equatable {
    public var message: String
    public init(_ message: String) { self.message = message }
}

extension ArgumentSpec {
    /// Parses `--name value`, `--name=value`, flags and positionals; `--` ends options.
    public func parse(_ arguments: [String]) throws(UsageError) -> ParsedArguments {
        var result = ParsedArguments()
        var index = 0
        var onlyPositionals = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if onlyPositionals || !argument.hasPrefix("-") || argument == "-" {
                result.positionals.append(argument)
                continue
            }
            if argument == "--" {
                onlyPositionals = true
                continue
            }
            var name = argument
            var inlineValue: String?
            if let equals = argument.firstIndex(of: "="), argument.hasPrefix("--") {
                name = String(argument[..<equals])
                inlineValue = String(argument[argument.index(after: equals)...])
            }
            if flags.contains(name) {
                if inlineValue != nil { throw UsageError("The flag '\(name)' does not take a value.") }
                result.flags.insert(name)
            } else if options.contains(name) {
                if let inlineValue {
                    result.options[name, default: []].append(inlineValue)
                } else if index < arguments.count {
                    result.options[name, default: []].append(arguments[index])
                    index += 1
                } else {
                    throw UsageError("Missing value for '\(name) <\(name.dropFirst(2))>'.")
                }
            } else {
                throw UsageError("Unknown option '\(name)'.")
            }
        }
        if result.wantsHelp || result.wantsVersion { return result }
        if result.positionals.count < positionals.count {
            throw UsageError("Missing expected argument '<\(positionals[result.positionals.count])>'.")
        }
        if result.positionals.count > positionals.count {
            throw UsageError("Unexpected argument '\(result.positionals[positionals.count])'.")
        }
        return result
    }
}
