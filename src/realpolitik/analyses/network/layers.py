"""Per-year edge layers of the state network, computed in DuckDB SQL over the store.

Every layer function returns one row per unordered dyad (a < b, resolver ids) and year with
``value`` in [-1, 1] (> 0 pulls the pair together, < 0 apart), the raw ``figure`` behind it, the
``period`` and ``dataset`` it comes from and a one-line ``text`` saying what the evidence is.
All years are computed in one query per layer (no Python loop over years or rows).

Positive layers
  alliance     ATOP alliance, value = strongest type (defense/offense 1.0, neutrality 0.6,
               non-aggression 0.5, consultation 0.4).                                  1815–2018
  arms         SIPRI supplier share of a recipient's arms imports (TIV) over the trailing
               ``arms_window`` years (sums over the window, SIPRI's convention); value =
               the larger of the two directions.                                        1950–2024
  trade        COW dyadic trade as a share of each side's total trade (to 2014), after that
               CIA Factbook top-5 partner shares (exports/imports of the latest edition no
               later than the year); value = larger dependence / ``trade_full``.        1870–2014, 2017–2023
  energy       crude-oil flows (BACI/UN Comtrade, mirror-completed): exporter's share of
               the importer's crude imports, or importer's share of the exporter's.        2021
  un_affinity  UN General Assembly ideal-point distance below ``un_affinity_max``.          1946–2024
Negative layers
  dispute      militarised interstate disputes in the last ``dispute_window`` years:
               GML MIDs to 2010, COW MIDs 2011–2014; value = -(hostility/5) halved every
               ``dispute_half_life`` years of age.                                       1816–2014
  rivalry      strategic rivalry (TSS 1494–2020 by default; Thompson & Dreyer to 2010).
  un_distance  ideal-point distance above ``un_distance_min`` (full at ``un_distance_full``).
Optional
  events_*     cooperative / hostile event balance from an events table when one exists.

``carry_forward`` lets a layer whose source ends (ATOP 2018, COW trade 2014, TSS 2020, crude 2021)
stand in for up to N later years; the row's period then names the year actually used and
`coverage()` reports the layer as carried forward. Nothing is carried backwards.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

import numpy as np
import pandas as pd

from realpolitik.store import Store, get_store

COLUMNS = ["year", "a", "b", "layer", "value", "figure", "period", "dataset", "text"]
HOSTLEV = {
    1: "no militarised action",
    2: "threat to use force",
    3: "display of force",
    4: "use of force",
    5: "war",
}


@dataclass(frozen=True)
class LayerParams:
    """Thresholds and windows of the layers (each documented in the module docstring)."""

    arms_window: int = 5
    arms_min_share: float = 0.05
    trade_min_share: float = 0.02
    trade_full: float = 0.2
    energy_min_share: float = 0.05
    energy_full: float = 0.25
    un_affinity_max: float = 1.0
    un_distance_min: float = 1.5
    un_distance_full: float = 3.0
    un_variable: str = "idealpointfp"
    dispute_window: int = 10
    dispute_half_life: float = 5.0
    rivalry_source: str = "tss"
    alliance_types: dict[str, float] = field(
        default_factory=lambda: {
            "defense": 1.0,
            "offense": 1.0,
            "neutral": 0.6,
            "nonagg": 0.5,
            "consul": 0.4,
        }
    )
    carry_forward: dict[str, int] = field(
        default_factory=lambda: {"alliance": 6, "trade": 3, "rivalry": 4, "energy": 3}
    )
    events: bool = False
    events_min: int = 20
    texts: bool = True  # build the one-line evidence texts (off for fast yearly series)


@cache
def _name(cid: str) -> str:
    from realpolitik.countries import from_id

    try:
        return from_id(cid).name
    except LookupError:  # UnknownCountry
        return cid


@cache
def is_state(cid: str) -> bool:
    """True for states and historical states (territories, non-state actors and organisations are not nodes)."""
    from realpolitik.countries import from_id

    try:
        return from_id(cid).kind in {"state", "historical"}
    except LookupError:  # UnknownCountry
        return False


def states_only(frame: pd.DataFrame, cols: tuple[str, ...] = ("a", "b")) -> pd.DataFrame:
    """Rows whose id columns all name states."""
    if frame.empty:
        return frame
    keep = pd.Series(True, index=frame.index)
    for c in cols:
        ok = {i: is_state(i) for i in frame[c].dropna().unique()}
        keep &= frame[c].map(ok).fillna(False).astype(bool)
    return frame[keep]


def possessive(name: str) -> str:
    """'Azerbaijan's', 'United States''."""
    return name + ("'" if name.endswith("s") else "'s")


def names(ids) -> dict[str, str]:
    """Display names of resolver ids."""
    return {i: _name(i) for i in ids}


def _empty() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype="object") for c in COLUMNS})


def _years(start: int, end: int) -> str:
    return f"(SELECT range::INTEGER AS year FROM range({int(start)}, {int(end) + 1}))"


STATE = "NOT LIKE '%:%'"  # resolver ids of non-state actors and organisations contain ':'


def _carry(frame: pd.DataFrame, last: int, end: int, years: int, label: str) -> pd.DataFrame:
    """Repeat the rows of the source's last year for up to `years` later years (period notes it)."""
    if years <= 0 or end <= last or frame.empty:
        return frame
    base = frame[frame["year"] == last]
    parts = [frame]
    for y in range(last + 1, min(end, last + years) + 1):
        c = base.copy()
        c["year"] = y
        c["period"] = c["period"].astype(str) + f" (latest {label}, used for {y})"
        parts.append(c)
    return pd.concat(parts, ignore_index=True)


