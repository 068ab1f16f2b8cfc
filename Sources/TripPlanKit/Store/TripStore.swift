import Foundation

/// A trip file read from disk, with what is needed to find and check its companions.
public struct LoadedTrip: Sendable {
    public var path: String
    public var trip: Trip
    /// Fingerprint of the file's bytes; a saved itinerary with another digest is stale.
    public var digest: String
}

/// Trip files and the files that sit beside them (`NAME.itinerary.json`, `NAME.lessons.json`).
public enum TripStore {
    public enum LoadError: Error, Equatable, CustomStringConvertible {
        case file(StoreError)
        case trip(TripFileError)
        public var description: String {
            switch self {
            case let .file(error): return error.description
            case let .trip(error): return error.description
            }
        }
    }

    public static func load(_ path: String) throws(LoadError) -> LoadedTrip {
        let data: Data
        do { data = try FileStore.read(path) } catch { throw .file(error) }
        let trip: Trip
        do { trip = try Trip(jsonData: data, fileName: path) } catch { throw .trip(error) }
        return LoadedTrip(path: path, trip: trip, digest: FileStore.digest(data))
    }

    /// `itineraries/kurzeme-2023.json` → `itineraries/kurzeme-2023.<suffix>.json`.
    public static func companionPath(for tripPath: String, suffix: String) -> String {
        let base = tripPath.hasSuffix(".json") ? String(tripPath.dropLast(5)) : tripPath
        return base + "." + suffix + ".json"
    }

    public static func itineraryPath(for tripPath: String) -> String {
        companionPath(for: tripPath, suffix: "itinerary")
    }

    public static func saveItinerary(_ itinerary: Itinerary, for tripPath: String) throws(StoreError) -> String {
        let path = itineraryPath(for: tripPath)
        try FileStore.writeAtomically(itinerary.jsonData(), to: path)
        return path
    }

    /// The saved itinerary when it exists and was made from these very trip-file bytes.
    public static func currentItinerary(for loaded: LoadedTrip) -> Itinerary? {
        guard let data = try? FileStore.read(itineraryPath(for: loaded.path)),
              let itinerary = Itinerary(jsonData: data),
              itinerary.tripDigest == loaded.digest, itinerary.generator == TripPlan.version
        else { return nil }
        return itinerary
    }
}
