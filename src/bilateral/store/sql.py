"""The store on SQLAlchemy Core: one implementation for SQLite and PostgreSQL.

Writing a document is one transaction: its old rows (same location or same
id) are deleted and the new ones inserted, so a failure leaves the previous
state untouched and re-ingesting replaces rather than duplicates.

Several processes may write one database at once (parallel ingest, several
ingest commands): every write transaction first takes the locks of what it
replaces (`engine.lock_for_writing`: the document's location and id, a
dyad), so two writers of the same document run one after the other and the
last one wins whole, while writers of different documents run side by side
on PostgreSQL. Shared rows (entities) are inserted if missing, in sorted
order, so concurrent writers neither duplicate them nor deadlock.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine, delete, func, or_, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import SQLAlchemyError

from bilateral.errors import StoreError
from bilateral.model.authority import AuthorityRecord
from bilateral.model.document import Document
from bilateral.model.facts import Fact, entity_mentions, fact_record
from bilateral.store import authority as authority_store
from bilateral.store import fulltext, schema
from bilateral.store import verdicts as verdict_store
from bilateral.store.engine import lock_for_writing
from bilateral.store.fulltext import SentenceHit
from bilateral.store.migrations import current, head, is_bilateral_database, upgrade
from bilateral.store.network import NetworkStore
from bilateral.store.verdicts import StoredVerdicts


@dataclass(frozen=True)
class StoredDocument:
    id: str
    location: str
    source_path: str
    name: str
    format: str
    title: str | None
    ingested_at: str
    facts: int


@dataclass(frozen=True)
class DyadCount:
    a: str
    b: str
    facts: int


class SqlStore:
    """Documents, sentences, facts, evidence and entities in one database."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        try:
            with engine.connect() as connection:
                if not is_bilateral_database(connection):
                    raise StoreError(
                        f"{engine.url!r} holds tables that are not a bilateral database"
                    )
                up_to_date = current(connection) == head()
            if not up_to_date:
                with engine.begin() as connection:
                    upgrade(connection)
        except SQLAlchemyError as error:
            engine.dispose()
            raise StoreError(f"cannot open the database {engine.url!r}: {error}") from error
        except StoreError:
            engine.dispose()
            raise

    def close(self) -> None:
        self.engine.dispose()

    # -- writing -----------------------------------------------------------

    def current_version(self, location: str) -> tuple[str, str] | None:
        """(document id, pipeline label) last stored for a location, if any."""
        with self.engine.connect() as connection:
            row = connection.execute(
                select(schema.documents.c.id, schema.documents.c.pipeline).where(
                    schema.documents.c.location == location
                )
            ).first()
        return (row[0], row[1]) if row else None

    def replace_document(
        self,
        location: str,
        document: Document,
        facts: Sequence[Fact],
        problems: Sequence[tuple[str, str]],
        pipeline: str,
    ) -> None:
        """Store a document and its facts in place of what the location or id held."""
        try:
            with self.engine.begin() as connection:
                lock_for_writing(connection, f"location:{location}", f"document:{document.id}")
                self._delete_documents(connection, location, document.id)
                self._insert_document(connection, location, document, pipeline)
                self._insert_facts(connection, document.id, facts)
                if problems:
                    connection.execute(
                        schema.problems.insert(),
                        [
                            {"document_id": document.id, "seq": i, "component": c, "message": m}
                            for i, (c, m) in enumerate(problems)
                        ],
                    )
        except SQLAlchemyError as error:
            raise StoreError(f"could not store {document.source_path}: {error}") from error

    def _delete_documents(self, connection: Connection, location: str, document_id: str) -> None:
        docs = schema.documents
        old = list(
            connection.execute(
                select(docs.c.id).where(or_(docs.c.location == location, docs.c.id == document_id))
            ).scalars()
        )
        if not old:
            return
        fact_ids = select(schema.facts.c.id).where(schema.facts.c.document_id.in_(old))
        for table in schema.FACT_CHILDREN:
            connection.execute(delete(table).where(table.c.fact_id.in_(fact_ids)))
        connection.execute(delete(schema.facts).where(schema.facts.c.document_id.in_(old)))
        fulltext.delete(connection, old)
        for table in schema.DOCUMENT_CHILDREN:
            connection.execute(delete(table).where(table.c.document_id.in_(old)))
        connection.execute(delete(docs).where(docs.c.id.in_(old)))

    def _insert_document(
        self, connection: Connection, location: str, document: Document, pipeline: str
    ) -> None:
        connection.execute(
            schema.documents.insert().values(
                id=document.id,
                location=location,
                source_path=document.source_path,
                name=document.name,
                format=document.format,
                title=document.title,
                text=document.text,
                sha256=hashlib.sha256(document.text.encode()).hexdigest(),
                pipeline=pipeline,
                ingested_at=datetime.now(UTC).isoformat(timespec="seconds"),
            )
        )
        rows = []
        for seq, sentence in enumerate(document.sentences):
            span = document.original(sentence.span)
            rows.append(
                {
                    "document_id": document.id,
                    "seq": seq,
                    "start": span.start,
                    "end": span.end,
                    "text": span.of(document.text),
                }
            )
        if rows:
            connection.execute(schema.sentences.insert(), rows)
            fulltext.insert(connection, rows)

    def _insert_facts(
        self, connection: Connection, document_id: str, facts: Sequence[Fact]
    ) -> None:
        if not facts:
            return
        fact_rows: list[dict[str, Any]] = []
        evidence_rows: list[dict[str, Any]] = []
        link_rows: list[dict[str, Any]] = []
        entity_rows: dict[str, dict[str, Any]] = {}
        for seq, fact in enumerate(facts):
            record = fact_record(fact)
            dyad = fact.dyad or (None, None)
            fact_rows.append(
                {
                    "id": fact.id,
                    "document_id": document_id,
                    "seq": seq,
                    "kind": fact.kind,
                    "dyad_a": dyad[0],
                    "dyad_b": dyad[1],
                    "date": record.get("date") or record.get("start"),
                    "extractor": fact.extractor,
                    "confidence": fact.confidence,
                    "record": json.dumps(record, ensure_ascii=False),
                }
            )
            evidence_rows.extend(
                {"fact_id": fact.id, "seq": i, "start": e.start, "end": e.end, "text": e.text}
                for i, e in enumerate(fact.evidence)
            )
            links = {(role, f"{kind}:{value}") for role, kind, value in entity_mentions(fact)}
            for role, entity in sorted(links):
                kind, _, value = entity.partition(":")
                entity_rows[entity] = {"id": entity, "kind": kind, "name": value}
                link_rows.append({"fact_id": fact.id, "entity_id": entity, "role": role})
        connection.execute(schema.facts.insert(), fact_rows)
        if evidence_rows:
            connection.execute(schema.evidence.insert(), evidence_rows)
        if entity_rows:
            rows = [entity_rows[key] for key in sorted(entity_rows)]
            self._insert_missing(connection, schema.entities, rows)
        if link_rows:
            connection.execute(schema.fact_entities.insert(), link_rows)

    def _insert_missing(
        self, connection: Connection, table: Any, rows: list[dict[str, Any]]
    ) -> None:
        """Insert rows whose primary key is not there yet (safe under concurrent writers)."""
        dialect = connection.dialect.name
        if dialect == "sqlite":
            connection.execute(sqlite.insert(table).on_conflict_do_nothing(), rows)
        elif dialect == "postgresql":
            connection.execute(postgresql.insert(table).on_conflict_do_nothing(), rows)
        else:  # pragma: no cover - other backends are not supported yet
            raise StoreError(f"unsupported database dialect {dialect}")

    # -- reading -----------------------------------------------------------

    def facts(
        self,
        dyad: tuple[str, str] | None = None,
        kinds: Iterable[str] | None = None,
        document_id: str | None = None,
        by_dyad: bool = False,
    ) -> Iterator[dict[str, Any]]:
        """Fact records in a stable order (document, then position), streamed;
        ``by_dyad`` puts each dyad's records together first."""
        table = schema.facts
        order = (table.c.dyad_a, table.c.dyad_b) if by_dyad else ()
        query = select(table.c.record).order_by(*order, table.c.document_id, table.c.seq)
        if dyad is not None:
            a, b = sorted(dyad)
            query = query.where(table.c.dyad_a == a, table.c.dyad_b == b)
        if kinds is not None:
            query = query.where(table.c.kind.in_(list(kinds)))
        if document_id is not None:
            query = query.where(table.c.document_id == document_id)
        with self.engine.connect() as connection:
            result = connection.execution_options(yield_per=500).execute(query)
            for (record,) in result:
                yield json.loads(record)

    def documents(self) -> list[StoredDocument]:
        docs, facts = schema.documents, schema.facts
        counts = (
            select(facts.c.document_id, func.count().label("n"))
            .group_by(facts.c.document_id)
            .subquery()
        )
        query = (
            select(
                docs.c.id,
                docs.c.location,
                docs.c.source_path,
                docs.c.name,
                docs.c.format,
                docs.c.title,
                docs.c.ingested_at,
                func.coalesce(counts.c.n, 0),
            )
            .outerjoin(counts, counts.c.document_id == docs.c.id)
            .order_by(docs.c.source_path, docs.c.id)
        )
        with self.engine.connect() as connection:
            return [StoredDocument(*row) for row in connection.execute(query)]

    def document_text(self, document_id: str) -> str | None:
        with self.engine.connect() as connection:
            return connection.execute(
                select(schema.documents.c.text).where(schema.documents.c.id == document_id)
            ).scalar_one_or_none()

    def dyads(self) -> list[DyadCount]:
        facts = schema.facts
        query = (
            select(facts.c.dyad_a, facts.c.dyad_b, func.count())
            .where(facts.c.dyad_a.is_not(None))
            .group_by(facts.c.dyad_a, facts.c.dyad_b)
            .order_by(facts.c.dyad_a, facts.c.dyad_b)
        )
        with self.engine.connect() as connection:
            return [DyadCount(a, b, n) for a, b, n in connection.execute(query)]

    def counts(self) -> dict[str, int]:
        """Rows per table, for summaries and consistency checks."""
        tables = (
            schema.documents,
            schema.sentences,
            schema.facts,
            schema.evidence,
            schema.entities,
        )
        with self.engine.connect() as connection:
            return {
                t.name: connection.execute(select(func.count()).select_from(t)).scalar_one()
                for t in tables
            }

    def fact(self, fact_id: str) -> dict[str, Any] | None:
        """One fact record by its id, or None."""
        with self.engine.connect() as connection:
            record = connection.execute(
                select(schema.facts.c.record).where(schema.facts.c.id == fact_id)
            ).scalar_one_or_none()
        return None if record is None else dict(json.loads(record))

    def document(self, document_id: str) -> StoredDocument | None:
        """One document's summary by its id, or None."""
        docs, facts = schema.documents, schema.facts
        count = select(func.count()).where(facts.c.document_id == docs.c.id).scalar_subquery()
        query = select(
            docs.c.id,
            docs.c.location,
            docs.c.source_path,
            docs.c.name,
            docs.c.format,
            docs.c.title,
            docs.c.ingested_at,
            count,
        ).where(docs.c.id == document_id)
        with self.engine.connect() as connection:
            row = connection.execute(query).first()
        return None if row is None else StoredDocument(*row)

    def search_sentences(
        self, query: str, limit: int = 20, offset: int = 0
    ) -> tuple[list[SentenceHit], int]:
        """Sentences holding every word or "phrase" of ``query`` (best first), and how many."""
        with self.engine.connect() as connection:
            return fulltext.search(connection, query, limit, offset)

    # -- authority records ---------------------------------------------------

    def replace_authority(
        self,
        dataset: str,
        source_file: str,
        source_path: str,
        records: Sequence[AuthorityRecord],
    ) -> str:
        """Store one dataset file's records in place of its earlier ones (one
        transaction): "added", "replaced" or "unchanged"."""
        try:
            with self.engine.begin() as connection:
                lock_for_writing(connection, f"authority:{dataset}:{source_file}")
                return authority_store.replace_file(
                    connection, dataset, source_file, source_path, records
                )
        except SQLAlchemyError as error:
            raise StoreError(f"could not store {source_path}: {error}") from error

    def authority(
        self,
        dataset: str | None = None,
        country: str | None = None,
        person: str | None = None,
    ) -> list[AuthorityRecord]:
        """Authority records by dataset, country and/or person name, in date order."""
        with self.engine.connect() as connection:
            return authority_store.select_records(connection, dataset, country, person)

    def authority_counts(self) -> dict[str, int]:
        """Authority records per dataset."""
        with self.engine.connect() as connection:
            return authority_store.count_records(connection)

    # -- verdicts ------------------------------------------------------------

    def replace_verdicts(
        self,
        dyad: tuple[str, str],
        fingerprint: str,
        verdicts: Sequence[dict[str, Any]],
        unchecked: int = 0,
        note: str | None = None,
    ) -> bool:
        """Store a dyad's verdicts in place of its earlier ones (one transaction);
        False when they were computed from the same inputs (nothing written)."""
        try:
            with self.engine.begin() as connection:
                lock_for_writing(connection, "verdicts:" + ":".join(sorted(dyad)))
                return verdict_store.replace(
                    connection, dyad, fingerprint, verdicts, unchecked, note
                )
        except SQLAlchemyError as error:
            raise StoreError(f"could not store the verdicts of {dyad}: {error}") from error

    def verdicts(self, dyad: tuple[str, str]) -> StoredVerdicts | None:
        """A dyad's stored verdicts, or None when it was never checked."""
        with self.engine.connect() as connection:
            return verdict_store.select_verdicts(connection, dyad)

    def checked_dyads(self) -> list[tuple[str, str]]:
        """Every dyad with stored verdicts."""
        with self.engine.connect() as connection:
            return verdict_store.checked_dyads(connection)

    # -- the network -----------------------------------------------------------

    def network(self) -> NetworkStore:
        """Cross-page findings and page counts (`store.network`)."""
        return NetworkStore(self.engine)
