"""KnowledgeBase: the one object the interfaces talk to.

It wires readers, the extraction pipeline and the store together; each of
those takes and returns plain values.
"""

from __future__ import annotations

import dataclasses
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

from bilateral import config, reconcile
from bilateral import network as net
from bilateral.errors import (
    BilateralError,
    InputError,
    LookupFailed,
    UnknownCountry,
    UnknownDyad,
)
from bilateral.export.formats import TABLES, ExportCounts, write_stream, write_tables
from bilateral.export.jsonl import write_jsonl
from bilateral.extract.dates import DateSpan, DateTagger
from bilateral.extract.dyad import parse_title
from bilateral.extract.pipeline import Pipeline
from bilateral.extract.registry import default_pipeline
from bilateral.ingest import (
    FileOutcome,
    Ingester,
    IngestReport,
    Progress,
    ingest_parallel,
    ingest_serial,
)
from bilateral.model.authority import (
    DATASETS,
    AuthorityRecord,
    ChiefOfMission,
    ImportReport,
    LeaderVisit,
    RecognitionEvent,
    Rejection,
    Travel,
)
from bilateral.model.countries import CountryRegistry, default_registry
from bilateral.model.facts import Event, Fact, fact_from_record
from bilateral.model.profile import DyadProfile, build_profile
from bilateral.model.span import Span
from bilateral.model.trajectory import TimelineQuery, chronological
from bilateral.network import ConsistencyReport, Exported, PageReport
from bilateral.readers.authority import open_dataset
from bilateral.readers.fetch import DEFAULT_BASE_URL, Fetched, FetchProgress, fetch_datasets
from bilateral.readers.registry import discover, read_path
from bilateral.reconcile import CheckReport
from bilateral.scale import Cluster
from bilateral.store import Store, StoredDocument, open_store
from bilateral.store.engine import is_postgres
from bilateral.store.fulltext import SentenceHit

# The ingest report types live with the ingest orchestration; they are part of
# the facade's surface, so they are re-exported here.
__all__ = ["FileOutcome", "IngestReport", "KnowledgeBase", "date_expressions"]


