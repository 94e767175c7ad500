"""The store through the knowledge base: transactional, idempotent ingest."""

from pathlib import Path

import pytest
from sqlalchemy.exc import OperationalError

from bilateral.errors import StoreError
from bilateral.kb import KnowledgeBase
from bilateral.store import open_store
from bilateral.store.sql import SqlStore
from tests.conftest import ARTICLE


def test_ingest_stores_document_sentences_facts_and_evidence(
    kb: KnowledgeBase, article_file: Path
) -> None:
    report = kb.ingest([article_file])
    assert report.count("added") == 1
    counts = kb.store.counts()
    assert counts["documents"] == 1
    assert counts["sentences"] > 0
    assert counts["facts"] == sum(report.facts.values()) == 7
    assert counts["evidence"] >= counts["facts"]
    assert counts["entities"] >= 4


def test_ingesting_the_same_file_twice_changes_nothing(
    kb: KnowledgeBase, article_file: Path
) -> None:
    kb.ingest([article_file])
    first = (kb.store.counts(), list(kb.records()))
    report = kb.ingest([article_file])
    assert report.count("unchanged") == 1
    assert (kb.store.counts(), list(kb.records())) == first


def test_ingesting_a_changed_file_replaces_its_facts(kb: KnowledgeBase, article_file: Path) -> None:
    kb.ingest([article_file])
    article_file.write_text(ARTICLE.replace("- Osaka (Consulate-General)\n", ""), encoding="utf-8")
    report = kb.ingest([article_file])
    assert report.count("replaced") == 1
    assert kb.store.counts()["documents"] == 1
    cities = sorted(r["city"] for r in kb.records(kinds=["mission"]))
    assert cities == ["Santiago", "Tokyo"]


def test_a_failure_while_storing_leaves_the_database_unchanged(
    kb: KnowledgeBase, article_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kb.ingest([article_file])
    before = (kb.store.counts(), list(kb.records()))
    article_file.write_text(ARTICLE.replace("Osaka", "Kyoto"), encoding="utf-8")

    def fail(*_args: object) -> None:
        raise OperationalError("INSERT", {}, Exception("disk I/O error"))

    monkeypatch.setattr(SqlStore, "_insert_facts", fail)
    report = kb.ingest([article_file])
    assert report.count("failed") == 1
    assert "disk I/O error" in (report.failed[0].error or "")
    assert (kb.store.counts(), list(kb.records())) == before


def test_an_unreadable_file_is_reported_and_the_others_still_go_in(
    kb: KnowledgeBase, article_file: Path, tmp_path: Path
) -> None:
    bad = tmp_path / "broken.txt"
    bad.write_bytes(b"\xff\xfe\x00garbage")
    report = kb.ingest([bad, article_file])
    assert [f.status for f in report.files] == ["failed", "added"]
    assert "broken.txt" in (report.failed[0].error or "")
    assert kb.store.counts()["documents"] == 1


def test_the_same_content_under_another_path_is_one_document(
    kb: KnowledgeBase, article_file: Path, tmp_path: Path
) -> None:
    copy = tmp_path / "copy" / article_file.name
    copy.parent.mkdir()
    copy.write_bytes(article_file.read_bytes())
    kb.ingest([article_file, copy])
    assert kb.store.counts()["documents"] == 1


def test_folders_are_walked_for_known_files_in_sorted_order(
    kb: KnowledgeBase, tmp_path: Path
) -> None:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "b.txt").write_text("= B–C relations =\nx\n", encoding="utf-8")
    (folder / "sub" / "a.txt").write_text("= A–B relations =\nx\n", encoding="utf-8")
    (folder / "image.png").write_bytes(b"\x89PNG")
    (folder / ".hidden.txt").write_text("x", encoding="utf-8")
    assert [p.name for p in kb.files([folder])] == ["b.txt", "a.txt"]


def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_text("these are not tables", encoding="utf-8")
    with pytest.raises(StoreError):
        open_store(str(path))


def test_sqlite_runs_in_wal_mode(tmp_path: Path) -> None:
    store = open_store(str(tmp_path / "wal.sqlite"))
    with store.engine.connect() as connection:
        mode = connection.exec_driver_sql("PRAGMA journal_mode").scalar()
    assert mode == "wal"


def test_long_names_are_stored_on_every_backend(kb: KnowledgeBase, tmp_path: Path) -> None:
    """SQLite never enforces declared lengths; PostgreSQL must accept the same values."""
    long_name = "Organisation for the " + "Very " * 60 + "Long Name"
    article = tmp_path / "chile-japan.txt"
    article.write_text(
        ARTICLE.replace("Kenji Sato", long_name.replace("Organisation for the ", "Kenji ")),
        encoding="utf-8",
    )
    report = kb.ingest([article])
    assert report.count("added") == 1, report.failed
    people = [r["person"] for r in kb.records(kinds=["envoy"])]
    assert any(len(p) > 200 for p in people)
