import Foundation

/// A route map drawn as inline SVG from coordinates alone: no tile server, no network, nothing to load.
///
/// The projection is equirectangular with longitudes scaled by the cosine of the middle latitude, which
/// keeps shapes true enough at the scale of a region (a few hundred kilometres). Visits are numbered
/// circles, start and night stops are squares, each route is a line in its own colour and dash (readable in
/// black-and-white print too), towns are labelled, and a scale bar gives distances. Markers that would
/// cover each other are fanned out with a thin leader to their true position.
struct RouteMap: Sendable {
    struct Point: Sendable, Hashable {
        var lat: Double
        var lon: Double
    }

    struct Route: Sendable, Hashable {
        var points: [Point]
        /// Picks colour and dash; routes of different days get different styles.
        var style: Int
    }

    struct Marker: Sendable, Hashable {
        var point: Point
        /// The visit's number; nil draws a square (start, night stop, end).
        var number: Int?
        var style: Int
    }

    struct Label: Sendable, Hashable {
        var text: String
        var point: Point
    }

    var routes: [Route]
    var markers: [Marker]
    var labels: [Label]
    /// Width of the drawing in SVG units; the height follows the region's shape.
    var width: Double = 600
    /// The least height as a share of the width (the cover's map may stand taller than a day's).
    var minHeightRatio: Double = 0.5
    /// The greatest height as a share of the width, so that a north–south route cannot crowd out the page.
    var maxHeightRatio: Double = 0.8

    static let colours = ["#1f5f8b", "#b5541c", "#2e7d4f", "#6b3fa0", "#8a6d00", "#a3324a"]
    static let dashes = ["", "9 5", "3 4", "12 4 3 4"]

    static func colour(_ style: Int) -> String { colours[style % colours.count] }
    static func dash(_ style: Int) -> String { dashes[style % dashes.count] }

    private struct Frame {
        var minX, minY, scale, offsetX, offsetY, height: Double
        var lat0: Double
        func project(_ point: Point) -> (x: Double, y: Double) {
            let x = point.lon * cos(lat0 * .pi / 180)
            return (offsetX + (x - minX) * scale, height - offsetY - (point.lat - minY) * scale)
        }
    }

    private func frame() -> Frame {
        let points = routes.flatMap(\.points) + markers.map(\.point) + labels.map(\.point)
        let lats = points.map(\.lat), lons = points.map(\.lon)
        let minLat = lats.min() ?? 0, maxLat = lats.max() ?? 0
        let lat0 = (minLat + maxLat) / 2
        let k = cos(lat0 * .pi / 180)
        let xs = lons.map { $0 * k }
        let minX = xs.min() ?? 0, maxX = xs.max() ?? 0
        // A single place, or places in one street, still get a map a few kilometres across.
        let spanX = max(maxX - minX, 0.04), spanY = max(maxLat - minLat, 0.03)
        let padding = 44.0
        let height = min(max(width * spanY / spanX, width * minHeightRatio), width * maxHeightRatio)
        let scale = min((width - 2 * padding) / spanX, (height - 2 * padding) / spanY)
        let offsetX = (width - spanX * scale) / 2 - (spanX - (maxX - minX)) * scale / 2
        let offsetY = (height - spanY * scale) / 2 - (spanY - (maxLat - minLat)) * scale / 2
        return Frame(minX: minX, minY: minLat, scale: scale, offsetX: offsetX, offsetY: offsetY, height: height,
                     lat0: lat0)
    }

    static func number(_ value: Double) -> String { String(format: "%.1f", value) }

