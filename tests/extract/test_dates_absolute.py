"""Absolute date expressions: every common surface form and its EDTF value."""

import pytest

from tests.extract.dates_helpers import found


@pytest.mark.parametrize(
    ("sentence", "expression", "edtf"),
    [
        ("Cooley was appointed on May 2, 1826.", "May 2, 1826", "1826-05-02"),
        ("Cooley was appointed on 2 May 1826.", "2 May 1826", "1826-05-02"),
        ("Cooley was appointed on May 2nd, 1826.", "May 2nd, 1826", "1826-05-02"),
        ("Cooley was appointed on the 2nd of May, 1826.", "2nd of May, 1826", "1826-05-02"),
        ("It opened on the 31st day of July 1996.", "31st day of July 1996", "1996-07-31"),
        ("He served until Ocotber 8, 1904.", "Ocotber 8, 1904", "1904-10-08"),
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
        ("Trade grew in the 1980s.", "1980s", "198X"),
        ("Trade grew in the 1990's.", "1990's", "199X"),
        ("Ties date back to the 1800s.", "1800s", "18XX"),
        ("Trade grew in the 2000s.", "2000s", "200X"),
        ("Trade grew in the nineteenth century.", "nineteenth century", "18XX"),
        ("Trade grew in the 21st century.", "21st century", "20XX"),
        ("A 19th-century treaty was signed.", "19th-century", "18XX"),
        ("Trade grew in the 19th and 20th centuries.", "19th and 20th centuries", "1800/1999"),
        (
            "Trade grew in the nineteenth and early twentieth centuries.",
            "nineteenth and early twentieth centuries",
            "1800/1939",
        ),
        ("The city was founded in the 5th century BC.", "5th century BC", "-04XX"),
    ],
)
def test_decades_and_centuries_never_claim_false_precision(
    sentence: str, expression: str, edtf: str
) -> None:
    assert found(sentence) == [(expression, edtf)]


@pytest.mark.parametrize(
    ("sentence", "expression", "edtf"),
    [
        ("Trade grew in the early 1960s.", "early 1960s", "1960/1963"),
        ("Trade grew by the mid-1990s.", "mid-1990s", "1994/1996"),
        ("Trade grew in the late 1990s.", "late 1990s", "1995/1999"),
        ("Trade grew in the mid-to-late 1980s.", "mid-to-late 1980s", "1984/1989"),
        ("Trade grew in the second half of the 1990s.", "second half of the 1990s", "1995/1999"),
        ("Trade grew by the end of the 1990s.", "end of the 1990s", "1999"),
        ("Trade grew early in the 1990s.", "early in the 1990s", "1990/1993"),
        ("Trade grew in the early 1800s.", "early 1800s", "1800/1839"),
        ("Trade grew in the early 20th century.", "early 20th century", "1900/1939"),
        ("Trade grew in the mid-19th century.", "mid-19th century", "1840/1869"),
        ("Trade grew in the late nineteenth century.", "late nineteenth century", "1850/1899"),
        (
            "It was written in the first half of the 19th century.",
            "first half of the 19th century",
            "1800/1849",
        ),
        ("Consuls came at the end of the 18th century.", "end of the 18th century", "179X"),
    ],
)
def test_parts_of_decades_and_centuries_follow_the_decade_rule(
    sentence: str, expression: str, edtf: str
) -> None:
    """Early 0–3, mid 4–6, late 5–9 of a decade; the same ×10 for a century."""
    assert found(sentence) == [(expression, edtf)]