def _finish(frame: pd.DataFrame, layer: str) -> pd.DataFrame:
    frame = states_only(frame)
    if frame.empty:
        return _empty()
    frame = frame.assign(layer=layer)
    frame["year"] = frame["year"].astype(int)
    return frame[COLUMNS].reset_index(drop=True)


def _last(store: Store, table: str) -> int:
    return store.coverage(table)[1]


# --------------------------------------------------------------------------- positive
def alliance(start: int, end: int, p: LayerParams, store: Store) -> pd.DataFrame:
    """ATOP alliance ties (any type), value = weight of the strongest type."""
    if not store.has_table("atop_alliance"):
        return _empty()
    last = _last(store, "atop_alliance")
    cf = p.carry_forward.get("alliance", 0)
    t = p.alliance_types
    df = store.sql(
        """
        SELECT year, least(id1, id2) AS a, greatest(id1, id2) AS b,
               max(atop_defense) AS defense, max(atop_offense) AS offense, max(atop_neutral) AS neutral,
               max(atop_nonagg) AS nonagg, max(atop_consul) AS consul
        FROM atop_alliance
        WHERE year BETWEEN ? AND ? AND id1 IS NOT NULL AND id2 IS NOT NULL AND id1 <> id2
        GROUP BY ALL
        """,
        [min(start, last), min(end, last)],
    )
    if df.empty:
        return _empty()
    kinds = list(t)
    flags = df[kinds].fillna(0).astype(int).to_numpy()
    w = np.array([t[k] for k in kinds])
    df["value"] = (flags * w).max(axis=1)
    df = df[df["value"] > 0]
    flags = df[kinds].fillna(0).astype(int).to_numpy()
    df["figure"] = df["value"]
    df["text"] = (
        ""
        if not p.texts
        else [
            "ATOP alliance: " + "+".join(k for k, f in zip(kinds, row, strict=True) if f)
            for row in flags
        ]
    )
    df["period"] = df["year"].astype(str)
    df["dataset"] = "atop"
    df = _carry(df, last, end, cf, "ATOP year")
    return _finish(df[df["year"] >= start], "alliance")


