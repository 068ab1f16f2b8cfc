import Foundation

/// The outside world as the commands see it: output streams, input, terminal facts, today's date.
///
/// `main.swift` passes the real one; tests pass `Console.capturing()` and read what was written.
public final class Console: @unchecked Sendable {
    public var writeOut: (String) -> Void
    public var writeErr: (String) -> Void
    /// Reads one line of standard input without its newline; nil at end of input.
    public var readLine: () -> String?
    public var stdinIsTerminal: Bool
    public var stderrIsTerminal: Bool
    /// Today's local date, for "overdue" and similar judgements.
    public var today: LocalDate

    public init(writeOut: @escaping (String) -> Void, writeErr: @escaping (String) -> Void,
                readLine: @escaping () -> String?, stdinIsTerminal: Bool, stderrIsTerminal: Bool, today: LocalDate) {
        self.writeOut = writeOut
        self.writeErr = writeErr
        self.readLine = readLine
        self.stdinIsTerminal = stdinIsTerminal
        self.stderrIsTerminal = stderrIsTerminal
        self.today = today
    }

    public func out(_ text: String) { writeOut(text) }
    public func err(_ text: String) { writeErr(text) }

    /// The process's real streams.
    public static func standard() -> Console {
        let now = Date()
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone.current
        let parts = calendar.dateComponents([.year, .month, .day], from: now)
        return Console(
            writeOut: { FileHandle.standardOutput.write(Data($0.utf8)) },
            writeErr: { FileHandle.standardError.write(Data($0.utf8)) },
            readLine: { Swift.readLine(strippingNewline: true) },
            stdinIsTerminal: isatty(0) == 1,
            stderrIsTerminal: isatty(2) == 1,
            today: LocalDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
        )
    }

    /// A console that records output, for tests.
    public final class Capture: @unchecked Sendable {
        public var out = ""
        public var err = ""
        public var input: [String] = []
    }

    public static func capturing(input: [String] = [], today: LocalDate = LocalDate(year: 2023, month: 6, day: 1),
                                 terminal: Bool = false) -> (Console, Capture) {
        let capture = Capture()
        capture.input = input
        let console = Console(
            writeOut: { capture.out += $0 },
            writeErr: { capture.err += $0 },
            readLine: { capture.input.isEmpty ? nil : capture.input.removeFirst() },
            stdinIsTerminal: terminal,
            stderrIsTerminal: false,
            today: today
        )
        return (console, capture)
    }
}
