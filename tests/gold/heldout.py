"""Held-out gold standard for the date tagger: loader for the annotated paragraphs.

The gold file ``heldout_dates.jsonl`` names paragraphs by a source locator (a path
relative to the shared directory) and a 0-based paragraph index; this module turns
that locator into the exact paragraph text the character offsets refer to.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any

SHARED = Path(__file__).resolve().parents[3] / "shared"
GOLD = Path(__file__).resolve().parent / "heldout_dates.jsonl"

TEI_NS = "http://www.tei-c.org/ns/1.0"
_TEI = f"{{{TEI_NS}}}"


def _normalise(text: str) -> str:
    return " ".join(text.split())


@cache
def _tei_paragraphs(path: Path) -> tuple[str, ...]:
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    root = etree.parse(str(path), parser).getroot()
    body = root.find(f"{_TEI}text/{_TEI}body")
    if body is None:
        return ()
    paragraphs: list[str] = []
    for p in body.iter(f"{_TEI}p"):
        if any(a.tag == f"{_TEI}head" for a in p.iterancestors()):
            continue
        paragraphs.append(_normalise("".join(p.itertext())))
    return tuple(paragraphs)


@cache
def _wikitext_paragraphs(path: Path) -> tuple[str, ...]:
    import mwparserfromhell

    wikitext = json.loads(path.read_text(encoding="utf-8"))
    text = mwparserfromhell.parse(wikitext).strip_code()
    chunks = [c for c in re.split(r"\n\s*\n", text) if c.strip()]
    return tuple(_normalise(c) for c in chunks)


def paragraphs(source: str) -> tuple[str, ...]:
    """All paragraphs of a source, in order, as the loader numbers them."""
    path = SHARED / source
    if path.suffix == ".xml":
        return _tei_paragraphs(path)
    if path.suffix == ".json":
        return _wikitext_paragraphs(path)
    raise ValueError(f"unknown source type: {source}")


def paragraph(source: str, index: int) -> str:
    """The ``index``-th (0-based) paragraph of ``source`` (a path relative to shared)."""
    return paragraphs(source)[index]


def load_gold(path: Path = GOLD) -> list[dict[str, Any]]:
    """The gold annotations, one dict per date expression."""
    items: list[dict[str, Any]] = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                items.append(json.loads(line))
    return items
