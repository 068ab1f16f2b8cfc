import Testing
@testable import TripPlanKit

@Suite struct MarkdownEscapingTests {
    @Test(arguments: [
        ("plain Ķekava text", "plain Ķekava text"),
        ("a | b", "a \\| b"),
        ("<script>alert(1)</script>", "\\<script\\>alert(1)\\</script\\>"),
        ("*bold* _it_ `code` ~del~", "\\*bold\\* \\_it\\_ \\`code\\` \\~del\\~"),
        ("[link](x) ![img](y)", "\\[link\\](x) !\\[img\\](y)"),
        ("Jauniešu māja (ap 1 h) & dārzs {x}!", "Jauniešu māja (ap 1 h) & dārzs {x}!"),
        ("&amp; &#60; & x", "\\&amp; \\&#60; & x"),
        ("# heading", "# heading"),
        ("+371 20 000 000", "+371 20 000 000"),
        ("back\\slash", "back\\\\slash"),
        ("two\nlines\r\n  > not a quote", "two lines \\> not a quote"),
        ("Kuģinieku iela 5-7", "Kuģinieku iela 5-7"),
    ])
    func escapes(_ input: String, _ expected: String) {
        #expect(MarkdownEscaping.escape(input) == expected)
    }

    @Test(arguments: [
        ("# heading", "\\# heading"),
        ("> quote", "\\> quote"),
        ("- item", "\\- item"),
        ("+ item", "\\+ item"),
        ("= underline", "\\= underline"),
        ("2023. gada", "2023\\. gada"),
        ("*bold*", "\\*bold\\*"),
        ("Ķekava 2023", "Ķekava 2023"),
    ])
    func escapesWhatWouldOpenABlock(_ input: String, _ expected: String) {
        #expect(MarkdownEscaping.escapeParagraph(input) == expected)
    }
}
