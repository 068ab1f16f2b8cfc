/// Escaping of user text for Markdown (CommonMark and GitHub tables).
///
/// User text is folded onto one line and every character that could start inline markup is
/// backslash-escaped: emphasis (`* _ ~`), code (`` ` ``), links and images (`[ ]`; with them escaped, `(`, `)`
/// and `!` cannot form a link and stay as typed), raw HTML and autolinks (`< >`), character references (an `&`
/// that starts something like `&amp;` or `&#60;`), table cells (`|`) and the backslash itself. Text that
/// begins a line (a paragraph) also has the characters escaped that would open a block there
/// (`# > + - =` and `1.`). Everything else is left alone, because Markdown is often read as plain text in an
/// email, where `\(` would only be noise.
public enum MarkdownEscaping {
    static let inlineSpecials: Set<Character> = ["\\", "`", "*", "_", "~", "[", "]", "<", ">", "|"]
    static let blockStarters: Set<Character> = ["#", ">", "+", "-", "="]

    /// Escapes `text` for use inside a line (a table cell, a list item, after a label); line breaks become spaces.
    public static func escape(_ text: String) -> String {
        let folded = text.split(omittingEmptySubsequences: true, whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: " \t") }
            .joined(separator: " ")
        let characters = Array(folded)
        var out = ""
        out.reserveCapacity(folded.utf8.count + 8)
        for (index, character) in characters.enumerated() {
            if inlineSpecials.contains(character) {
                out.append("\\")
            } else if character == "&", index + 1 < characters.count,
                      characters[index + 1] == "#" || characters[index + 1].isLetter {
                // "&amp;" or "&#60;" would be read as a character reference.
                out.append("\\")
            }
            out.append(character)
        }
        return out
    }

    /// Escapes `text` that starts a line of its own (a paragraph): `escape`, and a leading `#`, `>`, `+`,
    /// `-`, `=` or `1.` is escaped so that it cannot open a heading, a quote or a list.
    public static func escapeParagraph(_ text: String) -> String {
        var out = escape(text)
        if let first = out.first, blockStarters.contains(first) {
            out.insert("\\", at: out.startIndex)
        } else if let end = out.firstIndex(where: { !($0.isASCII && $0.isNumber) }), end != out.startIndex,
                  out[end] == "." {
            out.insert("\\", at: end)
        }
        return out
    }
}

private extension Substring {
    func trimmingCharacters(in set: String) -> Substring {
        var slice = self
        while let first = slice.first, set.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, set.contains(last) { slice = slice.dropLast() }
        return slice
    }
}
