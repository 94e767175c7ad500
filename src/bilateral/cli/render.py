"""Everything the CLI prints goes through here (rich owns the terminal)."""

from __future__ import annotations

import csv
import json
import sys
from collections import Counter
from collections.abc import Callable
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from bilateral.kb import IngestReport
from bilateral.model.facts import Event
from bilateral.model.profile import DyadProfile
from bilateral.network import PageReport
from bilateral.reconcile import CheckReport
from bilateral.store import StoredDocument

console = Console()
errors = Console(stderr=True)

_TYPE_LABELS = {
    "embassy": "Embassy",
    "legation": "Legation",
    "consulate-general": "Consulate-General",
    "consulate": "Consulate",
    "consular-agency": "Consular Agency",
    "honorary-consulate": "Honorary Consulate",
    "interests-section": "Interests Section",
    "non-resident": "Non-resident",
}


def error(message: str) -> None:
    errors.print(f"[bold red]error:[/] {message}", highlight=False)


def ingest_report(report: IngestReport) -> None:
    for outcome in report.failed:
        errors.print(f"[red]✗[/] {outcome.path}: {outcome.error}", highlight=False, soft_wrap=True)
    parts = [
        f"{report.count(s)} {s}"
        for s in ("added", "replaced", "unchanged", "failed")
        if report.count(s)
    ]
    console.print(f"Files: {', '.join(parts) or 'none'}", highlight=False)
    if report.facts:
        facts = ", ".join(f"{n} {kind}" for kind, n in sorted(report.facts.items()))
        console.print(f"Facts stored: {facts}", highlight=False)
    skipped: Counter[str] = Counter()
    for outcome in report.files:
        for problem in outcome.problems:
            component, _, message = problem.partition(": ")
            if message.startswith("skipped: "):
                skipped[f"{component} ({message.removeprefix('skipped: ')})"] += 1
            else:
                console.print(f"[yellow]note[/] {outcome.path}: {problem}", highlight=False)
    if skipped:
        # A component skipped for want of its input (no dyad on a page that is
        # not about one) is expected: one line per reason, not one per file.
        counts = ", ".join(f"{what} on {n} file{'s' * (n != 1)}" for what, n in skipped.items())
        console.print(f"Not run: {counts}", highlight=False)


def page_reports(reports: list[PageReport], name: Callable[[str], str]) -> None:
    """``ingest --report``: what each foreign-relations page gave, with totals."""
    if not reports:
        console.print("No foreign-relations pages in this ingest.", highlight=False)
        return
    columns = ("rows", "dated_rows", "missions", "partners", "events", "sections")
    table = Table(title="Foreign-relations pages", title_justify="left")
    table.add_column("Page (state)", no_wrap=True, max_width=34, overflow="ellipsis")
    table.add_column("Status", no_wrap=True)
    for column in columns:
        table.add_column(column.replace("_", " ").capitalize(), justify="right")
    for report in reports:
        counts = report.counts
        table.add_row(
            escape(f"{name(counts['state'])} ({counts['state']})"),
            report.status,
            *(str(counts[c]) for c in columns),
        )
    totals = [sum(int(r.counts[c]) for r in reports) for c in columns]
    table.add_row(f"Total: {len(reports)} pages", "", *(str(t) for t in totals), style="bold")
    console.print(table)


_BADGES = {"corroborated": "[green]✓[/]", "conflicting": "[bold red]✗[/]", "not-covered": "·"}
_BADGE_KEY = "Rec.: ✓ corroborated ✗ conflicting · not covered – not checkable (bilateral check)"