def arms_shares(start: int, end: int, window: int, min_share: float, store: Store) -> pd.DataFrame:
    """Directed arms flows over the trailing window ending each year: the supplier's share of the recipient's
    imports (`share`) and the recipient's share of the supplier's exports (`xshare`, over all its deliveries);
    flows where either reaches `min_share`."""
    if not store.has_table("sipri_tiv"):
        return pd.DataFrame(columns=["year", "s", "r", "tiv", "total", "share", "xtotal", "xshare", "first"])
    first, _ = store.coverage("sipri_tiv")
    return store.sql(
        f"""
        WITH yrs AS {_years(start, end)},
        t AS (SELECT year, supplier_id AS s, recipient_id AS r, tiv FROM sipri_tiv
              WHERE recipient_id IS NOT NULL AND recipient_id {STATE} AND tiv IS NOT NULL),
        tot AS (SELECT y.year, t.r, sum(t.tiv ORDER BY t.tiv) AS total FROM yrs y
                JOIN t ON t.year BETWEEN y.year - {int(window) - 1} AND y.year GROUP BY ALL),
        d AS (SELECT y.year, t.s, t.r, sum(t.tiv ORDER BY t.tiv) AS tiv FROM yrs y
              JOIN t ON t.year BETWEEN y.year - {int(window) - 1} AND y.year
              WHERE t.s IS NOT NULL AND t.s {STATE} AND t.s <> t.r GROUP BY ALL),
        xt AS (SELECT year, supplier_id AS s, tiv FROM sipri_tiv WHERE tiv IS NOT NULL),
        xtot AS (SELECT y.year, xt.s, sum(xt.tiv ORDER BY xt.tiv) AS xtotal FROM yrs y
                 JOIN xt ON xt.year BETWEEN y.year - {int(window) - 1} AND y.year
                 WHERE xt.s IN (SELECT DISTINCT s FROM d) GROUP BY ALL)
        SELECT d.year, d.s, d.r, d.tiv, tot.total, d.tiv / tot.total AS share,
               xtot.xtotal, d.tiv / nullif(xtot.xtotal, 0) AS xshare,
               greatest(d.year - {int(window) - 1}, {int(first)}) AS first
        FROM d JOIN tot USING (year, r) JOIN xtot USING (year, s)
        WHERE tot.total > 0 AND greatest(d.tiv / tot.total, coalesce(d.tiv / nullif(xtot.xtotal, 0), 0)) >= ?
        """,
        [float(min_share)],
    )


def arms(start: int, end: int, p: LayerParams, store: Store) -> pd.DataFrame:
    """Arms dependence: the pair's largest dependence over the trailing window, a recipient's on its supplier
    (share of its imports) or a supplier's on its market (share of its exports)."""
    d = arms_shares(start, end, p.arms_window, p.arms_min_share, store)
    if d.empty:
        return _empty()
    d["a"] = np.minimum(d["s"], d["r"])
    d["b"] = np.maximum(d["s"], d["r"])
    d["market"] = d["xshare"].fillna(0.0) > d["share"]
    d["dep"] = d["share"].where(~d["market"], d["xshare"])
    d = d.sort_values(["dep", "s", "r"], ascending=[False, True, True]).drop_duplicates(
        ["year", "a", "b"]
    )
    d["value"] = d["dep"].clip(upper=1.0)
    d["figure"] = d["dep"]
    d["period"] = d["first"].astype(int).astype(str) + "–" + d["year"].astype(str)
    nm = names(set(d["s"]) | set(d["r"]))
    d["text"] = (
        ""
        if not p.texts
        else [
            f"{nm[r]} took {100 * x:.1f} % of {possessive(nm[s])} arms exports {per} (SIPRI TIV {tv:,.0f} of {xt:,.0f})"
            if mk
            else f"{nm[s]} supplied {100 * sh:.1f} % of {possessive(nm[r])} arms imports {per} (SIPRI TIV {tv:,.0f} of {tt:,.0f})"
            for s, r, sh, x, mk, per, tv, tt, xt in zip(
                d["s"], d["r"], d["share"], d["xshare"], d["market"], d["period"], d["tiv"],
                d["total"], d["xtotal"], strict=True,
            )  # fmt: skip
        ]
    )
    d["dataset"] = "sipri"
    return _finish(d, "arms")


