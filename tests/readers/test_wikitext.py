"""The wikitext reader on small snippets written for these tests: one construct per test."""

import re

import pytest

from bilateral.errors import EmptyInput, UnreadableInput
from bilateral.model.document import BlockKind, Document, LinkKind
from bilateral.model.span import Span
from bilateral.readers import wikitext
from bilateral.readers.wikitext import read_wikitext, read_wikitext_json
from bilateral.readers.wikitext.reader import read_wikitext_text


def read(text: str, title: str | None = "Chile–Japan relations") -> Document:
    return read_wikitext_text(text, "test.wiki", "test.wiki", title)


def kinds(document: Document) -> list[str]:
    return [block.kind.value for block in document.blocks]


def texts(document: Document, spans: tuple[Span, ...] | list[Span]) -> list[str]:
    return [document.slice(span) for span in spans]


def source_of(document: Document, span: Span) -> str:
    return document.original(span).of(document.text)


MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August"}
MONTHS |= {"September", "October", "November", "December"}


def assert_maps_back(document: Document, span: Span) -> None:
    """The wikitext a plain span came from holds every word of the plain text.

    Month names spelt out from numeric date templates are the one exception:
    they map to the template that holds the number.
    """
    source = source_of(document, span)
    for word in re.findall(r"\w+", document.slice(span)):
        assert word in source or (word in MONTHS and "{{" in source), (word, source)


# -- paragraphs, sections, sentences ------------------------------------------------


def test_text_is_kept_exactly_and_plain_drops_the_markup() -> None:
    raw = "The '''Chile–Japan''' ''relations'' began in 1897.\n"
    document = read(raw)
    assert document.text == raw
    assert document.format == "wikitext"
    assert document.slice(document.blocks[0].span) == "The Chile–Japan relations began in 1897."


def test_consecutive_lines_make_one_paragraph_and_a_blank_line_ends_it() -> None:
    document = read("First line\ngoes on. Second sentence.\n\nNew paragraph.\n")
    assert kinds(document) == ["paragraph", "paragraph"]
    assert texts(document, [s.span for s in document.sentences]) == [
        "First line goes on.",
        "Second sentence.",
        "New paragraph.",
    ]


def test_headings_make_nested_sections_with_spans_back_into_the_wikitext() -> None:
    document = read("Lead.\n== History ==\nOld.\n=== Early ===\nOlder.\n==Missions==\nNow.\n")
    titles = [(s.title, s.level, s.parent) for s in document.sections]
    assert titles == [
        ("Chile–Japan relations", 1, None),
        ("History", 2, 0),
        ("Early", 3, 1),
        ("Missions", 2, 0),
    ]
    history = document.sections[1]
    assert history.heading is not None and source_of(document, history.heading) == "History"
    assert document.section_titles(document.blocks[2]) == ("History", "Early")
    assert history.span.contains(document.sections[2].span)


def test_without_a_title_the_root_section_has_an_empty_title() -> None:
    document = read("Text.\n", title=None)
    assert document.title is None and document.sections[0].title == ""


def test_comments_switches_and_stray_quotes_are_dropped() -> None:
    document = read("A<!-- hidden -->B __NOTOC__ c'''d\n")
    assert document.slice(document.blocks[0].span) == "AB  cd"


def test_line_breaks_become_spaces_and_entities_are_decoded() -> None:
    document = read("One<br />two&nbsp;three &amp; four&ndash;five\n")
    assert document.slice(document.blocks[0].span) == "One two three & four–five"


def test_a_decoded_entity_maps_to_the_whole_entity() -> None:
    document = read("a&nbsp;b\n")
    assert document.plain.index(" ") == 1
    assert source_of(document, Span(1, 2)) == "&nbsp;"
    assert source_of(document, Span(0, 3)) == "a&nbsp;b"


# -- lists and terms ---------------------------------------------------------------


def test_bullet_and_numbered_items_are_one_list_and_each_a_sentence() -> None:
    document = read("* Tokyo (Embassy)\n** Osaka (Consulate)\n# Kobe\n\nAfter.\n")
    assert kinds(document) == ["bullets", "paragraph"]
    items = document.blocks[0].items
    assert texts(document, items) == ["Tokyo (Embassy)", "Osaka (Consulate)", "Kobe"]
    assert [s.span for s in document.sentences_in(0)] == list(items)


