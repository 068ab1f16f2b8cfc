import Foundation
import TripPlanKit

exit(BenchCLI.run(Array(CommandLine.arguments.dropFirst()), console: .standard()))
