import Testing
@testable import TripPlanKit

@Suite struct PlanComparisonTests {
    let comparison = PlanComparison(itinerary: LessonsSample.itinerary, log: LessonsSample.log,
                                    model: TravelModelParameters(detourFactor: 1.2, speedKmh: 80, bufferMinutes: 10))

    @Test func everyStopHasItsPlannedAndActualArrival() {
        #expect(comparison.stops.map(\.place) == ["cowork", "idea", "village", "hub", "garden"])
        #expect(comparison.stops.map(\.arrivalDelta) == [20, 30, 35, 5, 10])
    }

    @Test func legsAreMeasuredOnlyWhereBothEndsAreKnown() {
        // kekava has no departure time and kekava/inn arrivals are unknown; the inn's departure on day 2 counts.
        #expect(comparison.legs.map { "\($0.from)>\($0.to)" } == ["cowork>idea", "idea>village", "inn>hub", "hub>garden"])
        #expect(comparison.legs.map(\.actualMinutes) == [65, 45, 10, 15])
    }

    @Test func theSuggestedSpeedMatchesTheActualLegs() throws {
        let s = try #require(comparison.suggestion)
        #expect(s.plannedMinutes == 110 && s.actualMinutes == 135 && s.km == 93)
        #expect(s.percentLonger == 23)                       // 25 / 110 = 22.7 %
        let speed = try #require(s.matchingSpeedKmh)
        #expect(abs(speed - 93.0 / 95.0 * 60) < 1e-9)       // 93 km over 135 − 4 × 10 min of driving
        #expect(Int(speed.rounded()) == 59)
    }

    @Test func withoutActualTimesThereIsNoSuggestion() {
        let none = PlanComparison(itinerary: LessonsSample.itinerary, log: LessonLog(), model: .default)
        #expect(none.legs.isEmpty && none.suggestion == nil)
        #expect(none.stops.allSatisfy { $0.actualArrival == nil })
    }

    @Test func memoriesKeepTheNewestLessonAndEveryOpenFollowUp() {
        var older = LessonLog(trip: .init(title: "2021", start: LessonsSample.d("2021-05-01")))
        _ = try? older.add(Lesson(id: "", place: "village", lesson: "old lesson",
                                  followUps: [FollowUp(action: "old open"), FollowUp(action: "old done", status: .done)]))
        let memories = LessonLog.memories([LessonsSample.log, older])
        #expect(memories["village"]?.lastLesson == "Labai gribai nevajag lielu naudu.")
        #expect(memories["village"]?.lastLessonTrip == "Pieredzes brauciens uz Kurzemi")
        #expect(memories["village"]?.openFollowUps.map(\.action) == ["old open", "Izpētīt pakalpojumu modeli biedrības ienākumiem"])
        #expect(memories["inn"] == nil) // only a departure time: nothing to remember
    }
}