def test_definition_term_heads_the_list_that_follows() -> None:
    document = read(";Diplomatic missions of Chile in Japan\n* Tokyo (Embassy)\n")
    term, bullets = document.blocks
    assert term.kind is BlockKind.TERM
    assert document.slice(term.span) == "Diplomatic missions of Chile in Japan"
    assert bullets.kind is BlockKind.BULLETS
    assert document.sentences[0].span == term.span


def test_term_and_definition_on_one_line() -> None:
    document = read(";Capital : Santiago\n")
    assert kinds(document) == ["term", "paragraph"]
    assert texts(document, [b.span for b in document.blocks]) == ["Capital", "Santiago"]


def test_empty_items_are_left_out() -> None:
    document = read("* {{Cite web|title=x}}\n* Real item\n")
    assert texts(document, document.blocks[0].items) == ["Real item"]


# -- links ---------------------------------------------------------------------------


def test_wikilinks_show_their_label_and_keep_their_target() -> None:
    document = read("Talks in [[Tokyo]] and [[Santiago de Chile|Santiago]].\n")
    assert document.slice(document.blocks[0].span) == "Talks in Tokyo and Santiago."
    tokyo, santiago = document.links
    assert (tokyo.target, document.slice(tokyo.span)) == ("Tokyo", "Tokyo")
    assert (santiago.target, document.slice(santiago.span)) == ("Santiago de Chile", "Santiago")
    assert santiago.source.of(document.text) == "[[Santiago de Chile|Santiago]]"
    assert santiago.kind is LinkKind.WIKI


def test_a_span_ending_on_a_link_label_quotes_the_whole_link() -> None:
    document = read("Talks in [[Santiago de Chile|Santiago]].\n")
    (link,) = document.links
    assert source_of(document, link.span) == "[[Santiago de Chile|Santiago]]"


def test_files_images_and_categories_are_dropped_with_their_captions() -> None:
    document = read(
        "[[File:Flag.svg|thumb|A [[flag]]]]Text [[Image:x.png]]here.[[Category:Relations]]\n"
    )
    assert document.slice(document.blocks[0].span) == "Text here."
    assert document.links == ()


def test_external_links_show_their_label_only() -> None:
    document = read("See [http://example.org the report] and [http://example.org/2].\n")
    assert document.slice(document.blocks[0].span) == "See the report and ."
    assert [(link.kind, link.target) for link in document.links] == [
        (LinkKind.EXTERNAL, "http://example.org"),
        (LinkKind.EXTERNAL, "http://example.org/2"),
    ]


# -- templates -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("template", "shown"),
    [
        ("{{flag|Peru}}", "Peru"),
        ("{{flagu|Peru }}", "Peru"),
        ("{{flagcountry|Peru}}", "Peru"),
        ("{{flag|Peru|name=Republic of Peru}}", "Republic of Peru"),
        ("{{#invoke:flag||Peru}}", "Peru"),
    ],
)
def test_flag_templates_show_the_country_and_note_a_flag_link(template: str, shown: str) -> None:
    document = read(f"Partner: {template} here.\n")
    assert document.slice(document.blocks[0].span) == f"Partner: {shown} here."
    (link,) = document.links
    assert link.kind is LinkKind.FLAG and link.target == "Peru"
    assert document.slice(link.span) == shown
    assert source_of(document, link.span) == template


def test_flagicon_shows_nothing_but_notes_the_country() -> None:
    document = read("{{flagicon|Chile}} [[Chile]] and {{flagdeco|Peru}}Peru.\n")
    assert document.slice(document.blocks[0].span) == "Chile and Peru."
    flags = [link for link in document.links if link.kind is LinkKind.FLAG]
    assert [link.target for link in flags] == ["Chile", "Peru"]
    assert all(len(link.span) == 0 for link in flags)


