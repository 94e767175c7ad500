"""Name matching: the same person across spellings, never two people by surname alone."""

import pytest

from bilateral.reconcile.names import STRONG, WEAK, looks_like_person, nicknames, score, words


@pytest.mark.parametrize(
    ("claim", "record"),
    [
        ("J.C. Pickett", "James Chamberlayne Pickett"),
        ("William E. Gonzales", "William Elliott Gonzales"),
        ("Joaquin José de Osma", "Joaquín José de Osma"),
        ("Pickett, James Chamberlayne", "J. C. Pickett"),
        ("President Ada Marlow", "Ada Marlow"),
        ("Frank V. Ortiz Jr.", "Francis Vincent Ortiz Jr."),
        ("Henry A. (Heinz Alfred) Kissinger", "Henry Kissinger"),
    ],
)
def test_initials_accents_middle_names_particles_and_suffixes_survive(
    claim: str, record: str
) -> None:
    assert score(claim, record) >= STRONG


def test_identical_names_score_one() -> None:
    assert score("Ada Marlow", "ADA MARLOW") == 1.0


def test_initials_score_below_full_names() -> None:
    assert score("J.C. Pickett", "James Chamberlayne Pickett") < 1.0


def test_a_nickname_matches_its_formal_name() -> None:
    assert score("Joe Biden", "Joseph R. Biden") >= STRONG
    assert score("Bill Okafor", "William Okafor") >= STRONG


def test_a_missing_second_surname_still_matches_but_scores_lower() -> None:
    value = score("Dina Boluarte", "Dina Boluarte Zegarra")
    assert STRONG <= value < score("Dina Boluarte Zegarra", "Dina Boluarte Zegarra")


def test_a_person_known_by_the_middle_name_matches() -> None:
    assert score("Prentice Cooper", "William Prentice Cooper Jr.") >= STRONG


def test_the_same_surname_with_other_given_names_never_matches() -> None:
    assert score("James Cooley", "John Cooley") == 0.0
    assert score("J. Cooley", "Samuel Cooley") == 0.0


def test_different_middle_names_are_different_people() -> None:
    assert score("George W. Bush", "George H. W. Bush") == 0.0
    assert score("John Alexander Bryan", "John Adams Bryan") == 0.0


def test_a_shared_word_in_another_position_is_not_a_surname_match() -> None:
    assert score("John Randolph Clay", "Henry Clay Howard") == 0.0


def test_different_second_surnames_do_not_match() -> None:
    assert score("Alan García Pérez", "Alan García Gómez") == 0.0


def test_a_surname_alone_is_only_a_weak_match() -> None:
    assert WEAK <= score("Prado", "Manuel Prado") < STRONG
    assert WEAK <= score("Bush", "Bush") < STRONG


def test_a_first_name_alone_never_matches() -> None:
    assert score("Dina", "Dina Boluarte") == 0.0


def test_words_split_initials_and_drop_particles_and_suffixes() -> None:
    assert [(w.text, w.initial) for w in words("J.C. de la Vega Jr.")] == [
        ("j", True),
        ("c", True),
        ("vega", False),
    ]


def test_people_are_told_apart_from_state_and_organisation_ids() -> None:
    assert looks_like_person("Fernando Belaunde Terry")
    assert not looks_like_person("PE")
    assert not looks_like_person("peru-bolivian-confederation")
    assert not looks_like_person("SIX-PARTY-TALKS")


def test_the_nickname_lexicon_loads_and_is_symmetric() -> None:
    table = nicknames()
    assert "joe" in table["joseph"] and "joseph" in table["joe"]
    for name, group in table.items():
        assert name in group
        assert all(table[other] == group for other in group)
