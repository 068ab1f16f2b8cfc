/// `tripplan validate TRIP.json`
struct ValidateCommand: Command {
    static let name = "validate"
    static let abstract = "Check a trip file and report every problem in it."
    static let usage = "tripplan validate <trip>"
    static let discussion = """
        ARGUMENTS:
          <trip>    A trip file (tripplan/1 JSON).

        Prints one line per problem, naming the file, the place in it (places[3].open[0].to) and
        what would fix it. Unknown keys are ignored and reported as warnings on stderr.
        Exit 0 when the file is valid, 1 when it is not.
        """
    static let spec = ArgumentSpec(positionals: ["trip"])

    static func run(_ arguments: ParsedArguments, console: Console) throws -> Int32 {
        let loaded = try loadTrip(arguments.positionals[0], warningsTo: console)
        let trip = loaded.trip
        console.out("\(loaded.path): valid — \(trip.places.count) places, \(trip.days.count) days, \(trip.placesToVisit.count) to visit.\n")
        return ExitCode.success
    }
}

/// Loads a trip or fails with the reader's messages; warnings (unknown keys, optional places that can
/// never fit) go to `console`'s stderr when one is given.
func loadTrip(_ path: String, warningsTo console: Console? = nil) throws(CommandFailure) -> LoadedTrip {
    let loaded: LoadedTrip
    do {
        loaded = try TripStore.load(path)
    } catch {
        throw CommandFailure(error.description)
    }
    for warning in loaded.warnings { console?.err("warning: " + warning.line(file: loaded.path) + "\n") }
    return loaded
}
