"""Security section: alliances and disputes between the pair, adversaries, shared rivals, triads."""

from __future__ import annotations

import re

import pandas as pd

from realpolitik.analyses.brief.model import Fact, Section
from realpolitik.analyses.brief.sections import attempt
from realpolitik.countries import Country, try_resolve
from realpolitik.result import Result
from realpolitik.store import Store

RECENT_MID_YEARS = 20
"""A militarised dispute makes two states adversaries if it occurred within this many years before the
brief's last complete year (COW MIDs end 2014, GML 2010: older disputes are history, not rivalry)."""
MIN_HOSTILITY = 4
"""Lowest MID hostility level that counts (4 = use of force, 5 = war); threats and displays alone do not."""


def adversaries(c: Country, last: int, sec: Section, store: Store) -> dict[str, dict]:
    """Adversaries of c with their evidence: coded strategic rivalry, or a recent hostile MID."""
    from realpolitik.queries import security as q

    r = attempt(
        sec, f"rivals of {c.id}", lambda: q.rivals(c, period=(last - RECENT_MID_YEARS, last))
    )
    out: dict[str, dict] = {}
    if r is None:
        return out
    for row in r.frame.itertuples(index=False):
        foe = try_resolve(str(row.counterpart_id)) if pd.notna(row.counterpart_id) else None
        if foe is None or foe.kind == "historical":
            continue
        evidence = []
        if bool(row.rival):
            span = row.rivalry_tss if pd.notna(row.rivalry_tss) else row.rivalry_td
            src = (
                "Thompson–Sakuwa–Suhas rivalries"
                if pd.notna(row.rivalry_tss)
                else "Thompson & Dreyer rivalries"
            )
            years = re.findall(r"\d{4}", str(span or ""))
            if years and int(years[-1]) >= min(last, 2020) - 10:
                shown = (
                    f"since {years[0]}" if int(years[-1]) > last else span
                )  # never cite years after `last`
                evidence.append(
                    {
                        "kind": "rivalry",
                        "text": f"strategic rivalry {shown} ({src})",
                        "since": shown,
                    }
                )
        mids_last = max(
            (int(v) for v in (row.cow_last_year, row.gml_last_year) if pd.notna(v)), default=None
        )
        hostility = max(
            (int(v) for v in (row.cow_max_hostlev, row.gml_max_hostlev) if pd.notna(v)), default=0
        )
        if (
            mids_last is not None
            and mids_last >= last - RECENT_MID_YEARS
            and hostility >= MIN_HOSTILITY
        ):
            n = int(row.cow_mids) if pd.notna(row.cow_mids) else int(row.gml_mids)
            evidence.append({"kind": "disputes", "text": f"{n} militarised dispute(s) in {last - RECENT_MID_YEARS}–{last}, "
                             f"the last in {mids_last} (COW/GML MIDs)", "last_year": mids_last})  # fmt: skip
        if evidence:
            out[foe.id] = {"country": foe, "evidence": evidence}
    return out


def _until(result: Result, frame: pd.DataFrame) -> Result:
    """The same result restricted to the rows up to the brief's last year."""
    return Result(
        frame.reset_index(drop=True), result.query, result.sources, result.notes, result.title
    )


def security(
    a: Country, b: Country, last: int, store: Store
) -> tuple[Section, dict[str, list[Country]]]:
    """Alliances and disputes between a and b, each one's adversaries, shared rivals and triads."""
    from realpolitik.queries import security as q

    sec = Section("security", "Security")
    rel = None
    try:
        rel = q.relations(a, b)
    except Exception as e:  # noqa: BLE001 - stated as a gap
        sec.gaps.append(f"relations {a.id}–{b.id}: {e}")
    if rel is not None:
        al = rel["alliances"].frame
        al = al[al["year"] <= last]  # nothing after the as-of year
        if al.empty:
            sec.facts.append(Fact("alliance", f"ATOP records no alliance between {a.name} and {b.name} (ATOP v5 ends 2018).",
                                  False, "1815–2018", "atop"))  # fmt: skip
        else:
            kinds = [
                k
                for k in ("defense", "offense", "neutrality", "non_aggression", "consultation")
                if al[k].fillna(0).astype(bool).any()
            ]
            yrs = f"{int(al['year'].min())}–{int(al['year'].max())}"
            sec.facts.append(Fact("alliance", f"ATOP records {', '.join(k.replace('_', '-') for k in kinds)} obligations between "
                                  f"{a.name} and {b.name} in {yrs}.", kinds, yrs, "atop"))  # fmt: skip
        sec.tables["alliances"] = _until(rel["alliances"], al)
        d = rel["disputes"].frame
        d = d[d["first_year"] <= last]
        sec.tables["disputes"] = _until(rel["disputes"], d)
        if d.empty:
            sec.facts.append(Fact("disputes_ab", f"No militarised dispute between {a.name} and {b.name} is recorded (COW MIDs to 2014, GML to 2010).",
                                  0, "1816–2014", "cow_mid"))  # fmt: skip
        else:
            yrs = sorted({int(y) for y in d["first_year"]})
            sec.facts.append(Fact("disputes_ab", f"{d['dispnum'].nunique()} militarised dispute(s) between {a.name} and {b.name} "
                                  f"(years {', '.join(map(str, yrs))}).", int(d["dispnum"].nunique()), f"{yrs[0]}–{yrs[-1]}", "cow_mid"))  # fmt: skip
    foes = {c.id: adversaries(c, last, sec, store) for c in (a, b)}
    foes[a.id].pop(b.id, None)
    foes[b.id].pop(a.id, None)
    for c in (a, b):
        for fid, info in foes[c.id].items():
            sec.facts.append(Fact(f"adversary_{c.id}_{fid}", f"{c.name}–{info['country'].name}: " + "; ".join(e["text"] for e in info["evidence"]) + ".",
                                  fid, "", "tss_rivalries" if info["evidence"][0]["kind"] == "rivalry" else "cow_mid",
                                  {"evidence": info["evidence"]}))  # fmt: skip
    shared = sorted(set(foes[a.id]) & set(foes[b.id]))
    for fid in shared:
        foe = foes[a.id][fid]["country"]
        ev_a = "; ".join(e["text"] for e in foes[a.id][fid]["evidence"])
        ev_b = "; ".join(e["text"] for e in foes[b.id][fid]["evidence"])
        sec.facts.append(
            Fact(
                f"shared_adversary_{fid}",
                f"{foe.name} is an adversary of both: of {a.name} ({ev_a}) and of {b.name} ({ev_b}). "
                f"{a.name}–{b.name}–{foe.name} is an 'enemy of my enemy' triad.",
                fid,
                "",
                "tss_rivalries",
                {
                    "adversary": fid,
                    "evidence": {
                        a.id: foes[a.id][fid]["evidence"],
                        b.id: foes[b.id][fid]["evidence"],
                    },
                },
            )
        )
    if not shared:
        sec.facts.append(
            Fact(
                "shared_adversary_none",
                f"{a.name} and {b.name} have no adversary in common in the data.",
                None,
                "",
                "tss_rivalries",
            )
        )
    rivals = {k: [v["country"] for v in foes[k].values()] for k in foes}
    return sec, rivals
