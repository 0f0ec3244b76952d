"""List shapes of real journalism, second set (sentences of our own wording, several paraphrases
each): a list that completes a ranking named in an earlier sentence ("C, D and E complete the top
N") takes that ranking's metric, direction and owner."""

from __future__ import annotations

from datetime import date

import pytest

from realpolitik.analyses.claims import check

DAY = date(2024, 5, 1)


def ranks(text: str) -> dict[tuple, tuple]:
    return {
        (c.type, c.subject, c.object): (
            c.claimed.get("rank"),
            c.claimed.get("comparator"),
            c.verdict,
        )
        for c in check(text, DAY).claims
        if c.type in {"arms_global_rank", "arms_top_supplier"}
    }


@pytest.mark.parametrize(
    ("text", "members", "n"),
    [
        (
            "The US was the largest arms exporter in 2019-23. China, Germany and Italy complete "
            "the top six.",
            {"CHN", "DEU", "ITA"},
            6,
        ),
        (
            "India was the world's largest arms importer in 2019-23. Saudi Arabia, Qatar and "
            "Ukraine rounded out the top four.",
            {"SAU", "QAT", "UKR"},
            4,
        ),
        (
            "France overtook Russia as the second largest arms exporter in 2019-23. Germany, "
            "Italy and the UK fill out the top eight.",
            {"DEU", "ITA", "GBR"},
            8,
        ),
    ],
)
def test_a_list_completing_an_earlier_ranking_is_in_its_top_n(
    text: str, members: set[str], n: int
) -> None:
    got = ranks(text)
    for m in members:
        assert got[("arms_global_rank", m, None)] == (n, "le", "supported")


def test_completing_the_wrong_ranking_is_contradicted() -> None:
    got = ranks(
        "India was the world's largest arms importer in 2019-23. Russia, France and the US "
        "complete the top five."
    )
    assert got[("arms_global_rank", "RUS", None)] == (5, "le", "contradicted")


def test_a_completed_supplier_ranking_keeps_its_owner() -> None:
    got = ranks(
        "Russia supplied 36% of India's arms imports in 2019-23. France, the US and Israel "
        "complete the top four."
    )
    assert got[("arms_top_supplier", "IND", "FRA")] == (4, "le", "supported")
    assert got[("arms_top_supplier", "IND", "ISR")] == (4, "le", "supported")


def earlier(text: str) -> dict[tuple, str]:
    return {
        (c.claimed.get("rank"), (c.period or {}).get("start")): c.verdict
        for c in check(text, DAY).claims
        if c.type == "arms_global_rank" and c.subject == "SAU"
    }


@pytest.mark.parametrize(
    ("text", "start", "verdict"),
    [
        (
            "Saudi Arabia fell to second place among arms importers in 2019-23, down from first "
            "place in 2014-18.",
            2014,
            "supported",
        ),
        (
            "Saudi Arabia ranked second among arms importers in 2019-23, down from first place in "
            "the previous five years.",
            2014,
            "supported",
        ),
        (
            "Saudi Arabia was the second largest arms importer in 2019-23, one place lower than "
            "first place in 2014-18.",
            2014,
            "supported",
        ),
        (
            # the previous year's ranking is the window one year back: 2018–22, where India led
            "Saudi Arabia was the second largest arms importer in 2019-23, one place lower than "
            "the previous year's first place.",
            2018,
            "contradicted",
        ),
    ],
)
def test_an_earlier_place_is_a_rank_in_the_earlier_window(
    text: str, start: int, verdict: str
) -> None:
    got = earlier(text)
    assert got[(2, 2019)] == "supported"
    assert got[(1, start)] == verdict


