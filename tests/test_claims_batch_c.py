"""Readings for failure patterns of an unseen batch of real articles (issue 14), each tested on
sentences of our own wording: friction wording as rivalry, rank vocabulary, earlier ranks, lists
continued across sentences, numbered lists, epithets, gapped share transitions."""

from __future__ import annotations

from datetime import date

import pytest

from realpolitik.analyses.claims import check
from realpolitik.analyses.claims.extract import extract

DAY = date(2024, 5, 1)


def got(text: str, day: date = DAY) -> set[tuple]:
    """(type, subject, object, rank or value, comparator) of every claim read from `text`."""
    return {
        (
            c.type,
            c.subject,
            c.object,
            c.claimed.get("rank", c.claimed.get("value")),
            c.claimed.get("comparator"),
        )
        for c in extract(text, day)
    }


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        (
            "India has long faced tensions with Pakistan and China.",
            {("IND", "PAK"), ("IND", "CHN")},
        ),
        ("Armed clashes between Armenia and Azerbaijan resumed in 2022.", {("ARM", "AZE")}),
        ("Border skirmishes between India and China have grown.", {("IND", "CHN")}),
        ("Iran's hostility towards Israel is old.", {("IRN", "ISR")}),
        ("China's tensions with Japan grew.", {("CHN", "JPN")}),
        (
            "Pakistan has tense relations with India and Afghanistan.",
            {("PAK", "IND"), ("PAK", "AFG")},
        ),
    ],
)
def test_friction_with_a_named_state_is_a_rivalry(text: str, pairs: set) -> None:
    report = check(text, DAY)
    assert {(c.subject, c.object) for c in report.claims if c.type == "rivalry"} == pairs
    assert all(c.verdict == "supported" for c in report.claims if c.type == "rivalry")


def test_friction_without_a_state_it_is_with_is_no_rivalry() -> None:
    assert not [
        c for c in extract("Tensions rose after the election in India.", DAY) if c.type == "rivalry"
    ]


# SIPRI 2019–23 (current data): exporters 1 USA, 2 FRA, 3 RUS, 4 CHN, 5 DEU, 6 ITA; importers 1 IND,
# 2 SAU, 3 QAT, 4 UKR, 5 PAK. 2014–18: exporters 2 RUS, 3 FRA; importers 21 QAT.
@pytest.mark.parametrize(
    ("text", "state", "rank", "kind"),
    [
        ("Ukraine now occupies the fourth position among arms importers.", "UKR", 4, "importers"),
        (
            "Among the world's arms exporters, France took the second place in 2019-23.",
            "FRA",
            2,
            "exporters",
        ),
        ("In arms exports, France ranked second in 2019-23.", "FRA", 2, "exporters"),
        (
            "The United States retained its top ranking among arms exporters in 2019-23.",
            "USA",
            1,
            "exporters",
        ),
        (
            "The United States remained the world leader in arms exports in 2019-23.",
            "USA",
            1,
            "exporters",
        ),
        ("Pakistan held the fifth spot among arms importers in 2019-23.", "PAK", 5, "importers"),
        ("Qatar has climbed to third place among arms importers.", "QAT", 3, "importers"),
        ("India topped the list of arms importers in 2019-23.", "IND", 1, "importers"),
        (
            "India was at the top of the ranking of arms importers in 2019-23.",
            "IND",
            1,
            "importers",
        ),
        ("Saudi Arabia was runner-up among arms importers in 2019-23.", "SAU", 2, "importers"),
        ("Qatar came in at third among arms importers in 2019-23.", "QAT", 3, "importers"),
    ],
)
def test_rank_vocabulary_of_positions_and_standings(
    text: str, state: str, rank: int, kind: str
) -> None:
    (c,) = [c for c in check(text, DAY).claims if c.type == "arms_global_rank"]
    assert (c.subject, c.claimed["rank"], c.claimed["comparator"], c.claimed["kind"]) == (
        state,
        rank,
        "eq",
        kind,
    )
    assert c.verdict == "supported"


def test_the_leaders_in_a_domain_are_a_top_list() -> None:
    g = got(
        "Over the past five years the leaders in arms imports have been India, Saudi Arabia and Qatar."
    )
    assert {(t[1], t[3], t[4]) for t in g if t[0] == "arms_global_rank"} == {
        ("IND", 3, "le"),
        ("SAU", 3, "le"),
        ("QAT", 3, "le"),
    }


