import Testing
@testable import TripPlanKit

/// The calibration of docs/travel-model.md: the default estimate against known coach legs of the Kurzeme trip.
@Suite struct TravelModelTests {
    static let kekava = Place(id: "kekava", name: "Ķekava", lat: 56.8286, lon: 24.2300)
    static let kuldiga = Place(id: "kuldiga", name: "Kuldīga", lat: 56.9683, lon: 21.9700)
    static let aizpute = Place(id: "aizpute", name: "Aizpute", lat: 56.7214, lon: 21.6010)
    static let liepaja = Place(id: "liepaja", name: "Liepāja", lat: 56.5047, lon: 21.0109)

    struct Leg: Sendable, CustomTestStringConvertible {
        var from: Place
        var to: Place
        /// Road km and door-to-door coach minutes from published distances and timetables.
        var km: Double
        var minutes: Int
        /// Allowed error of the estimate, minutes (either way) and km (either way).
        var minuteTolerance: ClosedRange<Int>
        var kmTolerance: Double
        var testDescription: String { "\(from.name)–\(to.name)" }
    }

    static let legs: [Leg] = [
        Leg(from: kekava, to: kuldiga, km: 160, minutes: 130, minuteTolerance: -10...10, kmTolerance: 16),
        Leg(from: kuldiga, to: aizpute, km: 48, minutes: 45, minuteTolerance: -10...10, kmTolerance: 8),
        Leg(from: aizpute, to: liepaja, km: 50, minutes: 45, minuteTolerance: -10...10, kmTolerance: 8),
        // On the A9 the coach keeps 90 km/h; the estimate is knowingly slow (safe) here.
        Leg(from: liepaja, to: kekava, km: 220, minutes: 165, minuteTolerance: 0...30, kmTolerance: 25),
    ]

    @Test(arguments: legs)
    func defaultEstimateIsCloseToTheReference(_ leg: Leg) {
        let estimate = TravelModel.estimate(from: leg.from, to: leg.to, parameters: .default)
        #expect(leg.minuteTolerance.contains(estimate.minutes - leg.minutes), "estimated \(estimate.minutes) min, reference \(leg.minutes)")
        #expect(abs(estimate.km - leg.km) <= leg.kmTolerance, "estimated \(estimate.km) km, reference \(leg.km)")
    }

    @Test func greatCircleOfKnownArcs() {
        // One degree along a meridian is 2πR/360 = 111.195 km; along the 60th parallel a degree of
        // longitude spans half as much as at the equator, and the great circle is slightly shorter.
        #expect(abs(TravelModel.greatCircleKm(lat1: 56, lon1: 24, lat2: 57, lon2: 24) - 111.195) < 0.01)
        #expect(abs(TravelModel.greatCircleKm(lat1: 0, lon1: 0, lat2: 0, lon2: 1) - 111.195) < 0.01)
        let parallel = TravelModel.greatCircleKm(lat1: 60, lon1: 0, lat2: 60, lon2: 1)
        #expect(parallel < 111.195 / 2 && parallel > 55.5)
    }

    @Test func estimateRoundsDrivingUpAndAddsTheBuffer() {
        let p = TravelModelParameters(detourFactor: 1, speedKmh: 60, bufferMinutes: 7)
        let b = Place(id: "b", name: "B", lat: 56.8286 + 0.1, lon: 24.23)
        let (minutes, km) = TravelModel.estimate(from: Self.kekava, to: b, parameters: p)
        #expect(abs(km - 11.12) < 0.01)
        #expect(minutes == 12 + 7)
    }

    static func trip(travel: TravelSpec) -> Trip {
        Trip(title: "T", home: "kekava", places: [kekava, kuldiga, aizpute],
             days: [TripDay(date: LocalDate(year: 2023, month: 5, day: 27), start: TimeOfDay(hour: 7, minute: 30),
                            end: TimeOfDay(hour: 21, minute: 0))],
             travel: travel)
    }

    @Test func travelMinutesOverrideExactly() {
        let matrix = TravelModel.matrix(for: Self.trip(travel: TravelSpec(minutes: ["kekava": ["kuldiga": 123]])))
        #expect(matrix.minutes(from: "kekava", to: "kuldiga") == 123)
        // Only the pair given: the way back is still estimated.
        #expect(matrix.minutes(from: "kuldiga", to: "kekava") == 135)
        #expect(matrix.minutes(from: "kekava", to: "kekava") == 0)
    }

    @Test func osrmDurationsAndDistancesAreUsed() {
        let osrm = OSRMTable(places: ["kuldiga", "aizpute"],
                             durations: [[0, 2401], [2390, 0]],
                             distances: [[0, 47_900], [nil, 0]])
        let matrix = TravelModel.matrix(for: Self.trip(travel: TravelSpec(osrm: osrm)))
        // 2401 s → 41 min (rounded up) + 10 min buffer.
        #expect(matrix.minutes(from: "kuldiga", to: "aizpute") == 51)
        #expect(matrix.minutes(from: "aizpute", to: "kuldiga") == 40 + 10)
        #expect(matrix.km(from: "kuldiga", to: "aizpute") == 47.9)
        // No distance from the router: the estimate's km.
        let estimated = TravelModel.estimate(from: Self.aizpute, to: Self.kuldiga, parameters: .default).km
        #expect(matrix.km(from: "aizpute", to: "kuldiga") == estimated)
        // Pairs outside the table are estimated.
        #expect(matrix.minutes(from: "kekava", to: "kuldiga") == 135)
    }

    @Test func exactMinutesWinOverOSRM() {
        let osrm = OSRMTable(places: ["kuldiga", "aizpute"], durations: [[0, 2401], [2390, 0]])
        let matrix = TravelModel.matrix(for: Self.trip(travel: TravelSpec(minutes: ["kuldiga": ["aizpute": 44]], osrm: osrm)))
        #expect(matrix.minutes(from: "kuldiga", to: "aizpute") == 44)
    }

    @Test func modelParametersFromTheFileAreUsed() {
        let slow = TravelModelParameters(detourFactor: 1.2, speedKmh: 40, bufferMinutes: 0)
        let matrix = TravelModel.matrix(for: Self.trip(travel: TravelSpec(model: slow)))
        let km = TravelModel.greatCircleKm(lat1: 56.9683, lon1: 21.97, lat2: 56.7214, lon2: 21.601) * 1.2
        #expect(matrix.minutes(from: "kuldiga", to: "aizpute") == Int((km / 40 * 60).rounded(.up)))
    }
}
