"""`bilateral dates FILE`: date expressions of one article on standard output."""

import json
from pathlib import Path

from typer.testing import CliRunner

from bilateral.cli.app import app

runner = CliRunner()

ARTICLE = (
    "= Chile–Japan relations =\n\n"
    "Chile and Japan opened relations on 2 May 1897, a “friendly” step. "
    "The following year a legation opened.\n"
)


def _file(tmp_path: Path) -> Path:
    path = tmp_path / "chile-japan.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_jsonl_has_one_object_a_line_with_offsets_into_the_file(tmp_path: Path) -> None:
    path = _file(tmp_path)
    result = runner.invoke(app, ["dates", str(path)])
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["text"], r["edtf"]) for r in rows] == [
        ("2 May 1897", "1897-05-02"),
        ("following year", "1898"),
    ]
    text = path.read_text(encoding="utf-8")
    assert all(text[r["start"] : r["end"]] == r["text"] for r in rows)
    assert rows[1]["relative"] and rows[1]["anchor"] == rows[0]["start"]


def test_table_lists_the_expressions(tmp_path: Path) -> None:
    result = runner.invoke(app, ["dates", str(_file(tmp_path)), "--format", "table"])
    assert result.exit_code == 0
    assert "2 May 1897" in result.stdout and "1897-05-02" in result.stdout


def test_an_unreadable_file_is_one_clear_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["dates", str(tmp_path / "missing.txt")])
    assert result.exit_code == 2
    assert "missing.txt" in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_an_unknown_format_is_refused(tmp_path: Path) -> None:
    result = runner.invoke(app, ["dates", str(_file(tmp_path)), "--format", "xml"])
    assert result.exit_code == 2
    assert "jsonl" in result.stderr
