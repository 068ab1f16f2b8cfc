/// Everything wrong with a trip file, reported at once.
public struct TripFileError: Error, Equatable, CustomStringConvertible {
    /// The file as the user named it.
    public var file: String
    public var problems: [TripProblem]
    /// What the reader noticed but would not reject on its own (unknown keys); often the cause of a problem.
    public var warnings: [TripProblem]

    public init(file: String, problems: [TripProblem], warnings: [TripProblem] = []) {
        self.file = file
        self.problems = problems
        self.warnings = warnings
    }

    /// One line per problem, `file: path: message`, then one per warning, `warning: file: path: message`.
    public var description: String {
        (problems.map { $0.line(file: file) } + warnings.map { "warning: " + $0.line(file: file) }).joined(separator: "\n")
    }
}

/// One problem in a trip file; `path` names the place in it (`places[3].open[0].to`).
///
/// Messages are written for the person editing the file: what is wrong, then what would fix it.
/// The same enum carries warnings (`unknownKey`), which `Trip.read` returns instead of throwing.
public enum TripProblem: Sendable, Equatable {
    /// The bytes are not JSON; line and column point at where reading stopped.
    case malformedJSON(line: Int, column: Int, detail: String)
    /// `format` is not `tripplan/1`.
    case wrongFormat(found: String)
    /// A required field is absent; `expected` says what to write ("a string").
    case missingField(path: String, expected: String)
    /// A field of the wrong JSON type; `found` shows the type and an excerpt of the value.
    case wrongType(path: String, expected: String, found: String)
    /// An empty string or list where something is needed; `what` says what to put in.
    case emptyValue(path: String, what: String)
    /// A key written twice in one object (JSON decoders silently keep one of them).
    case duplicateKey(path: String, key: String)
    /// A warning: the key is ignored.
    case unknownKey(path: String, key: String, suggestion: String?)
    /// Not `HH:MM` within `00:00`–`24:00`.
    case badTime(path: String, text: String)
    /// Not an ISO date, or not a real one (`2023-02-30`).
    case badDate(path: String, text: String)
    /// Not one of `mon` … `sun`.
    case badWeekday(path: String, text: String)
    /// An interval that does not end after it starts (`from`/`to`, or a day's `start`/`end`).
    case notBefore(path: String, startKey: String, start: TimeOfDay, endKey: String, end: TimeOfDay)
    /// A date in `open`, `closed` or `appointments` before the first or after the last day.
    case dateOutsideTrip(path: String, date: LocalDate, first: LocalDate, last: LocalDate)
    /// Two day entries with one date.
    case dayRepeated(path: String, date: LocalDate, firstIndex: Int)
    /// A day dated before the entry above it.
    case dayOutOfOrder(path: String, date: LocalDate, previous: LocalDate)
    /// A latitude beyond ±90 or a longitude beyond ±180 degrees.
    case coordinateOutOfRange(path: String, value: Double, isLatitude: Bool)
    /// A number outside its allowed range; `rule` states the range in words.
    case valueOutOfRange(path: String, value: String, rule: String)
    /// A reference to a place id that no entry of `places` has.
    case unknownPlace(path: String, id: String, suggestion: String?)
    /// Two places with one id.
    case duplicatePlace(path: String, id: String, firstIndex: Int)
    /// A place listed twice in `visit`.
    case duplicateVisit(path: String, id: String, firstIndex: Int)
    /// The same place listed twice where each must appear once (`travel.osrm.places`).
    case duplicateEntry(path: String, id: String, firstPath: String)
    /// `visit` names home or a day's start or end; `role` says which.
    case visitIsEndpoint(path: String, id: String, role: String)
    /// A place to visit with no window on any trip day (a warning for optional places).
    case closedOnEveryDay(path: String, id: String, days: [String])
    /// A place to visit whose longest window is shorter than its visit (a warning for optional places).
    case visitTooLong(path: String, id: String, visitMinutes: Int, longest: Int, longestAt: String)
    /// `language` other than `lv` or `en`.
    case badLanguage(text: String)
    /// `timeZone` that Foundation does not know as an IANA zone.
    case unknownTimeZone(text: String, suggestion: String?)
    /// A lunch break longer than its window.
    case lunchTooLong(path: String, minutes: Int, window: Int)
    /// An OSRM matrix (path ends in `durations`) or row (ends in `[i]`) of the wrong length.
    case matrixSize(path: String, found: Int, expected: Int)
    /// `travel.osrm.file` cannot be read or is not an OSRM table answer.
    case osrmFile(path: String, file: String, reason: String)
    /// `travel.osrm` has both `file` and inline `durations`.
    case osrmTwoSources(path: String)

    public var path: String {
        switch self {
        case .malformedJSON: return ""
        case .wrongFormat: return "format"
        case .badLanguage: return "language"
        case .unknownTimeZone: return "timeZone"
        case let .missingField(path, _), let .wrongType(path, _, _), let .emptyValue(path, _),
             let .duplicateKey(path, _), let .unknownKey(path, _, _), let .badTime(path, _), let .badDate(path, _),
             let .badWeekday(path, _), let .notBefore(path, _, _, _, _), let .dateOutsideTrip(path, _, _, _),
             let .dayRepeated(path, _, _), let .dayOutOfOrder(path, _, _), let .coordinateOutOfRange(path, _, _),
             let .valueOutOfRange(path, _, _), let .unknownPlace(path, _, _), let .duplicatePlace(path, _, _),
             let .duplicateVisit(path, _, _), let .duplicateEntry(path, _, _), let .visitIsEndpoint(path, _, _), let .closedOnEveryDay(path, _, _),
             let .visitTooLong(path, _, _, _, _), let .lunchTooLong(path, _, _), let .matrixSize(path, _, _),
             let .osrmFile(path, _, _), let .osrmTwoSources(path):
            return path
        }
    }

