"""Dates of the Office of the Historian datasets as EDTF strings, at their precision.

The datasets write ISO-like dates ("1826-05-02", "1826-05", "1826"); RDCR
headings also say "1838-40", "1880 until 1915", "October 1923" or "July 13,
1832". Nothing here adds precision the input does not have: "1826" stays a
year. An impossible date raises `DateError`, which importers report as a
rejection.
"""

from __future__ import annotations

import datetime
import re

_ISO = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_MONTHS = {
    name: index
    for index, name in enumerate(
        (
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ),
        start=1,
    )
}
_MONTH = "|".join(_MONTHS)
# "1838-40", "1949-1955", "1880 until 1915", "1795 to 1956"
_YEAR_RANGE = re.compile(r"\b(\d{4})\s*(?:[-\u2013]|\buntil\b|\bto\b)\s*(\d{2,4})\b")
# "July 13, 1832", "July 13 1832"
_MONTH_DAY_YEAR = re.compile(rf"\b({_MONTH})\s+(\d{{1,2}}),?\s+(\d{{4}})\b", re.IGNORECASE)
# "October 1923", "January, 1838"
_MONTH_YEAR = re.compile(rf"\b({_MONTH}),?\s+(\d{{4}})\b", re.IGNORECASE)
_YEAR = re.compile(r"\b(1[5-9]\d{2}|20\d{2})\b")


class DateError(ValueError):
    """A date the importers cannot read, with the text it was given."""


def edtf(value: str | None) -> str | None:
    """An ISO-like date as EDTF at the precision given; None for an empty value.

    >>> edtf("1826-05-02"), edtf("1826-05"), edtf("1826"), edtf("  ")
    ('1826-05-02', '1826-05', '1826', None)
    """
    if value is None or not value.strip():
        return None
    text = value.strip()
    match = _ISO.fullmatch(text)
    if match is None:
        raise DateError(f"{text!r} is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)")
    year, month, day = match.groups()
    _check(text, int(year), int(month) if month else None, int(day) if day else None)
    return text


def interval(start: str | None, end: str | None) -> str | None:
    """An EDTF interval "start/end"; one side alone when the other is empty."""
    first, last = edtf(start), edtf(end)
    if first and last:
        return first if first == last else f"{first}/{last}"
    return first or last


def text_date(text: str) -> str | None:
    """The date a heading states ("…, 1838-40.", "October 1923"), or None.

    The first form found wins, most precise first: a day, a month, a range of
    years, a year.
    """
    found = _MONTH_DAY_YEAR.search(text)
    if found:
        month, day, year = _MONTHS[found.group(1).casefold()], int(found.group(2)), found.group(3)
        return _checked(f"{year}-{month:02d}-{day:02d}")
    found = _MONTH_YEAR.search(text)
    if found:
        return _checked(f"{found.group(2)}-{_MONTHS[found.group(1).casefold()]:02d}")
    found = _YEAR_RANGE.search(text)
    if found:
        first, last = found.group(1), found.group(2)
        if len(last) == 2:
            last = first[:2] + last
        if int(last) > int(first):
            return f"{first}/{last}"
    found = _YEAR.search(text)
    return found.group(1) if found else None


def _checked(value: str) -> str:
    result = edtf(value)
    assert result is not None
    return result


def _check(text: str, year: int, month: int | None, day: int | None) -> None:
    try:
        datetime.date(year, month or 1, day or 1)
    except ValueError as error:
        raise DateError(f"{text!r} is not a real date ({error})") from None
