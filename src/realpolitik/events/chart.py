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
    """Stacked event counts by QuadClass per period (bars) with the cc index (line), per dataset."""
    import altair as alt

    quads = ["verbal_coop", "material_coop", "verbal_conflict", "material_conflict"]
    long = frame.melt(
        id_vars=["period", "dataset"], value_vars=quads, var_name="quad", value_name="n"
    )
    colours = alt.Scale(domain=quads, range=["#9ecae1", "#3182bd", "#fdae6b", "#e6550d"])
    bars = (
        alt.Chart(long)
        .mark_bar()
        .encode(
            x=alt.X("period:O", title=None),
            y=alt.Y("n:Q", title="events"),
            color=alt.Color("quad:N", scale=colours, title="QuadClass"),
            tooltip=["period", "dataset", "quad", "n"],
        )
    )
    line = (
        alt.Chart(frame)
        .mark_line(point=True, color="black")
        .encode(
            x="period:O",
            y=alt.Y(
                "cc_index:Q", title="cooperation–conflict index", scale=alt.Scale(domain=[-1, 1])
            ),
            tooltip=["period", "dataset", "cc_index", "goldstein_mean"],
        )
    )
    return (
        alt.layer(bars, line)
        .resolve_scale(y="independent")
        .facet(row=alt.Row("dataset:N", title=None))
        .properties(title=title)
    )


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
