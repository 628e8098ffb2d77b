#!/usr/bin/env python3
"""Whole-process `referat search` latency over bench/queries.json, with and without the five
benchmark facets, for one or more binaries run in turn (so a shared machine's load falls on
each alike). p50/p95 are nearest-rank over every run, as bench/run.py computes them.

    bench/facet_profile.py --db DB [--reps 5] BINARY [BINARY ...]
"""

import argparse
import json
import subprocess
import time
from pathlib import Path

import common

kFacets = "committee,year,outcome,layout,person"


def run_once(binary, db, query, facets):
    command = [binary, "search", "--db", db, "--format", "json"]
    if facets:
        command += ["--facets", kFacets]
    start = time.perf_counter()
    proc = subprocess.run(command + [query], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    seconds = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        raise SystemExit("%s failed on %r: %s" % (binary, query, proc.stderr.decode()[-300:]))
    return seconds, len(proc.stdout)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--reps", type=int, default=5)
    parser.add_argument("--queries", default=str(Path(__file__).parent / "queries.json"))
    parser.add_argument("binaries", nargs="+")
    args = parser.parse_args()
    queries = [q["referat"] for q in json.loads(Path(args.queries).read_text("utf-8"))]

    times = {(b, f): [] for b in args.binaries for f in (False, True)}
    per_query = {(b, f, q): [] for b in args.binaries for f in (False, True) for q in queries}
    out_bytes = {}
    for binary in args.binaries:  # warm-up pass
        for query in queries:
            run_once(binary, args.db, query, True)
    for _ in range(args.reps):
        for query in queries:
            for facets in (False, True):
                for binary in args.binaries:
                    seconds, size = run_once(binary, args.db, query, facets)
                    times[(binary, facets)].append(seconds)
                    per_query[(binary, facets, query)].append(seconds)
                    out_bytes[(binary, facets, query)] = size

    def ms(value):
        return "%.1f" % (value * 1000)

    print("binary\tfacets\tp50 ms\tp95 ms\tmax ms")
    for (binary, facets), samples in times.items():
        print("%s\t%s\t%s\t%s\t%s" % (binary, "yes" if facets else "no",
                                      ms(common.percentile(samples, 50)),
                                      ms(common.percentile(samples, 95)), ms(max(samples))))
    print("\nper query, median ms with facets (JSON bytes):")
    for query in queries:
        cells = ["%s (%d)" % (ms(common.median(per_query[(b, True, query)])),
                              out_bytes[(b, True, query)]) for b in args.binaries]
        print("%-48s %s" % (query, "\t".join(cells)))


if __name__ == "__main__":
    main()
