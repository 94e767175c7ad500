"""`bilateral import …` and `bilateral fetch historyatstate`, driven in-process.

The fetch tests serve zip archives the test builds itself from a local HTTP
server on 127.0.0.1; nothing reaches the internet.
"""

import io
import threading
import zipfile
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bilateral.cli.app import app

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "authority"
runner = CliRunner()


def invoke(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, " ".join(result.stdout.split()), " ".join(result.stderr.split())


@pytest.fixture
def db(tmp_path: Path) -> str:
    return str(tmp_path / "cli.sqlite")


def test_import_prints_counts_and_every_rejection(db: str) -> None:
    code, out, _ = invoke("import", "pocom", str(FIXTURES / "pocom"), "--db", db)
    assert code == 0
    assert "pocom: 4 files, 11 records read, 5 imported, 7 rejected" in out
    assert "[cl-2001-okaf-01]: unknown role code" in out
    assert "bolivia.xml: malformed or truncated XML" in out


def test_a_quiet_import_prints_the_counts_only(db: str) -> None:
    code, out, _ = invoke("import", "pocom", str(FIXTURES / "pocom"), "--quiet", "--db", db)
    assert code == 0
    assert "pocom: 4 files, 11 records read, 5 imported, 7 rejected" in out
    assert "unknown role code" not in out and out.count("rejected") == 1


@pytest.mark.parametrize(
    ("dataset", "summary"),
    [
        ("rdcr", "9 records read, 6 imported, 5 rejected"),
        ("visits", "7 records read, 4 imported, 4 rejected"),
        ("travels", "5 records read, 2 imported, 4 rejected"),
    ],
)
def test_each_dataset_has_its_import_command(db: str, dataset: str, summary: str) -> None:
    code, out, _ = invoke("import", dataset, str(FIXTURES / dataset), "--db", db)
    assert code == 0 and summary in out


def test_importing_again_says_nothing_changed(db: str) -> None:
    invoke("import", "visits", str(FIXTURES / "visits"), "--db", db)
    code, out, _ = invoke("import", "visits", str(FIXTURES / "visits"), "--db", db)
    assert code == 0 and "1 files unchanged" in out


def test_an_unusable_path_exits_2_with_one_line(db: str, tmp_path: Path) -> None:
    code, _, err = invoke("import", "rdcr", str(tmp_path / "missing"), "--db", db)
    assert code == 2
    assert "no such file or folder" in err and "Traceback" not in err
    code, _, err = invoke("import", "rdcr", str(tmp_path), "--db", db)
    assert code == 2 and "no rdcr XML files" in err


def test_show_lists_the_authority_envoys_beside_the_article(db: str, tmp_path: Path) -> None:
    article = tmp_path / "peru-us.txt"
    article.write_text(
        "= Peru–United States relations =\n\nPeru and the United States opened relations.\n",
        encoding="utf-8",
    )
    invoke("ingest", str(article), "--db", db)
    invoke("import", "pocom", str(FIXTURES / "pocom"), "--db", db)
    code, out, _ = invoke("show", "PE", "US", "--db", db)
    assert code == 0
    assert "Envoy history (authority)" in out
    assert "Orla Quayle" in out and "1999-11-02" in out
    assert "Died at post" in out


# -- fetch ----------------------------------------------------------------------


def archive(top: str, files: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as bundle:
        bundle.writestr(f"{top}/", "")
        for name, text in files.items():
            bundle.writestr(f"{top}/{name}" if not name.startswith("/") else name, text)
    return buffer.getvalue()


@pytest.fixture
def server() -> Iterator[tuple[str, dict[str, bytes]]]:
    """A local HTTP server answering with whatever bytes the test puts at a path."""
    routes: dict[str, bytes] = {}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = routes.get(self.path)
            self.send_response(200 if body is not None else 404)
            self.send_header("Content-Length", str(len(body or b"")))
            self.end_headers()
            self.wfile.write(body or b"")

        def log_message(self, *_args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", routes
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()


def pocom_archive() -> bytes:
    root = FIXTURES / "pocom"
    files = {
        p.relative_to(root).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(root.rglob("*.xml"))
    }
    return archive("pocom-master", files)


ROUTE = "/HistoryAtState/{}/zip/refs/heads/master"


def test_fetch_unpacks_each_dataset_in_its_published_layout(
    server: tuple[str, dict[str, bytes]], tmp_path: Path, db: str
) -> None:
    base, routes = server
    routes[ROUTE.format("pocom")] = pocom_archive()
    routes[ROUTE.format("visits")] = archive(
        "visits-master", {"data/1990.xml": (FIXTURES / "visits/data/1990.xml").read_text()}
    )
    dest = tmp_path / "hsg"
    code, out, err = invoke(
        "fetch", "historyatstate", str(dest), "--base-url", base,
        "--dataset", "pocom", "--dataset", "visits",
    )  # fmt: skip
    assert code == 0, err
    assert (dest / "pocom" / "missions-countries" / "peru.xml").is_file()
    assert (dest / "pocom" / "people" / "q" / "quayle-orla.xml").is_file()
    assert (dest / "visits" / "data" / "1990.xml").is_file()
    assert "pocom: 14 files" in out
    code, out, _ = invoke("import", "pocom", str(dest / "pocom"), "--db", db)
    assert code == 0 and "5 imported" in out


def test_fetching_again_replaces_the_earlier_copy(
    server: tuple[str, dict[str, bytes]], tmp_path: Path
) -> None:
    base, routes = server
    routes[ROUTE.format("rdcr")] = archive("rdcr-master", {"articles/a.xml": "<TEI/>"})
    invoke("fetch", "historyatstate", str(tmp_path), "--base-url", base, "--dataset", "rdcr")
    routes[ROUTE.format("rdcr")] = archive("rdcr-master", {"articles/b.xml": "<TEI/>"})
    code, _, _ = invoke(
        "fetch", "historyatstate", str(tmp_path), "--base-url", base, "--dataset", "rdcr"
    )
    assert code == 0
    assert sorted(p.name for p in (tmp_path / "rdcr" / "articles").iterdir()) == ["b.xml"]


def test_a_failed_download_exits_2_and_keeps_what_was_there(
    server: tuple[str, dict[str, bytes]], tmp_path: Path
) -> None:
    base, _routes = server
    kept = tmp_path / "travels" / "keep.xml"
    kept.parent.mkdir()
    kept.write_text("<trips/>", encoding="utf-8")
    code, _, err = invoke(
        "fetch", "historyatstate", str(tmp_path), "--base-url", base, "--dataset", "travels"
    )
    assert code == 2 and "HTTP 404" in err
    assert kept.is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["travels"]


def test_an_archive_with_an_escaping_path_is_refused(
    server: tuple[str, dict[str, bytes]], tmp_path: Path
) -> None:
    base, routes = server
    routes[ROUTE.format("rdcr")] = archive("rdcr-master", {"rdcr-master/../../evil.xml": "x"})
    code, _, err = invoke(
        "fetch", "historyatstate", str(tmp_path / "d"), "--base-url", base, "--dataset", "rdcr"
    )
    assert code == 2 and "unsafe path" in err
    assert not (tmp_path / "evil.xml").exists()


def test_a_download_that_is_not_a_zip_is_refused(
    server: tuple[str, dict[str, bytes]], tmp_path: Path
) -> None:
    base, routes = server
    routes[ROUTE.format("visits")] = b"<html>not found</html>"
    code, _, err = invoke(
        "fetch", "historyatstate", str(tmp_path), "--base-url", base, "--dataset", "visits"
    )
    assert code == 2 and "not a zip archive" in err


def test_fetch_refuses_unknown_datasets_and_non_http_urls(tmp_path: Path) -> None:
    code, _, err = invoke("fetch", "historyatstate", str(tmp_path), "--dataset", "gossip")
    assert code == 2 and "unknown dataset" in err
    code, _, err = invoke("fetch", "historyatstate", str(tmp_path), "--base-url", "file:///etc")
    assert code == 2 and "http://" in err
