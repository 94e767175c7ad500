"""The network's own rows: cross-page findings per dyad, and what each page gave.

Findings arrive as JSON-ready dicts (the store does not know the extract
layer's types) with the fields of a consistency finding. A dyad's findings
are replaced whole, and only when the fingerprint of the facts they were
computed from changed, so refreshing after an ingest that touched no page
of a dyad writes nothing. ``page_networks`` keeps one row per document read
as a "Foreign relations of X" page: the counts the ingest report prints,
kept so that a re-run that finds the page unchanged can still report it.

Tables are created by migration ``0005_network``; `NetworkStore` (what
``SqlStore.network()`` returns) is the interface, the functions below it
work on one connection.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    Column,
    Connection,
    Engine,
    Index,
    Integer,
    Table,
    delete,
    func,
    select,
    tuple_,
)
from sqlalchemy.exc import SQLAlchemyError

from bilateral.errors import StoreError
from bilateral.store import schema
from bilateral.store.engine import lock_for_writing
from bilateral.store.schema import _string

consistency_runs = Table(
    "consistency_runs",
    schema.metadata,
    Column("dyad_a", _string(80), primary_key=True),
    Column("dyad_b", _string(80), primary_key=True),
    Column("fingerprint", _string(64), nullable=False),
    Column("checked_at", _string(40), nullable=False),
)

consistency = Table(
    "consistency",
    schema.metadata,
    Column("dyad_a", _string(80), primary_key=True),
    Column("dyad_b", _string(80), primary_key=True),
    Column("seq", Integer, primary_key=True),
    Column("topic", _string(40), nullable=False),
    Column("status", _string(20), nullable=False),
    Column("scope", _string(10), nullable=False),
    Column("source_a", _string(40), nullable=False),
    Column("source_b", _string(40), nullable=False),
    Column("value_a", _string(), nullable=False),
    Column("value_b", _string(), nullable=False),
    Column("facts_a", _string(), nullable=False),
    Column("facts_b", _string(), nullable=False),
    Column("detail", _string(), nullable=False),
    Index("ix_consistency_status", "status", "topic"),
)

PAGE_COUNTS = ("tables", "rows", "dated_rows", "sections", "partners", "events", "missions")

page_networks = Table(
    "page_networks",
    schema.metadata,
    Column("document_id", _string(40), primary_key=True),
    Column("state", _string(80), nullable=False),
    *(Column(name, Integer, nullable=False) for name in PAGE_COUNTS),
)

TABLES = (consistency_runs, consistency, page_networks)
_FIELDS = ("topic", "status", "scope", "source_a", "source_b", "value_a", "value_b", "detail")


_CHUNK = 500  # ids per IN (...) list, well under every backend's limit


class NetworkStore:
    """The network's rows in one database (see the module docstring)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def fact_ids(self, kinds: Sequence[str]) -> dict[tuple[str, str], list[str]]:
        """The ids of the facts of these kinds, by dyad (no record is decoded)."""
        facts = schema.facts
        query = select(facts.c.dyad_a, facts.c.dyad_b, facts.c.id).where(
            facts.c.dyad_a.is_not(None), facts.c.kind.in_(list(kinds))
        )
        found: dict[tuple[str, str], list[str]] = {}
        with self.engine.connect() as connection:
            for a, b, fact_id in connection.execute(query):
                found.setdefault((a, b), []).append(fact_id)
        return found

    def fingerprints(self) -> dict[tuple[str, str], str]:
        """The fingerprint each checked dyad's findings were computed from."""
        runs = consistency_runs
        query = select(runs.c.dyad_a, runs.c.dyad_b, runs.c.fingerprint)
        with self.engine.connect() as connection:
            return {(a, b): f for a, b, f in connection.execute(query)}

    def replace_findings(
        self,
        changed: Mapping[tuple[str, str], tuple[str, Sequence[Mapping[str, Any]]]],
        gone: Iterable[tuple[str, str]] = (),
    ) -> None:
        """Store the findings of ``changed`` dyads (fingerprint, findings) in place of
        their earlier ones and forget the ``gone`` ones, in one transaction."""
        try:
            with self.engine.begin() as connection:
                lock_for_writing(connection, "consistency")
                clear(connection, [*changed, *gone])
                insert_findings(connection, changed)
        except SQLAlchemyError as error:
            raise StoreError(f"could not store the cross-page findings: {error}") from error

    def findings(
        self, dyad: tuple[str, str] | None = None, statuses: Iterable[str] | None = None
    ) -> list[dict[str, Any]]:
        with self.engine.connect() as connection:
            return select_findings(connection, dyad, statuses)

    def tally(self) -> dict[tuple[str, str, str], int]:
        with self.engine.connect() as connection:
            return tally(connection)

    def conflicts_by_dyad(self) -> dict[tuple[str, str], int]:
        with self.engine.connect() as connection:
            return conflicts_by_dyad(connection)

    def replace_pages(self, pages: Mapping[str, Mapping[str, Any]]) -> None:
        try:
            with self.engine.begin() as connection:
                lock_for_writing(connection, "page_networks")
                replace_pages(connection, pages)
        except SQLAlchemyError as error:
            raise StoreError(f"could not store the pages' counts: {error}") from error

    def pages(self, document_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        with self.engine.connect() as connection:
            return select_pages(connection, document_ids)


def insert_findings(
    connection: Connection,
    changed: Mapping[tuple[str, str], tuple[str, Sequence[Mapping[str, Any]]]],
) -> None:
    """Insert each dyad's run and findings (their earlier ones cleared first)."""
    now = datetime.now(UTC).isoformat(timespec="seconds")
    runs: list[dict[str, Any]] = []
    rows: list[dict[str, Any]] = []
    for dyad, (print_, findings) in sorted(changed.items()):
        a, b = sorted(dyad)
        runs.append({"dyad_a": a, "dyad_b": b, "fingerprint": print_, "checked_at": now})
        rows.extend(
            {
                "dyad_a": a,
                "dyad_b": b,
                "seq": seq,
                **{name: str(finding.get(name) or "") for name in _FIELDS},
                "facts_a": " ".join(finding.get("facts_a", ())),
                "facts_b": " ".join(finding.get("facts_b", ())),
            }
            for seq, finding in enumerate(findings)
        )
    if runs:
        connection.execute(consistency_runs.insert(), runs)
    if rows:
        connection.execute(consistency.insert(), rows)


def clear(connection: Connection, dyads: Iterable[tuple[str, str]]) -> None:
    """Forget the findings of these dyads, a few hundred per statement."""
    pairs = sorted({(min(d), max(d)) for d in dyads})
    for start in range(0, len(pairs), _CHUNK):
        chunk = pairs[start : start + _CHUNK]
        for table in (consistency, consistency_runs):
            key = tuple_(table.c.dyad_a, table.c.dyad_b)
            connection.execute(delete(table).where(key.in_(chunk)))


def select_findings(
    connection: Connection,
    dyad: tuple[str, str] | None = None,
    statuses: Iterable[str] | None = None,
) -> list[dict[str, Any]]:
    """Stored findings, of one dyad or all, in the order they were stored."""
    table = consistency
    query = select(table).order_by(table.c.dyad_a, table.c.dyad_b, table.c.seq)
    if dyad is not None:
        a, b = sorted(dyad)
        query = query.where(table.c.dyad_a == a, table.c.dyad_b == b)
    if statuses is not None:
        query = query.where(table.c.status.in_(list(statuses)))
    found = []
    for row in connection.execute(query).mappings():
        record = {name: row[name] for name in _FIELDS}
        record.update(
            a=row["dyad_a"],
            b=row["dyad_b"],
            facts_a=tuple(row["facts_a"].split()),
            facts_b=tuple(row["facts_b"].split()),
        )
        found.append(record)
    return found


def tally(connection: Connection) -> dict[tuple[str, str, str], int]:
    """How many findings of each (topic, status, scope) are stored."""
    table = consistency
    query = select(table.c.topic, table.c.status, table.c.scope, func.count()).group_by(
        table.c.topic, table.c.status, table.c.scope
    )
    return {(topic, status, scope): n for topic, status, scope, n in connection.execute(query)}


def conflicts_by_dyad(connection: Connection) -> dict[tuple[str, str], int]:
    """Cross-page conflicts per dyad (for the network's edges)."""
    table = consistency
    query = (
        select(table.c.dyad_a, table.c.dyad_b, func.count())
        .where(table.c.status == "conflict", table.c.scope == "across")
        .group_by(table.c.dyad_a, table.c.dyad_b)
    )
    return {(a, b): n for a, b, n in connection.execute(query)}


def replace_pages(connection: Connection, pages: Mapping[str, Mapping[str, Any]]) -> None:
    """Store what each page gave, by document id, and forget pages no longer stored."""
    for document_id, counts in pages.items():
        connection.execute(delete(page_networks).where(page_networks.c.document_id == document_id))
        connection.execute(
            page_networks.insert().values(
                document_id=document_id,
                state=counts["state"],
                **{name: int(counts.get(name, 0)) for name in PAGE_COUNTS},
            )
        )
    stored = select(schema.documents.c.id)
    connection.execute(delete(page_networks).where(page_networks.c.document_id.not_in(stored)))


def select_pages(connection: Connection, document_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """What the given documents gave as pages (documents that are not pages are absent)."""
    wanted = sorted(set(document_ids))
    found: dict[str, dict[str, Any]] = {}
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        query = select(page_networks).where(page_networks.c.document_id.in_(chunk))
        for row in connection.execute(query).mappings():
            found[row["document_id"]] = {name: row[name] for name in ("state", *PAGE_COUNTS)}
    return found
