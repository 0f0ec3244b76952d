"""Reading dyads: fetch each evidence family for a scope, build the feature rows, apply the rules and
turn a classified dyad into a `Relationship` with its evidence, the rows that decided it and its spells."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from functools import cache

import numpy as np
import pandas as pd

from realpolitik.analyses.relations import alliances, deposed, disputes, rivalries, ties, wars
from realpolitik.analyses.relations.classify import RULE, Thresholds, apply_rules, merge
from realpolitik.analyses.relations.model import NOT_IN_SYSTEM, Evidence, Relationship, Scope, Spell
from realpolitik.render.words import The, the
from realpolitik.store import Store

LAST_OF = {"atop": "atop_blocs", "tss_rivalries": "tss_rivalries", "td_rivalries": "td_rivalries",
           "cow_mid": "cow_mid_dirdisps", "gml_mid": "gml_dirdisp", "cow_war_inter": "cow_war_inter",
           "ucdp_acd": "ucdp_acd_sides", "sipri": "sipri_tiv"}  # fmt: skip


@cache
def coded_to(store: Store) -> dict[str, int]:
    """Last year each evidence source covers (missing tables: absent)."""
    return {k: store.coverage(t)[1] for k, t in LAST_OF.items() if store.has_table(t)}


@cache
def name(cid: str) -> str:
    from realpolitik.countries import from_id

    try:
        return from_id(cid).name
    except LookupError:
        return cid


def names(ids: Iterable[str]) -> dict[str, str]:
    return {i: name(i) for i in ids if isinstance(i, str)}


def _empty(cols: list[str]) -> pd.DataFrame:
    """An empty frame of object columns (a copy of one built once: every reading makes several)."""
    return _empty_template(tuple(cols)).copy()


@cache
def _empty_template(cols: tuple[str, ...]) -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype="object") for c in cols})


@dataclass
class Frames:
    """The rows of each evidence family for one scope."""

    rivalries: pd.DataFrame
    disputes: pd.DataFrame
    cow: pd.DataFrame
    ucdp: pd.DataFrame
    alliances: pd.DataFrame = field(default_factory=lambda: _empty(alliances.COLUMNS))
    arms: pd.DataFrame = field(default_factory=lambda: _empty(ties.ARMS_COLS))
    trade: pd.DataFrame = field(default_factory=lambda: _empty(ties.TIE_COLS))
    crude: pd.DataFrame = field(default_factory=lambda: _empty(ties.TIE_COLS))
    deposed: pd.DataFrame = field(default_factory=lambda: _empty(deposed.COLUMNS))
    history: pd.DataFrame | None = field(default=None, repr=False)
    """Whole ATOP history (1815 to the reference year) of `history_pairs`, read once for a brief."""
    history_pairs: frozenset[tuple[str, str]] = frozenset()
    _index: dict | None = field(default=None, repr=False)

    def alliance_history(self, pairs: set[tuple[str, str]]) -> pd.DataFrame | None:
        """The ATOP rows of `pairs` (a < b) from the history read once, in table order; None when the
        history does not cover them all."""
        if self.history is None or not pairs <= self.history_pairs:
            return None
        h = self.history
        if h.empty:
            return h
        keep = [(x, y) in pairs for x, y in zip(h["a"], h["b"], strict=True)]
        return h[keep].reset_index(drop=True)

    def dyads(self) -> set[tuple[str, str]]:
        """Every dyad (a < b) named by the hostile families."""
        out: set[tuple[str, str]] = set()
        for f in (self.rivalries, self.disputes, self.cow, self.ucdp):
            if not f.empty:
                out |= set(zip(f["a"], f["b"], strict=True))
        return out

    def records(self, a: str, b: str) -> dict[str, list[dict]]:
        """Each family's rows of one dyad as dicts (indexed once per Frames: per-dyad pandas filters are slow)."""
        if self._index is None:
            self._index = {}
        key = (min(a, b), max(a, b))
        out = {}
        for fam in FAMILIES:
            if fam not in self._index:
                index: dict[tuple[str, str], list[dict]] = {}
                x, y = ("s", "r") if fam == "arms" else ("a", "b")
                for r in records(getattr(self, fam)):
                    index.setdefault((min(r[x], r[y]), max(r[x], r[y])), []).append(r)
                self._index[fam] = index
            out[fam] = self._index[fam].get(key, [])
        return out

    def invalidate(self, *families: str) -> None:
        """Drop the index of `families` (all when none is named) after their frames were replaced."""
        if self._index is None or not families:
            self._index = None
        else:
            for fam in families:
                self._index.pop(fam, None)


