@testable import TripPlanKit

extension TripFolder {
    /// The lessons store beside the trip.
    var store: String { path("trip.lessons.json") }

    func log() throws -> LessonLog { try LessonStore.read(store) }
}
