"""The date tagger's word lists load and hold what the rules expect."""

from fractions import Fraction

from bilateral.extract.dates.grammar import grammar
from bilateral.extract.dates.lexicon import lexicon


def test_every_month_has_a_number_from_1_to_12() -> None:
    months = lexicon().months
    assert sorted(set(months.values())) == list(range(1, 13))
    assert months["Sept."] == 9 and months["May"] == 5


def test_ordinals_run_from_first_to_thirty_first() -> None:
    assert sorted(lexicon().ordinals.values()) == list(range(1, 32))


def test_parts_are_fractions_of_a_period() -> None:
    for start, end in lexicon().parts.values():
        assert Fraction(0) <= start < end <= Fraction(1)


def test_relative_meanings_are_known() -> None:
    meanings = {"+1", "-1", "+n", "-n", "+few", "-few", "0", "since", "after"}
    for template, meaning in lexicon().relative:
        assert meaning in meanings, template


def test_relative_templates_use_only_known_slots() -> None:
    slots = {"{unit}", "{units}", "{any}", "{n}", "{few}", "{end}"}
    for template, _ in lexicon().relative:
        used = {part[: part.index("}") + 1] for part in template.split("{")[1:]}
        used = {"{" + s for s in used}
        assert used <= slots, template


def test_counts_read_words_and_digits() -> None:
    lex = lexicon()
    assert lex.count("two") == 2 and lex.count("twenty-five") == 25 and lex.count("48") == 48
    assert lex.count("several") is None


def test_the_grammar_compiles_once() -> None:
    assert grammar() is grammar()
