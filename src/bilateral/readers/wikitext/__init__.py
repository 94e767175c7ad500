"""MediaWiki wikitext into the same `Document` the outline reader produces.

Three inputs carry wikitext:

- a ``.wiki`` / ``.wikitext`` file: raw wikitext in UTF-8;
- a ``.json`` file holding one JSON string of wikitext (the shape of the
  shared "Foreign relations of X" pages). `Document.text` is then the
  *decoded* wikitext string, not the JSON file's characters: escapes such
  as ``\\n`` and ``\\u2013`` are resolved, so evidence offsets point into the
  wikitext a person would read and quote, and two copies of a page, one
  in JSON and one raw, give the same offsets. Offsets into the JSON file
  itself would be neither stable nor meaningful;
- a MediaWiki XML export dump, streamed page by page (`dump`).

The title of a file's page is its file stem ("Foreign relations of Peru");
a dump page's is its title in the dump. `Document.plain` is what a reader
of the page sees (markup dropped, meaningful templates spelt out), with a
map back to the wikitext; references are not in it but kept as
`Document.citations`, and links as `Document.links`.

Limits: a single document over 50 MB (`MAX_BYTES`) or with templates nested
deeper than 100 levels is refused with `UnreadableInput` instead of being
left to exhaust memory or the stack.
"""

from __future__ import annotations

import json
from pathlib import PurePath

from bilateral.errors import EmptyInput, UnreadableInput
from bilateral.model.document import Document
from bilateral.readers.text import decode
from bilateral.readers.wikitext.reader import FORMAT, MAX_CHARACTERS, read_wikitext_text

MAX_BYTES = 50 * 1024 * 1024

__all__ = [
    "FORMAT",
    "MAX_BYTES",
    "MAX_CHARACTERS",
    "read_wikitext",
    "read_wikitext_json",
    "read_wikitext_text",
]


def _check_size(data: bytes, source_path: str) -> None:
    if len(data) > MAX_BYTES:
        raise UnreadableInput(
            source_path, f"is too large ({len(data):,} bytes; the limit is {MAX_BYTES:,})"
        )


def _title(name: str) -> str:
    return PurePath(name).stem


def read_wikitext(data: bytes | str, source_path: str, name: str | None = None) -> Document:
    """Read a raw wikitext file; its title is the file stem."""
    name = name or PurePath(source_path).name
    if isinstance(data, bytes):
        _check_size(data, source_path)
        data = decode(data, source_path)
    return read_wikitext_text(data, source_path, name, _title(name))


def read_wikitext_json(data: bytes | str, source_path: str, name: str | None = None) -> Document:
    """Read a JSON file holding one string of wikitext; its title is the file stem."""
    name = name or PurePath(source_path).name
    if isinstance(data, bytes):
        _check_size(data, source_path)
        data = decode(data, source_path)
    try:
        value = json.loads(data)
    except json.JSONDecodeError as error:
        raise UnreadableInput(
            source_path,
            f"is not valid JSON ({error.msg} at line {error.lineno}, column {error.colno})",
        ) from None
    except RecursionError:
        raise UnreadableInput(source_path, "is JSON nested too deeply to read") from None
    if not isinstance(value, str):
        kind = type(value).__name__ if value is not None else "null"
        raise UnreadableInput(
            source_path, f"holds JSON {kind}, not a string of wikitext (expected one JSON string)"
        )
    if not value.strip():
        raise EmptyInput(source_path, "holds an empty string")
    return read_wikitext_text(value, source_path, name, _title(name))
