"""Export a year's signed network as GraphML, JSON (node-link) or CSV (one edge per row)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import networkx as nx
import pandas as pd

FORMATS = ("graphml", "json", "csv")


def edge_table(g: nx.Graph) -> pd.DataFrame:
    """One row per edge: ids, names, sign, weight, the relationship model's type and rule, layer values
    and evidence texts."""
    rows = []
    for a, b, d in g.edges(data=True):
        rows.append(
            {
                "year": g.graph.get("year"),
                "a_id": a,
                "b_id": b,
                "a": g.nodes[a].get("name", a),
                "b": g.nodes[b].get("name", b),
                "sign": d["sign"],
                "weight": d["weight"],
                "type": d.get("type"),
                "rule": d.get("rule"),
                "layers": json.dumps(d.get("layers", {}), sort_keys=True),
                "evidence": " | ".join(e.get("text", "") for e in d.get("evidence", [])),
            }
        )
    cols = [
        "year",
        "a_id",
        "b_id",
        "a",
        "b",
        "sign",
        "weight",
        "type",
        "rule",
        "layers",
        "evidence",
    ]
    return pd.DataFrame(rows, columns=cols)


def _flat(g: nx.Graph) -> nx.Graph:
    """A copy whose attributes are GraphML scalars (dicts and lists as JSON strings)."""
    h = nx.Graph()
    h.graph.update({k: v for k, v in g.graph.items() if isinstance(v, (int, float, str))})
    h.graph["coverage"] = json.dumps(g.graph.get("coverage", {}))
    for n, d in g.nodes(data=True):
        h.add_node(n, name=str(d.get("name", n)))
    for a, b, d in g.edges(data=True):
        model = {k: str(d[k]) for k in ("type", "rule") if d.get(k) is not None}
        h.add_edge(
            a,
            b,
            **model,
            sign=int(d["sign"]),
            weight=float(d["weight"]),
            layers=json.dumps(d.get("layers", {}), sort_keys=True),
            evidence=json.dumps(d.get("evidence", []), default=str),
        )
    return h


def to_text(g: nx.Graph, fmt: str) -> str:
    """The graph serialised in one of FORMATS."""
    if fmt == "graphml":
        buf = io.BytesIO()
        nx.write_graphml(_flat(g), buf)
        return buf.getvalue().decode("utf-8")
    if fmt == "json":
        data = nx.node_link_data(g, edges="links")
        data["graph"] = {k: v for k, v in g.graph.items() if k != "config"}
        return json.dumps(data, ensure_ascii=False, indent=1, default=str)
    if fmt == "csv":
        return edge_table(g).to_csv(index=False)
    raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")


def export(g: nx.Graph, fmt: str, out: Path | str | None = None) -> str:
    """Serialise g; write it to `out` when given. Returns the text."""
    text = to_text(g, fmt)
    if out is not None:
        Path(out).write_text(text, encoding="utf-8")
    return text
