"""Calendar arithmetic the tagger needs: parts of periods, interval ends, shifts."""

from __future__ import annotations

import math
from datetime import date, timedelta
from fractions import Fraction

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

Fractions = tuple[Fraction, Fraction]


def _slice(count: int, part: Fractions) -> tuple[int, int]:
    """The first and last index (0-based) of ``count`` units a part covers."""
    first = math.floor(part[0] * count)
    last = max(first, math.ceil(part[1] * count) - 1)
    return first, min(last, count - 1)


def part_of_years(first_year: int, count: int, part: Fractions) -> str:
    """``the late 1980s`` → ``1986/1989``: a part of ``count`` years from ``first_year``."""
    first, last = _slice(count, part)
    return format_interval(format_date(first_year + first), format_date(first_year + last))


def part_of_year(year: int, part: Fractions) -> str:
    """``late 2001`` → ``2001-09/2001-12``."""
    first, last = _slice(12, part)
    return format_interval(format_date(year, first + 1), format_date(year, last + 1))


def part_of_month(year: int, month: int, part: Fractions) -> str:
    """``early May 1990`` → ``1990-05-01/1990-05-11``."""
    first, last = _slice(days_in_month(year, month), part)
    return format_interval(format_date(year, month, first + 1), format_date(year, month, last + 1))


def start_of(value: EDTF) -> str | None:
    """``value`` as the start of an interval (decades and centuries by their first year)."""
    if value.is_interval:
        return value.text.partition("/")[0] or None
    if value.precision in (Precision.DECADE, Precision.CENTURY, Precision.MILLENNIUM):
        return format_date(value.lower.year)
    return None if value.precision is Precision.UNKNOWN else value.text


def end_of(value: EDTF) -> str | None:
    """``value`` as the end of an interval (decades and centuries by their last year)."""
    if value.is_interval:
        return value.text.partition("/")[2] or None
    if value.precision in (Precision.DECADE, Precision.CENTURY, Precision.MILLENNIUM):
        return format_date(value.upper.year)
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
