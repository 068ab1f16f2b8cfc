@testable import TripPlanKit

/// A two-day trip, a hand-made plan for it and lessons with actual times, for the lessons tests
/// (independent of the trip reader and the scheduler).
enum LessonsSample {
    static func t(_ text: String) -> TimeOfDay { TimeOfDay(parsing: text)! }
    static func d(_ text: String) -> LocalDate { LocalDate(iso: text)! }

    static let trip = Trip(
        title: "Pieredzes brauciens uz Kurzemi",
        home: "kekava",
        places: [
            Place(id: "kekava", name: "Ķekava", lat: 56.83, lon: 24.235),
            Place(id: "cowork", name: "METRO CoWorking", lat: 56.968, lon: 21.97, visitMinutes: 90, town: "Kuldīga"),
            Place(id: "idea", name: "Ideju māja", lat: 56.721, lon: 21.60, visitMinutes: 75, town: "Aizpute"),
            Place(id: "village", name: "Ziemupe", lat: 56.83, lon: 21.06, visitMinutes: 110),
            Place(id: "inn", name: "Viesnīca", lat: 56.505, lon: 21.012, town: "Liepāja"),
            Place(id: "hub", name: "Impact HUB Liepāja", lat: 56.51, lon: 21.01, visitMinutes: 90, town: "Liepāja"),
            Place(id: "garden", name: "Kopienas dārzs", lat: 56.52, lon: 21.02, visitMinutes: 60, town: "Liepāja"),
        ],
        days: [
            TripDay(date: d("2023-05-27"), start: t("07:30"), end: t("21:00"), to: "inn"),
            TripDay(date: d("2023-05-28"), start: t("09:00"), end: t("19:00")),
        ],
        organizer: "Partnerība <Daugavkrasts>"
    )

    static let itinerary = Itinerary(
        days: [
            Itinerary.Day(
                date: d("2023-05-27"), from: "kekava", to: "inn", depart: t("07:30"), arrive: t("16:40"),
                stops: [
                    Itinerary.Stop(place: "cowork", arrive: t("10:00"), start: t("10:00"), end: t("11:30"), travelMinutes: 150, km: 180, waitMinutes: 0),
                    Itinerary.Stop(place: "idea", arrive: t("12:20"), start: t("12:20"), end: t("13:35"), travelMinutes: 50, km: 55, waitMinutes: 0),
                    Itinerary.Stop(place: "village", arrive: t("14:10"), start: t("14:10"), end: t("16:00"), travelMinutes: 35, km: 30, waitMinutes: 0),
                ],
                lunch: nil, finalLeg: Itinerary.Leg(minutes: 40, km: 35)),
            Itinerary.Day(
                date: d("2023-05-28"), from: "inn", to: "kekava", depart: t("09:00"), arrive: t("16:00"),
                stops: [
                    Itinerary.Stop(place: "hub", arrive: t("09:10"), start: t("09:10"), end: t("10:40"), travelMinutes: 10, km: 3, waitMinutes: 0),
                    Itinerary.Stop(place: "garden", arrive: t("10:55"), start: t("10:55"), end: t("11:55"), travelMinutes: 15, km: 5, waitMinutes: 0),
                ],
                lunch: nil, finalLeg: Itinerary.Leg(minutes: 240, km: 220)),
        ],
        unscheduled: []
    )

    static var log: LessonLog {
        var log = LessonLog(trip: .init(title: trip.title, start: d("2023-05-27")))
        let entries: [Lesson] = [
            Lesson(id: "", place: "cowork", lesson: "Kopstrādes telpa satur kopā kopienu: notikumi ir tikpat svarīgi kā galdi.",
                   saw: "Telpas tapšanu no tukšas ēkas līdz kopienas vietai.",
                   ideas: ["Rīkot atvērto durvju rītu reizi mēnesī", "Koplietošanas kalendārs biedrībām"],
                   followUps: [FollowUp(action: "Sazināties ar METRO par pieredzes apmaiņu", owner: "Ilze", due: d("2023-06-15"), status: .done)],
                   rating: 5, arrived: t("10:20"), left: t("11:45")),
            Lesson(id: "", place: "idea", lesson: "Minimālisms + projekti <b>strādā</b> & jaunieši *paši* rūpējas par māju.",
                   followUps: [FollowUp(action: "Uzaicināt jauniešus uz mūsu [sapulci]", owner: "Jānis", due: d("2023-06-20"))],
                   rating: 4, arrived: t("12:50"), left: t("14:00")),
            Lesson(id: "", place: "village", lesson: "Labai gribai nevajag lielu naudu.",
                   followUps: [FollowUp(action: "Izpētīt pakalpojumu modeli biedrības ienākumiem", owner: "Anna", due: d("2023-09-30"))],
                   rating: 5, arrived: t("14:45"), left: t("16:30")),
            Lesson(id: "", place: "inn", left: t("09:05")),
            Lesson(id: "", place: "hub", lesson: "NVO inkubators: trīs mēneši ar mentoriem.", rating: 4, arrived: t("09:15"), left: t("10:50")),
            Lesson(id: "", place: "garden", lesson: "Dārzs ir iegansts satikties.", ideas: ["Kopienas dobes pie mūsu centra"],
                   rating: 3, arrived: t("11:05")),
            Lesson(id: "", lesson: "Pirmās dienas ritms bija par saspringtu.",
                   followUps: [FollowUp(action: "Nākamreiz plānot 15 min rezervi starp vietām")], rating: 4),
        ]
        for entry in entries { _ = try! log.add(entry) }
        log.revision = entries.count
        log.afterAction = AfterAction(planned: "Piecas vietas divās dienās.", happened: "Redzējām visas piecas, bet kavējāmies.",
                                      why: "Ceļš uz Aizputi un Ziemupi bija lēnāks.\nIlgākas sarunas Kuldīgā.",
                                      keep: "Vietējo stāstnieku sarunas.", change: "Mazāk vietu pirmajā dienā.")
        return log
    }
}