def test_country_code_templates_show_their_code() -> None:
    document = read("Won by {{PER}}.\n")
    assert document.slice(document.blocks[0].span) == "Won by PER."
    assert document.links[0].target == "PER"


@pytest.mark.parametrize(
    ("template", "shown"),
    [
        ("{{dts|6 July 1822}}", "6 July 1822"),
        ("{{DTS|1822}}", "1822"),
        ("{{dts|1822|7|6}}", "July 6, 1822"),
        ("{{dts|1822|July|6|format=dmy}}", "6 July 1822"),
        ("{{dts|1822|7}}", "July 1822"),
        ("{{dts|1822|7|6|format=my}}", "July 1822"),
        ("{{dts|1822|7|6|abbr=on}}", "Jul 6, 1822"),
        ("{{date table sorting|2 March 1990}}", "2 March 1990"),
        ("{{#invoke:dts|main|9 December 1960}}", "9 December 1960"),
        ("{{start date|1826|5|2|df=y}}", "2 May 1826"),
        ("{{Start date|1826|5|2|mf=y}}", "May 2, 1826"),
        ("{{start date|1826|5|2}}", "May 2, 1826"),
        ("{{start date|1826|5}}", "May 1826"),
        ("{{start date|1826}}", "1826"),
        ("{{start date and age|1999|12|31|df=yes}}", "31 December 1999"),
    ],
)
def test_date_templates_become_english_dates(template: str, shown: str) -> None:
    document = read(f"Since {template}.\n")
    assert document.slice(document.blocks[0].span) == f"Since {shown}."
    date = Span(6, 6 + len(shown))
    assert source_of(document, date) == template


def test_a_made_up_date_maps_to_the_whole_template_from_any_of_its_characters() -> None:
    document = read("On {{dts|1822|7|6}}.\n")
    assert source_of(document, Span(3, 4)) == "{{dts|1822|7|6}}"


def test_main_and_see_also_are_dropped_from_text_but_kept_as_links() -> None:
    document = read(
        "{{Main|Chile–Japan relations}}\nText.{{See also|Foreign relations of Chile|Japan}}\n"
    )
    assert kinds(document) == ["paragraph"]
    assert document.slice(document.blocks[0].span) == "Text."
    assert [(link.kind, link.target) for link in document.links] == [
        (LinkKind.MAIN, "Chile–Japan relations"),
        (LinkKind.SEE_ALSO, "Foreign relations of Chile"),
        (LinkKind.SEE_ALSO, "Japan"),
    ]


@pytest.mark.parametrize(
    ("template", "shown"),
    [
        ("{{convert|932|km|mi}}", "932 km"),
        ("{{convert|6|to(-)|12|nmi|0|lk=in}}", "6 to 12 nmi"),
        ("{{convert|5|-|7|km}}", "5–7 km"),
        ("{{lang|es|Relaciones Exteriores}}", "Relaciones Exteriores"),
        ("{{lang-es|Cancillería}}", "Cancillería"),
        ("{{nowrap|[[Lima]] city}}", "Lima city"),
        ("{{small|(2018)}}", "(2018)"),
        ("a{{nbsp}}b", "a b"),
        ("{{ndash}}", "–"),
        ("{{sort|Peru|Republic of Peru}}", "Republic of Peru"),
        ("{{ubl|Lima|Cusco}}", "Lima, Cusco"),
        ("{{yes}}", "Yes"),
        ("{{percentage bar|78|c=#80FF80}}", "78%"),
    ],
)
def test_templates_that_carry_text_render_it(template: str, shown: str) -> None:
    document = read(f"Value: {template} end\n")
    assert document.slice(document.blocks[0].span) == f"Value: {shown} end"


def test_unknown_templates_are_dropped_and_the_text_around_stays() -> None:
    document = read("Before {{Some unknown template|x=1|{{nested}}}} after.\n")
    assert document.slice(document.blocks[0].span) == "Before  after."


def test_a_line_of_invisible_templates_makes_no_block() -> None:
    document = read("{{Short description|none}}\n{{Use dmy dates}}\nText.\n")
    assert kinds(document) == ["paragraph"]


# -- references ------------------------------------------------------------------------


