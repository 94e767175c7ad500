"""The JSON API about dyads: list and search, profile, timeline, envoys, missions,
polls, assessments, verdicts and the JSONL export; bad parameters are 4xx."""

from __future__ import annotations

import json
from typing import Any

import pytest

from bilateral.kb import KnowledgeBase
from tests.web.conftest import TestClient


def test_dyads_lists_every_dyad_with_names_counts_and_links(client: TestClient) -> None:
    body = client.get("/api/dyads").json()
    assert body["total"] == 1
    (dyad,) = body["items"]
    assert (dyad["a"], dyad["b"]) == ("CL", "JP")
    assert dyad["names"] == {"CL": "Chile", "JP": "Japan"}
    assert dyad["facts"] == 7
    assert dyad["links"]["page"] == "/dyads/CL/JP"


def test_dyads_search_matches_state_names_and_codes(client: TestClient) -> None:
    assert client.get("/api/dyads", params={"q": "japan"}).json()["total"] == 1
    assert client.get("/api/dyads", params={"q": "cl"}).json()["total"] == 1
    assert client.get("/api/dyads", params={"q": "Peru"}).json()["total"] == 0


def test_profile_has_envoys_missions_and_counts(client: TestClient) -> None:
    body = client.get("/api/dyads/CL/JP").json()
    assert body["counts"] == {"dyad": 1, "envoy": 2, "event": 1, "mission": 3}
    assert {e["person"] for e in body["current_envoys"]} == {"Ana Rojas", "Kenji Sato"}
    assert set(body["missions_by_host"]) == {"JP", "CL"}
    assert body["links"]["page"] == "/dyads/CL/JP"


def test_profile_accepts_names_and_either_order(client: TestClient) -> None:
    by_code = client.get("/api/dyads/CL/JP").json()
    by_name = client.get("/api/dyads/Japan/Chile").json()
    assert by_name["counts"] == by_code["counts"]
    assert (by_name["a"], by_name["b"]) == ("JP", "CL")


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/api/dyads/Atlantis/JP", 404),
        ("/api/dyads/FR/DE", 404),
        ("/api/dyads/JP/JP", 404),
        ("/api/dyads/CL/JP/timeline?type=DANCE", 400),
        ("/api/dyads/CL/JP/timeline?mode=waltz", 400),
        ("/api/dyads/CL/JP/timeline?from=2000&to=1900", 400),
        ("/api/dyads/CL/JP/timeline?from=nineteen", 422),
        ("/api/dyads/CL/JP/timeline?from=0", 422),
        ("/api/dyads/CL/JP/timeline?limit=0", 422),
        ("/api/dyads/CL/JP/timeline?limit=100000", 422),
        ("/api/dyads/CL/JP/timeline?offset=-1", 422),
        ("/api/dyads/CL/JP/missions?host=Narnia", 404),
        ("/api/dyads/CL/JP/export.jsonl?kind=rumour", 400),
        ("/api/dyads?q=" + "x" * 300, 422),
    ],
)
def test_bad_parameters_are_client_errors_with_a_message(
    client: TestClient, url: str, status: int
) -> None:
    response = client.get(url)
    assert response.status_code == status
    assert response.json()["error"]


def test_timeline_filters_by_years_type_and_actor(client: TestClient) -> None:
    everything = client.get("/api/dyads/CL/JP/timeline").json()
    assert everything["total"] == 1
    (event,) = everything["items"]
    assert event["date"] == "1897"
    assert event["links"]["self"] == f"/api/facts/{event['id']}"
    assert client.get("/api/dyads/CL/JP/timeline?from=1890&to=1900").json()["total"] == 1
    assert client.get("/api/dyads/CL/JP/timeline?from=1900").json()["total"] == 0
    kept = client.get(f"/api/dyads/CL/JP/timeline?type={event['type'].lower()}").json()
    assert kept["total"] == 1
    assert client.get("/api/dyads/CL/JP/timeline?type=ASSAULT").json()["total"] == 0
    assert client.get("/api/dyads/CL/JP/timeline?actor=CL").json()["total"] == 1
    assert client.get("/api/dyads/CL/JP/timeline?actor=US").json()["total"] == 0