def records(f: pd.DataFrame) -> list[dict]:
    """`f.to_dict("records")` column by column (the same Python values, several times faster: the
    brief indexes a few thousand evidence rows per reading)."""
    if f.empty:
        return []
    from pandas.core.dtypes.cast import maybe_box_native

    def column(c: str) -> list:
        s = f[c]
        if s.dtype == object:
            return [v if v is None or type(v) is str else maybe_box_native(v) for v in s]
        if isinstance(s.dtype, np.dtype) and s.dtype.kind in "iufb":
            return s.tolist()
        return [r[c] for r in f[[c]].to_dict("records")]  # nullable, dates: pandas' own boxing

    names = list(f.columns)
    cols = [column(c) for c in names]
    return [dict(zip(names, vals, strict=True)) for vals in zip(*cols, strict=True)]


FAMILIES = ("rivalries", "disputes", "cow", "ucdp", "alliances", "arms", "trade", "crude", "deposed")


def read_hostile(scope: Scope, last: int, store: Store, first: int | None = None) -> Frames:
    """Rivalries, disputes, COW wars and UCDP conflicts of the scope up to `last` (and, when `first` is
    given, only what can still count in `first`: the network reads no older fighting than it needs)."""
    f = Frames(
        rivalries.rows(scope, last, store),
        disputes.rows(scope, last, store, first),
        wars.cow_rows(scope, last, store, first),
        wars.ucdp_rows(scope, last, store, first),
    )
    f.deposed = deposed.rows(f.ucdp, f.cow, f.disputes, store)
    return f


def read_ties(frames: Frames, scope: Scope, years: list[int], store: Store, th: Thresholds,
              material: bool = True, edition_year: int | None = None, first: int = 1815,
              arms: bool = True, ties_only: bool = False,
              alliance_rows: pd.DataFrame | None = None) -> Frames:  # fmt: skip
    """Add alliances (from `first` to the last year; `alliance_rows` when the caller has them already),
    arms ties (windows ending in `years`) and, when `material`, the trade and crude-oil ties to `frames`
    (with `ties_only`, only trade at the tie threshold: the bulk reading shows no evidence text)."""
    last = max(years)
    frames.alliances = (
        alliances.rows(scope, first, last, store) if alliance_rows is None else alliance_rows
    )
    if arms:
        frames.arms = ties.arms(scope, years, th.arms_window, store)
    if material:
        floor = th.trade_share if ties_only else 0.0
        frames.trade = ties.trade(scope, years, edition_year, th.carry_trade, store, floor)
        frames.crude = ties.crude(scope, years, th.carry_crude, store)
    return frames


def features(frames: Frames, years: list[int], store: Store, th: Thresholds) -> pd.DataFrame:
    """One row per (year, a, b) with every feature the rules read."""
    cov = coded_to(store)
    closed = pd.concat([rivalries.settled(frames.rivalries, cov.get("tss_rivalries", 0)),
                        wars.allied_after(frames.ucdp, th.coalition),
                        frames.deposed[["a", "b", "settled"]]], ignore_index=True)  # fmt: skip
    parts = [
        rivalries.features(frames.rivalries, years, cov.get("tss_rivalries", 0), th.carry_tss),
        disputes.features(
            frames.disputes,
            years,
            cov.get("gml_mid", 0),
            th.mid_window,
            th.force,
            th.mutual,
            th.recurrent,
            closed,
        ),
        wars.features(frames.cow, frames.ucdp, years, th.war_window, closed, th.coalition),
        alliances.features(
            frames.alliances, years, cov.get("atop", 0), th.carry_atop, th.small_bloc
        ),
        ties.arms_features(frames.arms, th.arms_share, th.arms_tiv),
        ties.tie_features(frames.trade, frames.crude, th.trade_share, th.crude_share),
    ]
    return merge([p for p in parts if not p.empty and p is not None])


def classify(frames: Frames, years: list[int], store: Store, th: Thresholds) -> pd.DataFrame:
    """Features and the deciding rule per (year, a, b)."""
    return apply_rules(features(frames, years, store, th))


# ------------------------------------------------------------------ one dyad as a Relationship
def _in_window(e: Evidence, year: int, window: int) -> bool:
    end = year if e.end is None else e.end
    return e.start <= year and end > year - window