def test_references_are_not_in_plain_text_but_kept_as_citations() -> None:
    raw = (
        "Relations began in 1897.<ref>{{cite web|title=Archive}}</ref> "
        'Trade grew.<ref name="t">Trade report</ref> It grew again.<ref name="t" />\n'
    )
    document = read(raw)
    assert "cite" not in document.plain and "report" not in document.plain
    first, second, reuse = document.citations
    assert first.content == "{{cite web|title=Archive}}"
    assert first.source.of(document.text) == "<ref>{{cite web|title=Archive}}</ref>"
    assert [c.sentence for c in document.citations] == [0, 1, 2]
    assert (second.name, reuse.name) == ("t", "t")
    assert reuse.content == "Trade report"
    assert reuse.source.of(document.text) == '<ref name="t" />'


def test_a_citation_sits_at_the_end_of_the_text_it_follows() -> None:
    document = read("Peru joined the UN,<ref>UN</ref> and others followed.\n")
    (citation,) = document.citations
    assert document.plain[: citation.anchor].endswith("joined the UN,")
    assert document.citations_in(document.sentences[0].span) == (citation,)


def test_list_defined_references_fill_named_uses() -> None:
    document = read(
        'Fact.<ref name="a"/>\n== Notes ==\n<references>\n<ref name="a">The source</ref>\n'
        "</references>\n"
    )
    assert [c.content for c in document.citations] == ["The source"]


def test_footnote_templates_are_citations_too() -> None:
    document = read("Fact.{{efn|A note.}} Other.{{sfn|Bird|2008|p=4}}\n")
    assert document.slice(document.blocks[0].span) == "Fact. Other."
    assert [c.content for c in document.citations] == ["A note.", "{{sfn|Bird|2008|p=4}}"]
    assert [c.sentence for c in document.citations] == [0, 1]


# -- tables ----------------------------------------------------------------------------

TABLE = """{| class="wikitable sortable"
|+ Relations of Peru
! Country !! Began !! Notes
|-
| {{flag|Chile}} || {{dts|8 October 1822}}<ref>Treaty</ref> || style="text-align:left" | \
Chile has an embassy in [[Lima]].
* Peru has an embassy in [[Santiago]].
|- valign="top"
| {{flagicon|Japan}} [[Japan]]
| 21 August 1873
| Both countries established relations in 1873. They are close.
|}
"""


def table_of(document: Document) -> tuple[int, list[list[str]]]:
    ((index, block),) = document.blocks_of(BlockKind.TABLE)
    return index, [[document.slice(cell) for cell in row] for row in block.rows]


def test_table_rows_and_cells_with_header_inline_and_attribute_cells() -> None:
    document = read(TABLE)
    index, rows = table_of(document)
    assert rows == [
        ["Country", "Began", "Notes"],
        [
            "Chile",
            "8 October 1822",
            "Chile has an embassy in Lima.\nPeru has an embassy in Santiago.",
        ],
        [
            "Japan",
            "21 August 1873",
            "Both countries established relations in 1873. They are close.",
        ],
    ]
    assert document.blocks[index].header_rows == (0,)
    assert "Relations of Peru" not in document.plain
    assert "Treaty" not in document.plain


def test_table_items_are_the_row_spans() -> None:
    document = read(TABLE)
    index, _ = table_of(document)
    block = document.blocks[index]
    assert len(block.items) == len(block.rows)
    assert all(block.span.contains(item) for item in block.items)
    for item, row in zip(block.items, block.rows, strict=True):
        assert all(item.contains(cell) for cell in row)


def test_cell_text_makes_sentences_of_the_table_block_but_header_cells_do_not() -> None:
    document = read(TABLE)
    index, _ = table_of(document)
    sentences = [document.slice(s.span) for s in document.sentences_in(index)]
    assert "Country" not in sentences
    assert "Chile has an embassy in Lima." in sentences
    assert "Peru has an embassy in Santiago." in sentences
    assert "They are close." in sentences


def test_a_citation_in_a_cell_is_attached_to_that_cell() -> None:
    document = read(TABLE)
    (citation,) = document.citations
    assert citation.sentence is not None
    assert document.slice(document.sentences[citation.sentence].span) == "8 October 1822"


