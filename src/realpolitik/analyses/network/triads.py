"""Triads through a country: the enemy of my enemy, the friend of my enemy, balanced or not.

For a country X and a closed triangle X–Y–Z of the signed network, with signs (XY, XZ, YZ):

| signs      | kind               | reading from X                                            | balanced |
|------------|--------------------|-----------------------------------------------------------|----------|
| + − −      | enemy-of-enemy     | Y, the enemy of my enemy Z, is my friend                   | yes      |
| − − −      | enemy-of-enemy     | Y and Z, enemies of each other, are both my enemies        | no (weakly yes) |
| + − +      | friend-of-enemy    | my friend Y is a friend of my enemy Z                      | no       |
| − − +      | friend-of-enemy    | Y, the friend of my enemy Z, is my enemy too               | yes      |
| + + −      | enemy-of-friend    | my friends Y and Z are enemies of each other               | no       |
| + + +      | friend-of-friend   | all friends                                                | yes      |

Y is always the partner on X's friendly side when there is one (so the + − − row reads
"X–Y friends, X–Z enemies, Y–Z enemies").
"""

from __future__ import annotations

import networkx as nx
import pandas as pd

from realpolitik.analyses.network.layers import possessive

KINDS = {
    (1, -1, -1): ("enemy-of-enemy", True),
    (-1, -1, -1): ("enemy-of-enemy", False),
    (1, -1, 1): ("friend-of-enemy", False),
    (-1, -1, 1): ("friend-of-enemy", True),
    (1, 1, -1): ("enemy-of-friend", False),
    (1, 1, 1): ("friend-of-friend", True),
}


def _orient(sxy: int, sxz: int) -> bool:
    """True when (Y, Z) must be swapped so that the friendly partner comes first."""
    return sxy < sxz


def _evidence(g: nx.Graph, a: str, b: str) -> str:
    d = g.edges[a, b]
    texts = [e["text"] for e in d.get("evidence", []) if e.get("text")]
    sign = "+" if d["sign"] > 0 else "−"
    return (
        f"[{sign}] " + "; ".join(texts) if texts else f"[{sign}] " + ", ".join(d.get("layers", {}))
    )


def sentence(g: nx.Graph, x: str, y: str, z: str, kind: str, balanced: bool) -> str:
    """One line reading the triad from X's side."""
    n = {v: g.nodes[v].get("name", v) for v in (x, y, z)}
    sxy, syz = g.edges[x, y]["sign"], g.edges[y, z]["sign"]
    if kind == "enemy-of-enemy" and sxy > 0:
        return f"{n[y]}, enemy of {possessive(n[x])} enemy {n[z]}, is {possessive(n[x])} friend"
    if kind == "enemy-of-enemy":
        return f"{n[y]} and {n[z]} are enemies of each other and both enemies of {n[x]}"
    if kind == "friend-of-enemy" and sxy > 0:
        return f"{possessive(n[x])} friend {n[y]} is a friend of {possessive(n[x])} enemy {n[z]}"
    if kind == "friend-of-enemy":
        return f"{n[y]} and {n[z]} are friends of each other and both enemies of {n[x]}"
    if kind == "enemy-of-friend" and syz < 0:
        return f"{possessive(n[x])} friends {n[y]} and {n[z]} are enemies of each other"
    return f"{n[x]}, {n[y]} and {n[z]} are all friends"


def triads_of(g: nx.Graph, x: str, include_friendly: bool = False) -> pd.DataFrame:
    """Every closed triad through X in graph g, classified, with each edge's evidence."""
    rows = []
    if x not in g:
        return pd.DataFrame(columns=COLUMNS)
    nbrs = sorted(g[x])
    seen = set()
    for y in nbrs:
        for z in sorted(set(g[y]) & set(nbrs)):
            key = frozenset((y, z))
            if z == x or key in seen:
                continue
            seen.add(key)
            yy, zz = (z, y) if _orient(g.edges[x, y]["sign"], g.edges[x, z]["sign"]) else (y, z)
            signs = (g.edges[x, yy]["sign"], g.edges[x, zz]["sign"], g.edges[yy, zz]["sign"])
            kind, balanced = KINDS[signs]
            if kind == "friend-of-friend" and not include_friendly:
                continue
            strength = abs(
                g.edges[x, yy]["weight"] * g.edges[x, zz]["weight"] * g.edges[yy, zz]["weight"]
            ) ** (1 / 3)
            rows.append(
                {
                    "country": g.nodes[x].get("name", x),
                    "partner": g.nodes[yy].get("name", yy),
                    "third": g.nodes[zz].get("name", zz),
                    "partner_id": yy,
                    "third_id": zz,
                    "signs": "".join("+" if s > 0 else "−" for s in signs),
                    "kind": kind,
                    "balanced": balanced,
                    "strength": strength,
                    "reading": sentence(g, x, yy, zz, kind, balanced),
                    "evidence_country_partner": _evidence(g, x, yy),
                    "evidence_country_third": _evidence(g, x, zz),
                    "evidence_partner_third": _evidence(g, yy, zz),
                }
            )
    if not rows:
        return pd.DataFrame(columns=COLUMNS)
    order = {"enemy-of-enemy": 0, "friend-of-enemy": 1, "enemy-of-friend": 2, "friend-of-friend": 3}
    df = pd.DataFrame(rows)
    df["_k"] = df["kind"].map(order)
    return (
        df.sort_values(
            ["_k", "balanced", "strength", "third"], ascending=[True, False, False, True]
        )
        .drop(columns="_k")
        .reset_index(drop=True)
    )


COLUMNS = [
    "country",
    "partner",
    "third",
    "partner_id",
    "third_id",
    "signs",
    "kind",
    "balanced",
    "strength",
    "reading",
    "evidence_country_partner",
    "evidence_country_third",
    "evidence_partner_third",
]


def triads(
    country, year: int, config=None, params=None, include_friendly: bool = False, store=None
):
    """Result: the triads through a country in a year (enemy-of-enemy first), each edge with its evidence."""
    from realpolitik.analyses.network.balance import check_year
    from realpolitik.analyses.network.graph import signed_graph
    from realpolitik.countries import Country, resolve
    from realpolitik.store import get_store

    c = country if isinstance(country, Country) else resolve(str(country))
    st = store or get_store()
    check_year(year, st)
    return triads_result(signed_graph(year, config, params, st), c, year, include_friendly, st)


def triads_result(g: nx.Graph, c, year: int, include_friendly: bool, store):
    """The Result of `triads` read off an already built signed graph (the web keeps one per year)."""
    from realpolitik.analyses.network.balance import _sources
    from realpolitik.result import Result

    df = triads_of(g, c.id, include_friendly)
    notes = [
        "Edges: + friend, − enemy (combination rule: CombineConfig, see docs/network.md); "
        "evidence lists every layer behind an edge with its figure, period and source.",
    ]
    if c.id not in g or g.degree(c.id) == 0:
        notes.append(f"{c.name} has no edges in the {year} network.")
    notes += [f"{k}: {v}" for k, v in g.graph["coverage"].items() if not v.startswith("yes")]
    return Result(
        df,
        {"country": c.id, "year": year, "include_friendly": include_friendly},
        sources=_sources(store),
        notes=notes,
        title=f"Triads through {c.name}, {year}",
    )