def settled_in(ev: list[Evidence], year: int, cov: dict[str, int]) -> tuple[int | None, str]:
    """The last year whose hostility no longer counts in `year`, and why: the end of a TSS rivalry
    terminated before `year` (rivalries.settled), or the year before the two last fought on the same
    side (wars.allied_after). (None, '') when neither."""
    done = [e for e in ev if e.kind == "rivalry" and e.source == "tss_rivalries" and e.end is not None
            and e.end < min(year, cov.get("tss_rivalries", year))]  # fmt: skip
    ended = max(done, key=lambda e: e.end or 0, default=None)
    together = [
        (y, e) for e in ev if e.kind == "cobelligerent" for y in e.data["tie_years"] if y <= year
    ]
    last = max(together, key=lambda t: t[0], default=None)
    why: list[tuple[int, str]] = []
    if ended is not None and ended.end is not None:
        why.append((ended.end, f"Their strategic rivalry '{ended.data['name']}' ended in {ended.end} "
                    "(Thompson–Sakuwa–Suhas): the fighting and disputes up to then are not counted after it."))  # fmt: skip
    changed = max((e for e in ev if e.kind == "regime_change" and e.data["settled"] < year),
                  key=lambda e: e.data["settled"], default=None)  # fmt: skip
    if changed is not None:
        why.append((changed.data["settled"], f"{changed.text[0].upper()}{changed.text[1:]}: the fighting "
                    "and disputes up to then were with the deposed government and are not counted after it."))  # fmt: skip
    if last is not None:  # name the first year together since their last hostility
        hostile = [y for e in ev if e.kind in ("war", "conflict", "dispute") and e.data.get("relation", "fought") == "fought"
                   for y in (e.data.get("years") or [e.end or e.start]) if y < last[0]]  # fmt: skip
        y, e = min(
            ((y, e) for y, e in together if y > max(hostile, default=-9999)), key=lambda t: t[0]
        )
        why.append((last[0] - 1, f"They were on the same side of UCDP/PRIO conflict {e.data['conflict_id']} "
                    f"from {y} on: the fighting and disputes before it are not counted."))  # fmt: skip
    return max(why, key=lambda t: t[0]) if why else (None, "")


def _deciders(
    year: int, th: Thresholds, cov: dict[str, int], settled: int | None = None
) -> dict[str, Callable[[Evidence], bool]]:
    """Per feature: which evidence rows make it true (mirrors the families' `features`; fighting and
    disputes up to `settled` — a terminated rivalry's end, the year before a co-belligerent tie — do
    not count)."""
    atop_year = min(year, cov.get("atop", year))
    tss_year = min(year, cov.get("tss_rivalries", year))
    gml_last = cov.get("gml_mid", 0)
    after = -9999 if settled is None else settled

    def fought(e: Evidence, now: bool) -> bool:
        if e.kind == "war":
            ys = e.data["years"]
        elif e.kind == "conflict" and e.data["relation"] == "fought":
            ys = e.data["war_years"] if now else e.data["years"]
        else:
            return False
        ys = [y for y in ys if y > after]
        return year in ys if now else any(year - th.war_window < y <= year for y in ys)

    def in_force(e: Evidence, y: int) -> bool:
        return e.start <= y and (e.end is None or e.end >= y)

    def canonical(e: Evidence) -> bool:
        return (e.source == "gml_mid") == (e.start <= gml_last)

    return {
        "war_now": lambda e: fought(e, True),
        "armed_recent": lambda e: fought(e, False),
        "rivalry": lambda e: e.kind == "rivalry" and e.source == "tss_rivalries" and in_force(e, tss_year),
        "defence": lambda e: e.kind == "alliance" and e.data["type"] in alliances.DEFENCE and in_force(e, atop_year),
        "pact_small": lambda e: e.kind == "alliance" and e.data["bloc"] <= th.small_bloc and in_force(e, atop_year),
        "arms_tie": lambda e: e.kind == "arms" and e.end == year and e.strength >= th.arms_share
        and e.data["tiv"] >= th.arms_tiv,
        "trade_tie": lambda e: e.kind == "trade" and e.strength >= th.trade_share,
        "crude_tie": lambda e: e.kind == "crude" and e.strength >= th.crude_share,
        "cobelligerent": lambda e: e.kind == "cobelligerent" and any(year - th.war_window < y <= year for y in e.data["tie_years"]),
        "force": lambda e: e.kind == "dispute" and canonical(e) and _in_window(e, year, th.mid_window)
        and (e.end or e.start) > after
        and (max(e.data["hostility"].values()) >= th.force or min(e.data["hostility"].values()) >= th.mutual),
    }  # fmt: skip


