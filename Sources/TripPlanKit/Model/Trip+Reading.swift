import Foundation

/// Why a file that a trip file names (`travel.osrm.file`) could not be loaded.
public struct TripFileLoadFailure: Error, Sendable, Equatable {
    /// Completes "\"NAME\" …", e.g. "cannot be read (no such file)".
    public var reason: String
    public init(reason: String) { self.reason = reason }
}

/// Loads a file named inside a trip file, relative to the trip file's folder.
///
/// The model never touches the disk: `TripStore` passes a loader in; tests pass a dictionary lookup.
public typealias TripFileLoader = @Sendable (String) throws(TripFileLoadFailure) -> Data

extension Trip {
    /// Reads and validates a `tripplan/1` document.
    ///
    /// A file that names `travel.osrm.file` cannot be read this way (there is no loader); use
    /// `Trip.read(jsonData:fileName:loadFile:)`. Warnings (unknown keys) are dropped.
    /// - Parameter fileName: used in messages only.
    /// - Throws: `TripFileError` listing every problem found.
    public init(jsonData: Data, fileName: String) throws(TripFileError) {
        self = try Trip.read(jsonData: jsonData, fileName: fileName).trip
    }

    /// Reads and validates a `tripplan/1` document, returning the warnings beside the trip.
    ///
    /// Every problem is collected before anything is thrown, so one run of `tripplan validate`
    /// lists them all. Unknown keys do not fail the file; they come back as warnings with the
    /// closest known key suggested.
    /// - Parameters:
    ///   - fileName: used in messages only.
    ///   - loadFile: reads files the trip names (`travel.osrm.file`), relative to the trip file.
    /// - Throws: `TripFileError` with every problem found: first those of each field in file order,
    ///   then those that need the whole file (references, dates outside the trip, visits without a window).
    public static func read(
        jsonData: Data, fileName: String, loadFile: TripFileLoader? = nil
    ) throws(TripFileError) -> (trip: Trip, warnings: [TripProblem]) {
        let root: JSONValue
        do {
            root = try JSONValue(parsing: jsonData)
        } catch {
            throw TripFileError(file: fileName, problems: [.malformedJSON(line: error.line, column: error.column, detail: error.detail)])
        }
        var reader = TripReader(loadFile: loadFile)
        let trip = reader.readTrip(root)
        guard let trip, reader.problems.isEmpty else {
            throw TripFileError(file: fileName, problems: reader.problems, warnings: reader.warnings)
        }
        return (trip, reader.warnings)
    }
}

/// The members of one JSON object, by key, with the object's path.
struct JSONFields {
    let path: String
    let values: [String: JSONValue]

    func path(_ key: String) -> String { path.isEmpty ? key : path + "." + key }

    /// The value, or nil when absent or `null` (an optional field written as null counts as absent).
    subscript(key: String) -> JSONValue? {
        guard let value = values[key] else { return nil }
        if case .null = value { return nil }
        return value
    }
}

/// Walks a trip document, builds the typed values and records every problem on the way.
struct TripReader {
    var problems: [TripProblem] = []
    var warnings: [TripProblem] = []
    let loadFile: TripFileLoader?

    init(loadFile: TripFileLoader?) {
        self.loadFile = loadFile
    }

    static let tripKeys = ["format", "title", "timeZone", "home", "places", "days", "visit", "travel", "language",
                           "organizer", "notes", "lunch", "emergency"]
    static let placeKeys = ["id", "name", "lat", "lon", "visitMinutes", "open", "closed", "appointments", "required",
                            "score", "kind", "town", "address", "website", "contact", "notes"]
    static let openKeys = ["days", "dates", "from", "to"]
    static let appointmentKeys = ["date", "from", "to"]
    static let dayKeys = ["date", "start", "end", "from", "to"]
    static let contactKeys = ["name", "phone", "email"]
    static let lunchKeys = ["from", "to", "minutes"]
    static let emergencyKeys = ["phone", "contact", "notes"]
    static let travelKeys = ["minutes", "osrm", "model"]
    static let modelKeys = ["detourFactor", "speedKmh", "bufferMinutes"]
    static let osrmKeys = ["places", "durations", "distances", "file"]

