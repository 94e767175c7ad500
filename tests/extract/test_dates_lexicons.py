"""The date tagger's word lists load and hold what the rules expect."""

from bilateral.extract.dates.grammar import grammar
from bilateral.extract.dates.lexicon import lexicon


def test_every_month_has_a_number_from_1_to_12() -> None:
    months = lexicon().months
    assert sorted(set(months.values())) == list(range(1, 13))
    assert months["Sept."] == 9 and months["May"] == 5


def test_ordinals_run_from_first_to_thirty_first() -> None:
    assert sorted(lexicon().ordinals.values()) == list(range(1, 32))


def test_every_part_covers_units_of_every_period() -> None:
    lex = lexicon()
    units = {"decade": (0, 9), "century": (0, 99), "year": (1, 12), "month": (1, 31)}
    units["season"] = (1, 3)
    for part in set(lex.parts.values()):
        for period, (low, high) in units.items():
            first, last = lex.slice(part, period)
            assert low <= first <= last <= high, (part, period)


def test_parts_follow_the_decade_rule() -> None:
    lex = lexicon()
    assert [lex.slice(p, "decade") for p in ("early", "mid", "late")] == [(0, 3), (4, 6), (5, 9)]
    assert [lex.slice(p, "century") for p in ("early", "mid", "late")] == [
        (0, 39),
        (40, 69),
        (50, 99),
    ]
    assert [lex.slice(p, "year") for p in ("early", "mid", "late")] == [(1, 4), (5, 8), (9, 12)]
    assert [lex.slice(p, "month") for p in ("early", "mid", "late")] == [
        (1, 10),
        (11, 20),
        (21, 31),
    ]
    assert lex.slice(lex.part("end of"), "year") == (12, 12)


def test_relative_meanings_are_known() -> None:
    meanings = {"+1", "-1", "+n", "-n", "+few", "-few", "0", "since", "after"}
    for template, meaning in lexicon().relative:
        assert meaning in meanings, template


def test_only_definite_shifts_are_listed() -> None:
    """Vague or open-ended phrases ("several years later", "since then") are no dates."""
    for template, meaning in lexicon().relative:
        assert meaning not in ("+few", "-few", "since", "after"), template


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
