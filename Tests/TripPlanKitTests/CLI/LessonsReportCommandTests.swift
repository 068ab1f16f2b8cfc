import Foundation
import Testing
@testable import TripPlanKit

@Suite struct LessonsReportCommandTests {
    @Test func reportNeedsAFormatAndWritesTheFileAtomically() throws {
        let folder = try TripFolder(fixture: "lessons-trip")
        defer { folder.remove() }
        _ = folder.run(["lessons", "add", folder.trip, "--place", "ziemupe", "--lesson", "Griba <svarīgāka>", "--follow-up", "Pārskats", "--due", "2023-06-01"])
        #expect(folder.run(["lessons", "report", folder.trip]).status == 64)
        #expect(folder.run(["lessons", "report", folder.trip, "--format", "pdf"]).status == 64)
        let md = folder.run(["lessons", "report", folder.trip, "--format", "md"])
        #expect(md.status == 0)
        #expect(md.out.contains("Griba \\<svarīgāka\\>") && md.out.contains("**nokavēts**"))
        let overwrite = folder.run(["lessons", "report", folder.trip, "--format", "md", "--output", folder.store])
        #expect(overwrite.status == 64 && overwrite.err.contains("would replace a trip file or its saved plan or lessons"))
        #expect(try folder.log().lessons.count == 1)
        let output = folder.url.appendingPathComponent("report.html").path
        let html = folder.run(["lessons", "report", folder.trip, "--format", "html", "--output", output, "--lang", "en"])
        #expect(html.status == 0 && html.out == "Report saved to \(output)\n")
        let text = try String(contentsOfFile: output, encoding: .utf8)
        #expect(text.hasPrefix("<!DOCTYPE html>") && text.contains("Griba &lt;svarīgāka&gt;") && text.contains("overdue"))
    }

    @Test func summaryGroupsLessonsByPlaceAcrossTripsAndSaysWhatItSkipped() throws {
        let folder = try TripFolder(fixture: "lessons-trip")
        defer { folder.remove() }
        _ = folder.run(["lessons", "add", folder.trip, "--place", "ziemupe", "--lesson", "2023: griba", "--follow-up", "Pārskats"])
        // An older trip to the same place, whose trip file is gone: its store still counts.
        var old = LessonLog(trip: .init(title: "Vecais brauciens", start: LocalDate(year: 2019, month: 6, day: 1)))
        _ = try old.add(Lesson(id: "", place: "ziemupe", lesson: "2019: kopiena"))
        try old.jsonData().write(to: folder.url.appendingPathComponent("old.lessons.json"))
        try Data("{ not a trip".utf8).write(to: folder.url.appendingPathComponent("broken.json"))
        let result = folder.run(["lessons", "summary", folder.url.path])
        #expect(result.status == 0)
        let ziemupe = try #require(result.out.range(of: "Ziemupe [ziemupe]"))
        let after = result.out[ziemupe.upperBound...]
        let older = try #require(after.range(of: "2019: kopiena")), newer = try #require(after.range(of: "2023: griba"))
        #expect(older.lowerBound < newer.lowerBound)
        #expect(result.out.contains("[atvērts] Pārskats"))
        #expect(!result.out.contains("trip.itinerary"))
        #expect(result.err.contains("Izlaisti faili:") && result.err.contains("broken.json"))
    }
}
