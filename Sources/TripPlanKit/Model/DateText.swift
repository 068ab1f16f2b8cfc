/// Dates and weekdays phrased for people in the trip's language.
///
/// Latvian uses the forms an organizer would write by hand: "sestdiena, 2023. gada 27. maijs" on a
/// heading, "sestdien, 27. maijā" inside a sentence.
public enum DateText {
    static let weekdaysLV = ["pirmdiena", "otrdiena", "trešdiena", "ceturtdiena", "piektdiena", "sestdiena", "svētdiena"]
    static let weekdaysLVLocative = ["pirmdien", "otrdien", "trešdien", "ceturtdien", "piektdien", "sestdien", "svētdien"]
    static let weekdaysEN = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    static let monthsLV = ["janvāris", "februāris", "marts", "aprīlis", "maijs", "jūnijs", "jūlijs", "augusts",
                           "septembris", "oktobris", "novembris", "decembris"]
    static let monthsLVLocative = ["janvārī", "februārī", "martā", "aprīlī", "maijā", "jūnijā", "jūlijā", "augustā",
                                   "septembrī", "oktobrī", "novembrī", "decembrī"]
    static let monthsEN = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                           "October", "November", "December"]

    static func weekdayIndex(_ date: LocalDate) -> Int {
        Weekday.allCases.firstIndex(of: date.weekday)!
    }

    /// The weekday's name: "sestdiena" / "Saturday".
    public static func weekday(_ date: LocalDate, _ language: Language) -> String {
        switch language {
        case .lv: return weekdaysLV[weekdayIndex(date)]
        case .en: return weekdaysEN[weekdayIndex(date)]
        }
    }

    /// A heading: "sestdiena, 2023. gada 27. maijs" / "Saturday, 27 May 2023".
    public static func long(_ date: LocalDate, _ language: Language) -> String {
        switch language {
        case .lv: return "\(weekday(date, .lv)), \(date.year). gada \(date.day). \(monthsLV[date.month - 1])"
        case .en: return "\(weekday(date, .en)), \(date.day) \(monthsEN[date.month - 1]) \(date.year)"
        }
    }

    /// Inside a sentence: "sestdien, 27. maijā" / "Saturday 27 May".
    public static func inSentence(_ date: LocalDate, _ language: Language) -> String {
        switch language {
        case .lv: return "\(weekdaysLVLocative[weekdayIndex(date)]), \(date.day). \(monthsLVLocative[date.month - 1])"
        case .en: return "\(weekdaysEN[weekdayIndex(date)]) \(date.day) \(monthsEN[date.month - 1])"
        }
    }

    /// Without weekday: "27. maijs" / "27 May".
    public static func dayMonth(_ date: LocalDate, _ language: Language) -> String {
        switch language {
        case .lv: return "\(date.day). \(monthsLV[date.month - 1])"
        case .en: return "\(date.day) \(monthsEN[date.month - 1])"
        }
    }

    /// A list joined for a sentence: "a, b un c" / "a, b and c".
    public static func list(_ items: [String], _ language: Language) -> String {
        let and = language == .lv ? " un " : " and "
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        default: return items.dropLast().joined(separator: ", ") + and + items.last!
        }
    }

    /// A count with its noun in the right number: "1 apmeklējums", "21 apmeklējums", "11 apmeklējumi";
    /// "1 visit", "2 visits". Latvian takes the singular after numbers ending in 1, except 11.
    public static func count(_ n: Int, one: String, many: String, _ language: Language) -> String {
        let singular: Bool
        switch language {
        case .lv: singular = n % 10 == 1 && n % 100 != 11
        case .en: singular = n == 1
        }
        return "\(n) " + (singular ? one : many)
    }

    /// A duration: "2 h 15 min", "45 min" (the same in both languages).
    public static func duration(minutes: Int) -> String {
        if minutes < 60 { return "\(minutes) min" }
        let h = minutes / 60, m = minutes % 60
        return m == 0 ? "\(h) h" : "\(h) h \(m) min"
    }
}
