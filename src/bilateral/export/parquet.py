"""Parquet export: one file per fact kind (``envoy.parquet`` …) in a folder, with pyarrow.

The columns are those of `tables`, typed: strings, doubles, 64-bit integers,
booleans, lists of strings, and evidence as a list of (start, end, text)
structs. Rows are buffered a row group at a time and written as they fill,
so memory holds at most one row group per file, whatever the size of the
knowledge base.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from bilateral.export.tables import Column, columns, row

Records = Callable[[str], Iterable[dict[str, Any]]]

ROW_GROUP = 5000

_SPAN = pa.struct([("start", pa.int64()), ("end", pa.int64()), ("text", pa.string())])
_TYPES: dict[str, pa.DataType] = {
    "string": pa.string(),
    "float": pa.float64(),
    "integer": pa.int64(),
    "boolean": pa.bool_(),
    "strings": pa.list_(pa.string()),
    "spans": pa.list_(_SPAN),
}


def schema(kind: str) -> pa.Schema:
    """The Arrow schema of a kind's table."""
    return pa.schema([_field(c) for c in columns(kind)])


def _field(column: Column) -> pa.Field[Any]:
    return pa.field(column.name, _TYPES[column.type], metadata={"meaning": column.meaning})


def write_parquet(records: Records, kinds: Sequence[str], folder: Path) -> dict[str, int]:
    """Write ``<kind>.parquet`` for each kind into ``folder`` (created); rows per kind."""
    folder.mkdir(parents=True, exist_ok=True)
    written: dict[str, int] = {}
    for kind in kinds:
        table_schema = schema(kind)
        count = 0
        with pq.ParquetWriter(folder / f"{kind}.parquet", table_schema) as writer:
            batch: list[dict[str, Any]] = []
            for record in records(kind):
                batch.append(row(record))
                count += 1
                if len(batch) == ROW_GROUP:
                    writer.write_table(pa.Table.from_pylist(batch, schema=table_schema))
                    batch = []
            if batch or not count:
                writer.write_table(pa.Table.from_pylist(batch, schema=table_schema))
        written[kind] = count
    return written
