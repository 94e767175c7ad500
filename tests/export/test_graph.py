"""Specification of the network export: states as nodes, relations and missions as edges."""

from __future__ import annotations

import csv
import io
from typing import Any

import networkx as nx
import pytest

from bilateral.export.graph import build_network, write_network

NAMES = {"PE": "Peru", "UY": "Uruguay", "CL": "Chile"}


def event(source: str, date: str, mode: str = "establish-relations") -> dict[str, Any]:
    return {
        "kind": "event",
        "id": f"event-{source}-{date}-{mode}",
        "source": source,
        "dyad": ["PE", "UY"],
        "actors": ["PE", "UY"],
        "date": date,
        "mode": mode,
    }


def mission(source: str, sender: str, host: str, city: str, **extra: Any) -> dict[str, Any]:
    return {
        "kind": "mission",
        "id": f"mission-{source}-{city}",
        "source": source,
        "dyad": sorted([sender, host]),
        "sender": sender,
        "host": host,
        "city": city,
        "type": extra.pop("type", "embassy"),
        **extra,
    }


RECORDS = [
    {"kind": "dyad", "id": "dyad-1", "source": "peru", "dyad": ["CL", "PE"], "a": "PE", "b": "CL"},
    event("peru", "1858-11-13"),
    event("peru", "1862-05-16"),
    event("uruguay", "1858"),
    event("uruguay", "2020", "sever-relations"),
    mission("peru", "UY", "PE", "Lima", geonameid=1, latitude=-12.0, longitude=-77.0),
    mission("uruguay", "UY", "PE", "Lima", geonameid=1, latitude=-12.0, longitude=-77.0),
    mission("peru", "PE", "UY", "Paysandú", type="honorary-consulate"),
]


def graph() -> nx.MultiDiGraph[str]:
    return build_network(RECORDS, lambda code: NAMES.get(code, code), {("PE", "UY"): 1})


def relations(a: str, b: str) -> dict[str, Any]:
    found = graph().get_edge_data(a, b)
    return next(data for data in found.values() if data["kind"] == "relations")


def test_states_are_nodes_with_their_names() -> None:
    built = graph()
    labels = {node: built.nodes[node]["label"] for node in built.nodes}
    assert labels == {"CL": "Chile", "PE": "Peru", "UY": "Uruguay"}


def test_a_dyad_known_only_by_name_is_still_an_edge() -> None:
    assert relations("CL", "PE")["established"] == ""


def test_established_is_the_date_most_documents_agree_on_at_the_finest_precision() -> None:
    assert relations("PE", "UY")["established"] == "1858-11-13"


def test_every_date_stated_is_listed_by_mode() -> None:
    edge = relations("PE", "UY")
    assert edge["established_dates"] == "1858;1858-11-13;1862-05-16"
    assert edge["severed"] == "2020"
    assert (edge["documents"], edge["conflicts"]) == (2, 1)


def test_missions_are_edges_from_sender_to_host_one_per_place_and_type() -> None:
    lima = [d for d in graph().get_edge_data("UY", "PE").values() if d["kind"] == "mission"]
    assert len(lima) == 1
    assert (lima[0]["mission_type"], lima[0]["city"], lima[0]["documents"]) == (
        "embassy",
        "Lima",
        2,
    )


def test_a_mission_without_coordinates_has_none_rather_than_zero() -> None:
    paysandu = next(d for d in graph().get_edge_data("PE", "UY").values() if d["kind"] == "mission")
    assert "latitude" not in paysandu


@pytest.mark.parametrize(("format", "read"), [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_xml_formats_read_back_with_the_same_edges(format: str, read: Any) -> None:
    data = write_network(graph(), format)
    again = read(io.BytesIO(data))
    assert again.number_of_edges() == graph().number_of_edges()
    assert {n for n in again.nodes} == {"CL", "PE", "UY"}


def test_csv_is_one_row_per_edge_with_names() -> None:
    rows = list(csv.DictReader(io.StringIO(write_network(graph(), "csv").decode())))
    assert len(rows) == graph().number_of_edges()
    first = rows[0]
    assert (first["source"], first["target"], first["source_name"]) == ("CL", "PE", "Chile")


def test_an_unknown_format_is_refused() -> None:
    with pytest.raises(ValueError, match="graphml"):
        write_network(graph(), "dot")
