"""Readings for failure patterns of a sixth unseen batch of real articles (issue 14), each tested on
sentences of our own wording against the bundled data: lists whose owner comes from the sentence
before or from an adverb of proportion, anaphors resolved by the role they play, periods kept to
their own sentence, follow-on global items, respectively and contrast pairs, earlier windows."""

from __future__ import annotations

from datetime import date

import pytest

from tests.claims_helpers import DAY, LEAD, claims_of


def pairs(text: str, kind: str, day: date = DAY) -> set[tuple]:
    """(subject, object, value or rank, comparator, verdict) of each claim of a type."""
    out = set()
    for c in claims_of(text, kind, day):
        v = c.claimed.get("value", c.claimed.get("rank"))
        out.add((c.subject, c.object, v, c.claimed["comparator"], c.verdict))
    return out


# --- 1. lists whose owner and role come from the lead phrase or the sentence before ------------
# `realpolitik arms recipients ISR --from 2019 --to 2023`: 1 India 35.2 %, 2 United States 10.3 %,
# 3 Philippines 7.9 %; `arms suppliers SAU`: 1 United States 75.4 %, 2 Spain 7.0 %, 3 France 7.0 %;
# `arms recipients RUS`: 1 India 33.7 %, 2 China 19.6 %, 3 Egypt 7.5 %;
# `arms suppliers IND`: 1 Russia 36.2 %, 2 France 32.2 %, 3 United States 12.9 %


@pytest.mark.parametrize(
    "text",
    [
        "Israel is a major arms exporter. Main clients: India, the United States and the Philippines.",
        "Israel sells weapons to many states. Its main customers are India, the United States and the Philippines.",
        "Israel is a major arms exporter. Main customers: India, the United States, the Philippines.",
    ],
)
def test_a_list_led_by_a_bare_role_belongs_to_the_state_before(text: str) -> None:
    got = pairs(LEAD + text, "arms_top_recipient")
    assert got == {
        ("ISR", "IND", 3, "le", "supported"),
        ("ISR", "USA", 3, "le", "supported"),
        ("ISR", "PHL", 3, "le", "supported"),
    }
    assert not claims_of(LEAD + text, "arms_global_rank")[1:]  # only 'a major exporter', if any


def test_shares_in_a_list_led_by_a_bare_role_are_the_owners_not_the_worlds() -> None:
    text = (
        LEAD
        + "Israel is a major arms exporter. Main clients: India (35 %), the United States (10 %) and the Philippines (8 %)."
    )
    assert not claims_of(text, "arms_global_share")
    assert pairs(text, "arms_export_share") == {
        ("ISR", "IND", 35.0, "eq", "supported"),
        ("ISR", "USA", 10.0, "eq", "supported"),
        ("ISR", "PHL", 8.0, "eq", "supported"),
    }


@pytest.mark.parametrize(
    "lead",
    [
        "Saudi Arabia was the second-largest arms importer in 2019-23. Its main suppliers were",
        "Saudi Arabia was the second-largest arms importer in 2019-23. The kingdom's main suppliers were",
    ],
)
def test_a_list_owned_by_an_anaphor_takes_the_state_before_and_its_period(lead: str) -> None:
    text = LEAD + lead + " the United States (75 %), Spain (7 %) and France (7 %)."
    got = {
        (c.object, c.claimed["value"], c.period["start"], c.verdict)
        for c in claims_of(text, "arms_import_share")
        if c.subject == "SAU"
    }
    assert got == {
        ("USA", 75.0, 2019, "supported"),
        ("ESP", 7.0, 2019, "supported"),
        ("FRA", 7.0, 2019, "supported"),
    }


