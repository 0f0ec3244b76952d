"""General reading mechanisms of real journalism (sentences of our own wording, several
paraphrases per mechanism): lists set off by dashes, restated abbreviations, group anaphors,
negated and lapsed top-N membership, gapped ranks, oil-producer positions carried from an
earlier sentence, regional scope, one supplier's regional split."""

from __future__ import annotations

from datetime import date

import pytest

from realpolitik.analyses.claims import check
from realpolitik.analyses.claims.extract import extract

DAY = date(2020, 3, 9)
OIL_DAY = date(2019, 4, 20)


def got(text: str, day: date = DAY) -> set[tuple]:
    return {
        (c.type, c.subject, c.object, c.claimed.get("rank"), c.claimed.get("comparator"))
        for c in extract(text, day)
    }


@pytest.mark.parametrize(
    "text",
    [
        "The five largest arms importers — Saudi Arabia, India, Egypt, Australia and China — "
        "accounted for 36 per cent of total arms imports in 2015-19.",
        "The five biggest arms importers in 2015-19 – Saudi Arabia, India, Egypt, Australia and "
        "China – together received 36 per cent of the weapons delivered.",
        "The five largest arms importers -- Saudi Arabia, India, Egypt, Australia and China -- "
        "took 36 per cent of all arms imports in 2015-19.",
    ],
)
def test_a_list_set_off_by_dashes_is_the_groups_members(text: str) -> None:
    claims = extract(text, DAY)
    members = {c.subject for c in claims if c.type == "arms_global_rank"}
    assert members == {"SAU", "IND", "EGY", "AUS", "CHN"}
    assert all(c.claimed["rank"] == 5 for c in claims if c.type == "arms_global_rank")
    (group,) = [c for c in claims if c.type == "arms_group_share"]
    assert group.claimed["value"] == 36.0


def test_a_period_with_an_en_dash_is_not_a_list_dash() -> None:
    g = got(
        "The five largest arms exporters in 2017–21 were the United States, Russia, France, "
        "China and Germany (see table 1).",
        date(2022, 3, 14),
    )
    assert {t[1] for t in g if t[0] == "arms_global_rank"} == {"USA", "RUS", "FRA", "CHN", "DEU"}


@pytest.mark.parametrize(
    "text",
    [
        "The ten largest arms importers in 2015-19 were Saudi Arabia, India, the United Arab "
        "Emirates (UAE) and Iraq.",
        "Saudi Arabia, India, the United Arab Emirates (UAE) and Iraq were among the ten largest "
        "arms importers in 2015-19.",
    ],
)
def test_an_abbreviation_restating_a_name_does_not_end_the_list(text: str) -> None:
    g = got(text)
    assert {t[1] for t in g if t[0] == "arms_global_rank"} == {"SAU", "IND", "ARE", "IRQ"}


@pytest.mark.parametrize(
    "second",
    [
        "Together, they accounted for 76 per cent of all arms exports.",
        "Together they accounted for 76 per cent of global arms exports.",
        "Aforesaid countries accounted for 76 per cent of global arms exports.",
        "These five states accounted for 76 per cent of all arms exports.",
        "Together that group supplied 76 per cent of all arms exports.",
    ],
)
def test_a_group_named_again_takes_the_last_list(second: str) -> None:
    report = check(
        "The United States, Russia, France, Germany and China were the five largest arms "
        "exporters in 2015-19. " + second,
        "2020-03-09",
    )
    (group,) = [c for c in report.claims if c.type == "arms_group_share"]
    assert group.claimed["value"] == 76.0
    assert group.verdict == "supported"  # within ±1 pp in the bundled data


def test_combined_opener_before_the_list_is_a_combined_share() -> None:
    (group,) = [
        c
        for c in extract(
            "Combined, the United States and France supplied 43 per cent of global arms "
            "exports in 2015-19.",
            DAY,
        )
        if c.type == "arms_group_share"
    ]
    assert group.claimed["value"] == 43.0


