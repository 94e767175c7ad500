"""Events on text we did not write rules for: Office of the Historian RDCR articles.

Each dated heading of an RDCR article ("United States Recognition of Peru,
1826.", "Diplomatic Relations Severed, 1941.") says what happened and when;
the paragraph under it tells the same story in prose. We hand the
paragraphs alone (no headings) to the pipeline, as an article titled
"<Country>–United States relations", and check that an event of the
heading's kind comes out of the paragraph with a date that agrees with the
heading's.

Run: python -m bench.rdcr_events --shared ../shared
"""

from __future__ import annotations

import argparse
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from bilateral.extract.registry import default_pipeline
from bilateral.model import edtf
from bilateral.model.authority import RecognitionEvent
from bilateral.model.countries import default_registry
from bilateral.model.facts import Event
from bilateral.readers.outline import read_outline
from bilateral.readers.rdcr import open_rdcr

# The diplomatic modes (and, failing one, the PLOVER types) that report each heading kind.
EXPECTED: dict[str, tuple[set[str], set[str]]] = {
    "recognition": ({"recognize"}, set()),
    "establish-relations": ({"establish-relations", "present-credentials", "open-mission"}, set()),
    "open-legation": ({"open-mission", "establish-relations", "present-credentials"}, set()),
    "open-embassy": ({"open-mission", "upgrade-mission", "present-credentials"}, set()),
    "upgrade-to-embassy": ({"upgrade-mission", "present-credentials"}, set()),
    "sever-relations": ({"sever-relations", "close-mission", "recall-envoy"}, {"SANCTION"}),
    "restore-relations": (
        {"restore-relations", "establish-relations", "present-credentials"},
        set(),
    ),
    "close-mission": ({"close-mission", "sever-relations"}, {"SANCTION"}),
}


@dataclass
class Report:
    headings: int = 0
    found: int = 0
    dated_right: int = 0
    events: int = 0
    by_kind: Counter[str] = field(default_factory=Counter)
    found_by_kind: Counter[str] = field(default_factory=Counter)

    @property
    def recall(self) -> float:
        return self.found / self.headings if self.headings else 0.0

    @property
    def date_agreement(self) -> float:
        return self.dated_right / self.found if self.found else 0.0


def _matches(event: Event, record: RecognitionEvent) -> bool:
    modes, types = EXPECTED[record.kind]
    return event.mode in modes or (not event.mode and event.type in types)


def evaluate(shared: Path, limit: int | None = None) -> Report:
    registry = default_registry()
    reader = open_rdcr(shared / "corpus" / "historyatstate" / "rdcr", registry)
    pipeline = default_pipeline(registry)
    report = Report()
    for path in reader.files()[:limit]:
        records = [
            r for r in reader.read(path).records
            if isinstance(r, RecognitionEvent) and r.kind in EXPECTED and r.text.strip()
        ]  # fmt: skip
        if not records:
            continue
        title = f"{registry.name(records[0].country)}–United States relations"
        body = "\n\n".join(" ".join(r.text.split()) for r in records)
        document = read_outline(f"= {title} =\n\n{body}\n".encode(), str(path))
        events = [f for f in pipeline.run(document).facts if isinstance(f, Event)]
        report.events += len(events)
        offset = len(f"= {title} =\n\n")
        for record in records:
            paragraph = (offset, offset + len(" ".join(record.text.split())))
            offset = paragraph[1] + 2
            report.headings += 1
            report.by_kind[record.kind] += 1
            inside = [
                e for e in events
                if any(paragraph[0] <= ev.start < paragraph[1] for ev in e.evidence)
                and _matches(e, record)
            ]  # fmt: skip
            if not inside:
                continue
            report.found += 1
            report.found_by_kind[record.kind] += 1
            if any(e.date and _agree(e.date, record.date) for e in inside):
                report.dated_right += 1
    return report


def _agree(a: str, b: str) -> bool:
    try:
        return edtf.agree(a, b)
    except edtf.EDTFError:
        return False


def bench_rdcr_events(shared: Path) -> None:
    """Events found in the RDCR articles, scored against their own headings."""
    report = evaluate(shared)
    print(
        f"RDCR headings as hidden gold: {report.headings} headings, events of the heading's kind "
        f"found for {report.found} (recall {report.recall:.2f}); dates agree for "
        f"{report.dated_right} of them ({report.date_agreement:.2f}); {report.events} events in all"
    )
    for kind, total in sorted(report.by_kind.items()):
        print(f"  {kind:20} {report.found_by_kind[kind]:3} / {total:3}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    bench_rdcr_events(parser.parse_args().shared)


if __name__ == "__main__":
    main()
