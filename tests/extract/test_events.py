"""Events on small articles written for the tests (title: Chile–Japan relations)."""

from bilateral.model.facts import Event
from bilateral.readers.outline import read_outline
from tests.extract.pipeline_helpers import facts_of, pipeline


def events(body: str) -> list[Event]:
    return facts_of(Event, body)


def test_a_dated_happening_has_type_mode_score_actors_and_date() -> None:
    (event,) = events("On May 2, 1850, Japan recognized Chile.")
    assert (event.date, event.type, event.mode) == ("1850-05-02", "COOPERATE", "recognize")
    assert (event.actor, event.recipient) == ("JP", "CL")
    assert event.score == 9.5
    assert event.summary == "Japan recognized Chile"


def test_two_dated_happenings_in_one_sentence_are_two_events() -> None:
    found = events("Chile recognized Kosovo in 2008 and recognized Palestine in 2011.")
    assert [(e.date, e.recipient) for e in found] == [("2008", "XK"), ("2011", "PS")]


def test_a_means_clause_is_part_of_the_act_it_explains() -> None:
    found = events(
        "Japan recognized Chile on June 1, 1860 by the appointment of Ken Ito as Minister."
    )
    assert len(found) == 1 and found[0].mode == "recognize"


def test_a_visit_and_the_meeting_in_it_are_one_event() -> None:
    found = events(
        "When Chilean President Ana Rojas visited Japan in 1990, "
        "Japanese leaders met with the Chilean president."
    )
    assert len(found) == 1 and found[0].mode == "visit" and found[0].actor == "CL"


def test_passive_voice_puts_the_agent_first() -> None:
    (event,) = events("Chile was recognized by Japan in 1850.")
    assert (event.actor, event.recipient) == ("JP", "CL")


def test_an_elided_subject_keeps_the_previous_actor() -> None:
    found = events(
        "In 2007 Chile criticized the invasion, and called for the withdrawal of troops."
    )
    assert [(e.type, e.actor) for e in found] == [("ACCUSE", "CL"), ("REQUEST", "CL")]


def test_an_undated_event_stays_undated() -> None:
    (event,) = events("Chile condemned Japan for the whaling.")
    assert event.date is None and event.date_basis is None


def test_a_named_period_fixes_the_date() -> None:
    (event,) = events("During the Cold War, Japan supported Chile.")
    assert (event.date, event.date_basis) == ("1947/1991", "named-period")


def test_a_term_of_office_fixes_the_date() -> None:
    (event,) = events("Japan strongly supported the presidency of Alberto Fujimori.")
    assert (event.date, event.date_basis) == ("1990/2000", "term-of-office")


def test_a_later_reference_to_a_dated_war_inherits_its_date() -> None:
    found = events(
        "During the War of the Pacific, Japan favored Chile. It tried to bring an end to the war."
    )
    assert [e.date for e in found] == ["1879/1884", "1879/1884"]
    assert found[1].date_basis in ("named-period", "anaphora")


def test_both_countries_act_together() -> None:
    (event,) = events("In 1897 both countries established diplomatic relations.")
    assert event.actor is None and set(event.actors) >= {"CL", "JP"}
    assert event.summary.startswith("Chile and Japan")


def test_a_mission_speaks_for_its_sender() -> None:
    body = (
        "The Legation at Tokyo was raised to an Embassy on April 2, 1930.\n\n"
        "== Resident diplomatic missions ==\n\n;Diplomatic missions of Chile in Japan\n"
        "- Tokyo (Embassy)"
    )
    (event,) = events(body)
    assert (event.mode, event.actor, event.recipient) == ("upgrade-mission", "CL", "JP")


def test_evidence_is_the_sentence_in_the_original_text() -> None:
    (event,) = events("In 1850 Japan recognized Chile.")
    assert event.evidence[0].text == "In 1850 Japan recognized Chile."


def test_a_mission_the_trigger_names_acts_for_its_sender() -> None:
    body = (
        "Relations were restored in 1994, and the embassy in Tokyo reopened two years later.\n\n"
        "== Resident diplomatic missions ==\n\n;Chile\n- Chile has an embassy in Tokyo."
    )
    reopened = [e for e in events(body) if e.mode == "open-mission"]
    assert [(e.date, e.actor, e.recipient) for e in reopened] == [("1996", "CL", "JP")]


