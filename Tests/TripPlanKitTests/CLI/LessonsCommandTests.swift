import Foundation
import Testing
@testable import TripPlanKit

@Suite struct LessonsCommandTests {
    @Test func flagsAddOneEntryPerCallAndCallsAddUp() throws {
        let folder = try TripFolder(fixture: "lessons-trip")
        defer { folder.remove() }
        let first = folder.run(["lessons", "add", folder.trip, "--place", "ziemupe", "--lesson", "Griba svarīgāka par naudu",
                                "--idea", "Maksas pakalpojumi", "--idea", "Kopienas svētki", "--follow-up", "Sagatavot pārskatu",
                                "--owner", "Kaspars", "--due", "2023-09-30", "--rating", "5", "--arrived", "14:45", "--left", "16:30"])
        #expect(first.status == 0, "\(first.err)")
        #expect(first.out == "Saglabāts L1 (Ziemupe): \(folder.store), revīzija 1\n")
        let second = folder.run(["lessons", "add", folder.trip, "--lesson", "Par saspringts ritms", "--lang", "en"])
        #expect(second.out == "Saved L2 (whole trip) to \(folder.store), revision 2\n")
        let log = try folder.log()
        #expect(log.lessons.map(\.id) == ["L1", "L2"])
        let l1 = try #require(log.lesson("L1"))
        #expect(l1.place == "ziemupe" && l1.ideas == ["Maksas pakalpojumi", "Kopienas svētki"] && l1.rating == 5)
        #expect(l1.followUps == [FollowUp(action: "Sagatavot pārskatu", owner: "Kaspars", due: LocalDate(iso: "2023-09-30"))])
        #expect(l1.arrived == TimeOfDay(parsing: "14:45") && l1.left == TimeOfDay(parsing: "16:30"))
        #expect(l1.recorded == LocalDate(iso: "2023-07-01"))
        #expect(log.lesson("L2")?.place == nil)
        #expect(log.trip?.title == "Pieredzes brauciens uz Kurzemi")
    }

