"""add_arms: SIPRI trend-indicator values (TIV) delivered each way, and the supplier's share of the recipient's imports.

SIPRI tables name states by resolver id (`supplier_id`, `recipient_id`); panel rows carry COW/GW codes, so each
state-year is first given its year-aware resolver id (COW 365 is `SUN` to 1991 and `RUS` after) from isard's
democracy table, which lists every state-year of the system.
"""

from __future__ import annotations

from dataclasses import replace

from realpolitik.panel.core import Panel

TIV = "sipri_tiv"
# SIPRI publishes TIV to at most two decimals: a sum rounded to 4 decimals is the exact decimal sum, without the
# float noise of adding doubles (90.46000000000001), as the arms queries round it
SUM = "round(sum(tiv ORDER BY tiv), 4)"


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
    flows = f"SELECT supplier_id, recipient_id, year, {SUM} AS tiv FROM {TIV} GROUP BY ALL"
    note = (
        f"Arms: SIPRI TIV delivered ({first}–{last}); NULL = no deliveries identified (and every year outside "
        "the coverage), 0.0 = deliveries SIPRI gives as '0' (under 0.5 TIV each); sums rounded to 4 decimals. "
        "tiv*_share = the deliveries' share of the recipient's total TIV imports that year (NULL without deliveries)."
    )
    out = _with_ids(panel)
    if panel.unit == "state":
        joins = (
            f"LEFT JOIN (SELECT recipient_id, year, {SUM} AS tiv FROM {TIV} GROUP BY ALL) ti ON ti.recipient_id = p._id AND ti.year = p.year "
            f"LEFT JOIN (SELECT supplier_id, year, {SUM} AS tiv FROM {TIV} GROUP BY ALL) te ON te.supplier_id = p._id AND te.year = p.year"
        )
        select = "ti.tiv AS tiv_imports, te.tiv AS tiv_exports"
        return out.extend(
            select, joins, ["tiv_imports", "tiv_exports"], "arms", [_dataset(panel, TIV)], [note]
        )
    totals = f"SELECT recipient_id, year, {SUM} AS tiv FROM {TIV} GROUP BY ALL"
    joins = (
        f"LEFT JOIN ({flows}) f12 ON f12.supplier_id = p._id1 AND f12.recipient_id = p._id2 AND f12.year = p.year "
        f"LEFT JOIN ({flows}) f21 ON f21.supplier_id = p._id2 AND f21.recipient_id = p._id1 AND f21.year = p.year "
        f"LEFT JOIN ({totals}) r2 ON r2.recipient_id = p._id2 AND r2.year = p.year "
        f"LEFT JOIN ({totals}) r1 ON r1.recipient_id = p._id1 AND r1.year = p.year"
    )
    select = ", ".join(
        [
            "f12.tiv AS tiv12",
            "f21.tiv AS tiv21",
            "f12.tiv / nullif(r2.tiv, 0) AS tiv12_share",
            "f21.tiv / nullif(r1.tiv, 0) AS tiv21_share",
        ]
    )
    return out.extend(
        select,
        joins,
        ["tiv12", "tiv21", "tiv12_share", "tiv21_share"],
        "arms",
        [_dataset(panel, TIV)],
        [note],
    )


def _dataset(panel: Panel, table: str) -> str:
    """The snapshot dataset a table belongs to (for sources and citations)."""
    return panel._store().table_dataset[table]


def _with_ids(panel: Panel) -> Panel:
    """The panel with hidden resolver ids per state-year (_id, and _id1/_id2 on dyad panels), added once."""
    if any(sel == "ids.id AS _id" for sel, _ in panel.state_parts):
        return panel
    sel, join = _id_join(panel)
    pairs = ("a._id AS _id1", "b._id AS _id2") if panel.unit == "dyad" else ()
    return replace(
        panel,
        state_parts=(*panel.state_parts, (sel, join)),
        pair_cols=(*panel.pair_cols, *pairs),
    )


def add_crude(panel: Panel) -> Panel:
    """crude_usd12/21, crude_t12/21: crude-oil (HS 2709) exports from 1 to 2 and back, where the snapshot has them."""
    if panel.unit != "dyad":
        from realpolitik.errors import UserError

        raise UserError("step 'crude' needs a dyad-year panel")
    table = "trade_crude_flows"
    panel.require(table, "cw_democracy" if panel.system == "cow" else "gw_democracy")
    first, last = panel.coverage(table)
    out = _with_ids(panel)
    flows = (
        f"SELECT exporter_id, importer_id, year, sum(value_usd ORDER BY value_usd) AS usd, sum(tonnes ORDER BY tonnes) AS t, "
        f"bool_or(mirror) AS mirror FROM {table} GROUP BY ALL"
    )
    joins = (
        f"LEFT JOIN ({flows}) c12 ON c12.exporter_id = p._id1 AND c12.importer_id = p._id2 AND c12.year = p.year "
        f"LEFT JOIN ({flows}) c21 ON c21.exporter_id = p._id2 AND c21.importer_id = p._id1 AND c21.year = p.year"
    )
    select = (
        "c12.usd AS crude_usd12, c21.usd AS crude_usd21, c12.t AS crude_t12, c21.t AS crude_t21, "
        "c12.mirror AS crude_mirror12, c21.mirror AS crude_mirror21"
    )
    note = (
        f"Crude oil (HS 2709, BACI-derived, US$ and tonnes) only for {first}–{last}; NULL elsewhere and where no "
        "flow is listed (not 0). crude_mirror* = figure taken from the partner's report."
    )
    cols = [
        "crude_usd12",
        "crude_usd21",
        "crude_t12",
        "crude_t21",
        "crude_mirror12",
        "crude_mirror21",
    ]
    return out.extend(select, joins, cols, "crude", [_dataset(panel, table)], [note])


def add_events(panel: Panel) -> Panel:
    """events12/21 and mean Goldstein score per dyad-year from the bundled event-data samples, where present."""
    if panel.unit != "dyad":
        from realpolitik.errors import UserError

        raise UserError("step 'events' needs a dyad-year panel")
    table = "events_dyad_month"
    panel.require(table, "cw_democracy" if panel.system == "cow" else "gw_democracy")
    out = _with_ids(panel)
    agg = (
        "SELECT source_id, target_id, year((month || '-01')::DATE) AS year, sum(events)::BIGINT AS events, "
        "sum(material_conflict)::BIGINT AS material_conflict, sum(goldstein_sum ORDER BY goldstein_sum) / nullif(sum(goldstein_n), 0) AS goldstein "
        f"FROM {table} GROUP BY ALL"
    )
    joins = (
        f"LEFT JOIN ({agg}) e12 ON e12.source_id = p._id1 AND e12.target_id = p._id2 AND e12.year = p.year "
        f"LEFT JOIN ({agg}) e21 ON e21.source_id = p._id2 AND e21.target_id = p._id1 AND e21.year = p.year"
    )
    select = (
        "e12.events AS events12, e21.events AS events21, e12.material_conflict AS material_conflict12, "
        "e21.material_conflict AS material_conflict21, e12.goldstein AS goldstein12, e21.goldstein AS goldstein21"
    )
    note = (
        "Events: aggregates of the bundled GDELT/ICEWS *samples* (a few months only), NULL wherever the samples "
        "hold no event for the dyad-year — they are not complete event counts."
    )
    cols = [
        "events12",
        "events21",
        "material_conflict12",
        "material_conflict21",
        "goldstein12",
        "goldstein21",
    ]
    return out.extend(select, joins, cols, "events", [_dataset(panel, table)], [note])
