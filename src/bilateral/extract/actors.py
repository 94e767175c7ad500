"""Who did what to whom: the actor and recipient of a trigger, from the mentions around it.

The actor is the subject of the trigger's clause: the mention right before
the trigger ("Peru urged"), else the first mention of the clause that is not
the object of a preposition ("the Government of Peru" counts as Peru). In a
passive ("was recognized by X") it is the mention after "by"; for a noun
("the United States invasion of Panama", "a visit from X") the mention that
modifies it or follows "from"/"by". When the subject is left out after
"and" ("..., and called for"), the caller lets the previous actor act again.
Mentions joined to the actor by "and", or introduced by "joined", "together
with" or "alongside", act with it. The recipient is the first other mention
after the trigger (for a noun, the object of "of" first; otherwise objects of
"of" only when nothing else is there). Capitals used as places ("in
Washington") are neither.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from bilateral.extract.entities import Mention
from bilateral.model.span import Span

_PREPOSITION_BEFORE = re.compile(
    r"\b(?:of|in|to|from|with|against|for|on|at|during|under|by|into|over|about|than|upon|"
    r"toward|towards|between|among|amidst|amid|despite|including|following)\s+(?:the\s+)?$",
    re.I,
)
_GOVERNMENT_OF = re.compile(
    r"\b(?:government|republic|state|people|kingdom|president|authorities|leaders?|"
    r"ministry|parliament|congress|embassy|legation|army|forces)\s+of\s+(?:the\s+)?$",
    re.I,
)
_LOCATIVE_BEFORE = re.compile(r"\b(?:in|at|from|to|near|outside)\s+(?:the\s+)?$", re.I)
_PASSIVE = re.compile(r"\b(?:was|were|is|are|been|being|be)\s+(?:\w+ly\s+)?$", re.I)
_BY = re.compile(r"\W*(?:[\w'’-]+\s+){0,6}?by\s+(?:the\s+)?", re.I)
_FROM = re.compile(r"\s*(?:from|by)\s+(?:the\s+)?", re.I)
_DETERMINER = re.compile(r"\b(?:the|a|an|its|his|her|their)\s+(?:[\w-]+\s+)?$", re.I)
_CO_ACTOR = re.compile(
    r"\b(?:joined|together with|alongside|along with)\s+(?:[\w.'’-]+\s+){0,3}$", re.I
)
# "X paid a state visit", "Y imposed an economic blockade": the noun's agent is the
# clause's subject, as with the verb.
_LIGHT_VERB = re.compile(
    r"\b(?:pa(?:y|ys|id)|ma(?:ke|kes|de)|h(?:old|olds|eld)|undert(?:ake|akes|ook)|"
    r"conduct(?:s|ed)?|carried out|carr(?:y|ies) out|impos(?:e|es|ed|ing))\s+"
    r"(?:a|an|the|his|her|its|their)\s+"
    r"(?:[\w-]+\s+){0,2}$",
    re.I,
)
_AND = re.compile(r"\s*(?:,\s*)?and\s+(?:the\s+)?", re.I)
_IMMEDIATE = re.compile(r"(?:['’]s?)?\s*(?:(?:\w+ly|also|then|government|governments)\s+){0,3}")
_OF_BEFORE = re.compile(r"\bof\s+(?:the\s+)?(?:[a-z]+\s+)?$")
_CLAUSE_END = re.compile(
    r",\s+(?:\w+ing|and|but|while|which|who|whose|whereas|of which)\b|;|\s\(", re.I
)
_ELIDED_SUBJECT = re.compile(
    r"(?:(?:,\s*|\s)(?:and|but|yet)\s+(?:\w+ly\s+)*"
    r"(?:(?:together with|along with|alongside)\s.*)?|\bto\s+)$",
    re.I,
)
_HEAD_OF = re.compile(
    r"\s+(?:the|a|an|his|her|its|their)\s+(?:[\w-]+\s+){0,2}of\s+(?:the\s+)?", re.I
)
SYMMETRIC_MODES = frozenset(
    {"establish-relations", "restore-relations", "sever-relations", "summit", "sign-agreement"}
)


@dataclass
class Roles:
    actor: Mention | None = None
    recipient: Mention | None = None
    others: list[Mention] = field(default_factory=list)
    passive: bool = False
    elided: bool = False
    nominal: bool = False
    # With an elided subject the actor is left to the caller (the previous
    # trigger's actor); this is the clause's own guess when there is none.
    fallback: Mention | None = None


def _start(mention: Mention) -> int:
    return mention.span.start


def _before(text: str, mention: Mention, floor: int, width: int) -> str:
    return text[max(floor, mention.span.start - width) : mention.span.start]


def _usable(mention: Mention, text: str, floor: int) -> bool:
    return mention.form != "capital" or not _LOCATIVE_BEFORE.search(
        _before(text, mention, floor, 12)
    )


def _free(mention: Mention, text: str) -> bool:
    """Not the object of a preposition (but "the Government of X" speaks for X)."""
    before = _before(text, mention, 0, 30)
    return not _PREPOSITION_BEFORE.search(before) or bool(_GOVERNMENT_OF.search(before))


def assign_roles(
    text: str,
    mentions: Sequence[Mention],
    trigger: Span,
    left: Span,
    right: Span,
    symmetric: bool = False,
    destination: bool = False,
) -> Roles:
    """Actor, recipient and co-actors of a trigger whose clause spans ``left`` + ``right``.

    ``destination``: the trigger is a journey or a mission, so a capital it goes
    to or is kept in ("a state visit to Oslo", "opened an embassy in Beijing")
    names the recipient when nothing else does.
    """
    usable = [m for m in mentions if _usable(m, text, left.start)]
    clause_end = _CLAUSE_END.search(text, trigger.end, right.end)
    right = Span(right.start, clause_end.start() if clause_end else right.end)
    before = [m for m in usable if left.start <= m.span.start and m.span.end <= trigger.start]
    after = [m for m in usable if trigger.end <= m.span.start and m.span.end <= right.end]
    roles = Roles()
    left_text = text[left.start : trigger.start]
    roles.others = [m for m in before if _CO_ACTOR.search(_before(text, m, left.start, 40))]
    candidates = [m for m in before if m not in roles.others]
    immediate = [m for m in candidates if _IMMEDIATE.fullmatch(text, m.span.end, trigger.start)]
    verb_form = text[trigger.start : trigger.end].endswith(("ed", "ied"))
    roles.nominal = not verb_form and (bool(_DETERMINER.search(left_text)) or bool(immediate))
    elided = _ELIDED_SUBJECT.search(left_text)
    roles.elided = elided is not None and not any(
        m.span.start >= left.start + elided.start() for m in candidates
    )
    if _PASSIVE.search(left_text):
        roles.passive = True
        by = _BY.match(text, trigger.end, right.end)
        agents = [m for m in after if by and m.span.start >= by.end()]
        roles.actor = agents[0] if agents else None
        roles.recipient = candidates[-1] if candidates else None
        roles.others += [m for m in after if m is not roles.actor][:3]
        return roles
    if roles.nominal:
        agent = _FROM.match(text, trigger.end, right.end)
        by_agent = [m for m in after if agent and m.span.start >= agent.end()]
        roles.actor = immediate[-1] if immediate else (by_agent[0] if by_agent else None)
        if roles.actor is None and _LIGHT_VERB.search(left_text):
            subjects = [m for m in candidates if _free(m, text)]
            roles.actor = subjects[0] if subjects else None
    elif immediate:
        roles.actor = immediate[-1]
    else:  # the caller lets an earlier actor act again when the subject is elided
        subjects = [m for m in candidates if _free(m, text)]
        roles.actor = subjects[0] if subjects else None
    if roles.actor is not None:
        for mention in candidates:
            low, high = sorted((roles.actor, mention), key=lambda m: m.span.start)
            if mention is not roles.actor and _AND.fullmatch(text, low.span.end, high.span.start):
                roles.others.append(mention)
        joined_before = [m for m in roles.others if m.span.start < roles.actor.span.start]
        if joined_before and not symmetric:  # "The U.S. and Peruvian governments criticized"
            roles.others.remove(joined_before[0])
            roles.others.insert(0, roles.actor)
            roles.actor = joined_before[0]
    if roles.elided:
        roles.fallback, roles.actor = roles.actor, None
    _recipient(text, roles, after, trigger, symmetric)
    if destination and roles.recipient is None:
        roles.recipient = _destination(text, mentions, roles, trigger, right)
    return roles


def _destination(
    text: str, mentions: Sequence[Mention], roles: Roles, trigger: Span, right: Span
) -> Mention | None:
    """The first capital the journey goes to or takes place in, not the actor's own."""
    actor = roles.actor
    own = {actor.entity, actor.country} if actor else set()
    for mention in mentions:
        if not (trigger.end <= mention.span.start and mention.span.end <= right.end):
            continue
        if mention.form == "capital" and mention.entity not in own:
            return mention
    return None


def _recipient(
    text: str, roles: Roles, after: list[Mention], trigger: Span, symmetric: bool
) -> None:
    actor_entity = roles.actor.entity if roles.actor else None
    partners = sorted([*roles.others, *([roles.actor] if roles.actor else [])], key=_start)
    if symmetric and len(partners) >= 2 and roles.actor is not None:
        roles.actor, roles.recipient = partners[0], partners[1]
        roles.others = partners[2:]
        return
    direct: list[Mention] = []
    of_objects: list[Mention] = []
    of_first = roles.nominal or text[trigger.start : trigger.end].casefold().endswith(" of")
    for mention in after:
        if _CO_ACTOR.search(_before(text, mention, trigger.end, 40)):
            roles.others.append(mention)
            continue
        if mention.entity == actor_entity or mention.kind == "group" or mention is roles.actor:
            continue
        of = _OF_BEFORE.search(_before(text, mention, trigger.end, 14))
        head_of = _HEAD_OF.fullmatch(text, trigger.end, mention.span.start)
        (of_objects if of and not head_of else direct).append(mention)
    ordered = (of_objects + direct) if of_first else (direct + of_objects)
    if ordered:
        roles.recipient = ordered[0]
        roles.others.extend(ordered[1:5])
