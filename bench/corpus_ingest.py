"""End-to-end ingest throughput over the whole prose corpus of the shared folder.

The reference article, the 106 "Foreign relations of X" wikitext pages and
the RDCR articles' paragraphs (as outline articles, their headings left out)
are ingested into a fresh SQLite file: read, extract, store. Prints
documents/s and words/s (words of the text the extractors read).

Run: python -m bench.corpus_ingest --shared ../shared
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from bilateral.kb import KnowledgeBase
from bilateral.model.authority import RecognitionEvent
from bilateral.model.countries import default_registry
from bilateral.readers.rdcr import open_rdcr
from bilateral.readers.registry import discover, read_documents


def _rdcr_articles(shared: Path, folder: Path) -> list[Path]:
    """The RDCR articles' paragraphs written out as outline articles."""
    registry = default_registry()
    reader = open_rdcr(shared / "corpus" / "historyatstate" / "rdcr", registry)
    written: list[Path] = []
    for path in reader.files():
        records = [r for r in reader.read(path).records if isinstance(r, RecognitionEvent)]
        paragraphs = [" ".join(r.text.split()) for r in records if r.text.strip()]
        if not paragraphs:
            continue
        title = f"{registry.name(records[0].country)}–United States relations"
        target = folder / f"rdcr-{path.stem}.txt"
        target.write_text(f"= {title} =\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
        written.append(target)
    return written


def bench_corpus_ingest(shared: Path) -> None:
    corpus = shared / "corpus"
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        inputs = [corpus / "seed", corpus / "wikitext" / "foreign-relations"]
        inputs += _rdcr_articles(shared, root)
        words = sum(
            len(document.plain.split())
            for path in discover(inputs)
            for document in read_documents(path)
        )
        with KnowledgeBase(str(root / "bench.sqlite")) as kb:
            kb.pipeline.run(next(read_documents(corpus / "seed" / "000_dbad62b18eba93af.txt")))
            started = time.perf_counter()
            report = kb.ingest(inputs)
            elapsed = time.perf_counter() - started
    documents = report.count("added")
    print(
        f"corpus ingest (SQLite): {documents} documents, {words} words in {elapsed:.1f} s: "
        f"{documents / elapsed:.1f} documents/s, {words / elapsed:,.0f} words/s; "
        f"{sum(report.facts.values())} facts, {report.count('failed')} failed"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    bench_corpus_ingest(parser.parse_args().shared)


if __name__ == "__main__":
    main()
