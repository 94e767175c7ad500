"""Specification of the network commands: ingest --report, consistency and network."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bilateral.cli.app import app

runner = CliRunner()

PERU = """\
==Bilateral relations==
{| class="wikitable"
! Country !! Formal relations began !! Notes
|-
|{{flag|Uruguay}}||13 November 1858
|
* Peru has an embassy in [[Montevideo]].
* Uruguay has an embassy in [[Lima]] and an honorary consulate in [[Arequipa]].
|-
|{{flag|Chile}}||Unknown||
|}
"""
URUGUAY = """\
==Bilateral relations==
{| class="wikitable"
! Country !! Formal relations began !! Notes
|-
|{{flag|Peru}}||1862
|
* Uruguay has an embassy in [[Lima]].
* Peru has a consulate-general in [[Montevideo]].
|}
"""


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def pages(tmp_path: Path) -> Path:
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "Foreign relations of Peru.wiki").write_text(PERU, encoding="utf-8")
    (folder / "Foreign relations of Uruguay.wiki").write_text(URUGUAY, encoding="utf-8")
    return folder


@pytest.fixture
def db(tmp_path: Path, pages: Path) -> str:
    target = str(tmp_path / "network.sqlite")
    assert run("ingest", str(pages), "--db", target)[0] == 0
    return target


def test_ingest_report_lists_each_page_with_totals(tmp_path: Path, pages: Path) -> None:
    code, out, _ = run("ingest", str(pages), "--report", "--db", str(tmp_path / "r.sqlite"))
    assert code == 0
    assert "Peru (PE)" in out and "Uruguay (UY)" in out
    total = next(line for line in out.splitlines() if "Total: 2 pages" in line)
    rows, dated, missions = (int(cell) for cell in total.split("│")[3:6])
    assert (rows, dated, missions) == (3, 2, 5)


def test_components_skipped_on_pages_without_a_dyad_are_summed_up_not_listed(
    tmp_path: Path, pages: Path
) -> None:
    code, out, _ = run("ingest", str(pages), "--db", str(tmp_path / "s.sqlite"))
    assert code == 0
    assert "note" not in out
    summary = next(line for line in out.splitlines() if line.startswith("Not run:"))
    assert "(no dyad in this document) on 2 files" in summary


def test_an_unchanged_page_is_still_reported(pages: Path, db: str) -> None:
    code, out, _ = run("ingest", str(pages), "--report", "--db", db)
    assert code == 0
    assert "unchanged" in out and "Total: 2 pages" in out


def test_consistency_shows_what_the_two_pages_say_side_by_side(db: str) -> None:
    code, out, _ = run("consistency", "PE", "UY", "--format", "json", "--db", db)
    assert code == 0
    found = json.loads(out)
    said = {
        (f["topic"], f["status"], frozenset((f["value_a"], f["value_b"])))
        for f in found["findings"]
    }
    assert ("establish-relations", "conflict", frozenset(("1858-11-13", "1862"))) in said
    assert ("mission", "agree", frozenset(("embassy in Lima",))) in said
    montevideo = frozenset(("embassy in Montevideo", "consulate-general in Montevideo"))
    assert ("mission", "conflict", montevideo) in said


def test_a_mission_only_one_page_lists_is_one_sided(db: str) -> None:
    code, out, _ = run("consistency", "Peru", "Uruguay", "--status", "one-sided", "--db", db)
    assert code == 0
    assert "1 one-sided" in out and "Arequipa" in out


def test_consistency_refuses_an_unknown_status(db: str) -> None:
    code, _, err = run("consistency", "PE", "UY", "--status", "maybe", "--db", db)
    assert code == 2 and "unknown status" in err


def test_network_csv_has_a_relations_edge_and_mission_edges(db: str) -> None:
    code, out, _ = run("network", "--format", "csv", "--db", db)
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    peru_uruguay = [r for r in rows if {r["source"], r["target"]} == {"PE", "UY"}]
    kinds = sorted(r["kind"] for r in peru_uruguay)
    assert kinds.count("relations") == 1 and "mission" in kinds
    relation = next(r for r in peru_uruguay if r["kind"] == "relations")
    assert relation["established_dates"] == "1858-11-13;1862"


def test_network_writes_graphml_to_a_file(tmp_path: Path, db: str) -> None:
    target = tmp_path / "net.graphml"
    code, out, _ = run("network", "--output", str(target), "--db", db)
    assert code == 0 and "written to" in out
    assert target.read_text(encoding="utf-8").startswith("<?xml")


def test_network_refuses_an_unknown_format(db: str) -> None:
    code, _, err = run("network", "--format", "dot", "--db", db)
    assert code == 2 and "graphml" in err


def test_show_works_for_a_dyad_only_the_pages_mention(db: str) -> None:
    code, out, _ = run("show", "PE", "CL", "--db", db)
    assert code == 0
    assert "Peru" in out and "Chile" in out


def test_show_lists_a_mission_both_pages_name_once(db: str) -> None:
    code, out, _ = run("show", "PE", "UY", "--db", db)
    assert code == 0
    assert "Missions in Peru (2, from Uruguay)" in out
    assert out.count("Lima") == 1