@pytest.mark.parametrize(
    "text",
    [
        "France is one of the world's largest exporters of arms.",
        "France is among the top exporters of arms.",
        "France is one of the biggest arms exporters.",
    ],
)
def test_one_of_the_largest_is_membership_not_first_place(text: str) -> None:
    (c,) = [c for c in extract(text, DAY) if c.type == "arms_global_rank"]
    assert c.claimed["comparator"] == "le" and c.claimed["rank"] >= 3


@pytest.mark.parametrize(
    ("text", "now", "before"),
    [
        (
            "Qatar rose to third place among arms importers in 2019-23, up from 21st in the previous period.",
            3,
            21,
        ),
        (
            "France became the second-largest arms exporter in 2019-23, up from third in 2014-18.",
            2,
            3,
        ),
        (
            "France became the world's second largest arms exporter, up from third in the previous five-year period.",
            2,
            3,
        ),
        (
            "Russia fell to third among arms exporters in 2019-23, down from second in 2014-18.",
            3,
            2,
        ),
    ],
)
def test_an_earlier_rank_is_a_claim_on_the_previous_window(
    text: str, now: int, before: int
) -> None:
    ranks = sorted(
        (
            (c.period["start"], c.claimed["rank"], c.verdict)
            for c in check(text, DAY).claims
            if c.type == "arms_global_rank"
        ),
    )
    assert ranks == [(2014, before, "supported"), (2019, now, "supported")]


def test_a_parenthesised_baseline_is_the_earlier_windows_value() -> None:
    # Qatar's share of global arms imports: 7.76 % in 2019–23, 1.44 % in 2014–18
    claims = check(
        "Qatar's share of global arms imports was 7.8 % in 2019-23 (1.4 % in 2014-18).", DAY
    ).claims
    got_ = sorted(
        (c.period["start"], c.claimed["value"], c.verdict)
        for c in claims
        if c.type == "arms_global_share"
    )
    assert got_ == [(2014, 1.4, "supported"), (2019, 7.8, "supported")]


def test_a_list_far_from_the_last_arms_word_takes_the_articles_metric() -> None:
    text = (
        "Israel is a major arms exporter. Its weapons sell well. Its arms industry is large.\n\n"
        "Its economy grew fast. Tourism led the way. Farming rose too. Banking was steady.\n\n"
        "Its largest clients in 2019-23 were India, the United States and the Philippines."
    )
    g = got(text)
    assert {t[2] for t in g if t[0] == "arms_top_recipient"} == {"IND", "USA", "PHL"}


# Russia's share of India's arms imports: 57.7 % in 2014–18, 36.2 % in 2019–23; France's 6.8 %, 32.2 %
@pytest.mark.parametrize(
    "text",
    [
        "Russia's share of India's arms imports fell from 58 % to 36 % between 2014-18 and 2019-23, "
        "while France's rose from 6.8 % to 32 %.",
        "Between 2014-18 and 2019-23 Russia's share of India's arms imports fell from 58 % to 36 %, "
        "France's from 6.8 % to 32 %.",
    ],
)
def test_gapped_transitions_name_each_state_and_both_windows(text: str) -> None:
    claims = [c for c in check(text, DAY).claims if c.type == "arms_import_share"]
    assert sorted((c.object, c.period["start"], c.claimed["value"], c.verdict) for c in claims) == [
        ("FRA", 2014, 6.8, "supported"),
        ("FRA", 2019, 32.0, "supported"),
        ("RUS", 2014, 58.0, "supported"),
        ("RUS", 2019, 36.0, "supported"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "In 2019-23, Russia's share of India's arms imports fell from 58 % to 36 %.",
        "Russia's share of India's arms imports fell from 58 % in 2014-18 to 36 %.",
    ],
)
def test_a_move_from_a_to_b_with_one_window_spans_two_windows(text: str) -> None:
    claims = [c for c in check(text, DAY).claims if c.type == "arms_import_share"]
    assert sorted((c.period["start"], c.claimed["value"], c.verdict) for c in claims) == [
        (2014, 58.0, "supported"),
        (2019, 36.0, "supported"),
    ]


