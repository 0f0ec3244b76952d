"""Claim extraction: every claim type, demonyms, capitals, pronouns, periods, and sentences with no claim."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from realpolitik.analyses.claims.extract import extract

TODAY = date(2024, 6, 1)


def one(text: str, today: date = TODAY):
    claims = extract(text, today)
    assert len(claims) == 1, [(c.type, c.subject, c.object) for c in claims]
    return claims[0]


@pytest.mark.parametrize(
    ("text", "type_", "subject", "object_"),
    [
        (
            "More than 60% of Azerbaijani weapons come from Israel.",
            "arms_import_share",
            "AZE",
            "ISR",
        ),
        (
            "Azerbaijan took 16% of Israel's arms exports in 2016–20.",
            "arms_export_share",
            "ISR",
            "AZE",
        ),
        (
            "Israel was Azerbaijan's largest arms supplier in 2016–20.",
            "arms_top_supplier",
            "AZE",
            "ISR",
        ),
        (
            "Azerbaijan was the second-largest recipient of Israeli arms in 2016–20.",
            "arms_top_recipient",
            "ISR",
            "AZE",
        ),
        (
            "The United States accounted for 36% of global arms exports in 2016–20.",
            "arms_global_share",
            "USA",
            None,
        ),
        (
            "Russia ranked second among global arms exporters in 2016–20.",
            "arms_global_rank",
            "RUS",
            None,
        ),
        (
            "Israel has delivered Harop loitering munitions to Azerbaijan.",
            "arms_deal",
            "ISR",
            "AZE",
        ),
        ("Azerbaijan is the 24th largest oil-producing nation.", "oil_producer_rank", "AZE", None),
        ("More than half of Israel's oil comes from Azerbaijan.", "oil_import_share", "ISR", "AZE"),
        ("Israel is Azerbaijan's 3rd largest export partner.", "export_partner_rank", "AZE", "ISR"),
        (
            "Turkey buys roughly a fifth of Azerbaijani exports.",
            "export_partner_share",
            "AZE",
            "TUR",
        ),
        ("Azerbaijan shares a 689 km border with Iran.", "border_length", "AZE", "IRN"),
        ("Israel and Iran have been rivals since 1979.", "rivalry", "ISR", "IRN"),
        (
            "Israel was the second-largest buyer of Azerbaijani oil in 2021.",
            "oil_buyer_rank",
            "AZE",
            "ISR",
        ),
        (
            "Italy bought about 45% of Azerbaijan's crude exports in 2021.",
            "oil_export_share",
            "AZE",
            "ITA",
        ),
    ],
)
def test_claim_types(text: str, type_: str, subject: str, object_: str | None) -> None:
    c = one(text)
    assert (c.type, c.subject, c.object) == (type_, subject, object_)
    assert c.text == text[c.span[0] : c.span[1]]
    assert c.rule


def test_values_and_periods() -> None:
    c = one("Between 2016 and 2020, Israel supplied 69% of Azerbaijan's major arms imports.")
    assert c.claimed["value"] == 69 and c.claimed["comparator"] == "eq"
    assert (c.period["start"], c.period["end"], c.period["source"]) == (2016, 2020, "explicit")
    c = one("More than 60% of Azerbaijani weapons come from Israel.")
    assert c.period is None  # the verifier applies the default window
    c = one("Israel and Iran have been rivals since 1979.")
    assert c.claimed["since"] == 1979 and c.period is None
    c = one("Azerbaijan's border with Iran is about 430 miles long.")
    assert c.claimed["km"] == pytest.approx(692.0, abs=0.1) and c.claimed["comparator"] == "approx"


def test_pronouns_point_to_the_country_named_before() -> None:
    c = extract(
        "Azerbaijan has modernised its army. Israel supplied most of its weapons in 2016-20.", TODAY
    )[0]
    assert (c.subject, c.object) == ("AZE", "ISR")
    c = extract(
        "Azerbaijan pumps crude. The country was the 24th largest oil producer in 2020.", TODAY
    )[0]
    assert (c.type, c.subject) == ("oil_producer_rank", "AZE")
    c = extract(
        "Azerbaijan is wedged between Russia and Iran. Its border with Iran runs 689 km.", TODAY
    )[0]
    assert {c.subject, c.object} == {"AZE", "IRN"}


def test_capitals_and_demonyms() -> None:
    c = one("Baku acquired SkyStriker loitering munitions from Israel in 2016.")
    assert (c.subject, c.object, c.claimed["designation"]) == ("ISR", "AZE", "SkyStriker")
    c = one("Tehran views Baku as a hostile rival.")
    assert {c.subject, c.object} == {"IRN", "AZE"}
    c = one("Azeri oil accounted for 65% of Israel's crude imports in 2021.")
    assert (c.subject, c.object) == ("ISR", "AZE")


def test_two_claims_in_one_sentence() -> None:
    cs = extract("Italy takes 37% of Azerbaijan's exports, while Israel takes 5%.", TODAY)
    assert [(c.type, c.object, c.claimed["value"]) for c in cs] == [
        ("export_partner_share", "ITA", 37),
        ("export_partner_share", "ISR", 5),
    ]


def test_paragraph_period_and_present_tense() -> None:
    text = "Between 2016 and 2020 Israel dominated. Azerbaijan took 16% of Israel's arms exports.\n\nTurkey is now Azerbaijan's largest arms supplier."
    a, b = extract(text, TODAY)
    assert a.period["source"] == "paragraph" and (a.period["start"], a.period["end"]) == (
        2016,
        2020,
    )
    assert b.period is None


@pytest.mark.parametrize(
    "text",
    [
        "Azerbaijan and Israel established diplomatic relations in 1992.",
        "Israel's economy grew by 6.5% in 2022.",
        "About 30% of voters in Israel backed the coalition.",
        "The largest city in Azerbaijan is Baku.",
        "Azerbaijan spent 5% of its GDP on defence in 2023.",
        "In the first half of 2023, talks between Azerbaijan and Iran stalled.",
        "Half of the respondents said they were unsure.",
        "Iran held military exercises near the border last autumn.",
        "",
        "   \n\n  ",
    ],
)
def test_no_claim(text: str) -> None:
    assert extract(text, TODAY) == []


def test_deterministic() -> None:
    text = (
        Path(__file__).resolve().parent.parent / "examples" / "article_azerbaijan_israel.md"
    ).read_text(encoding="utf-8")
    a = [c.to_dict() for c in extract(text, TODAY)]
    b = [c.to_dict() for c in extract(text, TODAY)]
    assert a == b and len(a) >= 7


def test_anaphora_epithets_and_top_n() -> None:
    c = extract(
        "Azerbaijan has exported oil for a century. The Caucasus republic was the 23rd-largest oil producer in 2021.",
        TODAY,
    )
    assert [(x.type, x.subject, x.claimed["rank"]) for x in c] == [("oil_producer_rank", "AZE", 23)]
    c = one("Azerbaijan was among Israel's top three arms customers in 2016–20.")
    assert (c.type, c.subject, c.object, c.claimed["rank"], c.claimed["comparator"]) == (
        "arms_top_recipient",
        "ISR",
        "AZE",
        3,
        "le",
    )
    c = one("The Jewish state supplied more than 60% of Azerbaijan's arms imports in 2016-20.")
    assert (c.subject, c.object) == ("AZE", "ISR")


def test_pronoun_cannot_be_its_own_partner() -> None:
    cs = extract("Turkey is Iran's second-biggest export market, taking 16% of its exports.", TODAY)
    assert {(c.type, c.subject, c.object) for c in cs} == {
        ("export_partner_rank", "IRN", "TUR"),
        ("export_partner_share", "IRN", "TUR"),
    }
    cs = extract(
        "Israel, Azerbaijan's largest arms supplier, accounted for 67.7% of its imports in 2016-20.",
        TODAY,
    )
    assert {(c.type, c.subject, c.object) for c in cs} == {
        ("arms_import_share", "AZE", "ISR"),
        ("arms_top_supplier", "AZE", "ISR"),
    }


def test_global_needs_no_second_owner_and_several_deals() -> None:
    c = one(
        "Over 2016–20, Israeli deliveries accounted for more than two-thirds of all major arms received by Azerbaijan."
    )
    assert (c.type, c.subject, c.object) == ("arms_import_share", "AZE", "ISR")
    cs = extract("Russia has sold Azerbaijan T-90S tanks and Smerch rocket launchers.", TODAY)
    assert [c.claimed["designation"] for c in cs] == ["T-90S", "Smerch"]
