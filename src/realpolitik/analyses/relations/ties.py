"""Material ties: arms (SIPRI TIV over trailing windows), trade (COW dyadic trade, Factbook top-5
partners) and crude oil (BACI HS 2709), each as the larger of the two sides' dependence."""

from __future__ import annotations

import pandas as pd

from realpolitik.analyses.relations.model import Evidence, Scope
from realpolitik.store import Store

STATE = "NOT LIKE '%:%'"  # resolver ids of non-state actors and organisations contain ':'
ARMS_COLS = ["year", "s", "r", "tiv", "total", "share", "xtotal", "xshare"]
TIE_COLS = ["year", "a", "b", "share", "who", "source", "data_year"]


def arms(scope: Scope, years: list[int], window: int, store: Store) -> pd.DataFrame:
    """Directed arms flows over the `window` years ending each year: the supplier's share of the recipient's
    imports (`share`) and the recipient's share of the supplier's exports (`xshare`, as `arms recipients`
    counts it: over all the supplier's deliveries)."""
    if not store.has_table("sipri_tiv") or not years:
        return pd.DataFrame(columns=ARMS_COLS)
    cond, params = scope.sql("supplier_id", "recipient_id")
    f = store.sql(
        f"""
        WITH yrs AS (SELECT unnest(?::INTEGER[]) AS year),
        t AS (SELECT year, supplier_id AS s, recipient_id AS r, tiv FROM sipri_tiv
              WHERE recipient_id IS NOT NULL AND recipient_id {STATE} AND tiv IS NOT NULL
                    AND year BETWEEN ? AND ?),
        p AS (SELECT * FROM t WHERE s IS NOT NULL AND s {STATE} AND s <> r AND
              {cond.replace("supplier_id", "s").replace("recipient_id", "r")}),
        d AS (SELECT y.year, p.s, p.r, sum(p.tiv ORDER BY p.tiv) AS tiv FROM yrs y
              JOIN p ON p.year BETWEEN y.year - {int(window) - 1} AND y.year GROUP BY ALL),
        tot AS (SELECT y.year, t.r, sum(t.tiv ORDER BY t.tiv) AS total FROM yrs y
                JOIN t ON t.year BETWEEN y.year - {int(window) - 1} AND y.year
                WHERE t.r IN (SELECT DISTINCT r FROM d) GROUP BY ALL),
        xt AS (SELECT year, supplier_id AS s, tiv FROM sipri_tiv
               WHERE tiv IS NOT NULL AND year BETWEEN ? AND ? AND supplier_id IN (SELECT DISTINCT s FROM d)),
        xtot AS (SELECT y.year, xt.s, sum(xt.tiv ORDER BY xt.tiv) AS xtotal FROM yrs y
                 JOIN xt ON xt.year BETWEEN y.year - {int(window) - 1} AND y.year GROUP BY ALL)
        SELECT d.year::INTEGER AS year, d.s, d.r, d.tiv, tot.total, d.tiv / tot.total AS share,
               xtot.xtotal, d.tiv / nullif(xtot.xtotal, 0) AS xshare
        FROM d JOIN tot USING (year, r) JOIN xtot USING (year, s) WHERE tot.total > 0
        """,
        [sorted(set(years)), min(years) - window + 1, max(years),
         *params, min(years) - window + 1, max(years)],  # fmt: skip
    )
    return f


def arms_features(f: pd.DataFrame, min_share: float, min_tiv: float) -> pd.DataFrame:
    """Per (year, a, b): arms_tie = either side's dependence (the supplier's share of the recipient's
    imports, or the recipient's share of the supplier's exports) of at least `min_share`, on at least
    `min_tiv` TIV; arms_share = the larger dependence."""
    cols = ["year", "a", "b", "arms_tie", "arms_share"]
    if f.empty:
        return pd.DataFrame(columns=cols)
    g = f.assign(a=f[["s", "r"]].min(axis=1), b=f[["s", "r"]].max(axis=1))
    g["dep"] = g[["share", "xshare"]].max(axis=1)
    g["tie"] = (g["dep"] >= min_share) & (g["tiv"] >= min_tiv)
    g = g.groupby(["year", "a", "b"], as_index=False).agg(
        arms_tie=("tie", "any"), arms_share=("dep", "max")
    )
    return g[cols]