def test_rowspan_repeats_the_cell_in_the_rows_below() -> None:
    document = read(
        '{|\n! A !! B !! C\n|-\n| rowspan=2 | Brunei || x1 || rowspan="3" | 2006\n'
        "|-\n| x2\n|-\n| Chile || x3\n|}\n"
    )
    _, rows = table_of(document)
    assert rows == [
        ["A", "B", "C"],
        ["Brunei", "x1", "2006"],
        ["Brunei", "x2", "2006"],
        ["Chile", "x3", "2006"],
    ]


def test_colspan_repeats_the_cell_across_its_columns() -> None:
    document = read('{|\n! colspan="2" | Pair !! Date\n|-\n| a || b || c\n|}\n')
    index, rows = table_of(document)
    assert rows == [["Pair", "Pair", "Date"], ["a", "b", "c"]]
    first = document.blocks[index].rows[0]
    assert first[0] == first[1]


def test_rowspan_and_colspan_values_that_are_not_numbers_count_as_one() -> None:
    document = read('{|\n| rowspan=x colspan="" | a || b\n|-\n| c\n|}\n')
    _, rows = table_of(document)
    assert rows == [["a", "b"], ["c"]]


def test_html_tables_are_tables_too() -> None:
    document = read("<table><tr><th>Country</th></tr><tr><td>{{flag|Peru}}</td></tr></table>\n")
    index, rows = table_of(document)
    assert rows == [["Country"], ["Peru"]]
    assert document.blocks[index].header_rows == (0,)


def test_a_table_inside_a_cell_joins_that_cell() -> None:
    document = read("{|\n| outer\n{|\n| inner one || inner two\n|}\n| next\n|}\n")
    _, rows = table_of(document)
    assert len(rows) == 1
    assert rows[0][0].split() == ["outer", "inner", "one", "inner", "two"]
    assert rows[0][1] == "next"


def test_every_cell_maps_back_to_its_wikitext() -> None:
    document = read(TABLE)
    index, _ = table_of(document)
    for row in document.blocks[index].rows:
        for cell in row:
            assert_maps_back(document, cell)


# -- infoboxes -------------------------------------------------------------------------

INFOBOX = """{{Infobox bilateral relations
| filetype = svg
| map      = Chile Japan Locator.svg
| country1 = Chile
| country2 = Japan
| mission1 = Embassy of Chile, Tokyo
| mission2 = [[Embassy of Japan, Santiago]]
| envoytitle1 = Chilean Ambassador to Japan
| envoy1   = [[Ana Rojas]]<ref>Ministry</ref>
| envoytitle2 = Japanese Ambassador to Chile
| envoy2   = Kenji Sato
| envoy3   =
| Fake positional
}}
"""


def test_infobox_parameters_become_fields_with_plain_values() -> None:
    document = read(INFOBOX + "Chile and Japan opened relations in 1897.\n")
    assert kinds(document) == ["infobox", "paragraph"]
    fields = {f.key: f.value for f in document.blocks[0].fields}
    assert fields["envoy1"] == "Ana Rojas"
    assert fields["mission2"] == "Embassy of Japan, Santiago"
    assert "envoy3" not in fields
    assert len(fields) == 10
    assert document.slice(document.blocks[1].span) == "Chile and Japan opened relations in 1897."


def test_infobox_field_spans_are_in_plain_and_map_back() -> None:
    document = read(INFOBOX)
    for field in document.blocks[0].fields:
        assert document.slice(field.key_span) == field.key
        assert document.slice(field.value_span) == field.value
        assert source_of(document, field.key_span) == field.key
        assert_maps_back(document, field.value_span)
    envoy = next(f for f in document.blocks[0].fields if f.key == "envoy1")
    assert source_of(document, envoy.value_span) == "[[Ana Rojas]]"


def test_infobox_text_stays_out_of_paragraph_sentences() -> None:
    document = read(INFOBOX + "Text.\n")
    assert [document.slice(s.span) for s in document.sentences] == ["Text."]