    // MARK: The trip

    /// References and dates whose checks need the whole file read first.
    var references: [(path: String, id: String)] = []
    var datedEntries: [(path: String, date: LocalDate)] = []

    mutating func readTrip(_ root: JSONValue) -> Trip? {
        guard let fields = object(root, path: "", known: TripReader.tripKeys,
                                  expected: "an object ({\"format\": \"tripplan/1\", …})") else { return nil }
        if let format = string(fields, "format", required: true, expected: "the value \"tripplan/1\""), format != Trip.format {
            problems.append(.wrongFormat(found: format))
        }
        let title = string(fields, "title", required: true, nonEmpty: "give the trip a title") ?? ""
        let timeZone = string(fields, "timeZone") ?? "Europe/Riga"
        if fields["timeZone"] != nil, TimeZone(identifier: timeZone) == nil {
            let suggestion = closest(to: timeZone, in: TimeZone.knownTimeZoneIdentifiers)
            problems.append(.unknownTimeZone(text: timeZone, suggestion: suggestion))
        }
        var language = Language.lv
        if let text = string(fields, "language") {
            if let known = Language(rawValue: text) { language = known } else { problems.append(.badLanguage(text: text)) }
        }
        let organizer = string(fields, "organizer")
        let notes = string(fields, "notes")

        // Places first: every other part refers to them.
        var places: [Place] = []
        var placeIndex: [String: Int] = [:]
        var placesWithProblems: Set<Int> = []
        // Scores are added up by the scheduler; their total stays below 10^15 as each one does.
        var scoreTotal = 0
        if let list = array(fields, "places", required: true) {
            if list.isEmpty { problems.append(.emptyValue(path: "places", what: "add at least the home place")) }
            for (i, element) in list.enumerated() {
                let before = problems.count
                let path = "places[\(i)]"
                let place = readPlace(element, path: path)
                if let place {
                    if let first = placeIndex[place.id.rawValue] {
                        problems.append(.duplicatePlace(path: path + ".id", id: place.id.rawValue, firstIndex: first))
                    } else if !place.id.rawValue.isEmpty {
                        placeIndex[place.id.rawValue] = i
                    }
                    places.append(place)
                    if scoreTotal < 1_000_000_000_000_000 {
                        scoreTotal += place.score
                        if scoreTotal >= 1_000_000_000_000_000 {
                            problems.append(.valueOutOfRange(path: path + ".score",
                                                             value: "\(place.score) (the scores so far add up to \(scoreTotal))",
                                                             rule: "the scores of all places add up to less than 10^15; use small numbers, such as 1 to 10"))
                        }
                    }
                }
                if problems.count != before { placesWithProblems.insert(i) }
            }
        }

        let home = string(fields, "home", required: true, expected: "the id of the place where the trip starts").map { Place.ID($0) }
        if let home { references.append(("home", home.rawValue)) }

        let daysBefore = problems.count
        var days: [TripDay] = []
        var dayIndexByDate: [LocalDate: Int] = [:]
        if let list = array(fields, "days", required: true) {
            if list.isEmpty { problems.append(.emptyValue(path: "days", what: "add at least one day")) }
            for (i, element) in list.enumerated() {
                let path = "days[\(i)]"
                guard let day = readDay(element, path: path) else { continue }
                if let first = dayIndexByDate[day.date] {
                    problems.append(.dayRepeated(path: path + ".date", date: day.date, firstIndex: first))
                } else {
                    if let previous = days.last, day.date < previous.date {
                        problems.append(.dayOutOfOrder(path: path + ".date", date: day.date, previous: previous.date))
                    }
                    dayIndexByDate[day.date] = i
                }
                days.append(day)
            }
        }
        let daysAreSound = problems.count == daysBefore && !days.isEmpty

        var visit: [Place.ID]?
        if let list = array(fields, "visit") {
            visit = []
            var seen: [String: Int] = [:]
            for (i, element) in list.enumerated() {
                let path = "visit[\(i)]"
                guard let id = stringValue(element, path: path) else { continue }
                if let first = seen[id] {
                    problems.append(.duplicateVisit(path: path, id: id, firstIndex: first))
                    continue
                }
                seen[id] = i
                references.append((path, id))
                visit?.append(Place.ID(id))
            }
        }

        let travel = readTravel(fields)
        let lunch = readLunch(fields)
        let emergency = readEmergency(fields)

        // Checks that need everything above.
        let ids = Array(placeIndex.keys).sorted()
        for reference in references where placeIndex[reference.id] == nil && !reference.id.isEmpty {
            problems.append(.unknownPlace(path: reference.path, id: reference.id, suggestion: closest(to: reference.id, in: ids)))
        }
        if daysAreSound, let first = days.map(\.date).min(), let last = days.map(\.date).max() {
            for entry in datedEntries where entry.date < first || entry.date > last {
                problems.append(.dateOutsideTrip(path: entry.path, date: entry.date, first: first, last: last))
            }
        }

        let trip = Trip(title: title, timeZone: timeZone, home: home ?? Place.ID(""), places: places, days: days,
                        visit: visit, travel: travel, language: language, organizer: organizer, lunch: lunch,
                        emergency: emergency, notes: notes)
        guard home != nil else { return nil }
        checkVisits(trip, placeIndex: placeIndex, placesWithProblems: placesWithProblems, daysAreSound: daysAreSound)
        return trip
    }

