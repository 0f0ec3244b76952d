"""Readings for failure patterns of a fifth unseen batch of real articles, each tested on sentences
of our own wording against the bundled data: ranks from list order, changes in parenthesised lists,
ranks without an ordinal, anaphora, shares of one state's exports, deals with coordinated parties."""

from __future__ import annotations

from datetime import date

import pytest

from tests.claims_helpers import DAY, LEAD, claims_of

# --- 2. changes in parenthesised lists ------------------------------------------------------
# `realpolitik arms top exporters` 2014–18 → 2019–23: France +46 %, Italy +84 %, Russia −52 %


@pytest.mark.parametrize(
    "text",
    [
        "Arms exports of France (+46 %), Italy (+84 %) and Russia (–52 %) went different ways.",
        "Exports by France (+46 per cent), Italy (+84 per cent) and Russia (-52 per cent) changed sharply.",
    ],
)
def test_each_item_of_a_parenthesised_list_of_changes_is_a_change(text: str) -> None:
    got = {
        (c.subject, c.claimed["value"], c.claimed["kind"], c.verdict)
        for c in claims_of(LEAD + text, "arms_volume_change")
    }
    assert got == {
        ("FRA", 46.0, "exports", "supported"),
        ("ITA", 84.0, "exports", "supported"),
        ("RUS", -52.0, "exports", "supported"),
    }


def test_a_decimal_item_does_not_end_the_list() -> None:
    text = LEAD + "Arms imports of India (+5.4 %), Qatar (+428 %) and Egypt (–26 %) moved apart."
    got = {(c.subject, c.verdict) for c in claims_of(text, "arms_volume_change")}
    assert got == {("IND", "supported"), ("QAT", "supported"), ("EGY", "supported")}


def test_a_flow_from_a_supplier_in_parentheses_is_no_change_of_the_supplier() -> None:
    text = LEAD + "India's arms imports from Russia (–34 %) and France (+20 %) shifted."
    assert not claims_of(text, "arms_volume_change")


@pytest.mark.parametrize(
    "text",
    [
        "Qatar, whose arms imports rose 428 per cent, became the third-largest importer.",
        "Russia, which saw its arms exports fall by 52 per cent, dropped behind France.",
    ],
)
def test_a_change_in_a_relative_clause_is_the_antecedents(text: str) -> None:
    (c,) = claims_of(LEAD + text, "arms_volume_change")
    assert c.subject in {"QAT", "RUS"} and c.verdict == "supported"


# --- 1. ranks from list order --------------------------------------------------------------
# `realpolitik arms top importers|exporters --from 2019 --to 2023`: importers 1 India,
# 2 Saudi Arabia, 3 Qatar, 4 Ukraine, 5 Pakistan, 6 Egypt; exporters 1 US, 2 France, 3 Russia, 4 China


def global_ranks(text: str, day: date = DAY) -> set[tuple[str, int, str, str]]:
    """(state, rank, comparator, verdict) of every world-ranking claim in a text."""
    return {
        (c.subject, c.claimed["rank"], c.claimed["comparator"], c.verdict)
        for c in claims_of(text, "arms_global_rank", day)
    }


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "After India and Saudi Arabia, Qatar is the third-largest arms importer.",
            {("IND", 1), ("SAU", 2), ("QAT", 3)},
        ),
        (
            "Behind the United States, France and Russia, China was the fourth-largest arms exporter in 2019-23.",
            {("USA", 1), ("FRA", 2), ("RUS", 3), ("CHN", 4)},
        ),
    ],
)
def test_states_named_before_a_rank_hold_the_places_ahead(text: str, want: set) -> None:
    assert global_ranks(text) == {(s, k, "eq", "supported") for s, k in want}


def test_a_place_after_a_compared_state_is_its_own() -> None:
    text = "France became the world's second largest arms exporter, ahead of Russia in third place."
    assert global_ranks(text) == {("FRA", 2, "eq", "supported"), ("RUS", 3, "eq", "supported")}


