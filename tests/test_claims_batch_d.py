"""Readings for failure patterns of a second unseen batch of real articles, each tested on
sentences of our own wording: ranking tables set as plain text (numbered rows, '|' cells, a
header row, a bare year in the heading)."""

from __future__ import annotations

from datetime import date

import pytest

from realpolitik.analyses.claims import check
from realpolitik.analyses.claims.segment import segment

DAY = date(2024, 5, 1)

# `realpolitik oil producers --year 2022`: 1 United States, 2 Saudi Arabia, 3 Russia, 4 Canada
PRODUCER_TABLES = [
    "Top 4 oil producers, 2022\n\n1 United States 17,770\n2 Saudi Arabia 12,136\n3 Russia 10,944\n4 Canada 5,576\n",
    "The largest oil producers in 2022\n\nRank | Country | Barrels per day\n1 | United States | 17.77 million\n"
    "2 | Saudi Arabia | 12.14 million\n3 | Russia | 10.94 million\n4 | Canada | 5.58 million\n",
    "The world's biggest oil producers (2022)\n\n| 1 | United States | 17.8 |\n| 2 | Saudi Arabia | 12.1 |\n"
    "| 3 | Russia | 10.9 |\n| 4 | Canada | 5.6 |\n",
    "The largest oil producers in 2022:\n\n1. United States: 17.8m b/d\n2. Saudi Arabia: 12.1m b/d\n"
    "3. Russia: 10.9m b/d\n4. Canada: 5.6m b/d\n",
]


@pytest.mark.parametrize("text", PRODUCER_TABLES)
def test_each_row_of_a_producer_table_is_a_rank_claim(text: str) -> None:
    claims = [c for c in check(text, DAY).claims if c.type == "oil_producer_rank"]
    assert sorted((c.claimed["rank"], c.subject, c.verdict) for c in claims) == [
        (1, "USA", "supported"),
        (2, "SAU", "supported"),
        (3, "RUS", "supported"),
        (4, "CAN", "supported"),
    ]
    assert all(c.period["start"] == 2022 == c.period["end"] for c in claims)


def test_a_wrong_row_of_an_arms_table_is_contradicted() -> None:
    # `realpolitik arms top exporters --from 2019 --to 2023`: 1 USA, 2 France, 3 Russia
    text = "Largest arms exporters (2019-23)\n\nRank | Country\n1 | United States\n2 | Russia\n3 | France\n"
    got = {
        (c.subject, c.claimed["rank"], c.verdict)
        for c in check(text, DAY).claims
        if c.type == "arms_global_rank"
    }
    assert got == {
        ("USA", 1, "supported"),
        ("RUS", 2, "contradicted"),
        ("FRA", 3, "contradicted"),
    }


def test_table_rows_are_sentences_of_their_own() -> None:
    text = "Producers\n\nRank | Country | Output\n1 | United States | 17.8\n2 Saudi Arabia 12.1\n"
    assert [text[s.start : s.end] for s in segment(text).sentences] == [
        "Producers",
        "Rank | Country | Output",
        "1 | United States | 17.8",
        "2 Saudi Arabia 12.1",
    ]


def test_a_single_line_opening_with_a_number_is_no_table_row() -> None:
    text = "Saudi Arabia bought\n24 jets from France in 2020."
    assert len(segment(text).sentences) == 1


def test_a_numbered_line_without_a_heading_claims_no_rank() -> None:
    text = "Exports rose.\n\n1 United States 17,770\n2 Saudi Arabia 12,136\n"
    assert not [c for c in check(text, DAY).claims if c.type.endswith("rank")]


def test_a_long_list_of_states_ahead_is_membership_of_the_top() -> None:
    # 2019–23 exporters: Israel 9th; the eight before it in any order are the top 8
    text = (
        "In 2019-23 Israel came ninth among arms exporters, behind the US, Russia, France, "
        "Germany, China, the UK, Italy and Spain."
    )
    ranks = {
        (c.subject, c.claimed["rank"], c.claimed["comparator"], c.verdict)
        for c in check(text, DAY).claims
        if c.type == "arms_global_rank"
    }
    assert ("ISR", 9, "eq", "supported") in ranks
    assert {r for r in ranks if r[0] != "ISR"} == {
        (s, 8, "le", "supported") for s in ("USA", "RUS", "FRA", "DEU", "CHN", "GBR", "ITA", "ESP")
    }


