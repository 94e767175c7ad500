"""Schema migrations run by Alembic: named, recorded, safe to re-run, on every backend,
and databases made by the old hand-made runner are adopted."""

from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import Connection, inspect, select, text

from bilateral.errors import StoreError
from bilateral.kb import KnowledgeBase
from bilateral.store import migrations, open_store, schema
from bilateral.store.engine import make_engine
from bilateral.store.sql import SqlStore

NAMED = ("0001_initial", "0002_authority", "0003_sentences_fts", "0004_verdicts")
TABLES = {
    "0001_initial": {"documents", "sentences", "facts", "evidence", "entities", "migrations"},
    "0002_authority": {"authority_records", "authority_files"},
    "0003_sentences_fts": {"sentences_fts"},
    "0004_verdicts": {"verdicts", "verdict_runs"},
}


def store_of(kb: KnowledgeBase) -> SqlStore:
    assert isinstance(kb.store, SqlStore)
    return kb.store


def tables(connection: Connection) -> set[str]:
    return set(inspect(connection).get_table_names())


def logged(connection: Connection) -> list[str]:
    return list(connection.execute(select(schema.migrations.c.name)).scalars())


def test_every_named_migration_is_an_alembic_revision_in_order() -> None:
    assert migrations.names()[: len(NAMED)] == NAMED
    assert migrations.head() == migrations.names()[-1]


def test_a_new_database_is_at_the_newest_revision_with_every_table(kb: KnowledgeBase) -> None:
    with store_of(kb).engine.connect() as connection:
        assert migrations.current(connection) == migrations.head()
        assert set().union(*TABLES.values()) <= tables(connection)


def test_every_applied_revision_is_logged_by_name(kb: KnowledgeBase) -> None:
    with store_of(kb).engine.connect() as connection:
        assert sorted(logged(connection)) == sorted(migrations.names())


def test_reopening_applies_no_migration_twice(kb: KnowledgeBase) -> None:
    with store_of(kb).engine.begin() as connection:
        assert migrations.upgrade(connection) == []
    open_store(kb.db).close()
    with store_of(kb).engine.connect() as connection:
        assert sorted(logged(connection)) == sorted(migrations.names())


def test_running_every_revision_again_keeps_the_data(kb: KnowledgeBase, article_file: Path) -> None:
    kb.ingest([article_file])
    before = list(kb.records())
    engine = store_of(kb).engine
    with engine.begin() as connection:
        config = migrations._config()
        config.attributes.update(connection=connection, applied=[])
        command.stamp(config, "base")
    with engine.begin() as connection:
        assert migrations.upgrade(connection) == list(migrations.names())
        assert sorted(logged(connection)) == sorted(migrations.names())
    assert list(kb.records()) == before
    assert kb.search("opened relations")[1] == 1


def test_a_database_of_the_old_runner_is_adopted_and_upgraded(
    database: str, article_file: Path
) -> None:
    """Made by the runner before Alembic, when 0002_authority was the newest:
    a `migrations` log, no version table, no index, no verdict tables."""
    with KnowledgeBase(database) as kb:
        kb.ingest([article_file])
        with store_of(kb).engine.begin() as connection:
            for table in ("alembic_version", "sentences_fts", "verdicts", "verdict_runs"):
                connection.execute(text(f"DROP TABLE {table}"))
            connection.execute(
                schema.migrations.delete().where(
                    schema.migrations.c.name.in_(["0003_sentences_fts", "0004_verdicts"])
                )
            )
    with KnowledgeBase(database) as kb:
        with store_of(kb).engine.connect() as connection:
            assert migrations.current(connection) == migrations.head()
            assert TABLES["0004_verdicts"] <= tables(connection)
            assert sorted(logged(connection)) == sorted(migrations.names())
        assert kb.search("opened relations")[1] == 1
        assert kb.store.counts()["documents"] == 1


def test_downgrading_to_the_start_removes_every_table(kb: KnowledgeBase) -> None:
    with store_of(kb).engine.begin() as connection:
        config = migrations._config()
        config.attributes.update(connection=connection, applied=[])
        command.downgrade(config, "base")
        assert tables(connection) <= {"alembic_version"}


def test_a_database_with_foreign_tables_is_refused(database: str) -> None:
    engine = make_engine(database)
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE invoices (id INTEGER PRIMARY KEY)"))
    engine.dispose()
    with pytest.raises(StoreError, match="not a bilateral database"):
        open_store(database)