def trade(start: int, end: int, p: LayerParams, store: Store) -> pd.DataFrame:
    """Trade dependence: COW dyadic trade share of a side's total trade; Factbook partner shares after COW ends."""
    parts = []
    cow_last = None
    if store.has_table("cow_trade_ddy") and store.has_table("cow_trade_sy"):
        cow_last = _last(store, "cow_trade_ddy")
        df = store.sql(
            """
            WITH d AS (SELECT year, id1 AS a, id2 AS b, flow1 + flow2 AS trade
                       FROM cow_trade_ddy WHERE year BETWEEN ? AND ? AND id1 < id2),
            -- a total or a flow with one side missing is unknown, not a smaller number: the sums stay NULL
            tot AS (SELECT year, id, imports + exports AS total FROM cow_trade_sy)
            SELECT d.year, d.a, d.b, d.trade, ta.total AS total_a, tb.total AS total_b,
                   d.trade / nullif(ta.total, 0) AS dep_a, d.trade / nullif(tb.total, 0) AS dep_b
            FROM d LEFT JOIN tot ta ON ta.year = d.year AND ta.id = d.a
                   LEFT JOIN tot tb ON tb.year = d.year AND tb.id = d.b
            WHERE greatest(coalesce(d.trade / nullif(ta.total, 0), 0), coalesce(d.trade / nullif(tb.total, 0), 0)) >= ?
            """,
            [min(start, cow_last), min(end, cow_last), p.trade_min_share],
        )
        if not df.empty:
            df["dep"] = df[["dep_a", "dep_b"]].max(axis=1)
            nm = names(set(df["a"]) | set(df["b"]))
            who = np.where(df["dep_a"].fillna(0) >= df["dep_b"].fillna(0), df["a"], df["b"])
            df["text"] = (
                ""
                if not p.texts
                else [
                    f"{nm[a]}–{nm[b]} trade US$ {t:,.0f} m in {y} = {100 * dep:.1f} % of {possessive(nm[w])} trade (COW)"
                    for a, b, t, y, dep, w in zip(
                        df["a"], df["b"], df["trade"], df["year"], df["dep"], who, strict=True
                    )
                ]
            )
            df["period"] = df["year"].astype(str)
            df["dataset"] = "cow_trade"
            df = _carry(df, cow_last, end, p.carry_forward.get("trade", 0), "COW trade year")
            parts.append(df)
    if store.has_table("factbook_partners"):
        fb = store.sql(
            f"""
            WITH yrs AS {_years(start, end)},
            f AS (SELECT id, partner_id, flow, year AS fy, share FROM factbook_partners
                  WHERE id IS NOT NULL AND partner_id IS NOT NULL AND id <> partner_id AND share IS NOT NULL)
            SELECT y.year, f.id, f.partner_id, f.flow, f.fy, f.share FROM yrs y
            JOIN f ON f.fy <= y.year AND f.fy >= y.year - ? AND y.year > ?
            WHERE f.share >= ?
            """,
            [
                p.carry_forward.get("trade", 0),
                cow_last if cow_last is not None else -1,
                p.trade_min_share,
            ],
        )
        if not fb.empty:
            fb["a"] = np.minimum(fb["id"], fb["partner_id"])
            fb["b"] = np.maximum(fb["id"], fb["partner_id"])
            fb = fb.sort_values(
                ["share", "id", "partner_id", "flow", "fy"],
                ascending=[False, True, True, True, False],
            ).drop_duplicates(["year", "a", "b"])
            nm = names(set(fb["id"]) | set(fb["partner_id"]))
            fb["dep"] = fb["share"]
            fb["text"] = (
                ""
                if not p.texts
                else [
                    f"{nm[p_]} took {100 * s:.0f} % of {possessive(nm[i])} exports ({fy}, CIA Factbook)"
                    if fl == "exports"
                    else f"{nm[p_]} supplied {100 * s:.0f} % of {possessive(nm[i])} imports ({fy}, CIA Factbook)"
                    for i, p_, fl, fy, s in zip(
                        fb["id"], fb["partner_id"], fb["flow"], fb["fy"], fb["share"], strict=True
                    )
                ]
            )
            fb["period"] = fb["fy"].astype(str)
            fb["dataset"] = "factbook"
            parts.append(fb)
    if not parts:
        return _empty()
    df = pd.concat(
        [x[["year", "a", "b", "dep", "text", "period", "dataset"]] for x in parts],
        ignore_index=True,
    )
    df = df[(df["year"] >= start) & (df["year"] <= end)]
    df = df.sort_values(["dep", "text"], ascending=[False, True]).drop_duplicates(
        ["year", "a", "b"]
    )
    df["figure"] = df["dep"]
    df["value"] = (df["dep"] / p.trade_full).clip(upper=1.0)
    return _finish(df, "trade")


