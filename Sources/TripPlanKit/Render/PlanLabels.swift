/// Every fixed word of the printed plan, in the plan's language.
///
/// One table per language keeps the HTML and Markdown renderers phrased alike; user text never comes
/// from here.
struct PlanLabels: Sendable {
    var plan, organizer, dayHeader, date, visitsHeader, route, totals, days, dayOne, dayMany, visitOne, visitMany, placesWord, kmOnRoad, onRoad, overviewMap: String
    var day: @Sendable (Int) -> String
    var dayMap: String
    var time, place, whatHappens, address, phone: String
    var departure, travel, arrival, waiting, lunch, visit, arrivalLodging, arrivalHome: String
    var visitNotes, learned, lastLesson, openFollowUps, due: String
    var contacts, contactPerson, email, website, emergency, emergencyPhone, notFitted, reason: String
    var noVisits, start, end, generatedBy: String

    /// "3 apmeklējumi", "1 apmeklējums" / "3 visits", "1 visit".
    func visits(_ n: Int, _ language: Language) -> String { DateText.count(n, one: visitOne, many: visitMany, language) }
    /// "2 dienas", "1 diena" / "2 days", "1 day".
    func dayCount(_ n: Int, _ language: Language) -> String { DateText.count(n, one: dayOne, many: dayMany, language) }

    static func table(_ language: Language) -> PlanLabels {
        switch language {
        case .lv:
            return PlanLabels(
                plan: "Brauciena plāns", organizer: "Organizators", dayHeader: "Diena", date: "Datums", visitsHeader: "Apmeklējumi", route: "Maršruts",
                totals: "Kopā", days: "Dienas", dayOne: "diena", dayMany: "dienas",
                visitOne: "apmeklējums", visitMany: "apmeklējumi", placesWord: "Vietas",
                kmOnRoad: "Kilometri", onRoad: "Ceļā", overviewMap: "Maršruta karte",
                day: { "\($0). diena" }, dayMap: "Dienas karte",
                time: "Laiks", place: "Vieta", whatHappens: "Kas notiek", address: "Adrese", phone: "Tālrunis",
                departure: "Izbraukšana", travel: "Brauciens", arrival: "Ierašanās", waiting: "gaidīšana",
                lunch: "Pusdienas", visit: "Apmeklējums", arrivalLodging: "Ierašanās naktsmītnē",
                arrivalHome: "Atgriešanās",
                visitNotes: "Apmeklējumi un piezīmes", learned: "Ko uzzinājām", lastLesson: "Iepriekšējā reizē uzzinājām",
                openFollowUps: "Neizpildītie uzdevumi", due: "termiņš",
                contacts: "Kontakti", contactPerson: "Kontaktpersona", email: "E-pasts", website: "Tīmekļa vietne",
                emergency: "Ārkārtas gadījumā", emergencyPhone: "Tālrunis", notFitted: "Neiekļautās vietas",
                reason: "Iemesls",
                noVisits: "Plānā nav neviena apmeklējuma.", start: "sākums", end: "beigas",
                generatedBy: "Sagatavots ar tripplan")
        case .en:
            return PlanLabels(
                plan: "Trip plan", organizer: "Organizer", dayHeader: "Day", date: "Date", visitsHeader: "Visits", route: "Route",
                totals: "Totals", days: "Days", dayOne: "day", dayMany: "days",
                visitOne: "visit", visitMany: "visits", placesWord: "Places",
                kmOnRoad: "Kilometres", onRoad: "On the road", overviewMap: "Route map",
                day: { "Day \($0)" }, dayMap: "Day map",
                time: "Time", place: "Place", whatHappens: "What happens", address: "Address", phone: "Phone",
                departure: "Departure", travel: "Travel", arrival: "Arrival", waiting: "waiting",
                lunch: "Lunch", visit: "Visit", arrivalLodging: "Arrival at the lodging",
                arrivalHome: "Back home",
                visitNotes: "Visits and notes", learned: "What we learned", lastLesson: "Learned last time",
                openFollowUps: "Open follow-ups", due: "due",
                contacts: "Contacts", contactPerson: "Contact person", email: "Email", website: "Website",
                emergency: "In an emergency", emergencyPhone: "Phone", notFitted: "Places not fitted",
                reason: "Reason",
                noVisits: "The plan has no visits.", start: "start", end: "end",
                generatedBy: "Made with tripplan")
        }
    }
}
