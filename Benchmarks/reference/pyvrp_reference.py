#!/usr/bin/env python3
"""Solve tripplan-bench's generated trips with PyVRP, an outside solver, as a reference.

    tripplan-bench instances --out /tmp/inst --no-lunch          # the trips, as routing instances
    python3 Benchmarks/reference/pyvrp_reference.py /tmp/inst/*.json --seconds 10 > reference.txt
    tripplan-bench quality --no-lunch --best reference.txt       # tripplan against PyVRP's answers

Benchmark-only: tripplan itself uses no third-party code. PyVRP (https://pyvrp.org, MIT licence) comes
from PyPI (`pip install pyvrp`); `Benchmarks/reference/run.sh` installs it into a virtual environment.

The model, exactly as tripplan plans a trip without a lunch break:
- one vehicle per day, from the day's `from` node to its `to` node, within the day's hours; days lie one
  after another on one time axis (day d's minute m is d*1440 + m), so a visit can only sit on its day;
- one client per (visit, day, opening window) in which the whole visit fits (start window
  [open, close - minutes]); the copies of a visit form a group of which at most one is visited;
- tripplan's order of goals as prizes: a required visit is worth more than all optional score and
  travel together, one point of score more than any day's travel. PyVRP minimises travel minus prizes.

Every answer is checked here, with no PyVRP code: each day's route is replayed from the day's start with
the earliest start in the visit's windows, and must reach the day's end in time; no place twice. The
output has one line per trip, 'size seed required score travel', the format of Benchmarks/best-known.txt;
a trip with no feasible answer gets a comment line instead, as does one whose answer fails the check,
and then the exit status is 1.
"""
import argparse
import json
import sys
import time

DAY = 1440


def build(instance):
    from pyvrp import Model

    model = Model()
    nodes = instance["nodes"]
    minutes = instance["minutes"]
    days = instance["days"]
    visits = instance["visits"]
    # Depots first (one per endpoint node), then clients; every location gets every edge.
    locations = [model.add_location(x=0, y=0, name=name) for name in nodes]
    depots = {}
    for day in days:
        for node in (day["from"], day["to"]):
            if node not in depots:
                depots[node] = model.add_depot(locations[node], name=nodes[node])
    for d, day in enumerate(days):
        model.add_vehicle_type(num_available=1, start_depot=depots[day["from"]], end_depot=depots[day["to"]],
                               tw_early=d * DAY + day["start"], tw_late=d * DAY + day["end"],
                               unit_distance_cost=1, name="day%d" % d)
    longest_day = max((day["end"] - day["start"] for day in days), default=0)
    point = len(days) * longest_day + 1  # more than any plan's travel
    total_score = sum(v["score"] for v in visits if not v["required"])
    must = point * (total_score + 1)  # more than all score and travel together
    copies = []  # the visit index of each client, in the order added
    for v, visit in enumerate(visits):
        if not visit["windows"]:
            continue
        prize = must if visit["required"] else point * visit["score"]
        group = model.add_client_group(required=False, name=visit["id"]) if len(visit["windows"]) > 1 else None
        for d, open_, close in visit["windows"]:
            model.add_client(locations[visit["node"]], service_duration=visit["minutes"],
                             tw_early=d * DAY + open_, tw_late=d * DAY + close - visit["minutes"],
                             prize=prize, required=False, group=group, name=visit["id"])
            copies.append(v)
    for a, row in enumerate(minutes):
        for b, value in enumerate(row):
            model.add_edge(locations[a], locations[b], distance=value, duration=value)
    return model, copies


def routes_of(result, instance, copies):
    """[(day, [visit index, ...])] from PyVRP's best solution."""
    routes = []
    for route in result.best.routes():
        clients = [activity.idx for activity in route.schedule() if activity.is_client()]
        routes.append((route.vehicle_type(), [copies[c] for c in clients]))
    return routes


