import Testing
@testable import TripPlanKit

@Suite struct LocalDateTests {
    @Test func weekdayOfTheKurzemeTrip() {
        #expect(LocalDate(iso: "2023-05-27")?.weekday == .sat)
        #expect(LocalDate(iso: "2023-05-28")?.weekday == .sun)
        #expect(LocalDate(iso: "1970-01-01")?.weekday == .thu)
    }

    @Test(arguments: ["2023-02-29", "2023-13-01", "23-05-27", "2023-5-27", "2023-05-32", "abcd-ef-gh"])
    func rejectsInvalidDates(_ text: String) {
        #expect(LocalDate(iso: text) == nil)
    }

    @Test func dayArithmeticRoundTrips() {
        let date = LocalDate(year: 2024, month: 2, day: 28)
        #expect(date.adding(days: 1).description == "2024-02-29")
        #expect(date.adding(days: 2).description == "2024-03-01")
        #expect(LocalDate(dayNumber: date.dayNumber) == date)
    }
}
