import Foundation
import Testing
@testable import TripPlanKit

/// A small valid trip; each error case edits one spot of it.
let baseTrip = """
    {
      "format": "tripplan/1",
      "title": "T",
      "timeZone": "Europe/Riga",
      "home": "home",
      "places": [
        {"id": "home", "name": "Home", "lat": 56.83, "lon": 24.23},
        {"id": "a", "name": "A", "lat": 56.72, "lon": 21.60, "visitMinutes": 60,
         "open": [{"days": ["sat"], "from": "10:00", "to": "18:00"}]},
        {"id": "b", "name": "B", "lat": 56.51, "lon": 21.01, "visitMinutes": 30}
      ],
      "days": [
        {"date": "2023-05-27", "start": "07:30", "end": "21:00"},
        {"date": "2023-05-28", "start": "09:00", "end": "19:00"}
      ]
    }
    """

/// One bad input: replace `old` by `new` in `baseTrip`; `expected` is the whole error description.
struct BadTripCase: CustomTestStringConvertible, Sendable {
    var old: String
    var new: String
    var expected: [String]
    var testDescription: String { expected.first ?? new }

    init(_ old: String, _ new: String, _ expected: String...) {
        self.old = old
        self.new = new
        self.expected = expected
    }

    var json: String {
        precondition(baseTrip.contains(old), "case edits text that is not in baseTrip: \(old)")
        return baseTrip.replacingOccurrences(of: old, with: new)
    }
}

func readTrip(_ json: String, loadFile: TripFileLoader? = nil) -> Result<(trip: Trip, warnings: [TripProblem]), TripFileError> {
    do {
        return .success(try Trip.read(jsonData: Data(json.utf8), fileName: "t.json", loadFile: loadFile))
    } catch {
        return .failure(error)
    }
}

@Suite struct TripReadingTests {
    static let addPlaceB = "\"visitMinutes\": 30}"
    static let addTop = "\"title\": \"T\","

