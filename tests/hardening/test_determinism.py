"""Same inputs, same knowledge base: the JSONL export is byte-identical across runs
and, where ``bilateral ingest --workers`` exists, across worker counts."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.hardening.conftest import FIGURES, Reference
from tests.hardening.helpers import export, run


def has_workers_option() -> bool:
    shown = run("ingest", "--help")
    return "--workers" in shown.output


def test_a_second_run_exports_the_same_bytes(tmp_path: Path, reference: Reference) -> None:
    db = tmp_path / "second.sqlite"
    done = run("ingest", str(reference.corpus), "--db", str(db))
    assert done.exit_code == 0, done.output
    assert export(db) == reference.export
    FIGURES["determinism across runs"] = f"2 runs, {len(reference.export):,} bytes identical"


@pytest.mark.parametrize("workers", [2])
def test_the_export_does_not_depend_on_the_number_of_workers(
    tmp_path: Path, reference: Reference, workers: int
) -> None:
    if not has_workers_option():
        pytest.skip("bilateral ingest has no --workers option yet")
    db = tmp_path / f"workers-{workers}.sqlite"
    done = run("ingest", str(reference.corpus), "--workers", str(workers), "--db", str(db))
    assert done.exit_code == 0, done.output
    assert export(db) == reference.export
    FIGURES["determinism across workers"] = f"1 and {workers} workers: identical exports"
