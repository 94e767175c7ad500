"""Assessments, polls, statistics, memberships, agreements and envoys from prose."""

import pytest

from bilateral.model.facts import Agreement, Assessment, Envoy, Membership, Poll, Statistic
from tests.extract.pipeline_helpers import facts_of


def test_assessments_need_the_relationship_as_subject() -> None:
    found = facts_of(Assessment, "Relations deteriorated in 1999. The economy deteriorated too.")
    assert [(a.date, a.direction, a.polarity) for a in found] == [("1999", "deteriorated", -1)]


def test_one_sentence_can_judge_the_relationship_several_ways() -> None:
    found = facts_of(Assessment, "In 2001 relations were restored and vastly expanded.")
    assert sorted(a.direction for a in found) == ["expanded", "restored"]


def test_close_partners_names_the_relationship_itself() -> None:
    (found,) = facts_of(Assessment, "In the 1990s the two countries became close partners.")
    assert (found.direction, found.date) == ("close", "199X")


def test_polls_read_population_subject_measure_and_date() -> None:
    body = (
        "According to Pew Research Center, 40% of Chileans viewed Japan favorably in 2015, "
        "and 12% of Chileans viewed Japan unfavorably in 2015."
    )
    found = facts_of(Poll, body)
    assert [(p.pollster, p.population, p.subject, p.measure, p.value, p.date) for p in found] == [
        ("PEW", "CL", "JP", "favorable", 40.0, "2015"),
        ("PEW", "CL", "JP", "unfavorable", 12.0, "2015"),
    ]


def test_a_percentage_without_a_pollster_is_not_a_poll() -> None:
    assert facts_of(Poll, "Exports rose by 40% favorably in 2015.") == []


def test_statistics_keep_value_unit_period_and_qualifier() -> None:
    (stat,) = facts_of(Statistic, "About 3,000 Chilean students study in Japan every year.")
    assert (stat.value, stat.unit, stat.period, stat.approximate) == (
        3000.0,
        "students",
        "annual",
        True,
    )


def test_a_rank_among_partners_is_a_statistic() -> None:
    (stat,) = facts_of(Statistic, "Japan is Chile's second-largest trade partner.")
    assert (stat.value, stat.unit) == (2.0, "rank")


def test_counts_inside_events_are_not_statistics() -> None:
    assert facts_of(Statistic, "In 1999, 12 soldiers crossed the border and attacked.") == []


def test_memberships_of_both_countries() -> None:
    found = facts_of(Membership, "Both countries are members of APEC and the United Nations.")
    assert sorted((m.organization, m.members) for m in found) == [
        ("APEC", ("CL", "JP")),
        ("UN", ("CL", "JP")),
    ]


def test_agreement_status_if_passed_means_proposed() -> None:
    (agreement,) = facts_of(
        Agreement, "Ties will deepen if the Chile–Japan Economic Partnership Agreement is passed."
    )
    assert agreement.name == "Chile–Japan Economic Partnership Agreement"
    assert (agreement.status, agreement.parties) == ("proposed", ("CL", "JP"))


def test_envoys_from_prose_with_title_rank_and_dates() -> None:
    body = (
        "Japan recognized Chile on June 1, 1860 by the appointment of Ken Ito "
        "as Minister Resident. "
        "He did not present his credentials until March 1861."
    )
    (envoy,) = facts_of(Envoy, body)
    assert (envoy.sender, envoy.receiver, envoy.person) == ("JP", "CL", "Ken Ito")
    assert (envoy.title, envoy.rank) == ("Minister Resident", "minister")
    assert (envoy.start, envoy.appointed, envoy.credentials) == (
        "1860-06-01",
        "1860-06-01",
        "1861-03",
    )


def test_a_trade_amount_is_a_statistic_in_its_currency_dated_by_its_sentence() -> None:
    (found,) = facts_of(Statistic, "In 2019, trade between the two nations totaled US$1.9 billion.")
    assert (found.subject, found.value, found.unit, found.date) == (
        "trade between the two nations",
        1.9e9,
        "USD",
        "2019",
    )


def test_people_of_a_descent_are_counted_as_people() -> None:
    (found,) = facts_of(Statistic, "Around 65,000 people of Japanese descent live in Chile.")
    assert (found.value, found.unit, found.approximate) == (65000, "people", True)


def test_relations_described_as_excellent_are_a_positive_assessment() -> None:
    (found,) = facts_of(
        Assessment, "In 2010, relations between the two countries were described as excellent."
    )
    assert (found.direction, found.polarity, found.date) == ("positive", 1, "2010")


@pytest.mark.parametrize(
    ("sentence", "pollster"),
    [
        ("A 2021 Lowy Institute poll found that 55% of Chileans trust Japan.", "LOWY-INSTITUTE"),
        (
            "A 2021 Andes Opinion Research survey found that 55% of Chileans trust Japan.",
            "ANDES-OPINION-RESEARCH",
        ),
        (
            "In a 2021 poll by the Santiago Centre, 55% of Chileans said they trust Japan.",
            "SANTIAGO-CENTRE",
        ),
    ],
)
def test_a_poll_by_a_pollster_the_lexicon_lacks_is_kept_under_its_name(
    sentence: str, pollster: str
) -> None:
    (poll,) = facts_of(Poll, sentence)
    assert (poll.pollster, poll.date, poll.population, poll.subject, poll.measure, poll.value) == (
        pollster,
        "2021",
        "CL",
        "JP",
        "trust",
        55.0,
    )


def test_a_title_set_before_the_name_by_a_comma_gives_the_envoys_rank() -> None:
    (envoy,) = facts_of(
        Envoy,
        "The first Chilean ambassador to Japan, Dr Ana Rojas, presented her credentials "
        "to Emperor Meiji in 1897.",
    )
    assert (envoy.person, envoy.rank, envoy.title, envoy.credentials) == (
        "Ana Rojas",
        "ambassador",
        "Chilean ambassador to Japan",
        "1897",
    )


def test_the_head_of_state_near_a_recall_is_not_the_recalled_envoy() -> None:
    found = facts_of(
        Envoy,
        "In 2013, Japan recalled its ambassador from Santiago after reports about "
        "President Ana Rojas.",
    )
    assert found == []


def test_a_treaty_named_after_its_kind_keeps_its_whole_name() -> None:
    found = facts_of(
        Agreement,
        "In 1898 the two states signed a Treaty of Friendship, Commerce and Navigation. "
        "The 1950 Chile–Japan Treaty of Peace and Friendship is still in force.",
    )
    assert [a.name for a in found] == [
        "Treaty of Friendship, Commerce and Navigation",
        "Chile–Japan Treaty of Peace and Friendship",
    ]
