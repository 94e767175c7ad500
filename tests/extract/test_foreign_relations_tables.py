"""Specification of the foreign-relations reader on the bilateral tables of a page."""

from __future__ import annotations

from bilateral.model.facts import Dyad, Event, Mission
from tests.extract.foreign_relations_helpers import network_facts, read_page, summary

LIST_TABLE = """\
The '''foreign relations of Peru''' are run from Lima.

==Diplomatic relations==
{| class="wikitable sortable"
! colspan="3" | Countries Peru has relations with
|-
!#!!Country!!Date
|-
|1||{{flag|Chile}}||{{dts|8 October 1822}}
|-
|2||{{flag|Japan}}||March 1873
|-
|3||{{flag|Fiji}}||1983
|-
|4||{{flagicon|Ghana}} [[Ghana]]||{{start date|1961|5|3}}
|-
|5||{{flag|GER}}||1828
|}
"""


def establishments(wikitext: str, title: str = "Foreign relations of Peru") -> dict[str, str]:
    return {
        next(a for a in e.actors if a != "PE"): e.date or ""
        for e in network_facts(Event, wikitext, title)
        if e.mode == "establish-relations"
    }


def test_every_row_of_a_list_table_yields_a_dyad_with_the_page_state() -> None:
    pairs = {d.dyad for d in network_facts(Dyad, LIST_TABLE)}
    assert pairs == {("CL", "PE"), ("JP", "PE"), ("FJ", "PE"), ("GH", "PE"), ("DE", "PE")}


def test_dyad_facts_keep_the_page_state_first_and_the_sorted_pair_as_dyad() -> None:
    chile = next(d for d in network_facts(Dyad, LIST_TABLE) if "CL" in (d.a, d.b))
    assert (chile.a, chile.b, chile.dyad) == ("PE", "CL", ("CL", "PE"))


def test_the_date_column_dates_the_start_of_relations_at_the_precision_given() -> None:
    assert establishments(LIST_TABLE) == {
        "CL": "1822-10-08",
        "JP": "1873-03",
        "FJ": "1983",
        "GH": "1961-05-03",
        "DE": "1828",
    }


def test_relation_events_are_mutual_cooperation_between_both_states() -> None:
    chile = next(e for e in network_facts(Event, LIST_TABLE) if "CL" in e.actors)
    assert (chile.type, chile.mode, chile.actors) == (
        "COOPERATE",
        "establish-relations",
        ("PE", "CL"),
    )
    assert chile.actor is None and chile.recipient is None
    assert chile.summary == "Peru and Chile established relations"


def test_evidence_points_into_the_original_wikitext() -> None:
    document, extraction = read_page(LIST_TABLE)
    chile = next(f for f in extraction.facts if isinstance(f, Event) and "CL" in f.actors)
    texts = [e.text for e in chile.evidence]
    assert texts == ["{{flag|Chile}}", "{{dts|8 October 1822}}"]
    for evidence in chile.evidence:
        assert document.text[evidence.start : evidence.end] == evidence.text


def test_a_header_row_spanning_all_columns_is_not_a_row_of_data() -> None:
    assert summary(LIST_TABLE).rows == 5


REGION_TABLE = """\
===Americas===
{| class="wikitable"
! Country !! Formal relations began !! Notes
|-
|{{flag|Uruguay}}||13 November 1858
|
* Peru has an embassy in [[Montevideo]].
* Uruguay has an embassy in [[Lima]] and an honorary consulate in [[Arequipa]].
|-
|{{flag|Canada}}||1944
|
* Both countries established diplomatic relations on 30 January 1944.
* Peru has an embassy in [[Ottawa]] and consulates-general in [[Montreal]] and [[Toronto]].
|-
|{{flag|United States}}||2 May 1826
|
* The U.S. maintains an embassy in [[Lima]], Peru.
* There is a U.S. Consular Agency in [[Cuzco]].
|-
|{{flag|Fiji}}||1983
|
* Fiji is accredited to Peru from its embassy in Washington, D.C., United States.
* Peru is represented in Fiji by its embassy in [[Canberra]], [[Australia]].
|-
|{{flag|Cuba}}||1972
|
* Cuba has an interests section in the Swiss embassy in [[Lima]].
|}
"""


def missions_of(wikitext: str) -> set[tuple[str, str, str, str, str | None]]:
    return {
        (m.sender, m.host, m.city, m.type, m.accredited_from)
        for m in network_facts(Mission, wikitext)
    }


def test_notes_give_resident_missions_of_both_sides() -> None:
    found = missions_of(REGION_TABLE)
    assert ("PE", "UY", "Montevideo", "embassy", None) in found
    assert ("UY", "PE", "Lima", "embassy", None) in found
    assert ("UY", "PE", "Arequipa", "honorary-consulate", None) in found


def test_a_list_of_cities_gives_one_mission_each() -> None:
    found = missions_of(REGION_TABLE)
    assert ("PE", "CA", "Montreal", "consulate-general", None) in found
    assert ("PE", "CA", "Toronto", "consulate-general", None) in found


def test_there_is_a_consular_agency_names_its_sender_by_the_adjective() -> None:
    assert ("US", "PE", "Cuzco", "consular-agency", None) in missions_of(REGION_TABLE)