@pytest.mark.parametrize(
    ("sentence", "expression", "edtf"),
    [
        ("Talks began in early 2008.", "early 2008", "2008-01/2008-04"),
        ("Talks began in mid-2017.", "mid-2017", "2017-05/2017-08"),
        ("Talks began in late 2001.", "late 2001", "2001-09/2001-12"),
        ("Talks began early in 2007.", "early in 2007", "2007-01/2007-04"),
        ("Talks began late in 2003.", "late in 2003", "2003-09/2003-12"),
        ("Talks ended by the end of 2014.", "end of 2014", "2014-12"),
        ("Talks began at the beginning of 2006.", "beginning of 2006", "2006-01"),
        ("Talks ended in the first half of 2019.", "first half of 2019", "2019-01/2019-06"),
        ("Talks ended in early November 1975.", "early November 1975", "1975-11-01/1975-11-10"),
        ("Talks ended in mid-November 1975.", "mid-November 1975", "1975-11-11/1975-11-20"),
        ("He arrived in late December 1845.", "late December 1845", "1845-12-21/1845-12-31"),
        ("He arrived in late February 1992.", "late February 1992", "1992-02-21/1992-02-29"),
        ("Talks began in the spring of 1966.", "spring of 1966", "1966-21"),
        ("Talks began in summer 1941.", "summer 1941", "1941-22"),
        ("Talks began in late summer 1941.", "late summer 1941", "1941-08"),
        ("It ended at the end of the summer of 1944.", "end of the summer of 1944", "1944-08"),
        ("The embassy closed before the start of the 1991 Gulf War.", "1991", "1991"),
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
        ("The house dates from circa 1948–1949.", "circa 1948–1949", "1948~/1949~"),
        ("He arrived on or about July 1, 1974.", "on or about July 1, 1974", "1974-07-01~"),
        ("He left on or around August 28, 1797.", "on or around August 28, 1797", "1797-08-28~"),
        (
            "He sailed on or shortly after August 9, 1845.",
            "on or shortly after August 9, 1845",
            "1845-08-09~",
        ),
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


@pytest.mark.parametrize(
    ("sentence", "expression", "edtf"),
    [
        (
            "Trade grew between 1956 and the mid-1960s.",
            "between 1956 and the mid-1960s",
            "1956/1966",
        ),
        (
            "Trade grew between the mid-1970s and 2002.",
            "between the mid-1970s and 2002",
            "1974/2002",
        ),
        ("Trade grew in the 1970s-1980s.", "1970s-1980s", "1970/1989"),
        (
            "The campaign ran from late 1942 until spring of 1943.",
            "from late 1942 until spring of 1943",
            "1942-09/1943-05",
        ),
        (
            "Talks ran between October 23 and 27, 1837.",
            "between October 23 and 27, 1837",
            "1837-10-23/1837-10-27",
        ),
        (
            "Talks ran from 9 to 25 February 2018.",
            "from 9 to 25 February 2018",
            "2018-02-09/2018-02-25",
        ),
    ],
)
def test_ranges_with_fuzzy_ends_take_the_outer_edge(
    sentence: str, expression: str, edtf: str
) -> None:
    assert found(sentence) == [(expression, edtf)]


def test_from_belongs_to_a_range_only_with_its_to() -> None:
    assert found("The company ran from 1884–1940.") == [("1884–1940", "1884/1940")]
    assert found("He served from June 1984 – May 1990.") == [
        ("June 1984 – May 1990", "1984-06/1990-05")
    ]
    assert found("He served from June 1984 to May 1990.") == [
        ("from June 1984 to May 1990", "1984-06/1990-05")
    ]


def test_a_disjunction_of_years_is_one_interval() -> None:
    assert found("He was born in 1795 or 1796.") == [("1795 or 1796", "1795/1796")]


def test_coordinated_seasons_stay_apart() -> None:
    assert found("In the summer of 1916 and the spring of 1943.") == [
        ("summer of 1916", "1916-22"),
        ("spring of 1943", "1943-21"),
    ]


def test_a_year_after_an_acronym_or_edition_noun_names_an_edition() -> None:
    assert found("APEC 2024 was held in Lima and Expo 2020 in Dubai.") == []


def test_a_year_naming_a_legal_instrument_or_event_is_a_date() -> None:
    assert found("The Order 1999 followed the 1988 Summer Olympics.") == [
        ("1999", "1999"),
        ("1988", "1988"),
    ]


def test_counts_before_a_plural_noun_are_not_years() -> None:
    assert found("It built 1500 mosques and almost 2000 schools.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Formal relations beganNotes1984See Albania", [("1984", "1984")]),
        ("relations with Belarus1992-04-17 Belarus has", [("1992-04-17", "1992-04-17")]),
        (
            "Retrieved 4 August 2021.1999 Australia and",
            [("4 August 2021", "2021-08-04"), ("1999", "1999")],
        ),
        ("since 2 April 1984thumb|Embassy of Japan", [("2 April 1984", "1984-04-02")]),
        ("See files/ranking_mar2021.pdf and Press, c1997, p. 150", []),
    ],
)
def test_table_cells_glued_to_the_word_before_are_found(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(text) == expected


def test_a_range_of_month_names_with_to_shares_the_year() -> None:
    assert found("Issues in Foreign Policy: July to December 2010") == [
        ("July to December 2010", "2010-07/2010-12")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a month and its year opening a cell glued to the word before
        ("Relations began on NotesMarch 1971See Chad", [("March 1971", "1971-03")]),
        ("BeganNotesOctober 3, 1957 Both agreed", [("October 3, 1957", "1957-10-03")]),
        # a date followed by a year cell, a year cell by a date
        (
            "agreed on 2 March 19801975Both countries",
            [("2 March 1980", "1980-03-02"), ("1975", "1975")],
        ),
        (
            "agreed in 196511 May 2001Both countries",
            [("1965", "1965"), ("11 May 2001", "2001-05-11")],
        ),
        # an ISO date of a citation followed by the next row's year
        (
            "Ministry of Foreign Affairs, 2011-06-302004 See Chad",
            [("2011-06-30", "2011-06-30"), ("2004", "2004")],
        ),
        # eight digits are no date unless a month comes before them
        ("Call the office at 20101994 Monday", []),
    ],
)
def test_glued_cells_split_at_every_date(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("sentence", "expression", "edtf"),
    [
        ("It was a seventeenth‐century fort.", "seventeenth‐century", "16XX"),
        ("Trade grew in the mid‐1970s.", "mid‐1970s", "1974/1976"),
        (
            "Ties cooled in the later half of the 19th century.",
            "later half of the 19th century",
            "1850/1899",
        ),
        ("Ties cooled in the early part of the 1960s.", "early part of the 1960s", "1960/1963"),
    ],
)
def test_unicode_hyphens_and_more_part_phrases(sentence: str, expression: str, edtf: str) -> None:
    assert found(sentence) == [(expression, edtf)]