@pytest.mark.parametrize(
    ("text", "kind", "owner", "want"),
    [
        (
            "Russia's arms exports went mainly to India, China and Egypt.",
            "arms_top_recipient",
            "RUS",
            {"IND", "CHN", "EGY"},
        ),
        (
            "India's arms imports came mostly from Russia, France and the United States.",
            "arms_top_supplier",
            "IND",
            {"RUS", "FRA", "USA"},
        ),
        (
            "Russian arms went largely to India and China.",
            "arms_top_recipient",
            "RUS",
            {"IND", "CHN"},
        ),
        (
            "Russia's weapons went mostly to India and China.",
            "arms_top_recipient",
            "RUS",
            {"IND", "CHN"},
        ),
    ],
)
def test_an_adverb_of_proportion_over_a_list_makes_each_item_a_main_partner(
    text: str, kind: str, owner: str, want: set
) -> None:
    got = pairs(LEAD + text, kind)
    assert got == {(owner, x, 3, "le", "supported") for x in want}
    # the listed partners hold most together: the first alone holds no majority claim
    assert not claims_of(LEAD + text, "arms_import_share")
    assert not claims_of(LEAD + text, "arms_export_share")


def test_an_adverb_over_a_list_of_oil_buyers_is_a_buyer_rank_each() -> None:
    # `realpolitik oil buyers AZE`: Italy and Israel the two largest buyers of Azerbaijani crude
    text = "Azerbaijan's oil went mainly to Italy and Israel."
    assert pairs(text, "oil_buyer_rank") == {
        ("AZE", "ITA", 3, "le", "supported"),
        ("AZE", "ISR", 3, "le", "supported"),
    }


def test_a_valued_head_of_a_proportion_list_keeps_its_share() -> None:
    text = LEAD + "Russia's arms exports went mainly to India (34 %), China and Egypt."
    assert pairs(text, "arms_export_share") == {("RUS", "IND", 34.0, "eq", "supported")}
    assert {c.object for c in claims_of(text, "arms_top_recipient")} == {"IND", "CHN", "EGY"}


def test_mainly_before_one_partner_is_a_majority() -> None:
    # Russia held more than half of India's imports in earlier windows, not in 2019–23
    text = LEAD + "India's arms imports came mainly from Russia."
    assert pairs(text, "arms_import_share") == {("IND", "RUS", 50.0, "gt", "mixed")}


# --- 4. ranks of an anaphor or epithet resolved from the preceding context ---------------------
# `realpolitik arms top importers|exporters --from 2019 --to 2023`: importers 1 India, 2 Saudi
# Arabia 8.3 %, 3 Qatar, 5 Pakistan 4.4 %; exporters 1 US, 2 France, 3 Russia, 4 China


def world(text: str, kind: str = "arms_global_rank") -> set[tuple]:
    """(state, rank or share, verdict) of each world-ranking or world-share claim."""
    return {
        (c.subject, c.claimed.get("rank", c.claimed.get("value")), c.verdict)
        for c in claims_of(LEAD + text, kind)
    }


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "China supplied 82 % of Pakistan's arms. The country is the fifth-largest arms importer.",
            ("PAK", 5, "supported"),
        ),
        (
            "China supplied 82 % of Pakistan's arms. It was the fifth-largest arms importer in 2019-23.",
            ("PAK", 5, "supported"),
        ),
        (
            "India took 34 % of Russia's arms exports. It is still the third-largest arms exporter.",
            ("RUS", 3, "supported"),
        ),
        (
            "The United States supplied 75 % of Saudi Arabia's arms. The kingdom was the world's second-largest arms importer.",
            ("SAU", 2, "supported"),
        ),
        (
            "France delivered Rafale jets to Qatar. The Gulf state ranked third among importers.",
            ("QAT", 3, "supported"),
        ),
        (
            "Pakistan's imports came mostly from China. The Asian giant is the fourth-largest arms exporter.",
            ("CHN", 4, "supported"),
        ),
    ],
)
def test_an_anaphor_ranked_on_one_side_of_trade_is_the_state_on_that_side(
    text: str, want: tuple
) -> None:
    assert world(text) == {want}


def test_an_anaphor_on_the_right_side_keeps_its_state() -> None:
    text = "China supplied 82 % of Pakistan's arms. It is the fourth-largest arms exporter."
    assert world(text) == {("CHN", 4, "supported")}


def test_a_world_share_of_an_anaphor_takes_the_state_on_its_side() -> None:
    text = "China supplied 82 % of Pakistan's arms. It accounted for 4.4 % of global arms imports."
    assert world(text, "arms_global_share") == {("PAK", 4.4, "supported")}


