/// The trip-wide after-action review: five questions asked once the visits are done.
///
/// Answers only grow: a later session's answer is appended as a new paragraph instead of replacing the
/// earlier one, so two people answering at once never erase each other.
public struct AfterAction: Sendable, Hashable, Codable {
    /// What was supposed to happen.
    public var planned: String?
    /// What actually happened.
    public var happened: String?
    /// Why it differed.
    public var why: String?
    /// What to keep doing.
    public var keep: String?
    /// What to change next time.
    public var change: String?

    public init(planned: String? = nil, happened: String? = nil, why: String? = nil, keep: String? = nil,
                change: String? = nil) {
        self.planned = planned
        self.happened = happened
        self.why = why
        self.keep = keep
        self.change = change
    }

    /// The questions in the order they are asked and printed.
    public enum Question: String, Sendable, CaseIterable {
        case planned, happened, why, keep, change
    }

    public subscript(question: Question) -> String? {
        get {
            switch question {
            case .planned: return planned
            case .happened: return happened
            case .why: return why
            case .keep: return keep
            case .change: return change
            }
        }
        set {
            switch question {
            case .planned: planned = newValue
            case .happened: happened = newValue
            case .why: why = newValue
            case .keep: keep = newValue
            case .change: change = newValue
            }
        }
    }

    public var isEmpty: Bool { Question.allCases.allSatisfy { (self[$0] ?? "").isEmpty } }

    /// Adds `other`'s answers: a new answer is appended after a blank line; an identical one is not repeated.
    public mutating func append(_ other: AfterAction) {
        for question in Question.allCases {
            guard let answer = other[question], !answer.isEmpty else { continue }
            if let existing = self[question], !existing.isEmpty {
                if existing != answer && !existing.hasSuffix("\n\n" + answer) { self[question] = existing + "\n\n" + answer }
            } else {
                self[question] = answer
            }
        }
    }
}
