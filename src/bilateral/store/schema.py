"""Tables of the knowledge base, portable across SQLite and PostgreSQL.

Only SQLAlchemy Core types that both backends support. Facts are stored in
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

metadata = MetaData()

migrations = Table(
    "migrations",
    metadata,
    Column("name", String(100), primary_key=True),
    Column("applied_at", String(40), nullable=False),
)

documents = Table(
    "documents",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("location", Text, nullable=False, unique=True),
    Column("source_path", Text, nullable=False),
    Column("name", Text, nullable=False),
    Column("format", String(20), nullable=False),
    Column("title", Text),
    Column("text", Text, nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("pipeline", Text, nullable=False),
    Column("ingested_at", String(40), nullable=False),
)

sentences = Table(
    "sentences",
    metadata,
    Column("document_id", String(40), ForeignKey("documents.id"), primary_key=True),
    Column("seq", Integer, primary_key=True),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
)

facts = Table(
    "facts",
    metadata,
    Column("id", String(60), primary_key=True),
    Column("document_id", String(40), ForeignKey("documents.id"), nullable=False),
    Column("seq", Integer, nullable=False),
    Column("kind", String(20), nullable=False),
    Column("dyad_a", String(80)),
    Column("dyad_b", String(80)),
    Column("date", String(40)),
    Column("extractor", String(80), nullable=False),
    Column("confidence", Float, nullable=False),
    Column("record", Text, nullable=False),
    Index("ix_facts_dyad_kind", "dyad_a", "dyad_b", "kind"),
    Index("ix_facts_document", "document_id", "seq"),
)

evidence = Table(
    "evidence",
    metadata,
    Column("fact_id", String(60), ForeignKey("facts.id"), primary_key=True),
    Column("seq", Integer, primary_key=True),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
)

entities = Table(
    "entities",
    metadata,
    Column("id", String(200), primary_key=True),
    Column("kind", String(20), nullable=False),
    Column("name", Text, nullable=False),
)

fact_entities = Table(
    "fact_entities",
    metadata,
    Column("fact_id", String(60), ForeignKey("facts.id"), primary_key=True),
    Column("entity_id", String(200), ForeignKey("entities.id"), primary_key=True),
    Column("role", String(40), primary_key=True),
    Index("ix_fact_entities_entity", "entity_id"),
)

problems = Table(
    "problems",
    metadata,
    Column("document_id", String(40), ForeignKey("documents.id"), primary_key=True),
    Column("seq", Integer, primary_key=True),
    Column("component", String(80), nullable=False),
    Column("message", Text, nullable=False),
)

# Tables holding one document's rows, children first: the order to delete in.
DOCUMENT_CHILDREN = (problems, sentences)
FACT_CHILDREN = (evidence, fact_entities)

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
    Column("id", String(200), primary_key=True),
    Column("dataset", String(20), nullable=False),
    Column("source_file", String(500), nullable=False),
    Column("seq", Integer, nullable=False),
    Column("country", String(80), nullable=False),
    Column("start", String(40)),
    Column("end", String(40)),
    Column("persons", Text),
    Column("record", Text, nullable=False),
    Index("ix_authority_records_country", "dataset", "country"),
    Index("ix_authority_records_file", "dataset", "source_file"),
)

authority_files = Table(
    "authority_files",
    metadata,
    Column("dataset", String(20), primary_key=True),
    Column("source_file", String(500), primary_key=True),
    Column("source_path", Text, nullable=False),
    Column("digest", String(64), nullable=False),
    Column("records", Integer, nullable=False),
    Column("imported_at", String(40), nullable=False),
)

AUTHORITY_TABLES = (authority_records, authority_files)

# -- verdicts (migration 0003_verdicts) --------------------------------------------
# What reconciliation concluded about a dyad's claims. `verdict_runs` holds one
# row per checked dyad with the fingerprint of the inputs the verdicts were
# computed from (claims, authority records, rules), so a re-run that would
# produce the same verdicts writes nothing and stale verdicts can be told
# apart; `verdicts` one row per checkable claim, the whole verdict as JSON.

verdict_runs = Table(
    "verdict_runs",
    metadata,
    Column("dyad_a", String(80), primary_key=True),
    Column("dyad_b", String(80), primary_key=True),
    Column("fingerprint", String(64), nullable=False),
    Column("unchecked", Integer, nullable=False),
    Column("note", Text),
    Column("checked_at", String(40), nullable=False),
)

verdicts = Table(
    "verdicts",
    metadata,
    Column("dyad_a", String(80), primary_key=True),
    Column("dyad_b", String(80), primary_key=True),
    Column("claim_id", String(60), primary_key=True),
    Column("seq", Integer, nullable=False),
    Column("verdict", String(20), nullable=False),
    Column("record_ids", Text, nullable=False),
    Column("record", Text, nullable=False),
    Index("ix_verdicts_claim", "claim_id"),
)

VERDICT_TABLES = (verdict_runs, verdicts)
