"""Bad input: every reader, fed random, truncated, nested, huge, mis-encoded and
hostile XML input, gives a document or one clear error naming the file; it
never crashes, hangs, expands an entity or reads a file it was not given.

Property-based (hypothesis) and bounded: ``make fuzz`` runs the same targets
much longer, coverage-guided, with atheris (``fuzz/``).
"""

from __future__ import annotations

import bz2
import json
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bilateral.errors import InputError, UnreadableInput
from bilateral.readers import registry
from bilateral.readers.authority import open_dataset
from bilateral.readers.hsg import MAX_FILE_BYTES
from bilateral.readers.registry import read_documents, read_path
from bilateral.readers.text import MAX_SENTENCE_CHARS
from bilateral.readers.wikitext.reader import MAX_MARKUP
from tests.conftest import ARTICLE
from tests.hardening.conftest import FIGURES
from tests.hardening.helpers import (
    DUMP_HEADER,
    consistency_problems,
    dump_page,
    run,
    wikitext_article,
)
from tests.hardening.targets import AUTHORITY_FILES, Targets, check_document

EXAMPLES = 40
BOUNDED = settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)
COUNTS: dict[str, int] = {}

WIKI_PIECES = [
    "{{", "}}", "[[", "]]", "{|", "|}", "|-", "||", "|", "!", "!!", "=", "==", "'''", "''",
    "<ref>", "</ref>", "<ref name=a/>", "<!--", "-->", "{{{", "}}}", "<nowiki>", "</nowiki>",
    "&amp;", "&#", "<br/>", "{{Infobox bilateral relations", "|envoy1=", "<div>", "</div>",
    "\n", "\n*", "\n#", "\n:", "\n;", " ", "Chile", "Japan", " in 1897.", "[http://x y]",
]  # fmt: skip
OUTLINE_PIECES = [
    "= Title =", "== Heading ==", "Infobox", "- Key: Value", ";Term", "- item", "*", "-",
    "\n", "\n\n", " ", "Chile and Japan", " in 1897.", "\t", "\r\n", "\u00a0", "\ufeff", "=",
]  # fmt: skip

wikitexts = st.lists(st.sampled_from(WIKI_PIECES), max_size=120).map("".join)
outlines = st.lists(st.sampled_from(OUTLINE_PIECES), max_size=120).map("".join)
xml_pieces = st.sampled_from(
    ["<page>", "</page>", "<title>T</title>", "<ns>0</ns>", "<revision>", "</revision>",
     "<text>", "</text>", "<id>1</id>", "&amp;", "&lt;", "<![CDATA[", "]]>", "<?pi x?>",
     "<!-- c -->", "x", "\n", "<", ">", "&"]
)  # fmt: skip
dump_bodies = st.lists(xml_pieces, max_size=60).map(
    lambda parts: (DUMP_HEADER + "".join(parts) + "</mediawiki>").encode()
)


@pytest.fixture(scope="module")
def targets(tmp_path_factory: pytest.TempPathFactory) -> Targets:
    return Targets(tmp_path_factory.mktemp("fuzz"))


def count(name: str) -> None:
    COUNTS[name] = COUNTS.get(name, 0) + 1
    FIGURES["reader inputs (hypothesis)"] = (
        f"{sum(COUNTS.values())} inputs over {len(COUNTS)} targets in the normal suite"
    )


# -- random and structured bytes ---------------------------------------------------


@pytest.mark.parametrize("name", [*sorted(AUTHORITY_FILES), "outline", "wikitext", "dump"])
def test_random_bytes_give_a_document_or_an_error_naming_the_file(
    targets: Targets, name: str
) -> None:
    target = targets.all()[name]

    @BOUNDED
    @given(data=st.binary(max_size=2000))
    def check(data: bytes) -> None:
        count(name)
        target(data)

    check()


@BOUNDED
@given(text=wikitexts)
def test_generated_wikitext_is_read_or_refused(targets: Targets, text: str) -> None:
    count("wikitext")
    targets.all()["wikitext"](text.encode())
    count("wikitext-json")
    targets.all()["wikitext-json"](json.dumps(text).encode())


@BOUNDED
@given(text=outlines)
def test_generated_outlines_are_read_or_refused(targets: Targets, text: str) -> None:
    count("outline")
    targets.all()["outline"](text.encode())