def energy(start: int, end: int, p: LayerParams, store: Store) -> pd.DataFrame:
    """Crude-oil dependence from bilateral crude flows (share of importer's crude imports or exporter's exports)."""
    if not store.has_table("trade_crude_flows"):
        return _empty()
    first, last = store.coverage("trade_crude_flows")
    df = store.sql(
        f"""
        WITH f AS (SELECT year, exporter_id AS x, importer_id AS m, value_usd, mirror FROM trade_crude_flows
                   WHERE exporter_id IS NOT NULL AND importer_id IS NOT NULL AND exporter_id <> importer_id
                   AND exporter_id {STATE} AND importer_id {STATE} AND value_usd > 0),
        s AS (SELECT *, value_usd / sum(value_usd ORDER BY value_usd) OVER (PARTITION BY year, m) AS share_m,
                        value_usd / sum(value_usd ORDER BY value_usd) OVER (PARTITION BY year, x) AS share_x FROM f)
        SELECT * FROM s WHERE year BETWEEN ? AND ? AND greatest(share_m, share_x) >= ?
        """,
        [max(min(start, last), first), min(end, last), p.energy_min_share],
    )
    if df.empty:
        return _empty()
    df["dep"] = df[["share_m", "share_x"]].max(axis=1)
    df["a"] = np.minimum(df["x"], df["m"])
    df["b"] = np.maximum(df["x"], df["m"])
    df = df.sort_values(["dep", "x", "m"], ascending=[False, True, True]).drop_duplicates(
        ["year", "a", "b"]
    )
    nm = names(set(df["x"]) | set(df["m"]))
    df["text"] = (
        ""
        if not p.texts
        else [
            f"{nm[x]} supplied {100 * sm:.1f} % of {possessive(nm[m])} crude-oil imports in {y}"
            f" ({100 * sx:.1f} % of {possessive(nm[x])} crude exports){' [mirror data]' if mi else ''}"
            for x, m, sm, sx, y, mi in zip(
                df["x"],
                df["m"],
                df["share_m"],
                df["share_x"],
                df["year"],
                df["mirror"],
                strict=True,
            )
        ]
    )
    df["figure"] = df["dep"]
    df["value"] = (df["dep"] / p.energy_full).clip(upper=1.0)
    df["period"] = df["year"].astype(str)
    df["dataset"] = "trade_crude_baci"
    df = _carry(df, last, end, p.carry_forward.get("energy", 0), "crude-flow year")
    return _finish(df[df["year"] >= start], "energy")


# --------------------------------------------------------------------------- negative
def _ds_label(ds: str) -> str:
    """'gml_mid+cow_mid' -> 'GML MID and COW MID'."""
    return " and ".join(x.upper().replace("_", " ") for x in ds.split("+"))


