"""Structural balance of a signed graph: triangle census, weighted balance, frustration index.

* **Triangle census** (Cartwright & Harary 1956): a triangle is balanced when the product of its three
  signs is positive (+++ "friends", +-- "enemy of my enemy"); counted from matrix traces
  (tr(P^3)/6, tr(P^2 N)/2, tr(P N^2)/2, tr(N^3)/6), so a year of ~200 states takes milliseconds.
  *Weak* balance (Davis 1967) also accepts --- triangles.
* **Weighted balance**: each triangle counts with the product of its |weights|:
  ``(1 + tr(W^3) / tr(|W|^3)) / 2``.
* **Frustration index** (Harary 1959; Aref, Mason & Wilson 2018): the least number (or total weight)
  of edges whose removal makes the graph balanced = min over two-way partitions of positive edges
  between the groups plus negative edges within them.
  - exact: binary ILP solved with HiGHS (``highspy``), variables x_i (side of node i) and f_e (edge e
    frustrated): f ≥ x_i − x_j, f ≥ x_j − x_i for positive edges, f ≥ x_i + x_j − 1, f ≥ 1 − x_i − x_j
    for negative edges; one node per connected component fixed to side 0. Used when the graph has at
    most ``EXACT_MAX_EDGES`` edges, or on request; with a time limit HiGHS reports its proven bound.
  - heuristic: an *upper bound* from the best of a spectral start (signs of the leading eigenvector
    of the signed adjacency matrix) and seeded random starts, each improved by greedy single-node
    moves until no move lowers the frustration (a local optimum); and a *lower bound* from a greedy
    packing of edge-disjoint unbalanced triangles (each needs at least one frustrated edge). The
    exact value lies in [lower, upper].
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from itertools import combinations

import networkx as nx
import numpy as np

EXACT_MAX_EDGES = 400


def single_thread_blas():
    """Limit BLAS to one thread: on a loaded 2-core machine threaded BLAS makes 200x200 products 30x slower."""
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:  # optional: without it numpy keeps its default threads
        from contextlib import nullcontext

        return nullcontext()
    return threadpool_limits(1, user_api="blas")


@dataclass(frozen=True)
class Census:
    """Triangle counts by number of negative edges, and the balance shares they give."""

    ppp: int
    ppn: int
    pnn: int
    nnn: int
    weighted_balance: float | None

    @property
    def triangles(self) -> int:
        return self.ppp + self.ppn + self.pnn + self.nnn

    @property
    def balanced(self) -> int:
        return self.ppp + self.pnn

    @property
    def share_balanced(self) -> float | None:
        return self.balanced / self.triangles if self.triangles else None

    @property
    def share_weak_balanced(self) -> float | None:
        return (self.balanced + self.nnn) / self.triangles if self.triangles else None


def signed_matrix(g: nx.Graph, weighted: bool = False) -> tuple[list, np.ndarray]:
    """Node list and the symmetric signed adjacency (signs, or signed weights) of a graph."""
    nodes = list(g.nodes)
    index = {n: i for i, n in enumerate(nodes)}
    m = np.zeros((len(nodes), len(nodes)))
    for a, b, d in g.edges(data=True):
        if a == b:
            continue
        s = 1.0 if d.get("sign", 1) > 0 else -1.0
        v = s * abs(float(d.get("weight", 1.0))) if weighted else s
        m[index[a], index[b]] = m[index[b], index[a]] = v
    return nodes, m


def census_from_matrix(s: np.ndarray, w: np.ndarray | None = None) -> Census:
    """Triangle census from a signed matrix S (entries -1/0/+1) and optional signed weights W."""
    p = (s > 0).astype(float)
    n = (s < 0).astype(float)
    pp = p @ p
    nn = n @ n
    ppp = int(round(np.einsum("ij,ji->", pp, p) / 6))
    ppn = int(round(np.einsum("ij,ji->", pp, n) / 2))
    pnn = int(round(np.einsum("ij,ji->", nn, p) / 2))
    nnn = int(round(np.einsum("ij,ji->", nn, n) / 6))
    wb = None
    if w is not None:
        aw = np.abs(w)
        denom = np.einsum("ij,ji->", aw @ aw, aw)
        if denom > 0:
            wb = float((1 + np.einsum("ij,ji->", w @ w, w) / denom) / 2)
    return Census(ppp, ppn, pnn, nnn, wb)


def census(g: nx.Graph) -> Census:
    """Triangle census of a networkx signed graph (edge attrs sign, weight)."""
    _, s = signed_matrix(g)
    _, w = signed_matrix(g, weighted=True)
    return census_from_matrix(s, w)


# --------------------------------------------------------------------------- frustration
def frustration_of(s: np.ndarray, side: np.ndarray) -> float:
    """Frustration of a partition (side = ±1 per node) under signed matrix S (weights allowed)."""
    prod = np.outer(side, side)
    frustrated = ((s > 0) & (prod < 0)) | ((s < 0) & (prod > 0))
    return float(np.abs(s)[frustrated].sum() / 2)


def _local_search(s: np.ndarray, side: np.ndarray, max_iter: int = 10_000) -> np.ndarray:
    """Greedy single-node moves while one lowers the frustration (steepest descent)."""
    side = side.copy()
    field = s @ side
    for _ in range(max_iter):
        gain = side * field  # < 0: node i sits against its neighbourhood; moving it helps
        i = int(np.argmin(gain))
        if gain[i] >= -1e-12:
            break
        side[i] = -side[i]
        field += 2 * side[i] * s[:, i]
    return side


def _leading_vector(s: np.ndarray, iters: int = 60) -> np.ndarray:
    """Approximate leading eigenvector of a symmetric matrix by shifted power iteration (a start, not a result)."""
    shift = np.abs(s).sum(axis=1).max()  # Gershgorin: S + shift*I is positive semidefinite
    v = np.random.default_rng(1).standard_normal(s.shape[0])
    for _ in range(iters):
        nv = s @ v + shift * v
        norm = np.linalg.norm(nv)
        if norm == 0:
            break
        nv /= norm
        done = float(np.abs(nv - v).max()) < 1e-7
        v = nv
        if done:
            break
    return v


def frustration_upper(s: np.ndarray, restarts: int = 8, seed: int = 0) -> tuple[float, np.ndarray]:
    """Heuristic upper bound: best local optimum from a spectral start and seeded random starts."""
    n = s.shape[0]
    if n == 0 or not np.any(s):
        return 0.0, np.ones(n)
    starts = [np.where(_leading_vector(s) >= 0, 1.0, -1.0)]
    rng = np.random.default_rng(seed)
    starts += [rng.choice([-1.0, 1.0], size=n) for _ in range(restarts)]
    best, best_side = np.inf, starts[0]
    for st in starts:
        side = _local_search(s, st)
        f = frustration_of(s, side)
        if f < best:
            best, best_side = f, side
    return best, best_side


def frustration_lower(g: nx.Graph, weighted: bool = False) -> float:
    """Lower bound: greedy packing of edge-disjoint unbalanced triangles (min |weight| of each)."""
    used: set[frozenset] = set()
    total = 0.0
    tris = []
    adj = {n: set(g[n]) for n in g}
    order = {n: i for i, n in enumerate(g.nodes)}
    for u in g:
        for v in adj[u]:
            if order[v] <= order[u]:
                continue
            for x in adj[u] & adj[v]:
                if order[x] <= order[v]:
                    continue
                es = [(u, v), (v, x), (u, x)]
                sg = [g.edges[e].get("sign", 1) for e in es]
                if sg[0] * sg[1] * sg[2] < 0:
                    ws = [abs(g.edges[e].get("weight", 1.0)) if weighted else 1.0 for e in es]
                    tris.append((min(ws), es))
    tris.sort(key=lambda t: -t[0])
    for w, es in tris:
        keys = [frozenset(e) for e in es]
        if any(k in used for k in keys):
            continue
        used.update(keys)
        total += w
    return total


_STDOUT_LOCK = threading.Lock()


def _quiet_highs():
    """A HiGHS instance without its start-up banner (printed by C code on stdout, which JSON output owns).

    The banner is silenced by pointing file descriptor 1 at /dev/null for the constructor; a lock keeps
    concurrent callers (web server threads) from restoring each other's descriptors out of order.
    """
    import os
    import sys

    import highspy

    with _STDOUT_LOCK:
        sys.stdout.flush()
        saved = os.dup(1)
        try:
            with open(os.devnull, "w") as null:
                os.dup2(null.fileno(), 1)
                h = highspy.Highs()
                h.setOptionValue("output_flag", False)
        finally:
            os.dup2(saved, 1)
            os.close(saved)
    return h


def frustration_exact(
    g: nx.Graph, weighted: bool = False, time_limit: float = 30.0
) -> tuple[float, float, bool, dict]:
    """Frustration by ILP with HiGHS: (best value, proven lower bound, optimal?, node -> side 0/1)."""
    import highspy

    nodes = list(g.nodes)
    index = {n: i for i, n in enumerate(nodes)}
    edges = [(index[a], index[b], d) for a, b, d in g.edges(data=True) if a != b]
    n, m = len(nodes), len(edges)
    if m == 0:
        return 0.0, 0.0, True, {v: 0 for v in nodes}
    h = _quiet_highs()
    h.setOptionValue("time_limit", float(time_limit))
    h.setOptionValue("threads", 1)
    inf = highspy.kHighsInf
    lower = np.zeros(n + m)
    upper = np.ones(n + m)
    for comp in nx.connected_components(g):
        upper[index[next(iter(comp))]] = 0.0  # symmetry: one node per component on side 0
    cost = np.zeros(n + m)
    rows_lo, starts, idx, vals = [], [], [], []
    for k, (i, j, d) in enumerate(edges):
        f = n + k
        cost[f] = abs(float(d.get("weight", 1.0))) if weighted else 1.0
        if d.get("sign", 1) > 0:
            cons = [((f, 1.0), (i, -1.0), (j, 1.0), 0.0), ((f, 1.0), (i, 1.0), (j, -1.0), 0.0)]
        else:
            cons = [((f, 1.0), (i, -1.0), (j, -1.0), -1.0), ((f, 1.0), (i, 1.0), (j, 1.0), 1.0)]
        for *terms, lo in cons:
            starts.append(len(idx))
            for c, v in terms:
                idx.append(c)
                vals.append(v)
            rows_lo.append(lo)
    h.addVars(n + m, lower, upper)
    h.changeColsCost(n + m, np.arange(n + m, dtype=np.int32), cost)
    h.changeColsIntegrality(
        n + m, np.arange(n + m, dtype=np.int32), np.array([highspy.HighsVarType.kInteger] * (n + m))
    )
    nr = len(rows_lo)
    h.addRows(
        nr,
        np.array(rows_lo),
        np.full(nr, inf),
        len(idx),
        np.array(starts, dtype=np.int32),
        np.array(idx, dtype=np.int32),
        np.array(vals),
    )
    # No warm start: with an incumbent from setSolution, HiGHS 1.16 reported objective 0 for a graph
    # whose returned partition frustrates one edge (found by the hypothesis test against brute force).
    h.run()
    info = h.getInfo()
    sol = h.getSolution().col_value
    optimal = h.getModelStatus() == highspy.HighsModelStatus.kOptimal
    side = {v: int(round(sol[index[v]])) for v in nodes}
    # The value is recomputed from the partition itself, so it is always achieved, never just reported.
    best = float(sum(cost[n + k] for k, (i, j, d) in enumerate(edges)
                     if (side[nodes[i]] == side[nodes[j]]) != (d.get("sign", 1) > 0)))  # fmt: skip
    bound = best if optimal else min(best, float(info.mip_dual_bound))
    return best, bound, optimal, side


def frustration_bruteforce(g: nx.Graph, weighted: bool = False) -> float:
    """Exact frustration by trying every partition (only for tiny graphs; used in tests)."""
    nodes, s = signed_matrix(g, weighted=weighted)
    n = len(nodes)
    if n > 20:
        raise ValueError("brute force is for graphs of at most 20 nodes")
    best = np.inf
    for mask in range(2 ** max(n - 1, 0)):
        side = np.array([1.0] + [1.0 if (mask >> k) & 1 else -1.0 for k in range(n - 1)])[:n]
        best = min(best, frustration_of(s, side))
    return float(best) if n else 0.0


@dataclass(frozen=True)
class Frustration:
    """A frustration index with how it was obtained: exact, or bounded [lower, upper]."""

    value: float
    lower: float
    upper: float
    method: str
    edges: int

    @property
    def normalised(self) -> float | None:
        """Frustration per edge (0 = balanced); Aref & Wilson's balance is 1 - 2 * this."""
        return self.value / self.edges if self.edges else None


