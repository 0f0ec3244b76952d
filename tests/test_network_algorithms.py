"""Signed-network algorithms on hand-built graphs: balance, frustration, combination rule, triads, export."""

from __future__ import annotations

import importlib
import io
import json
import random
import sys
from pathlib import Path

import networkx as nx
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from realpolitik.analyses.network.export import edge_table, to_text
from realpolitik.analyses.network.graph import (
    CombineConfig,
    build_graph,
    combine,
    signed_from_edges,
)
from realpolitik.analyses.network.triads import triads_of

B = importlib.import_module(
    "realpolitik.analyses.network.balance"
)  # the package exports a function of that name
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))


def textbook_k4() -> nx.Graph:
    # A-B +, A-C +, B-C -, A-D -, B-D -, C-D +: triangles ABC (+,+,-) unbalanced, ABD (+,-,-) balanced,
    # ACD (+,-,+) unbalanced, BCD (-,-,+) balanced -> 2 of 4 balanced (share 0.5).
    return signed_from_edges(
        [
            ("A", "B", 1),
            ("A", "C", 1),
            ("B", "C", -1),
            ("A", "D", -1),
            ("B", "D", -1),
            ("C", "D", 1),
        ]
    )


def test_textbook_four_node_balance():
    c = B.census(textbook_k4())
    assert (c.ppp, c.ppn, c.pnn, c.nnn) == (0, 2, 2, 0)
    assert c.triangles == 4
    assert c.share_balanced == 0.5
    assert c.weighted_balance == pytest.approx(0.5)  # unit weights: same as the count


def test_textbook_four_node_frustration_is_one():
    # Groups {A, B} vs {C, D} leave only A-C (+, across the groups) frustrated; no partition leaves none.
    g = textbook_k4()
    assert B.frustration_bruteforce(g) == 1.0
    assert B.frustration(g, exact=True).value == 1.0
    h = B.frustration(g, exact=False)
    assert h.lower <= 1.0 <= h.upper


def test_two_factions_are_balanced_and_all_negative_triangle_only_weakly():
    g = signed_from_edges(
        [
            ("A", "B", 1),
            ("C", "D", 1),
            ("A", "C", -1),
            ("A", "D", -1),
            ("B", "C", -1),
            ("B", "D", -1),
        ]
    )
    c = B.census(g)
    assert c.share_balanced == 1.0 and c.pnn == 4
    assert B.frustration(g).value == 0
    t = signed_from_edges([("X", "Y", -1), ("Y", "Z", -1), ("X", "Z", -1)])
    ct = B.census(t)
    assert ct.share_balanced == 0.0 and ct.share_weak_balanced == 1.0
    assert B.frustration(t).value == 1.0


def test_weighted_balance_counts_triangles_by_weight_product():
    # balanced triangle with weights 2,2,2 (product 8), unbalanced with 1,1,1 (product 1) sharing no edge
    g = signed_from_edges(
        [
            ("A", "B", 1, 2),
            ("B", "C", -1, 2),
            ("A", "C", -1, 2),
            ("D", "E", 1, 1),
            ("E", "F", 1, 1),
            ("D", "F", -1, 1),
        ]
    )
    c = B.census(g)
    assert c.share_balanced == 0.5
    assert c.weighted_balance == pytest.approx(8 / 9)


@settings(max_examples=40, deadline=None)
@given(
    st.integers(min_value=3, max_value=9), st.integers(min_value=0, max_value=10_000), st.booleans()
)
def test_frustration_exact_equals_bruteforce_and_heuristic_brackets_it(n, seed, weighted):
    rnd = random.Random(seed)
    base = nx.gnp_random_graph(n, 0.6, seed=seed)
    g = signed_from_edges([(a, b, rnd.choice([1, -1]), rnd.uniform(0.1, 3)) for a, b in base.edges])
    g.add_nodes_from(base.nodes)
    brute = B.frustration_bruteforce(g, weighted=weighted)
    assert B.frustration(g, weighted=weighted, exact=True).value == pytest.approx(brute)
    h = B.frustration(g, weighted=weighted, exact=False)
    assert h.lower - 1e-9 <= brute <= h.upper + 1e-9


