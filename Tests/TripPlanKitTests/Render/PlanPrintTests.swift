import Foundation
import Testing
@testable import TripPlanKit

/// The HTML plan printed by a real browser: Chromium makes the PDF, poppler-utils reads it back.
///
/// Without Chromium and poppler-utils these tests are skipped with a message saying what to install
/// (`.ci/run` installs both). `.ci/run` also prints the bundled Kurzeme trip and hands the files to
/// `printedBundledTripHoldsEveryPlace` through `TRIPPLAN_PRINTED_PDF`, `TRIPPLAN_PRINTED_HTML` and
/// `TRIPPLAN_PRINTED_TRIP`; tests never go looking in `itineraries/` themselves.
@Suite struct PlanPrintTests {
    static let toolsMissing = "Chromium and poppler-utils are needed to print the plan (apt-get install chromium poppler-utils); skipped"
    static let notHandedAPDF = "TRIPPLAN_PRINTED_PDF is not set; .ci/run prints the bundled trip and sets it"

    @Test(.enabled(if: PrintTools.available, Comment(rawValue: toolsMissing)))
    func fixturePrintsAsA4WithOnePagePerDay() throws {
        let folder = try PrintTools.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let html = folder.appendingPathComponent("plan.html"), pdf = folder.appendingPathComponent("plan.pdf")
        let page = PlanHTMLRenderer(trip: PlanFixture.trip, language: .lv, memories: PlanFixture.memories)
            .render(PlanFixture.itinerary)
        try Data(page.utf8).write(to: html)
        try PrintTools.printToPDF(html: html, pdf: pdf, profile: folder.appendingPathComponent("profile"))

        let info = try PrintTools.info(pdf)
        #expect(info.isA4, "page size \(info.pageSize)")
        // Cover, one page per day, contacts: nothing spills over.
        #expect(info.pages == 4)
        let pages = try (1...max(info.pages, 1)).map { try PrintTools.text(pdf, page: $0) }
        #expect(pages.first?.contains("Pieredzes brauciens uz Kurzemi") == true)
        #expect(pages.count > 1 && pages[1].contains("sestdiena, 2023. gada 27. maijs"))
        #expect(pages.count > 2 && pages[2].contains("svētdiena, 2023. gada 28. maijs"))
        #expect(pages.last?.contains("Kontakti") == true)
        let all = pages.joined(separator: " ")
        for place in PlanFixture.trip.places {
            #expect(all.contains(PrintTools.normalized(place.name)), "\(place.name) is not in the PDF's text")
        }
        #expect(all.contains("Ķekava") && all.contains("Kuldīga") && all.contains("Vērgales pagasts"))
    }

    @Test(.enabled(if: ProcessInfo.processInfo.environment["TRIPPLAN_PRINTED_PDF"] != nil && PrintTools.available,
                   Comment(rawValue: notHandedAPDF)))
    func printedBundledTripHoldsEveryPlace() throws {
        let environment = ProcessInfo.processInfo.environment
        let pdf = URL(fileURLWithPath: try #require(environment["TRIPPLAN_PRINTED_PDF"]))
        let info = try PrintTools.info(pdf)
        #expect(info.isA4, "page size \(info.pageSize)")
        #expect(info.pages >= 3)
        let all = try PrintTools.text(pdf)
        if let tripPath = environment["TRIPPLAN_PRINTED_TRIP"] {
            let trip = try TripStore.load(tripPath).trip
            for place in trip.places {
                #expect(all.contains(PrintTools.normalized(place.name)), "\(place.name) is not in the PDF's text")
            }
            for day in trip.days {
                #expect(all.contains(DateText.long(day.date, trip.language)), "no page for \(day.date)")
            }
            #expect(all.contains(trip.language == .lv ? "Kontakti" : "Contacts"))
            #expect(info.pages >= trip.days.count + 2)
        }
        if let htmlPath = environment["TRIPPLAN_PRINTED_HTML"] {
            let page = try String(contentsOfFile: htmlPath, encoding: .utf8)
            #expect(!page.lowercased().contains("<script"))
            #expect(page.contains("http-equiv=\"Content-Security-Policy\""))
            let network = try Regex(#"(?i)(src|href|action)\s*=\s*["']?\s*(https?:|//)|url\(\s*["']?\s*(https?:|//)"#)
            #expect(page.firstMatch(of: network) == nil)
        }
    }
}

/// Chromium and poppler-utils, found on `PATH`.
enum PrintTools {
    static func which(_ names: [String]) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for name in names {
            for folder in path.split(separator: ":") {
                let candidate = "\(folder)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return nil
    }

    static let chromium = which(["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"])
    static let pdfinfo = which(["pdfinfo"])
    static let pdftotext = which(["pdftotext"])
    static var available: Bool { chromium != nil && pdfinfo != nil && pdftotext != nil }

    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tripplan-print-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Runs a tool and returns its standard output.
    @discardableResult
    static func run(_ executable: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "\(executable) exited with \(process.terminationStatus): \(String(decoding: err, as: UTF8.self).suffix(600))")
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func printToPDF(html: URL, pdf: URL, profile: URL) throws {
        guard let chromium else { throw Failure(description: "Chromium not found") }
        try run(chromium, ["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                           "--user-data-dir=\(profile.path)", "--print-to-pdf=\(pdf.path)", html.absoluteString])
        guard FileManager.default.fileExists(atPath: pdf.path) else {
            throw Failure(description: "Chromium wrote no PDF at \(pdf.path)")
        }
    }

    struct Info {
        var pages: Int
        var pageSize: String
        /// A4 is 595 × 842 pt (210 × 297 mm); Chromium writes 594.96 × 841.92.
        var isA4: Bool {
            let numbers = pageSize.split(separator: " ").compactMap { Double($0) }
            return numbers.count >= 2 && (numbers[0].rounded() == 595) && (numbers[1].rounded() == 842)
        }
    }

    static func info(_ pdf: URL) throws -> Info {
        guard let pdfinfo else { throw Failure(description: "pdfinfo not found") }
        var info = Info(pages: 0, pageSize: "")
        for line in try run(pdfinfo, [pdf.path]).split(separator: "\n") {
            let parts = line.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2 else { continue }
            if parts[0] == "Pages" { info.pages = Int(parts[1]) ?? 0 }
            if parts[0] == "Page size" { info.pageSize = parts[1] }
        }
        return info
    }

    /// The text of one page (or all), whitespace folded, so that a name broken over two lines still matches.
    static func text(_ pdf: URL, page: Int? = nil) throws -> String {
        guard let pdftotext else { throw Failure(description: "pdftotext not found") }
        var arguments = ["-enc", "UTF-8"]
        if let page { arguments += ["-f", String(page), "-l", String(page)] }
        return normalized(try run(pdftotext, arguments + [pdf.path, "-"]))
    }

    static func normalized(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