@pytest.mark.parametrize(
    "text",
    [
        "Oil production data for 2022 show a clear order. Canada and Iraq follow Russia in "
        "fourth and fifth place.",
        "Among oil producers in 2022, Canada and Iraq trail Russia in fourth and fifth place.",
        "Among oil producers in 2022, Canada and Iraq came after Russia in fourth and fifth "
        "place respectively.",
    ],
)
def test_states_that_follow_another_take_the_ordinals_and_it_the_place_above(text: str) -> None:
    got = {
        c.subject: (c.claimed.get("rank"), c.verdict)
        for c in check(text, date(2023, 5, 1)).claims
        if c.type == "oil_producer_rank"
    }
    # 2022 by energy: Russia 3rd, Canada 4th, Iraq 5th
    assert got == {"RUS": (3, "supported"), "CAN": (4, "supported"), "IRQ": (5, "supported")}


def group_again(text: str) -> dict[str, str]:
    return {
        c.subject: c.verdict
        for c in check(text, DAY).claims
        if c.type == "arms_global_rank" and (c.period or {}).get("start") == 2019
    }


@pytest.mark.parametrize(
    "second",
    [
        "In 2019-23 the top five were the same as in 2014-18.",
        "In 2019-23 the top five importers remained the same.",
        "The top five stayed unchanged in 2019-23.",
    ],
)
def test_an_anaphoric_group_is_the_last_list_again(second: str) -> None:
    got = group_again(
        "The five largest arms importers in 2014-18 were Saudi Arabia, India, Egypt, Australia "
        "and China. " + second
    )
    # 2019–23: India, Saudi Arabia, Qatar, Ukraine, Pakistan — Egypt, Australia, China dropped out
    assert got == {
        "SAU": "supported",
        "IND": "supported",
        "EGY": "contradicted",
        "AUS": "contradicted",
        "CHN": "contradicted",
    }


def test_an_anaphoric_group_needs_the_same_size() -> None:
    got = group_again(
        "The five largest arms importers in 2014-18 were Saudi Arabia, India, Egypt, Australia "
        "and China. In 2019-23 the top three were the same as in 2014-18."
    )
    assert got == {}


@pytest.mark.parametrize(
    ("text", "n", "below"),
    [
        (
            "Spain was the eighth largest arms exporter in 2019-23, ahead of only Israel and South "
            "Korea among the top ten.",
            8,
            {"ISR", "KOR"},
        ),
        (
            "Pakistan was the fifth largest arms importer in 2019-23, ahead of only Japan and Egypt "
            "among the top seven.",
            5,
            {"JPN", "EGY"},
        ),
        ("Italy ranked sixth among arms exporters in 2019-23, ahead of the UK.", 6, {"GBR"}),
    ],
)
def test_states_ranked_behind_a_place_rank_below_it(text: str, n: int, below: set[str]) -> None:
    got = {
        c.subject: c.verdict
        for c in check(text, DAY).claims
        if c.type == "arms_global_rank" and c.claimed.get("comparator") == "gt"
    }
    assert got == dict.fromkeys(below, "supported")
    assert all(
        c.claimed.get("rank") == n
        for c in check(text, DAY).claims
        if c.claimed.get("comparator") == "gt"
    )


@pytest.mark.parametrize(
    ("text", "members", "n"),
    [
        (
            "Three of the world's top ten arms importers in 2019-23 were in the Middle East: Saudi "
            "Arabia, Qatar and Egypt.",
            {"SAU", "QAT", "EGY"},
            10,
        ),
        (
            "Four of the world's top ten arms importers in 2019-23 were in Asia: India, Pakistan, "
            "Japan and Australia.",
            {"IND", "PAK", "JPN", "AUS"},
            10,
        ),
        (
            "Two of the world's top five arms exporters in 2019-23 were European: France and "
            "Germany.",
            {"FRA", "DEU"},
            5,
        ),
    ],
)
def test_a_partitive_of_the_worlds_top_n_lists_members(text: str, members: set, n: int) -> None:
    got = ranks(text)
    assert {k[1] for k in got} == members
    assert set(got.values()) == {(n, "le", "supported")}