def test_census_matches_triangle_enumeration_on_random_graph():
    rnd = random.Random(7)
    base = nx.gnp_random_graph(30, 0.3, seed=7)
    g = signed_from_edges([(a, b, rnd.choice([1, -1])) for a, b in base.edges])
    counts = [0, 0, 0, 0]
    for t in B.triangles_of(g):
        neg = sum(g.edges[t[i], t[j]]["sign"] < 0 for i, j in ((0, 1), (1, 2), (0, 2)))
        counts[neg] += 1
    c = B.census(g)
    assert [c.ppp, c.ppn, c.pnn, c.nnn] == counts


def rows(*items):
    return pd.DataFrame(
        [{"year": 2020, "a": a, "b": b, "layer": layer, "value": v} for a, b, layer, v in items],
        columns=["year", "a", "b", "layer", "value"],
    )


def test_combination_rule_hostility_first_and_weighted_sum():
    r = rows(
        ("AZE", "IRN", "dispute", -0.23),
        ("AZE", "IRN", "un_affinity", 0.15),
        ("AZE", "IRN", "trade", 0.5),
        ("AZE", "ISR", "arms", 0.68),
        ("AZE", "ISR", "un_distance", -1.0),
        ("GRC", "TUR", "alliance", 1.0),
        ("GRC", "TUR", "dispute", -0.2),
        ("FRA", "DEU", "un_affinity", 0.9),  # context only: no edge
    )
    e = combine(r, CombineConfig(rule="hostility_first")).set_index(["a", "b"])
    assert e.loc[("AZE", "IRN"), "sign"] == -1  # any hostile layer decides the sign
    assert e.loc[("AZE", "ISR"), "sign"] == 1
    assert e.loc[("AZE", "ISR"), "weight"] == pytest.approx(0.68 - 0.25)
    assert e.loc[("GRC", "TUR"), "sign"] == -1
    assert ("FRA", "DEU") not in e.index
    assert e.loc[("AZE", "ISR"), "layers"] == {"arms": 0.68, "un_distance": -1.0}
    s = combine(r, CombineConfig(rule="weighted_sum")).set_index(["a", "b"])
    assert s.loc[("GRC", "TUR"), "sign"] == 1  # alliance 1.0 outweighs the dispute 0.2
    assert s.loc[("AZE", "IRN"), "sign"] == 1  # trade 0.3 + UN 0.0375 > dispute 0.23
    u = combine(r, CombineConfig(rule="hostility_first", un_creates_edges=True)).set_index(
        ["a", "b"]
    )
    assert u.loc[("FRA", "DEU"), "sign"] == 1
    with pytest.raises(ValueError):
        combine(r, CombineConfig(rule="vibes"))
    with pytest.raises(ValueError):  # the default rule reads the relationship model
        combine(r)


def test_relationship_rule_signs_edges_by_the_model():
    """The default rule: the model's sign decides, 'none' drops the dyad, a model-only dyad gets an edge."""
    r = rows(
        ("AZE", "IRN", "dispute", -0.23),
        ("AZE", "IRN", "trade", 0.5),
        (
            "AND",
            "AZE",
            "alliance",
            0.5,
        ),  # a large multilateral non-aggression treaty: the model says none
        ("GRC", "TUR", "alliance", 1.0),
        ("GRC", "TUR", "dispute", -0.2),
    )
    types = pd.DataFrame(
        [("AZE", "IRN", "hostile", -1, "hostile_dispute"), ("AND", "AZE", "none", 0, "none"),
         ("GRC", "TUR", "mixed", -1, "mixed_rivalry"), ("ARM", "AZE", "rivals", -1, "armed_rivals")],
        columns=["a", "b", "type", "sign", "rule"],
    ).assign(year=2020)  # fmt: skip
    e = combine(r, types=types).set_index(["a", "b"])
    assert ("AND", "AZE") not in e.index
    assert e.loc[("AZE", "IRN"), "sign"] == -1 and e.loc[("AZE", "IRN"), "weight"] == pytest.approx(
        -0.23
    )
    assert e.loc[("GRC", "TUR"), "sign"] == -1 and e.loc[("GRC", "TUR"), "type"] == "mixed"
    assert e.loc[("ARM", "AZE"), "weight"] == pytest.approx(
        -1.0
    )  # no layer row: the model's own weight


