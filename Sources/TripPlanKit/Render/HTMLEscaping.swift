/// Escaping of user text for HTML.
///
/// Every piece of text that comes from a trip file goes through `escape` before it reaches the page, in
/// element content and in attribute values alike, so markup in a title or a place name stays inert text.
public enum HTMLEscaping {
    /// Replaces `& < > " '` with character references.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text.unicodeScalars {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }
}
