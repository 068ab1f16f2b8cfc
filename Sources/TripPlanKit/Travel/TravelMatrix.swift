/// Door-to-door travel minutes and road kilometres between every pair of a trip's places.
///
/// Indices follow `Trip.places`; the solvers work on the flat integer arrays.
public struct TravelMatrix: Sendable, Hashable {
    public let ids: [Place.ID]
    /// Row-major `count × count` minutes.
    public let minutes: [Int]
    /// Row-major `count × count` kilometres.
    public let km: [Double]
    public let index: [Place.ID: Int]

    public init(ids: [Place.ID], minutes: [Int], km: [Double]) {
        precondition(minutes.count == ids.count * ids.count && km.count == minutes.count)
        self.ids = ids
        self.minutes = minutes
        self.km = km
        var index: [Place.ID: Int] = [:]
        for (i, id) in ids.enumerated() { index[id] = i }
        self.index = index
    }

    public var count: Int { ids.count }

    public func minutes(_ from: Int, _ to: Int) -> Int { minutes[from * ids.count + to] }
    public func km(_ from: Int, _ to: Int) -> Double { km[from * ids.count + to] }

    public func minutes(from: Place.ID, to: Place.ID) -> Int? {
        guard let a = index[from], let b = index[to] else { return nil }
        return minutes(a, b)
    }

    public func km(from: Place.ID, to: Place.ID) -> Double? {
        guard let a = index[from], let b = index[to] else { return nil }
        return km(a, b)
    }
}
