"""Several processes ingesting overlapping inputs into one database at once store
exactly what one process stores: no duplicate entities or facts, no lost writes."""

import multiprocessing
import random
from collections.abc import Callable
from pathlib import Path

from bilateral.kb import KnowledgeBase
from tests.conftest import ARTICLE

PROCESSES = 3


def write_articles(folder: Path, count: int) -> list[Path]:
    """Distinct documents about the same states, so they share entities."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        path = folder / f"article-{i}.txt"
        extra = f"\nChile and Japan signed a treaty in {1950 + i}.\n"
        path.write_text(ARTICLE.replace("Ana Rojas", f"Ana Rojas {i}") + extra, "utf-8")
        paths.append(path)
    return paths


def ingest(db: str, paths: list[str], start: "multiprocessing.synchronize.Barrier") -> None:
    with KnowledgeBase(db) as kb:
        start.wait(timeout=60)
        kb.ingest([Path(p) for p in paths])


def run_together(db: str, shares: list[list[str]]) -> list[int | None]:
    """Exit codes of one process per share, started together."""
    context = multiprocessing.get_context("spawn")
    start = context.Barrier(len(shares))
    workers = [context.Process(target=ingest, args=(db, share, start)) for share in shares]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=300)
    return [w.exitcode for w in workers]


def test_processes_opening_a_new_database_together_migrate_it_once(
    database: str, tmp_path: Path
) -> None:
    assert run_together(database, [[]] * PROCESSES) == [0] * PROCESSES
    with KnowledgeBase(database) as kb:
        assert kb.store.counts()["documents"] == 0


def test_concurrent_ingests_store_what_one_ingest_stores(
    database: str, new_database: Callable[[], str], tmp_path: Path
) -> None:
    paths = write_articles(tmp_path / "in", 8)
    # Every process takes most of the files, in its own order: each file is
    # written by two or three processes, often at the same moment.
    shares = []
    for seed in range(PROCESSES):
        share = random.Random(seed).sample(paths, 6)
        shares.append([str(p) for p in share])
    assert set().union(*shares) == {str(p) for p in paths}

    context = multiprocessing.get_context("spawn")
    start = context.Barrier(PROCESSES)
    workers = [context.Process(target=ingest, args=(database, share, start)) for share in shares]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=300)
    assert [w.exitcode for w in workers] == [0] * PROCESSES

    with KnowledgeBase(new_database()) as alone:
        alone.ingest(paths)
        wanted = (alone.store.counts(), list(alone.records()))
    with KnowledgeBase(database) as kb:
        assert (kb.store.counts(), list(kb.records())) == wanted
