"""Turning bytes into text, with one clear error per kind of bad input."""

from __future__ import annotations

from pathlib import Path

from bilateral.errors import EmptyInput, UnreadableInput
from bilateral.model.span import Span

# Extractors look at one sentence at a time, some in time quadratic in its
# length: a "sentence" longer than this (a 50 MB paragraph without a full
# stop, a table flattened into one line) is cut at whitespace into pieces of
# at most this many characters. No sentence of the shared corpus comes near it.
MAX_SENTENCE_CHARS = 5000

# One-for-one replacements for the copy extractors read: offsets stay the same.
_FOLD = str.maketrans(
    {
        "\u00a0": " ",
        "\u202f": " ",
        "\u2007": " ",
        "\ufeff": " ",
        "\u2018": "'",
        "\u2019": "'",
        "\u201c": '"',
        "\u201d": '"',
    }
)


def read_bytes(path: Path) -> bytes:
    """The file's bytes, or UnreadableInput naming the file and the problem."""
    try:
        return path.read_bytes()
    except IsADirectoryError:
        raise UnreadableInput(str(path), "is a directory, not a file") from None
    except FileNotFoundError:
        raise UnreadableInput(str(path), "no such file") from None
    except PermissionError:
        raise UnreadableInput(str(path), "permission denied") from None
    except OSError as error:
        raise UnreadableInput(str(path), f"cannot be read ({error.strerror})") from None


def decode(data: bytes, source: str) -> str:
    """UTF-8 text exactly as decoded (a byte-order mark is kept as U+FEFF).

    Refuses binary data (NUL bytes), invalid UTF-8 and inputs holding
    nothing but whitespace.
    """
    if b"\x00" in data[:8192]:
        raise UnreadableInput(source, "looks like a binary file (it contains NUL bytes)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise UnreadableInput(
            source, f"is not valid UTF-8 (bad byte at byte offset {error.start})"
        ) from None
    if not text.replace("\ufeff", "").strip():
        raise EmptyInput(source, "is empty")
    return text


def fold_for_extractors(text: str) -> str:
    """The same-length copy extractors read: spaces and quotes made plain."""
    return text.translate(_FOLD)


def bounded(spans: list[Span], plain: str, limit: int = MAX_SENTENCE_CHARS) -> list[Span]:
    """``spans`` with each one longer than ``limit`` cut into pieces of at most
    ``limit`` characters, at the last whitespace before the limit where there is one."""
    if all(len(span) <= limit for span in spans):
        return spans
    pieces: list[Span] = []
    for span in spans:
        start = span.start
        while span.end - start > limit:
            cut = start + limit
            space = max(plain.rfind(" ", start + 1, cut), plain.rfind("\n", start + 1, cut))
            if space > start:
                cut = space
            pieces.append(Span(start, cut))
            start = cut
            while start < span.end and plain[start].isspace():
                start += 1
        if start < span.end:
            pieces.append(Span(start, span.end))
    return pieces
