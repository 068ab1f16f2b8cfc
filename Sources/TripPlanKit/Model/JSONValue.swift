import Foundation

/// A parsed JSON document that keeps object members in file order, duplicates included.
///
/// Trip files are read with this instead of `JSONSerialization`/`JSONDecoder` so that malformed input
/// is reported with a line and column, and so that the reader can report duplicate and unknown keys
/// (both decoders silently drop them).
public enum JSONValue: Sendable, Hashable {
    case object([Member])
    case array([JSONValue])
    case string(String)
    case number(Double)
    case bool(Bool)
    case null

    /// One `"key": value` pair of an object.
    public struct Member: Sendable, Hashable {
        public var key: String
        public var value: JSONValue
        public init(key: String, value: JSONValue) {
            self.key = key
            self.value = value
        }
    }

    /// The JSON type with an article, as messages name it: "an object", "a string".
    public var typeName: String {
        switch self {
        case .object: return "an object"
        case .array: return "an array"
        case .string: return "a string"
        case .number: return "a number"
        case .bool: return "true or false"
        case .null: return "null"
        }
    }

    /// The type and a short excerpt of the value, for "found …" in messages: `a string ("90")`.
    public var summary: String {
        switch self {
        case .object: return "an object"
        case .array: return "an array"
        case let .string(text):
            let short = text.count > 30 ? String(text.prefix(30)) + "…" : text
            return "a string (\"\(short)\")"
        case let .number(value): return "a number (\(JSONValue.format(value)))"
        case let .bool(value): return "\(value)"
        case .null: return "null"
        }
    }

    /// A number as a person wrote it: `90`, not `90.0`.
    public static func format(_ value: Double) -> String {
        if value.rounded() == value, abs(value) < 1e15 { return String(Int(value)) }
        if value.rounded() == value, abs(value) < 1e21 { return String(format: "%.0f", value) }
        return String(value)
    }

    /// The value of the first member named `key`, when this is an object.
    public subscript(key: String) -> JSONValue? {
        guard case let .object(members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }
}

/// Malformed JSON: where the parser stopped and what it expected there.
public struct JSONSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    /// 1-based line.
    public var line: Int
    /// 1-based column, counted in characters (Unicode scalars), not bytes.
    public var column: Int
    public var detail: String

    public var description: String { "line \(line), column \(column): \(detail)" }
}

extension JSONValue {
    /// Parses a complete JSON document (RFC 8259; a leading UTF-8 byte-order mark is skipped).
    ///
    /// - Throws: `JSONSyntaxError` at the first problem; nothing after it can be trusted.
    public init(parsing data: Data) throws(JSONSyntaxError) {
        var parser = JSONParser(bytes: [UInt8](data))
        self = try parser.parseDocument()
    }
}

/// A recursive-descent parser over UTF-8 bytes.
struct JSONParser {
    let bytes: [UInt8]
    var index = 0
    var depth = 0
    static let maxDepth = 256

    init(bytes: [UInt8]) {
        self.bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
    }

    mutating func parseDocument() throws(JSONSyntaxError) -> JSONValue {
        skipWhitespace()
        if index == bytes.count { throw error("the file is empty; expected a JSON object such as {\"format\": \"tripplan/1\", …}") }
        let value = try parseValue()
        skipWhitespace()
        if index < bytes.count {
            throw error("unexpected \(describeCurrent()) after the end of the JSON value; remove it or wrap everything in one object")
        }
        return value
    }

    // MARK: Values

