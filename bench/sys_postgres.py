"""Peer: PostgreSQL full-text search ('danish' configuration) in a private throw-away cluster.

The cluster lives in a scratch folder, listens on a unix socket only (no TCP), runs as the
`postgres` system user (initdb refuses root) and is stopped and deleted by close(), which the
driver calls from a finally block and an atexit hook.
"""

import atexit
import os
import pwd
import re
import shutil
import subprocess
import time

import common

kPort = 55432 + os.getpid() % 1000
kSchema = """
CREATE TABLE docs (
    path text PRIMARY KEY, layout text, municipality text, committee text, year int,
    body text,
    tsv tsvector GENERATED ALWAYS AS (to_tsvector('danish', body)) STORED);
"""


def copy_escape(text):
    return (text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")
            .replace("\r", "\\r"))


def sql_literal(text):
    return "'" + text.replace("'", "''") + "'"


class Postgres:
    name = "postgres"
    label = "PostgreSQL FTS (danish)"

    def __init__(self):
        self.root = None
        self.started = False
        self.user = "postgres"
        pwd.getpwnam(self.user)  # KeyError: the postgresql package is not installed
        atexit.register(self.close)

    def as_user(self, command, **kwargs):
        prefix = [] if os.geteuid() != 0 else ["runuser", "-u", self.user, "--"]
        return subprocess.run(prefix + [str(c) for c in command], **kwargs)

    def start(self, scratch):
        self.root = scratch / "pg"
        self.root.mkdir()
        shutil.chown(self.root, self.user)
        os.chmod(scratch, 0o755)
        self.as_user(["initdb", "-D", self.root / "data", "-A", "trust", "-E", "UTF8",
                      "--locale", "C.UTF-8", "-U", "postgres"], check=True,
                     stdout=subprocess.DEVNULL)
        options = "-c listen_addresses='' -k %s -p %d" % (self.root, kPort)
        self.as_user(["pg_ctl", "-D", self.root / "data", "-l", self.root / "server.log",
                      "-o", options, "-w", "start"], check=True, stdout=subprocess.DEVNULL)
        self.started = True

    def psql(self, database="postgres"):
        return ["psql", "-h", str(self.root), "-p", str(kPort), "-U", "postgres", "-d", database,
                "-X", "-q", "-v", "ON_ERROR_STOP=1", "-At"]

    def ingest(self, corpus, scratch):
        if self.started:
            self.close()
        self.start(scratch)
        subprocess.run(self.psql() + ["-c", "CREATE DATABASE bench"], check=True)
        # COPY input: the client's share of the work, timed as part of the ingest.
        rows = scratch / "docs.copy"
        began = time.perf_counter()
        with open(rows, "w", encoding="utf-8") as out:
            for row in common.manifest_rows(corpus):
                body = (corpus / row["path"]).read_text(encoding="utf-8")
                out.write("\t".join(copy_escape(v) for v in (
                    row["path"], row["layout"], row["municipality"], row["committee"],
                    row["date"][:4], body)) + "\n")
        prepare = time.perf_counter() - began
        os.chmod(rows, 0o644)
        script = scratch / "load.sql"
        script.write_text(kSchema + (
            "\\copy docs (path, layout, municipality, committee, year, body) FROM '%s'\n"
            "CREATE INDEX docs_tsv ON docs USING gin (tsv);\n"
            "ANALYZE docs;\n"
            "SELECT pg_backend_pid() AS pid \\gset\n"
            "\\setenv BACKEND_PID :pid\n"
            "\\! grep VmHWM /proc/$BACKEND_PID/status\n") % rows, encoding="utf-8")
        run = common.timed_run(self.psql("bench") + ["-f", script])
        stdout = run.pop("stdout", b"").decode("utf-8", "replace")
        m = re.search(r"VmHWM:\s+(\d+) kB", stdout)
        run["client_peak_rss_kb"] = run.get("peak_rss_kb")
        run["peak_rss_kb"] = int(m.group(1)) if m else None  # the server backend's peak
        run["prepare_s"] = prepare
        run["wall_s"] += prepare
        rows.unlink()
        count = subprocess.run(self.psql("bench") + ["-c", "SELECT count(*) FROM docs"],
                               stdout=subprocess.PIPE, check=True)
        run["items_indexed"] = int(count.stdout.strip())
        return run

    def sizes(self):
        sql = ("SELECT pg_total_relation_size('docs'), pg_relation_size('docs_tsv'), "
               "pg_table_size('docs')")
        out = subprocess.run(self.psql("bench") + ["-F", " ", "-c", sql],
                             stdout=subprocess.PIPE, check=True).stdout.split()
        return {"db_bytes": int(out[0]), "index_bytes": int(out[1]), "table_bytes": int(out[2])}

    def select(self, query, facets):
        where = ["tsv @@ q"]
        if query.get("committee"):
            where.append("committee = " + sql_literal(query["committee"]))
        if query.get("year_from"):
            where.append("year BETWEEN %d AND %d" % (query["year_from"], query["year_to"]))
        match = ("FROM docs, websearch_to_tsquery('danish', %s) q WHERE %s"
                 % (sql_literal(query["text"]), " AND ".join(where)))
        top = ("SELECT path, ts_headline('danish', body, q, 'MaxFragments=1, MaxWords=20') "
               "FROM (SELECT path, body, q, ts_rank(tsv, q) AS r %s ORDER BY r DESC LIMIT 10) t "
               "ORDER BY r DESC;" % match)
        count = "SELECT 'hits', count(*) %s;" % match
        sql = [top, count]
        if facets:
            sql.append(
                "WITH m AS MATERIALIZED (SELECT committee, year, layout, municipality %s) "
                "SELECT 'committee', committee, count(*) FROM m GROUP BY 2 UNION ALL "
                "SELECT 'year', year::text, count(*) FROM m GROUP BY 2 UNION ALL "
                "SELECT 'layout', layout, count(*) FROM m GROUP BY 2 UNION ALL "
                "SELECT 'municipality', municipality, count(*) FROM m GROUP BY 2;" % match)
        return "\\timing on\n" + "\n".join(sql) + "\n"

    def run_query(self, query, facets):
        seconds, proc = common.quick_run(self.psql("bench"),
                                         input_bytes=self.select(query, facets).encode())
        if proc.returncode != 0:
            return seconds, None, None, proc.stderr.decode("utf-8", "replace").strip()[-300:]
        text = proc.stdout.decode("utf-8", "replace")
        server = sum(float(t) for t in re.findall(r"^Time: ([\d.]+) ms", text, re.M)) / 1000.0
        m = re.search(r"^hits\|(\d+)$", text, re.M)
        return seconds, int(m.group(1)) if m else None, server, None

    def export(self, scratch):
        return None

    def close(self):
        if self.started:
            self.as_user(["pg_ctl", "-D", self.root / "data", "-m", "fast", "-w", "stop"],
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            self.started = False
        if self.root is not None:
            shutil.rmtree(self.root, ignore_errors=True)
            self.root = None