# SIPRI 2019–23: China 6.3 % of global exports, 84 % of Pakistan's imports; India 9.8 % and Saudi
# Arabia 8.3 % of global imports; the US 75 % of Saudi Arabia's and 69 % of Israel's imports
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "China exported weapons to Pakistan. The Asian giant accounted for 6.3 % of global arms "
            "exports in 2019-23.",
            ("arms_global_share", "CHN", None),
        ),
        (
            "Pakistan relies on China. The Asian giant supplied 84 % of its arms in 2019-23.",
            ("arms_import_share", "PAK", "CHN"),
        ),
        (
            "India bought more weapons than anyone else. The subcontinent nation took 9.8 % of world "
            "arms imports in 2019-23.",
            ("arms_global_share", "IND", None),
        ),
        (
            "Saudi Arabia buys from the US. Qatar buys from France. The Gulf kingdom accounted for "
            "8.3 % of global arms imports in 2019-23.",
            ("arms_global_share", "SAU", None),
        ),
        (
            "Iran sees Israel as a foe. The Jewish state received 69 % of its arms from the United "
            "States in 2019-23.",
            ("arms_import_share", "ISR", "USA"),
        ),
    ],
)
def test_an_epithet_is_the_nearest_state_of_its_class(text: str, expected: tuple) -> None:
    claims = [c for c in check(text, DAY).claims if c.type == expected[0]]
    assert [(c.type, c.subject, c.object, c.verdict) for c in claims] == [(*expected, "supported")]


@pytest.mark.parametrize(
    ("text", "members", "rank"),
    [
        (
            "SIPRI named the five largest arms importers of 2019-23. They were India, Saudi Arabia, "
            "Qatar, Ukraine and Pakistan.",
            {"IND", "SAU", "QAT", "UKR", "PAK"},
            5,
        ),
        (
            "The five largest arms exporters accounted for 75 % of all exports in 2019-23. They were "
            "the United States, France, Russia, China and Germany.",
            {"USA", "FRA", "RUS", "CHN", "DEU"},
            5,
        ),
        (
            "The five largest arms exporters in 2019-23 were the United States, France and Russia.\n\n"
            "China and Germany completed the top five.",
            {"USA", "FRA", "RUS", "CHN", "DEU"},
            5,
        ),
    ],
)
def test_a_group_named_in_one_sentence_takes_the_members_given_in_the_next(
    text: str, members: set, rank: int
) -> None:
    claims = [c for c in check(text, DAY).claims if c.type == "arms_global_rank"]
    assert {c.subject for c in claims} == members
    assert all(
        (c.claimed["rank"], c.claimed["comparator"], c.verdict) == (rank, "le", "supported")
        for c in claims
    )


def test_members_in_order_are_exact_ranks() -> None:
    text = (
        "SIPRI listed the five largest arms exporters in 2019-23. In order, they were the United "
        "States, France, Russia, China and Germany."
    )
    claims = [c for c in check(text, DAY).claims if c.type == "arms_global_rank"]
    assert sorted((c.claimed["rank"], c.subject, c.verdict) for c in claims) == [
        (1, "USA", "supported"),
        (2, "FRA", "supported"),
        (3, "RUS", "supported"),
        (4, "CHN", "supported"),
        (5, "DEU", "supported"),
    ]


def test_a_members_sentence_without_a_group_before_claims_nothing() -> None:
    assert not got("They were India, Saudi Arabia and Qatar.")


def test_numbered_items_under_a_top_n_heading() -> None:
    # 2019–23 importers: India 9.8 %, Saudi Arabia 8.3 %, Qatar 7.8 %, Ukraine 5.2 %
    text = "Top 4 arms importers, 2019-23\n\n1. India – 9.8 %\n2. Saudi Arabia 8.3 %\n3. Qatar (7.8 %)\n4. Ukraine: 5.2 %\n"
    claims = check(text, DAY).claims
    ranks = sorted(
        (c.claimed["rank"], c.subject, c.verdict) for c in claims if c.type == "arms_global_rank"
    )
    assert ranks == [
        (1, "IND", "supported"),
        (2, "SAU", "supported"),
        (3, "QAT", "supported"),
        (4, "UKR", "supported"),
    ]
    shares = {
        (c.subject, c.claimed["value"], c.verdict) for c in claims if c.type == "arms_global_share"
    }
    assert shares == {
        ("IND", 9.8, "supported"),
        ("SAU", 8.3, "supported"),
        ("QAT", 7.8, "supported"),
        ("UKR", 5.2, "supported"),
    }
    assert all(c.period["start"] == 2019 for c in claims)


def test_bulleted_items_under_a_heading_are_members() -> None:
    text = "The top three suppliers of arms to India in 2019-23:\n\n- Russia\n- France\n- the United States\n"
    claims = [c for c in check(text, DAY).claims if c.type == "arms_top_supplier"]
    assert {(c.subject, c.object, c.claimed["rank"], c.verdict) for c in claims} == {
        ("IND", "RUS", 3, "supported"),
        ("IND", "FRA", 3, "supported"),
        ("IND", "USA", 3, "supported"),
    }


