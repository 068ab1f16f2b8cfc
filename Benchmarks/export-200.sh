#!/usr/bin/env bash
# Benchmark: export a 200-place, 20-day trip to HTML and Markdown with the release build.
#
#   Benchmarks/export-200.sh [runs]
#
# Generates the trip and a saved itinerary for it (tripDigest = the trip file's FNV-1a digest, so that
# `export` renders the saved plan instead of planning afresh: this times the renderers and the file
# I/O, not the scheduler), then times `tripplan export` end to end, process start included.
# Target: under 1 s per export.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"

swift build -c release --product tripplan >/dev/null
bin="$(swift build -c release --show-bin-path)/tripplan"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

python3 - "$work" "$("$bin" --version | awk '{print $2}')" <<'PY'
import json, sys, random
work, version = sys.argv[1], sys.argv[2]
rng = random.Random(200)
towns = ["Kuldīga", "Aizpute", "Liepāja", "Ventspils", "Talsi", "Tukums", "Jelgava", "Bauska", "Cēsis", "Valmiera",
         "Sigulda", "Ogre", "Jēkabpils", "Daugavpils", "Rēzekne", "Ludza", "Madona", "Gulbene", "Alūksne", "Smiltene"]
places = [{"id": "home", "name": "Ķekavas novada pašvaldība", "lat": 56.83, "lon": 24.235, "town": "Ķekava",
           "address": "Gaismas iela 19, Ķekava"}]
days, itinerary_days = [], []
for d in range(20):
    date = "2023-06-%02d" % (d + 1)
    days.append({"date": date, "start": "07:00", "end": "23:00"})
    stops, t = [], 7 * 60 + 30
    for v in range(10):
        i = d * 10 + v
        pid = "p%03d" % i
        places.append({"id": pid, "name": "Vieta Nr. %d — ģērbtuve “Šķūnis” & <dārzs>" % i,
                       "lat": round(55.8 + rng.random() * 2.1, 4), "lon": round(21.0 + rng.random() * 7.0, 4),
                       "visitMinutes": 45, "kind": "community", "town": towns[i % len(towns)],
                       "address": "Ūdens iela %d, %s" % (i + 1, towns[i % len(towns)]),
                       "website": "https://example.lv/%s" % pid,
                       "contact": {"name": "Kontaktpersona %d" % i, "phone": "+371 20 %03d %03d" % (i, i),
                                   "email": "%s@example.lv" % pid},
                       "notes": "Piezīme par vietu %d: ko apskatīt, ar ko runāt, ko jautāt." % i})
        arrive = t + 20
        stops.append({"place": pid, "arrive": "%02d:%02d" % divmod(arrive, 60), "start": "%02d:%02d" % divmod(arrive, 60),
                      "end": "%02d:%02d" % divmod(arrive + 45, 60), "travelMinutes": 20, "km": 18.5, "waitMinutes": 0})
        t = arrive + 45
    itinerary_days.append({"date": date, "from": "home", "to": "home", "depart": "07:30",
                           "arrive": "%02d:%02d" % divmod(t + 60, 60), "travelMinutes": 260, "km": 245.0,
                           "stops": stops, "finalLeg": {"minutes": 60, "km": 60.0}})
trip = {"format": "tripplan/1", "title": "Lielais 200 vietu brauciens", "timeZone": "Europe/Riga", "home": "home",
        "language": "lv", "organizer": "Biedrība", "places": places, "days": days}
data = json.dumps(trip, ensure_ascii=False, indent=2).encode("utf-8")
open(work + "/trip.json", "wb").write(data)
h = 0xcbf29ce484222325
for b in data:
    h = ((h ^ b) * 0x100000001b3) & 0xFFFFFFFFFFFFFFFF
itinerary = {"format": "tripplan-itinerary/1", "days": itinerary_days, "unscheduled": [],
             "travelMinutes": 260 * 20, "km": 245.0 * 20, "tripDigest": "fnv1a64:%016x" % h, "generator": version}
open(work + "/trip.itinerary.json", "w").write(json.dumps(itinerary, ensure_ascii=False, indent=2))
PY

for format in html md; do
  best=""
  for _ in $(seq "$runs"); do
    start=$(date +%s%N)
    "$bin" export "$work/trip.json" --format "$format" --output "$work/plan.$format"
    end=$(date +%s%N)
    ms=$(( (end - start) / 1000000 ))
    if [ -z "$best" ] || [ "$ms" -lt "$best" ]; then best=$ms; fi
  done
  size=$(wc -c < "$work/plan.$format")
  echo "export --format $format, 200 places, 20 days: best of $runs = ${best} ms wall (process start included), $size bytes"
done
