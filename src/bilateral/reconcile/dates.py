"""Comparing a claim's date with a record's, and saying by how much they differ.

Agreement is `edtf.agree`: consistent at the coarser of the two precisions,
so "1838" agrees with "1838-06-09" and "1840-01" with "1840-01-30". A
difference is measured at that coarser precision too, so that the words do
not claim more than the sources give: "1837-03-16" against "1838" is "1 year
apart", against "1837-12-10" it is "274 days (about 9 months) apart".
"""

from __future__ import annotations

from datetime import date

from bilateral.model import edtf
from bilateral.model.edtf import EDTF, Day, Precision

_YEARLY = (
    Precision.YEAR,
    Precision.DECADE,
    Precision.CENTURY,
    Precision.MILLENNIUM,
    Precision.UNKNOWN,
    Precision.INTERVAL,
)


def parsed(value: str | None) -> EDTF | None:
    """The EDTF value of ``value``, or None when it is empty or not EDTF."""
    if not value:
        return None
    try:
        return edtf.parse(value)
    except edtf.EDTFError:
        return None


def agrees(claim: str, record: str) -> bool | None:
    """True when the dates can mean the same time, False when they cannot, None when
    either is not a date."""
    a, b = parsed(claim), parsed(record)
    if a is None or b is None:
        return None
    return edtf.agree(a, b)


def _ordinal(day: Day) -> int:
    year = min(max(day.year, 1), 9999)
    return date(year, day.month, day.day).toordinal()


def distance(claim: str, record: str) -> int | None:
    """Days between the nearest ends of the two dates (0 when they overlap)."""
    a, b = parsed(claim), parsed(record)
    if a is None or b is None:
        return None
    if a.upper < b.lower:
        return _ordinal(b.lower) - _ordinal(a.upper)
    if b.upper < a.lower:
        return _ordinal(a.lower) - _ordinal(b.upper)
    return 0


def _plural(count: int, unit: str) -> str:
    return f"{count} {unit}{'' if count == 1 else 's'}"


def difference(claim: str, record: str) -> str | None:
    """How far apart two disagreeing dates are, at the coarser precision: "1 year
    apart", "1 month apart", "1 day apart". None when they agree or are not dates."""
    a, b = parsed(claim), parsed(record)
    if a is None or b is None or edtf.agree(a, b):
        return None
    early, late = (a, b) if a.upper < b.lower else (b, a)
    precision = edtf.coarser(a.precision, b.precision)
    if precision in _YEARLY or precision is Precision.SEASON:
        years = late.lower.year - early.upper.year
        if years >= 1:
            return f"{_plural(years, 'year')} apart"
    if precision is not Precision.DAY:
        months = (late.lower.year * 12 + late.lower.month) - (
            early.upper.year * 12 + early.upper.month
        )
        if months >= 1:
            return f"{_plural(months, 'month')} apart"
    days = _ordinal(late.lower) - _ordinal(early.upper)
    if days < 62:
        return f"{_plural(days, 'day')} apart"
    if days < 730:
        return f"{days} days (about {_plural(round(days / 30.44), 'month')}) apart"
    return f"about {_plural(round(days / 365.25), 'year')} apart"


def span(start: str | None, end: str | None) -> str | None:
    """A record's dates as one EDTF value: the day, or the interval when it lasted."""
    if not start:
        return end
    if not end or end == start:
        return start
    value = f"{start}/{end}"
    return value if parsed(value) is not None else start
