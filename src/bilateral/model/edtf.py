"""EDTF dates (Library of Congress Extended Date/Time Format, levels 0 and 1).

Every date in the knowledge base is an EDTF string that says exactly as much
as its source does: ``1826-05-02`` (a day), ``1838-01`` (a month),
``1966-21`` (spring 1966), ``1839`` (a year), ``198X`` (the 1980s), ``18XX``
(the nineteenth century), ``1985-XX-XX`` (some day of 1985),
``1879/1884`` (an interval), ``../1840`` and ``1840/..`` (open intervals),
``1840~`` (approximate), ``1840?`` (uncertain), ``1840%`` (both).

`parse` turns a string into an `EDTF` value (raising `EDTFError` when it is
not level 0/1 EDTF); `bounds` gives its earliest and latest day; `agree`
says whether two dates can describe the same time; `sort_key` orders them.
The ``format_*`` helpers build strings without going through text.

Conventions beyond the standard: seasons are northern-hemisphere (spring =
March–May, summer = June–August, autumn = September–November, winter = the
whole span from January of its year to February of the next, since "winter
1990" is read both ways); bounds of a date with a time of day are its day.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from functools import lru_cache
from typing import NamedTuple

from bilateral.errors import BilateralError


class EDTFError(BilateralError, ValueError):
    """A string that is not a level 0/1 EDTF date, or a date outside what is asked."""


class Precision(StrEnum):
    DAY = "day"
    MONTH = "month"
    SEASON = "season"
    YEAR = "year"
    DECADE = "decade"
    CENTURY = "century"
    MILLENNIUM = "millennium"
    UNKNOWN = "unknown"
    INTERVAL = "interval"


_RANK = {
    Precision.DAY: 0,
    Precision.MONTH: 1,
    Precision.SEASON: 2,
    Precision.YEAR: 3,
    Precision.DECADE: 4,
    Precision.CENTURY: 5,
    Precision.MILLENNIUM: 6,
    Precision.UNKNOWN: 7,
    Precision.INTERVAL: 8,
}


class Day(NamedTuple):
    """A proleptic Gregorian day with any (astronomical) year; tuples order in time."""

    year: int
    month: int
    day: int

    def date(self) -> date:
        """As a `datetime.date` (years 1–9999 only)."""
        if not 1 <= self.year <= 9999:
            raise EDTFError(f"year {self.year} is outside the years datetime.date holds")
        return date(self.year, self.month, self.day)


EARLIEST = Day(-(10**12), 1, 1)
LATEST = Day(10**12, 12, 31)

SEASONS = {21: (3, 5), 22: (6, 8), 23: (9, 11), 24: (1, 14)}  # month 14 = next February

_POINT = re.compile(
    r"(?P<year>Y-?\d{5,}|-?(?:\d{4}|\d{3}X|\d{2}XX|\dXXX|XXXX))"
    r"(?:-(?P<month>\d\d|XX)(?:-(?P<day>\d\d|XX)"
    r"(?:T\d\d:\d\d:\d\d(?:Z|[+-]\d\d(?::?\d\d)?)?)?)?)?"
    r"(?P<qualifier>[?~%])?"
)


def is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def days_in_month(year: int, month: int) -> int:
    if month == 2:
        return 29 if is_leap(year) else 28
    return 30 if month in (4, 6, 9, 11) else 31


@dataclass(frozen=True, slots=True)
class EDTF:
    """A parsed EDTF value: its text, precision, qualifiers and bounds.

    For an interval, ``uncertain`` and ``approximate`` are true when either
    end carries that qualifier. ``lower`` and ``upper`` are the first and last
    day the value can mean (`EARLIEST`/`LATEST` for open or unknown ends).
    """

    text: str
    precision: Precision
    lower: Day
    upper: Day
    uncertain: bool = False
    approximate: bool = False

    def __str__(self) -> str:
        return self.text

    @property
    def is_interval(self) -> bool:
        return self.precision is Precision.INTERVAL

    @property
    def sort_key(self) -> tuple[Day, Day, str]:
        return (self.lower, self.upper, self.text)


@dataclass(frozen=True, slots=True)
class _Point:
    precision: Precision
    lower: Day
    upper: Day
    qualifier: str


def _year(token: str) -> tuple[int, int, Precision]:
    """The first and last year a year token covers, and its precision."""
    if token.startswith("Y"):
        value = int(token[1:])
        return value, value, Precision.YEAR
    sign = -1 if token.startswith("-") else 1
    digits = token.lstrip("-")
    unspecified = digits.count("X")
    precision = (
        Precision.YEAR,
        Precision.DECADE,
        Precision.CENTURY,
        Precision.MILLENNIUM,
        Precision.UNKNOWN,
    )[unspecified]
    if precision is Precision.UNKNOWN:
        if sign < 0:
            raise EDTFError("an unknown year cannot be negative")
        return EARLIEST.year, LATEST.year, precision
    low = int(digits.replace("X", "0"))
    high = int(digits.replace("X", "9"))
    if sign < 0:
        low, high = -high, -low
    return low, high, precision


def _point(text: str) -> _Point:
    match = _POINT.fullmatch(text)
    if match is None:
        raise EDTFError(f"not an EDTF date: {text!r}")
    first, last, precision = _year(match["year"])
    month, day, qualifier = match["month"], match["day"], match["qualifier"] or ""
    if month is None:
        return _Point(precision, Day(first, 1, 1), Day(last, 12, 31), qualifier)
    if precision is not Precision.YEAR:
        raise EDTFError(f"a year with unspecified digits takes no month or day: {text!r}")
    if month == "XX":
        if day not in (None, "XX"):
            raise EDTFError(f"a day needs a month: {text!r}")
        return _Point(Precision.YEAR, Day(first, 1, 1), Day(first, 12, 31), qualifier)
    number = int(month)
    if number in SEASONS:
        if day is not None:
            raise EDTFError(f"a season takes no day: {text!r}")
        begin, finish = SEASONS[number]
        end_year, end_month = (first + 1, finish - 12) if finish > 12 else (first, finish)
        end_day = Day(end_year, end_month, days_in_month(end_year, end_month))
        return _Point(Precision.SEASON, Day(first, begin, 1), end_day, qualifier)
    if not 1 <= number <= 12:
        raise EDTFError(f"no month {month} (01–12, or 21–24 for seasons): {text!r}")
    length = days_in_month(first, number)
    if day is None or day == "XX":
        return _Point(Precision.MONTH, Day(first, number, 1), Day(first, number, length), qualifier)
    if not 1 <= int(day) <= length:
        raise EDTFError(f"no day {day} in {first:04d}-{number:02d}: {text!r}")
    at = Day(first, number, int(day))
    return _Point(Precision.DAY, at, at, qualifier)


def _end(text: str) -> _Point | None:
    """One end of an interval; None when open (``..``) or unknown (empty)."""
    return None if text in ("", "..") else _point(text)


@lru_cache(maxsize=4096)
def parse(text: str) -> EDTF:
    """The EDTF value of ``text``; `EDTFError` when it is not level 0/1 EDTF (values are
    immutable, so recent ones are cached)."""
    if "/" not in text:
        point = _point(text)
        return EDTF(
            text,
            point.precision,
            point.lower,
            point.upper,
            uncertain=point.qualifier in ("?", "%"),
            approximate=point.qualifier in ("~", "%"),
        )
    left, _, right = text.partition("/")
    if "/" in right or (left in ("", "..") and right in ("", "..")):
        raise EDTFError(f"an interval needs at least one known end: {text!r}")
    start, end = _end(left), _end(right)
    lower = start.lower if start else EARLIEST
    upper = end.upper if end else LATEST
    if start and end and start.lower > end.upper:
        raise EDTFError(f"an interval cannot end before it starts: {text!r}")
    qualifiers = (start.qualifier if start else "") + (end.qualifier if end else "")
    return EDTF(
        text,
        Precision.INTERVAL,
        lower,
        upper,
        uncertain="?" in qualifiers or "%" in qualifiers,
        approximate="~" in qualifiers or "%" in qualifiers,
    )


def is_valid(text: str) -> bool:
    try:
        parse(text)
    except EDTFError:
        return False
    return True


def _value(value: str | EDTF) -> EDTF:
    return value if isinstance(value, EDTF) else parse(value)


def bounds(value: str | EDTF) -> tuple[date, date]:
    """The earliest and latest day ``value`` can mean, as `datetime.date`.

    Open or unknown interval ends give `date.min` / `date.max`; a value
    outside years 1–9999 raises `EDTFError` (use ``parse(value).lower`` and
    ``.upper`` for those).
    """
    parsed = _value(value)
    low = date.min if parsed.lower == EARLIEST else parsed.lower.date()
    high = date.max if parsed.upper == LATEST else parsed.upper.date()
    return low, high


def _widened(value: EDTF) -> tuple[Day, Day]:
    """Bounds, stretched by one unit of precision when the value is approximate."""
    if not value.approximate or value.is_interval:
        return value.lower, value.upper
    years = {
        Precision.YEAR: 1,
        Precision.DECADE: 10,
        Precision.CENTURY: 100,
        Precision.MILLENNIUM: 1000,
    }.get(value.precision)
    if years is not None:
        low, high = value.lower, value.upper
        return Day(low.year - years, 1, 1), Day(high.year + years, 12, 31)
    days = {Precision.DAY: 1, Precision.MONTH: 31, Precision.SEASON: 92}.get(value.precision, 0)
    return _add_days(value.lower, -days), _add_days(value.upper, days)


def _add_days(day: Day, count: int) -> Day:
    if EARLIEST < day < LATEST and 1 <= day.year <= 9999:
        try:
            moved = date.fromordinal(day.date().toordinal() + count)
        except (OverflowError, ValueError):
            return day
        return Day(moved.year, moved.month, moved.day)
    return day


def agree(a: str | EDTF, b: str | EDTF) -> bool:
    """True when ``a`` and ``b`` are consistent at the coarser of their precisions.

    That is, when some day fits both: ``1838-01`` agrees with ``1838``,
    ``1838-01-15`` and ``1838/1840`` but not with ``1837``; ``198X`` agrees
    with ``1985-05``; two intervals agree when they overlap. An approximate
    date (``~`` or ``%``) reaches one unit of its precision either side
    (``1840~`` agrees with ``1841``); an uncertain one (``?``) does not widen.
    """
    first_low, first_high = _widened(_value(a))
    second_low, second_high = _widened(_value(b))
    return first_low <= second_high and second_low <= first_high


def sort_key(value: str | EDTF) -> tuple[Day, Day, str]:
    """Chronological order: by earliest day, then latest day (finer first), then text."""
    return _value(value).sort_key


def rank(precision: Precision) -> int:
    """Order of precisions from the finest (day, 0) to the coarsest (interval)."""
    return _RANK[precision]


def coarser(a: Precision, b: Precision) -> Precision:
    """The coarser of two precisions (an interval counts as the coarsest)."""
    return a if _RANK[a] >= _RANK[b] else b


# -- building strings -------------------------------------------------------------------


def _year_text(year: int) -> str:
    if year > 9999 or year < -9999:
        return f"Y{year}"
    return f"-{-year:04d}" if year < 0 else f"{year:04d}"


def format_date(year: int, month: int | None = None, day: int | None = None) -> str:
    """``1838``, ``1838-01`` or ``1838-01-15``; checked like any parsed value."""
    if day is not None and month is None:
        raise EDTFError("a day needs a month")
    text = _year_text(year)
    if month is not None:
        text += f"-{month:02d}"
    if day is not None:
        text += f"-{day:02d}"
    parse(text)
    return text


def format_day(day: Day) -> str:
    return format_date(day.year, day.month, day.day)


def format_season(year: int, season: int) -> str:
    """``1966-21`` for spring 1966 (21 spring, 22 summer, 23 autumn, 24 winter)."""
    if season not in SEASONS:
        raise EDTFError(f"no season {season} (21–24)")
    return f"{_year_text(year)}-{season}"


def format_decade(first_year: int) -> str:
    """``198X`` for the decade starting 1980."""
    if first_year % 10 or not 0 <= first_year <= 9990:
        raise EDTFError(f"{first_year} does not start a decade")
    return f"{first_year // 10:03d}X"


def format_century(first_year: int) -> str:
    """``18XX`` for the hundred years starting 1800 (the nineteenth century)."""
    if first_year % 100 or not 0 <= first_year <= 9900:
        raise EDTFError(f"{first_year} does not start a century")
    return f"{first_year // 100:02d}XX"


def format_interval(start: str | None, end: str | None) -> str:
    """``start/end``; None makes that end open (``..``). Checked like any parsed value."""
    text = f"{start if start is not None else '..'}/{end if end is not None else '..'}"
    parse(text)
    return text


def qualify(text: str, qualifier: str) -> str:
    """Add ``?``, ``~`` or ``%`` to a single date (combining into ``%`` as needed)."""
    if qualifier not in ("?", "~", "%"):
        raise EDTFError(f"unknown qualifier {qualifier!r}")
    value = parse(text)
    if value.is_interval:
        raise EDTFError("qualify the ends of an interval one by one")
    uncertain = value.uncertain or qualifier in "?%"
    approximate = value.approximate or qualifier in "~%"
    bare = text.rstrip("?~%")
    return bare + ("%" if uncertain and approximate else "?" if uncertain else "~")


def truncate(value: str | EDTF, precision: Precision) -> str:
    """A single date at a coarser precision: ``truncate("1838-06-08", YEAR) == "1838"``.

    Values already at or above ``precision``, intervals and unspecified
    forms come back unchanged.
    """
    parsed = _value(value)
    if parsed.is_interval or _RANK[parsed.precision] >= _RANK[precision]:
        return parsed.text
    low = parsed.lower
    if precision is Precision.MONTH:
        return format_date(low.year, low.month)
    if precision in (Precision.YEAR, Precision.SEASON):
        return format_date(low.year)
    if precision is Precision.DECADE:
        return format_decade(low.year - low.year % 10)
    if precision is Precision.CENTURY:
        return format_century(low.year - low.year % 100)
    return parsed.text
