"""Calendar arithmetic the tagger needs: parts of periods, interval ends, shifts."""

from __future__ import annotations

from datetime import date, timedelta

from bilateral.extract.dates.lexicon import lexicon
from bilateral.model.edtf import (
    EDTF,
    EDTFError,
    Precision,
    days_in_month,
    format_date,
    format_decade,
    format_interval,
    parse,
)


def _years(first: int, last: int) -> str:
    """A run of years: one year, an aligned decade (``189X``) or an interval."""
    if first == last:
        return format_date(first)
    if first % 10 == 0 and last == first + 9:
        return format_decade(first)
    return format_interval(format_date(first), format_date(last))


def part_of_years(first_year: int, period: str, part: str) -> str:
    """A part of a decade or century (``period``) from ``first_year``: ``late 1980s`` →
    ``1985/1989``, ``early 20th century`` → ``1900/1939``, ``end of the 1990s`` → ``1999``."""
    first, last = lexicon().slice(part, period)
    return _years(first_year + first, first_year + last)


def part_of_year(year: int, part: str) -> str:
    """``late 2001`` → ``2001-09/2001-12``; ``end of 2004`` → ``2004-12``."""
    first, last = lexicon().slice(part, "year")
    if first == last:
        return format_date(year, first)
    return format_interval(format_date(year, first), format_date(year, last))


def part_of_month(year: int, month: int, part: str) -> str:
    """``early May 1990`` → ``1990-05-01/1990-05-10``; ``late December 1845`` →
    ``1845-12-21/1845-12-31``."""
    first, last = lexicon().slice(part, "month")
    last = min(last, days_in_month(year, month))
    return format_interval(format_date(year, month, first), format_date(year, month, last))


def start_of(value: EDTF) -> str | None:
    """``value`` as the start of an interval (decades and centuries by their first year,
    a season by its first month)."""
    if value.is_interval:
        return value.text.partition("/")[0] or None
    if value.precision in (Precision.DECADE, Precision.CENTURY, Precision.MILLENNIUM):
        return format_date(value.lower.year)
    if value.precision is Precision.SEASON:
        return format_date(value.lower.year, value.lower.month)
    return None if value.precision is Precision.UNKNOWN else value.text


def end_of(value: EDTF) -> str | None:
    """``value`` as the end of an interval (decades and centuries by their last year,
    a season by its last month: "until spring of 1943" ends in ``1943-05``)."""
    if value.is_interval:
        return value.text.partition("/")[2] or None
    if value.precision in (Precision.DECADE, Precision.CENTURY, Precision.MILLENNIUM):
        return format_date(value.upper.year)
    if value.precision is Precision.SEASON:
        return format_date(value.upper.year, value.upper.month)
    return None if value.precision is Precision.UNKNOWN else value.text


def join(first: str, last: str) -> str | None:
    """The interval from ``first`` to ``last``, or None when it would run backwards."""
    start, end = start_of(parse(first)), end_of(parse(last))
    if start in (None, "..") or end in (None, ".."):
        return None
    try:
        return format_interval(start, end)
    except EDTFError:
        return None


def unit_precision(base: str, size: int) -> Precision:
    if base == "day":
        return Precision.DAY
    if base == "month":
        return Precision.MONTH
    return {10: Precision.DECADE, 100: Precision.CENTURY}.get(size, Precision.YEAR)


def shifted(reference: date, precision: Precision, base: str, amount: int) -> str | None:
    """The date ``amount`` units (days, months or years) from ``reference``, at ``precision``."""
    try:
        if base == "day":
            moved = reference + timedelta(days=amount)
            return format_date(moved.year, moved.month, moved.day)
        if base == "month":
            index = reference.year * 12 + reference.month - 1 + amount
            return format_date(index // 12, index % 12 + 1)
        year = reference.year + amount
        if precision is Precision.DECADE:
            return format_decade(year - year % 10)
        if precision is Precision.CENTURY:
            return f"{(year - year % 100) // 100:02d}XX"
        return format_date(year)
    except (OverflowError, ValueError):
        return None
