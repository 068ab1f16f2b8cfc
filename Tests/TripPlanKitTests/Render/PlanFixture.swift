@testable import TripPlanKit

/// A fixed two-day trip and a hand-made itinerary for the renderers' tests (not from the scheduler, so that
/// the golden files change only when the renderers do).
enum PlanFixture {
    static func d(_ text: String) -> LocalDate { LocalDate(iso: text)! }
    static func t(_ text: String) -> TimeOfDay { TimeOfDay(parsing: text)! }

    static let trip = Trip(
        title: "Pieredzes brauciens uz Kurzemi",
        home: "kekava",
        places: [
            Place(id: "kekava", name: "Ķekavas novada pašvaldība", lat: 56.8300, lon: 24.2350, kind: "municipality",
                  town: "Ķekava", address: "Gaismas iela 19, Ķekava",
                  contact: Contact(name: "Ilze Kalniņa", phone: "+371 67 935 800", email: "ilze@example.lv")),
            Place(id: "metro", name: "METRO CoWorking", lat: 56.9680, lon: 21.9690, visitMinutes: 90,
                  kind: "coworking", town: "Kuldīga", address: "Baznīcas iela 5, Kuldīga",
                  website: "https://metro.example.lv",
                  contact: Contact(name: "Līga Bērziņa", phone: "+371 20 000 001", email: "liga@metro.example.lv"),
                  notes: "Kopstrādes telpas tapšana un kopienas pasākumi. Pieņēmums: atvērts 10:00–18:00."),
            Place(id: "ideju-maja", name: "Ideju māja", lat: 56.7210, lon: 21.6000, visitMinutes: 90,
                  kind: "youth centre", town: "Aizpute", address: "Katoļu iela 5, Aizpute",
                  contact: Contact(name: "Mārtiņš Ķēniņš", phone: "+371 20 000 002"),
                  notes: "Jauniešu māja; pastaiga pa vecpilsētu un “Graustu miljonāru” atjaunotajām mājām."),
            Place(id: "ziemupe", name: "Ziemupes saieta nams", lat: 56.8370, lon: 21.0640, visitMinutes: 90,
                  kind: "community", town: "Ziemupe", address: "Ziemupe, Vērgales pagasts",
                  contact: Contact(name: "Žanete Ūdre", phone: "+371 20 000 003", email: "ziemupe@example.lv"),
                  notes: "Ciems ar ~150 iedzīvotājiem; biedrība pelna ar pakalpojumiem."),
            Place(id: "naktsmitne", name: "Viesu nams “Jūrmala”", lat: 56.5110, lon: 21.0130, kind: "lodging",
                  town: "Liepāja", address: "Jūras iela 12, Liepāja",
                  contact: Contact(phone: "+371 63 400 000")),
            Place(id: "impact-hub", name: "Impact HUB Liepāja", lat: 56.5080, lon: 21.0110, visitMinutes: 90,
                  kind: "hub", town: "Liepāja", address: "Graudu iela 27, Liepāja",
                  website: "https://liepaja.impacthub.example",
                  contact: Contact(name: "Edgars Čakste", phone: "+371 20 000 004", email: "hub@example.lv"),
                  notes: "NVO izaugsmes inkubators: 19 organizācijas, trīs mēneši, mentori."),
            Place(id: "radi-vidi-pats", name: "Kopienas dārzs “Radi Vidi Pats”", lat: 56.5200, lon: 21.0200,
                  visitMinutes: 60, kind: "garden", town: "Liepāja", address: "Kuģinieku iela, Liepāja",
                  notes: "Dārzs kā kopābūšanas vieta."),
            Place(id: "skrunda", name: "Skrundas muiža", lat: 56.6760, lon: 22.0150, visitMinutes: 60, required: false,
                  score: 2, town: "Skrunda", address: "Muižas iela 1, Skrunda"),
        ],
        days: [
            TripDay(date: d("2023-05-27"), start: t("07:30"), end: t("21:00"), to: "naktsmitne"),
            TripDay(date: d("2023-05-28"), start: t("09:00"), end: t("19:00")),
        ],
        language: .lv,
        organizer: "Biedrība “Partnerība Daugavkrasts”",
        lunch: LunchBreak(from: t("12:00"), to: t("14:00"), minutes: 45),
        emergency: Emergency(phone: "112", contact: Contact(name: "Jānis Ozoliņš", phone: "+371 29 000 000"),
                             notes: "Autobusa vadītājs: Pēteris, +371 26 000 000."),
        notes: "Pēc brauciena — pārrunas biedru sapulcē."
    )

    static let itinerary = Itinerary(
        days: [
            Itinerary.Day(
                date: d("2023-05-27"), from: "kekava", to: "naktsmitne", depart: t("07:30"), arrive: t("17:35"),
                stops: [
                    Itinerary.Stop(place: "metro", arrive: t("09:45"), start: t("10:00"), end: t("11:30"),
                                   travelMinutes: 135, km: 160, waitMinutes: 15),
                    Itinerary.Stop(place: "ideju-maja", arrive: t("12:15"), start: t("13:00"), end: t("14:30"),
                                   travelMinutes: 45, km: 48, waitMinutes: 0),
                    Itinerary.Stop(place: "ziemupe", arrive: t("15:10"), start: t("15:30"), end: t("17:00"),
                                   travelMinutes: 40, km: 41, waitMinutes: 20),
                ],
                lunch: Itinerary.Break(place: "ideju-maja", start: t("12:15"), end: t("13:00")),
                finalLeg: Itinerary.Leg(minutes: 35, km: 31)),
            Itinerary.Day(
                date: d("2023-05-28"), from: "naktsmitne", to: "kekava", depart: t("09:00"), arrive: t("15:45"),
                stops: [
                    Itinerary.Stop(place: "impact-hub", arrive: t("09:08"), start: t("09:30"), end: t("11:00"),
                                   travelMinutes: 8, km: 1.5, waitMinutes: 22),
                    Itinerary.Stop(place: "radi-vidi-pats", arrive: t("11:10"), start: t("11:10"), end: t("12:10"),
                                   travelMinutes: 10, km: 2.4, waitMinutes: 0),
                ],
                lunch: Itinerary.Break(place: "radi-vidi-pats", start: t("12:10"), end: t("12:55")),
                finalLeg: Itinerary.Leg(minutes: 170, km: 214)),
        ],
        unscheduled: [
            Itinerary.Unscheduled(place: "skrunda", reason: "slēgts sestdien, 27. maijā un svētdien, 28. maijā",
                                  why: .closedOnTripDays(dates: [d("2023-05-27"), d("2023-05-28")])),
        ]
    )

    static let memories: [Place.ID: PlaceMemory] = [
        "impact-hub": PlaceMemory(
            lastLesson: "Inkubatora mentori nāk no vietējiem uzņēmumiem; sāk ar organizācijas mērķu kartēšanu.",
            lastLessonTrip: "Pieredzes brauciens 2022", lastLessonDate: d("2022-09-17"),
            openFollowUps: [PlaceMemory.FollowUpNote(action: "Nosūtīt partnerības prezentāciju", owner: "Anna",
                                                     due: d("2023-06-15"))]),
    ]
}
