import Foundation
import TripPlanKit

print("tripplan-bench: not written yet")