def frustration(
    g: nx.Graph, weighted: bool = False, exact: bool | None = None, time_limit: float = 30.0
) -> Frustration:
    """Frustration index: exact ILP when small (or exact=True), else the heuristic bounds."""
    m = g.number_of_edges()
    if exact is None:
        exact = m <= EXACT_MAX_EDGES
    if exact:
        best, bound, optimal, _ = frustration_exact(g, weighted=weighted, time_limit=time_limit)
        if optimal:
            return Frustration(best, best, best, "exact ILP (HiGHS)", m)
        lower = max(bound, frustration_lower(g, weighted=weighted))
        return Frustration(
            best, lower, best, f"ILP stopped at {time_limit:g} s: HiGHS incumbent, bound", m
        )
    _, s = signed_matrix(g, weighted=weighted)
    upper, _ = frustration_upper(s)
    lower = frustration_lower(g, weighted=weighted)
    return Frustration(
        upper,
        lower,
        upper,
        "heuristic: spectral + local search (upper), triangle packing (lower)",
        m,
    )


def is_balanced_triangle(signs: tuple[int, int, int]) -> bool:
    """A triangle is balanced when the product of its signs is positive."""
    return signs[0] * signs[1] * signs[2] > 0


def triangles_of(g: nx.Graph) -> list[tuple[str, str, str]]:
    """All triangles of a small graph (sorted node triples); for tests and small examples."""
    return [
        t
        for t in combinations(sorted(g.nodes), 3)
        if g.has_edge(t[0], t[1]) and g.has_edge(t[1], t[2]) and g.has_edge(t[0], t[2])
    ]


