import Foundation
import Testing
@testable import TripPlanKit

/// `TripStore.load` hands the reader a loader for files beside the trip (`travel.osrm.file`).
@Suite struct TripStoreReadingTests {
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tripplan-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static let trip = baseTrip.replacingOccurrences(
        of: "\"title\": \"T\",",
        with: "\"title\": \"T\", \"colour\": 1, \"travel\": {\"osrm\": {\"places\": [\"home\", \"a\"], \"file\": \"t.osrm.json\"}},")

    @Test func readsTheOSRMFileBesideTheTrip() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(Self.trip.utf8).write(to: dir.appendingPathComponent("t.json"))
        try Data(#"{"code": "Ok", "durations": [[0, 600], [660, 0]]}"#.utf8).write(to: dir.appendingPathComponent("t.osrm.json"))
        let loaded = try TripStore.load(dir.appendingPathComponent("t.json").path)
        #expect(loaded.trip.travel.osrm?.durations == [[0, 600], [660, 0]])
        #expect(loaded.warnings.map(\.path) == ["colour"])
    }

    @Test func aMissingOSRMFileIsNamed() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("t.json").path
        try Data(Self.trip.utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: TripStore.LoadError.trip(TripFileError(
            file: path,
            problems: [.osrmFile(path: "travel.osrm.file", file: "t.osrm.json", reason: "cannot be read (no such file)")],
            warnings: [.unknownKey(path: "colour", key: "colour", suggestion: nil)]))) {
            try TripStore.load(path)
        }
    }
}
