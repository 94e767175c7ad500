import io
import json
from pathlib import Path

import pytest

from bilateral.kb import KnowledgeBase
from tests.interchange_contract import problems


def exported(kb: KnowledgeBase, **filters: object) -> list[dict]:  # type: ignore[type-arg]
    out = io.StringIO()
    kb.export_jsonl(out, **filters)  # type: ignore[arg-type]
    return [json.loads(line) for line in out.getvalue().splitlines()]


def texts(kb: KnowledgeBase) -> dict[str, str]:
    return {d.id: kb.store.document_text(d.id) or "" for d in kb.sources()}


def test_every_exported_record_satisfies_the_contract(
    kb: KnowledgeBase, article_file: Path
) -> None:
    kb.ingest([article_file])
    records = exported(kb)
    assert records
    for record in records:
        assert problems(record, texts(kb)) == [], record


def test_export_is_identical_across_runs(
    kb: KnowledgeBase, article_file: Path, tmp_path: Path
) -> None:
    kb.ingest([article_file])
    with KnowledgeBase(str(tmp_path / "other.sqlite")) as other:
        other.ingest([article_file])
        assert exported(kb) == exported(other)


def test_export_filters_by_dyad_and_kind(kb: KnowledgeBase, article_file: Path) -> None:
    kb.ingest([article_file])
    assert {r["kind"] for r in exported(kb, kinds=["envoy"])} == {"envoy"}
    assert exported(kb, dyad=["Japan", "Chile"]) == exported(kb)
    assert exported(kb, dyad=["PE", "US"]) == []


def test_the_validator_catches_a_wrong_evidence_slice() -> None:
    record = {
        "kind": "dyad",
        "id": "d",
        "source": "s",
        "source_path": "p",
        "confidence": 1.0,
        "extractor": "x@1",
        "a": "PE",
        "b": "US",
        "title": "t",
        "evidence": [{"start": 0, "end": 4, "text": "Chil"}],
    }
    assert problems(record, {"s": "Peru"}) == ["evidence text 'Chil' is not the source slice"]


@pytest.mark.parametrize("edtf", ["1826-05-02", "1838-01", "1839", "1879/1884", "198X", "2013?"])
def test_the_validator_accepts_contract_dates(edtf: str) -> None:
    record = {
        "kind": "assessment",
        "id": "a",
        "source": "s",
        "source_path": "p",
        "confidence": 1.0,
        "extractor": "x@1",
        "evidence": [],
        "date": edtf,
        "direction": "improved",
        "polarity": 1,
    }
    assert problems(record, {}) == []
