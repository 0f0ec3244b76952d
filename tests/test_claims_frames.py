"""Stages 3–4 — frames and claims: what each value is about, read from news prose (no data access).

Sentences are written for these tests in the styles real coverage of SIPRI data uses: lists with a
head, values in parentheses, rankings implied by order, shares distributed by 'each', negations,
anaphora, comparison periods. Each test reads one pattern.
"""

from __future__ import annotations

from datetime import date

import pytest

from realpolitik.analyses.claims.extract import analyse, extract

D = date(2024, 3, 11)  # default window 2019–2023


def read(text: str, today: date = D) -> set[tuple]:
    out = set()
    for c in extract(text, today):
        v = c.claimed.get(
            "value", c.claimed.get("rank", c.claimed.get("designation", c.claimed.get("km")))
        )
        v = round(v, 1) if isinstance(v, float) else v
        per = (c.period["start"], c.period["end"]) if c.period else None
        out.add((c.type, c.subject, c.object, v, c.claimed.get("comparator"), per))
    return out


def kinds(text: str, today: date = D) -> set[tuple[str, str | None, str | None]]:
    return {(c.type, c.subject, c.object) for c in extract(text, today)}


def test_list_items_take_the_frame_of_the_list_head() -> None:
    got = read(
        "The top three buyers of Turkish arms in 2019–23 were Qatar (20 per cent), the UAE (13 per cent) and Pakistan (9 per cent)."
    )
    p = (2019, 2023)
    assert {("arms_export_share", "TUR", "QAT", 20.0, "eq", p), ("arms_export_share", "TUR", "ARE", 13.0, "eq", p),
            ("arms_export_share", "TUR", "PAK", 9.0, "eq", p)} <= got  # fmt: skip
    assert {("arms_top_recipient", "TUR", c, 3, "le", p) for c in ("QAT", "ARE", "PAK")} <= got
    # suppliers *to* a state: its import shares
    got = read(
        "The main arms suppliers to Egypt were France (33 per cent) and Russia (29 per cent)."
    )
    assert ("arms_import_share", "EGY", "FRA", 33.0, "eq", None) in got


def test_global_lists_and_membership() -> None:
    got = read(
        "The five largest arms importers in 2019–23 were India, Saudi Arabia, Qatar, Ukraine and Pakistan."
    )
    assert {
        ("arms_global_rank", c, None, 5, "le", (2019, 2023))
        for c in ("IND", "SAU", "QAT", "UKR", "PAK")
    } == got
    got = read(
        "In 2019–23 the leading arms exporters were the US (42 per cent), France (11 per cent) and Russia (11 per cent)."
    )
    assert ("arms_global_share", "FRA", None, 11.0, "eq", (2019, 2023)) in got
    assert ("arms_global_rank", "RUS", None, 3, "le", (2019, 2023)) in got


def test_values_first_and_ellipsis() -> None:
    got = read(
        "Algeria bought 48 per cent of its arms from Russia, 19 per cent from Germany and 13 per cent from China."
    )
    assert {
        ("arms_import_share", "DZA", s, v, "eq", None)
        for s, v in (("RUS", 48.0), ("DEU", 19.0), ("CHN", 13.0))
    } <= got
    got = read("Russia sells 31 per cent of its weapons to India, 21 to China and 9 to Egypt.")
    assert ("arms_export_share", "RUS", "CHN", 21.0, "eq", None) in got
    got = read("Washington supplied 69 per cent of Israel's arms imports, Berlin 30 per cent.")
    assert ("arms_import_share", "ISR", "DEU", 30.0, "eq", None) in got


def test_rankings_implied_by_order_and_position() -> None:
    got = read("Qatar was the largest buyer of French arms, followed by India and Egypt.")
    assert {
        ("arms_top_recipient", "FRA", c, r, "eq", None)
        for c, r in (("QAT", 1), ("IND", 2), ("EGY", 3))
    } == got
    got = read("Italy and Spain were, respectively, the sixth- and eighth-largest arms exporters.")
    assert {
        ("arms_global_rank", "ITA", None, 6, "eq", None),
        ("arms_global_rank", "ESP", None, 8, "eq", None),
    } == got
    got = read("Pakistan ranked as the fifth-largest arms importer, right behind Ukraine.")
    assert ("arms_global_rank", "UKR", None, 4, "eq", None) in got
    got = read("Saudi Arabia was the third largest importer of arms, after India and Ukraine.")
    assert {
        ("arms_global_rank", "IND", None, 1, "eq", None),
        ("arms_global_rank", "UKR", None, 2, "eq", None),
    } <= got


def test_each_distributes_a_share() -> None:
    got = read(
        "Germany, Italy and Spain trail far behind, with about four per cent each of global arms exports."
    )
    assert {
        ("arms_global_share", c, None, 4.0, "approx", None) for c in ("DEU", "ITA", "ESP")
    } == got


def test_negated_rankings() -> None:
    assert read("Armenia is not among the 30 largest arms importers.") == {
        ("arms_global_rank", "ARM", None, 30, "gt", None)
    }
    got = read("Neither Greece nor Cyprus is among France's three largest arms customers.")
    assert {("arms_top_recipient", "FRA", c, 3, "gt", None) for c in ("GRC", "CYP")} == got


