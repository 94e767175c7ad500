"""Relative expressions: resolved against the nearest date of their paragraph."""

import pytest

from bilateral.extract.dates import tag_dates
from tests.extract.dates_helpers import found


@pytest.mark.parametrize(
    ("phrase", "edtf"),
    [
        ("the following year", "1839"),
        ("the next day", "1838-06-09"),
        ("the next month", "1838-07"),
        ("the previous month", "1838-05"),
        ("two years later", "1840"),
        ("a year later", "1839"),
        ("Thirty years later", "1868"),
        ("a week later", "1838-06-15"),
        ("later that month", "1838-06"),
        ("later that year", "1838"),
        ("that year", "1838"),
        ("that month", "1838-06"),
        ("that day", "1838-06-08"),
        ("that same year", "1838"),
        ("the same day", "1838-06-08"),
        ("three months earlier", "1838-03"),
        ("twenty-five years later", "1863"),
        ("one decade later", "1848"),
        ("the following decade", "184X"),
    ],
)
def test_relative_expressions_resolve_at_their_own_unit(phrase: str, edtf: str) -> None:
    text = f"Pickett was appointed on June 8, 1838. He left {phrase}."
    assert found(text)[1] == (phrase.removeprefix("the "), edtf)


@pytest.mark.parametrize(
    "phrase",
    [
        "several years later",
        "a few years later",
        "days before",
        "Years after",
        "since then",
        "ever since",
        "in the decades since",
        "in the following years",
        "in subsequent decades",
    ],
)
def test_vague_and_open_ended_phrases_are_not_date_expressions(phrase: str) -> None:
    text = f"Pickett was appointed on June 8, 1838. He stayed {phrase}."
    assert found(text) == [("June 8, 1838", "1838-06-08")]


def test_a_leading_the_is_left_out_and_other_determiners_kept() -> None:
    text = "It was signed on June 5, 1956. The next day and that day and a year later."
    assert [t for t, _ in found(text)[1:]] == ["next day", "that day", "a year later"]


def test_a_relative_expression_names_its_anchor() -> None:
    text = "Pickett was appointed on June 8, 1838. He left the following year."
    first, second = tag_dates(text)
    assert second.relative and second.anchor == first.start
    assert not first.relative and first.anchor is None


def test_a_shift_finer_than_the_anchor_is_lost_in_it() -> None:
    text = "In 2002, a bomb exploded just three days before a visit."
    assert found(text) == [("2002", "2002"), ("three days before", "2002")]


def test_the_years_since_an_event_are_not_anchored_to_the_last_date() -> None:
    text = "It was signed in 1990; in the years since independence trade grew."
    assert [t for t, _ in found(text)] == ["1990"]


def test_with_no_date_before_the_nearest_after_anchors() -> None:
    text = "The following year was quiet; the treaty had been signed in 1850."
    assert found(text)[0] == ("following year", "1851")


def test_without_any_date_in_the_paragraph_it_is_kept_unanchored() -> None:
    (span,) = tag_dates("He left the following year.")
    assert span.text == "following year"
    assert span.unanchored and span.relative
    assert span.edtf == "" and span.anchor is None


def test_relatives_do_not_reach_into_other_paragraphs() -> None:
    text = "It was signed in 1850.\nHe left the following year."
    second_paragraph = text.index("He")
    (span,) = tag_dates(text, second_paragraph)
    assert span.unanchored


def test_a_month_without_a_year_takes_the_anchor_year() -> None:
    text = "In 1917 relations were tense. In April the United States declared war."
    assert found(text) == [("1917", "1917"), ("April", "1917-04")]


def test_a_day_without_a_year_takes_the_anchor_year() -> None:
    text = "Wilson spoke on April 2, 1917, and Congress voted on April 6."
    assert found(text)[1] == ("April 6", "1917-04-06")


