import Foundation
import Testing
@testable import TripPlanKit

/// A one-day trip with very tight windows: Dumas et al. (1995) TSPTW instance n20w20.001 (20 visits, so the
/// heuristic path), whose proven optimum is 378 minutes of travel.
@Suite struct SchedulerTightWindowTests {
    @Test func dumasInstanceIsSolvedToItsOptimum() throws {
        let url = try #require(Bundle.module.url(forResource: "dumas-n20w20.001", withExtension: "txt", subdirectory: "Fixtures"))
        let numbers = try String(contentsOf: url, encoding: .utf8)
            .split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" }).compactMap { Int($0) }
        let n = numbers[0]
        let minutes = Array(numbers[1...(n * n)])
        let windows = (0..<n).map { (numbers[1 + n * n + 2 * $0], numbers[2 + n * n + 2 * $0]) }
        var places = [Place(id: "n0", name: "depot", lat: 0, lon: 0)]
        for i in 1..<n {
            places.append(Place(id: Place.ID("n\(i)"), name: "n\(i)", lat: 0, lon: 0,
                                open: [OpeningRule(from: TimeOfDay(minutes: windows[i].0), to: TimeOfDay(minutes: windows[i].1))]))
        }
        let trip = Trip(title: "n20w20.001", home: "n0", places: places,
                        days: [TripDay(date: LocalDate(year: 2024, month: 1, day: 1),
                                       start: TimeOfDay(minutes: windows[0].0), end: TimeOfDay(minutes: windows[0].1))])
        let matrix = TravelMatrix(ids: places.map(\.id), minutes: minutes, km: minutes.map(Double.init))
        let plan = Scheduler.plan(trip, travel: matrix)
        #expect(SchedTest.problems(plan, trip: trip, matrix: matrix).isEmpty)
        #expect(plan.unscheduled.isEmpty)
        #expect(plan.travelMinutes == 378)
    }
}