def test_a_place_in_parentheses_is_the_states() -> None:
    text = "Among arms exporters, Russia (third place) saw its exports fall by 52 per cent."
    assert global_ranks(text) == {("RUS", 3, "eq", "supported")}


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "France was a distant second to the US among arms exporters.",
            {("FRA", 2), ("USA", 1)},
        ),
        (
            "Saudi Arabia was a close second to India among arms importers in 2019-23.",
            {("SAU", 2), ("IND", 1)},
        ),
        ("Saudi Arabia was a close second to India in arms imports.", {("SAU", 2), ("IND", 1)}),
    ],
)
def test_second_to_a_state_in_a_world_ranking_is_no_bilateral_rank(text: str, want: set) -> None:
    assert global_ranks(text) == {(s, k, "eq", "supported") for s, k in want}
    assert not claims_of(text, "arms_top_recipient") and not claims_of(text, "arms_top_supplier")


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "India was the largest arms importer. Saudi Arabia came next, then Qatar.",
            {("IND", 1), ("SAU", 2), ("QAT", 3)},
        ),
        (
            "India was the largest arms importer in 2019-23. Next came Saudi Arabia and Qatar.",
            {("IND", 1), ("SAU", 2), ("QAT", 3)},
        ),
        (
            "Pakistan was the fifth-largest arms importer. Next came Egypt.",
            {("PAK", 5), ("EGY", 6)},
        ),
        (
            "The US was the largest arms exporter in 2019-23. France came next, followed by Russia.",
            {("USA", 1), ("FRA", 2), ("RUS", 3)},
        ),
    ],
)
def test_states_that_come_next_take_the_following_places(text: str, want: set) -> None:
    assert global_ranks(text) == {(s, k, "eq", "supported") for s, k in want}


def test_a_wrong_next_place_is_contradicted() -> None:
    text = "India was the largest arms importer in 2019-23. Qatar came next."
    assert ("QAT", 2, "eq", "contradicted") in global_ranks(text)


def test_a_state_after_a_preposition_does_not_come_next() -> None:
    text = "India was the largest arms importer in 2019-23. A visit to Qatar came next."
    assert global_ranks(text) == {("IND", 1, "eq", "supported")}


def test_a_second_clause_subject_comes_next() -> None:
    text = "India was the largest arms importer in 2019-23, and Saudi Arabia came next."
    assert global_ranks(text) == {("IND", 1, "eq", "supported"), ("SAU", 2, "eq", "supported")}


def test_next_without_a_rank_before_claims_no_rank() -> None:
    text = "Russia supplied 36 % of India's arms imports. Qatar came next on the minister's tour."
    assert not claims_of(text, "arms_global_rank")


# --- 3. ranks without an ordinal -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "state", "rank"),
    [
        ("Ukraine ranked 4 among the world's arms importers in 2019-23.", "UKR", 4),
        ("Australia is placed 8 among arms importers.", "AUS", 8),
        ("Japan ranks 7 globally among arms importers.", "JPN", 7),
        ("Egypt ranked number 6 among arms importers.", "EGY", 6),
    ],
)
def test_a_bare_number_after_a_verb_of_ranking_is_a_rank(text: str, state: str, rank: int) -> None:
    assert global_ranks(text) == {(state, rank, "eq", "supported")}


def test_a_count_after_ranked_is_no_rank() -> None:
    assert not claims_of("SIPRI ranked 40 importers of arms in 2019-23.", "arms_global_rank")


# --- 4. anaphora -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Russia and India have close ties. The latter was the world's largest arms importer in 2019-23.",
            ("IND", 1),
        ),
        (
            "Russia and India have close ties. The former was the third-largest arms exporter in 2019-23.",
            ("RUS", 3),
        ),
        (
            "Russia supplies India with arms, and the latter was the largest arms importer in 2019-23.",
            ("IND", 1),
        ),
    ],
)
def test_the_latter_and_the_former_pick_one_of_two_states(text: str, want: tuple) -> None:
    assert global_ranks(text) == {(*want, "eq", "supported")}


