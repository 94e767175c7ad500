"""Trade and people statistics: a number, what it counts, and how often.

Three shapes are read. A count that opens a clause and is followed by what it
counts and a present-tense verb ("About 200,000 U.S. citizens visit Peru
annually", "more than 400 U.S. companies are represented in the country"):
the value (with "about" marked approximate and "more than" a lower bound),
the unit (the counted noun), a subject (the noun phrase and its predicate)
and a period ("annually" → annual). An amount of money a trade, investment
or aid flow came to ("trade totaled US$1.9 billion in 2019"), in its
currency and dated when the sentence has one date. And a rank ("The U.S. is Peru's number
one trade partner"). Dates and percentages are left to the date tagger and
the polls.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from bilateral.extract.common import SpanIndex, provenance
from bilateral.extract.dyad import TitleDyad
from bilateral.extract.entities import Mention
from bilateral.extract.event_dates import mention_index
from bilateral.extract.pipeline import Output
from bilateral.model.document import BlockKind, Document
from bilateral.model.facts import Statistic, dyad_of
from bilateral.model.span import Span

_COUNT = re.compile(
    r"(?:^|(?<=[,;]\s)|(?<=\band\s)|(?<=\bwhile\s))"
    r"(?P<qualifier>(?:about|around|approximately|roughly|nearly|almost|over|more than|"
    r"fewer than|less than|some|up to|at least|an estimated)\s+)?"
    r"(?P<number>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s+(?P<scale>thousand|million|billion))?\s+"
    r"(?P<noun>(?:[A-Z][\w.'’-]*\s+)*(?:[a-z][\w-]*s|people|children|men|women)"
    r"(?:\s+of\s+(?:[A-Z][\w'’-]*\s+){1,2}(?:descent|origin|ancestry|heritage|nationality))?)\s+"
    r"(?P<verb>(?:are\s+|is\s+|were\s+)?(?!(?:of|in|to|from|with|for|and|or|who|which|also)\b)"
    r"[a-z]+(?<!ed))\b"
    r"(?P<rest>[^,;.]*)",
    re.I,
)
# "trade between the two nations totaled US$1.9 billion", "U.S. exports to Peru
# were worth $8 billion": an amount of money and what it measures.
_MONEY = re.compile(
    r"(?P<what>\b(?:(?:bilateral|total|two-way|annual)\s+)?(?:trade|exports|imports|investment|"
    r"foreign direct investment|FDI|remittances|aid|assistance)\b[^,;.$€£¥]{0,60}?)\s+"
    r"(?:totall?ed|amounted to|reached|(?:was|were) (?:worth|valued at)|stood at|exceeded|"
    r"topped|(?:was|were))\s+"
    r"(?P<qualifier>(?:about|around|approximately|roughly|nearly|almost|over|more than|"
    r"less than|some|up to|at least|an estimated)\s+)?"
    r"(?P<currency>US\$|U\.S\.\s?\$|\$|USD\s?|€|EUR\s?|£|GBP\s?|¥)\s?"
    r"(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?:\s+(?P<scale>thousand|million|billion|trillion))?",
    re.I,
)
_CURRENCIES = {"us$": "USD", "u.s.$": "USD", "$": "USD", "usd": "USD", "€": "EUR", "eur": "EUR",
               "£": "GBP", "gbp": "GBP", "¥": "JPY"}  # fmt: skip
_RANK = re.compile(
    r"(?P<who>[\w.'’ -]+?)\s+(?:is|was|remains|became)\s+(?P<whose>[\w.'’ -]+?)['’]s?\s+"
    r"(?P<rank>number one|number two|number three|largest|biggest|top|leading|"
    r"second[- ]largest|third[- ]largest)\s+(?P<what>trade|trading|export|import|investment|"
    r"economic|commercial)\s+partner",
    re.I,
)
_RANKS = {
    "number one": 1, "largest": 1, "biggest": 1, "top": 1, "leading": 1,
    "number two": 2, "second largest": 2, "second-largest": 2,
    "number three": 3, "third largest": 3, "third-largest": 3,
}  # fmt: skip
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_PERIODS = {
    "annually": "annual", "every year": "annual", "each year": "annual", "per year": "annual",
    "a year": "annual", "monthly": "monthly", "every month": "monthly", "daily": "daily",
}  # fmt: skip
_APPROXIMATE = frozenset(
    {"about", "around", "approximately", "roughly", "nearly", "almost", "some", "an estimated"}
)
_BOUNDS = {"more than": "at-least", "over": "at-least", "at least": "at-least",
           "fewer than": "at-most", "less than": "at-most", "up to": "at-most"}  # fmt: skip


class StatisticExtractor:
    name = "statistics"
    version = "2"
    requires: tuple[str, ...] = ("mentions", "dates")
    produces: tuple[str, ...] = ("statistics",)

    def run(self, document: Document, found: Mapping[str, Any]) -> Output:
        mentions = mention_index(found["mentions"])
        dates = SpanIndex(found["dates"], lambda d: d.start, lambda d: d.end)
        pair: TitleDyad | None = found.get("dyad")
        facts: list[Statistic] = []
        for index, _ in document.blocks_of(BlockKind.PARAGRAPH):
            for sentence in document.sentences_in(index):
                span = sentence.span
                inside = mentions.within(span)
                busy = [Span(d.start, d.end) for d in dates.within(span)]
                facts.extend(self._counts(document, span, busy, pair))
                facts.extend(self._amounts(document, span, dates.within(span), pair))
                facts.extend(self._ranks(document, span, inside, pair))
        return Output(facts=tuple(facts), values={"statistics": tuple(facts)})

    def _counts(
        self, document: Document, sentence: Span, busy: list[Span], pair: TitleDyad | None
    ) -> list[Statistic]:
        text = document.plain
        found: list[Statistic] = []
        clause = text[sentence.start : sentence.end]
        for match in _COUNT.finditer(clause):
            number = Span(
                sentence.start + match.start("number"), sentence.start + match.end("number")
            )
            if any(number.overlaps(b) for b in busy):
                continue
            value = float(match.group("number").replace(",", ""))
            value *= _SCALES.get((match.group("scale") or "").casefold(), 1)
            qualifier = (match.group("qualifier") or "").strip().casefold()
            rest = match.group("rest")
            period = next(
                (p for w, p in _PERIODS.items() if re.search(rf"\b{w}\b", rest, re.I)), None
            )
            predicate = re.split(r"\s+(?:for|because|as|since|annually|every|each|per)\b", rest)[0]
            subject = " ".join(f"{match.group('noun')} {match.group('verb')}{predicate}".split())
            where = Span(sentence.start + match.start(), sentence.start + match.end())
            found.append(
                Statistic(
                    subject=subject,
                    value=value,
                    unit=re.split(r"\s+of\s+", match.group("noun"))[0].split()[-1].casefold(),
                    period=period,
                    approximate=qualifier in _APPROXIMATE,
                    bound=_BOUNDS.get(qualifier),
                    dyad=dyad_of(pair.first, pair.second) if pair else None,
                    confidence=0.8,
                    **provenance(document, where),
                )
            )
        return found

    def _amounts(
        self, document: Document, sentence: Span, dates: list[Any], pair: TitleDyad | None
    ) -> list[Statistic]:
        """Money a trade, investment or aid flow came to, dated by the sentence's one date."""
        text = document.plain
        found: list[Statistic] = []
        dated = [d for d in dates if d.edtf]
        for match in _MONEY.finditer(text, sentence.start, sentence.end):
            value = float(match.group("number").replace(",", ""))
            value *= _SCALES.get((match.group("scale") or "").casefold(), 1)
            currency = "".join(match.group("currency").casefold().split())
            qualifier = (match.group("qualifier") or "").strip().casefold()
            period = next(
                (p for w, p in _PERIODS.items() if re.search(rf"\b{w}\b", match.group(0), re.I)),
                "annual" if re.search(r"\bannual\b", match.group("what"), re.I) else None,
            )
            found.append(
                Statistic(
                    subject=" ".join(match.group("what").split()),
                    value=value,
                    unit=_CURRENCIES.get(currency, currency.upper()),
                    period=period,
                    date=dated[0].edtf if len(dated) == 1 else None,
                    approximate=qualifier in _APPROXIMATE,
                    bound=_BOUNDS.get(qualifier),
                    dyad=dyad_of(pair.first, pair.second) if pair else None,
                    confidence=0.8,
                    **provenance(document, Span(match.start(), match.end())),
                )
            )
        return found

    def _ranks(
        self, document: Document, sentence: Span, mentions: list[Mention], pair: TitleDyad | None
    ) -> list[Statistic]:
        text = document.plain
        found: list[Statistic] = []
        if "partner" not in text[sentence.start : sentence.end]:
            return found
        for match in _RANK.finditer(text, sentence.start, sentence.end):
            who = _state_in(mentions, match.start("who"), match.end("who"))
            whose = _state_in(mentions, match.start("whose"), match.end("whose"))
            if who is None or whose is None:
                continue
            what = match.group("what").casefold().replace("trading", "trade")
            found.append(
                Statistic(
                    subject=f"{who} among {whose} {what} partners",
                    value=float(_RANKS[match.group("rank").casefold().replace("-", " ")]),
                    unit="rank",
                    dyad=dyad_of(pair.first, pair.second) if pair else dyad_of(who, whose),
                    confidence=0.8,
                    **provenance(document, Span(match.start(), match.end())),
                )
            )
        return found


def _state_in(mentions: list[Mention], start: int, end: int) -> str | None:
    return next(
        (m.entity for m in mentions if m.kind == "state" and start <= m.span.start < end), None
    )
