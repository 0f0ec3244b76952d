"""Stage 5 — verification of the claim kinds real articles use, on the bundled data; every verdict
states its tolerance. Also the seed story (in our own words): its eight checkable claims."""

from __future__ import annotations

import pytest

from realpolitik.analyses.claims import check

DATE = "2024-03-11"  # default window 2019–2023, default year 2023


def one(text: str, date: str = DATE):
    claims = check(text, date).claims
    assert len(claims) == 1, [(c.type, c.subject, c.object) for c in claims]
    return claims[0]


def test_volume_change_of_a_state() -> None:
    c = one("France's arms exports rose by 47 per cent between 2014–18 and 2019–23.")
    assert (c.type, c.subject, c.claimed["kind"], c.claimed["base"]) == (
        "arms_volume_change",
        "FRA",
        "exports",
        [2014, 2018],
    )
    assert c.evidence["base_period"] == {"start": 2014, "end": 2018, "source": "explicit"}
    change = c.evidence["actual"]["change"]
    assert change == pytest.approx(
        100 * (c.evidence["actual"]["tiv"] / c.evidence["actual"]["base_tiv"] - 1)
    )
    assert c.verdict == ("supported" if 46 <= change <= 48 else "contradicted")
    assert "changes:" in c.evidence["tolerance"] and "46 … 48 %" in c.evidence["tolerance"]


def test_volume_change_words_and_multiples() -> None:
    c = one("Ukraine's arms imports were more than 60 times as high in 2019–23 as in 2014–18.")
    assert c.claimed["comparator"] == "gt" and c.claimed["form"] == "multiple"
    assert c.verdict == "supported" and c.evidence["actual"]["change"] > 5900
    c = one("Russia's arms exports halved between 2014–18 and 2019–23.")
    assert c.claimed["value"] == -50 and c.verdict == "supported"  # −53 %, within ± 5 pp


def test_global_volume_change_against_the_previous_window() -> None:
    c = one("The volume of international arms transfers was 3 per cent lower in 2019–23.")
    assert c.type == "arms_global_volume_change" and c.subject is None
    assert (
        c.evidence["base_period"]["start"] == 2014
        and c.evidence["base_period"]["source"] == "previous window"
    )
    assert (
        c.evidence["actual"]["change"] == pytest.approx(-2.3, abs=0.05) and c.verdict == "supported"
    )


def test_region_and_group_shares() -> None:
    c = one(
        "States in the Middle East received about 30 per cent of global arms imports in 2019–23."
    )
    assert (c.type, c.claimed["region"], c.claimed["kind"]) == (
        "arms_region_share",
        "Middle East",
        "importers",
    )
    assert (
        c.evidence["actual"]["share"] == pytest.approx(30.3, abs=0.05) and c.verdict == "supported"
    )
    assert any("SIPRI defines" in n and "Egypt" in n for n in c.evidence["notes"])
    c = one(
        "The five largest exporters together accounted for 75 per cent of all arms exports in 2019–23."
    )
    assert (c.type, c.claimed["top"]) == ("arms_group_share", 5)
    assert (
        c.evidence["actual"]["share"] == pytest.approx(73.7, abs=0.05)
        and c.verdict == "contradicted"
    )


def test_shared_border_via_contiguity() -> None:
    c = one("Armenia borders Iran.")
    assert (c.type, c.verdict, c.evidence["actual"]["shared_land_border"]) == (
        "shared_border",
        "supported",
        True,
    )
    c = one("Armenia borders Israel.")
    assert c.verdict == "contradicted" and "share no land border" in c.evidence["summary"]


def test_once_and_every_period_since() -> None:
    c = one("Russia was once Azerbaijan's main arms supplier.")
    assert c.claimed["when"] == "once" and c.verdict == "supported"
    assert "2007–2011" in c.evidence["summary"]  # Russia 1st in 2007–11 (60.1 %)
    c = one("Since 1995, Russia has been Armenia's main arms supplier in every five-year period.")
    assert (
        c.claimed["when"] == "every"
        and c.verdict == "supported"
        and "every one of" in c.evidence["summary"]
    )


def test_russia_before_1992_is_the_soviet_union() -> None:
    c = one("Between 1986 and 1990 Russia supplied 76 per cent of India's arms imports.")
    assert c.verdict == "supported" and c.evidence["actual"]["share"] == pytest.approx(
        76.2, abs=0.05
    )
    assert any("Soviet Union" in n for n in c.evidence["notes"])


def test_upgrade_not_in_the_register_is_unverifiable() -> None:
    c = one("Elbit Systems has carried out an upgrade of Azerbaijan's T-72 tanks.", "2024-10-09")
    assert (c.type, c.subject, c.object, c.verdict) == ("arms_deal", "ISR", "AZE", "unverifiable")
    assert "upgrade" in c.evidence["summary"] and c.evidence["settle"]


def test_every_verdict_states_its_tolerance() -> None:
    report = check(SEED, "2024-10-09")
    assert report.claims
    for c in report.claims:
        assert c.evidence.get("tolerance"), (c.type, c.evidence)


