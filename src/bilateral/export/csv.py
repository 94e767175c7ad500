"""CSV export: one file per fact kind (``envoy.csv``, ``event.csv`` …) in a folder.

Columns are those of `tables` (documented in the README); the header is
always written, so an empty kind is an empty table, not a missing file.
Rows are written as they are read, one kind after another, so exporting a
whole knowledge base holds one record at a time.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from bilateral.export.tables import columns, csv_value, row

Records = Callable[[str], Iterable[dict[str, Any]]]


def write_csv(records: Records, kinds: Sequence[str], folder: Path) -> dict[str, int]:
    """Write ``<kind>.csv`` for each kind into ``folder`` (created); rows per kind."""
    folder.mkdir(parents=True, exist_ok=True)
    written: dict[str, int] = {}
    for kind in kinds:
        table = columns(kind)
        with (folder / f"{kind}.csv").open("w", encoding="utf-8", newline="") as out:
            writer = csv.writer(out)
            writer.writerow([c.name for c in table])
            count = 0
            for record in records(kind):
                values = row(record)
                writer.writerow([csv_value(values[c.name], c.type) for c in table])
                count += 1
        written[kind] = count
    return written