    /// `visit` entries that are endpoints; places to visit that have no window, or none long enough.
    mutating func checkVisits(_ trip: Trip, placeIndex: [String: Int], placesWithProblems: Set<Int>, daysAreSound: Bool) {
        let resolved = trip.resolvedDays
        if let visit = trip.visit {
            for (i, id) in visit.enumerated() {
                var role: String?
                if id == trip.home {
                    role = "home"
                } else if let day = resolved.first(where: { $0.from == id }) {
                    role = "where days[\(day.index)] starts"
                } else if let day = resolved.first(where: { $0.to == id }) {
                    role = "where days[\(day.index)] ends"
                }
                if let role { problems.append(.visitIsEndpoint(path: "visit[\(i)]", id: id.rawValue, role: role)) }
            }
        }
        guard daysAreSound else { return }
        for id in trip.placesToVisit {
            // `placeIndex` counts entries of the file, `trip.places` only those that were objects.
            guard let index = placeIndex[id.rawValue], !placesWithProblems.contains(index),
                  let place = trip.place(id) else { continue }
            let path = "places[\(index)]"
            var longest: (minutes: Int, at: String)?
            for day in trip.days {
                for window in place.windows(on: day.date) where window.minutes > (longest?.minutes ?? -1) {
                    longest = (window.minutes, "\(window.from)–\(window.to) on \(DateText.inSentence(day.date, .en))")
                }
            }
            let problem: TripProblem
            if let longest {
                guard longest.minutes < place.visitMinutes else { continue }
                problem = .visitTooLong(path: path, id: id.rawValue, visitMinutes: place.visitMinutes,
                                        longest: longest.minutes, longestAt: longest.at)
            } else {
                problem = .closedOnEveryDay(path: path, id: id.rawValue,
                                            days: trip.days.map { DateText.inSentence($0.date, .en) })
            }
            // An optional place may simply be left out; a required one makes the plan impossible.
            if place.required { problems.append(problem) } else { warnings.append(problem) }
        }
    }

    // MARK: Places