USES = {
    "at_war": ("war_now",),
    "armed_rivals": ("armed_recent", "rivalry"),
    "armed_conflict": ("armed_recent",),
    "mixed_rivalry": ("rivalry", "defence", "pact_small", "arms_tie"),
    "rivalry": ("rivalry",),
    "mixed_dispute": ("force", "defence", "pact_small", "arms_tie"),
    "hostile_dispute": ("force",),
    "allies": ("defence",),
    "aligned": ("pact_small", "cobelligerent"),
    "partners": ("arms_tie", "trade_tie", "crude_tie"),
    "none": (),
}
"""The features each rule reads, hence the evidence rows that decided it."""


def label(rel: Relationship) -> str:
    """How the type reads in a sentence: a mixed reading names what binds the two (Morocco–Algeria are
    rivals within a multilateral defence treaty, not 'allied'; Canada–Russia hold a neutrality pact)."""
    if rel.rule not in ("mixed_rivalry", "mixed_dispute"):
        return rel.type
    ties: list[str] = []
    rank = {"defense": 0, "offense": 0}  # defence pacts first, then arms, then the other pacts
    for e in sorted(
        rel.deciding, key=lambda e: rank.get(e.data.get("type"), 1 if e.kind == "arms" else 2)
    ):
        if e.kind == "alliance":
            kind = alliances.TYPES[e.data["type"]]
            if e.data["size"] == "multilateral":
                phrase = f"both parties to a multilateral {kind} treaty"
            else:
                size = "bilateral" if e.data["size"] == "bilateral" else "small-bloc"
                phrase = (f"allied by a {size} {kind} pact" if e.data["type"] in alliances.DEFENCE
                          else f"bound by a {size} {kind} pact")  # fmt: skip
        elif e.kind == "arms":
            phrase = "arms partners"
        else:
            continue
        if phrase not in ties:
            ties.append(phrase)
    tied = " and ".join(ties[:2]) or "allied or arms partners"
    if rel.rule == "mixed_rivalry":
        return f"rivals, yet {tied} (mixed)"
    return f"{tied}, yet in recent militarised disputes (mixed)"


def evidence_of(
    frames: Frames, a: str, b: str, year: int, store: Store, th: Thresholds
) -> list[Evidence]:
    """Every evidence row of one dyad known by `year`."""
    cov = coded_to(store)
    f = frames.records(a, b)
    nm = names({a, b})
    out: list[Evidence] = []
    out += rivalries.evidence(f["rivalries"], year, {k: cov.get(k, 0) for k in rivalries.SOURCES})
    out += wars.cow_evidence(f["cow"], nm) + wars.ucdp_evidence(f["ucdp"], nm, th.coalition)
    out += disputes.evidence(f["disputes"], nm, th.force, th.mutual)
    out += alliances.evidence(f["alliances"], year, cov.get("atop", year), th.small_bloc, name)
    out += ties.arms_evidence(f["arms"], year, th.arms_window, nm, th.arms_share)
    out += ties.tie_evidence(f["trade"], f["crude"], year, nm)
    out += [e for e in deposed.evidence(f["deposed"], nm) if e.end is not None and e.end <= year]
    return out


