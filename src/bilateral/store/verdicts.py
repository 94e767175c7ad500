"""Verdicts in the store: one run per dyad, replaced whole when its inputs change.

Verdicts arrive as JSON-ready dicts (the store does not know the reconcile
layer's types) with at least ``claim_id``, ``verdict`` and ``record_ids``.
Replacing a dyad's verdicts with the same fingerprint writes nothing, so
re-checking an unchanged dyad is free and idempotent.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, delete, select

from bilateral.store import schema


@dataclass(frozen=True)
class StoredVerdicts:
    """A dyad's stored verdicts with the fingerprint of the inputs they came from."""

    a: str
    b: str
    fingerprint: str
    unchecked: int
    note: str | None
    checked_at: str
    verdicts: tuple[dict[str, Any], ...]


def replace(
    connection: Connection,
    dyad: tuple[str, str],
    fingerprint: str,
    verdicts: Sequence[dict[str, Any]],
    unchecked: int = 0,
    note: str | None = None,
) -> bool:
    """Store a dyad's verdicts in place of its earlier ones; False when the stored
    fingerprint is the same (nothing written)."""
    a, b = sorted(dyad)
    runs, rows = schema.verdict_runs, schema.verdicts
    before = connection.execute(
        select(runs.c.fingerprint).where(runs.c.dyad_a == a, runs.c.dyad_b == b)
    ).scalar_one_or_none()
    if before == fingerprint:
        return False
    connection.execute(delete(rows).where(rows.c.dyad_a == a, rows.c.dyad_b == b))
    connection.execute(delete(runs).where(runs.c.dyad_a == a, runs.c.dyad_b == b))
    connection.execute(
        runs.insert().values(
            dyad_a=a,
            dyad_b=b,
            fingerprint=fingerprint,
            unchecked=unchecked,
            note=note,
            checked_at=datetime.now(UTC).isoformat(timespec="seconds"),
        )
    )
    unique = {v["claim_id"]: v for v in verdicts}
    if unique:
        connection.execute(
            rows.insert(),
            [
                {
                    "dyad_a": a,
                    "dyad_b": b,
                    "claim_id": claim_id,
                    "seq": seq,
                    "verdict": v["verdict"],
                    "record_ids": " ".join(v.get("record_ids", ())),
                    "record": json.dumps(v, ensure_ascii=False),
                }
                for seq, (claim_id, v) in enumerate(unique.items())
            ],
        )
    return True


def select_verdicts(connection: Connection, dyad: tuple[str, str]) -> StoredVerdicts | None:
    """A dyad's stored verdicts in the order they were stored, or None if never checked."""
    a, b = sorted(dyad)
    runs, rows = schema.verdict_runs, schema.verdicts
    run = connection.execute(
        select(runs.c.fingerprint, runs.c.unchecked, runs.c.note, runs.c.checked_at).where(
            runs.c.dyad_a == a, runs.c.dyad_b == b
        )
    ).first()
    if run is None:
        return None
    records = connection.execute(
        select(rows.c.record).where(rows.c.dyad_a == a, rows.c.dyad_b == b).order_by(rows.c.seq)
    ).scalars()
    return StoredVerdicts(
        a, b, run[0], run[1], run[2], run[3], tuple(json.loads(r) for r in records)
    )


def checked_dyads(connection: Connection) -> list[tuple[str, str]]:
    """Every dyad that has stored verdicts (to refresh when the inputs change)."""
    runs = schema.verdict_runs
    query = select(runs.c.dyad_a, runs.c.dyad_b).order_by(runs.c.dyad_a, runs.c.dyad_b)
    return [(a, b) for a, b in connection.execute(query)]