    mutating func readPlace(_ value: JSONValue, path: String) -> Place? {
        guard let fields = object(value, path: path, known: TripReader.placeKeys) else { return nil }
        let id = string(fields, "id", required: true, nonEmpty: "give the place a short id such as \"ideju-maja\"") ?? ""
        let name = string(fields, "name", required: true, nonEmpty: "give the place a name") ?? id
        let lat = coordinate(fields, "lat", isLatitude: true)
        let lon = coordinate(fields, "lon", isLatitude: false)
        let visitMinutes = int(fields, "visitMinutes", range: 0...1440,
                               rule: "a visit lasts 0 to 1440 minutes (a whole day)") ?? 0
        var open: [OpeningRule]?
        if let list = array(fields, "open") {
            open = list.enumerated().compactMap { i, element in readOpening(element, path: fields.path("open") + "[\(i)]") }
        }
        var closed: [LocalDate] = []
        if let list = array(fields, "closed") {
            for (i, element) in list.enumerated() {
                let entryPath = fields.path("closed") + "[\(i)]"
                if let date = dateValue(element, path: entryPath) {
                    closed.append(date)
                    datedEntries.append((entryPath, date))
                }
            }
        }
        var appointments: [Appointment] = []
        if let list = array(fields, "appointments") {
            for (i, element) in list.enumerated() {
                if let appointment = readAppointment(element, path: fields.path("appointments") + "[\(i)]") {
                    appointments.append(appointment)
                }
            }
        }
        let required = bool(fields, "required") ?? true
        let score = int(fields, "score", range: 0...Int.max, rule: "a score is 0 or more") ?? 0
        return Place(
            id: Place.ID(id), name: name, lat: lat ?? 0, lon: lon ?? 0, visitMinutes: visitMinutes, open: open,
            closed: closed, appointments: appointments, required: required, score: score,
            kind: string(fields, "kind"), town: string(fields, "town"), address: string(fields, "address"),
            website: string(fields, "website"), contact: readContact(fields, "contact"), notes: string(fields, "notes"))
    }

    mutating func coordinate(_ fields: JSONFields, _ key: String, isLatitude: Bool) -> Double? {
        guard let value = number(fields, key, required: true,
                                 expected: isLatitude ? "a number (latitude in degrees, e.g. 56.83)"
                                                      : "a number (longitude in degrees, e.g. 24.23)") else { return nil }
        let limit = isLatitude ? 90.0 : 180.0
        guard abs(value) <= limit else {
            problems.append(.coordinateOutOfRange(path: fields.path(key), value: value, isLatitude: isLatitude))
            return nil
        }
        return value
    }

    mutating func readOpening(_ value: JSONValue, path: String) -> OpeningRule? {
        guard let fields = object(value, path: path, known: TripReader.openKeys) else { return nil }
        var weekdays: [Weekday]?
        if let list = array(fields, "days") {
            if list.isEmpty {
                problems.append(.emptyValue(path: fields.path("days"), what: "list weekdays (mon … sun) or leave out days to mean every day"))
            }
            weekdays = []
            for (i, element) in list.enumerated() {
                let entryPath = fields.path("days") + "[\(i)]"
                guard let text = stringValue(element, path: entryPath) else { continue }
                if let day = Weekday(rawValue: text.lowercased()) {
                    weekdays?.append(day)
                } else {
                    problems.append(.badWeekday(path: entryPath, text: text))
                }
            }
        }
        var dates: [LocalDate]?
        if let list = array(fields, "dates") {
            if list.isEmpty {
                problems.append(.emptyValue(path: fields.path("dates"), what: "list dates (YYYY-MM-DD) or leave out dates"))
            }
            dates = []
            for (i, element) in list.enumerated() {
                let entryPath = fields.path("dates") + "[\(i)]"
                if let date = dateValue(element, path: entryPath) {
                    dates?.append(date)
                    datedEntries.append((entryPath, date))
                }
            }
        }
        guard let window = interval(fields, "from", "to") else { return nil }
        return OpeningRule(days: weekdays, dates: dates, from: window.0, to: window.1)
    }

    mutating func readAppointment(_ value: JSONValue, path: String) -> Appointment? {
        guard let fields = object(value, path: path, known: TripReader.appointmentKeys) else { return nil }
        let date = date(fields, "date", required: true)
        if let date { datedEntries.append((fields.path("date"), date)) }
        guard let window = interval(fields, "from", "to"), let date else { return nil }
        return Appointment(date: date, from: window.0, to: window.1)
    }