def test_the_latter_is_the_second_state_even_when_the_claim_is_wrong() -> None:
    text = (
        "Egypt and India signed a pact. The latter was the third-largest arms importer in 2019-23."
    )
    assert global_ranks(text) == {("IND", 3, "eq", "contradicted")}


def test_the_former_as_an_adjective_names_no_state() -> None:
    text = "Russia and India met. The former Soviet Union was the largest arms exporter in 1985."
    assert {c.subject for c in claims_of(text, "arms_global_rank")} == {"SUN"}


def test_they_after_two_states_is_each_of_them() -> None:
    text = (
        "India and Pakistan are rivals. They were among the five largest arms importers in 2019-23."
    )
    assert global_ranks(text) == {("IND", 5, "le", "supported"), ("PAK", 5, "le", "supported")}


def test_their_after_two_states_owns_a_rank_for_each() -> None:
    text = "Saudi Arabia and Qatar bought many weapons. Their largest arms supplier in 2019-23 was the United States."
    got = {(c.subject, c.object, c.verdict) for c in claims_of(text, "arms_top_supplier")}
    assert got == {("SAU", "USA", "supported"), ("QAT", "USA", "supported")}


def test_a_share_after_they_is_no_share_of_each() -> None:
    text = "India and Pakistan are rivals. They received 14 per cent of global arms imports in 2019-23."
    assert not claims_of(text, "arms_global_share")


def test_they_after_three_states_claims_nothing_for_them() -> None:
    text = "India, Japan and Egypt met. They were among the five largest arms importers in 2019-23."
    assert not claims_of(text, "arms_global_rank")


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("India is Moscow's biggest client for arms.", ("RUS", "IND")),
        ("Pakistan remained Beijing's top arms customer in 2019-23.", ("CHN", "PAK")),
    ],
)
def test_a_capital_with_a_role_word_is_its_state(text: str, pair: tuple) -> None:
    (c,) = claims_of(text, "arms_top_recipient")
    assert (c.subject, c.object, c.claimed["rank"], c.verdict) == (*pair, 1, "supported")


# --- 6. deals with coordinated suppliers or a pronoun recipient ------------------------------
# `realpolitik arms deals Russia India` lists Mi-17; Ukraine → India does not


def test_each_coordinated_supplier_of_a_deal_is_a_deal() -> None:
    got = {
        (c.subject, c.object, c.verdict)
        for c in claims_of("India bought Mi-17 helicopters from Russia and Ukraine.", "arms_deal")
    }
    assert {(s, o) for s, o, _ in got} == {("RUS", "IND"), ("UKR", "IND")}
    assert ("RUS", "IND", "supported") in got
    assert ("UKR", "IND", "supported") not in got


@pytest.mark.parametrize(
    "text",
    [
        "Qatar is a big buyer of arms. In 2015 it ordered 24 Rafale fighters from France.",
        "Egypt wanted new jets. It ordered Rafale combat aircraft from France in 2015.",
    ],
)
def test_a_pronoun_recipient_of_an_order_is_the_state_before(text: str) -> None:
    (c,) = claims_of(text, "arms_deal")
    assert c.subject == "FRA" and c.object in {"QAT", "EGY"} and c.verdict == "supported"
    assert c.period["start"] == 2015


# --- wrong verdicts: periods and membership ---------------------------------------------------
# 2014–18 importers: 1 Saudi Arabia, 2 India, 3 Egypt (`realpolitik arms top importers --from 2014 --to 2018`)


@pytest.mark.parametrize(
    ("text", "state", "rank"),
    [
        ("Saudi Arabia was the largest arms importer in the previous five-year period.", "SAU", 1),
        ("In the preceding period Saudi Arabia was the largest arms importer.", "SAU", 1),
        (
            "Egypt was the third-largest arms importer during the preceding five-year period.",
            "EGY",
            3,
        ),
    ],
)
def test_the_previous_five_years_are_the_window_before_the_current_one(
    text: str, state: str, rank: int
) -> None:
    (c,) = claims_of(text, "arms_global_rank")
    assert (c.subject, c.claimed["rank"], c.verdict) == (state, rank, "supported")
    assert (c.period["start"], c.period["end"]) == (2014, 2018)


