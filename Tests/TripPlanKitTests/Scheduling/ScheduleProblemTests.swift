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
}
