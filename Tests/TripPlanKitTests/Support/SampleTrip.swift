@testable import TripPlanKit

/// A small two-day trip and a hand-made plan for it, for renderer tests (independent of the scheduler).
enum SampleTrip {
    static let trip = Trip(
        title: "Pieredzes brauciens",
        home: "home",
        places: [
            Place(id: "home", name: "Ķekava", lat: 56.83, lon: 24.235, town: "Ķekava"),
            Place(id: "cowork", name: "METRO CoWorking", lat: 56.968, lon: 21.97, visitMinutes: 90,
                  open: [OpeningRule(days: [.sat], from: TimeOfDay(hour: 10, minute: 0), to: TimeOfDay(hour: 16, minute: 0))],
                  kind: "coworking", town: "Kuldīga"),
            Place(id: "garden", name: "Kopienas dārzs", lat: 56.51, lon: 21.01, visitMinutes: 60, town: "Liepāja"),
            Place(id: "inn", name: "Viesnīca", lat: 56.505, lon: 21.012, town: "Liepāja"),
            Place(id: "far", name: "Tālā vieta", lat: 57.5, lon: 27.0, visitMinutes: 120, town: "Alūksne"),
        ],
        days: [
            TripDay(date: LocalDate(year: 2023, month: 5, day: 27), start: TimeOfDay(hour: 7, minute: 30),
                    end: TimeOfDay(hour: 21, minute: 0), to: "inn"),
            TripDay(date: LocalDate(year: 2023, month: 5, day: 28), start: TimeOfDay(hour: 9, minute: 0),
                    end: TimeOfDay(hour: 19, minute: 0)),
        ],
        organizer: "Partnerība",
        lunch: LunchBreak(from: TimeOfDay(hour: 12, minute: 0), to: TimeOfDay(hour: 14, minute: 0), minutes: 45)
    )

    static func t(_ text: String) -> TimeOfDay { TimeOfDay(parsing: text)! }

    static let itinerary = Itinerary(
        days: [
            Itinerary.Day(
                date: LocalDate(year: 2023, month: 5, day: 27), from: "home", to: "inn", depart: t("07:45"), arrive: t("15:55"),
                stops: [Itinerary.Stop(place: "cowork", arrive: t("10:00"), start: t("10:00"), end: t("11:30"),
                                       travelMinutes: 135, km: 166.2, waitMinutes: 0)],
                lunch: Itinerary.Break(place: "cowork", start: t("11:30"), end: t("12:15")),
                finalLeg: Itinerary.Leg(minutes: 100, km: 120.4)),
            Itinerary.Day(
                date: LocalDate(year: 2023, month: 5, day: 28), from: "inn", to: "home", depart: t("09:00"), arrive: t("14:45"),
                stops: [Itinerary.Stop(place: "garden", arrive: t("09:11"), start: t("09:30"), end: t("10:30"),
                                       travelMinutes: 11, km: 0.6, waitMinutes: 19)],
                lunch: Itinerary.Break(place: "garden", start: t("12:00"), end: t("12:45")),
                finalLeg: Itinerary.Leg(minutes: 120, km: 205.0)),
        ],
        unscheduled: [Itinerary.Unscheduled(place: "far", reason: "closed",
                                            why: .closedOnTripDays(dates: [LocalDate(year: 2023, month: 5, day: 27), LocalDate(year: 2023, month: 5, day: 28)]))]
    )
}
