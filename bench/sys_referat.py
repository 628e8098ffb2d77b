"""Referat itself: `referat ingest`, `referat search`, `referat export` as whole processes."""

import json
import os
import shutil
import subprocess
from pathlib import Path

import common

kFacets = "committee,year,outcome,layout,person"


def binary():
    """The referat binary: $REFERAT_BIN, else the Release build in build-bench."""
    path = Path(os.environ.get("REFERAT_BIN",
                               common.kRepo / "build-bench" / "tools" / "referat" / "referat"))
    if not path.exists():
        raise SystemExit("bench: no referat binary at %s (build it: cmake -S %s -B %s "
                         "-DCMAKE_BUILD_TYPE=Release && cmake --build %s -j2, or set "
                         "REFERAT_BIN)" % (path, common.kRepo, path.parents[2], path.parents[2]))
    return path


def has_subcommand(name):
    proc = subprocess.run([str(binary()), name, "--help"], stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE)
    text = (proc.stdout + proc.stderr).decode("utf-8", "replace")
    return proc.returncode == 0 and "not available" not in text


class Referat:
    name = "referat"
    label = "Referat"
    jobs = 1
    # Queries, sizes and export are measured on the one-job database; a --jobs variant only
    # times the ingest (its shards hold the same items).
    ingest_only = False

    def __init__(self):
        self.bin = binary()
        self.db = None

    def ingest(self, corpus, scratch):
        db = scratch / "referat.db"
        report = scratch / "ingest-report.json"
        command = [self.bin, "ingest", "--db", db, "--report", report]
        if self.jobs > 1:
            command += ["--jobs", str(self.jobs)]
        run = common.timed_run(command + [corpus], stdout=subprocess.DEVNULL)
        if report.exists():
            try:
                data = json.loads(report.read_text(encoding="utf-8"))
                run["items_indexed"] = data.get("items")
                run["meetings_indexed"] = data.get("meetings")
                run["files_failed"] = len(data.get("failed", []))
            except (ValueError, OSError) as error:
                run["report_error"] = str(error)
        self.db = db
        return run

    def sizes(self):
        """The database as ingested; compacted by referat compact (writable, with its facet
        store); and compacted --read-only, the search-only archive without the termlist."""
        out = {"db_bytes": common.du_bytes(self.db)}
        for key, extra in (("compact", []), ("archive", ["--read-only"])):
            compact = self.db.parent / ("referat.%s" % key)
            shutil.rmtree(compact, ignore_errors=True)
            seconds, proc = common.quick_run(
                [self.bin, "compact", "--db", self.db, "--output", compact] + extra)
            out["%s_seconds" % key] = seconds
            if proc.returncode == 0:
                out["%s_bytes" % key] = common.du_bytes(compact)
            shutil.rmtree(compact, ignore_errors=True)
        return out

    def query_command(self, query, facets):
        command = [self.bin, "search", "--db", self.db, "--format", "json"]
        if facets:
            command += ["--facets", kFacets]
        return command + [query["referat"]]

    def run_query(self, query, facets):
        """(whole-process seconds, hits or None, in-process seconds or None, error)."""
        seconds, proc = common.quick_run(self.query_command(query, facets))
        if proc.returncode not in (0, 1):
            return seconds, None, None, proc.stderr.decode("utf-8", "replace").strip()[-300:]
        hits, inner = None, None
        try:
            data = json.loads(proc.stdout.decode("utf-8"))
            if isinstance(data, dict):
                for key in ("total", "estimated", "matches_estimated", "count", "hits_total"):
                    if isinstance(data.get(key), int):
                        hits = data[key]
                        break
                for key in ("elapsed_ms", "took_ms", "time_ms", "search_ms"):
                    if isinstance(data.get(key), (int, float)):
                        inner = data[key] / 1000.0
                        break
        except ValueError:
            pass
        return seconds, hits, inner, None

    def export(self, scratch):
        if not has_subcommand("export"):
            return {"pending": "referat export is not in this build"}
        out = scratch / "export.jsonl"
        with open(out, "wb") as sink:
            run = common.timed_run([self.bin, "export", "--db", self.db, "--format", "jsonl"],
                                   stdout=sink)
        if run["exit"] != 0:
            with open(out, "wb") as sink:  # older builds: JSON lines may be the default
                run = common.timed_run([self.bin, "export", "--db", self.db], stdout=sink)
        run["output_bytes"] = out.stat().st_size
        with open(out, "rb") as f:
            run["output_lines"] = sum(1 for _ in f)
        out.unlink()
        return run

    def close(self):
        pass


class ReferatJobs(Referat):
    """`referat ingest --jobs N`: N parsing threads, one shard per job."""

    def __init__(self, jobs):
        super().__init__()
        self.jobs = jobs
        self.name = "referat-jobs%d" % jobs
        self.label = "Referat, --jobs %d" % jobs
        self.ingest_only = True
