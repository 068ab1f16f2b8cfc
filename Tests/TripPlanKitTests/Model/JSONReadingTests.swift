import Foundation
import Testing
@testable import TripPlanKit

@Suite struct JSONReadingTests {
    @Test func parsesEveryKindOfValueKeepingKeyOrder() throws {
        let value = try JSONValue(parsing: Data(#"{"b": [1, -2.5e1, true, false, null], "a": "Ķ\u0065\n\ud83d\ude00"}"#.utf8))
        #expect(value == .object([
            .init(key: "b", value: .array([.number(1), .number(-25), .bool(true), .bool(false), .null])),
            .init(key: "a", value: .string("Ķe\n😀")),
        ]))
    }

    @Test func keepsDuplicateKeys() throws {
        let value = try JSONValue(parsing: Data(#"{"a": 1, "a": 2}"#.utf8))
        #expect(value == .object([.init(key: "a", value: .number(1)), .init(key: "a", value: .number(2))]))
    }

    struct Malformed: Sendable, CustomTestStringConvertible {
        var json: String
        var expected: String
        var testDescription: String { expected }
    }

    static let malformed: [Malformed] = [
        Malformed(json: "{\n  \"a\": 1\n  \"b\": 2\n}", expected: "line 3, column 3: expected ',' or '}' after an object member"),
        Malformed(json: "[1, 2\n", expected: "line 2, column 1: unexpected end of file; expected ',' or ']' after an array element"),
        Malformed(json: "{\"a\": 1,}", expected: "line 1, column 9: expected a key in double quotes; remove the comma before '}'"),
        Malformed(json: "[1, 2,]", expected: "line 1, column 7: expected a value; remove the comma before ']'"),
        Malformed(json: "{'a': 1}", expected: "line 1, column 2: expected a key in double quotes, found '''"),
        Malformed(json: "{\"a\" 1}", expected: "line 1, column 6: expected ':' after the key \"a\""),
        Malformed(json: "{\"ķēde\": \"x\", \"b\": tru}", expected: "line 1, column 20: unexpected 't'; expected a value (did you mean true? strings need double quotes)"),
        Malformed(json: "{\"from\": 07:30}", expected: "line 1, column 10: numbers must not have leading zeros (write 7, not 07; times go in quotes: \"07:30\")"),
        Malformed(json: "{\"from\": 7:30}", expected: "line 1, column 10: a time of day must be a string in double quotes, e.g. \"07:30\""),
        Malformed(json: "{\"a\": \"open\n}", expected: "line 1, column 7: this string is never closed on its line; add the closing '\"' (write a line break as \\n)"),
        Malformed(json: "{\"a\": \"\\x\"}", expected: "line 1, column 9: invalid escape '\\x'; use \\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t or \\uXXXX"),
        Malformed(json: "{} {}", expected: "line 1, column 4: unexpected '{' after the end of the JSON value; remove it or wrap everything in one object"),
        Malformed(json: "// note\n{}", expected: "line 1, column 1: unexpected '/' (JSON has no comments; remove it); expected a value (object, array, string, number, true, false or null)"),
        Malformed(json: "  \n ", expected: "line 2, column 2: the file is empty; expected a JSON object such as {\"format\": \"tripplan/1\", …}"),
        Malformed(json: String(repeating: "[", count: 300), expected: "line 1, column 257: nested more than 256 levels deep"),
    ]

    @Test(arguments: malformed)
    func reportsLineAndColumn(_ bad: Malformed) {
        #expect(throws: JSONSyntaxError.self) { try JSONValue(parsing: Data(bad.json.utf8)) }
        do {
            _ = try JSONValue(parsing: Data(bad.json.utf8))
        } catch {
            #expect(error.description == bad.expected)
        }
    }

    @Test func rejectsInvalidUTF8() {
        var bytes = Array("{\"a\": \"".utf8)
        bytes += [0xFF, 0xFE]
        bytes += Array("\"}".utf8)
        do {
            _ = try JSONValue(parsing: Data(bytes))
            Issue.record("accepted invalid UTF-8")
        } catch {
            #expect(error.detail == "the string is not valid UTF-8; save the file as UTF-8")
        }
    }

    // MARK: Round trip on random documents

    typealias SplitMix = TestRandom

    static func randomValue(depth: Int, _ rng: inout SplitMix) -> JSONValue {
        let pieces: [String] = ["a", "Ķ", "ē", "\"", "\\", "\n", "\t", "/", "😀", " ", "\u{01}", "x y"]
        func text() -> String { (0..<Int.random(in: 0...4, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined() }
        switch Int.random(in: 0...(depth > 3 ? 3 : 5), using: &rng) {
        case 0: return .string(text())
        case 1: return .number(Double(Int.random(in: -100_000...100_000, using: &rng)) / [1, 10, 1000].randomElement(using: &rng)!)
        case 2: return .bool(Bool.random(using: &rng))
        case 3: return .null
        case 4: return .array((0..<Int.random(in: 0...4, using: &rng)).map { _ in randomValue(depth: depth + 1, &rng) })
        default:
            return .object((0..<Int.random(in: 0...4, using: &rng)).map { _ in
                JSONValue.Member(key: text(), value: randomValue(depth: depth + 1, &rng))
            })
        }
    }

    /// JSON text for `value` with random whitespace between tokens.
    static func write(_ value: JSONValue, _ rng: inout SplitMix) -> String {
        let space = ["", " ", "\n", "\t ", "\r\n"]
        func ws() -> String { space.randomElement(using: &rng)! }
        func quoted(_ text: String) -> String {
            var out = "\""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += Bool.random(using: &rng) ? "\\n" : "\\u000a"
                case "\t": out += "\\t"
                case "/": out += Bool.random(using: &rng) ? "/" : "\\/"
                case _ where scalar.value < 0x20: out += "\\u" + String(format: "%04x", scalar.value)
                default: out.unicodeScalars.append(scalar)
                }
            }
            return out + "\""
        }
        switch value {
        case let .string(text): return quoted(text)
        case let .number(n): return JSONValue.format(n)
        case let .bool(flag): return flag ? "true" : "false"
        case .null: return "null"
        case let .array(elements):
            return "[" + ws() + elements.map { write($0, &rng) + ws() }.joined(separator: "," + ws()) + "]"
        case let .object(members):
            return "{" + ws() + members.map { quoted($0.key) + ws() + ":" + ws() + write($0.value, &rng) + ws() }
                .joined(separator: "," + ws()) + "}"
        }
    }

    @Test func randomDocumentsRoundTrip() throws {
        var rng = SplitMix(state: 2023_05_27)
        for _ in 0..<300 {
            let value = Self.randomValue(depth: 0, &rng)
            let text = Self.write(value, &rng)
            #expect(try JSONValue(parsing: Data(text.utf8)) == value, "\(text)")
            // Foundation agrees that the text is JSON.
            #expect((try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])) != nil, "\(text)")
        }
    }
}