def test_pages_are_stable_and_link_to_the_next(client: TestClient) -> None:
    first = client.get("/api/dyads/CL/JP/missions?limit=2").json()
    assert (first["total"], first["limit"], first["offset"]) == (3, 2, 0)
    assert len(first["items"]) == 2
    assert first["next"].endswith("offset=2") or "offset=2" in first["next"]
    second = client.get(first["next"]).json()
    assert len(second["items"]) == 1 and second["next"] is None
    again = client.get("/api/dyads/CL/JP/missions?limit=2").json()
    ids = [m["id"] for m in first["items"] + second["items"]]
    assert [m["id"] for m in again["items"]] == ids[:2]
    assert len(set(ids)) == 3


def test_missions_carry_coordinates_and_filter_by_host(client: TestClient) -> None:
    body = client.get("/api/dyads/CL/JP/missions").json()
    tokyo = next(m for m in body["items"] if m["city"] == "Tokyo")
    assert tokyo["type"] == "embassy" and tokyo["sender"] == "CL"
    assert tokyo["latitude"] == pytest.approx(35.68, abs=0.1)
    assert tokyo["longitude"] == pytest.approx(139.7, abs=0.2)
    in_japan = client.get("/api/dyads/CL/JP/missions?host=Japan").json()
    assert {m["city"] for m in in_japan["items"]} == {"Tokyo", "Osaka"}


def test_envoys_lists_current_envoys_first(client: TestClient) -> None:
    body = client.get("/api/dyads/CL/JP/envoys").json()
    assert [e["current"] for e in body["items"]] == [True, True]
    assert body["items"][0]["sender"] == "CL"
    assert body["authority"] == []


def test_polls_and_assessments_are_pages_of_facts(client: TestClient) -> None:
    for what in ("polls", "assessments"):
        body = client.get(f"/api/dyads/CL/JP/{what}").json()
        assert body == {"total": 0, "limit": 100, "offset": 0, "next": None, "items": []}


def test_export_is_the_interchange_jsonl_of_the_dyad(client: TestClient) -> None:
    response = client.get("/api/dyads/CL/JP/export.jsonl")
    assert response.headers["content-type"].startswith("application/jsonl")
    lines = [json.loads(line) for line in response.text.splitlines()]
    assert len(lines) == 7
    assert {r["kind"] for r in lines} == {"dyad", "envoy", "mission", "event"}
    for record in lines:
        for span in record["evidence"]:
            assert span["end"] > span["start"]
    missions = client.get("/api/dyads/CL/JP/export.jsonl?kind=mission").text.splitlines()
    assert len(missions) == 3


def test_verdicts_are_501_with_a_reason_when_the_knowledge_base_cannot_check(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delattr(KnowledgeBase, "check", raising=False)
    response = client.get("/api/dyads/CL/JP/verdicts")
    assert response.status_code == 501
    assert "not available" in response.json()["error"]


def test_verdicts_come_from_the_knowledge_base_check(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    def check(self: KnowledgeBase, names: list[str]) -> dict[str, Any]:
        assert names == ["CL", "JP"]
        verdict = {"claim_id": "envoy-1", "verdict": "corroborated", "record_ids": ["pocom-1"]}
        return {"a": "CL", "b": "JP", "verdicts": [verdict], "unchecked": 2, "note": None}

    monkeypatch.setattr(KnowledgeBase, "check", check, raising=False)
    body = client.get("/api/dyads/Chile/Japan/verdicts").json()
    assert body["total"] == 1
    assert body["items"][0]["verdict"] == "corroborated"
    assert body["unchecked"] == 2


def test_read_endpoints_send_an_etag_and_answer_304_when_unchanged(client: TestClient) -> None:
    first = client.get("/api/dyads/CL/JP")
    etag = first.headers["etag"]
    assert first.headers["cache-control"] == "public, no-cache"
    again = client.get("/api/dyads/CL/JP", headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b""
    other = client.get("/api/dyads/CL/JP/timeline", headers={"If-None-Match": etag})
    assert other.status_code == 200


def test_openapi_describes_every_endpoint(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for path in (
        "/api/dyads",
        "/api/dyads/{a}/{b}",
        "/api/dyads/{a}/{b}/timeline",
        "/api/dyads/{a}/{b}/envoys",
        "/api/dyads/{a}/{b}/missions",
        "/api/dyads/{a}/{b}/polls",
        "/api/dyads/{a}/{b}/assessments",
        "/api/dyads/{a}/{b}/verdicts",
        "/api/dyads/{a}/{b}/export.jsonl",
        "/api/search",
        "/api/facts/{fact_id}",
        "/api/documents",
        "/api/documents/{document_id}",
    ):
        assert path in paths, path
    assert "post" in paths["/api/documents"]