def disputes(start: int, end: int, p: LayerParams, store: Store) -> pd.DataFrame:
    """Militarised disputes in the trailing window: GML MIDs to 2010, COW MIDs for later years."""
    srcs = []
    gml_last = -1
    if store.has_table("gml_mid_ddydisps"):
        gml_last = _last(store, "gml_mid_ddydisps")
        srcs.append(
            f"SELECT dispnum, id1, id2, year, hostlev, 'gml_mid' AS ds FROM gml_mid_ddydisps WHERE year <= {gml_last}"
        )
    if store.has_table("cow_mid_ddydisps"):
        srcs.append(
            f"SELECT dispnum, id1, id2, year, hostlev, 'cow_mid' AS ds FROM cow_mid_ddydisps WHERE year > {gml_last}"
        )
    if not srcs:
        return _empty()
    w = int(p.dispute_window)
    df = store.sql(
        f"""
        WITH m AS ({" UNION ALL ".join(srcs)}),
        d AS (SELECT DISTINCT dispnum, least(id1, id2) AS a, greatest(id1, id2) AS b, year, hostlev, ds FROM m
              WHERE id1 IS NOT NULL AND id2 IS NOT NULL AND id1 <> id2),
        yrs AS {_years(start, end)}
        SELECT y.year, d.a, d.b,
               min(-(coalesce(d.hostlev, 1) / 5.0) * pow(0.5, (y.year - d.year) / ?)) AS value,
               max(d.hostlev) AS hostlev, count(DISTINCT d.dispnum) AS n, min(d.year) AS y0, max(d.year) AS y1,
               string_agg(DISTINCT d.ds, '+') AS ds,
               list(DISTINCT d.year ORDER BY d.year) AS years
        FROM yrs y JOIN d ON d.year BETWEEN y.year - {w - 1} AND y.year
        GROUP BY ALL
        """,
        [float(p.dispute_half_life)],
    )
    if df.empty:
        return _empty()
    nm = names(set(df["a"]) | set(df["b"]))
    df["figure"] = df["hostlev"]
    df["period"] = df["y0"].astype(str) + "–" + df["y1"].astype(str)
    df["dataset"] = df["ds"]
    df["text"] = (
        ""
        if not p.texts
        else [
            f"{n} militarised dispute{'s' if n > 1 else ''} {nm[a]}–{nm[b]} in {', '.join(str(int(v)) for v in ys)}"
            f" (highest hostility {int(h)}: {HOSTLEV.get(int(h), '?')}; {_ds_label(ds)})"
            for n, a, b, ys, h, ds in zip(
                df["n"],
                df["a"],
                df["b"],
                df["years"],
                df["hostlev"].fillna(1),
                df["ds"],
                strict=True,
            )
        ]
    )
    return _finish(df, "dispute")


def rivalries(start: int, end: int, p: LayerParams, store: Store) -> pd.DataFrame:
    """Strategic rivalries active in the year (TSS by default, Thompson & Dreyer on request)."""
    if p.rivalry_source == "td":
        table, s_col, e_col, name_col, ds = (
            "td_rivalries",
            "styear",
            "endyear",
            "rivalryname",
            "td_rivalries",
        )
        kinds = "concat_ws(', ', type1, type2, type3)"
    else:
        table, s_col, e_col, name_col, ds = (
            "tss_rivalries",
            '"start"',
            '"end"',
            "rivalry",
            "tss_rivalries",
        )
        kinds = (
            "concat_ws(', ', CASE WHEN r.positional=1 THEN 'positional' END, CASE WHEN r.spatial=1 THEN 'spatial' END,"
            " CASE WHEN r.ideological=1 THEN 'ideological' END, CASE WHEN r.interventionary=1 THEN 'interventionary' END,"
            " CASE WHEN r.principal=1 THEN 'principal' END)"
        )
    if not store.has_table(table):
        return _empty()
    last = _last(store, table)
    df = store.sql(
        f"""
        WITH yrs AS {_years(min(start, last), min(end, last))},
        r AS (SELECT least(id1, id2) AS a, greatest(id1, id2) AS b, {s_col} AS s, {e_col} AS e,
                     {name_col} AS name, {kinds} AS kinds FROM {table} r
              WHERE id1 IS NOT NULL AND id2 IS NOT NULL AND id1 <> id2)
        SELECT y.year, r.a, r.b, r.s, r.e, r.name, r.kinds FROM yrs y JOIN r ON y.year BETWEEN r.s AND r.e
        """
    )
    if df.empty:
        return _empty()
    df = df.sort_values(["year", "a", "b", "s", "e", "name"]).drop_duplicates(["year", "a", "b"])
    label = "TSS" if ds == "tss_rivalries" else "Thompson & Dreyer"
    df["value"] = -1.0
    df["figure"] = 1.0
    df["period"] = df["s"].astype(int).astype(str) + "–" + df["e"].astype(int).astype(str)
    df["dataset"] = ds
    df["text"] = (
        ""
        if not p.texts
        else [
            f"strategic rivalry '{n}' {per} ({label}{'; ' + k if k else ''})"
            for n, per, k in zip(df["name"], df["period"], df["kinds"], strict=True)
        ]
    )
    df = _carry(df, last, end, p.carry_forward.get("rivalry", 0), f"{label} year")
    return _finish(df[df["year"] >= start], "rivalry")


