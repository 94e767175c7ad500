"""The HTML pages as served: index with search, a dyad's page, a document's page,
errors as pages, headers that keep everything on this server, and the command."""

from __future__ import annotations

import re
from typing import Any

import pytest
from typer.testing import CliRunner

from bilateral.cli.app import app
from bilateral.kb import KnowledgeBase
from tests.web.conftest import ASSETS, TestClient


def test_index_lists_dyads_with_links(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert 'href="/dyads/CL/JP"' in page.text
    assert "Chile – Japan" in page.text


def test_index_search_filters_dyads_and_finds_sentences(client: TestClient) -> None:
    found = client.get("/", params={"q": "japan"}).text
    assert 'href="/dyads/CL/JP"' in found
    assert "Chile and Japan opened relations in 1897." in found
    missing = client.get("/", params={"q": "Peru"}).text
    assert 'href="/dyads/CL/JP"' not in missing
    assert "No sentence matches." in missing


def test_dyad_page_has_header_timeline_map_and_tables(client: TestClient) -> None:
    page = client.get("/dyads/CL/JP").text
    assert "<h1>" in page and "Chile" in page and "Japan" in page
    assert len(re.findall(r'<a class="event-mark"', page)) == 1
    assert 'id="map"' in page and 'id="trajectory"' in page
    assert page.count('data-fact="') >= 7
    assert "Ana Rojas" in page and "Kenji Sato" in page
    assert "/vendor/leaflet/leaflet.js" in page


def test_dyad_page_escapes_text_and_embeds_safe_json(client: TestClient) -> None:
    page = client.get("/dyads/CL/JP").text
    data = page.split('<script type="application/json" id="page-data">')[1].split("</script>")[0]
    assert "</" not in data
    assert '"missions"' in data


def test_document_page_reproduces_the_text_and_highlights_evidence(
    client: TestClient, web_kb: KnowledgeBase
) -> None:
    (document,) = web_kb.sources()
    page = client.get(f"/documents/{document.id}").text
    event = next(web_kb.records(kinds=["event"]))
    assert f'id="fact-{event["id"]}"' in page
    assert page.count('<mark class="evidence"') >= 5
    assert "Chile and Japan opened relations in 1897." in page


def test_unknown_pages_are_html_404s(client: TestClient) -> None:
    for url in ("/dyads/FR/DE", "/dyads/Atlantis/JP", "/documents/doc-0", "/nowhere"):
        page = client.get(url)
        assert page.status_code == 404, url
        assert page.headers["content-type"].startswith("text/html")
        assert "Not found" in page.text


def test_pages_may_load_only_from_this_server(client: TestClient) -> None:
    policy = client.get("/dyads/CL/JP").headers["content-security-policy"]
    assert "default-src 'self'" in policy and "script-src 'self'" in policy
    assert "http" not in policy
    page = client.get("/dyads/CL/JP").text
    assert not re.search(r'(src|href)="(https?:)?//', page)


def test_pages_answer_304_when_unchanged(client: TestClient) -> None:
    first = client.get("/dyads/CL/JP")
    again = client.get("/dyads/CL/JP", headers={"If-None-Match": first.headers["etag"]})
    assert again.status_code == 304


def test_own_scripts_and_installed_packages_are_served(client: TestClient) -> None:
    assert client.get("/static/facts.js").status_code == 200
    assert client.get("/static/app.css").status_code == 200
    if (ASSETS / "leaflet").is_dir():
        assert client.get("/vendor/leaflet/leaflet.js").status_code == 200
        shapes = client.get("/vendor/world-atlas/countries-50m.json")
        assert shapes.json()["type"] == "Topology"
    assert client.get("/vendor/leaflet/../../../etc/passwd").status_code == 404


def test_serve_is_a_command_with_host_port_and_db() -> None:
    result = CliRunner().invoke(app, ["serve", "--help"])
    assert result.exit_code == 0
    for option in ("--host", "--port", "--db"):
        assert option in result.output


def test_serve_refuses_a_database_it_cannot_open(tmp_path: object) -> None:
    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path)])
    assert result.exit_code == 2


def test_envoys_carry_the_verdict_of_the_fact_check_as_a_badge(
    client: TestClient, web_kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch
) -> None:
    envoy = next(r for r in web_kb.records(kinds=["envoy"]) if r["person"] == "Ana Rojas")

    def check(self: KnowledgeBase, names: list[str]) -> dict[str, Any]:
        return {"verdicts": [{"claim_id": envoy["id"], "verdict": "corroborated"}]}

    monkeypatch.setattr(KnowledgeBase, "check", check, raising=False)
    page = client.get("/dyads/CL/JP").text
    assert page.count('<span class="badge badge-corroborated">corroborated</span>') >= 1


def test_the_dyad_page_works_without_a_fact_check(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delattr(KnowledgeBase, "check", raising=False)
    page = client.get("/dyads/CL/JP")
    assert page.status_code == 200
    assert "badge-corroborated" not in page.text