def relationship_of(row: pd.Series, frames: Frames, store: Store, th: Thresholds,
                    first: str | None = None) -> Relationship:  # fmt: skip
    """The Relationship of one classified (year, a, b) row with its evidence and deciding rows; its
    sentence names `first` first."""
    a, b, year = row["a"], row["b"], int(row["year"])
    ev = evidence_of(frames, a, b, year, store, th)
    cov = coded_to(store)
    settled, why_settled = settled_in(ev, year, cov)
    test = _deciders(year, th, cov, settled)
    uses = [test[u] for u in USES[row["rule"]] if row_has(row, u)]
    deciding = [e for e in ev if any(t(e) for t in uses)]
    hostile = tuple(s for s, k in ((a, "material_a"), (b, "material_b")) if bool(row.get(k, False)))
    rule = RULE[row["rule"]]
    spells = [Spell(e.kind, e.start, e.end, e.source, e.text) for e in ev
              if e.kind in {"rivalry", "war", "conflict", "cobelligerent", "alliance"}]  # fmt: skip
    rel = Relationship(
        a, b, year, rule.type, rule.sign, rule.name, rule.text, hostile, ev, deciding, spells
    )
    rel.notes = coverage_notes(year, cov, th)
    below = (  # disputes that made no adversary: said only when nothing else did either
        [e for e in ev if test["force"](e)]
        if rel.sign >= 0 and not bool(row.get("dispute_material", False))
        else []
    )
    if rule.name == "partners":  # a pact or fighting side by side that the material tie outranks
        aligned = [test[u] for u in USES["aligned"] if row_has(row, u)]
        rel.also = [e for e in ev if any(t(e) for t in aligned)]
    rel.text = sentence(rel, first, cov.get("cow_mid"))
    if absent := not_in_system(a, b, year, first):  # no relationship to read, whatever the evidence
        rel = replace(rel, type="none", sign=0, rule=NOT_IN_SYSTEM[0], rule_text=NOT_IN_SYSTEM[1],
                      hostile_sides=(), deciding=[], also=[], text=absent, notes=[absent, *rel.notes])  # fmt: skip
        return rel
    if below:  # say what the evidence is, and why it does not make them adversaries
        rel.text += (
            f" Below the bar for hostility: {disputes_in_brief(below)} — {_isolated(below)}."
        )
    if rel.type == "none" and (proxy := _proxies(ev, year, th)):
        rel.text += f" They backed opposite sides of {proxy}, which the model does not count as hostility between them."
    if rel.type == "none" and (crowd := _missions(ev, year, th)):
        rel.text += (f" They were on the same side of {crowd}, among more than {th.coalition} supporters "
                     "(a multinational mission or coalition), which the model does not count as a tie.")  # fmt: skip
    if rel.type in ("partners", "none") and (together := _co_supporters(ev, year, th)):
        rel.text += (f" Both backed the same side of {together}, as supporters, which the model does not "
                     "count as an alignment.")  # fmt: skip
    if settled is not None and any(_closed(e, settled, year, th) for e in ev):
        rel.text += " " + why_settled
        rel.notes.append(why_settled)
    return rel


def _closed(e: Evidence, settled: int, year: int, th: Thresholds) -> bool:
    """Whether a fight or dispute that would count in `year` is closed by the settlement year."""
    if e.kind in ("war", "conflict") and e.data.get("relation", "fought") == "fought":
        return any(year - th.war_window < y <= settled for y in e.data["years"])
    if e.kind == "dispute":
        return _in_window(e, year, th.mid_window) and (e.end or e.start) <= settled
    return False


def not_in_system(a: str, b: str, year: int, first: str | None = None, hindsight: bool = True) -> str:
    """'Tuvalu was not in the COW state system in 1994 (it entered in 2000)': the sentence for a pair one of
    which was outside the state system in `year` — not 'no tie', which would read as a finding, and not 'not
    a state' (COW admits Tuvalu, independent in 1978, with its UN membership). Without `hindsight` (read as of
    a date) nothing later than `year` is said: no entry year, no predecessor's end."""
    from realpolitik.asof import exists, lifespan, predecessor
    from realpolitik.countries import from_id

    out = []
    for cid in (b, a) if first == b else (a, b):
        if exists(cid, year):
            continue
        try:
            c = from_id(cid)
        except LookupError:
            continue
        start, end = lifespan(c, year)
        if start > year:
            pred = predecessor(c, year) if hindsight else None
            before = f"; before it, {the(pred[0].name)}, to {pred[1]}" if pred else ""
            when = f" (it entered in {start}{before})" if hindsight else ""
            out.append(f"{The(name(cid))} was not in the COW state system in {year}{when}")
        else:
            out.append(f"{The(name(cid))} was no longer in the COW state system in {year} (in it {start}–{end})")
    return ("; ".join(out) + ": there is no relationship to read.") if out else ""


def _incidents(ev: list[Evidence]) -> str:
    """'a single bloodless incident', 'isolated incidents (fatalities not known)': never bloodless for
    what MID codes as of unknown fatality (-9: Sudan–South Sudan 2011–12)."""
    one = len(ev) == 1
    if all(e.data.get("fatal") == 0 for e in ev):
        return "a single bloodless incident" if one else "isolated bloodless incidents"
    return ("a single incident" if one else "isolated incidents") + " (fatalities not known)"


