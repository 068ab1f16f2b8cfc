import Testing
@testable import TripPlanKit

@Suite struct TimeOfDayTests {
    @Test func parsesAndPrints() {
        #expect(TimeOfDay(parsing: "07:30")?.minutes == 450)
        #expect(TimeOfDay(parsing: "7:30")?.description == "07:30")
        #expect(TimeOfDay(parsing: "24:00")?.minutes == 1440)
    }

    @Test(arguments: ["25:00", "24:01", "12:60", "12", "12:5", "-1:00", "ab:cd", ""])
    func rejects(_ text: String) {
        #expect(TimeOfDay(parsing: text) == nil)
    }
}

@Suite struct PlaceKindTests {
    @Test func knownKindsReadInLatvian() {
        let place = Place(id: "x", name: "X", lat: 0, lon: 0, kind: "Youth-Centre")
        #expect(place.kindName(.lv) == "jauniešu centrs")
        #expect(place.kindName(.en) == "Youth-Centre")
        #expect(Place(id: "y", name: "Y", lat: 0, lon: 0, kind: "bākas muzejs").kindName(.lv) == "bākas muzejs")
        #expect(Place(id: "z", name: "Z", lat: 0, lon: 0).kindName(.lv) == nil)
    }
}
