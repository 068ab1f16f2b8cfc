import Testing
@testable import TripPlanKit

@Suite struct TimeOfDayTests {
    @Test func parsesAndPrints() {
        #expect(TimeOfDay(parsing: "07:30")?.minutes == 450)
        #expect(TimeOfDay(parsing: "7:30")?.description == "07:30")
        #expect(TimeOfDay(parsing: "24:00")?.minutes == 1440)
    }

    @Test(arguments: ["25:00", "24:01", "12:60", "12", "12:5", "-1:00", "ab:cd", ""])
    func rejects(_ text: String) {
        #expect(TimeOfDay(parsing: text) == nil)
    }
}
