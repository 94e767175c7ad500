"""`bilateral consistency`: where the sources on a dyad agree and where they conflict."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from bilateral.cli import render
from bilateral.cli.common import DbOption, knowledge_base
from bilateral.extract.foreign_relations.consistency import STATUSES, Finding
from bilateral.network import ConsistencyReport

FORMATS = ("table", "json")


def consistency(
    states: Annotated[
        list[str],
        typer.Argument(
            metavar="STATE...",
            help='Two states ("Peru" "Uruguay", PE UY) or an article title.',
        ),
    ],
    status: Annotated[
        list[str] | None,
        typer.Option("--status", help=f"Only these statuses ({', '.join(STATUSES)}); repeatable."),
    ] = None,
    format: Annotated[str, typer.Option("--format", help="table or json.")] = "table",
    db: DbOption = None,
) -> None:
    """Compare what each document says about a dyad: A's page, B's page, articles.

    For every two documents holding facts of the dyad: the dates relations
    were established, severed and restored (agree when they can be the same
    day at the coarser precision, conflict otherwise, silent when the other
    document gives none), and missions by sender, host and city (agree;
    conflict: another kind of mission in the same place, or resident on one
    side and accredited from elsewhere on the other; one-sided: the other
    lists other missions of that sender there but not this one; silent: it
    lists none). A document that disagrees with itself is reported too
    (scope within). Conflicts come first; the table counts silent findings
    without listing them unless --status silent asks; json lists them all.
    Findings are computed after every ingest and stored.
    """
    if format not in FORMATS:
        render.error(f"unknown format {format!r}; available: {', '.join(FORMATS)}")
        raise typer.Exit(2)
    unknown = sorted(set(status or ()) - set(STATUSES))
    if unknown:
        render.error(f"unknown status {', '.join(unknown)}; known: {', '.join(STATUSES)}")
        raise typer.Exit(2)
    with knowledge_base(db) as kb:
        report = kb.consistency(states)
        wanted = set(status or (STATUSES if format == "json" else _SHOWN))
        findings = [f for f in report.findings if f.status in wanted]
        if format == "json":
            record = {
                "dyad": [report.a, report.b],
                "counts": {s: report.count(s) for s in STATUSES},
                "sources": report.sources,
                "findings": [dataclasses.asdict(f) for f in findings],
            }
            print(json.dumps(record, ensure_ascii=False, indent=2))
        else:
            table(report, findings, kb.name)


_STYLE = {"conflict": "bold red", "agree": "green", "one-sided": "yellow", "silent": "dim"}
_SHOWN = ("conflict", "one-sided", "agree")  # silent ones are counted unless asked for
_TOPICS = {
    "establish-relations": "established",
    "sever-relations": "severed",
    "restore-relations": "restored",
}


def table(report: ConsistencyReport, findings: list[Finding], name: Callable[[str], str]) -> None:
    """Counts, then one row per finding: what each document says, side by side."""
    counts = ", ".join(f"{report.count(s)} {s}" for s in STATUSES)
    render.console.rule(f"[bold]{name(report.a)} – {name(report.b)}[/]  ({report.a}–{report.b})")
    render.console.print(f"Findings: {counts}", highlight=False)
    if not report.findings:
        render.console.print(
            "No two documents speak of this dyad's relations or missions yet.", highlight=False
        )
        return
    shown = Table(title_justify="left", expand=True)
    for column in ("Topic", "Status", "Says", "Source", "Other says", "Other source", "Note"):
        shown.add_column(column, overflow="fold")
    for finding in findings:
        style = _STYLE.get(finding.status, "")
        status = finding.status + (" (within)" if finding.scope == "within" else "")
        shown.add_row(
            _TOPICS.get(finding.topic, finding.topic),
            f"[{style}]{status}[/]" if style else status,
            escape(finding.value_a),
            escape(_short(report.sources.get(finding.source_a, finding.source_a))),
            escape(finding.value_b or "—"),
            escape(_short(report.sources.get(finding.source_b, finding.source_b))),
            escape(finding.detail if finding.status != "agree" else ""),
        )
    if findings:
        render.console.print(shown)
    hidden = len(report.findings) - len(findings)
    if hidden:
        render.console.print(
            f"{hidden} more not shown (--status silent lists what one source states and the "
            "other never speaks of).",
            highlight=False,
        )


def _short(title: str) -> str:
    """A document's title, "Foreign relations of X" shortened to "X page"."""
    prefix = "Foreign relations of "
    if not title.startswith(prefix):
        return title
    state = title[len(prefix) :]
    return f"{state.removeprefix('the ')} page"
