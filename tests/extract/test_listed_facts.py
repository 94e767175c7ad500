"""Facts an article lists rather than tells: visit lists and infobox envoys."""

from bilateral.model.facts import Envoy, Event
from tests.extract.pipeline_helpers import facts_of

VISITS = """\
==High-level visits==
;From Chile to Japan
- 1993: President Ana Rojas
- March 2018 – Foreign Minister Pedro Soto and Minister Luis Vera
- Undated: President Ana Rojas
;From Japan to Chile
- 2016: Prime Minister Ken Ito

==Resident diplomatic missions==
;Of Chile
- Tokyo (Embassy)
"""


def test_each_dated_bullet_of_a_visit_list_is_a_visit_in_the_lists_direction() -> None:
    found = [e for e in facts_of(Event, VISITS) if e.mode == "visit"]
    assert [(e.date, e.actor, e.recipient, e.type) for e in found] == [
        ("1993", "CL", "JP", "CONSULT"),
        ("2018-03", "CL", "JP", "CONSULT"),
        ("2016", "JP", "CL", "CONSULT"),
    ]
    assert found[0].summary == "Ana Rojas (Chile) visited Japan"
    assert found[1].actors == ("CL", "JP", "Pedro Soto", "Luis Vera")


def test_a_list_whose_label_names_a_third_state_is_no_visit_list() -> None:
    body = ";From Chile to Peru\n- 1993: President Ana Rojas"
    assert [e for e in facts_of(Event, body) if e.mode == "visit"] == []


def test_an_infobox_envoy_written_with_his_rank_keeps_name_and_rank_apart() -> None:
    body = "Infobox\n- Envoy1: Ambassador Ana Rojas\n- Envoy2: Ken Ito\n"
    found = {e.person: (e.title, e.rank) for e in facts_of(Envoy, body)}
    assert found == {"Ana Rojas": ("Ambassador", "ambassador"), "Ken Ito": (None, "other")}
