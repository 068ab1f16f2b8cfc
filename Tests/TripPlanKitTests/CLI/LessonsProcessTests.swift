import Foundation
import Testing
@testable import TripPlanKit

/// Real `tripplan` processes writing one lessons store: concurrent writers, and writers killed mid-save.
@Suite(.serialized) struct LessonsProcessTests {
    /// Starts `tripplan` with stdout and stderr captured to pipes.
    static func launch(_ arguments: [String], pauseMilliseconds: Int = 0) throws -> (Process, Pipe) {
        let process = Process()
        process.executableURL = Binary.tripplanURL
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment[LessonStore.pauseVariable] = pauseMilliseconds > 0 ? String(pauseMilliseconds) : nil
        process.environment = environment
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return (process, out)
    }

    @Test func sixteenConcurrentAddsAreAllKept() throws {
        let folder = try TripFolder(fixture: "lessons-trip")
        defer { folder.remove() }
        // A short pause inside the locked section makes the writers really overlap.
        let running = try (0..<16).map { i in
            try Self.launch(["lessons", "add", folder.trip, "--place", "ziemupe", "--lesson", "writer \(i)"], pauseMilliseconds: 5)
        }
        for (process, out) in running {
            _ = out.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
        }
        let log = try folder.log()
        #expect(log.lessons.count == 16)
        #expect(Set(log.lessons.map(\.lesson)) == Set((0..<16).map { "writer \($0)" }))
        #expect(Set(log.lessons.map(\.id)) == Set((1...16).map { Lesson.ID(number: $0) }))
        #expect(log.revision == 16)
    }

    /// The scheduler's SplitMix64 as a `RandomNumberGenerator`: the same seed gives the same kill moments.
    struct SeededRandom: RandomNumberGenerator {
        var inner: SplitMix64
        init(seed: UInt64) { inner = SplitMix64(seed: seed) }
        mutating func next() -> UInt64 { inner.next() }
    }

    @Test func aWriterKilledAtAnyMomentLeavesAReadableStoreAndLosesNothingConfirmed() throws {
        let folder = try TripFolder(fixture: "lessons-trip")
        defer { folder.remove() }
        var random = SeededRandom(seed: 20230527)
        // How long one whole `lessons add` takes on this machine now (start-up included), so that the kill
        // moments spread over the writer's whole life whatever the load.
        let started = Date()
        let (probe, probeOut) = try Self.launch(["lessons", "add", folder.trip, "--lesson", "probe"], pauseMilliseconds: 10)
        _ = probeOut.fileHandleForReading.readDataToEndOfFile()
        probe.waitUntilExit()
        var lifetime = min(2.0, Date().timeIntervalSince(started))
        var confirmed: [String] = ["probe"]
        var killed = 0
        for round in 0..<24 {
            let text = "round \(round)"
            // Pause 0–20 ms inside the locked section, before the replace; kill anywhere from the start to 1.5 ×
            // a writer's lifetime, so kills land before, inside and after the locked section.
            let (process, out) = try Self.launch(["lessons", "add", folder.trip, "--lesson", text],
                                                 pauseMilliseconds: Int.random(in: 0...20, using: &random))
            usleep(UInt32(Double.random(in: 0...(lifetime * 1.5), using: &random) * 1_000_000))
            kill(process.processIdentifier, SIGKILL)
            let printed = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            // Other tests share the machine, so a writer's lifetime varies: widen the kill window after a kill,
            // narrow it after a finished write, so that both outcomes keep coming.
            if process.terminationReason == .exit && process.terminationStatus == 0 && printed.hasPrefix("Saglabāts") {
                confirmed.append(text)
                lifetime *= 0.9
            } else {
                killed += 1
                lifetime = min(2.0, lifetime * 1.25)
            }
            // Whatever happened, the store reads, and every confirmed entry is in it.
            let log = try LessonStore.read(folder.store)
            let kept = Set(log.lessons.map(\.lesson))
            #expect(confirmed.allSatisfy(kept.contains), "round \(round): lost \(confirmed.filter { !kept.contains($0) })")
            #expect(log.validationProblems.isEmpty)
        }
        // The next writer cleans up after the dead ones.
        let last = folder.run(["lessons", "add", folder.trip, "--lesson", "after the storm"])
        #expect(last.status == 0)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).filter { $0.contains(".tmp-") }
        #expect(leftovers.isEmpty)
        #expect(killed > 0 && confirmed.count > 1, "the seed should give both outcomes (killed \(killed), confirmed \(confirmed.count))")
    }

    @Test func aWriterKilledWhileHoldingTheLockDoesNotBlockTheNextOne() throws {
        let folder = try TripFolder(fixture: "lessons-trip")
        defer { folder.remove() }
        #expect(folder.run(["lessons", "add", folder.trip, "--lesson", "before"]).status == 0)
        // The writer sleeps 3 s inside the locked section; wait until it holds the lock, then kill it there.
        let (process, out) = try Self.launch(["lessons", "add", folder.trip, "--lesson", "killed"], pauseMilliseconds: 3000)
        let lock = open(folder.url.appendingPathComponent(".trip.lessons.json.lock").path, O_RDWR | O_CREAT, 0o644)
        defer { close(lock) }
        var held = false
        for _ in 0..<300 where !held {
            if flock(lock, LOCK_EX | LOCK_NB) == 0 { flock(lock, LOCK_UN); usleep(10_000) } else { held = true }
        }
        #expect(held, "the writer never took the lock")
        kill(process.processIdentifier, SIGKILL)
        _ = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        // The kernel dropped the dead writer's lock: the next writer goes straight through.
        #expect(folder.run(["lessons", "add", folder.trip, "--lesson", "after"]).status == 0)
        #expect(try folder.log().lessons.map(\.lesson) == ["before", "after"])
    }
}
