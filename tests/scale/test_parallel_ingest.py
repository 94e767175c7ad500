"""Ingest on Dask: local worker processes or a cluster store exactly what a serial
ingest stores, report it in the same order, and stream dumps in bounded batches."""

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bilateral.cli.app import app
from bilateral.errors import InputError
from bilateral.ingest import PAGES_PER_TASK
from bilateral.kb import IngestReport, KnowledgeBase
from tests.conftest import ARTICLE
from tests.readers.test_wikidump import CHILE_JAPAN, page, write_dump


def articles(folder: Path, count: int = 5) -> list[Path]:
    """Articles that share their states and entities but are distinct documents."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        path = folder / f"chile-japan-{i}.txt"
        path.write_text(ARTICLE + f"\nJapan and Chile met again in {1900 + i}.\n", "utf-8")
        paths.append(path)
    return paths


def dump(folder: Path, pages: int) -> Path:
    """A dump of more pages than one task carries."""
    written = [
        page(f"Chile–Japan relations {i}", CHILE_JAPAN + f"They met in {1950 + i}.\n")
        for i in range(pages)
    ]
    return write_dump(folder / "dump.xml", written)


def stored(kb: KnowledgeBase) -> tuple[dict[str, int], list[dict[str, object]]]:
    return kb.store.counts(), list(kb.records())


def summary(report: IngestReport) -> list[tuple[str, str, dict[str, int]]]:
    return [(f.path, f.status, dict(f.facts)) for f in report.files]


@pytest.fixture
def inputs(tmp_path: Path) -> list[Path]:
    return [*articles(tmp_path / "in"), dump(tmp_path / "in", PAGES_PER_TASK + 3)]


@pytest.mark.parametrize("databases", ["sqlite"], indirect=True)
def test_local_workers_store_what_a_serial_ingest_stores(
    inputs: list[Path], database: str, new_database: Callable[[], str]
) -> None:
    with KnowledgeBase(new_database()) as serial:
        expected = serial.ingest(inputs)
        wanted = stored(serial)
    with KnowledgeBase(database) as kb:
        report = kb.ingest(inputs, workers=2)
        assert stored(kb) == wanted
    assert summary(report) == summary(expected)
    assert report.count("added") == 5 + PAGES_PER_TASK + 3


def test_a_parallel_reingest_of_unchanged_files_changes_nothing(
    inputs: list[Path], cluster: str, database: str
) -> None:
    with KnowledgeBase(database) as kb:
        kb.ingest(inputs, scheduler=cluster)
        before = stored(kb)
        report = kb.ingest(inputs, scheduler=cluster)
        assert {f.status for f in report.files} == {"unchanged"}
        assert stored(kb) == before


def test_progress_is_reported_once_per_file_when_its_last_page_is_stored(
    inputs: list[Path], cluster: str, tmp_path: Path
) -> None:
    seen: list[str] = []
    with KnowledgeBase(str(tmp_path / "kb.sqlite")) as kb:
        kb.ingest(inputs, progress=seen.append, scheduler=cluster)
    assert sorted(seen) == sorted(str(p) for p in inputs)


def test_unreadable_files_are_reported_by_the_workers(cluster: str, tmp_path: Path) -> None:
    bad = tmp_path / "broken.txt"
    bad.write_bytes(b"\xff\xfe\x00garbage")
    (good,) = articles(tmp_path / "in", 1)
    with KnowledgeBase(str(tmp_path / "kb.sqlite")) as kb:
        report = kb.ingest([bad, good], scheduler=cluster)
    assert [f.status for f in report.files] == ["failed", "added"]
    assert "broken.txt" in (report.failed[0].error or "")


def test_a_remote_cluster_needs_a_database_its_workers_can_reach(tmp_path: Path) -> None:
    kb = KnowledgeBase(str(tmp_path / "kb.sqlite"))
    with kb, pytest.raises(InputError, match="PostgreSQL URL"):
        kb.ingest(articles(tmp_path / "in", 1), scheduler="tcp://192.0.2.1:8786")


def test_a_cluster_stores_what_a_serial_ingest_stores(
    inputs: list[Path], cluster: str, database: str, new_database: Callable[[], str]
) -> None:
    with KnowledgeBase(new_database()) as serial:
        expected = serial.ingest(inputs)
        wanted = stored(serial)
    with KnowledgeBase(database) as kb:
        report = kb.ingest(inputs, scheduler=cluster)
        assert stored(kb) == wanted
    assert summary(report) == summary(expected)


@pytest.mark.parametrize("databases", ["postgresql"], indirect=True)
def test_the_ingest_command_sends_work_to_a_scheduler(
    tmp_path: Path, cluster: str, database: str
) -> None:
    folder = tmp_path / "in"
    articles(folder, 3)
    result = CliRunner().invoke(
        app, ["ingest", str(folder), "--scheduler", cluster, "--db", database]
    )
    assert result.exit_code == 0, result.output
    assert "3 added" in result.output


def test_the_ingest_command_takes_a_number_of_workers(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    articles(folder, 3)
    db = str(tmp_path / "kb.sqlite")
    result = CliRunner().invoke(app, ["ingest", str(folder), "--workers", "2", "--db", db])
    assert result.exit_code == 0, result.output
    assert "3 added" in result.output
