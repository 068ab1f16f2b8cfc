import Foundation
import Testing
@testable import TripPlanKit

@Suite struct PlanHTMLRendererTests {
    func html(_ trip: Trip = PlanFixture.trip, _ language: Language = .lv,
              _ itinerary: Itinerary = PlanFixture.itinerary) -> String {
        PlanHTMLRenderer(trip: trip, language: language, memories: PlanFixture.memories).render(itinerary)
    }

    @Test func latvianPlanMatchesGoldenFile() {
        Snapshot.assertMatches(html(), named: "plan-kurzeme.lv.html")
    }

    @Test func englishPlanMatchesGoldenFile() {
        Snapshot.assertMatches(html(PlanFixture.trip, .en), named: "plan-kurzeme.en.html")
    }

    @Test func sameInputGivesSameBytes() {
        #expect(html() == html())
    }

    @Test func documentIsSelfContainedAndForbidsScripts() throws {
        let page = html()
        #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"lv\">"))
        #expect(html(PlanFixture.trip, .en).contains("<html lang=\"en\">"))
        #expect(page.contains("<meta charset=\"utf-8\">"))
        #expect(page.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'none'"))
        #expect(!page.lowercased().contains("<script"))
        #expect(!page.lowercased().contains("@import"))
        #expect(!page.lowercased().contains("<link"))
        #expect(!page.lowercased().contains("<img"))
        #expect(!page.lowercased().contains("@font-face"))
        // No attribute or CSS url() may point anywhere: the only allowed http text is a website shown as text.
        let network = try Regex(#"(?i)(src|href|xlink:href|action)\s*=\s*["']?\s*(https?:|//)|url\(\s*["']?\s*(https?:|//)"#)
        #expect(page.firstMatch(of: network) == nil)
        #expect(page.contains("@page { size: A4;"))
    }

    @Test func coverDaysAndContactsAreThere() {
        let page = html()
        #expect(page.contains("<h1>Pieredzes brauciens uz Kurzemi</h1>"))
        #expect(page.contains("sestdiena, 2023. gada 27. maijs – svētdiena, 2023. gada 28. maijs"))
        #expect(page.components(separatedBy: "<section class=\"sheet day\"").count == 3)
        #expect(page.contains("<h2>Kontakti</h2>"))
        #expect(page.contains("Neiekļautās vietas"))
        #expect(page.contains("slēgts sestdien, 27. maijā un svētdien, 28. maijā"))
        // The route as towns in order, Liepāja once although three places lie there.
        #expect(page.contains("Ķekava</span> <span class=\"arrow\">→</span> <span class=\"town\">Kuldīga</span> <span class=\"arrow\">→</span> <span class=\"town\">Aizpute</span> <span class=\"arrow\">→</span> <span class=\"town\">Ziemupe</span> <span class=\"arrow\">→</span> <span class=\"town\">Liepāja</span> <span class=\"arrow\">→</span> <span class=\"town\">Ķekava</span>"))
        // Two maps per… one overview plus one per day.
        #expect(page.components(separatedBy: "<svg class=\"map\"").count == 4)
        // The memory of the earlier trip is shown with the visit.
        #expect(page.contains("Iepriekšējā reizē uzzinājām</b> <span class=\"source\">(Pieredzes brauciens 2022, 2022. gada 17. septembris)</span>"))
        #expect(page.contains("Nosūtīt partnerības prezentāciju — Anna, termiņš 2023. gada 15. jūnijs"))
        // The cover's table of days.
        #expect(page.contains("<tr><td class=\"day\">2. diena</td><td>svētdiena, 28. maijs</td><td>Liepāja → Ķekava</td><td class=\"time\">09:00</td><td class=\"time\">15:45</td><td class=\"count\">2</td><td class=\"count\">218</td></tr>"))
        #expect(page.contains("<p class=\"sos\"><span class=\"label\">Tālrunis:</span> <strong>112</strong></p>"))
    }

    @Test func englishLabelsAndReasonsFromTheStructuredWhy() {
        let page = html(PlanFixture.trip, .en)
        #expect(page.contains("Saturday, 27 May 2023 – Sunday, 28 May 2023"))
        #expect(page.contains("<h2>Contacts</h2>"))
        #expect(page.contains("closed on Saturday 27 May and Sunday 28 May"))
        #expect(page.contains("Arrival at the lodging"))
        #expect(!page.contains("Kontakti"))
    }

    @Test func emptyPlanStillRenders() {
        let page = html(PlanFixture.trip, .lv, Itinerary(days: [], unscheduled: []))
        #expect(page.contains("Plānā nav neviena apmeklējuma."))
        #expect(page.hasSuffix("</html>\n"))
    }
}
