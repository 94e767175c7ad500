"""Specification of the foreign-relations reader on per-partner sections and terms."""

from __future__ import annotations

from bilateral.model.facts import Dyad, Event, Mission
from tests.extract.foreign_relations_helpers import network_facts, read_page, summary

SECTIONS = """\
The '''foreign relations of Myanmar''' are old.

==Europe and America==
===Armenia===
{{Main|Armenia–Myanmar relations}}
Both countries established diplomatic relations on 9 September 1992.
* Armenia is accredited to Myanmar from its embassy in [[New Delhi]], India.

===Belarus===
Diplomatic relations were established in 1999.

==Asia==
;Chad
Both countries established diplomatic relations on 18 October 1975.
;Mongolia
* Mongolia has an embassy in [[Yangon]].

==See also==
* Relations with many states were established in 1948.
"""
TITLE = "Foreign relations of Myanmar"


def partners() -> set[str]:
    return {d.b for d in network_facts(Dyad, SECTIONS, TITLE)}


def test_a_heading_naming_a_state_is_a_partner_section() -> None:
    assert {"AM", "BY"} <= partners()


def test_a_definition_term_naming_a_state_is_a_partner_part() -> None:
    assert {"TD", "MN"} <= partners()


def test_headings_naming_regions_are_not_partners() -> None:
    assert partners() == {"AM", "BY", "TD", "MN"}


def test_a_sentence_in_a_partner_section_dates_that_dyad() -> None:
    # by this component, or by the event extractor when it already read the sentence
    _, extraction = read_page(SECTIONS, TITLE)
    dated = {
        e.dyad: e.date
        for e in extraction.facts
        if isinstance(e, Event) and e.mode == "establish-relations"
    }
    assert dated[("AM", "MM")] == "1992-09-09"
    assert dated[("BY", "MM")] == "1999"
    assert dated[("MM", "TD")] == "1975-10-18"


def test_a_term_governs_the_lines_up_to_the_next_term() -> None:
    found = {(m.sender, m.host, m.city) for m in network_facts(Mission, SECTIONS, TITLE)}
    assert ("MN", "MM", "Yangon") in found
    assert not any(m[0] == "TD" for m in found)


def test_a_section_accreditation_is_a_non_resident_mission() -> None:
    armenian = next(m for m in network_facts(Mission, SECTIONS, TITLE) if m.sender == "AM")
    assert (armenian.type, armenian.accredited_from) == ("non-resident", "New Delhi")


def test_sentences_outside_partner_parts_state_nothing() -> None:
    assert all(e.date != "1948" for e in network_facts(Event, SECTIONS, TITLE))


def test_the_report_counts_partner_sections_and_terms() -> None:
    found = summary(SECTIONS, TITLE)
    assert (found.sections, found.rows, found.partners) == (4, 0, 4)