def ideal_points(start: int, end: int, p: LayerParams, store: Store) -> pd.DataFrame:
    """UN ideal points (year, id, ip) of the chosen variable."""
    if not store.has_table("unga_idealpoints"):
        return pd.DataFrame(columns=["year", "id", "ip"])
    var = {
        "idealpointfp": "idealpointfp",
        "idealpointall": "idealpointall",
        "idealpointlegacy": "idealpointlegacy",
    }[p.un_variable]
    ip = store.sql(
        f"SELECT year::INTEGER AS year, id, avg({var} ORDER BY {var}) AS ip FROM unga_idealpoints "
        f"WHERE year BETWEEN ? AND ? AND id IS NOT NULL AND {var} IS NOT NULL GROUP BY ALL",
        [start, end],
    )
    return states_only(ip, ("id",))


def un_layers(dyads: pd.DataFrame, ip: pd.DataFrame, p: LayerParams) -> pd.DataFrame:
    """UN affinity / distance rows for the given dyads (year, a, b) from ideal points."""
    if dyads.empty or ip.empty:
        return _empty()
    d = dyads[["year", "a", "b"]].drop_duplicates()
    d = d.merge(ip.rename(columns={"id": "a", "ip": "ip_a"}), on=["year", "a"]).merge(
        ip.rename(columns={"id": "b", "ip": "ip_b"}), on=["year", "b"]
    )
    d["dist"] = (d["ip_a"] - d["ip_b"]).abs()
    aff = d[d["dist"] < p.un_affinity_max].copy()
    aff["value"] = 1 - aff["dist"] / p.un_affinity_max
    aff["layer"] = "un_affinity"
    far = d[d["dist"] > p.un_distance_min].copy()
    far["value"] = -(
        (far["dist"] - p.un_distance_min) / (p.un_distance_full - p.un_distance_min)
    ).clip(upper=1.0)
    far["layer"] = "un_distance"
    out = pd.concat([aff, far], ignore_index=True)
    if out.empty:
        return _empty()
    out["figure"] = out["dist"]
    out["period"] = out["year"].astype(str)
    out["dataset"] = "unga_idealpoints"
    out["text"] = (
        ""
        if not p.texts
        else [
            f"UN ideal-point distance {x:.3f} in {y} ({p.un_variable})"
            for x, y in zip(out["dist"], out["year"], strict=True)
        ]
    )
    out["year"] = out["year"].astype(int)
    return out[COLUMNS].reset_index(drop=True)


def un_all_pairs(start: int, end: int, p: LayerParams, store: Store) -> pd.DataFrame:
    """UN layers for every pair of voting states beyond the thresholds (used when UN may create edges)."""
    ip = ideal_points(start, end, p, store)
    if ip.empty:
        return _empty()
    pairs = ip.merge(ip, on="year", suffixes=("_a", "_b"))
    pairs = pairs[pairs["id_a"] < pairs["id_b"]].rename(columns={"id_a": "a", "id_b": "b"})
    return un_layers(pairs[["year", "a", "b"]], ip, p)


def events(start: int, end: int, p: LayerParams, store: Store) -> pd.DataFrame:
    """Cooperative or hostile event balance per dyad-year, when an events table is in the store."""
    if not p.events or not store.has_table("events_dyad_month"):
        return _empty()
    df = store.sql(
        """
        SELECT CAST(substr(month, 1, 4) AS INTEGER) AS year, least(source_id, target_id) AS a,
               greatest(source_id, target_id) AS b, sum(verbal_coop + material_coop) AS coop,
               sum(verbal_conflict + material_conflict) AS conflict, string_agg(DISTINCT dataset, '+') AS ds
        FROM events_dyad_month
        WHERE source_id IS NOT NULL AND target_id IS NOT NULL AND source_id <> target_id
        GROUP BY ALL HAVING year BETWEEN ? AND ? AND sum(events) >= ?
        """,
        [start, end, p.events_min],
    )
    if df.empty:
        return _empty()
    df["figure"] = (df["coop"] - df["conflict"]) / (df["coop"] + df["conflict"]).replace(0, np.nan)
    df = df[df["figure"].abs() >= 0.3]
    df["value"] = df["figure"]
    df["layer"] = np.where(df["value"] > 0, "events_cooperative", "events_hostile")
    df["period"] = df["year"].astype(str)
    df["dataset"] = "events_" + df["ds"]
    df["text"] = (
        ""
        if not p.texts
        else [
            f"{int(c)} cooperative vs {int(k)} conflictual events in {y}"
            for c, k, y in zip(df["coop"], df["conflict"], df["year"], strict=True)
        ]
    )
    return df[COLUMNS].reset_index(drop=True)


