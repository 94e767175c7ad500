"""XML dumps and the registry: streaming, title filters, bad inputs, page-by-page ingest."""

import bz2
from collections.abc import Sequence
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from typer.testing import CliRunner

from bilateral.cli.app import app
from bilateral.errors import InputError, UnreadableInput
from bilateral.kb import KnowledgeBase
from bilateral.readers import registry
from bilateral.readers.registry import discover, read_documents, read_path
from bilateral.readers.wikitext import reader
from bilateral.readers.wikitext.dump import read_dump, title_matches

HEADER = """<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.11/" version="0.11">
  <siteinfo>
    <sitename>Test wiki</sitename><dbname>testwiki</dbname><base>http://test/</base>
    <generator>MediaWiki 1.41</generator><case>first-letter</case>
    <namespaces>
      <namespace key="0" case="first-letter" />
      <namespace key="1" case="first-letter">Talk</namespace>
    </namespaces>
  </siteinfo>
"""

CHILE_JAPAN = """{{Infobox bilateral relations
| envoy1 = [[Ana Rojas]]
| envoytitle1 = Chilean Ambassador to Japan
| mission1 = Embassy of Chile, Tokyo
}}
'''Chile–Japan relations''' began in 1897.
"""


def page(title: str, *revisions: str, ns: int = 0, redirect: str | None = None) -> str:
    body = "".join(
        f"<revision><id>{n}</id><timestamp>2024-01-0{n % 9 + 1}T00:00:00Z</timestamp>"
        f'<model>wikitext</model><format>text/x-wiki</format><text xml:space="preserve">'
        f"{escape(text)}</text></revision>"
        for n, text in enumerate(revisions, start=1)
    )
    link = f'<redirect title="{escape(redirect)}" />' if redirect else ""
    return f"<page><title>{escape(title)}</title><ns>{ns}</ns><id>{abs(hash(title)) % 10**6}</id>{link}{body}</page>\n"  # noqa: E501


PAGES = [
    page("Chile–Japan relations", "Old text.", CHILE_JAPAN),
    page("Talk:Chile–Japan relations", "Discussion.", ns=1),
    page("Peru", "Peru is a country in [[South America]].\n"),
    page("Japan–Chile relations", "#REDIRECT [[Chile–Japan relations]]", redirect="Chile–Japan"),
    page("Peru–United States relations", "Relations began in 1826.\n"),
]


def write_dump(path: Path, pages: Sequence[str] = PAGES) -> Path:
    xml = (HEADER + "".join(pages) + "</mediawiki>\n").encode()
    path.write_bytes(bz2.compress(xml) if path.name.endswith(".bz2") else xml)
    return path


