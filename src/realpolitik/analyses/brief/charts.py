"""The brief's charts, built only when a chart is shown (HTML, PNG, the web page): every window or year
of the range is a row, so a line breaks where there are no data instead of joining across the gap."""

from __future__ import annotations

from typing import Any

import pandas as pd

from realpolitik.analyses.brief.sections import the
from realpolitik.asof import predecessor
from realpolitik.countries import Country
from realpolitik.store import Store


def arms_share_chart(
    sup: Country, rec: Country, since: int, last: int, title: str, store: Store
) -> dict[str, Any]:
    """Supplier's share of the recipient's imports in every 5-year window from `since` to `last`: 0 when
    the recipient imported only from others, a gap when it imported nothing."""
    from realpolitik.queries import arms as q
    from realpolitik.render.charts import share_windows_chart

    f = q.partner_windows(rec, sup, "imports", 5, store)
    grid = pd.DataFrame({"start": range(since, last - 3)})
    grid["end"] = grid["start"] + 4
    f = grid.merge(f[["start", "share"]], on="start", how="left")
    pred = predecessor(sup, last) or predecessor(rec, last)
    if pred is not None and pred[1] + 1 == since:
        title += f" (from {since}; earlier transfers are filed under {the(pred[0].name)})"
    return share_windows_chart(f, title, share="share")


def un_chart(frame: pd.DataFrame, a: Country, b: Country) -> dict[str, Any]:
    """UN ideal points of both and their distance, every year from the first to the last (gaps stay gaps)."""
    from realpolitik.render.charts import series_chart

    years = pd.DataFrame({"year": range(int(frame["year"].min()), int(frame["year"].max()) + 1)})
    f = years.merge(frame, on="year", how="left")
    return series_chart(
        f, "year", {"idealpoint_a": a.name, "idealpoint_b": b.name, "distance": "distance"},
        f"UN General Assembly ideal points, {a.name} and {b.name}", "ideal point",
    )  # fmt: skip
