import Foundation

/// An aligned plain-text table that can print row by row, and the same rows as CSV.
///
/// Rows are printed as they come so that a long run shows progress; the column widths are fixed by the
/// header and a minimum width, and a longer cell simply pushes the line (it never truncates a figure).
struct TextTable {
    struct Column {
        var title: String
        var width: Int
        var alignRight: Bool
    }

    var columns: [Column]
    private(set) var rows: [[String]] = []

    /// `("name", 16, false)`: title, minimum width, right-aligned.
    init(_ columns: [(String, Int, Bool)]) {
        self.columns = columns.map { Column(title: $0.0, width: max($0.1, $0.0.count), alignRight: $0.2) }
    }

    func header() -> String {
        line(columns.map(\.title)) + "\n" + columns.map { String(repeating: "-", count: $0.width) }.joined(separator: "  ") + "\n"
    }

    /// Adds a row and returns it formatted.
    mutating func add(_ cells: [String]) -> String {
        precondition(cells.count == columns.count)
        rows.append(cells)
        return line(cells) + "\n"
    }

    func line(_ cells: [String]) -> String {
        var parts: [String] = []
        for (cell, column) in zip(cells, columns) {
            let pad = String(repeating: " ", count: max(0, column.width - cell.count))
            parts.append(column.alignRight ? pad + cell : cell + pad)
        }
        while let last = parts.last, last.allSatisfy({ $0 == " " }), parts.count > 1 { parts.removeLast() }
        var text = parts.joined(separator: "  ")
        while text.hasSuffix(" ") { text.removeLast() }
        return text
    }

    /// The whole table formatted at once.
    func text() -> String {
        header() + rows.map { line($0) + "\n" }.joined()
    }

    /// RFC 4180 CSV: a header line, then the rows; cells with a comma, quote or newline are quoted.
    func csv() -> String {
        func escape(_ cell: String) -> String {
            guard cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) else { return cell }
            return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return ([columns.map(\.title)] + rows).map { $0.map(escape).joined(separator: ",") }.joined(separator: "\n") + "\n"
    }
}

/// Number formatting for the tables.
enum Figures {
    static func fixed(_ value: Double, _ digits: Int) -> String {
        String(format: "%.\(digits)f", value)
    }

    static func milliseconds(_ duration: Duration) -> Double {
        let parts = duration.components
        return Double(parts.seconds) * 1000 + Double(parts.attoseconds) / 1e15
    }

    static func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        let mid = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
    }
}