@pytest.mark.parametrize(
    ("text", "n"),
    [
        ("Pakistan was not in the top five arms importers in 2015-19.", 5),
        ("Turkey has not been one of the ten largest arms exporters in 2015-19.", 10),
        ("Pakistan did not feature among the top ten arms importers in 2015-19.", 10),
        ("Pakistan fell out of the top ten arms importers in 2015-19.", 10),
        ("Pakistan dropped out of the ten largest arms importers in 2015-19.", 10),
    ],
)
def test_negated_and_lapsed_membership(text: str, n: int) -> None:
    (c,) = [c for c in extract(text, DAY) if c.type == "arms_global_rank"]
    assert (c.claimed["rank"], c.claimed["comparator"]) == (n, "gt")


def test_not_in_the_top_five_since_a_window_is_judged_after_it() -> None:
    report = check(
        "Pakistan has not been in the top five arms importers since 2010-14.", "2020-03-09"
    )
    (c,) = report.claims
    assert c.claimed["when"] == "every" and c.claimed["comparator"] == "gt"
    # Pakistan was 3rd in 2010-14 itself; the claim is about the windows after it
    assert c.verdict == "supported"
    assert "2015–2019" in c.evidence["summary"]


@pytest.mark.parametrize(
    "text",
    [
        "Russia is the second largest arms exporter, China fourth and Germany fifth.",
        "Russia was the second largest arms exporter in 2015-19, China fourth, and Germany fifth.",
    ],
)
def test_gapped_ranks_take_the_first_ranks_reading(text: str) -> None:
    g = got(text)
    assert ("arms_global_rank", "CHN", None, 4, "eq") in g
    assert ("arms_global_rank", "DEU", None, 5, "eq") in g


@pytest.mark.parametrize(
    "text",
    [
        "Oil producing countries pumped more barrels last year than ever before. In the world, "
        "Canada comes fourth after the United States, Saudi Arabia and Russia.",
        "Crude oil production hit a record last year.\n\nCanada comes fourth after the United "
        "States, Saudi Arabia and Russia.",
    ],
)
def test_oil_producer_positions_continue_an_earlier_sentences_ranking(text: str) -> None:
    g = got(text, OIL_DAY)
    assert ("oil_producer_rank", "CAN", None, 4, "eq") in g
    assert ("oil_producer_rank", "USA", None, 1, "eq") in g
    assert ("oil_producer_rank", "RUS", None, 3, "eq") in g


def test_bare_ordinals_do_not_become_oil_ranks_in_an_arms_sentence() -> None:
    g = got(
        "Oil producing countries pumped more barrels last year. Russia was second among arms "
        "exporters.",
        OIL_DAY,
    )
    assert not any(t[0] == "oil_producer_rank" for t in g)


@pytest.mark.parametrize(
    "text",
    [
        "Among oil producers, the United Arab Emirates, Kuwait and Brazil are in seventh, eighth "
        "and ninth positions.",
        "Among oil producers, the United Arab Emirates, Kuwait and Brazil are seventh, eighth and "
        "ninth.",
        "Among oil producers, the UAE ranks seventh, Kuwait eighth and Brazil ninth.",
    ],
)
def test_ordinals_distributed_over_listed_producers(text: str) -> None:
    g = got(text, OIL_DAY)
    assert {(t[1], t[3]) for t in g if t[0] == "oil_producer_rank"} == {
        ("ARE", 7),
        ("KWT", 8),
        ("BRA", 9),
    }


@pytest.mark.parametrize(
    "text",
    [
        "In the Middle East, Iran comes third after Saudi Arabia and Iraq among oil producers.",
        "Within Africa, Angola is the second largest oil producer.",
        "In Asia, India was the largest arms importer in 2015-19.",
    ],
)
def test_a_regional_frame_is_a_regional_ranking(text: str) -> None:
    assert not any(
        c.type in {"oil_producer_rank", "arms_global_rank"} for c in extract(text, OIL_DAY)
    )


