import Foundation
import Testing
@testable import TripPlanKit

/// `lessons add` without `--lesson`, answered through piped input.
@Suite struct LessonsInteractiveTests {
    /// Saves a plan for the test trip whose stops come in a known order, so the questions follow it.
    static func savePlan(_ folder: TripFolder) throws {
        let loaded = try TripStore.load(folder.trip)
        func t(_ s: String) -> TimeOfDay { TimeOfDay(parsing: s)! }
        var itinerary = Itinerary(days: [Itinerary.Day(
            date: LocalDate(year: 2023, month: 5, day: 27), from: "kekava", to: "lodging-liepaja", depart: t("07:30"), arrive: t("17:00"),
            stops: [Itinerary.Stop(place: "metro-coworking", arrive: t("10:00"), start: t("10:00"), end: t("11:30"), travelMinutes: 150, km: 180, waitMinutes: 0),
                    Itinerary.Stop(place: "ideju-maja", arrive: t("12:20"), start: t("12:20"), end: t("13:35"), travelMinutes: 50, km: 55, waitMinutes: 0),
                    Itinerary.Stop(place: "ziemupe", arrive: t("14:10"), start: t("14:10"), end: t("15:50"), travelMinutes: 35, km: 30, waitMinutes: 0)],
            lunch: nil, finalLeg: Itinerary.Leg(minutes: 40, km: 35))], unscheduled: [])
        itinerary.tripDigest = loaded.digest
        itinerary.generator = TripPlan.version
        _ = try TripStore.saveItinerary(itinerary, for: folder.trip)
    }

