"""`bilateral check`: which claims of a dyad the official record supports or contradicts."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from bilateral.cli import render
from bilateral.cli.common import DbOption, knowledge_base
from bilateral.reconcile import CheckReport, Verdict, verdict_record

FORMATS = ("table", "json")
_STYLE = {"conflicting": "bold red", "corroborated": "green", "not-covered": "yellow"}


def check(
    states: Annotated[
        list[str],
        typer.Argument(
            metavar="STATE...",
            help='Two states ("Peru" "United States", PE US) or an article title.',
        ),
    ],
    format: Annotated[str, typer.Option("--format", help="table or json.")] = "table",
    db: DbOption = None,
) -> None:
    """Check every checkable claim of a dyad against the official record, conflicts first.

    US envoys are checked against POCOM, recognition, relations and mission
    events against RDCR, leaders' visits and presidents' trips against the
    visits and travels datasets (load them with bilateral import). Each claim
    is corroborated (same fact, dates agree at the claim's precision),
    conflicting (same fact, a date or person differs: both values and the
    difference are shown) or not-covered (no record of it), with the record
    id and the sentence it came from. Claims no dataset speaks to (no US
    side, other kinds) are counted, not listed. Verdicts are stored and
    recomputed whenever the articles or the records change.
    """
    if format not in FORMATS:
        render.error(f"unknown format {format!r}; available: {', '.join(FORMATS)}")
        raise typer.Exit(2)
    with knowledge_base(db) as kb:
        report = kb.check(states)
        if format == "json":
            print(json.dumps(report_record(report), ensure_ascii=False, indent=2))
        else:
            table(report, kb.name)


def report_record(report: CheckReport) -> dict[str, object]:
    """The JSON form: the dyad, counts, and every verdict with its comparisons."""
    return {
        "dyad": [report.a, report.b],
        "counts": report.counts(),
        "unchecked": report.unchecked,
        "note": report.note,
        "verdicts": [verdict_record(v) for v in report.verdicts],
    }


def _summary(report: CheckReport) -> str:
    counts = report.counts()
    parts = [f"{n} {name}" for name, n in counts.items()]
    return f"{', '.join(parts)}; {report.unchecked} other claims not checkable"


def table(report: CheckReport, name: Callable[[str], str]) -> None:
    """Each verdict: the claim, its sentence, its values beside the record's, the ids."""
    console = render.console
    console.rule(f"[bold]{name(report.a)} – {name(report.b)}[/]: claims against the record")
    console.print(_summary(report), highlight=False)
    if report.note:
        console.print(f"[yellow]note[/] {escape(report.note)}", highlight=False)
    for verdict in report.verdicts:
        console.print()
        for line in _block(verdict):
            console.print(line)


def _markup(text: str) -> Text:
    return Text.from_markup(text, emoji=False)


def _block(verdict: Verdict) -> list[Text | Table]:
    """The lines that show one verdict."""
    style = _STYLE.get(verdict.verdict, "")
    when = f"  [dim]({escape(verdict.date)})[/]" if verdict.date else ""
    lines: list[Text | Table] = [
        _markup(f"[{style}]{verdict.verdict.upper()}[/]  {escape(verdict.claim)}{when}")
    ]
    sentence = " … ".join(e.text for e in verdict.evidence)
    lines.append(_markup(f"  [dim]“{escape(sentence)}”[/]"))
    if verdict.comparisons:
        grid = Table(box=None, show_header=True, padding=(0, 1), pad_edge=False)
        for column in ("", "", "article", "record", ""):
            grid.add_column(column, header_style="dim")
        for c in verdict.comparisons:
            mark = "[green]✓[/]" if c.agrees else "[red]✗[/]"
            difference = "agree" if c.agrees else f"[red]{escape(c.difference or 'differ')}[/]"
            grid.add_row(
                _markup(f"  {mark}"), _markup(escape(c.aspect)), _markup(escape(c.claim)),
                _markup(f"{escape(c.record)} [dim]({escape(c.field)})[/]"), _markup(difference),
            )  # fmt: skip
        lines.append(grid)
    if verdict.note:
        lines.append(_markup(f"  [italic]{escape(verdict.note)}[/]"))
    ids = ", ".join(verdict.record_ids) or f"none in {verdict.dataset}"
    label = "record" if len(verdict.record_ids) < 2 else "records"
    lines.append(_markup(f"  [dim]{label}: {escape(ids)}[/]"))
    return lines
