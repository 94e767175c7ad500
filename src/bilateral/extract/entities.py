"""Entity recognition: states, organisations and people mentioned in prose.

Dictionary matches come first (states by name, alias, demonym or capital;
organisations by acronym or full name, which are one entity; people the
lexicon knows), then people found by their context (`persons`), then later
references to them (surnames, "he"/"she"). Phrases such as "both countries"
become a group mention of the dyad. Every mention is a span of
``document.plain``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from bilateral.extract.dyad import TitleDyad
from bilateral.extract.entity_lexicon import EntityLexicon, group_pattern
from bilateral.extract.persons import (
    Coreference,
    PersonMention,
    appositive_or_cue,
    is_capitalized,
    looks_like_name,
    name_run,
    role_after,
    subject_of,
)
from bilateral.extract.phrases import Token, tokenize
from bilateral.extract.pipeline import Output
from bilateral.model.document import Document
from bilateral.model.places import Gazetteer
from bilateral.model.span import Span


@dataclass(frozen=True, slots=True)
class Mention:
    """An entity named at a span: a state id, organisation id or a person's name."""

    span: Span
    entity: str
    kind: str  # state | organization | person | group
    form: str  # name | demonym | capital | title | surname | pronoun | group
    country: str | None = None
    title: str | None = None
    role: str | None = None
    host: str | None = None  # for a mission ("the Legation at Lima"): where it is


class EntityRecognizer:
    name = "entities"
    version = "2"
    requires: tuple[str, ...] = ()
    produces: tuple[str, ...] = ("mentions",)

    def __init__(self, lexicon: EntityLexicon, gazetteer: Gazetteer) -> None:
        self.lexicon = lexicon
        self.is_place = gazetteer.is_city

    def run(self, document: Document, found: Mapping[str, Any]) -> Output:
        pair: TitleDyad | None = found.get("dyad")
        coreference = Coreference()
        mentions: list[Mention] = []
        subject: PersonMention | None = None
        state: Mention | None = None
        block = -1
        text = document.plain
        for sentence in document.sentences:
            if sentence.block != block:
                subject, state, block = None, None, sentence.block
            in_sentence, subject = self._sentence(text, sentence.span, coreference, pair, subject)
            in_sentence = _with_state_pronoun(text, sentence.span, in_sentence, state)
            state = _state_subject(text, sentence.span, in_sentence) or state
            mentions.extend(in_sentence)
        return Output(values={"mentions": tuple(mentions)})

    def _sentence(
        self,
        text: str,
        sentence: Span,
        coreference: Coreference,
        pair: TitleDyad | None,
        previous_subject: PersonMention | None,
    ) -> tuple[list[Mention], PersonMention | None]:
        """Mentions in one sentence, and the sentence's subject for a pronoun in the next."""
        tokens = tokenize(text, sentence.start, sentence.end)
        taken: set[int] = set()
        found: list[Mention] = []
        for match in self.lexicon.names.find(text, tokens):
            entry = match.payloads[0]
            taken.update(range(match.first_token, match.last_token + 1))
            if entry.kind == "person":
                person = PersonMention(
                    match.span, match.span.of(text), country=entry.country, role=entry.role
                )
                coreference.remember(person)
                found.append(_from_person(person))
            else:
                found.append(
                    Mention(match.span, entry.entity, entry.kind, entry.form, entry.country)
                )
        people = self._people(text, sentence, tokens, taken, found, coreference)
        found.extend(_from_person(p) for p in people)
        if pair is not None:
            group = f"{pair.first}+{pair.second}"
            for phrase in group_pattern().finditer(text, sentence.start, sentence.end):
                found.append(Mention(Span(phrase.start(), phrase.end()), group, "group", "group"))
        found.sort(key=lambda m: m.span.start)
        found = _with_pronoun(sentence, tokens, found, previous_subject)
        return found, subject_of(text, sentence, _people_of(found))

    def _people(
        self,
        text: str,
        sentence: Span,
        tokens: list[Token],
        taken: set[int],
        found: list[Mention],
        coreference: Coreference,
    ) -> list[PersonMention]:
        people: list[PersonMention] = []
        by_start = {m.span.start: m for m in found}
        for title in self.lexicon.titles.find(text, tokens):
            taken.update(range(title.first_token, title.last_token + 1))
            start = title.last_token + 1
            if start < len(tokens) and tokens[start].start in by_start:
                known = by_start[tokens[start].start]
                if known.kind == "person":
                    state = _state_before(title.span, found, text)
                    found[found.index(known)] = Mention(
                        known.span, known.entity, "person", known.form,
                        state.entity if state else known.country,
                        title.span.of(text), title.payloads[0],
                    )  # fmt: skip
                    if state is not None:
                        found.remove(state)
                continue
            end = name_run(tokens, start, taken, text)
            if end == start or not is_capitalized(tokens[start]):
                continue
            span = Span(tokens[start].start, tokens[end - 1].end)
            person = self._named(span.of(text), span, coreference)
            state = _state_before(title.span, found, text)
            if state is not None:
                found.remove(state)
            person = PersonMention(
                span,
                person.name,
                title=title.span.of(text),
                role=title.payloads[0],
                country=state.entity if state else person.country,
                form=person.form,
            )
            taken.update(range(start, end))
            coreference.remember(person)
            people.append(person)
        index = 0
        while index < len(tokens):
            end = name_run(tokens, index, taken, text) if is_capitalized(tokens[index]) else index
            if end == index:
                index += 1
                continue
            run = tokens[index:end]
            span = Span(run[0].start, run[-1].end)
            earlier = coreference.by_surname(span.of(text)) if len(run) <= 2 else None
            if earlier is not None:
                person = PersonMention(
                    span, earlier.name, earlier.title, earlier.role, earlier.country, "surname"
                )
            elif not self.is_place(span.of(text)) and (
                looks_like_name(run, self.lexicon)
                or (len(run) >= 2 and appositive_or_cue(text, span, sentence))
            ):
                person = PersonMention(span, span.of(text), role=role_after(text, span))
            else:  # "Succeeding Thornton": try again without the first word
                index += 1
                continue
            taken.update(range(index, end))
            coreference.remember(person)
            people.append(person)
            index = end
        return people

    def _named(self, words: str, span: Span, coreference: Coreference) -> PersonMention:
        earlier = coreference.by_surname(words)
        if earlier is not None and len(words.split()) <= 2:
            return PersonMention(span, earlier.name, country=earlier.country, form="surname")
        known = self.lexicon.person(words)
        return PersonMention(span, words, country=known[0].country if known else None)


