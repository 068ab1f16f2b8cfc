import Foundation
import TripPlanKit

/// SplitMix64 (Steele, Lea & Flood 2014): a tiny PRNG whose output depends only on the seed, on every
/// platform and Swift version, so a generated trip is the same file everywhere. Kept apart from the
/// scheduler's own copy on purpose: the trips must not change when the scheduler does.
struct SplitMix64 {
    private var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in `range` (the modulo bias is below 2⁻⁵⁰ for the small ranges used here).
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.upperBound - range.lowerBound + 1))
    }

    /// Uniform in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }

    mutating func double(_ range: ClosedRange<Double>) -> Double {
        range.lowerBound + unit() * (range.upperBound - range.lowerBound)
    }

    mutating func chance(_ percent: Int) -> Bool { int(0...99) < percent }
}

/// Generated trips for the scale and exact benchmarks. Same seed and size, same trip.
enum TripGenerator {
    /// Monday 2 June 2025: the trips run on consecutive days from here.
    static let firstDate = LocalDate(year: 2025, month: 6, day: 2)
    static let home = (lat: 56.95, lon: 24.11) // Riga

    static func t(_ hour: Int, _ minute: Int = 0) -> TimeOfDay { TimeOfDay(hour: hour, minute: minute) }

    /// A multi-day trip of `size` places to visit, one day per ~8 places, in a Latvia-sized box.
    ///
    /// Towns lie on a loop around the country, one per day, with a lodging in each; places are scattered
    /// around random towns (up to ~15 km), so a good plan follows the loop. Opening hours mix every kind
    /// the trip file knows: open all day, weekday rules, split days, date rules, short windows,
    /// appointments and closed dates; a quarter of the places are optional with a score; lunch 12–14, 45 min.
    static func scaleTrip(size: Int, seed: UInt64) -> Trip {
        var random = SplitMix64(seed: seed &* 0x1000_0001 &+ UInt64(size))
        let dayCount = max(1, (size + 7) / 8)
        let dates = (0..<dayCount).map { firstDate.adding(days: $0) }
        var towns: [(lat: Double, lon: Double)] = []
        for k in 0..<dayCount {
            let angle = 2 * Double.pi * (Double(k) + 0.5) / Double(dayCount)
            let radius = random.double(0.55...0.85)
            // Latvia spans ~21–28° E and ~55.7–58° N; a degree of longitude is ~0.55 of a degree of latitude here.
            towns.append((56.85 + radius * 0.9 * sin(angle), 24.6 + radius * 2.6 * cos(angle)))
        }
        var places = [Place(id: "home", name: "Rīga", lat: home.lat, lon: home.lon, kind: "home")]
        var days: [TripDay] = []
        for k in 0..<dayCount {
            let to: Place.ID
            if k == dayCount - 1 {
                to = "home"
            } else {
                to = Place.ID("lodging-\(k + 1)")
                places.append(Place(id: to, name: "Lodging \(k + 1)", lat: towns[k].lat + random.double(-0.02...0.02),
                                    lon: towns[k].lon + random.double(-0.03...0.03), kind: "lodging"))
            }
            days.append(TripDay(date: dates[k], start: t(8), end: t(20), to: to))
        }
        var visit: [Place.ID] = []
        for i in 1...size {
            let town = towns[random.int(0...(dayCount - 1))]
            let id = Place.ID("site-\(i)")
            var place = Place(id: id, name: "Site \(i)", lat: town.lat + random.double(-0.12...0.12),
                              lon: town.lon + random.double(-0.2...0.2), visitMinutes: 5 * random.int(4...15))
            openingHours(&place, dates: dates, random: &random)
            if random.chance(25) {
                place.required = false
                place.score = random.int(1...10)
            }
            places.append(place)
            visit.append(id)
        }
        return Trip(title: "Generated trip, \(size) places, seed \(seed)", home: "home", places: places, days: days,
                    visit: visit, language: .en, lunch: LunchBreak(from: t(12), to: t(14), minutes: 45))
    }

