import Foundation

/// The lessons store beside a trip file (`NAME.lessons.json`): read it, and change it without losing anything.
///
/// Every change is a read-modify-write done entirely under an exclusive `flock` on `.NAME.lessons.json.lock`.
/// The lock lives in a file of its own because the store itself is replaced by rename on every save (a new
/// inode each time), so a lock on the store would guard a file nobody reads any more. Under the lock the
/// store is read afresh, changed, and written with `FileStore.writeAtomically` (temporary file, fsync,
/// rename, fsync of the folder): a writer killed at any moment leaves the old store or the new one, and at
/// worst a temporary file, which the next writer removes. The lock file is never deleted; deleting it would
/// let two writers lock two different files.
public enum LessonStore {
    /// Environment variable read by the writer: milliseconds to sleep inside the locked section, just before
    /// the store is replaced. Only for tests that kill writers mid-save (see docs/lessons.md); unset, no pause.
    public static let pauseVariable = "TRIPPLAN_LESSONS_PAUSE_MS"

    /// `itineraries/kurzeme-2023.json` → `itineraries/kurzeme-2023.lessons.json`.
    public static func path(for tripPath: String) -> String {
        TripStore.companionPath(for: tripPath, suffix: "lessons")
    }

    /// `itineraries/.kurzeme-2023.lessons.json.lock`: hidden, so it does not clutter the trips folder.
    static func lockPath(for storePath: String) -> String {
        let url = URL(fileURLWithPath: storePath)
        let folder = url.deletingLastPathComponent().path
        return (storePath.contains("/") ? folder + "/" : "") + "." + url.lastPathComponent + ".lock"
    }

    /// Reads the store at `path`; a store that does not exist yet reads as an empty log at revision 0.
    ///
    /// Reading takes no lock: the store is only ever replaced whole, so a reader sees one complete revision.
    public static func read(_ path: String) throws(LessonError) -> LessonLog {
        guard FileStore.exists(path) else { return LessonLog() }
        let data: Data
        do { data = try FileStore.read(path) } catch { throw .file(error) }
        return try LessonLog(jsonData: data, fileName: path)
    }

    /// Changes the store under the lock and saves it as the next revision.
    ///
    /// `body` sees the store as it is on disk now, not as some earlier read saw it; that is what lets concurrent
    /// appends all survive. When `body` throws, nothing is written.
    ///
    /// - Parameters:
    /// - Parameter trip: copied into the store so that summaries need not read the trip file.
    /// - Returns: what `body` returned and the store as saved.
    public static func update<T>(_ path: String, trip: LessonLog.TripInfo? = nil,
                                 _ body: (inout LessonLog) throws(LessonError) -> T) throws(LessonError) -> (T, LessonLog) {
        let lock = try Lock(path: lockPath(for: path))
        defer { lock.release() }
        removeStaleTemporaries(of: path)
        var log = try read(path)
        let result = try body(&log)
        log.revision += 1
        if let trip { log.trip = trip }
        pauseForTests()
        do { try FileStore.writeAtomically(log.jsonData(), to: path) } catch { throw .file(error) }
        return (result, log)
    }

    /// An exclusive `flock` held until `release()`; the kernel drops it if the process dies.
    final class Lock {
        let fd: Int32
        init(path: String) throws(LessonError) {
            fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
            guard fd >= 0 else { throw .lock(path: path, reason: String(cString: strerror(errno))) }
            while flock(fd, LOCK_EX) != 0 {
                if errno == EINTR { continue }
                let reason = String(cString: strerror(errno))
                close(fd)
                throw .lock(path: path, reason: reason)
            }
        }
        func release() {
            flock(fd, LOCK_UN)
            close(fd)
        }
    }

    /// Temporary files of `FileStore.writeAtomically` for this store. Called under the lock, when no other
    /// writer of this store can be mid-save, so any that exist were left by a writer that died.
    static func removeStaleTemporaries(of path: String) {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        let prefix = "." + url.lastPathComponent + ".tmp-"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder) else { return }
        for name in names where name.hasPrefix(prefix) {
            unlink((folder.isEmpty ? "." : folder) + "/" + name)
        }
    }

    static func pauseForTests() {
        guard let text = ProcessInfo.processInfo.environment[pauseVariable], let ms = UInt32(text), ms > 0 else { return }
        usleep(min(ms, 10_000) * 1000)
    }
}
