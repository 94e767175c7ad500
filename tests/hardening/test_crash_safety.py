"""An ingest killed with SIGKILL at any moment leaves a consistent database, and
running it again ends exactly where an uninterrupted run ends.

The number of rounds is ``BILATERAL_CRASH_ROUNDS`` (2 in the normal suite,
more under ``make fuzz``); the kill points are random, from a seed printed
with the figures (``BILATERAL_CRASH_SEED`` repeats a run).
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
from pathlib import Path

from tests.hardening.conftest import FIGURES, Reference
from tests.hardening.helpers import (
    cli_environment,
    consistency_problems,
    document_rows,
    export,
    ingest_command,
    run,
)

ROUNDS = int(os.environ.get("BILATERAL_CRASH_ROUNDS", "2"))


def kill_after(command: list[str], seconds: float) -> bool:
    """Run ``command``, SIGKILL it (and its process group) after ``seconds``;
    True when it was killed, False when it had finished."""
    process = subprocess.Popen(
        command,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=cli_environment(),
        start_new_session=True,
    )
    try:
        process.wait(timeout=seconds)
        return False
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
        return True


def test_sigkill_at_random_points_leaves_the_database_consistent_and_a_rerun_completes(
    tmp_path: Path, reference: Reference
) -> None:
    seed = int(os.environ.get("BILATERAL_CRASH_SEED", random.randrange(1_000_000)))
    rng = random.Random(seed)
    db = tmp_path / "crashed.sqlite"
    killed = 0
    for round_ in range(ROUNDS):
        # From the start (opening the database, migrating) to the end of a full run.
        delay = rng.uniform(0.2, 1.1) * reference.seconds
        killed += kill_after(ingest_command(reference.corpus, db), delay)
        if not db.exists():
            continue
        problems = consistency_problems(db)
        assert problems == [], f"round {round_ + 1} (seed {seed}, kill at {delay:.1f} s)"
        stored = document_rows(db)
        partial = {d: n for d, n in stored.items() if reference.rows.get(d) != n}
        assert partial == {}, f"documents stored in part or unlike the reference: {partial}"
    rerun = run("ingest", str(reference.corpus), "--db", str(db))
    assert rerun.exit_code == 0, rerun.output
    assert consistency_problems(db) == []
    assert export(db) == reference.export
    facts = reference.export.count(b"\n")
    FIGURES["crash safety"] = (
        f"{ROUNDS} SIGKILL rounds survived ({killed} killed mid-run, seed {seed}); "
        f"rerun export byte-identical ({len(reference.export):,} bytes, "
        f"{facts} facts, {len(reference.rows)} documents)"
    )
