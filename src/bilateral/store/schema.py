"""Tables of the knowledge base, portable across SQLite and PostgreSQL.

Only SQLAlchemy Core types that both backends support. Text compares byte by
byte on both: on PostgreSQL every string column uses the "C" collation, so
orderings (and so exports and pages) do not depend on the server's locale.
Facts are stored in
their interchange form (`record`, JSON text) next to the columns queries
filter on; evidence spans and the entities a fact involves have tables of
their own so they can be queried without parsing JSON.
"""

from __future__ import annotations

from sqlalchemy import (
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)
from sqlalchemy.types import TypeEngine


def _string(length: int | None = None) -> TypeEngine[str]:
    """A string column, compared byte by byte on every backend (SQLite's default).

    On PostgreSQL it is ``text`` whatever ``length`` says: SQLite never
    enforces a declared length, so a value the SQLite store accepts (a long
    organisation name as an entity id) must not fail on PostgreSQL, where
    ``text`` costs nothing more than ``varchar``.
    """
    base = String(length) if length else Text()
    return base.with_variant(Text(collation="C"), "postgresql")


metadata = MetaData()

migrations = Table(
    "migrations",
    metadata,
    Column("name", _string(100), primary_key=True),
    Column("applied_at", _string(40), nullable=False),
)

documents = Table(
    "documents",
    metadata,
    Column("id", _string(40), primary_key=True),
    Column("location", _string(), nullable=False, unique=True),
    Column("source_path", _string(), nullable=False),
    Column("name", _string(), nullable=False),
    Column("format", _string(20), nullable=False),
    Column("title", _string()),
    Column("text", _string(), nullable=False),
    Column("sha256", _string(64), nullable=False),
    Column("pipeline", _string(), nullable=False),
    Column("ingested_at", _string(40), nullable=False),
)

sentences = Table(
    "sentences",
    metadata,
    Column("document_id", _string(40), ForeignKey("documents.id"), primary_key=True),
    Column("seq", Integer, primary_key=True),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", _string(), nullable=False),
)

facts = Table(
    "facts",
    metadata,
    Column("id", _string(60), primary_key=True),
    Column("document_id", _string(40), ForeignKey("documents.id"), nullable=False),
    Column("seq", Integer, nullable=False),
    Column("kind", _string(20), nullable=False),
    Column("dyad_a", _string(80)),
    Column("dyad_b", _string(80)),
    Column("date", _string(40)),
    Column("extractor", _string(80), nullable=False),
    Column("confidence", Float, nullable=False),
    Column("record", _string(), nullable=False),
    Index("ix_facts_dyad_kind", "dyad_a", "dyad_b", "kind"),
    Index("ix_facts_document", "document_id", "seq"),
)

evidence = Table(
    "evidence",
    metadata,
    Column("fact_id", _string(60), ForeignKey("facts.id"), primary_key=True),
    Column("seq", Integer, primary_key=True),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", _string(), nullable=False),
)

entities = Table(
    "entities",
    metadata,
    Column("id", _string(200), primary_key=True),
    Column("kind", _string(20), nullable=False),
    Column("name", _string(), nullable=False),
)

fact_entities = Table(
    "fact_entities",
    metadata,
    Column("fact_id", _string(60), ForeignKey("facts.id"), primary_key=True),
    Column("entity_id", _string(200), ForeignKey("entities.id"), primary_key=True),
    Column("role", _string(40), primary_key=True),
    Index("ix_fact_entities_entity", "entity_id"),
)

problems = Table(
    "problems",
    metadata,
    Column("document_id", _string(40), ForeignKey("documents.id"), primary_key=True),
    Column("seq", Integer, primary_key=True),
    Column("component", _string(80), nullable=False),
    Column("message", _string(), nullable=False),
)

# Tables holding one document's rows, children first: the order to delete in.
DOCUMENT_CHILDREN = (problems, sentences)
FACT_CHILDREN = (evidence, fact_entities)

# The tables of migration 0001_initial, parents first.
CORE_TABLES = (migrations, documents, sentences, facts, evidence, entities, fact_entities, problems)

# -- authority records (migration 0002_authority) --------------------------------
# Records of the official datasets (POCOM, RDCR, visits, travels), kept apart
# from extracted facts. Each is stored whole (`record`, JSON) next to the
# columns queries filter on; `persons` holds the folded names of the people a
# record is about, " | "-separated, for searching by name. `authority_files`
# remembers what each dataset file last contributed, so a re-import of the
# same data writes nothing and a changed file replaces only its own records.

authority_records = Table(
    "authority_records",
    metadata,
    Column("id", _string(200), primary_key=True),
    Column("dataset", _string(20), nullable=False),
    Column("source_file", _string(500), nullable=False),
    Column("seq", Integer, nullable=False),
    Column("country", _string(80), nullable=False),
    Column("start", _string(40)),
    Column("end", _string(40)),
    Column("persons", _string()),
    Column("record", _string(), nullable=False),
    Index("ix_authority_records_country", "dataset", "country"),
    Index("ix_authority_records_file", "dataset", "source_file"),
)

authority_files = Table(
    "authority_files",
    metadata,
    Column("dataset", _string(20), primary_key=True),
    Column("source_file", _string(500), primary_key=True),
    Column("source_path", _string(), nullable=False),
    Column("digest", _string(64), nullable=False),
    Column("records", Integer, nullable=False),
    Column("imported_at", _string(40), nullable=False),
)

AUTHORITY_TABLES = (authority_records, authority_files)

# -- verdicts (migration 0004_verdicts) --------------------------------------------
# What reconciliation concluded about a dyad's claims. `verdict_runs` holds one
# row per checked dyad with the fingerprint of the inputs the verdicts were
# computed from (claims, authority records, rules), so a re-run that would
# produce the same verdicts writes nothing and stale verdicts can be told
# apart; `verdicts` one row per checkable claim, the whole verdict as JSON.

verdict_runs = Table(
    "verdict_runs",
    metadata,
    Column("dyad_a", _string(80), primary_key=True),
    Column("dyad_b", _string(80), primary_key=True),
    Column("fingerprint", _string(64), nullable=False),
    Column("unchecked", Integer, nullable=False),
    Column("note", _string()),
    Column("checked_at", _string(40), nullable=False),
)

verdicts = Table(
    "verdicts",
    metadata,
    Column("dyad_a", _string(80), primary_key=True),
    Column("dyad_b", _string(80), primary_key=True),
    Column("claim_id", _string(60), primary_key=True),
    Column("seq", Integer, nullable=False),
    Column("verdict", _string(20), nullable=False),
    Column("record_ids", _string(), nullable=False),
    Column("record", _string(), nullable=False),
    Index("ix_verdicts_claim", "claim_id"),
)

VERDICT_TABLES = (verdict_runs, verdicts)
