from bilateral.extract.triggers import find_triggers
from bilateral.model.span import Span


def triggers(sentence: str) -> list[tuple[str, str, str | None]]:
    found = find_triggers(sentence, Span(0, len(sentence)))
    return [(sentence[t.span.start : t.span.end], t.type, t.mode) for t in found]


def test_diplomatic_acts_are_typed_with_their_mode() -> None:
    assert triggers("Chile recalled its ambassador from Japan.") == [
        ("recalled", "SANCTION", "recall-envoy")
    ]
    assert triggers("Japan recognized Chile in 1850.") == [("recognized", "COOPERATE", "recognize")]


def test_negated_happenings_are_not_triggers() -> None:
    assert triggers("The envoy promoted trade instead of assisting the rebels.") == []


def test_refusal_is_a_rejection_not_a_recognition() -> None:
    assert triggers("Chile refused to recognize the new state.") == [
        ("refused to recognize", "REJECT", None)
    ]


def test_not_until_still_happened() -> None:
    assert triggers("He did not present his credentials until May 1840.") == [
        ("present his credentials", "COOPERATE", "present-credentials")
    ]


def test_hypothetical_acts_are_left_out() -> None:
    assert triggers("The pact obliges them to help each other in case of attack.") == []


def test_habitual_statistics_are_not_events() -> None:
    assert triggers("About 5,000 tourists visit Chile annually.") == []


def test_the_content_of_a_demand_is_not_a_second_happening() -> None:
    assert [t[1] for t in triggers("Chile called for the withdrawal of troops.")] == ["REQUEST"]


def test_a_coordinated_second_act_is_kept() -> None:
    found = triggers("Japan condemned the coup and welcomed the new cabinet.")
    assert [t[1] for t in found] == ["ACCUSE", "SUPPORT"]