def _from_person(person: PersonMention) -> Mention:
    return Mention(
        person.span, person.name, "person", person.form, person.country, person.title, person.role
    )


def _state_before(title: Span, found: list[Mention], text: str) -> Mention | None:
    """The state named right before a title: "Peruvian President", "Peru's Foreign Minister"."""
    for mention in reversed(found):
        if mention.span.end > title.start or mention.kind != "state":
            continue
        gap = text[mention.span.end : title.start]
        if gap.strip() in ("", "'s", "'", "’s") and len(gap) <= 4:
            return mention
        break
    return None


def _with_pronoun(
    sentence: Span, tokens: list[Token], found: list[Mention], subject: PersonMention | None
) -> list[Mention]:
    """Add a sentence-initial He/She as the previous sentence's subject."""
    if subject is None or not tokens or tokens[0].text not in ("He", "She"):
        return found
    pronoun = Mention(
        Span(tokens[0].start, tokens[0].end), subject.name, "person", "pronoun",
        subject.country, subject.title, subject.role,
    )  # fmt: skip
    return sorted([*found, pronoun], key=lambda m: m.span.start)


def _people_of(found: list[Mention]) -> list[PersonMention]:
    return [
        PersonMention(m.span, m.entity, m.title, m.role, m.country, m.form)
        for m in found
        if m.kind == "person"
    ]


_EXPLETIVE = frozenset("is was has had seems seemed appears appeared will would remains".split())
_STATE_PRONOUN = re.compile(r"It\s+(\w+)")


_CLAUSE_IT = re.compile(
    r"(?:;\s*|,\s*(?:and\s+|but\s+)?|\b(?:when|after|before|until|because|as|where)\s+)"
    r"(it)\s+(\w+)"
)


def _with_state_pronoun(
    text: str, sentence: Span, found: list[Mention], state: Mention | None
) -> list[Mention]:
    """An "it" that acts is a state: at the start of a sentence ("It tried to
    ...") the previous sentence's; opening a later clause ("..., when it
    severed relations; it declared war") the state this sentence is about
    so far, else the previous sentence's."""
    pronouns: list[Mention] = []
    match = _STATE_PRONOUN.match(text, sentence.start, sentence.end)
    if state is not None and match is not None and match.group(1).casefold() not in _EXPLETIVE:
        pronouns.append(
            Mention(Span(sentence.start, sentence.start + 2), state.entity, "state", "pronoun")
        )
    for clause in _CLAUSE_IT.finditer(text, sentence.start, sentence.end):
        if clause.group(2).casefold() in _EXPLETIVE:
            continue
        before = [m for m in found if m.span.end <= clause.start()]
        referent = _state_subject(text, Span(sentence.start, clause.start()), before) or state
        if referent is not None:
            span = Span(clause.start(1), clause.end(1))
            pronouns.append(Mention(span, referent.entity, "state", "pronoun"))
    if not pronouns:
        return found
    return sorted([*pronouns, *found], key=lambda m: m.span.start)


def _state_subject(text: str, sentence: Span, found: list[Mention]) -> Mention | None:
    """The first state a sentence names outside a prepositional phrase."""
    for mention in found:
        if mention.kind != "state" or mention.form not in ("name", "pronoun"):
            continue
        before = text[max(sentence.start, mention.span.start - 12) : mention.span.start].split()
        if not before or before[-1].casefold() not in ("of", "in", "to", "from", "with", "by"):
            return mention
    return None
