"""Charts as Vega-Lite specs (Altair), rendered offline to SVG/PNG with vl-convert."""

from __future__ import annotations

from typing import Any

import pandas as pd


def share_windows_chart(frame: pd.DataFrame, title: str, share: str = "share") -> dict[str, Any]:
    """Line chart of a share (0–1) per window, x = window label ('2016–20')."""
    import altair as alt

    data = frame.assign(
        window=[f"{s}–{str(e)[-2:]}" for s, e in zip(frame["start"], frame["end"], strict=True)]
    )
    data = data.rename(columns={share: "share"})
    chart = (
        alt.Chart(data[["window", "share", "start"]])
        .mark_line(point=True)
        .encode(
            x=alt.X("window:N", sort=alt.SortField("start"), title="5-year window"),
            y=alt.Y("share:Q", axis=alt.Axis(format="%"), title="share of imports"),
            tooltip=["window", alt.Tooltip("share:Q", format=".1%")],
        )
        .properties(title=title, width=560, height=220)
    )
    return chart.to_dict()


def series_chart(
    frame: pd.DataFrame, x: str, ys: dict[str, str], title: str, y_title: str, fmt: str = ""
) -> dict[str, Any]:
    """Multi-line chart of yearly series: ys maps column -> legend label; missing values leave gaps."""
    import altair as alt

    long = frame.melt(id_vars=[x], value_vars=list(ys), var_name="series", value_name="value")
    long["series"] = long["series"].map(ys)
    chart = (
        alt.Chart(long)
        .mark_line(point=True)
        .encode(
            x=alt.X(f"{x}:O", title=x),
            y=alt.Y("value:Q", title=y_title, axis=alt.Axis(format=fmt) if fmt else alt.Axis()),
            color=alt.Color("series:N", title=None),
            tooltip=[x, "series", "value"],
        )
        .properties(title=title, width=560, height=220)
    )
    return chart.to_dict()


def to_svg(spec: dict[str, Any]) -> str:
    """Render a Vega-Lite spec to an SVG string (no browser, no network)."""
    import vl_convert as vlc

    return vlc.vegalite_to_svg(spec)


def to_png(spec: dict[str, Any], scale: float = 2.0) -> bytes:
    """Render a Vega-Lite spec to PNG bytes."""
    import vl_convert as vlc

    return vlc.vegalite_to_png(spec, scale=scale)
