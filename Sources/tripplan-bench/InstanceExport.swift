import Foundation
import TripPlanKit

/// `tripplan-bench instances`: the generated trips as plain routing instances, for an outside solver.
///
/// The quality benchmark's best-known answers come from runs of tripplan's own scheduler. To compare with a
/// solver that was not written here (`Benchmarks/reference/pyvrp_reference.py` runs PyVRP), the same trips
/// are written out with everything such a solver needs and nothing it would have to interpret: the travel
/// matrix in minutes, each day's endpoints and hours, and per visit the windows in which it fits on each
/// day, read by the bench's own `OpeningHours` (not by the scheduler's code).
struct InstanceExport: Command {
    static let name = "instances"
    static let abstract = "Write generated trips as routing instances (JSON) for an outside solver."
    static let usage = "tripplan-bench instances --out <folder> [--sizes <list>] [--seeds <a-b>] [--no-lunch]"
    static let discussion = """
        OPTIONS:
          --out <folder>          Where to write '<size>-<seed>.json' (created if missing).
          --sizes <list>          Places per trip, comma-separated (default 25,50,100,200).
          --seeds <a-b>           The generated trips' seeds, a range (default 101-110).
          --no-lunch              The trips without their lunch break, as 'quality --no-lunch'
                                  plans them. Routing solvers have no break that is taken
                                  wherever the group happens to be, so compare with them here.

        Each file holds: "nodes" (place ids, the matrix's order), "minutes" (travel matrix, rows
        = from), "days" (from/to node, start/end in minutes after midnight, date), "visits" (node,
        minutes, required, score, and "windows": [day, open, close] triples in which the whole
        visit fits), and "lunch" (null, or from/to/minutes).
        """
    static let spec = ArgumentSpec(flags: ["--no-lunch"], options: ["--out", "--sizes", "--seeds"])

    static func run(_ arguments: ParsedArguments, console: Console) throws -> Int32 {
        guard let folder = arguments.option("--out") else {
            throw UsageError("Give the folder to write to: '--out <folder>'.")
        }
        let sizes = try BenchOptions.sizes(arguments)
        let seeds = try BenchOptions.seedRange(arguments, default: "101-110")
        let noLunch = arguments.flag("--no-lunch")
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw CommandFailure("cannot create the folder \(folder); check the path and its permissions")
        }
        var written = 0
        for size in sizes {
            for seed in seeds {
                var trip = TripGenerator.scaleTrip(size: size, seed: seed)
                if noLunch { trip.lunch = nil }
                let object = instance(trip, size: size, seed: seed, travel: TravelModel.matrix(for: trip))
                let data: Data
                do {
                    data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
                } catch {
                    throw CommandFailure("cannot encode the instance \(size)-\(seed) as JSON")
                }
                do {
                    try FileStore.writeAtomically(data, to: (folder as NSString).appendingPathComponent("\(size)-\(seed).json"))
                } catch {
                    throw CommandFailure(error.description)
                }
                written += 1
            }
        }
        console.out("\(written) instance(s) written to \(folder)\(noLunch ? " (without the lunch break)" : "").\n")
        return ExitCode.success
    }

    /// The instance as a JSON object (see `discussion`).
    static func instance(_ trip: Trip, size: Int, seed: UInt64, travel: TravelMatrix) -> [String: Any] {
        let days = trip.resolvedDays
        let visits: [[String: Any]] = trip.placesToVisit.compactMap { id in
            guard let place = trip.place(id), let node = travel.index[id] else { return nil }
            var windows: [[Int]] = []
            for (d, day) in days.enumerated() {
                for window in OpeningHours.windows(place, on: day.date) where window.to - window.from >= place.visitMinutes {
                    windows.append([d, window.from, window.to])
                }
            }
            return ["id": id.rawValue, "node": node, "minutes": place.visitMinutes, "required": place.required,
                    "score": place.score, "windows": windows]
        }
        let n = travel.count
        let rows = (0..<n).map { a in Array(travel.minutes[(a * n)..<((a + 1) * n)]) }
        let lunch: Any = trip.lunch.map { ["from": $0.from.minutes, "to": $0.to.minutes, "minutes": $0.minutes] } ?? NSNull()
        return [
            "name": "\(size)-\(seed)", "size": size, "seed": Int(seed), "lunch": lunch,
            "nodes": travel.ids.map(\.rawValue), "minutes": rows,
            "days": days.map { day in
                ["date": day.date.description, "from": travel.index[day.from] ?? 0, "to": travel.index[day.to] ?? 0,
                 "start": day.start.minutes, "end": day.end.minutes] as [String: Any]
            },
            "visits": visits,
        ]
    }
}
