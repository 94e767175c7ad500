"""Entity recognition on sentences written for the tests."""

from bilateral.extract.entities import Mention
from tests.extract.pipeline_helpers import extract


def mentions(body: str) -> list[Mention]:
    _, values = extract(body)
    return list(values["mentions"])


def named(body: str) -> dict[str, tuple[str, str, str | None]]:
    """Surface text → (entity, kind, country) for every mention of a one-paragraph body."""
    text = f"= Chile–Japan relations =\n\n{body}\n"
    return {text[m.span.start : m.span.end]: (m.entity, m.kind, m.country) for m in mentions(body)}


def test_states_by_name_alias_and_demonym() -> None:
    found = named("The U.S. and the Chilean government met, and Japan agreed.")
    assert found["U.S."] == ("US", "state", None)
    assert found["Chilean"] == ("CL", "state", None)
    assert found["Japan"] == ("JP", "state", None)


def test_acronym_and_full_name_are_one_organisation() -> None:
    found = named("Chile joined the Organization of American States. The OAS welcomed it.")
    assert found["Organization of American States"][0] == found["OAS"][0] == "OAS"


def test_titled_person_gets_the_country_of_the_demonym_before_the_title() -> None:
    found = named("Chilean President Ana Rojas visited Tokyo in 2001.")
    assert found["Ana Rojas"] == ("Ana Rojas", "person", "CL")
    assert "Chilean" not in found


def test_initials_and_given_names_make_people() -> None:
    found = named("J.K. Walters was named envoy. Later James Morton arrived.")
    assert found["J.K. Walters"][1] == "person"
    assert found["James Morton"][1] == "person"


def test_surname_refers_back_to_the_full_name() -> None:
    found = named("President Roberto Aldana visited Japan. Aldana met the emperor.")
    assert found["Aldana"] == ("Roberto Aldana", "person", None)


def test_sentence_initial_pronoun_is_the_previous_subject() -> None:
    body = "In 1901, Thomas Greer was appointed minister. He presented his credentials later."
    text = f"= Chile–Japan relations =\n\n{body}\n"
    he = [m for m in mentions(body) if text[m.span.start : m.span.end] == "He"]
    assert he and he[0].entity == "Thomas Greer"


def test_both_countries_is_the_dyad() -> None:
    found = named("Both countries are members of the United Nations.")
    assert found["Both countries"] == ("CL+JP", "group", None)


def test_city_names_are_not_people() -> None:
    found = named("Relations warmed after talks in San Francisco.")
    assert "San Francisco" not in found


def test_month_names_do_not_start_people() -> None:
    found = named("In December Chile recognized Japan.")
    assert all(kind != "person" for _, kind, _ in found.values())
