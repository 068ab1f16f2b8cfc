/// The after-action report's labels and sentences in Latvian and English, shared by its renderers.
struct LessonsWords: Sendable {
    let language: Language

    private func pick(_ lv: String, _ en: String) -> String { language == .lv ? lv : en }

    var report: String { pick("Pieredzes apkopojums", "After-action report") }
    var organizer: String { pick("Organizators", "Organizer") }
    var prepared: String { pick("Sagatavots", "Prepared on") }
    var places: String { pick("Vietas", "Places") }
    var saw: String { pick("Ko redzējām", "What we saw") }
    var lesson: String { pick("Ko mācījāmies", "What we learned") }
    var ideas: String { pick("Idejas mūsu organizācijai", "Ideas for our organization") }
    var rating: String { pick("Vērtējums", "Rating") }
    var actual: String { pick("Faktiski", "Actual") }
    var tripWide: String { pick("Visa brauciena mācības", "Trip-wide lessons") }
    var followUps: String { pick("Turpmākās darbības", "Follow-ups") }
    var action: String { pick("Darbība", "Action") }
    var owner: String { pick("Atbildīgais", "Owner") }
    var due: String { pick("Termiņš", "Due") }
    var status: String { pick("Statuss", "Status") }
    var open: String { pick("atvērts", "open") }
    var done: String { pick("izdarīts", "done") }
    var overdue: String { pick("nokavēts", "overdue") }
    var noFollowUps: String { pick("Nav turpmāko darbību.", "No follow-ups.") }
    var comparison: String { pick("Plāns un īstenība", "Plan against actual") }
    var place: String { pick("Vieta", "Place") }
    var plannedArrival: String { pick("Plānotā ierašanās", "Planned arrival") }
    var actualArrival: String { pick("Faktiskā ierašanās", "Actual arrival") }
    var difference: String { pick("Starpība", "Difference") }
    var planned: String { pick("plānots", "planned") }
    var actualShort: String { pick("faktiski", "actual") }
    var noActualTimes: String {
        pick("Faktiskie laiki nav ierakstīti (lessons add --arrived HH:MM --left HH:MM).",
             "No actual times were recorded (lessons add --arrived HH:MM --left HH:MM).")
    }
    var travelModel: String { pick("Ceļa laika modelis", "Travel model") }
    var afterAction: String { pick("Izvērtējums", "After-action review") }
    var nothingYet: String { pick("Mācības vēl nav ierakstītas.", "No lessons recorded yet.") }
    var chartLabel: String {
        pick("Plānotā (tukšs aplis) un faktiskā (pilns aplis) ierašanās katrā pieturā",
             "Planned (hollow circle) and actual (filled circle) arrival at each stop")
    }

    func question(_ question: AfterAction.Question) -> String {
        switch question {
        case .planned: return pick("Kas bija paredzēts", "What was supposed to happen")
        case .happened: return pick("Kas notika", "What happened")
        case .why: return pick("Kāpēc atšķīrās", "Why it differed")
        case .keep: return pick("Ko saglabāt", "What to keep")
        case .change: return pick("Ko mainīt", "What to change")
        }
    }

    func statusText(_ row: LessonsReport.FollowUpRow) -> String {
        if row.overdue { return overdue }
        return row.followUp.status == .done ? done : open
    }

    /// "12 min vēlāk" / "12 min late", "laikā" / "on time".
    func delta(_ minutes: Int) -> String {
        if minutes == 0 { return pick("laikā", "on time") }
        let amount = DateText.duration(minutes: abs(minutes))
        return minutes > 0 ? pick("\(amount) vēlāk", "\(amount) late") : pick("\(amount) agrāk", "\(amount) early")
    }

    /// Signed, compact: "+12 min", "−5 min", "0".
    func signedDelta(_ minutes: Int) -> String {
        minutes == 0 ? "0" : (minutes > 0 ? "+" : "−") + "\(abs(minutes)) min"
    }

    /// "★★★★☆ 4/5", "★★★★☆ 4,5/5" (Latvian decimal comma).
    func stars(_ rating: Double) -> String {
        let tenths = Int((rating * 10).rounded())
        var text = String(tenths / 10)
        if tenths % 10 != 0 { text += pick(",", ".") + String(tenths % 10) }
        let full = min(5, max(0, Int(rating.rounded())))
        return String(repeating: "★", count: full) + String(repeating: "☆", count: 5 - full) + " " + text + "/5"
    }

    /// The travel-model sentence, e.g. "Legs took 12% longer than planned …: a coach speed of 62 km/h would have matched."
    func suggestion(_ s: TravelSuggestion?) -> String {
        guard let s else {
            return pick("Nevienu braucienu nevar izmērīt: vajag iepriekšējās vietas aizbraukšanas laiku (--left) un nākamās ierašanās laiku (--arrived).",
                        "No leg could be measured: that needs the departure from one place (--left) and the arrival at the next (--arrived).")
        }
        let legs = DateText.count(s.legCount, one: pick("brauciens", "leg"), many: pick("braucieni", "legs"), language)
        let figures = "\(legs), \(s.actualMinutes) min \(pick("pret plānotajām", "against")) \(s.plannedMinutes) min\(pick("", " planned")), \(Int(s.km.rounded())) km"
        let percent = s.percentLonger
        let head: String
        if percent > 0 {
            head = pick("Braucieni ilga par \(percent)% ilgāk nekā plānots", "Legs took \(percent)% longer than planned")
        } else if percent < 0 {
            head = pick("Braucieni bija par \(-percent)% īsāki nekā plānots", "Legs took \(-percent)% less time than planned")
        } else {
            head = pick("Braucieni ilga tieši tik, cik plānots", "Legs took as long as planned")
        }
        guard let speed = s.matchingSpeedKmh else {
            return head + " (\(figures))" + pick("; braucieni par īsu, lai ieteiktu ātrumu.", "; the legs are too short to suggest a speed.")
        }
        let kmh = Int(speed.rounded()), current = Int(s.currentSpeedKmh.rounded())
        if kmh == current {
            return head + " (\(figures))" + pick(": pašreizējais autobusa ātrums \(current) km/h der.", ": the current coach speed of \(current) km/h fits.")
        }
        return head + " (\(figures))" + pick(": autobusa ātrums \(kmh) km/h (nevis \(current) km/h) būtu sakritis.",
                                             ": a coach speed of \(kmh) km/h (instead of \(current) km/h) would have matched.")
    }

    func dates(_ first: LocalDate?, _ last: LocalDate?) -> String {
        guard let first else { return "" }
        guard let last, last != first else { return DateText.long(first, language) }
        return DateText.long(first, language) + " – " + DateText.long(last, language)
    }
}
