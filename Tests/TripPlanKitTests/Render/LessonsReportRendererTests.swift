import Testing
@testable import TripPlanKit

@Suite struct LessonsReportRendererTests {
    static let today = LocalDate(year: 2023, month: 7, day: 1)
    static let report = LessonsReport(trip: LessonsSample.trip, itinerary: LessonsSample.itinerary,
                                      log: LessonsSample.log, today: today)

    @Test(arguments: [(LessonsReportFormat.html, Language.lv), (.html, .en), (.md, .lv), (.md, .en)])
    func matchesTheGoldenFile(format: LessonsReportFormat, language: Language) {
        let text = format.renderer(language: language).render(Self.report)
        Snapshot.assertMatches(text, named: "lessons-report-\(language.rawValue).\(format.rawValue)")
    }

    @Test func htmlIsSelfContainedAndEscapesUserText() {
        let html = LessonsHTMLRenderer(language: .lv).render(Self.report)
        #expect(html.contains(#"<meta http-equiv="Content-Security-Policy" content="default-src 'none'"#))
        #expect(html.contains("@page { size: A4"))
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.contains("http://") || html.components(separatedBy: "http://").count == 2) // only the SVG namespace
        #expect(html.contains("Minimālisms + projekti &lt;b&gt;strādā&lt;/b&gt; &amp; jaunieši"))
        #expect(html.contains("Partnerība &lt;Daugavkrasts&gt;"))
        #expect(!html.contains("<b>strādā</b>"))
    }

    @Test func hostileTextCannotEscapeIntoMarkup() {
        var log = LessonLog()
        _ = try? log.add(Lesson(id: "", place: "cowork", lesson: "</dd><script>alert(1)</script>",
                                followUps: [FollowUp(action: "a | b", owner: "\"><img src=x onerror=alert(1)>")]))
        let report = LessonsReport(trip: LessonsSample.trip, itinerary: LessonsSample.itinerary, log: log, today: Self.today)
        let html = LessonsHTMLRenderer(language: .en).render(report)
        #expect(!html.contains("<script>") && !html.contains("<img"))
        #expect(html.contains("&lt;/dd&gt;&lt;script&gt;alert(1)&lt;/script&gt;"))
        let md = LessonsMarkdownRenderer(language: .en).render(report)
        #expect(md.contains(#"\<script\>"#) && md.contains(#"a \| b"#) && md.contains(#""\>\<img src=x"#))
    }

    @Test func overdueIsJudgedAgainstTodayGivenAsAParameter() {
        let rows = Self.report.followUps
        #expect(rows.map(\.reference) == ["L2", "L3", "L7", "L1"]) // overdue first, then by due date, done last
        #expect(rows.map(\.overdue) == [true, false, false, false])
        let earlier = LessonsReport(trip: LessonsSample.trip, itinerary: LessonsSample.itinerary, log: LessonsSample.log,
                                    today: LocalDate(year: 2023, month: 6, day: 1))
        #expect(earlier.followUps.allSatisfy { !$0.overdue })
    }

    @Test func theSuggestionSaysHowMuchLongerAndWhichSpeedWouldHaveMatched() {
        let words = LessonsWords(language: .en)
        #expect(words.suggestion(Self.report.comparison.suggestion)
                == "Legs took 23% longer than planned (4 legs, 135 min against 110 min planned, 93 km): a coach speed of 59 km/h (instead of 80 km/h) would have matched.")
        #expect(LessonsWords(language: .lv).suggestion(Self.report.comparison.suggestion)
                == "Braucieni ilga par 23% ilgāk nekā plānots (4 braucieni, 135 min pret plānotajām 110 min, 93 km): autobusa ātrums 59 km/h (nevis 80 km/h) būtu sakritis.")
    }
}
