"""Ingest throughput with 1 and 2 local Dask workers, on SQLite and PostgreSQL, and
on a synthetic corpus 20 times the shared one, with peak memory.

The corpus is the one `bench.corpus_ingest` reads (the reference article, the
"Foreign relations of X" wikitext pages, the RDCR articles as outline text).
Each configuration ingests it into a fresh database: read, extract, store,
verdicts refreshed. The synthetic corpus is a MediaWiki XML dump, built in a
temporary folder and removed afterwards, holding every document of the corpus
20 times under new titles (each copy a distinct document); it is ingested
with 2 workers into PostgreSQL, streamed page by page, to show throughput and
memory at a size where loading everything first would show.

Peak memory is the resident set of this process (which streams the dump and
sends batches out) and of the largest worker process.

PostgreSQL: the server named by BILATERAL_BENCH_POSTGRES or
BILATERAL_TEST_POSTGRES, else a throwaway cluster started here with Debian's
binaries (as `.ci/run` does), else those rows are skipped.

Run: python -m bench.scale --shared ../shared [--scale 20]
"""

from __future__ import annotations

import argparse
import bz2
import itertools
import os
import resource
import shutil
import socket
import subprocess
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from xml.sax.saxutils import escape

from bench.corpus_ingest import _rdcr_articles
from bilateral.kb import KnowledgeBase
from bilateral.readers.registry import discover, read_documents

MB = 1024 * 1024
_HEADER = (
    '<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.10/" version="0.10">\n'
    "  <siteinfo><sitename>Bench</sitename><dbname>bench</dbname>"
    '<namespaces><namespace key="0" case="first-letter" /></namespaces></siteinfo>\n'
)


def _rss_mib(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def _inputs(shared: Path, folder: Path) -> list[Path]:
    corpus = shared / "corpus"
    return [
        corpus / "seed",
        corpus / "wikitext" / "foreign-relations",
        *_rdcr_articles(shared, folder),
    ]


def _measure(inputs: list[Path]) -> tuple[int, int, int]:
    """Documents, words and characters of what an ingest of ``inputs`` reads."""
    documents = words = chars = 0
    for path in discover(inputs):
        for document in read_documents(path):
            documents += 1
            words += len(document.plain.split())
            chars += len(document.text)
    return documents, words, chars


@contextmanager
def _postgres() -> Iterator[str | None]:
    """A PostgreSQL URL: the one configured, or a throwaway local cluster, or None."""
    given = os.environ.get("BILATERAL_BENCH_POSTGRES") or os.environ.get("BILATERAL_TEST_POSTGRES")
    if given:
        yield given
        return
    bins = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
    if not bins:
        yield None
        return
    bin_dir = bins[-1].parent
    folder = Path(tempfile.mkdtemp(prefix="bilateral-bench-pg-"))
    run_as: list[str] = []
    if os.geteuid() == 0:  # initdb refuses root
        shutil.chown(folder, "postgres")
        run_as = ["runuser", "-u", "postgres", "--"]
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    data = folder / "data"
    quiet = {"stdout": subprocess.DEVNULL, "check": True}
    options = f"-h 127.0.0.1 -p {port} -k {folder} -c fsync=off -c synchronous_commit=off"
    subprocess.run([*run_as, bin_dir / "initdb", "-D", data, "-A", "trust", "-U", "postgres",
                    "--no-locale", "-E", "UTF8"], **quiet)  # fmt: skip
    subprocess.run([*run_as, bin_dir / "pg_ctl", "-D", data, "-l", folder / "log", "-w",
                    "-o", options, "start"], **quiet)  # fmt: skip
    try:
        yield f"postgresql://postgres@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run([*run_as, bin_dir / "pg_ctl", "-D", data, "-m", "fast", "stop"],
                       stdout=subprocess.DEVNULL, check=False)  # fmt: skip
        shutil.rmtree(folder, ignore_errors=True)


