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
            // The executable is a dependency so that process-level tests (exit codes, concurrent
            // writers killed mid-write, printing in a browser) can run the real binary.
            dependencies: ["TripPlanKit", "tripplan"],
            resources: [.copy("Fixtures"), .copy("Snapshots")]
        ),
        .testTarget(name: "TripPlanBenchTests", dependencies: ["tripplan-bench", "TripPlanKit"]),
    ]
)
