extension UnfitReason {
    /// The reason as a sentence for people.
    public func text(_ language: Language) -> String {
        switch (self, language) {
        case let (.closedOnTripDays(dates), .en):
            return "closed on " + DateText.list(dates.map { DateText.inSentence($0, .en) }, .en)
        case let (.closedOnTripDays(dates), .lv):
            return "slēgts " + DateText.list(dates.map { DateText.inSentence($0, .lv) }, .lv)
        case let (.windowsTooShort(visit, windows), .en):
            return "open only " + DateText.list(windows.map { "\($0.from)–\($0.to) on \(DateText.dayMonth($0.date, .en))" }, .en)
                + "; the visit needs \(visit) min"
        case let (.windowsTooShort(visit, windows), .lv):
            return "atvērts tikai " + DateText.list(windows.map { "\(DateText.dayMonth($0.date, .lv)) \($0.from)–\($0.to)" }, .lv)
                + "; apmeklējumam vajag \(visit) min"
        case let (.unreachable(date, overrun), .en):
            return "cannot be reached in time on any day: even alone on \(DateText.inSentence(date, .en)) the day would end \(overrun) min late"
        case let (.unreachable(date, overrun), .lv):
            return "nevienā dienā nav sasniedzams laikā: pat viens pats \(DateText.inSentence(date, .lv)) diena beigtos \(overrun) min par vēlu"
        case let (.unreachableInWindow(date, overrun, lunch), .en):
            return "cannot be reached in time on any day: even alone on \(DateText.inSentence(date, .en)) the visit would miss its opening hours\(lunch ? " or the lunch break" : "") by \(overrun) min"
        case let (.unreachableInWindow(date, overrun, lunch), .lv):
            return "nevienā dienā nav sasniedzams laikā: pat viens pats \(DateText.inSentence(date, .lv)) apmeklējums nokavētu darba laiku\(lunch ? " vai pusdienu pārtraukumu" : "") par \(overrun) min"
        case let (.noRoomInWindow(date, overrun, lunch), .en):
            return "no room on any day: the best fit (\(DateText.inSentence(date, .en))) misses an opening window\(lunch ? " or the lunch break" : "") by \(overrun) min"
        case let (.noRoomInWindow(date, overrun, lunch), .lv):
            return "nevienā dienā nav vietas: labākais variants (\(DateText.inSentence(date, .lv))) nokavētu darba laiku\(lunch ? " vai pusdienu pārtraukumu" : "") par \(overrun) min"
        case let (.noRoom(date, overrun), .en):
            return "no room on any day: the best fit (\(DateText.inSentence(date, .en))) ends \(overrun) min after the day's end"
        case let (.noRoom(date, overrun), .lv):
            return "nevienā dienā nav vietas: labākais variants (\(DateText.inSentence(date, .lv))) beigtos \(overrun) min pēc dienas beigām"
        case (.optionalLeftOut, .en):
            return "optional and worth no score, left out to save travel"
        case (.optionalLeftOut, .lv):
            return "neobligāts un bez punktiem; atstāts ārpus plāna, lai saīsinātu braucienu"
        case (.searchStopped, .en):
            return "the search stopped at its time limit before this place found a day; try a longer --time-limit"
        case (.searchStopped, .lv):
            return "meklēšana apstājās laika limita dēļ, pirms šai vietai atradās diena; mēģiniet garāku --time-limit"
        }
    }
}
