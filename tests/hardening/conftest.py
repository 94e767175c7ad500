"""Fixtures of the hardening tests, and the figures they measured, printed at the end."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.hardening.helpers import cli, document_rows, export, write_corpus

# name -> what was measured ("rounds survived: 4 of 4"), printed after the run.
FIGURES: dict[str, str] = {}


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if FIGURES:
        terminalreporter.section("hardening figures")
        for name, figure in FIGURES.items():
            terminalreporter.write_line(f"{name}: {figure}")


@dataclass(frozen=True)
class Reference:
    """One uninterrupted CLI ingest of the mixed corpus: what every other run must equal."""

    corpus: Path
    db: Path
    export: bytes
    rows: dict[str, tuple[int, int, int]]
    seconds: float


@pytest.fixture(scope="session")
def reference(tmp_path_factory: pytest.TempPathFactory) -> Reference:
    folder = tmp_path_factory.mktemp("hardening")
    corpus = write_corpus(folder / "corpus")
    db = folder / "reference.sqlite"
    started = time.monotonic()
    done = cli("ingest", str(corpus), db=db)
    seconds = time.monotonic() - started
    assert done.returncode == 0, done.stdout + done.stderr
    data = export(db)
    assert data.count(b"\n") > 50
    return Reference(corpus, db, data, document_rows(db), seconds)