@pytest.mark.parametrize(
    "text",
    [
        "Of U.S. arms exports in 2015-19, the Middle East received 51 per cent and Asia and "
        "Oceania received 30 per cent.",
        "Looking at Russian arms exports in 2015-19, Asia and Oceania accounted for 60 per cent.",
    ],
)
def test_one_suppliers_regional_split_is_not_a_global_region_share(text: str) -> None:
    assert not any(c.type == "arms_region_share" for c in extract(text, DAY))
    (c,) = extract(
        "The Middle East accounted for 35 per cent of global arms imports in 2015-19.", DAY
    )
    assert c.type == "arms_region_share"


def periods(text: str, day: date = DAY) -> dict[tuple, tuple]:
    return {
        (c.type, c.subject, c.object, c.claimed.get("value"), c.claimed.get("rank")): (
            (c.period["start"], c.period["end"]) if c.period else None
        )
        for c in extract(text, day)
    }


@pytest.mark.parametrize(
    "text",
    [
        "Between 2015-19 and 2010-14, India's arms imports fell by 32 per cent, though it remained "
        "the second largest arms importer.",
        "Between 2010-14 and 2015-19, India's arms imports fell by 32 per cent, though it remained "
        "the second largest arms importer.",
    ],
)
def test_the_earlier_of_two_compared_windows_is_the_base_whatever_the_order(text: str) -> None:
    got_ = periods(text)
    assert got_[("arms_global_rank", "IND", None, None, 2)] == (2015, 2019)
    assert got_[("arms_volume_change", "IND", None, -32.0, None)] == (2015, 2019)
    assert len([k for k in got_ if k[0] == "arms_global_rank"]) == 1  # not "in both"


@pytest.mark.parametrize(
    "text",
    [
        "Russia accounted for 56 per cent of India's arms imports in 2015-19, down from 72 per cent "
        "in 2010-14, and remained its largest supplier.",
        "In 2015-19 Russia supplied 56 per cent of India's arms imports, down from 72 per cent in "
        "2010-14, and it remained India's largest supplier.",
    ],
)
def test_a_trailing_down_from_window_belongs_to_the_earlier_value_only(text: str) -> None:
    got_ = periods(text)
    assert got_[("arms_import_share", "IND", "RUS", 56.0, None)] == (2015, 2019)
    assert got_[("arms_import_share", "IND", "RUS", 72.0, None)] == (2010, 2014)
    assert got_[("arms_top_supplier", "IND", "RUS", None, 1)] == (2015, 2019)


def test_a_global_share_keeps_its_opening_window_over_a_down_from_window() -> None:
    got_ = periods(
        "In 2015-19, Russia's share of global arms exports was 21 per cent, down from 27 per cent "
        "in 2010-14."
    )
    assert got_[("arms_global_share", "RUS", None, 21.0, None)] == (2015, 2019)
    assert got_[("arms_global_share", "RUS", None, 27.0, None)] == (2010, 2014)


@pytest.mark.parametrize(
    "opener",
    [
        "Since the conflict began in 2014, many states have delivered arms to Ukraine.",
        "After the war broke out in 2014, Ukraine received arms from many states.",
        "Following Russia's annexation of Crimea in 2014, Ukraine looked for new arms suppliers.",
        "In 2014 the war in Donbas broke out and Ukraine sought weapons.",
    ],
)
def test_an_event_year_does_not_become_the_window_of_later_figures(opener: str) -> None:
    got_ = periods(
        opener + " Russia accounted for 56 per cent of India's arms imports. The United States "
        "was the largest arms exporter."
    )
    assert got_[("arms_import_share", "IND", "RUS", 56.0, None)] is None  # the default window
    assert got_[("arms_global_rank", "USA", None, None, 1)] is None


def test_the_five_year_period_brings_back_the_report_window() -> None:
    got_ = periods(
        "In 2019 Saudi Arabia bought more arms than ever. In the five-year period, the United States "
        "accounted for 73 per cent of Saudi Arabia's arms imports."
    )
    assert got_[("arms_import_share", "SAU", "USA", 73.0, None)] is None