# --- 9. a period from a neighbouring sentence; an undated move from one value to another ---------
# importers 2014–18: 1 Saudi Arabia, 2 India; 2019–23: 1 India 9.8 %, 2 Saudi Arabia;
# exporters: US 34 % of the world's exports in 2014–18 and 42 % in 2019–23


def periods_of(text: str, kind: str) -> set[tuple]:
    """(state, value or rank, first year of the period checked, verdict) of each claim of a type."""
    return {
        (
            c.subject,
            c.claimed.get("rank", c.claimed.get("value")),
            c.evidence["period_used"]["start"],
            c.verdict,
        )
        for c in claims_of(LEAD + text, kind)
    }


@pytest.mark.parametrize(
    "text",
    [
        "India's arms imports rose between 2009-13 and 2014-18. India is the largest arms importer.",
        "In 2014-18, India was the second-largest importer. India is now the largest arms importer.",
        "In 2014-18, India was second among arms importers. It has since moved to first place.",
    ],
)
def test_a_present_claim_does_not_take_the_window_of_the_sentence_before(text: str) -> None:
    assert ("IND", 1, 2019, "supported") in periods_of(text, "arms_global_rank")


def test_a_past_claim_still_takes_the_paragraphs_window() -> None:
    text = "In 2014-18, India bought many arms. Saudi Arabia was the largest arms importer."
    assert periods_of(text, "arms_global_rank") == {("SAU", 1, 2014, "supported")}


def test_a_since_span_does_not_date_the_next_sentence() -> None:
    text = (
        "Russia has been India's main arms supplier since 1960. "
        "Russia accounted for 36 % of India's arms imports."
    )
    assert periods_of(text, "arms_import_share") == {("IND", 36.0, 2019, "supported")}


@pytest.mark.parametrize(
    "text",
    [
        "Between 2019 and 2023 India was the top arms importer, while Saudi Arabia was second.",
        "In 2019-23 India was the largest arms importer, whereas Saudi Arabia ranked second.",
    ],
)
def test_a_past_contrasted_clause_keeps_its_sentences_period(text: str) -> None:
    text = "Saudi Arabia's imports in 2014-18 were high. " + text
    assert ("SAU", 2, 2019, "supported") in periods_of(text, "arms_global_rank")


@pytest.mark.parametrize(
    "text",
    [
        "The United States' share of global arms exports rose from 34 % to 42 %.",
        "The US share of world arms exports went from 34 per cent to 42 per cent.",
    ],
)
def test_an_undated_move_judges_its_first_value_on_the_window_before(text: str) -> None:
    assert periods_of(text, "arms_global_share") == {
        ("USA", 34.0, 2014, "supported"),
        ("USA", 42.0, 2019, "supported"),
    }


# --- 6. items following a world-share or world-rank sentence are world shares and ranks ---------
# exporters 2019–23: 1 US 42 %, 2 France 11 %, 3 Russia 11 %; importers: 2 Saudi Arabia 8.3 %,
# 3 Qatar 7.8 %


@pytest.mark.parametrize(
    "text",
    [
        "The US accounted for 42 % of global arms exports. It is followed by France (11 %) and Russia (11 %).",
        "The US accounted for 42 % of global arms exports, with Saudi Arabia its main client. It is followed by France (11 %) and Russia (11 %).",
        "The US share of global arms exports was 42 %. France followed with 11 %, then Russia with 11 %.",
    ],
)
def test_items_after_a_world_share_are_world_shares(text: str) -> None:
    assert {("FRA", 11.0, "supported"), ("RUS", 11.0, "supported")} <= world(
        text, "arms_global_share"
    )
    assert not claims_of(LEAD + text, "arms_export_share")


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "The US was the largest arms exporter. It was followed by France (11 %) and Russia (11 %).",
            {("USA", 1, "supported"), ("FRA", 2, "supported"), ("RUS", 3, "supported")},
        ),
        (
            "India was the largest arms importer, with Russia its main supplier. It was followed by Saudi Arabia (8.3 %) and Qatar (7.8 %).",
            {("IND", 1, "supported"), ("SAU", 2, "supported"), ("QAT", 3, "supported")},
        ),
    ],
)
def test_items_following_a_ranked_state_take_the_next_places(text: str, want: set) -> None:
    assert world(text) == want


