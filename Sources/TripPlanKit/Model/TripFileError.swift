/// Everything wrong with a trip file, reported at once.
public struct TripFileError: Error, Equatable, CustomStringConvertible {
    /// The file as the user named it.
    public var file: String
    public var problems: [TripProblem]

    public init(file: String, problems: [TripProblem]) {
        self.file = file
        self.problems = problems
    }

    /// One line per problem: `file: path: message`.
    public var description: String {
        problems.map { problem in
            let path = problem.path
            return path.isEmpty ? "\(file): \(problem.message)" : "\(file): \(path): \(problem.message)"
        }.joined(separator: "\n")
    }
}

/// One problem in a trip file; `path` names the place in it (`places[3].open[0].to`).
public enum TripProblem: Sendable, Equatable {
    case malformedJSON(line: Int, column: Int, detail: String)

    public var path: String {
        switch self {
        case .malformedJSON: return ""
        }
    }

    /// What is wrong and how to fix it.
    public var message: String {
        switch self {
        case let .malformedJSON(line, column, detail):
            return "line \(line), column \(column): \(detail)"
        }
    }
}