# --------------------------------------------------------------------------- all together
BUILDERS = {
    "alliance": alliance,
    "arms": arms,
    "trade": trade,
    "energy": energy,
    "dispute": disputes,
    "rivalry": rivalries,
}


def layer_rows(
    start: int,
    end: int,
    params: LayerParams | None = None,
    store: Store | None = None,
    layers: frozenset[str] | None = None,
    un_creates_edges: bool = False,
) -> pd.DataFrame:
    """All layer rows for the years start..end (UN layers attached to dyads with other evidence)."""
    p = params or LayerParams()
    st = store or get_store()
    wanted = (
        layers
        if layers is not None
        else frozenset(
            [*BUILDERS, "un_affinity", "un_distance", "events_cooperative", "events_hostile"]
        )
    )
    frames = [fn(start, end, p, st) for name, fn in BUILDERS.items() if name in wanted]
    if p.events and wanted & {"events_cooperative", "events_hostile"}:
        frames.append(events(start, end, p, st))
    frames = [f for f in frames if not f.empty]
    base = pd.concat(frames, ignore_index=True) if frames else _empty()
    if wanted & {"un_affinity", "un_distance"}:
        if un_creates_edges:
            un = un_all_pairs(start, end, p, st)
        else:
            un = un_layers(base[["year", "a", "b"]], ideal_points(start, end, p, st), p)
        un = un[un["layer"].isin(wanted)]
        base = pd.concat([base, un], ignore_index=True) if not un.empty else base
    return base


SOURCES = {
    "alliance": ["atop_alliance"],
    "arms": ["sipri_tiv"],
    "trade": ["cow_trade_ddy", "factbook_partners"],
    "energy": ["trade_crude_flows"],
    "dispute": ["gml_mid_ddydisps", "cow_mid_ddydisps"],
    "rivalry": ["tss_rivalries"],
    "un_affinity": ["unga_idealpoints"],
    "un_distance": ["unga_idealpoints"],
}


def coverage(
    year: int, params: LayerParams | None = None, store: Store | None = None
) -> dict[str, str]:
    """For one year, each layer's data status: 'yes', 'carried forward from Y', 'partial window' or 'no data'."""
    p = params or LayerParams()
    st = store or get_store()
    out: dict[str, str] = {}
    for layer, tables in SOURCES.items():
        if layer == "rivalry" and p.rivalry_source == "td":
            tables = ["td_rivalries"]
        spans = [st.coverage(t) for t in tables if st.has_table(t)]
        if not spans:
            out[layer] = "no data (table missing)"
            continue
        first = min(s[0] for s in spans)
        last = max(s[1] for s in spans)
        cf = p.carry_forward.get(layer, 0)
        if layer == "trade" and st.has_table("cow_trade_ddy"):
            c0, c1 = st.coverage("cow_trade_ddy")
            f0, f1 = (
                st.coverage("factbook_partners")
                if st.has_table("factbook_partners")
                else (9999, -1)
            )
            fb = f0 <= year <= f1 + cf
            if c0 <= year <= c1:
                out[layer] = "yes (COW)"
            elif c1 < year <= c1 + cf:
                out[layer] = f"carried forward from {c1} (COW)" + (
                    " + Factbook top-5 partner shares" if fb else ""
                )
            elif fb:
                out[layer] = "Factbook top-5 partner shares only"
            else:
                out[layer] = "no data"
            continue
        if layer == "dispute":
            if year < first or year - p.dispute_window + 1 > last:
                out[layer] = "no data"
            elif year > last:
                out[layer] = f"partial window (disputes data end {last})"
            else:
                out[layer] = "yes"
        elif first <= year <= last:
            out[layer] = "yes"
        elif last < year <= last + cf:
            out[layer] = f"carried forward from {last}"
        else:
            out[layer] = "no data"
    return out
