"""The JSON API about sources: sentence search, facts with evidence in context,
documents, and uploads (only with the server's token)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from bilateral.kb import KnowledgeBase
from bilateral.store.sql import SqlStore
from tests.conftest import ARTICLE
from tests.web.conftest import TOKEN, TestClient, make_client

AUTH = {"Authorization": f"Bearer {TOKEN}"}
PERU = ARTICLE.replace("Chile", "Peru").replace("Chilean", "Peruvian").replace("Santiago", "Lima")


def test_search_finds_sentences_with_offsets_into_the_document(
    client: TestClient, web_kb: KnowledgeBase
) -> None:
    body = client.get("/api/search", params={"q": "opened RELATIONS"}).json()
    assert body["total"] == 1
    (hit,) = body["items"]
    assert hit["text"] == "Chile and Japan opened relations in 1897."
    _, document = web_kb.document(hit["document_id"])
    assert document[hit["start"] : hit["end"]] == hit["text"]
    assert hit["title"] == "Chile–Japan relations"


def test_search_takes_quoted_phrases_and_ignores_operators(client: TestClient) -> None:
    assert client.get("/api/search", params={"q": '"opened relations"'}).json()["total"] == 1
    assert client.get("/api/search", params={"q": '"relations opened"'}).json()["total"] == 0
    assert client.get("/api/search", params={"q": "relations OR NEAR("}).json()["total"] == 0


@pytest.mark.parametrize("query", ["", "!!!", '""'])
def test_search_without_words_is_a_client_error(client: TestClient, query: str) -> None:
    response = client.get("/api/search", params={"q": query})
    assert response.status_code in (400, 422)
    assert response.json()["error"]


def test_search_index_follows_a_replaced_document(web_kb: KnowledgeBase, tmp_path: Path) -> None:
    article = tmp_path / "chile-japan.txt"
    article.write_text(ARTICLE.replace("opened relations", "established ties"), encoding="utf-8")
    web_kb.ingest([article])
    assert web_kb.search("opened")[1] == 0
    assert web_kb.search("established ties")[1] == 1


def test_a_database_from_before_the_index_gains_it_filled(tmp_path: Path) -> None:
    article = tmp_path / "chile-japan.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    db = str(tmp_path / "old.sqlite")
    with KnowledgeBase(db) as kb:
        kb.ingest([article])
        assert isinstance(kb.store, SqlStore)
        with kb.store.engine.begin() as connection:
            connection.execute(text("DROP TABLE sentences_fts"))
            connection.execute(text("DELETE FROM migrations WHERE name = '0003_sentences_fts'"))
            connection.execute(text("DROP TABLE alembic_version"))
    with KnowledgeBase(db) as kb:
        assert kb.search("opened relations")[1] == 1


def test_a_fact_comes_with_its_evidence_and_the_text_around_it(
    client: TestClient, web_kb: KnowledgeBase
) -> None:
    event = next(web_kb.records(kinds=["event"]))
    body = client.get(f"/api/facts/{event['id']}", params={"width": 40}).json()
    assert body["kind"] == "event" and body["id"] == event["id"]
    assert body["document"]["title"] == "Chile–Japan relations"
    (evidence,) = body["evidence"]
    context = evidence["context"]
    assert context["start"] <= evidence["start"] < evidence["end"] <= context["end"]
    inner = context["text"][
        evidence["start"] - context["start"] : evidence["end"] - context["start"]
    ]
    assert inner == evidence["text"]
    assert "1897" in evidence["text"]


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/api/facts/event-0000000000000000", 404),
        ("/api/facts/bad%20id!", 422),
        ("/api/facts/event-1?width=-5", 422),
        ("/api/documents/doc-0000", 404),
    ],
)
def test_unknown_or_malformed_ids_are_client_errors(
    client: TestClient, url: str, status: int
) -> None:
    response = client.get(url)
    assert response.status_code == status
    assert response.json()["error"]


def test_documents_list_and_one_document_with_text_and_facts(client: TestClient) -> None:
    listing = client.get("/api/documents").json()
    assert listing["total"] == 1
    document = listing["items"][0]
    assert document["facts"] == 7
    body = client.get(document["links"]["self"]).json()
    assert body["text"] == ARTICLE
    assert len(body["facts"]) == 7


def test_uploads_are_refused_by_a_read_only_server(client: TestClient) -> None:
    response = client.post(
        "/api/documents", params={"name": "peru-japan.txt"}, content=PERU, headers=AUTH
    )
    assert response.status_code == 403
    assert "read-only" in response.json()["error"]


@pytest.mark.parametrize(
    "headers",
    [{}, {"Authorization": "Bearer wrong"}, {"Authorization": TOKEN}, {"Authorization": "Bearer "}],
)
def test_uploads_need_the_token(writer: TestClient, headers: dict[str, str]) -> None:
    response = writer.post(
        "/api/documents", params={"name": "peru-japan.txt"}, content=PERU, headers=headers
    )
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"
    assert writer.get("/api/dyads/PE/JP").status_code == 404


def test_an_upload_with_the_token_is_ingested_like_a_file(writer: TestClient) -> None:
    response = writer.post(
        "/api/documents", params={"name": "peru-japan.txt"}, content=PERU, headers=AUTH
    )
    assert response.status_code == 201
    body = response.json()
    assert body["status"] == "added"
    assert body["location"] == "upload:peru-japan.txt"
    assert body["facts"]["mission"] == 3
    profile = writer.get("/api/dyads/PE/JP").json()
    assert profile["sources"] == ["upload:peru-japan.txt"]
    again = writer.post(
        "/api/documents", params={"name": "peru-japan.txt"}, content=PERU, headers=AUTH
    )
    assert again.status_code == 200 and again.json()["status"] == "unchanged"


@pytest.mark.parametrize(
    ("name", "content", "status"),
    [
        ("article.pdf", b"%PDF-1.4", 400),
        ("article.txt", b"\xff\xfe\x00binary\x00", 400),
        ("article.txt", b"   \n  ", 400),
        ("article.txt", b"", 400),
        ("../escape.txt", b"= A =\n", 400),
        ("dump.xml", b"<mediawiki/>", 400),
        ("big.txt", b"x" * (64 * 1024 + 1), 413),
    ],
)
def test_bad_uploads_are_refused_with_a_reason(
    writer: TestClient, name: str, content: bytes, status: int
) -> None:
    response = writer.post("/api/documents", params={"name": name}, content=content, headers=AUTH)
    assert response.status_code == status
    assert response.json()["error"]
    assert writer.get("/api/documents").json()["total"] == 1


def test_a_body_too_large_is_refused_even_without_a_length(writer: TestClient) -> None:
    def chunks() -> object:
        for _ in range(100):
            yield b"y" * 1024

    response = writer.post(
        "/api/documents", params={"name": "big.txt"}, content=chunks(), headers=AUTH
    )
    assert response.status_code == 413


def test_other_methods_are_not_allowed(writer: TestClient) -> None:
    assert writer.delete("/api/documents", headers=AUTH).status_code == 405
    assert writer.put("/api/dyads/CL/JP", headers=AUTH).status_code == 405


def test_cors_is_off_by_default(client: TestClient) -> None:
    response = client.get("/api/dyads", headers={"Origin": "https://example.org"})
    assert "access-control-allow-origin" not in response.headers


def test_cors_allows_the_configured_origins_to_read(web_kb: KnowledgeBase) -> None:
    client = make_client(web_kb, cors_origins=("https://example.org",))
    response = client.get("/api/dyads", headers={"Origin": "https://example.org"})
    assert response.headers["access-control-allow-origin"] == "https://example.org"
    other = client.get("/api/dyads", headers={"Origin": "https://elsewhere.example"})
    assert "access-control-allow-origin" not in other.headers
