"""Map a function over a stream of items on Dask, with a bounded number in flight.

Items are pulled from their iterator only as results come back: at most
``window`` are submitted and not yet collected. A dump of millions of pages
can therefore be fed in page by page without ever being held whole, by the
caller or by the scheduler. Results come back as they complete, each with the
position of its item, so the caller can restore the input order.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, TypeVar
from urllib.parse import urlsplit

from distributed import Client, LocalCluster, as_completed

from bilateral.errors import BilateralError

T = TypeVar("T")
R = TypeVar("R")


class ClusterError(BilateralError):
    """The Dask scheduler could not be reached, or its workers could not start."""


@dataclass(frozen=True)
class Cluster:
    """Where work runs: ``workers`` local processes, or the cluster at ``scheduler``.

    Local workers run one task at a time each (extraction is pure Python, so
    threads would only contend for the interpreter lock).
    """

    workers: int = 1
    scheduler: str | None = None
    timeout: float = 30.0  # seconds to wait for the scheduler to answer

    @property
    def on_this_machine(self) -> bool:
        """Whether every worker runs here (local processes, or a loopback scheduler),
        so that they can all open a file of this machine, such as a SQLite database."""
        if not self.scheduler:
            return True
        host = urlsplit(self.scheduler if "://" in self.scheduler else f"tcp://{self.scheduler}")
        return host.hostname in ("127.0.0.1", "localhost", "::1")

    def describe(self) -> str:
        if self.scheduler:
            return f"the Dask cluster at {self.scheduler}"
        return f"{self.workers} local worker processes"


@contextmanager
def _client(cluster: Cluster) -> Iterator[Client]:
    if cluster.scheduler:
        try:
            client = Client(cluster.scheduler, timeout=cluster.timeout)
        except (OSError, TimeoutError) as error:
            raise ClusterError(
                f"cannot reach the Dask scheduler {cluster.scheduler}: {error}"
            ) from error
        with client:
            yield client
        return
    try:
        local = LocalCluster(
            n_workers=cluster.workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=":0",
            silence_logs=logging.ERROR,
        )
    except (OSError, RuntimeError, TimeoutError) as error:
        raise ClusterError(f"cannot start {cluster.describe()}: {error}") from error
    with local, Client(local) as client:
        yield client


def _slots(client: Client) -> int:
    """Tasks the workers can run at once (one per thread), at least one."""
    threads = client.nthreads()
    return max(1, sum(threads.values()) if threads else 1)


def map_unordered(
    function: Callable[[T], R],
    items: Iterable[T],
    cluster: Cluster,
    window: int | None = None,
    finish: Callable[[], None] | None = None,
) -> Iterator[tuple[int, R]]:
    """``(position, function(item))`` for every item, in the order they complete.

    At most ``window`` items are in flight (default: twice the workers'
    threads, so each worker has its next task queued). An exception raised by
    ``function`` is raised here, and the remaining work is cancelled.
    ``finish`` runs once on every worker at the end (to release what the
    tasks kept open there), however the work ended.
    """
    with _client(cluster) as client:
        try:
            yield from _stream(client, function, items, window)
        finally:
            if finish is not None:
                client.run(finish)


def _stream(
    client: Client, function: Callable[[T], R], items: Iterable[T], window: int | None
) -> Iterator[tuple[int, R]]:
    limit = window or 2 * _slots(client)
    stream = enumerate(items)
    positions: dict[Any, int] = {}
    running = as_completed()

    def submit_next() -> bool:
        for position, item in stream:
            future = client.submit(function, item, pure=False)
            positions[future.key] = position
            running.add(future)
            return True
        return False

    while len(positions) < limit and submit_next():
        pass
    for future in running:
        position = positions.pop(future.key)
        result = future.result()
        future.release()
        yield position, result
        submit_next()
