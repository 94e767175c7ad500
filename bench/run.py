"""Benchmarks behind `make bench`: they print numbers and assert nothing.

Each benchmark is a function below; run all with
`python bench/run.py --shared ../shared`.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bilateral.extract.registry import default_pipeline
from bilateral.kb import KnowledgeBase
from bilateral.readers.outline import read_outline


def _words(text: str) -> int:
    return len(text.split())


def _peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bench_outline_extract(shared: Path) -> None:
    """Read + extract the reference article repeatedly, in memory."""
    seed = shared / "corpus" / "seed" / "000_dbad62b18eba93af.txt"
    data = seed.read_bytes()
    pipeline = default_pipeline()
    pipeline.run(read_outline(data, str(seed)))  # warm the registries
    rounds = 200
    started = time.perf_counter()
    for i in range(rounds):
        pipeline.run(read_outline(data, f"copy-{i}.txt"))
    elapsed = time.perf_counter() - started
    words = _words(data.decode("utf-8")) * rounds
    print(
        f"outline read+extract: {rounds / elapsed:8.1f} docs/s  {words / elapsed:10.0f} words/s"
        f"  ({rounds} copies of the reference article)"
    )


def bench_ingest_sqlite(shared: Path) -> None:
    """End-to-end ingest into a fresh SQLite file, with peak memory."""
    seed = shared / "corpus" / "seed" / "000_dbad62b18eba93af.txt"
    copies = 100
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        for i in range(copies):
            text = seed.read_text(encoding="utf-8") + f"\nCopy {i}.\n"
            (root / f"article-{i:03}.txt").write_text(text, encoding="utf-8")
        with KnowledgeBase(str(root / "bench.sqlite")) as kb:
            kb.ingest([root / "article-000.txt"])  # warm up
            started = time.perf_counter()
            report = kb.ingest([root])
            elapsed = time.perf_counter() - started
        shutil.rmtree(root, ignore_errors=True)
    stored = report.count("added")
    print(
        f"ingest into SQLite:   {stored / elapsed:8.1f} docs/s  ({stored} new documents, "
        f"{sum(report.facts.values())} facts, peak RSS of this process {_peak_rss_mib():.0f} MiB)"
    )


BENCHMARKS: tuple[Callable[[Path], None], ...] = (bench_outline_extract, bench_ingest_sqlite)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    args = parser.parse_args()
    for benchmark in BENCHMARKS:
        benchmark(args.shared)


if __name__ == "__main__":
    main()