    /// One place's opening hours, of a randomly chosen kind.
    static func openingHours(_ place: inout Place, dates: [LocalDate], random: inout SplitMix64) {
        let visit = place.visitMinutes
        switch random.int(0...99) {
        case 0..<20:
            break // open all day
        case 20..<45: // office hours on weekdays, shorter on Saturday
            place.open = [OpeningRule(days: [.mon, .tue, .wed, .thu, .fri], from: t(random.int(8...10)), to: t(random.int(15...19))),
                          OpeningRule(days: [.sat], from: t(10), to: t(random.int(13...16)))]
        case 45..<55: // split day with a midday closure
            place.open = [OpeningRule(from: t(9), to: t(12)), OpeningRule(from: t(13), to: t(random.int(16...18)))]
        case 55..<65: // only on some dates
            let chosen = (0..<random.int(1...3)).map { _ in dates[random.int(0...(dates.count - 1))] }
            let from = random.int(9...13)
            place.open = [OpeningRule(dates: chosen, from: t(from), to: t(from + random.int(3...6)))]
        case 65..<75: // a short window every day, just longer than the visit
            let from = 8 * 60 + 15 * random.int(0...36)
            place.open = [OpeningRule(from: TimeOfDay(minutes: from), to: TimeOfDay(minutes: from + visit + 15 * random.int(1...6)))]
        case 75..<85: // agreed appointments
            place.appointments = (0..<random.int(1...2)).map { _ in
                let from = 9 * 60 + 15 * random.int(0...28)
                return Appointment(date: dates[random.int(0...(dates.count - 1))], from: TimeOfDay(minutes: from),
                                   to: TimeOfDay(minutes: from + visit + 15 * random.int(0...2)))
            }
        default: // open every day but closed on some dates
            place.open = [OpeningRule(from: t(10), to: t(18))]
            place.closed = (0..<random.int(1...2)).map { _ in dates[random.int(0...(dates.count - 1))] }
        }
        if place.appointments.isEmpty, place.closed.isEmpty, random.chance(10) {
            place.closed = [dates[random.int(0...(dates.count - 1))]]
        }
    }

    /// A one-day trip from home and back with `visits` required places within ~20 km and opening hours
    /// of every kind that applies to one day; no lunch break, so that the reference DP models it exactly.
    static func exactTrip(visits: Int, seed: UInt64) -> Trip {
        var random = SplitMix64(seed: seed &* 0x2000_0003 &+ UInt64(visits))
        let date = firstDate.adding(days: 2) // a Wednesday
        var places = [Place(id: "home", name: "Ķekava", lat: 56.83, lon: 24.235, kind: "home")]
        for i in 1...visits {
            var place = Place(id: Place.ID("site-\(i)"), name: "Site \(i)", lat: 56.83 + random.double(-0.15...0.15),
                              lon: 24.235 + random.double(-0.27...0.27), visitMinutes: 5 * random.int(3...9))
            let visit = place.visitMinutes
            switch random.int(0...4) {
            case 0: break
            case 1: place.open = [OpeningRule(days: [.mon, .tue, .wed, .thu, .fri], from: t(random.int(8...11)), to: t(random.int(14...18)))]
            case 2: place.open = [OpeningRule(from: t(9), to: t(12)), OpeningRule(from: t(13), to: t(17))]
            case 3:
                let from = 8 * 60 + 15 * random.int(0...32)
                place.open = [OpeningRule(from: TimeOfDay(minutes: from), to: TimeOfDay(minutes: from + visit + 15 * random.int(2...8)))]
            default:
                let from = 9 * 60 + 15 * random.int(0...28)
                place.appointments = [Appointment(date: date, from: TimeOfDay(minutes: from), to: TimeOfDay(minutes: from + visit + 30))]
            }
            places.append(place)
        }
        return Trip(title: "Generated day, \(visits) visits, seed \(seed)", home: "home", places: places,
                    days: [TripDay(date: date, start: t(8), end: t(20))], language: .en)
    }
}
