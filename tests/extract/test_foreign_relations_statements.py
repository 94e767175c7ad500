"""Specification of how date cells and sentences state relations, and of mission notes."""

from __future__ import annotations

import pytest

from bilateral.extract.dates import tag_dates
from bilateral.extract.foreign_relations.names import StateNames, page_state
from bilateral.extract.foreign_relations.statements import (
    cell_statements,
    cues,
    sentence_statements,
)
from bilateral.extract.mission_notes import note_missions
from bilateral.model.countries import default_registry
from bilateral.model.span import Span

NAMES = StateNames(default_registry())


def cell(text: str, role: str = "establish") -> list[tuple[str, str | None]]:
    return [(s.mode, s.date) for s in cell_statements(text, Span(0, len(text)), role)]


def sentence(text: str) -> list[tuple[str, str | None]]:
    whole = Span(0, len(text))
    return [(s.mode, s.date) for s in sentence_statements(text, whole, lambda: tag_dates(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("6 July 1822", [("establish-relations", "1822-07-06")]),
        ("July 6, 1822", [("establish-relations", "1822-07-06")]),
        ("1992-1-4", [("establish-relations", "1992-01-04")]),
        ("1905; 2006", [("establish-relations", "1905"), ("restore-relations", "2006")]),
        (
            "22 September 1921/6 November 1991",
            [("establish-relations", "1921-09-22"), ("restore-relations", "1991-11-06")],
        ),
        (
            "1950 (Diplomatic relations severed in 1979)",
            [("establish-relations", "1950"), ("sever-relations", "1979")],
        ),
        ("22 January 1993 or before", [("establish-relations", "../1993-01-22")]),
        (
            "16 May 1874 to 1918",
            [("establish-relations", "1874-05-16"), ("sever-relations", "1918")],
        ),
        ("Unknown", []),
        ("N/A", []),
    ],
)
def test_date_cells(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert cell(text) == expected


def test_a_recognition_column_dates_recognition_and_its_withdrawal() -> None:
    assert cell("19 September 2011–31 March 2014", "recognize") == [
        ("recognize", "2011-09-19"),
        ("sever-relations", "2014-03-31"),
    ]


def test_a_column_of_ends_dates_severance() -> None:
    assert cell("28 September 2023", "end") == [("sever-relations", "2023-09-28")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Both countries established diplomatic relations on 6 July 1822.",
            [("establish-relations", "1822-07-06")],
        ),
        ("Diplomatic relations were established in 1960.", [("establish-relations", "1960")]),
        (
            "Relations were established in 1960 and broken off in 1967.",
            [("establish-relations", "1960"), ("sever-relations", "1967")],
        ),
        (
            "In October 2021, Peru re-established diplomatic relations with Venezuela.",
            [("restore-relations", "2021-10")],
        ),
        ("Ties were cut off in July 2024.", [("sever-relations", "2024-07")]),
        ("The UK has not established diplomatic relations with Niue.", []),
        ("Trade relations began in 1990.", []),
        ("Both countries established diplomatic relations.", [("establish-relations", None)]),
    ],
)
def test_sentences(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert sentence(text) == expected


def test_cue_words_are_found_in_either_order() -> None:
    text = "Relations were severed, and the restoration of relations came later."
    assert [mode for mode, _ in cues(text, Span(0, len(text)))] == [
        "sever-relations",
        "restore-relations",
    ]


def notes(text: str) -> list[tuple[str, str | None, str, str, str | None, bool]]:
    return [
        (n.subject, n.host, n.kind, n.city, n.country, n.remote)
        for n in note_missions(text, Span(0, len(text)), NAMES.resolve)
    ]


def test_a_clause_lists_each_mission_with_its_city() -> None:
    text = (
        "Chile has an embassy in Canberra, consulates-general in Melbourne and Sydney "
        "and honorary consulates in Brisbane and Perth."
    )
    assert [(n[2], n[3]) for n in notes(text)] == [
        ("embassy", "Canberra"),
        ("consulate-general", "Melbourne"),
        ("consulate-general", "Sydney"),
        ("honorary-consulate", "Brisbane"),
        ("honorary-consulate", "Perth"),
    ]


def test_each_clause_has_its_own_sender() -> None:
    text = "Austria has an embassy in Kuala Lumpur, and Malaysia has an embassy in Vienna."
    assert [(n[0], n[3]) for n in notes(text)] == [("AT", "Kuala Lumpur"), ("MY", "Vienna")]


def test_accredited_to_names_the_host_and_the_country_after_the_city() -> None:
    text = "Spain is accredited to Tajikistan from its embassy in Astana, Kazakhstan."
    assert notes(text) == [("ES", "TJ", "embassy", "Astana", "KZ", True)]


def test_a_country_in_brackets_after_the_city_is_kept() -> None:
    text = "Mongolia is represented in Greece through its embassy in Sofia (Bulgaria)."
    assert notes(text) == [("MN", "GR", "embassy", "Sofia", "BG", True)]


def test_washington_dc_is_one_city() -> None:
    text = "Costa Rica has an embassy in Washington, D.C. and a consulate-general in Miami."
    assert [n[3] for n in notes(text)] == ["Washington, D.C.", "Miami"]


def test_place_names_keep_their_lower_case_joins() -> None:
    text = "Peru has an embassy in Port of Spain and a consulate in Rio de Janeiro."
    assert [n[3] for n in notes(text)] == ["Port of Spain", "Rio de Janeiro"]


def test_former_missions_are_not_current_ones() -> None:
    text = "Peru formerly had an embassy in Copenhagen until its closure in 2003."
    assert notes(text) == []


def test_a_subject_that_names_no_state_states_nothing() -> None:
    assert notes("It has an embassy in Lima.") == []


@pytest.mark.parametrize(
    ("title", "state"),
    [
        ("Foreign relations of the United Kingdom", "GB"),
        ("Foreign relations of Georgia _country_", "GE"),
        ("Foreign relations of Georgia (country)", "GE"),
        ("Foreign relations of the Holy See", "VA"),
        ("Foreign relations of Abkhazia", "abkhazia"),
        (
            "Foreign relations of the Sovereign Military Order of Malta",
            "sovereign-military-order-of-malta",
        ),
        ("Peru–United States relations", None),
    ],
)
def test_page_states(title: str, state: str | None) -> None:
    assert page_state(title, NAMES) == state


@pytest.mark.parametrize(
    ("name", "state"),
    [("GER", "DE"), ("St. Lucia", "LC"), ("Czech", "CZ"), ("European Union", None)],
)
def test_flag_codes_and_short_names_resolve(name: str, state: str | None) -> None:
    assert NAMES.resolve(name) == state


def test_kinds_joined_by_and_share_their_cities() -> None:
    text = "Mexico has an embassy and consulate-general in Havana."
    assert [(n[2], n[3]) for n in notes(text)] == [
        ("embassy", "Havana"),
        ("consulate-general", "Havana"),
    ]
