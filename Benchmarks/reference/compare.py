#!/usr/bin/env python3
"""Compare two files of answers ('size seed required score travel', the format of best-known.txt), trip by trip.

    python3 Benchmarks/reference/compare.py tripplan.txt pyvrp.txt

Per size: the totals of required visits, optional score and travel of each, and how many trips the first
does better, equally and worse than the second. Better is tripplan's order of goals: more required
visits, then more score, then less travel; travel within 1 % counts as equal. Only trips in both count.
"""
import sys


def load(path):
    answers = {}
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            fields = line.split()
            if not fields or fields[0].startswith("#"):
                continue
            if len(fields) != 5 or not all(f.lstrip("-").isdigit() for f in fields):
                sys.exit("error: %s:%d: expected 'size seed required score travel', found %r" % (path, number, line.strip()))
            size, seed, required, score, travel = map(int, fields)
            answers[(size, seed)] = (required, score, travel)
    return answers


def verdict(a, b):
    """1 when a is better than b, -1 when worse, 0 when equal (travel within 1 %)."""
    if a[:2] != b[:2]:
        return 1 if a[:2] > b[:2] else -1
    if a[2] < b[2] * 0.99:
        return 1
    if a[2] > b[2] * 1.01:
        return -1
    return 0


def main():
    if len(sys.argv) != 3 or sys.argv[1] in ("-h", "--help"):
        sys.exit(__doc__.strip())
    first, second = load(sys.argv[1]), load(sys.argv[2])
    names = [p.rsplit("/", 1)[-1] for p in sys.argv[1:3]]
    print("| places | trips | %s: required, score, travel | %s: required, score, travel | better / equal / worse |"
          % tuple(names))
    print("| ---: | ---: | --- | --- | --- |")
    for size in sorted({k[0] for k in first}):
        keys = sorted(k for k in first if k[0] == size and k in second)
        if not keys:
            continue
        counts = {1: 0, 0: 0, -1: 0}
        for key in keys:
            counts[verdict(first[key], second[key])] += 1
        total = lambda answers, i: sum(answers[k][i] for k in keys)
        print("| %d | %d | %d, %d, %d | %d, %d, %d | %d / %d / %d |" % (
            size, len(keys), total(first, 0), total(first, 1), total(first, 2),
            total(second, 0), total(second, 1), total(second, 2), counts[1], counts[0], counts[-1]))


if __name__ == "__main__":
    main()
