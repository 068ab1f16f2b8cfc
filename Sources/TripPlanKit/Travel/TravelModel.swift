import Foundation

/// The offline travel estimate and the rules that combine it with exact figures.
///
/// For each ordered pair of places, in this order of precedence:
/// 1. `travel.minutes[a][b]` from the trip file, used exactly as given;
/// 2. the OSRM table's duration, rounded up to whole minutes, plus the per-leg buffer;
/// 3. the estimate: great-circle km × detour factor ÷ coach speed, rounded up, plus the per-leg buffer.
/// Kilometres come from the OSRM table when it has them, else great-circle km × detour factor.
/// A place to itself is 0 minutes and 0 km.
public enum TravelModel {
    /// Mean Earth radius (IUGG), km.
    static let earthRadiusKm = 6371.0088

    /// Great-circle distance by the haversine formula.
    public static func greatCircleKm(lat1: Double, lon1: Double, lat2: Double, lon2: Double) -> Double {
        let rad = Double.pi / 180
        let dLat = (lat2 - lat1) * rad, dLon = (lon2 - lon1) * rad
        let a = sin(dLat / 2) * sin(dLat / 2) + cos(lat1 * rad) * cos(lat2 * rad) * sin(dLon / 2) * sin(dLon / 2)
        return 2 * earthRadiusKm * asin(min(1, sqrt(a)))
    }

    /// Estimated road km and door-to-door minutes between two different places.
    public static func estimate(from a: Place, to b: Place, parameters p: TravelModelParameters) -> (minutes: Int, km: Double) {
        let road = greatCircleKm(lat1: a.lat, lon1: a.lon, lat2: b.lat, lon2: b.lon) * p.detourFactor
        let driving = Int((road / p.speedKmh * 60).rounded(.up))
        return (driving + p.bufferMinutes, road)
    }

    /// The full matrix for a trip.
    public static func matrix(for trip: Trip) -> TravelMatrix {
        let places = trip.places
        let n = places.count
        var minutes = [Int](repeating: 0, count: n * n)
        var km = [Double](repeating: 0, count: n * n)
        var osrmIndex: [Place.ID: Int] = [:]
        if let osrm = trip.travel.osrm {
            for (i, id) in osrm.places.enumerated() { osrmIndex[id] = i }
        }
        let p = trip.travel.model
        for i in 0..<n {
            for j in 0..<n where i != j {
                let a = places[i], b = places[j]
                var (m, k) = estimate(from: a, to: b, parameters: p)
                if let osrm = trip.travel.osrm, let oi = osrmIndex[a.id], let oj = osrmIndex[b.id] {
                    if let seconds = osrm.durations[oi][oj] {
                        m = Int((seconds / 60).rounded(.up)) + p.bufferMinutes
                    }
                    if let metres = osrm.distances?[oi][oj] { k = metres / 1000 }
                }
                if let exact = trip.travel.minutes[a.id]?[b.id] { m = exact }
                minutes[i * n + j] = m
                km[i * n + j] = k
            }
        }
        return TravelMatrix(ids: places.map(\.id), minutes: minutes, km: km)
    }
}
