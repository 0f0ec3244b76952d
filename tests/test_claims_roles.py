"""Roles in a predicate with a possessive role noun (sentences of our own wording): in "A was B's
largest customer, taking n % of its exports" the possessive is the exporter and A the taker, so the
share is of B's exports going to A."""

from __future__ import annotations

from datetime import date

import pytest

from realpolitik.analyses.claims import check

DAY = date(2024, 5, 1)


@pytest.mark.parametrize(
    ("text", "owner", "taker", "verdict"),
    [
        (
            "India was Russia's largest arms customer in 2019-23, taking 34% of its exports.",
            "RUS",
            "IND",
            "supported",
        ),
        (
            "In 2019-23 India remained Russia's biggest client for arms, buying 34% of its arms "
            "exports.",
            "RUS",
            "IND",
            "supported",
        ),
        (
            # Egypt received 6.4 % of France's arms exports in 2019–23
            "Egypt was France's third largest arms buyer in 2019-23, receiving 9% of its exports.",
            "FRA",
            "EGY",
            "contradicted",
        ),
    ],
)
def test_the_possessive_of_a_role_noun_owns_the_share(
    text: str, owner: str, taker: str, verdict: str
) -> None:
    got = {(c.type, c.subject, c.object): c.verdict for c in check(text, DAY).claims}
    assert got[("arms_export_share", owner, taker)] == verdict
    assert ("arms_export_share", taker, owner) not in got
    assert got[("arms_top_recipient", owner, taker)] == "supported"


@pytest.mark.parametrize(
    "text",
    [
        "India was Russia's largest arms customer in 2019-23, taking 34% of its exports, followed "
        "by China at 20% and Egypt at 7.5%.",
        "India was Russia's biggest arms buyer in 2019-23, receiving 34% of its exports, ahead of "
        "China (20%) and Egypt (7.5%).",
        "In 2019-23 India took 34% of Russia's arms exports, followed by China with 20% and Egypt "
        "with 7.5%.",
    ],
)
def test_list_items_after_an_export_share_are_export_shares(text: str) -> None:
    got = {(c.type, c.subject, c.object): c.verdict for c in check(text, DAY).claims}
    # Russia's exports in 2019–23: India 33.7 %, China 19.6 %, Egypt 7.5 %
    for taker in ("IND", "CHN", "EGY"):
        assert got[("arms_export_share", "RUS", taker)] == "supported", (taker, got)
    assert not [k for k in got if k[0] == "arms_import_share"]


@pytest.mark.parametrize(
    "text",
    [
        "Germany exported weapons worth 12 billion euros in 2023, most of them to Ukraine.",
        "The US gave Israel $3.8 billion in military aid a year, most of it as grants.",
        "Israel signed arms deals worth US$12.5 billion in 2022, most of which went to India.",
    ],
)
def test_most_of_a_money_amount_is_not_a_share_of_arms_transfers(text: str) -> None:
    assert not [c for c in check(text, DAY).claims if c.type.endswith("_share")]


def test_most_of_them_without_money_is_still_a_share() -> None:
    got = {
        (c.type, c.subject, c.object)
        for c in check(
            "Germany exported many weapons in 2019-23, most of them to Ukraine.", DAY
        ).claims
    }
    assert ("arms_export_share", "DEU", "UKR") in got


@pytest.mark.parametrize(
    "text",
    [
        "In 2019-23, 23% of arms transfers to the Middle East went to Saudi Arabia, 17% to Qatar "
        "and 13% to Egypt.",
        "Of all arms imports by states in Asia, 37% went to India, 14% to Pakistan and 9% to Japan.",
    ],
)
def test_shares_inside_a_region_are_not_global_or_bilateral_shares(text: str) -> None:
    # a state's share of its region's imports: no claim type covers it, so nothing is claimed
    assert not [c for c in check(text, DAY).claims if c.type.endswith("_share")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "New Delhi received 36% of its arms from Russia in 2019-23, and Beijing 76%.",
            {("IND", "RUS"): "supported", ("CHN", "RUS"): "supported"},
        ),
        (
            "India bought 36% of its weapons from Russia in 2019-23, while China 76%.",
            {("IND", "RUS"): "supported", ("CHN", "RUS"): "supported"},
        ),
        (
            "Russia supplied 36% of India's arms imports in 2019-23, and France 33%.",
            {("IND", "RUS"): "supported", ("IND", "FRA"): "supported"},
        ),
        (
            "Russia accounted for 36% of India's arms imports in 2019-23, France for 33% and the "
            "US for 13%.",
            {("IND", "RUS"): "supported", ("IND", "FRA"): "supported", ("IND", "USA"): "supported"},
        ),
    ],
)
def test_a_gapped_second_subject_takes_the_subjects_role(text: str, expected: dict) -> None:
    # 2019–23: Russia 36.2 % of India's imports, 75.5 % of China's; France 32.2 %, US 13 % of India's
    got = {
        (c.subject, c.object): c.verdict
        for c in check(text, DAY).claims
        if c.type == "arms_import_share"
    }
    assert got == expected


@pytest.mark.parametrize(
    "text",
    [
        "Between 2018 and 2022 Egypt was the third-largest importer of major arms, and Russia "
        "supplied 34 per cent of its imports, ahead of Italy and France.",
        "Pakistan ranked eighth among importers in 2018-22; China delivered 77% of its arms, well "
        "ahead of Sweden and Türkiye.",
    ],
)
def test_ahead_of_after_a_share_compares_suppliers_not_world_ranks(text: str) -> None:
    """'ahead of X and Y' after a bilateral share ranks the other suppliers, not X and Y among the
    world's importers (which the global rank earlier in the sentence would suggest)."""
    claims = check(text, date(2023, 3, 15)).claims
    assert [c.type for c in claims if c.type == "arms_import_share"], claims
    assert not [
        c for c in claims if c.type == "arms_global_rank" and c.subject not in ("EGY", "PAK")
    ]
