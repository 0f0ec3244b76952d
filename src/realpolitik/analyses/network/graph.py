"""The signed, weighted, multi-layer graph of states per year, and the one rule that combines layers.

Every layer row says, for one unordered dyad (a < b) in one year, how strongly one kind of evidence
pulls the pair together (value > 0) or apart (value < 0), with the figure, period and dataset it
comes from (see `layers.py`). `CombineConfig` is the whole combination rule:

* rule ``"relationship"`` (default): the relationship model (`analyses.relations`, docs/relations.md)
  decides whether a dyad has an edge and its sign — the same reading the brief gives: allies, aligned,
  partners and a mixed pair with a recent dispute are +, rivals, pairs at war or fighting, hostile
  pairs and rivals that are also allied are −, ``none`` (e.g. a large multilateral non-aggression
  treaty alone) is no edge. The weight is the layers' as below (tie layers for +, hostile layers and
  UN distance for −), or `MODEL_WEIGHT` when the model's evidence has no layer (a UCDP conflict).
* rule ``"hostility_first"``: if any *hostile* layer (militarised dispute in the window,
  strategic rivalry, optional hostile events) is present the edge is negative and its weight is the
  sum of the weighted hostile values (plus UN voting distance when present); otherwise, if any *tie*
  layer is present (alliance, arms, trade, energy, cooperative events), the edge is positive and its
  weight is the weighted sum of the tie values plus the UN-affinity / UN-distance modifiers, floored at
  ``min_weight``. A militarised dispute is a stronger, rarer signal than trade, so it decides the sign
  (Maoz et al. 2007 code enemies from MIDs the same way); Greece–Turkey, allied and disputing, is an enemy
  pair under this rule and a friend pair under ``"weighted_sum"`` if the alliance outweighs the disputes.
* rule ``"weighted_sum"``: weight = sum over layers of ``weights[layer] * value``; sign = sign(weight).
* UN voting layers are *context* layers: they change the weight of a dyad that has other evidence
  but create no edge on their own unless ``un_creates_edges`` is true (otherwise the UN layers would
  connect almost every pair of states and swamp the structure).
* an edge needs ``|weight| >= min_weight``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

import networkx as nx
import pandas as pd

HOSTILE = frozenset({"dispute", "rivalry", "events_hostile"})
TIES = frozenset({"alliance", "arms", "trade", "energy", "events_cooperative"})
CONTEXT = frozenset({"un_affinity", "un_distance"})

DEFAULT_WEIGHTS: dict[str, float] = {
    "alliance": 1.0,
    "arms": 1.0,
    "trade": 0.6,
    "energy": 0.6,
    "un_affinity": 0.25,
    "events_cooperative": 0.3,
    "dispute": 1.0,
    "rivalry": 1.5,
    "un_distance": 0.25,
    "events_hostile": 0.5,
}


MODEL_WEIGHT: dict[str, float] = {"at war": 1.0, "rivals": 1.0, "hostile": 0.5, "mixed": 0.3,
                                  "allies": 1.0, "aligned": 0.5, "partners": 0.3}  # fmt: skip
"""Edge weight magnitude of a model-signed dyad whose deciding evidence has no layer row."""
RULES = ("relationship", "hostility_first", "weighted_sum")


@dataclass(frozen=True)
class CombineConfig:
    """How layer values become one signed edge weight (documented in the module docstring)."""

    rule: str = "relationship"
    weights: dict[str, float] = field(default_factory=lambda: dict(DEFAULT_WEIGHTS))
    layers: frozenset[str] = frozenset(DEFAULT_WEIGHTS)
    un_creates_edges: bool = False
    min_weight: float = 0.05

    def with_(self, **changes: Any) -> CombineConfig:
        """A copy with some fields changed (weights are merged, not replaced)."""
        if "weights" in changes:
            changes["weights"] = {**self.weights, **changes["weights"]}
        return replace(self, **changes)


def combine(
    rows: pd.DataFrame,
    config: CombineConfig | None = None,
    with_layers: bool = True,
    types: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Layer rows (year, a, b, layer, value, …) -> one row per edge: year, a, b, sign, weight[, layers].

    The "relationship" rule needs `types`: the model's classified dyad-years (year, a, b, type, sign, rule);
    its edges also carry type and rule."""
    cfg = config or CombineConfig()
    if cfg.rule not in RULES:
        raise ValueError(f"unknown combination rule {cfg.rule!r}")
    if cfg.rule == "relationship":
        if types is None:
            raise ValueError("the relationship rule needs the model's classified dyads (types)")
        return _combine_model(rows[rows["layer"].isin(cfg.layers)], types, cfg, with_layers)
    cols = ["year", "a", "b", "sign", "weight", "layers"]
    rows = rows[rows["layer"].isin(cfg.layers)]
    if rows.empty:
        return pd.DataFrame(columns=cols)
    r = rows[["year", "a", "b", "layer", "value"]].copy()
    r["w"] = r["layer"].map(cfg.weights).fillna(0.0) * r["value"]
    kind = r["layer"].map(
        lambda x: "hostile" if x in HOSTILE else ("tie" if x in TIES else "context")
    )
    keys = ["year", "a", "b"]
    r["hostile_w"] = r["w"].where(kind == "hostile", 0.0)
    r["tie_w"] = r["w"].where(kind == "tie", 0.0)
    r["ctx_w"] = r["w"].where(kind == "context", 0.0)
    r["is_hostile"] = kind == "hostile"
    r["is_tie"] = kind == "tie"
    r["dist_w"] = r["w"].where(r["layer"] == "un_distance", 0.0)
    g = r.groupby(keys, sort=False).agg(
        hostile_w=("hostile_w", "sum"),
        tie_w=("tie_w", "sum"),
        ctx_w=("ctx_w", "sum"),
        dist_w=("dist_w", "sum"),
        is_hostile=("is_hostile", "any"),
        is_tie=("is_tie", "any"),
    )
    if cfg.rule == "weighted_sum":
        weight = g["hostile_w"] + g["tie_w"] + g["ctx_w"]
        keep = g["is_hostile"] | g["is_tie"] | cfg.un_creates_edges
    else:
        hostile = g["hostile_w"] + g["dist_w"]
        friendly = (g["tie_w"] + g["ctx_w"]).clip(lower=cfg.min_weight)
        ctx_only = g["ctx_w"]
        weight = hostile.where(g["is_hostile"], friendly.where(g["is_tie"], ctx_only))
        keep = g["is_hostile"] | g["is_tie"] | cfg.un_creates_edges
    out = pd.DataFrame({"weight": weight, "keep": keep}).reset_index()
    out = out[out["keep"] & (out["weight"].abs() >= cfg.min_weight)].drop(columns="keep")
    out["sign"] = (out["weight"] > 0).astype(int) * 2 - 1
    if not with_layers:
        return out[cols[:-1]].reset_index(drop=True)
    wide = r.pivot_table(index=keys, columns="layer", values="value", aggfunc="first")
    wide = wide.reindex(pd.MultiIndex.from_frame(out[keys]))
    names = list(wide.columns)
    out["layers"] = [
        {n: round(float(v), 6) for n, v in zip(names, vals, strict=True) if v == v}
        for vals in wide.itertuples(index=False, name=None)
    ]
    return out[cols].reset_index(drop=True)


