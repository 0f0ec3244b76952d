"""Security and conflict sections, read from the relationship model (analyses.relations): alliances by
obligation type and years, disputes per dataset, rivalry spells, wars and armed conflicts, each side's
adversaries, shared adversaries, and — for a hostile pair — who backs whom and who arms each side."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pandas as pd

from realpolitik.analyses.brief.model import Fact, Section
from realpolitik.analyses.brief.sections import ARMS_MIN_TIV, When, pct, window_label
from realpolitik.analyses.relations import Reading, Relationship
from realpolitik.analyses.relations import disputes as mids
from realpolitik.analyses.relations.reading import basis, coded_to, label, name
from realpolitik.render.words import The, poss, the
from realpolitik.result import Result
from realpolitik.store import Store

if TYPE_CHECKING:
    from realpolitik.periods import Period

HOSTILE_RULES = frozenset(
    {"at_war", "armed_rivals", "armed_conflict", "rivalry", "hostile_dispute", "mixed_rivalry"}
)
"""Rules under which the pair itself is read as adversaries: no 'benefits' are built from hostility."""


def other(rel: Relationship, cid: str) -> str:
    return rel.b if rel.a == cid else rel.a


def is_hostile(rel: Relationship) -> bool:
    return rel.rule in HOSTILE_RULES


def _why(rel: Relationship, n: int = 2) -> str:
    """The deciding evidence of a relationship in a clause."""
    from realpolitik.analyses.relations.reading import _lead, disputes_in_brief

    mids = [e for e in rel.deciding if e.kind == "dispute"]
    parts = [e.text for e in _lead([e for e in rel.deciding if e.kind != "dispute"], n)]
    return "; ".join(parts + ([disputes_in_brief(mids)] if mids else [])) or rel.rule_text


def _source(*rels: Relationship) -> str:
    """The dataset of the most telling deciding row (a rivalry, war or conflict before a dispute)."""
    from realpolitik.analyses.relations.reading import _lead

    lead = _lead([e for r in rels for e in r.deciding], 1)
    return lead[0].source if lead else ""


def _result(frame: pd.DataFrame, title: str, sources: list, notes: list[str]) -> Result:
    return Result(frame.reset_index(drop=True), {"section": "security"}, sources, notes, title)


def security(reading: Reading, when: When, store: Store) -> Section:
    """Facts and tables of the security section (see the module docstring)."""
    sec = Section("security", "Security")
    rel = reading.pair
    a, b = reading.a, reading.b
    cov = coded_to(store)
    atop = cov.get("atop")
    al = [e for e in rel.evidence if e.kind == "alliance"]
    if not al:
        upto = min(when.last, atop or when.last)
        sec.facts.append(Fact("alliance", f"ATOP records no alliance obligation between {name(a)} and {name(b)} by "
                              f"{upto} (ATOP v5 ends {atop}).", False, f"1815–{upto}", "atop"))  # fmt: skip
    for e in al:
        sec.facts.append(Fact(f"alliance_{e.data['type']}_{e.start}", e.text + ".", e.data["type"],
                              f"{e.start}–{e.data['last_coded']}", "atop", {"bloc": e.data["bloc"]}))  # fmt: skip
    if al:
        rows = [{"type": e.data["type"], "start": e.start, "end": e.data["last_coded"], "states": e.data["bloc"],
                 "size": e.data["size"]} for e in sorted(al, key=lambda e: -e.start)]  # fmt: skip
        sec.tables["alliances"] = _result(pd.DataFrame(rows), "ATOP obligations by type and years (latest first)",
                                          [store.source("atop")], [f"ATOP v5 ends {atop}; states = 2 + the third states holding the obligation with both (bilateral: 2)."])  # fmt: skip
    _disputes(sec, rel, when, store, a, b)
    for e in rel.evidence:
        if e.kind == "rivalry":
            sec.facts.append(Fact(f"rivalry_{e.source}_{e.start}", f"{name(a)}–{name(b)}: {e.text}.", e.start,
                                  f"{e.start}–{e.end or when.last}", e.source))  # fmt: skip
    if not any(e.kind == "rivalry" for e in rel.evidence) and "tss_rivalries" in cov:
        sec.facts.append(Fact("rivalry_none", f"No strategic rivalry between {name(a)} and {name(b)} is coded "
                              f"(Thompson–Sakuwa–Suhas to {cov['tss_rivalries']}).", False, "", "tss_rivalries"))  # fmt: skip
    for e in rel.evidence:
        if e.kind in {"war", "conflict", "cobelligerent"}:
            sec.facts.append(Fact(f"{e.kind}_{e.data.get('warnum', e.data.get('conflict_id'))}", e.text + ".",
                                  e.data.get("years"), f"{e.start}–{e.end}", e.source))  # fmt: skip
    _adversaries(sec, reading)
    return sec


def _disputes(sec: Section, rel: Relationship, when: When, store: Store, a: str, b: str) -> None:
    """One sentence per MID dataset (never added up) and the dispute table, latest first."""
    ev = [e for e in rel.evidence if e.kind == "dispute"]
    cov = coded_to(store)
    coverage = {"cow_mid": cov.get("cow_mid", 2014), "gml_mid": cov.get("gml_mid", 2010)}
    if not ev:
        sec.facts.append(Fact("disputes_ab", f"No militarised dispute between {name(a)} and {name(b)} is recorded by {when.last} "
                              f"(COW MIDs to {coverage['cow_mid']}, GML to {coverage['gml_mid']}).", 0,
                              f"1816–{min(when.last, coverage['cow_mid'])}", "cow_mid"))  # fmt: skip
        return
    rows = pd.DataFrame(
        [
            {
                "dataset": e.source,
                "dispnum": e.data["dispnum"],
                "start": e.start,
                "end": e.end,
                f"hostility_{a}": e.data["hostility"][a],
                f"hostility_{b}": e.data["hostility"][b],
                "text": e.text,
            }
            for e in ev
        ]  # fmt: skip
    )
    frame = rows.rename(columns={f"hostility_{a}": "host_a", f"hostility_{b}": "host_b"})
    for text in mids.summary(frame, a, b, {a: name(a), b: name(b)}, coverage):
        ds = "cow_mid" if text.startswith("COW") else "gml_mid"
        n = int(frame[frame["dataset"] == ds]["dispnum"].nunique())
        sec.facts.append(Fact(f"disputes_{ds}", text, n, "", ds))
    if when.last > min(coverage.values()):
        sec.gaps.append(f"COW MIDs end in {coverage['cow_mid']} and GML MIDs in {coverage['gml_mid']}: "
                        f"disputes after that are not in the data.")  # fmt: skip
    sec.tables["disputes"] = _result(
        rows.sort_values(["start", "dataset"], ascending=[False, True]).drop(columns="text"),
        "Militarised interstate disputes (each dataset separately, latest first)",
        [store.source(d) for d in ("cow_mid", "gml_mid") if d in store.manifests],
        [
            "hostility: each side's own highest level (1 none, 2 threat, 3 display, 4 use of force, 5 war)."
        ],
    )


def _adversaries(sec: Section, reading: Reading) -> None:
    """Each side's adversaries (one fact each) and the adversaries they share (one fact each)."""
    rel = reading.pair
    a, b = reading.a, reading.b
    foes = {c: {other(r, c): r for r in reading.adversaries.get(c, [])} for c in (a, b)}
    for c in (a, b):
        for fid, r in foes[c].items():
            sec.facts.append(Fact(f"adversary_{c}_{fid}", f"{name(c)}–{name(fid)}: {label(r)} — {_why(r)}.",
                                  fid, str(r.year), _source(r),
                                  {"type": r.type, "rule": r.rule}))  # fmt: skip
    # Two readings of one state's name are not one adversary: Saudi Arabia fights Yemen's de facto
    # government (Sana'a), Iran's rivalry is with the recognised one.
    common = {
        f for f in set(foes[a]) & set(foes[b]) if foes[a][f].de_facto(f) == foes[b][f].de_facto(f)
    }
    shared = sorted(common, key=lambda f: (*_weight(foes[a][f], foes[b][f]), f))  # id last: set order follows the hash seed
    enemies = is_hostile(rel)
    for fid in shared:
        ra, rb = foes[a][fid], foes[b][fid]
        text = (f"{The(name(fid))} is an adversary of both: of {the(name(a))} ({ra.type}: {_why(ra)}) and of "
                f"{the(name(b))} ({rb.type}: {_why(rb)}).")  # fmt: skip
        if not enemies:
            text += f" {name(a)}–{name(b)}–{name(fid)} is an 'enemy of my enemy' triad."
        sec.facts.append(Fact(f"shared_adversary_{fid}", text, fid, str(reading.year), _source(ra, rb),
                              {"adversary": fid, "types": {a: ra.type, b: rb.type},
                               "basis": {a: basis(ra), b: basis(rb)},
                               "evidence": {a: [e.to_dict() for e in ra.deciding], b: [e.to_dict() for e in rb.deciding]}}))  # fmt: skip
    if not shared:
        sec.facts.append(Fact("shared_adversary_none", f"{name(a)} and {name(b)} have no adversary in common in the data.",
                              None, str(reading.year), "tss_rivalries"))  # fmt: skip