# The seed story, in our own words (the published article is not copied): eight checkable claims.
SEED = """Baku and Jerusalem

Israel has long been a key provider of arms to Azerbaijan. More than 60% of Azerbaijan's weapons
imports come from Israel. Elbit Systems has also carried out an upgrade of Azerbaijan's T-72 tanks.

The trade runs the other way in oil: more than half of Israel's oil comes from Azerbaijan, and Israel is
Azerbaijan's 3rd largest export partner. Azerbaijan, the 24th largest oil producer in the world, shares
a 689 km border with Iran, Israel's arch-nemesis.
"""


def test_seed_story() -> None:
    got = {(c.type, c.subject, c.object): c for c in check(SEED, "2024-10-09").claims}
    verdicts = {k: c.verdict for k, c in got.items()}
    assert verdicts == {
        (
            "arms_top_supplier",
            "AZE",
            "ISR",
        ): "supported",  # a key provider = among the top three (2nd)
        (
            "arms_import_share",
            "AZE",
            "ISR",
        ): "mixed",  # 40.2 % in 2019–23; above 60 % in 2016–20, 2018–22
        ("arms_deal", "ISR", "AZE"): "unverifiable",  # an upgrade the register does not list
        (
            "oil_import_share",
            "ISR",
            "AZE",
        ): "supported",  # 65.1 % in 2021, the latest year with data
        ("export_partner_rank", "AZE", "ISR"): "supported",
        ("oil_producer_rank", "AZE", None): "mixed",  # 26th in 2023 (TWh); 24th in 2019, 2020
        ("border_length", "AZE", "IRN"): "supported",
        ("rivalry", "ISR", "IRN"): "supported",
    }
    oil = got[("oil_import_share", "ISR", "AZE")]
    assert oil.period["source"] == "latest data" and oil.evidence["actual"][
        "share"
    ] == pytest.approx(65.1, abs=0.05)
    assert any("mirror data" in n for n in oil.evidence["notes"])


def test_change_between_the_two_latest_windows_and_over_a_decade() -> None:
    d = "2017-02-20"  # default window 2012–2016
    c = one(
        "Global arms transfers have grown steadily since 2005 and rose by 8 per cent between the "
        "two most recent five-year periods.",
        d,
    )
    assert c.claimed["base"] == "previous" and c.period["source"] == "default"
    assert (c.evidence["period_used"]["start"], c.evidence["base_period"]["start"]) == (2012, 2007)
    claims = check(
        "Global arms transfers recorded a 6 per cent increase over the past decade and a 21 per "
        "cent increase from 2006-2010.",
        d,
    ).claims
    assert [c.claimed.get("base") for c in claims] == ["previous", [2006, 2010]]
    assert all(c.evidence["period_used"]["start"] == 2012 for c in claims)


def test_change_period_pair_carried_to_the_next_clause() -> None:
    claims = check(
        "Italian arms exports grew by 86 per cent between 2014–18 and 2019–23, while Spanish "
        "(–4.3 per cent) arms exports decreased.",
        DATE,
    ).claims
    assert {c.subject for c in claims} == {"ITA", "ESP"}
    for c in claims:
        assert c.claimed["base"] == [2014, 2018] and c.period["start"] == 2019


def test_two_states_compared_is_not_a_change() -> None:
    assert not check(
        "In 2019-23 the volume of Egypt's arms imports was 2.5 times higher than that of Algeria.",
        DATE,
    ).claims


def test_apposition_its_and_possessive_qualitative_rank() -> None:
    c = one("Armenia buys weapons from Russia, its key supplier.")
    assert (c.type, c.subject, c.object, c.claimed["comparator"]) == (
        "arms_top_supplier",
        "ARM",
        "RUS",
        "le",
    )
    c = one("France is Greece's major arms provider.")
    assert (c.type, c.subject, c.object, c.claimed["rank"]) == (
        "arms_top_supplier",
        "GRC",
        "FRA",
        3,
    )


def test_adverb_of_proportion() -> None:
    c = one("Pakistan's arms imports came mostly from China.")
    assert (c.type, c.subject, c.object) == ("arms_import_share", "PAK", "CHN")
    assert (c.claimed["value"], c.claimed["comparator"]) == (50.0, "gt")


def _read(text: str, date: str = DATE) -> list[tuple]:
    return [
        (c.type, c.subject, c.object, c.claimed.get("value", c.claimed.get("rank")))
        for c in check(text, date).claims
    ]


def test_region_adjectives_and_latin_american_is_not_american() -> None:
    c = one("African states received 8 per cent of global arms imports in 2019-23.")
    assert (c.type, c.claimed["region"]) == ("arms_region_share", "Africa")
    c = one(
        "Mexico, which pumps more oil than most Latin American countries, ranked 12th among oil producers in 2019.",
        "2021-06-01",
    )
    assert (c.type, c.subject) == ("oil_producer_rank", "MEX")