    mutating func readContact(_ fields: JSONFields, _ key: String) -> Contact? {
        guard let value = fields[key], let contact = object(value, path: fields.path(key), known: TripReader.contactKeys) else {
            return nil
        }
        return Contact(name: string(contact, "name"), phone: string(contact, "phone"), email: string(contact, "email"))
    }

    /// Two required times where the first must come before the second.
    mutating func interval(_ fields: JSONFields, _ startKey: String, _ endKey: String) -> (TimeOfDay, TimeOfDay)? {
        let start = time(fields, startKey, required: true)
        let end = time(fields, endKey, required: true)
        guard let start, let end else { return nil }
        guard start < end else {
            problems.append(.notBefore(path: fields.path, startKey: startKey, start: start, endKey: endKey, end: end))
            return nil
        }
        return (start, end)
    }

    // MARK: Days, lunch, emergency

    mutating func readDay(_ value: JSONValue, path: String) -> TripDay? {
        guard let fields = object(value, path: path, known: TripReader.dayKeys) else { return nil }
        let date = date(fields, "date", required: true)
        let bounds = interval(fields, "start", "end")
        let from = string(fields, "from")
        let to = string(fields, "to")
        if let from { references.append((fields.path("from"), from)) }
        if let to { references.append((fields.path("to"), to)) }
        guard let date, let bounds else { return nil }
        return TripDay(date: date, start: bounds.0, end: bounds.1, from: from.map { Place.ID($0) }, to: to.map { Place.ID($0) })
    }

    mutating func readLunch(_ fields: JSONFields) -> LunchBreak? {
        guard let value = fields["lunch"],
              let lunch = object(value, path: "lunch", known: TripReader.lunchKeys) else { return nil }
        let window = interval(lunch, "from", "to")
        let minutes = int(lunch, "minutes", required: true, range: 1...1440, rule: "lunch lasts more than 0 minutes")
        guard let window, let minutes else { return nil }
        let length = window.1.minutes - window.0.minutes
        guard minutes <= length else {
            problems.append(.lunchTooLong(path: "lunch.minutes", minutes: minutes, window: length))
            return nil
        }
        return LunchBreak(from: window.0, to: window.1, minutes: minutes)
    }

    mutating func readEmergency(_ fields: JSONFields) -> Emergency? {
        guard let value = fields["emergency"],
              let emergency = object(value, path: "emergency", known: TripReader.emergencyKeys) else { return nil }
        return Emergency(phone: string(emergency, "phone"), contact: readContact(emergency, "contact"),
                         notes: string(emergency, "notes"))
    }

    // MARK: Travel

    mutating func readTravel(_ fields: JSONFields) -> TravelSpec {
        var spec = TravelSpec()
        guard let value = fields["travel"],
              let travel = object(value, path: "travel", known: TripReader.travelKeys) else { return spec }
        if let value = travel["minutes"], let rows = object(value, path: "travel.minutes", known: nil) {
            for (from, rowValue) in rows.values.sorted(by: { $0.key < $1.key }) {
                let rowPath = rows.path(from)
                references.append((rowPath, from))
                guard let row = object(rowValue, path: rowPath, known: nil) else { continue }
                for (to, cell) in row.values.sorted(by: { $0.key < $1.key }) {
                    let cellPath = row.path(to)
                    references.append((cellPath, to))
                    if let minutes = intValue(cell, path: cellPath, range: 0...Int.max, rule: "travel takes 0 minutes or more") {
                        spec.minutes[Place.ID(from), default: [:]][Place.ID(to)] = minutes
                    }
                }
            }
        }
        if let value = travel["model"], let model = object(value, path: "travel.model", known: TripReader.modelKeys) {
            let defaults = TravelModelParameters.default
            let detour = number(model, "detourFactor", required: false, expected: "a number such as 1.2")
            let speed = number(model, "speedKmh", required: false, expected: "a number such as 75")
            if let detour, !(1...3).contains(detour) {
                problems.append(.valueOutOfRange(path: model.path("detourFactor"), value: JSONValue.format(detour),
                                                 rule: "road km ÷ straight-line km lies between 1 and 3"))
            }
            if let speed, !(speed > 0 && speed <= 130) {
                problems.append(.valueOutOfRange(path: model.path("speedKmh"), value: JSONValue.format(speed),
                                                 rule: "a coach averages more than 0 and at most 130 km/h"))
            }
            let buffer = int(model, "bufferMinutes", range: 0...240, rule: "the per-leg buffer is 0 to 240 minutes")
            spec.model = TravelModelParameters(detourFactor: detour ?? defaults.detourFactor,
                                               speedKmh: speed ?? defaults.speedKmh,
                                               bufferMinutes: buffer ?? defaults.bufferMinutes)
        }
        if let value = travel["osrm"] { spec.osrm = readOSRM(value) }
        return spec
    }

