"""The standard pipeline on the small article of conftest."""

from bilateral.extract.registry import default_pipeline
from bilateral.model.facts import Envoy, Mission
from bilateral.readers.outline import read_outline
from tests.conftest import ARTICLE


def run() -> tuple:  # type: ignore[type-arg]
    document = read_outline(ARTICLE.encode(), "chile-japan.txt")
    return document, default_pipeline().run(document)


def test_numbered_infobox_keys_belong_to_title_order_whatever_the_line_order() -> None:
    _, result = run()
    envoys = {e.person: e for e in result.facts if isinstance(e, Envoy)}
    assert (envoys["Ana Rojas"].sender, envoys["Ana Rojas"].receiver) == ("CL", "JP")
    assert (envoys["Kenji Sato"].sender, envoys["Kenji Sato"].receiver) == ("JP", "CL")
    assert envoys["Kenji Sato"].title == "Japanese Ambassador to Chile"
    assert envoys["Kenji Sato"].rank == "ambassador"
    assert all(e.current for e in envoys.values())


def test_infobox_missions_merge_with_list_entries() -> None:
    _, result = run()
    missions = [m for m in result.facts if isinstance(m, Mission)]
    assert sorted((m.sender, m.city, m.type) for m in missions) == [
        ("CL", "Osaka", "consulate-general"),
        ("CL", "Tokyo", "embassy"),
        ("JP", "Santiago", "embassy"),
    ]
    tokyo = next(m for m in missions if m.city == "Tokyo")
    assert [e.text for e in tokyo.evidence] == ["Tokyo (Embassy)", "Embassy of Chile, Tokyo"]
    assert tokyo.name == "Embassy of Chile, Tokyo"
    assert tokyo.latitude is not None and tokyo.host == "JP"


def test_every_evidence_text_is_the_slice_of_the_source() -> None:
    document, result = run()
    for fact in result.facts:
        assert fact.evidence
        for evidence in fact.evidence:
            assert document.text[evidence.start : evidence.end] == evidence.text


def test_no_problems_on_a_well_formed_article() -> None:
    _, result = run()
    assert result.problems == ()