def hand_network() -> nx.Graph:
    edges = pd.DataFrame(
        [
            ("AZE", "ISR", 1, 0.43, {"arms": 0.68}),
            ("AZE", "IRN", -1, -0.23, {"dispute": -0.23}),
            ("IRN", "ISR", -1, -1.75, {"rivalry": -1.0}),
            ("AZE", "TUR", 1, 1.0, {"alliance": 1.0}),
            ("IRN", "TUR", 1, 0.5, {"trade": 0.8}),
        ],
        columns=["a", "b", "sign", "weight", "layers"],
    ).assign(year=2020)
    ev = pd.DataFrame(
        [
            ("AZE", "ISR", "arms", "Israel supplied 67.7 % of Azerbaijan's arms imports 2016–2020"),
            ("AZE", "IRN", "dispute", "1 militarised dispute Azerbaijan–Iran in 2011"),
            ("IRN", "ISR", "rivalry", "strategic rivalry 'Iran-Israel' 1979–2020 (TSS)"),
        ],
        columns=["a", "b", "layer", "text"],
    ).assign(year=2020)
    return build_graph(
        2020,
        edges,
        ev,
        names={"AZE": "Azerbaijan", "ISR": "Israel", "IRN": "Iran", "TUR": "Türkiye"},
    )


def test_triads_label_enemy_of_my_enemy_with_evidence():
    df = triads_of(hand_network(), "AZE")
    eoe = df[(df["partner_id"] == "ISR") & (df["third_id"] == "IRN")].iloc[0]
    assert eoe["kind"] == "enemy-of-enemy" and bool(eoe["balanced"]) and eoe["signs"] == "+−−"
    assert "67.7 %" in eoe["evidence_country_partner"]
    assert "2011" in eoe["evidence_country_third"]
    assert "1979–2020" in eoe["evidence_partner_third"]
    assert eoe["reading"] == "Israel, enemy of Azerbaijan's enemy Iran, is Azerbaijan's friend"
    foe = df[(df["partner_id"] == "TUR") & (df["third_id"] == "IRN")].iloc[0]
    assert foe["kind"] == "friend-of-enemy" and not bool(foe["balanced"])
    assert df["kind"].iloc[0] == "enemy-of-enemy"  # enemy-of-enemy triads come first
    assert triads_of(hand_network(), "XXX").empty


def test_export_roundtrips():
    g = hand_network()
    h = nx.read_graphml(io.BytesIO(to_text(g, "graphml").encode()))
    assert h.number_of_edges() == 5 and h.edges["AZE", "ISR"]["sign"] == 1
    assert json.loads(h.edges["AZE", "ISR"]["layers"]) == {"arms": 0.68}
    data = json.loads(to_text(g, "json"))
    assert len(data["links"]) == 5
    csv = pd.read_csv(io.StringIO(to_text(g, "csv")))
    assert set(csv.columns) >= {"a_id", "b_id", "sign", "weight", "layers", "evidence"}
    assert len(edge_table(g)) == 5
    with pytest.raises(ValueError):
        to_text(g, "xlsx")


def test_rank_auc_matches_pairwise_definition():
    from backtest_partnerships import auc

    rnd = random.Random(3)
    y = [rnd.random() < 0.3 for _ in range(200)]
    s = [round(rnd.random(), 1) for _ in range(200)]  # many ties
    pos = [v for v, t in zip(s, y, strict=True) if t]
    neg = [v for v, t in zip(s, y, strict=True) if not t]
    pairwise = sum((p > n) + 0.5 * (p == n) for p in pos for n in neg) / (len(pos) * len(neg))
    assert auc(y, s) == pytest.approx(pairwise)
    assert auc([True, False], [1.0, 0.0]) == 1.0


def test_exact_frustration_regression_pendant_node():
    """A frustrated triangle plus a pendant edge: HiGHS once reported 0 here when given a warm start."""
    g = signed_from_edges([(0, 1, 1, 1.6), (0, 2, -1, 2.4), (1, 2, 1, 0.95), (1, 3, 1, 0.85)])
    assert B.frustration_bruteforce(g) == 1.0
    assert B.frustration(g, exact=True).value == 1.0
