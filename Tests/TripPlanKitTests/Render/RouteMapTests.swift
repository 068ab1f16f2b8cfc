import Foundation
import Testing
@testable import TripPlanKit

@Suite struct RouteMapTests {
    /// The centres of the numbered circles, by number.
    func circles(_ svg: String) throws -> [Int: (x: Double, y: Double)] {
        let pattern = try Regex(#"<circle cx="([0-9.]+)" cy="([0-9.]+)" r="9.0" fill="[^"]+"/><text x="[0-9.]+" y="[0-9.]+">([0-9]+)</text>"#)
        var result: [Int: (x: Double, y: Double)] = [:]
        for match in svg.matches(of: pattern) {
            let x = Double(match.output[1].substring!)!, y = Double(match.output[2].substring!)!
            result[Int(match.output[3].substring!)!] = (x, y)
        }
        return result
    }

    @Test func westIsLeftNorthIsUpAndLongitudesShrinkWithLatitude() throws {
        // Around 60°N a degree of longitude is half as long as a degree of latitude.
        let map = RouteMap(routes: [], markers: [
            RouteMap.Marker(point: .init(lat: 60, lon: 20), number: 1, style: 0),
            RouteMap.Marker(point: .init(lat: 60, lon: 22), number: 2, style: 0),
            RouteMap.Marker(point: .init(lat: 61, lon: 20), number: 3, style: 0),
        ], labels: [], minHeightRatio: 0.2)
        let points = try circles(map.svg(title: "t"))
        let west = try #require(points[1]), east = try #require(points[2]), north = try #require(points[3])
        #expect(east.x > west.x)
        #expect(north.y < west.y)
        let lonSpan = east.x - west.x, latSpan = west.y - north.y
        #expect(abs(lonSpan / latSpan - 2 * cos(60.5 * .pi / 180)) < 0.02)
    }

    @Test func stopsOnOneSpotAreFannedOutWithALeader() throws {
        let spot = RouteMap.Point(lat: 56.51, lon: 21.01)
        let map = RouteMap(routes: [RouteMap.Route(points: [spot, .init(lat: 56.83, lon: 24.23)], style: 0)],
                           markers: [RouteMap.Marker(point: spot, number: 4, style: 1),
                                     RouteMap.Marker(point: spot, number: 5, style: 1)],
                           labels: [RouteMap.Label(text: "Liepāja", point: spot)])
        let svg = map.svg(title: "Karte")
        let points = try circles(svg)
        let a = try #require(points[4]), b = try #require(points[5])
        #expect(hypot(a.x - b.x, a.y - b.y) >= 18)
        #expect(svg.contains("<line class=\"leader\""))
        #expect(svg.contains(">Liepāja</text>"))
        #expect(svg.contains("<polyline class=\"route\""))
    }

    @Test func textIsEscaped() {
        let map = RouteMap(routes: [], markers: [], labels: [RouteMap.Label(text: "<b>&", point: .init(lat: 56, lon: 24))])
        let svg = map.svg(title: "\"><script>")
        #expect(svg.contains("&lt;b&gt;&amp;"))
        #expect(!svg.contains("<script>"))
        #expect(!svg.contains("<b>"))
    }
}
