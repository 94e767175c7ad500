"""Layout of the dyad page's SVG charts, computed on the server.

The timeline draws one mark per dated event at the date it begins (a line
shows how far an interval runs); marks that would overlap are stacked in
lanes so each can be clicked. The trajectory above it shares the time axis:
the mean PLOVER score per decade (bars) and the running mean (a line), with
the text's own assessments of the relationship as marks. Colours come from a
colour-blind-safe diverging palette (purple for cooperation, orange for
conflict) and shapes repeat the sign (▲ cooperation, ▼ conflict, ◆ neutral),
so colour is never the only cue.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from bilateral.model import edtf
from bilateral.model.facts import Assessment, Event
from bilateral.model.trajectory import DecadeScore

WIDTH = 960
LEFT = 40
RIGHT = 20
LANE = 16
MARK = 12  # px a mark needs before the next one may share its lane


@dataclass(frozen=True)
class Mark:
    fact_id: str
    source: str
    x: float
    y: float
    x_end: float | None
    shape: str
    tone: str
    label: str


@dataclass(frozen=True)
class Tick:
    x: float
    label: str


@dataclass(frozen=True)
class DecadePoint:
    decade: int
    x: float
    y_mean: float
    y_running: float
    mean: float
    running_mean: float
    events: int
    tone: str


@dataclass(frozen=True)
class Charts:
    width: int
    timeline_height: int
    trajectory_height: int
    ticks: tuple[Tick, ...]
    marks: tuple[Mark, ...]
    assessments: tuple[Mark, ...]
    decades: tuple[DecadePoint, ...]
    running_path: str
    zero_y: float
    undated: int


def tone(score: float) -> str:
    if score <= -5:
        return "conflict-strong"
    if score < 0:
        return "conflict"
    if score == 0:
        return "neutral"
    if score < 5:
        return "coop"
    return "coop-strong"


def shape(score: float) -> str:
    return "up" if score > 0 else "down" if score < 0 else "diamond"


def _year(day: date) -> float:
    return day.year + (day.timetuple().tm_yday - 1) / 366


def span_of(value: str | None, today: date) -> tuple[float, float] | None:
    """(start, end) as fractional years, the end capped at today; None if undated."""
    if not value:
        return None
    try:
        low, high = edtf.bounds(value)
    except edtf.EDTFError:
        return None
    if low == date.min:
        return None
    start = _year(low)
    return start, max(start, _year(min(high, today)))


def _axis(starts: Sequence[float], ends: Sequence[float]) -> tuple[int, int]:
    first = math.floor(min(starts) / 10) * 10
    last = math.ceil((max(ends) + 0.01) / 10) * 10
    return first, max(last, first + 10)


def _ticks(first: int, last: int, x: Callable[[float], float]) -> tuple[Tick, ...]:
    span = last - first
    step = next(s for s in (10, 20, 25, 50, 100, 200, 500, 1000) if span / s <= 12)
    start = math.ceil(first / step) * step
    return tuple(Tick(x(year), str(year)) for year in range(start, last + 1, step))


def layout(
    events: Sequence[Event],
    assessments: Sequence[Assessment],
    decades: Sequence[DecadeScore],
    today: date | None = None,
) -> Charts:
    today = today or date.today()
    dated = [(e, s) for e in events if (s := span_of(e.date, today)) is not None]
    judged = [(a, s) for a in assessments if (s := span_of(a.date, today)) is not None]
    starts = [s[0] for _, s in dated] + [s[0] for _, s in judged] + [d.decade for d in decades]
    ends = [s[1] for _, s in dated] + [s[0] for _, s in judged] + [d.decade + 10 for d in decades]
    if not starts:
        starts, ends = [today.year - 10.0], [float(today.year)]
    first, last = _axis(starts, ends)
    inner = WIDTH - LEFT - RIGHT

    def x(year: float) -> float:
        return round(LEFT + (year - first) / (last - first) * inner, 1)

    lanes: list[float] = []
    marks: list[Mark] = []
    for event, (start, end) in sorted(dated, key=lambda pair: pair[1][0]):
        mx = x(start)
        lane = next((i for i, right in enumerate(lanes) if right + MARK <= mx), len(lanes))
        if lane == len(lanes):
            lanes.append(mx)
        lanes[lane] = max(mx, x(end) if end - start >= 1 else mx)
        marks.append(
            Mark(
                event.id,
                event.source,
                mx,
                14 + lane * LANE,
                x(end) if end - start >= 1 else None,
                shape(event.score),
                tone(event.score),
                f"{event.date}: {event.summary} ({event.type}, score {event.score:+g})",
            )
        )
    trajectory_height = 150
    top, bottom = 34, trajectory_height - 22

    def y(score: float) -> float:
        return round(top + (10 - score) / 20 * (bottom - top), 1)

    points = tuple(
        DecadePoint(
            d.decade, x(d.decade + 5), y(d.mean), y(d.running_mean), d.mean, d.running_mean,
            d.events, tone(d.mean),
        )
        for d in decades
    )  # fmt: skip
    path = " ".join(f"{'M' if i == 0 else 'L'}{p.x},{p.y_running}" for i, p in enumerate(points))
    judged_marks = tuple(
        Mark(
            a.id, a.source, x(s[0]), 14, None, shape(a.polarity), tone(a.polarity * 5),
            f"{a.date}: relations {a.direction}",
        )
        for a, s in judged
    )  # fmt: skip
    return Charts(
        width=WIDTH,
        timeline_height=max(60, 30 + len(lanes) * LANE),
        trajectory_height=trajectory_height,
        ticks=_ticks(first, last, x),
        marks=tuple(marks),
        assessments=judged_marks,
        decades=points,
        running_path=path,
        zero_y=y(0),
        undated=len(events) - len(dated),
    )