class KnowledgeBase:
    def __init__(
        self,
        db: str | None = None,
        pipeline: Pipeline | None = None,
        registry: CountryRegistry | None = None,
    ) -> None:
        self.db = db or config.DB.value()
        self.store: Store = open_store(self.db)
        self.registry = registry or default_registry()
        self._pipeline = pipeline

    @property
    def pipeline(self) -> Pipeline:
        if self._pipeline is None:
            self._pipeline = default_pipeline(self.registry)
        return self._pipeline

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> KnowledgeBase:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    # -- ingest --------------------------------------------------------------

    def files(self, paths: Iterable[Path]) -> list[Path]:
        """The files an ingest of ``paths`` would read."""
        return list(discover(paths))

    def ingest(
        self,
        paths: Iterable[Path],
        progress: Progress | None = None,
        titles: Sequence[str] | None = None,
        workers: int = 1,
        scheduler: str | None = None,
    ) -> IngestReport:
        """Read, extract and store each file; one file's failure does not stop the rest.

        A dump is stored page by page, each page its own document at
        ``path#title``, so a bad page fails alone. ``titles`` keeps only
        documents whose title matches one of these glob patterns
        (case-insensitive, e.g. "*relations*"). With ``workers`` above 1, or
        a Dask ``scheduler`` address, the work runs on Dask workers that
        write to the database themselves (with the default pipeline); a
        cluster beyond this machine needs a PostgreSQL database they can reach.
        """
        files = self.files(paths)
        if not files or (workers == 1 and scheduler is None):
            report = ingest_serial(self._ingester, files, titles, progress)
        else:
            if workers < 1:
                raise InputError("--workers", "give at least one worker")
            cluster = Cluster(workers, scheduler)
            if not cluster.on_this_machine and not is_postgres(self.db):
                raise InputError(
                    "--scheduler",
                    "a cluster's workers write to the database themselves: "
                    "give a PostgreSQL URL they can reach (--db postgresql://…)",
                )
            report = ingest_parallel(self.db, files, cluster, titles, progress)
        net.record_pages(self.store, report.files)
        if report.changed:
            self.refresh_verdicts()
            net.refresh_consistency(self.store)
        return report

    @property
    def _ingester(self) -> Ingester:
        return Ingester(self.store, self.pipeline)

    def ingest_upload(self, name: str, data: bytes) -> FileOutcome:
        """Ingest one uploaded article as `ingest` would a file called ``name``.

        The same readers and checks apply (file type by suffix, size limit,
        UTF-8 text); it is stored at ``upload:NAME``, so uploading a new
        version under the same name replaces the old one. Dumps are refused.
        """
        safe = Path(name).name
        location = f"upload:{safe}"
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / (safe or "upload")
            path.write_bytes(data)
            try:
                document = read_path(path, source_path=location)
            except BilateralError as error:
                return FileOutcome(location, "failed", error=str(error).replace(str(path), safe))
            outcome = self._ingester.document(path, document, location)
        net.record_pages(self.store, [outcome])
        if outcome.status in ("added", "replaced"):
            self.refresh_verdicts()
            net.refresh_consistency(self.store)
        return outcome

    # -- queries -------------------------------------------------------------

    def resolve_dyad(self, names: Sequence[str]) -> tuple[str, str]:
        """Two states from "Peru" "United States", "PE US", or an article title."""
        if len(names) == 1:
            pair = parse_title(names[0], self.registry)
            if pair is None:
                parts = names[0].replace(",", " ").split()
                if len(parts) == 2:
                    return self.resolve_dyad(parts)
                raise UnknownCountry(
                    f"cannot read two states from {names[0]!r}; give two names or codes, "
                    "e.g. 'Peru' 'United States' or PE US"
                )
            return pair.first, pair.second
        if len(names) != 2:
            raise UnknownCountry(f"a dyad is two states; got {len(names)} names")
        a, b = (self.registry.require(n) for n in names)
        if a == b:
            raise UnknownCountry(f"{names[0]!r} and {names[1]!r} are the same state")
        return a, b

    def profile(self, names: Sequence[str]) -> DyadProfile:
        a, b = self.resolve_dyad(names)
        facts = [fact_from_record(r) for r in self.store.facts(dyad=(a, b))]
        if not facts:
            raise UnknownDyad(
                f"the knowledge base has nothing on {self.registry.name(a)} – "
                f"{self.registry.name(b)} yet; ingest an article about them first"
            )
        profile = build_profile(a, b, net.distinct_missions(facts))
        if "US" in (a, b) and a != b:
            other = b if a == "US" else a
            envoys = tuple(self.chiefs_of_mission(other))
            profile = dataclasses.replace(profile, authority_envoys=envoys)
        return profile

    def timeline(self, names: Sequence[str], query: TimelineQuery | None = None) -> list[Event]:
        """A dyad's events in date order (undated ones last), filtered by ``query``."""
        a, b = self.resolve_dyad(names)
        events = [
            event
            for record in self.store.facts(dyad=(a, b), kinds=["event"])
            if isinstance(event := fact_from_record(record), Event)
        ]
        return (query or TimelineQuery()).apply(chronological(events))

    def records(
        self, dyad: Sequence[str] | None = None, kinds: Iterable[str] | None = None
    ) -> Iterator[dict[str, Any]]:
        pair = self.resolve_dyad(dyad) if dyad else None
        return self.store.facts(dyad=pair, kinds=kinds)

    def export_jsonl(
        self, out: TextIO, dyad: Sequence[str] | None = None, kinds: Iterable[str] | None = None
    ) -> int:
        return write_jsonl(self.records(dyad, kinds), out)

    def export(
        self,
        format: str,
        target: TextIO | Path,
        dyad: Sequence[str] | None = None,
        kinds: Sequence[str] | None = None,
    ) -> ExportCounts:
        """Facts in ``format``: jsonl, turtle or jsonld as one stream to ``target``;
        csv or parquet as one table per kind in the folder ``target``."""
        pair = self.resolve_dyad(dyad) if dyad else None

        def facts(chosen: Sequence[str] | None) -> Iterator[dict[str, Any]]:
            return self.store.facts(dyad=pair, kinds=chosen)

        if format in TABLES:
            if not isinstance(target, Path):
                raise InputError("--output", f"{format} writes one table per kind: name a folder")
            return write_tables(format, facts, kinds, target)
        if isinstance(target, Path):
            raise InputError(str(target), f"{format} is written to a stream, not a folder")
        return write_stream(format, facts, kinds, target, config.RDF_BASE.value())

    def sources(self) -> list[StoredDocument]:
        return self.store.documents()

    def document(self, document_id: str) -> tuple[StoredDocument, str]:
        """A stored document and its text as read; `LookupFailed` if unknown."""
        found = self.store.document(document_id)
        text = self.store.document_text(document_id)
        if found is None or text is None:
            raise LookupFailed(f"no document has the id {document_id!r}")
        return found, text

    def fact(self, fact_id: str) -> Fact:
        """One fact by its stable id; `LookupFailed` if unknown."""
        record = self.store.fact(fact_id)
        if record is None:
            raise LookupFailed(f"no fact has the id {fact_id!r}")
        return fact_from_record(record)

    def search(self, query: str, limit: int = 20, offset: int = 0) -> tuple[list[SentenceHit], int]:
        """Sentences holding every word or "quoted phrase" of ``query``, best first,
        and their total; `InputError` for a query with no words."""
        return self.store.search_sentences(query, limit, offset)

    def name(self, code: str) -> str:
        return self.registry.name(code)

    # -- the network of states (bilateral.network) ---------------------------

    def consistency(self, names: Sequence[str]) -> ConsistencyReport:
        """Where the documents on a dyad agree and where they conflict, conflicts first."""
        return net.consistency(self.store, self.resolve_dyad(names))

    def network(self, format: str = "graphml") -> Exported:
        """The network of states and their relations and missions, as graphml, gexf or csv."""
        return net.export_network(self.store, self.registry.name, format)

    def page_reports(self, report: IngestReport) -> list[PageReport]:
        """What each foreign-relations page of an ingest gave (rows, dated rows, missions)."""
        return net.page_reports(self.store, report.files)

    # -- authority records ---------------------------------------------------

    def authority_files(self, dataset: str, path: Path) -> list[Path]:
        """The files an import of ``path`` as ``dataset`` would read."""
        return open_dataset(dataset, path, self.registry).files()

    def import_authority(
        self, dataset: str, path: Path, progress: Progress | None = None
    ) -> ImportReport:
        """Validate and store an authority dataset (pocom, rdcr, visits, travels).

        Each file's records replace what that file gave before; a file that
        cannot be read is a rejection and leaves its earlier records alone.
        Raises `InputError` when ``path`` is not a usable folder or file.
        """
        reader = open_dataset(dataset, path, self.registry)
        files = reader.files()
        read = imported = unchanged = 0
        rejected: list[Rejection] = []
        for file in files:
            batch = reader.read(file)
            read += batch.read
            rejected.extend(batch.rejections)
            if not batch.failed:
                status = self.store.replace_authority(
                    dataset, batch.source_file, batch.source_path, batch.records
                )
                imported += len(batch.records)
                unchanged += status == "unchanged"
            if progress is not None:
                progress(str(file))
        if unchanged < len(files):
            self.refresh_verdicts()
        return ImportReport(
            dataset, str(path), len(files), read, imported, unchanged, tuple(rejected)
        )

    @staticmethod
    def fetch_authority(
        dest: Path,
        datasets: Iterable[str] | None = None,
        base_url: str = DEFAULT_BASE_URL,
        progress: FetchProgress | None = None,
    ) -> list[Fetched]:
        """Download the Office of the Historian datasets into ``dest/<dataset>/``
        (needs no database: call it on the class)."""
        chosen = tuple(datasets) if datasets else DATASETS
        return fetch_datasets(dest, chosen, base_url, progress)

    def authority_country(self, name: str) -> str:
        """A state id for authority queries: a registry name or code, or a dataset slug."""
        found = self.registry.resolve(name)
        if found is not None:
            return found
        slug = name.strip()
        if slug and slug == slug.lower() and " " not in slug:
            return slug
        raise UnknownCountry(f"no state is known by the name {name!r}")

    def _authority(
        self, dataset: str, country: str | None, person: str | None = None
    ) -> list[AuthorityRecord]:
        code = self.authority_country(country) if country else None
        return self.store.authority(dataset, code, person)

    def chiefs_of_mission(
        self, country: str | None = None, person: str | None = None
    ) -> list[ChiefOfMission]:
        """US chiefs of mission (POCOM) to a state and/or by a person's name."""
        found = self._authority("pocom", country, person)
        return [r for r in found if isinstance(r, ChiefOfMission)]

    def recognition_events(self, country: str) -> list[RecognitionEvent]:
        """Recognition and relations events with a state (RDCR), in date order."""
        return [r for r in self._authority("rdcr", country) if isinstance(r, RecognitionEvent)]

    def leader_visits(self, country: str) -> list[LeaderVisit]:
        """Visits of a state's leaders to the United States."""
        return [r for r in self._authority("visits", country) if isinstance(r, LeaderVisit)]

    def travels(self, country: str) -> list[Travel]:
        """Trips of US presidents and secretaries of state to a state."""
        return [r for r in self._authority("travels", country) if isinstance(r, Travel)]

    # -- fact-checking -------------------------------------------------------

    def check(self, names: Sequence[str]) -> CheckReport:
        """Verdicts on a dyad's checkable claims against the authority records,
        conflicts first; recomputed from what is stored now, and stored."""
        report = self.verdicts(names)
        a, b = report.a, report.b
        if not report.verdicts and not report.unchecked:
            raise UnknownDyad(
                f"the knowledge base has no envoys or events of {self.registry.name(a)} – "
                f"{self.registry.name(b)}; ingest an article about them first"
            )
        return report

    def verdicts(self, names: Sequence[str]) -> CheckReport:
        """Like `check`, but an empty report for a dyad with no claims."""
        return self._check(self.resolve_dyad(names))

    def refresh_verdicts(self) -> None:
        """Re-check every dyad with stored verdicts: run after claims or records change."""
        for dyad in self.store.checked_dyads():
            self._check(dyad)

    def _check(self, dyad: tuple[str, str]) -> CheckReport:
        facts = [fact_from_record(r) for r in self.store.facts(dyad=dyad)]
        claims, scope = facts, None
        if reconcile.US in dyad:
            other = dyad[1] if dyad[0] == reconcile.US else dyad[0]
            for source in sorted({f.source for f in facts}):  # for historical entities
                found = self.store.facts(document_id=source, kinds=("envoy", "event"))
                facts.extend(fact_from_record(r) for r in found)
            claims = reconcile.in_scope(facts, other)
            states = reconcile.scope_states(other, claims)
            records = [r for s in states for r in self.store.authority(None, s)]
            travels = self.store.authority("travels")
            scope = reconcile.build_scope(states, self.registry, records, travels)
        report = reconcile.check_claims(*dyad, claims, scope)
        verdicts = [reconcile.verdict_record(v) for v in report.verdicts]
        fingerprint = reconcile.fingerprint(claims, scope)
        self.store.replace_verdicts(dyad, fingerprint, verdicts, report.unchecked, report.note)
        return report


def date_expressions(path: Path) -> list[DateSpan]:
    """Every date expression of one file, with offsets into its text as read.

    The spans of `DateTagger` mapped from the normalised copy back to the
    file's text: ``text`` is always ``document.text[start:end]`` and
    ``anchor`` an offset of that text too.
    """
    document = read_path(path)
    found: tuple[DateSpan, ...] = DateTagger().run(document, {}).values["dates"]
    spans: list[DateSpan] = []
    for span in found:
        where = document.original(Span(span.start, span.end))
        anchor = None if span.anchor is None else document.original(Span(span.anchor, span.anchor))
        spans.append(
            dataclasses.replace(
                span,
                start=where.start,
                end=where.end,
                text=where.of(document.text),
                anchor=None if anchor is None else anchor.start,
            )
        )
    return spans
