import Testing
@testable import TripPlanKit

@Suite struct PlanTextRendererTests {
    @Test(arguments: [Language.lv, .en])
    func matchesGoldenFile(_ language: Language) {
        let text = PlanTextRenderer(trip: SampleTrip.trip, language: language).render(SampleTrip.itinerary)
        Snapshot.assertMatches(text, named: "text-plan-\(language.rawValue).txt")
    }

    @Test func reasonsArePhrasedInTheRequestedLanguage() {
        let lv = PlanTextRenderer(trip: SampleTrip.trip, language: .lv).render(SampleTrip.itinerary)
        let en = PlanTextRenderer(trip: SampleTrip.trip, language: .en).render(SampleTrip.itinerary)
        #expect(lv.contains("Tālā vieta, Alūksne: slēgts sestdien, 27. maijā un svētdien, 28. maijā"))
        #expect(en.contains("Tālā vieta, Alūksne: closed on Saturday 27 May and Sunday 28 May"))
    }

    @Test func aDayThatEndsLateSaysSo() {
        var itinerary = SampleTrip.itinerary
        itinerary.days[1].arrive = SampleTrip.t("20:10") // the day ends at 19:00
        let en = PlanTextRenderer(trip: SampleTrip.trip, language: .en).render(itinerary)
        let lv = PlanTextRenderer(trip: SampleTrip.trip, language: .lv).render(itinerary)
        #expect(en.contains("  20:10        arrive: Ķekava\n               ⚠ 1 h 10 min after the day's end (19:00)\n"))
        #expect(lv.contains("⚠ 1 h 10 min pēc dienas beigām (19:00)"))
        #expect(!PlanTextRenderer(trip: SampleTrip.trip, language: .en).render(SampleTrip.itinerary).contains("⚠"))
    }
}
