import pytest

from bilateral.extract.dyad import parse_title
from bilateral.model.countries import default_registry


@pytest.mark.parametrize(
    ("title", "pair"),
    [
        ("Peru–United States relations", ("PE", "US")),
        ("Chile-Japan relations", ("CL", "JP")),
        ("France and Germany relations", ("FR", "DE")),
        ("Relations between Brazil and Argentina", ("BR", "AR")),
        ("Guinea-Bissau–Portugal relations", ("GW", "PT")),
        ("Guinea-Bissau-Portugal relations", ("GW", "PT")),
        (
            "Peru-Bolivian Confederation–United States relations",
            ("peru-bolivian-confederation", "US"),
        ),
        ("Timor-Leste–Australia relations", ("TL", "AU")),
    ],
)
def test_bilateral_titles_name_two_states_in_order(title: str, pair: tuple[str, str]) -> None:
    found = parse_title(title, default_registry())
    assert found is not None
    assert (found.first, found.second) == pair


@pytest.mark.parametrize(
    "title",
    [
        "Foreign relations of Peru",
        "History of Peru",
        "Peru–Peru relations",
        "Atlantis–Peru relations",
    ],
)
def test_other_titles_name_no_dyad(title: str) -> None:
    assert parse_title(title, default_registry()) is None