def _fresh(postgres: str, label: str) -> str:
    """A fresh schema of the PostgreSQL database for one run."""
    schema = f"bench_{label}_{uuid.uuid4().hex[:8]}"
    subprocess.run(
        ["psql", "-q", postgres, "-c", f"CREATE SCHEMA {schema}"],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    separator = "&" if "?" in postgres else "?"
    return f"{postgres}{separator}options=-csearch_path%3D{schema}"


def _run(db: str, inputs: list[Path], workers: int) -> tuple[float, int, int, float]:
    """Seconds, documents added, facts, and the longest gap between two finished
    files (in a serial run, the time of the slowest file) of one ingest into ``db``."""
    finished: list[float] = []
    with KnowledgeBase(db) as kb:
        started = time.perf_counter()
        report = kb.ingest(inputs, workers=workers, progress=lambda _: finished.append(
            time.perf_counter()))  # fmt: skip
        elapsed = time.perf_counter() - started
    marks = [started, *finished]
    slowest = max((b - a for a, b in itertools.pairwise(marks)), default=0.0)
    return elapsed, report.count("added"), sum(report.facts.values()), slowest


def _startup(folder: Path) -> float:
    """Seconds to start 2 workers, load the pipeline in each and stop them."""
    article = folder / "startup.txt"
    article.write_text("= Chile–Japan relations =\n\nThey met in 1897.\n", encoding="utf-8")
    with KnowledgeBase(str(folder / "startup.sqlite")) as kb:
        started = time.perf_counter()
        kb.ingest([article], workers=2)
        return time.perf_counter() - started


def _synthetic(inputs: list[Path], copies: int, target: Path) -> tuple[int, int]:
    """A bz2 dump of every corpus document ``copies`` times; (pages, bytes of text)."""
    pages = size = 0
    with bz2.open(target, "wt", encoding="utf-8") as out:
        out.write(_HEADER)
        for copy in range(copies):
            for path in discover(inputs):
                for document in read_documents(path):
                    title = f"{document.title or path.stem} (copy {copy})"
                    text = document.text + f"\n\nCopy {copy}.\n"
                    pages += 1
                    size += len(text.encode())
                    out.write(
                        f"<page><title>{escape(title)}</title><ns>0</ns><id>{pages}</id>"
                        f"<revision><id>{pages}</id><model>wikitext</model>"
                        f'<format>text/x-wiki</format><text xml:space="preserve">'
                        f"{escape(text)}</text></revision></page>\n"
                    )
        out.write("</mediawiki>\n")
    return pages, size


def _line(label: str, seconds: float, documents: int, words: int, chars: int) -> str:
    return (
        f"{label:<34} {seconds:7.1f} s  {documents / seconds:6.2f} docs/s  "
        f"{words / seconds:9,.0f} words/s  {chars / seconds / MB:5.2f} MB/s"
    )


def bench_scale(shared: Path, scale: int = 20) -> None:
    """The figures, one line each, and the scaling they show."""
    with tempfile.TemporaryDirectory() as folder, _postgres() as postgres:
        root = Path(folder)
        inputs = _inputs(shared, root)
        documents, words, chars = _measure(inputs)
        print(
            f"scale: the corpus is {documents} documents, {words:,} words, "
            f"{chars / MB:.1f} MB of text; {os.cpu_count()} CPUs"
        )
        backends = [("SQLite", lambda label: str(root / f"{label}.sqlite"))]
        if postgres:
            backends.append(("PostgreSQL", lambda label: _fresh(postgres, label)))
        else:
            print("scale: PostgreSQL rows skipped (no server and no initdb found)")
        seconds: dict[tuple[str, int], float] = {}
        slowest: dict[str, float] = {}
        for name, database in backends:
            for workers in (1, 2):
                elapsed, added, facts, gap = _run(database(f"w{workers}"), inputs, workers)
                seconds[(name, workers)] = elapsed
                if workers == 1:
                    slowest[name] = gap
                print(
                    _line(
                        f"{name}, {workers} worker{'s' * (workers > 1)}:",
                        elapsed,
                        added,
                        words,
                        chars,
                    )
                    + f"  ({facts:,} facts)"
                )
        startup = _startup(root)
        for name, _ in backends:
            serial, parallel = seconds[(name, 1)], seconds[(name, 2)]
            floor = max(serial / 2, slowest[name]) + startup
            print(
                f"{name}: 2 workers are {serial / parallel:.2f}x one (linear: 2.00x). Best "
                f"possible here {serial / floor:.2f}x: the slowest file alone takes "
                f"{slowest[name]:.1f} s and one worker does it all, starting 2 workers and "
                f"loading the pipeline in each takes {startup:.1f} s; the rest is the "
                f"{os.cpu_count()} CPUs shared by the workers, this process and the database."
            )
        name, database = backends[-1]
        _synthetic_run(inputs, root, scale, words, name, database)


def bench_synthetic(shared: Path, scale: int = 20) -> None:
    """Only the synthetic dump, into PostgreSQL when there is one (else SQLite)."""
    with tempfile.TemporaryDirectory() as folder, _postgres() as postgres:
        root = Path(folder)
        inputs = _inputs(shared, root)
        words = _measure(inputs)[1]
        if postgres:
            url: str = postgres
            _synthetic_run(inputs, root, scale, words, "PostgreSQL", lambda tag: _fresh(url, tag))
        else:
            sqlite = lambda tag: str(root / f"{tag}.sqlite")  # noqa: E731
            _synthetic_run(inputs, root, scale, words, "SQLite", sqlite)


def _synthetic_run(
    inputs: list[Path],
    root: Path,
    scale: int,
    words: int,
    name: str,
    database: Callable[[str], str],
) -> None:
    """The corpus ``scale`` times over as one streamed dump, with 2 workers, and peak memory."""
    dump = root / "synthetic.xml.bz2"
    pages, size = _synthetic(inputs, scale, dump)
    elapsed, added, facts, _ = _run(database("synthetic"), [dump], 2)
    print(
        _line(f"{scale}x synthetic dump, {name}, 2 workers:", elapsed, added, words * scale, size)
        + f"  ({pages} pages, {facts:,} facts)"
    )
    print(
        f"scale: peak resident memory {_rss_mib(resource.RUSAGE_SELF):.0f} MiB in this "
        f"process, {_rss_mib(resource.RUSAGE_CHILDREN):.0f} MiB in the largest worker"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--scale", type=int, default=20)
    parser.add_argument(
        "--synthetic-only", action="store_true", help="Run only the synthetic dump."
    )
    arguments = parser.parse_args()
    if arguments.synthetic_only:
        bench_synthetic(arguments.shared, arguments.scale)
    else:
        bench_scale(arguments.shared, arguments.scale)


if __name__ == "__main__":
    main()
