"""The command line, driven in-process with typer's runner."""

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bilateral.cli.app import app

runner = CliRunner()


def invoke(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def db(tmp_path: Path) -> str:
    return str(tmp_path / "cli.sqlite")


def test_ingest_prints_a_summary(db: str, article_file: Path) -> None:
    code, out, _ = invoke("ingest", str(article_file), "--db", db)
    assert code == 0
    assert "1 added" in out
    assert "2 envoy" in out and "3 mission" in out


def test_show_accepts_names_codes_and_titles(db: str, article_file: Path) -> None:
    invoke("ingest", str(article_file), "--db", db)
    for states in (["Chile", "Japan"], ["CL", "JP"], ["Chile–Japan relations"], ["CL JP"]):
        code, out, _ = invoke("show", *states, "--db", db)
        assert code == 0, states
        assert "Ana Rojas" in out and "Kenji Sato" in out
        assert "Missions in Japan (2" in out and "Missions in Chile (1" in out


def test_show_unknown_state_is_one_clear_error(db: str) -> None:
    code, _, err = invoke("show", "Atlantis", "Chile", "--db", db)
    assert code == 2
    assert "Atlantis" in err and "Traceback" not in err


def test_show_dyad_with_no_facts_says_so(db: str) -> None:
    code, _, err = invoke("show", "PE", "UY", "--db", db)
    assert code == 2
    assert "nothing on Peru – Uruguay" in err


def test_export_writes_json_lines(db: str, article_file: Path) -> None:
    invoke("ingest", str(article_file), "--db", db)
    code, out, _ = invoke("export", "--format", "jsonl", "--db", db)
    assert code == 0
    kinds = [json.loads(line)["kind"] for line in out.splitlines()]
    assert sorted(set(kinds)) == ["dyad", "envoy", "event", "mission"]


def test_export_to_a_file_and_by_kind(db: str, article_file: Path, tmp_path: Path) -> None:
    invoke("ingest", str(article_file), "--db", db)
    target = tmp_path / "out.jsonl"
    code, out, _ = invoke("export", "--kind", "envoy", "--output", str(target), "--db", db)
    assert code == 0 and "2 facts written" in out
    assert len(target.read_text(encoding="utf-8").splitlines()) == 2


def test_export_rejects_unknown_format_and_kind(db: str) -> None:
    assert invoke("export", "--format", "xml", "--db", db)[0] == 2
    code, _, err = invoke("export", "--kind", "rumour", "--db", db)
    assert code == 2 and "rumour" in err


def test_bad_files_get_one_line_each_and_a_failing_exit(
    db: str, article_file: Path, tmp_path: Path
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\x00\x00\x01")
    latin = tmp_path / "latin.txt"
    latin.write_bytes("= Perú-Chile relations =\n".encode("latin-1"))
    missing = tmp_path / "missing.txt"
    code, out, err = invoke(
        "ingest", str(empty), str(binary), str(latin), str(missing), str(article_file), "--db", db
    )
    assert code == 1
    lines = [line for line in err.splitlines() if line.startswith("✗")]
    assert len(lines) == 4
    assert any("empty.txt: is empty" in line for line in lines)
    assert any("photo.txt" in line and "binary" in line for line in lines)
    assert any("latin.txt" in line and "UTF-8" in line for line in lines)
    assert any("missing.txt: no such file" in line for line in lines)
    assert "1 added" in out and "4 failed" in out
    assert "Traceback" not in err


def test_a_failed_run_leaves_the_database_without_the_bad_file(db: str, tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xff")
    invoke("ingest", str(bad), "--db", db)
    code, out, _ = invoke("sources", "--db", db)
    assert code == 0 and "0 documents" in out


def test_database_setting_comes_from_the_environment(
    article_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "env.sqlite"
    monkeypatch.setenv("BILATERAL_DB", str(target))
    assert invoke("ingest", str(article_file))[0] == 0
    assert target.exists()


def test_sources_lists_documents(db: str, article_file: Path) -> None:
    invoke("ingest", str(article_file), "--db", db)
    code, out, _ = invoke("sources", "--db", db)
    assert code == 0 and "1 documents" in out and "Chile–Japan" in out


def test_help_explains_every_command() -> None:
    code, out, _ = invoke("--help")
    assert code == 0
    for command in ("ingest", "show", "export", "sources"):
        assert command in out