def trade(
    scope: Scope,
    years: list[int],
    edition_year: int | None,
    carry: int,
    store: Store,
    min_share: float = 0.0,
) -> pd.DataFrame:
    """Trade dependence per (year, a, b): COW dyadic trade over one side's total trade (to 2014, its last
    year standing in for `carry` more) and, from the Factbook edition's year on, Factbook partner shares;
    only dependences of at least `min_share` (the bulk reading needs no smaller ones)."""
    parts = []
    if store.has_table("cow_trade_ddy") and store.has_table("cow_trade_sy") and years:
        last = store.coverage("cow_trade_ddy")[1]
        use = sorted({min(y, last) for y in years if y - last <= carry})
        cond, params = scope.sql("id1", "id2")
        if use:
            cow = store.sql(
                f"""
                WITH d AS (SELECT year, id1 AS a, id2 AS b, flow1 + flow2 AS trade FROM cow_trade_ddy
                           WHERE list_contains(?, year) AND id1 < id2 AND {cond}),
                tot AS (SELECT year, id, imports + exports AS total FROM cow_trade_sy WHERE list_contains(?, year))
                SELECT d.year::INTEGER AS data_year, d.a, d.b, d.trade / nullif(ta.total, 0) AS dep_a,
                       d.trade / nullif(tb.total, 0) AS dep_b
                FROM d LEFT JOIN tot ta ON ta.year = d.year AND ta.id = d.a
                       LEFT JOIN tot tb ON tb.year = d.year AND tb.id = d.b
                WHERE greatest(coalesce(d.trade / nullif(ta.total, 0), 0), coalesce(d.trade / nullif(tb.total, 0), 0)) >= ?
                """,
                [use, *params, use, min_share],
            )
            cow["share"] = cow[["dep_a", "dep_b"]].max(axis=1)
            cow["who"] = cow["a"].where(
                cow["dep_a"].fillna(-1) >= cow["dep_b"].fillna(-1), cow["b"]
            )
            ref = pd.DataFrame({"year": years})
            ref["data_year"] = ref["year"].clip(upper=last)
            ref = ref[ref["year"] - last <= carry]
            parts.append(cow.merge(ref, on="data_year").assign(source="cow_trade"))
    if store.has_table("factbook_partners") and edition_year is not None:
        fy = [y for y in years if y >= edition_year]
        if fy:
            cond, params = scope.sql("id", "partner_id")
            fb = store.sql(
                f"SELECT year::INTEGER AS data_year, id AS who, partner_id, share FROM factbook_partners "
                f"WHERE id IS NOT NULL AND partner_id IS NOT NULL AND id <> partner_id AND share >= ? AND {cond}",
                [min_share, *params],
            )
            fb["a"] = fb[["who", "partner_id"]].min(axis=1)
            fb["b"] = fb[["who", "partner_id"]].max(axis=1)
            fb = fb.merge(pd.DataFrame({"year": fy}), how="cross").assign(source="factbook")
            parts.append(fb)
    if not parts:
        return pd.DataFrame(columns=TIE_COLS)
    return pd.concat([p[TIE_COLS] for p in parts], ignore_index=True).dropna(subset=["share"])


def crude(scope: Scope, years: list[int], carry: int, store: Store) -> pd.DataFrame:
    """Crude-oil dependence per (year, a, b): the exporter's share of the importer's crude imports by value
    (BACI, mirror-completed; its one year standing in for `carry` later years)."""
    if not store.has_table("trade_crude_flows") or not years:
        return pd.DataFrame(columns=TIE_COLS)
    first, last = store.coverage("trade_crude_flows")
    ref = pd.DataFrame({"year": [y for y in years if first <= y and y - last <= carry]})
    if ref.empty:
        return pd.DataFrame(columns=TIE_COLS)
    cond, params = scope.sql("exporter_id", "importer_id")
    f = store.sql(
        f"""
        WITH s AS (SELECT year, exporter_id AS x, importer_id AS m,
                          value_usd / sum(value_usd ORDER BY value_usd) OVER (PARTITION BY year, importer_id) AS share
                   FROM trade_crude_flows WHERE exporter_id IS NOT NULL AND importer_id IS NOT NULL
                   AND exporter_id <> importer_id AND value_usd > 0)
        SELECT year::INTEGER AS data_year, x, m AS who, share FROM s
        WHERE {cond.replace("exporter_id", "x").replace("importer_id", "m")}
        """,
        params,
    )
    f["a"] = f[["x", "who"]].min(axis=1)
    f["b"] = f[["x", "who"]].max(axis=1)
    ref["data_year"] = ref["year"].clip(upper=last)
    return f.merge(ref, on="data_year").assign(source="trade_crude_baci")[TIE_COLS]


