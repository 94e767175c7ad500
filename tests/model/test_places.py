import pytest

from bilateral.model.places import default_gazetteer


@pytest.mark.parametrize(
    ("city", "country", "expected"),
    [
        ("Washington, D.C.", "US", "Washington"),
        ("Cusco", "PE", "Cusco"),
        ("Cuzco", "PE", "Cusco"),
        ("Paterson", "US", "Paterson"),
        ("New York City", "US", "New York City"),
        ("Lima", "PE", "Lima"),
    ],
)
def test_cities_geocode_within_their_country(city: str, country: str, expected: str) -> None:
    place = default_gazetteer().locate(city, country)
    assert place is not None
    assert place.name == expected
    assert place.country == country


def test_the_most_populous_namesake_wins() -> None:
    place = default_gazetteer().locate("Lima")
    assert place is not None and place.country == "PE"


def test_a_state_qualifier_picks_the_right_namesake() -> None:
    place = default_gazetteer().locate("Washington, D.C.", "US")
    assert place is not None and place.admin1 == "DC"


def test_unknown_city_is_none() -> None:
    assert default_gazetteer().locate("Nowhereville", "US") is None
