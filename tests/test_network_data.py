"""The signed network on the real snapshot: Israel–Azerbaijan–Iran, the 1950–2024 series, the CLI."""

from __future__ import annotations

import json

import pytest

from realpolitik.analyses.network.graph import signed_graph
from realpolitik.analyses.network.partnerships import partnerships
from realpolitik.analyses.network.triads import triads


@pytest.fixture
def cli(cli_in_process):  # noqa: ANN001, ANN201 - conftest's fixture
    """These tests are about what the commands print, not the process: the CLI runs in-process."""
    return cli_in_process


@pytest.fixture(scope="module")
def g2020():
    return signed_graph(2020)


def test_graph_2020_edges_carry_layers_and_evidence(g2020):
    e = g2020.edges["AZE", "ISR"]
    assert e["sign"] == 1
    assert e["layers"]["arms"] == pytest.approx(
        0.6774, abs=5e-4
    )  # SIPRI: Israel 67.7 % of AZE imports 2016–20
    arms = [x for x in e["evidence"] if x["layer"] == "arms"][0]
    assert arms["period"] == "2016–2020" and arms["dataset"] == "sipri"
    assert (
        g2020.edges["IRN", "ISR"]["sign"] == -1 and "rivalry" in g2020.edges["IRN", "ISR"]["layers"]
    )
    assert (
        g2020.edges["AZE", "IRN"]["sign"] == -1 and "dispute" in g2020.edges["AZE", "IRN"]["layers"]
    )
    un = [x for x in g2020.edges["AZE", "ISR"]["evidence"] if x["layer"] == "un_distance"][0]
    assert un["figure"] > 2.5  # very different UN voting
    assert g2020.graph["coverage"]["alliance"] == "carried forward from 2018"


@pytest.mark.parametrize("year", [2016, 2017, 2018, 2019, 2020])
def test_israel_azerbaijan_is_a_top25_unlikely_partnership_with_iran_as_shared_adversary(year):
    df = partnerships(year, top=25).frame
    row = df[(df["a_id"] == "AZE") & (df["b_id"] == "ISR")]
    assert len(row) == 1, df[["a", "b"]].to_string()
    r = row.iloc[0]
    assert r["rank"] <= 25
    assert "Iran" in r["shared_adversaries"].split(", ")
    ex = r["explanation"]
    assert "shared adversary" in ex and "Iran (" in ex
    assert "COW MID 2011" in ex  # the evidence that makes Iran Azerbaijan's adversary, named
    assert "TSS rivalry since 1979" in ex  # and Israel's (as known in the year: no later end)
    assert "no ATOP alliance" in ex and "% of Azerbaijan's arms imports" in ex


def test_partnerships_2020_figures():
    df = partnerships(2020, top=25).frame
    r = df[(df["a_id"] == "AZE") & (df["b_id"] == "ISR")].iloc[0]
    assert r["arms_share"] == pytest.approx(0.6774, abs=5e-4)
    assert r["un_distance"] > 2.5
    assert r["religion_diff"] > 0.5
    assert df["score"].is_monotonic_decreasing


def test_triads_azerbaijan_2020_lists_israel_iran_enemy_of_enemy():
    res = triads("Azerbaijan", 2020)
    df = res.frame
    row = df[(df["partner_id"] == "ISR") & (df["third_id"] == "IRN")]
    assert len(row) == 1
    r = row.iloc[0]
    assert r["kind"] == "enemy-of-enemy" and bool(r["balanced"]) and r["signs"] == "+−−"
    assert "67.7 %" in r["evidence_country_partner"]
    assert "Azerbaijan–Iran in 2011" in r["evidence_country_third"]
    assert "'Iran-Israel' 1979–2020" in r["evidence_partner_third"]


def test_balance_series_runs_for_every_year_and_names_its_layers():
    from realpolitik.analyses.network.balance import balance_series

    res = balance_series(1950, 2024)
    df = res.frame
    assert list(df["year"]) == list(range(1950, 2025))
    assert df["edges"].gt(0).all() and df["triangles"].gt(0).all()
    assert df["share_balanced"].between(0, 1).all()
    y1950 = df[df["year"] == 1950].iloc[0]["layers_with_data"]
    assert "arms" in y1950 and "alliance" in y1950 and "energy" not in y1950
    y2024 = df[df["year"] == 2024].iloc[0]["layers_with_data"]
    assert "alliance(2018)" in y2024 and "dispute" not in y2024.split(", ")


def test_balance_one_year_bounds(store):
    from realpolitik.analyses.network.balance import balance

    r = balance(1960).frame.iloc[0]
    assert 0 < r["share_balanced"] <= 1
    assert r["frustration_lower"] <= r["frustration"] <= r["edges"]


def test_cli_triads_json(cli):
    p = cli("network", "triads", "Azeri", "--year", "2020", "--format", "json")
    assert p.returncode == 0, p.stderr
    data = json.loads(p.stdout)
    assert any(
        r["partner"] == "Israel" and r["third"] == "Iran" and r["kind"] == "enemy-of-enemy"
        for r in data["rows"]
    )
    assert data["sources"]


