#!/usr/bin/env python3
"""Write docs/BENCHMARKS.md from bench/results/*.json (see bench/run.py).

    bench/report.py [--out docs/BENCHMARKS.md]

The file is regenerated as a whole; hand-written text belongs in bench/findings.md (what the
numbers say) and bench/notes.md (method), which are copied in at the end.
"""

import argparse
import json
import platform
import re
import subprocess
import sys
import time

import common

kOrder = ("referat", "referat-jobs2", "omindex", "omindex-flush1000", "postgres", "sqlite")
kPendingCommand = "bench/run.py --systems referat --docs %d"


def machine():
    cpu = "unknown"
    for line in open("/proc/cpuinfo", encoding="utf-8"):
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    mem_kb = 0
    for line in open("/proc/meminfo", encoding="utf-8"):
        if line.startswith("MemTotal:"):
            mem_kb = int(line.split()[1])
    nproc = subprocess.run(["nproc"], stdout=subprocess.PIPE, text=True).stdout.strip()
    return "%s CPUs (%s), %.1f GiB RAM, Linux %s, Python %s" % (
        nproc, cpu, mem_kb / 1024 / 1024, platform.release(), platform.python_version())


def versions():
    def first_line(command):
        try:
            proc = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                  text=True)
            return proc.stdout.strip().splitlines()[0]
        except (OSError, IndexError):
            return "not installed"
    import sqlite3
    return [("Xapian (xapian-compact)", first_line(["xapian-compact", "--version"])),
            ("omindex", first_line(["omindex", "--version"])),
            ("PostgreSQL", first_line(["/usr/lib/postgresql/15/bin/postgres", "--version"])),
            ("SQLite (python3 module)", sqlite3.sqlite_version),
            ("SQLite shell", first_line(["sqlite3", "--version"])[:20])]


