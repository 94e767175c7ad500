"""Users extend the dictionaries with files of their own (BILATERAL_LEXICONS)."""

from pathlib import Path

import pytest

from bilateral.extract.entity_lexicon import default_lexicon
from bilateral.model.countries import default_registry


@pytest.fixture
def lexicons(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("BILATERAL_LEXICONS", str(tmp_path))
    default_registry.cache_clear()
    default_lexicon.cache_clear()
    yield tmp_path
    default_registry.cache_clear()
    default_lexicon.cache_clear()


def test_a_user_states_file_adds_names(lexicons: Path) -> None:
    (lexicons / "states.tsv").write_text("PE\talias\tLand of the Incas\n", encoding="utf-8")
    assert default_registry().resolve("Land of the Incas") == "PE"


def test_user_organisations_and_people_are_recognised(lexicons: Path) -> None:
    (lexicons / "organizations.tsv").write_text(
        "PACIFIC-FORUM\tigo\tPacific Islands Forum\n", encoding="utf-8"
    )
    (lexicons / "people.tsv").write_text(
        "Ana Rojas Vidal\tCL\tPresident\t2030\t\n", encoding="utf-8"
    )
    lexicon = default_lexicon()
    text = "Ana Rojas Vidal addressed the Pacific Islands Forum."
    found = {m.payloads[0].entity: m.payloads[0] for m in lexicon.names.find(text)}
    assert found["PACIFIC-FORUM"].kind == "organization"
    assert found["Ana Rojas Vidal"].country == "CL"


def test_without_the_setting_only_packaged_lexicons_load(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("BILATERAL_LEXICONS", raising=False)
    default_registry.cache_clear()
    assert default_registry().resolve("Land of the Incas") is None
    default_registry.cache_clear()
