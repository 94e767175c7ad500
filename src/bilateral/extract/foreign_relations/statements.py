"""When relations began, were broken off and were restored, as the text states it.

Two sources: a table's date cell ("23 January 1823, (Relations severed in 3
November 2025)", "1 July 1992—2 September 2008", "1905; 2006") and a
sentence of notes or prose ("Both countries established diplomatic
relations on 6 July 1822", "relations were suspended from 20 January 2020
to 16 September 2021").

A date cell is read date by date. A date takes the mode of a cue word
before it ("severed", "restored"); without one, the first date takes the
column's role (relations began, recognition, relations ended), a date that
ends a dash range closes what the one before opened (relations or
recognition ended; after a break, relations resumed), and a later date
set apart by ";", "/" or "and" re-establishes relations (the pages list
"1809; 1991" for a state that re-formed). "Before 1995" and "22 January
1993 or before" are open intervals ending then, as EDTF says.

Dates come from the date tagger; a cell is tagged piece by piece between
dashes, slashes and semicolons so that two full dates glued by a dash are
read as two dates. ISO-like "1992-1-4", which the tagger leaves alone, is
read here.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from bilateral.extract.dates import DateSpan, tag_dates
from bilateral.extract.dates.lexicon import lexicon
from bilateral.model.edtf import EDTFError, format_date, format_interval, parse
from bilateral.model.span import Span

ESTABLISH = "establish-relations"
SEVER = "sever-relations"
RESTORE = "restore-relations"
RECOGNIZE = "recognize"
RELATION_MODES = (ESTABLISH, SEVER, RESTORE, RECOGNIZE)
_ROLE_MODES = {"establish": ESTABLISH, "recognize": RECOGNIZE, "end": SEVER}
# What ends the span a closed interval gives for a mode.
_CLOSES = {ESTABLISH: SEVER, RECOGNIZE: SEVER, SEVER: RESTORE}

_RESTORE_WORDS = (
    r"re-?establish\w*|restor\w*|resum\w*|renew\w*|normali[sz]\w*|re-?open\w*|unfr[oe]z\w*"
)
_SEVER_WORDS = (
    r"sever\w*|broke(?:n)?(?:\s+off)?|break(?:s|ing)?(?:\s+off)?|cut(?:\s+off)?|suspend\w*|"
    r"terminat\w*|interrupt\w*|froze(?:n)?|freez\w*|cancell?ed|ended|ruptur\w*|withdr[ae]w\w*"
)
_ESTABLISH_WORDS = (
    r"(?<![-\w])establish\w*|began|begun|opened|initiated|entered\s+into|set\s+up|"
    r"started|formali[sz]ed|officiali[sz]ed"
)
_NOUNS = {
    "re-establishment": RESTORE,
    "reestablishment": RESTORE,
    "restoration": RESTORE,
    "resumption": RESTORE,
    "normalization": RESTORE,
    "normalisation": RESTORE,
    "establishment": ESTABLISH,
    "severance": SEVER,
    "severing": SEVER,
    "suspension": SEVER,
    "rupture": SEVER,
    "breaking": SEVER,
    "break": SEVER,
    "interruption": SEVER,
    "termination": SEVER,
}
_BETWEEN = r"(?:(?!and\b|but\b)[\w()-]+\s+){0,3}?"
_RELATIONS = r"(?<!trade )(?<!economic )(?<!cultural )(?<!military )(?:relations|ties)\b"
_VERB_FIRST = re.compile(
    rf"\b(?P<verb>{_RESTORE_WORDS}|{_SEVER_WORDS}|{_ESTABLISH_WORDS})\s+{_BETWEEN}{_RELATIONS}",
    re.I,
)
_RELATIONS_FIRST = re.compile(
    rf"\b{_RELATIONS}\s+{_BETWEEN}(?P<verb>{_RESTORE_WORDS}|{_SEVER_WORDS}|{_ESTABLISH_WORDS})",
    re.I,
)
_NOUN_FIRST = re.compile(
    rf"\b(?P<verb>{'|'.join(_NOUNS)})\s+of\s+{_BETWEEN}{_RELATIONS}",
    re.I,
)
_ELLIPSIS = re.compile(
    rf"\b(?:and|but|then|until|before being)\s+(?:were\s+|was\s+|being\s+)?"
    rf"(?:later\s+|again\s+|then\s+)?(?P<verb>{_RESTORE_WORDS}|{_SEVER_WORDS})\b",
    re.I,
)
_NEGATED = re.compile(r"\b(?:not|never|no longer|yet to|nor)\s+(?:\w+\s+){0,2}$", re.I)
_CUE = {
    RESTORE: re.compile(rf"\b(?:{_RESTORE_WORDS})", re.I),
    SEVER: re.compile(rf"\b(?:{_SEVER_WORDS})", re.I),
    ESTABLISH: re.compile(rf"(?:{_ESTABLISH_WORDS})", re.I),
}
_PIECES = re.compile(r"[–—/;]|\s-\s|\s{2,}|\band\b|\n")
_DASH = re.compile(r"^\s*(?:[–—]|-\s)")
_BEFORE = re.compile(r"\b(?:before|no later than|not later than|by)\s*$", re.I)
_OR_BEFORE = re.compile(r"^\s*,?\s*or (?:before|earlier)\b", re.I)
_ISO_LIKE = re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{1,2})(?:-(?P<d>\d{1,2}))?\b")


@dataclass(frozen=True, slots=True)
class Statement:
    """A relation mode stated at ``span`` of `plain`, with its date (None: undated)."""

    mode: str
    date: str | None
    span: Span
    confidence: float


def mode_of_verb(verb: str) -> str:
    """The mode a cue word states: restore before sever before establish."""
    word = verb.casefold()
    if word in _NOUNS:
        return _NOUNS[word]
    for mode in (RESTORE, SEVER, ESTABLISH):
        if _CUE[mode].match(word):
            return mode
    return ESTABLISH


def cues(text: str, span: Span) -> list[tuple[str, Span]]:
    """(mode, cue span) of each relation statement in ``text[span]``, in text order."""
    found: dict[int, tuple[str, Span]] = {}
    for pattern in (_VERB_FIRST, _RELATIONS_FIRST, _NOUN_FIRST):
        for match in pattern.finditer(text, span.start, span.end):
            verb = match.start("verb")
            if _NEGATED.search(text, max(span.start, verb - 30), verb):
                continue
            if any(start <= match.start() < cue.end for start, (_, cue) in found.items()):
                continue
            found[match.start()] = (mode_of_verb(match.group("verb")), Span(*match.span()))
    if found:  # "Relations were established in 1960 and broken off in 1967"
        first = found[min(found)][1]
        reach = min(span.end, first.end + 60)
        for match in _ELLIPSIS.finditer(text, first.end, reach):
            if not any(cue.start <= match.start("verb") < cue.end for _, cue in found.values()):
                found[match.start()] = (mode_of_verb(match.group("verb")), Span(*match.span()))
    return [found[key] for key in sorted(found)]


def sentence_statements(
    text: str,
    sentence: Span,
    dates: Callable[[], Sequence[DateSpan]],
    elsewhere: Callable[[Span], bool] = lambda _cue: False,
) -> list[Statement]:
    """The relation statements of one sentence, each dated by the date nearest its cue.

    ``dates`` gives the sentence's dates; it is called only when the sentence
    has a cue. A cue for which ``elsewhere`` is true speaks of relations with
    a third state and is skipped. A cue dated by a closed interval
    ("suspended from 2020 to 2021") states the break at its start and the
    return at its end.
    """
    found: list[Statement] = []
    cued = [(mode, cue) for mode, cue in cues(text, sentence) if not elsewhere(cue)]
    if not cued:
        return found
    usable = sorted((d for d in dates() if d.edtf), key=lambda d: d.start)
    for number, (mode, cue) in enumerate(cued):
        after = cued[number + 1][1].start if number + 1 < len(cued) else sentence.end
        before = cued[number - 1][1].end if number else sentence.start
        date = _date_for(usable, cue, before, after)
        if date is None:
            found.append(Statement(mode, None, sentence, 0.6))
            continue
        if mode == SEVER and "/" in date.edtf and ".." not in date.edtf:
            first, last = date.edtf.split("/", 1)
            found.append(Statement(SEVER, first, sentence, 0.8))
            found.append(Statement(RESTORE, last, sentence, 0.8))
            continue
        found.append(Statement(mode, date.edtf, sentence, 0.8))
    return found


_PLAIN_DATE = re.compile(
    r"\s*(?:(?P<d1>\d{1,2})\s+(?P<m1>[A-Z][a-z]+)\s+|(?P<m2>[A-Z][a-z]+)\s+(?:(?P<d2>\d{1,2}),\s+)?)?"
    r"(?P<y>\d{4})\s*"
)


def _plain_date(text: str, cell: Span) -> DateSpan | None:
    """A cell that is exactly one date ("6 July 1822", "July 6, 1822", "March 1966",
    "1983"), read without the tagger: most cells are, and this is much faster. Any
    other shape returns None and goes to the tagger."""
    match = _PLAIN_DATE.fullmatch(text, cell.start, cell.end)
    if match is None:
        return None
    month_name = match["m1"] or match["m2"]
    day = match["d1"] or match["d2"]
    months = lexicon().months
    if month_name is not None and month_name not in months:
        return None
    try:
        edtf = format_date(
            int(match["y"]),
            months[month_name] if month_name else None,
            int(day) if day else None,
        )
    except EDTFError:
        return None
    start = (
        match.start("d1") if match["d1"] else match.start("m2") if match["m2"] else match.start("y")
    )
    precision = "day" if day else "month" if month_name else "year"
    return DateSpan(start, match.end("y"), text[start : match.end("y")], edtf, precision)


def _date_for(dates: list[DateSpan], cue: Span, before: int, after: int) -> DateSpan | None:
    """The first date after a cue up to the next cue, else the last one before it back
    to the previous cue: "established in 1960 and severed in 1967", "In 1960, ...
    established"."""
    following = [d for d in dates if cue.end <= d.start and d.end <= after]
    if following:
        return following[0]
    preceding = [d for d in dates if before <= d.start and d.end <= cue.start]
    return preceding[-1] if preceding else None