    mutating func readOSRM(_ value: JSONValue) -> OSRMTable? {
        guard let osrm = object(value, path: "travel.osrm", known: TripReader.osrmKeys) else { return nil }
        var ids: [Place.ID] = []
        var count = 0
        if let list = array(osrm, "places", required: true) {
            count = list.count
            var seen: [String: Int] = [:]
            for (i, element) in list.enumerated() {
                let path = osrm.path("places") + "[\(i)]"
                guard let id = stringValue(element, path: path) else { continue }
                if let first = seen[id] {
                    problems.append(.duplicateEntry(path: path, id: id, firstPath: osrm.path("places") + "[\(first)]"))
                } else {
                    seen[id] = i
                    references.append((path, id))
                }
                ids.append(Place.ID(id))
            }
        }
        var source = osrm
        if let file = string(osrm, "file") {
            if osrm["durations"] != nil { problems.append(.osrmTwoSources(path: "travel.osrm")) }
            guard let loaded = loadOSRMFile(file) else { return nil }
            source = loaded
        }
        let durations = matrix(source, "durations", required: true, size: count)
        let distances = matrix(source, "distances", required: false, size: count)
        guard let durations else { return nil }
        return OSRMTable(places: ids, durations: durations, distances: distances)
    }

    /// OSRM's saved answer, as fields whose paths read `NAME: durations[2]`.
    mutating func loadOSRMFile(_ file: String) -> JSONFields? {
        let path = "travel.osrm.file"
        guard let loadFile else {
            problems.append(.osrmFile(path: path, file: file, reason: "can only be read when the trip is loaded from a file"))
            return nil
        }
        let data: Data
        do {
            data = try loadFile(file)
        } catch {
            problems.append(.osrmFile(path: path, file: file, reason: error.reason))
            return nil
        }
        let root: JSONValue
        do {
            root = try JSONValue(parsing: data)
        } catch {
            problems.append(.osrmFile(path: path, file: file, reason: "is not valid JSON (\(error.description))"))
            return nil
        }
        guard case let .object(members) = root else {
            problems.append(.osrmFile(path: path, file: file, reason: "is not an OSRM table answer (expected an object)"))
            return nil
        }
        var values: [String: JSONValue] = [:]
        for member in members where values[member.key] == nil { values[member.key] = member.value }
        if case let .string(code)? = values["code"], code != "Ok" {
            problems.append(.osrmFile(path: path, file: file, reason: "is an OSRM error answer (code \"\(code)\")"))
            return nil
        }
        return JSONFields(path: file + ":", values: values)
    }

