/// A printable plan in one output format.
///
/// Renderers are pure: everything they show comes from the values they were made with (the trip, the
/// language, what earlier trips learned) and the itinerary passed here. No clock, no environment, no
/// randomness, so the same input always gives the same bytes and golden files can hold them.
public protocol PlanRenderer: Sendable {
    /// The whole document for `itinerary`.
    func render(_ itinerary: Itinerary) -> String
}
