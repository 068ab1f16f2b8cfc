import Foundation
import TripPlanKit

/// `tripplan-bench exact12`: generated 12-visit days, solve time and optimality against Held–Karp.
struct Exact12Benchmark: Command {
    static let name = "exact12"
    static let abstract = "Time 12-visit one-day solves and verify optimality against a Held–Karp DP."
    static let usage = "tripplan-bench exact12 [--trips <n>] [--visits <n>] [--seed <n>] [--csv <file>]"
    static let discussion = """
        OPTIONS:
          --trips <n>     How many generated days (default 10, seeds <seed>, <seed>+1, …).
          --visits <n>    Places per day (default 12; at most 16).
          --seed <n>      First seed (default 1).
          --csv <file>    Also write the table as CSV.

        Each day leaves home at 08:00 and is back by 20:00; the places lie within ~20 km, with
        opening hours of every kind (all day, weekdays, split day, short window, appointment) and
        visits of 15–45 min. The scheduler runs without a time limit (deterministic); its plan is
        checked for feasibility and compared with the bench's own Held–Karp DP over subsets with
        time windows (visits, then travel). Targets: optimal, under 100 ms (issue 3).
        The reference's own tour is put through the same checker, so the two cross-check.
        Each day is planned twice: 'same bytes' says whether both itineraries' JSON is identical.
        """
    static let spec = ArgumentSpec(options: ["--trips", "--visits", "--seed", "--csv"])

    static func run(_ arguments: ParsedArguments, console: Console) throws -> Int32 {
        let count = try BenchOptions.integer(arguments, "--trips", default: 10, range: 1...1000)
        let visits = try BenchOptions.integer(arguments, "--visits", default: 12, range: 1...16)
        let firstSeed = try BenchOptions.seed(arguments)
        try PlanCheck.selfCheck()
        console.out("exact\(visits): \(count) generated one-day trips, \(visits) places each; scheduler without a time limit.\n\n")
        var table = TextTable([("seed", 4, true), ("visits", 6, true), ("ref visits", 10, true), ("travel", 6, true),
                               ("ref travel", 10, true), ("optimal", 7, false), ("feasible", 8, false),
                               ("time ms", 8, true), ("ref ms", 8, true), ("same bytes", 10, false)])
        console.out(table.header())
        var failures = 0
        var times: [Double] = []
        let clock = ContinuousClock()
        for seed in firstSeed..<(firstSeed + UInt64(count)) {
            let trip = TripGenerator.exactTrip(visits: visits, seed: seed)
            let travel = TravelModel.matrix(for: trip)
            let started = clock.now
            let itinerary = Scheduler.plan(trip, travel: travel, options: SchedulerOptions())
            let milliseconds = Figures.milliseconds(clock.now - started)
            times.append(milliseconds)
            let verdict = PlanCheck.check(itinerary, trip: trip, travel: travel)
            let same = Scheduler.plan(trip, travel: travel, options: SchedulerOptions()).jsonData() == itinerary.jsonData()

            let day = trip.days[0]
            let referenceStarted = clock.now
            let reference = HeldKarp.solve(trip: trip, travel: travel, date: day.date, from: trip.home, to: trip.home,
                                           start: day.start.minutes, end: day.end.minutes, candidates: PlanCheck.defaultVisits(trip))
            let referenceMilliseconds = Figures.milliseconds(clock.now - referenceStarted)
            // The reference's own tour must pass the same checker, or one of the two is wrong.
            if let referenceDay = HeldKarp.itineraryDay(order: reference.order, trip: trip, travel: travel, date: day.date,
                                                        from: trip.home, to: trip.home, start: day.start.minutes) {
                let left = Set(PlanCheck.defaultVisits(trip)).subtracting(reference.order).sorted()
                let referencePlan = Itinerary(days: [referenceDay], unscheduled: left.map { .init(place: $0, reason: "reference: left out") })
                let check = PlanCheck.check(referencePlan, trip: trip, travel: travel)
                if !check.feasible || check.travelMinutes != reference.travelMinutes {
                    throw CommandFailure("the reference DP and the checker disagree on seed \(seed): \(check.problems.joined(separator: "; ")); fix Sources/tripplan-bench before trusting any figure")
                }
            } else {
                throw CommandFailure("the reference DP's tour for seed \(seed) does not replay; fix Sources/tripplan-bench/HeldKarp.swift")
            }

            let optimal = verdict.feasible && verdict.requiredVisits == reference.requiredVisits
                && verdict.score == reference.score && verdict.travelMinutes == reference.travelMinutes
            if !optimal || !same { failures += 1 }
            console.out(table.add([String(seed), String(verdict.visits), String(reference.order.count),
                                   String(verdict.travelMinutes), String(reference.travelMinutes),
                                   optimal ? "yes" : "NO", verdict.feasible ? "yes" : "NO",
                                   Figures.fixed(milliseconds, 1), Figures.fixed(referenceMilliseconds, 1), same ? "yes" : "NO"]))
            if !verdict.feasible {
                console.out("    ↳ " + verdict.problems.prefix(3).joined(separator: "\n    ↳ ") + "\n")
            }
        }
        try BenchOptions.writeCSV(table, to: arguments.option("--csv"), console: console)
        console.out("\nSummary: \(count - failures)/\(count) optimal, feasible and deterministic; scheduler time median \(Figures.fixed(Figures.median(times), 1)) ms, max \(Figures.fixed(times.max() ?? 0, 1)) ms (target < 100 ms).\n")
        if failures > 0 {
            console.err("Error: \(failures) of \(count) plans are not optimal, feasible and deterministic (see the rows marked NO).\n")
            return ExitCode.failure
        }
        return ExitCode.success
    }
}