def load_results():
    results = {}
    for path in sorted(common.kResults.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        results[(data["system"], data["docs"])] = data
    return results


def fmt(value, digits=1):
    if value is None:
        return "—"
    if isinstance(value, float) and value >= 1000:
        return "{:,.0f}".format(value)
    return "{:,.{d}f}".format(value, d=digits)


def ms(seconds):
    return "—" if seconds is None else "%.1f" % (seconds * 1000)


def ratio(a, b):
    return "—" if not a or not b else "%.2f" % (a / b)


def gate_text(runs):
    """Highest 1-minute load at the start of the runs, and without this script's own share."""
    gates = [r["gate"] for r in runs if r.get("gate")]
    if not gates:
        return "—"
    quiet = all(g.get("quiet") for g in gates)
    load = max(g["load1"] for g in gates)
    others = max(g.get("load1_others", g["load1"]) for g in gates)
    return "%.2f (%.2f)%s" % (load, others, "" if quiet else " ⚠")


def last_column(name, ref, ingest):
    """Referat ÷ peer; for Referat's own --jobs variants, their speed-up over one job."""
    if name == "referat":
        return "1.00"
    if name.startswith("referat-jobs"):
        speedup = ratio(ingest["mb_per_s"], ref and ref["mb_per_s"])
        return "" if speedup == "—" else "%s × one job" % speedup
    return ratio(ref and ref["mb_per_s"], ingest["mb_per_s"])


def ingest_section(results, docs):
    rows = [(name, results.get((name, docs))) for name in kOrder]
    ref = results.get(("referat", docs), {}).get("ingest")
    corpus = next((r["corpus"] for _, r in rows if r), None)
    out = ["### %s documents" % "{:,}".format(docs)]
    if corpus:
        out.append("Corpus: %s documents, %s generated items, %.1f MB of text (`tools/gen-corpus "
                   "%d DIR --seed 1`)." % ("{:,}".format(corpus["docs"]),
                                           "{:,}".format(corpus["items"]),
                                           corpus["bytes"] / 1e6, docs))
    out += ["",
            "| System | Runs | Wall s (median) | MB/s | Items/s | Peak RSS MB | Index MB | "
            "Compacted MB | Index bytes per input byte | Search-only archive MB (per input byte) | "
            "Max load at start | Referat ÷ peer (MB/s) |",
            "|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for name, data in rows:
        if data is None:
            if name == "referat":
                out.append("| Referat | pending | | | | | | | | | | run `%s` |"
                           % (kPendingCommand % docs))
            continue
        ingest = data.get("ingest")
        if not ingest:
            out.append("| %s | %s | %s | | | | | | | | | |" % (
                data["label"], "stopped" if data.get("stopped") else "failed",
                data.get("error") or data.get("stopped") or
                (data["ingest_runs"][-1]["stderr_tail"][-120:].replace("|", "/").replace(
                    "\n", " ") if data.get("ingest_runs") else "")))
            continue
        sizes = data.get("sizes", {})
        per_byte = sizes.get("compact_per_input_byte") or sizes.get("db_per_input_byte")
        archive = ("%s (%s)" % (fmt(sizes["archive_bytes"] / 1e6, 1),
                                fmt(sizes.get("archive_per_input_byte"), 2))
                   if sizes.get("archive_bytes") else "—")
        out.append("| %s | %d | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |" % (
            data["label"], ingest["runs_ok"], fmt(ingest["wall_s_median"], 2),
            fmt(ingest["mb_per_s"], 2), fmt(ingest["items_per_s"], 0),
            fmt((ingest["peak_rss_kb_median"] or 0) / 1024 or None, 0),
            fmt(sizes.get("db_bytes", 0) / 1e6 or None, 1),
            fmt(sizes.get("compact_bytes", 0) / 1e6 or None, 1),
            fmt(per_byte, 2), archive, gate_text(data["ingest_runs"]),
            last_column(name, ref, ingest)))
    return out


def query_section(results, docs):
    ref = results.get(("referat", docs), {})
    reps = max([(results.get((n, docs)) or {}).get("queries", {}).get("reps", 0) for n in kOrder])
    out = ["### Queries on %s documents" % "{:,}".format(docs), "",
           "%d queries (`bench/queries.json`) × %d passes after one warm-up pass; every sample is "
           "one whole process (`referat search`, `quest`, `psql`, `sqlite3`) timed with "
           "`time.perf_counter()` in Python. In-process is the engine's own time where one is "
           "available (PostgreSQL: sum of psql `\\timing` for the statements; SQLite: the same "
           "SQL run in the Python process; Referat: the JSON output's timing field if present)."
           % (len(common.load_queries()), reps), "",
           "| System | p50 ms | p95 ms | p50 ms, facets | p95 ms, facets | in-process p50 ms | "
           "in-process p50 ms, facets | Max load | Referat ÷ peer (p50) |",
           "|---|---|---|---|---|---|---|---|---|"]
    any_rows = False
    for name in kOrder:
        data = results.get((name, docs))
        if data is None:
            if name == "referat":
                out.append("| Referat | pending | | | | | | | run `%s` |" % (kPendingCommand % docs))
            continue
        plain, facets = data.get("queries") or {}, data.get("queries_facets") or {}
        if not plain:
            continue
        any_rows = True
        gates = [q for q in (plain, facets) if q.get("gate")]
        ref_p50 = (ref.get("queries") or {}).get("p50_s")
        out.append("| %s | %s | %s | %s | %s | %s | %s | %s | %s |" % (
            data["label"], ms(plain.get("p50_s")), ms(plain.get("p95_s")),
            ms(facets.get("p50_s")) if "skipped" not in facets else "n/a",
            ms(facets.get("p95_s")) if "skipped" not in facets else "n/a",
            ms(plain.get("inner_p50_s")), ms(facets.get("inner_p50_s")),
            gate_text(gates),
            "1.00" if name == "referat" else ratio(ref_p50, plain.get("p50_s"))))
    return out if any_rows else []


def hits_section(results, docs):
    queries = common.load_queries()
    systems = [n for n in kOrder if (results.get((n, docs)) or {}).get("queries")]
    if not systems:
        return []
    out = ["### Hits per query on %s documents (sanity check)" % "{:,}".format(docs), "",
           "Referat counts agenda items, the peers count whole documents; omindex's figure is "
           "quest's estimate (Xapian estimates phrase matches unless asked to check them all), "
           "PostgreSQL's and SQLite's are exact `count(*)`. omindex ignores the committee and "
           "year filters (it has no such fields).", "",
           "| Query | " + " | ".join(results[(n, docs)]["label"] for n in systems) + " |",
           "|---|" + "---|" * len(systems)]
    for query in queries:
        cells = []
        for name in systems:
            entry = results[(name, docs)]["queries"]["per_query"].get(query["id"], {})
            cells.append("error" if entry.get("error") else fmt(entry.get("hits"), 0))
        out.append("| `%s` | %s |" % (query["referat"].replace("|", "\\|"), " | ".join(cells)))
    return out


def export_section(results):
    rows = []
    for (name, docs), data in sorted(results.items(), key=lambda kv: kv[0][1]):
        if name != "referat":
            continue
        export = data.get("export") or {}
        if "pending" in export:
            rows.append("| %s | pending: %s | | | |" % ("{:,}".format(docs), export["pending"]))
        elif export.get("wall_s_median"):
            rows.append("| %s | %s | %s | %s | %s |" % (
                "{:,}".format(docs), fmt(export["wall_s_median"], 2),
                fmt(export["items_per_s"], 0), fmt(export["mb_per_s"], 1),
                fmt(export["output_bytes"] / 1e6, 1)))
    if not rows:
        rows = ["| all | pending | | | run `bench/run.py --systems referat` |"]
    return ["| Documents | Wall s (median) | Items/s | MB/s out | Output MB |",
            "|---|---|---|---|---|"] + rows


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", default=str(common.kRepo / "docs" / "BENCHMARKS.md"))
    args = parser.parse_args(argv)
    results = load_results()
    sizes = sorted({docs for _, docs in results} | {1000, 10000})
    dates = sorted({d["date"] for d in results.values()})
    out = ["# Benchmarks: Referat against its peers", "",
           "Generated by `bench/report.py` from `bench/results/*.json`; rerun everything with "
           "`bench/run-all` (add `--with-100k` for the 100,000-document corpus). Measured %s."
           % ("between %s and %s" % (dates[0], dates[-1]) if dates else "—"), "",
           "## Machine", "", "- " + machine()]
    commits = sorted({d.get("commit", "?") for (n, _), d in results.items() if n == "referat"})
    if commits:
        out.append("- Referat: commit %s (a Release build, `-DCMAKE_BUILD_TYPE=Release`, unless "
                   "the notes on a session below say otherwise)" % ", ".join(commits))
    out += ["- %s: %s" % (name, version) for name, version in versions()]
    out += ["- Load: before each timed run the 1-minute load average, less the decaying share "
            "left by the script's own previous run, had to be below %.1f "
            "(`REFERAT_BENCH_MAX_LOAD`) and the CPUs idle for 2 s. Tables show the highest load "
            "at a run's start as `raw (others)`; ⚠ marks runs that started above the limit "
            "after the bounded wait. The machine is shared." % common.kLoadLimit,
            "- Page cache warm: every system reads the same files, already cached; no cache "
            "dropping (the machine is shared).", "",
            "## Commands", "", "```sh",
            "bench/install-peers                       # xapian-omega postgresql sqlite3 time",
            "cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release && cmake --build build-bench -j2",
            "bench/run-all                             # = the lines below, then bench/report.py",
            "bench/run.py --docs 1000,10000 --runs 3 --reps 5   # all systems",
            "bench/run.py --systems referat --docs 10000        # one system, one size",
            "```", "",
            "What each system runs (one timed process each; medians of the runs):", "",
            "- Referat: `referat ingest --db DB --report R CORPUS` (and with `--jobs 2`, ingest "
            "only: two parsing threads writing two shards); `referat search --db DB "
            "--format json [--facets committee,year,outcome,layout,person] QUERY`; "
            "`referat export --db DB`.",
            "- omindex: `omindex --db DB --url / --stemmer danish --overwrite --empty-docs skip "
            "CORPUS`, with the default flush and with `XAPIAN_FLUSH_THRESHOLD=1000`; "
            "`quest --db DB --stemmer danish --default-op and --msize 10 TEXT`.",
            "- PostgreSQL 15, private cluster (initdb in a scratch folder, unix socket only, "
            "default settings): `COPY` into `docs(path, layout, municipality, committee, year, "
            "body, tsv tsvector GENERATED ALWAYS AS (to_tsvector('danish', body)) STORED)`, "
            "`CREATE INDEX ... USING gin (tsv)`, `ANALYZE`; queries "
            "`websearch_to_tsquery('danish', TEXT)`, `ts_rank` top 10 with `ts_headline`, plus "
            "`count(*)`. Ingest time includes writing the COPY file from the corpus.",
            "- SQLite FTS5 (python3 `sqlite3`), `unicode61` tokenizer (FTS5 has no Danish "
            "stemmer), one transaction then `optimize`; queries `MATCH` + `snippet()` top 10 by "
            "`rank`, plus `count(*)`, through the `sqlite3` shell.", "",
            "Items/s divides the generated agenda items by the wall time for every system, so "
            "the columns compare; only Referat actually splits documents into items (the peers "
            "index one row per file). Peer facets are GROUP BY counts over committee, year, "
            "layout and municipality taken from the generator's manifest (they cannot extract "
            "outcome or people); field queries (`udvalg:`, `år:`) become column filters for "
            "PostgreSQL and SQLite and plain text for omindex; `beslutning:`/`person:` become "
            "plain words for all peers.", "",
            "## Ingest and index size", ""]
    for docs in sizes:
        out += ingest_section(results, docs) + [""]
    out += ["## Query latency", ""]
    for docs in sizes:
        section = query_section(results, docs)
        if section:
            out += section + [""] + hits_section(results, docs) + [""]
    out += ["## Export", ""] + export_section(results) + [""]
    for name in ("findings.md", "notes.md"):  # hand-written: what the numbers say, method
        notes = common.kBench / name
        if notes.exists():
            out += [notes.read_text(encoding="utf-8").rstrip(), ""]
    with open(args.out, "w", encoding="utf-8") as f:
        f.write("\n".join(out))
    common.log("wrote %s" % args.out)


if __name__ == "__main__":
    main(sys.argv[1:])
