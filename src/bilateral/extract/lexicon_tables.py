"""Lexicon tables the extractors share: mission types and envoy ranks."""

from __future__ import annotations

import re
from functools import cache

from bilateral.lexicons import read_rows
from bilateral.model.names import fold


@cache
def mission_type_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    """A regex finding mission-type words (longest first) and their types by folded form."""
    table = {fold(form): kind for form, kind in read_rows("mission_types.tsv")}
    forms = sorted({form for form, _ in read_rows("mission_types.tsv")}, key=len, reverse=True)
    alternatives = "|".join(
        re.escape(form).replace(r"\-", r"[-\s]").replace(r"\ ", r"[-\s]+") for form in forms
    )
    return re.compile(rf"\b(?:{alternatives})\b", re.I), table


def mission_type(word: str) -> str | None:
    """The interchange type of a mission-type word ("Consulate-General")."""
    return mission_type_pattern()[1].get(fold(word))


@cache
def _ranks() -> tuple[tuple[str, str], ...]:
    return tuple((fold(form), rank) for form, rank in read_rows("envoy_ranks.tsv"))


def envoy_rank(title: str) -> str:
    """The rank an envoy's title implies; ``other`` when none is named."""
    key = fold(title)
    for form, rank in _ranks():
        if re.search(rf"\b{re.escape(form)}\b", key):
            return rank
    return "other"


def split_title(name: str) -> tuple[str | None, str]:
    """A rank written before an envoy's name ("Ambassador Olivier Brochet"):
    (title, name); (None, name) when the name opens with no rank word."""
    words = name.split()
    key = fold(name)
    for form, _ in _ranks():
        size = len(form.split())
        if key.startswith(f"{form} ") and len(words) > size and words[size][:1].isupper():
            return " ".join(words[:size]), " ".join(words[size:])
    return None, name
