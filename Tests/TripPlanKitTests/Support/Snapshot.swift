import Foundation
import Testing

/// Golden-file comparison: `actual` must equal `Snapshots/<name>` byte for byte.
///
/// With `TRIPPLAN_RECORD_SNAPSHOTS=1` the file is (re)written in the source tree instead, for a reviewer to read
/// in the diff.
enum Snapshot {
    static var folder: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Snapshots")
    }

    static func assertMatches(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = folder.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["TRIPPLAN_RECORD_SNAPSHOTS"] == "1" {
            try? Data(actual.utf8).write(to: url)
            return
        }
        guard let data = try? Data(contentsOf: url) else {
            Issue.record("No golden file \(name); run with TRIPPLAN_RECORD_SNAPSHOTS=1 to record it", sourceLocation: sourceLocation)
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        if expected != actual {
            let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let first = (0..<min(expectedLines.count, actualLines.count)).first { expectedLines[$0] != actualLines[$0] } ?? min(expectedLines.count, actualLines.count)
            let e = first < expectedLines.count ? String(expectedLines[first]) : "<end>"
            let a = first < actualLines.count ? String(actualLines[first]) : "<end>"
            Issue.record("\(name) differs at line \(first + 1):\n  expected: \(e)\n  actual:   \(a)\n(re-record with TRIPPLAN_RECORD_SNAPSHOTS=1 and review the diff)", sourceLocation: sourceLocation)
        }
    }
}
