import Testing
@testable import TripPlanKit

/// Every kind of reason for a place left out, with its exact wording in both languages.
@Suite struct SchedulerReasonTests {
    typealias T = SchedTest
    static let saturday = LocalDate(year: 2023, month: 5, day: 27)

    /// One day, Saturday 27 May 2023, 08:00–18:00 from and to home at (0, 0); legs take distance + 5 min.
    func plan(_ extra: [(Place, (Int, Int))], language: Language, lunch: LunchBreak? = nil) -> (Itinerary, Trip, TravelMatrix) {
        let places = [Place(id: "home", name: "Home", lat: 0, lon: 0)] + extra.map(\.0)
        let matrix = T.matrix(ids: places.map(\.id), points: [(0, 0)] + extra.map(\.1))
        let trip = Trip(title: "Reasons", home: "home", places: places,
                        days: [TripDay(date: Self.saturday, start: T.time(8 * 60), end: T.time(18 * 60))],
                        language: language, lunch: lunch)
        let plan = Scheduler.plan(trip, travel: matrix)
        #expect(T.problems(plan, trip: trip, matrix: matrix).isEmpty)
        return (plan, trip, matrix)
    }

    func reasons(_ extra: [(Place, (Int, Int))], lunch: LunchBreak? = nil) -> (lv: [Place.ID: String], en: [Place.ID: String], why: [Place.ID: UnfitReason]) {
        let lv = plan(extra, language: .lv, lunch: lunch).0, en = plan(extra, language: .en, lunch: lunch).0
        var why: [Place.ID: UnfitReason] = [:]
        for item in en.unscheduled { why[item.place] = item.why }
        return (Dictionary(uniqueKeysWithValues: lv.unscheduled.map { ($0.place, $0.reason) }),
                Dictionary(uniqueKeysWithValues: en.unscheduled.map { ($0.place, $0.reason) }), why)
    }

    @Test func closedOnEveryTripDay() {
        let r = reasons([(Place(id: "x", name: "X", lat: 0, lon: 0, visitMinutes: 30, closed: [Self.saturday]), (10, 0))])
        #expect(r.en["x"] == "closed on Saturday 27 May")
        #expect(r.lv["x"] == "slēgts sestdien, 27. maijā")
    }

    @Test func everyWindowShorterThanTheVisit() {
        let x = Place(id: "x", name: "X", lat: 0, lon: 0, visitMinutes: 90,
                      open: [OpeningRule(from: T.time(10 * 60), to: T.time(11 * 60))])
        let r = reasons([(x, (10, 0))])
        #expect(r.en["x"] == "open only 10:00–11:00 on 27 May; the visit needs 90 min")
        #expect(r.lv["x"] == "atvērts tikai 27. maijs 10:00–11:00; apmeklējumam vajag 90 min")
    }

    @Test func unreachableByTheDaysEnd() {
        // 305 + 60 + 305 = 670 min in a 600-minute day.
        let r = reasons([(Place(id: "far", name: "Far", lat: 0, lon: 0, visitMinutes: 60), (300, 0))])
        #expect(r.why["far"] == .unreachable(date: Self.saturday, overrunMinutes: 70))
        #expect(r.en["far"] == "cannot be reached in time on any day: even alone on Saturday 27 May the day would end 70 min late")
        #expect(r.lv["far"] == "nevienā dienā nav sasniedzams laikā: pat viens pats sestdien, 27. maijā diena beigtos 70 min par vēlu")
    }

    @Test func unreachableWithinItsWindow() {
        // Arrives 09:45; the last start that still fits 08:00–09:00 is 08:30.
        let x = Place(id: "x", name: "X", lat: 0, lon: 0, visitMinutes: 30,
                      open: [OpeningRule(from: T.time(8 * 60), to: T.time(9 * 60))])
        let r = reasons([(x, (100, 0))])
        #expect(r.why["x"] == .unreachableInWindow(date: Self.saturday, overrunMinutes: 75, lunch: false))
        #expect(r.en["x"] == "cannot be reached in time on any day: even alone on Saturday 27 May the visit would miss its opening hours by 75 min")
        #expect(r.lv["x"] == "nevienā dienā nav sasniedzams laikā: pat viens pats sestdien, 27. maijā apmeklējums nokavētu darba laiku par 75 min")
    }