    /// A square matrix of non-negative numbers or nulls, `size` × `size`.
    mutating func matrix(_ fields: JSONFields, _ key: String, required: Bool, size: Int) -> [[Double?]]? {
        let path = fields.path.hasSuffix(":") ? fields.path + " " + key : fields.path(key)
        guard let value = fields[key] else {
            if required { problems.append(.missingField(path: path, expected: "an array of rows of seconds, as in OSRM's answer")) }
            return nil
        }
        guard case let .array(rows) = value else {
            problems.append(.wrongType(path: path, expected: "an array of rows", found: value.summary))
            return nil
        }
        if rows.count != size { problems.append(.matrixSize(path: path, found: rows.count, expected: size)) }
        var result: [[Double?]] = []
        for (i, rowValue) in rows.enumerated() {
            let rowPath = path + "[\(i)]"
            guard case let .array(cells) = rowValue else {
                problems.append(.wrongType(path: rowPath, expected: "an array of numbers", found: rowValue.summary))
                continue
            }
            if cells.count != size { problems.append(.matrixSize(path: rowPath, found: cells.count, expected: size)) }
            var row: [Double?] = []
            for (j, cell) in cells.enumerated() {
                switch cell {
                case .null: row.append(nil)
                case let .number(n) where n >= 0 && n < 1e15: row.append(n)
                case let .number(n):
                    problems.append(.valueOutOfRange(path: rowPath + "[\(j)]", value: JSONValue.format(n),
                                                     rule: "use 0 or more (less than 10^15), or null for no route"))
                default:
                    problems.append(.wrongType(path: rowPath + "[\(j)]", expected: "a number or null", found: cell.summary))
                }
            }
            result.append(row)
        }
        return result
    }

    // MARK: Typed fields

    /// The object's members; reports a wrong type, duplicate keys, and unknown keys (as warnings).
    /// - Parameter known: nil when keys are data (place ids), not field names.
    mutating func object(_ value: JSONValue, path: String, known: [String]?, expected: String = "an object") -> JSONFields? {
        guard case let .object(members) = value else {
            problems.append(.wrongType(path: path, expected: expected, found: value.summary))
            return nil
        }
        var values: [String: JSONValue] = [:]
        for member in members {
            let memberPath = path.isEmpty ? member.key : path + "." + member.key
            if values[member.key] != nil {
                problems.append(.duplicateKey(path: memberPath, key: member.key))
                continue
            }
            values[member.key] = member.value
            if let known, !known.contains(member.key) {
                warnings.append(.unknownKey(path: memberPath, key: member.key, suggestion: closest(to: member.key, in: known)))
            }
        }
        return JSONFields(path: path, values: values)
    }

    /// The field's value; a missing required field is a problem naming what to add.
    mutating func field(_ fields: JSONFields, _ key: String, required: Bool, expected: String) -> JSONValue? {
        let value = fields[key]
        if value == nil, required { problems.append(.missingField(path: fields.path(key), expected: expected)) }
        return value
    }

    mutating func array(_ fields: JSONFields, _ key: String, required: Bool = false) -> [JSONValue]? {
        guard let value = field(fields, key, required: required, expected: "an array") else { return nil }
        guard case let .array(elements) = value else {
            problems.append(.wrongType(path: fields.path(key), expected: "an array", found: value.summary))
            return nil
        }
        return elements
    }

    mutating func string(_ fields: JSONFields, _ key: String, required: Bool = false, expected: String = "a string",
                         nonEmpty: String? = nil) -> String? {
        guard let value = field(fields, key, required: required, expected: expected),
              let text = stringValue(value, path: fields.path(key)) else { return nil }
        if let nonEmpty, text.trimmingCharacters(in: .whitespaces).isEmpty {
            problems.append(.emptyValue(path: fields.path(key), what: nonEmpty))
            return nil
        }
        return text
    }

    mutating func stringValue(_ value: JSONValue, path: String) -> String? {
        guard case let .string(text) = value else {
            problems.append(.wrongType(path: path, expected: "a string", found: value.summary))
            return nil
        }
        return text
    }

    mutating func bool(_ fields: JSONFields, _ key: String) -> Bool? {
        guard let value = fields[key] else { return nil }
        guard case let .bool(flag) = value else {
            problems.append(.wrongType(path: fields.path(key), expected: "true or false", found: value.summary))
            return nil
        }
        return flag
    }

    mutating func number(_ fields: JSONFields, _ key: String, required: Bool, expected: String) -> Double? {
        guard let value = field(fields, key, required: required, expected: expected) else { return nil }
        guard case let .number(n) = value else {
            problems.append(.wrongType(path: fields.path(key), expected: expected, found: value.summary))
            return nil
        }
        return n
    }

