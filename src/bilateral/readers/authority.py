"""The one place that maps authority datasets to their importers."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from bilateral.errors import InputError
from bilateral.model.authority import DATASETS
from bilateral.model.countries import CountryRegistry
from bilateral.readers.hsg import DatasetReader, FileBatch
from bilateral.readers.pocom import open_pocom
from bilateral.readers.rdcr import open_rdcr
from bilateral.readers.travels import open_travels
from bilateral.readers.visits import open_visits

Opener = Callable[[Path, CountryRegistry | None], DatasetReader]

IMPORTERS: dict[str, Opener] = {
    "pocom": open_pocom,
    "rdcr": open_rdcr,
    "visits": open_visits,
    "travels": open_travels,
}
assert tuple(IMPORTERS) == DATASETS


def open_dataset(
    dataset: str, path: Path, registry: CountryRegistry | None = None
) -> DatasetReader:
    """The importer for ``dataset`` opened on ``path``; `InputError` if either is unusable."""
    opener = IMPORTERS.get(dataset)
    if opener is None:
        raise InputError(dataset, f"unknown dataset; known: {', '.join(IMPORTERS)}")
    return opener(path, registry)


__all__ = ["IMPORTERS", "DatasetReader", "FileBatch", "open_dataset"]
