"""Spelling out the dates that date templates hold as numbers.

``{{start date|1826|5|2|df=y}}`` shows "2 May 1826" on the page; the plain
text must say the same, in English, so that a date tagger reading plain text
finds it. Only what the parameters give is written: a year and month make
"May 1826", never a made-up day.
"""

from __future__ import annotations

import re

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_YEAR = re.compile(r"-?\d{1,4}")
_DAY = re.compile(r"\d{1,2}")


def month_number(text: str) -> int | None:
    """1–12 from "5", "05", "May" or "Sept"; None for anything else."""
    text = text.strip().rstrip(".")
    if text.isdigit():
        number = int(text)
        return number if 1 <= number <= 12 else None
    folded = text.casefold()
    if len(folded) < 3:
        return None
    for index, name in enumerate(MONTHS, start=1):
        if name.casefold().startswith(folded):
            return index
    return None


def year_of(text: str) -> str | None:
    text = text.strip()
    return text if _YEAR.fullmatch(text) else None


def day_of(text: str, month: int | None) -> int | None:
    text = text.strip()
    if month is None or not _DAY.fullmatch(text):
        return None
    day = int(text)
    return day if 1 <= day <= 31 else None


def spell(
    year: str | None,
    month: int | None,
    day: int | None,
    order: str = "mdy",
    abbreviate: bool = False,
) -> str:
    """An English date from its parts in ``order`` "dmy" or "mdy".

    Missing parts are left out ("May 1826", "1826"); a day without a month
    is dropped, as it means nothing alone.
    """
    month_name = ""
    if month is not None:
        month_name = MONTHS[month - 1]
        if abbreviate and len(month_name) > 3:
            month_name = month_name[:3]
    if day is None or not month_name:
        return " ".join(part for part in (month_name, year or "") if part)
    if order == "dmy":
        return " ".join(part for part in (str(day), month_name, year or "") if part)
    return f"{month_name} {day}, {year}" if year else f"{month_name} {day}"


def order_for(format_value: str | None, default: str = "mdy") -> str:
    """The day/month order a ``format=``, ``df=`` or ``mf=`` value asks for."""
    if format_value is None:
        return default
    value = format_value.strip().casefold()
    if value.startswith("d"):
        return "dmy"
    if value.startswith("m"):
        return "mdy"
    return default
