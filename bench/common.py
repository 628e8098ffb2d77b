"""Shared helpers for the benchmark scripts: timing, peak RSS, load gate, corpora, results."""

import json
import math
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

kBench = Path(__file__).resolve().parent
kRepo = kBench.parent
kResults = Path(os.environ.get("REFERAT_BENCH_RESULTS", kBench / "results"))
kWork = Path(os.environ.get("REFERAT_BENCH_DIR", kRepo / "build-bench" / "bench"))
kLoadLimit = float(os.environ.get("REFERAT_BENCH_MAX_LOAD", "0.5"))
kLoadWait = float(os.environ.get("REFERAT_BENCH_LOAD_WAIT", "120"))
# Wall-clock time (seconds since the epoch) after which no new timed run starts.
kStopAt = float(os.environ.get("REFERAT_BENCH_STOP_AT", "0"))


class Deadline(BaseException):
    """REFERAT_BENCH_STOP_AT has passed: stop measuring (not an error of a system)."""


def log(message):
    print("bench: " + message, file=sys.stderr, flush=True)


def load_average():
    with open("/proc/loadavg") as f:
        return float(f.read().split()[0])


def cpu_busy(seconds=2.0):
    """Fraction of all CPU time spent busy over a short window (what other users are doing)."""
    def sample():
        with open("/proc/stat") as f:
            fields = [int(x) for x in f.readline().split()[1:]]
        idle = fields[3] + fields[4]
        return sum(fields), idle
    total0, idle0 = sample()
    time.sleep(seconds)
    total1, idle1 = sample()
    return 1.0 - (idle1 - idle0) / max(1, total1 - total0)


# End time, wall seconds and average busy CPUs of this script's own last timed work: its share
# of the 1-minute load average decays with a 60 s time constant after it ends.
_own_work = {"end": 0.0, "wall": 0.0, "cpus": 0.0}


def note_own_work(wall, cpus):
    _own_work.update(end=time.monotonic(), wall=wall, cpus=cpus)


def own_load():
    """Estimated share of the current 1-minute load average left by our previous timed run."""
    if not _own_work["end"]:
        return 0.0
    since = time.monotonic() - _own_work["end"]
    return (_own_work["cpus"] * (1 - math.exp(-_own_work["wall"] / 60.0)) *
            math.exp(-since / 60.0))


def quiet_gate(label):
    """Wait (bounded) until nobody else is using the machine; return what was seen.

    Quiet means the 1-minute load average, less the decaying share of our own previous run,
    is below the limit, and the CPUs were less than 10 % busy over the last 2 seconds.
    Without the correction every run would wait about 45 s for its predecessor's load to decay.
    """
    deadline = time.monotonic() + kLoadWait
    while True:
        busy = cpu_busy()
        load = load_average()
        others = load - own_load()
        quiet = others < kLoadLimit and busy < 0.10
        if kStopAt and time.time() >= kStopAt:
            raise Deadline("REFERAT_BENCH_STOP_AT passed before %s" % label)
        if quiet or time.monotonic() >= deadline:
            break
        time.sleep(3)
    state = {"load1": load, "load1_others": round(others, 2), "cpu_busy_before": round(busy, 3),
             "quiet": quiet}
    if not quiet:
        log("%s: load %.2f (%.2f without ours), CPU %.0f %% busy after waiting %.0f s; "
            "measuring anyway (recorded)" % (label, load, others, busy * 100, kLoadWait))
    return state


def parse_time_v(text):
    """Fields of GNU time -v output that matter here."""
    out = {}
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", text)
    if m:
        out["peak_rss_kb"] = int(m.group(1))
    m = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): ([\d:.]+)", text)
    if m:
        parts = [float(p) for p in m.group(1).split(":")]
        seconds = 0.0
        for p in parts:
            seconds = seconds * 60 + p
        out["wall_s_time"] = seconds
    for key, pattern in (("user_s", r"User time \(seconds\): ([\d.]+)"),
                         ("sys_s", r"System time \(seconds\): ([\d.]+)")):
        m = re.search(pattern, text)
        if m:
            out[key] = float(m.group(1))
    return out