def test_list_item_lines_are_sentences_of_their_own() -> None:
    from realpolitik.analyses.claims.segment import segment

    text = "Top 2 arms importers\n\n1. India – 9.8 %\n2. Saudi Arabia 8.3 %\n"
    assert [text[s.start : s.end] for s in segment(text).sentences] == [
        "Top 2 arms importers",
        "1. India – 9.8 %",
        "2. Saudi Arabia 8.3 %",
    ]


# India's crude sources in 2021 (the bundled bilateral year): 1 Iraq, 2 Saudi Arabia, 3 United States
@pytest.mark.parametrize(
    ("text", "state", "rank"),
    [
        (
            "India imports most of its crude oil from the Middle East. Iraq supplied 24 % of it in "
            "2021. Saudi Arabia is the second largest supplier.",
            "SAU",
            2,
        ),
        (
            "Crude oil imports to India have grown. Saudi Arabia is the second largest supplier.",
            "SAU",
            2,
        ),
        (
            "India's crude oil purchases rose in 2021. The United States was the third biggest supplier.",
            "USA",
            3,
        ),
    ],
)
def test_a_bare_supplier_rank_in_a_crude_paragraph_is_a_crude_source_rank(
    text: str, state: str, rank: int
) -> None:
    claims = [c for c in check(text, DAY).claims if c.claimed.get("rank") == rank]
    assert [(c.type, c.subject, c.object, c.verdict) for c in claims] == [
        ("oil_source_rank", "IND", state, "supported")
    ]


def test_an_arms_sentence_in_a_crude_paragraph_is_not_a_crude_rank() -> None:
    text = "India buys crude oil from Iraq. Russia is also the largest supplier of its arms."
    assert not [c for c in extract(text, DAY) if c.type.startswith("oil_") and c.object == "RUS"]


@pytest.mark.parametrize(
    "text",
    [
        "Egypt received 24 aircraft in 2021 and accounted for 4.0 % of global arms imports.",
        "After Egypt took delivery of 12 frigates in 2021, it accounted for 4.0 % of global arms imports.",
    ],
)
def test_a_count_of_deliveries_dates_the_deliveries_not_the_share(text: str) -> None:
    # Egypt: 4.0 % of global arms imports in 2019–23 (the default window of an article of 2024)
    (c,) = [c for c in check(text, DAY).claims if c.type == "arms_global_share"]
    assert (c.period["start"], c.period["end"], c.verdict) == (2019, 2023, "supported")


def test_any_window_between_two_years_is_no_window() -> None:
    text = "The US share of global arms exports, 42 %, was its highest in any five-year period between 1950 and 2023."
    (c,) = [c for c in check(text, DAY).claims if c.type == "arms_global_share"]
    assert (c.period["start"], c.period["end"]) == (2019, 2023)


@pytest.mark.parametrize(
    ("text", "state", "rank"),
    [
        ("Qatar bought many weapons. Among importers, Qatar was third.", "QAT", 3),
        (
            "France's arms exports rose by 47 % between 2014-18 and 2019-23. France is now second.",
            "FRA",
            2,
        ),
        ("Italy is sixth on the list of the biggest arms exporters.", "ITA", 6),
    ],
)
def test_a_bare_position_takes_its_domain_from_a_lead_phrase_or_the_topic(
    text: str, state: str, rank: int
) -> None:
    claims = [c for c in check(text, DAY).claims if c.type == "arms_global_rank"]
    assert [(c.subject, c.claimed["rank"], c.verdict) for c in claims] == [
        (state, rank, "supported")
    ]


def test_a_position_outside_the_arms_domain_is_no_rank() -> None:
    assert not got("Italy's arms imports fell. Italy came third in the football tournament.") & {
        ("arms_global_rank", "ITA", None, 3, "eq")
    }


# Russia's arms exports 2019–23: India 34 %; China's: Pakistan 58 %; India's suppliers: Russia 36 %,
# France 32 %, the US 13 %
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russia sold 34 % of its arms exports to India in 2019-23.", ("RUS", "IND", 34.0)),
        ("Russia exported 34 % of its arms exports to India in 2019-23.", ("RUS", "IND", 34.0)),
        ("China sent 58 % of its arms exports to Pakistan in 2019-23.", ("CHN", "PAK", 58.0)),
        ("India took 34 % of Russian arms exports in 2019-23.", ("RUS", "IND", 34.0)),
    ],
)
def test_the_recipient_inside_the_exporters_total_is_the_partner(
    text: str, expected: tuple
) -> None:
    claims = [c for c in check(text, DAY).claims if c.type == "arms_export_share"]
    assert [(c.subject, c.object, c.claimed["value"], c.verdict) for c in claims] == [
        (*expected, "supported")
    ]