def roles(text: str, day: date = DAY) -> set[tuple]:
    return {
        (c.type, c.subject, c.object, c.claimed.get("value") or c.claimed.get("rank"))
        for c in extract("SIPRI published new data on arms transfers. " + text, day)
    }


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "France was the third largest arms supplier to India in 2015-19 and accounted for 10 "
            "per cent of its arms imports.",
            ("arms_import_share", "IND", "FRA", 10.0),
        ),
        (
            "Algeria's largest supplier was Russia, from which it acquired 69 per cent of its "
            "weapons in 2015-19.",
            ("arms_import_share", "DZA", "RUS", 69.0),
        ),
        (
            "Algeria's main arms supplier is Russia, from which it bought 69 per cent of its arms "
            "in 2015-19.",
            ("arms_import_share", "DZA", "RUS", 69.0),
        ),
        (
            "Israel's top client was India, to which it sold 45 per cent of its arms exports in "
            "2015-19.",
            ("arms_export_share", "ISR", "IND", 45.0),
        ),
        (
            "India was Russia's biggest customer in 2015-19, accounting for 25 per cent of its arms "
            "exports.",
            ("arms_export_share", "RUS", "IND", 25.0),
        ),
    ],
)
def test_its_binds_to_the_owner_of_the_flow_not_the_nearest_subject(text: str, want: tuple) -> None:
    got_ = roles(text)
    assert want in got_
    flipped = (want[0], want[2], want[1], want[3])
    assert flipped not in got_
    other = "arms_export_share" if want[0] == "arms_import_share" else "arms_import_share"
    assert not any(t[0] == other for t in got_)


@pytest.mark.parametrize(
    "text",
    [
        "The United States was the largest supplier to Saudi Arabia in 2015-19, with 73 per cent "
        "of its imports, followed by the United Kingdom at 13 per cent and France at 4.3 per cent.",
        "The United States was the largest supplier of arms to Saudi Arabia in 2015-19, followed "
        "by the United Kingdom and France.",
    ],
)
def test_followed_by_continues_the_ranking_read_before_it(text: str) -> None:
    got_ = roles(text)
    assert ("arms_top_supplier", "SAU", "USA", 1) in got_
    assert ("arms_top_supplier", "SAU", "GBR", 2) in got_
    assert ("arms_top_supplier", "SAU", "FRA", 3) in got_


def test_an_ordered_share_list_ranks_its_items() -> None:
    got_ = roles(
        "Israel's arms exports in 2015-19 went mainly to India (45 per cent), followed by "
        "Azerbaijan at 17 per cent and Vietnam at 8.5 per cent."
    )
    assert {
        ("arms_top_recipient", "ISR", s, r) for s, r in (("IND", 1), ("AZE", 2), ("VNM", 3))
    } <= got_
    assert ("arms_export_share", "ISR", "AZE", 17.0) in got_


def test_a_gapped_bilateral_change_is_not_a_share() -> None:
    got_ = roles("US arms exports to Pakistan declined by 92%, and to India by 51%, in 2015-19.")
    assert not any(t[0].endswith("share") for t in got_)


@pytest.mark.parametrize(
    ("text", "state", "rank", "kind"),
    [
        ("India was the biggest arms buyer in 2015-19.", "IND", 1, "importers"),
        ("India was the biggest buyer of arms in 2015-19.", "IND", 1, "importers"),
        ("Russia remained the second largest arms dealer in 2015-19.", "RUS", 2, "exporters"),
        (
            "The United States kept its lead as the top arms exporter in 2015-19.",
            "USA",
            1,
            "exporters",
        ),
        (
            "The United States held its position as the largest arms exporter in 2015-19.",
            "USA",
            1,
            "exporters",
        ),
        (
            "The United States retained its place as the world's largest arms exporter in 2015-19.",
            "USA",
            1,
            "exporters",
        ),
    ],
)
def test_kind_words_and_continuity_frames(text: str, state: str, rank: int, kind: str) -> None:
    (c,) = [c for c in extract(text, DAY) if c.type == "arms_global_rank"]
    assert (c.subject, c.claimed["rank"], c.claimed["kind"]) == (state, rank, kind)


