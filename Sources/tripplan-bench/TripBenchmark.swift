import Foundation
import TripPlanKit

/// `tripplan-bench trip FILE…`: plans trip files and reports time, visits and travel.
struct TripBenchmark: Command, FlexiblePositionals {
    static let name = "trip"
    static let abstract = "Plan trip files and report time, visits and travel."
    static let usage = "tripplan-bench trip <file> ... [--budget <seconds>] [--csv <file>]"
    static let discussion = """
        ARGUMENTS:
          <file>                Trip files (tripplan/1 JSON), e.g. itineraries/kurzeme-2023.json.

        OPTIONS:
          --budget <seconds>    Time limit of each search. Without it the search is deterministic.
          --csv <file>          Also write the table as CSV.

        Time is the scheduler alone (reading the file and the travel matrix are not counted).
        Every plan is checked by the bench's own code against the trip's opening hours, day
        bounds and travel times; an infeasible plan is marked NO and the exit code is 1.
        Without --budget each trip is planned twice and 'same bytes' says whether the two
        itineraries' JSON is identical (the search must be deterministic); NO is a failure too.
        """
    static let spec = ArgumentSpec(options: ["--budget", "--csv"], positionals: ["file"])
    static let positionalCount = 1...Int.max

    static func run(_ arguments: ParsedArguments, console: Console) throws -> Int32 {
        let budget = try BenchOptions.budget(arguments)
        try PlanCheck.selfCheck()
        var table = TextTable([("trip", 28, false), ("places", 6, true), ("days", 4, true), ("visits", 7, true),
                               ("required", 8, true), ("score", 5, true), ("travel min", 10, true),
                               ("feasible", 8, false), ("time ms", 8, true), ("same bytes", 10, false)])
        var trips: [LoadedTrip] = []
        for path in arguments.positionals {
            do { trips.append(try TripStore.load(path)) } catch { throw CommandFailure(error.description) }
        }
        console.out(table.header())
        var failures = 0
        for loaded in trips {
            let (row, verdict) = measure(loaded.trip, budget: budget)
            console.out(table.add([loaded.path] + row))
            if !verdict.feasible || row.last == "NO" {
                failures += 1
                console.out("    ↳ " + verdict.problems.prefix(5).joined(separator: "\n    ↳ ") + "\n")
            }
        }
        try BenchOptions.writeCSV(table, to: arguments.option("--csv"), console: console)
        if failures > 0 {
            console.err("Error: \(failures) plan(s) infeasible or not deterministic (see the rows marked NO).\n")
            return ExitCode.failure
        }
        return ExitCode.success
    }

    /// Plans once; the row after the trip's name, and the checker's verdict.
    static func measure(_ trip: Trip, budget: Double?) -> ([String], PlanVerdict) {
        let travel = TravelModel.matrix(for: trip)
        let clock = ContinuousClock()
        let started = clock.now
        let itinerary = Scheduler.plan(trip, travel: travel, options: SchedulerOptions(timeLimit: budget))
        let milliseconds = Figures.milliseconds(clock.now - started)
        let verdict = PlanCheck.check(itinerary, trip: trip, travel: travel)
        var same = "-"
        if budget == nil {
            let again = Scheduler.plan(trip, travel: travel, options: SchedulerOptions())
            same = again.jsonData() == itinerary.jsonData() ? "yes" : "NO"
        }
        let toVisit = trip.visit ?? PlanCheck.defaultVisits(trip)
        return ([String(toVisit.count), String(trip.days.count), "\(verdict.visits)/\(toVisit.count)",
                 "\(verdict.requiredVisits)/\(verdict.requiredTotal)", String(verdict.score), String(verdict.travelMinutes),
                 verdict.feasible ? "yes" : "NO", Figures.fixed(milliseconds, 1), same], verdict)
    }
}
