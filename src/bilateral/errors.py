"""One exception tree for the whole package.

Library code raises these; only the interfaces (CLI, HTTP) turn them into
messages for people. Errors about inputs carry the source they concern and,
where known, the character offset.

    BilateralError
    ├── InputError            a file or text the system cannot read
    │   ├── UnreadableInput   missing, a directory, no permission, binary, not UTF-8
    │   └── EmptyInput        nothing but whitespace
    ├── LookupFailed          a name the registry or the knowledge base does not know
    │   ├── UnknownCountry
    │   └── UnknownDyad
    ├── PipelineError         components declared in an order that cannot run
    └── StoreError            the database refused or is not a bilateral database
"""

from __future__ import annotations


class BilateralError(Exception):
    """Root of every error this package raises on purpose."""


class InputError(BilateralError):
    """An input could not be turned into a document or records."""

    def __init__(self, source: str, problem: str, offset: int | None = None) -> None:
        self.source = source
        self.problem = problem
        self.offset = offset
        where = f" at character {offset}" if offset is not None else ""
        super().__init__(f"{source}: {problem}{where}")


class UnreadableInput(InputError):
    """The bytes could not be read or decoded as text."""


class EmptyInput(InputError):
    """The input holds no text."""


class LookupFailed(BilateralError, LookupError):
    """A name could not be resolved."""


class UnknownCountry(LookupFailed):
    """A name resolves to no known state."""


class UnknownDyad(LookupFailed):
    """The knowledge base holds nothing about this pair of states."""


class PipelineError(BilateralError):
    """Extractor components were declared in an order that cannot run."""


class StoreError(BilateralError):
    """The store failed in a way the caller should report."""