    /// What is wrong and how to fix it.
    public var message: String {
        switch self {
        case let .malformedJSON(line, column, detail):
            return "line \(line), column \(column): \(detail)"
        case let .wrongFormat(found):
            return "\"\(found)\" is not a format tripplan reads (use \"tripplan/1\")"
        case let .missingField(path, expected):
            let key = path.split(whereSeparator: { $0 == "." || $0 == " " }).last.map { String($0.split(separator: "[").first ?? $0) } ?? path
            return "missing; add \"\(key)\" with \(expected)"
        case let .wrongType(_, expected, found):
            return "expected \(expected), found \(found)"
        case let .emptyValue(_, what):
            return "is empty; \(what)"
        case let .duplicateKey(_, key):
            return "the key \"\(key)\" appears more than once; keep one"
        case let .unknownKey(_, key, suggestion):
            let hint = suggestion.map { "did you mean \($0)?" } ?? "check its spelling"
            return "unknown key \"\(key)\" is ignored; \(hint)"
        case let .badTime(_, text):
            return "\"\(text)\" is not a time of day (use HH:MM, 00:00–24:00)"
        case let .badDate(_, text):
            return "\"\(text)\" is not a date (use YYYY-MM-DD, e.g. 2023-05-27)"
        case let .badWeekday(_, text):
            return "\"\(text)\" is not a weekday (use mon, tue, wed, thu, fri, sat or sun)"
        case let .notBefore(_, startKey, start, endKey, end):
            return "\(startKey) \(start) is not before \(endKey) \(end); make \(endKey) later than \(startKey)"
        case let .dateOutsideTrip(_, date, first, last):
            let range = first == last ? "on \(first)" : "from \(first) to \(last)"
            return "\(date) is outside the trip (its days run \(range)); use a date of the trip or remove it"
        case let .dayRepeated(_, date, firstIndex):
            return "\(date) is already days[\(firstIndex)]; give each date one day entry"
        case let .dayOutOfOrder(_, date, previous):
            return "\(date) comes before the previous day \(previous); list the days in date order"
        case let .coordinateOutOfRange(_, value, isLatitude):
            let rule = isLatitude ? "latitude lies between -90 and 90" : "longitude lies between -180 and 180"
            return "\(JSONValue.format(value)) is out of range (\(rule) degrees, WGS84)"
        case let .valueOutOfRange(_, value, rule):
            return "\(value) is out of range; \(rule)"
        case let .unknownPlace(_, id, suggestion):
            let hint = suggestion.map { "did you mean \"\($0)\"?" } ?? "add it to places or fix the id"
            return "\"\(id)\" is not the id of any place; \(hint)"
        case let .duplicatePlace(_, id, firstIndex):
            return "\"\(id)\" is already the id of places[\(firstIndex)]; give each place its own id"
        case let .duplicateVisit(_, id, firstIndex):
            return "\"\(id)\" is already visit[\(firstIndex)]; a place is visited at most once, remove one"
        case let .duplicateEntry(_, id, firstPath):
            return "\"\(id)\" is already \(firstPath); list each place once"
        case let .visitIsEndpoint(_, id, role):
            return "\"\(id)\" is \(role), not a place to visit; remove it from visit"
        case let .closedOnEveryDay(_, id, days):
            return "\"\(id)\" is closed on every trip day (\(days.joined(separator: ", "))): its open, closed and "
                + "appointments rules leave no window; add opening hours or an appointment on a trip day, or remove it from the visits"
        case let .visitTooLong(_, id, visitMinutes, longest, longestAt):
            return "\"\(id)\" needs \(visitMinutes) min but its longest window on any trip day is \(longest) min "
                + "(\(longestAt)); a visit must lie wholly inside one window, so shorten visitMinutes or widen the hours"
        case let .badLanguage(text):
            return "\"\(text)\" is not a language tripplan writes (use lv or en)"
        case let .unknownTimeZone(text, suggestion):
            let hint = suggestion.map { "did you mean \($0)?" } ?? "use an IANA name such as Europe/Riga"
            return "\"\(text)\" is not a known IANA time zone; \(hint)"
        case let .lunchTooLong(_, minutes, window):
            return "\(minutes) min does not fit the lunch window of \(window) min; use more than 0 and at most \(window)"
        case let .matrixSize(path, found, expected):
            let isRow = path.hasSuffix("]")
            let what = isRow ? (found == 1 ? "entry" : "entries") : (found == 1 ? "row" : "rows")
            return "has \(found) \(what) but travel.osrm.places lists \(expected) \(expected == 1 ? "place" : "places"); give one \(isRow ? "entry" : "row") "
                + "per place, in the order of the request's coordinates"
        case let .osrmFile(_, file, reason):
            return "\"\(file)\" \(reason); save OSRM's table answer beside the trip file or paste durations inline"
        case .osrmTwoSources:
            return "has both \"file\" and \"durations\"; keep one source of road times"
        }
    }

    /// `file: path: message`, as the command line prints it.
    public func line(file: String) -> String {
        path.isEmpty ? "\(file): \(message)" : "\(file): \(path): \(message)"
    }
}
