/// Escaping of user text for the lessons report, on top of the shared `HTMLEscaping` and `MarkdownEscaping`.
///
/// Every piece of text that came from a person (titles, names, lessons, owners) goes through one of these
/// before it is put into HTML or Markdown; the renderers never splice raw user text. What is added here is
/// only the handling of multi-line answers.
enum LessonsEscaping {
    static func html(_ text: String) -> String { HTMLEscaping.escape(text) }

    /// HTML text with line breaks kept as `<br>`.
    static func htmlLines(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { html(String($0)) }.joined(separator: "<br>\n")
    }

    /// Inline Markdown: one line, every markup character escaped.
    static func markdown(_ text: String) -> String { MarkdownEscaping.escape(text) }

    /// Markdown paragraphs: each line escaped as the start of a paragraph, blank lines kept as breaks.
    static func markdownParagraphs(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.isEmpty ? "" : MarkdownEscaping.escapeParagraph(String($0)) }
            .joined(separator: "\n")
    }
}
