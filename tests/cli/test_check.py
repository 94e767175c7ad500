"""`bilateral check`: conflicts first, both values, the sentence and the record id."""

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bilateral.cli.app import app
from bilateral.kb import KnowledgeBase
from tests.reconcile.build import ARTICLE, authority

runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), env={"COLUMNS": "120"})
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def db(tmp_path: Path) -> str:
    article = tmp_path / "chile-us.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    path = str(tmp_path / "kb.sqlite")
    with KnowledgeBase(path) as kb:
        kb.ingest([article])
        for dataset, records in authority().items():
            kb.store.replace_authority(dataset, f"{dataset}.xml", f"/data/{dataset}.xml", records)
    return path


def test_the_table_lists_conflicts_first_with_both_values(db: str) -> None:
    code, out, _ = run("check", "Chile", "United States", "--db", db)
    assert code == 0
    assert "2 conflicting, 1 corroborated, 1 not-covered" in out
    assert out.index("CONFLICTING") < out.index("CORROBORATED") < out.index("NOT-COVERED")
    assert "1823-01-27" in out and "1822-12-01 (POCOM appointed)" in out
    assert "57 days apart" in out
    assert "pocom:cl-1822-marl-01" in out
    assert "Marlow presented her credentials in April 1824." in " ".join(out.split())


def test_json_gives_counts_and_every_comparison(db: str) -> None:
    code, out, _ = run("check", "CL", "US", "--format", "json", "--db", db)
    assert code == 0
    report = json.loads(out)
    assert report["dyad"] == ["CL", "US"]
    assert report["counts"] == {"conflicting": 2, "corroborated": 1, "not-covered": 1}
    first = report["verdicts"][0]
    assert first["verdict"] == "conflicting"
    assert {"aspect", "claim", "record", "field", "record_id", "agrees", "difference"} <= set(
        first["comparisons"][0]
    )
    assert first["evidence"][0]["text"] in ARTICLE


def test_a_dyad_without_the_united_states_says_why_nothing_is_checked(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("= Chile–Japan relations =\n\nJapan recognized Chile in 1897.\n")
    db = str(tmp_path / "kb.sqlite")
    assert run("ingest", str(article), "--db", db)[0] == 0
    code, out, _ = run("check", "CL", "JP", "--db", db)
    assert code == 0 and "United States" in out


def test_an_unknown_format_or_dyad_is_a_usage_error(db: str) -> None:
    assert run("check", "CL", "US", "--format", "xml", "--db", db)[0] == 2
    code, _, err = run("check", "CL", "BO", "--db", db)
    assert code == 2 and "ingest an article" in err


def test_show_marks_each_extracted_envoy_with_its_verdict(db: str) -> None:
    code, out, _ = run("show", "CL", "US", "--db", db)
    assert code == 0
    assert "✗ conflicting" in out and "Rec." in out
