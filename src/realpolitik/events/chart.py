"""Terminal sparklines and a Vega-Lite (Altair) chart for a dyad's event series."""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd

BLOCKS = "▁▂▃▄▅▆▇█"


def sparkline(values: list[float | int | None]) -> str:
    """One character per value scaled to the series' min..max; missing values are shown as ' '."""
    nums = [
        float(v) for v in values if v is not None and not (isinstance(v, float) and math.isnan(v))
    ]
    if not nums:
        return " " * len(values)
    lo, hi = min(nums), max(nums)
    out = []
    for v in values:
        if v is None or (isinstance(v, float) and math.isnan(v)):
            out.append(" ")
        elif hi == lo:
            out.append(BLOCKS[3] if hi != 0 else BLOCKS[0])
        else:
            out.append(BLOCKS[round((float(v) - lo) / (hi - lo) * (len(BLOCKS) - 1))])
    return "".join(out)


def dyad_chart(frame: pd.DataFrame, title: str):  # noqa: ANN201 (altair is imported lazily)
    """Per dataset: stacked event counts by QuadClass per period (bars) and the cc index (line)."""
    import altair as alt

    quads = ["verbal_coop", "material_coop", "verbal_conflict", "material_conflict"]
    colours = alt.Scale(domain=quads, range=["#9ecae1", "#3182bd", "#fdae6b", "#e6550d"])
    panels = []
    for ds, sub in frame.groupby("dataset", sort=True):
        long = sub.melt(id_vars=["period"], value_vars=quads, var_name="quad", value_name="n")
        bars = (
            alt.Chart(long)
            .mark_bar()
            .encode(
                x=alt.X("period:O", title=None),
                y=alt.Y("n:Q", title="events"),
                color=alt.Color("quad:N", scale=colours, title="QuadClass"),
                tooltip=["period:O", "quad:N", "n:Q"],
            )
        )
        line = (
            alt.Chart(sub[["period", "cc_index", "goldstein_mean"]])
            .mark_line(point=True, color="black")
            .encode(
                x="period:O",
                y=alt.Y("cc_index:Q", title="cc index", scale=alt.Scale(domain=[-1, 1])),
                tooltip=["period:O", "cc_index:Q", "goldstein_mean:Q"],
            )
        )
        panel = alt.layer(bars, line).resolve_scale(y="independent")
        panels.append(panel.properties(title=f"{ds}", width=max(200, 22 * len(sub)), height=160))
    return alt.vconcat(*panels).properties(title=title)


def save_chart(frame: pd.DataFrame, title: str, path: Path) -> Path:
    """Write the chart as .html (inline Vega-Lite), .json (spec), .svg or .png (vl-convert)."""
    chart = dyad_chart(frame, title)
    suffix = path.suffix.lower()
    if suffix == ".json":
        path.write_text(chart.to_json())
    elif suffix in (".svg", ".png"):
        import vl_convert as vlc

        spec = chart.to_json()
        data = vlc.vegalite_to_svg(spec) if suffix == ".svg" else vlc.vegalite_to_png(spec)
        path.write_bytes(data) if isinstance(data, bytes) else path.write_text(data)
    else:
        chart.save(str(path), format="html", inline=True)
    return path