def test_a_buyer_ranking_continues_with_followed_by() -> None:
    g = got("India was the biggest arms buyer in 2015-19, followed by Saudi Arabia and Egypt.")
    assert {(t[1], t[3]) for t in g if t[0] == "arms_global_rank"} == {
        ("IND", 1),
        ("SAU", 2),
        ("EGY", 3),
    }


@pytest.mark.parametrize(
    ("text", "members", "n"),
    [
        (
            "The five leading arms importers from 2015 to 2019 were Saudi Arabia, India, Egypt, "
            "Australia and China.",
            {"SAU", "IND", "EGY", "AUS", "CHN"},
            5,
        ),
        (
            "South Korea and Algeria complete the top ten arms importers in 2015-19.",
            {"KOR", "DZA"},
            10,
        ),
        (
            "Algeria and South Korea rounded out the ten largest arms importers in 2015-19.",
            {"KOR", "DZA"},
            10,
        ),
        (
            "Three of the ten largest arms importers in 2015-19 are located in the Middle East: "
            "Saudi Arabia, Egypt and the UAE.",
            {"SAU", "EGY", "ARE"},
            10,
        ),
    ],
)
def test_top_n_list_shapes(text: str, members: set[str], n: int) -> None:
    g = got(text)
    assert {t[1] for t in g if t[0] == "arms_global_rank"} == members
    assert {(t[3], t[4]) for t in g if t[0] == "arms_global_rank"} == {(n, "le")}


def test_a_relative_clause_share_does_not_end_a_supplier_list() -> None:
    g = got(
        "The main suppliers of arms to India in 2015-19 were Russia, which accounted for 56 per "
        "cent, France (14 per cent) and Israel (14 per cent)."
    )
    assert {t[2] for t in g if t[0] == "arms_top_supplier"} == {"RUS", "FRA", "ISR"}


@pytest.mark.parametrize(
    ("text", "who"),
    [
        (
            "India was the country in focus. Then Pakistan was discussed. The country fell to 11th "
            "place among arms importers in 2015-19.",
            "PAK",
        ),
        (
            "Egypt bought many arms. Algeria was next on the agenda. The country was the sixth "
            "largest arms importer in 2015-19.",
            "DZA",
        ),
        (
            # an epithet naming a state relative to the topic does not make it the new subject
            "Pakistan ranked eleventh among arms importers. Arch-rival India was second. The "
            "country bought 5 per cent of its arms from Turkey.",
            "PAK",
        ),
    ],
)
def test_the_country_is_the_subject_of_the_sentence_before(text: str, who: str) -> None:
    claims = [
        c for c in extract(text, DAY) if "country" in c.text.lower() or c.span[0] > text.rfind(". ")
    ]
    assert claims and all(who in {c.subject, c.object} for c in claims)


@pytest.mark.parametrize("dash", ["-", "–"])
@pytest.mark.parametrize("apostrophe", ["'", "’"])
def test_windows_with_an_apostrophe_year(dash: str, apostrophe: str) -> None:
    text = (
        f"Saudi Arabia's share of global arms imports rose from 5 per cent in 2010{dash}{apostrophe}14 "
        f"to 12 per cent in 2015{dash}{apostrophe}19."
    )
    got_ = periods(text)
    assert got_[("arms_global_share", "SAU", None, 5.0, None)] == (2010, 2014)
    assert got_[("arms_global_share", "SAU", None, 12.0, None)] == (2015, 2019)


