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

    // MARK: Through the command line, with a trip file

    /// A copy of `Fixtures/plan-trip.json` in a fresh folder (export and create write beside it).
    func tripCopy() throws -> (folder: URL, trip: String) {
        let source = try #require(Bundle.module.url(forResource: "plan-trip", withExtension: "json", subdirectory: "Fixtures"))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tripplan-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let trip = folder.appendingPathComponent("trip.json")
        try FileManager.default.copyItem(at: source, to: trip)
        return (folder, trip.path)
    }

    @Test func stdoutWithoutOutputAndTheSameBytesInTheFileWithIt() throws {
        let (folder, trip) = try tripCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        for format in ["html", "md"] {
            let (console, capture) = Console.capturing()
            #expect(TripPlanCLI.run(["export", trip, "--format", format], console: console) == 0)
            #expect(capture.err.isEmpty)
            #expect(capture.out.hasPrefix(format == "html" ? "<!DOCTYPE html>" : "# Pieredzes brauciens uz Kurzemi"))

            let output = folder.appendingPathComponent("plan.\(format)").path
            let (fileConsole, fileCapture) = Console.capturing()
            #expect(TripPlanCLI.run(["export", trip, "--format", format, "--output", output], console: fileConsole) == 0)
            #expect(fileCapture.out.isEmpty)
            #expect(try String(contentsOfFile: output, encoding: .utf8) == capture.out)
        }
        // Exporting saves nothing beside the trip file.
        #expect(!FileManager.default.fileExists(atPath: TripStore.itineraryPath(for: trip)))
    }

    @Test func langOverridesTheTripFilesLanguage() throws {
        let (folder, trip) = try tripCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (console, capture) = Console.capturing()
        #expect(TripPlanCLI.run(["export", trip, "--format", "md", "--lang", "en"], console: console) == 0)
        #expect(capture.out.contains("## Day 1 — Saturday, 27 May 2023"))
        #expect(!capture.out.contains("sestdiena"))
    }

    @Test func staleSavedPlanIsReplacedByAFreshOne() throws {
        let (folder, trip) = try tripCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (console, capture) = Console.capturing()
        #expect(TripPlanCLI.run(["create", trip], console: console) == 0)
        // Mark the saved plan so that it can be told from a fresh one.
        let saved = TripStore.itineraryPath(for: trip)
        var itinerary = try #require(Itinerary(jsonData: try Data(contentsOf: URL(fileURLWithPath: saved))))
        itinerary.unscheduled.append(Itinerary.Unscheduled(place: "metro", reason: "marker of the saved plan"))
        try itinerary.jsonData().write(to: URL(fileURLWithPath: saved))

        #expect(TripPlanCLI.run(["export", trip, "--format", "md"], console: console) == 0)
        #expect(capture.out.contains("marker of the saved plan"))

        // The trip file changes: the saved plan is stale and the export plans afresh.
        let edited = try String(contentsOfFile: trip, encoding: .utf8)
            .replacingOccurrences(of: "Pieredzes brauciens uz Kurzemi", with: "Pieredzes brauciens uz Kurzemi (2. versija)")
        try Data(edited.utf8).write(to: URL(fileURLWithPath: trip))
        let (fresh, freshCapture) = Console.capturing()
        #expect(TripPlanCLI.run(["export", trip, "--format", "md"], console: fresh) == 0)
        #expect(freshCapture.out.hasPrefix("# Pieredzes brauciens uz Kurzemi (2. versija)\n"))
        #expect(!freshCapture.out.contains("marker of the saved plan"))
    }

    @Test func lessonsOfAnEarlierTripInTheFolderArePrintedWithTheVisit() throws {
        let (folder, trip) = try tripCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (console, capture) = Console.capturing()
        #expect(TripPlanCLI.run(["lessons", "add", trip, "--place", "metro", "--lesson", "Telpa <b>jāpiesaka</b> iepriekš",
                                 "--follow-up", "Nosūtīt pateicību", "--owner", "Anna"], console: console) == 0)
        let nextTrip = folder.appendingPathComponent("next-trip.json")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: trip), to: nextTrip)
        #expect(TripPlanCLI.run(["export", trip, "--format", "html"], console: console) == 0)
        #expect(!capture.out.contains("Iepriekšējā reizē uzzinājām"), "a trip's own lessons are not 'last time'")
        #expect(TripPlanCLI.run(["export", nextTrip.path, "--format", "html"], console: console) == 0)
        #expect(capture.out.contains("Iepriekšējā reizē uzzinājām"))
        #expect(capture.out.contains("Telpa &lt;b&gt;jāpiesaka&lt;/b&gt; iepriekš"))
        #expect(capture.out.contains("<li>Nosūtīt pateicību — Anna</li>"))
    }

    @Test func unwritableOutputFailsWithoutAFile() throws {
        let (folder, trip) = try tripCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("no-such-folder/plan.html").path
        let (console, capture) = Console.capturing()
        #expect(TripPlanCLI.run(["export", trip, "--format", "html", "--output", output], console: console) == 1)
        #expect(capture.err.hasPrefix("Error: \(output): cannot be written"))
        #expect(capture.out.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    @Test func invalidTripFileIsARuntimeErrorNamingTheFile() throws {
        let (folder, trip) = try tripCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("{ \"format\": \"tripplan/1\", ".utf8).write(to: URL(fileURLWithPath: trip))
        let (console, capture) = Console.capturing()
        #expect(TripPlanCLI.run(["export", trip, "--format", "html"], console: console) == 1)
        #expect(capture.err.hasPrefix("Error: \(trip):"))
        #expect(capture.out.isEmpty)
    }

    @Test func theBinaryExitsWithTheCommandsCodes() throws {
        #expect(try Binary.run(["export", "trip.json", "--format", "pdf"]).status == 64)
        #expect(try Binary.run(["export", "/nonexistent/trip.json", "--format", "md"]).status == 1)
    }
}
