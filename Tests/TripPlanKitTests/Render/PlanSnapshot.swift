import Foundation
import Testing

/// Golden files for the plan renderers, compared byte for byte.
///
/// `TRIPPLAN_RECORD_SNAPSHOTS=1 swift test` rewrites them in the source tree
/// (`Tests/TripPlanKitTests/Snapshots/`); a reviewer then reads the diff and commits it.
enum PlanSnapshot {
    static var recording: Bool { ProcessInfo.processInfo.environment["TRIPPLAN_RECORD_SNAPSHOTS"] == "1" }

    static func sourceURL(_ name: String, file: String = #filePath) -> URL {
        URL(fileURLWithPath: file).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Snapshots").appendingPathComponent(name)
    }

    static func assertMatches(_ text: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        if recording {
            try Data(text.utf8).write(to: sourceURL(name))
            return
        }
        let base = (name as NSString).deletingPathExtension, ext = (name as NSString).pathExtension
        guard let url = Bundle.module.url(forResource: base, withExtension: ext, subdirectory: "Snapshots") else {
            Issue.record("Snapshots/\(name) is missing; record it with TRIPPLAN_RECORD_SNAPSHOTS=1 swift test",
                         sourceLocation: sourceLocation)
            return
        }
        let expected = try Data(contentsOf: url)
        if expected != Data(text.utf8) {
            let a = String(decoding: expected, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            let b = text.split(separator: "\n", omittingEmptySubsequences: false)
            let line = Array(zip(a, b)).firstIndex { $0.0 != $0.1 } ?? min(a.count, b.count)
            let want = line < a.count ? String(a[line]) : "<end of file>"
            let got = line < b.count ? String(b[line]) : "<end of file>"
            Issue.record("""
                Output differs from Snapshots/\(name) at line \(line + 1):
                  expected: \(want)
                  actual:   \(got)
                Re-record with TRIPPLAN_RECORD_SNAPSHOTS=1 swift test if the change is intended.
                """, sourceLocation: sourceLocation)
        }
    }
}
