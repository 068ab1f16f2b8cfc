import Foundation

extension Itinerary {
    /// The `tripplan-itinerary/1` document: pretty-printed, keys sorted, so the same plan gives the same bytes.
    public func jsonData() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding plain value types cannot fail.
        return (try? encoder.encode(self)) ?? Data()
    }

    /// Reads a saved itinerary; nil when the data is not a `tripplan-itinerary/1` document.
    public init?(jsonData: Data) {
        guard let decoded = try? JSONDecoder().decode(Itinerary.self, from: jsonData),
              decoded.format == Itinerary.formatName else { return nil }
        self = decoded
    }
}
