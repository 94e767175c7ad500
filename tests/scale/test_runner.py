"""The Dask runner: every item once, results with their positions, and never more
than a window of items taken from the stream ahead of the results."""

from collections.abc import Iterator

import pytest

from bilateral.scale import Cluster, map_unordered
from bilateral.scale.runner import ClusterError


def square(value: int) -> int:
    return value * value


def fail_on_three(value: int) -> int:
    if value == 3:
        raise ValueError("three")
    return value


def test_every_item_comes_back_once_with_its_position() -> None:
    results = dict(map_unordered(square, range(20), Cluster(workers=2)))  # its own cluster
    assert results == {i: i * i for i in range(20)}


def test_items_are_taken_from_the_stream_only_as_results_come_back(cluster: str) -> None:
    taken = 0
    ahead: list[int] = []

    def stream() -> Iterator[int]:
        nonlocal taken
        for value in range(30):
            taken += 1
            yield value

    collected = 0
    for _ in map_unordered(square, stream(), Cluster(scheduler=cluster), window=4):
        collected += 1
        ahead.append(taken - collected)
    assert collected == 30
    assert max(ahead) <= 4


def test_a_failing_item_raises_its_error(cluster: str) -> None:
    with pytest.raises(ValueError, match="three"):
        list(map_unordered(fail_on_three, range(6), Cluster(scheduler=cluster)))


def test_a_cluster_is_on_this_machine_when_its_scheduler_is() -> None:
    assert Cluster(workers=2).on_this_machine
    assert Cluster(scheduler="tcp://127.0.0.1:8786").on_this_machine
    assert not Cluster(scheduler="tcp://10.0.0.5:8786").on_this_machine


def test_an_unreachable_scheduler_is_a_clear_error() -> None:
    with pytest.raises(ClusterError, match="cannot reach the Dask scheduler"):
        list(map_unordered(square, range(2), Cluster(scheduler="tcp://127.0.0.1:9", timeout=2)))
