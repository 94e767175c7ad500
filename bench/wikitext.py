"""Wikitext throughput over the shared "Foreign relations of X" pages, and the memory
of streaming a large dump.

Three numbers, each also per CPU second (on a busy machine wall-clock rates
say more about the neighbours than about the code):

- reading the whole folder (106 JSON pages): pages/s and MB/s of the reader alone;
- ingesting it into a fresh SQLite file (read, extract, store): pages/s and MB/s;
- streaming a synthetic MediaWiki XML dump of at least 500 MB, built in a
  temporary folder from the same pages under new titles (never kept): its
  MB/s and the peak resident memory of the process that streams it, beside
  that of a process that only imports the package. The stream keeps the
  pages of one state's copies (a --titles filter), so every page of the
  dump is streamed and every kept page is parsed, in bounded memory.

Run: python -m bench.wikitext --shared ../shared [--dump-mb 500]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from xml.sax.saxutils import escape

from bilateral.kb import KnowledgeBase
from bilateral.readers.registry import read_documents

MB = 1024 * 1024
_HEADER = (
    '<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.10/" version="0.10" '
    'xml:lang="en">\n  <siteinfo>\n    <sitename>Bench</sitename>\n'
    "    <dbname>bench</dbname>\n    <case>first-letter</case>\n"
    '    <namespaces><namespace key="0" case="first-letter" /></namespaces>\n'
    "  </siteinfo>\n"
)
_PAGE = (
    "  <page>\n    <title>{title}</title>\n    <ns>0</ns>\n    <id>{id}</id>\n"
    "    <revision>\n      <id>{id}</id>\n      <timestamp>2024-01-01T00:00:00Z</timestamp>\n"
    "      <model>wikitext</model>\n      <format>text/x-wiki</format>\n"
    '      <text bytes="{size}" xml:space="preserve">{text}</text>\n'
    "    </revision>\n  </page>\n"
)
_STREAM = """
import json, resource, sys, time
from pathlib import Path
from bilateral.readers.registry import read_documents
started, cpu = time.perf_counter(), time.process_time()
kept = sum(1 for _ in read_documents(Path(sys.argv[1]), titles=[sys.argv[2]]))
elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"kept": kept, "seconds": elapsed, "cpu": cpu, "peak_mib": peak}))
"""
_IDLE = """
import json, resource
import bilateral.readers.registry
print(json.dumps({"peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def _pages(shared: Path) -> list[Path]:
    return sorted((shared / "corpus" / "wikitext" / "foreign-relations").glob("*.json"))


def _folder(shared: Path) -> None:
    pages = _pages(shared)
    size = sum(p.stat().st_size for p in pages) / MB
    started, cpu = time.perf_counter(), time.process_time()
    read = sum(1 for page in pages for _ in read_documents(page))
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    print(
        f"wikitext read:        {read / elapsed:8.2f} pages/s  {size / elapsed:6.2f} MB/s"
        f"  ({read} pages, {size:.1f} MB of JSON, reader only; per CPU second"
        f" {read / cpu:.2f} pages/s, {size / cpu:.2f} MB/s)"
    )
    with (
        tempfile.TemporaryDirectory() as folder,
        KnowledgeBase(str(Path(folder) / "bench.sqlite")) as kb,
    ):
        kb.pipeline.run(next(read_documents(pages[0])))  # load lexicons and gazetteer
        started, cpu = time.perf_counter(), time.process_time()
        report = kb.ingest([pages[0].parent])
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    added = report.count("added")
    print(
        f"wikitext ingest:      {added / elapsed:8.2f} pages/s  {size / elapsed:6.2f} MB/s"
        f"  ({added} pages read, extracted and stored in SQLite in {elapsed:.0f} s,"
        f" {sum(report.facts.values())} facts, {report.count('failed')} failed; per CPU"
        f" second {added / cpu:.2f} pages/s, {size / cpu:.2f} MB/s)"
    )


def write_dump(shared: Path, target: Path, megabytes: int) -> int:
    """A MediaWiki export of the shared pages, copied under new titles until it holds
    ``megabytes``; returns the number of pages written."""
    sources = [(p.stem, escape(json.loads(p.read_text(encoding="utf-8")))) for p in _pages(shared)]
    written = 0
    with target.open("w", encoding="utf-8") as out:
        out.write(_HEADER)
        copy = 0
        while out.tell() < megabytes * MB:
            for stem, text in sources:
                written += 1
                title = escape(f"{stem} (copy {copy})")
                out.write(_PAGE.format(title=title, id=written, size=len(text), text=text))
            copy += 1
        out.write("</mediawiki>\n")
    return written


def _dump(shared: Path, megabytes: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        dump = Path(folder) / "synthetic-dump.xml"
        pages = write_dump(shared, dump, megabytes)
        size = dump.stat().st_size / MB
        pattern = "foreign relations of peru (copy *)"
        command = [sys.executable, "-c", _STREAM, str(dump), pattern]
        streamed = json.loads(subprocess.run(command, capture_output=True, check=True).stdout)
        idle = json.loads(
            subprocess.run([sys.executable, "-c", _IDLE], capture_output=True, check=True).stdout
        )
    seconds, cpu = streamed["seconds"], streamed["cpu"]
    print(
        f"wikitext dump stream: {pages / seconds:8.1f} pages/s  {size / seconds:6.2f} MB/s"
        f"  ({size:.0f} MB synthetic dump, {pages} pages streamed, {streamed['kept']} kept"
        f" and parsed; per CPU second {size / cpu:.2f} MB/s); peak RSS"
        f" {streamed['peak_mib']:.0f} MiB (a process that only imports the reader:"
        f" {idle['peak_mib']:.0f} MiB)"
    )


def bench_wikitext(shared: Path, dump_mb: int = 500) -> None:
    """The folder read and ingested, and a synthetic dump streamed (see module doc)."""
    _folder(shared)
    _dump(shared, dump_mb)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--dump-mb", type=int, default=500)
    args = parser.parse_args()
    bench_wikitext(args.shared, args.dump_mb)


if __name__ == "__main__":
    main()
