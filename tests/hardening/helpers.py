"""What the hardening tests share: a small mixed corpus written here, the CLI run
as a separate process, the JSONL export, and a consistency check of a database."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from xml.sax.saxutils import escape

from click.testing import Result
from typer.testing import CliRunner

from bilateral.cli.app import app
from tests.conftest import ARTICLE

BIN = Path(sys.executable).parent
BILATERAL = str(BIN / "bilateral")

# Pairs of states the generated articles are about (outline, wikitext and dump pages).
PAIRS = [
    ("Chile", "Japan"),
    ("Peru", "Brazil"),
    ("France", "Mexico"),
    ("Kenya", "India"),
    ("Norway", "Canada"),
    ("Ghana", "Spain"),
    ("Egypt", "Turkey"),
    ("Chile", "Peru"),
]

DUMP_HEADER = """<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.11/" version="0.11">
  <siteinfo>
    <sitename>Test wiki</sitename><dbname>testwiki</dbname><base>http://test/</base>
    <generator>MediaWiki 1.41</generator><case>first-letter</case>
    <namespaces><namespace key="0" case="first-letter" /></namespaces>
  </siteinfo>
"""


def outline_article(a: str, b: str, n: int) -> str:
    """An outline article about ``a`` and ``b`` with a few dated events."""
    events = " ".join(
        f"In {1950 + n + i} {a} and {b} signed a trade agreement in {b}'s capital."
        for i in range(6)
    )
    return (
        f"= {a}–{b} relations =\n\n"
        "Infobox\n"
        f"- Mission1: Embassy of {a}, capital of {b}\n"
        f"- Envoy1: Ana Rojas {n}\n"
        f"- Envoytitle1: Ambassador of {a} to {b}\n\n"
        f"{a} and {b} established diplomatic relations in {1890 + n}. {events}\n\n"
        "== History ==\n\n"
        f"In {1990 + n}, {a} recalled its ambassador from {b} after a dispute. "
        f"Relations between {a} and {b} improved in {2001 + n}.\n"
    )


def wikitext_article(a: str, b: str, n: int) -> str:
    return (
        "{{Infobox bilateral relations\n"
        f"| envoy1 = [[Kenji Sato {n}]]\n"
        f"| envoytitle1 = Ambassador of {b} to {a}\n"
        f"| mission1 = Embassy of {b}, capital of {a}\n"
        "}}\n"
        f"'''{a}–{b} relations''' began in {1900 + n}.<ref>A source {n}.</ref>\n\n"
        f"== History ==\n{a} and [[{b}]] signed a treaty of friendship in {1930 + n}. "
        f"In {1970 + n} {b} opened an embassy in {a}.\n"
    )


def dump_page(title: str, text: str, page_id: int) -> str:
    return (
        f"<page><title>{escape(title)}</title><ns>0</ns><id>{page_id}</id>"
        f"<revision><id>{page_id}</id><timestamp>2024-01-01T00:00:00Z</timestamp>"
        '<model>wikitext</model><format>text/x-wiki</format><text xml:space="preserve">'
        f"{escape(text)}</text></revision></page>\n"
    )


def write_corpus(folder: Path, copies: int = 1) -> Path:
    """A folder of articles in every format ingest reads: outline, .wiki, .json, a dump.

    ``copies`` repeats the set with other names and numbers, to make an ingest last longer.
    """
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "chile-japan.txt").write_text(ARTICLE, encoding="utf-8")
    for copy in range(copies):
        pages = []
        for i, (a, b) in enumerate(PAIRS):
            n = copy * len(PAIRS) + i
            (folder / f"outline-{n:03}.txt").write_text(outline_article(a, b, n), "utf-8")
            if i % 2 == 0:
                (folder / f"{a}–{b} relations {n}.wiki").write_text(
                    wikitext_article(a, b, n), "utf-8"
                )
            else:
                (folder / f"{a}–{b} relations {n}.json").write_text(
                    json.dumps(wikitext_article(a, b, n)), "utf-8"
                )
            pages.append(dump_page(f"{b}–{a} relations {n}", wikitext_article(b, a, n), n + 1))
        (folder / f"dump-{copy}.xml").write_text(
            DUMP_HEADER + "".join(pages) + "</mediawiki>\n", "utf-8"
        )
    return folder


def cli(*args: str, db: Path, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """``bilateral ARGS --db DB`` in its own process."""
    return subprocess.run(
        [BILATERAL, *args, "--db", str(db)],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=cli_environment(),
        check=False,
    )


def cli_environment() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("BILATERAL_DB", None)
    env["COLUMNS"] = "200"
    return env


def ingest_command(corpus: Path, db: Path, *extra: str) -> list[str]:
    return [BILATERAL, "ingest", str(corpus), "--db", str(db), *extra]


def run(*args: str) -> Result:
    """``bilateral ARGS`` in this process (the same command code, without the start-up
    time of a new interpreter)."""
    return CliRunner().invoke(app, list(args), env={"BILATERAL_DB": None, "COLUMNS": "200"})


def export(db: Path) -> bytes:
    """The JSONL export of the whole knowledge base (``bilateral export``), as bytes."""
    result = run("export", "--format", "jsonl", "--db", str(db))
    assert result.exit_code == 0, result.output
    return result.stdout_bytes


def consistency_problems(db: Path) -> list[str]:
    """What is wrong with a SQLite knowledge base: integrity, foreign keys, and
    documents or facts stored in part (a document without sentences, a fact
    without evidence or without its document, rows whose parent is gone)."""
    problems: list[str] = []
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=30) as connection:
        integrity = [row[0] for row in connection.execute("PRAGMA integrity_check")]
        if integrity != ["ok"]:
            problems.append(f"integrity_check: {integrity[:5]}")
        broken = list(connection.execute("PRAGMA foreign_key_check"))
        if broken:
            problems.append(f"foreign_key_check: {broken[:5]}")
        queries = {
            "documents without sentences": (
                "SELECT id FROM documents d WHERE NOT EXISTS "
                "(SELECT 1 FROM sentences s WHERE s.document_id = d.id)"
            ),
            "sentences without their document": (
                "SELECT document_id FROM sentences s WHERE NOT EXISTS "
                "(SELECT 1 FROM documents d WHERE d.id = s.document_id)"
            ),
            "facts without their document": (
                "SELECT id FROM facts f WHERE NOT EXISTS "
                "(SELECT 1 FROM documents d WHERE d.id = f.document_id)"
            ),
            "facts without evidence": (
                "SELECT id FROM facts f WHERE NOT EXISTS "
                "(SELECT 1 FROM evidence e WHERE e.fact_id = f.id)"
            ),
            "evidence without its fact": (
                "SELECT fact_id FROM evidence e WHERE NOT EXISTS "
                "(SELECT 1 FROM facts f WHERE f.id = e.fact_id)"
            ),
        }
        for name, query in queries.items():
            found = [row[0] for row in connection.execute(query)]
            if found:
                problems.append(f"{name}: {found[:5]}")
        if _has_table(connection, "sentences_fts"):
            indexed = connection.execute("SELECT count(*) FROM sentences_fts").fetchone()[0]
            stored = connection.execute("SELECT count(*) FROM sentences").fetchone()[0]
            if indexed != stored:
                problems.append(f"full-text index holds {indexed} sentences, table {stored}")
    return problems


def document_rows(db: Path) -> dict[str, tuple[int, int, int]]:
    """Per document id: (sentences, facts, evidence rows) as stored."""
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=30) as connection:
        rows = connection.execute(
            "SELECT d.id, "
            "(SELECT count(*) FROM sentences s WHERE s.document_id = d.id), "
            "(SELECT count(*) FROM facts f WHERE f.document_id = d.id), "
            "(SELECT count(*) FROM evidence e JOIN facts f ON f.id = e.fact_id "
            " WHERE f.document_id = d.id) "
            "FROM documents d"
        )
        return {row[0]: (row[1], row[2], row[3]) for row in rows}


def _has_table(connection: sqlite3.Connection, name: str) -> bool:
    found = connection.execute(
        "SELECT 1 FROM sqlite_master WHERE name = ? AND type IN ('table', 'view')", (name,)
    ).fetchone()
    return found is not None
