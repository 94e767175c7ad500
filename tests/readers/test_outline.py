"""The outline reader on synthetic articles: one test per line shape and per ugly case."""

import pytest

from bilateral.errors import EmptyInput, UnreadableInput
from bilateral.model.document import BlockKind, Document
from bilateral.readers.outline import read_outline


def read(text: str) -> Document:
    return read_outline(text.encode("utf-8"), "test.txt")


def kinds(document: Document) -> list[str]:
    return [block.kind.value for block in document.blocks]


def test_first_line_title_becomes_the_title_and_root_section() -> None:
    document = read("= Chile–Japan relations =\n\nText.\n")
    assert document.title == "Chile–Japan relations"
    assert document.sections[0].title == "Chile–Japan relations"
    assert document.title_span is not None
    assert document.title_span.of(document.text) == "Chile–Japan relations"


@pytest.mark.parametrize(
    ("line", "level", "title"),
    [
        ("==History==", 2, "History"),
        ("== History ==", 2, "History"),
        ("=== Sub ===", 3, "Sub"),
        ("=== Uneven==", 3, "Uneven"),
        ("==== Deep ====   ", 4, "Deep"),
    ],
)
def test_heading_shapes_give_level_and_title(line: str, level: int, title: str) -> None:
    document = read(f"= T =\n{line}\nBody.\n")
    section = document.sections[1]
    assert (section.level, section.title) == (level, title)
    assert section.heading is not None and section.heading.of(document.text) == title


def test_sections_nest_by_level() -> None:
    document = read("= T =\n== A ==\n=== A1 ===\nx\n== B ==\ny\n")
    titles = {s.title: s for s in document.sections}
    assert titles["A1"].parent == document.sections.index(titles["A"])
    assert titles["B"].parent == 0
    assert titles["A"].span.end == titles["B"].span.start


def test_infobox_fields_up_to_blank_line_keep_every_key() -> None:
    text = "= A–B relations =\n\nInfobox\n- Filetype: svg\n- Envoy2: X Y\n- Map: m.png\n\nPara.\n"
    document = read(text)
    (infobox,) = [b for b in document.blocks if b.kind is BlockKind.INFOBOX]
    assert [(f.key, f.value) for f in infobox.fields] == [
        ("Filetype", "svg"),
        ("Envoy2", "X Y"),
        ("Map", "m.png"),
    ]
    field = infobox.fields[1]
    assert field.value_span.of(document.text) == "X Y"
    assert field.key_span.of(document.text) == "Envoy2"
    assert kinds(document) == ["infobox", "paragraph"]


def test_infobox_value_may_contain_colons() -> None:
    document = read("Infobox\n- Note: at 10:30, see: here\n")
    assert document.blocks[0].fields[0].value == "at 10:30, see: here"


def test_definition_term_and_its_bullets() -> None:
    document = read(";Missions of A in B\n- City (Embassy)\n- Town (Consulate)\n")
    term, bullets = document.blocks
    assert term.kind is BlockKind.TERM and term.span.of(document.text) == "Missions of A in B"
    assert bullets.kind is BlockKind.BULLETS
    assert [i.of(document.text) for i in bullets.items] == ["City (Embassy)", "Town (Consulate)"]


def test_each_paragraph_line_is_its_own_block() -> None:
    document = read("First line. Two sentences.\nSecond line.\n\nThird.\n")
    assert kinds(document) == ["paragraph", "paragraph", "paragraph"]
    assert [s.span.of(document.text) for s in document.sentences] == [
        "First line.",
        "Two sentences.",
        "Second line.",
        "Third.",
    ]


def test_missing_title_leaves_title_empty_and_reads_the_rest() -> None:
    document = read("Just a paragraph.\n== Section ==\nMore.\n")
    assert document.title is None
    assert [s.title for s in document.sections[1:]] == ["Section"]


def test_missing_infobox_is_fine() -> None:
    document = read("= A–B relations =\nText only.\n")
    assert kinds(document) == ["paragraph"]


def test_heading_with_no_body() -> None:
    document = read("= T =\n== Empty ==\n== Next ==\nText.\n")
    assert [s.title for s in document.sections] == ["T", "Empty", "Next"]
    assert document.blocks[0].section == 2


def test_trailing_spaces_are_not_part_of_values_or_paragraphs() -> None:
    document = read("Infobox\n- Envoy1: Ana Rojas   \n\nA paragraph.   \n")
    assert document.blocks[0].fields[0].value == "Ana Rojas"
    assert document.blocks[1].span.of(document.text) == "A paragraph."


def test_windows_line_endings_keep_offsets_into_the_original() -> None:
    raw = "= A–B relations =\r\n\r\nInfobox\r\n- Envoy1: Ana\r\n\r\nOne. Two.\r\n"
    document = read_outline(raw.encode("utf-8"), "crlf.txt")
    assert document.text == raw
    assert document.title == "A–B relations"
    assert document.blocks[0].fields[0].value == "Ana"
    assert [s.span.of(document.text) for s in document.sentences] == ["One.", "Two."]


def test_byte_order_mark_is_kept_in_text_and_ignored_by_structure() -> None:
    raw = "\ufeff= A–B relations =\nText.\n"
    document = read_outline(raw.encode("utf-8"), "bom.txt")
    assert document.text.startswith("\ufeff")
    assert document.title == "A–B relations"
    assert document.title_span is not None and document.title_span.start == 3


def test_non_breaking_spaces_and_curly_quotes_are_folded_in_the_plain_copy_only() -> None:
    raw = "= A–B relations =\nThe\u00a0envoy’s “visit” ended.\n"
    document = read(raw)
    assert document.text == raw
    assert 'The envoy\'s "visit" ended.' in document.plain
    assert len(document.plain) == len(document.text)


def test_very_long_paragraph_is_one_block() -> None:
    line = "Word " * 50_000 + "end."
    document = read(f"= T =\n{line}\n")
    assert kinds(document) == ["paragraph"]
    assert document.blocks[0].span.of(document.text) == line.strip()


def test_document_id_is_stable_and_depends_on_content_and_name() -> None:
    a = read_outline(b"Text.", "x/a.txt", "a.txt")
    again = read_outline(b"Text.", "elsewhere/a.txt", "a.txt")
    changed = read_outline(b"Text!", "x/a.txt", "a.txt")
    renamed = read_outline(b"Text.", "x/b.txt", "b.txt")
    assert a.id == again.id
    assert len({a.id, changed.id, renamed.id}) == 3


def test_blocks_know_their_section_path() -> None:
    document = read("= T =\n== A ==\n=== B ===\nText.\n")
    assert document.section_titles(document.blocks[0]) == ("A", "B")


@pytest.mark.parametrize(
    ("data", "error", "message"),
    [
        (b"", EmptyInput, "is empty"),
        (b"  \n\t\n", EmptyInput, "is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", UnreadableInput, "binary"),
        (b"caf\xe9 au lait", UnreadableInput, "not valid UTF-8"),
    ],
)
def test_bad_bytes_raise_one_clear_error(data: bytes, error: type, message: str) -> None:
    with pytest.raises(error, match=message) as raised:
        read_outline(data, "bad.txt")
    assert "bad.txt" in str(raised.value)
