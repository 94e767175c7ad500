"""Every setting of the system, declared once with its default and its help.

Settings come from the environment; interfaces may override them with
explicit options. `SETTINGS` is the single list that documentation and tests
walk, so a setting cannot exist without being documented.
"""

from __future__ import annotations

import os
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

SETTINGS: tuple[Setting, ...] = (DB,)
