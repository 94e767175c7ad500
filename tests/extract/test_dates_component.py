"""The `dates` pipeline component over a whole document."""

from pathlib import Path

from bilateral.extract.dates import DateSpan, DateTagger
from bilateral.extract.registry import default_pipeline
from bilateral.model.span import Span
from bilateral.readers.outline import read_outline
from bilateral.readers.registry import read_path

ARTICLE = """= Chile–Japan relations =

Chile and Japan opened relations in 1897. The following year a legation opened.

== Twentieth century ==
Relations broke in December 1941.

He left the following year.

;Missions opened in 1958
- Tokyo (Embassy), opened 1960
- Osaka (Consulate-General), opened in the 1990s
"""


def _dates() -> tuple[DateSpan, ...]:
    document = read_outline(ARTICLE, "chile-japan.txt")
    dates: tuple[DateSpan, ...] = DateTagger().run(document, {}).values["dates"]
    return dates


def test_it_declares_itself() -> None:
    tagger = DateTagger()
    assert (tagger.name, tagger.version) == ("dates", "1")
    assert tagger.requires == () and tagger.produces == ("dates",)


def test_it_runs_first_in_the_default_pipeline() -> None:
    assert default_pipeline().components[0].name == "dates"


def test_it_reads_paragraphs_headings_terms_and_bullet_items_in_order() -> None:
    assert [(d.text, d.edtf) for d in _dates()] == [
        ("1897", "1897"),
        ("following year", "1898"),
        ("Twentieth century", "19XX"),
        ("December 1941", "1941-12"),
        ("following year", ""),
        ("1958", "1958"),
        ("1960", "1960"),
        ("1990s", "199X"),
    ]


def test_each_paragraph_resolves_on_its_own() -> None:
    lonely = [d for d in _dates() if d.unanchored]
    assert [d.text for d in lonely] == ["following year"]


def test_offsets_are_in_plain_text_and_map_back_to_the_original() -> None:
    document = read_outline(ARTICLE, "chile-japan.txt")
    for span in DateTagger().run(document, {}).values["dates"]:
        assert document.plain[span.start : span.end] == span.text
        where = document.original(Span(span.start, span.end))
        assert document.text[where.start : where.end] == span.text


def test_wikitext_date_templates_are_tagged_and_map_back_to_the_template(tmp_path: Path) -> None:
    path = tmp_path / "a.wiki"
    path.write_text("Relations began on {{start date|1990|5|2}}.\n", encoding="utf-8")
    document = read_path(path)
    (span,) = DateTagger().run(document, {}).values["dates"]
    assert span.edtf == "1990-05-02"
    where = document.original(Span(span.start, span.end))
    assert document.text[where.start : where.end] == "{{start date|1990|5|2}}"
