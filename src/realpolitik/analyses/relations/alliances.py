"""ATOP alliance obligations per type, each with its own years and the size of the bloc that shares it.

ATOP v5 (peacesciencer) gives directed dyad-years with five 0/1 obligations and no treaty ids. The bloc
of a dyad's obligation in a year is derived (sources/atop_blocs.py): 2 + the number of third states
that hold the same obligation with both (0 third states: a bilateral treaty; NATO-size blocs: a large
multilateral one). It is an upper bound of the treaty's membership when several treaties overlap.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from realpolitik.analyses.relations.model import Evidence, Scope
from realpolitik.store import Store

TYPES = {
    "defense": "defence",
    "offense": "offence",
    "neutral": "neutrality",
    "nonagg": "non-aggression",
    "consul": "consultation",
}
DEFENCE = ("defense", "offense")
COLUMNS = ["year", "a", "b", "type", "bloc", "co"]


def _empty() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype="object") for c in COLUMNS})


def rows(scope: Scope, first: int, last: int, store: Store) -> pd.DataFrame:
    """Dyad-year-type rows (a < b) in first..last with the bloc size of each obligation and up to three
    co-members (the derived `atop_blocs` table, built from ATOP by sources/atop_blocs.py)."""
    if not store.has_table("atop_blocs"):
        return _empty()
    cond, params = scope.sql("a", "b")
    if scope.pairs is not None:  # the table is sorted by a: a filter on it skips most row groups
        cond, params = f"list_contains(?, a) AND {cond}", [list(scope.ids or ()), *params]
    return store.sql(
        f"SELECT year::INTEGER AS year, a, b, type, bloc::INTEGER AS bloc, co FROM atop_blocs "
        f"WHERE year BETWEEN ? AND ? AND {cond}",
        [first, last, *params],
    )


def features(
    frame: pd.DataFrame, years: list[int], coded_to: int, carry: int, small: int
) -> pd.DataFrame:
    """Per (year, a, b): defence (a defence or offence pact in force), pact_small (any obligation in a
    bloc of at most `small` states), pact_any, bloc_min. Years after ATOP's end use its last year for
    up to `carry` years."""
    cols = ["year", "a", "b", "defence", "pact_small", "pact_any", "bloc_min"]
    if frame.empty:
        return pd.DataFrame(columns=cols)
    use = {y: min(y, coded_to) for y in years if y - coded_to <= carry}
    ref = pd.DataFrame({"year": list(use), "data_year": list(use.values())})
    f = frame.rename(columns={"year": "data_year"}).merge(ref, on="data_year")
    if f.empty:
        return pd.DataFrame(columns=cols)
    f["is_def"] = f["type"].isin(DEFENCE)
    f["is_small"] = f["bloc"] <= small
    g = f.groupby(["year", "a", "b"], as_index=False).agg(
        defence=("is_def", "any"), pact_small=("is_small", "any"), bloc_min=("bloc", "min")
    )
    g["pact_any"] = True
    return g[cols]


def spells(rows: list[dict], small: int) -> list[dict]:
    """Runs of consecutive years per (a, b, type): start, end, bloc of the last year, the bloc range
    over the run and the size class of the last year (bilateral, small, multilateral)."""
    out: list[dict] = []
    for r in sorted(rows, key=lambda r: (r["a"], r["b"], r["type"], r["year"])):
        cur = out[-1] if out else None
        key = (r["a"], r["b"], r["type"])
        co = r.get("co")
        co = list(co) if co is not None and not isinstance(co, float) else []
        if cur and cur["key"] == key and r["year"] == cur["end"] + 1:
            cur.update(
                end=r["year"],
                bloc=r["bloc"],
                lo=min(cur["lo"], r["bloc"]),
                hi=max(cur["hi"], r["bloc"]),
                co=co,
            )
        else:
            out.append({"key": key, "a": r["a"], "b": r["b"], "type": r["type"], "start": r["year"],
                        "end": r["year"], "bloc": r["bloc"], "lo": r["bloc"], "hi": r["bloc"], "co": co})  # fmt: skip
    for s in out:
        n = s["bloc"]
        s["size"] = "bilateral" if n == 2 else ("small" if n <= small else "multilateral")
    return out


def evidence(
    rows: list[dict], last: int, coded_to: int, small: int, name: Callable[[str], str]
) -> list[Evidence]:
    """One Evidence per obligation type and spell; a spell reaching ATOP's last year runs on (end None)
    when the question's last year is later. Multilateral spells in force name up to three co-members of
    their last year when the rows carry them (so a reader can tell which treaty it is)."""
    out = []
    for s in spells(rows, small):
        start, last_coded, bloc = int(s["start"]), int(s["end"]), int(s["bloc"])
        end = None if last_coded >= coded_to and last > coded_to else last_coded
        years = f"{start}–{last_coded}" if start != last_coded else str(start)
        if s["size"] == "bilateral":
            how = "bilateral"
        else:
            current = end is None or last_coded >= min(last, coded_to)
            co = s["co"] if current else []
            eg = f", e.g. {', '.join(name(c) for c in co)}" if co else ""
            kind = "multilateral" if s["size"] == "multilateral" else "small bloc"
            many = bloc > 3
            how = f"{kind}: {bloc - 2} other state{'s' if many else ''} hold{'' if many else 's'} it with both{eg}"
            if (
                kind == "small bloc" and co
            ):  # an overlap of bilateral treaties reads the same (no treaty ids)
                how = (f"small bloc: {', '.join(name(c) for c in co)} also hold{'' if many else 's'} it "
                       "with both, perhaps under separate treaties: ATOP gives no treaty ids")  # fmt: skip
        tail = f"; ATOP ends {coded_to}" if end is None else ""
        if s["lo"] != s["hi"]:
            tail = f"; {int(s['lo'])}–{int(s['hi'])} states over the years" + tail
        out.append(
            Evidence(
                "alliance",
                None,
                start,
                end,
                1.0 if bloc == 2 else round(2 / bloc, 3),
                "atop",
                f"ATOP {TYPES[s['type']]} obligation {years} ({how}{tail})",
                {"type": s["type"], "bloc": bloc, "size": s["size"], "last_coded": last_coded},
            )
        )
    return sorted(out, key=lambda e: (e.start, e.data["type"]))
