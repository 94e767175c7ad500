import pytest

from bilateral.model.sentences import split_sentences


def sentences(text: str) -> list[str]:
    return [span.of(text) for span in split_sentences(text)]


def test_splits_on_full_stops_followed_by_capitals() -> None:
    assert sentences("Talks began. They ended.") == ["Talks began.", "They ended."]


@pytest.mark.parametrize(
    "text",
    [
        "The U.S. government objected to the plan.",
        "The embassy in Washington, D.C. moved in 1990.",
        "J.C. Pickett was appointed that year.",
        "Gen. Smith arrived with Martin Luther King Jr. on Monday.",
        "The treaty was signed in Jan. 1838 at the capital.",
        "Gallup, Inc. polls showed support.",
    ],
)
def test_abbreviations_and_initials_do_not_end_sentences(text: str) -> None:
    assert sentences(text) == [text]


def test_acronym_at_the_end_of_a_sentence_still_ends_it() -> None:
    assert sentences("Aid came from the U.S. The talks resumed.") == [
        "Aid came from the U.S.",
        "The talks resumed.",
    ]


def test_closing_quote_stays_with_its_sentence() -> None:
    text = 'He said "it was over." Then he left.'
    assert sentences(text) == ['He said "it was over."', "Then he left."]


def test_ellipsis_inside_quote_then_new_sentence() -> None:
    text = 'She called it "the end of an era..." He disagreed.'
    assert sentences(text) == ['She called it "the end of an era..."', "He disagreed."]


def test_lower_case_after_full_stop_is_not_a_boundary() -> None:
    assert sentences("The approx. figure was low.") == ["The approx. figure was low."]


def test_offsets_point_into_the_text() -> None:
    text = "  One. Two.  "
    spans = split_sentences(text)
    assert [(s.start, s.end) for s in spans] == [(2, 6), (7, 11)]


def test_question_and_exclamation_marks_end_sentences() -> None:
    assert sentences("Why now? Nobody knew! It passed.") == [
        "Why now?",
        "Nobody knew!",
        "It passed.",
    ]
