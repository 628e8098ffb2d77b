"""Peer: Xapian Omega's omindex (one document per file, Danish stemmer) queried with quest."""

import os
import re
import shutil
import subprocess

import common


class Omindex:
    """omindex with its default flush, or with XAPIAN_FLUSH_THRESHOLD set."""

    def __init__(self, flush_threshold=None):
        self.flush = flush_threshold
        self.name = "omindex" if flush_threshold is None else "omindex-flush%d" % flush_threshold
        self.label = ("omindex (default flush)" if flush_threshold is None
                      else "omindex (XAPIAN_FLUSH_THRESHOLD=%d)" % flush_threshold)
        self.db = None

    def ingest(self, corpus, scratch):
        db = scratch / "omega.db"
        env = dict(os.environ)
        env.pop("XAPIAN_FLUSH_THRESHOLD", None)
        if self.flush is not None:
            env["XAPIAN_FLUSH_THRESHOLD"] = str(self.flush)
        run = common.timed_run(["omindex", "--db", db, "--url", "/", "--stemmer", "danish",
                                "--overwrite", "--empty-docs", "skip", corpus],
                               env=env, stdout=subprocess.DEVNULL)
        self.db = db
        seconds, proc = common.quick_run(["xapian-delve", db])
        m = re.search(rb"number of documents = (\d+)", proc.stdout)
        run["items_indexed"] = int(m.group(1)) if m else None
        return run

    def sizes(self):
        compact = self.db.parent / "omega.compact"
        shutil.rmtree(compact, ignore_errors=True)
        seconds, proc = common.quick_run(["xapian-compact", self.db, compact])
        out = {"db_bytes": common.du_bytes(self.db), "compact_seconds": seconds}
        if proc.returncode == 0:
            out["compact_bytes"] = common.du_bytes(compact)
            shutil.rmtree(compact, ignore_errors=True)
        return out

    def run_query(self, query, facets):
        """quest has no facets and no field filters: the free-text part only."""
        if facets:
            return None, None, None, "no facets in omindex/quest"
        seconds, proc = common.quick_run(["quest", "--db", self.db, "--stemmer", "danish",
                                          "--default-op", "and", "--msize", "10",
                                          query["text"]])
        if proc.returncode != 0:
            return seconds, None, None, proc.stderr.decode("utf-8", "replace").strip()[-300:]
        # "Exactly N matches", "About N matches" or "Between A and B matches, best estimate is N"
        m = re.search(rb"best estimate is (\d+)|(?:Exactly|About) (\d+) matches", proc.stdout)
        hits = int(m.group(1) or m.group(2)) if m else None
        return seconds, hits, None, None

    def export(self, scratch):
        return None

    def close(self):
        pass