def check(instance, routes):
    """Replays the routes by tripplan's rules; returns (required, score, travel) or raises ValueError."""
    minutes = instance["minutes"]
    days = instance["days"]
    visits = instance["visits"]
    seen = set()
    required = score = travel = 0
    for d, route in routes:
        day = days[d]
        t, at = day["start"], day["from"]
        for v in route:
            if v in seen:
                raise ValueError("%s is visited twice" % visits[v]["id"])
            seen.add(v)
            visit = visits[v]
            arrival = t + minutes[at][visit["node"]]
            travel += minutes[at][visit["node"]]
            starts = [max(arrival, o) for (wd, o, c) in visit["windows"]
                      if wd == d and max(arrival, o) + visit["minutes"] <= c]
            if not starts:
                raise ValueError("%s does not fit on day %d (arrival %d)" % (visit["id"], d, arrival))
            t, at = min(starts) + visit["minutes"], visit["node"]
            if visit["required"]:
                required += 1
            else:
                score += visit["score"]
        travel += minutes[at][day["to"]]
        if t + minutes[at][day["to"]] > day["end"]:
            raise ValueError("day %d ends at %d, after %d" % (d, t + minutes[at][day["to"]], day["end"]))
    return required, score, travel


def replay(instance, folder):
    """tripplan's own plan of the trip (`tripplan-bench quality --plans FOLDER`) as routes for `check`."""
    with open("%s/%s.json" % (folder, instance["name"]), encoding="utf-8") as handle:
        itinerary = json.load(handle)
    day_of = {day["date"]: d for d, day in enumerate(instance["days"])}
    visit_of = {visit["id"]: v for v, visit in enumerate(instance["visits"])}
    return [(day_of[day["date"]], [visit_of[stop["place"]] for stop in day["stops"]]) for day in itinerary["days"]]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("files", nargs="+", help="instances written by 'tripplan-bench instances'")
    parser.add_argument("--seconds", type=float, default=10, help="PyVRP's time limit per trip (default 10)")
    parser.add_argument("--seed", type=int, default=1, help="PyVRP's seed (default 1)")
    parser.add_argument("--replay", metavar="FOLDER",
                        help="solve nothing: check tripplan's plans ('tripplan-bench quality --plans FOLDER') "
                             "against the instances by the rules above, which tests the instances")
    args = parser.parse_args()
    if args.replay:
        failed = 0
        for path in args.files:
            with open(path, encoding="utf-8") as handle:
                instance = json.load(handle)
            try:
                required, score, travel = check(instance, replay(instance, args.replay))
            except (ValueError, KeyError, OSError) as problem:
                failed += 1
                print("# %s: tripplan's plan fails the check: %s" % (instance["name"], problem))
                continue
            print("%d %d %d %d %d" % (instance["size"], instance["seed"], required, score, travel))
        sys.exit(1 if failed else 0)
    try:
        from pyvrp.stop import MaxRuntime
    except ImportError:
        sys.exit("error: PyVRP is not installed; run 'pip install pyvrp' (in a virtual environment), "
                 "or Benchmarks/reference/run.sh, which does")
    failed = 0
    print("# PyVRP, %g s per trip, seed %d: size seed required score travel" % (args.seconds, args.seed))
    for path in args.files:
        with open(path, encoding="utf-8") as handle:
            instance = json.load(handle)
        if instance.get("lunch"):
            sys.exit("error: %s has a lunch break, which PyVRP cannot model; "
                     "write the instances with 'tripplan-bench instances --no-lunch'" % path)
        model, copies = build(instance)
        started = time.monotonic()
        result = model.solve(stop=MaxRuntime(args.seconds), seed=args.seed, display=False)
        elapsed = time.monotonic() - started
        if not result.best.is_feasible():
            print("# %d %d: PyVRP found no feasible answer" % (instance["size"], instance["seed"]))
            continue
        routes = routes_of(result, instance, copies)
        try:
            required, score, travel = check(instance, routes)
        except ValueError as problem:
            failed += 1
            print("# %d %d: PyVRP's answer fails the check: %s" % (instance["size"], instance["seed"], problem))
            continue
        if travel != result.best.distance():
            failed += 1
            print("# %d %d: the replayed travel, %d, is not PyVRP's, %d" % (instance["size"], instance["seed"], travel,
                                                                        result.best.distance()))
            continue
        print("%d %d %d %d %d" % (instance["size"], instance["seed"], required, score, travel), flush=True)
        print("%s: %d clients (copies), %.1f s, %d iterations" % (instance["name"], len(copies), elapsed,
                                                                  result.num_iterations), file=sys.stderr)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