def profile(p: DyadProfile, name: Callable[[str], str], checked: CheckReport | None = None) -> None:
    """The dyad's profile; ``checked`` adds each extracted envoy's verdict (a badge)."""
    console.rule(f"[bold]{name(p.a)} – {name(p.b)}[/]  ({p.a}–{p.b})")
    console.print(f"Sources: {', '.join(p.sources)}", highlight=False)
    badges = (
        {v.claim_id: _BADGES.get(v.verdict, v.verdict) for v in checked.verdicts} if checked else {}
    )
    record = ("Rec.",) if badges else ()
    key = _BADGE_KEY if badges else None
    envoys = Table(
        title="Current envoys",
        title_justify="left",
        expand=False,
        caption=key,
        caption_justify="left",
    )
    for column in ("From", "To", "Envoy", "Title", "Rank", *record):
        envoys.add_column(column)
    for e in p.current_envoys:
        badge = (badges.get(e.id, "–"),) if badges else ()
        envoys.add_row(name(e.sender), name(e.receiver), e.person, e.title or "", e.rank, *badge)
    console.print(envoys)
    if p.envoy_history:
        history = Table(
            title="Envoys through history",
            title_justify="left",
            caption=key,
            caption_justify="left",
        )
        for column in ("From", "To", "Envoy", "Title", "Start", "End", *record):
            history.add_column(column, min_width=10 if column == "Start" else None)
        for e in p.envoy_history:
            badge = (badges.get(e.id, "–"),) if badges else ()
            history.add_row(
                name(e.sender),
                name(e.receiver),
                e.person,
                e.title or "",
                e.start or "",
                e.end or "",
                *badge,
            )
        console.print(history)
    authority_envoys(p, name)
    for host, missions in p.missions_by_host.items():
        senders = sorted({name(m.sender) for m in missions})
        table = Table(
            title=f"Missions in {name(host)} ({len(missions)}, from {', '.join(senders)})",
            title_justify="left",
        )
        for column in ("City", "Type", "Sender", "Coordinates"):
            table.add_column(column)
        for m in missions:
            where = f"{m.latitude:.3f}, {m.longitude:.3f}" if m.latitude is not None else "—"
            table.add_row(m.city, _TYPE_LABELS.get(m.type, m.type), name(m.sender), where)
        console.print(table)
    trajectory(p)
    polls(p, name)
    ties(p, name)
    others = {k: n for k, n in sorted(p.counts.items()) if k not in ("envoy", "mission", "dyad")}
    summary = ", ".join(f"{n} {k}" for k, n in others.items()) or "none yet"
    console.print(f"Facts besides envoys and missions: {summary}", highlight=False)


def trajectory(p: DyadProfile) -> None:
    """Assessments of the relationship, and the running cooperation score by decade."""
    if p.assessments:
        table = Table(title="How the relationship was judged", title_justify="left")
        for column in ("Date", "Direction", "Said in"):
            table.add_column(column)
        for a in p.assessments:
            sign = "[green]+[/]" if a.polarity > 0 else "[red]−[/]" if a.polarity < 0 else " "
            quote = a.evidence[0].text if a.evidence else ""
            table.add_row(a.date or "undated", f"{sign} {a.direction}", escape(_clip(quote, 70)))
        console.print(table)
    if p.trajectory:
        table = Table(title="Cooperation score by decade (PLOVER, −10…+10)", title_justify="left")
        for column in ("Decade", "Events", "Mean", "Running mean"):
            table.add_column(column, justify="right")
        for row in p.trajectory:
            table.add_row(
                f"{row.decade}s", str(row.events), f"{row.mean:+.1f}", f"{row.running_mean:+.1f}"
            )
        console.print(table)


def polls(p: DyadProfile, name: Callable[[str], str]) -> None:
    if not p.polls:
        return
    table = Table(title="Opinion polls", title_justify="left")
    for column in ("Pollster", "Date", "Respondents", "About", "Measure", "%"):
        table.add_column(column)
    for poll in p.polls:
        table.add_row(
            poll.pollster, poll.date or "—", name(poll.population), name(poll.subject),
            poll.measure, f"{poll.value:g}",
        )  # fmt: skip
    console.print(table)