    static let cases: [BadTripCase] = [
        BadTripCase("\"format\": \"tripplan/1\"", "\"format\": \"tripplan/2\"",
                    "t.json: format: \"tripplan/2\" is not a format tripplan reads (use \"tripplan/1\")"),
        BadTripCase("\"format\": \"tripplan/1\",", "",
                    "t.json: format: missing; add \"format\" with the value \"tripplan/1\""),
        BadTripCase("\"to\": \"18:00\"", "\"to\": \"25:00\"",
                    "t.json: places[1].open[0].to: \"25:00\" is not a time of day (use HH:MM, 00:00–24:00)"),
        BadTripCase("\"from\": \"10:00\"", "\"from\": \"12:5\"",
                    "t.json: places[1].open[0].from: \"12:5\" is not a time of day (use HH:MM, 00:00–24:00)"),
        BadTripCase("\"from\": \"10:00\", \"to\": \"18:00\"", "\"from\": \"18:00\", \"to\": \"10:00\"",
                    "t.json: places[1].open[0]: from 18:00 is not before to 10:00; make to later than from"),
        BadTripCase("\"start\": \"07:30\", \"end\": \"21:00\"", "\"start\": \"21:00\", \"end\": \"07:30\"",
                    "t.json: days[0]: start 21:00 is not before end 07:30; make end later than start"),
        BadTripCase("\"lat\": 56.83", "\"lat\": 95",
                    "t.json: places[0].lat: 95 is out of range (latitude lies between -90 and 90 degrees, WGS84)"),
        BadTripCase("\"lon\": 24.23", "\"lon\": -181.5",
                    "t.json: places[0].lon: -181.5 is out of range (longitude lies between -180 and 180 degrees, WGS84)"),
        BadTripCase("\"lat\": 56.83", "\"lat\": \"56.83\"",
                    "t.json: places[0].lat: expected a number (latitude in degrees, e.g. 56.83), found a string (\"56.83\")"),
        BadTripCase("{\"id\": \"b\"", "{\"id\": \"a\"",
                    "t.json: places[2].id: \"a\" is already the id of places[1]; give each place its own id"),
        BadTripCase("\"home\": \"home\"", "\"home\": \"hom\"",
                    "t.json: home: \"hom\" is not the id of any place; did you mean \"home\"?"),
        BadTripCase("\"name\": \"B\", ", "",
                    "t.json: places[2].name: missing; add \"name\" with a string"),
        BadTripCase("\"visitMinutes\": 30", "\"visitMinutes\": 12.5",
                    "t.json: places[2].visitMinutes: expected a whole number, found a number (12.5)"),
        BadTripCase("\"visitMinutes\": 30", "\"visitMinutes\": -5",
                    "t.json: places[2].visitMinutes: -5 is out of range; a visit lasts 0 to 1440 minutes (a whole day)"),
        BadTripCase("\"visitMinutes\": 30", "\"visitMinutes\": 1441",
                    "t.json: places[2].visitMinutes: 1441 is out of range; a visit lasts 0 to 1440 minutes (a whole day)"),
        BadTripCase("\"2023-05-28\", \"start\"", "\"2023-02-30\", \"start\"",
                    "t.json: days[1].date: \"2023-02-30\" is not a date (use YYYY-MM-DD, e.g. 2023-05-27)"),
        BadTripCase("\"date\": \"2023-05-28\"", "\"date\": \"2023-05-26\"",
                    "t.json: days[1].date: 2023-05-26 comes before the previous day 2023-05-27; list the days in date order"),
        BadTripCase("\"date\": \"2023-05-28\"", "\"date\": \"2023-05-27\"",
                    "t.json: days[1].date: 2023-05-27 is already days[0]; give each date one day entry"),
        BadTripCase("\"days\": [\n    {", "\"days\": [\n    {\"from\": \"lodging\", ",
                    "t.json: days[0].from: \"lodging\" is not the id of any place; add it to places or fix the id"),
        BadTripCase(addPlaceB, "\"visitMinutes\": 30, \"closed\": [\"2023-06-01\"]}",
                    "t.json: places[2].closed[0]: 2023-06-01 is outside the trip (its days run from 2023-05-27 to 2023-05-28); use a date of the trip or remove it"),
        BadTripCase("[\"sat\"]", "[\"sat\"], \"dates\": [\"2023-05-20\"]",
                    "t.json: places[1].open[0].dates[0]: 2023-05-20 is outside the trip (its days run from 2023-05-27 to 2023-05-28); use a date of the trip or remove it"),
        BadTripCase("[\"sat\"]", "[\"saturday\"]",
                    "t.json: places[1].open[0].days[0]: \"saturday\" is not a weekday (use mon, tue, wed, thu, fri, sat or sun)"),
        BadTripCase("[\"sat\"]", "[]",
                    "t.json: places[1].open[0].days: is empty; list weekdays (mon … sun) or leave out days to mean every day"),
        BadTripCase("[\"sat\"]", "[\"mon\", \"tue\"]",
                    "t.json: places[1]: \"a\" is closed on every trip day (Saturday 27 May, Sunday 28 May): its open, closed and appointments rules leave no window; add opening hours or an appointment on a trip day, or remove it from the visits"),
        BadTripCase("\"visitMinutes\": 60", "\"visitMinutes\": 600",
                    "t.json: places[1]: \"a\" needs 600 min but its longest window on any trip day is 480 min (10:00–18:00 on Saturday 27 May); a visit must lie wholly inside one window, so shorten visitMinutes or widen the hours"),
        BadTripCase(addPlaceB, "\"visitMinutes\": 30, \"appointments\": [{\"date\": \"2023-05-29\", \"from\": \"10:00\", \"to\": \"11:00\"}]}",
                    "t.json: places[2].appointments[0].date: 2023-05-29 is outside the trip (its days run from 2023-05-27 to 2023-05-28); use a date of the trip or remove it",
                    "t.json: places[2]: \"b\" is closed on every trip day (Saturday 27 May, Sunday 28 May): its open, closed and appointments rules leave no window; add opening hours or an appointment on a trip day, or remove it from the visits"),
        BadTripCase(addTop, addTop + " \"language\": \"de\",",
                    "t.json: language: \"de\" is not a language tripplan writes (use lv or en)"),
        BadTripCase("\"Europe/Riga\"", "\"Europe/Rga\"",
                    "t.json: timeZone: \"Europe/Rga\" is not a known IANA time zone; did you mean Europe/Riga?"),
        BadTripCase(addTop, addTop + " \"lunch\": {\"from\": \"12:00\", \"to\": \"13:00\", \"minutes\": 90},",
                    "t.json: lunch.minutes: 90 min does not fit the lunch window of 60 min; use more than 0 and at most 60"),
        BadTripCase(addTop, addTop + " \"lunch\": {\"from\": \"12:00\", \"to\": \"13:00\", \"minutes\": 0},",
                    "t.json: lunch.minutes: 0 is out of range; lunch lasts more than 0 minutes"),
        BadTripCase(addTop, addTop + " \"lunch\": {\"from\": \"14:00\", \"to\": \"13:00\", \"minutes\": 30},",
                    "t.json: lunch: from 14:00 is not before to 13:00; make to later than from"),
        BadTripCase(addPlaceB, "\"visitMinutes\": 30, \"required\": false, \"score\": -1}",
                    "t.json: places[2].score: -1 is out of range; a score is 0 or more"),
        BadTripCase(addPlaceB, "\"visitMinutes\": 30, \"required\": \"no\"}",
                    "t.json: places[2].required: expected true or false, found a string (\"no\")"),
        BadTripCase(addTop, addTop + " \"visit\": [\"a\", \"home\", \"a\", \"c\"],",
                    "t.json: visit[2]: \"a\" is already visit[0]; a place is visited at most once, remove one",
                    "t.json: visit[3]: \"c\" is not the id of any place; add it to places or fix the id",
                    "t.json: visit[1]: \"home\" is home, not a place to visit; remove it from visit"),
        BadTripCase(addTop, addTop + " \"travel\": {\"minutes\": {\"home\": {\"a\": -3, \"x\": 5}}},",
                    "t.json: travel.minutes.home.a: -3 is out of range; travel takes 0 minutes or more",
                    "t.json: travel.minutes.home.x: \"x\" is not the id of any place; add it to places or fix the id"),
        BadTripCase(addTop, addTop + " \"travel\": {\"minutes\": {\"home\": {\"a\": 1e15}}},",
                    "t.json: travel.minutes.home.a: 1000000000000000 is out of range; travel takes 0 minutes or more, and less than 10^15"),
        BadTripCase(addPlaceB, "\"visitMinutes\": 30, \"required\": false, \"score\": 999999999999999}, {\"id\": \"d\", \"name\": \"D\", \"lat\": 57, \"lon\": 24, \"required\": false, \"score\": 1}",
                    "t.json: places[3].score: 1 (the scores so far add up to 1000000000000000) is out of range; the scores of all places add up to less than 10^15; use small numbers, such as 1 to 10"),
        BadTripCase(addPlaceB, "\"visitMinutes\": 30, \"required\": false, \"score\": 5e20}",
                    "t.json: places[2].score: 500000000000000000000 is out of range; a score is 0 or more, and less than 10^15"),
        BadTripCase(addTop, addTop + " \"travel\": {\"model\": {\"speedKmh\": 0, \"detourFactor\": 0.9, \"bufferMinutes\": 5.5}},",
                    "t.json: travel.model.detourFactor: 0.9 is out of range; road km ÷ straight-line km lies between 1 and 3",
                    "t.json: travel.model.speedKmh: 0 is out of range; a coach averages more than 0 and at most 130 km/h",
                    "t.json: travel.model.bufferMinutes: expected a whole number, found a number (5.5)"),
        BadTripCase(addTop, addTop + " \"travel\": {\"osrm\": {\"places\": [\"home\", \"a\"], \"durations\": [[0, 100], [100]]}},",
                    "t.json: travel.osrm.durations[1]: has 1 entry but travel.osrm.places lists 2 places; give one entry per place, in the order of the request's coordinates"),
        BadTripCase(addTop, addTop + " \"travel\": {\"osrm\": {\"places\": [\"home\", \"a\", \"b\"], \"durations\": [[0, 1, 2], [1, 0, -2]]}},",
                    "t.json: travel.osrm.durations: has 2 rows but travel.osrm.places lists 3 places; give one row per place, in the order of the request's coordinates",
                    "t.json: travel.osrm.durations[1][2]: -2 is out of range; use 0 or more (less than 10^15), or null for no route"),
        BadTripCase(addTop, addTop + " \"travel\": {\"osrm\": {\"places\": [\"home\", \"a\"], \"durations\": [[0, 1e300], [1, 0]], \"distances\": [[0, 1], [1e15, 0]]}},",
                    "t.json: travel.osrm.durations[0][1]: 1e+300 is out of range; use 0 or more (less than 10^15), or null for no route",
                    "t.json: travel.osrm.distances[1][0]: 1000000000000000 is out of range; use 0 or more (less than 10^15), or null for no route"),
        BadTripCase(addTop, addTop + " \"travel\": {\"osrm\": {\"places\": [\"home\", \"a\"], \"file\": \"k.osrm.json\"}},",
                    "t.json: travel.osrm.file: \"k.osrm.json\" can only be read when the trip is loaded from a file; save OSRM's table answer beside the trip file or paste durations inline"),
        BadTripCase(addTop, addTop + " \"travel\": {\"osrm\": {\"places\": [\"home\", \"home\"], \"durations\": [[0, 1], [1, 0]]}},",
                    "t.json: travel.osrm.places[1]: \"home\" is already travel.osrm.places[0]; list each place once"),
        BadTripCase("{\"id\": \"home\"", "\"home\", {\"id\": \"home\"",
                    "t.json: places[0]: expected an object, found a string (\"home\")"),
        BadTripCase(addTop, addTop + " \"title\": \"U\",",
                    "t.json: title: the key \"title\" appears more than once; keep one"),
        BadTripCase("\"title\": \"T\"", "\"title\": \"  \"",
                    "t.json: title: is empty; give the trip a title"),
        BadTripCase("{\"date\": \"2023-05-27\", \"start\": \"07:30\", \"end\": \"21:00\"},\n    {\"date\": \"2023-05-28\", \"start\": \"09:00\", \"end\": \"19:00\"}", "",
                    "t.json: days: is empty; add at least one day"),
    ]

