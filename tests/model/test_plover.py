import pytest

from bilateral.model.plover import EVENT_TYPES, ontology


def test_every_type_has_a_score_within_the_scale() -> None:
    for event_type in EVENT_TYPES:
        assert -10 <= ontology().score(event_type) <= 10


def test_plover_modes_refine_the_score() -> None:
    assert ontology().score("CONSULT") == 2.5
    assert ontology().score("CONSULT", "visit") == 4.0


def test_diplomatic_modes_pair_with_a_type_and_its_closest_plover_mode() -> None:
    assert ontology().type_for("recall-envoy") == "SANCTION"
    assert ontology().score("SANCTION", "recall-envoy") == -6.0
    assert ontology().score("ACCUSE", "condemn") == -2.0
    assert ontology().type_for("recognize") == "COOPERATE"


def test_unknown_types_are_refused() -> None:
    with pytest.raises(ValueError):
        ontology().score("GOSSIP")