def test_a_resolved_day_anchors_what_follows_it() -> None:
    text = "War came in 1917. Congress voted on April 6 and Wilson signed the same day."
    spans = tag_dates(text)
    assert (spans[2].text, spans[2].edtf) == ("same day", "1917-04-06")
    assert spans[2].anchor == spans[1].start


def test_a_resolved_relative_expression_anchors_what_follows_it() -> None:
    text = "He arrived in March 1837. The following year in October he left."
    assert found(text) == [
        ("March 1837", "1837-03"),
        ("following year", "1838"),
        ("October", "1838-10"),
    ]


def test_a_partial_date_takes_the_year_of_the_date_before_it() -> None:
    text = "The treaty was signed in April 1846. On May 13 it was ratified."
    assert found(text)[1] == ("May 13", "1846-05-13")
    text = "He arrived on July 1, 1974; in September he left."
    assert found(text)[1] == ("September", "1974-09")


def test_a_partial_range_takes_its_year_from_the_same_sentence() -> None:
    text = "From 9 to 25 February the 2018 Winter Olympics took place."
    assert found(text) == [
        ("From 9 to 25 February", "2018-02-09/2018-02-25"),
        ("2018", "2018"),
    ]


def test_a_day_of_a_month_last_is_the_latest_before_the_letter() -> None:
    text = "In his letter of May 2, 1846, he recalled the 29th of March last."
    assert found(text)[1] == ("29th of March last", "1846-03-29")
    text = "In his letter of February 2, 1846, he recalled the 29th of March last."
    assert found(text)[1] == ("29th of March last", "1845-03-29")


def test_a_day_of_a_month_last_without_the_letter_date_is_unresolved() -> None:
    assert found("He wrote on the 29th of March last to say so.") == [("29th of March last", "")]


def test_a_bare_month_needs_a_date_preposition() -> None:
    assert found("In 1990 May Smith visited Lima.") == [("1990", "1990")]


def test_a_year_range_anchor_counts_forward_from_its_end() -> None:
    text = "Peru sat on the Council from 2006 to 2007 and left the following year."
    assert found(text)[1] == ("following year", "2008")


def test_a_phrase_leading_into_a_dated_event_counts_from_that_date() -> None:
    text = "The consulate opened in 1889, 40 years before the embassy opened in 1929."
    assert found(text)[1] == ("40 years before", "1889")


def test_a_leading_phrase_without_a_date_after_it_uses_the_date_before() -> None:
    text = "In 2002, a bomb exploded two days before a visit. The visit went ahead in 2003."
    assert found(text)[1] == ("two days before", "2002")


def test_the_access_date_of_a_citation_anchors_nothing() -> None:
    text = "Relations began in 1990. Retrieved 12 November 2011. The following year was calm."
    assert found(text)[-1] == ("following year", "1991")


def test_the_very_same_day_is_the_anchor_day() -> None:
    text = "Norway recognised it on 3 May 1995 and opened relations the very same day."
    assert found(text)[1] == ("very same day", "1995-05-03")


def test_that_date_is_the_day_just_named() -> None:
    text = "He landed on March 2, 1810. On that date the port was closed."
    assert found(text)[1] == ("that date", "1810-03-02")


def test_a_range_from_that_date_to_a_partial_date_shares_the_anchor() -> None:
    text = "He landed on March 2, 1810, and was received between that date and March 9."
    assert found(text)[1] == ("between that date and March 9", "1810-03-02/1810-03-09")


def test_a_qualifier_before_a_partial_date_applies_once_it_is_resolved() -> None:
    text = "The mission left Lima on May 3, 1902, and reached Cuzco on or about May 20."
    assert found(text)[1] == ("on or about May 20", "1902-05-20~")


