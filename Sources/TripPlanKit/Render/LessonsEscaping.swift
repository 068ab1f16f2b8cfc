/// Escaping of user text for the lessons report's formats.
///
/// Every piece of text that came from a person (titles, names, lessons, owners) goes through one of these
/// before it is put into HTML or Markdown; the renderers never splice raw user text.
enum LessonsEscaping {
    /// Text content and attribute values: `& < > " '`.
    static func html(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    /// HTML text with line breaks kept as `<br>`.
    static func htmlLines(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { html(String($0)) }.joined(separator: "<br>\n")
    }

    /// Inline Markdown: punctuation that would start emphasis, code, links, HTML or a table cell is
    /// backslash-escaped, `&` becomes `&amp;`, and line breaks become spaces so that a value stays on its line.
    static func markdown(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "#", "!", "~": out += "\\" + String(character)
            case "&": out += "&amp;"
            case "\n", "\r": out += " "
            default: out.append(character)
            }
        }
        // A line that starts like a list item or a heading would change the structure.
        if let first = out.first, "-+=".contains(first) { out = "\\" + out }
        if let dot = out.firstIndex(where: { !$0.isNumber }), dot != out.startIndex, out[dot] == "." || out[dot] == ")" {
            out.insert("\\", at: dot)
        }
        return out
    }

    /// Markdown paragraphs: each line escaped on its own, blank lines kept as paragraph breaks.
    static func markdownParagraphs(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.isEmpty ? "" : markdown(String($0)) }
            .joined(separator: "\n")
    }
}
