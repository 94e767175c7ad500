"""Benchmarks behind `make bench`: they print numbers and assert nothing.

Each benchmark is a function below; run all with
`python bench/run.py --shared ../shared`.
"""

from __future__ import annotations

import argparse
import re
import resource
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bilateral.extract.registry import default_pipeline
from bilateral.kb import KnowledgeBase
from bilateral.readers.outline import read_outline

# Run as `python bench/run.py`, only bench/ is on sys.path: add the project root so
# that the benchmarks kept in modules of their own import as `bench.<module>`.
sys.path.append(str(Path(__file__).resolve().parents[1]))

from bench.corpus_ingest import bench_corpus_ingest
from bench.rdcr_events import bench_rdcr_events
from bench.scale import bench_scale
from bench.web import bench_web
from bench.wikitext import bench_wikitext


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


def _prose(shared: Path) -> list[str]:
    """Every paragraph of prose in the shared corpus, as plain text.

    The reference article, the paragraphs of the Office of the Historian's
    TEI articles, and the wikitext pages with their markup stripped
    (mwparserfromhell's strip_code), cut at blank lines.
    """
    import json
    import xml.etree.ElementTree as ElementTree

    import mwparserfromhell

    corpus = shared / "corpus"
    seed = (corpus / "seed" / "000_dbad62b18eba93af.txt").read_text(encoding="utf-8")
    paragraphs = [line for line in seed.splitlines() if line.strip()]
    tei = "{http://www.tei-c.org/ns/1.0}"
    for path in sorted((corpus / "historyatstate" / "rdcr" / "articles").glob("*.xml")):
        body = ElementTree.parse(path).getroot().find(f".//{tei}body")
        for element in body.iter(f"{tei}p") if body is not None else ():
            text = " ".join("".join(element.itertext()).split())
            if text:
                paragraphs.append(text)
    for path in sorted((corpus / "wikitext" / "foreign-relations").glob("*.json")):
        plain = mwparserfromhell.parse(json.loads(path.read_text(encoding="utf-8"))).strip_code()
        paragraphs.extend(p.strip() for p in plain.split("\n\n") if p.strip())
    return paragraphs


def _scores(found: set[tuple[int, int, str]], gold: set[tuple[int, int, str]]) -> str:
    """Precision and recall, exact (span and EDTF) and on spans alone."""

    def ratio(hits: int, total: int) -> float:
        return hits / total if total else 0.0

    spans, gold_spans = {f[:2] for f in found}, {g[:2] for g in gold}
    return (
        f"P {ratio(len(found & gold), len(found)):.3f} R {ratio(len(found & gold), len(gold)):.3f}"
        f" (spans only P {ratio(len(spans & gold_spans), len(spans)):.3f}"
        f" R {ratio(len(spans & gold_spans), len(gold_spans)):.3f})"
    )


_SIGNALS = re.compile(
    r"^(?:(?:in|on|of|at|by|and|from|to|since|until|during)\s+)+|"
    r"(?:[\s,.;]+(?:of|the|by|and|in|on|at|to|a|an))*[\s,.;]*$",
    re.IGNORECASE,
)


def _dateparser_spans(text: str, offset: int, trim: bool) -> set[tuple[int, int, str]]:
    """search_dates' strings located in ``text`` in order, with an EDTF value at the
    precision dateparser itself reports (its ``period``). With ``trim``, the
    prepositions and function words it takes in at either end ("in 1826", "on
    March 16, 1837 by the") are dropped, which is generous to it."""
    from dateparser.date import DateDataParser
    from dateparser.search import search_dates

    periods = {"year": 4, "month": 7}
    parser = DateDataParser(languages=["en"])
    spans: set[tuple[int, int, str]] = set()
    position = 0
    for string, moment in search_dates(text, languages=["en"]) or []:
        at = text.find(string, position)
        if at < 0:
            continue
        position = at + len(string)
        period = parser.get_date_data(string).period or "day"
        edtf = moment.date().isoformat()[: periods.get(period, 10)]
        start, end = at, position
        if trim:
            for cut in _SIGNALS.finditer(string):
                if cut.start() == 0 and cut.end():
                    start = at + cut.end()
                elif cut.end() == len(string) and cut.start() < len(string):
                    end = at + cut.start()
        spans.add((offset + start, offset + end, edtf))
    return spans


def bench_dates(shared: Path) -> None:
    """The date tagger against dateparser.search.search_dates: speed and seed-gold scores."""
    import json
    import random

    from dateparser.search import search_dates

    from bilateral.extract.dates import tag_dates
    from bilateral.extract.dates.component import prose_units
    from bilateral.kb import date_expressions

    paragraphs = _prose(shared)
    words = sum(_words(p) for p in paragraphs)
    tag_dates("warm up on 2 May 1826")
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        for paragraph in paragraphs:
            tag_dates(paragraph)
        best = min(best, time.perf_counter() - started)
    ours = words / best

    budget, spent, done = 60.0, 0.0, 0
    sample = paragraphs[:]
    random.Random(0).shuffle(sample)
    for paragraph in sample:
        started = time.perf_counter()
        search_dates(paragraph, languages=["en"])
        spent += time.perf_counter() - started
        done += _words(paragraph)
        if spent > budget:
            break
    theirs = done / spent
    share = f"all {words} words" if done == words else f"a sample of {done} words"

    seed = shared / "corpus" / "seed" / "000_dbad62b18eba93af.txt"
    gold_file = Path(__file__).resolve().parents[1] / "tests" / "gold" / "seed_dates.jsonl"
    gold = {
        (row["start"], row["end"], row["edtf"])
        for row in map(json.loads, gold_file.read_text(encoding="utf-8").splitlines())
    }
    found = {(s.start, s.end, s.edtf) for s in date_expressions(seed)}
    document = read_outline(seed.read_bytes(), str(seed))
    theirs_found: set[tuple[int, int, str]] = set()
    theirs_trimmed: set[tuple[int, int, str]] = set()
    for unit in prose_units(document):
        text = document.plain[unit.start : unit.end]
        theirs_found |= _dateparser_spans(text, unit.start, trim=False)
        theirs_trimmed |= _dateparser_spans(text, unit.start, trim=True)
    print(
        f"dates, bilateral:     {ours:10.0f} words/s  ({words} words of corpus prose, best of 3)"
        f"  seed gold {_scores(found, gold)}"
    )
    print(
        f"dates, dateparser:    {theirs:10.0f} words/s  ({share}, languages=['en'])"
        f"  seed gold {_scores(theirs_found, gold)}; prepositions trimmed"
        f" {_scores(theirs_trimmed, gold)}"
    )
    print(f"dates, speed-up:      {ours / theirs:10.1f}x")


BENCHMARKS: tuple[Callable[[Path], None], ...] = (
    bench_outline_extract,
    bench_ingest_sqlite,
    bench_dates,
    bench_corpus_ingest,
    bench_rdcr_events,
    bench_web,
    bench_wikitext,
    bench_scale,
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    args = parser.parse_args()
    for benchmark in BENCHMARKS:
        benchmark(args.shared)


if __name__ == "__main__":
    main()