def test_an_ownerless_colon_list_of_suppliers_is_the_articles_state() -> None:
    text = "India is the top arms importer. Main suppliers: Russia (36 %), France (32 %) and the US (13 %)."
    claims = check(text, DAY).claims
    assert {
        (c.subject, c.object, c.claimed["value"], c.verdict)
        for c in claims
        if c.type == "arms_import_share"
    } == {
        ("IND", "RUS", 36.0, "supported"),
        ("IND", "FRA", 32.0, "supported"),
        ("IND", "USA", 13.0, "supported"),
    }
    assert not [c for c in claims if c.type == "arms_global_share"]


def test_the_main_suppliers_of_arms_with_no_state_about_are_the_worlds() -> None:
    g = got("The main suppliers of arms were the United States, France and Russia.")
    assert {t[1] for t in g if t[0] == "arms_global_rank"} == {"USA", "FRA", "RUS"}


@pytest.mark.parametrize(
    "second",
    [
        "Next came China and Germany.",
        "They were followed by China and Germany.",
        "Then came China and Germany.",
    ],
)
def test_the_rest_of_an_incomplete_top_n_list_in_the_next_sentence(second: str) -> None:
    text = (
        "The five largest arms exporters in 2019-23 were the United States, France and Russia. "
        + second
    )
    claims = [c for c in check(text, DAY).claims if c.type == "arms_global_rank"]
    assert {c.subject for c in claims} == {"USA", "FRA", "RUS", "CHN", "DEU"}
    assert all(
        (c.claimed["rank"], c.claimed["comparator"], c.verdict) == (5, "le", "supported")
        for c in claims
    )


def test_a_complete_list_is_not_continued() -> None:
    text = "The three largest arms exporters in 2019-23 were the United States, France and Russia. Next came China and Germany."
    assert {t[1] for t in got(text) if t[0] == "arms_global_rank"} == {"USA", "FRA", "RUS"}


def test_a_designation_number_is_no_count_of_deliveries() -> None:
    (c,) = [
        c
        for c in extract("Azerbaijan received Hermes-450 drones from Israel in 2011.", DAY)
        if c.type == "arms_deal"
    ]
    assert (c.period["start"], c.period["end"]) == (2011, 2011)


def test_a_share_sent_to_two_states_combined_names_neither_as_the_partner() -> None:
    text = (
        "Kazakhstan sent roughly half of its crude exports to Italy and the Netherlands combined."
    )
    assert not [c for c in extract(text, DAY) if c.type == "oil_export_share"]


@pytest.mark.parametrize(
    "text",
    [
        "Qatar became the third-largest arms importer in 2019-23 (21st in 2014-18).",
        "Qatar became the third-largest arms importer in 2019-23, having been 21st in 2014-18.",
        "Qatar became the third-largest arms importer in 2019-23, up from 21st.",
    ],
)
def test_an_earlier_rank_in_a_parenthesis_or_participle_or_without_window(text: str) -> None:
    ranks = sorted(
        (c.period["start"], c.claimed["rank"], c.verdict)
        for c in check(text, DAY).claims
        if c.type == "arms_global_rank"
    )
    assert ranks == [(2014, 21, "supported"), (2019, 3, "supported")]


def test_an_earlier_value_without_a_window_is_the_previous_window() -> None:
    # China's share of Pakistan's arms imports: 69 % in 2014–18, 84 % in 2019–23
    claims = check(
        "Pakistan received 84 % of its arms from China in 2019-23, up from 69 %.", DAY
    ).claims
    assert sorted(
        (c.period["start"], c.claimed["value"], c.verdict)
        for c in claims
        if c.type == "arms_import_share"
    ) == [
        (2014, 69.0, "supported"),
        (2019, 84.0, "supported"),
    ]


def test_a_bare_position_takes_the_ranking_its_paragraph_named() -> None:
    text = (
        "SIPRI's data for 2019-23 show big shifts among arms importers. Qatar rose to third, up "
        "from 21st in the previous period."
    )
    ranks = sorted(
        (c.period["start"], c.claimed["rank"], c.verdict)
        for c in check(text, DAY).claims
        if c.type == "arms_global_rank"
    )
    assert ranks == [(2014, 21, "supported"), (2019, 3, "supported")]


def test_a_regional_ranking_named_in_the_paragraph_gives_no_world_rank() -> None:
    assert not [c for c in extract("European arms importers bought more. Ukraine was fourth.", DAY)]
