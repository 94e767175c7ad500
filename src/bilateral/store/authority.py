"""Authority records in the store: replaced per dataset file, queried by country or name.

Records are grouped by the dataset file they came from (its path inside the
dataset, e.g. ``missions-countries/peru.xml``). Storing a file's records
replaces what that file held before, in one transaction; when the records are
exactly those already stored (same digest) nothing is written at all, so
re-importing the same data changes nothing.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from datetime import UTC, datetime

from sqlalchemy import Connection, case, delete, func, select

from bilateral.model.authority import AuthorityRecord, authority_from_record, authority_record
from bilateral.model.names import fold
from bilateral.store import schema

_CHUNK = 500


def digest(records: Sequence[AuthorityRecord]) -> str:
    """A fingerprint of a file's records, to tell whether anything changed."""
    rows = [authority_record(r) for r in records]
    data = json.dumps(rows, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(data.encode()).hexdigest()


def replace_file(
    connection: Connection,
    dataset: str,
    source_file: str,
    source_path: str,
    records: Sequence[AuthorityRecord],
) -> str:
    """Store a file's records in place of its earlier ones: "added", "replaced" or
    "unchanged". Records elsewhere with the same ids are replaced too (a file moved)."""
    files, table = schema.authority_files, schema.authority_records
    fingerprint = digest(records)
    before = connection.execute(
        select(files.c.digest).where(files.c.dataset == dataset, files.c.source_file == source_file)
    ).scalar_one_or_none()
    if before == fingerprint:
        return "unchanged"
    connection.execute(
        delete(table).where(table.c.dataset == dataset, table.c.source_file == source_file)
    )
    ids = [r.id for r in records]
    for start in range(0, len(ids), _CHUNK):
        connection.execute(delete(table).where(table.c.id.in_(ids[start : start + _CHUNK])))
    if records:
        connection.execute(table.insert(), [_row(r, seq) for seq, r in enumerate(records)])
    connection.execute(
        delete(files).where(files.c.dataset == dataset, files.c.source_file == source_file)
    )
    connection.execute(
        files.insert().values(
            dataset=dataset,
            source_file=source_file,
            source_path=source_path,
            digest=fingerprint,
            records=len(records),
            imported_at=datetime.now(UTC).isoformat(timespec="seconds"),
        )
    )
    return "replaced" if before is not None else "added"


def _row(record: AuthorityRecord, seq: int) -> dict[str, object]:
    start, end = record.span()
    names = [fold(name) for name in record.persons() if name]
    return {
        "id": record.id,
        "dataset": record.dataset,
        "source_file": record.source_file,
        "seq": seq,
        "country": record.country,
        "start": start,
        "end": end,
        "persons": f"| {' | '.join(names)} |" if names else None,
        "record": json.dumps(authority_record(record), ensure_ascii=False),
    }


def select_records(
    connection: Connection,
    dataset: str | None = None,
    country: str | None = None,
    person: str | None = None,
) -> list[AuthorityRecord]:
    """Records by dataset, country and/or a person's name, in date order.

    Names match ignoring case and accents when every word of ``person`` is a
    word of one of the record's names ("Cooley", "james cooley", "J. Cooley").
    """
    table = schema.authority_records
    query = select(table.c.record).order_by(
        table.c.dataset,
        case((table.c.start.is_(None), 1), else_=0),
        table.c.start,
        table.c.source_file,
        table.c.seq,
    )
    if dataset is not None:
        query = query.where(table.c.dataset == dataset)
    if country is not None:
        query = query.where(table.c.country == country)
    if person is not None:
        for word in fold(person).split():
            query = query.where(table.c.persons.contains(word, autoescape=True))
    records = [authority_from_record(json.loads(r)) for r in connection.execute(query).scalars()]
    if person is not None:
        words = fold(person).split()
        records = [r for r in records if _names_match(r, words)]
    return records


def _names_match(record: AuthorityRecord, words: list[str]) -> bool:
    """Every word names a word of one of the record's names; an initial ("j")
    matches any word it starts."""
    for name in record.persons():
        parts = fold(name).split()
        if all(any(p == w or (len(w) == 1 and p.startswith(w)) for p in parts) for w in words):
            return True
    return False


def count_records(connection: Connection) -> dict[str, int]:
    """Records per dataset."""
    table = schema.authority_records
    query = select(table.c.dataset, func.count()).group_by(table.c.dataset)
    return {dataset: n for dataset, n in connection.execute(query)}
