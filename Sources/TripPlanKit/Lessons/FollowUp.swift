/// Something to do after the trip: an action, who does it and by when.
public struct FollowUp: Sendable, Hashable, Codable {
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        case open, done
    }

    public var action: String
    public var owner: String?
    public var due: LocalDate?
    public var status: Status

    public init(action: String, owner: String? = nil, due: LocalDate? = nil, status: Status = .open) {
        self.action = action
        self.owner = owner
        self.due = due
        self.status = status
    }

    /// Open and past its due date. `today` is a parameter so that reports are reproducible.
    public func isOverdue(today: LocalDate) -> Bool {
        guard status == .open, let due else { return false }
        return due < today
    }
}