    /// The `<svg>` element; `title` names it for screen readers.
    func svg(title: String) -> String {
        let f = frame()
        let n = RouteMap.number
        var out = "<svg class=\"map\" viewBox=\"0 0 \(n(width)) \(n(f.height))\" role=\"img\" aria-label=\"\(HTMLEscaping.escape(title))\">\n"
        out += "<title>\(HTMLEscaping.escape(title))</title>\n"
        out += "<rect class=\"map-bg\" x=\"0.5\" y=\"0.5\" width=\"\(n(width - 1))\" height=\"\(n(f.height - 1))\"/>\n"
        out += graticule(f)
        for route in routes where route.points.count > 1 {
            let coordinates = route.points.map { f.project($0) }.map { "\(n($0.x)),\(n($0.y))" }.joined(separator: " ")
            let dash = RouteMap.dash(route.style)
            out += "<polyline class=\"route\" points=\"\(coordinates)\" stroke=\"\(RouteMap.colour(route.style))\""
                + (dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\"") + "/>\n"
        }
        // Squares first, so that numbered visits sit on top of them; town names go between the two, so
        // that a name can never hide a visit's number.
        let radius = 9.0
        var placed: [(x: Double, y: Double)] = []
        var seenSquares: Set<Point> = []
        for marker in markers where marker.number == nil && !seenSquares.contains(marker.point) {
            seenSquares.insert(marker.point)
            let p = f.project(marker.point)
            out += "<rect class=\"endpoint\" x=\"\(n(p.x - 5.5))\" y=\"\(n(p.y - 5.5))\" width=\"11\" height=\"11\"/>\n"
            placed.append(p)
        }
        var stops = ""
        for marker in markers {
            guard let number = marker.number else { continue }
            let truth = f.project(marker.point)
            var p = truth
            let clear = { (q: (x: Double, y: Double)) in
                placed.allSatisfy { hypot($0.x - q.x, $0.y - q.y) >= 2 * radius + 1 }
                    && q.x > radius && q.x < width - radius && q.y > radius && q.y < f.height - radius
            }
            if !clear(p) {
                // Fan out around the true position until the circle is free.
                search: for ring in 1...5 {
                    for step in 0..<8 {
                        let angle = (45 - Double(step) * 45) * .pi / 180
                        let distance = 2.4 * radius * Double(ring)
                        let q = (x: truth.x + distance * cos(angle), y: truth.y - distance * sin(angle))
                        if clear(q) { p = q; break search }
                    }
                }
                stops += "<line class=\"leader\" x1=\"\(n(truth.x))\" y1=\"\(n(truth.y))\" x2=\"\(n(p.x))\" y2=\"\(n(p.y))\"/>"
                stops += "<circle class=\"spot\" cx=\"\(n(truth.x))\" cy=\"\(n(truth.y))\" r=\"2\"/>\n"
            }
            placed.append(p)
            stops += "<g class=\"stop\"><circle cx=\"\(n(p.x))\" cy=\"\(n(p.y))\" r=\"\(n(radius))\" fill=\"\(RouteMap.colour(marker.style))\"/>"
                + "<text x=\"\(n(p.x))\" y=\"\(n(p.y + 3.6))\">\(number)</text></g>\n"
        }
        out += townLabels(f, avoiding: placed, radius: radius)
        out += stops
        out += scaleBar(f)
        out += "</svg>"
        return out
    }

    private func graticule(_ f: Frame) -> String {
        let n = RouteMap.number
        let k = cos(f.lat0 * .pi / 180)
        let minLon = f.minX / k - (f.offsetX / f.scale) / k, maxLon = minLon + (width / f.scale) / k
        let minLat = f.minY - (f.offsetY / f.scale), maxLat = minLat + f.height / f.scale
        let span = max(maxLon - minLon, maxLat - minLat)
        let step = span > 6 ? 2.0 : span > 3 ? 1.0 : span > 1.2 ? 0.5 : span > 0.5 ? 0.2 : 0.1
        var out = "<g class=\"graticule\">"
        var lon = (minLon / step).rounded(.up) * step
        while lon < maxLon {
            let x = f.project(Point(lat: f.minY, lon: lon)).x
            out += "<line x1=\"\(n(x))\" y1=\"0\" x2=\"\(n(x))\" y2=\"\(n(f.height))\"/>"
            out += "<text x=\"\(n(x + 3))\" y=\"11\">\(String(format: "%.1f", lon))°E</text>"
            lon += step
        }
        var lat = (minLat / step).rounded(.up) * step
        while lat < maxLat {
            let y = f.project(Point(lat: lat, lon: f.minX / k)).y
            out += "<line x1=\"0\" y1=\"\(n(y))\" x2=\"\(n(width))\" y2=\"\(n(y))\"/>"
            out += "<text x=\"4\" y=\"\(n(y - 3))\">\(String(format: "%.1f", lat))°N</text>"
            lat += step
        }
        return out + "</g>\n"
    }