@pytest.mark.parametrize(
    "text",
    [
        "India's share of global arms imports fell from 14 to 9.2 per cent between 2010-14 and "
        "2015-19, while Saudi Arabia's rose from 5 to 12 per cent.",
        "Between 2010-14 and 2015-19 India's share of global arms imports fell from 14 to 9.2 per "
        "cent; Saudi Arabia's went from 5 to 12 per cent.",
    ],
)
def test_a_gapped_second_transition_names_its_own_state(text: str) -> None:
    got_ = periods(text)
    assert got_[("arms_global_share", "IND", None, 14.0, None)] == (2010, 2014)
    assert got_[("arms_global_share", "IND", None, 9.2, None)] == (2015, 2019)
    assert got_[("arms_global_share", "SAU", None, 5.0, None)] == (2010, 2014)
    assert got_[("arms_global_share", "SAU", None, 12.0, None)] == (2015, 2019)


@pytest.mark.parametrize(
    "text",
    [
        "Among oil producers in 2018, Iraq and Iran come after Canada in fifth and sixth place.",
        "Among oil producers in 2018, Iraq and Iran come after Canada in fifth and sixth places "
        "respectively.",
    ],
)
def test_states_after_a_producer_take_the_ordinals_and_it_the_rank_above(text: str) -> None:
    g = got(text, OIL_DAY)
    assert {(t[1], t[3]) for t in g if t[0] == "oil_producer_rank"} == {
        ("CAN", 4),
        ("IRQ", 5),
        ("IRN", 6),
    }


def test_an_arms_window_does_not_date_an_oil_rank() -> None:
    got_ = periods(
        "Saudi Arabia's arms imports rose 130 per cent in 2015-19. The kingdom is also the "
        "world's second-largest oil producer."
    )
    assert got_[("oil_producer_rank", "SAU", None, None, 2)] is None  # the latest year, not 2015-19


@pytest.mark.parametrize(
    "text",
    [
        "World arms transfer volume was 5.5 per cent higher in 2015-19 than in 2010-14.",
        "India was the top arms importer. World arms transfer volume was 5.5 per cent higher in "
        "2015-19 than in 2010-14.",
        "India was the top arms importer in 2015-19, when the world's arms transfer volume was 5.5 "
        "per cent higher than in 2010-14.",
    ],
)
def test_the_worlds_transfer_volume_is_not_the_subjects_change(text: str) -> None:
    claims = extract(text, DAY)
    assert not any(c.type == "arms_volume_change" for c in claims)
    (c,) = [c for c in claims if c.type == "arms_global_volume_change"]
    assert c.claimed["value"] == 5.5


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        (
            "India faces perceived growing threats from Pakistan and China, which drove its arms "
            "imports in 2015-19.",
            {("IND", "PAK"), ("IND", "CHN")},
        ),
        ("Greece sees Turkey as its main threat.", {("GRC", "TUR")}),
        ("Israel considers Iran an existential threat.", {("ISR", "IRN")}),
        ("Norway faces threats from climate change, Sweden said.", set()),
    ],
)
def test_threat_wording_is_a_rivalry_reading(text: str, pairs: set[tuple[str, str]]) -> None:
    report = check(text, "2020-03-09")
    got_ = {(c.subject, c.object) for c in report.claims if c.type == "rivalry"}
    assert got_ == pairs
    assert all(c.verdict == "supported" for c in report.claims if c.type == "rivalry")


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        ("Israel and Azerbaijan: the enemy of my enemy\n\nThe two grew close.", set()),
        ("For Baku, the enemy of my enemy is my friend: Israel and Azerbaijan grew close.", set()),
        ("Israel and Azerbaijan have a common enemy.", set()),
        ("Israel and Azerbaijan share a common enemy, Iran.", {("ISR", "IRN"), ("AZE", "IRN")}),
    ],
)
def test_a_shared_enemy_is_no_rivalry_between_the_sharers(text: str, pairs: set[tuple[str, str]]) -> None:
    """'The enemy of my enemy' and 'a common enemy' pair each sharer with the foe, never the sharers."""
    report = check(text, "2024-10-09")
    assert {(c.subject, c.object) for c in report.claims if c.type == "rivalry"} == pairs
