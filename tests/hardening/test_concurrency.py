"""Readers keep getting consistent answers while an ingest runs in another process,
and two ingests of the same folder at once end where one ends.

A consistent answer is what the finished knowledge base holds, restricted to the
documents already stored, each of them whole: the export of a moment is the
reference export with some documents' lines left out, never a document in part.
"""

from __future__ import annotations

import json
import subprocess
import time
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

from bilateral.kb import KnowledgeBase
from bilateral.web import WebSettings, create_app
from tests.hardening.conftest import FIGURES, Reference
from tests.hardening.helpers import (
    cli_environment,
    consistency_problems,
    export,
    ingest_command,
    run,
)

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message="Using `httpx` with", category=Warning)
    from fastapi.testclient import TestClient

DYAD = ("CL", "JP")  # written about in four documents of the corpus, in three formats


def lines_of(data: bytes) -> list[bytes]:
    return [line for line in data.split(b"\n") if line]


def consistent(answer: bytes, reference: bytes) -> bool:
    """Whether ``answer`` is ``reference`` restricted to whole documents."""
    lines = lines_of(answer)
    sources = {json.loads(line)["source"] for line in lines}
    expected = [line for line in lines_of(reference) if json.loads(line)["source"] in sources]
    return lines == expected


def dyad_lines(data: bytes) -> bytes:
    kept = [line for line in lines_of(data) if tuple(json.loads(line).get("dyad") or ()) == DYAD]
    return b"".join(line + b"\n" for line in kept)


@pytest.fixture(params=["sqlite"])
def fresh_database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A path or URL of an empty database of the backend under test.

    Only SQLite for now; a PostgreSQL parameter (a fresh schema on the test
    server) slots in here once that backend lands. The consistency checks of
    the SQLite file itself are skipped for other backends.
    """
    yield str(tmp_path / f"concurrent.{request.param}")


def start_ingest(corpus: Path, db: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        ingest_command(corpus, Path(db)) if "://" not in db else [],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env=cli_environment(),
    )


def test_readers_get_consistent_answers_while_an_ingest_runs(
    tmp_path: Path, reference: Reference
) -> None:
    db = tmp_path / "live.sqlite"
    KnowledgeBase(str(db)).close()  # the schema exists before the readers start
    writer = start_ingest(reference.corpus, str(db))
    answers = {"cli export": 0, "cli show": 0, "http profile": 0, "http export": 0}
    states: set[int] = set()
    with KnowledgeBase(str(db)) as kb:
        client = TestClient(create_app(kb, WebSettings()), raise_server_exceptions=True)
        deadline = time.monotonic() + 600
        while writer.poll() is None and time.monotonic() < deadline:
            data = export(db)
            assert consistent(data, reference.export), "CLI export caught a document in part"
            states.add(len(lines_of(data)))
            answers["cli export"] += 1

            shown = run("show", *DYAD, "--db", str(db))
            assert shown.exception is None or isinstance(shown.exception, SystemExit)
            assert "Traceback" not in shown.output
            answers["cli show"] += 1

            profile = client.get(f"/api/dyads/{DYAD[0]}/{DYAD[1]}")
            assert profile.status_code in (200, 404), profile.text
            answers["http profile"] += 1

            exported = client.get(f"/api/dyads/{DYAD[0]}/{DYAD[1]}/export.jsonl")
            assert exported.status_code in (200, 404), exported.text
            if exported.status_code == 200:
                expected = dyad_lines(reference.export)
                assert consistent(exported.content, expected), "HTTP export caught a part"
            answers["http export"] += 1
    output = writer.communicate(timeout=60)[0].decode()
    assert writer.returncode == 0, output
    assert export(db) == reference.export
    assert consistency_problems(db) == []
    held = sum(answers.values())
    assert held >= 4, f"the ingest ended before the readers could ask: {answers}"
    FIGURES["readers during an ingest"] = (
        f"{held} consistent answers while one ingest ran "
        f"({', '.join(f'{n} {what}' for what, n in answers.items())}; "
        f"{len(states)} distinct states seen)"
    )


def test_two_ingests_of_the_same_folder_at_once_end_as_one(
    fresh_database: str, reference: Reference
) -> None:
    first = start_ingest(reference.corpus, fresh_database)
    second = start_ingest(reference.corpus, fresh_database)
    outputs = [p.communicate(timeout=600)[0].decode() for p in (first, second)]
    assert [first.returncode, second.returncode] == [0, 0], outputs
    assert export(Path(fresh_database)) == reference.export
    if "://" not in fresh_database:
        assert consistency_problems(Path(fresh_database)) == []
    again = run("ingest", str(reference.corpus), "--db", fresh_database)
    assert again.exit_code == 0, again.output
    assert "unchanged" in again.output.lower() or "0 added" in again.output.lower()
    FIGURES["two ingests at once"] = "both exited 0; export byte-identical to one ingest"