def test_missions_are_geocoded_in_the_host_country() -> None:
    cusco = next(m for m in network_facts(Mission, REGION_TABLE) if m.city == "Cuzco")
    assert cusco.geonameid is not None and cusco.latitude is not None
    assert -14.0 < cusco.latitude < -13.0


def test_accredited_from_an_embassy_elsewhere_is_a_non_resident_mission() -> None:
    found = missions_of(REGION_TABLE)
    assert ("FJ", "PE", "Washington, D.C.", "non-resident", "Washington, D.C.") in found
    assert ("PE", "FJ", "Canberra", "non-resident", "Canberra") in found


def test_a_non_resident_mission_is_placed_where_it_is_kept() -> None:
    canberra = next(m for m in network_facts(Mission, REGION_TABLE) if m.city == "Canberra")
    assert canberra.latitude is not None and canberra.latitude < -35.0


def test_an_interests_section_in_another_embassy_is_one_mission() -> None:
    cuban = {m for m in missions_of(REGION_TABLE) if m[0] == "CU"}
    assert cuban == {("CU", "PE", "Lima", "interests-section", None)}


def test_a_notes_sentence_refines_the_date_column_when_they_agree() -> None:
    assert establishments(REGION_TABLE)["CA"] == "1944-01-30"


def test_the_report_counts_rows_dated_rows_and_missions() -> None:
    found = summary(REGION_TABLE)
    assert (found.rows, found.dated_rows, found.tables) == (5, 5, 1)
    assert found.missions == len(network_facts(Mission, REGION_TABLE))


BREAKS = """\
==Bilateral relations==
{| class="wikitable"
! Country !! Formal Relations Began !! Notes
|-
|{{flag|Ghana}}||6 March 1957, severed 28 October 1973, restored 9 August 1994||
|-
|{{flag|Georgia}}||1 July 1992—2 September 2008||
|-
|{{flag|Mexico}} (suspended)||23 January 1823||
|-
|{{flag|Bolivia}}||14 November 1982
|Relations were suspended from 20 January 2020 to 16 September 2021.
|-
|{{flag|Egypt}}||Unknown (before October 2006)||
|}
"""


def modes(partner: str, wikitext: str = BREAKS) -> list[tuple[str, str | None]]:
    return sorted(
        (e.mode or "", e.date) for e in network_facts(Event, wikitext) if partner in e.actors
    )


def test_cue_words_in_a_date_cell_date_severance_and_restoration() -> None:
    assert modes("GH") == [
        ("establish-relations", "1957-03-06"),
        ("restore-relations", "1994-08-09"),
        ("sever-relations", "1973-10-28"),
    ]


def test_a_dash_range_in_a_date_cell_ends_the_relations_it_began() -> None:
    assert modes("GE") == [
        ("establish-relations", "1992-07-01"),
        ("sever-relations", "2008-09-02"),
    ]


def test_a_suspended_partner_gives_an_undated_severance() -> None:
    assert ("sever-relations", None) in modes("MX")


def test_suspended_from_one_date_to_another_is_a_break_and_a_return() -> None:
    assert modes("BO") == [
        ("establish-relations", "1982-11-14"),
        ("restore-relations", "2021-09-16"),
        ("sever-relations", "2020-01-20"),
    ]


def test_before_a_date_is_an_open_interval_ending_then() -> None:
    assert modes("EG") == [("establish-relations", "../2006-10")]


def test_a_table_of_organisations_yields_no_partner() -> None:
    wikitext = """\
==Multilateral==
{| class="wikitable"
! Organization !! Formal Relations Began !! Notes
|-
|{{flag|European Union}}||1993||Peru has a mission to the EU.
|-
|{{flag|NATO}}||2001||
|}
"""
    assert network_facts(Dyad, wikitext) == []


def test_a_sentence_about_a_predecessor_state_does_not_date_the_partner() -> None:
    wikitext = """\
{| class="wikitable"
! Country !! Formal Relations Began !! Notes
|-
|{{flag|Czech Republic}}||1 January 1993
|Peru first established relations with Czechoslovakia in 1922.
|}
"""
    assert modes("CZ", wikitext) == [("establish-relations", "1993-01-01")]


def test_other_pages_are_left_alone() -> None:
    assert network_facts(Dyad, LIST_TABLE, title="History of Peru") == []


def test_the_page_state_comes_from_the_title_with_its_disambiguation() -> None:
    pairs = {
        d.dyad for d in network_facts(Dyad, LIST_TABLE, "Foreign relations of Georgia _country_")
    }
    assert ("CL", "GE") in pairs


def test_an_entity_without_an_iso_code_gets_the_slug_of_its_name() -> None:
    title = "Foreign relations of the Sovereign Military Order of Malta"
    pairs = {d.dyad for d in network_facts(Dyad, LIST_TABLE, title)}
    assert ("CL", "sovereign-military-order-of-malta") in pairs


def test_a_city_of_the_hosts_territory_is_a_resident_mission() -> None:
    wikitext = """\
{| class="wikitable"
! Country !! Formal relations began !! Notes
|-
|{{flag|China}}||2 November 1971
|Peru has an embassy in [[Beijing]] and a consulate-general in [[Hong Kong]].
|}
"""
    found = {(m.city, m.type, m.geonameid is not None) for m in network_facts(Mission, wikitext)}
    assert found == {("Beijing", "embassy", True), ("Hong Kong", "consulate-general", True)}
