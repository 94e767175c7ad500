"""Missions a sentence states: who keeps which mission in which city.

The notes of a "Foreign relations of X" partner row or section, and the
bullets of an article's missions list, say it in a few shapes, all read here
clause by clause:

- "Uruguay has an embassy in Lima and an honorary consulate in Arequipa."
- "Chile has an embassy in Canberra, consulates-general in Melbourne and
  Sydney and honorary consulates in Brisbane and Perth."
- "Burkina Faso is accredited to Peru from its embassy in Washington, D.C."
  and "India is represented in Burundi by its embassy in Kampala, Uganda."
- "There is a U.S. Consular Agency in Cuzco."
- "Cuba has an interests section in the Swiss embassy in Washington."

A clause starts where a state (its name, alias or code, possibly after
"In 2010," or "and") is followed by a verb of keeping a mission. What this
module returns is the reading of the words; which side is host, whether a
mission is resident, and where its city is, is settled by the caller with
the gazetteer (`NoteMission` keeps the country written after a city:
"Astana, Kazakhstan", "Sofia (Bulgaria)").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from bilateral.extract.lexicon_tables import mission_type, mission_type_pattern
from bilateral.model.span import Span

_VERBS = (
    r"has|have|maintains|maintain|operates|operate|keeps|keep|opened|reopened|re-opened|"
    r"set up|established|hosts an?|(?:is|are)\s+(?:also\s+)?(?:accredited|represented)"
)
_CLAUSE = re.compile(
    rf"(?:^|(?<=[,;]\s)|(?<=\band\s)|(?<=\bwhile\s)|(?<=\bwhilst\s)|(?<=\bwhereas\s)|"
    rf"(?<=\bbut\s)|(?<=\bwhile\s))"
    rf"(?P<subject>[^,;:()\n]{{1,60}}?)\s+(?:also\s+|currently\s+|now\s+|still\s+)?"
    rf"(?P<verb>{_VERBS})\b"
)
_THERE = re.compile(
    r"\b[Tt]here (?:is|are) (?:an?\s+|the\s+|two\s+|several\s+|\d+\s+)?"
    r"(?P<subject>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}?)\s+(?=\S)"
)
_ACCREDITED = re.compile(
    r"\s*(?:to|in)\s+(?P<host>.{1,60}?)\s*,?\s+(?:from|through|via|by|with)\b", re.I
)
_REMOTE_WORDS = re.compile(r"accredit|represent|\bcover|responsib|\balso\b", re.I)
_CITIES_START = re.compile(
    r"\s*(?:\(\s*)?(?:to\s+(?:the\s+)?[A-Z][\w'’ -]{0,40}?\s+)?(?:in|at)\s+(?:the\s+city\s+of\s+)?"
)
_CONNECTORS = frozenset(
    "of de del da do dos das es el al la le les upon on am an der di du sur en i y".split()
)
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
_DC = re.compile(r",?\s*D\.\s?C\.?")
_PAREN = re.compile(r"\s*\(([^()]{1,40})\)")
_COMMA = re.compile(r"\s*,\s*")
_SEPARATOR = re.compile(r"\s*(?:,\s*and|,|and|&)\s+")
_MUTUAL = re.compile(r"^(?:both|the two|each)\b", re.I)
_INSIDE_OTHER = re.compile(r"\s*(?:in|at|of|within)\s+the\b", re.I)
_JOINED = re.compile(r"\s*(?:,|and|&|as well as)\s*(?:an?\s+|the\s+|its\s+)?", re.I)
_PAST = re.compile(r"\b(?:formerly|previously|former|closed|until|used to)\b", re.I)
_SENTENCE_END = re.compile(r"(?<=[a-z\]\)]\.)\s+(?=[A-Z])")


@dataclass(frozen=True, slots=True)
class NoteMission:
    """One mission as a clause words it (before host and residence are settled)."""

    subject: str  # the state id of the clause's subject: the sender
    host: str | None  # named by "accredited to H" / "represented in H"
    kind: str  # mission type of the interchange contract
    city: str
    country: str | None  # a state written after the city: "Astana, Kazakhstan"
    remote: bool  # the clause speaks of accreditation or representation from elsewhere
    span: Span


Resolve = Callable[[str], "str | None"]


def note_missions(text: str, sentence: Span, resolve: Resolve) -> Iterator[NoteMission]:
    """The missions stated in ``text[sentence]``; ``resolve`` names states."""
    if not mission_type_pattern()[0].search(text, sentence.start, sentence.end):
        return
    piece = text[sentence.start : sentence.end]
    clauses = sorted(_clauses(piece, resolve), key=lambda c: c[2])
    stops = sorted({*(c[2] for c in clauses), *(m.end() for m in _SENTENCE_END.finditer(piece))})
    for subject, verb, begin, body_start in clauses:
        if subject is None:
            continue
        end = next((stop for stop in stops if stop > begin), len(piece))
        if _PAST.search(piece, begin, end):
            continue
        remote = bool(_REMOTE_WORDS.search(verb)) or bool(_REMOTE_WORDS.search(piece, begin, end))
        host = None
        if re.search(r"accredited|represented", verb):
            explicit = _ACCREDITED.match(piece, body_start, end)
            if explicit is not None:
                host = _leading_state(explicit.group("host"), resolve)
        for kind, city, country, city_end in _items(piece, body_start, end, resolve):
            span = Span(sentence.start + begin, sentence.start + city_end)
            yield NoteMission(subject, host, kind, city, country, remote, span)


def _clauses(piece: str, resolve: Resolve) -> Iterator[tuple[str | None, str, int, int]]:
    """(subject id, verb, clause start, body start) of each clause; the subject is None
    when it names no state ("It", "Both countries"): such a clause only ends the one
    before it."""
    for match in _CLAUSE.finditer(piece):
        subject = match.group("subject")
        code = None if _MUTUAL.match(subject.strip()) else _trailing_state(subject, resolve)
        yield code, match.group("verb"), match.start(), match.end()
    for match in _THERE.finditer(piece):
        code = _trailing_state(match.group("subject"), resolve)
        if code is not None:
            yield code, "has", match.start(), match.start("subject")


def _trailing_state(words: str, resolve: Resolve) -> str | None:
    """The state the last words of a subject name ("In 2010, Peru" → Peru)."""
    parts = words.split()
    for size in range(min(len(parts), 7), 0, -1):
        code = resolve(" ".join(parts[-size:]))
        if code is not None:
            return code
    return None


def _leading_state(words: str, resolve: Resolve) -> str | None:
    """The state the first words name ("Tajikistan embassy in Dushanbe" → Tajikistan)."""
    parts = words.split()
    for size in range(min(len(parts), 7), 0, -1):
        code = resolve(" ".join(parts[:size]))
        if code is not None:
            return code
    return None


def _items(
    piece: str, start: int, end: int, resolve: Resolve
) -> Iterator[tuple[str, str, str | None, int]]:
    """(type, city, country written after it, end of the city) of each mission listed."""
    pattern = mission_type_pattern()[0]
    matches = list(pattern.finditer(piece, start, end))
    kept: list[re.Match[str]] = []
    for match in matches:
        previous = kept[-1] if kept else None
        if (
            previous is not None
            and mission_type(previous.group(0)) == "interests-section"
            and _INSIDE_OTHER.match(piece, previous.end(), match.start())
        ):
            continue  # "an interests section in the Swiss embassy in ...": one mission
        kept.append(match)
    cities: list[list[tuple[str, str | None, int]]] = []
    for number, match in enumerate(kept):
        stop = kept[number + 1].start() if number + 1 < len(kept) else end
        named = mission_type(match.group(0)) or ""
        cities.append(_cities_after(piece, match.end(), stop, named, resolve))
    for number in range(len(kept) - 2, -1, -1):
        # "an embassy and consulate-general in Havana": the cities serve both kinds
        if not cities[number] and _JOINED.fullmatch(
            piece, kept[number].end(), kept[number + 1].start()
        ):
            cities[number] = cities[number + 1]
    for match, found in zip(kept, cities, strict=True):
        kind = mission_type(match.group(0))
        if kind is not None:
            for city, country, city_end in found:
                yield kind, city, country, city_end


def _cities_after(
    piece: str, at: int, stop: int, kind: str, resolve: Resolve
) -> list[tuple[str, str | None, int]]:
    if kind == "interests-section":  # the city is the last "in City" of the item
        spots = [m.end() for m in re.finditer(r"\bin\s+(?=[A-Z])", piece[at:stop])]
        return city_list(piece, at + spots[-1], stop, resolve) if spots else []
    lead = _CITIES_START.match(piece, at, stop)
    if lead is None:
        return []
    return city_list(piece, lead.end(), stop, resolve)


def city_list(
    piece: str, at: int, stop: int, resolve: Resolve
) -> list[tuple[str, str | None, int]]:
    """Cities named from ``at``: "Melbourne and Sydney", "Astana, Kazakhstan",
    "Washington, D.C.", "Sofia (Bulgaria)"; each with the state written after it."""
    found: list[tuple[str, str | None, int]] = []
    position = at
    while position < stop:
        name_end = _name_end(piece, position, stop)
        if name_end is None:
            break
        city = piece[position:name_end]
        dc = _DC.match(piece, name_end, stop)
        if dc is not None and city.startswith("Washington"):
            name_end = dc.end()
            city = "Washington, D.C."
        country, position = None, name_end
        bracket = _PAREN.match(piece, position, stop)
        comma = _COMMA.match(piece, position, stop)
        if bracket is not None and resolve(bracket.group(1)):
            country, position = resolve(bracket.group(1)), bracket.end()
        elif comma is not None:
            after = _name_end(piece, comma.end(), stop)
            if after is not None and resolve(piece[comma.end() : after]):
                country, position = resolve(piece[comma.end() : after]), after
        found.append((city, country, name_end if country is None else position))
        separator = _SEPARATOR.match(piece, position, stop)
        if separator is None or _name_end(piece, separator.end(), stop) is None:
            break
        position = separator.end()
    return found


def _name_end(piece: str, at: int, stop: int) -> int | None:
    """The end of a capitalised place name starting at ``at`` ("Rio de Janeiro")."""
    first = _WORD.match(piece, at, stop)
    if first is None or not first.group(0)[0].isupper():
        return None
    end = first.end()
    if _ends_sentence(first.group(0)):
        return _trim(piece, at, end)
    while True:
        gap = re.compile(r"[ \t]+").match(piece, end, stop)
        if gap is None:
            return _trim(piece, at, end)
        word = _WORD.match(piece, gap.end(), stop)
        if word is None:
            return _trim(piece, at, end)
        token = word.group(0)
        if token[0].isupper():
            end = word.end()
            if _ends_sentence(token):
                return _trim(piece, at, end)
            continue
        if token in _CONNECTORS:
            follow = re.compile(r"[ \t]+").match(piece, word.end(), stop)
            nxt = _WORD.match(piece, follow.end(), stop) if follow else None
            if nxt is not None and nxt.group(0)[0].isupper():
                end = nxt.end()
                continue
        return _trim(piece, at, end)


def _ends_sentence(token: str) -> bool:
    """A word with a full stop that is not an abbreviation ("Sweden." but not "D.C.", "St.")."""
    if not token.endswith("."):
        return False
    bare = token.rstrip(".")
    return len(bare) > 3 and "." not in bare


def _trim(piece: str, at: int, end: int) -> int:
    """Drop a full stop that ends the sentence rather than an abbreviation."""
    while end > at and piece[end - 1] in ".’'" and not re.search(r"\b\w\.$", piece[at:end]):
        end -= 1
    return end
