import Foundation
import Testing
@testable import TripPlanKit

@Suite struct CreateCommandTests {
    @Test func printsThePlanAndSavesTheItineraryBesideTheTrip() throws {
        let folder = try TripFolder(fixture: "create-trip")
        defer { folder.remove() }
        let result = folder.run(["create", folder.trip])
        #expect(result.status == 0)
        #expect(result.out.contains("Day 1 — Saturday, 27 May 2023"))
        #expect(result.out.contains("visit: Kopstrādes telpa, Kuldīga"))
        let saved = folder.path("trip.itinerary.json")
        #expect(result.out.contains("Plan saved to \(saved)"))
        let itinerary = try #require(Itinerary(jsonData: try Data(contentsOf: URL(fileURLWithPath: saved))))
        #expect(itinerary.days.count == 2)
    }

    @Test func explainsWhatDidNotFit() throws {
        let folder = try TripFolder(fixture: "create-trip")
        defer { folder.remove() }
        let result = folder.run(["create", folder.trip, "--no-save"])
        #expect(result.status == 0)
        #expect(result.err.contains("warning: \(folder.trip): places[5]: \"museum\" needs 120 min"))
        #expect(result.out.contains("Places not fitted:"))
        #expect(result.out.contains("Muzejs, Liepāja: open only 10:00–11:00 on 27 May and 10:00–11:00 on 28 May; the visit needs 120 min"))
        #expect(!FileManager.default.fileExists(atPath: folder.path("trip.itinerary.json")))
    }

    @Test func jsonPrintsTheItineraryAndNothingElse() throws {
        let folder = try TripFolder(fixture: "create-trip")
        defer { folder.remove() }
        let result = folder.run(["create", folder.trip, "--json"])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
        #expect(object["format"] as? String == "tripplan-itinerary/1")
        let days = try #require(object["days"] as? [[String: Any]])
        let stops = days.flatMap { ($0["stops"] as? [[String: Any]]) ?? [] }.compactMap { $0["place"] as? String }
        #expect(stops == ["cowork", "youth", "village", "garden"])
        let unscheduled = try #require(object["unscheduled"] as? [[String: Any]])
        #expect(unscheduled.compactMap { $0["place"] as? String } == ["museum"])
    }

    @Test func sameFileSameBytes() throws {
        let folder = try TripFolder(fixture: "create-trip")
        defer { folder.remove() }
        let first = folder.run(["create", folder.trip, "--json", "--no-save"])
        let second = folder.run(["create", folder.trip, "--json", "--no-save"])
        #expect(first.out == second.out)
    }

    @Test func lvIsTheLanguageOverride() throws {
        let folder = try TripFolder(fixture: "create-trip")
        defer { folder.remove() }
        let result = folder.run(["create", folder.trip, "--no-save", "--lang", "lv"])
        #expect(result.out.contains("1. diena — sestdiena, 2023. gada 27. maijs"))
        #expect(result.out.contains("Neiekļautās vietas:"))
    }

    @Test func invalidTripExitsOneAndNamesTheFileAndPath() throws {
        let folder = try TripFolder(fixture: "create-trip")
        defer { folder.remove() }
        var text = try String(contentsOfFile: folder.trip, encoding: .utf8)
        text = text.replacingOccurrences(of: "\"to\": \"16:00\"", with: "\"to\": \"25:00\"")
        try text.write(toFile: folder.trip, atomically: true, encoding: .utf8)
        let result = folder.run(["create", folder.trip])
        #expect(result.status == 1)
        #expect(result.out.isEmpty)
        #expect(result.err.contains("\(folder.trip): places[1].open[0].to: \"25:00\" is not a time of day"))
        #expect(!FileManager.default.fileExists(atPath: folder.path("trip.itinerary.json")))
    }

    @Test func validateReportsAValidFile() throws {
        let folder = try TripFolder(fixture: "create-trip")
        defer { folder.remove() }
        let result = folder.run(["validate", folder.trip])
        #expect(result.status == 0)
        #expect(result.out.contains("valid — 7 places, 2 days, 5 to visit"))
    }

    @Test func longSearchesShowProgressOnATerminalAndClearIt() throws {
        let folder = try TripFolder(fixture: "twenty-places")
        defer { folder.remove() }
        let (console, capture) = Console.capturing()
        console.stderrIsTerminal = true
        let status = TripPlanCLI.run(["create", folder.trip, "--no-save", "--time-limit", "1.3"], console: console)
        #expect(status == 0)
        #expect(capture.err.contains("\rsearching… 1 s, "))
        #expect(capture.err.hasSuffix("\r\u{1B}[K"), "the progress line is cleared before the plan is printed")
        #expect(capture.out.contains("Trip total: 2 days"))
    }

    @Test func searchesSideBySideWithoutALimitGiveTheSamePlan() throws {
        let folder = try TripFolder(fixture: "twenty-places")
        defer { folder.remove() }
        let first = folder.run(["create", folder.trip, "--no-save", "--json", "--jobs", "2"])
        let second = folder.run(["create", folder.trip, "--no-save", "--json", "--jobs", "2"])
        #expect(first.status == 0)
        #expect(!first.out.isEmpty)
        #expect(first.out == second.out)
    }

    @Test func noProgressWhenStderrIsNotATerminal() throws {
        let folder = try TripFolder(fixture: "twenty-places")
        defer { folder.remove() }
        let result = folder.run(["create", folder.trip, "--no-save", "--json"])
        #expect(result.status == 0)
        #expect(result.err.isEmpty)
    }
}
