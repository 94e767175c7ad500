"""Specification of the cross-page check: what two sources on one dyad agree on."""

from __future__ import annotations

from bilateral.extract.foreign_relations.consistency import Finding, compare_dyad
from bilateral.model.facts import Event, Evidence, Fact, Mission

PAGE_PE = "doc-peru"
PAGE_UY = "doc-uruguay"


def _common(source: str, at: int) -> dict[str, object]:
    return {
        "source": source,
        "source_path": f"{source}.json",
        "evidence": (Evidence(at, at + 4, "text"),),
        "extractor": "foreign-relations@1",
        "dyad": ("PE", "UY"),
    }


def began(source: str, date: str, at: int = 0, mode: str = "establish-relations") -> Event:
    return Event(
        date=date,
        actors=("PE", "UY"),
        type="COOPERATE" if mode != "sever-relations" else "SANCTION",
        mode=mode,
        score=1.0,
        summary="",
        **_common(source, at),  # type: ignore[arg-type]
    )


def mission(
    source: str, sender: str, city: str, kind: str = "embassy", at: int = 0, geonameid: int = 1
) -> Mission:
    host = "UY" if sender == "PE" else "PE"
    return Mission(
        sender=sender,
        host=host,
        city=city,
        type=kind,
        accredited_from=city if kind == "non-resident" else None,
        geonameid=geonameid,
        **_common(source, at),  # type: ignore[arg-type]
    )


def findings(*facts: Fact) -> list[tuple[str, str, str, str, str]]:
    return [
        (f.topic, f.status, f.scope, f.value_a, f.value_b)
        for f in compare_dyad(("UY", "PE"), facts)
    ]


def test_dates_that_agree_at_the_coarser_precision_agree() -> None:
    assert findings(began(PAGE_PE, "1858-11-13"), began(PAGE_UY, "1858")) == [
        ("establish-relations", "agree", "across", "1858-11-13", "1858")
    ]


def test_dates_that_cannot_be_the_same_conflict_with_both_values_kept() -> None:
    found = findings(began(PAGE_PE, "1858-11-13"), began(PAGE_UY, "1862-05-16"))
    assert ("establish-relations", "conflict", "across", "1858-11-13", "1862-05-16") in found
    assert ("establish-relations", "conflict", "across", "1862-05-16", "1858-11-13") in found


def test_a_page_disagreeing_with_itself_is_a_conflict_within_it() -> None:
    found = compare_dyad(("PE", "UY"), [began(PAGE_PE, "1858", 0), began(PAGE_PE, "1862", 10)])
    assert [(f.status, f.scope, f.source_a, f.source_b) for f in found] == [
        ("conflict", "within", PAGE_PE, PAGE_PE)
    ]


def test_a_date_the_other_page_does_not_state_is_silent_there() -> None:
    found = compare_dyad(
        ("PE", "UY"),
        [began(PAGE_PE, "2020", mode="sever-relations"), mission(PAGE_UY, "PE", "Montevideo")],
    )
    severed = [f for f in found if f.topic == "sever-relations"]
    assert [(f.status, f.source_a, f.source_b) for f in severed] == [("silent", PAGE_PE, PAGE_UY)]


def test_the_same_mission_on_both_pages_agrees() -> None:
    found = findings(mission(PAGE_PE, "UY", "Lima"), mission(PAGE_UY, "UY", "Lima"))
    assert found == [("mission", "agree", "across", "embassy in Lima", "embassy in Lima")]


def test_another_kind_of_mission_in_the_same_place_conflicts() -> None:
    found = findings(
        mission(PAGE_PE, "UY", "Lima"), mission(PAGE_UY, "UY", "Lima", "consulate-general")
    )
    assert found == [
        ("mission", "conflict", "across", "embassy in Lima", "consulate-general in Lima")
    ]


def test_resident_on_one_page_and_accredited_from_elsewhere_on_the_other_conflict() -> None:
    found = findings(
        mission(PAGE_PE, "UY", "Lima"),
        mission(PAGE_UY, "UY", "Santiago", "non-resident", geonameid=2),
    )
    assert found == [
        ("mission", "conflict", "across", "embassy in Lima", "non-resident, from Santiago")
    ]


def test_a_mission_the_other_page_omits_among_others_is_one_sided() -> None:
    found = compare_dyad(
        ("PE", "UY"),
        [
            mission(PAGE_PE, "UY", "Lima"),
            mission(PAGE_PE, "UY", "Arequipa", "honorary-consulate", geonameid=3),
            mission(PAGE_UY, "UY", "Lima"),
        ],
    )
    one_sided = [f for f in found if f.status == "one-sided"]
    assert [(f.value_a, f.source_a, f.source_b) for f in one_sided] == [
        ("honorary-consulate in Arequipa", PAGE_PE, PAGE_UY)
    ]


def test_a_mission_of_a_direction_the_other_page_never_lists_is_silent() -> None:
    found = compare_dyad(
        ("PE", "UY"), [mission(PAGE_PE, "PE", "Montevideo"), mission(PAGE_UY, "UY", "Lima")]
    )
    assert {f.status for f in found} == {"silent"}


def test_conflicts_come_first() -> None:
    found = compare_dyad(
        ("PE", "UY"),
        [
            began(PAGE_PE, "1858"),
            began(PAGE_UY, "1858"),
            mission(PAGE_PE, "UY", "Lima"),
            mission(PAGE_UY, "UY", "Lima", "consulate"),
        ],
    )
    assert [f.status for f in found] == ["conflict", "agree"]


def test_events_about_a_third_state_filed_under_the_dyad_are_ignored() -> None:
    libya = Event(
        date="2011",
        actors=("PE", "LY"),
        type="SANCTION",
        mode="sever-relations",
        score=-6.0,
        summary="",
        **_common(PAGE_UY, 0),  # type: ignore[arg-type]
    )
    assert compare_dyad(("PE", "UY"), [libya, began(PAGE_PE, "1858")]) == [
        Finding("PE", "UY", "establish-relations", "silent", "across", PAGE_PE, PAGE_UY,
                "1858", "", (began(PAGE_PE, "1858").id,), ())
    ]  # fmt: skip