def test_roles_and_scope() -> None:
    # buyers of X's arms: X exports; a share of "the global market" is global
    assert kinds("India was the largest buyer of Israeli weapons.") == {
        ("arms_top_recipient", "ISR", "IND")
    }
    assert kinds("Israeli weapons made up 2.4 per cent of the global market.") == {
        ("arms_global_share", "ISR", None)
    }
    assert kinds("Spain was the eighth-biggest arms seller.") == {("arms_global_rank", "ESP", None)}
    assert read("Spain was the eighth-biggest arms seller.") == {
        ("arms_global_rank", "ESP", None, 8, "eq", None)
    }
    # "the Swedish firm", "Sweden-based": not states
    assert kinds("Sweden-based researchers said India was the largest arms importer.") == {
        ("arms_global_rank", "IND", None)
    }


def test_regional_and_combined_figures_are_not_state_shares() -> None:
    assert (
        kinds(
            "Within the Middle East, Qatar received 14 per cent of all arms transfers to the region."
        )
        == set()
    )
    assert kinds("Algeria was the largest arms importer in Africa.") == set()
    assert kinds("Norway is Europe's largest oil producer.") == set()
    # listed states "together" / "accounting for": one combined share, not one per state
    got = read(
        "The US, France and Russia, the three largest exporters, together accounted for 64 per cent of arms exports."
    )
    assert {c[0] for c in got} == {"arms_group_share", "arms_global_rank"}


def test_periods() -> None:
    # an apposition has its own period; a comparison baseline is not the claim's period
    got = read("China, the world's top arms importer in 2005–09, has dropped to sixth place.")
    assert ("arms_global_rank", "CHN", None, 1, "eq", (2005, 2009)) in got
    assert ("arms_global_rank", "CHN", None, 6, "eq", None) in got
    got = read("Egypt's arms imports were 12 per cent lower in 2019–23 than in 2014–18.")
    (c,) = extract("Egypt's arms imports were 12 per cent lower in 2019–23 than in 2014–18.", D)
    assert (
        c.type == "arms_volume_change"
        and c.claimed["base"] == [2014, 2018]
        and c.claimed["value"] == -12
    )
    got = read(
        "That was up from 40 per cent of Egypt's arms imports from Russia in the previous five-year period to 2018."
    )
    assert ("arms_import_share", "EGY", "RUS", 40.0, "eq", (2014, 2018)) in got
    got = read(
        "In 2014–18 Egypt was the third-largest importer. Russia supplied 37 per cent of its arms during that period."
    )
    assert ("arms_import_share", "EGY", "RUS", 37.0, "eq", (2014, 2018)) in got


def test_anaphora_in_claims() -> None:
    got = read(
        "Qatar's arms imports rose by 400 per cent, making it the world's third-largest importer."
    )
    assert ("arms_global_rank", "QAT", None, 3, "eq", None) in got
    got = read(
        "Vietnam bought weapons worth billions. Russia supplied 70 per cent of the country's arms imports."
    )
    assert ("arms_import_share", "VNM", "RUS", 70.0, "eq", None) in got


def test_new_kinds_are_read() -> None:
    assert kinds("Global arms transfers were 3.3 per cent lower in 2019–23 than in 2014–18.") == {
        ("arms_global_volume_change", None, None)
    }
    assert kinds("Asia and Oceania accounted for 37 per cent of all arms imports in 2019–23.") == {
        ("arms_region_share", None, None)
    }
    assert kinds("Armenia borders Iran.") == {("shared_border", "ARM", "IRN")}
    (c,) = extract("Russia was once Vietnam's main arms supplier.", D)
    assert (c.type, c.claimed["when"]) == ("arms_top_supplier", "once")
    (c,) = extract("Elbit Systems modernised Azerbaijan's T-72 tanks.", D)
    assert (c.type, c.subject, c.object, c.claimed["service"]) == (
        "arms_deal",
        "ISR",
        "AZE",
        "upgrade",
    )


@pytest.mark.parametrize(
    "text",
    [
        "Imports by countries in Southeast Asia increased 6.2 per cent.",
        "The top ten oil producers account for 70% of the total global crude oil production.",
        "Saudi Arabia had the world's third highest defence budget.",
        "75 percent of total exports belong to those states.",
        "Tehran, March 9, 2020 - 18:57. Officials met to discuss the budget.",
    ],
)
def test_no_claim(text: str) -> None:
    assert extract(text, D) == []


def test_explain_stages_are_typed_and_complete() -> None:
    a = analyse("Israel (45 per cent) was the top buyer of Indian arms.", D)
    (s,) = [x for x in a.sentences if x.claims]
    d = s.to_dict(a.doc.text)
    assert set(d) == {"span", "text", "clauses", "mentions", "quantities", "frames", "claims"}
    assert d["frames"] and all(
        {"kind", "metric", "scope", "side", "owner", "theme", "rule"} <= set(f) for f in d["frames"]
    )
