"""Ingest orchestration: files → documents → facts → store, in one process or on Dask.

`Ingester` is the one path a document takes: skip it when the store already
holds this version from this pipeline, else extract and replace it in one
transaction. `ingest_serial` walks the files in this process (today's path,
``--workers 1``); `ingest_parallel` sends the same work to Dask workers,
which each open the database themselves and run an `Ingester` of their own,
so reading, extraction and writing all happen in the workers:

- an article file is one task: the worker reads it;
- a dump is streamed here, page by page, and its pages go out in batches:
  one reader walks the XML, the workers parse nothing twice, and at most a
  window of batches is in flight, so memory stays bounded however large the
  dump.

Both produce the same stored facts (ids depend only on the input), and the
same report, in the order of the inputs.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from bilateral.errors import BilateralError, InputError
from bilateral.extract.foreign_relations import PageNetwork
from bilateral.extract.pipeline import Pipeline, extractor_label
from bilateral.extract.registry import default_pipeline
from bilateral.model.countries import default_registry
from bilateral.model.document import Document
from bilateral.readers.registry import is_collection, read_documents
from bilateral.scale import Cluster, map_unordered
from bilateral.store import Store, open_store

# Dump pages sent to a worker in one task: big enough to make the task's
# overhead negligible, small enough to spread a dump evenly over the workers.
PAGES_PER_TASK = 8

Progress = Callable[[str], None]


@dataclass(frozen=True)
class FileOutcome:
    """What happened to one input file: added, replaced, unchanged or failed."""

    path: str
    status: str
    facts: Counter[str] = field(default_factory=Counter)
    problems: tuple[str, ...] = ()
    error: str | None = None
    document: str | None = None  # the stored document's id (not for a failure)
    network: PageNetwork | None = None  # what a "Foreign relations of X" page gave


@dataclass
class IngestReport:
    files: list[FileOutcome] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for f in self.files if f.status == status)

    @property
    def failed(self) -> list[FileOutcome]:
        return [f for f in self.files if f.status == "failed"]

    @property
    def facts(self) -> Counter[str]:
        total: Counter[str] = Counter()
        for outcome in self.files:
            total.update(outcome.facts)
        return total

    @property
    def changed(self) -> bool:
        """Whether anything was added or replaced (so verdicts need refreshing)."""
        return any(f.status in ("added", "replaced") for f in self.files)


class Ingester:
    """Reads, extracts and stores documents into one store with one pipeline."""

    def __init__(self, store: Store, pipeline: Pipeline) -> None:
        self.store = store
        self.pipeline = pipeline
        self.label = ",".join(extractor_label(c) for c in pipeline.components)

    def path(self, path: Path, titles: Sequence[str] | None) -> list[FileOutcome]:
        """One outcome per document the file holds, read lazily."""
        outcomes: list[FileOutcome] = []
        try:
            for document in read_documents(path, titles, on_error=_collect(outcomes)):
                outcomes.append(self.document(path, document))
        except BilateralError as error:
            outcomes.append(FileOutcome(str(path), "failed", error=str(error)))
        return outcomes

    def document(self, path: Path, document: Document, location: str | None = None) -> FileOutcome:
        """Store one document read from ``path`` unless this version is there already."""
        page = f"#{document.title}" if is_collection(path) else ""
        shown = location or f"{path}{page}"
        try:
            location = location or f"{path.resolve()}{page}"
            before = self.store.current_version(location)
            if before == (document.id, self.label):
                return FileOutcome(shown, "unchanged", document=document.id)
            extraction = self.pipeline.run(document)
            problems = [(p.component, p.message) for p in extraction.problems]
            self.store.replace_document(location, document, extraction.facts, problems, self.label)
        except BilateralError as error:
            return FileOutcome(shown, "failed", error=str(error))
        return FileOutcome(
            shown,
            "replaced" if before else "added",
            facts=Counter(f.kind for f in extraction.facts),
            problems=tuple(f"{c}: {m}" for c, m in problems),
            document=document.id,
            network=extraction.values.get("foreign_relations"),
        )


def _collect(outcomes: list[FileOutcome]) -> Callable[[InputError], None]:
    def failed(error: InputError) -> None:
        outcomes.append(FileOutcome(error.source, "failed", error=str(error)))

    return failed


def ingest_serial(
    ingester: Ingester,
    files: Iterable[Path],
    titles: Sequence[str] | None = None,
    progress: Progress | None = None,
) -> IngestReport:
    """Ingest files one after the other in this process."""
    report = IngestReport()
    for path in files:
        report.files.extend(ingester.path(path, titles))
        if progress is not None:
            progress(str(path))
    return report


# -- on Dask -------------------------------------------------------------------


@dataclass(frozen=True)
class Task:
    """One unit of work: a whole file (``pages`` None) or a batch of a dump's pages."""

    file: int
    batch: int
    path: Path
    pages: tuple[Document, ...] | None = None
    last: bool = True


