import Foundation
@testable import TripPlanKit

/// A temporary folder holding a copy of the lessons test trip, removed when the test is done.
struct LessonsTestFolder {
    let url: URL
    var trip: String { url.appendingPathComponent("trip.json").path }
    var store: String { url.appendingPathComponent("trip.lessons.json").path }

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("tripplan-lessons-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        let fixture = Bundle.module.url(forResource: "lessons-trip", withExtension: "json", subdirectory: "Fixtures")!
        try FileManager.default.copyItem(at: fixture, to: url.appendingPathComponent("trip.json"))
    }

    func remove() { try? FileManager.default.removeItem(at: url) }

    /// Runs `tripplan` in-process.
    func run(_ arguments: [String], input: [String] = [], terminal: Bool = false,
             today: LocalDate = LocalDate(year: 2023, month: 7, day: 1)) -> (status: Int32, out: String, err: String) {
        let (console, capture) = Console.capturing(input: input, today: today, terminal: terminal)
        let status = TripPlanCLI.run(arguments, console: console)
        return (status, capture.out, capture.err)
    }

    func log() throws -> LessonLog { try LessonStore.read(store) }
}