def test_a_counted_list_of_recipients_is_the_owners_top_n() -> None:
    # `realpolitik arms recipients RUS --from 2019 --to 2023`: India 33.7 %, China 19.6 %, Egypt 7.5 %
    text = (
        "Between 2019-23 the bulk of Russian arms exports went to three countries: "
        "India (34 %), China (20 %) and Egypt (7.5 %)."
    )
    claims = check(text, DAY).claims
    tops = {
        (c.subject, c.object, c.claimed["rank"], c.verdict)
        for c in claims
        if c.type == "arms_top_recipient"
    }
    assert tops == {("RUS", o, 3, "supported") for o in ("IND", "CHN", "EGY")}


def test_a_count_that_differs_from_the_list_implies_no_ranking() -> None:
    text = "Russian arms exports in 2019-23 went to four countries: India (34 %) and China (20 %)."
    assert not [c for c in check(text, DAY).claims if c.type == "arms_top_recipient"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            # `arms top exporters --from 2019 --to 2023`: USA 41.2 %, France 10.8 %
            "Over 2019-23 the United States and France made up 41 % and 11 % "
            "respectively of the world's arms exports.",
            {("arms_global_share", "USA", None, 41.0), ("arms_global_share", "FRA", None, 11.0)},
        ),
        (
            # `arms suppliers IND --from 2019 --to 2023`: Russia 36.2 %, France 32.2 %
            "In 2019-23 Russia and France provided 36 % and 32 %, respectively, of India's arms imports.",
            {("arms_import_share", "IND", "RUS", 36.0), ("arms_import_share", "IND", "FRA", 32.0)},
        ),
    ],
)
def test_respectively_pairs_each_state_with_its_share(text: str, expected: set) -> None:
    claims = [c for c in check(text, DAY).claims if c.type.endswith("share")]
    assert {(c.type, c.subject, c.object, c.claimed["value"]) for c in claims} == expected
    assert all(c.verdict == "supported" for c in claims)


def test_an_ordinal_cut_by_a_line_break_hyphen_keeps_its_number() -> None:
    # `arms top importers --from 2019 --to 2023`: Qatar 3rd
    claims = check("In 2019-23 Qatar became the third- largest importer of arms.", DAY).claims
    assert {(c.subject, c.claimed["rank"], c.verdict) for c in claims} == {("QAT", 3, "supported")}


@pytest.mark.parametrize(
    "text",
    [
        "In 2019-23 Egypt was the continent's biggest arms importer.",
        "Algeria remained the region's second-largest importer of weapons in 2019-23.",
    ],
)
def test_a_continents_or_regions_rank_is_no_world_rank(text: str) -> None:
    assert not [c for c in check(text, DAY).claims if c.type == "arms_global_rank"]


# India's arms imports, 2014–18 → 2019–23 in the bundled data: +5.4 %
@pytest.mark.parametrize(
    "text",
    [
        "From 2014-18 to 2019-23 imports of arms went up by 5.4 % in the case of India.",
        "Between 2014-18 and 2019-23 a 5.4 % surge in India's arms imports was seen.",
        "India had registered a 5.4 % rise in arms imports between 2014-18 and 2019-23.",
    ],
)
def test_a_change_whose_owner_is_named_after_it(text: str) -> None:
    claims = [c for c in check(text, DAY).claims if c.type == "arms_volume_change"]
    assert [(c.subject, c.claimed["value"], c.verdict) for c in claims] == [
        ("IND", 5.4, "supported")
    ]


def test_a_change_of_a_flow_between_two_states_is_no_volume_change() -> None:
    text = (
        "Between 2014-18 and 2019-23 there was a 5.4 % rise in arms imports to India from Russia."
    )
    assert not [c for c in check(text, DAY).claims if c.type == "arms_volume_change"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("imports nearly halved, by 47 %, over the decade", -47.0),
        ("exports doubled (+103 %) in five years", 103.0),
        ("exports doubled in five years", 100.0),
    ],
)
def test_an_exact_figure_after_a_word_of_change_is_the_change(text: str, value: float) -> None:
    from realpolitik.analyses.claims.numbers import find_changes

    assert [c.value for c in find_changes(text)] == [value]


