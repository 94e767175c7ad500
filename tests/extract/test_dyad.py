from pathlib import Path

import pytest

from bilateral.extract.dyad import DyadFromTitle, parse_title
from bilateral.model.countries import default_registry
from bilateral.readers.registry import read_path


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
        ("German–American relations", ("DE", "US")),
        ("Sino-Indian relations", ("CN", "IN")),
        ("Franco-German relations", ("FR", "DE")),
        ("Sino-Soviet relations", ("CN", "soviet-union")),
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
        "Indo-Pacific relations",
    ],
)
def test_other_titles_name_no_dyad(title: str) -> None:
    assert parse_title(title, default_registry()) is None


def _dyad_evidence(tmp_path: Path, name: str, text: str) -> list[str]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    document = read_path(path)
    output = DyadFromTitle(default_registry()).run(document, {})
    return [e.text for e in output.facts[0].evidence]


def test_a_title_from_the_file_name_is_evidenced_where_the_text_repeats_it(
    tmp_path: Path,
) -> None:
    text = "'''Peru-Brazil  relations''' are the relations between Peru and Brazil.\n"
    (evidence,) = _dyad_evidence(tmp_path, "Peru–Brazil relations.wiki", text)
    assert evidence.strip("'") == "Peru-Brazil  relations"


def test_a_title_the_text_never_states_has_no_invented_evidence(tmp_path: Path) -> None:
    text = "Peru and Brazil signed a treaty in 1909.\n"
    assert _dyad_evidence(tmp_path, "Peru–Brazil relations.wiki", text) == []
