"""MediaWiki XML export dumps (``.xml``, ``.xml.bz2``), streamed one page at a time.

A dump can hold millions of pages, so it is never loaded whole: mwxml walks
the XML as a stream and each page's elements are released once read, so
memory stays bounded by the largest page. Each page of the main namespace
that is not a redirect and whose title passes the filter becomes one
`Document` (its last revision's wikitext); its ``source_path`` is
``dump.xml#Page title`` and its offsets point into that page's wikitext.

A page that cannot be read (too large, nested too deep) is reported through
``on_error`` and the stream goes on; broken XML or a broken bz2 stream ends
it with one `UnreadableInput` naming the file. Documents that declare a DTD
are refused before parsing, so no entity is ever expanded; so are documents
in UTF-16 or UTF-32, whose DTD the byte search would not see.
"""

from __future__ import annotations

import bz2
import fnmatch
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any
from xml.etree.ElementTree import ParseError

import mwxml

from bilateral.errors import InputError, UnreadableInput
from bilateral.model.document import Document
from bilateral.readers.wikitext.reader import read_wikitext_text

ErrorSink = Callable[[InputError], None]
_PROLOG_LIMIT = 1024 * 1024
_WIDE = (b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")  # UTF-16/32 byte-order marks
_PAGE_ERRORS = (ValueError, TypeError, KeyError, AttributeError, mwxml.errors.MalformedXML)


def title_matches(title: str, patterns: Sequence[str] | None) -> bool:
    """Whether ``title`` matches one of the glob ``patterns`` (case-insensitive); no filter: yes."""
    if not patterns:
        return True
    folded = title.casefold()
    return any(fnmatch.fnmatchcase(folded, pattern.casefold()) for pattern in patterns)


class _Guard:
    """A read-only stream that refuses XML declaring a DTD (and so any entity)."""

    def __init__(self, raw: IO[bytes], source: str) -> None:
        self._raw = raw
        self._source = source
        self._head = b""
        self._checked = False

    def read(self, size: int = -1) -> bytes:
        chunk = self._raw.read(size)
        if not self._checked:
            self._head += chunk
            if self._head[:4].startswith(_WIDE) or b"\x00" in self._head[:4096]:
                # UTF-16/32 would hide a DOCTYPE from the byte search below.
                raise UnreadableInput(self._source, "is not UTF-8 (MediaWiki dumps are UTF-8 XML)")
            upper = self._head.upper()
            if b"<!DOCTYPE" in upper or b"<!ENTITY" in upper:
                raise UnreadableInput(self._source, "declares a DTD; DTDs and entities are refused")
            if b"<MEDIAWIKI" in upper or len(self._head) > _PROLOG_LIMIT or not chunk:
                self._checked = True
                self._head = b""
        return chunk


def _open(path: Path) -> IO[bytes]:
    if path.name.lower().endswith(".bz2"):
        return bz2.open(path, "rb")
    return path.open("rb")


def read_dump(
    path: Path,
    source_path: str | None = None,
    titles: Sequence[str] | None = None,
    on_error: ErrorSink | None = None,
) -> Iterator[Document]:
    """Each article page of the dump at ``path`` as a Document, lazily.

    ``titles`` keeps only pages whose title matches one of these glob
    patterns ("*relations*"), compared case-insensitively. A page that
    fails is passed to ``on_error`` (raised when there is none).
    """
    source = source_path or str(path)
    try:
        with _open(path) as raw:
            dump = mwxml.Dump.from_file(_Guard(raw, source))
            for page in dump.pages:
                document = _page(page, path, source, titles, on_error)
                if document is not None:
                    yield document
    except FileNotFoundError:
        raise UnreadableInput(source, "no such file") from None
    except ParseError as error:
        raise UnreadableInput(source, f"is not well-formed XML ({_first_line(error)})") from None
    except (AssertionError, mwxml.errors.MalformedXML) as error:
        detail = f" ({_first_line(error)})" if str(error) else ""
        raise UnreadableInput(source, f"is not a MediaWiki XML export{detail}") from None
    except (ValueError, TypeError, KeyError, AttributeError) as error:
        # mwxml builds each page as the stream is iterated: a <page> without a
        # <title> or an <id> fails inside it, not in our per-page code.
        raise UnreadableInput(
            source, f"holds a malformed <page> ({type(error).__name__}: {_first_line(error)})"
        ) from None
    except EOFError:
        raise UnreadableInput(source, "ends before its bz2 stream does (truncated)") from None
    except OSError as error:
        raise UnreadableInput(source, f"cannot be read ({error.strerror or error})") from None


def _page(
    page: Any,
    path: Path,
    source: str,
    titles: Sequence[str] | None,
    on_error: ErrorSink | None,
) -> Document | None:
    """The Document of one page, or None when it is skipped or fails."""
    title = str(page.title or "")
    if (page.namespace or 0) != 0 or page.redirect or not title_matches(title, titles):
        return None
    where = f"{source}#{title}"
    try:
        text: str | None = None
        for revision in page:
            text = revision.text
        if not text:
            return None
        return read_wikitext_text(text, where, f"{path.name}#{title}", title)
    except InputError as error:
        if on_error is None:
            raise
        on_error(error)
    except _PAGE_ERRORS as error:
        problem = UnreadableInput(where, f"is not a well-formed page ({error})")
        if on_error is None:
            raise problem from None
        on_error(problem)
    return None


def _first_line(error: BaseException) -> str:
    return str(error).splitlines()[0] if str(error) else type(error).__name__
