import csv
import io
import json
from pathlib import Path

from typer.testing import CliRunner

from bilateral.cli.app import app

runner = CliRunner()
BODY = """= Chile–Japan relations =

Japan recognized Chile on May 2, 1850. In 1965 Chile recalled its ambassador from Japan.
Chile condemned Japan for the whaling.
"""


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def ingested(tmp_path: Path) -> str:
    article = tmp_path / "a.txt"
    article.write_text(BODY, encoding="utf-8")
    db = str(tmp_path / "t.sqlite")
    assert run("ingest", str(article), "--db", db)[0] == 0
    return db


def test_csv_has_one_row_per_event_in_date_order_undated_last(tmp_path: Path) -> None:
    code, out, _ = run("timeline", "CL", "JP", "--format", "csv", "--db", ingested(tmp_path))
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [(r["date"], r["type"]) for r in rows] == [
        ("1850-05-02", "COOPERATE"),
        ("1965", "SANCTION"),
        ("", "ACCUSE"),
    ]
    assert all(r["id"].startswith("event-") for r in rows)


def test_year_range_and_type_filters(tmp_path: Path) -> None:
    db = ingested(tmp_path)
    code, out, _ = run(
        "timeline", "Chile", "Japan", "--from", "1900", "--format", "json", "--db", db
    )
    assert code == 0 and [e["date"] for e in json.loads(out)] == ["1965"]
    code, out, _ = run(
        "timeline", "CL", "JP", "--type", "cooperate", "--format", "json", "--db", db
    )
    assert [e["mode"] for e in json.loads(out)] == ["recognize"]


def test_evidence_prints_the_source_sentence(tmp_path: Path) -> None:
    db = ingested(tmp_path)
    code, out, _ = run("timeline", "CL", "JP", "--evidence", "--format", "json", "--db", db)
    assert code == 0
    assert json.loads(out)[0]["evidence"] == "Japan recognized Chile on May 2, 1850."


def test_bad_filters_are_one_line_errors(tmp_path: Path) -> None:
    db = ingested(tmp_path)
    assert run("timeline", "CL", "JP", "--type", "GOSSIP", "--db", db)[0] == 2
    assert run("timeline", "CL", "JP", "--from", "2000", "--to", "1900", "--db", db)[0] == 2
    assert run("timeline", "CL", "JP", "--format", "xml", "--db", db)[0] == 2
