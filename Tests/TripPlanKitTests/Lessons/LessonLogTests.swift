import Foundation
import Testing
@testable import TripPlanKit

@Suite struct LessonLogTests {
    @Test func idsGrowAndAreNeverReused() throws {
        var log = LessonLog()
        let a = try log.add(Lesson(id: "", place: "x", lesson: "one"))
        let b = try log.add(Lesson(id: "", lesson: "two"))
        #expect([a, b] == ["L1", "L2"])
        try log.remove("L2", file: "s.json")
        #expect(try log.add(Lesson(id: "", lesson: "three")) == "L3")
        #expect(log.lessons.map(\.id) == ["L1", "L3"])
    }

    @Test func emptyEntriesAreNotAdded() {
        var log = LessonLog()
        #expect(throws: LessonError.nothingToAdd) { try log.add(Lesson(id: "", place: "x")) }
        #expect(log.nextNumber == 1)
    }

    @Test func editChangesFieldsAndFollowUpStatus() throws {
        var log = LessonsSample.log
        try log.edit("L1", LessonChanges(lesson: "new", addIdeas: ["more"], rating: 3), file: "s.json")
        let l1 = try #require(log.lesson("L1"))
        #expect(l1.lesson == "new" && l1.ideas.count == 3 && l1.rating == 3)
        try log.edit("L2", LessonChanges(status: .done, followUpIndex: 1), file: "s.json")
        #expect(log.lesson("L2")?.followUps.first?.status == .done)
        try log.edit("L2", LessonChanges(place: .some(nil)), file: "s.json")
        #expect(log.lesson("L2")?.place == nil)
    }

    @Test func anEditOfAnEntryChangedMeanwhileIsRefused() throws {
        var log = LessonLog()
        try log.add(Lesson(id: "", lesson: "a"))
        log.revision = 1
        try log.add(Lesson(id: "", lesson: "b"))
        log.revision = 2
        let read = log.revision // someone prepares an edit of L1 here …
        try log.edit("L1", LessonChanges(lesson: "theirs"), file: "s.json") // … another writer edits L1
        log.revision = 3
        #expect(throws: LessonError.changedMeanwhile(file: "s.json", id: "L1", read: read, changed: 3)) {
            try log.edit("L1", LessonChanges(lesson: "mine"), readRevision: read, file: "s.json")
        }
        #expect(log.lesson("L1")?.lesson == "theirs")
        // An entry nobody touched since the read can still be edited.
        try log.edit("L2", LessonChanges(lesson: "mine"), readRevision: read, file: "s.json")
        try log.remove("L2", file: "s.json")
        #expect(throws: LessonError.removedMeanwhile(file: "s.json", id: "L2", read: read)) {
            try log.edit("L2", LessonChanges(lesson: "again"), readRevision: read, file: "s.json")
        }
    }

    @Test(arguments: [
        (#"{"format":"tripplan-lessons/1","revision":1,"nextNumber":3,"lessons":[{"id":"L1","lesson":"a","rating":7},{"id":"L1","lesson":"b"}],"afterAction":{}}"#,
         ["s.json: lessons[0].rating: 7 is not a rating; use 1 to 5",
          "s.json: lessons[1].id: \"L1\" is used twice; give one of them a new id (L3)"]),
        (#"{"format":"tripplan-lessons/1","revision":1,"nextNumber":2,"lessons":[{"id":"L5","lesson":"a","arrived":"10:00","left":"09:00"}],"afterAction":{}}"#,
         ["s.json: lessons[0].id: \"L5\" is not below nextNumber 2; raise nextNumber to 6",
          "s.json: lessons[0].left: 09:00 is before arrived 10:00; swap them or fix one"]),
    ])
    func invalidStoresListEveryProblem(json: String, expected: [String]) {
        #expect(throws: LessonError.invalidStore(file: "s.json", problems: expected.map { String($0.dropFirst("s.json: ".count)) })) {
            try LessonLog(jsonData: Data(json.utf8), fileName: "s.json")
        }
    }

    @Test func unreadableStoresAreNamed() {
        #expect(throws: LessonError.unsupportedFormat(file: "s.json", found: "tripplan-lessons/2")) {
            try LessonLog(jsonData: Data(#"{"format":"tripplan-lessons/2"}"#.utf8), fileName: "s.json")
        }
        do {
            _ = try LessonLog(jsonData: Data(#"{"format": "tripplan-lessons/1", "lessons": ["#.utf8), fileName: "s.json")
            Issue.record("a truncated store was read")
        } catch {
            guard case .notJSON(let file, let detail) = error else { Issue.record("wrong error \(error)"); return }
            #expect(file == "s.json")
            #expect(detail.hasPrefix("line 1, column 46: "))
            #expect(error.description.contains("left untouched"))
        }
    }

    @Test func jsonRoundTripKeepsEverythingAndWritesPlaceAsNull() throws {
        let log = LessonsSample.log
        let data = log.jsonData()
        #expect(try LessonLog(jsonData: data, fileName: "s.json") == log)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains(#""place" : null"#))
        #expect(text.contains(#""format" : "tripplan-lessons/1""#))
    }

    @Test func afterActionAnswersAreAppendedNotReplaced() {
        var answers = AfterAction(keep: "A")
        answers.append(AfterAction(keep: "B", change: "C"))
        answers.append(AfterAction(keep: "B"))
        #expect(answers.keep == "A\n\nB")
        #expect(answers.change == "C")
    }

    @Test func unknownPlaceMessageListsTheTripsPlaceIds() {
        let error = LessonError.unknownPlace(file: "t.json", place: "nowhere", known: ["a", "b"])
        #expect(error.description == "t.json: there is no place 'nowhere' in this trip; use one of its place ids: a, b (or leave out --place for a trip-wide lesson)")
    }
}
