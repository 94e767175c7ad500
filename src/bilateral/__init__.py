"""bilateral: a sourced, queryable knowledge base of the relations between two states.

The public API is what ``__all__`` lists; everything else may change.
"""

from bilateral.errors import (
    BilateralError,
    EmptyInput,
    InputError,
    LookupFailed,
    PipelineError,
    StoreError,
    UnknownCountry,
    UnknownDyad,
    UnreadableInput,
)
from bilateral.kb import FileOutcome, IngestReport, KnowledgeBase
from bilateral.model.document import Block, BlockKind, Document, Field, Section, Sentence
from bilateral.model.facts import (
    Agreement,
    Assessment,
    Dyad,
    Envoy,
    Event,
    Evidence,
    Fact,
    Membership,
    Mission,
    Poll,
    Statistic,
    fact_record,
)
from bilateral.model.profile import DyadProfile
from bilateral.model.span import Span
from bilateral.readers.registry import read_path

__version__ = "0.1.0"

__all__ = [
    "Agreement",
    "Assessment",
    "BilateralError",
    "Block",
    "BlockKind",
    "Document",
    "Dyad",
    "DyadProfile",
    "EmptyInput",
    "Envoy",
    "Event",
    "Evidence",
    "Fact",
    "Field",
    "FileOutcome",
    "IngestReport",
    "InputError",
    "KnowledgeBase",
    "LookupFailed",
    "Membership",
    "Mission",
    "PipelineError",
    "Poll",
    "Section",
    "Sentence",
    "Span",
    "Statistic",
    "StoreError",
    "UnknownCountry",
    "UnknownDyad",
    "UnreadableInput",
    "__version__",
    "fact_record",
    "read_path",
]
