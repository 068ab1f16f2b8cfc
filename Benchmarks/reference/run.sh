#!/usr/bin/env bash
# tripplan against an outside solver: PyVRP on the held-out generated trips, without their lunch break.
#
#   Benchmarks/reference/run.sh            # PyVRP with 1 s and 10 s per trip, tripplan with 1 s
#   Benchmarks/reference/run.sh 1 10 60    # PyVRP's limits per trip, in seconds
#   SIZES=25,50 SEEDS=101-105 Benchmarks/reference/run.sh 60
#
# Installs PyVRP (pinned) into a virtual environment under .build (VENV to choose another); tripplan
# itself uses none of it. Writes to Benchmarks/results/:
#   reference-pyvrp-<s>s.txt          PyVRP's answers, 'size seed required score travel'
#   reference-tripplan-1s-seed<n>.txt tripplan's answers with 1 s, search seeds 1 and 2
#   reference-vs-pyvrp-<s>s.md        tripplan (both search seeds) against PyVRP, trip by trip (compare.py)
# With SIZES or SEEDS set, the names end in -<sizes>-<seeds> (e.g. reference-pyvrp-60s-25,50-101-110.txt).
# About 10 minutes for the defaults (40 trips); 60 s per trip at 25 and 50 places takes 21 more.
# Run it on a quiet machine.
set -euo pipefail
cd "$(dirname "$0")/../.."

SIZES="${SIZES:-25,50,100,200}"
SEEDS="${SEEDS:-101-110}"
VENV="${VENV:-.build/pyvrp-venv}"
PYVRP_VERSION="${PYVRP_VERSION:-0.14.1}"
RESULTS=Benchmarks/results
tag=""
[ "$SIZES,$SEEDS" = "25,50,100,200,101-110" ] || tag="-$SIZES-$SEEDS"
limits=("$@")
[ ${#limits[@]} -gt 0 ] || limits=(1 10)

if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c "import pyvrp" 2>/dev/null; then
    echo "== installing PyVRP $PYVRP_VERSION into $VENV"
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install --quiet "pyvrp==$PYVRP_VERSION"
fi

echo "== swift build -c release"
swift build -c release --product tripplan-bench
bench=.build/release/tripplan-bench
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$RESULTS"
"$bench" instances --out "$work/instances" --sizes "$SIZES" --seeds "$SEEDS" --no-lunch
instances=$(cd "$work/instances" && ls -- *.json | sort -t- -k1,1n -k2,2n | sed "s#^#$work/instances/#")
stamp="# $(date -u +%Y-%m-%dT%H:%MZ), commit $(git rev-parse --short HEAD 2>/dev/null || echo '?'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"

for seed in 1 2; do
    out="$RESULTS/reference-tripplan-1s-seed$seed$tag.txt"
    echo "== tripplan, 1 s, search seed $seed -> $out"
    { echo "# tripplan-bench quality --no-lunch --budget 1 --search-seed $seed: size seed required score travel"
      echo "$stamp"
      "$bench" quality --no-lunch --budget 1 --search-seed "$seed" --sizes "$SIZES" --seeds "$SEEDS" \
          --best "$work/none.txt" --csv "$work/tripplan.csv" >/dev/null
      awk -F, 'NR > 1 { sub(/\/.*/, "", $3); print $1, $2, $3, $4, $5 }' "$work/tripplan.csv"
    } > "$out"
done

for seconds in "${limits[@]}"; do
    out="$RESULTS/reference-pyvrp-${seconds}s$tag.txt"
    echo "== PyVRP $PYVRP_VERSION, $seconds s per trip -> $out"
    { "$VENV/bin/python" Benchmarks/reference/pyvrp_reference.py $instances --seconds "$seconds"
      echo "$stamp"
    } > "$out"
    for seed in 1 2; do
        echo "tripplan 1 s (search seed $seed) against PyVRP $seconds s:"
        echo
        python3 Benchmarks/reference/compare.py "$RESULTS/reference-tripplan-1s-seed$seed$tag.txt" "$out"
        echo
    done | tee "$RESULTS/reference-vs-pyvrp-${seconds}s$tag.md"
done
