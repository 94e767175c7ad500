"""Every setting of the system, declared once with its default and its help.

Settings come from the environment; interfaces may override them with
explicit options. `SETTINGS` is the single list that documentation and tests
walk, so a setting cannot exist without being documented.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

import platformdirs


@dataclass(frozen=True)
class Setting:
    """A named setting read from one environment variable."""

    name: str
    env: str
    help: str
    default: Callable[[], str]

    def value(self, environ: Mapping[str, str] | None = None) -> str:
        """The value from the environment, else the default."""
        env = os.environ if environ is None else environ
        found = env.get(self.env, "").strip()
        return found or self.default()


def _default_db() -> str:
    return str(Path(platformdirs.user_data_dir("bilateral")) / "bilateral.sqlite")


DB = Setting(
    name="db",
    env="BILATERAL_DB",
    help="Database: a SQLite file path or an SQLAlchemy URL (sqlite:///…, postgresql://…).",
    default=_default_db,
)

TOKEN = Setting(
    name="token",
    env="BILATERAL_TOKEN",
    help="Secret that turns on ingest over HTTP: `bilateral serve` accepts uploads only from "
    "requests carrying it as 'Authorization: Bearer <token>'. Unset, the server is read-only.",
    default=lambda: "",
)

MAX_UPLOAD = Setting(
    name="max_upload",
    env="BILATERAL_MAX_UPLOAD",
    help="Largest request body `bilateral serve` accepts, in bytes (an uploaded article).",
    default=lambda: str(5 * 1024 * 1024),
)

CORS_ORIGINS = Setting(
    name="cors_origins",
    env="BILATERAL_CORS_ORIGINS",
    help="Comma-separated origins whose pages may call the HTTP API from a browser (CORS, "
    "read-only methods). Unset, CORS is off.",
    default=lambda: "",
)


def _default_assets() -> str:
    return str(Path(sys.prefix) / "web" / "node_modules")


ASSETS = Setting(
    name="assets",
    env="BILATERAL_ASSETS",
    help="Folder of the front-end packages the web pages load (leaflet, topojson-client, "
    "world-atlas), as `make install` puts them with npm; served locally, never from a CDN.",
    default=_default_assets,
)

LEXICONS = Setting(
    name="lexicons",
    env="BILATERAL_LEXICONS",
    help="A folder of your own lexicon files that extend the packaged ones, in the same shapes: "
    "states.tsv (id, role, form), organizations.tsv (id, kind, form), people.tsv (name, "
    "state id, role, start, end). Each file is optional.",
    default=lambda: "",
)

RDF_BASE = Setting(
    name="rdf_base",
    env="BILATERAL_RDF_BASE",
    help="Base IRI of the nodes in RDF exports (Turtle, JSON-LD): facts are <BASE>fact/ID, "
    "documents <BASE>document/ID, states <BASE>state/PE. Set it to where you publish them.",
    default=lambda: "urn:bilateral:",
)

SETTINGS: tuple[Setting, ...] = (DB, TOKEN, MAX_UPLOAD, CORS_ORIGINS, ASSETS, LEXICONS, RDF_BASE)


def user_lexicon(name: str) -> Path | None:
    """The user's file ``name`` in the BILATERAL_LEXICONS folder, if there is one."""
    folder = LEXICONS.value()
    path = Path(folder) / name if folder else None
    return path if path is not None and path.is_file() else None
