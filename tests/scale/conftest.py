"""One Dask cluster of two local worker processes, shared by the tests that need one
(starting a cluster takes seconds; the tests of `--workers` start their own)."""

from collections.abc import Iterator

import pytest
from distributed import LocalCluster


@pytest.fixture(scope="session")
def cluster() -> Iterator[str]:
    """The scheduler address of a running cluster on this machine."""
    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
    ) as local:
        yield local.scheduler_address