def _isolated(ev: list[Evidence]) -> str:
    """Why disputes below the bar make no adversary."""
    return f"{_incidents(ev)} make{'s' if len(ev) == 1 else ''} no adversary"


def _missions(ev: list[Evidence], year: int, th: Thresholds) -> str:
    """'UCDP/PRIO conflict 11347 in 2013–2020': same-side conflicts in the war window whose side was too
    crowded for a tie (Mali and France with MINUSMA's contributors)."""
    out = []
    for e in ev:
        if e.kind == "cobelligerent":
            ys = [y for y in e.data["years"] if year - th.war_window < y <= year]
            if ys and not any(y in e.data["tie_years"] for y in ys):
                out.append(f"UCDP/PRIO conflict {e.data['conflict_id']} in {wars._years(ys)}")
    return ", ".join(out)


def _co_supporters(ev: list[Evidence], year: int, th: Thresholds) -> str:
    """'UCDP/PRIO conflict 299 in 2015–2024 (war intensity)': conflicts in the war window in which both
    backed the same side, as supporters, on a side not crowded into a mission (Iran and Russia in Syria)."""
    return _conflicts_in_window("support", "co-supporters", "tie_years", ev, year, th)


def _proxies(ev: list[Evidence], year: int, th: Thresholds) -> str:
    """'UCDP/PRIO conflict 388 in 2020 (war intensity)': conflicts in the war window in which the two
    only backed opposite sides (a proxy conflict: evidence, not a deciding feature)."""
    return _conflicts_in_window("conflict", "proxy", "years", ev, year, th)


def _conflicts_in_window(kind: str, relation: str, key: str, ev: list[Evidence], year: int, th: Thresholds) -> str:
    """The UCDP/PRIO conflicts of one kind and relation with years (`key`) in the war window, listed."""
    out = []
    for e in ev:
        if e.kind == kind and e.data["relation"] == relation:
            ys = [y for y in e.data[key] if year - th.war_window < y <= year]
            war = [y for y in e.data["war_years"] if y in ys]
            if ys:
                out.append(f"UCDP/PRIO conflict {e.data['conflict_id']} in {wars._years(ys)}"
                           + (" (war intensity)" if war else ""))  # fmt: skip
    return ", ".join(out)


def row_has(row: pd.Series, feature: str) -> bool:
    """Whether a classified row has the feature a rule may read (force = either side used force)."""
    if feature == "force":
        return int(row["force_a"]) + int(row["force_b"]) > 0
    return bool(row[feature])


MISSING = {"atop": "ATOP alliances (atop_blocs)", "tss_rivalries": "TSS rivalries", "cow_mid": "COW MIDs",
           "gml_mid": "GML MIDs", "ucdp_acd": "UCDP/PRIO conflicts", "sipri": "SIPRI arms transfers"}  # fmt: skip


def coverage_notes(year: int, cov: dict[str, int], th: Thresholds | None = None) -> list[str]:
    """Say which evidence is not in the snapshot, which ends before the reference year, and which is
    too old to stand in for it (ATOP's 2018 carried at most `carry_atop` years: not 'no alliance')."""
    th = th or Thresholds()
    gone = [label for k, label in MISSING.items() if k not in cov]
    out = [f"Not in this snapshot, so not assessed: {', '.join(gone)}."] if gone else []
    mids = [
        f"{lab} in {cov[k]}"
        for k, lab in (("cow_mid", "COW MIDs"), ("gml_mid", "GML MIDs"))
        if k in cov
    ]
    if mids and year > min(cov.get("cow_mid", 9999), cov.get("gml_mid", 9999)):
        out.append(
            f"Dispute data end earlier ({', '.join(mids)}): later disputes are not in the data."
        )
    for k, label in (
        ("atop", "ATOP alliances"),
        ("tss_rivalries", "TSS rivalries"),
        ("cow_war_inter", "COW wars"),
    ):
        carry = {"atop": th.carry_atop, "tss_rivalries": th.carry_tss}.get(k)
        if k in cov and carry is not None and year > cov[k] + carry:
            noun = "alliance" if k == "atop" else "rivalry"
            out.append(
                f"{label} end in {cov[k]} and stand in for at most {carry} later years: not "
                f"assessed in {year} (a missing {noun} there is unknown, not none)."
            )
        elif k in cov and year > cov[k]:
            out.append(f"{label} end in {cov[k]}" + (
                "; their last year stands in for later years." if k != "cow_war_inter" else
                "; UCDP/PRIO conflicts (to 2024) cover later fighting."))  # fmt: skip
    return out


