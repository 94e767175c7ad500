"""Our own data files: alias tables, demonyms, trigger lexicons.

Data only; `read_rows` is the one way every layer reads them, so users can
point at a file of their own in the same shape to extend a table.
"""

from __future__ import annotations

from collections.abc import Iterator
from importlib import resources
from pathlib import Path


def read_rows(name: str, extra: Path | None = None) -> Iterator[list[str]]:
    """Tab-separated rows of a packaged lexicon, then of an optional user file.

    Blank lines and lines starting with ``#`` are skipped.
    """
    packaged = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    yield from _rows(packaged)
    if extra is not None:
        yield from _rows(extra.read_text(encoding="utf-8"))


def _rows(text: str) -> Iterator[list[str]]:
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        yield [cell.strip() for cell in line.split("\t")]