def timed_run(command, env=None, stdout=None, cwd=None):
    """Run command under /usr/bin/time -v; wall time from a monotonic clock."""
    time_file = kWork / ".time-v.txt"
    full = ["/usr/bin/time", "-v", "-o", str(time_file)] + [str(c) for c in command]
    start = time.perf_counter()
    proc = subprocess.run(full, env=env, stdout=stdout or subprocess.PIPE,
                          stderr=subprocess.PIPE, cwd=cwd)
    wall = time.perf_counter() - start
    result = {"wall_s": wall, "exit": proc.returncode,
              "stderr_tail": proc.stderr.decode("utf-8", "replace")[-2000:]}
    if time_file.exists():
        result.update(parse_time_v(time_file.read_text()))
        time_file.unlink()
    cpu = result.get("user_s", 0.0) + result.get("sys_s", 0.0)
    note_own_work(wall, min(2.0, max(1.0, cpu / wall if wall else 1.0)))
    if stdout is None:
        result["stdout"] = proc.stdout
    return result


def quick_run(command, env=None, input_bytes=None):
    """Whole-process run timed with a high-resolution clock: (seconds, CompletedProcess)."""
    start = time.perf_counter()
    proc = subprocess.run([str(c) for c in command], env=env, input=input_bytes,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    return time.perf_counter() - start, proc


def du_bytes(path):
    """Disk usage in bytes (du -sb is apparent size; -sk * 1024 is allocated)."""
    out = subprocess.run(["du", "-sk", str(path)], stdout=subprocess.PIPE, check=True)
    return int(out.stdout.split()[0]) * 1024


def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def percentile(values, p):
    """Nearest-rank percentile (p in 0..100) of a non-empty list."""
    ordered = sorted(values)
    if not ordered:
        return None
    rank = max(1, min(len(ordered), int(-(-p * len(ordered) // 100))))
    return ordered[rank - 1]


def corpus(docs, seed=1):
    """Path of the generated corpus with this many documents, generating it when missing."""
    path = kWork / "corpus" / ("c%d-s%d" % (docs, seed))
    manifest = path.parent / (path.name + ".manifest.tsv")
    if not manifest.exists():
        shutil.rmtree(path, ignore_errors=True)
        path.parent.mkdir(parents=True, exist_ok=True)
        log("generating %d documents into %s" % (docs, path))
        subprocess.run([sys.executable, str(kRepo / "tools" / "gen-corpus"), str(docs),
                        str(path), "--seed", str(seed)], check=True)
    return path


def corpus_stats(path):
    """Documents, items (as generated) and bytes of a corpus, from its manifest."""
    manifest = path.parent / (path.name + ".manifest.tsv")
    docs = items = size = 0
    for line in manifest.read_text(encoding="utf-8").splitlines()[1:]:
        fields = line.split("\t")
        docs += 1
        items += int(fields[5])
        size += int(fields[6])
    return {"docs": docs, "items": items, "bytes": size}


def manifest_rows(path):
    manifest = path.parent / (path.name + ".manifest.tsv")
    lines = manifest.read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    return [dict(zip(header, line.split("\t"))) for line in lines[1:]]


def scratch(name):
    """A fresh scratch folder under the work dir (removed first if it exists)."""
    path = kWork / "scratch" / name
    shutil.rmtree(path, ignore_errors=True)
    path.mkdir(parents=True)
    return path


def save_result(system, docs, payload):
    kResults.mkdir(parents=True, exist_ok=True)
    commit = subprocess.run(["git", "-C", str(kRepo), "rev-parse", "--short", "HEAD"],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    payload = dict(payload, system=system, docs=docs, commit=commit.stdout.strip(),
                   date=time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()))
    path = kResults / ("%s-%d.json" % (system, docs))
    path.write_text(json.dumps(payload, indent=1, ensure_ascii=False, default=str) + "\n",
                    encoding="utf-8")
    log("wrote %s" % path)
    return path


def load_queries():
    """The fixed query set (bench/queries.json)."""
    return json.loads((kBench / "queries.json").read_text(encoding="utf-8"))


def summarise_runs(runs, keys):
    """Median of each key over the runs, plus the raw values."""
    return {key: median([r.get(key) for r in runs]) for key in keys}
