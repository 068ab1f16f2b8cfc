import Testing
@testable import TripPlanKit

@Suite struct TripPlanCLITests {
    @Test func unknownFlagIsAUsageError() {
        let (console, capture) = Console.capturing()
        let status = TripPlanCLI.run(["create", "trip.json", "--frobnicate"], console: console)
        #expect(status == 64)
        #expect(capture.err.contains("Error: Unknown option '--frobnicate'."))
        #expect(capture.err.contains("Usage: tripplan create <trip>"))
        #expect(capture.err.contains("See 'tripplan create --help' for more information."))
        #expect(capture.out.isEmpty)
    }

    @Test func unknownCommandIsAUsageError() {
        let (console, capture) = Console.capturing()
        #expect(TripPlanCLI.run(["frobnicate"], console: console) == 64)
        #expect(capture.err.contains("Unknown command 'frobnicate'"))
    }

    @Test func helpAndVersion() {
        let (console, capture) = Console.capturing()
        #expect(TripPlanCLI.run(["--version"], console: console) == 0)
        #expect(capture.out.hasPrefix("tripplan "))
        #expect(TripPlanCLI.run(["create", "--help"], console: console) == 0)
        #expect(capture.out.contains("USAGE: tripplan create <trip>"))
        for command in TripPlanCLI.commands {
            let (each, output) = Console.capturing()
            let words = command.name.split(separator: " ").map(String.init)
            #expect(TripPlanCLI.run(words + ["--version"], console: each) == 0)
            #expect(output.out == "tripplan \(TripPlan.version)\n", "\(command.name) --version")
            #expect(TripPlanCLI.run(words + ["--help"], console: each) == 0)
            #expect(output.out.contains("USAGE: tripplan \(command.name)"), "\(command.name) --help")
        }
    }

    @Test func missingFileIsARuntimeError() {
        let (console, capture) = Console.capturing()
        #expect(TripPlanCLI.run(["validate", "/nonexistent/trip.json"], console: console) == 1)
        #expect(capture.err.contains("/nonexistent/trip.json: cannot be read (no such file)"))
    }

    @Test func badTimeLimitIsAUsageError() {
        let (console, capture) = Console.capturing()
        #expect(TripPlanCLI.run(["create", "x.json", "--time-limit", "-3"], console: console) == 64)
        #expect(capture.err.contains("--time-limit"))
    }

    @Test func badJobsIsAUsageError() {
        for value in ["0", "two", "65"] {
            let (console, capture) = Console.capturing()
            #expect(TripPlanCLI.run(["create", "x.json", "--jobs", value], console: console) == 64)
            #expect(capture.err.contains("'--jobs <n>': give a whole number from 1 to 64"))
        }
    }

    @Test func theBinaryExitsWithTheLibrarysCode() throws {
        let result = try Binary.run(["create", "--frobnicate"])
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
    }
}
