"""Finding the words that report happenings, and setting aside those that do not.

A trigger is a match of a pattern in ``lexicons/event_triggers.tsv``. Some
matches report nothing that happened and are dropped: negated or
hypothetical ones ("instead of assisting", "in case of attack"), habitual
ones ("citizens visit Peru annually"), parts of compound adjectives
("Government-supported"), and the content of another report ("called for the
withdrawal of forces", "opposed America's occupation"), which is what was
said, not a second happening.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from bilateral.lexicons import read_rows
from bilateral.model.span import Span

_NEGATED = re.compile(
    r"(?:\b(?:not|never|no longer|instead of|rather than|refrained from|failed to|without)"
    r"(?:\s+\w+){0,2}\s*)$",
    re.I,
)
_NOT_UNTIL = re.compile(r"\bnot\b[^.;]*\buntil\b", re.I)
_HYPOTHETICAL = re.compile(
    r"\b(?:in case of|in the event of|potential|if|unless|would|could|might|requiring|"
    r"required to|in order to|to promote|aimed at|ranging from)\b[^.;]*$",
    re.I,
)
_HABITUAL = re.compile(r"\b(?:annually|every year|each year|per year|a year|yearly)\b", re.I)
_COMMUNICATION = frozenset({"REQUEST", "ACCUSE", "REJECT", "SUPPORT", "AGREE", "THREATEN"})
_AND_THEN_VERB = re.compile(r"\s(?:and|but)\s+(?:\w+ly\s+)?$", re.I)
_FINITE = re.compile(r"\w+(?:ed|ied)\b")
_COORDINATION = re.compile(r"(?:,\s*and|;|,\s*but|,\s*while|\band then|,\s*yet)\s*", re.I)


@dataclass(frozen=True, slots=True)
class TriggerRule:
    pattern: re.Pattern[str]
    type: str
    mode: str | None
    verb: str


@dataclass(frozen=True, slots=True)
class Trigger:
    """A trigger; ``reported_by`` is set when it stands in a that-clause of another
    trigger ("alleged that the United States aided ..."): it is a happening only
    when the reporter speaks of its own act ("stressed that Peru supported ...")."""

    span: Span
    rule: TriggerRule
    reported_by: Trigger | None = None

    @property
    def type(self) -> str:
        return self.rule.type

    @property
    def mode(self) -> str | None:
        return self.rule.mode


@cache
def rules() -> tuple[TriggerRule, ...]:
    found = []
    for row in read_rows("event_triggers.tsv"):
        pattern, event_type, mode, verb = ([*row, "", "", ""])[:4]
        compiled = re.compile(rf"(?<![\w-])(?:{pattern})(?![\w-])", re.I)
        found.append(TriggerRule(compiled, event_type, mode or None, verb))
    return tuple(found)


@cache
def _all_rules() -> re.Pattern[str]:
    """Every rule in one alternation, in lexicon order: at each position the first rule
    that matches wins, so one scan of a sentence finds what a scan per rule would."""
    alternatives = "|".join(f"(?P<r{i}>{rule.pattern.pattern})" for i, rule in enumerate(rules()))
    return re.compile(alternatives, re.I)


def find_triggers(text: str, sentence: Span) -> list[Trigger]:
    """Triggers of happenings stated in a sentence, in text order."""
    if _HABITUAL.search(text, sentence.start, sentence.end):
        return []
    table = rules()
    candidates = [
        Trigger(Span(match.start(), match.end()), table[int((match.lastgroup or "r0")[1:])])
        for match in _all_rules().finditer(text, sentence.start, sentence.end)
    ]
    stated: list[Trigger] = []
    for trigger in candidates:
        before = text[sentence.start : trigger.span.start]
        if _negated(before, text[trigger.span.start : sentence.end]):
            continue
        if _HYPOTHETICAL.search(before) and not _starts_clause(before):
            continue
        relation = _relation(stated[-1], trigger, text) if stated else "new"
        if relation == "content":
            continue
        if relation == "reported":
            trigger = Trigger(trigger.span, trigger.rule, _reporter(stated[-1]))
        stated.append(trigger)
    return stated


def _reporter(trigger: Trigger) -> Trigger:
    return trigger.reported_by or trigger


def _negated(before: str, rest: str) -> bool:
    window = before[-40:]
    if not _NEGATED.search(window):
        return False
    return not _NOT_UNTIL.search(window[-20:] + rest[:60])


def _starts_clause(before: str) -> bool:
    return bool(re.search(r"(?:;|,\s*and|,\s*but)\s*(?:\w+\s+){0,3}$", before))


def _relation(previous: Trigger, trigger: Trigger, text: str) -> str:
    """ "new" happening, "content" of ``previous`` (what it demands or opposes), or
    "reported" in a that-clause of it."""
    between = text[previous.span.end : trigger.span.start]
    if _AND_THEN_VERB.search(between) and _FINITE.search(
        text, trigger.span.start, trigger.span.end
    ):
        return "reported" if previous.reported_by else "new"  # "condemned X and welcomed Y"
    coordinations = list(_COORDINATION.finditer(between))
    if coordinations and not _continues_with_gerund(
        between[coordinations[-1].end() :], trigger, text
    ):
        return "reported" if previous.reported_by else "new"
    if len(between.split()) <= 4 and not re.search(
        r"[;,]|\b(?:before|after|during|when)\b", between
    ):
        return "content" if previous.type in _COMMUNICATION else "new"
    if previous.reported_by is not None:
        return "reported"
    if previous.type not in _COMMUNICATION:
        return "new"
    if re.search(r"\bthat\b", between):
        return "reported"
    return "content" if re.search(r"\bto\s*$|\bof\s", between) else "new"


def _continues_with_gerund(after_and: str, trigger: Trigger, text: str) -> bool:
    """ ", and increasing sanctions" continues a complement; ", and called for" does not."""
    words = after_and.split() or [text[trigger.span.start : trigger.span.end]]
    return words[0].casefold().endswith("ing")