    private func townLabels(_ f: Frame, avoiding circles: [(x: Double, y: Double)], radius: Double) -> String {
        struct Box { var x0, y0, x1, y1: Double
            func overlaps(_ o: Box) -> Bool { x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1 }
        }
        let n = RouteMap.number
        let fontSize = 12.5
        var taken = circles.map { Box(x0: $0.x - radius, y0: $0.y - radius, x1: $0.x + radius, y1: $0.y + radius) }
        var out = "<g class=\"towns\">"
        for label in labels {
            let p = f.project(label.point)
            let w = Double(label.text.count) * fontSize * 0.56
            // Right, left, above, below, then the diagonals; then the same further out.
            var candidates: [(x: Double, y: Double, anchor: String)] = []
            for gap in [radius + 3, 2.5 * radius + 3, 4.5 * radius + 3] {
                candidates += [
                    (p.x + gap, p.y + 4, "start"), (p.x - gap, p.y + 4, "end"),
                    (p.x, p.y - gap - 2, "middle"), (p.x, p.y + gap + 12, "middle"),
                    (p.x + gap, p.y - gap, "start"), (p.x - gap, p.y - gap, "end"),
                    (p.x + gap, p.y + gap + 8, "start"), (p.x - gap, p.y + gap + 8, "end"),
                ]
            }
            func box(_ c: (x: Double, y: Double, anchor: String)) -> Box {
                let x0 = c.anchor == "start" ? c.x : c.anchor == "end" ? c.x - w : c.x - w / 2
                return Box(x0: x0, y0: c.y - fontSize, x1: x0 + w, y1: c.y + 3)
            }
            let inside = { (b: Box) in b.x0 >= 2 && b.x1 <= width - 2 && b.y0 >= 2 && b.y1 <= f.height - 2 }
            // The first free place; failing that, the one that covers the fewest markers and labels.
            let fitting = candidates.filter { inside(box($0)) }
            let choice = fitting.min { a, b in
                taken.filter(box(a).overlaps).count < taken.filter(box(b).overlaps).count
            } ?? candidates[0]
            taken.append(box(choice))
            out += "<text x=\"\(n(choice.x))\" y=\"\(n(choice.y))\" text-anchor=\"\(choice.anchor)\">\(HTMLEscaping.escape(label.text))</text>"
        }
        return out + "</g>\n"
    }

    private func scaleBar(_ f: Frame) -> String {
        let n = RouteMap.number
        let pixelsPerKm = f.scale / 111.32
        let target = 110 / pixelsPerKm
        let nice = [1.0, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000].last { $0 <= target } ?? 1
        let length = nice * pixelsPerKm
        let x = width - 16 - length, y = f.height - 16
        return "<g class=\"scale\"><rect x=\"\(n(x - 6))\" y=\"\(n(y - 16))\" width=\"\(n(length + 12))\" height=\"24\"/>"
            + "<path d=\"M\(n(x)) \(n(y - 4))V\(n(y))H\(n(x + length))V\(n(y - 4))\"/>"
            + "<text x=\"\(n(x + length / 2))\" y=\"\(n(y - 6))\">\(Int(nice)) km</text></g>\n"
    }
}
