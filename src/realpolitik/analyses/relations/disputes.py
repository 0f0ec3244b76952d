"""Militarised interstate disputes, dispute by dispute, with each side's own hostility and role.

GML MID 2.2.1 (to 2010) and COW MID v5 (to 2014) code mostly the same disputes; they are never added
up. The relationship reads GML for disputes that began by GML's last year and COW for later ones
(as the network does); the brief reports each dataset's own count.
"""

from __future__ import annotations

import pandas as pd

from realpolitik.analyses.relations.classify import drop_settled, expand_years
from realpolitik.analyses.relations.model import Evidence, Scope
from realpolitik.store import Store

HOSTLEV = {
    1: "no militarised action",
    2: "threat to use force",
    3: "display of force",
    4: "use of force",
    5: "war",
}
TABLES = {"gml_mid": "gml_dirdisp", "cow_mid": "cow_mid_dirdisps"}
LABEL = {"gml_mid": "GML MID", "cow_mid": "COW MID"}
ATTACK = 16  # COW/GML highest action: 16 attack, 17 clash, 18 declaration of war, 19–21 war
COLUMNS = ["dataset", "dispnum", "a", "b", "start", "end", "host_a", "host_b", "orig_a", "orig_b",
           "sidea_a", "fatal", "clash"]  # fmt: skip


def rows(scope: Scope, last: int, store: Store, first: int | None = None) -> pd.DataFrame:
    """One row per dataset, dispute and dyad (a < b): years (cut at `last`), each side's highest hostility,
    whether it originated the dispute and was on side A, and the dyad's highest fatality level; with
    `first`, only disputes still running in or after it. fatal is null when a side's fatalities are
    unknown (-9) and no side's are known to be ≥ 1: not 0, which would read as bloodless; clash = a
    side's highest action was an attack, a clash or war (COW hiact ≥ 16)."""
    parts = []
    for ds, table in TABLES.items():
        if not store.has_table(table):
            continue
        cond, params = scope.sql("id1", "id2")
        parts.append(
            store.sql(
                f"""
                SELECT '{ds}' AS dataset, dispnum::INTEGER AS dispnum, id1 AS a, id2 AS b,
                       min(year)::INTEGER AS start, max(year)::INTEGER AS "end",
                       max(hostlev1)::INTEGER AS host_a, max(hostlev2)::INTEGER AS host_b,
                       max(orig1)::INTEGER AS orig_a, max(orig2)::INTEGER AS orig_b,
                       max(sidea1)::INTEGER AS sidea_a,
                       CASE WHEN max(greatest(fatality1, fatality2)) >= 1 OR min(least(fatality1, fatality2)) <> -9
                            THEN max(greatest(fatality1, fatality2)) END::INTEGER AS fatal,
                       coalesce(max(greatest(hiact1, hiact2)) >= {ATTACK}, false) AS clash
                FROM {table} WHERE id1 < id2 AND year <= ? AND {cond} GROUP BY ALL
                HAVING max(year) >= ?
                """,
                [last, *params, -9999 if first is None else first],
            )
        )
    if not parts:
        return pd.DataFrame(columns=COLUMNS)
    return pd.concat(parts, ignore_index=True)


def canonical(frame: pd.DataFrame, gml_last: int) -> pd.DataFrame:
    """The disputes the relationship counts: GML for those begun by its last year, COW after."""
    gml = frame["dataset"] == "gml_mid"
    return frame[(gml & (frame["start"] <= gml_last)) | (~gml & (frame["start"] > gml_last))]