@pytest.mark.parametrize(
    "text",
    ["Over the past five years India was the largest arms importer.",
     "India was the largest arms importer in the previous five years."],
)  # fmt: skip
def test_the_past_five_years_are_the_current_window(text: str) -> None:
    """'In the previous five years' alone counts back from the article (as 'the past five years'), not
    from another period: SIPRI's press copy says it of the release's own window."""
    (c,) = claims_of(text, "arms_global_rank")
    assert (c.period["start"], c.period["end"], c.verdict) == (2019, 2023, "supported")


def test_an_earlier_rank_in_the_previous_period_is_checked_there() -> None:
    text = "India was the largest arms importer in 2019-23; in the previous five-year period it was second."
    got = {
        (c.claimed["rank"], c.period["start"], c.verdict)
        for c in claims_of(text, "arms_global_rank")
    }
    assert got == {(1, 2019, "supported"), (2, 2014, "supported")}


@pytest.mark.parametrize(
    ("text", "n", "verdict"),
    [
        ("Egypt was one of the world's 20 largest arms importers.", 20, "supported"),
        ("Egypt is among the world's 10 biggest arms importers.", 10, "supported"),
        ("Nigeria is one of the world's 5 largest arms importers.", 5, "contradicted"),
    ],
)
def test_one_of_the_worlds_n_largest_is_membership_of_the_top_n(
    text: str, n: int, verdict: str
) -> None:
    (c,) = claims_of(text, "arms_global_rank")
    assert (c.claimed["rank"], c.claimed["comparator"], c.verdict) == (n, "le", verdict)


def test_a_present_clause_after_but_keeps_the_articles_window() -> None:
    text = (
        "In 2009-13 Russia supplied 76 per cent of India's arms, "
        "but France is now the second-largest supplier to India."
    )
    (rank,) = claims_of(text, "arms_top_supplier")
    assert (rank.object, rank.period["start"], rank.verdict) == ("FRA", 2019, "supported")
    (share,) = claims_of(text, "arms_import_share")
    assert share.period["start"] == 2009


def test_a_clause_after_a_semicolon_keeps_the_sentences_period() -> None:
    text = "In 2014-18 Saudi Arabia was the largest arms importer; India was second."
    got = {(c.subject, c.period["start"], c.verdict) for c in claims_of(text, "arms_global_rank")}
    assert got == {("SAU", 2014, "supported"), ("IND", 2014, "supported")}


def test_main_suppliers_listed_are_members_of_the_top_not_ranks_in_order() -> None:
    # India's suppliers 2019–23: 1 Russia, 2 France, 3 United States
    text = "The main suppliers of arms to India were the United States, France and Russia."
    got = {
        (c.object, c.claimed["comparator"], c.verdict) for c in claims_of(text, "arms_top_supplier")
    }
    assert got == {
        ("USA", "le", "supported"),
        ("FRA", "le", "supported"),
        ("RUS", "le", "supported"),
    }


# --- the value's own phrase: metric and span --------------------------------------------------
def test_a_values_own_of_phrase_names_its_metric_and_its_span() -> None:
    """'… weapons, and more than half of Israel's oil comes from Azerbaijan': the metric is the value's
    own 'of Israel's oil' (it was the nearer 'weapons' of the other clause: an arms claim), and the
    quoted span starts at the value, not at the 'Israel' of the clause before the comma."""
    day = date(2024, 10, 9)
    text = "Israel buys weapons, and more than half of Israel's oil comes from Azerbaijan."
    assert not claims_of(text, "arms_import_share", day)
    (c,) = claims_of(text, "oil_import_share", day)
    assert (c.subject, c.object, c.verdict) == ("ISR", "AZE", "supported")
    both = "More than 60% of Azerbaijan's weapons come from Israel, and more than half of Israel's oil comes from Azerbaijan."
    (oil,) = claims_of(both, "oil_import_share", day)
    assert both[oil.span[0] : oil.span[1]] == "more than half of Israel's oil comes from Azerbaijan"
