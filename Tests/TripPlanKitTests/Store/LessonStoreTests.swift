import Foundation
import Testing
@testable import TripPlanKit

@Suite struct LessonStoreTests {
    /// A fresh temporary folder, removed by the caller.
    static func folder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("lessons-store-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func aMissingStoreReadsAsEmpty() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let log = try LessonStore.read(folder + "/t.lessons.json")
        #expect(log.revision == 0 && log.lessons.isEmpty)
    }

    @Test func eachUpdateIsTheNextRevisionOnTheFreshStore() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = LessonStore.path(for: folder + "/t.json")
        #expect(path == folder + "/t.lessons.json")
        let info = LessonLog.TripInfo(title: "T", start: LocalDate(year: 2023, month: 5, day: 27))
        let (first, _) = try LessonStore.update(path, trip: info) { (log: inout LessonLog) throws(LessonError) in try log.add(Lesson(id: "", lesson: "a")) }
        let (second, saved) = try LessonStore.update(path) { (log: inout LessonLog) throws(LessonError) in try log.add(Lesson(id: "", lesson: "b")) }
        #expect([first, second] == ["L1", "L2"])
        #expect(saved.revision == 2 && saved.trip == info)
        #expect(try LessonStore.read(path) == saved)
    }

    @Test func aFailedChangeWritesNothing() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/t.lessons.json"
        _ = try LessonStore.update(path) { (log: inout LessonLog) throws(LessonError) in try log.add(Lesson(id: "", lesson: "a")) }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(throws: LessonError.self) {
            try LessonStore.update(path) { (log: inout LessonLog) throws(LessonError) in try log.remove("L9", file: path) }
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test func aBrokenStoreIsRefusedAndLeftAsItIs() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/t.lessons.json"
        let broken = Data(#"{"format": "tripplan-lessons/1", "lessons": [ {"id": "L1""#.utf8)
        try broken.write(to: URL(fileURLWithPath: path))
        #expect(throws: LessonError.self) {
            try LessonStore.update(path) { (log: inout LessonLog) throws(LessonError) in try log.add(Lesson(id: "", lesson: "a")) }
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == broken)
    }

    @Test func staleTemporaryFilesOfADeadWriterAreRemoved() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/t.lessons.json"
        let stale = folder + "/.t.lessons.json.tmp-99999-1"
        try Data("{half".utf8).write(to: URL(fileURLWithPath: stale))
        let other = folder + "/.t.itinerary.json.tmp-99999-1"
        try Data("{".utf8).write(to: URL(fileURLWithPath: other))
        _ = try LessonStore.update(path) { (log: inout LessonLog) throws(LessonError) in try log.add(Lesson(id: "", lesson: "a")) }
        #expect(!FileManager.default.fileExists(atPath: stale))
        #expect(FileManager.default.fileExists(atPath: other)) // not ours to clean
        #expect(try LessonStore.read(path).lessons.count == 1)
    }

    @Test func concurrentWritersInOneProcessTakeTurns() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/t.lessons.json"
        await withTaskGroup(of: Void.self) { group in
            for i in 0..<24 {
                group.addTask {
                    _ = try? LessonStore.update(path) { (log: inout LessonLog) throws(LessonError) in
                        try log.add(Lesson(id: "", lesson: "writer \(i)"))
                    }
                }
            }
        }
        let log = try LessonStore.read(path)
        #expect(log.lessons.count == 24)
        #expect(Set(log.lessons.map(\.lesson)).count == 24)
        #expect(log.revision == 24)
    }

    @Test func memoriesComeFromEveryStoreInTheTripsFolder() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try LessonsSample.log.jsonData().write(to: URL(fileURLWithPath: folder + "/kurzeme.lessons.json"))
        try Data("not json".utf8).write(to: URL(fileURLWithPath: folder + "/broken.lessons.json"))
        let memories = LessonStore.memories(forTripAt: folder + "/next-trip.json")
        #expect(memories["village"]?.lastLesson == "Labai gribai nevajag lielu naudu.")
        #expect(memories["idea"]?.openFollowUps.count == 1)
    }

    @Test func aTripsOwnLessonsAreNotItsMemories() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try LessonsSample.log.jsonData().write(to: URL(fileURLWithPath: folder + "/kurzeme.lessons.json"))
        #expect(LessonStore.memories(forTripAt: folder + "/kurzeme.json").isEmpty)
        #expect(!LessonStore.memories(forTripAt: folder + "/kurzeme-2024.json").isEmpty)
    }
}