@pytest.fixture(params=["dump.xml", "dump.xml.bz2"])
def dump(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    return write_dump(tmp_path / request.param)


def titles(documents: object) -> list[str | None]:
    return [d.title for d in documents]  # type: ignore[attr-defined]


# -- streaming -----------------------------------------------------------------------


def test_each_article_page_is_a_document_with_its_title_and_location(dump: Path) -> None:
    documents = list(read_documents(dump))
    assert titles(documents) == ["Chile–Japan relations", "Peru", "Peru–United States relations"]
    first = documents[0]
    assert first.source_path == f"{dump}#Chile–Japan relations"
    assert first.name == f"{dump.name}#Chile–Japan relations"
    assert first.format == "wikitext"


def test_the_last_revision_is_read_and_offsets_point_into_its_wikitext(dump: Path) -> None:
    first = next(read_documents(dump))
    assert first.text == CHILE_JAPAN
    (paragraph,) = [b for b in first.blocks if b.kind.value == "paragraph"]
    assert first.original(paragraph.span).of(first.text).startswith("'''Chile–Japan relations'''")


def test_talk_pages_and_redirects_are_skipped(dump: Path) -> None:
    assert not {"Talk:Chile–Japan relations", "Japan–Chile relations"} & set(
        titles(read_documents(dump))
    )


@pytest.mark.parametrize(
    ("patterns", "expected"),
    [
        (["*relations*"], ["Chile–Japan relations", "Peru–United States relations"]),
        (["*RELATIONS"], ["Chile–Japan relations", "Peru–United States relations"]),
        (["peru*"], ["Peru", "Peru–United States relations"]),
        (["Peru", "chile*"], ["Chile–Japan relations", "Peru"]),
        (["nothing*"], []),
    ],
)
def test_a_title_filter_keeps_matching_pages(
    dump: Path, patterns: list[str], expected: list[str]
) -> None:
    assert titles(read_documents(dump, patterns)) == expected


def test_title_patterns_are_case_insensitive_globs() -> None:
    assert title_matches("Foreign relations of Peru", ["*RELATIONS OF p*"])
    assert title_matches("Anything", None)
    assert not title_matches("Peru", ["Per"])


def test_a_bad_page_is_reported_and_the_rest_follow(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reader, "MAX_CHARACTERS", 50)
    pages = [page("Long", "x" * 100), page("Short", "Fine.")]
    dump = write_dump(tmp_path / "dump.xml", pages)
    problems: list[InputError] = []
    documents = list(read_dump(dump, on_error=problems.append))
    assert titles(documents) == ["Short"]
    (problem,) = problems
    assert problem.source == f"{dump}#Long" and "too large" in str(problem)


def test_without_an_error_sink_a_bad_page_raises(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reader, "MAX_CHARACTERS", 50)
    dump = write_dump(tmp_path / "dump.xml", [page("Long", "x" * 100)])
    with pytest.raises(UnreadableInput, match="too large"):
        list(read_dump(dump))


def test_pages_are_read_lazily(tmp_path: Path) -> None:
    dump = write_dump(tmp_path / "dump.xml", [page("One", "A."), page("Two", "B.")])
    stream = read_documents(dump)
    assert next(stream).title == "One"
    assert next(stream).title == "Two"


# -- bad dumps -------------------------------------------------------------------------

BAD_DUMPS = [
    (HEADER + "<page><title>Broken</title>", "not well-formed XML"),
    ("<mediawiki><siteinfo></siteinfo><page></mediawiki>", "not well-formed XML"),
    ("<mediawiki><page></page></mediawiki>", "not a MediaWiki XML export"),
    ("<TEI><text>Not a dump</text></TEI>", "not a MediaWiki XML export"),
    ("plain words, no XML at all", "not well-formed XML"),
    (
        '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]>'
        "\n<mediawiki><siteinfo/><page><title>&lol2;</title></page></mediawiki>",
        "DTD",
    ),
]


@pytest.mark.parametrize(("content", "message"), BAD_DUMPS)
@pytest.mark.parametrize("name", ["bad.xml", "bad.xml.bz2"])
def test_bad_xml_is_one_clear_error_naming_the_file(
    tmp_path: Path, name: str, content: str, message: str
) -> None:
    path = tmp_path / name
    data = content.encode()
    path.write_bytes(bz2.compress(data) if name.endswith(".bz2") else data)
    with pytest.raises(UnreadableInput, match=message) as raised:
        list(read_documents(path))
    assert str(path) in str(raised.value)


def test_a_bz2_name_on_other_bytes_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "fake.xml.bz2"
    path.write_bytes(b"<mediawiki></mediawiki>")
    with pytest.raises(UnreadableInput, match="cannot be read") as raised:
        list(read_documents(path))
    assert "fake.xml.bz2" in str(raised.value)


def test_a_truncated_bz2_dump_is_refused(tmp_path: Path) -> None:
    full = write_dump(tmp_path / "full.xml.bz2")
    cut = tmp_path / "cut.xml.bz2"
    cut.write_bytes(full.read_bytes()[:-40])
    with pytest.raises(UnreadableInput, match="truncated") as raised:
        list(read_documents(cut))
    assert str(cut) in str(raised.value)


def test_a_missing_dump_is_reported(tmp_path: Path) -> None:
    with pytest.raises(UnreadableInput, match="no such file"):
        list(read_documents(tmp_path / "missing.xml"))


# -- the registry ------------------------------------------------------------------------


def test_discover_finds_wikitext_json_and_dumps(tmp_path: Path) -> None:
    for name in ["a.wiki", "b.wikitext", "c.json", "d.xml", "e.xml.bz2", "f.bz2", "g.csv"]:
        (tmp_path / name).write_text("x")
    found = sorted(p.name for p in discover([tmp_path]))
    assert found == ["a.wiki", "b.wikitext", "c.json", "d.xml", "e.xml.bz2"]


def test_read_documents_gives_one_document_for_an_article_file(tmp_path: Path) -> None:
    path = tmp_path / "Chile–Japan relations.wiki"
    path.write_text(CHILE_JAPAN, encoding="utf-8")
    (document,) = read_documents(path)
    assert document.title == "Chile–Japan relations"
    assert read_path(path).id == document.id


def test_a_title_filter_applies_to_article_files_too(tmp_path: Path) -> None:
    wiki = tmp_path / "Chile–Japan relations.wiki"
    wiki.write_text(CHILE_JAPAN, encoding="utf-8")
    outline = tmp_path / "peru.txt"
    outline.write_text("= Peru–United States relations =\nText.\n", encoding="utf-8")
    assert titles(read_documents(wiki, ["peru*"])) == []
    assert titles(read_documents(outline, ["peru*"])) == ["Peru–United States relations"]


def test_read_path_refuses_a_dump(dump: Path) -> None:
    with pytest.raises(UnreadableInput, match="read_documents"):
        read_path(dump)


def test_read_path_refuses_files_over_the_size_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(registry, "MAX_FILE_BYTES", 10)
    path = tmp_path / "big.wiki"
    path.write_text("More than ten bytes.", encoding="utf-8")
    with pytest.raises(UnreadableInput, match="too large"):
        read_path(path)


# -- ingest --------------------------------------------------------------------------------


def test_a_dump_is_ingested_page_by_page(kb: KnowledgeBase, dump: Path) -> None:
    report = kb.ingest([dump])
    assert [outcome.path for outcome in report.files] == [
        f"{dump}#Chile–Japan relations",
        f"{dump}#Peru",
        f"{dump}#Peru–United States relations",
    ]
    assert report.count("added") == 3
    sources = {document.title for document in kb.sources()}
    assert sources == {"Chile–Japan relations", "Peru", "Peru–United States relations"}
    assert report.files[0].facts["envoy"] == 1
    again = kb.ingest([dump])
    assert again.count("unchanged") == 3


def test_ingest_with_titles_stores_only_matching_pages(kb: KnowledgeBase, dump: Path) -> None:
    report = kb.ingest([dump], titles=["*relations"])
    assert report.count("added") == 2
    assert {d.title for d in kb.sources()} == {
        "Chile–Japan relations",
        "Peru–United States relations",
    }


def test_ingest_reports_a_bad_page_and_stores_the_others(
    kb: KnowledgeBase, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reader, "MAX_CHARACTERS", 50)
    dump = write_dump(tmp_path / "dump.xml", [page("Long", "x" * 100), page("Short", "Fine.")])
    report = kb.ingest([dump])
    assert [(f.path, f.status) for f in report.files] == [
        (f"{dump}#Long", "failed"),
        (f"{dump}#Short", "added"),
    ]


def test_ingest_reports_a_broken_dump_once(kb: KnowledgeBase, tmp_path: Path) -> None:
    path = tmp_path / "broken.xml"
    path.write_text(HEADER + "<page><title>Broken", encoding="utf-8")
    report = kb.ingest([path])
    (failed,) = report.failed
    assert failed.path == str(path) and "not well-formed XML" in (failed.error or "")


def test_the_ingest_command_takes_repeatable_title_filters(tmp_path: Path, dump: Path) -> None:
    db = str(tmp_path / "cli.sqlite")
    result = CliRunner().invoke(
        app, ["ingest", str(dump), "--titles", "peru", "--titles", "chile*", "--db", db]
    )
    assert result.exit_code == 0, result.stdout
    assert "2 added" in result.stdout
