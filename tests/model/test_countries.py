import pytest

from bilateral.errors import UnknownCountry
from bilateral.model.countries import CountryRegistry, default_registry


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Peru", "PE"),
        ("Perú", "PE"),
        ("United States", "US"),
        ("the United States", "US"),
        ("U.S.", "US"),
        ("USA", "US"),
        ("United States of America", "US"),
        ("PE", "PE"),
        ("per", "PE"),
        ("Kosovo", "XK"),
        ("Palestine", "PS"),
        ("Taiwan", "TW"),
        ("South Korea", "KR"),
        ("Russia", "RU"),
        ("Bolivia", "BO"),
        ("Peru-Bolivian Confederation", "peru-bolivian-confederation"),
        ("Abkhazia", "abkhazia"),
        ("Soviet Union", "soviet-union"),
    ],
)
def test_names_aliases_and_codes_resolve(name: str, code: str) -> None:
    assert default_registry().resolve(name) == code


def test_demonyms_resolve_separately_from_names() -> None:
    registry = default_registry()
    assert registry.demonym("Peruvian") == "PE"
    assert registry.demonym("Americans") == "US"
    assert registry.resolve("Peruvian") is None


def test_display_names_prefer_common_english() -> None:
    registry = default_registry()
    assert registry.name("US") == "United States"
    assert registry.name("BO") == "Bolivia"
    assert registry.name("peru-bolivian-confederation") == "Peru-Bolivian Confederation"


def test_unknown_name_raises_a_lookup_error() -> None:
    with pytest.raises(UnknownCountry, match="Atlantis"):
        default_registry().require("Atlantis")


def test_user_file_extends_the_registry(tmp_path) -> None:  # type: ignore[no-untyped-def]
    extra = tmp_path / "mine.tsv"
    extra.write_text("PE\talias\tLand of the Incas\nzz-land\tname\tZedland\n", encoding="utf-8")
    registry = CountryRegistry.load(extra)
    assert registry.resolve("land of the incas") == "PE"
    assert registry.resolve("Zedland") == "zz-land"


def test_combining_forms_are_read_in_titles_only_not_as_mentions() -> None:
    registry = default_registry()
    assert registry.combining("Sino") == "CN"
    assert registry.resolve("Sino") is None and registry.demonym("Sino") is None
    assert all(form != "Sino" for form, _, _ in registry.forms())
