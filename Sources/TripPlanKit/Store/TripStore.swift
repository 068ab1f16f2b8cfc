import Foundation

/// A trip file read from disk, with what is needed to find and check its companions.
public struct LoadedTrip: Sendable {
    public var path: String
    public var trip: Trip
    /// Fingerprint of the file's bytes; a saved itinerary with another digest is stale.
    public var digest: String
    /// What the reader noticed but did not reject (unknown keys), to print before the result.
    public var warnings: [TripProblem] = []
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
        let warnings: [TripProblem]
        do {
            (trip, warnings) = try Trip.read(jsonData: data, fileName: path, loadFile: companionLoader(for: path))
        } catch {
            throw .trip(error)
        }
        return LoadedTrip(path: path, trip: trip, digest: FileStore.digest(data), warnings: warnings)
    }

    /// Reads files a trip names (`travel.osrm.file`) from the trip file's folder.
    public static func companionLoader(for tripPath: String) -> TripFileLoader {
        let folder = URL(fileURLWithPath: tripPath).deletingLastPathComponent().path
        return { (name: String) throws(TripFileLoadFailure) -> Data in
            try readCompanion(name.hasPrefix("/") ? name : folder + "/" + name)
        }
    }

    static func readCompanion(_ path: String) throws(TripFileLoadFailure) -> Data {
        do {
            return try FileStore.read(path)
        } catch {
            switch error {
            case let .unreadable(_, reason), let .unwritable(_, reason):
                throw TripFileLoadFailure(reason: "cannot be read (\(reason))")
            }
        }
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
