/// An identifier that is a string in files and a type of its own in code (`Place.ID`, `Lesson.ID`).
///
/// Conforming types get string-literal initialisation, printing, and — through `RawRepresentable` —
/// Codable as a bare JSON string.
public protocol StringIdentifier: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible,
    ExpressibleByStringLiteral where RawValue == String {
    init(rawValue: String)
}

extension StringIdentifier {
    public init(_ rawValue: String) { self.init(rawValue: rawValue) }
    public init(stringLiteral value: String) { self.init(rawValue: value) }
    public var description: String { rawValue }
}
