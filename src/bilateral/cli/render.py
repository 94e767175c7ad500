"""Everything the CLI prints goes through here (rich owns the terminal)."""

from __future__ import annotations

from collections.abc import Callable

from rich.console import Console
from rich.table import Table

from bilateral.kb import IngestReport
from bilateral.model.profile import DyadProfile
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
    problems = [(o.path, p) for o in report.files for p in o.problems]
    for path, problem in problems:
        console.print(f"[yellow]note[/] {path}: {problem}", highlight=False)


def profile(p: DyadProfile, name: Callable[[str], str]) -> None:
    console.rule(f"[bold]{name(p.a)} – {name(p.b)}[/]  ({p.a}–{p.b})")
    console.print(f"Sources: {', '.join(p.sources)}", highlight=False)
    envoys = Table(title="Current envoys", title_justify="left", expand=False)
    for column in ("From", "To", "Envoy", "Title", "Rank"):
        envoys.add_column(column)
    for e in p.current_envoys:
        envoys.add_row(name(e.sender), name(e.receiver), e.person, e.title or "", e.rank)
    console.print(envoys)
    if p.envoy_history:
        history = Table(title="Envoys through history", title_justify="left")
        for column in ("From", "To", "Envoy", "Title", "Start", "End"):
            history.add_column(column)
        for e in p.envoy_history:
            history.add_row(
                name(e.sender),
                name(e.receiver),
                e.person,
                e.title or "",
                e.start or "",
                e.end or "",
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
    others = {k: n for k, n in sorted(p.counts.items()) if k not in ("envoy", "mission", "dyad")}
    summary = ", ".join(f"{n} {k}" for k, n in others.items()) or "none yet"
    console.print(f"Other facts: {summary}", highlight=False)


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