    @Test func aDayWithALunchBreakNamesItAsACause() {
        // As above, on a day whose hours hold a lunch break: the break may be what the visit misses.
        let x = Place(id: "x", name: "X", lat: 0, lon: 0, visitMinutes: 30,
                      open: [OpeningRule(from: T.time(8 * 60), to: T.time(9 * 60))])
        let r = reasons([(x, (100, 0))], lunch: LunchBreak(from: T.time(12 * 60), to: T.time(14 * 60), minutes: 45))
        #expect(r.why["x"] == .unreachableInWindow(date: Self.saturday, overrunMinutes: 75, lunch: true))
        #expect(r.en["x"] == "cannot be reached in time on any day: even alone on Saturday 27 May the visit would miss its opening hours or the lunch break by 75 min")
        #expect(r.lv["x"] == "nevienā dienā nav sasniedzams laikā: pat viens pats sestdien, 27. maijā apmeklējums nokavētu darba laiku vai pusdienu pārtraukumu par 75 min")
    }

    @Test func noRoomBeforeTheDaysEnd() {
        // Each fits alone (470 min); together 205 + 60 + 405 + 60 + 205 = 935 min, 335 over.
        let r = reasons([(Place(id: "east", name: "E", lat: 0, lon: 0, visitMinutes: 60), (200, 0)),
                         (Place(id: "west", name: "W", lat: 0, lon: 0, visitMinutes: 60), (-200, 0))])
        #expect(r.en.count == 1)
        let id = r.en.keys.first!
        #expect(r.why[id] == .noRoom(date: Self.saturday, overrunMinutes: 335))
        #expect(r.en[id] == "no room on any day: the best fit (Saturday 27 May) ends 335 min after the day's end")
        #expect(r.lv[id] == "nevienā dienā nav vietas: labākais variants (sestdien, 27. maijā) beigtos 335 min pēc dienas beigām")
    }

    @Test func noRoomInsideTheWindows() {
        // Both open 10:00–12:00 for a 60-minute visit, 205 min apart: the second would arrive 14:25, 205 min
        // after its last possible start (11:00).
        let hours = [OpeningRule(from: T.time(10 * 60), to: T.time(12 * 60))]
        let r = reasons([(Place(id: "east", name: "E", lat: 0, lon: 0, visitMinutes: 60, open: hours), (100, 0)),
                         (Place(id: "west", name: "W", lat: 0, lon: 0, visitMinutes: 60, open: hours), (-100, 0))])
        #expect(r.en.count == 1)
        let id = r.en.keys.first!
        #expect(r.why[id] == .noRoomInWindow(date: Self.saturday, overrunMinutes: 205, lunch: false))
        #expect(r.en[id] == "no room on any day: the best fit (Saturday 27 May) misses an opening window by 205 min")
        #expect(r.lv[id] == "nevienā dienā nav vietas: labākais variants (sestdien, 27. maijā) nokavētu darba laiku par 205 min")
    }

    @Test func optionalWithoutScoreLeftOut() {
        let r = reasons([(Place(id: "opt", name: "O", lat: 0, lon: 0, visitMinutes: 30, required: false, score: 0), (20, 0))])
        #expect(r.why["opt"] == .optionalLeftOut)
        #expect(r.en["opt"] == "optional and worth no score, left out to save travel")
        #expect(r.lv["opt"] == "neobligāts un bez punktiem; atstāts ārpus plāna, lai saīsinātu braucienu")
    }

    @Test func optionalWithScoreIsTaken() {
        let (plan, _, _) = plan([(Place(id: "opt", name: "O", lat: 0, lon: 0, visitMinutes: 30, required: false, score: 1), (20, 0))],
                                language: .en)
        #expect(plan.unscheduled.isEmpty)
        #expect(plan.days[0].stops.map(\.place) == ["opt"])
    }

    @Test func searchStoppedWording() {
        #expect(UnfitReason.searchStopped.text(.en) == "the search stopped at its time limit before this place found a day; try a longer --time-limit")
        #expect(UnfitReason.searchStopped.text(.lv) == "meklēšana apstājās laika limita dēļ, pirms šai vietai atradās diena; mēģiniet garāku --time-limit")
    }
}
