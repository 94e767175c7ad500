from bilateral.model.facts import Evidence, Mission, fact_from_record, fact_record, merge_facts


def mission(evidence: Evidence, **changes: object) -> Mission:
    values: dict[str, object] = {
        "sender": "PE",
        "host": "US",
        "city": "Miami",
        "type": "consulate-general",
        "source": "doc-1",
        "source_path": "a.txt",
        "evidence": (evidence,),
        "extractor": "x@1",
    }
    values.update(changes)
    return Mission(**values)  # type: ignore[arg-type]


def test_id_depends_on_identifying_fields_only() -> None:
    first = mission(Evidence(0, 5, "Miami"))
    again = mission(Evidence(10, 15, "Miami"), confidence=0.5)
    other = mission(Evidence(0, 5, "Miami"), city="Boston")
    assert first.id == again.id
    assert first.id != other.id
    assert first.id.startswith("mission-")


def test_geocoded_missions_are_identified_by_place_not_spelling() -> None:
    a = mission(Evidence(0, 5, "x"), city="Washington", geonameid=1)
    b = mission(Evidence(0, 5, "x"), city="Washington, D.C.", geonameid=1)
    assert a.id == b.id


def test_merge_joins_evidence_and_fills_empty_fields() -> None:
    first = mission(Evidence(0, 5, "Miami"))
    second = mission(Evidence(20, 40, "Consulate of Peru, Miami"), name="Consulate of Peru")
    (merged,) = merge_facts([first, second])
    assert merged.evidence == (
        Evidence(0, 5, "Miami"),
        Evidence(20, 40, "Consulate of Peru, Miami"),
    )
    assert isinstance(merged, Mission) and merged.name == "Consulate of Peru"
    assert merged.id == first.id


def test_record_round_trip() -> None:
    fact = mission(Evidence(0, 5, "Miami"), latitude=25.7, longitude=-80.2)
    assert fact_from_record(fact_record(fact)) == fact