def ingest_parallel(
    db: str,
    files: Sequence[Path],
    cluster: Cluster,
    titles: Sequence[str] | None = None,
    progress: Progress | None = None,
    window: int | None = None,
) -> IngestReport:
    """Ingest files on Dask workers that write to ``db`` themselves.

    The database must be one every worker can reach: any for local workers,
    a PostgreSQL URL for a cluster. Unreadable dump pages are reported here,
    where the dump is read.
    """
    outcomes: dict[tuple[int, int], list[FileOutcome]] = {}
    tasks = _tasks(files, titles, outcomes)
    expected: dict[int, int] = {}
    done: Counter[int] = Counter()
    work = partial(_run, db, tuple(titles) if titles else None)
    results = map_unordered(work, _counting(tasks, expected), cluster, window, close_workers)
    for _, (task, found) in results:
        outcomes.setdefault((task.file, task.batch), []).extend(found)
        done[task.file] += 1
        if progress is not None and done[task.file] == expected.get(task.file):
            progress(str(task.path))
    report = IngestReport()
    for key in sorted(outcomes):
        report.files.extend(outcomes[key])
    return report


def _counting(tasks: Iterator[Task], expected: dict[int, int]) -> Iterator[Task]:
    """Pass tasks on, noting how many each file has once its last one is out."""
    for task in tasks:
        if task.last:
            expected[task.file] = task.batch + 1
        yield task


def _tasks(
    files: Sequence[Path],
    titles: Sequence[str] | None,
    outcomes: dict[tuple[int, int], list[FileOutcome]],
) -> Iterator[Task]:
    """Tasks in input order: whole files, and dumps cut into batches of pages as read."""
    for number, path in enumerate(files):
        if not is_collection(path):
            yield Task(number, 0, path)
            continue
        batch: list[Document] = []
        sent = 0
        failures: list[FileOutcome] = []
        try:
            for document in read_documents(path, titles, on_error=_collect(failures)):
                batch.append(document)
                if len(batch) == PAGES_PER_TASK:
                    yield Task(number, sent, path, tuple(batch), last=False)
                    sent, batch = sent + 1, []
        except BilateralError as error:
            failures.append(FileOutcome(str(path), "failed", error=str(error)))
        outcomes[(number, -1)] = failures  # sorted first: where the serial path puts them
        yield Task(number, sent, path, tuple(batch), last=True)


# Each worker thread keeps its pipeline (slow to build) and its stores across
# tasks; `close_workers` disposes of the stores when the ingest ends, so a
# long-lived cluster does not hold database connections.
_ingesters: dict[tuple[int, str], Ingester] = {}
_pipelines: dict[int, Pipeline] = {}
_lock = threading.Lock()


def _worker_ingester(db: str) -> Ingester:
    """This worker thread's ingester for ``db``, opened on first use and kept."""
    thread = threading.get_ident()
    with _lock:
        found = _ingesters.get((thread, db))
        pipeline = _pipelines.get(thread)
    if found is not None:
        return found
    if pipeline is None:
        pipeline = default_pipeline(default_registry())
    made = Ingester(open_store(db), pipeline)
    with _lock:
        _pipelines[thread] = pipeline
        _ingesters[(thread, db)] = made
    return made


def close_workers() -> None:
    """Close every store this process's worker threads opened (run on each worker)."""
    with _lock:
        opened = list(_ingesters.values())
        _ingesters.clear()
    for ingester in opened:
        ingester.store.close()


def _run(db: str, titles: tuple[str, ...] | None, task: Task) -> tuple[Task, list[FileOutcome]]:
    """Run one task in a worker; the task comes back without its pages."""
    ingester = _worker_ingester(db)
    if task.pages is None:
        found = ingester.path(task.path, titles)
    else:
        found = [ingester.document(task.path, page) for page in task.pages]
    return Task(task.file, task.batch, task.path, last=task.last), found
