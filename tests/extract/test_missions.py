import pytest

from bilateral.extract.dyad import TitleDyad
from bilateral.extract.missions import parse_item, parse_label
from bilateral.model.countries import default_registry
from bilateral.model.facts import Mission
from tests.extract.pipeline_helpers import facts_of

PAIR = TitleDyad("CL", "JP")


@pytest.mark.parametrize(
    ("label", "sender", "host"),
    [
        ("Diplomatic missions of Chile in Japan", "CL", "JP"),
        ("Missions of Japan in Chile", "JP", "CL"),
        ("Chile's diplomatic missions in Japan", "CL", "JP"),
        ("Chilean missions in Japan", "CL", "JP"),
        ("In Japan", "CL", "JP"),
    ],
)
def test_labels_name_sender_and_host(label: str, sender: str, host: str) -> None:
    found = parse_label(label, default_registry(), PAIR)
    assert found is not None
    assert (found.sender, found.host) == (sender, host)


def test_label_naming_a_kind_gives_a_default_type() -> None:
    found = parse_label("Consulates of Chile in Japan", default_registry(), PAIR)
    assert found is not None and found.default_type == "consulate"


def test_label_without_states_is_not_a_mission_list() -> None:
    assert parse_label("Further reading in print", default_registry(), PAIR) is None


@pytest.mark.parametrize(
    ("item", "city", "kind"),
    [
        ("Washington, D.C. (Embassy)", "Washington, D.C.", "embassy"),
        ("Atlanta (Consulate-General)", "Atlanta", "consulate-general"),
        ("Cusco (Consular Agency)", "Cusco", "consular-agency"),
        ("Consulate General in Osaka", "Osaka", "consulate-general"),
        ("Honorary consulate in Valparaíso", "Valparaíso", "honorary-consulate"),
        ("Tokyo – Embassy", "Tokyo", "embassy"),
        ("Havana (Interests Section)", "Havana", "interests-section"),
        ("Bern (Legation)", "Bern", "legation"),
    ],
)
def test_items_give_city_and_type(item: str, city: str, kind: str) -> None:
    assert parse_item(item, None) == (city, kind)


def test_bare_city_takes_the_label_type() -> None:
    assert parse_item("Osaka", "consulate") == ("Osaka", "consulate")


def test_item_that_is_not_a_mission_is_skipped() -> None:
    assert parse_item("Foreign relations of Chile", None) is None


@pytest.mark.parametrize(("label", "sender"), [("Chile", "CL"), ("Of Japan", "JP")])
def test_a_term_naming_one_state_of_the_pair_lists_its_missions_in_the_other(
    label: str, sender: str
) -> None:
    found = parse_label(label, default_registry(), PAIR)
    assert found is not None
    assert (found.sender, found.host) == (sender, {"CL": "JP", "JP": "CL"}[sender])


def test_a_term_naming_a_third_state_is_not_a_list_of_the_pair() -> None:
    assert parse_label("Peru", default_registry(), PAIR) is None


def test_a_sentence_bullet_gives_its_city_without_the_full_stop() -> None:
    assert parse_item("Chile has an embassy in Tokyo.", None) == ("Tokyo", "embassy")
    assert parse_item("Consulate-General in Washington, D.C.", None) == (
        "Washington, D.C.",
        "consulate-general",
    )


def missions(body: str) -> list[Mission]:
    return facts_of(Mission, body, "Kenya–Norway relations")


def test_an_embassy_in_a_third_states_capital_is_accredited_from_there() -> None:
    (mission,) = missions(";Kenya\n- Kenya is accredited to Norway from its embassy in Stockholm.")
    assert (mission.sender, mission.host, mission.type) == ("KE", "NO", "non-resident")
    assert mission.accredited_from == "Stockholm" and mission.latitude is not None


def test_a_consulate_in_a_town_the_host_lacks_is_not_sent_abroad_to_a_namesake() -> None:
    # No Norwegian Paris is known: only an embassy is read as accredited from a
    # foreign capital, so the consulate stays as written, without coordinates.
    (mission,) = missions(";Kenya\n- Honorary consulate in Paris")
    assert (mission.type, mission.accredited_from, mission.latitude) == (
        "honorary-consulate",
        None,
        None,
    )


def test_sentence_bullets_under_a_heading_that_names_no_sender_are_read() -> None:
    found = missions(
        "== Resident diplomatic missions ==\n"
        "- Kenya has an embassy in Oslo.\n- Norway has an embassy in Nairobi.\n"
        "- Peru has an embassy in Nairobi."
    )
    assert sorted((m.sender, m.host, m.city, m.type) for m in found) == [
        ("KE", "NO", "Oslo", "embassy"),
        ("NO", "KE", "Nairobi", "embassy"),
    ]
