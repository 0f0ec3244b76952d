"""Chart specs of the web pages: the brief's own made to fit their box, yearly TIV and trade,
world maps, balance over time and the signed force graph."""

from __future__ import annotations

import copy
from typing import Any
from urllib.parse import urlencode

import pandas as pd

POSITIVE, NEGATIVE = "#1a7f37", "#cf222e"
VL = "https://vega.github.io/schema/vega-lite/v6.json"
WORLD = "/static/vendor/world-countries-110m.json"


def fit(spec: dict[str, Any]) -> dict[str, Any]:
    """A copy of a Vega-Lite spec sized to its container (phones included): container width, year
    axes as numbers with thinned labels instead of one crowded label per year."""
    out = copy.deepcopy(spec)
    out["width"] = "container"
    out["autosize"] = {"type": "fit-x", "contains": "padding"}
    enc = out.get("encoding") or {}
    x = enc.get("x") or {}
    if x.get("field") == "year" and x.get("type") in ("ordinal", "nominal"):
        x["type"] = "quantitative"
        x.setdefault("axis", {})
        x["axis"] = {**(x["axis"] or {}), "format": "d", "tickMinStep": 1, "labelOverlap": True}
        x["scale"] = {"zero": False, "nice": False}
    elif x.get("type") in ("ordinal", "nominal"):
        x["axis"] = {**(x.get("axis") or {}), "labelOverlap": True, "labelAngle": -45}
    return out


def un_points(spec: dict[str, Any]) -> dict[str, Any]:
    """The UN chart with the ideal points only (their distance is another scale: it is in the table)."""
    out = copy.deepcopy(spec)
    out.setdefault("transform", []).append({"filter": "datum.series !== 'distance'"})
    return out


def yearly_lines(frame: pd.DataFrame, ys: dict[str, str], title: str, y_title: str,
                 fmt: str = ",.0f") -> dict[str, Any]:  # fmt: skip
    """Yearly values as lines with points; `ys` maps column → legend label; a gap is no data."""
    long = frame.melt(id_vars=["year"], value_vars=list(ys), var_name="series", value_name="value")
    long["series"] = long["series"].map(ys)
    values = [
        {
            "year": int(r.year),
            "series": r.series,
            "value": None if pd.isna(r.value) else float(r.value),
        }
        for r in long.itertuples()
    ]
    return {
        "$schema": VL,
        "title": title,
        "width": "container",
        "height": 220,
        "autosize": {"type": "fit-x", "contains": "padding"},
        "data": {"values": values},
        "mark": {"type": "line", "point": {"size": 18}},
        "encoding": {
            "x": {"field": "year", "type": "quantitative", "title": "year",
                  "axis": {"format": "d", "tickMinStep": 1, "labelOverlap": True},
                  "scale": {"zero": False, "nice": False}},
            "y": {"field": "value", "type": "quantitative", "title": y_title, "axis": {"format": fmt}},
            "color": {"field": "series", "type": "nominal", "title": None,
                      "legend": {"orient": "bottom", "labelLimit": 300}},
            "tooltip": [{"field": "year", "type": "quantitative", "format": "d"},
                        {"field": "series", "type": "nominal"},
                        {"field": "value", "type": "quantitative", "format": fmt}],
        },
    }  # fmt: skip


def world_map(rows: list[dict[str, Any]], title: str, legend: str, fmt: str = ".0%",
              scheme: str = "blues", focus: int | None = None) -> dict[str, Any]:  # fmt: skip
    """A choropleth of the bundled Natural Earth 1:110m map: `rows` have isonum, name, value, text.

    Countries without a value stay grey; `focus` (an ISO numeric id) is drawn dark."""
    data = [{**r, "iso": f"{int(r['isonum']):03d}"} for r in rows if r.get("isonum") is not None]
    layers: list[dict[str, Any]] = [
        {"mark": {"type": "geoshape", "fill": "#eaeef2", "stroke": "#fff", "strokeWidth": 0.4}},
        {
            "transform": [
                {"lookup": "id", "from": {"data": {"values": data}, "key": "iso",
                                          "fields": ["name", "value", "text"]}},
                {"filter": "isValid(datum.value)"},
            ],
            "mark": {"type": "geoshape", "stroke": "#fff", "strokeWidth": 0.4},
            "encoding": {
                "color": {"field": "value", "type": "quantitative", "title": legend,
                          "scale": {"scheme": scheme}, "legend": {"format": fmt, "orient": "bottom"}},
                "tooltip": [{"field": "name", "title": "country"}, {"field": "text", "title": legend}],
            },
        },
    ]  # fmt: skip
    if focus is not None:
        layers.append({
            "transform": [{"filter": f"datum.id === '{int(focus):03d}'"}],
            "mark": {"type": "geoshape", "fill": "#0b4f8a", "stroke": "#fff", "strokeWidth": 0.4},
        })  # fmt: skip
    return {
        "$schema": VL,
        "title": title,
        "width": "container",
        "height": 300,
        "autosize": {"type": "fit", "contains": "padding"},
        "data": {"url": WORLD, "format": {"type": "topojson", "feature": "countries"}},
        "projection": {"type": "equalEarth"},
        "layer": layers,
    }


BALANCE_MEASURES = {
    "share_balanced": "share of balanced triangles",
    "weighted_balance": "weighted by tie strength",
}