    @Test func anUnknownPlaceIsNamedWithTheTripsPlaceIds() throws {
        let folder = try TripFolder(fixture: "lessons-trip")
        defer { folder.remove() }
        let result = folder.run(["lessons", "add", folder.trip, "--place", "ziemupes-ciems", "--lesson", "x"])
        #expect(result.status == 1)
        #expect(result.err == "Error: \(folder.trip): there is no place 'ziemupes-ciems' in this trip; use one of its place ids: "
                + "kekava, metro-coworking, ideju-maja, ziemupe, lodging-liepaja (or leave out --place for a trip-wide lesson)\n")
        #expect(!FileManager.default.fileExists(atPath: folder.store))
    }

    @Test(arguments: [
        (["--lesson", "x", "--rating", "6"], "The value '6' is invalid for '--rating <1-5>': give a whole number from 1 to 5."),
        (["--lesson", "x", "--rating", "four"], "The value 'four' is invalid for '--rating <1-5>': give a whole number from 1 to 5."),
        (["--lesson", "x", "--due", "2023-06-31", "--follow-up", "a"], "The value '2023-06-31' is invalid for '--due <date>': use YYYY-MM-DD, e.g. 2023-06-30."),
        (["--lesson", "x", "--arrived", "25:00"], "The value '25:00' is invalid for '--arrived <HH:MM>': use a time of day such as 10:05."),
        (["--lesson", "x", "--arrived", "12:00", "--left", "11:00"], "'--left 11:00' is before '--arrived 12:00'; give the departure after the arrival."),
        (["--lesson", "x", "--owner", "Ilze"], "'--owner' and '--due' belong to a follow-up; give '--follow-up <action>' with them."),
        (["--lesson", "x", "--lesson", "y"], "'--lesson' was given 2 times; give it once per call."),
        (["--lesson", ""], "The value '' is invalid for '--lesson <text>': write what the group learned."),
        (["--idea", "x"], "'--lesson <text>' is required with --idea (without any of them, on a terminal, tripplan asks instead)."),
        ([], "Standard input is not a terminal, so there is nobody to ask: give '--lesson <text>' (and the other fields as flags), or pass '--interactive' to read the answers from standard input, one per line."),
    ])
    func malformedFlagsAreUsageErrors(extra: [String], message: String) throws {
        let folder = try TripFolder(fixture: "lessons-trip")
        defer { folder.remove() }
        let result = folder.run(["lessons", "add", folder.trip] + extra)
        #expect(result.status == 64)
        #expect(result.err.hasPrefix("Error: \(message)\nUsage: tripplan lessons add <trip>"))
        #expect(!FileManager.default.fileExists(atPath: folder.store))
    }

    @Test func listPrintsTheContractJSON() throws {
        let folder = try TripFolder(fixture: "lessons-trip")
        defer { folder.remove() }
        _ = folder.run(["lessons", "add", folder.trip, "--place", "ideju-maja", "--lesson", "Minimālisms strādā", "--follow-up", "Uzaicināt jauniešus"])
        _ = folder.run(["lessons", "add", folder.trip, "--lesson", "Visam braucienam"])
        let result = folder.run(["lessons", "list", folder.trip, "--json"])
        #expect(result.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any]
        let lessons = try #require(object?["lessons"] as? [[String: Any]])
        #expect(lessons.count == 2)
        #expect(lessons[0]["id"] as? String == "L1" && lessons[0]["place"] as? String == "ideju-maja"
                && lessons[0]["lesson"] as? String == "Minimālisms strādā")
        #expect(lessons[1]["place"] is NSNull)
        let followUps = try #require(lessons[0]["followUps"] as? [[String: Any]])
        #expect(followUps.first?["status"] as? String == "open")
        #expect(object?["revision"] as? Int == 2)
    }

    @Test func editDoneAndRemoveWorkById() throws {
        let folder = try TripFolder(fixture: "lessons-trip")
        defer { folder.remove() }
        _ = folder.run(["lessons", "add", folder.trip, "--place", "ziemupe", "--lesson", "a", "--follow-up", "one", "--due", "2023-06-10"])
        _ = folder.run(["lessons", "add", folder.trip, "--lesson", "b"])
        #expect(folder.run(["lessons", "edit", folder.trip, "L1", "--lesson", "a2", "--follow-up", "two", "--rating", "4"]).status == 0)
        #expect(folder.run(["lessons", "done", folder.trip, "L1.1"]).status == 0)
        var l1 = try #require(try folder.log().lesson("L1"))
        #expect(l1.lesson == "a2" && l1.rating == 4 && l1.followUps.map(\.status) == [.done, .open])
        #expect(folder.run(["lessons", "edit", folder.trip, "L1", "--status", "done"]).status == 0)
        l1 = try #require(try folder.log().lesson("L1"))
        #expect(l1.followUps.map(\.status) == [.done, .done])
        let listing = folder.run(["lessons", "list", folder.trip]).out
        #expect(listing.contains("1. [izdarīts] one — līdz 2023-06-10"))
        #expect(folder.run(["lessons", "remove", folder.trip, "L2"]).status == 0)
        let missing = folder.run(["lessons", "remove", folder.trip, "L2"])
        #expect(missing.status == 1)
        #expect(missing.err.contains("there is no lesson 'L2'; its ids are L1"))
        _ = folder.run(["lessons", "add", folder.trip, "--lesson", "c"])
        #expect(try folder.log().lessons.map(\.id) == ["L1", "L3"]) // L2 is not given out again
        #expect(folder.run(["lessons", "edit", folder.trip, "X1", "--lesson", "x"]).status == 64)
        #expect(folder.run(["lessons", "edit", folder.trip, "L1", "--place", "nowhere"]).status == 1)
    }

    @Test func anEditPreparedAgainstAnOlderRevisionIsRefusedWhenItsEntryChanged() throws {
        let folder = try TripFolder(fixture: "lessons-trip")
        defer { folder.remove() }
        _ = folder.run(["lessons", "add", folder.trip, "--lesson", "a"])
        _ = folder.run(["lessons", "add", folder.trip, "--lesson", "b"])
        let read = try folder.log().revision // 2: an editor reads here
        #expect(folder.run(["lessons", "edit", folder.trip, "L1", "--lesson", "theirs"]).status == 0)
        let refused = folder.run(["lessons", "edit", folder.trip, "L1", "--lesson", "mine", "--if-revision", "\(read)"])
        #expect(refused.status == 1)
        #expect(refused.err == "Error: \(folder.store): lesson L1 was changed by someone else (revision 3) after this edit read revision 2; "
                + "nothing was saved — look at 'tripplan lessons list' and make the edit again\n")
        #expect(try folder.log().lesson("L1")?.lesson == "theirs")
        // L2 did not change since revision 2, so the same kind of edit goes through.
        #expect(folder.run(["lessons", "edit", folder.trip, "L2", "--lesson", "mine", "--if-revision", "\(read)"]).status == 0)
    }

    @Test func aBrokenStoreIsNeverOverwritten() throws {
        let folder = try TripFolder(fixture: "lessons-trip")
        defer { folder.remove() }
        try Data("{\"format\": \"tripplan-lessons/1\", \"lessons\": [".utf8).write(to: URL(fileURLWithPath: folder.store))
        let result = folder.run(["lessons", "add", folder.trip, "--lesson", "x"])
        #expect(result.status == 1)
        #expect(result.err.contains("\(folder.store): not a readable lessons store"))
        #expect(try String(contentsOfFile: folder.store, encoding: .utf8) == "{\"format\": \"tripplan-lessons/1\", \"lessons\": [")
    }

    @Test func helpReadsLikeArgumentParser() {
        let (console, capture) = Console.capturing()
        for command in ["add", "list", "edit", "done", "remove", "report", "summary"] {
            capture.out = ""
            #expect(TripPlanCLI.run(["lessons", command, "--help"], console: console) == 0)
            #expect(capture.out.hasPrefix("OVERVIEW: ") && capture.out.contains("\nUSAGE: tripplan lessons \(command) "))
            #expect(capture.out.contains("ARGUMENTS:"))
        }
        capture.out = ""
        #expect(TripPlanCLI.run(["lessons"], console: console) == 0)
        #expect(capture.out.contains("lessons add") && capture.out.contains("lessons summary"))
    }
}