def sentence(rel: Relationship, first: str | None = None, mid_end: int | None = None,
             when: str | None = None) -> str:  # fmt: skip
    """The relationship in one sentence, with the evidence that decided it (`first` named first), dated
    `when` (an as-of date) or else the reference year."""
    a, b = (name(rel.b), name(rel.a)) if first == rel.b else (name(rel.a), name(rel.b))
    a, b = The(a), the(b)
    if rel.type == "none":
        large = sorted(
            {
                f"{alliances.TYPES[e.data['type']]} ({e.data['bloc']} states)"
                for e in rel.evidence
                if e.kind == "alliance" and (e.end is None or e.end >= rel.year)
            }
        )
        ctx = (f"; their multilateral ATOP obligations — {', '.join(large)} — are not counted as a tie"
               if large else "")  # fmt: skip
        return f"{a} and {b}: no alliance, hostility or material tie in the data as of {rel.year}{ctx}."
    lead = _lead([e for e in rel.deciding if e.kind != "dispute"])
    mids = [e for e in rel.deciding if e.kind == "dispute"]
    end = mid_end if mid_end is not None and rel.year > mid_end else None
    why = "; ".join(
        _collapse([e.text for e in lead]) + ([disputes_in_brief(mids, end)] if mids else [])
    )
    if rel.rule == "hostile_dispute":
        why += "; no rivalry or fighting between them is coded"
    one_sided = ""
    if rel.rule == "hostile_dispute" and len(rel.hostile_sides) == 1:
        other = rel.b if rel.hostile_sides[0] == rel.a else rel.a
        shown = [e for e in mids
                 if e.data["hostility"][other] >= 4 or min(e.data["hostility"].values()) >= 3]  # fmt: skip
        own = (f"its own hostility was {_incidents(shown[:1])}"
               if shown else "it showed no hostility of its own")  # fmt: skip
        one_sided = f" (for {the(name(rel.hostile_sides[0]))} only: {the(name(other))} — {own})"
    if rel.war_over:
        return f"{a} and {b} were at war in {rel.year}, and the fighting ended that year: {why}{also_aligned(rel)}."
    return f"{a} and {b} are {label(rel)} as of {when or rel.year}{one_sided}: {why}{also_aligned(rel)}."



def also_aligned(rel: Relationship) -> str:
    """'; also aligned: ATOP consultation and neutrality obligations 2001–2018 (bilateral)' for partners
    whose pact or common side in a conflict the material tie outranks in the rule table."""
    return f"; also aligned: {'; '.join(pacts([e.text for e in _lead(rel.also)]))}" if rel.also else ""


_PACT = re.compile(r"^ATOP (\S+(?: \S+)?) obligation (.*)$")


def pacts(texts: list[str]) -> list[str]:
    """ATOP obligations of the same years and bloc in one phrase: 'ATOP consultation, neutrality and
    non-aggression obligations 2001–2018 (bilateral)', not three clauses that differ in one word."""
    groups: dict[str, list[str]] = {}
    for t in texts:
        m = _PACT.match(t)
        groups.setdefault(m.group(2) if m else t, []).append(m.group(1) if m else "")
    return [rest if kinds == [""] else
            f"ATOP {kinds[0]} obligation {rest}" if len(kinds) == 1 else
            f"ATOP {', '.join(kinds[:-1])} and {kinds[-1]} obligations {rest}"
            for rest, kinds in groups.items()]  # fmt: skip


_CONFLICT_ID = re.compile(r"UCDP/PRIO conflict (\d+)")


def _collapse(texts: list[str]) -> list[str]:
    """UCDP conflicts that read alike but for their id in one phrase: 'UCDP/PRIO conflicts 13246, 13247
    and 13306 (…): …' (Ukraine–Russia 2014), not the same sentence three times."""
    groups: dict[str, list[str]] = {}
    for t in texts:
        groups.setdefault(_CONFLICT_ID.sub("UCDP/PRIO conflict #", t, count=1), []).append(t)
    out = []
    for shape, members in groups.items():
        ids = [m.group(1) for t in members if (m := _CONFLICT_ID.search(t))]
        if len(members) == 1 or len(ids) != len(members):
            out += members
        else:
            listed = ", ".join(ids[:-1]) + f" and {ids[-1]}"
            out.append(shape.replace("UCDP/PRIO conflict #", f"UCDP/PRIO conflicts {listed}", 1))
    return out


