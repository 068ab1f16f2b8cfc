import Testing
@testable import TripPlanKit

@Suite struct PlanOutlineTests {
    func outline(_ itinerary: Itinerary = PlanFixture.itinerary, _ language: Language = .lv) -> PlanOutline {
        PlanOutline(trip: PlanFixture.trip, itinerary: itinerary, language: language, memories: [:])
    }

    @Test func dayTimelineInOrderWithLegsLunchAndWaiting() {
        let rows = outline().timeline(PlanFixture.itinerary.days[0])
        #expect(rows.map(\.time) == ["07:30", "07:30–09:45", "10:00–11:30", "11:30–12:15", "12:15–13:00", "13:00–14:30",
                                     "14:30–15:10", "15:30–17:00", "17:00–17:35", "17:35"])
        #expect(rows[1].what == "Brauciens: 160 km, 2 h 15 min")
        #expect(rows[2].number == 1)
        #expect(rows[2].detail == "ierašanās 09:45, gaidīšana 15 min")
        #expect(rows[4].kind == .lunch && rows[4].place == "ideju-maja")
        #expect(rows.last?.what == "Ierašanās naktsmītnē")
    }

    @Test func lunchAwayFromEveryVisitGoesWhereItsTimePutsIt() {
        var itinerary = PlanFixture.itinerary
        // Lunch at the night's lodging after the group has arrived there.
        itinerary.days[0].lunch = Itinerary.Break(place: "naktsmitne", start: PlanFixture.t("18:00"), end: PlanFixture.t("18:45"))
        var rows = outline(itinerary).timeline(itinerary.days[0])
        #expect(rows.last?.kind == .lunch)
        #expect(rows.last?.time == "18:00–18:45")
        // Lunch where the day starts, before leaving.
        itinerary.days[1].lunch = Itinerary.Break(place: "naktsmitne", start: PlanFixture.t("08:00"), end: PlanFixture.t("08:45"))
        rows = outline(itinerary).timeline(itinerary.days[1])
        #expect(rows.first?.kind == .lunch)
        #expect(rows[1].kind == .departure)
    }

    @Test func routeTownsAndTripWideNumbers() {
        let o = outline()
        #expect(o.routeTowns == ["Ķekava", "Kuldīga", "Aizpute", "Ziemupe", "Liepāja", "Ķekava"])
        #expect(o.stopNumbers["impact-hub"] == 4)
        #expect(o.dayRoute(PlanFixture.itinerary.days[1]) == ["Liepāja", "Ķekava"])
        #expect(o.contactPlaces.map(\.id.rawValue) == ["kekava", "metro", "ideju-maja", "ziemupe", "naktsmitne",
                                                      "impact-hub", "radi-vidi-pats", "skrunda"])
        #expect(outline(PlanFixture.itinerary, .en).dateRange == "Saturday, 27 May 2023 – Sunday, 28 May 2023")
    }
}
