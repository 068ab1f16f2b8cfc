/// Facts about this build of tripplan.
public enum TripPlan {
    public static let version = "0.1.0"
}