@BOUNDED
@given(data=dump_bodies)
def test_generated_dumps_are_read_or_refused(targets: Targets, data: bytes) -> None:
    count("dump")
    targets.all()["dump"](data)
    count("dump-bz2")
    targets.all()["dump-bz2"](bz2.compress(data))


@BOUNDED
@given(data=st.binary(max_size=400), where=st.integers(0, 10_000))
def test_authority_files_with_garbage_spliced_in_are_rejected_cleanly(
    targets: Targets, data: bytes, where: int
) -> None:
    for name, file in AUTHORITY_FILES.items():
        original = (targets.authority / file).read_bytes()
        cut = where % (len(original) + 1)
        count(name)
        targets.all()[name](original[:cut] + data + original[cut:])


# -- truncated files ---------------------------------------------------------------


def valid_inputs() -> dict[str, bytes]:
    page = dump_page("Chile–Japan relations", wikitext_article("Chile", "Japan", 1), 1)
    dump = (DUMP_HEADER + page + "</mediawiki>\n").encode()
    return {
        "outline": ARTICLE.encode(),
        "wikitext": wikitext_article("Chile", "Japan", 1).encode(),
        "wikitext-json": json.dumps(wikitext_article("Chile", "Japan", 1)).encode(),
        "dump": dump,
        "dump-bz2": bz2.compress(dump),
    }


@BOUNDED
@given(fraction=st.floats(0, 1))
def test_truncated_files_are_read_or_refused(targets: Targets, fraction: float) -> None:
    inputs = valid_inputs()
    for name, file in AUTHORITY_FILES.items():
        inputs[name] = (targets.authority / file).read_bytes()
    for name, data in inputs.items():
        count(name)
        targets.all()[name](data[: int(len(data) * fraction)])


# -- depth and size --------------------------------------------------------------

NESTED = {
    "templates": "{{a|" * 5000 + "x" + "}}" * 5000,
    "unclosed templates": "{{a|" * 50_000,
    "parameters": "{{{" * 5000 + "}}}" * 5000,
    "tables": "{|\n|a\n" * 3000 + "|}\n" * 3000,
    "links": "[[" * 20_000 + "x" + "]]" * 20_000,
    "tags": "<div>" * 5000 + "x" + "</div>" * 5000,
    "references": "<ref>" * 5000 + "x" + "</ref>" * 5000,
    "lists": "\n".join("*" * i + "x" for i in range(1, 1500)),
    "definition lists": ";a:b\n" * 150_000,
    "comments": "<!--" * 50_000,
    "template arguments": "{{a" + "|x=1" * 150_000 + "}}",
}


@pytest.mark.parametrize("shape", sorted(NESTED))
def test_deep_or_dense_wikitext_is_read_or_refused_in_bounded_time(
    targets: Targets, shape: str
) -> None:
    text = NESTED[shape]
    started = time.monotonic()
    for name in ("wikitext", "wikitext-json"):
        data = json.dumps(text).encode() if name == "wikitext-json" else text.encode()
        count(name)
        targets.all()[name](data)
    assert time.monotonic() - started < 60, f"{shape} took {time.monotonic() - started:.0f} s"