def features(
    frame: pd.DataFrame, years: list[int], gml_last: int, window: int, force: int, mutual: int,
    recurrent: int = 2, settled: pd.DataFrame | None = None,
) -> pd.DataFrame:  # fmt: skip
    """Per (year, a, b): disputes in the `window` years to the year, and force_a / force_b = in how many
    of them that side itself showed hostility: its own level reached `force` (4, use of force), or both
    sides reached `mutual` (3, a mutual display of force). The passive side of a one-sided use of force
    shows none. Materiality, per side (`material_a`, `material_b`): that side showed hostility in at
    least `recurrent` disputes, or the two met in a dispute with fatalities (or in an exchange of force
    with an attack or clash whose fatalities are unknown) or at war level (its user and its target
    alike) — a single bloodless display or seizure makes no adversary;
    `dispute_material` = either side. Disputes that ended by the end of a terminated rivalry
    (`settled`) do not count after it."""
    cols = ["year", "a", "b", "disputes", "force_a", "force_b", "material_a", "material_b",
            "dispute_material", "dispute_last", "dispute_source"]  # fmt: skip
    f = canonical(frame, gml_last)
    if f.empty or not years:
        return pd.DataFrame(columns=cols)
    j = expand_years(
        f, f["start"], f["end"] + window - 1, years
    )  # a dispute counts for `window` years after it
    j = drop_settled(j, settled, "end")
    if j.empty:
        return pd.DataFrame(columns=cols)
    both = (j["host_a"] >= mutual) & (j["host_b"] >= mutual)
    fa = (j["host_a"] >= force) | both
    fb = (j["host_b"] >= force) | both
    # MID fatality level: 0 none, 1 = 1–25 deaths, …; null = unknown for a side: an exchange of force
    # (both sides' hostility ≥ `force`) with an attack or clash and unknown deaths is no 'bloodless
    # incident' (NATO and Libya, 2011: Libya's fatalities -9); a one-sided one stays below the bar
    exchange = (j["host_a"] >= force) & (j["host_b"] >= force) & j["clash"].eq(True)
    fatal = (j["fatal"].fillna(0) >= 1) | (j["fatal"].isna() & exchange)
    war = (j["host_a"] >= 5) | (j["host_b"] >= 5)
    j = j.assign(
        fa=fa.astype(int), fb=fb.astype(int), grave=((fa | fb) & (fatal | war)).astype(int)
    )
    j = j.sort_values("end")
    g = j.groupby(["year", "a", "b"], as_index=False).agg(
        disputes=("dispnum", "nunique"), force_a=("fa", "sum"), force_b=("fb", "sum"),
        grave=("grave", "sum"), dispute_last=("end", "last"), dispute_source=("dataset", "last"),
    )  # fmt: skip
    g["material_a"] = (g["force_a"] >= recurrent) | (g["grave"] > 0)
    g["material_b"] = (g["force_b"] >= recurrent) | (g["grave"] > 0)
    g["dispute_material"] = g["material_a"] | g["material_b"]
    g["dispute_source"] = g["dispute_source"].map(LABEL)
    return g[cols]


def evidence(rows: list[dict], names: dict[str, str], force: int, mutual: int) -> list[Evidence]:
    """One Evidence per dataset and dispute: each side's own hostility and role; `side` is the one side
    that showed hostility (see `features`) when only one did (None when both or neither did)."""
    out = []
    for r in sorted(rows, key=lambda r: (r["start"], r["dataset"], r["dispnum"])):
        years = f"{r['start']}–{r['end']}" if r["start"] != r["end"] else str(r["start"])
        parts, hosts = [], {}
        for side, host, orig in (
            (r["a"], r["host_a"], r["orig_a"]),
            (r["b"], r["host_b"], r["orig_b"]),
        ):
            h = int(host) if pd.notna(host) else 1
            hosts[side] = h
            parts.append(
                f"{names.get(side, side)} {h} ({HOSTLEV.get(h, '?')}{', originator' if orig == 1 else ''})"
            )
        both = min(hosts.values()) >= mutual
        forceful = [s for s, h in hosts.items() if h >= force or both]
        out.append(
            Evidence(
                "dispute",
                forceful[0] if len(forceful) == 1 else None,
                int(r["start"]),
                int(r["end"]),
                float(max(hosts.values())),
                r["dataset"],
                f"{LABEL[r['dataset']]} no. {r['dispnum']} ({years}): hostility "
                + ", ".join(parts),
                {
                    "dispnum": int(r["dispnum"]),
                    "hostility": hosts,
                    "fatal": int(r["fatal"]) if pd.notna(r.get("fatal")) else None,
                },
            )
        )
    return out


def summary(
    frame: pd.DataFrame, a: str, b: str, names: dict[str, str], coverage: dict[str, int]
) -> list[str]:
    """One sentence per dataset: how many disputes, their years, each side's highest hostility."""
    out = []
    for ds in ("cow_mid", "gml_mid"):
        f = frame[frame["dataset"] == ds]
        label = f"{LABEL[ds]} (to {coverage[ds]})"
        if f.empty:
            continue
        years = sorted({int(y) for y in f["start"]})
        ha = int(f["host_a"].max()) if f["host_a"].notna().any() else 1
        hb = int(f["host_b"].max()) if f["host_b"].notna().any() else 1
        n = f["dispnum"].nunique()
        out.append(
            f"{label}: {n} dispute{'s' if n != 1 else ''} between {names[a]} and {names[b]} "
            f"({', '.join(map(str, years))}); highest hostility {names[a]} {ha} ({HOSTLEV[ha]}), "
            f"{names[b]} {hb} ({HOSTLEV[hb]})."
        )
    return out