def test_a_visit_paid_to_a_capital_is_a_visit_to_its_state() -> None:
    (event,) = events("In 2019 President Ana Rojas of Chile paid a state visit to Tokyo.")
    assert (event.mode, event.actor, event.recipient) == ("visit", "CL", "JP")
    assert event.summary == "Ana Rojas (Chile) visited Japan"


def test_an_it_opening_a_later_clause_is_the_state_the_sentence_is_about() -> None:
    found = events(
        "Chile stayed neutral until 1944, when it severed relations with Japan; "
        "it declared war on Japan in April 1945."
    )
    assert [(e.date, e.mode, e.type, e.actor, e.recipient) for e in found] == [
        ("1944", "sever-relations", "SANCTION", "CL", "JP"),
        ("1945-04", None, "ASSAULT", "CL", "JP"),
    ]


def test_a_mission_raised_in_a_relative_clause_is_the_one_just_opened() -> None:
    found = events(
        "Japan opened a legation in Santiago in 1918, which was elevated to an embassy in 1939."
    )
    assert [(e.date, e.mode, e.actor, e.recipient) for e in found] == [
        ("1918", "open-mission", "JP", "CL"),
        ("1939", "upgrade-mission", "JP", "CL"),
    ]


def test_a_leader_receiving_another_is_a_consultation() -> None:
    (event,) = events(
        "In June 2016, Chancellor Ana Rojas of Chile received Prime Minister Ken Ito in Santiago."
    )
    assert (event.date, event.type, event.actor, event.recipient) == (
        "2016-06",
        "CONSULT",
        "CL",
        "JP",
    )


def test_relations_with_a_historical_state_name_it() -> None:
    (event,) = events("Chile and Prussia established diplomatic relations in 1862.")
    assert (event.mode, event.actor, event.recipient) == ("establish-relations", "CL", "prussia")


def test_withdrawing_an_ambassador_is_a_recall() -> None:
    (event,) = events("In 2015, Chile temporarily withdrew its ambassador from Tokyo.")
    assert (event.date, event.mode, event.actor, event.recipient) == (
        "2015",
        "recall-envoy",
        "CL",
        "JP",
    )


def test_a_blockade_imposed_then_lifted_is_a_sanction_then_a_concession() -> None:
    found = events(
        "In 1989, Japan imposed an economic blockade on Chile. The blockade was lifted in 1990."
    )
    assert [(e.date, e.type, e.actor) for e in found] == [
        ("1989", "SANCTION", "JP"),
        ("1990", "CONCEDE", None),
    ]
    assert found[0].recipient == "CL"


def test_suspending_aid_is_a_sanction_not_aid() -> None:
    (event,) = events("In 2005, Japan suspended military aid to Chile.")
    assert (event.type, event.actor, event.recipient) == ("SANCTION", "JP", "CL")


def test_a_happening_restated_in_apposition_is_one_event() -> None:
    found = events(
        "President Ana Rojas of Chile visited Tokyo in 2014, the first visit by a Chilean "
        "president in 17 years."
    )
    assert [(e.date, e.mode, e.actor, e.recipient) for e in found] == [
        ("2014", "visit", "CL", "JP")
    ]


def test_the_capital_a_mission_is_opened_in_names_the_host_on_a_page_about_many_states() -> None:
    document = read_outline(
        b"= Foreign relations of Chile =\n\nChile opened an embassy in Tokyo in 1995.\n",
        "chile.txt",
    )
    found = [f for f in pipeline().run(document).facts if isinstance(f, Event)]
    assert [(e.mode, e.actor, e.recipient, e.dyad) for e in found] == [
        ("open-mission", "CL", "JP", ("CL", "JP"))
    ]


def test_a_high_commission_is_a_mission_and_signing_a_partnership_an_agreement() -> None:
    found = events(
        "Japan recognised Chile on 6 March 1957, and the Japanese High Commission in Santiago "
        "opened the same day. In 2018, President Ana Rojas of Chile visited Tokyo and signed "
        "a partnership on security with Prime Minister Ken Ito."
    )
    assert [(e.date, e.mode, e.actor, e.recipient) for e in found] == [
        ("1957-03-06", "recognize", "JP", "CL"),
        ("1957-03-06", "open-mission", "JP", "CL"),
        ("2018", "visit", "CL", "JP"),
        ("2018", "sign-agreement", "CL", "JP"),
    ]
