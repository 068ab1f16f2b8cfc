import Foundation
import TripPlanKit

/// `tripplan-bench quality`: generated multi-day trips against a file of best-known answers.
///
/// The scale benchmark's reference is a longer run of the same search, made afresh each time. This one
/// keeps the best answers ever found (by any run, with any seed or limit) in a plain text file, so that
/// a held-out set of trips — seeds never used while tuning — can be judged against stronger references,
/// and so that a long run can raise the bar for later ones (`--update`).
struct QualityBenchmark: Command {
    static let name = "quality"
    static let abstract = "Plan generated trips and compare each with the best answer known for it."
    static let usage = "tripplan-bench quality [--sizes <list>] [--seeds <a-b>] [--budget <seconds> | --no-limit] [--search-seed <n>] [--jobs <n>] [--no-lunch] [--best <file>] [--update] [--plans <folder>] [--csv <file>]"
    static let discussion = """
        OPTIONS:
          --sizes <list>          Places per trip, comma-separated (default 25,50,100,200).
          --seeds <a-b>           The generated trips' seeds, a range (default 101-110: the held-out
                                  set; tuning used seeds 1-32).
          --budget <seconds>      The time limit of each search (default 1).
          --no-limit              No time limit: the deterministic search that 'tripplan create'
                                  runs by default.
          --search-seed <n>       The seed of the search itself (default 1).
          --jobs <n>              Searches side by side, each on its own thread with its own
                                  seed (default: one per processor core, at most 8, with a
                                  time limit; two without). 1: one core.
          --no-lunch              Plan the trips without their lunch break, as the instances
                                  for an outside solver are written ('instances --no-lunch');
                                  needs --best (best-known.txt is for the trips with lunch).
          --best <file>           Best-known answers, lines 'size seed required score travel'
                                  (default Benchmarks/best-known.txt).
          --update                Write back any answer better than the one on file.
          --plans <folder>        Also write each plan as itinerary JSON, '<size>-<seed>.json'.
          --csv <file>            Also write the table as CSV.

        A plan 'meets' the best known when it has at least its required visits and optional
        score and, when equal, travel within 1 % of it. Every plan is checked by the bench's own
        code (PlanCheck); an infeasible plan fails the run, as does one that misses the best known.
        """
    static let spec = ArgumentSpec(flags: ["--update", "--no-limit", "--no-lunch"], options: ["--sizes", "--seeds", "--budget", "--search-seed", "--jobs", "--best", "--plans", "--csv"])

    struct Known: Equatable {
        var required: Int, score: Int, travel: Int
        /// Better in the scheduler's order: required visits, then score, then less travel.
        func isBetter(than other: Known) -> Bool {
            (required, score, -travel) > (other.required, other.score, -other.travel)
        }

        /// Whether this answer meets `best`: at least its required visits and optional score and, when
        /// both are equal, travel within 1 % of it; with the travel gap in per cent when both are equal.
        func meets(_ best: Known) -> (meets: Bool, gap: Double?) {
            if (required, score) != (best.required, best.score) {
                return ((required, score) > (best.required, best.score), nil)
            }
            let gap = best.travel > 0 ? Double(travel - best.travel) / Double(best.travel) * 100 : 0
            return (gap <= 1, gap)
        }
    }