@pytest.mark.parametrize(
    ("sentence", "expression", "edtf"),
    [
        (
            "Ties have been close in the years 1975 to the present.",
            "1975 to the present",
            "1975/..",
        ),
        (
            "Ties have been close from the late 1940s to the present day.",
            "from the late 1940s to the present day",
            "1945/..",
        ),
        ("He has served from March 2012 until today.", "from March 2012 until today", "2012-03/.."),
        ("Trade has doubled between 1999 and now.", "between 1999 and now", "1999/.."),
        (
            "Links date from the 12th century to the modern day.",
            "from the 12th century to the modern day",
            "1100/..",
        ),
    ],
)
def test_a_range_to_the_present_is_open_at_its_end(
    sentence: str, expression: str, edtf: str
) -> None:
    assert found(sentence) == [(expression, edtf)]


def test_the_present_closes_no_range_without_a_link() -> None:
    assert found("In 1975 and now again, trade grew to today's level.") == [("1975", "1975")]


def test_a_qualifier_reaches_across_the_before_a_part_of_a_period() -> None:
    assert found("Trade peaked around the late 1970s.") == [
        ("around the late 1970s", "1975~/1979~")
    ]


def test_about_before_the_names_a_topic_not_an_approximation() -> None:
    assert found("He wrote a memoir about the late 1970s.") == [("late 1970s", "1975/1979")]


@pytest.mark.parametrize(
    ("sentence", "expression", "edtf"),
    [
        (
            "Trade grew in the first decade of the 21st century.",
            "first decade of the 21st century",
            "200X",
        ),
        (
            "Unrest marked the last decade of the nineteenth century.",
            "last decade of the nineteenth century",
            "189X",
        ),
        (
            "Ties warmed in the late second decade of the 20th century.",
            "late second decade of the 20th century",
            "1915/1919",
        ),
    ],
)
def test_a_numbered_decade_of_a_century(sentence: str, expression: str, edtf: str) -> None:
    assert found(sentence) == [(expression, edtf)]


@pytest.mark.parametrize(
    ("sentence", "expressions"),
    [
        # cells glued to an acronym ending the cell before, or to a year
        (
            "AgreementANZSCEP18 August 200014 November 2000",
            [("18 August 2000", "2000-08-18"), ("14 November 2000", "2000-11-14")],
        ),
        ("PartnershipJSEPAOctober 200113 January 2002", [("October 2001", "2001-10")]),
        ("FTA28 November 20044 August 2005End 2005Peru", [("End 2005", "2005-12")]),
        ("May 2008Early 2009", [("Early 2009", "2009-01/2009-04")]),
        # a flight number is no glued cell
        ("The downing of MH17 July 2014 shocked.", [("July 2014", "2014-07")]),
    ],
)
def test_table_cells_glued_to_acronyms_and_years(
    sentence: str, expressions: list[tuple[str, str]]
) -> None:
    result = found(sentence)
    for expression in expressions:
        assert expression in result


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Debt at end 2005 was high.", [("end 2005", "2005-12")]),
        ("The plan was to end 2005 with a surplus.", [("2005", "2005")]),
        (
            "Ties began at the opening of the twentieth century.",
            [("opening of the twentieth century", "190X")],
        ),
    ],
)
def test_end_without_of_and_opening_of(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert found(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("1994 August Prime Minister Lee visited.", [("1994 August", "1994-08")]),
        ("Summit (APEC) 2008 April Speaker Lim", [("2008 April", "2008-04")]),
        ("In 2016 May became prime minister.", [("2016", "2016")]),
        ("Letters: 1919-2-24See France", [("1919-2-24", "1919-02-24")]),
    ],
)
def test_a_year_before_its_month_and_iso_dates_without_zeros(
    sentence: str, expected: list[tuple[str, str]]
) -> None:
    assert found(sentence) == expected
