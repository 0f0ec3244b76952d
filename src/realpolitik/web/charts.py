"""Chart specs the web pages add to the brief's own: balance over time and the signed force graph."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

POSITIVE, NEGATIVE = "#1a7f37", "#cf222e"


def balance_chart(start: int, end: int) -> dict[str, Any]:
    """Vega-Lite line chart of balance shares per year; data fetched from the JSON API (same origin)."""
    url = "/api/network/balance?" + urlencode({"from": start, "to": end})
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
        "title": f"Structural balance of the signed network of states, {start}–{end}",
        "width": 640,
        "height": 240,
        "data": {"url": url, "format": {"type": "json", "property": "rows"}},
        "transform": [
            {"fold": ["share_balanced", "weighted_balance"], "as": ["measure", "value"]},
            {"filter": "isValid(datum.value)"},
        ],
        "mark": {"type": "line", "point": {"size": 12}},
        "encoding": {
            "x": {
                "field": "year",
                "type": "quantitative",
                "axis": {"format": "d"},
                "title": "year",
            },
            "y": {
                "field": "value",
                "type": "quantitative",
                "axis": {"format": "%"},
                "title": "balanced",
                "scale": {"zero": False},
            },
            "color": {"field": "measure", "type": "nominal", "title": None},
            "tooltip": [
                {"field": "year", "type": "quantitative"},
                {"field": "measure", "type": "nominal"},
                {"field": "value", "type": "quantitative", "format": ".1%"},
            ],
        },
    }


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
                            {"force": "collide", "radius": 30},
                            {"force": "nbody", "strength": -260},
                            {"force": "link", "links": "link-data", "distance": 150},
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
                        "tooltip": {"signal": "datum.a + ' – ' + datum.b + ': ' + datum.text"},
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
