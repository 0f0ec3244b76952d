"""Wars and armed conflicts: COW inter-state wars (to 2003) and UCDP/PRIO armed conflicts (1946–2024).

UCDP lists, per conflict-year, the states on each side as primary parties or secondary (supporting)
ones. Two states on opposite sides with at least one of them a primary party fought each other
(Azerbaijan against the Armenian-backed Karabakh side, 2020); two supporters on opposite sides only
backed rival sides (a proxy conflict); two states on the same side were co-belligerents.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pandas as pd

from realpolitik.analyses.relations.classify import drop_settled, expand_years
from realpolitik.analyses.relations.model import Evidence, Scope
from realpolitik.store import Store

OUTCOME = {1: "won", 2: "lost", 3: "compromise", 4: "became another war", 5: "ongoing", 6: "stalemate",
           7: "continued as another war", 8: "changed sides"}  # fmt: skip
UCDP_TYPE = {"interstate": "interstate", "II": "internationalised intrastate", "intrastate": "intrastate",
             "extrasystemic": "extrasystemic"}  # fmt: skip
COW_COLS = ["warnum", "year", "a", "b", "sidea_a", "init_a", "init_b", "outcome_a", "outcome_b",
            "deaths_a", "deaths_b", "war_end"]  # fmt: skip
UCDP_COLS = ["conflict_id", "year", "a", "b", "side_a", "role_a", "side_b", "role_b", "intensity",
             "kind", "incompatibility", "crowd", "ended"]  # fmt: skip


DE_FACTO = {
    "YEM": (2015, "from 2015 UCDP/PRIO codes the Sana'a authorities (Ansarallah, the Houthis) as Yemen's "
                  "government", {230: "the Saudi-led coalition backs side B, the forces of the recognised government"}),
}  # fmt: skip
"""States whose side in UCDP/PRIO is, from a year on, a de facto government a reader would not assume
(UCDP codes whoever holds the capital): said wherever the state fought or backed a side, so that
'Saudi Arabia and Yemen fought' is not read as a war on the government Saudi Arabia backs."""


def cow_rows(scope: Scope, last: int, store: Store, first: int | None = None) -> pd.DataFrame:
    """COW inter-state war dyad-years (a < b, on opposite sides) in first..last."""
    if not store.has_table("cow_war_inter"):
        return pd.DataFrame(columns=COW_COLS)
    cond, params = scope.sql("id1", "id2")
    f = store.sql(
        f"""
        SELECT DISTINCT warnum::INTEGER AS warnum, year::INTEGER AS year, id1 AS a, id2 AS b,
               sidea1::INTEGER AS sidea_a, initiator1::INTEGER AS init_a, initiator2::INTEGER AS init_b,
               outcome1::INTEGER AS outcome_a, outcome2::INTEGER AS outcome_b,
               batdeath1::INTEGER AS deaths_a, batdeath2::INTEGER AS deaths_b, war_end
        FROM (SELECT *, max(year) OVER (PARTITION BY warnum, id1, id2)::INTEGER AS war_end
              FROM cow_war_inter)
        WHERE id1 < id2 AND year BETWEEN ? AND ? AND {cond}
        """,
        [-9999 if first is None else first, last, *params],
    )
    return f


def ucdp_rows(scope: Scope, last: int, store: Store, first: int | None = None) -> pd.DataFrame:
    """UCDP conflict-years in first..last in which both states took part (a < b), with each one's side
    and role."""
    if not store.has_table("ucdp_acd_sides"):
        return pd.DataFrame(columns=UCDP_COLS)
    cond, params = scope.sql("s1.id", "s2.id")
    f = store.sql(
        f"""
        WITH n AS (SELECT conflict_id, year, side, count(*) FILTER (WHERE role = 'secondary') AS n
                   FROM ucdp_acd_sides GROUP BY ALL)
        SELECT s1.conflict_id::INTEGER AS conflict_id, s1.year::INTEGER AS year, s1.id AS a, s2.id AS b,
               s1.side AS side_a, s1.role AS role_a, s2.side AS side_b, s2.role AS role_b,
               greatest(s1.intensity_level, s2.intensity_level)::INTEGER AS intensity,
               s1.type_of_conflict AS kind, s1.incompatibility, n.n::INTEGER AS crowd,
               CASE WHEN s1.ep_end = 1 THEN s1.ep_end_date END AS ended
        FROM ucdp_acd_sides s1 JOIN ucdp_acd_sides s2
             ON s2.conflict_id = s1.conflict_id AND s2.year = s1.year AND s1.id < s2.id
             JOIN n ON n.conflict_id = s1.conflict_id AND n.year = s1.year AND n.side = s1.side
        WHERE s1.year BETWEEN ? AND ? AND {cond}
        """,
        [-9999 if first is None else first, last, *params],
    )
    return f


def features(cow: pd.DataFrame, ucdp: pd.DataFrame, years: list[int], window: int,
             settled: pd.DataFrame | None = None, coalition: int = 30) -> pd.DataFrame:  # fmt: skip
    """Per (year, a, b): war_now (a COW war year or a UCDP year at war intensity, fighting each other),
    armed_recent (fought each other in the `window` years to the year), proxy_recent (backed opposite
    sides only), cobelligerent (same side of a UCDP conflict in the window, one of them a primary party:
    two supporters of the same side are not thereby aligned, nor are the host and one of more than
    `coalition` supporters of its side: a multinational mission, MINUSMA's 63 contributors in Mali or
    ISAF's 50 in Afghanistan, is no tie between each of them and the host, as a large treaty is none). Fighting up to the end of a terminated
    rivalry (`settled`, rivalries.settled) does not count after it."""
    cols = [
        "year",
        "a",
        "b",
        "war_now",
        "armed_recent",
        "proxy_recent",
        "cobelligerent",
        "fought_last",
    ]
    parts = []
    if not cow.empty:
        c = (
            cow[["year", "a", "b"]]
            .drop_duplicates()
            .assign(fought=True, war=True, proxy=False, same=False)
        )
        parts.append(c)
    if not ucdp.empty:  # the same reading as _relation, vectorised
        opposite = (ucdp["side_a"] != ucdp["side_b"]).to_numpy()
        primary = ((ucdp["role_a"] == "primary") | (ucdp["role_b"] == "primary")).to_numpy()
        fought = opposite & primary
        parts.append(pd.DataFrame({
            "year": ucdp["year"].to_numpy(), "a": ucdp["a"].to_numpy(), "b": ucdp["b"].to_numpy(),
            "fought": fought, "war": fought & (ucdp["intensity"].to_numpy() >= 2),
            "proxy": opposite & ~primary,
            # fought together, or one backed the other (not co-supporters, nor one of a mission's many)
            "same": ~opposite & primary & (ucdp["crowd"].to_numpy() <= coalition),
        }))  # fmt: skip
    if not parts or not years:
        return pd.DataFrame(columns=cols)
    ev = pd.concat(parts, ignore_index=True).rename(columns={"year": "ev_year"})
    j = expand_years(
        ev, ev["ev_year"], ev["ev_year"] + window - 1, years
    )  # an event counts for `window` years
    j = drop_settled(j, settled, "ev_year")
    if j.empty:
        return pd.DataFrame(columns=cols)
    j["now"] = j["war"] & (j["ev_year"] == j["year"])
    j["fought_year"] = j["ev_year"].where(j["fought"])
    flags = {"now": "war_now", "fought": "armed_recent", "proxy": "proxy_recent",
             "same": "cobelligerent", "fought_year": "fought_last"}  # fmt: skip
    g = j.groupby(["year", "a", "b"], as_index=False, sort=False)[list(flags)].max()  # any = max
    return g.rename(columns=flags)[cols]


def allied_after(ucdp: pd.DataFrame, coalition: int = 30) -> pd.DataFrame:
    """(a, b, settled = year - 1) for every year two states fought on the same side (one a primary
    party, the side not a crowd): the alliance in arms closes the hostility before it (the US and Iraq
    from 2004, after the 2003 war; Eritrea with Ethiopia in Tigray from 2020)."""
    if ucdp.empty:
        return pd.DataFrame(columns=["a", "b", "settled"])
    same = (ucdp["side_a"] == ucdp["side_b"]) & (
        (ucdp["role_a"] == "primary") | (ucdp["role_b"] == "primary")
    )
    f = ucdp[same & (ucdp["crowd"].fillna(0) <= coalition)]
    return (
        f.assign(settled=f["year"] - 1)[["a", "b", "settled"]]
        .drop_duplicates()
        .reset_index(drop=True)
    )


def _years(ys: list[int]) -> str:
    """'1992–1994, 1997, 2020–2023' from a list of years."""
    runs: list[list[int]] = []
    for y in sorted(set(ys)):
        if runs and y == runs[-1][1] + 1:
            runs[-1][1] = y
        else:
            runs.append([y, y])
    return ", ".join(str(a) if a == b else f"{a}–{b}" for a, b in runs)


def _group(rows: list[dict], key: Callable[[dict], object]) -> dict[object, list[dict]]:
    out: dict[object, list[dict]] = {}
    for r in rows:
        out.setdefault(key(r), []).append(r)
    return out


def cow_evidence(rows: list[dict], names: dict[str, str]) -> list[Evidence]:
    """One Evidence per COW war of the pair: years, initiators, outcomes, battle deaths. A war still
    going on in the last year read says so and gives no outcome or death toll: COW codes both for the
    whole war, which was not known yet."""
    out = []
    for warnum, g in sorted(_group(rows, lambda r: r["warnum"]).items()):
        r = g[0]
        a, b = names.get(r["a"], r["a"]), names.get(r["b"], r["b"])
        init = [n for n, i in ((a, r["init_a"]), (b, r["init_b"])) if i == 1]
        years = sorted({int(x["year"]) for x in g})
        ongoing = int(r["war_end"]) > years[-1]
        res = (
            ""
            if ongoing
            else "; ".join(
                f"{n} {OUTCOME[int(o)]}"
                for n, o in ((a, r["outcome_a"]), (b, r["outcome_b"]))
                if o in OUTCOME
            )
        )
        deaths = "; ".join(f"{n} {int(d):,} battle deaths" for n, d in ((a, r["deaths_a"]), (b, r["deaths_b"]))
                           if not ongoing and pd.notna(d) and d >= 0)  # fmt: skip
        extra = "; ".join(
            x for x in (f"initiator {', '.join(init)}" if init else "", res, deaths) if x
        )
        span = f"since {years[0]}, still going on in {years[-1]}" if ongoing else _years(years)
        out.append(
            Evidence(
                "war",
                None,
                years[0],
                years[-1],
                2.0,
                "cow_war_inter",
                f"COW inter-state war {warnum} ({span}) between {a} and {b}"
                + (f": {extra}" if extra else ""),
                {"warnum": int(warnum), "years": years, "ended": None if ongoing else years[-1]},
            )
        )
    return out


def _relation(r: dict) -> str:
    """How two states in one conflict-year relate (the same reading as `features`)."""
    primary = "primary" in (r["role_a"], r["role_b"])
    if r["side_a"] == r["side_b"]:
        return "same side" if primary else "co-supporters"
    return "fought" if primary else "proxy"


def ucdp_evidence(rows: list[dict], names: dict[str, str], coalition: int = 30) -> list[Evidence]:
    """One Evidence per UCDP conflict and pairing (fought / backed opposite sides / same side)."""
    out = []
    role = {"primary": "a primary party", "secondary": "a supporter"}
    verbs = {"fought": "fought on opposite sides", "proxy": "backed opposite sides", "same side": "were on the same side",
             "co-supporters": "both backed the same side"}  # fmt: skip
    kinds = {
        "fought": "conflict",
        "proxy": "conflict",
        "same side": "cobelligerent",
        "co-supporters": "support",
    }
    for (cid, rel), g in sorted(_group(rows, lambda r: (r["conflict_id"], _relation(r))).items()):
        r = max(g, key=lambda x: x["year"])
        years = sorted({int(x["year"]) for x in g})
        war = sorted({int(x["year"]) for x in g if x["intensity"] >= 2})
        crowd = sorted({int(x["year"]) for x in g if (x.get("crowd") or 0) > coalition})
        who = " and ".join(
            f"{names.get(x, x)} ({role[r[f'role_{k}']]}, side {r[f'side_{k}']}{_de_facto(x, cid, years, rel)})"
            for x, k in ((r["a"], "a"), (r["b"], "b"))
        )
        many = max((int(x.get("crowd") or 0) for x in g), default=0)
        ended = day_of(r.get("ended"))
        text = (
            f"UCDP/PRIO conflict {cid} ({r['incompatibility']}, {UCDP_TYPE.get(r['kind'], r['kind'])}): {who} "
            f"{verbs[rel]} in {_years(years)}"
            + (f"; war intensity (≥ 1,000 battle deaths) in {_years(war)}" if war else "")
            + (f"; the episode ended on {long_date(ended)}" if ended else "")
            + (f"; in {_years(crowd)} the side had up to {many} supporters (a multinational mission or "
               "coalition: no tie between each of them and the host)" if rel == "same side" and crowd else "")
        )  # fmt: skip
        out.append(
            Evidence(
                kinds[rel],
                None,
                years[0],
                years[-1],
                2.0 if war else 1.0,
                "ucdp_acd",
                text,
                {
                    "conflict_id": int(cid),
                    "relation": rel,
                    "years": years,
                    "war_years": war,
                    "tie_years": [y for y in years if y not in crowd],
                    "ended": ended.year if ended else None,
                },  # fmt: skip
            )
        )
    return sorted(out, key=lambda e: e.start)


def long_date(d: date) -> str:
    """'14 June 1982'."""
    return f"{d.day} {d:%B %Y}"


def day_of(value: object) -> date | None:
    """A DuckDB or pandas date or timestamp as a date (None for a missing one: None, NaT, NaN)."""
    if value is None or value is pd.NaT or (isinstance(value, float) and pd.isna(value)):
        return None
    return value.date() if hasattr(value, "date") and callable(value.date) else value  # type: ignore[return-value]


def _de_facto(state: str, conflict: int, years: list[int], relation: str) -> str:
    """'; from 2015 UCDP/PRIO codes …' when the state's side in these years is a de facto government."""
    if state not in DE_FACTO or relation not in ("fought", "proxy"):
        return ""
    since, note, per_conflict = DE_FACTO[state]
    extra = f"; {per_conflict[conflict]}" if conflict in per_conflict else ""
    return f"; {note}{extra}" if max(years) >= since else ""


def supporters(conflicts: list[int], years: list[int], store: Store) -> pd.DataFrame:
    """Every state on each side of the given conflict-years, with its role (who backed whom)."""
    if not conflicts or not store.has_table("ucdp_acd_sides"):
        return pd.DataFrame(columns=["conflict_id", "year", "side", "role", "id"])
    return store.sql(
        "SELECT conflict_id::INTEGER AS conflict_id, year::INTEGER AS year, side, role, id FROM ucdp_acd_sides "
        "WHERE list_contains(?, conflict_id) AND list_contains(?, year) ORDER BY conflict_id, year, side, role, id",
        [[int(c) for c in conflicts], [int(y) for y in years]],
    )
