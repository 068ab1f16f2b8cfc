import Foundation

/// The trips of a folder with their lessons, for summaries across years.
public struct LessonFolder: Sendable {
    public struct Entry: Sendable {
        /// The trip file, or the store itself when its trip file is missing.
        public var path: String
        /// Nil when the store has no trip file beside it.
        public var trip: Trip?
        public var log: LessonLog
    }

    public struct Skipped: Sendable, Hashable {
        public var path: String
        public var reason: String
    }

    public var entries: [Entry]
    public var skipped: [Skipped]
}

extension LessonStore {
    /// Trip files of `folder` (`*.json`, not `*.itinerary.json` nor `*.lessons.json`), sorted by name.
    static func tripFiles(in folder: String) throws(LessonError) -> (trips: [String], stores: [String]) {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        } catch {
            throw .file(.unreadable(path: folder, reason: FileStore.exists(folder) ? "not a readable folder" : "no such folder"))
        }
        let base = folder.hasSuffix("/") ? folder : folder + "/"
        let json = names.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }
        let stores = json.filter { $0.hasSuffix(".lessons.json") }.map { base + $0 }
        let trips = json.filter { !$0.hasSuffix(".lessons.json") && !$0.hasSuffix(".itinerary.json") }.map { base + $0 }
        return (trips, stores)
    }

    /// Reads every trip in `folder` and its lessons store; a file that cannot be read is listed in `skipped`
    /// with the reason, and the rest is still returned.
    public static func folder(_ folder: String) throws(LessonError) -> LessonFolder {
        let (trips, stores) = try tripFiles(in: folder)
        var entries: [LessonFolder.Entry] = []
        var skipped: [LessonFolder.Skipped] = []
        var storesSeen: Set<String> = []
        for tripPath in trips {
            let trip: Trip
            do {
                trip = try TripStore.load(tripPath).trip
            } catch {
                skipped.append(.init(path: tripPath, reason: Self.firstLine(error.description)))
                continue
            }
            let storePath = path(for: tripPath)
            storesSeen.insert(storePath)
            do {
                entries.append(.init(path: tripPath, trip: trip, log: try read(storePath)))
            } catch {
                skipped.append(.init(path: storePath, reason: Self.firstLine(error.description)))
            }
        }
        for storePath in stores where !storesSeen.contains(storePath) {
            do {
                entries.append(.init(path: storePath, trip: nil, log: try read(storePath)))
            } catch {
                skipped.append(.init(path: storePath, reason: Self.firstLine(error.description)))
            }
        }
        return LessonFolder(entries: entries, skipped: skipped)
    }

    /// What earlier lessons say about each place, from every other lessons store in the trip file's folder.
    ///
    /// Unreadable stores are left out: memories are a help for planning, never a reason for it to fail.
    public static func memories(forTripAt tripPath: String) -> [Place.ID: PlaceMemory] {
        let folder = URL(fileURLWithPath: tripPath).deletingLastPathComponent().path
        guard let (_, stores) = try? tripFiles(in: folder) else { return [:] }
        // The trip's own lessons came after it; "last time" means the other trips of the folder.
        let own = URL(fileURLWithPath: path(for: tripPath)).lastPathComponent
        let earlier = stores.filter { URL(fileURLWithPath: $0).lastPathComponent != own }
        return LessonLog.memories(earlier.compactMap { try? read($0) })
    }

    static func firstLine(_ text: String) -> String {
        let lines = text.split(separator: "\n")
        guard let first = lines.first else { return text }
        return lines.count > 1 ? "\(first) (and \(lines.count - 1) more problems)" : String(first)
    }
}
