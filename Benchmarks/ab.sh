#!/usr/bin/env bash
# Compares two builds of the scheduler on generated trips with a time limit, and judges the difference
# with a sign test (tripplan-bench compare). With a time limit every run is a draw, and a shared machine's
# speed moves by tens of per cent within an hour, so the two builds run at the same time, each on a core
# of its own (`--jobs 1`, pinned with taskset), trip by trip; with --turns they run one after the other,
# trip by trip, with the default number of searches (one per core).
#
#   Benchmarks/ab.sh main                      # main against the working tree: 100 and 200 places,
#                                              # tuning trips 1-32, search seeds 1 and 2, 1 s (about 5 min)
#   Benchmarks/ab.sh HEAD~3 --sizes 50 --seeds 1-64 --search-seeds 3,4
#   Benchmarks/ab.sh --before-bin A --after-bin B --turns    # two tripplan-bench binaries built already
#
# Options:
#   REF                  the build before: a commit, built once into .build/ab/<commit>
#   --before-bin PATH    the build before, a tripplan-bench binary (instead of REF)
#   --after-bin PATH     the build after (default: this checkout, built with 'swift build -c release')
#   --before-env "V=1"   environment for the runs before / after (e.g. TRIPPLAN_TUNE_<NAME>=… for a
#   --after-env "V=1"    build made with -Xswiftc -DTRIPPLAN_TRACE; other builds ignore it)
#   --sizes LIST         places per trip (default 100,200)
#   --seeds A-B          the generated trips (default 1-32, tuning trips; keep 101-110 for measuring)
#   --search-seeds LIST  the searches' seeds, comma-separated (default 1,2); a change to keep should
#                        hold on a second set
#   --budget SECONDS     the time limit of each run (default 1)
#   --turns              one after the other with one search per core, rather than both at once
#   --out DIR            where the tables go (default: a new temporary folder)
#   --best LIST          best-known answers for the comparison's 'meets' column, comma-separated
#                        (default: Benchmarks/best-known.txt, the held-out trips, and
#                        Benchmarks/best-known-tuning.txt, the tuning trips; "none" for no column)
#
# Exit status: 0 when both sides produced every table (whatever the comparison says), 2 on bad usage.
set -euo pipefail
cd "$(dirname "$0")/.."

usage() { sed -n '2,/^# Exit status/p' "$0" | sed 's/^# \{0,1\}//'; }
fail() { echo "ab.sh: $*" >&2; echo "Run 'Benchmarks/ab.sh --help' for the options." >&2; exit 2; }
# The value after an option, or a message naming the option when there is none.
value() { [ $# -ge 2 ] && [ -n "$2" ] || fail "$1 needs a value"; printf '%s' "$2"; }

ref="" before_bin="" after_bin="" before_env="" after_env=""
sizes="100,200" seeds="1-32" search_seeds="1,2" budget="1" turns=0 out="" best=""
while [ $# -gt 0 ]; do
    case "$1" in
        -h|--help) usage; exit 0 ;;
        --before-bin) before_bin="$(value "$1" "${2-}")" || exit 2; shift 2 ;;
        --after-bin) after_bin="$(value "$1" "${2-}")" || exit 2; shift 2 ;;
        --before-env) [ $# -ge 2 ] || fail "--before-env needs a value"; before_env="$2"; shift 2 ;;
        --after-env) [ $# -ge 2 ] || fail "--after-env needs a value"; after_env="$2"; shift 2 ;;
        --sizes) sizes="$(value "$1" "${2-}")" || exit 2; shift 2 ;;
        --seeds) seeds="$(value "$1" "${2-}")" || exit 2; shift 2 ;;
        --search-seeds) search_seeds="$(value "$1" "${2-}")" || exit 2; shift 2 ;;
        --budget) budget="$(value "$1" "${2-}")" || exit 2; shift 2 ;;
        --turns) turns=1; shift ;;
        --out) out="$(value "$1" "${2-}")" || exit 2; shift 2 ;;
        --best) best="$(value "$1" "${2-}")" || exit 2; shift 2 ;;
        -*) fail "unknown option '$1'" ;;
        *) [ -z "$ref" ] || fail "one commit only, got '$ref' and '$1'"; ref="$1"; shift ;;
    esac