def test_a_state_followed_in_a_bilateral_list_keeps_the_owner() -> None:
    text = "Russia supplied 36 % of India's arms imports. Russia is followed by France (32 %) and the United States (13 %)."
    assert pairs(LEAD + text, "arms_import_share") == {
        ("IND", "RUS", 36.0, "eq", "supported"),
        ("IND", "FRA", 32.0, "eq", "supported"),
        ("IND", "USA", 13.0, "eq", "supported"),
    }


# --- 2. 'respectively', values sharing one unit, contrast pairs, a fronted partitive ------------


@pytest.mark.parametrize(
    "text",
    [
        "India and Saudi Arabia accounted for 9.8 and 8.3 per cent of global arms imports respectively.",
        "India and Saudi Arabia accounted for 9.8 % and 8.3 % of global arms imports, respectively.",
        "India and Saudi Arabia bought 9.8 and 8.3 per cent of global arms imports respectively.",
    ],
)
def test_respectively_pairs_states_and_values_sharing_a_unit(text: str) -> None:
    assert world(text, "arms_global_share") == {
        ("IND", 9.8, "supported"),
        ("SAU", 8.3, "supported"),
    }


@pytest.mark.parametrize(
    ("text", "kind", "want"),
    [
        (
            "Russia and France supplied 36 and 32 per cent of India's arms respectively.",
            "arms_import_share",
            {("IND", "RUS", 36.0, "eq", "supported"), ("IND", "FRA", 32.0, "eq", "supported")},
        ),
        (
            "India and Egypt received 34 and 7.5 per cent of Russia's arms exports respectively.",
            "arms_export_share",
            {("RUS", "IND", 34.0, "eq", "supported"), ("RUS", "EGY", 7.5, "eq", "supported")},
        ),
    ],
)
def test_respectively_with_an_owner_takes_the_side_from_the_verb(
    text: str, kind: str, want: set
) -> None:
    assert pairs(LEAD + text, kind) == want


def test_a_range_is_not_a_pair_of_values() -> None:
    text = "India received between 5 and 10 per cent of global arms imports."
    assert {c.claimed["value"] for c in claims_of(LEAD + text, "arms_global_share")} <= {10.0}


@pytest.mark.parametrize(
    "text",
    [
        "Of global arms exports, the US took 42 %, France 11 %.",
        "The US holds 42 % of global arms exports, whereas France has 11 %.",
        "The US took 42 % of global arms exports, France 11 %.",
    ],
)
def test_contrast_pairs_and_fronted_partitives_give_each_state_its_share(text: str) -> None:
    assert world(text, "arms_global_share") == {
        ("USA", 42.0, "supported"),
        ("FRA", 11.0, "supported"),
    }


def test_a_fronted_partitive_with_an_owner_is_that_owners_total() -> None:
    text = "Of India's arms imports, Russia supplied 36 % and France 32 %."
    assert pairs(LEAD + text, "arms_import_share") == {
        ("IND", "RUS", 36.0, "eq", "supported"),
        ("IND", "FRA", 32.0, "eq", "supported"),
    }


# --- 3. moves 'from X % to Y %' of several states in one sentence: two claims each -------------
# exporters' world shares: US 34.3 % (2014–18) → 41.2 % (2019–23); France 7.2 % → 10.8 %;
# Russia 21.5 % → 10.6 %; India's imports from Russia 57.7 % → 36.2 %, from France 6.8 % → 32.2 %


@pytest.mark.parametrize(
    "text",
    [
        "Between 2014-18 and 2019-23 the US share of global arms exports rose from 34 % to 42 %, and France's from 7.2 % to 11 %.",
        "The US share of global arms exports rose from 34 % to 42 % and France's from 7.2 % to 11 %.",
        "The shares of the US and France in global arms exports rose from 34 % to 42 % and from 7.2 % to 11 % respectively.",
    ],
)
def test_each_state_of_a_sentence_of_moves_has_a_then_and_a_now(text: str) -> None:
    assert periods_of(text, "arms_global_share") == {
        ("USA", 34.0, 2014, "supported"),
        ("USA", 42.0, 2019, "supported"),
        ("FRA", 7.2, 2014, "supported"),
        ("FRA", 11.0, 2019, "supported"),
    }