def test_a_non_bilateral_infobox_is_an_infobox_too() -> None:
    document = read("{{Infobox country\n| capital = [[Lima]]\n}}\n")
    assert document.blocks[0].kind is BlockKind.INFOBOX
    assert document.blocks[0].fields[0].value == "Lima"


# -- offsets -------------------------------------------------------------------------

ARTICLE = (
    INFOBOX
    + """
'''Chile–Japan relations''' are the [[diplomatic relations]] between {{flag|Chile}} and
{{flagcountry|Japan}}, established on {{start date|1897|9|25|df=y}}.<ref>Ref</ref>

== Missions ==
{{Main|Embassy of Chile, Tokyo}}
;Diplomatic missions of Chile in Japan
* [[Tokyo]] (Embassy)
* {{nowrap|Osaka}} (Consulate-General)

"""
    + TABLE
)


def test_every_span_maps_back_to_wikitext_holding_its_words() -> None:
    document = read(ARTICLE)
    spans = [b.span for b in document.blocks] + [s.span for s in document.sentences]
    spans += [i for b in document.blocks for i in b.items]
    spans += [f.value_span for b in document.blocks for f in b.fields]
    spans += [s.heading for s in document.sections if s.heading is not None]
    for span in spans:
        assert_maps_back(document, span)


def test_original_spans_stay_ordered_and_inside_the_text() -> None:
    document = read(ARTICLE)
    for start in range(len(document.plain)):
        original = document.original(Span(start, len(document.plain)))
        assert 0 <= original.start < original.end <= len(document.text)


# -- files and limits ------------------------------------------------------------------


def test_a_wiki_file_is_titled_by_its_name() -> None:
    document = read_wikitext(b"Text.", "dir/Chile–Japan relations.wiki")
    assert document.title == "Chile–Japan relations"
    assert document.name == "Chile–Japan relations.wiki"


def test_json_holds_one_string_whose_decoded_text_is_the_document_text() -> None:
    raw = '"Chile\\u2013Japan ties.\\n== History ==\\nOld."'
    document = read_wikitext_json(raw.encode(), "x/Foreign relations of Chile.json")
    assert document.text == "Chile–Japan ties.\n== History ==\nOld."
    assert document.title == "Foreign relations of Chile"
    assert source_of(document, document.sentences[0].span) == "Chile–Japan ties."


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b'"unclosed', "not valid JSON"),
        (b"{'a': 1}", "not valid JSON"),
        (b'["a", "b"]', "holds JSON list, not a string"),
        (b'{"text": "x"}', "holds JSON dict, not a string"),
        (b"null", "holds JSON null, not a string"),
        (b"12", "holds JSON int, not a string"),
        (b"[" * 100_000 + b"]" * 100_000, "JSON"),
    ],
)
def test_bad_json_is_one_clear_error_naming_the_file(data: bytes, message: str) -> None:
    with pytest.raises(UnreadableInput, match=message) as raised:
        read_wikitext_json(data, "bad.json")
    assert "bad.json" in str(raised.value)


@pytest.mark.parametrize("data", [b'""', b'"  \\n "'])
def test_json_with_an_empty_string_is_empty_input(data: bytes) -> None:
    with pytest.raises(EmptyInput):
        read_wikitext_json(data, "empty.json")


def test_too_large_input_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(wikitext, "MAX_BYTES", 10)
    with pytest.raises(UnreadableInput, match="too large") as raised:
        read_wikitext(b"More than ten bytes of text.", "big.wiki")
    assert "big.wiki" in str(raised.value)


def test_templates_nested_too_deep_are_refused_not_crashed_on() -> None:
    deep = "{{a|" * 150 + "x" + "}}" * 150
    with pytest.raises(UnreadableInput, match="nests templates 150 deep"):
        read(deep)


def test_templates_nested_within_the_limit_are_read() -> None:
    document = read("Text " + "{{a|" * 90 + "x" + "}}" * 90 + " end.\n")
    assert document.slice(document.blocks[0].span).startswith("Text")


def test_invalid_utf8_is_refused() -> None:
    with pytest.raises(UnreadableInput, match="not valid UTF-8"):
        read_wikitext(b"caf\xe9", "bad.wiki")