def test_signed_changes_in_a_list_after_a_lead_naming_the_flow() -> None:
    # 2014–18 → 2019–23 imports in the bundled data: Qatar +427.7 %, Poland +245.6 %, India +5.4 %
    text = (
        "From 2014-18 to 2019-23 arms imports rose for a number of states: Qatar (+428 %), "
        "Poland (+246 %) and India (+5.4 %)."
    )
    claims = [c for c in check(text, DAY).claims if c.type == "arms_volume_change"]
    assert {(c.subject, c.claimed["value"], c.verdict) for c in claims} == {
        ("QAT", 428.0, "supported"),
        ("POL", 246.0, "supported"),
        ("IND", 5.4, "supported"),
    }


# `realpolitik oil sources IND --year 2021`: 1 Iraq, 2 Saudi Arabia, 3 United States
@pytest.mark.parametrize(
    "text",
    [
        "Riyadh ships a great deal of crude to India. In 2021 the kingdom ranked as the second "
        "biggest supplier.",
        "Saudi Arabia sold crude oil to India for decades. In 2021 Saudi Arabia was the second "
        "largest supplier.",
    ],
)
def test_a_seller_of_crude_to_a_state_makes_that_state_the_paragraphs_buyer(text: str) -> None:
    claims = [c for c in check(text, DAY).claims if c.type == "oil_source_rank"]
    assert [(c.subject, c.object, c.claimed["rank"], c.verdict) for c in claims] == [
        ("IND", "SAU", 2, "supported")
    ]


def test_a_rank_in_an_apposition_after_an_adverb_of_time() -> None:
    text = (
        "In 2021 Iraq, traditionally the largest seller of crude oil to India, shipped even more."
    )
    claims = [c for c in check(text, DAY).claims if c.type == "oil_source_rank"]
    assert [(c.subject, c.object, c.claimed["rank"], c.verdict) for c in claims] == [
        ("IND", "IRQ", 1, "supported")
    ]


@pytest.mark.parametrize(
    ("text", "state", "rank"),
    [
        (
            "Among arms exporters in 2019-23, only the United States and France surpass Russia.",
            "RUS",
            3,
        ),
        ("In 2019-23 only India has outranked Saudi Arabia among arms importers.", "SAU", 2),
    ],
)
def test_the_states_that_alone_surpass_one_give_its_rank(text: str, state: str, rank: int) -> None:
    claims = [c for c in check(text, DAY).claims if c.type == "arms_global_rank"]
    assert [(c.subject, c.claimed["rank"], c.verdict) for c in claims] == [
        (state, rank, "supported")
    ]


def test_only_without_a_ranking_named_implies_no_rank() -> None:
    assert not check("Only India has surpassed Pakistan in cricket.", DAY).claims


def test_both_nations_ranks_each_of_the_two_states_just_named() -> None:
    # 2019–23 importers: India 1st, Saudi Arabia 2nd
    text = (
        "Saudi Arabia and India kept buying weapons in 2019-23. Both nations ranked among the "
        "three largest arms importers."
    )
    claims = [c for c in check(text, DAY).claims if c.type == "arms_global_rank"]
    assert {(c.subject, c.claimed["rank"], c.verdict) for c in claims} == {
        ("SAU", 3, "supported"),
        ("IND", 3, "supported"),
    }


@pytest.mark.parametrize(
    "text",
    [
        "In 2015 Egypt signed a contract for 24 Rafale combat aircraft from France.",
        "Egypt signed a deal to buy 24 Rafale combat aircraft from France.",
    ],
)
def test_signing_a_contract_for_weapons_is_an_acquisition(text: str) -> None:
    deals = [c for c in check(text, DAY).claims if c.type == "arms_deal"]
    assert [(c.subject, c.object, c.verdict) for c in deals] == [("FRA", "EGY", "supported")]


def test_signing_an_agreement_without_weapons_is_no_deal() -> None:
    assert not check("Egypt signed a peace agreement with Israel in 1979.", DAY).claims


def test_a_plural_designation_needs_no_weapon_noun() -> None:
    deals = [c for c in check("India ordered Su-30MKIs from Russia.", DAY).claims]
    assert [(c.type, c.subject, c.object, c.claimed["designation"], c.verdict) for c in deals] == [
        ("arms_deal", "RUS", "IND", "Su-30MKI", "supported")
    ]
    assert not check("In the 1990s the F-16s were grounded.", DAY).claims
