#!/usr/bin/env python3
"""Independent check of a tripplan itinerary against its trip file.

Written apart from the Swift scheduler, in another language, from CONTRACT.md alone: it re-derives every
opening window and travel time and checks that the plan keeps them. Usage:

    python3 scripts/check_itinerary.py TRIP.json ITINERARY.json [--expect-route "a,b,c;d,e"]

With --expect-route, the stops of each day (days separated by ';') must be exactly those, in that order.

Exit 0 when every check passes, 1 with one line per violation otherwise.
"""
import datetime
import json
import math
import sys

WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
DEFAULT_MODEL = {"detourFactor": 1.2, "speedKmh": 80.0, "bufferMinutes": 10}


def minutes(text):
    h, m = text.split(":")
    return int(h) * 60 + int(m)


def windows(place, date):
    """The intervals in which a visit to `place` may lie on ISO `date`."""
    if date in place.get("closed", []):
        return []
    if place.get("appointments"):
        return [(minutes(a["from"]), minutes(a["to"])) for a in place["appointments"] if a["date"] == date]
    if "open" not in place:
        return [(0, 24 * 60)]
    weekday = WEEKDAYS[datetime.date.fromisoformat(date).weekday()]
    result = []
    for rule in place["open"]:
        days, dates = rule.get("days"), rule.get("dates")
        applies = (days is None and dates is None) or (days and weekday in days) or (dates and date in dates)
        if applies:
            result.append((minutes(rule["from"]), minutes(rule["to"])))
    return result


def inside_one(windows_, start, end):
    # Adjacent or overlapping intervals form one longer interval.
    merged = []
    for a, b in sorted(windows_):
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    return any(a <= start and end <= b for a, b in merged)


def travel_minutes(trip, places, a, b):
    if a == b:
        return 0
    given = trip.get("travel", {}).get("minutes", {}).get(a, {}).get(b)
    if given is not None:
        return given
    if trip.get("travel", {}).get("osrm"):
        return None  # road-router times: not re-derived here
    model = dict(DEFAULT_MODEL)
    model.update(trip.get("travel", {}).get("model", {}))
    p, q = places[a], places[b]
    rad = math.pi / 180
    dlat, dlon = (q["lat"] - p["lat"]) * rad, (q["lon"] - p["lon"]) * rad
    h = math.sin(dlat / 2) ** 2 + math.cos(p["lat"] * rad) * math.cos(q["lat"] * rad) * math.sin(dlon / 2) ** 2
    km = 2 * 6371.0088 * math.asin(min(1, math.sqrt(h))) * model["detourFactor"]
    return math.ceil(km / model["speedKmh"] * 60 - 1e-9) + model["bufferMinutes"]


