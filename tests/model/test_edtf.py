"""EDTF values: parsing levels 0 and 1, bounds, agreement and order."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bilateral.model.edtf import (
    EDTFError,
    Precision,
    agree,
    bounds,
    format_century,
    format_date,
    format_decade,
    format_interval,
    format_season,
    is_valid,
    parse,
    qualify,
    sort_key,
    truncate,
)


@pytest.mark.parametrize(
    ("text", "precision"),
    [
        ("1826-05-02", Precision.DAY),
        ("1838-01", Precision.MONTH),
        ("1966-21", Precision.SEASON),
        ("1839", Precision.YEAR),
        ("198X", Precision.DECADE),
        ("18XX", Precision.CENTURY),
        ("1XXX", Precision.MILLENNIUM),
        ("1985-XX-XX", Precision.YEAR),
        ("1985-04-XX", Precision.MONTH),
        ("1879/1884", Precision.INTERVAL),
        ("../1840", Precision.INTERVAL),
        ("1985-04-12T23:20:30Z", Precision.DAY),
        ("Y170000002", Precision.YEAR),
        ("-0499", Precision.YEAR),
    ],
)
def test_each_form_has_its_precision(text: str, precision: Precision) -> None:
    assert parse(text).precision is precision


@pytest.mark.parametrize(
    "text",
    ["1985-02-30", "1985-13", "201X-05", "1985-XX-12", "1985-21-01", "/", "../..", "2004/2001"],
)
def test_invalid_values_are_refused(text: str) -> None:
    assert not is_valid(text)
    with pytest.raises(EDTFError):
        parse(text)


def test_a_leap_day_exists_only_in_leap_years() -> None:
    assert is_valid("2000-02-29") and is_valid("1904-02-29")
    assert not is_valid("1900-02-29")


@pytest.mark.parametrize(
    ("text", "earliest", "latest"),
    [
        ("1838-01", date(1838, 1, 1), date(1838, 1, 31)),
        ("1838", date(1838, 1, 1), date(1838, 12, 31)),
        ("198X", date(1980, 1, 1), date(1989, 12, 31)),
        ("18XX", date(1800, 1, 1), date(1899, 12, 31)),
        ("1985-XX-XX", date(1985, 1, 1), date(1985, 12, 31)),
        ("1966-21", date(1966, 3, 1), date(1966, 5, 31)),
        ("1879/1884", date(1879, 1, 1), date(1884, 12, 31)),
        ("2004-06/2006-08", date(2004, 6, 1), date(2006, 8, 31)),
    ],
)
def test_bounds_are_the_first_and_last_day(text: str, earliest: date, latest: date) -> None:
    assert bounds(text) == (earliest, latest)


def test_winter_reaches_into_the_next_year() -> None:
    assert bounds("1990-24") == (date(1990, 1, 1), date(1991, 2, 28))


def test_open_interval_ends_are_unbounded() -> None:
    assert bounds("../1840") == (date.min, date(1840, 12, 31))
    assert bounds("1840/..") == (date(1840, 1, 1), date.max)


def test_bounds_outside_datetime_years_raise() -> None:
    with pytest.raises(EDTFError):
        bounds("-0499")
    assert parse("-0499").lower.year == -499


@pytest.mark.parametrize("other", ["1838", "1838-01-15", "1838/1840", "183X", "18XX"])
def test_a_month_agrees_with_what_contains_it_or_falls_in_it(other: str) -> None:
    assert agree("1838-01", other)
    assert agree(other, "1838-01")


@pytest.mark.parametrize(
    ("a", "b"), [("1837", "1838-01"), ("1838-02", "1838-01-15"), ("1990", "198X")]
)
def test_dates_that_cannot_be_the_same_time_disagree(a: str, b: str) -> None:
    assert not agree(a, b)


def test_approximate_dates_reach_one_unit_either_side() -> None:
    assert agree("1840~", "1841") and agree("1839", "1840~")
    assert not agree("1840~", "1842")


def test_uncertain_dates_do_not_widen() -> None:
    assert not agree("1840?", "1841")


def test_qualifiers_are_read() -> None:
    assert parse("1840?").uncertain and not parse("1840?").approximate
    assert parse("1840~").approximate and not parse("1840~").uncertain
    assert parse("1840%").uncertain and parse("1840%").approximate
    assert parse("1984~/2004-06").approximate


def test_sort_key_orders_by_earliest_day_then_latest() -> None:
    values = ["1839", "1838-01-15", "1838", "1838-01", "183X", "../1830"]
    expected = ["../1830", "183X", "1838-01", "1838", "1838-01-15", "1839"]
    assert sorted(values, key=sort_key) == expected


def test_builders_write_what_parse_reads() -> None:
    assert format_date(1838, 1) == "1838-01"
    assert format_date(1826, 5, 2) == "1826-05-02"
    assert format_season(1966, 21) == "1966-21"
    assert format_decade(1980) == "198X"
    assert format_century(1800) == "18XX"
    assert format_interval("2006", None) == "2006/.."
    assert format_interval(None, "1840") == "../1840"


def test_builders_refuse_impossible_values() -> None:
    with pytest.raises(EDTFError):
        format_date(1838, 2, 30)
    with pytest.raises(EDTFError):
        format_decade(1985)
    with pytest.raises(EDTFError):
        format_interval("1990", "1980")


def test_qualify_combines_into_both() -> None:
    assert qualify("1840", "~") == "1840~"
    assert qualify("1840~", "?") == "1840%"


def test_truncate_coarsens_a_single_date() -> None:
    assert truncate("1838-06-08", Precision.MONTH) == "1838-06"
    assert truncate("1838-06-08", Precision.YEAR) == "1838"
    assert truncate("1838-06-08", Precision.DECADE) == "183X"
    assert truncate("1838", Precision.MONTH) == "1838"


days = st.dates(min_value=date(100, 1, 1), max_value=date(9999, 12, 31))


@given(days)
def test_any_day_round_trips(day: date) -> None:
    text = format_date(day.year, day.month, day.day)
    assert bounds(text) == (day, day)


@given(days, st.sampled_from([Precision.MONTH, Precision.YEAR, Precision.DECADE]))
def test_a_day_agrees_with_every_coarser_form_of_itself(day: date, precision: Precision) -> None:
    text = format_date(day.year, day.month, day.day)
    coarse = truncate(text, precision)
    assert agree(text, coarse)
    low, high = bounds(coarse)
    assert low <= day <= high


@given(days, days)
def test_agreement_is_symmetric(a: date, b: date) -> None:
    first, second = format_date(a.year, a.month), format_date(b.year)
    assert agree(first, second) == agree(second, first)