def test_cli_export_csv_and_bad_input(cli, tmp_path):
    out = tmp_path / "net.csv"
    p = cli("network", "export", "--year", "2020", "--format", "csv", "--out", str(out))
    assert p.returncode == 0, p.stderr
    assert "AZE" in out.read_text()
    for args in (
        ("network", "triads", "Narnia", "--year", "2020"),
        ("network", "balance", "--year", "1700"),
        ("network", "export", "--year", "2020", "--format", "xlsx"),
        ("network", "balance", "--from", "2000", "--to", "1990"),
    ):
        bad = cli(*args)
        assert bad.returncode == 2, (args, bad.stderr)
        assert len(bad.stderr.strip().splitlines()) == 1


def test_no_positive_tie_made_only_of_a_large_multilateral_treaty(g2020):
    """Azerbaijan–Andorra and Azerbaijan–San Marino share only a 56-state non-aggression treaty: no edge."""
    assert not g2020.has_edge("AND", "AZE") and not g2020.has_edge("AZE", "SMR")
    for a, b, d in g2020.edges(data=True):
        assert d["type"] != "none"
        if d["sign"] > 0 and set(d["layers"]) <= {"alliance", "un_affinity", "un_distance"}:
            assert d["type"] in {"allies", "aligned", "mixed"}, (a, b, d["type"])
    t = [d["type"] for *_, d in g2020.edges(data=True)]
    assert {"allies", "partners", "rivals", "hostile"} <= set(t)


def test_religion_ranges_count_at_their_midpoint() -> None:
    """The Factbook gives Iraq's Muslims as a range ('95–98%'): Iraq is a Muslim country, not one whose
    only numeric share (Christian 1 %) makes it 100 % Christian."""
    from realpolitik.analyses.network.partnerships import religion_difference, religion_families
    from realpolitik.store import get_store

    shares, label = religion_difference(religion_families(get_store()))
    assert label["IRQ"] == "muslim" and shares["IRQ"]["muslim"] > 0.95
    assert label["SAU"] == "muslim" and label["IND"] == "hindu" and label["ISR"] == "jewish"


def test_a_few_tiv_make_no_partnership():
    """Grenada took 100 % of its 1981–85 arms from the Soviet Union, but that was 1 TIV: below the
    relationship model's arms floor, so no material tie, and the pair is not ranked. Explanations
    give the TIV behind each share."""
    from realpolitik.analyses.network.partnerships import dyad_features, partnerships
    from realpolitik.analyses.relations.classify import Thresholds

    feats, _ = dyad_features(1985, 1985)
    grd = feats[(feats["a"] == "GRD") & (feats["b"] == "SUN")].iloc[0]
    assert grd["arms_share"] == 1.0 and grd["tiv"] < Thresholds().arms_tiv
    ranked = partnerships(1985, top=10_000).frame
    assert len(ranked) > 500
    assert not ((ranked["a_id"] == "GRD") & (ranked["b_id"] == "SUN")).any()
    mor = ranked[(ranked["a_id"] == "MAR") & (ranked["b_id"] == "USA")].iloc[0]
    assert "arms imports 1981–1985 (SIPRI, " in mor["explanation"] and " TIV)" in mor["explanation"]


def test_a_dissolved_state_makes_no_edge_after_its_end():
    """Czechoslovakia–United States read 'hostile' and Afghanistan–Soviet Union 'partners' in the 1995
    network (old disputes and a 1991 delivery carried past the state's end), and 'Yugoslavia' was a
    shared adversary in 2010. FR Yugoslavia (COW 345, to 2005) is still a node in 1995."""
    from realpolitik.analyses.relations import classify_years

    g = signed_graph(1995)
    assert not {"CSK", "SUN", "XWG", "DDR", "YMD"} & set(g.nodes)
    assert g.has_edge("BIH", "YUG")
    later = classify_years(2010, 2010)
    assert not {"YUG", "SUN", "CSK"} & (set(later["a"]) | set(later["b"]))
    assert {"SRB", "RUS", "CZE"} <= set(later["a"]) | set(later["b"])


def test_unlikely_partners_that_fought_on_one_side_say_so():
    """Afghanistan–United States 2010 is listed (arms, trade, no ATOP alliance) but they were on the same
    side of the war in Afghanistan: the explanation says so rather than leave 'no ATOP alliance' alone."""
    rows = partnerships(2010, top=8).frame
    afg = rows[(rows["a_id"] == "AFG") & (rows["b_id"] == "USA")].iloc[0]
    assert "no ATOP alliance, but on the same side of a UCDP/PRIO armed conflict" in afg["explanation"]
    vnm = rows[(rows["a_id"] == "USA") & (rows["b_id"] == "VNM")].iloc[0]  # trade only, no common side
    assert "same side" not in vnm["explanation"] and "no ATOP alliance;" in vnm["explanation"]
