"""What the routes share: the knowledge base, the settings, a lock for writes."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path

from fastapi import Request

from bilateral import config
from bilateral.kb import KnowledgeBase


@dataclass(frozen=True)
class WebSettings:
    """The server's settings; `from_environment` reads them from `bilateral.config`."""

    token: str = ""
    max_upload: int = 5 * 1024 * 1024
    cors_origins: tuple[str, ...] = ()
    assets: Path | None = None

    @classmethod
    def from_environment(cls) -> WebSettings:
        try:
            max_upload = int(config.MAX_UPLOAD.value())
        except ValueError as error:
            raise ValueError(f"{config.MAX_UPLOAD.env} must be a number of bytes") from error
        origins = tuple(o.strip() for o in config.CORS_ORIGINS.value().split(",") if o.strip())
        return cls(
            token=config.TOKEN.value(),
            max_upload=max_upload,
            cors_origins=origins,
            assets=Path(config.ASSETS.value()),
        )


@dataclass
class WebState:
    kb: KnowledgeBase
    settings: WebSettings
    write_lock: threading.Lock = field(default_factory=threading.Lock)


def state(request: Request) -> WebState:
    found: WebState = request.app.state.web
    return found


def knowledge_base(request: Request) -> KnowledgeBase:
    return state(request).kb
