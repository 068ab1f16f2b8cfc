// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "tripplan",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "tripplan", targets: ["tripplan"]),
        .executable(name: "tripplan-bench", targets: ["tripplan-bench"]),
        .library(name: "TripPlanKit", targets: ["TripPlanKit"]),
    ],
    targets: [
        .target(name: "TripPlanKit"),
        .executableTarget(name: "tripplan", dependencies: ["TripPlanKit"]),
        .executableTarget(name: "tripplan-bench", dependencies: ["TripPlanKit"]),
        .testTarget(
            name: "TripPlanKitTests",
            dependencies: ["TripPlanKit"],
            resources: [.copy("Fixtures"), .copy("Snapshots")]
        ),
    ]
)
