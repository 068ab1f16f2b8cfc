#!/usr/bin/env python3
"""Bad input never crashes tripplan: mutated trip and lessons files, run through every command that reads them.

Takes the bundled trip and a generated one of 16 places (beyond the exact solver, so the local search runs),
and the bundled lessons file; sets one to three of their values (anywhere in the file) to extremes: huge and
negative numbers, fractions, empty or long strings, wrong types, impossible times and dates. Each mutated file
goes through `validate`, `create` (with a short time limit), `export` and the `lessons` commands. Every run
must end with exit code 0, 1 or 64 and no runtime failure on stderr; a file that breaks that is kept for
reproduction and the script exits 1.

usage: fuzz_files.py TRIPPLAN_BINARY [--rounds N] [--seed S] [--keep DIR]
"""
import argparse
import copy
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile

EXTREMES = [0, -1, 1, 59, 1439, 1440, 1441, 10**14, 999999999999999, 1e15, 1e300, -1e300, 1.5, "", None, True,
            [], {}, "24:00", "23:59", "00:00", "99:99", "2023-02-29", "2024-02-29", "x" * 1000, "ā", [[0]], [None],
            "L1", "L999999999999999999999"]


def generated_trip():
    """16 places around Riga over two days, a third of them optional (one with a score near the limit)."""
    r = random.Random(3)
    places = [{"id": "home", "name": "Home", "lat": 56.95, "lon": 24.11}]
    for i in range(16):
        place = {"id": f"p{i}", "name": f"Place {i}", "lat": 56.9 + r.random() * 0.3, "lon": 24.0 + r.random() * 0.5,
                 "visitMinutes": 60, "open": [{"days": ["mon", "tue", "wed", "thu", "fri", "sat", "sun"],
                                               "from": "09:00", "to": "18:00"}]}
        if i < 6:
            place["required"] = False
            place["score"] = 999999999999000 if i == 0 else 5
        places.append(place)
    return {"format": "tripplan/1", "title": "Generated", "home": "home", "places": places,
            "lunch": {"from": "12:00", "to": "14:00", "minutes": 45},
            "days": [{"date": "2025-06-02", "start": "08:00", "end": "18:00"},
                     {"date": "2025-06-03", "start": "08:00", "end": "18:00"}]}


def paths(value, prefix=()):
    if isinstance(value, dict):
        for key, inner in value.items():
            yield from paths(inner, prefix + (key,))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            yield from paths(inner, prefix + (index,))
    if prefix:
        yield prefix


def mutate(document, rng):
    document = copy.deepcopy(document)
    candidates = list(paths(document))
    for _ in range(rng.randint(1, 3)):
        if not candidates:
            break
        path = rng.choice(candidates)
        target = document
        try:
            for key in path[:-1]:
                target = target[key]
            target[path[-1]] = copy.deepcopy(rng.choice(EXTREMES))
        except (KeyError, IndexError, TypeError):
            pass  # an earlier change in this round replaced a container on the way
    return document


def run(binary, args):
    result = subprocess.run([binary] + args, capture_output=True, text=True, timeout=120)
    failed = result.returncode not in (0, 1, 64) or "Fatal error" in result.stderr or "runtime failure" in result.stderr
    return failed, result


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("binary")
    parser.add_argument("--rounds", type=int, default=60, help="mutated files per base file (default 60)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", default="fuzz-failures", help="where files that crash are kept")
    options = parser.parse_args()
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    bundled = os.path.join(root, "itineraries", "kurzeme-2023.json")
    with open(bundled, encoding="utf-8") as f:
        trips = [json.load(f), generated_trip()]
    with open(os.path.join(root, "itineraries", "kurzeme-2023.lessons.json"), encoding="utf-8") as f:
        lessons = json.load(f)
    rng = random.Random(options.seed)
    work = tempfile.mkdtemp()
    failures, runs = 0, 0

    def check(args, document, name):
        nonlocal failures, runs
        runs += 1
        failed, result = run(options.binary, args)
        if failed:
            failures += 1
            os.makedirs(options.keep, exist_ok=True)
            kept = os.path.join(options.keep, f"{name}-{failures}.json")
            with open(kept, "w", encoding="utf-8") as f:
                json.dump(document, f, ensure_ascii=False, indent=1)
            lines = [line for line in result.stderr.splitlines() if "error" in line.lower() or "failure" in line]
            print(f"FAILED: tripplan {' '.join(args[:2])} exited {result.returncode} on {kept}: {lines[:2]}")

    trip_file = os.path.join(work, "trip.json")
    for base in trips:
        for _ in range(options.rounds):
            document = mutate(base, rng)
            with open(trip_file, "w", encoding="utf-8") as f:
                json.dump(document, f, ensure_ascii=False)
            check(["validate", trip_file], document, "trip")
            check(["create", trip_file, "--time-limit", "0.2", "--no-save"], document, "trip")
            check(["export", trip_file, "--format", "html", "--output", os.path.join(work, "plan.html")], document, "trip")

    lessons_dir = os.path.join(work, "lessons")
    os.makedirs(lessons_dir)
    trip_copy = os.path.join(lessons_dir, "kurzeme-2023.json")
    shutil.copy(bundled, trip_copy)
    lessons_file = os.path.join(lessons_dir, "kurzeme-2023.lessons.json")
    for _ in range(options.rounds):
        document = mutate(lessons, rng)
        for args in (["lessons", "list", trip_copy, "--json"],
                     ["lessons", "report", trip_copy, "--format", "html", "--output", os.path.join(work, "r.html")],
                     ["lessons", "summary", lessons_dir],
                     ["lessons", "done", trip_copy, "L1"],
                     ["lessons", "add", trip_copy, "--lesson", "x", "--place", "ziemupe"]):
            with open(lessons_file, "w", encoding="utf-8") as f:
                json.dump(document, f, ensure_ascii=False)
            check(args, document, "lessons")

    shutil.rmtree(work, ignore_errors=True)
    print(f"{runs} runs on mutated trip and lessons files: {failures} ended in a crash")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