def test_a_page_of_nothing_but_markup_is_refused_before_parsing(tmp_path: Path) -> None:
    path = tmp_path / "lists.wiki"
    path.write_text("*x\n" * (MAX_MARKUP // 2 + 1), encoding="utf-8")
    started = time.monotonic()
    with pytest.raises(UnreadableInput, match="too much markup") as refused:
        read_path(path)
    assert refused.value.source == str(path)
    assert time.monotonic() - started < 5


def test_json_nested_deeply_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "deep.json"
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    with pytest.raises(UnreadableInput) as refused:
        read_path(path)
    assert refused.value.source == str(path)


@pytest.mark.parametrize("suffix", [".txt", ".wiki"])
def test_a_five_megabyte_single_line_paragraph_is_read_in_bounded_sentences(
    tmp_path: Path, suffix: str
) -> None:
    path = tmp_path / f"paragraph{suffix}"
    words = "Chile and Japan signed a treaty in 1897 and " * 120_000
    path.write_text(words[: 5 * 1024 * 1024], encoding="utf-8")
    started = time.monotonic()
    document = read_path(path)
    assert time.monotonic() - started < 60
    check_document(document)
    assert max(len(s.span) for s in document.sentences) <= MAX_SENTENCE_CHARS
    assert len(document.sentences) > 5 * 1024 * 1024 // MAX_SENTENCE_CHARS


@pytest.mark.parametrize("suffix", [".txt", ".wiki", ".json"])
def test_a_file_over_the_size_limit_is_refused_unread(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"huge{suffix}"
    with path.open("wb") as out:  # sparse: no 50 MB written
        out.truncate(registry.MAX_FILE_BYTES + 1)
    with pytest.raises(UnreadableInput, match="too large") as refused:
        read_path(path)
    assert refused.value.source == str(path)


def test_an_authority_file_over_the_size_limit_is_rejected_unread(targets: Targets) -> None:
    path = targets.authority / "visits" / "data" / "huge.xml"
    with path.open("wb") as out:
        out.truncate(MAX_FILE_BYTES + 1)
    try:
        batch = open_dataset("visits", targets.authority / "visits").read(path)
    finally:
        path.unlink()
    assert batch.failed
    assert "too large" in batch.rejections[0].reason


# -- encodings -------------------------------------------------------------------

BAD_UTF8 = [b"\xff\xfe", b"Chile \xc3\x28 Japan", b"\xed\xa0\x80", b"\xf8\x88\x80\x80\x80", b"\x80"]


@pytest.mark.parametrize("data", BAD_UTF8)
@pytest.mark.parametrize("suffix", [".txt", ".wiki", ".json"])
def test_invalid_utf8_is_refused_naming_the_file_and_the_byte(
    tmp_path: Path, suffix: str, data: bytes
) -> None:
    path = tmp_path / f"bad{suffix}"
    path.write_bytes(b"Chile and Japan. " + data)
    with pytest.raises(UnreadableInput, match="not valid UTF-8") as refused:
        read_path(path)
    assert refused.value.source == str(path)
    assert "byte offset" in refused.value.problem


# -- XML: entities, external entities, DTDs ----------------------------------------------

PAGE = (
    "<page><title>Chile–Japan relations</title><ns>0</ns><id>1</id><revision><id>1</id>"
    "<text>{}</text></revision></page>"
)


def laughs(levels: int = 9) -> str:
    """The "billion laughs" DTD: each entity ten of the one before."""
    entities = '<!ENTITY lol0 "lol">' + "".join(
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, levels + 1)
    )
    return f"<!DOCTYPE mediawiki [{entities}]>"


def external(secret: Path) -> str:
    return f'<!DOCTYPE mediawiki [<!ENTITY x SYSTEM "file://{secret}">]>'


def hostile_documents(secret: Path, root: str, body: str) -> dict[str, bytes]:
    """Hostile variants of one XML document with root element ``root``."""
    laugh = f'<?xml version="1.0"?>\n{laughs()}\n<{root}>{body.format("&lol9;")}</{root}>'
    leak = f'<?xml version="1.0"?>\n{external(secret)}\n<{root}>{body.format("&x;")}</{root}>'
    param = (
        f'<?xml version="1.0"?>\n<!DOCTYPE {root} [<!ENTITY % p SYSTEM "file://{secret}">%p;]>'
        f"<{root}>{body.format('x')}</{root}>"
    )
    wide = leak.replace('version="1.0"', 'version="1.0" encoding="UTF-16"')
    return {
        "billion laughs": laugh.encode(),
        "external entity": leak.encode(),
        "parameter entity": param.encode(),
        "external entity in UTF-16": wide.encode("utf-16"),
        "billion laughs in UTF-16": laugh.replace(
            'version="1.0"', 'version="1.0" encoding="UTF-16"'
        ).encode("utf-16"),
        "external entity in UTF-16BE": wide.encode("utf-16-be"),
    }


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    path = tmp_path / "secret.txt"
    path.write_text("TOPSECRET-0xC0FFEE", encoding="utf-8")
    return path


def test_dumps_with_entities_are_refused(tmp_path: Path, secret: Path) -> None:
    header = DUMP_HEADER.replace('<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.11/" '
                                 'version="0.11">', "")  # fmt: skip
    cases = hostile_documents(secret, "mediawiki", header + PAGE)
    for name, data in cases.items():
        path = tmp_path / "hostile.xml"
        path.write_bytes(data)
        started = time.monotonic()
        errors: list[InputError] = []
        documents = []
        try:
            documents = list(read_documents(path, on_error=errors.append))
        except InputError as error:
            errors.append(error)
        assert time.monotonic() - started < 5, name
        assert documents == [], name
        assert errors and errors[0].source == str(path), name
        assert "TOPSECRET" not in str(errors[0]), name
        count("dump")


@pytest.mark.parametrize(
    ("dataset", "file", "root", "body"),
    [
        ("visits", "visits/data/1990.xml", "visits", "<visit><id>v1</id><visitor>{}</visitor>"
         "<from id='chile'>Chile</from><start-date>1990-01-01</start-date></visit>"),
        ("pocom", "pocom/missions-countries/chile.xml", "country-mission",
         "<territory-id>chile</territory-id><chiefs><chief><id>c1</id><person-id>{}</person-id>"
         "</chief></chiefs>"),
        ("rdcr", "rdcr/articles/chile.xml", "article", "<title>{}</title>"),
        ("travels", "travels/president-travels/example-president.xml", "trips",
         "<trip><id>t1</id><name>{}</name></trip>"),
    ],
)  # fmt: skip
def test_authority_files_with_entities_are_rejected(
    targets: Targets, secret: Path, dataset: str, file: str, root: str, body: str
) -> None:
    path = targets.authority / file
    original = path.read_bytes()
    try:
        for name, data in hostile_documents(secret, root, body).items():
            path.write_bytes(data)
            started = time.monotonic()
            batch = open_dataset(dataset, targets.authority / dataset).read(path)
            assert time.monotonic() - started < 5, name
            assert batch.failed, name
            assert batch.records == (), name
            assert batch.rejections[0].source == str(path), name
            assert "TOPSECRET" not in repr(batch), name
            count(dataset)
    finally:
        path.write_bytes(original)


# -- nothing half-written ----------------------------------------------------------


def test_an_ingest_of_good_and_hostile_files_stores_the_good_and_names_the_bad(
    tmp_path: Path, secret: Path
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "chile-japan.txt").write_text(ARTICLE, encoding="utf-8")
    (corpus / "Peru–Brazil relations.wiki").write_text(
        wikitext_article("Peru", "Brazil", 1), encoding="utf-8"
    )
    hostile = {
        "binary.txt": b"\x00\x01\x02" * 100,
        "latin1.txt": "Chile y Japón".encode("latin-1"),
        "empty.wiki": b"   \n",
        "deep.wiki": ("{{a|" * 500).encode(),
        "notjson.json": b'{"a": 1}',
        "truncated.xml": DUMP_HEADER.encode()[:200],
        "laughs.xml": hostile_documents(secret, "mediawiki", PAGE)["billion laughs"],
        "wide.xml": hostile_documents(secret, "mediawiki", PAGE)["external entity in UTF-16"],
    }
    for name, data in hostile.items():
        (corpus / name).write_bytes(data)
    db = tmp_path / "kb.sqlite"
    result = run("ingest", str(corpus), "--db", str(db))
    assert result.exit_code == 1, result.output
    for name in hostile:
        assert name in result.output, name
    assert consistency_problems(db) == []
    clean = tmp_path / "clean.sqlite"
    for name in hostile:
        (corpus / name).unlink()
    assert run("ingest", str(corpus), "--db", str(clean)).exit_code == 0
    assert (
        run("export", "--db", str(db)).stdout_bytes
        == run("export", "--db", str(clean)).stdout_bytes
    )


@pytest.mark.parametrize("page", ["<page></page>", "<page><ns>0</ns></page>"])
def test_a_dump_page_without_a_title_is_an_error_naming_the_file(tmp_path: Path, page: str) -> None:
    """Found by fuzzing: mwxml failed with AttributeError inside the page stream."""
    path = tmp_path / "untitled.xml"
    path.write_text(DUMP_HEADER + page + "</mediawiki>", encoding="utf-8")
    with pytest.raises(UnreadableInput, match="malformed <page>") as refused:
        list(read_documents(path))
    assert refused.value.source == str(path)
    db = tmp_path / "kb.sqlite"
    result = run("ingest", str(path), "--db", str(db))
    assert result.exit_code == 1 and "untitled.xml" in result.output, result.output
