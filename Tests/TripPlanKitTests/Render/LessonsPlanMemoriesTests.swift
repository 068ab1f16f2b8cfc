import Testing
@testable import TripPlanKit

/// The text plan shows what earlier trips learned at a place it visits.
@Suite struct LessonsPlanMemoriesTests {
    @Test func theTextPlanShowsTheLastLessonAndOpenFollowUpsUnderTheVisit() {
        let memories = LessonLog.memories([LessonsSample.log])
        let text = PlanTextRenderer(trip: LessonsSample.trip, language: .lv, memories: memories).render(LessonsSample.itinerary)
        let lines = text.split(separator: "\n").map(String.init)
        let visit = lines.firstIndex { $0.contains("apmeklējums: Ideju māja, Aizpute") }
        #expect(visit != nil)
        if let visit {
            #expect(lines[visit + 1] == "                 Iepriekšreiz (Pieredzes brauciens uz Kurzemi, 2023): Minimālisms + projekti <b>strādā</b> & jaunieši *paši* rūpējas par māju.")
            #expect(lines[visit + 2] == "                 Vēl atvērts: Uzaicināt jauniešus uz mūsu [sapulci] (Jānis, līdz 2023-06-20)")
        }
        let en = PlanTextRenderer(trip: LessonsSample.trip, language: .en, memories: memories).render(LessonsSample.itinerary)
        #expect(en.contains("Last time (Pieredzes brauciens uz Kurzemi, 2023): Labai gribai nevajag lielu naudu."))
        #expect(en.contains("Still open: Izpētīt pakalpojumu modeli biedrības ienākumiem (Anna, due 2023-09-30)"))
    }

    @Test func aLongLessonIsCutToItsFirstSentence() {
        #expect(PlanTextRenderer.firstSentence("Pirmais teikums. Otrais teikums.") == "Pirmais teikums.")
        let long = String(repeating: "vārds ", count: 30)
        let cut = PlanTextRenderer.firstSentence(long)
        #expect(cut.count == 96 && cut.hasSuffix(" vārds…"))
    }

    @Test func withoutMemoriesThePlanIsUnchanged() {
        let plain = PlanTextRenderer(trip: LessonsSample.trip, language: .lv).render(LessonsSample.itinerary)
        #expect(!plain.contains("Iepriekšreiz"))
    }
}
