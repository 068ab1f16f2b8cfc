import Testing
@testable import TripPlanKit

@Suite struct PlanMarkdownRendererTests {
    func markdown(_ language: Language = .lv) -> String {
        PlanMarkdownRenderer(trip: PlanFixture.trip, language: language, memories: PlanFixture.memories)
            .render(PlanFixture.itinerary)
    }

    @Test func latvianPlanMatchesGoldenFile() {
        Snapshot.assertMatches(markdown(), named: "plan-kurzeme.lv.md")
    }

    @Test func englishPlanMatchesGoldenFile() {
        Snapshot.assertMatches(markdown(.en), named: "plan-kurzeme.en.md")
    }

    @Test func everyTableRowHasItsColumns() {
        // A row with fewer or more cells than its header would show as a broken table in chat and email.
        var columns: Int?
        for line in markdown().split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.hasPrefix("|") else { columns = nil; continue }
            let cells = line.replacingOccurrences(of: "\\|", with: "").filter { $0 == "|" }.count - 1
            if let columns { #expect(cells == columns, "\(line)") } else { columns = cells }
        }
    }

    @Test func daysTimelinesMemoriesAndReasons() {
        let text = markdown()
        #expect(text.hasPrefix("# Pieredzes brauciens uz Kurzemi\n"))
        #expect(text.contains("\n## 1. diena — sestdiena, 2023. gada 27. maijs\n"))
        #expect(text.contains("\n## 2. diena — svētdiena, 2023. gada 28. maijs\n"))
        #expect(text.contains("| 10:00–11:30 | (1) **METRO CoWorking**, Kuldīga | Apmeklējums, 1 h 30 min · kopstrādes telpa; ierašanās 09:45, gaidīšana 15 min | Baznīcas iela 5, Kuldīga | +371 20 000 001 |"))
        #expect(text.contains("| 12:15–13:00 | **Ideju māja**, Aizpute | Pusdienas |"))
        #expect(text.contains("> - Nosūtīt partnerības prezentāciju — Anna, termiņš 2023. gada 15. jūnijs"))
        #expect(text.contains("| **Skrundas muiža** | slēgts sestdien, 27. maijā un svētdien, 28. maijā |"))
        #expect(markdown(.en).contains("| **Skrundas muiža** | closed on Saturday 27 May and Sunday 28 May |"))
    }
}
