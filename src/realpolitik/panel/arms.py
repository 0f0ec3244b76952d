"""add_arms: SIPRI trend-indicator values (TIV) delivered each way, and the supplier's share of the recipient's imports.

SIPRI tables name states by resolver id (`supplier_id`, `recipient_id`); panel rows carry COW/GW codes, so each
state-year is first given its year-aware resolver id (COW 365 is `SUN` to 1991 and `RUS` after) from isard's
democracy table, which lists every state-year of the system.
"""

from __future__ import annotations

from dataclasses import replace

from realpolitik.panel.core import Panel

TIV = "sipri_tiv"


def _id_join(panel: Panel) -> tuple[str, str]:
    table = "cw_democracy" if panel.system == "cow" else "gw_democracy"
    return (
        "ids.id AS _id",
        f"LEFT JOIN {table} ids ON ids.{panel.code} = s.{panel.code} AND ids.year = s.year",
    )


def add_arms(panel: Panel) -> Panel:
    """tiv12/tiv21: SIPRI TIV delivered from state 1 to 2 and back; tiv12_share: 1's share of 2's arms imports."""
    panel.require(TIV, "cw_democracy" if panel.system == "cow" else "gw_democracy")
    first, last = panel.coverage(TIV)
    inside = f"p.year BETWEEN {first} AND {last}"
    flows = f"SELECT supplier_id, recipient_id, year, sum(tiv) AS tiv FROM {TIV} GROUP BY ALL"
    note = (
        f"Arms: SIPRI TIV ({first}–{last}); 0 = no deliveries identified (or SIPRI's '0', under 0.5 TIV); NULL outside "
        "the coverage. tiv*_share = share of the recipient's total TIV imports that year (NULL when it imported nothing)."
    )
    sel, join = _id_join(panel)
    if panel.unit == "state":
        out = replace(panel, state_parts=(*panel.state_parts, (sel, join)))
        joins = (
            f"LEFT JOIN (SELECT recipient_id, year, sum(tiv) AS tiv FROM {TIV} GROUP BY ALL) ti ON ti.recipient_id = p._id AND ti.year = p.year "
            f"LEFT JOIN (SELECT supplier_id, year, sum(tiv) AS tiv FROM {TIV} GROUP BY ALL) te ON te.supplier_id = p._id AND te.year = p.year"
        )
        select = (
            f"CASE WHEN {inside} THEN coalesce(ti.tiv, 0) END AS tiv_imports, "
            f"CASE WHEN {inside} THEN coalesce(te.tiv, 0) END AS tiv_exports"
        )
        return out.extend(select, joins, ["tiv_imports", "tiv_exports"], "arms", ["sipri"], [note])
    out = replace(
        panel,
        state_parts=(*panel.state_parts, (sel, join)),
        pair_cols=(*panel.pair_cols, "a._id AS _id1", "b._id AS _id2"),
    )
    totals = f"SELECT recipient_id, year, sum(tiv) AS tiv FROM {TIV} GROUP BY ALL"
    joins = (
        f"LEFT JOIN ({flows}) f12 ON f12.supplier_id = p._id1 AND f12.recipient_id = p._id2 AND f12.year = p.year "
        f"LEFT JOIN ({flows}) f21 ON f21.supplier_id = p._id2 AND f21.recipient_id = p._id1 AND f21.year = p.year "
        f"LEFT JOIN ({totals}) r2 ON r2.recipient_id = p._id2 AND r2.year = p.year "
        f"LEFT JOIN ({totals}) r1 ON r1.recipient_id = p._id1 AND r1.year = p.year"
    )
    select = ", ".join(
        [
            f"CASE WHEN {inside} THEN coalesce(f12.tiv, 0) END AS tiv12",
            f"CASE WHEN {inside} THEN coalesce(f21.tiv, 0) END AS tiv21",
            f"CASE WHEN {inside} THEN coalesce(f12.tiv, 0) / nullif(r2.tiv, 0) END AS tiv12_share",
            f"CASE WHEN {inside} THEN coalesce(f21.tiv, 0) / nullif(r1.tiv, 0) END AS tiv21_share",
        ]
    )
    return out.extend(
        select, joins, ["tiv12", "tiv21", "tiv12_share", "tiv21_share"], "arms", ["sipri"], [note]
    )