    mutating func parseValue() throws(JSONSyntaxError) -> JSONValue {
        guard index < bytes.count else { throw error("unexpected end of file; expected a value") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "'"):
            throw error("strings and keys need double quotes (\"), not single quotes (')")
        default:
            throw error("unexpected \(describeCurrent()); expected a value (object, array, string, number, true, false or null)")
        }
    }

    mutating func parseObject() throws(JSONSyntaxError) -> JSONValue {
        try enter()
        index += 1 // {
        var members: [JSONValue.Member] = []
        skipWhitespace()
        if peek(UInt8(ascii: "}")) {
            index += 1
            depth -= 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard index < bytes.count else { throw error("unexpected end of file; expected a key in double quotes or '}'") }
            guard bytes[index] == UInt8(ascii: "\"") else {
                if bytes[index] == UInt8(ascii: "}") {
                    throw error("expected a key in double quotes; remove the comma before '}'")
                }
                throw error("expected a key in double quotes, found \(describeCurrent())")
            }
            let key = try parseString()
            skipWhitespace()
            guard peek(UInt8(ascii: ":")) else {
                throw error("expected ':' after the key \"\(key)\"")
            }
            index += 1
            skipWhitespace()
            let value = try parseValue()
            members.append(JSONValue.Member(key: key, value: value))
            if try closes("}", after: "an object member") { return .object(members) }
        }
    }

    mutating func parseArray() throws(JSONSyntaxError) -> JSONValue {
        try enter()
        index += 1 // [
        var elements: [JSONValue] = []
        skipWhitespace()
        if peek(UInt8(ascii: "]")) {
            index += 1
            depth -= 1
            return .array(elements)
        }
        while true {
            skipWhitespace()
            if peek(UInt8(ascii: "]")) { throw error("expected a value; remove the comma before ']'") }
            elements.append(try parseValue())
            if try closes("]", after: "an array element") { return .array(elements) }
        }
    }

    /// After a member or element: consumes `,` (false: more follow) or the closing bracket (true).
    mutating func closes(_ close: Unicode.Scalar, after what: String) throws(JSONSyntaxError) -> Bool {
        skipWhitespace()
        let expected = "expected ',' or '\(close)' after \(what)"
        guard index < bytes.count else { throw error("unexpected end of file; " + expected) }
        if bytes[index] == UInt8(ascii: ",") {
            index += 1
            return false
        }
        guard bytes[index] == UInt8(ascii: close) else { throw error(expected) }
        index += 1
        depth -= 1
        return true
    }

    mutating func enter() throws(JSONSyntaxError) {
        depth += 1
        if depth > JSONParser.maxDepth { throw error("nested more than \(JSONParser.maxDepth) levels deep") }
    }

    mutating func literal(_ word: String) throws(JSONSyntaxError) {
        let utf8 = Array(word.utf8)
        guard bytes.count - index >= utf8.count, Array(bytes[index..<index + utf8.count]) == utf8 else {
            throw error("unexpected \(describeCurrent()); expected a value (did you mean \(word)? strings need double quotes)")
        }
        index += utf8.count
    }

    mutating func parseString() throws(JSONSyntaxError) -> String {
        let start = index
        index += 1 // opening quote
        var scalars = String.UnicodeScalarView()
        var runStart = index
        func flush(_ parser: JSONParser, _ end: Int, into scalars: inout String.UnicodeScalarView) -> Bool {
            guard end > runStart else { return true }
            guard let text = String(validating: parser.bytes[runStart..<end], as: UTF8.self) else { return false }
            scalars.append(contentsOf: text.unicodeScalars)
            return true
        }
        while true {
            guard index < bytes.count else {
                index = start
                throw error("this string is never closed; add the closing '\"'")
            }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                guard flush(self, index, into: &scalars) else { throw error("the string is not valid UTF-8; save the file as UTF-8") }
                index += 1
                return String(scalars)
            }
            if byte < 0x20 {
                if byte == 0x0A {
                    index = start
                    throw error("this string is never closed on its line; add the closing '\"' (write a line break as \\n)")
                }
                throw error("control character in a string; write it as an escape such as \\t or \\n")
            }
            if byte == UInt8(ascii: "\\") {
                guard flush(self, index, into: &scalars) else { throw error("the string is not valid UTF-8; save the file as UTF-8") }
                index += 1
                guard index < bytes.count else { throw error("unexpected end of file inside a string") }
                let escaped = bytes[index]
                switch escaped {
                case UInt8(ascii: "\""): scalars.append("\"")
                case UInt8(ascii: "\\"): scalars.append("\\")
                case UInt8(ascii: "/"): scalars.append("/")
                case UInt8(ascii: "b"): scalars.append("\u{08}")
                case UInt8(ascii: "f"): scalars.append("\u{0C}")
                case UInt8(ascii: "n"): scalars.append("\n")
                case UInt8(ascii: "r"): scalars.append("\r")
                case UInt8(ascii: "t"): scalars.append("\t")
                case UInt8(ascii: "u"):
                    index += 1
                    var code = try hex4()
                    if (0xD800...0xDBFF).contains(code) {
                        guard bytes.count - index >= 6, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                            throw error("a \\u escape of a high surrogate must be followed by a low surrogate (\\uDC00–\\uDFFF)")
                        }
                        index += 2
                        let low = try hex4()
                        guard (0xDC00...0xDFFF).contains(low) else {
                            throw error("a \\u escape of a high surrogate must be followed by a low surrogate (\\uDC00–\\uDFFF)")
                        }
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let scalar = Unicode.Scalar(code) else {
                        throw error("\\u escape is not a character (a lone surrogate)")
                    }
                    scalars.append(scalar)
                    runStart = index
                    continue
                default:
                    throw error("invalid escape '\\\(String(decoding: [escaped], as: UTF8.self))'; use \\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t or \\uXXXX")
                }
                index += 1
                runStart = index
                continue
            }
            index += 1
        }
    }

    mutating func hex4() throws(JSONSyntaxError) -> UInt32 {
        var code: UInt32 = 0
        for _ in 0..<4 {
            guard index < bytes.count, let digit = hexDigit(bytes[index]) else {
                throw error("a \\u escape needs exactly four hexadecimal digits")
            }
            code = code * 16 + digit
            index += 1
        }
        return code
    }

    func hexDigit(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    mutating func parseNumber() throws(JSONSyntaxError) -> Double {
        let start = index
        func isDigit(_ i: Int) -> Bool { i < bytes.count && bytes[i] >= UInt8(ascii: "0") && bytes[i] <= UInt8(ascii: "9") }
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard isDigit(index) else { throw error("a number needs a digit after '-'") }
        if bytes[index] == UInt8(ascii: "0"), isDigit(index + 1) {
            throw error("numbers must not have leading zeros (write 7, not 07; times go in quotes: \"07:30\")")
        }
        while isDigit(index) { index += 1 }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard isDigit(index) else { throw error("a number needs digits after the decimal point") }
            while isDigit(index) { index += 1 }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard isDigit(index) else { throw error("a number needs digits in its exponent") }
            while isDigit(index) { index += 1 }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ":") {
            index = start
            throw error("a time of day must be a string in double quotes, e.g. \"07:30\"")
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        guard let value = Double(text), value.isFinite else {
            index = start
            throw error("the number \(text) is too large")
        }
        return value
    }

    // MARK: Helpers

    func peek(_ byte: UInt8) -> Bool { index < bytes.count && bytes[index] == byte }

    mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    /// The character at the current position, for messages: `'x'`, `end of file`.
    func describeCurrent() -> String {
        guard index < bytes.count else { return "end of file" }
        var end = index + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        let text = String(decoding: bytes[index..<end], as: UTF8.self)
        if text == "/" { return "'/' (JSON has no comments; remove it)" }
        return "'\(text)'"
    }

    /// An error at the current position; line and column count characters, not bytes.
    func error(_ detail: String) -> JSONSyntaxError {
        var line = 1, column = 1
        var i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let end = min(index, bytes.count)
        while i < end {
            if bytes[i] == 0x0A {
                line += 1
                column = 1
            } else if bytes[i] & 0xC0 != 0x80 {
                column += 1
            }
            i += 1
        }
        return JSONSyntaxError(line: line, column: column, detail: detail)
    }
}