def _level(e: Evidence) -> str:
    """What a dispute's hostility was: war, use of force by whom, or a mutual display (or less)."""
    h = e.data["hostility"]
    top = max(h.values())
    fatal = e.data.get("fatal")
    dead = ", with fatalities" if (fatal or 0) >= 1 else ", fatalities not known" if fatal is None else ""
    if top >= 5:
        return "war" + dead
    if top >= 4:
        return (
            "use of force by " + " and ".join(the(name(s)) for s, v in h.items() if v >= 4) + dead
        )
    return ("mutual display of force" if min(h.values()) >= 3 else "display of force") + dead


def disputes_in_brief(ev: list[Evidence], data_end: int | None = None) -> str:
    """'2 militarised disputes in 2011–2014 (COW MID no. 4676, 2011–2012: mutual display of force; …)',
    latest first, and 'MIDs end in <data_end>' when given (the reference year is later)."""
    ev = sorted(ev, key=lambda e: (-(e.end or e.start), e.data["dispnum"]))
    lo, hi = min(e.start for e in ev), max(e.end or e.start for e in ev)
    span = str(lo) if lo == hi else f"{lo}–{hi}"
    each = "; ".join(
        f"{'COW' if e.source == 'cow_mid' else 'GML'} MID no. {e.data['dispnum']}, "
        f"{e.start if e.start == e.end else f'{e.start}–{e.end}'}: {_level(e)}"
        for e in ev[:3]
    ) + (f"; {len(ev) - 3} more" if len(ev) > 3 else "")
    n = len(ev)
    tail = f"; COW MIDs end in {data_end}" if data_end is not None else ""
    return f"{n} militarised dispute{'s' if n != 1 else ''} in {span} ({each}){tail}"


def basis(rel: Relationship) -> str:
    """The evidence behind a hostile reading in a few words, for 'an adversary of …' lines: 'strategic
    rivals since 1979 (TSS), fought as late as 2023', 'at war in 2023', '2 militarised disputes in
    2011–2014'."""
    kinds = {e.kind for e in rel.deciding}
    fights = [e for e in rel.deciding if e.kind in {"war", "conflict"}]
    last_fight = max((max(e.data.get("years") or [e.start]) for e in fights), default=None)
    rivalry = [e for e in rel.deciding if e.kind == "rivalry"]
    if rel.type == "at war":
        return f"at war in {rel.year}"
    parts = []
    if rivalry:
        parts.append(f"strategic rivals since {max(e.start for e in rivalry)} (TSS)")
    if last_fight is not None:
        parts.append(f"fought as late as {last_fight}")
    if "dispute" in kinds:
        mids = [e for e in rel.deciding if e.kind == "dispute"]
        dead = any((e.data.get("fatal") or 0) >= 1 for e in mids)
        parts.append(disputes_in_brief(mids).split(" (")[0] + (", with fatalities" if dead else ""))
    if rel.type == "mixed":
        parts.append("though allied or arms partners")
    return ", ".join(parts) or rel.type


KIND = {"arms": "arms", "trade": "trade", "crude": "crude-oil", "alliance": "an alliance"}


def headline(rel: Relationship, first: str | None = None) -> str:
    """The type in a short sentence naming the kinds of evidence (the brief's facts give the figures)."""
    a, b = (name(rel.b), name(rel.a)) if first == rel.b else (name(rel.a), name(rel.b))
    a, b = The(a), the(b)
    kinds = list(dict.fromkeys(KIND.get(e.kind, e.kind) for e in rel.deciding))
    if rel.type != "partners" or not kinds:
        return rel.text
    listed = kinds[0] if len(kinds) == 1 else f"{', '.join(kinds[:-1])} and {kinds[-1]}"
    return f"{a} and {b} are partners as of {rel.year}: substantial {listed} ties{also_aligned(rel)}."


def _lead(ev: list[Evidence], n: int = 3) -> list[Evidence]:
    """The most telling deciding rows: wars and conflicts, rivalries, then the rest; latest first."""
    order = {"war": 0, "conflict": 0, "rivalry": 1, "alliance": 2, "arms": 2, "dispute": 3}
    return sorted(ev, key=lambda e: (order.get(e.kind, 4), -(e.end or 9999), -e.strength))[:n]