WEIGHT = {"at war": 2.0, "rivals": 2.0, "mixed": 1.5, "hostile": 1.0}


def _weight(ra: Relationship, rb: Relationship) -> tuple[float, int]:
    """Sort key of a shared adversary, most telling first: hostility of both sides (war and rivalry over
    disputes), then the more recent of the two sides' latest evidence."""
    latest = min(max((e.end or ra.year for e in r.deciding), default=0) for r in (ra, rb))
    return (-(WEIGHT.get(ra.type, 0) + WEIGHT.get(rb.type, 0)), -latest)


def conflict(reading: Reading, when: When, store: Store) -> Section | None:
    """For a pair of adversaries: the conflict's spells, who backed whom, and who arms each side."""
    from realpolitik.analyses.relations import wars

    rel = reading.pair
    if not is_hostile(rel):
        return None
    sec = Section("conflict", "The conflict")
    a, b = reading.a, reading.b
    sec.facts.append(
        Fact(
            "conflict_reading",
            rel.text,
            rel.type,
            str(rel.year),
            rel.deciding[0].source if rel.deciding else "",
        )
    )
    fought = [e for e in rel.evidence if e.kind == "conflict"]
    for e in fought:
        years = [y for y in (e.data["years"][-1], *(e.data["war_years"][-1:])) if when.ok(y)]
        sup = wars.supporters([e.data["conflict_id"]], sorted(set(years)), store)
        for y in sorted(set(years), reverse=True):
            sides = sup[sup["year"] == y]
            parts = []
            for side in ("A", "B"):
                s = sides[sides["side"] == side]
                prim = [name(i) for i in s[s["role"] == "primary"]["id"]] or ["a non-state side"]
                back = [name(i) for i in s[s["role"] == "secondary"]["id"]]
                parts.append(
                    f"side {side} {', '.join(prim)}"
                    + (f", backed by {', '.join(back)}" if back else "")
                )
            war = " (war intensity)" if y in e.data["war_years"] else ""
            sec.facts.append(Fact(f"sides_{e.data['conflict_id']}_{y}", f"UCDP/PRIO conflict {e.data['conflict_id']} in {y}{war}: "
                                  + "; ".join(parts) + ".", y, str(y), "ucdp_acd"))  # fmt: skip
    _suppliers(sec, (a, b), when, store)
    return sec