    static func run(_ arguments: ParsedArguments, console: Console) throws -> Int32 {
        let noLimit = arguments.flag("--no-limit")
        if noLimit && arguments.option("--budget") != nil {
            throw UsageError("Give either '--budget <seconds>' or '--no-limit', not both.")
        }
        let budget: Double? = noLimit ? nil : try BenchOptions.budget(arguments) ?? 1
        let searchSeed = try BenchOptions.integer(arguments, "--search-seed", default: 1, range: 0...Int(Int32.max))
        let options = SchedulerOptions(timeLimit: budget, seed: UInt64(searchSeed), jobs: try BenchOptions.jobs(arguments))
        let sizes = try BenchOptions.sizes(arguments)
        let seeds = try BenchOptions.seedRange(arguments, default: "101-110")
        let (first, last) = (seeds.lowerBound, seeds.upperBound)
        let noLunch = arguments.flag("--no-lunch")
        if noLunch && arguments.option("--best") == nil {
            // Benchmarks/best-known.txt holds answers for the trips with lunch; --update would mix the two.
            throw UsageError("With '--no-lunch' give the answers to compare with: '--best <file>' (Benchmarks/best-known.txt is for the trips with lunch).")
        }
        let path = arguments.option("--best") ?? "Benchmarks/best-known.txt"
        var known = try readKnown(path)

        console.out("Quality: generated trips, seeds \(first)–\(last), \(budget.map { "budget \($0) s" } ?? "no time limit"), search seed \(searchSeed), \(BenchOptions.jobsText(options))\(noLunch ? ", without the lunch break" : ""); best known from \(path).\n\n")
        var table = TextTable([("places", 6, true), ("seed", 4, true), ("required", 8, true), ("score", 5, true), ("travel", 6, true),
                               ("ms", 5, true), ("feasible", 8, false), ("best req", 8, true), ("best score", 10, true),
                               ("best travel", 11, true), ("gap %", 6, true), ("meets", 5, false)])
        console.out(table.header())
        var infeasible = 0, behind = 0, rows = 0, updated = 0
        // Per size: the trips judged against a best-known answer, and those that meet it.
        var judged: [Int: (trips: Int, meet: Int)] = [:]
        var gaps: [Double] = []
        let clock = ContinuousClock()
        for size in sizes {
            for seed in first...last {
                var trip = TripGenerator.scaleTrip(size: size, seed: seed)
                if noLunch { trip.lunch = nil }
                let travel = TravelModel.matrix(for: trip)
                let started = clock.now
                let itinerary = Scheduler.plan(trip, travel: travel, options: options)
                let ms = Figures.milliseconds(clock.now - started)
                let verdict = PlanCheck.check(itinerary, trip: trip, travel: travel)
                if let folder = arguments.option("--plans") {
                    do {
                        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                        try FileStore.writeAtomically(itinerary.jsonData(), to: (folder as NSString).appendingPathComponent("\(size)-\(seed).json"))
                    } catch {
                        throw CommandFailure("cannot write the plan \(size)-\(seed) to \(folder); check the path and its permissions")
                    }
                }
                let mine = Known(required: verdict.requiredVisits, score: verdict.score, travel: verdict.travelMinutes)
                let key = "\(size) \(seed)"
                let best = known[key]
                var gapText = "-", meets = "-"
                if verdict.feasible, let best {
                    let judged = mine.meets(best)
                    meets = judged.meets ? "yes" : "NO"
                    if let gap = judged.gap {
                        gaps.append(gap)
                        gapText = Figures.fixed(gap, 2)
                    }
                }
                if !verdict.feasible { infeasible += 1 }
                if meets == "NO" { behind += 1 }
                if best != nil {
                    judged[size, default: (0, 0)].trips += 1
                    if meets == "yes" { judged[size, default: (0, 0)].meet += 1 }
                }
                if verdict.feasible, best.map({ mine.isBetter(than: $0) }) ?? true {
                    known[key] = mine
                    updated += 1
                }
                rows += 1
                console.out(table.add([String(size), String(seed), "\(mine.required)/\(verdict.requiredTotal)", String(mine.score),
                                       String(mine.travel), Figures.fixed(ms, 0), verdict.feasible ? "yes" : "NO",
                                       best.map { String($0.required) } ?? "-", best.map { String($0.score) } ?? "-",
                                       best.map { String($0.travel) } ?? "-", gapText, meets]))
                for problem in verdict.problems.prefix(3) { console.out("    ↳ " + problem + "\n") }
            }
        }
        let meanGap = gaps.isEmpty ? 0 : gaps.reduce(0, +) / Double(gaps.count)
        console.out("\n\(rows) trips: \(infeasible) infeasible, \(behind) behind the best known; mean travel gap \(Figures.fixed(meanGap, 3)) % over \(gaps.count) with equal visits.\n")
        if !judged.isEmpty {
            // Each size once, in the order given (a size given twice counts its trips twice).
            let distinct = sizes.enumerated().filter { sizes.firstIndex(of: $0.element) == $0.offset }.map(\.element)
            let bySize = distinct.compactMap { size in judged[size].map { "\(size) places \($0.meet) of \($0.trips)" } }
            console.out("Meet the best known: \(bySize.joined(separator: " · ")).\n")
        }
        try BenchOptions.writeCSV(table, to: arguments.option("--csv"), console: console)
        if arguments.flag("--update") && updated > 0 {
            try writeKnown(known, to: path)
            console.out("\(updated) best-known answer(s) written to \(path).\n")
        }
        if infeasible > 0 || behind > 0 {
            console.err("Error: \(infeasible) plan(s) infeasible, \(behind) behind the best known (see the rows marked NO).\n")
            return ExitCode.failure
        }
        return ExitCode.success
    }

    static func readKnown(_ path: String) throws(CommandFailure) -> [String: Known] {
        guard FileManager.default.fileExists(atPath: path) else { return [:] }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw CommandFailure("cannot read \(path); check that it is a readable text file")
        }
        var known: [String: Known] = [:]
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let fields = trimmed.split(separator: " ", omittingEmptySubsequences: true).compactMap { Int($0) }
            guard fields.count == 5 else {
                throw CommandFailure("\(path):\(number + 1): expected 'size seed required score travel', found '\(trimmed)'")
            }
            known["\(fields[0]) \(fields[1])"] = Known(required: fields[2], score: fields[3], travel: fields[4])
        }
        return known
    }

    static func writeKnown(_ known: [String: Known], to path: String) throws(CommandFailure) {
        let keys = known.keys.sorted { a, b in
            let x = a.split(separator: " ").compactMap { Int($0) }, y = b.split(separator: " ").compactMap { Int($0) }
            return x.lexicographicallyPrecedes(y)
        }
        var text = "# Best-known answers for tripplan-bench's generated trips: size seed required score travel.\n"
        text += "# Kept by 'tripplan-bench quality --update'; a line changes only when a plan checked feasible beats it.\n"
        for key in keys {
            let k = known[key]!
            text += "\(key) \(k.required) \(k.score) \(k.travel)\n"
        }
        do {
            try FileStore.writeAtomically(Data(text.utf8), to: path)
        } catch {
            throw CommandFailure(error.description)
        }
    }
}
