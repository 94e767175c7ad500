"""Memberships: which states belong to which organisations, by the text's word.

A membership cue ("are part of", "member of", "belongs to", "joined",
"participant in", "party to") followed by organisations makes each of them a
membership of the clause's subject: "Both countries" is the dyad, a state is
itself, and states the clause ties in ("requiring it and the U.S.", "led by
the U.S.") are members too. A date in the clause ("from 2006 to 2007") is
kept.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from bilateral.extract.common import provenance
from bilateral.extract.dyad import TitleDyad
from bilateral.extract.entities import Mention
from bilateral.extract.event_dates import DateLike, date_index, mention_index
from bilateral.extract.pipeline import Output
from bilateral.model.document import BlockKind, Document
from bilateral.model.facts import Membership, dyad_of
from bilateral.model.span import Span

_CUE = re.compile(
    r"\b(?:(?:are|is|was|were|remains?|became|become|have been|has been)\s+(?:\w+\s+)?part of|"
    r"(?:founding |full |non-permanent |permanent |associate )?members?(?: states?)? of|"
    r"belongs? to|joined|participants? in|participates? in|participated in|party to|"
    r"parties to|signator(?:y|ies) (?:of|to)|membership (?:of|in))\b",
    re.I,
)
_ALSO_MEMBERS = re.compile(
    r"\b(?:it|them|both)\s+and\s+(?:the\s+)?$|\b(?:led|hosted|organi[sz]ed) by\s+(?:the\s+)?$",
    re.I,
)
_SUBJECT_PRONOUN = re.compile(r"\b(?:its|their)\s+(?:time|tenure|term)\s+as\b", re.I)


class MembershipExtractor:
    name = "memberships"
    version = "1"
    requires: tuple[str, ...] = ("mentions", "dates")
    produces: tuple[str, ...] = ("memberships",)

    def run(self, document: Document, found: Mapping[str, Any]) -> Output:
        mentions = mention_index(found["mentions"])
        dates = date_index(found["dates"])
        pair: TitleDyad | None = found.get("dyad")
        facts: list[Membership] = []
        text = document.plain
        for index, _ in document.blocks_of(BlockKind.PARAGRAPH):
            for sentence in document.sentences_in(index):
                span = sentence.span
                inside = mentions.within(span)
                covered: set[int] = set()
                for cue in _CUE.finditer(text, span.start, span.end):
                    for membership, organization in self._memberships(
                        document, span, cue, inside, dates.within(span), pair
                    ):
                        if organization.span.start not in covered:
                            covered.add(organization.span.start)
                            facts.append(membership)
        return Output(facts=tuple(facts), values={"memberships": tuple(facts)})

    def _memberships(
        self,
        document: Document,
        sentence: Span,
        cue: re.Match[str],
        mentions: list[Mention],
        dates: list[DateLike],
        pair: TitleDyad | None,
    ) -> list[tuple[Membership, Mention]]:
        text = document.plain
        end = _clause_end(text, cue.end(), sentence.end)
        organizations: list[Mention] = []
        for mention in mentions:
            if not cue.end() <= mention.span.start < end or mention.kind != "organization":
                continue
            if mention.country is not None:  # an agency of one state, not a club of states
                continue
            gap = text[
                organizations[-1].span.end if organizations else cue.end() : mention.span.start
            ]
            if organizations and not re.fullmatch(
                r"[^.;]*?(?:,|\band\b|\bor\b|as well as)[^.;]*", gap
            ):
                break
            organizations.append(mention)
        if not organizations:
            return []
        members = self._subjects(text, sentence, cue.start(), mentions, pair)
        for mention in mentions:
            if mention.kind == "state" and cue.end() <= mention.span.start < sentence.end:
                before = text[max(sentence.start, mention.span.start - 25) : mention.span.start]
                if _ALSO_MEMBERS.search(before) and mention.entity not in members:
                    members.append(mention.entity)
        if not members:
            return []
        date = next(
            (
                d.edtf
                for d in dates
                if cue.start() - 60 <= d.start < end
                and not _in_brackets(text, d.start, sentence.start)
            ),
            None,
        )
        return [
            (
                Membership(
                    organization=org.entity,
                    members=tuple(sorted(members)),
                    date=date,
                    dyad=dyad_of(pair.first, pair.second) if pair else None,
                    confidence=0.8,
                    **provenance(document, sentence),
                ),
                org,
            )
            for org in organizations
        ]

    @staticmethod
    def _subjects(
        text: str, sentence: Span, cue: int, mentions: list[Mention], pair: TitleDyad | None
    ) -> list[str]:
        before = [m for m in mentions if sentence.start <= m.span.start < cue]
        if _ELIDED.search(text, sentence.start, cue):  # ", and continues to be part of"
            before = [
                m
                for m in before
                if not re.search(
                    r"\b(?:it|them)\s+and\s+(?:the\s+)?$",
                    text[max(sentence.start, m.span.start - 20) : m.span.start],
                )
            ][:1]
        groups = [m for m in before if m.kind == "group"]
        if groups and pair is not None:
            return [pair.first, pair.second]
        states = [m for m in before if m.kind == "state"]
        if not states and _SUBJECT_PRONOUN.search(text, sentence.start, cue):
            states = [m for m in mentions if m.kind == "state" and m.span.start >= cue][:1]
        if not states:
            return []
        nearest = states[-1]
        return [nearest.country or nearest.entity]


_CLAUSE_END = re.compile(r"(?<![A-Z])\.\s|;\s|,\s+(?:which|who|while|but|yet)\b")
_ELIDED = re.compile(r",\s*and\s+(?:\w+\s+){0,5}$", re.I)


def _clause_end(text: str, start: int, stop: int) -> int:
    match = _CLAUSE_END.search(text, start, stop)
    return match.start() if match else stop


def _in_brackets(text: str, position: int, floor: int) -> bool:
    return text.rfind("(", floor, position) > text.rfind(")", floor, position)