@pytest.mark.parametrize(
    "phrase",
    ["more than two years later", "nearly three years later", "over a year later"],
)
def test_a_count_made_vague_by_a_comparative_names_no_date(phrase: str) -> None:
    text = f"The accord of 1960 was followed {phrase} by a treaty."
    assert found(text) == [("1960", "1960")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The line was cut in March 1921 and the June that year restored.",
            [("March 1921", "1921-03"), ("June", "1921-06"), ("that year", "1921")],
        ),
        (
            "A truce held in 1921. June of the following year saw war.",
            [("1921", "1921"), ("June", "1922-06"), ("following year", "1922")],
        ),
        (
            "A truce held in 1921; in June two years later war came.",
            [("1921", "1921"), ("June", "1923-06"), ("two years later", "1923")],
        ),
    ],
)
def test_a_month_before_a_relative_year_is_a_month_of_that_year(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(text) == expected


def test_a_day_of_the_month_alone_takes_the_anchor_month() -> None:
    text = "Talks opened in October 1931; the envoy arrived on the 12th, and left the next day."
    assert found(text) == [
        ("October 1931", "1931-10"),
        ("12th", "1931-10-12"),
        ("next day", "1931-10-13"),
    ]


def test_a_day_of_the_month_alone_needs_a_month_to_hang_on() -> None:
    assert found("In 1931 the envoy arrived on the 12th.") == [("1931", "1931"), ("12th", "")]


@pytest.mark.parametrize(
    "phrase",
    ["in the three years after", "during its first two years after", "a couple of years after"],
)
def test_a_counted_stretch_of_time_is_no_date(phrase: str) -> None:
    text = f"The republic was founded in 1921; {phrase} its founding, trade grew."
    assert found(text) == [("1921", "1921")]


def test_a_counted_phrase_set_off_after_a_date_restates_it() -> None:
    text = "The legation opened in 1931, ten years after the treaty was signed."
    assert found(text) == [("1931", "1931"), ("ten years after", "1931")]
    text = "Talks resumed on March 3, 1950 – two weeks after the coup."
    assert found(text)[1] == ("two weeks after", "1950-03-03")


def test_a_day_and_month_naming_a_movement_is_not_resolved() -> None:
    text = "In 1972 the March 12 Movement and the 4 June Student Front were banned."
    assert found(text) == [("1972", "1972")]


def test_a_partial_date_before_a_capitalised_subject_is_still_a_date() -> None:
    text = "Talks began in 1948. On May 3 Parliament voted."
    assert found(text)[1] == ("May 3", "1948-05-03")


@pytest.mark.parametrize(
    "phrase",
    ["For roughly 200 years prior to", "For two years after", "for about ten years before"],
)
def test_a_counted_stretch_after_for_is_no_date(phrase: str) -> None:
    text = f"{phrase} 1911, the province was ruled from abroad."
    assert found(text) == [("1911", "1911")]


def test_a_unit_and_a_fraction_is_an_amount_of_time() -> None:
    text = "Trade began in the 1830s. Relations were sporadic over the next century and a half."
    assert found(text) == [("1830s", "183X")]


def test_a_phrase_joined_to_the_time_of_speaking_is_no_date() -> None:
    text = 'On 3 May 2001 he said: "tomorrow or the day after we will return."'
    assert found(text) == [("3 May 2001", "2001-05-03")]


def test_the_latter_date_is_the_date_just_named() -> None:
    text = "As of October 1, 1994, the compact took force. This latter date marks independence."
    assert found(text)[1] == ("This latter date", "1994-10-01")


def test_a_counted_phrase_set_off_before_its_clause_dates_that_clause() -> None:
    text = (
        "On 17 May 1992 voters approved. A full two years after the application, the country "
        "joined on 29 May of that same year."
    )
    assert found(text)[1:] == [
        ("two years after", "1992"),
        ("29 May", "1992-05-29"),
        ("that same year", "1992"),
    ]
    text = "The war ended in 1945. Four years after the war, in 1949, the treaty was signed."
    assert found(text)[1:] == [("Four years after", "1949"), ("1949", "1949")]
