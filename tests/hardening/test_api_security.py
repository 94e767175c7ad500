"""Who may write, how much, and what hostile input gets: tokens, body limits,
search syntax, paths that try to leave the served folders, and page headers."""

from __future__ import annotations

import hmac
import warnings
from pathlib import Path

import pytest

from bilateral.kb import KnowledgeBase
from bilateral.web import WebSettings, create_app
from bilateral.web.api import facts as facts_api
from tests.conftest import ARTICLE
from tests.hardening.conftest import FIGURES

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message="Using `httpx` with", category=Warning)
    from fastapi.testclient import TestClient

TOKEN = "hardening-token-0123456789"
LIMIT = 4096
ARTICLE_BYTES = ARTICLE.encode()


@pytest.fixture(scope="module")
def kb(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeBase:
    folder = tmp_path_factory.mktemp("api-security")
    article = folder / "chile-japan.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    knowledge_base = KnowledgeBase(str(folder / "api.sqlite"))
    knowledge_base.ingest([article])
    return knowledge_base


def client(kb: KnowledgeBase, token: str = TOKEN) -> TestClient:
    assets = Path(__file__).parents[2] / ".venv" / "web" / "node_modules"
    settings = WebSettings(token=token, max_upload=LIMIT, assets=assets)
    return TestClient(create_app(kb, settings), raise_server_exceptions=False)


# -- writing -------------------------------------------------------------------


@pytest.mark.parametrize(
    "authorization",
    [None, "", "Bearer", "Bearer ", "Bearer wrong", f"Basic {TOKEN}", f"Bearer {TOKEN}x",
     f"Bearer {TOKEN[:-1]}", "Bearer " + "x" * 10_000],
)  # fmt: skip
def test_an_upload_without_the_right_token_is_refused(
    kb: KnowledgeBase, authorization: str | None
) -> None:
    headers = {} if authorization is None else {"Authorization": authorization}
    response = client(kb).post("/api/documents?name=a.txt", content=ARTICLE_BYTES, headers=headers)
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "Bearer"


def test_a_server_without_a_token_refuses_every_upload(kb: KnowledgeBase) -> None:
    response = client(kb, token="").post(
        "/api/documents?name=a.txt", content=ARTICLE_BYTES, headers={"Authorization": "Bearer "}
    )
    assert response.status_code == 403


def test_the_token_is_compared_in_constant_time(
    kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch
) -> None:
    compared: list[tuple[bytes, bytes]] = []
    original = hmac.compare_digest

    def spy(a: bytes, b: bytes) -> bool:
        compared.append((a, b))
        return original(a, b)

    monkeypatch.setattr(facts_api.hmac, "compare_digest", spy)
    response = client(kb).post(
        "/api/documents?name=a.txt", content=b"x", headers={"Authorization": "Bearer nope"}
    )
    assert response.status_code == 401
    assert compared == [(b"nope", TOKEN.encode())]


def test_with_the_token_an_upload_is_stored(kb: KnowledgeBase) -> None:
    response = client(kb).post(
        "/api/documents?name=upload.txt",
        content=ARTICLE_BYTES.replace(b"Ana Rojas", b"Ana Upload"),
        headers={"Authorization": f"Bearer {TOKEN}"},
    )
    assert response.status_code == 201, response.text


def test_a_body_over_the_limit_is_refused_before_it_is_read(kb: KnowledgeBase) -> None:
    response = client(kb).post(
        "/api/documents?name=big.txt",
        content=b"a" * (LIMIT + 1),
        headers={"Authorization": f"Bearer {TOKEN}"},
    )
    assert response.status_code == 413


def test_a_streamed_body_without_a_length_is_cut_at_the_limit(kb: KnowledgeBase) -> None:
    def chunks() -> object:
        for _ in range(100):
            yield b"a" * 1024

    response = client(kb).post(
        "/api/documents?name=big.txt",
        content=chunks(),  # type: ignore[arg-type]
        headers={"Authorization": f"Bearer {TOKEN}"},
    )
    assert response.status_code == 413


@pytest.mark.parametrize(
    "name", ["../../etc/passwd", "..", "a/b.txt", "/abs.txt", "a\\b.txt", "a\x00.txt", ".hidden"]
)
def test_an_upload_name_cannot_leave_its_place(kb: KnowledgeBase, name: str) -> None:
    response = client(kb).post(
        "/api/documents",
        params={"name": name},
        content=ARTICLE_BYTES,
        headers={"Authorization": f"Bearer {TOKEN}"},
    )
    assert response.status_code == 400
    assert not any(d.location.endswith(name) for d in kb.sources())


# -- full-text search ------------------------------------------------------------

HOSTILE_QUERIES = [
    '"', '""', '"""', "'", "*", "a*", "*a", "-", "-a", "+", "^", "^a", "(", ")", "()",
    "NEAR(", "NEAR(a b)", "NEAR(a b, 2)", "OR", "AND", "NOT", "a OR b", "a AND NOT b",
    '"unbalanced', 'un"balanced', '"a" "b', "{text}: a", "text: a", "document_id: x",
    "a:b", "col:", ":", ";", "'; DROP TABLE documents; --", "' OR 1=1 --", "%", "_",
    "\\", "\\'", "\x00", "\x01", "a\u0301", "\u0301", "ﬁ", "Ⅻ", "٣", "𝕏", "\u202e",
    "Chile" * 100, " ".join(["Chile"] * 20), " ".join(["Chile"] * 21), "a" * 500,
]  # fmt: skip


def test_search_input_cannot_break_the_query(kb: KnowledgeBase) -> None:
    api = client(kb)
    statuses: dict[int, int] = {}
    for query in HOSTILE_QUERIES:
        response = api.get("/api/search", params={"q": query})
        statuses[response.status_code] = statuses.get(response.status_code, 0) + 1
        assert response.status_code in (200, 400, 422), (query, response.text)
        assert "error" in response.json() or "items" in response.json()
    assert statuses.get(200, 0) > len(HOSTILE_QUERIES) // 3
    assert kb.search("Chile")[1] > 0  # still there
    FIGURES["hostile search queries"] = f"{len(HOSTILE_QUERIES)} answered: {statuses}"


def test_search_operators_are_words_not_syntax(kb: KnowledgeBase) -> None:
    """ "Chile OR nothing" finds nothing: OR is a word that must appear, not an operator."""
    assert kb.search("Chile")[1] > 0
    assert kb.search("Chile OR xyzzy")[1] == 0
    assert kb.search("Chile NOT Japan")[1] == 0


# -- files ---------------------------------------------------------------------

TRAVERSALS = [
    "/vendor/leaflet/..%2f..%2f..%2fpyvenv.cfg",
    "/vendor/leaflet/%2e%2e/%2e%2e/%2e%2e/pyvenv.cfg",
    "/vendor/leaflet/%2e%2e%2f%2e%2e%2fpackage.json",
    "/vendor/leaflet/..%5c..%5cpackage.json",
    "/vendor/leaflet/%252e%252e/%252e%252e/package.json",
    "/vendor/leaflet/....//....//package.json",
    "/vendor/leaflet/%c0%ae%c0%ae/package.json",
    "/vendor/leaflet//etc/passwd",
    "/vendor/leaflet/%2fetc%2fpasswd",
    "/vendor/leaflet/%00",
    "/vendor/world-atlas/../../pyvenv.cfg",
    "/static/..%2f..%2fapp.py",
    "/static/%2e%2e/app.py",
    "/static/%2e%2e/%2e%2e/kb.py",
    "/static//etc/passwd",
    "/static/../app.py",
    "/documents/..%2f..%2fetc%2fpasswd",
    "/api/documents/..%2f..%2fetc%2fpasswd",
    "/api/facts/..%2f..",
]


@pytest.mark.parametrize("path", TRAVERSALS)
def test_no_route_serves_a_file_outside_its_folder(kb: KnowledgeBase, path: str) -> None:
    response = client(kb).get(path)
    assert response.status_code in (400, 404, 422), (path, response.status_code)
    for secret in (b"home =", b"def create_app", b"root:x:0", b"class KnowledgeBase"):
        assert secret not in response.content


def test_a_vendor_file_inside_its_folder_is_served(kb: KnowledgeBase) -> None:
    response = client(kb).get("/vendor/leaflet/leaflet.js")
    if response.status_code == 404:
        pytest.skip("the npm packages are not installed (make install)")
    assert response.status_code == 200


# -- headers -------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/", "/dyads/CL/JP", "/dyads/XX/YY", "/no-such-page", "/docs"])
def test_html_pages_carry_the_security_headers(kb: KnowledgeBase, path: str) -> None:
    response = client(kb).get(path)
    assert response.headers["content-type"].startswith("text/html")
    policy = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "no-referrer"
    assert response.headers["X-Frame-Options"] == "DENY"


def test_a_document_page_carries_the_security_headers(kb: KnowledgeBase) -> None:
    document = kb.sources()[0]
    response = client(kb).get(f"/documents/{document.id}")
    assert response.status_code == 200
    assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"
