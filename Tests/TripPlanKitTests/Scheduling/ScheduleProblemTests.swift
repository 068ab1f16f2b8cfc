import Testing
@testable import TripPlanKit

@Suite struct ScheduleProblemTests {
    /// `obeysTriangleInequality` (a branch-free scan over a dense copy of the legs) must agree with a plain
    /// search for a detour faster than a direct leg, over the trip's endpoints and visits.
    @Test func triangleCheckMatchesAPlainSearch() {
        var r = TestRandom(state: 9)
        var holds = 0, broken = 0
        for _ in 0..<300 {
            let (trip, planar) = SchedTest.randomTrip(&r, maxVisits: 9)
            // A planar matrix obeys the inequality; lengthening one leg may break it.
            var minutes = planar.minutes
            let n = planar.ids.count
            if r.chance(60) {
                let a = r.int(0...(n - 1)), b = r.int(0...(n - 1))
                if a != b { minutes[a * n + b] += r.int(0...90) }
            }
            let p = ScheduleProblem(trip: trip, travel: TravelMatrix(ids: planar.ids, minutes: minutes, km: planar.km))
            let nodes = Set(p.visitNode).union(p.dayFrom).union(p.dayTo)
            var expected = true
            for a in nodes {
                for b in nodes where b != a {
                    for c in nodes where c != a && c != b && p.minutes(a, b) + p.minutes(b, c) < p.minutes(a, c) {
                        expected = false
                    }
                }
            }
            #expect(p.obeysTriangleInequality == expected, "\(nodes.sorted()) \(minutes)")
            if expected { holds += 1 } else { broken += 1 }
        }
        #expect(holds > 30 && broken > 30)
    }

    /// The search reads legs from 32-bit copies (`minutes`, and `detour` from the copy by destination): they
    /// must give the travel matrix's minutes exactly, on asymmetric legs too.
    @Test func legsAndDetoursMatchTheTravelMatrix() {
        var r = TestRandom(state: 17)
        for _ in 0..<50 {
            let (trip, planar) = SchedTest.randomTrip(&r, maxVisits: 9)
            let n = planar.ids.count
            let minutes = planar.minutes.enumerated().map { $0.offset / n == $0.offset % n ? 0 : $0.element + r.int(0...40) }
            let matrix = TravelMatrix(ids: planar.ids, minutes: minutes, km: planar.km)
            let p = ScheduleProblem(trip: trip, travel: matrix)
            for a in 0..<n {
                for b in 0..<n {
                    #expect(p.minutes(a, b) == matrix.minutes(a, b))
                    for x in 0..<n {
                        #expect(p.detour(a, x, b) == matrix.minutes(a, x) + matrix.minutes(x, b) - matrix.minutes(a, b))
                    }
                }
            }
        }
    }

    /// A leg longer than 32 bits hold (over 4,000 years; trip files allow up to 2^53 minutes) reads as the
    /// longest the search's copy holds: still longer than any day, so such a leg stays impossible.
    @Test func aLegBeyond32BitsStaysLongerThanAnyDay() {
        let ids: [Place.ID] = ["home", "far"]
        let minutes = [0, 1 << 40, 1 << 40, 0]
        let places = [Place(id: "home", name: "Home", lat: 0, lon: 0), Place(id: "far", name: "Far", lat: 0, lon: 0)]
        let trip = Trip(title: "Far", home: "home", places: places,
                        days: [TripDay(date: LocalDate(year: 2024, month: 6, day: 3), start: SchedTest.time(0), end: SchedTest.time(23 * 60))])
        let p = ScheduleProblem(trip: trip, travel: TravelMatrix(ids: ids, minutes: minutes, km: [0, 1, 1, 0]))
        #expect(p.minutes(0, 1) == Int(Int32.max) && p.minutes(1, 0) == Int(Int32.max))
        #expect(p.arrival(day: 0, [0]) == ScheduleProblem.never)
    }
}
