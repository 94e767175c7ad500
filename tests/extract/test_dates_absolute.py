"""Absolute date expressions: every common surface form and its EDTF value."""

import pytest

from tests.extract.dates_helpers import found


@pytest.mark.parametrize(
    ("sentence", "expression", "edtf"),
    [
        ("Cooley was appointed on May 2, 1826.", "May 2, 1826", "1826-05-02"),
        ("Cooley was appointed on 2 May 1826.", "2 May 1826", "1826-05-02"),
        ("Cooley was appointed on May 2nd, 1826.", "May 2nd, 1826", "1826-05-02"),
        ("Cooley was appointed on the 2nd of May, 1826.", "the 2nd of May, 1826", "1826-05-02"),
        ("Cooley was appointed on 2026-05-02.", "2026-05-02", "2026-05-02"),
        ("Cooley was appointed on Jan. 2, 1826.", "Jan. 2, 1826", "1826-01-02"),
        ("He arrived on Monday, May 1, 1826.", "Monday, May 1, 1826", "1826-05-01"),
        ("The note of February, 24, 1917 arrived.", "February, 24, 1917", "1917-02-24"),
    ],
)
def test_full_dates_in_every_order(sentence: str, expression: str, edtf: str) -> None:
    assert found(sentence) == [(expression, edtf)]


@pytest.mark.parametrize(
    ("sentence", "expression", "edtf"),
    [
        ("Thornton died in January, 1838.", "January, 1838", "1838-01"),
        ("In December 1846, Peru named an envoy.", "December 1846", "1846-12"),
        ("It closed in Jan. 1838.", "Jan. 1838", "1838-01"),
        ("It closed in May of 1990.", "May of 1990", "1990-05"),
    ],
)
def test_month_and_year(sentence: str, expression: str, edtf: str) -> None:
    assert found(sentence) == [(expression, edtf)]


def test_a_year_alone() -> None:
    assert found("The confederation dissolved in 1839.") == [("1839", "1839")]


def test_a_year_as_a_modifier() -> None:
    assert found("They criticized North Korea's 2006 nuclear test.") == [("2006", "2006")]


@pytest.mark.parametrize(
    ("sentence", "expression", "edtf"),
    [
        (
            "During the War of the Pacific (1879-1884), it sided with Peru.",
            "1879-1884",
            "1879/1884",
        ),
        ("During the war (1879–84) it sided with Peru.", "1879–84", "1879/1884"),
        ("The boom of 1910–20 ended.", "1910–20", "1910/1920"),
        ("It sat on the Council from 2006 to 2007.", "from 2006 to 2007", "2006/2007"),
        ("Talks ran between 1998 and 2000.", "between 1998 and 2000", "1998/2000"),
        ("The 2006-07 season was short.", "2006-07", "2006/2007"),
        ("The 1999–00 season was short.", "1999–00", "1999/2000"),
        ("He has served since 2010–present.", "2010–present", "2010/.."),
    ],
)
def test_year_ranges(sentence: str, expression: str, edtf: str) -> None:
    assert found(sentence) == [(expression, edtf)]


def test_a_hyphenated_year_and_earlier_month_is_a_month() -> None:
    assert found("Relations began 1992-02 with a note.") == [("1992-02", "1992-02")]


def test_coordinated_years_are_two_expressions() -> None:
    assert found("Visits took place in 1990 and 1991.") == [("1990", "1990"), ("1991", "1991")]


@pytest.mark.parametrize(
    ("sentence", "expression", "edtf"),
    [
        (
            "He served from May 20, 1943 to September 11, 1944.",
            "from May 20, 1943 to September 11, 1944",
            "1943-05-20/1944-09-11",
        ),
        ("The mission ran June 1984 – May 1990.", "June 1984 – May 1990", "1984-06/1990-05"),
        (
            "The bombing continued from March through June 1999.",
            "from March through June 1999",
            "1999-03/1999-06",
        ),
        ("Talks were held May 2–5, 1826.", "May 2–5, 1826", "1826-05-02/1826-05-05"),
        ("Talks were held 13–18 October 1990.", "13–18 October 1990", "1990-10-13/1990-10-18"),
        (
            "Talks were held from December 1989 to March 1990.",
            "from December 1989 to March 1990",
            "1989-12/1990-03",
        ),
        (
            "Talks were held from December to March 1990.",
            "from December to March 1990",
            "1989-12/1990-03",
        ),
    ],
)
def test_ranges_of_days_and_months(sentence: str, expression: str, edtf: str) -> None:
    assert found(sentence) == [(expression, edtf)]


