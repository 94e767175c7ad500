import pytest

from bilateral.extract.dyad import TitleDyad
from bilateral.extract.missions import parse_item, parse_label
from bilateral.model.countries import default_registry

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
