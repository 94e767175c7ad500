"""Specification of the store's network rows: cross-page findings and page counts."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bilateral.store import Store, open_store


@pytest.fixture
def store(database: str) -> Iterator[Store]:
    """A store on each backend (the `database` fixture: SQLite, and PostgreSQL in CI)."""
    opened = open_store(database)
    yield opened
    opened.close()


def finding(status: str, topic: str = "establish-relations", **extra: str) -> dict[str, object]:
    return {
        "topic": topic,
        "status": status,
        "scope": "across",
        "source_a": "doc-a",
        "source_b": "doc-b",
        "value_a": "1858",
        "value_b": "1862" if status == "conflict" else "1858",
        "facts_a": ("event-1",),
        "facts_b": ("event-2", "event-3"),
        "detail": "",
        **extra,
    }


def test_findings_are_stored_per_dyad_in_order_and_read_back(store: Store) -> None:
    store.network().replace_findings(
        {("UY", "PE"): ("print", [finding("conflict"), finding("agree")])}
    )
    found = store.network().findings(("PE", "UY"))
    assert [(f["a"], f["b"], f["status"]) for f in found] == [
        ("PE", "UY", "conflict"),
        ("PE", "UY", "agree"),
    ]
    assert found[0]["facts_b"] == ("event-2", "event-3")


def test_replacing_a_dyad_drops_its_earlier_findings(store: Store) -> None:
    store.network().replace_findings({("PE", "UY"): ("one", [finding("conflict")])})
    store.network().replace_findings({("PE", "UY"): ("two", [finding("agree")])})
    assert [f["status"] for f in store.network().findings(("PE", "UY"))] == ["agree"]
    assert store.network().fingerprints() == {("PE", "UY"): "two"}


def test_a_dyad_whose_facts_are_gone_is_forgotten(store: Store) -> None:
    store.network().replace_findings({("PE", "UY"): ("one", [finding("conflict")])})
    store.network().replace_findings({}, gone=[("PE", "UY")])
    assert store.network().findings() == []
    assert store.network().fingerprints() == {}


def test_tallies_count_by_topic_status_and_scope(store: Store) -> None:
    store.network().replace_findings(
        {
            ("PE", "UY"): ("a", [finding("conflict"), finding("agree")]),
            ("CL", "PE"): ("b", [finding("conflict"), finding("silent", topic="mission")]),
        }
    )
    assert store.network().tally() == {
        ("establish-relations", "conflict", "across"): 2,
        ("establish-relations", "agree", "across"): 1,
        ("mission", "silent", "across"): 1,
    }
    assert store.network().conflicts_by_dyad() == {("PE", "UY"): 1, ("CL", "PE"): 1}


def test_only_the_asked_statuses_are_read(store: Store) -> None:
    store.network().replace_findings({("PE", "UY"): ("a", [finding("conflict"), finding("agree")])})
    assert [f["status"] for f in store.network().findings(statuses=["agree"])] == ["agree"]


def test_page_counts_of_documents_no_longer_stored_are_dropped(store: Store) -> None:
    counts = {"state": "PE", "tables": 6, "rows": 304, "dated_rows": 300, "missions": 243}
    store.network().replace_pages({"doc-missing": counts})
    assert store.network().pages(["doc-missing"]) == {}
