"""Dated, typed events: one per happening, with actors and a PLOVER score.

Each paragraph sentence is searched for triggers (`triggers`); each trigger
gets its actor and recipient (`actors`) and its date (`event_dates`). Then
drafts are joined so that one happening gives one event: a means clause
("recognized ... by the appointment of") belongs to the act it explains,
two triggers of one kind, date and actors in a sentence ("visited ... met
with") are one meeting, and an undated follow-up about the same parties in
the next sentence adds its evidence to the event before it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from bilateral.extract.actors import SYMMETRIC_MODES, Roles, assign_roles
from bilateral.extract.common import SpanIndex, provenance
from bilateral.extract.dyad import TitleDyad
from bilateral.extract.entities import Mention
from bilateral.extract.entity_lexicon import EntityLexicon
from bilateral.extract.event_dates import (
    Dated,
    DateLike,
    back_reference,
    date_index,
    mention_index,
    nearest,
    period_in,
    term_of_office,
)
from bilateral.extract.pipeline import Output
from bilateral.extract.triggers import Trigger, find_triggers
from bilateral.model.document import BlockKind, Document, Sentence
from bilateral.model.facts import Event, Mission, dyad_of
from bilateral.model.places import Gazetteer
from bilateral.model.plover import DIPLOMATIC_MODES, ontology
from bilateral.model.span import Span

_MEANS = re.compile(r"\b(?:by|through|via)\s+(?:the\s+)?(?:\w+\s+)?$", re.I)
_MODE_PRIORITY = ("summit", "visit")
_DANGLING = re.compile(r"\s+(?:with|to|from|in|of|alongside|against|on)$")
# Acts whose other party, when unnamed, is the other state of the dyad.
_DYADIC_MODES = frozenset({"visit", "open-mission", "close-mission", "upgrade-mission"})
_ENVOY_MODES = frozenset({"appoint-envoy", "present-credentials", "recall-envoy"})
_JOURNEY_MODES = frozenset({"visit"})
# Offices whose holders receive or recall envoys but are not themselves the envoy
# ("recalled its ambassador ... the phone of President Yudhoyono").
_NOT_ENVOYS = frozenset(
    {"president", "vice-president", "head-of-government", "head-of-state", "foreign-minister",
     "deputy-foreign-minister", "monarch"}
)  # fmt: skip
_MISSION_MODES = frozenset({"open-mission", "close-mission", "upgrade-mission"})
_WHICH = re.compile(r",\s*which\b")
_CLAUSE_SPLIT = re.compile(r"(?:,\s*|\s)(?:and|but|yet|while)\s+|;\s*", re.I)
_PLUPERFECT = re.compile(r"\bhad\s+(?:\w+ly\s+)?\w+", re.I)
_MISSION = re.compile(
    r"(?:(?P<before>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?) )?"
    r"(?P<type>[Ee]mbassy|[Hh]igh [Cc]ommission|[Ll]egation|[Cc]onsulate-[Gg]eneral|[Cc]onsulate"
    r"|[Cc]onsular [Aa]gency)"
    r"(?: (?:at|in) (?P<after>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?))?"
)
# Roles whose holders act for their state, so their state can be inferred in a dyad.
_OFFICIALS = frozenset(
    {"president", "vice-president", "head-of-government", "head-of-state", "foreign-minister",
     "deputy-foreign-minister", "minister", "ambassador", "charge-d-affaires", "envoy",
     "consul", "monarch"}
)  # fmt: skip


@dataclass(frozen=True)
class EnvoyAct:
    """An appointment, presentation of credentials or recall of a named envoy."""

    mode: str
    person: Mention
    sender: str | None
    receiver: str | None
    date: str | None
    sentence: Span
    trigger: Span


@dataclass
class Draft:
    trigger: Trigger
    sentence: Sentence
    type: str
    mode: str | None
    roles: Roles
    dated: Dated | None
    spans: list[Span] = field(default_factory=list)

    @property
    def parties(self) -> set[str]:
        found = {m.entity for m in (self.roles.actor, self.roles.recipient) if m is not None}
        found.update(m.entity for m in self.roles.others)
        return found


class EventExtractor:
    name = "events"
    version = "2"
    requires: tuple[str, ...] = ("mentions", "dates")
    produces: tuple[str, ...] = ("events", "envoy_acts")

    def __init__(
        self, lexicon: EntityLexicon, gazetteer: Gazetteer, name_of: Callable[[str], str]
    ) -> None:
        self.lexicon = lexicon
        self.gazetteer = gazetteer
        self.name_of = name_of

    def run(self, document: Document, found: Mapping[str, Any]) -> Output:
        pair: TitleDyad | None = found.get("dyad")
        missions: Sequence[Mission] = found.get("missions") or ()
        mentions = mention_index(
            [*found["mentions"], *self._mission_mentions(document.plain, missions)]
        )
        dates = date_index(found["dates"])
        drafts: list[Draft] = []
        acts: list[EnvoyAct] = []
        for block_index, _block in document.blocks_of(BlockKind.PARAGRAPH):
            drafts.extend(self._paragraph(document, block_index, mentions, dates, pair, acts))
        events = tuple(self._event(document, draft, pair) for draft in drafts)
        return Output(facts=events, values={"events": events, "envoy_acts": tuple(acts)})

    def _paragraph(
        self,
        document: Document,
        block_index: int,
        mentions: SpanIndex[Mention],
        dates: SpanIndex[DateLike],
        pair: TitleDyad | None,
        acts: list[EnvoyAct],
    ) -> list[Draft]:
        text = document.plain
        drafts: list[Draft] = []
        last_period: Dated | None = None
        for sentence in document.sentences_in(block_index):
            span = sentence.span
            inside = mentions.within(span)
            triggers = [
                t for t in find_triggers(text, span)
                if not any(m.kind == "organization" and m.span.overlaps(t.span) for m in inside)
            ]  # fmt: skip
            people = [(m.span, m.entity) for m in inside if m.kind == "person"]
            period = period_in(text, span)
            fixed = period or term_of_office(text, span, people, self.lexicon)
            fixed = fixed or back_reference(text, span, last_period)
            last_period = period or last_period
            sentence_drafts: list[Draft] = []
            for index, trigger in enumerate(triggers):
                left = Span(
                    triggers[index - 1].span.end if index else span.start, trigger.span.start
                )
                next_start = (
                    triggers[index + 1].span.start if index + 1 < len(triggers) else span.end
                )
                draft = self._draft(
                    text, sentence, trigger, left, Span(trigger.span.end, next_start),
                    inside, dates.within(span), fixed,
                )  # fmt: skip
                if draft.roles.elided:
                    previous = sentence_drafts[-1].roles.actor if sentence_drafts else None
                    draft.roles.actor = previous or draft.roles.fallback
                    _partner_as_recipient(draft)
                if (
                    draft.roles.actor is None
                    and draft.mode in _MISSION_MODES
                    and sentence_drafts
                    and sentence_drafts[-1].mode in _MISSION_MODES
                    and _WHICH.search(text, left.start, left.end)
                ):  # "opened a legation in 1918, which was raised to an embassy in 1939"
                    draft.roles.actor = sentence_drafts[-1].roles.actor
                if trigger.reported_by is not None and not _own_act(
                    draft, trigger.reported_by, sentence_drafts, pair
                ):
                    continue
                if _needs_context_actor(draft):
                    draft.roles.actor = _with_context_state(
                        draft.roles.actor, drafts + sentence_drafts
                    )
                means = bool(sentence_drafts) and _is_means(text, trigger, span)
                if draft.mode in _ENVOY_MODES:
                    act = _envoy_act(draft, sentence_drafts[-1] if means else draft, inside, pair)
                    if act is not None:
                        acts.append(act)
                if means:
                    _absorb_means(sentence_drafts[-1], draft)
                    continue
                same = next((d for d in sentence_drafts if _same_happening(d, draft, pair)), None)
                if same is not None:
                    _absorb(same, draft)
                    continue
                sentence_drafts.append(draft)
            for draft in sentence_drafts:
                if drafts and _continues(drafts[-1], draft, text):
                    drafts[-1].spans.extend(s for s in draft.spans if s not in drafts[-1].spans)
                    continue
                drafts.append(draft)
        return drafts

    def _draft(
        self,
        text: str,
        sentence: Sentence,
        trigger: Trigger,
        left: Span,
        right: Span,
        mentions: list[Mention],
        own_dates: list[DateLike],
        fixed: Dated | None,
    ) -> Draft:
        symmetric = trigger.mode in SYMMETRIC_MODES or (
            trigger.type in ("COOPERATE", "CONSULT", "AGREE") and trigger.mode is None
        )
        pool = mentions
        if trigger.mode in _ENVOY_MODES:  # the envoy is not the recipient of his appointment
            pool = [m for m in mentions if m.kind != "person" or m.span.end <= trigger.span.start]
        journey = trigger.mode in _JOURNEY_MODES or trigger.mode in _MISSION_MODES
        roles = assign_roles(text, pool, trigger.span, left, right, symmetric, journey)
        if roles.actor is None and trigger.mode in _MISSION_MODES:
            # "the embassy in Nairobi reopened": the trigger names the mission itself
            named = [m for m in pool if m.form == "mission" and trigger.span.contains(m.span)]
            roles.actor = named[0] if named else None
        if roles.recipient is not None and roles.recipient.form == "mission" and trigger.mode:
            roles.actor = roles.actor or roles.recipient
            roles.recipient = None
        coordinated = list(_CLAUSE_SPLIT.finditer(text, left.start, trigger.span.start))
        clause = Span(coordinated[-1].end() if coordinated else left.start, right.end)
        candidates = own_dates
        if _PLUPERFECT.search(text, left.start, trigger.span.start):
            segment = _segment(text, trigger.span, sentence.span)
            candidates = [d for d in own_dates if segment.start <= d.start and d.end <= segment.end]
        date = nearest(candidates, trigger.span, clause, sentence.span.start)
        dated = Dated(date.edtf, "text", Span(date.start, date.end)) if date else fixed
        return Draft(trigger, sentence, trigger.type, trigger.mode, roles, dated, [sentence.span])

    def _event(self, document: Document, draft: Draft, pair: TitleDyad | None) -> Event:
        roles = draft.roles
        actor = _state_of(roles.actor, pair, roles.recipient)
        recipient = _state_of(roles.recipient, pair, roles.actor)
        if roles.actor is not None and roles.actor.form == "mission" and roles.actor.host:
            recipient = recipient or roles.actor.host
        if (
            pair is not None
            and recipient is None
            and (draft.mode in _DYADIC_MODES or draft.mode in _ENVOY_MODES)
        ):
            recipient = {pair.first: pair.second, pair.second: pair.first}.get(actor or "")
        actors: list[str] = []
        for mention in (roles.actor, roles.recipient, *roles.others):
            if mention is None:
                continue
            for value in (_state_of(mention, pair, None), mention.entity):
                if value and value not in actors and "+" not in value:
                    actors.append(value)
        for value in (actor, recipient):
            if value and value not in actors and "+" not in value:
                actors.append(value)
        mutual = (roles.actor is not None and roles.actor.kind == "group") or (
            actor is None and draft.mode in SYMMETRIC_MODES
        )
        if pair is not None and mutual:
            sides = [pair.first, pair.second]
            actors = sides + [a for a in actors if a not in sides]
            actor = recipient = None
        confidence = 0.8 if draft.dated and draft.dated.basis == "text" else 0.6
        dyad = dyad_of(pair.first, pair.second) if pair else _dyad_from(actor, recipient)
        return Event(
            date=draft.dated.edtf if draft.dated else None,
            actors=tuple(actors),
            actor=actor,
            recipient=recipient if recipient != actor else None,
            type=draft.type,
            mode=draft.mode,
            score=ontology().score(draft.type, draft.mode),
            summary=self._summary(draft, actor, recipient, pair if mutual else None),
            date_basis=draft.dated.basis if draft.dated else None,
            confidence=confidence,
            dyad=dyad,
            **provenance(document, *draft.spans),
        )

    def _summary(
        self, draft: Draft, actor: str | None, recipient: str | None, mutual: TitleDyad | None
    ) -> str:
        verb = draft.trigger.rule.verb
        bare = _DANGLING.sub("", verb)
        if mutual is not None:
            return f"{self.name_of(mutual.first)} and {self.name_of(mutual.second)} {bare}"
        who = self._label(draft.roles.actor, actor) or "An unnamed party"
        whom = self._label(draft.roles.recipient, recipient)
        if whom is None or (recipient == actor and draft.roles.recipient is None):
            return f"{who} {bare}"
        return f"{who} {verb} {whom}"

    def _label(self, mention: Mention | None, state: str | None) -> str | None:
        if mention is not None and mention.kind == "person":
            return f"{mention.entity} ({self.name_of(state)})" if state else mention.entity
        return self.name_of(state) if state else None

    def _mission_mentions(self, text: str, missions: Sequence[Mission]) -> list[Mention]:
        """ "The Legation at Lima", "the Cuzco Consulate": a mission speaks for its sender."""
        places = {m.geonameid: m for m in missions if m.geonameid is not None}
        hosts = sorted({m.host for m in missions})
        found: list[Mention] = []
        for match in _MISSION.finditer(text):
            cities = [c for c in (match.group("after"), match.group("before")) if c]
            located = (self.gazetteer.locate(city, host) for city in cities for host in hosts)
            mission = next(
                (places[p.geonameid] for p in located if p and p.geonameid in places), None
            )
            if mission is not None:
                span = Span(match.start(), match.end())
                found.append(Mention(span, mission.sender, "state", "mission", host=mission.host))
        return found


def _state_of(mention: Mention | None, pair: TitleDyad | None, other: Mention | None) -> str | None:
    """The state (or organisation) a mention acts for."""
    if mention is None:
        return None
    if mention.kind == "group":
        return mention.entity
    if mention.country is not None:
        return mention.country
    if mention.kind in ("state", "organization"):
        return mention.entity
    if pair is not None and other is not None and mention.role in _OFFICIALS:
        other_state = other.country or (other.entity if other.kind == "state" else None)
        return {pair.first: pair.second, pair.second: pair.first}.get(other_state or "")
    return None


def _dyad_from(actor: str | None, recipient: str | None) -> tuple[str, str] | None:
    if actor and recipient and actor != recipient and "+" not in actor + recipient:
        return dyad_of(actor, recipient)
    return None


def _needs_context_actor(draft: Draft) -> bool:
    """An envoy act whose acting state the sentence does not name."""
    actor = draft.roles.actor
    stateless = actor is None or (actor.kind == "person" and actor.country is None)
    return draft.mode in _ENVOY_MODES and stateless


def _with_context_state(actor: Mention | None, drafts: Sequence[Draft]) -> Mention | None:
    """The envoy acts for the state that acted last in the paragraph ("J.C. Pickett was
    appointed ..." after "The United States recognized ...")."""
    for draft in reversed(drafts):
        state = draft.roles.actor
        if state is None or state.kind not in ("state", "organization"):
            continue
        if actor is None:
            return state
        return Mention(
            actor.span, actor.entity, actor.kind, actor.form, state.country or state.entity,
            actor.title, actor.role,
        )  # fmt: skip
    return actor


def _is_means(text: str, trigger: Trigger, sentence: Span) -> bool:
    return bool(
        _MEANS.search(text, max(sentence.start, trigger.span.start - 20), trigger.span.start)
    )


def _absorb_means(main: Draft, means: Draft) -> None:
    """A means clause explains ``main``; a concrete diplomatic act outranks a bare stance
    ("opposed the U.S. and Israel by recognizing Palestine" is a recognition)."""
    if means.mode in DIPLOMATIC_MODES and main.mode not in DIPLOMATIC_MODES:
        main.type, main.mode, main.trigger = means.type, means.mode, means.trigger
        if means.roles.recipient is not None:
            main.roles.recipient = means.roles.recipient
    main.dated = main.dated or means.dated


def _same_happening(a: Draft, b: Draft, pair: TitleDyad | None) -> bool:
    """Two triggers of one kind, date and parties in a sentence ("visited ... met with")."""
    if a.type != b.type or (a.dated and b.dated and a.dated.edtf != b.dated.edtf):
        return False
    modes = {a.mode, b.mode}
    if None not in modes and len(modes) == 2 and not modes <= set(_MODE_PRIORITY):
        return False
    if modes <= set(_MODE_PRIORITY) and a.roles.actor is b.roles.actor is not None:
        return True  # "traveled to Peru to attend the APEC Summit"
    sides_a, sides_b = _sides(a, pair), _sides(b, pair)
    # one side named again, the other left out ("..., the first visit by an Indian
    # prime minister in 17 years")
    return not sides_a or not sides_b or sides_a <= sides_b or sides_b <= sides_a


def _absorb(main: Draft, other: Draft) -> None:
    modes = [m for m in (main.mode, other.mode) if m is not None]
    ranked = sorted(modes, key=lambda m: _MODE_PRIORITY.index(m) if m in _MODE_PRIORITY else -1)
    main.mode = ranked[0] if ranked else None
    main.roles.recipient = main.roles.recipient or other.roles.recipient
    main.dated = main.dated or other.dated


def _sides(draft: Draft, pair: TitleDyad | None = None) -> set[str]:
    """The states on either side of a draft, direction ignored."""
    roles = draft.roles
    actor = _state_of(roles.actor, pair, roles.recipient) or (roles.actor and roles.actor.entity)
    recipient = _state_of(roles.recipient, pair, roles.actor) or (
        roles.recipient and roles.recipient.entity
    )
    return {side for side in (actor, recipient) if side}


def _continues(previous: Draft, draft: Draft, text: str) -> bool:
    """An undated sentence on the same kind of act by the same parties continues the event.

    An "also" before the trigger marks another party doing the same, not a
    continuation.
    """
    if draft.dated is not None or draft.sentence.block != previous.sentence.block:
        return False
    if draft.type != previous.type:
        return False
    if re.search(r"\balso\b", text[draft.sentence.span.start : draft.trigger.span.start]):
        return False
    people = {
        m.entity for m in (draft.roles.actor, draft.roles.recipient) if m and m.kind == "person"
    }
    if people & previous.parties:
        return True
    sides = _sides(draft)
    if not sides:
        return True
    return (sides <= _sides(previous) or draft.roles.actor is None) and bool(
        draft.parties & previous.parties
    )


def _segment(text: str, trigger: Span, sentence: Span) -> Span:
    """The comma-delimited stretch of a sentence around a trigger."""
    start = max(text.rfind(",", sentence.start, trigger.start) + 1, sentence.start)
    end = text.find(",", trigger.end, sentence.end)
    return Span(start, end if end >= 0 else sentence.end)


def _envoy_act(
    draft: Draft, main: Draft, mentions: list[Mention], pair: TitleDyad | None
) -> EnvoyAct | None:
    """The envoy act a trigger reports; the main draft names the states when it is a means."""
    trigger = draft.trigger.span
    people = [m for m in mentions if m.kind == "person" and m.role not in _NOT_ENVOYS]
    if not people:
        return None
    person = min(people, key=lambda m: abs(m.span.start - trigger.start))
    sender = _state_of(main.roles.actor, pair, main.roles.recipient)
    receiver = _state_of(main.roles.recipient, pair, main.roles.actor)
    if sender == person.entity or (sender is None and person.country):
        sender = person.country
    if pair is not None and receiver is None:
        receiver = {pair.first: pair.second, pair.second: pair.first}.get(sender or "")
    return EnvoyAct(
        draft.mode or "",
        person,
        sender,
        receiver,
        draft.dated.edtf if draft.dated and draft.dated.basis == "text" else None,
        draft.sentence.span,
        trigger,
    )


def _own_act(
    draft: Draft, reporter: Trigger, drafts: Sequence[Draft], pair: TitleDyad | None
) -> bool:
    """A that-clause reports a happening only when the reporter speaks of its own act."""
    speaker = next((d for d in drafts if d.trigger.span == reporter.span), None)
    if speaker is None or draft.roles.actor is None or speaker.roles.actor is None:
        return False
    mine = _state_of(draft.roles.actor, pair, draft.roles.recipient)
    theirs = _state_of(speaker.roles.actor, pair, speaker.roles.recipient)
    return mine is not None and mine == theirs


def _partner_as_recipient(draft: Draft) -> None:
    """ "..., and together with X promised": in a joint act the partner is the other side."""
    roles = draft.roles
    joint = draft.mode in SYMMETRIC_MODES or (
        draft.type in ("COOPERATE", "CONSULT", "AGREE") and not draft.mode
    )
    if joint and roles.recipient is None and roles.others:
        roles.recipient = roles.others.pop(0)
