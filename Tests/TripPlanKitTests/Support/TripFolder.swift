import Foundation
@testable import TripPlanKit

/// A temporary folder holding a copy of a fixture trip as `trip.json`; `remove()` cleans it up.
struct TripFolder {
    let url: URL
    var trip: String { url.appendingPathComponent("trip.json").path }

    init(fixture: String) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("tripplan-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        let source = Bundle.module.url(forResource: fixture, withExtension: "json", subdirectory: "Fixtures")!
        try FileManager.default.copyItem(at: source, to: url.appendingPathComponent("trip.json"))
    }

    func remove() { try? FileManager.default.removeItem(at: url) }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// Runs `tripplan` in-process.
    func run(_ arguments: [String], input: [String] = [], terminal: Bool = false,
             today: LocalDate = LocalDate(year: 2023, month: 7, day: 1)) -> (status: Int32, out: String, err: String) {
        let (console, capture) = Console.capturing(input: input, today: today, terminal: terminal)
        let status = TripPlanCLI.run(arguments, console: console)
        return (status, capture.out, capture.err)
    }
}
