#!/usr/bin/env python3
"""Run the ingest, size, query and export benchmarks for Referat and its peers.

    bench/run.py [--systems referat,omindex,...] [--docs 1000,10000] [--runs 3] [--reps 5]

Each system indexes the same generated corpus (tools/gen-corpus, seeded) --runs times into a
fresh scratch database, the systems taking turns (run 1 of every system, then run 2, ...); the
last database is measured for size, queries and export, then
removed. Results go to bench/results/SYSTEM-DOCS.json; bench/report.py turns them into
docs/BENCHMARKS.md. Before every timed run the 1-minute load average (less the decaying share
of this script's own previous run) must be below REFERAT_BENCH_MAX_LOAD (default 0.5) and the
CPUs idle; the script waits up to REFERAT_BENCH_LOAD_WAIT seconds (default 120) and records
the load it saw either way.
"""

import argparse
import shutil
import signal
import sys
import time
import traceback

import common

kSystems = ("referat", "referat-jobs2", "omindex", "omindex-flush1000", "postgres", "sqlite")


def make_system(name):
    if name == "referat":
        from sys_referat import Referat
        return Referat()
    if name == "referat-jobs2":
        from sys_referat import ReferatJobs
        return ReferatJobs(2)
    if name == "omindex":
        from sys_omega import Omindex
        return Omindex()
    if name == "omindex-flush1000":
        from sys_omega import Omindex
        return Omindex(1000)
    if name == "postgres":
        from sys_postgres import Postgres
        return Postgres()
    if name == "sqlite":
        from sys_sqlite import Sqlite
        return Sqlite()
    raise SystemExit("bench: unknown system %r (known: %s)" % (name, ", ".join(kSystems)))


def bench_queries(system, queries, reps, facets):
    """Whole-process latency over reps passes of the query set, after one warm-up pass."""
    for query in queries:
        system.run_query(query, facets)
    gate = common.quiet_gate("%s queries" % system.name)
    began = time.perf_counter()
    samples, inner_samples, per_query = [], [], {}
    for _ in range(reps):
        for query in queries:
            seconds, hits, inner, error = system.run_query(query, facets)
            entry = per_query.setdefault(query["id"], {"times": [], "hits": None, "error": None})
            if error is not None:
                entry["error"] = error
                continue
            entry["times"].append(seconds)
            entry["hits"] = hits
            samples.append(seconds)
            if inner is not None:
                inner_samples.append(inner)
    common.note_own_work(time.perf_counter() - began, 1.0)
    if not samples:
        errors = {k: v["error"] for k, v in per_query.items() if v["error"]}
        return {"skipped": next(iter(errors.values()), "no samples"), "gate": gate}
    return {
        "gate": gate, "samples": len(samples), "reps": reps,
        "p50_s": common.percentile(samples, 50), "p95_s": common.percentile(samples, 95),
        "inner_p50_s": common.percentile(inner_samples, 50) if inner_samples else None,
        "inner_p95_s": common.percentile(inner_samples, 95) if inner_samples else None,
        "per_query": {k: {"median_s": common.median(v["times"]), "hits": v["hits"],
                          "error": v["error"]} for k, v in per_query.items()},
    }


def ingest_once(system, name, docs, corpus, run_number, runs):
    """One timed ingest into a fresh scratch folder; returns (run, scratch)."""
    system.close()  # stop servers of the previous run before its folder goes
    scratch = common.scratch("%s-%d" % (name, docs))
    gate = common.quiet_gate("%s ingest %d/%d" % (name, run_number + 1, runs))
    common.log("%s: ingest %d docs, run %d/%d (load %.2f)"
               % (name, docs, run_number + 1, runs, gate["load1"]))
    run = system.ingest(corpus, scratch)
    run.pop("stdout", None)
    run["gate"] = gate
    run["load1_after"] = common.load_average()
    run["round"] = run_number + 1
    common.log("%s: %.2f s, exit %s, peak RSS %s kB" % (
        name, run["wall_s"], run["exit"], run.get("peak_rss_kb")))
    return run, scratch


def early_rounds(names, docs, args):
    """Every ingest run but the last, round-robin over the systems: run 1 of each system, then
    run 2 of each, ... A machine whose speed drifts during the session (a shared host) then
    shifts every system alike, and the ratios stay fair. Returns {name: [runs]}."""
    corpus = common.corpus(docs, args.seed)
    runs = {name: [] for name in names}
    for run_number in range(args.runs - 1):
        for name in names:
            system = make_system(name)
            scratch = None
            try:
                run, scratch = ingest_once(system, name, docs, corpus, run_number, args.runs)
                runs[name].append(run)
            except Exception as error:  # one broken system must not stop the others
                common.log("%s: %s: %s" % (name, type(error).__name__, error))
                traceback.print_exc()
            finally:
                system.close()
                if scratch is not None:
                    shutil.rmtree(scratch, ignore_errors=True)
    return runs


