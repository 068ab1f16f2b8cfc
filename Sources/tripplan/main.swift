import Foundation
import TripPlanKit

exit(TripPlanCLI.run(Array(CommandLine.arguments.dropFirst()), console: .standard()))