def tie_features(
    trade_f: pd.DataFrame, crude_f: pd.DataFrame, trade_min: float, crude_min: float
) -> pd.DataFrame:
    """Per (year, a, b): trade_tie and crude_tie when the larger dependence reaches its threshold."""
    cols = ["year", "a", "b", "trade_tie", "crude_tie"]
    parts = []
    for f, col, lo in ((trade_f, "trade_tie", trade_min), (crude_f, "crude_tie", crude_min)):
        if not f.empty:
            g = f[f["share"] >= lo][["year", "a", "b"]].drop_duplicates().assign(**{col: True})
            parts.append(g)
    if not parts:
        return pd.DataFrame(columns=cols)
    out = parts[0]
    for p in parts[1:]:
        out = out.merge(p, on=["year", "a", "b"], how="outer")
    for c in ("trade_tie", "crude_tie"):
        out[c] = out[c].eq(True) if c in out else False
    return out[cols]


def arms_evidence(
    rows: list[dict], year: int, window: int, names: dict[str, str], market: float
) -> list[Evidence]:
    """The arms flow each way in the window ending in `year`, with its TIV; its strength is the larger
    dependence: the recipient's on the supplier, or the supplier's on the recipient as an export market
    (named when it is the larger one or reaches `market`, the tie threshold)."""
    out = []
    start = year - window + 1
    for r in sorted((r for r in rows if r["year"] == year), key=lambda r: -_dep(r)):
        s, rec, x = r["s"], r["r"], r["xshare"]
        known = x is not None and x == x
        clause = (f"; {names.get(rec, rec)} took {100 * x:.1f} % of {names.get(s, s)}'s arms exports "
                  f"({r['tiv']:,.1f} of {r['xtotal']:,.1f} TIV)"
                  if known and (x >= r["share"] or x >= market) else "")  # fmt: skip
        out.append(
            Evidence(
                "arms",
                s,
                start,
                year,
                round(_dep(r), 4),
                "sipri",
                f"{names.get(s, s)} supplied {100 * r['share']:.1f} % of {names.get(rec, rec)}'s arms imports "
                f"in {start}–{year} ({r['tiv']:,.1f} of {r['total']:,.1f} TIV){clause}",
                {
                    "recipient": rec,
                    "tiv": round(float(r["tiv"]), 1),
                    "total": round(float(r["total"]), 1),
                    "import_share": round(float(r["share"]), 4),
                    "export_share": round(float(x), 4) if known else None,
                },
            )
        )
    return out


def _dep(r: dict) -> float:
    """The larger of a flow's two dependences (import share, export share)."""
    x = r.get("xshare")
    return float(max(r["share"], x)) if x is not None and x == x else float(r["share"])


def _best(rows: list[dict], year: int) -> list[dict]:
    """The largest dependence per dyad in `year`."""
    best: dict[tuple[str, str], dict] = {}
    for r in rows:
        k = (r["a"], r["b"])
        if r["year"] == year and (k not in best or r["share"] > best[k]["share"]):
            best[k] = r
    return list(best.values())


def tie_evidence(
    trade_rows: list[dict], crude_rows: list[dict], year: int, names: dict[str, str]
) -> list[Evidence]:
    """Trade and crude dependence of the pair in `year` (the data year each figure comes from)."""
    out = []
    for r in _best(trade_rows, year):
        src = "COW dyadic trade" if r["source"] == "cow_trade" else "CIA Factbook top-5 partners"
        who = r["who"]
        other = r["b"] if who == r["a"] else r["a"]
        flows = "trade" if r["source"] == "cow_trade" else "exports or imports"
        out.append(
            Evidence(
                "trade",
                who,
                int(r["data_year"]),
                int(r["data_year"]),
                round(float(r["share"]), 4),
                r["source"],
                f"trade with {names.get(other, other)} was {100 * r['share']:.1f} % of {names.get(who, who)}'s "
                f"{flows} in {int(r['data_year'])} ({src})",
            )  # fmt: skip
        )
    for r in _best(crude_rows, year):
        who = r["who"]
        other = r["b"] if who == r["a"] else r["a"]
        out.append(
            Evidence(
                "crude",
                other,
                int(r["data_year"]),
                int(r["data_year"]),
                round(float(r["share"]), 4),
                r["source"],
                f"{names.get(other, other)} supplied {100 * r['share']:.1f} % of {names.get(who, who)}'s crude-oil "
                f"imports by value in {int(r['data_year'])} (CEPII BACI)",
            )  # fmt: skip
        )
    return out
