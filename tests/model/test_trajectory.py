from bilateral.model.facts import Event, Evidence
from bilateral.model.trajectory import TimelineQuery, by_decade, chronological, within


def event(date: str | None, score: float = 5.0, event_type: str = "SUPPORT") -> Event:
    return Event(
        date=date, actors=("CL",), type=event_type, summary="s", score=score,
        source="d", source_path="p", evidence=(Evidence(0, 1, "x"),), extractor="t@1",
    )  # fmt: skip


def test_chronological_puts_coarse_dates_by_their_first_day_and_undated_last() -> None:
    found = chronological([event(None), event("1990-05"), event("199X"), event("1850")])
    assert [e.date for e in found] == ["1850", "199X", "1990-05", None]


def test_within_years_means_overlapping_them() -> None:
    assert within("1879/1884", 1880, 1900)
    assert not within("1879/1884", 1885, 1900)
    assert within("198X", 1989, None)
    assert not within(None, 1900, 2000)
    assert within(None, None, None)


def test_decades_average_scores_and_keep_a_running_mean() -> None:
    rows = by_decade([event("1981", 4), event("1989", -6), event("1995", 10), event(None, -10)])
    assert [(r.decade, r.events, r.mean, r.running_mean) for r in rows] == [
        (1980, 2, -1.0, -1.0),
        (1990, 1, 10.0, 2.67),
    ]


def test_query_filters_by_type_and_actor() -> None:
    query = TimelineQuery(types=frozenset({"SANCTION"}))
    assert query.apply([event("1990"), event("1991", event_type="SANCTION")])[0].date == "1991"
    assert TimelineQuery(actor="cl").keeps(event("1990"))