def bench_system(name, docs, args, earlier_runs=()):
    corpus = common.corpus(docs, args.seed)
    stats = common.corpus_stats(corpus)
    system = make_system(name)
    result = {"label": system.label, "corpus": stats, "seed": args.seed,
              "ingest_runs": list(earlier_runs)}
    scratch = None
    try:
        # The last run, whose database is then measured for size, queries and export.
        last = len(result["ingest_runs"])
        for run_number in range(last, max(args.runs, last + 1)):
            run, scratch = ingest_once(system, name, docs, corpus, run_number, args.runs)
            result["ingest_runs"].append(run)
        walls = [r["wall_s"] for r in result["ingest_runs"] if r["exit"] == 0]
        rss = [r.get("peak_rss_kb") for r in result["ingest_runs"] if r["exit"] == 0]
        if walls:
            wall = common.median(walls)
            result["ingest"] = {
                "wall_s_median": wall, "runs_ok": len(walls),
                "mb_per_s": stats["bytes"] / 1e6 / wall,
                "items_per_s": stats["items"] / wall, "docs_per_s": stats["docs"] / wall,
                "peak_rss_kb_median": common.median(rss),
                "items_indexed": result["ingest_runs"][-1].get("items_indexed"),
            }
            if getattr(system, "ingest_only", False):
                return common.save_result(name, docs, result)
            result["sizes"] = system.sizes()
            for key in ("db_bytes", "compact_bytes", "archive_bytes"):
                if result["sizes"].get(key):
                    result["sizes"][key.replace("_bytes", "_per_input_byte")] = \
                        result["sizes"][key] / stats["bytes"]
            if docs >= args.queries_min_docs:
                queries = common.load_queries()
                result["queries"] = bench_queries(system, queries, args.reps, False)
                result["queries_facets"] = bench_queries(system, queries, args.reps, True)
            export_runs = []
            for _ in range(args.runs):
                gate = common.quiet_gate("%s export" % name)
                run = system.export(scratch)
                if run is None or "pending" in run:
                    if run is not None:
                        result["export"] = run
                    break
                run["gate"] = gate
                export_runs.append(run)
            if export_runs:
                ok = [r for r in export_runs if r["exit"] == 0]
                wall = common.median([r["wall_s"] for r in ok]) if ok else None
                result["export"] = {"runs": export_runs}
                if wall:
                    last = ok[-1]
                    result["export"].update(
                        wall_s_median=wall, mb_per_s=last["output_bytes"] / 1e6 / wall,
                        items_per_s=(result["ingest"]["items_indexed"] or stats["items"]) / wall,
                        output_bytes=last["output_bytes"], output_lines=last["output_lines"])
    except Exception as error:  # one broken system must not stop the others
        result["error"] = "%s: %s" % (type(error).__name__, error)
        traceback.print_exc()
    except common.Deadline as stop:  # keep what was measured, then stop the whole run
        result["stopped"] = str(stop)
        if result["ingest_runs"]:
            common.save_result(name, docs, result)
        raise
    finally:
        system.close()
        if scratch is not None and name in args.keep:
            common.log("%s: kept %s" % (name, scratch))
        elif scratch is not None:
            shutil.rmtree(scratch, ignore_errors=True)
    return common.save_result(name, docs, result)


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--systems", default=",".join(kSystems))
    parser.add_argument("--docs", default="1000,10000", help="corpus sizes, comma separated")
    parser.add_argument("--runs", type=int, default=3, help="ingest/export runs (median)")
    parser.add_argument("--reps", type=int, default=5, help="passes over the query set")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--queries-min-docs", type=int, default=10000,
                        help="query benchmarks only on corpora at least this large")
    parser.add_argument("--keep", default="",
                        help="systems whose last scratch folder (database) is kept for later "
                             "measurements, comma separated")
    args = parser.parse_args(argv)
    args.keep = {n.strip() for n in args.keep.split(",") if n.strip()}
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # run finally blocks and atexit
    common.kWork.mkdir(parents=True, exist_ok=True)
    try:
        names = [n.strip() for n in args.systems.split(",") if n.strip()]
        for docs in (int(d) for d in args.docs.split(",")):
            earlier = early_rounds(names, docs, args)
            for name in names:
                bench_system(name, docs, args, earlier[name])
    except common.Deadline as stop:
        common.log("stopped: %s" % stop)


if __name__ == "__main__":
    main(sys.argv[1:])
