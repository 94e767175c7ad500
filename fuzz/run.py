"""Coverage-guided fuzzing of every reader with atheris, for a bounded time.

    python fuzz/run.py [--seconds-per-target N] [--only NAME ...] [--big]

Each target (outline, wikitext, JSON-wrapped wikitext, XML dumps plain and
bz2, the POCOM, RDCR, visits and travels importers) runs in its own child
process for N seconds, seeded with small valid inputs of its format; a crash
(an exception other than a clean per-file refusal, a broken span invariant)
stops the run with the input saved under ``var/fuzz/crashes/``. With --big
the 50 MB inputs run too (single-line paragraphs in each format, a 50 MB
dump page, an authority file over the limit), each timed. The figures are
printed at the end. Where atheris cannot be imported, the same targets run
under hypothesis for the same time instead, and the run says so.
"""

from __future__ import annotations

import argparse
import bz2
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

OUT = ROOT / "var" / "fuzz"


def seeds(name: str, targets: object) -> list[bytes]:
    from tests.conftest import ARTICLE
    from tests.hardening.helpers import DUMP_HEADER, dump_page, wikitext_article
    from tests.hardening.targets import AUTHORITY_FILES

    wiki = wikitext_article("Chile", "Japan", 1)
    dump = (DUMP_HEADER + dump_page("Chile–Japan relations", wiki, 1) + "</mediawiki>\n").encode()
    found = {
        "outline": [ARTICLE.encode()],
        "wikitext": [wiki.encode(), b"{{a|{{b|[[c]]}}}}\n{|\n|x||y\n|}\n<ref>r</ref>"],
        "wikitext-json": [json.dumps(wiki).encode()],
        "dump": [dump],
        "dump-bz2": [bz2.compress(dump)],
    }
    if name in found:
        return found[name]
    folder: Path = targets.authority  # type: ignore[attr-defined]
    return [(folder / AUTHORITY_FILES[name]).read_bytes()]


def child(name: str, seconds: int, work: Path) -> int:
    """Run one target under atheris (or hypothesis) in this process; 0 when nothing failed."""
    try:
        import atheris
    except ImportError:
        atheris = None
    if atheris is not None:
        # Coverage feedback from our readers and the parsers they call, nothing else.
        with atheris.instrument_imports(include=["bilateral.readers", "mwparserfromhell", "mwxml"]):
            from tests.hardening.targets import Targets
    else:
        from tests.hardening.targets import Targets

    targets = Targets(work)
    target = targets.all()[name]
    corpus = work / f"corpus-{name}"
    corpus.mkdir(parents=True, exist_ok=True)
    for i, data in enumerate(seeds(name, targets)):
        (corpus / f"seed-{i}").write_bytes(data)
    crashes = OUT / "crashes"
    crashes.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    if atheris is None:
        return hypothesis_child(name, target, seconds, started)

    def one(data: bytes) -> None:
        target(data)

    argv = [
        sys.argv[0],
        str(corpus),
        f"-max_total_time={seconds}",
        "-max_len=65536",
        "-timeout=60",
        "-rss_limit_mb=4096",
        f"-artifact_prefix={crashes}/{name}-",
        "-print_final_stats=1",
    ]
    atheris.Setup(argv, one)
    atheris.Fuzz()
    return 0


def hypothesis_child(name: str, target: object, seconds: int, started: float) -> int:
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    runs = 0

    @settings(
        max_examples=10**9, deadline=None, database=None, suppress_health_check=list(HealthCheck)
    )
    @given(data=st.binary(max_size=65536))
    def check(data: bytes) -> None:
        nonlocal runs
        if time.monotonic() - started > seconds:
            return
        runs += 1
        target(data)  # type: ignore[operator]

    try:
        check()
    except Exception:
        raise
    print(f"#{runs} DONE (hypothesis) stat::number_of_executed_units: {runs}")
    return 0


def big(work: Path) -> list[str]:
    """The 50 MB inputs: read each, time it, and check the refusal or the document."""
    from tests.hardening.helpers import DUMP_HEADER
    from tests.hardening.targets import Targets

    from bilateral.errors import InputError

    targets = Targets(work)
    lines = []
    size = 50 * 1000 * 1000
    paragraph = ("Chile and Japan signed a treaty in 1897 and " * (size // 44 + 1))[:size]
    cases = {
        "outline": paragraph.encode(),
        "wikitext": paragraph.encode(),
        "wikitext-json": json.dumps(paragraph).encode(),
        "dump": (
            DUMP_HEADER
            + "<page><title>Big</title><ns>0</ns><id>1</id><revision><id>1</id><text>"
            + paragraph
            + "</text></revision></page></mediawiki>"
        ).encode(),
        "visits": b"<visits>" + b"<visit><id>v</id></visit>" * (size // 25) + b"</visits>",
    }
    for name, data in cases.items():
        started = time.monotonic()
        try:
            targets.all()[name](data)
            outcome = "read or refused cleanly"
        except InputError as error:  # pragma: no cover - targets handle these
            outcome = f"refused: {error}"
        lines.append(f"{name}: {len(data):,} bytes single-line, {outcome}, "
                     f"{time.monotonic() - started:.1f} s")  # fmt: skip
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds-per-target", type=int, default=60)
    parser.add_argument("--only", action="append", default=[])
    parser.add_argument("--big", action="store_true")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--work", help=argparse.SUPPRESS)
    args, _ = parser.parse_known_args()
    if args.child:
        return child(args.child, args.seconds_per_target, Path(args.work))

    from tests.hardening.targets import ARTICLE_FILES, AUTHORITY_FILES

    names = args.only or [*ARTICLE_FILES, *AUTHORITY_FILES]
    try:
        import atheris  # noqa: F401

        engine = "atheris (coverage-guided, libFuzzer)"
    except ImportError:
        engine = "hypothesis (atheris is not installed for this Python)"
    OUT.mkdir(parents=True, exist_ok=True)
    report: list[str] = [f"engine: {engine}"]
    failed = False
    with tempfile.TemporaryDirectory() as scratch:
        for name in names:
            started = time.monotonic()
            log = OUT / f"{name}.log"
            with log.open("w") as out:
                done = subprocess.run(
                    [sys.executable, __file__, "--child", name, "--work", scratch,
                     "--seconds-per-target", str(args.seconds_per_target)],
                    stdout=out, stderr=subprocess.STDOUT, check=False, cwd=ROOT,
                    env=dict(os.environ, PYTHONHASHSEED="0"),
                )  # fmt: skip
            elapsed = time.monotonic() - started
            text = log.read_text(errors="replace")
            runs = _executions(text)
            status = "ok" if done.returncode == 0 else f"FAILED (exit {done.returncode}, see {log})"
            failed |= done.returncode != 0
            report.append(f"{name}: {runs:,} inputs in {elapsed:.0f} s, {status}")
        if args.big:
            report.extend(big(Path(scratch)))
    print("\n".join(report))
    (OUT / "figures.txt").write_text("\n".join(report) + "\n")
    return 1 if failed else 0


def _executions(log: str) -> int:
    for line in reversed(log.splitlines()):
        if "number_of_executed_units:" in line:
            return int(line.rsplit(":", 1)[1].strip())
        if line.startswith("#") and " DONE " in line:
            return int(line[1:].split()[0])
    return 0


if __name__ == "__main__":
    sys.exit(main())