def test_moves_of_two_suppliers_of_one_owner_are_judged_then_and_now() -> None:
    text = "Russia's share of India's arms imports fell from 58 % to 36 %, while France's rose from 7 % to 32 %."
    got = {
        (c.object, c.claimed["value"], c.evidence["period_used"]["start"], c.verdict)
        for c in claims_of(LEAD + text, "arms_import_share")
    }
    assert got == {
        ("RUS", 58.0, 2014, "supported"),
        ("RUS", 36.0, 2019, "supported"),
        ("FRA", 7.0, 2014, "supported"),
        ("FRA", 32.0, 2019, "supported"),
    }


def test_an_undated_move_in_an_older_article_uses_its_own_windows() -> None:
    # an article of 2019: the current window is 2014–18, the one before 2009–13
    text = LEAD + "The US share of global arms exports rose from 30 % to 34 %."
    got = {
        (c.claimed["value"], c.evidence["period_used"]["start"])
        for c in claims_of(text, "arms_global_share", date(2019, 5, 1))
    }
    assert got == {(30.0, 2009), (34.0, 2014)}


# --- 5. a trailing earlier-window clause: its own claim, and the main period unmoved -----------
# France 7.2 % of world exports in 2014–18, 10.8 % in 2019–23; Qatar 21st (1.4 %) of importers in
# 2014–18, third (7.8 %) in 2019–23; India's imports from Russia 57.7 % → 36.2 %


@pytest.mark.parametrize(
    "text",
    [
        "France accounted for 11 % of global arms exports, up from 7.2 % in 2014-18.",
        "France's share of world arms exports grew to 11 %, from 7.2 % in 2014-18.",
        "France accounted for 11 % of global arms exports, against 7.2 % in 2014-18.",
        "France accounted for 11 % of global arms exports (7.2 % in 2014-18).",
        "France's share of global arms exports was 11 %, compared with 7.2 % in the previous five-year period.",
    ],
)
def test_an_earlier_value_is_its_own_claim_and_leaves_the_main_period(text: str) -> None:
    assert periods_of(text, "arms_global_share") == {
        ("FRA", 11.0, 2019, "supported"),
        ("FRA", 7.2, 2014, "supported"),
    }


@pytest.mark.parametrize(
    "text",
    [
        "Qatar was the third-largest arms importer, compared with 21st in 2014-18.",
        "Qatar was the third-largest arms importer, up from 21st in the previous five years.",
    ],
)
def test_an_earlier_rank_is_checked_in_the_window_before(text: str) -> None:
    assert periods_of(text, "arms_global_rank") == {
        ("QAT", 3, 2019, "supported"),
        ("QAT", 21, 2014, "supported"),
    }


@pytest.mark.parametrize(
    "text",
    [
        "Russia supplied 36 % of India's arms, down from 58 % in the previous five-year period.",
        "Russia supplied 36 % of India's arms, down from 58 %.",
    ],
)
def test_an_earlier_value_after_the_owner_is_still_the_earlier_value(text: str) -> None:
    got = {
        (c.claimed["value"], c.evidence["period_used"]["start"], c.verdict)
        for c in claims_of(LEAD + text, "arms_import_share")
    }
    assert got == {(36.0, 2019, "supported"), (58.0, 2014, "supported")}


def test_a_value_of_another_state_after_compared_with_is_that_states() -> None:
    text = "Russia supplied 36 % of India's arms, compared with France's 32 %."
    assert pairs(LEAD + text, "arms_import_share") == {
        ("IND", "RUS", 36.0, "eq", "supported"),
        ("IND", "FRA", 32.0, "eq", "supported"),
    }


# --- 8. numbered lines of oil volumes are a ranking of producers for the lead-in's year ----------
# `realpolitik oil producers --year 2019`: 1 United States, 2 Saudi Arabia, 3 Russia (BP, kb/d)

OIL_DAY = date(2020, 9, 1)


