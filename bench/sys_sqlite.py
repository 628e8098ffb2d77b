"""Peer: SQLite FTS5 (python3's sqlite3 module) with snippet(); one row per document.

FTS5 has no Danish stemmer (its only stemmer is the English Porter one), so it runs with the
unicode61 tokenizer, diacritics kept: exact word forms only. Loading runs in a child process
(`python3 sys_sqlite.py load DB CORPUS`) so that GNU time sees its peak memory.
"""

import re
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import common

kSchema = ("CREATE VIRTUAL TABLE docs USING fts5(body, path UNINDEXED, layout UNINDEXED, "
           "municipality UNINDEXED, committee UNINDEXED, year UNINDEXED, "
           "tokenize = 'unicode61 remove_diacritics 0')")


def load(db, corpus):
    connection = sqlite3.connect(db)
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute(kSchema)
    with connection:
        for row in common.manifest_rows(corpus):
            body = (corpus / row["path"]).read_text(encoding="utf-8")
            connection.execute(
                "INSERT INTO docs (body, path, layout, municipality, committee, year) "
                "VALUES (?, ?, ?, ?, ?, ?)", (body, row["path"], row["layout"],
                                              row["municipality"], row["committee"],
                                              int(row["date"][:4])))
    connection.execute("INSERT INTO docs(docs) VALUES ('optimize')")
    connection.commit()
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()


def fts_query(text):
    """websearch-style text to FTS5: words and "phrases" ANDed, OR kept, words quoted."""
    parts = re.findall(r'"[^"]*"|\S+', text)
    out = []
    for part in parts:
        if part == "OR":
            out.append("OR")
        elif part.startswith('"'):
            out.append(part)
        else:
            out.append('"%s"' % part.replace('"', ""))
    return " ".join(out)


def sql_for(query, facets):
    where = ["docs MATCH %s" % literal(fts_query(query["text"]))]
    if query.get("committee"):
        where.append("committee = " + literal(query["committee"]))
    if query.get("year_from"):
        where.append("year BETWEEN %d AND %d" % (query["year_from"], query["year_to"]))
    match = "FROM docs WHERE " + " AND ".join(where)
    statements = [
        "SELECT path, snippet(docs, 0, '[', ']', '...', 20) %s ORDER BY rank LIMIT 10;" % match,
        "SELECT 'hits', count(*) %s;" % match]
    if facets:
        for column in ("committee", "year", "layout", "municipality"):
            statements.append("SELECT '%s', %s, count(*) %s GROUP BY 2;" % (column, column, match))
    return statements


def literal(text):
    return "'" + text.replace("'", "''") + "'"


class Sqlite:
    name = "sqlite"
    label = "SQLite FTS5"

    def __init__(self):
        self.db = None
        self.connection = None

    def ingest(self, corpus, scratch):
        db = scratch / "fts5.sqlite"
        run = common.timed_run([sys.executable, Path(__file__).resolve(), "load", db, corpus],
                               stdout=subprocess.DEVNULL)
        self.db = db
        connection = sqlite3.connect(db)
        run["items_indexed"] = connection.execute("SELECT count(*) FROM docs").fetchone()[0]
        connection.close()
        return run

    def sizes(self):
        return {"db_bytes": self.db.stat().st_size}

    def run_query(self, query, facets):
        """Whole process: the sqlite3 shell; in-process: the same SQL in this process."""
        script = "\n".join(sql_for(query, facets)) + "\n"
        seconds, proc = common.quick_run(["sqlite3", "-bail", "-readonly", self.db],
                                         input_bytes=script.encode())
        if proc.returncode != 0:
            return seconds, None, None, proc.stderr.decode("utf-8", "replace").strip()[-300:]
        m = re.search(rb"^hits\|(\d+)$", proc.stdout, re.M)
        if self.connection is None:
            self.connection = sqlite3.connect("file:%s?mode=ro" % self.db, uri=True)
        began = time.perf_counter()
        for statement in sql_for(query, facets):
            self.connection.execute(statement).fetchall()
        inner = time.perf_counter() - began
        return seconds, int(m.group(1)) if m else None, inner, None

    def export(self, scratch):
        return None

    def close(self):
        if self.connection is not None:
            self.connection.close()
            self.connection = None


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "load":
        load(sys.argv[2], Path(sys.argv[3]))
    else:
        sys.exit("usage: sys_sqlite.py load DB CORPUS")