done
[[ "$seeds" =~ ^[0-9]+-[0-9]+$ ]] || fail "--seeds takes a range such as 1-32, not '$seeds'"
first="${seeds%-*}" last="${seeds#*-}"
[ "$first" -le "$last" ] || fail "--seeds $seeds: the first seed is after the last"
[[ "$sizes" =~ ^[0-9]+(,[0-9]+)*$ ]] || fail "--sizes takes numbers such as 100,200, not '$sizes'"
[[ "$budget" =~ ^[0-9]*\.?[0-9]+$ ]] || fail "--budget takes seconds such as 1 or 0.5, not '$budget'"
[[ "$search_seeds" =~ ^[0-9]+(,[0-9]+)*$ ]] || fail "--search-seeds takes numbers such as 1,2, not '$search_seeds'"
if [ -n "$best" ] && [ "$best" != none ]; then
    for file in ${best//,/ }; do [ -f "$file" ] || fail "--best: no best-known file '$file'"; done
fi
if [ -n "$ref" ] && [ -n "$before_bin" ]; then fail "give the build before as a commit or as --before-bin, not both"; fi
if [ -z "$ref" ] && [ -z "$before_bin" ]; then
    if [ -z "$before_env" ] && [ -z "$after_env" ]; then
        fail "name the build before: a commit (e.g. main), --before-bin, or --before-env/--after-env for one build"
    fi
fi

if [ -n "$ref" ]; then
    commit="$(git rev-parse --verify --quiet "$ref^{commit}")" || fail "'$ref' is not a commit of this repository"
    tree=".build/ab/$commit"
    if [ ! -x "$tree/.build/release/tripplan-bench" ]; then
        echo "== building $ref ($commit) into $tree"
        [ -d "$tree" ] || git worktree add --detach "$tree" "$commit" >/dev/null
        swift build -c release --package-path "$tree" --product tripplan-bench >&2
    fi
    before_bin="$tree/.build/release/tripplan-bench"
fi
if [ -z "$after_bin" ]; then
    echo "== building this checkout"
    swift build -c release --product tripplan-bench >&2
    after_bin=.build/release/tripplan-bench
fi
[ -n "$before_bin" ] || before_bin="$after_bin"
for bin in "$before_bin" "$after_bin"; do [ -x "$bin" ] || fail "'$bin' is not an executable"; done

out="${out:-$(mktemp -d "${TMPDIR:-/tmp}/tripplan-ab.XXXXXX")}"
mkdir -p "$out"
pin=0
if [ "$turns" = 0 ]; then
    if command -v taskset >/dev/null && [ "$(nproc)" -ge 2 ]; then pin=1
    else echo "== no taskset or only one core: the two builds run in turns" >&2; turns=1; fi
fi
jobs=(--jobs 1)
[ "$turns" = 1 ] && jobs=()

# One trip of one side into $out/<side>-<search seed>-<size>-<seed>.csv.
run_one() {
    local side="$1" bin="$2" env_text="$3" core="$4" ss="$5" size="$6" seed="$7"
    local cmd=("$bin" quality --sizes "$size" --seeds "$seed-$seed" --budget "$budget" --search-seed "$ss"
               "${jobs[@]}" --best "$out/no-best-known.txt" --csv "$out/$side-$ss-$size-$seed.csv")
    [ "$core" -ge 0 ] && cmd=(taskset -c "$core" "${cmd[@]}")
    # shellcheck disable=SC2086 # the environment text is split into its assignments on purpose
    if ! env $env_text "${cmd[@]}" >"$out/$side-$ss-$size-$seed.txt" 2>&1; then
        # With no best-known answers to meet, only an infeasible plan (or a crash) fails a run.
        echo "ab.sh: warning: the $side build failed on $size places, seed $seed (search seed $ss); see $out/$side-$ss-$size-$seed.txt" >&2
    fi
    [ -s "$out/$side-$ss-$size-$seed.csv" ] || { echo "ab.sh: the $side build wrote no table for $size places, seed $seed; see $out/$side-$ss-$size-$seed.txt" >&2; return 1; }
}

# Appends one trip's table to a side's table (the title line once).
append() {
    local from="$1" to="$2"
    if [ -s "$to" ]; then tail -n +2 "$from" >>"$to"; else cat "$from" >"$to"; fi
}

echo "== before: $before_bin${before_env:+ ($before_env)}"
echo "== after:  $after_bin${after_env:+ ($after_env)}"
echo "== $sizes places, trips $seeds, search seeds $search_seeds, ${budget} s, $([ "$turns" = 1 ] && echo "in turns, one search per core" || echo "side by side, one core each"); tables in $out"
befores=() afters=()
for ss in ${search_seeds//,/ }; do
    rm -f "$out/before-$ss.csv" "$out/after-$ss.csv"
    for size in ${sizes//,/ }; do
        for seed in $(seq "$first" "$last"); do
            if [ "$turns" = 1 ]; then
                # Which side goes first alternates, so that neither always meets the machine as the other left it.
                if [ $((seed % 2)) = 1 ]; then order=(before after); else order=(after before); fi
                for side in "${order[@]}"; do
                    if [ "$side" = before ]; then run_one before "$before_bin" "$before_env" -1 "$ss" "$size" "$seed"
                    else run_one after "$after_bin" "$after_env" -1 "$ss" "$size" "$seed"; fi
                done
            else
                run_one before "$before_bin" "$before_env" 0 "$ss" "$size" "$seed" & a=$!
                run_one after "$after_bin" "$after_env" 1 "$ss" "$size" "$seed" & b=$!
                wait "$a"; wait "$b"
            fi
            for side in before after; do append "$out/$side-$ss-$size-$seed.csv" "$out/$side-$ss.csv"; done
        done
    done
    befores+=("$out/before-$ss.csv"); afters+=("$out/after-$ss.csv")
done
if [ -z "$best" ]; then
    for file in Benchmarks/best-known.txt Benchmarks/best-known-tuning.txt; do
        [ -f "$file" ] && best="${best:+$best,}$file"
    done
fi
best_args=()
[ -n "$best" ] && [ "$best" != none ] && best_args=(--best "$best")
if [ ${#best_args[@]} -gt 0 ] && ! "$after_bin" compare --help 2>/dev/null | grep -q -- '--best'; then
    echo "== $after_bin is a build whose compare has no --best: no meets column" >&2
    best_args=()
fi
echo
"$after_bin" compare "${befores[@]}" --after "$(IFS=,; echo "${afters[*]}")" "${best_args[@]}"