def producer_ranks(text: str) -> set[tuple]:
    """(state, rank, year, verdict) of each oil-producer rank in a text."""
    return {
        (c.subject, c.claimed["rank"], c.evidence["period_used"]["start"], c.verdict)
        for c in claims_of(text, "oil_producer_rank", OIL_DAY)
    }


@pytest.mark.parametrize(
    "lines",
    [
        "1. United States – 19.5 million b/d\n2. Saudi Arabia – 11.8 million b/d\n3. Russia – 11.5 million b/d\n",
        "1) United States: 19.5 mb/d\n2) Saudi Arabia: 11.8 mb/d\n3) Russia: 11.5 mb/d\n",
        "1. United States - 19,500 kb/d\n2. Saudi Arabia - 11,800 kb/d\n3. Russia - 11,500 kb/d\n",
    ],
)
@pytest.mark.parametrize(
    "lead",
    [
        "According to the agency, these were the biggest oil-producing countries in 2019:",
        "Oil markets stayed tight. Here is how output ranked in 2019.",
    ],
)
def test_numbered_lines_of_oil_volumes_are_producer_ranks(lead: str, lines: str) -> None:
    text = "Energy notes.\n\n" + lead + "\n\n" + lines
    assert producer_ranks(text) == {
        ("USA", 1, 2019, "supported"),
        ("SAU", 2, 2019, "supported"),
        ("RUS", 3, 2019, "supported"),
    }


def test_a_wrong_place_in_a_volume_list_is_contradicted() -> None:
    text = "Energy notes.\n\nThe biggest oil-producing countries in 2019:\n\n1. Russia – 11.5 million b/d\n2. United States – 19.5 million b/d\n"
    assert producer_ranks(text) == {
        ("RUS", 1, 2019, "contradicted"),
        ("USA", 2, 2019, "contradicted"),
    }


@pytest.mark.parametrize(
    "lead",
    [
        "The biggest crude oil importers in 2019:",
        "Oil consumption in 2019 was led by these countries:",
    ],
)
def test_a_volume_list_of_imports_or_consumption_is_no_producer_ranking(lead: str) -> None:
    text = (
        "Energy notes.\n\n"
        + lead
        + "\n\n1. China – 10.1 million b/d\n2. United States – 6.8 million b/d\n"
    )
    assert not producer_ranks(text)


# --- 7. supplier shares in quotes and relative clauses -------------------------------------------
# India's suppliers 2019–23: Russia 36.2 %; Pakistan's: China 83.6 % (Russia held more than half
# of India's imports in earlier windows, not in 2019–23: 'mostly' is mixed)


@pytest.mark.parametrize(
    "text",
    [
        "India said 'about 36 per cent' of its weapons came from Russia.",
        'According to the report, "about 36 per cent" of India\'s weapons came from Russia.',
        "Russia, from which India bought about 36 % of its arms, remains a key partner.",
        "India, which buys about 36 % of its weapons from Russia, is the top importer.",
    ],
)
def test_a_quoted_or_relative_supplier_share_is_read(text: str) -> None:
    got = {
        (c.subject, c.object, c.claimed["value"], c.verdict)
        for c in claims_of(LEAD + text, "arms_import_share")
    }
    assert got == {("IND", "RUS", 36.0, "supported")}


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "India, whose arms came mostly from Russia, is the largest importer.",
            ("IND", "RUS", "mixed"),
        ),
        ("India's arms came mostly from Russia.", ("IND", "RUS", "mixed")),
        ("Pakistan's weapons came mainly from China.", ("PAK", "CHN", "supported")),
        (
            "India imported 9.8 % of the world's arms, most of which came from Russia.",
            ("IND", "RUS", "mixed"),
        ),
    ],
)
def test_a_proportion_of_an_owned_total_before_it_is_the_owners(text: str, want: tuple) -> None:
    got = {
        (c.subject, c.object, c.verdict)
        for c in claims_of(LEAD + text, "arms_import_share")
        if c.claimed["comparator"] == "gt"
    }
    assert got == {want}


def test_an_unresolved_its_before_a_ranking_claims_no_world_rank() -> None:
    text = LEAD + "Its top suppliers were Russia, France and the United States."
    assert not claims_of(text, "arms_global_rank")
    assert not claims_of(text, "arms_top_supplier")