    @Test func walksThePlacesInPlanOrderThenTheTripWideQuestions() throws {
        let folder = try TripFolder(fixture: "lessons-trip")
        defer { folder.remove() }
        try Self.savePlan(folder)
        let input = [
            // METRO CoWorking: saw, lesson, 2 ideas, end of ideas, follow-up with owner and a bad then a good due date,
            // end of follow-ups, a bad then a good rating, arrival, departure
            "Kopstrādes telpa", "Kopiena ap notikumiem", "Atvērto durvju rīts", "Kalendārs", "",
            "Apzināt telpas", "Valde", "31.08.2023", "2023-08-31", "", "seši", "5", "10:20", "11:45",
            // Ideju māja: everything skipped
            "", "", "", "", "", "", "",
            // Ziemupe: only a lesson and a rating
            "", "Griba svarīgāka par naudu", "", "", "4", "", "",
            // after-action: planned, happened, skip why, keep, change
            "Piecas vietas", "Redzējām visas", "", "Sarunas ar darītājiem", "Pierakstīt uzreiz",
        ]
        let result = folder.run(["lessons", "add", folder.trip, "--interactive"], input: input)
        #expect(result.status == 0, "\(result.err)")
        #expect(result.out.contains("[1/3] METRO CoWorking (plānots 10:00–11:30)"))
        #expect(result.out.contains("[3/3] Ziemupe"))
        #expect(result.err.contains("Datums jāraksta GGGG-MM-DD"))
        #expect(result.err.contains("Vērtējums ir vesels skaitlis no 1 līdz 5"))
        #expect(result.out.hasSuffix("Saglabāts \(folder.store): L1, L2; izvērtējums\n"))
        let log = try folder.log()
        #expect(log.lessons.map(\.place) == ["metro-coworking", "ziemupe"]) // the skipped place left no entry
        let l1 = try #require(log.lesson("L1"))
        #expect(l1.saw == "Kopstrādes telpa" && l1.lesson == "Kopiena ap notikumiem" && l1.ideas == ["Atvērto durvju rīts", "Kalendārs"])
        #expect(l1.followUps == [FollowUp(action: "Apzināt telpas", owner: "Valde", due: LocalDate(iso: "2023-08-31"))])
        #expect(l1.rating == 5 && l1.arrived == TimeOfDay(parsing: "10:20") && l1.left == TimeOfDay(parsing: "11:45"))
        #expect(log.lesson("L2")?.lesson == "Griba svarīgāka par naudu" && log.lesson("L2")?.rating == 4)
        #expect(log.afterAction == AfterAction(planned: "Piecas vietas", happened: "Redzējām visas", keep: "Sarunas ar darītājiem",
                                               change: "Pierakstīt uzreiz"))
    }

    @Test func endOfInputSavesWhatWasEntered() throws {
        let folder = try TripFolder(fixture: "lessons-trip")
        defer { folder.remove() }
        try Self.savePlan(folder)
        let result = folder.run(["lessons", "add", folder.trip], input: ["Kopstrādes telpa", "Kopiena"], terminal: true)
        #expect(result.status == 0)
        let log = try folder.log()
        #expect(log.lessons.count == 1)
        #expect(log.lesson("L1")?.saw == "Kopstrādes telpa" && log.lesson("L1")?.lesson == "Kopiena")
        #expect(log.afterAction.isEmpty)
    }

    @Test func withPlaceOnlyThatPlaceIsAsked() throws {
        let folder = try TripFolder(fixture: "lessons-trip")
        defer { folder.remove() }
        let result = folder.run(["lessons", "add", folder.trip, "--place", "ziemupe", "--lang", "en"],
                                input: ["", "Goodwill beats money", "", "", "5", "", "", "never asked"], terminal: true)
        #expect(result.status == 0)
        #expect(result.out.contains("[1/1] Ziemupe"))
        #expect(!result.out.contains("After-action"))
        #expect(try folder.log().lessons.map(\.lesson) == ["Goodwill beats money"])
    }

    @Test func nothingEnteredLeavesTheStoreAlone() throws {
        let folder = try TripFolder(fixture: "lessons-trip")
        defer { folder.remove() }
        let result = folder.run(["lessons", "add", folder.trip, "--interactive"], input: [])
        #expect(result.status == 0)
        #expect(result.out.contains("Nekas netika ierakstīts; krājums nav mainīts."))
        #expect(!FileManager.default.fileExists(atPath: folder.store))
    }

    @Test func answersThatCannotBeSavedAreShownNotLost() throws {
        let folder = try TripFolder(fixture: "lessons-trip")
        defer { folder.remove() }
        var answers = ["Kopstrādes telpa", "Kopiena ap notikumiem", "", "", "", "", ""]
        var out = "", err = ""
        let console = Console(writeOut: { out += $0 }, writeErr: { err += $0 }, readLine: {
            // While the questions are being answered, someone breaks the store by hand.
            if answers.count == 5 { try? Data("{ broken".utf8).write(to: URL(fileURLWithPath: folder.store)) }
            return answers.isEmpty ? nil : answers.removeFirst()
        }, stdinIsTerminal: true, stderrIsTerminal: false, today: LocalDate(year: 2023, month: 7, day: 1))
        let status = TripPlanCLI.run(["lessons", "add", folder.trip, "--place", "metro-coworking"], console: console)
        #expect(status == 1)
        #expect(err.contains("not a readable lessons store"))
        #expect(err.contains("Šīs vietas atbildes netika saglabātas:") && err.contains(#""lesson" : "Kopiena ap notikumiem""#))
        #expect(try String(contentsOfFile: folder.store, encoding: .utf8) == "{ broken")
    }

    @Test func theRealBinaryReadsAnswersFromAPipe() throws {
        let folder = try TripFolder(fixture: "lessons-trip")
        defer { folder.remove() }
        try Self.savePlan(folder)
        let refused = try Binary.run(["lessons", "add", folder.trip])
        #expect(refused.status == 64)
        #expect(refused.stderr.contains("pass '--interactive'"))
        let result = try Binary.run(["lessons", "add", folder.trip, "--interactive", "--lang", "en"],
                                    input: "Coworking space\nCommunity first\n\n\n3\n\n\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("✓ L1 saved"))
        let log = try folder.log()
        #expect(log.lesson("L1")?.saw == "Coworking space" && log.lesson("L1")?.rating == 3)
    }

    @Test func onARealTerminalTheBinaryAsksWithoutBeingTold() throws {
        let folder = try TripFolder(fixture: "lessons-trip")
        defer { folder.remove() }
        // A pseudo-terminal as standard input: isatty(0) is true in the child, as on a real terminal.
        // posix_openpt and friends are not visible to Swift on Linux, so the same steps by hand: open the
        // multiplexer, unlock the new terminal (TIOCSPTLCK) and ask for its number (TIOCGPTN). The request
        // numbers are the asm-generic ones, the same on x86_64 and arm64.
        let master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        try #require(master >= 0)
        defer { close(master) }
        var unlock: Int32 = 0, number: UInt32 = 0
        #expect(ioctl(master, 0x4004_5431, &unlock) == 0 && ioctl(master, 0x8004_5430, &number) == 0)
        let slave = open("/dev/pts/\(number)", O_RDWR | O_NOCTTY)
        try #require(slave >= 0 && isatty(slave) == 1)
        let process = Process()
        process.executableURL = Binary.tripplanURL
        process.arguments = ["lessons", "add", folder.trip, "--place", "ziemupe", "--lang", "en"]
        process.standardInput = FileHandle(fileDescriptor: slave, closeOnDealloc: false)
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        close(slave)
        // Should the terminal not deliver the end of input, do not hang the suite.
        let watchdog = DispatchWorkItem { [process] in if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + 20, execute: watchdog)
        defer { watchdog.cancel() }
        // Answers typed line by line, then Ctrl-D (end of input) at the start of a line.
        let typed = "Village hall\nGoodwill beats money\n\n\n5\n" + "\u{04}"
        _ = typed.utf8CString.withUnsafeBufferPointer { write(master, $0.baseAddress, $0.count - 1) }
        let printed = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(printed.contains("[1/1] Ziemupe") && printed.contains("What did we see?") && printed.contains("✓ L1 saved"))
        let lesson = try #require(try folder.log().lesson("L1"))
        #expect(lesson.saw == "Village hall" && lesson.lesson == "Goodwill beats money" && lesson.rating == 5)
    }
}