    @Test(arguments: cases)
    func reportsProblem(_ bad: BadTripCase) {
        switch readTrip(bad.json) {
        case .success:
            Issue.record("accepted a bad trip; expected \(bad.expected)")
        case let .failure(error):
            #expect(error.description.components(separatedBy: "\n") == bad.expected)
        }
    }

    @Test func baseTripIsValid() throws {
        let (trip, warnings) = try readTrip(baseTrip).get()
        #expect(warnings.isEmpty)
        #expect(trip.places.map(\.id) == ["home", "a", "b"])
        #expect(trip.placesToVisit == ["a", "b"])
    }

    @Test func reportsSeveralProblemsTogether() {
        let json = baseTrip
            .replacingOccurrences(of: "\"to\": \"18:00\"", with: "\"to\": \"25:00\"")
            .replacingOccurrences(of: "\"lat\": 56.51", with: "\"lat\": 156.51")
            .replacingOccurrences(of: "\"home\": \"home\"", with: "\"home\": \"nowhere\"")
            .replacingOccurrences(of: "\"date\": \"2023-05-28\"", with: "\"date\": \"2023-05-26\"")
        guard case let .failure(error) = readTrip(json) else {
            Issue.record("accepted a trip with four problems")
            return
        }
        #expect(error.problems == [
            .badTime(path: "places[1].open[0].to", text: "25:00"),
            .coordinateOutOfRange(path: "places[2].lat", value: 156.51, isLatitude: true),
            .dayOutOfOrder(path: "days[1].date", date: LocalDate(year: 2023, month: 5, day: 26),
                           previous: LocalDate(year: 2023, month: 5, day: 27)),
            .unknownPlace(path: "home", id: "nowhere", suggestion: nil),
        ])
    }

    @Test func unknownKeysAreWarningsWithASuggestion() throws {
        let json = baseTrip
            .replacingOccurrences(of: "\"visitMinutes\": 30", with: "\"visitMinuts\": 30")
            .replacingOccurrences(of: "\"title\": \"T\",", with: "\"title\": \"T\", \"colour\": \"red\",")
        let (trip, warnings) = try readTrip(json).get()
        #expect(trip.places[2].visitMinutes == 0)
        #expect(warnings.map { $0.line(file: "t.json") } == [
            "t.json: colour: unknown key \"colour\" is ignored; check its spelling",
            "t.json: places[2].visitMinuts: unknown key \"visitMinuts\" is ignored; did you mean visitMinutes?",
        ])
    }

    @Test func warningsComeWithTheProblems() {
        let json = baseTrip.replacingOccurrences(of: "\"visitMinutes\": 60", with: "\"visitMinutes\": 60, \"opne\": []")
            .replacingOccurrences(of: "\"lat\": 56.83", with: "\"lat\": 95")
        guard case let .failure(error) = readTrip(json) else {
            Issue.record("accepted a latitude of 95")
            return
        }
        #expect(error.description.components(separatedBy: "\n") == [
            "t.json: places[0].lat: 95 is out of range (latitude lies between -90 and 90 degrees, WGS84)",
            "warning: t.json: places[1].opne: unknown key \"opne\" is ignored; did you mean open?",
        ])
    }

    @Test func optionalPlaceWithoutWindowIsOnlyAWarning() throws {
        let json = baseTrip.replacingOccurrences(of: "[\"sat\"]", with: "[\"mon\"]")
            .replacingOccurrences(of: "\"visitMinutes\": 60", with: "\"visitMinutes\": 60, \"required\": false")
        let (_, warnings) = try readTrip(json).get()
        #expect(warnings.count == 1)
        #expect(warnings.first?.path == "places[1]")
    }

    @Test func malformedJSONIsReportedWithLineAndColumn() {
        let json = baseTrip.replacingOccurrences(of: "\"title\": \"T\",", with: "\"title\": \"T\"")
        guard case let .failure(error) = readTrip(json) else {
            Issue.record("accepted malformed JSON")
            return
        }
        #expect(error.description == "t.json: line 4, column 3: expected ',' or '}' after an object member")
    }

    @Test func readsEveryFieldOfAFullFile() throws {
        let url = try #require(Bundle.module.url(forResource: "full-trip", withExtension: "json", subdirectory: "Fixtures"))
        let (trip, warnings) = try Trip.read(jsonData: Data(contentsOf: url), fileName: "full-trip.json")
        #expect(warnings.isEmpty)
        let may27 = LocalDate(year: 2023, month: 5, day: 27), may28 = LocalDate(year: 2023, month: 5, day: 28)
        let expected = Trip(
            title: "Pieredzes brauciens", timeZone: "Europe/Riga", home: "home",
            places: [
                Place(id: "home", name: "Ķekava", lat: 56.8286, lon: 24.23),
                Place(id: "hub", name: "HUB", lat: 56.51, lon: 21.013, visitMinutes: 90,
                      open: [OpeningRule(days: [.sat, .sun], from: TimeOfDay(hour: 10, minute: 0), to: TimeOfDay(hour: 18, minute: 0)),
                             OpeningRule(dates: [may28], from: TimeOfDay(hour: 9, minute: 0), to: TimeOfDay(minutes: 1440))],
                      closed: [may27],
                      appointments: [Appointment(date: may28, from: TimeOfDay(hour: 10, minute: 0), to: TimeOfDay(hour: 12, minute: 0))],
                      required: false, score: 5, kind: "hub", town: "Liepāja", address: "Strautu iela 4",
                      website: "https://example.org", contact: Contact(name: "Dana", phone: "+371 20000000", email: "dana@example.org"),
                      notes: "Pieņēmums"),
                Place(id: "lodging", name: "Naktsmītne", lat: 56.5047, lon: 21.0109),
            ],
            days: [
                TripDay(date: may27, start: TimeOfDay(hour: 7, minute: 30), end: TimeOfDay(hour: 21, minute: 0), from: "home", to: "lodging"),
                TripDay(date: may28, start: TimeOfDay(hour: 9, minute: 0), end: TimeOfDay(hour: 19, minute: 0)),
            ],
            visit: ["hub"],
            travel: TravelSpec(
                minutes: ["home": ["hub": 165]],
                osrm: OSRMTable(places: ["home", "hub"], durations: [[0, 9000], [9100, nil]], distances: [[0, 210_000], [211_000, 0]]),
                model: TravelModelParameters(detourFactor: 1.3, speedKmh: 75, bufferMinutes: 5)),
            language: .en, organizer: "Partnerība", lunch: LunchBreak(from: TimeOfDay(hour: 12, minute: 0), to: TimeOfDay(hour: 14, minute: 30), minutes: 45),
            emergency: Emergency(phone: "112", contact: Contact(name: "Vadītājs", phone: "+371 29999999"), notes: "Aptieka"),
            notes: "Brauciena piezīmes")
        #expect(trip == expected)
    }

    @Test func readsOSRMAnswerFromAFileBesideTheTrip() throws {
        let json = baseTrip.replacingOccurrences(
            of: "\"title\": \"T\",",
            with: "\"title\": \"T\", \"travel\": {\"osrm\": {\"places\": [\"home\", \"a\"], \"file\": \"k.osrm.json\"}},")
        let answer = #"{"code": "Ok", "durations": [[0, 7260.5], [7300, 0]], "sources": [], "destinations": []}"#
        let loader: TripFileLoader = { name throws(TripFileLoadFailure) in
            guard name == "k.osrm.json" else { throw TripFileLoadFailure(reason: "cannot be read (no such file)") }
            return Data(answer.utf8)
        }
        let (trip, _) = try readTrip(json, loadFile: loader).get()
        #expect(trip.travel.osrm == OSRMTable(places: ["home", "a"], durations: [[0, 7260.5], [7300, 0]]))

        let broken: TripFileLoader = { _ throws(TripFileLoadFailure) in Data("{\"code\": \"Ok\", \"durations\": [[0, 1], [1]]}".utf8) }
        guard case let .failure(error) = readTrip(json, loadFile: broken) else {
            Issue.record("accepted a short OSRM row")
            return
        }
        #expect(error.description == "t.json: k.osrm.json: durations[1]: has 1 entry but travel.osrm.places lists 2 places; give one entry per place, in the order of the request's coordinates")

        let noDurations: TripFileLoader = { _ throws(TripFileLoadFailure) in Data("{\"code\": \"Ok\"}".utf8) }
        guard case let .failure(error) = readTrip(json, loadFile: noDurations) else {
            Issue.record("accepted an OSRM answer without durations")
            return
        }
        #expect(error.description == "t.json: k.osrm.json: durations: missing; add \"durations\" with an array of rows of seconds, as in OSRM's answer")

        let missing: TripFileLoader = { _ throws(TripFileLoadFailure) in throw TripFileLoadFailure(reason: "cannot be read (no such file)") }
        guard case let .failure(error) = readTrip(json, loadFile: missing) else {
            Issue.record("accepted a missing OSRM file")
            return
        }
        #expect(error.description == "t.json: travel.osrm.file: \"k.osrm.json\" cannot be read (no such file); save OSRM's table answer beside the trip file or paste durations inline")
    }
}
