"""Things that look like dates and are not."""

import pytest

from tests.extract.dates_helpers import found


@pytest.mark.parametrize(
    "sentence",
    [
        "Garcia credited the late and recently beatified Pope John Paul II.",
        "The Council adopted Resolution 1441 unanimously.",
        "See No. 1234 of the series.",
        "The quote is on page 1201 of the report.",
        "About 200,000 U.S. citizens visit Peru annually.",
        "More than 400 U.S. companies are represented in the country.",
        "15 Democratic members of Congress also condemned the government.",
        "51% of Peruvians view the U.S. favorably.",
        "Trade rose by 1500% in a decade.",
        "The embassy cost $2000 to refurbish.",
        "The border is 1600 km long.",
        "Some 1500 Peruvian soldiers took part.",
        "About 2000 people marched.",
        "The army sent 1500 troops.",
        "The civilisation is 2000 years old.",
        "Ferdinand VII returned to the throne.",
        "Biden traveled to Lima to attend APEC 2024 as a guest.",
        "Egypt's Vision 2030 sets the goals.",
        "Japanese warships took part in RIMPAC 2024 off Hawaii.",
        "Leaders met at the BIMSTEC Summit 2018 at Kathmandu.",
        "The Australia Act 1986 ended appeals to London.",
        "The pavilion at Expo 2020 drew crowds.",
        "The vote was 1990-1980 against.",
        "He was in office for thirty minutes.",
    ],
)
def test_no_date_is_found(sentence: str) -> None:
    assert found(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "year"),
    [
        ("See Samuels and Wagle 2011. Population mobility and health.", "2011"),
        ("Le Lettere, Firenze 2004, p. 69.", "2004"),
        ("Bush visited Tallinn, Estonia 2006.", "2006"),
    ],
)
def test_a_year_after_a_person_or_a_place_stays_a_date(sentence: str, year: str) -> None:
    assert found(sentence) == [(year, year)]


def test_a_year_after_a_name_is_a_date_when_a_preposition_separates_them() -> None:
    assert found("APEC met in 2024 in Lima.") == [("2024", "2024")]


def test_a_year_before_a_capitalised_word_stays_a_date() -> None:
    assert found("The Australian 2016 Census recorded them.") == [("2016", "2016")]


def test_a_possessive_before_a_year_keeps_it_a_date() -> None:
    assert found("Peru's 2006 election was close.") == [("2006", "2006")]


def test_a_date_preposition_outweighs_a_count_noun() -> None:
    assert found("In 2006 cases of cholera rose.") == [("2006", "2006")]


def test_a_month_name_used_as_a_verb_or_name_is_not_a_date() -> None:
    assert found("Protesters march on the capital; April Smith may speak.") == []


def test_random_punctuation_around_numbers_is_not_a_date() -> None:
    assert found("Version 1.1990 and 3.6/1990 and A1990 and 1990a.") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "In May 1931 the office moved to the 12th floor.",
        "In May 1931 the delegates met on the 3rd Committee.",
    ],
)
def test_an_ordinal_before_a_noun_is_no_day(sentence: str) -> None:
    assert found(sentence) == [("May 1931", "1931-05")]
