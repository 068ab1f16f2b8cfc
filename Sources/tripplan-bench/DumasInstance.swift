import Foundation
import TripPlanKit

/// One Dumas TSPTW instance as read from its file (see ../shared/bench-data/README.md).
///
/// `c[i * nodes + j]` already includes the service time at i; node 0 is the depot and its window is the
/// planning horizon.
struct DumasInstance: Sendable {
    var name: String
    /// Nodes including the depot.
    var nodes: Int
    var c: [Int]
    var earliest: [Int]
    var latest: [Int]

    /// Customers, the `n` of the file name (`n20w40` has 21 nodes).
    var customers: Int { nodes - 1 }
    /// `n20w40.001.txt` → `n20`.
    var sizeGroup: String { String(name.prefix { $0 != "w" }) }

    func cost(_ i: Int, _ j: Int) -> Int { c[i * nodes + j] }

    /// Place id of node i in the trip the instance is mapped onto.
    static func placeID(_ node: Int) -> Place.ID { Place.ID("n\(node)") }

    static func node(of id: Place.ID) -> Int? {
        guard id.rawValue.hasPrefix("n") else { return nil }
        return Int(id.rawValue.dropFirst())
    }
}

/// A Dumas file or `optima.csv` that cannot be read.
enum DumasError: Error, Equatable, CustomStringConvertible {
    case missingFolder(path: String)
    case malformed(file: String, detail: String)
    case noOptimum(file: String, optima: String)

    var description: String {
        switch self {
        case let .missingFolder(path):
            return "\(path): no such folder; give the folder of the Dumas TSPTW files (the one holding optima.csv), e.g. 'tripplan-bench dumas ../shared/bench-data/tsptw-dumas'"
        case let .malformed(file, detail):
            return "\(file): \(detail); the file should hold N, then an N×N matrix, then N lines 'earliest latest'"
        case let .noOptimum(file, optima):
            return "\(optima): no optimum for \(file); add a line 'Dumas,\(file),<optimum>,…'"
        }
    }
}

extension DumasInstance {
    /// Parses the text of an instance file: N, the N×N matrix, N windows, an optional `#` comment.
    init(text: String, name: String) throws(DumasError) {
        var numbers: [Int] = []
        for line in text.split(whereSeparator: \.isNewline) {
            if line.first == "#" { break }
            for token in line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }) {
                guard let value = Double(token), value.isFinite, value == value.rounded() else {
                    throw .malformed(file: name, detail: "'\(token)' is not a whole number")
                }
                numbers.append(Int(value))
            }
        }
        guard let n = numbers.first, n >= 2 else {
            throw .malformed(file: name, detail: "the first number (the node count) is missing or below 2")
        }
        let needed = 1 + n * n + 2 * n
        guard numbers.count >= needed else {
            throw .malformed(file: name, detail: "\(numbers.count) numbers for \(n) nodes, \(needed) expected")
        }
        self.name = name
        self.nodes = n
        self.c = Array(numbers[1..<(1 + n * n)])
        let windows = numbers[(1 + n * n)..<needed]
        self.earliest = stride(from: windows.startIndex, to: windows.endIndex, by: 2).map { windows[$0] }
        self.latest = stride(from: windows.startIndex + 1, to: windows.endIndex, by: 2).map { windows[$0] }
        for i in 0..<n where earliest[i] > latest[i] || earliest[i] < 0 || latest[i] > 24 * 60 {
            throw .malformed(file: name, detail: "node \(i)'s window \(earliest[i])–\(latest[i]) is not within one day (0–1440 min, earliest ≤ latest)")
        }
    }

    /// Reads `optima.csv`: instance file name → optimal total travel time.
    static func optima(csv text: String) -> [String: Int] {
        var result: [String: Int] = [:]
        for line in text.split(whereSeparator: \.isNewline).dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            guard fields.count >= 3, let value = Int(fields[2].trimmingCharacters(in: .whitespaces)) else { continue }
            result[fields[1].trimmingCharacters(in: .whitespaces)] = value
        }
        return result
    }

    /// The instance as a one-day trip, exactly as the bench README maps it.
    ///
    /// Node 0 is `home`; node i is place `n<i>` with `visitMinutes` 0 and one opening interval
    /// [earliest, latest] (minutes after midnight) via `open`; c_ij is `travel.minutes` and, identically,
    /// the `TravelMatrix` handed to the scheduler; the depot's window is the day's start and end.
    func trip(date: LocalDate = LocalDate(year: 2023, month: 5, day: 27)) -> (trip: Trip, travel: TravelMatrix) {
        let ids = (0..<nodes).map(DumasInstance.placeID)
        var places: [Place] = []
        for i in 0..<nodes {
            // Coordinates are never used: every pair's minutes is given.
            var place = Place(id: ids[i], name: i == 0 ? "Depot" : "Node \(i)", lat: 56.95, lon: 24.1, visitMinutes: 0)
            if i > 0 {
                place.open = [OpeningRule(from: TimeOfDay(minutes: earliest[i]), to: TimeOfDay(minutes: latest[i]))]
            }
            places.append(place)
        }
        var minutes: [Place.ID: [Place.ID: Int]] = [:]
        for i in 0..<nodes {
            var row: [Place.ID: Int] = [:]
            for j in 0..<nodes where j != i { row[ids[j]] = cost(i, j) }
            minutes[ids[i]] = row
        }
        let day = TripDay(date: date, start: TimeOfDay(minutes: earliest[0]), end: TimeOfDay(minutes: latest[0]),
                          from: ids[0], to: ids[0])
        let trip = Trip(title: name, home: ids[0], places: places, days: [day], visit: Array(ids.dropFirst()),
                        travel: TravelSpec(minutes: minutes), language: .en)
        let matrix = TravelMatrix(ids: ids, minutes: c, km: [Double](repeating: 0, count: nodes * nodes))
        return (trip, matrix)
    }
}
