"""CSV and Parquet: one table per fact kind, with the documented columns, the same
values as the JSON Lines records, written as they are read."""

import csv
import dataclasses
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from bilateral.export import parquet as parquet_export
from bilateral.export.tables import COMMON, KINDS, columns
from bilateral.kb import KnowledgeBase
from bilateral.model import facts as model

README = Path(__file__).resolve().parents[2] / "README.md"


@pytest.fixture
def filled(kb: KnowledgeBase, article_file: Path) -> KnowledgeBase:
    kb.ingest([article_file])
    return kb


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_every_kind_gets_a_csv_table_with_its_columns(
    filled: KnowledgeBase, tmp_path: Path
) -> None:
    counts = filled.export("csv", tmp_path / "out")
    for kind in model.KINDS:
        with (tmp_path / "out" / f"{kind}.csv").open(encoding="utf-8") as handle:
            header = next(csv.reader(handle))
        assert header == [c.name for c in columns(kind)]
    assert counts.total == sum(counts.per_kind.values()) == 7


def test_csv_rows_hold_the_values_of_the_records(filled: KnowledgeBase, tmp_path: Path) -> None:
    filled.export("csv", tmp_path / "out", kinds=["mission", "envoy"])
    missions = read_csv(tmp_path / "out" / "mission.csv")
    records = {r["id"]: r for r in filled.records(kinds=["mission"])}
    assert sorted(m["city"] for m in missions) == ["Osaka", "Santiago", "Tokyo"]
    for row in missions:
        record = records[row["id"]]
        assert (row["sender"], row["host"], row["type"]) == (
            record["sender"],
            record["host"],
            record["type"],
        )
        assert json.loads(row["evidence"]) == record["evidence"]
        assert row["evidence_text"] == record["evidence"][0]["text"]
        assert (row["dyad_a"], row["dyad_b"]) == ("CL", "JP")
    assert not (tmp_path / "out" / "event.csv").exists()


def test_parquet_tables_are_typed_and_equal_the_records(
    filled: KnowledgeBase, tmp_path: Path
) -> None:
    filled.export("parquet", tmp_path / "out")
    table = pq.read_table(tmp_path / "out" / "mission.parquet")
    assert table.schema == parquet_export.schema("mission")
    rows = {r["id"]: r for r in table.to_pylist()}
    for record in filled.records(kinds=["mission"]):
        row = rows[record["id"]]
        assert row["evidence"] == record["evidence"]
        assert row["latitude"] == record["latitude"]
        assert row["geonameid"] == record["geonameid"]


def test_lists_are_lists_in_parquet_and_joined_in_csv(
    filled: KnowledgeBase, tmp_path: Path
) -> None:
    filled.export("parquet", tmp_path / "pq", kinds=["dyad"])
    filled.export("csv", tmp_path / "csv", kinds=["dyad"])
    (row,) = pq.read_table(tmp_path / "pq" / "dyad.parquet").to_pylist()
    assert (row["a"], row["b"]) == ("CL", "JP")
    (text,) = read_csv(tmp_path / "csv" / "dyad.csv")
    assert text["a"] == "CL"


def test_an_empty_kind_is_an_empty_table(kb: KnowledgeBase, tmp_path: Path) -> None:
    counts = kb.export("parquet", tmp_path / "out", kinds=["poll"])
    assert counts.per_kind == {"poll": 0}
    assert pq.read_table(tmp_path / "out" / "poll.parquet").num_rows == 0


def test_parquet_is_written_a_row_group_at_a_time(
    filled: KnowledgeBase, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(parquet_export, "ROW_GROUP", 1)
    filled.export("parquet", tmp_path / "out", kinds=["mission"])
    assert pq.ParquetFile(tmp_path / "out" / "mission.parquet").num_row_groups == 3


@pytest.mark.parametrize("kind", model.KINDS)
def test_every_field_of_a_kind_has_a_column(kind: str) -> None:
    fact_class = model.FACT_TYPES[kind]
    fields = {f.name for f in dataclasses.fields(fact_class)} - set(model.COMMON_FIELDS)
    assert fields <= {c.name for c in KINDS[kind]}


def test_every_column_is_documented_in_the_readme() -> None:
    text = README.read_text(encoding="utf-8")
    section = text.split("### Table columns", 1)[1].split("\n## ", 1)[0]
    for column in COMMON:
        assert f"`{column.name}`" in section, column.name
    for kind, kind_columns in KINDS.items():
        line = next(line for line in section.splitlines() if line.startswith(f"| `{kind}` |"))
        for column in kind_columns:
            assert f"`{column.name}`" in line, (kind, column.name)