def test_an_earlier_value_of_the_same_share() -> None:
    claims = check(
        "Greece took 14 per cent of France's arms exports in 2019-23, down from 3 per cent in the "
        "preceding five-year period.",
        DATE,
    ).claims
    assert [(c.claimed["value"], c.period["start"], c.period["end"]) for c in claims] == [
        (14.0, 2019, 2023),
        (3.0, 2014, 2018),
    ]
    assert {(c.subject, c.object) for c in claims} == {("FRA", "GRC")}


def test_description_in_a_participial_clause_and_bare_arms_imports() -> None:
    got = _read(
        "Kuwait received 2 per cent of arms imports in 2019-23, making the emirate a smaller "
        "buyer than Qatar."
    )
    assert ("arms_global_share", "KWT", None, 2.0) in got
    got = _read(
        "Egypt bought 30 per cent of all Russian arms exports in 2014-18, making the country "
        "Moscow's second-largest customer."
    )
    assert ("arms_top_recipient", "RUS", "EGY", 2) in got


def test_give_verb_with_recipient_owns_its() -> None:
    assert _read("Iraq sells Jordan most of its crude.", "2022-09-01") == [
        ("oil_import_share", "JOR", "IRQ", 50.0)
    ]


def test_negated_border_and_since_with_an_event() -> None:
    c = one("Iran shares no land border with Israel.")
    assert (c.type, c.claimed, c.verdict) == ("shared_border", {"negated": True}, "supported")
    assert "'no border'" in c.evidence["tolerance"]
    c = one("Armenia and Azerbaijan have been rivals since the war of 1988.")
    assert c.claimed["since"] == 1988


def test_regional_superlative_is_not_a_world_rank() -> None:
    assert _read("Morocco, the largest buyer of French arms in Africa, expanded its navy.") == []


def test_now_pins_the_claim_to_the_latest_window() -> None:
    c = one("India is currently not among the five largest arms exporters.")
    assert c.claimed.get("now") and c.verdict in {"supported", "contradicted"}


def test_remains_does_not_inherit_the_paragraph_period() -> None:
    claims = check(
        "Between 2009 and 2013 Greece bought 12 per cent of Germany's arms exports. "
        "Greece remains the largest customer for German arms.",
        DATE,
    ).claims
    by_type = {c.type: c for c in claims}
    assert by_type["arms_export_share"].period["start"] == 2009
    assert by_type["arms_top_recipient"].period["source"] == "default"


def test_a_present_tense_aside_keeps_the_paragraph_period() -> None:
    claims = check(
        "Between 2009 and 2013 Greece bought 12 per cent of German arms exports. "
        "Turkey, whose army is large, took 10 per cent of German arms exports.",
        DATE,
    ).claims
    turkey = next(c for c in claims if c.object == "TUR")
    assert turkey.period["source"] == "paragraph" and turkey.period["start"] == 2009


def test_a_bare_share_after_a_states_imports_is_a_share_of_them() -> None:
    claims = check(
        "France is the world's second-biggest arms exporter.\n\n"
        "Pakistan's arms imports were lower in 2019–23 than in the previous five years. "
        "About 80 % came from China.",
        DATE,
    ).claims
    share = next(c for c in claims if c.claimed.get("value") == 80.0)
    assert (share.type, share.subject, share.object) == ("arms_import_share", "PAK", "CHN")
    assert share.verdict == "supported"


def test_a_bare_share_after_a_regions_imports_is_no_global_share() -> None:
    claims = check(
        "France is the world's second-biggest arms exporter.\n\n"
        "Arms imports to the Middle East were lower in 2019–23 than in the previous five years. "
        "About half came from the US.",
        DATE,
    ).claims
    assert [c.type for c in claims] == ["arms_global_rank"]


def test_each_after_a_list_takes_the_owner_named_before_the_list() -> None:
    claims = check(
        "Other arms suppliers to Saudi Arabia were Germany, Italy and Canada, with around one "
        "percent each.",
        "2018-10-22",
    ).claims
    assert {(c.type, c.subject, c.object) for c in claims} == {
        ("arms_import_share", "SAU", x) for x in ("DEU", "ITA", "CAN")
    }
    assert all(c.claimed["value"] == 1.0 for c in claims)


def test_copula_its_is_not_the_subject_and_list_items_keep_the_recipient() -> None:
    """'Russia was its main supplier … followed by France (n %)': 'its' is the state named before
    (India), not Russia, so every item is a share of India's imports."""
    claims = check(
        "India was the largest arms importer in 2018-2022. Russia was its main supplier, with 45 "
        "per cent, followed by France (29 per cent) and the United States (11 per cent).",
        DATE,
    ).claims
    shares = [c for c in claims if c.type == "arms_import_share"]
    assert {(c.subject, c.object) for c in shares} == {
        ("IND", "RUS"),
        ("IND", "FRA"),
        ("IND", "USA"),
    }


def test_border_partner_is_the_state_after_the_border_noun() -> None:
    """A state named in a relative clause ('which buys from China') is not the border's other side."""
    claims = check(
        "Pakistan, which gets most of its weapons from China, shares a border of more than "
        "3,000 km with India.",
        DATE,
    ).claims
    border = next(c for c in claims if c.type == "border_length")
    assert {border.subject, border.object} == {"PAK", "IND"} and border.verdict == "supported"
