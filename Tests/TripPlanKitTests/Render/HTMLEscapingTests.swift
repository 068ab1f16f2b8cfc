import Testing
@testable import TripPlanKit

@Suite struct HTMLEscapingTests {
    @Test(arguments: [
        ("Ķekava — Ziemupe", "Ķekava — Ziemupe"),
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("\"><img src=x>", "&quot;&gt;&lt;img src=x&gt;"),
        ("it's", "it&#39;s"),
        ("&amp;", "&amp;amp;"),
    ])
    func escapes(_ input: String, _ expected: String) {
        #expect(HTMLEscaping.escape(input) == expected)
    }
}