@pytest.mark.parametrize(
    ("sentence", "expression", "edtf"),
    [
        ("Trade grew in the 1980s.", "the 1980s", "198X"),
        ("Trade grew in the late 1980s.", "the late 1980s", "1986/1989"),
        ("Trade grew in the early 2000s.", "the early 2000s", "2000/2003"),
        ("Trade grew by the mid-1990s.", "the mid-1990s", "1993/1996"),
        ("Trade grew in the 1990's.", "the 1990's", "199X"),
        ("Ties date back to the 1800s.", "the 1800s", "18XX"),
        ("Trade grew in the 2000s.", "the 2000s", "200X"),
        ("Trade grew in the nineteenth century.", "the nineteenth century", "18XX"),
        ("Trade grew in the 21st century.", "the 21st century", "20XX"),
        ("Trade grew in the mid-19th century.", "the mid-19th century", "1833/1866"),
        ("A 19th-century treaty was signed.", "19th-century", "18XX"),
        ("Trade grew in the 19th and 20th centuries.", "the 19th and 20th centuries", "1800/1999"),
        ("The city was founded in the 5th century BC.", "the 5th century BC", "-04XX"),
    ],
)
def test_decades_and_centuries_never_claim_false_precision(
    sentence: str, expression: str, edtf: str
) -> None:
    assert found(sentence) == [(expression, edtf)]


@pytest.mark.parametrize(
    ("sentence", "expression", "edtf"),
    [
        ("Talks began in early 2008.", "early 2008", "2008-01/2008-04"),
        ("Talks began in mid-2017.", "mid-2017", "2017-05/2017-08"),
        ("Talks began in late 2001.", "late 2001", "2001-09/2001-12"),
        ("Talks ended by the end of 2014.", "the end of 2014", "2014-09/2014-12"),
        ("Talks ended in the first half of 2019.", "the first half of 2019", "2019-01/2019-06"),
        ("Talks ended in early November 1975.", "early November 1975", "1975-11-01/1975-11-10"),
        ("Talks began in the spring of 1966.", "the spring of 1966", "1966-21"),
        ("Talks began in summer 1941.", "summer 1941", "1941-22"),
    ],
)
def test_parts_of_years_and_seasons(sentence: str, expression: str, edtf: str) -> None:
    assert found(sentence) == [(expression, edtf)]


@pytest.mark.parametrize(
    ("sentence", "expression", "edtf"),
    [
        ("The post was founded circa 1840.", "circa 1840", "1840~"),
        ("The post was founded c. 1840.", "c. 1840", "1840~"),
        ("The post was founded around 1840.", "around 1840", "1840~"),
        ("The post was founded about 1840, they say.", "about 1840", "1840~"),
        ("The post was founded in or before 1840.", "in or before 1840", "../1840"),
        ("The post was founded in or after 1840.", "in or after 1840", "1840/.."),
        ("The post was founded probably in 1840.", "1840", "1840"),
        ("The post was founded probably 1840.", "probably 1840", "1840?"),
    ],
)
def test_qualifiers(sentence: str, expression: str, edtf: str) -> None:
    assert found(sentence) == [(expression, edtf)]


@pytest.mark.parametrize(
    ("sentence", "expression", "edtf"),
    [
        ("Signed 25/12/1990 in Lima.", "25/12/1990", "1990-12-25"),
        ("Signed 12/25/1990 in Lima.", "12/25/1990", "1990-12-25"),
        ("Signed 05/05/1990 in Lima.", "05/05/1990", "1990-05-05"),
        ("Signed 02/05/1826 in Lima.", "02/05/1826", "1826-XX-XX"),
    ],
)
def test_numeric_dates_only_as_precise_as_their_order_is_clear(
    sentence: str, expression: str, edtf: str
) -> None:
    assert found(sentence) == [(expression, edtf)]


def test_impossible_days_are_not_dates() -> None:
    assert found("It was dated February 30, 1990 by mistake.") != [("February 30, 1990", "")]
    assert ("February 30, 1990", "1990-02-30") not in found("It was dated February 30, 1990.")


def test_era_years() -> None:
    assert found("Carthage fell in 146 BC.") == [("146 BC", "-0145")]
    assert found("Rome was sacked in AD 410.") == [("AD 410", "0410")]


def test_glued_table_cells_still_split_into_dates() -> None:
    assert found("Retrieved 9 March 202211 September 2010") == [
        ("9 March 2022", "2022-03-09"),
        ("11 September 2010", "2010-09-11"),
    ]


def test_a_range_of_month_names_shares_the_year() -> None:
    assert found("It was signed in New York, May–June 2011.") == [
        ("May–June 2011", "2011-05/2011-06")
    ]


def test_a_full_date_glued_to_the_word_before_it_in_a_table_is_found() -> None:
    assert found("Relations with Bulgaria5 June 1992See also") == [("5 June 1992", "1992-06-05")]