def _supplier(row: Any, period: Period, store: Store) -> str:
    """A supplier row's name as it was in the window; SIPRI's unattributed rows ('unknown supplier(s)')
    have no id and keep SIPRI's label."""
    from realpolitik.queries.arms import partner_name

    return partner_name(row.id, period, store) if isinstance(row.id, str) else str(row.name)


def _suppliers(sec: Section, ids: tuple[str, str], when: When, store: Store) -> None:
    """Each side's three largest arms suppliers in the latest 5-year window."""
    if not store.has_table("sipri_tiv"):
        return
    from realpolitik.countries import from_id
    from realpolitik.errors import UserError
    from realpolitik.periods import Period
    from realpolitik.queries import arms as q

    last = min(when.last, store.coverage("sipri_tiv")[1])
    period = Period(last - 4, last)
    for cid in ids:
        try:
            r = q.suppliers(from_id(cid), period, store)
        except UserError:
            continue
        top = r.frame.head(3)
        if top.empty:
            sec.facts.append(Fact(f"suppliers_{cid}", f"SIPRI records no arms imports for {name(cid)} in {window_label(period.start, period.end)}.",
                                  None, str(period), "sipri"))  # fmt: skip
            continue
        total = float(r.frame["tiv"].sum())
        label = window_label(period.start, period.end)
        if total < ARMS_MIN_TIV:  # shares of a few TIV mislead: 'Canada 100 %' of 1 TIV
            who = ", ".join(the(str(n)) for n in top["name"])
            text = (f"{poss(name(cid), start=True)} major arms imports in {label} were only {total:,.1f} TIV "
                    f"(from {who}).")  # fmt: skip
        else:
            parts = ", ".join(f"{the(_supplier(t, period, store))} {pct(t.share)}" for t in top.itertuples())
            text = f"{poss(name(cid), start=True)} largest arms suppliers in {label}: {parts} (of {total:,.0f} TIV)."
        sec.facts.append(Fact(f"suppliers_{cid}", text, top["id"].tolist(), str(period), "sipri"))
