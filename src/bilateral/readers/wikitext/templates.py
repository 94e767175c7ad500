"""Templates that carry meaning, rendered into the plain text extractors read.

Which template does what is data (``templates.tsv`` beside this module:
name, behaviour, argument); the behaviours are the functions below. A flag
template shows its country and notes a flag link; a date template shows an
English date a date tagger can find; a hatnote ("Main article: …") shows
nothing but keeps its links; footnote templates become citations. Templates
not listed are dropped, and the text around them stays.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import TYPE_CHECKING

from mwparserfromhell.nodes import Template, Text

from bilateral.model.document import LinkKind
from bilateral.model.span import Span
from bilateral.readers.wikitext import dates
from bilateral.readers.wikitext.nodes import (
    Param,
    argument,
    code_size,
    named,
    params,
    positional,
    size,
    template_name,
)

if TYPE_CHECKING:
    from bilateral.readers.wikitext.inline import Inline

_COUNTRY_CODE = re.compile(r"[A-Z]{3}")
_ESCAPE = re.compile(r"\\u([0-9a-fA-F]{4})")
_RANGE_WORDS = {
    "-": "–",
    "–": "–",
    "to": "to",
    "to(-)": "to",
    "and": "and",
    "and(-)": "and",
    "or": "or",
    "by": "by",
    "x": "×",
    "+/-": "±",
}
_YES = frozenset({"y", "yes", "1", "true", "on"})


@dataclass(frozen=True, slots=True)
class Rule:
    behaviour: str
    argument: str


@dataclass(frozen=True, slots=True)
class Call:
    """One template occurrence: the renderer, the node, where it is, its parameters."""

    inline: Inline
    node: Template
    at: int
    params: list[Param]
    argument: str

    @property
    def source(self) -> Span:
        return Span(self.at, self.at + size(self.node))

    def show(self, param: Param | None) -> None:
        """Render a parameter; plain text without its surrounding whitespace."""
        if param is None:
            return
        raw = str(param.value)
        if all(isinstance(node, Text) for node in param.value.nodes) and "\n" not in raw:
            stripped = raw.strip()
            self.inline.text(stripped, param.at + len(raw) - len(raw.lstrip()))
        else:
            self.inline.code(param.value, param.at)

    def make(self, text: str, start: int | None = None, end: int | None = None) -> None:
        """Made-up text standing for ``source[start:end]`` (default: the whole template)."""
        whole = self.source
        self.inline.out.make(text, whole.start if start is None else start, end or whole.end)


@cache
def rules() -> dict[str, Rule]:
    """The template table, read once from ``templates.tsv``."""
    table: dict[str, Rule] = {}
    text = files("bilateral.readers.wikitext").joinpath("templates.tsv").read_text("utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("# "):
            continue
        name, behaviour, *rest = line.split("\t")
        value = _ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), rest[0] if rest else "")
        table[name.strip().casefold()] = Rule(behaviour.strip(), value)
    return table


def is_infobox(node: Template) -> bool:
    return template_name(node).startswith("infobox")


def block_content(node: Template, at: int) -> Param | None:
    """The parameter holding the lines of a block template (a quote, a column list)."""
    rule = rules().get(template_name(node))
    if rule is None or rule.behaviour != "block":
        return None
    return _content_param(params(node, at), rule.argument)


def render_template(inline: Inline, node: Template, at: int) -> None:
    """Append what ``node`` shows and note its links and citations."""
    name = template_name(node)
    rule = rules().get(name)
    if rule is None:
        if name.startswith("lang-"):
            rule = Rule("content", "1")
        elif _COUNTRY_CODE.fullmatch(str(node.name).strip()):
            _country_code(inline, node, at)
            return
        else:
            return
    behaviour = BEHAVIOURS.get(rule.behaviour)
    if behaviour is not None:
        behaviour(Call(inline, node, at, params(node, at), rule.argument))


def _content_param(found: list[Param], which: str) -> Param | None:
    if which == "last":
        listed = positional(found)
        return listed[-1] if listed else None
    if which.isdigit():
        return argument(found, int(which))
    return named(found, which) or argument(found, 1)


def _country_code(inline: Inline, node: Template, at: int) -> None:
    """``{{PER}}``-style country code templates show the code (a flag and name on the page)."""
    raw = str(node.name)
    code = raw.strip()
    start = len(inline.out)
    inline.out.copy(code, at + 2 + len(raw) - len(raw.lstrip()))
    inline.link(start, code, Span(at, at + size(node)), LinkKind.FLAG)


def _flag(call: Call) -> None:
    country = argument(call.params, int(call.argument or 1))
    if country is None:
        return
    _flag_name(call, country)


def _flag_name(call: Call, country: Param) -> None:
    """The country name, apart from a word just before it (the page shows a flag between)."""
    out = call.inline.out
    if out.last_is_word():
        call.make(" ", call.at, call.at + 1)
    start = len(out)
    call.show(named(call.params, "name") or country)
    call.inline.link(start, country.text, call.source, LinkKind.FLAG)


def _icon(call: Call) -> None:
    country = argument(call.params, int(call.argument or 1))
    if country is not None:
        call.inline.link(len(call.inline.out), country.text, call.source, LinkKind.FLAG)


def _invoke_flag(call: Call) -> None:
    listed = positional(call.params)
    if len(listed) < 2:
        return
    country = listed[1]
    if listed[0].text.casefold() in {"icon", "flagicon", "deco", "flagdeco"}:
        call.inline.link(len(call.inline.out), country.text, call.source, LinkKind.FLAG)
        return
    _flag_name(call, country)


def _parts(listed: list[Param]) -> tuple[str | None, int | None, int | None]:
    """Year, month, day from year-first parameters, or day-first when that is what fits."""
    texts = [param.text for param in listed[:3]]
    if len(texts) == 3 and dates.year_of(texts[0]) is None and dates.year_of(texts[2]):
        texts = texts[::-1]
    year = dates.year_of(texts[0]) if texts else None
    month = dates.month_number(texts[1]) if len(texts) > 1 else None
    day = dates.day_of(texts[2], month) if len(texts) > 2 else None
    return year, month, day


def _dts(call: Call) -> None:
    listed = positional(call.params)[int(call.argument or 0) :]
    style = named(call.params, "format")
    shape = style.text.casefold() if style else ""
    if not listed or shape == "hide":
        return
    if len(listed) == 1:
        call.show(listed[0])
        return
    year, month, day = _parts(listed)
    if year is None and month is None:
        call.show(listed[0])
        return
    if shape in {"my", "y"}:
        day = None
    if shape == "y":
        month = None
    if shape in {"dm", "md"}:
        year = None
    abbreviate = named(call.params, "abbr")
    order = "dmy" if shape.startswith("d") else "mdy"
    short = abbreviate is not None and abbreviate.text.casefold() in {"on", "y", "yes"}
    call.make(dates.spell(year, month, day, order, short))


def _date_order(call: Call) -> str:
    day_first = named(call.params, "df")
    return "dmy" if day_first and day_first.text.casefold() in _YES else "mdy"


def _date(call: Call) -> None:
    listed = positional(call.params)
    if not listed:
        return
    year, month, day = _parts(listed)
    if year is None or month is None:
        call.show(listed[0])
        return
    call.make(dates.spell(year, month, day, _date_order(call)))


def _as_of(call: Call) -> None:
    year, month, day = _parts(positional(call.params))
    if year is None:
        return
    lower = named(call.params, "lc")
    lead = "as of" if lower and lower.text.casefold() in _YES else "As of"
    call.make(f"{lead} {dates.spell(year, month, day, _date_order(call))}")


def _hatnote(kind: LinkKind) -> Callable[[Call], None]:
    def note(call: Call) -> None:
        for param in positional(call.params):
            call.inline.link(len(call.inline.out), param.text, call.source, kind)

    return note


def _convert(call: Call) -> None:
    listed = positional(call.params)
    if not listed:
        return
    call.show(listed[0])
    rest = listed[1:]
    if len(rest) >= 2 and rest[0].text.casefold() in _RANGE_WORDS:
        word = _RANGE_WORDS[rest[0].text.casefold()]
        end = rest[0].at + code_size(rest[0].value)
        call.make(word if word == "–" else f" {word} ", rest[0].name_at - 1, end)
        call.show(rest[1])
        rest = rest[2:]
    if rest:
        call.make(" ", rest[0].name_at - 1, rest[0].name_at)
        call.show(rest[0])


def _content(call: Call) -> None:
    call.show(_content_param(call.params, call.argument))


def _literal(call: Call) -> None:
    call.make(call.argument)


def _word(call: Call) -> None:
    given = argument(call.params, 1)
    if given is not None and given.text:
        call.show(given)
    else:
        call.make(call.argument)


def _note(call: Call) -> None:
    content = _content_param(call.params, "text")
    name = named(call.params, "name")
    text = str(content.value) if content is not None else ""
    call.inline.cite(call.source, text, name.text if name else None)


def _short_note(call: Call) -> None:
    call.inline.cite(call.source, str(call.node), None)


def _named_ref(call: Call) -> None:
    for param in positional(call.params):
        call.inline.cite(call.source, "", param.text)


def _sortname(call: Call) -> None:
    first, last = argument(call.params, 1), argument(call.params, 2)
    call.show(first)
    if first is not None and last is not None:
        call.make(" ", last.name_at - 1, last.name_at)
    call.show(last)


def _ill(call: Call) -> None:
    page = argument(call.params, 1)
    if page is not None:
        start = len(call.inline.out)
        call.show(page)
        call.inline.link(start, page.text, call.source, LinkKind.WIKI)


def _percent(call: Call) -> None:
    value = argument(call.params, 1)
    if value is not None:
        call.show(value)
        call.make("%", call.source.end - 2)


def _list(call: Call) -> None:
    for index, param in enumerate(positional(call.params)):
        if index:
            call.make(", ", param.name_at - 1, param.name_at)
        call.show(param)


def _reflist(call: Call) -> None:
    refs = named(call.params, "refs")
    if refs is not None:
        call.inline.define(refs.value)


def _drop(call: Call) -> None:
    return


BEHAVIOURS: dict[str, Callable[[Call], None]] = {
    "flag": _flag,
    "icon": _icon,
    "invoke-flag": _invoke_flag,
    "dts": _dts,
    "date": _date,
    "as-of": _as_of,
    "main": _hatnote(LinkKind.MAIN),
    "see-also": _hatnote(LinkKind.SEE_ALSO),
    "convert": _convert,
    "content": _content,
    "block": _content,
    "literal": _literal,
    "word": _word,
    "note": _note,
    "short-note": _short_note,
    "named-ref": _named_ref,
    "sortname": _sortname,
    "ill": _ill,
    "percent": _percent,
    "list": _list,
    "reflist": _reflist,
    "drop": _drop,
}