def _aggregate(rows: pd.DataFrame, cfg: CombineConfig) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Per dyad-year: the weighted sums of hostile, tie, context and UN-distance layers, and flags."""
    r = rows[["year", "a", "b", "layer", "value"]].copy()
    r["w"] = r["layer"].map(cfg.weights).fillna(0.0) * r["value"]
    kind = r["layer"].map(
        lambda x: "hostile" if x in HOSTILE else ("tie" if x in TIES else "context")
    )
    r["hostile_w"] = r["w"].where(kind == "hostile", 0.0)
    r["tie_w"] = r["w"].where(kind == "tie", 0.0)
    r["ctx_w"] = r["w"].where(kind == "context", 0.0)
    r["dist_w"] = r["w"].where(r["layer"] == "un_distance", 0.0)
    r["is_hostile"] = kind == "hostile"
    r["is_tie"] = kind == "tie"
    g = r.groupby(["year", "a", "b"], sort=False).agg(
        hostile_w=("hostile_w", "sum"), tie_w=("tie_w", "sum"), ctx_w=("ctx_w", "sum"),
        dist_w=("dist_w", "sum"), is_hostile=("is_hostile", "any"), is_tie=("is_tie", "any"),
    )  # fmt: skip
    return r, g


def _combine_model(
    rows: pd.DataFrame, types: pd.DataFrame, cfg: CombineConfig, with_layers: bool
) -> pd.DataFrame:
    """Edges signed by the relationship model, weighted by the layers (see the module docstring)."""
    keys = ["year", "a", "b"]
    cols = [*keys, "sign", "weight", "type", "rule"] + (["layers"] if with_layers else [])
    t = types[types["sign"] != 0][[*keys, "type", "sign", "rule"]]
    if t.empty:
        return pd.DataFrame(columns=cols)
    r, g = _aggregate(rows, cfg) if not rows.empty else (rows.assign(value=[]), pd.DataFrame())
    out = t.merge(g.reset_index(), on=keys, how="left") if not g.empty else t.copy()
    for c in ("hostile_w", "tie_w", "ctx_w", "dist_w"):
        out[c] = out[c].fillna(0.0) if c in out else 0.0
    for c in ("is_hostile", "is_tie"):
        out[c] = out[c].eq(True) if c in out else False
    default = out["type"].map(MODEL_WEIGHT).fillna(cfg.min_weight)
    pos = (out["tie_w"] + out["ctx_w"]).where(out["is_tie"], default).clip(lower=cfg.min_weight)
    neg = (
        (out["hostile_w"] + out["dist_w"])
        .where(out["is_hostile"], -default + out["dist_w"])
        .clip(upper=-cfg.min_weight)
    )
    out["weight"] = pos.where(out["sign"] > 0, neg)
    if with_layers:
        if r.empty:
            out["layers"] = [{} for _ in range(len(out))]
        else:
            wide = r.pivot_table(index=keys, columns="layer", values="value", aggfunc="first")
            wide = wide.reindex(pd.MultiIndex.from_frame(out[keys]))
            names = list(wide.columns)
            out["layers"] = [
                {n: round(float(v), 6) for n, v in zip(names, vals, strict=True) if v == v}
                for vals in wide.itertuples(index=False, name=None)
            ]
    return out[cols].reset_index(drop=True)


EVIDENCE_COLS = ("layer", "value", "figure", "period", "dataset", "text")


def build_graph(
    year: int,
    edges: pd.DataFrame,
    evidence: pd.DataFrame | None = None,
    nodes: Iterable[str] = (),
    names: dict[str, str] | None = None,
) -> nx.Graph:
    """A networkx Graph for one year: edge attrs sign, weight, layers, evidence (list of dicts)."""
    g = nx.Graph(year=year)
    names = names or {}
    for n in nodes:
        g.add_node(n, name=names.get(n, n))
    e = edges[edges["year"] == year] if "year" in edges else edges
    ev: dict[tuple[str, str], list[dict[str, Any]]] = {}
    if evidence is not None and not evidence.empty:
        sub = evidence[evidence["year"] == year] if "year" in evidence else evidence
        cols = [c for c in EVIDENCE_COLS if c in sub.columns]
        for a, b, *vals in sub[["a", "b", *cols]].itertuples(index=False, name=None):
            ev.setdefault((a, b), []).append(dict(zip(cols, vals, strict=True)))
    model = "type" in e.columns
    for row in e.to_dict("records"):
        a, b = row["a"], row["b"]
        for n in (a, b):
            if n not in g:
                g.add_node(n, name=names.get(n, n))
        extra = {"type": row["type"], "rule": row["rule"]} if model else {}
        g.add_edge(a, b, sign=int(row["sign"]), weight=float(row["weight"]), layers=dict(row["layers"]),
                   evidence=ev.get((a, b), []), **extra)  # fmt: skip
    return g


def signed_from_edges(
    edges: Iterable[tuple[str, str, int]] | Iterable[tuple[str, str, int, float]],
) -> nx.Graph:
    """A small signed graph from (a, b, sign[, magnitude]) tuples; edge weight = sign * magnitude."""
    g = nx.Graph()
    for e in edges:
        a, b, s = e[0], e[1], 1 if e[2] > 0 else -1
        mag = abs(float(e[3])) if len(e) > 3 else 1.0  # type: ignore[misc]
        g.add_edge(a, b, sign=s, weight=s * mag)
    return g


def year_edges(
    start: int,
    end: int,
    config: CombineConfig | None = None,
    params: Any = None,
    store: Any = None,
    texts: bool = True,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Layer rows and combined edges for the years start..end, computed in one pass."""
    from dataclasses import replace as _replace

    from realpolitik.analyses.network import layers as L

    cfg = config or CombineConfig()
    p = params or L.LayerParams()
    if p.texts != texts:
        p = _replace(p, texts=texts)
    rows = L.layer_rows(
        start, end, p, store, layers=cfg.layers, un_creates_edges=cfg.un_creates_edges
    )
    types = None
    if cfg.rule == "relationship":
        from realpolitik.analyses.relations import classify_years

        types = classify_years(start, end, store)
    from realpolitik.asof import both_exist

    rows = rows[both_exist(rows["a"], rows["b"], rows["year"])]  # no edge of a dissolved state
    return rows, combine(rows, cfg, with_layers=texts, types=types)


