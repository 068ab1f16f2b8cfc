/// A format of the after-action report (HTML, Markdown).
public protocol LessonsReportRenderer: Sendable {
    /// The whole document; the same report always gives the same bytes.
    func render(_ report: LessonsReport) -> String
}

/// Picks the renderer for `--format`.
public enum LessonsReportFormat: String, Sendable, CaseIterable {
    case html, md

    public func renderer(language: Language) -> any LessonsReportRenderer {
        switch self {
        case .html: return LessonsHTMLRenderer(language: language)
        case .md: return LessonsMarkdownRenderer(language: language)
        }
    }
}
