"""Do two spellings name the same person? A score, not a yes/no.

Articles and official records spell people differently: "J.C. Pickett" is
POCOM's James Chamberlayne Pickett, "William E. Gonzales" its William Elliott
Gonzales, "Joe Biden" the travels dataset's Joseph R. Biden, "Dina Boluarte"
the visits dataset's Dina Boluarte Zegarra. The rules, in order:

1. Names are split into words with accents, case and dots folded away;
   particles ("de", "van"), suffixes ("Jr.", "III"), leading titles
   ("President") and parenthesised asides are dropped; "Last, First" is
   turned around; "J.C." is two initials.
2. An *anchor* is one surname word both names share exactly, in a surname
   position (never the first word of a name of several words).
3. The given names before the anchor must line up from the start: each
   word of the shorter list equal to, a nickname of, or an initial of the
   word at the same place in the longer one. Extra middle names at the end
   of the longer list are fine ("Alberto K. Fujimori" = "Alberto Fujimori");
   a different one is not ("George W." is not "George H. W.").
4. Words after the anchor (a second surname) must line up the same way;
   one side lacking them lowers the score but still matches.
5. When one side has no given name at all ("Prado"), the match is *weak*:
   enough to corroborate a date, never enough to contradict one. Two people
   who share only a surname never match.

`score` returns 0.0–1.0; `STRONG` and `WEAK` are the thresholds callers use.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources

STRONG = 0.6
WEAK = 0.4

PARTICLES = frozenset(
    "de del della dela di da das dos do du la le los las van von der den ten ter y e".split()
)
SUFFIXES = frozenset("jr sr ii iii iv".split())
TITLES = frozenset(
    "president elect prime minister secretary ambassador mr mrs ms dr sir general "
    "gen king queen prince princess hon honorable senator governor".split()
)
_PAREN = re.compile(r"\([^)]*\)")
_INITIALS = re.compile(r"^(?:[A-Z]\.){2,}$|^(?:[A-Z]\.)+[A-Z]$")
_SPLIT = re.compile(r"[\s\-\u2010-\u2015\u00a0]+")


@dataclass(frozen=True, slots=True)
class Word:
    """One folded word of a name; ``initial`` when the source gave only its first letter."""

    text: str
    initial: bool = False


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]", "", bare.casefold())


@cache
def nicknames() -> dict[str, frozenset[str]]:
    """Each name's equivalence class of hypocorisms ("joe" ↔ "joseph"), from nicknames.txt."""
    text = resources.files(__package__).joinpath("nicknames.txt").read_text(encoding="utf-8")
    classes: dict[str, set[str]] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        formal, _, short = line.partition("\t")
        group = {_fold(formal), *(_fold(s) for s in short.split(","))} - {""}
        merged = set(group).union(*(classes.get(n, set()) for n in group))
        for name in merged:
            classes[name] = merged
    return {name: frozenset(group) for name, group in classes.items()}


def words(name: str) -> tuple[Word, ...]:
    """The comparable words of a name, in order (see the module's rule 1)."""
    text = _PAREN.sub(" ", name).strip()
    head, comma, tail = text.partition(",")
    if comma and tail.strip() and _fold(tail) not in SUFFIXES and "," not in tail:
        text = f"{tail} {head}"
    raw = [t.strip(",") for t in _SPLIT.split(text) if t.strip(",")]
    found: list[Word] = []
    for token in raw:
        if _INITIALS.match(token):
            found.extend(Word(c.casefold(), True) for c in token if c.isalpha())
            continue
        folded = _fold(token)
        if not folded:
            continue
        if len(folded) == 1 and token[0].isupper():
            found.append(Word(folded, True))
        elif folded not in SUFFIXES:
            found.append(Word(folded))
    kept = [w for w in found if w.initial or w.text not in PARTICLES] or found
    while len(kept) > 1 and not kept[0].initial and kept[0].text in TITLES:
        kept = kept[1:]
    return tuple(kept)


def _pair(a: Word, b: Word) -> float | None:
    """How well two words at the same place agree: 1 equal, less for a nickname or an
    initial, None when they cannot be the same name."""
    if a.initial or b.initial:
        return 0.95 if a.text[0] == b.text[0] else None
    if a.text == b.text:
        return 1.0
    group = nicknames().get(a.text)
    return 0.95 if group is not None and b.text in group else None


def _aligned(a: tuple[Word, ...], b: tuple[Word, ...]) -> float | None:
    """Line up two word lists from the start: the product of the pair scores, with
    0.9 for extra words at the end of the longer list; None if a pair disagrees."""
    total = 1.0
    for x, y in zip(a, b, strict=False):
        pair = _pair(x, y)
        if pair is None:
            return None
        total *= pair
    return total * (0.9 if len(a) != len(b) else 1.0)


def _given(a: tuple[Word, ...], b: tuple[Word, ...]) -> float | None:
    if not a or not b:
        return None
    aligned = _aligned(a, b)
    if aligned is not None:
        return aligned
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    # A person known by a middle name: "Prentice Cooper" is William Prentice Cooper.
    if len(shorter) == 1 and any(_pair(shorter[0], w) == 1.0 for w in longer[1:]):
        return 0.75
    return None


def _anchored(a: tuple[Word, ...], b: tuple[Word, ...], i: int, j: int) -> float:
    given_a, given_b = a[:i], b[:j]
    if not given_a or not given_b:
        return 0.45 if given_a or given_b else 0.5
    given = _given(given_a, given_b)
    if given is None:
        return 0.0
    after_a, after_b = a[i + 1 :], b[j + 1 :]
    if after_a and after_b:
        after = _aligned(after_a, after_b)
        if after is None:
            return 0.0
        return given * after
    return given * (0.72 if after_a or after_b else 1.0)


def score(a: str, b: str) -> float:
    """How likely ``a`` and ``b`` name the same person, 0.0–1.0 (see the module doc)."""
    first, second = words(a), words(b)
    best = 0.0
    for i, x in enumerate(first):
        for j, y in enumerate(second):
            if x.initial or y.initial or x.text != y.text or len(x.text) < 2:
                continue
            if (i == 0 and len(first) > 1) or (j == 0 and len(second) > 1):
                continue
            best = max(best, _anchored(first, second, i, j))
    return round(best, 4)


def best_score(name: str, candidates: Iterable[str]) -> float:
    """The best score of ``name`` against any of ``candidates`` (0.0 when there are none)."""
    return max((score(name, c) for c in candidates), default=0.0)


def surname(name: str) -> str | None:
    """The last full word of a name, folded: "pickett" for "J.C. Pickett"."""
    full = [w.text for w in words(name) if not w.initial]
    return full[-1] if full else None


def looks_like_person(value: str) -> bool:
    """True for a person's name among an event's actors.

    Actors mix state ids (``PE``, ``peru-bolivian-confederation``),
    organisation ids (``OAS``, ``SIX-PARTY-TALKS``) and people as the source
    spells them ("Fernando Belaunde Terry"): only people mix cases.
    """
    letters = [c for c in value if c.isalpha()]
    return any(c.isupper() for c in letters) and any(c.islower() for c in letters)
