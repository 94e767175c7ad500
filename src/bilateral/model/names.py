"""Folding names for lookup: case, accents, dots, dashes and a leading "the"."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_DROP = re.compile(r"[.\u2019'`]")
_SPACE = re.compile(r"[\s\-\u2010-\u2015\u00a0_,]+")


@lru_cache(maxsize=65536)
def fold(name: str) -> str:
    """A lookup key: "the U.S." and "US" fold alike, as do "Perú" and "peru"."""
    decomposed = unicodedata.normalize("NFKD", name)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    key = _SPACE.sub(" ", _DROP.sub("", stripped.casefold())).strip()
    return key[4:] if key.startswith("the ") else key