    mutating func int(_ fields: JSONFields, _ key: String, required: Bool = false, range: ClosedRange<Int>, rule: String) -> Int? {
        guard let value = field(fields, key, required: required, expected: "a whole number") else { return nil }
        return intValue(value, path: fields.path(key), range: range, rule: rule)
    }

    mutating func intValue(_ value: JSONValue, path: String, range: ClosedRange<Int>, rule: String) -> Int? {
        guard case let .number(n) = value, n.rounded() == n else {
            problems.append(.wrongType(path: path, expected: "a whole number", found: value.summary))
            return nil
        }
        // Past 10^15 a JSON number no longer holds every whole number exactly.
        guard abs(n) < 1e15 else {
            let bound = range.upperBound < 1_000_000_000_000_000 ? "" : ", and less than 10^15"
            problems.append(.valueOutOfRange(path: path, value: JSONValue.format(n), rule: rule + bound))
            return nil
        }
        let whole = Int(n)
        guard range.contains(whole) else {
            problems.append(.valueOutOfRange(path: path, value: String(whole), rule: rule))
            return nil
        }
        return whole
    }

    mutating func time(_ fields: JSONFields, _ key: String, required: Bool) -> TimeOfDay? {
        guard let value = field(fields, key, required: required, expected: "a time such as \"09:00\"") else { return nil }
        return parsed(value, path: fields.path(key), as: "a time as a string such as \"09:00\"", TimeOfDay.init(parsing:)) {
            .badTime(path: fields.path(key), text: $0)
        }
    }

    mutating func date(_ fields: JSONFields, _ key: String, required: Bool) -> LocalDate? {
        guard let value = field(fields, key, required: required, expected: "a date such as \"2023-05-27\"") else { return nil }
        return dateValue(value, path: fields.path(key))
    }

    mutating func dateValue(_ value: JSONValue, path: String) -> LocalDate? {
        parsed(value, path: path, as: "a date as a string such as \"2023-05-27\"", LocalDate.init(iso:)) {
            .badDate(path: path, text: $0)
        }
    }

    /// A string parsed into a value; a wrong type or unparsable text is a problem.
    mutating func parsed<T>(_ value: JSONValue, path: String, as expected: String, _ parse: (String) -> T?,
                            problem: (String) -> TripProblem) -> T? {
        guard case let .string(text) = value else {
            problems.append(.wrongType(path: path, expected: expected, found: value.summary))
            return nil
        }
        guard let result = parse(text) else {
            problems.append(problem(text))
            return nil
        }
        return result
    }
}

/// The candidate closest to `text` by edit distance (ignoring case), when it is close enough to be a typo.
func closest(to text: String, in candidates: [String]) -> String? {
    let lowered = Array(text.lowercased())
    guard !lowered.isEmpty else { return nil }
    var best: (candidate: String, distance: Int)?
    for candidate in candidates {
        let distance = editDistance(lowered, Array(candidate.lowercased()))
        if distance < (best?.distance ?? Int.max) { best = (candidate, distance) }
    }
    guard let best else { return nil }
    let allowed = max(1, min(3, (max(lowered.count, best.candidate.count) + 2) / 4))
    return best.distance <= allowed && best.distance < lowered.count ? best.candidate : nil
}

/// Edit distance over characters, counting a swap of two neighbours as one edit
/// (optimal string alignment), since `opne` for `open` is the commonest typo.
func editDistance(_ a: [Character], _ b: [Character]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    let width = b.count + 1
    var d = [Int](repeating: 0, count: (a.count + 1) * width)
    for i in 0...a.count { d[i * width] = i }
    for j in 0...b.count { d[j] = j }
    for i in 1...a.count {
        for j in 1...b.count {
            let cost = a[i - 1] == b[j - 1] ? 0 : 1
            var best = min(d[(i - 1) * width + j] + 1, d[i * width + j - 1] + 1, d[(i - 1) * width + j - 1] + cost)
            if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                best = min(best, d[(i - 2) * width + j - 2] + 1)
            }
            d[i * width + j] = best
        }
    }
    return d[a.count * width + b.count]
}
