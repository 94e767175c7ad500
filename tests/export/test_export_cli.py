"""`bilateral export`: streams to standard output or a file, tables into a folder,
clear errors for unknown formats and kinds or a table format without a folder."""

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bilateral.cli.app import app


@pytest.fixture
def db(article_file: Path, tmp_path: Path) -> str:
    path = str(tmp_path / "kb.sqlite")
    result = CliRunner().invoke(app, ["ingest", str(article_file), "--db", path])
    assert result.exit_code == 0, result.output
    return path


@pytest.mark.parametrize(
    ("format", "marker"), [("jsonl", '{"kind"'), ("turtle", "@prefix"), ("jsonld", "@context")]
)
def test_streams_go_to_standard_output(db: str, format: str, marker: str) -> None:
    result = CliRunner().invoke(app, ["export", "--format", format, "--db", db])
    assert result.exit_code == 0, result.output
    assert marker in result.output


def test_a_stream_goes_to_the_file_output_names(db: str, tmp_path: Path) -> None:
    target = tmp_path / "kb.jsonld"
    result = CliRunner().invoke(
        app, ["export", "--format", "jsonld", "--output", str(target), "--db", db]
    )
    assert result.exit_code == 0, result.output
    assert "7 facts written" in result.output
    assert json.loads(target.read_text(encoding="utf-8"))["@graph"]


def test_tables_go_into_the_output_folder(db: str, tmp_path: Path) -> None:
    folder = tmp_path / "tables"
    result = CliRunner().invoke(
        app, ["export", "--format", "csv", "--kind", "mission", "-o", str(folder), "--db", db]
    )
    assert result.exit_code == 0, result.output
    assert [p.name for p in folder.iterdir()] == ["mission.csv"]
    assert "3 facts written" in result.output


def test_tables_need_a_folder(db: str) -> None:
    result = CliRunner().invoke(app, ["export", "--format", "parquet", "--db", db])
    assert result.exit_code == 2
    assert "--output" in result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [(["--format", "xml"], "unknown format"), (["--kind", "treaty"], "unknown kind")],
)
def test_unknown_formats_and_kinds_are_refused(db: str, args: list[str], message: str) -> None:
    result = CliRunner().invoke(app, ["export", *args, "--db", db])
    assert result.exit_code == 2
    assert message in result.output