def balance_chart(start: int, end: int, year: int | None = None) -> dict[str, Any]:
    """Vega-Lite line chart of balance shares per year, data fetched from the JSON API after the page
    has arrived; `year` (the page's) is marked with a rule."""
    url = "/api/network/balance?" + urlencode({"from": start, "to": end})
    spec: dict[str, Any] = {
        "$schema": VL,
        "title": f"Structural balance of the signed network of states, {start}–{end}",
        "width": "container",
        "height": 240,
        "autosize": {"type": "fit-x", "contains": "padding"},
        "data": {"url": url, "format": {"type": "json", "property": "rows"}},
        "transform": [
            {"fold": list(BALANCE_MEASURES), "as": ["measure", "value"]},
            {"filter": "isValid(datum.value)"},
            {"calculate": " : ".join(f"datum.measure === '{k}' ? '{v}'" for k, v in BALANCE_MEASURES.items())
                          + " : datum.measure", "as": "measure"},
        ],  # fmt: skip
        "mark": {"type": "line", "point": {"size": 12}},
        "encoding": {
            "x": {
                "field": "year",
                "type": "quantitative",
                "axis": {"format": "d", "labelOverlap": True},
                "scale": {"domain": [start, end], "nice": False},
                "title": "year",
            },
            "y": {
                "field": "value",
                "type": "quantitative",
                "axis": {"format": "%"},
                "title": "balanced",
                "scale": {"zero": False},
            },
            "color": {"field": "measure", "type": "nominal", "title": None,
                      "legend": {"orient": "bottom", "labelLimit": 300}},
            "tooltip": [
                {"field": "year", "type": "quantitative", "format": "d"},
                {"field": "measure", "type": "nominal", "title": "measure"},
                {"field": "value", "type": "quantitative", "format": ".1%", "title": "balanced"},
            ],
        },
    }  # fmt: skip
    if year is not None and start <= year <= end:
        line = {key: spec.pop(key) for key in ("transform", "mark", "encoding")}
        rule = {"data": {"values": [{"year": year}]}, "mark": {"type": "rule", "strokeDash": [4, 3], "color": "#656d76"},
                "encoding": {"x": {"field": "year", "type": "quantitative"}}}  # fmt: skip
        spec["layer"] = [line, rule]
    return spec


def force_graph(hood: dict[str, Any], width: int = 720, height: int = 520) -> dict[str, Any]:
    """Vega force-directed layout of a signed ego network: green = positive tie, red dashed = negative."""
    return {
        "$schema": "https://vega.github.io/schema/vega/v6.json",
        "description": f"Signed neighbourhood of {hood['country']} in {hood['year']}",
        "width": width,
        "height": height,
        "padding": 10,
        "autosize": "none",
        "signals": [{"name": "cx", "update": "width / 2"}, {"name": "cy", "update": "height / 2"}],
        "data": [
            {"name": "node-data", "values": hood["nodes"]},
            {"name": "link-data", "values": hood["links"]},
        ],
        "marks": [
            {
                "name": "nodes",
                "type": "symbol",
                "zindex": 1,
                "from": {"data": "node-data"},
                "encode": {
                    "enter": {
                        "fill": {"signal": "datum.ego ? '#0b4f8a' : '#6e7781'"},
                        "stroke": {"value": "white"},
                        "size": {"signal": "datum.ego ? 500 : 180"},
                        "tooltip": {"signal": "datum.name + ' (' + datum.id + ')'"},
                    }
                },
                "transform": [
                    {
                        "type": "force",
                        "iterations": 300,
                        "static": True,
                        "signal": "force",
                        "forces": [
                            {"force": "center", "x": {"signal": "cx"}, "y": {"signal": "cy"}},
                            {"force": "collide", "radius": 22},
                            {"force": "nbody", "strength": {"signal": "-max(40, width * 0.22)"}},
                            {
                                "force": "link",
                                "links": "link-data",
                                "distance": {"signal": "width / 6"},
                            },
                        ],
                    }
                ],
            },
            {
                "type": "path",
                "from": {"data": "link-data"},
                "encode": {
                    "update": {
                        "stroke": {"signal": f"datum.sign > 0 ? '{POSITIVE}' : '{NEGATIVE}'"},
                        "strokeWidth": {"signal": "datum.ego ? 2.5 : 1"},
                        "strokeOpacity": {"signal": "datum.ego ? 0.9 : 0.35"},
                        "strokeDash": {"signal": "datum.sign > 0 ? [1, 0] : [6, 3]"},
                        "tooltip": {
                            "signal": "datum.a_name + ' – ' + datum.b_name + ': ' + datum.type + '; ' + datum.text"
                        },
                    }
                },
                "transform": [
                    {
                        "type": "linkpath",
                        "require": {"signal": "force"},
                        "shape": "line",
                        "sourceX": "datum.source.x",
                        "sourceY": "datum.source.y",
                        "targetX": "datum.target.x",
                        "targetY": "datum.target.y",
                    }
                ],
            },
            {
                "type": "text",
                "from": {"data": "nodes"},
                "zindex": 2,
                "encode": {
                    "update": {
                        "x": {"field": "x"},
                        "y": {"field": "y", "offset": -12},
                        "text": {"field": "datum.name"},
                        "align": {"value": "center"},
                        "fontSize": {"value": 11},
                        "fill": {"value": "#222"},
                    }
                },
            },
        ],
    }