def cell_dates(text: str, cell: Span) -> list[DateSpan]:
    """The dates of a table cell, tagged piece by piece (see the module docstring)."""
    plain = _plain_date(text, cell)
    if plain is not None:
        return [plain]
    found: list[DateSpan] = []
    start = cell.start
    for separator in [*_PIECES.finditer(text, cell.start, cell.end), None]:
        end = separator.start() if separator else cell.end
        if end > start:
            found.extend(d for d in tag_dates(text, start, end) if d.edtf)
        start = separator.end() if separator else cell.end
    if not found:
        found = _iso_like(text, cell)
    return found


def _iso_like(text: str, cell: Span) -> list[DateSpan]:
    found = []
    for match in _ISO_LIKE.finditer(text, cell.start, cell.end):
        try:
            day = int(match["d"]) if match["d"] else None
            edtf = format_date(int(match["y"]), int(match["m"]), day)
        except EDTFError:
            continue
        precision = "day" if day else "month"
        found.append(DateSpan(match.start(), match.end(), match.group(), edtf, precision))
    return found


def cell_statements(text: str, cell: Span, role: str) -> list[Statement]:
    """The relation statements of a date cell whose column has ``role``."""
    found: list[Statement] = []
    previous: DateSpan | None = None
    last_mode: str | None = None
    for date in cell_dates(text, cell):
        lead_start = previous.end if previous else cell.start
        lead = text[lead_start : date.start]
        mode = _cue_in(lead)
        confidence = 0.9
        if mode is None:
            if previous is None:
                mode = _ROLE_MODES[role]
            elif _DASH.match(lead):
                mode = RESTORE if last_mode == SEVER else SEVER
            else:
                mode, confidence = RESTORE, 0.6
        edtf = _open_before(text, cell, date, lead)
        closing = _CLOSES.get(mode)
        if closing is not None and "/" in edtf and ".." not in edtf:
            # "16 May 1874 to 1918": began then, ended then; "broken 1960 - 1962" likewise
            first, last = edtf.split("/", 1)
            found.append(Statement(mode, first, Span(date.start, date.end), confidence))
            found.append(Statement(closing, last, Span(date.start, date.end), confidence))
        else:
            found.append(Statement(mode, edtf, Span(date.start, date.end), confidence))
        previous, last_mode = date, mode
    if not found:
        mode = _cue_in(text[cell.start : cell.end])
        if mode in (SEVER, RESTORE):
            found.append(Statement(mode, None, cell, 0.6))
    return found


def _cue_in(lead: str) -> str | None:
    for mode in (RESTORE, SEVER, ESTABLISH):
        if _CUE[mode].search(lead):
            return mode
    return None


def _open_before(text: str, cell: Span, date: DateSpan, lead: str) -> str:
    """ "Before 1995", "22 January 1993 or before": the interval ending then."""
    after = text[date.end : cell.end]
    if (_BEFORE.search(lead) or _OR_BEFORE.match(after)) and "/" not in date.edtf:
        try:
            return format_interval(None, date.edtf)
        except EDTFError:
            return date.edtf
    return date.edtf


def status_mode(text: str) -> str | None:
    """The mode a country cell's remark states: "Mexico (suspended)"."""
    inside = re.findall(r"\(([^)]*)\)", text)
    for remark in inside:
        mode = _cue_in(remark)
        if mode in (SEVER, RESTORE):
            return mode
    return None


def is_valid(edtf: str) -> bool:
    try:
        parse(edtf)
    except EDTFError:
        return False
    return True
