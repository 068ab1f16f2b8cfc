extension Place {
    /// The usual kinds of place, as trip files spell them (English keys), with their Latvian names.
    static let kindNamesLV: [String: String] = [
        "coworking": "kopstrādes telpa", "youth centre": "jauniešu centrs", "youth center": "jauniešu centrs",
        "community": "kopiena", "community house": "tautas nams", "hub": "inovāciju centrs",
        "garden": "kopienas dārzs", "community garden": "kopienas dārzs", "lodging": "naktsmītne",
        "municipality": "pašvaldība", "ngo": "biedrība", "association": "biedrība", "school": "skola",
        "museum": "muzejs", "library": "bibliotēka", "cafe": "kafejnīca", "restaurant": "restorāns",
        "company": "uzņēmums", "farm": "saimniecība", "old town": "vecpilsēta",
    ]

    /// `kind` for people: a known kind in the plan's language, anything else as written.
    ///
    /// Keys match without regard to case, `-` or `_` ("youth-centre" is "youth centre").
    public func kindName(_ language: Language) -> String? {
        guard let kind, !kind.isEmpty else { return nil }
        guard language == .lv else { return kind }
        let key = kind.lowercased().replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ")
        return Place.kindNamesLV[key] ?? kind
    }
}