# --------------------------------------------------------------------------- yearly results
def _matrices(edges, nodes: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Signed (±1) and signed-weight matrices of one year's edges over a node list."""
    index = {n: i for i, n in enumerate(nodes)}
    s = np.zeros((len(nodes), len(nodes)))
    w = np.zeros_like(s)
    if len(edges):
        i = edges["a"].map(index).to_numpy()
        j = edges["b"].map(index).to_numpy()
        sg = edges["sign"].to_numpy(dtype=float)
        wt = sg * np.abs(edges["weight"].to_numpy(dtype=float))
        s[i, j] = s[j, i] = sg
        w[i, j] = w[j, i] = wt
    return s, w


def _layer_status(year: int, params, store) -> str:
    """Compact list of the layers with data in a year: 'alliance(2018)' = carried forward from 2018."""
    from realpolitik.analyses.network.layers import coverage

    parts = []
    for layer, status in coverage(year, params, store).items():
        if status.startswith("yes"):
            parts.append(layer)
        elif status.startswith("carried"):
            extra = "+Factbook" if "Factbook" in status else ""
            parts.append(f"{layer}({status.split('from ')[1].split()[0]}{extra})")
        elif status.startswith("Factbook"):
            parts.append(f"{layer}(Factbook)")
        elif status.startswith("partial"):
            parts.append(f"{layer}(to {status.rstrip(')').split()[-1]})")
    return ", ".join(parts)


def network_range(store) -> tuple[int, int]:
    """First and last year any layer of the network has data."""
    from realpolitik.analyses.network.layers import SOURCES

    spans = [store.coverage(t) for ts in SOURCES.values() for t in ts if store.has_table(t)]
    if not spans:
        from realpolitik.errors import DataMissing

        raise DataMissing("no network layer tables in the snapshot")
    return max(1816, min(a for a, _ in spans)), max(b for _, b in spans)


def check_year(year: int, store) -> None:
    """BadPeriod unless the year is within the network's data range."""
    from realpolitik.errors import BadPeriod

    first, last = network_range(store)
    if not first <= year <= last:
        raise BadPeriod(f"year {year} is outside the network data's coverage {first}–{last}")


def _row(year: int, edges, nodes: list[str], fr: Frustration | None, frw: float | None) -> dict:
    s, w = _matrices(edges, nodes)
    c = census_from_matrix(s, w)
    m = int(len(edges))
    return {
        "year": year,
        "nodes": len(nodes),
        "edges": m,
        "positive": int((edges["sign"] > 0).sum()) if m else 0,
        "negative": int((edges["sign"] < 0).sum()) if m else 0,
        "triangles": c.triangles,
        "share_balanced": c.share_balanced,
        "share_weak_balanced": c.share_weak_balanced,
        "weighted_balance": c.weighted_balance,
        "frustration": fr.value if fr else None,
        "frustration_lower": fr.lower if fr else None,
        "frustration_share": fr.normalised if fr else None,
        "frustration_weighted": frw,
        "census": f"+++ {c.ppp}, ++- {c.ppn}, +-- {c.pnn}, --- {c.nnn}",
    }


NOTES = [
    "Balanced triangle: product of its three signs is positive (+++ or +--); weak balance also accepts ---.",
    "weighted_balance counts each triangle with the product of its |weights|.",
    "frustration: least number of edges whose removal balances the graph; frustration_share = frustration / edges.",
]


def balance(
    year: int,
    config=None,
    params=None,
    exact: bool | None = None,
    time_limit: float = 30.0,
    store=None,
):
    """Structural balance of one year's signed network (census, weighted balance, frustration)."""
    from realpolitik.analyses.network.graph import signed_graph
    from realpolitik.analyses.network.layers import LayerParams
    from realpolitik.result import Result
    from realpolitik.store import get_store

    st = store or get_store()
    check_year(year, st)
    p = params or LayerParams()
    g = signed_graph(year, config, p, st)
    with single_thread_blas():
        fr = frustration(g, exact=exact, time_limit=time_limit)
        _, w = signed_matrix(g, weighted=True)
        frw, _ = frustration_upper(w)
        edges = _edges_frame(g)
        row = _row(year, edges, list(g.nodes), fr, frw)
    row["layers_with_data"] = _layer_status(year, p, st)
    import pandas as pd

    notes = [
        *NOTES,
        f"frustration method: {fr.method}; exact value within [{fr.lower:g}, {fr.value:g}].",
    ]
    notes += [f"{k}: {v}" for k, v in g.graph["coverage"].items() if not v.startswith("yes")]
    return Result(
        pd.DataFrame([row]),
        {"year": year, "exact": exact},
        sources=_sources(st),
        notes=notes,
        title=f"Structural balance of the signed network of states, {year}",
    )


def _edges_frame(g: nx.Graph):
    import pandas as pd

    return pd.DataFrame(
        [(a, b, d["sign"], d["weight"]) for a, b, d in g.edges(data=True)],
        columns=["a", "b", "sign", "weight"],
    )


def _sources(store) -> list:
    from realpolitik.analyses.network.layers import SOURCES

    seen, out = set(), []
    for tables in SOURCES.values():
        for t in tables:
            if store.has_table(t):
                ds = store.table_dataset[t]
                if ds not in seen:
                    seen.add(ds)
                    out.append(store.source(ds))
    return out


def balance_series(start: int = 1950, end: int = 2024, config=None, params=None, store=None):
    """Balance per year start..end (heuristic frustration), with the layers that had data each year."""
    import pandas as pd

    from realpolitik.analyses.network.graph import year_edges
    from realpolitik.analyses.network.layers import LayerParams, ideal_points
    from realpolitik.errors import BadPeriod
    from realpolitik.result import Result
    from realpolitik.store import get_store

    if start > end:
        raise BadPeriod(f"--from {start} is after --to {end}")
    st = store or get_store()
    check_year(start, st)
    check_year(end, st)
    p = params or LayerParams()
    _, edges = year_edges(start, end, config, p, st, texts=False)
    ip = ideal_points(start, end, p, st)
    rows = []
    by_year = dict(tuple(edges.groupby("year"))) if len(edges) else {}
    members = dict(tuple(ip.groupby("year"))) if len(ip) else {}
    with single_thread_blas():
        for y in range(start, end + 1):
            e = by_year.get(y, edges.iloc[0:0])
            nodes = set(members[y]["id"]) if y in members else set()
            nodes = sorted(nodes | set(e["a"]) | set(e["b"]))
            s, w = _matrices(e, nodes)
            up, _ = frustration_upper(s, restarts=4)
            upw, _ = frustration_upper(w, restarts=4)
            fr = Frustration(up, 0.0, up, "heuristic", len(e))
            row = _row(y, e, nodes, fr, upw)
            row["frustration_lower"] = None
            row["layers_with_data"] = _layer_status(y, p, st)
            rows.append(row)
    notes = [
        *NOTES,
        "Yearly series: frustration is the heuristic upper bound (spectral start + local search); "
        "`network balance --year Y --exact` solves the ILP.",
        "layers_with_data: 'alliance(2018)' = ATOP's last year carried forward; 'trade(Factbook)' = top-5 partner "
        "shares only; 'dispute(to 2014)' = the dispute window reaches past the MID data.",
        "Layers differ by year: ATOP ends 2018, COW trade 2014 (Factbook partner shares later), MIDs 2014 (GML 2010), "
        "TSS rivalries 2020, crude flows 2021; 'from Y' marks a source's last year carried forward.",
    ]
    return Result(
        pd.DataFrame(rows),
        {"from": start, "to": end},
        sources=_sources(st),
        notes=notes,
        title=f"Structural balance of the signed network of states, {start}–{end}",
    )


def balance_chart(frame) -> dict:
    """Vega-Lite spec (Altair) of the yearly balance series: balanced-triangle shares and frustration per edge."""
    import altair as alt

    ys = {
        "share_balanced": "balanced triangles",
        "weighted_balance": "weighted balance",
        "frustration_share": "frustration per edge",
    }
    long = frame.melt(id_vars=["year"], value_vars=list(ys), var_name="series", value_name="value")
    long["series"] = long["series"].map(ys)
    chart = (
        alt.Chart(long)
        .mark_line(point=alt.OverlayMarkDef(size=12))
        .encode(
            x=alt.X("year:Q", axis=alt.Axis(format="d"), title="year"),
            y=alt.Y(
                "value:Q", axis=alt.Axis(format="%"), title="share", scale=alt.Scale(domain=[0, 1])
            ),
            color=alt.Color("series:N", title=None),
            tooltip=["year:Q", "series:N", alt.Tooltip("value:Q", format=".1%")],
        )
        .properties(
            title="Structural balance of the signed network of states", width=640, height=260
        )
    )
    return chart.to_dict()


def save_chart(spec: dict, path) -> None:
    """Write a Vega-Lite spec as .html (self-contained, offline), .svg, .png or .json (the spec)."""
    import json
    from pathlib import Path

    import vl_convert as vlc

    from realpolitik.errors import UserError

    out = Path(path)
    suffix = out.suffix.lower()
    if suffix == ".html":
        out.write_text(vlc.vegalite_to_html(spec, bundle=True), encoding="utf-8")
    elif suffix == ".svg":
        out.write_text(vlc.vegalite_to_svg(spec), encoding="utf-8")
    elif suffix == ".png":
        out.write_bytes(vlc.vegalite_to_png(spec, scale=2))
    elif suffix == ".json":
        out.write_text(json.dumps(spec, indent=1), encoding="utf-8")
    else:
        raise UserError(f"--chart must end in .html, .svg, .png or .json, not {out.name!r}")