def ties(p: DyadProfile, name: Callable[[str], str]) -> None:
    """Shared memberships and agreements, one line each."""
    for membership in p.memberships:
        members = ", ".join(name(m) for m in membership.members)
        when = f" ({membership.date})" if membership.date else ""
        console.print(f"Member of {membership.organization}{when}: {members}", highlight=False)
    for agreement in p.agreements:
        parties = ", ".join(name(m) for m in agreement.parties)
        console.print(
            f"Agreement: {agreement.name} ({agreement.status}) — {parties}", highlight=False
        )


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def authority_envoys(p: DyadProfile, name: Callable[[str], str]) -> None:
    """The US chiefs of mission to the other state, from POCOM (authority records)."""
    if not p.authority_envoys:
        return
    host = name(p.authority_envoys[0].country)
    table = Table(
        title=f"Envoy history (authority): {len(p.authority_envoys)} US chiefs of mission "
        f"to {host}, from POCOM",
        title_justify="left",
    )
    for column in ("Name", "Title", "Appointed", "Credentials", "End"):
        table.add_column(column)
    for c in p.authority_envoys:
        title = f"{c.role_title} (nominee; did not serve)" if c.nominee else c.role_title
        reason = (c.end_reason or "").removesuffix(" on")
        end = " ".join(part for part in (c.ended, f"({reason})" if reason else "") if part)
        table.add_row(c.name, title, c.appointed or "", c.started or "", end)
    console.print(table)


def sources(documents: list[StoredDocument]) -> None:
    table = Table(title=f"{len(documents)} documents")
    for column in ("Id", "Title", "Format", "Facts", "Path", "Ingested"):
        table.add_column(column)
    for d in documents:
        table.add_row(d.id, d.title or "—", d.format, str(d.facts), d.source_path, d.ingested_at)
    console.print(table)


def timeline(events: list[Event], name: Callable[[str], str], form: str, evidence: bool) -> None:
    """Events as a table (coloured by score), JSON or CSV."""
    if form == "json":
        records = [_timeline_record(e, evidence) for e in events]
        console.print_json(json.dumps(records, ensure_ascii=False))
        return
    if form == "csv":
        writer = csv.DictWriter(
            sys.stdout, fieldnames=_CSV_FIELDS + (["evidence"] if evidence else [])
        )
        writer.writeheader()
        for event in events:
            row = _timeline_record(event, evidence)
            row["actors"] = ";".join(row["actors"])
            writer.writerow({k: row.get(k) for k in writer.fieldnames})
        return
    table = Table(title=f"{len(events)} events", title_justify="left")
    for column in ("Date", "Type", "Mode", "Score", "Summary"):
        table.add_column(column)
    for event in events:
        colour = "green" if event.score > 0 else "red" if event.score < 0 else "white"
        table.add_row(
            event.date or "undated", event.type, event.mode or "",
            f"[{colour}]{event.score:+.1f}[/]", escape(event.summary),
        )  # fmt: skip
        if evidence:
            for item in event.evidence:
                table.add_row("", "", "", "", f"[dim]{escape(item.text)}[/]")
    console.print(table)


_CSV_FIELDS = [
    "id", "date", "date_basis", "type", "mode", "score", "actor", "recipient", "actors",
    "summary", "source", "source_path", "confidence",
]  # fmt: skip


def _timeline_record(event: Event, evidence: bool) -> dict[str, Any]:
    record: dict[str, Any] = {
        "id": event.id, "date": event.date, "date_basis": event.date_basis, "type": event.type,
        "mode": event.mode, "score": event.score, "actor": event.actor,
        "recipient": event.recipient, "actors": list(event.actors), "summary": event.summary,
        "source": event.source, "source_path": event.source_path,
        "confidence": event.confidence,
    }  # fmt: skip
    if evidence:
        record["evidence"] = " … ".join(e.text for e in event.evidence)
    return record
