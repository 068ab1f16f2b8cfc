import Testing
@testable import TripPlanKit

/// Trip text is data, never markup: a title, place names, notes and contacts full of HTML must come out as
/// inert text in every format.
@Suite struct PlanHostileTextTests {
    static let payloads = ["<script>alert(1)</script>", "\"><img src=x onerror=alert(2)>", "</td></tr></table>",
                           "<a href=\"https://evil.example\">x</a>"]

    static var trip: Trip {
        var trip = PlanFixture.trip
        trip.title = "Trip <script>alert(1)</script> &amp;"
        trip.organizer = "\"><img src=x onerror=alert(2)>"
        trip.notes = "<a href=\"https://evil.example\">x</a>"
        trip.emergency = Emergency(phone: "<b>112</b>", contact: Contact(name: "</td></tr></table>"), notes: "&amp;")
        for index in trip.places.indices {
            trip.places[index].name += " <script>alert(1)</script>"
            trip.places[index].town = (trip.places[index].town ?? "") + "\"><img src=x onerror=alert(2)>"
            trip.places[index].notes = "&amp; | <a href=\"https://evil.example\">x</a>"
            trip.places[index].address = "| pipe | </td></tr></table>"
            trip.places[index].website = "javascript:alert(3)"
            trip.places[index].contact = Contact(name: "<i>n</i>", phone: "<script>alert(1)</script>",
                                                 email: "\"><img src=x onerror=alert(2)>")
            trip.places[index].kind = "<script>alert(1)</script>"
        }
        return trip
    }

    static let memories: [Place.ID: PlaceMemory] = [
        "metro": PlaceMemory(lastLesson: "<script>alert(1)</script>", lastLessonTrip: "&amp;",
                             openFollowUps: [PlaceMemory.FollowUpNote(action: "\"><img src=x onerror=alert(2)>",
                                                                      owner: "</td></tr></table>")]),
    ]

    @Test func htmlShowsMarkupAsText() {
        let page = PlanHTMLRenderer(trip: Self.trip, language: .lv, memories: Self.memories).render(PlanFixture.itinerary)
        for payload in Self.payloads {
            #expect(!page.contains(payload), "raw \(payload) in the HTML")
        }
        #expect(!page.lowercased().contains("<script"))
        #expect(!page.lowercased().contains("<img"))
        #expect(!page.contains("href=\""))
        #expect(!page.contains("onerror=alert(2)>"))
        #expect(page.contains("<h1>Trip &lt;script&gt;alert(1)&lt;/script&gt; &amp;amp;</h1>"))
        #expect(page.contains("&quot;&gt;&lt;img src=x onerror=alert(2)&gt;"))
        // The escaped page still has exactly the tables and sections the renderer made.
        #expect(page.components(separatedBy: "</table>").count == PlanHTMLRenderer(trip: PlanFixture.trip, language: .lv)
            .render(PlanFixture.itinerary).components(separatedBy: "</table>").count)
    }

    @Test func markdownShowsMarkupAsText() {
        let text = PlanMarkdownRenderer(trip: Self.trip, language: .lv, memories: Self.memories).render(PlanFixture.itinerary)
        for payload in Self.payloads {
            #expect(!text.contains(payload), "raw \(payload) in the Markdown")
        }
        // Every angle bracket is escaped, so no raw HTML can get through to a Markdown viewer.
        let chars = Array(text)
        // (A `>` that starts a line is the renderer's own quote marker.)
        let bare = chars.indices.filter {
            (chars[$0] == "<" || chars[$0] == ">") && $0 > 0 && chars[$0 - 1] != "\\" && chars[$0 - 1] != "\n"
        }
        #expect(bare.isEmpty)
        #expect(text.contains("\\&amp;"))
        #expect(text.contains("# Trip \\<script\\>alert(1)\\</script\\> \\&amp;\n"))
        // Pipes inside cells are escaped, so every table row keeps its column count.
        for line in text.split(separator: "\n") where line.hasPrefix("| ") && line.contains("Gaismas") {
            #expect(line.replacingOccurrences(of: "\\|", with: "").filter { $0 == "|" }.count == 6)
        }
    }
}
