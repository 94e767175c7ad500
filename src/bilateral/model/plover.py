"""The PLOVER ontology as the project uses it: event types, modes and scores.

Event types and their cooperation/conflict scores come from the PLOVER
manual; the diplomatic modes of the interchange contract pair with a PLOVER
type (and, for the score, with the PLOVER mode closest in meaning).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from bilateral.lexicons import read_rows

EVENT_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip

QUADS = {
    "AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1,
    "COOPERATE": 2, "AID": 2, "RETREAT": 2,
    "REQUEST": 3, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3,
    "PROTEST": 4, "SANCTION": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4,
}  # fmt: skip


DIPLOMATIC_MODES = frozenset(row[0] for row in read_rows("diplomatic_modes.tsv"))


@dataclass(frozen=True)
class Ontology:
    scores: dict[tuple[str, str], float]
    diplomatic: dict[str, tuple[str, str]]

    def is_mode(self, event_type: str, mode: str) -> bool:
        """True for a PLOVER mode of the type or a diplomatic mode paired with it."""
        return (event_type, mode) in self.scores or self.diplomatic.get(mode, ("", ""))[
            0
        ] == event_type

    def score(self, event_type: str, mode: str | None = None) -> float:
        """The PLOVER score of a type, refined by its PLOVER or diplomatic mode."""
        if event_type not in QUADS:
            raise ValueError(f"not a PLOVER event type: {event_type}")
        if mode is not None and (event_type, mode) in self.scores:
            return self.scores[(event_type, mode)]
        if mode is not None and mode in self.diplomatic:
            paired_type, plover_mode = self.diplomatic[mode]
            if paired_type == event_type:
                return self.scores.get((event_type, plover_mode), self.scores[(event_type, "")])
        return self.scores[(event_type, "")]

    def type_for(self, diplomatic_mode: str) -> str:
        """The PLOVER type a diplomatic mode pairs with."""
        return self.diplomatic[diplomatic_mode][0]


@cache
def ontology() -> Ontology:
    scores = {(t, m): float(s) for t, m, s in read_rows("plover_scores.tsv")}
    diplomatic: dict[str, tuple[str, str]] = {}
    for row in read_rows("diplomatic_modes.tsv"):
        mode, event_type = row[0], row[1]
        diplomatic[mode] = (event_type, row[2] if len(row) > 2 else "")
    return Ontology(scores, diplomatic)
