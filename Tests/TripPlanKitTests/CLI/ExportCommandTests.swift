import Foundation
import Testing
@testable import TripPlanKit

@Suite struct ExportCommandTests {
    // MARK: Command line

    @Test func helpReadsLikeArgumentParser() {
        let (console, capture) = Console.capturing()
        #expect(TripPlanCLI.run(["export", "--help"], console: console) == 0)
        for heading in ["OVERVIEW: ", "USAGE: tripplan export <trip> --format html|md", "ARGUMENTS:", "OPTIONS:", "--output <file>", "--lang lv|en"] {
            #expect(capture.out.contains(heading), "\(heading)")
        }
        #expect(TripPlanCLI.run(["--help"], console: console) == 0)
        #expect(capture.out.contains("  export "))
    }

    @Test(arguments: [
        (["export", "trip.json", "--format", "pdf"], "Error: The value 'pdf' is invalid for '--format': use html or md."),
        (["export", "trip.json"], "Error: Missing expected argument '--format <format>' (html or md)."),
        (["export", "--format", "html"], "Error: Missing expected argument '<trip>'."),
        (["export", "trip.json", "--format", "md", "--lang", "de"], "Error: The value 'de' is invalid for '--lang': use lv or en."),
        (["export", "trip.json", "--format", "md", "--output", ""], "Error: The value for '--output <file>' is empty: give a file name."),
        (["export", "trip.json", "--format", "md", "--pdf"], "Error: Unknown option '--pdf'."),
    ])
    func wrongCommandLineIsAUsageError(_ arguments: [String], _ message: String) {
        let (console, capture) = Console.capturing()
        #expect(TripPlanCLI.run(arguments, console: console) == 64)
        #expect(capture.err.hasPrefix(message + "\nUsage: tripplan export <trip>"), "\(capture.err)")
        #expect(capture.err.contains("See 'tripplan export --help' for more information."))
        #expect(capture.out.isEmpty)
    }

    @Test func missingTripIsARuntimeError() {
        let (console, capture) = Console.capturing()
        #expect(TripPlanCLI.run(["export", "/nonexistent/trip.json", "--format", "html"], console: console) == 1)
        #expect(capture.err == "Error: /nonexistent/trip.json: cannot be read (no such file); check the path and its permissions\n")
        #expect(capture.out.isEmpty)
    }

    // MARK: Saved or fresh plan

    /// A trip "on disk" in a fresh folder, with `itinerary` saved beside it.
    func savedTrip(digest: String, savedDigest: String) throws -> LoadedTrip {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tripplan-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let loaded = LoadedTrip(path: folder.appendingPathComponent("trip.json").path, trip: PlanFixture.trip, digest: digest)
        var saved = PlanFixture.itinerary
        saved.unscheduled = [Itinerary.Unscheduled(place: "skrunda", reason: "marker of the saved plan")]
        saved.tripDigest = savedDigest
        saved.generator = TripPlan.version
        _ = try TripStore.saveItinerary(saved, for: loaded.path)
        return loaded
    }

    func remove(_ loaded: LoadedTrip) {
        try? FileManager.default.removeItem(at: URL(fileURLWithPath: loaded.path).deletingLastPathComponent())
    }

    @Test func currentSavedItineraryIsUsed() throws {
        let loaded = try savedTrip(digest: "fnv1a64:0000000000000001", savedDigest: "fnv1a64:0000000000000001")
        defer { remove(loaded) }
        let text = ExportCommand.document(for: loaded, format: .md, language: nil, options: SchedulerOptions())
        #expect(text.contains("marker of the saved plan"))
        #expect(text.contains("## 1. diena — sestdiena, 2023. gada 27. maijs"))
    }

    @Test func staleItineraryIsPlannedAfresh() throws {
        let loaded = try savedTrip(digest: "fnv1a64:0000000000000002", savedDigest: "fnv1a64:0000000000000001")
        defer { remove(loaded) }
        let text = ExportCommand.document(for: loaded, format: .md, language: nil, options: SchedulerOptions())
        #expect(!text.contains("marker of the saved plan"))
        let fresh = makeItinerary(loaded, options: SchedulerOptions())
        #expect(text == PlanMarkdownRenderer(trip: loaded.trip, language: .lv).render(fresh))
    }

    @Test func languageOverridesTheTrips() throws {
        let loaded = try savedTrip(digest: "fnv1a64:0000000000000003", savedDigest: "fnv1a64:0000000000000003")
        defer { remove(loaded) }
        let html = ExportCommand.document(for: loaded, format: .html, language: .en, options: SchedulerOptions())
        #expect(html.contains("<html lang=\"en\">"))
        #expect(html.contains("Saturday, 27 May 2023"))
        let md = ExportCommand.document(for: loaded, format: .md, language: nil, options: SchedulerOptions())
        #expect(md.contains("sestdiena, 2023. gada 27. maijs"))
    }
}
