"""Downloading the Office of the Historian datasets from their public repositories.

Each dataset is one repository of the HistoryAtState organisation; its
archive (a zip of the default branch) is downloaded over HTTP(S) with the
standard library, and unpacked into ``DEST/<dataset>/`` in the published
layout, ready for the importers. A dataset is unpacked beside its final
place and swapped in only when complete, so a failed download leaves what
was there before. Archive members that would land outside the target folder
are refused, and so is an archive that unpacks to more than `MAX_BYTES`.
"""

from __future__ import annotations

import shutil
import tempfile
import urllib.error
import urllib.request
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import urlparse

from bilateral.errors import InputError, UnreadableInput
from bilateral.model.authority import DATASETS

OWNER = "HistoryAtState"
DEFAULT_BASE_URL = "https://codeload.github.com"
REPOSITORIES: dict[str, str] = {name: name for name in DATASETS}
MAX_BYTES = 1 << 30
_CHUNK = 1 << 16

# (dataset, bytes received so far, total bytes if the server said)
FetchProgress = Callable[[str, int, int | None], None]


@dataclass(frozen=True)
class Fetched:
    """One dataset downloaded and unpacked."""

    dataset: str
    url: str
    folder: Path
    files: int
    size: int


def archive_url(dataset: str, base_url: str = DEFAULT_BASE_URL) -> str:
    """The zip archive of a dataset's repository (its master branch)."""
    if dataset not in REPOSITORIES:
        raise InputError(dataset, f"unknown dataset; known: {', '.join(REPOSITORIES)}")
    return f"{base_url.rstrip('/')}/{OWNER}/{REPOSITORIES[dataset]}/zip/refs/heads/master"


def fetch_datasets(
    dest: Path,
    datasets: Iterable[str] = DATASETS,
    base_url: str = DEFAULT_BASE_URL,
    progress: FetchProgress | None = None,
    timeout: float = 60.0,
) -> list[Fetched]:
    """Download and unpack each dataset into ``dest/<dataset>/``."""
    if urlparse(base_url).scheme not in ("http", "https"):
        raise InputError(base_url, "the base URL must start with http:// or https://")
    try:
        dest.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise UnreadableInput(str(dest), f"cannot create the folder: {error.strerror}") from None
    return [
        _fetch_one(dest, name, archive_url(name, base_url), progress, timeout) for name in datasets
    ]


def _fetch_one(
    dest: Path, dataset: str, url: str, progress: FetchProgress | None, timeout: float
) -> Fetched:
    with tempfile.TemporaryDirectory(prefix=f".{dataset}-", dir=dest) as scratch:
        archive = Path(scratch) / "archive.zip"
        size = _download(url, archive, dataset, progress, timeout)
        unpacked = Path(scratch) / dataset
        files = _unpack(archive, unpacked, url)
        target = dest / dataset
        old = Path(scratch) / "previous"
        if target.exists():
            target.rename(old)
        unpacked.rename(target)
    return Fetched(dataset, url, target, files, size)


def _download(
    url: str, archive: Path, dataset: str, progress: FetchProgress | None, timeout: float
) -> int:
    request = urllib.request.Request(url, headers={"User-Agent": "bilateral"})
    received = 0
    try:
        with (
            urllib.request.urlopen(request, timeout=timeout) as response,
            archive.open("wb") as out,
        ):
            length = response.headers.get("Content-Length")
            total = int(length) if length and length.isdigit() else None
            while chunk := response.read(_CHUNK):
                received += len(chunk)
                if received > MAX_BYTES:
                    raise UnreadableInput(url, f"the download exceeds {MAX_BYTES} bytes")
                out.write(chunk)
                if progress is not None:
                    progress(dataset, received, total)
    except urllib.error.HTTPError as error:
        error.close()
        raise UnreadableInput(url, f"download failed: HTTP {error.code} {error.reason}") from None
    except urllib.error.URLError as error:
        raise UnreadableInput(url, f"download failed: {error.reason}") from None
    except (TimeoutError, OSError) as error:
        raise UnreadableInput(url, f"download failed: {error}") from None
    return received


def _unpack(archive: Path, target: Path, url: str) -> int:
    """Unpack the archive's top folder ("pocom-master/") into ``target``; files written."""
    try:
        with zipfile.ZipFile(archive) as bundle:
            members = [m for m in bundle.infolist() if not m.is_dir()]
            if sum(m.file_size for m in members) > MAX_BYTES:
                raise UnreadableInput(url, f"the archive unpacks to more than {MAX_BYTES} bytes")
            target.mkdir()
            count = 0
            for member in members:
                relative = _inner_path(member.filename, url)
                if relative is None:
                    continue
                path = target.joinpath(*relative.parts)
                path.parent.mkdir(parents=True, exist_ok=True)
                with bundle.open(member) as source, path.open("wb") as out:
                    shutil.copyfileobj(source, out)
                count += 1
    except zipfile.BadZipFile:
        raise UnreadableInput(url, "the download is not a zip archive") from None
    if count == 0:
        raise UnreadableInput(url, "the archive holds no files")
    return count


def _inner_path(name: str, url: str) -> PurePosixPath | None:
    """A member's path below the archive's top folder; refuses escapes."""
    path = PurePosixPath(name.replace("\\", "/"))
    if path.is_absolute() or ".." in path.parts:
        raise UnreadableInput(url, f"the archive holds an unsafe path {name!r}")
    parts = path.parts[1:]
    return PurePosixPath(*parts) if parts else None