def signed_graph(
    year: int, config: CombineConfig | None = None, params: Any = None, store: Any = None
) -> nx.Graph:
    """The signed weighted multi-layer graph of states in one year, with per-edge layers and evidence."""
    from realpolitik.analyses.network import layers as L
    from realpolitik.store import get_store

    st = store or get_store()
    p = params or L.LayerParams()
    rows, edges = year_edges(year, year, config, p, st)
    ip = L.ideal_points(year, year, p, st)
    nodes = sorted(set(ip["id"]) | set(edges["a"]) | set(edges["b"]))
    nodes = [n for n in nodes if ":" not in n]
    if "type" in edges.columns and not edges.empty:  # the model's reading is evidence too
        rel = edges[["year", "a", "b", "type", "rule", "sign"]].assign(
            layer="relationship", value=edges["sign"].astype(float), figure=float("nan"), period=str(year),
            dataset="relationship model",
            text=[f"relationship: {t} (rule {r}, docs/relations.md)" for t, r in zip(edges["type"], edges["rule"], strict=True)],
        )  # fmt: skip
        rows = pd.concat([rows, rel[list(rows.columns)]], ignore_index=True)
    g = build_graph(year, edges, rows, nodes, L.names(nodes))
    g.graph["coverage"] = L.coverage(year, p, st)
    g.graph["config"] = config or CombineConfig()
    return g