def check(trip, plan):
    problems = []
    places = {p["id"]: p for p in trip["places"]}
    if plan.get("format") != "tripplan-itinerary/1":
        problems.append("format is not tripplan-itinerary/1")
    seen = set()
    total = 0
    previous_to = trip["home"]
    trip_days = trip["days"]
    if len(plan["days"]) != len(trip_days):
        problems.append(f"{len(plan['days'])} days planned, the trip has {len(trip_days)}")
    lunch = trip.get("lunch")
    for i, (day, spec) in enumerate(zip(plan["days"], trip_days)):
        where = f"days[{i}] ({day['date']})"
        frm = spec.get("from", trip["home"] if i == 0 else previous_to)
        to = spec.get("to", trip["home"])
        previous_to = to
        if day["date"] != spec["date"] or day["from"] != frm or day["to"] != to:
            problems.append(f"{where}: date/from/to differ from the trip file")
        if minutes(day["depart"]) < minutes(spec["start"]):
            problems.append(f"{where}: departs {day['depart']} before the day's start {spec['start']}")
        if minutes(day["arrive"]) > minutes(spec["end"]):
            problems.append(f"{where}: arrives {day['arrive']} after the day's end {spec['end']}")
        day_lunch = day.get("lunch")
        covers = lunch and minutes(spec["start"]) <= minutes(lunch["from"]) and minutes(lunch["to"]) <= minutes(spec["end"])
        if covers and not day_lunch:
            problems.append(f"{where}: no lunch break although the day covers {lunch['from']}–{lunch['to']}")
        if day_lunch and lunch:
            ls, le = minutes(day_lunch["start"]), minutes(day_lunch["end"])
            if ls < minutes(lunch["from"]) or le > minutes(lunch["to"]) or le - ls < lunch["minutes"]:
                problems.append(f"{where}: lunch {day_lunch['start']}–{day_lunch['end']} is not {lunch['minutes']} min inside {lunch['from']}–{lunch['to']}")
        here, leave = frm, minutes(day["depart"])
        if day_lunch and day_lunch["place"] == frm and minutes(day_lunch["end"]) <= leave + 0:
            pass
        day_travel = 0
        for k, stop in enumerate(day["stops"]):
            sw = f"{where}.stops[{k}] {stop['place']}"
            pid = stop["place"]
            if pid not in places:
                problems.append(f"{sw}: unknown place")
                continue
            if pid in seen:
                problems.append(f"{sw}: visited twice")
            seen.add(pid)
            expected = travel_minutes(trip, places, here, pid)
            if expected is not None and stop["travelMinutes"] != expected:
                problems.append(f"{sw}: leg {here}→{pid} is {stop['travelMinutes']} min, expected {expected}")
            arrive, start, end = minutes(stop["arrive"]), minutes(stop["start"]), minutes(stop["end"])
            if arrive != leave + stop["travelMinutes"]:
                problems.append(f"{sw}: arrives {stop['arrive']}, but leaving at {leave // 60:02d}:{leave % 60:02d} with {stop['travelMinutes']} min of travel arrives at {(leave + stop['travelMinutes']) // 60:02d}:{(leave + stop['travelMinutes']) % 60:02d}")
            if start < arrive:
                problems.append(f"{sw}: starts before arriving")
            if end - start != places[pid].get("visitMinutes", 0):
                problems.append(f"{sw}: lasts {end - start} min, visitMinutes is {places[pid].get('visitMinutes', 0)}")
            if not inside_one(windows(places[pid], day["date"]), start, end):
                problems.append(f"{sw}: {stop['start']}–{stop['end']} is not inside one opening interval on {day['date']}")
            if day_lunch and day_lunch["place"] == pid:
                ls, le = minutes(day_lunch["start"]), minutes(day_lunch["end"])
                if not (ls >= arrive and le <= start) and not (ls >= end):
                    problems.append(f"{sw}: lunch overlaps the visit")
            leave = end
            if day_lunch and day_lunch["place"] == pid and minutes(day_lunch["start"]) >= end:
                leave = minutes(day_lunch["end"])
            day_travel += stop["travelMinutes"]
            here = pid
        last = travel_minutes(trip, places, here, to)
        final = minutes(day["arrive"]) - leave
        if last is not None and final != last:
            problems.append(f"{where}: last leg {here}→{to} takes {final} min, expected {last}")
        day_travel += final
        if day["travelMinutes"] != day_travel:
            problems.append(f"{where}: travelMinutes {day['travelMinutes']}, the legs add up to {day_travel}")
        total += day["travelMinutes"]
    if plan["travelMinutes"] != total:
        problems.append(f"travelMinutes {plan['travelMinutes']}, the days add up to {total}")
    unscheduled = {u["place"] for u in plan.get("unscheduled", [])}
    for u in plan.get("unscheduled", []):
        if not u.get("reason"):
            problems.append(f"unscheduled {u['place']}: no reason given")
    to_visit = trip.get("visit")
    if to_visit is None:
        endpoints = {trip["home"]}
        prev = trip["home"]
        for i, spec in enumerate(trip["days"]):
            endpoints.add(spec.get("from", trip["home"] if i == 0 else prev))
            prev = spec.get("to", trip["home"])
            endpoints.add(prev)
        to_visit = [p["id"] for p in trip["places"] if p["id"] not in endpoints]
    for pid in to_visit:
        if pid not in seen and pid not in unscheduled:
            problems.append(f"{pid}: neither visited nor listed as unscheduled")
    return problems


def main(argv):
    expected_route = None
    if len(argv) == 5 and argv[3] == "--expect-route":
        expected_route = [[p for p in day.split(",") if p] for day in argv[4].split(";")]
        argv = argv[:3]
    if len(argv) != 3:
        print(__doc__.strip(), file=sys.stderr)
        return 64
    with open(argv[1], encoding="utf-8") as f:
        trip = json.load(f)
    with open(argv[2], encoding="utf-8") as f:
        plan = json.load(f)
    problems = check(trip, plan)
    if expected_route is not None:
        actual = [[s["place"] for s in d["stops"]] for d in plan["days"]]
        if actual != expected_route:
            problems.append(f"route {actual} is not the expected {expected_route}")
    for p in problems:
        print(p)
    visits = sum(len(d["stops"]) for d in plan["days"])
    print(f"check_itinerary: {visits} visits on {len(plan['days'])} days, {plan['travelMinutes']} min of travel: "
          + ("all checks passed" if not problems else f"{len(problems)} problems"))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
