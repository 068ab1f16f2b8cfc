import Foundation

/// The search's tuning constants. Builds made with `-D TRIPPLAN_TRACE` read overrides from the environment
/// (`TRIPPLAN_TUNE_<NAME>`) so that variants can be compared without rebuilding; other builds use the values here.
enum Tuning {
    static let neighbours = value("NEIGHBOURS", 40)
    static let ruinCap = value("RUIN_CAP", 30)
    /// A multi-day ruin removes 2 to `placed / ruinDivisor + 1` visits, at most `ruinCap + 1`. Half the plan
    /// rather than a sixth: tuning trips, 1 s, seeds 1-64 x 2 search seeds, 25 places 29 better / 10 worse
    /// (+121 score), 50: 46 / 29 (+4 required), 100: 63 / 57 (+2 required, +210 score); at 200 the cap keeps
    /// it near where it was (30 rather than 25-30) and the runs differ by their spread (54 / 68, +1
    /// required, -62 score). Searches without a limit: more score at every size, in 45 ms rather than 28 at
    /// 25 places, 150 rather than 87 at 50.
    static let ruinDivisor = value("RUIN_DIV", 2)
    /// Relative weights of the ruin kinds on multi-day trips: a whole day, around a missing visit, a visit
    /// and its nearest neighbours, a missing visit forced into a cleared day (one-day trips always use the
    /// neighbours).
    static let ruinWeights = [value("W_DAY", 2), value("W_MISSING", 1), value("W_NEAR", 3), value("W_FORCE", 3)]
    static let noise = value("NOISE", 25)
    /// With a time limit, each fresh search that weighs score (not `countOptional`) reserves this many
    /// optional places, drawn by score: its required-only part plans them too, ranked below the required
    /// visits and above travel, so that it builds its days around them; then they are optional again.
    /// (Tuning trips, 1 s, one core, side by side with 0; seeds 1-32 with search seeds 1 and 2, 33-64 with
    /// 3 and 4: 25 places 19 better / 3 worse, -1 required visit, +105 score; 50 places 14 / 17, -1
    /// required, -7 score; 100 places 33 / 22, +1 required, +28 score. Counted as required visits instead,
    /// reserved places cost required visits: -2 at 25 places and -3 at 100 with two.)
    static let reserve = value("RESERVE", 2)
    /// With a time limit, a search whose required-only part hands over with fewer required visits than an
    /// earlier search found gives up there (1; 0: goes on): it could not win by optional score, and the
    /// time goes to a fresh search. (Tuning trips, 1 s, one core, side by side with 0; seeds 1-32 with
    /// search seeds 1 and 2, seeds 33-64 with 3 and 4, and at 50 places also seeds 1-32 with 3 and 4:
    /// 25 places 2 better / 0 worse; 50 places 17 / 6, +34 score; 100 places 36 / 21, +1 required visit,
    /// +35 score. 200-place searches do not start afresh within a second. Without a limit it never applies,
    /// so those plans are unchanged.)
    static let abandon = value("ABANDON", 1)
    /// With a time limit, every `countOptionalEvery`-th search started afresh (the first, the third, …
    /// for 2) counts optional visits rather than their score (`LocalSearch.countOptional`; 0: none).
    static let countOptionalEvery = value("COUNT_OPTIONAL_EVERY", 2)
    static let allowance = Double(value("ALLOWANCE_PERMILLE", 100)) / 1000
    /// With a time limit the allowance is 40 %. A search started afresh lasts until it stalls, which on
    /// small trips is a small part of the time to the limit, so its allowance hardly shrinks; the plans
    /// with more visits were often far longer ones, which 10 % kept out of reach. (Tuning trips, 1 s,
    /// seeds 1-64, search seeds 1 and 2, side by side with 10 %: 25 places 11 better / 1 worse, +4
    /// required visits, +16 score, and with search seeds 3 and 4 12 / 4, +3 required; 50 places with
    /// search seeds 3 and 4 24 / 18, +16 score (the same build against itself gave 20 / 7 there); 100
    /// places 56 / 47, +2 required, +99 score; 200 places 61 / 51, +3 required, +198 score. 30 % and 60 %
    /// were close behind at 25 and 50 places. Without a limit 30 % did no better, 25 to 200 places 35
    /// trips better and 33 worse, as many required visits, so 10 % stays there.)
    static let limitedAllowance = Double(value("LIMITED_ALLOWANCE_PERMILLE", 400)) / 1000
    /// Percent of the rounds, once optional visits are in, that aim at a missing optional visit even while
    /// required ones are missing.
    static let optionalTarget = value("OPTIONAL_TARGET", 50)
    static let requiredFirst = value("REQUIRED_FIRST_PERMILLE", 500)
    static let restarts = value("RESTARTS", 3)
    /// With a time limit, a search that finds no new best for `stallRestart` times a third of
    /// `restartWork / visits` rounds (within `roundsMin...roundsMax`) starts afresh (0: never); see `run`.
    /// (That was the wait of a search without a limit until its rounds were raised, below.)
    static let stallRestart = value("STALL_RESTART", 1)
    static let restartWork = value("RESTART_WORK", 100_000)
    /// ... and at least `stallPerPlace` / 10 rounds per place: on large trips a round changes a smaller
    /// share of the plan (tuning trips of 200 places, seeds 1-32 x 2 search seeds, 1 s: 38 better, 24
    /// worse, +119 optional score; below about 115 places the rounds-based wait is longer anyway).
    static let stallPerPlace = value("STALL_PER_PLACE", 25)
    /// Rounds of a search without a time limit: `roundsWork / visits`, within `roundsMin...roundsMax`;
    /// 2000 up to 200 visits. (Rather than `100_000 / visits`, which gave 1000 at 100 visits and 500 at
    /// 200: tuning trips, seeds 1-32, 100 places 21 better / 7 worse, +1 required visit, +74 score; 200
    /// places 31 / 1, +2 required, +322 score; 0.6 s rather than 0.4 at 100 places and 1.0 s rather than
    /// 0.4 at 200 on the benchmark machine. Up to 50 visits it is 2000 either way. 4000 rounds at 100
    /// places found no more: 15 better, 17 worse.)
    static let roundsWork = value("ROUNDS_WORK", 400_000)
    static let roundsMin = value("ROUNDS_MIN", 300)
    static let roundsMax = value("ROUNDS_MAX", 2000)
    /// Without a time limit, the searches afresh after a stall share `LocalSearch.roundsInAll` rounds.
    /// (Tuning trips, seeds 1-32, against one search: 50 places 12 better / 1 worse, +2 required, +31
    /// score; seeds 33-64: 15 / 1, +1 required, +38; 100 places, about 3000 rounds in all, seeds 1-32:
    /// 7 / 2, +1 required, +13 score. 0.7 s rather than 0.35 at 50 places and 0.9 rather than 0.6 at 100
    /// on the benchmark machine. At 25 places it gained less for 2.5 times the time, 0.2 s rather than
    /// 0.08: 3 / 1, +19 score and 5 / 0, +17; and the tests' trips, in a debug build, took three times
    /// as long. So not below 40 visits, nor on one-day trips, where it was not measured.)
    static let freshRounds = value("FRESH_ROUNDS", 3)
    static let freshWork = value("FRESH_WORK", 300_000)
    static let freshFrom = value("FRESH_FROM", 40)
    /// Re-planning pairs of days exactly (`repackPairs`): at most `repackPasses` passes over the pairs, at
    /// most `repackPool` visits in a pair's pool, only pairs with room for an unplaced visit
    /// (`repackNeedUnplaced`). With a time limit it follows every search that stalls in time, for at most
    /// `repackShare` % of that search's time; without one it follows the search, for at most `repackLabels`
    /// labels of the day DP (about a quarter of a second on the benchmark machine).
    static let repackPasses = value("REPACK_PASSES", 3)
    static let repackPool = value("REPACK_POOL", 16)
    static let repackShare = value("REPACK_SHARE", 50)
    static let repackNeedUnplaced = value("REPACK_NEED_UNPLACED", 1)
    static let repackLabels = value("REPACK_LABELS", 500_000)
    /// Ejection chains on the best plan of a multi-day trip (`placeByChains`): at most `chainDepth` links, at
    /// most `chainBudget` links priced per unplaced visit, and with a time limit `chainShare` ‰ of it held
    /// back for them. (Tuning trips, 1 s, seeds 1-32, search seeds 1 and 2, one core each, side by side
    /// with no chains: 5 % held back, 200 places 38 better / 25 worse, -1 required visit, +253 score, and
    /// without the local search after them 42 / 21, +238; 100 places 32 / 16, +82 and 32 / 13, -1
    /// required, +144; 50 places 11 / 7, +21; 25 places the same plans. 3 %: 200 places 45 / 19, +2
    /// required, +132; 100 places 23 / 20, -1 required, +120. 8 %: 200 places 29 / 35, +28; 100 places
    /// 30 / 17, +8. 10 %: 200 places 43 / 21, -1 required, +138; 20 %: 36 / 28, +60. Four links rather
    /// than eight: 200 places 34 / 29, -3 required, +87; 100 places 18 / 23. Chains tried inside every
    /// round of the search, three links, after each ejection that fails: 200 places 5 / 59, -855 score.)
    static let chainShare = value("CHAIN_SHARE", 50)
    static let chainDepth = value("CHAIN_DEPTH", 8)
    static let chainBudget = value("CHAIN_BUDGET", 200_000)
    /// Re-planning all days at once (`repackAllDays`): pools of at most `packPool` places a day (0: not at
    /// all). With a time limit, once a search has stalled, `packShare` ‰ of it at 100 visits before the
    /// chains' share, in inverse proportion to the visits squared (`packSharePower` 2; 1: to the visits),
    /// within `packShareMin...packShareMax`; without one at most `packLabels` labels of the day DP; at most
    /// `packPivots` simplex pivots either way and `packNodes` nodes of its branch and bound without a time
    /// limit (`packNodesLimited` with one, where the share of the time bounds it too), each node but
    /// the root starting from its parent's basis (`packWarm` 1; 0: afresh, as before 3 Dec), branching on a
    /// place's day (`packBranch` 1; 0: on a route, as before). Besides the
    /// pools' routes, the first `packMemory` distinct routes each day had after a round of the search (0:
    /// none). (Tuning trips 1-32, search seeds 3 and 4, 1 s, side by side with `packPool` 0, and with
    /// `packMemory` 0: see docs/scheduler.md, step 5.)
    static let packPool = value("PACK_POOL", 16)
    static let packShare = value("PACK_SHARE", 150)
    static let packShareMin = value("PACK_SHARE_MIN", 0)
    static let packSharePower = value("PACK_SHARE_POWER", 2)
    static let packShareMax = value("PACK_SHARE_MAX", 250)
    static let packLabels = value("PACK_LABELS", 600_000)
    static let packPivots = value("PACK_PIVOTS", 20_000)
    static let packNodes = value("PACK_NODES", 50)
    /// With a time limit, 150 nodes rather than 50 (since the branching on a place's day; 1 s, one core each,
    /// side by side, tuning trips 1-32 and 33-64: 50 places 23 better / 11 worse, 100 places 93 / 62). Without
    /// one, 150 found a little more (12 / 6, +12 score) in 1.4 times the time, up to 7 s at 200 places.
    static let packNodesLimited = value("PACK_NODES_LIMITED", 150)
    static let packMemory = value("PACK_MEMORY", 500)
    static let packWarm = value("PACK_WARM", 1)
    static let packBranch = value("PACK_BRANCH", 1)
    private static func value(_ name: String, _ standard: Int) -> Int {
        #if TRIPPLAN_TRACE
        if let text = ProcessInfo.processInfo.environment["TRIPPLAN_TUNE_" + name], let number = Int(text) { return number }
        #endif
        return standard
    }
}
