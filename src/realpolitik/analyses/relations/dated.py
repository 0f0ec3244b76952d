"""Fighting known by its day: a UCDP/PRIO episode that began after a reading's reference year but on or
before its as-of date (Iraq's invasion of Kuwait on 1990-08-02, read as of 1990-09-01).

The model reads annual data up to the last complete year, so a war begun since would be left out,
though a reader on the date knew of it. UCDP/PRIO dates each episode's start (a day fact for
`asof.usable`). Only what was known on that day is used: the conflict, its start, its primary parties
and supporters who held that role in the conflict's earlier years (Armenia, backing Nagorno-Karabakh
in conflict 388 since 1991, in the war of 27 September 2020). The year's intensity and supporters
who joined later (Türkiye, 2020) are not known yet, so such an episode counts as recent fighting
(`armed_recent`), never as war intensity (`war_now`).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pandas as pd

from realpolitik.analyses.relations import deposed
from realpolitik.analyses.relations.classify import RULE, apply_rules
from realpolitik.analyses.relations.model import Evidence, Relationship, Spell
from realpolitik.analyses.relations.reading import Frames, name, not_in_system, sentence
from realpolitik.analyses.relations.wars import UCDP_TYPE, day_of, long_date
from realpolitik.asof import usable
from realpolitik.store import Store

__all__ = ["as_known", "episodes", "with_fighting", "with_fighting_ended", "with_regime_change",
           "with_undated_support"]


def _episode_rows(a: str, b: str, year: int, as_of: date, store: Store) -> list[tuple]:
    """UCDP/PRIO episodes begun after `year` (by year) with a and b on opposite sides, one a primary party:
    (conflict, first day, episode day, end day, incompatibility, type, sides, roles, and whether each side's
    role was held in the conflict by `year` — a primary party's always counts)."""
    return store.rows(
        """
        WITH known AS (SELECT DISTINCT conflict_id, id, side FROM ucdp_acd_sides WHERE year <= $year AND id IN ($a, $b))
        SELECT s1.conflict_id::INTEGER, min(s1.start_date), min(s1.start_date2), max(s1.ep_end_date),
               any_value(s1.incompatibility),
               any_value(s1.type_of_conflict), any_value(s1.side), any_value(s2.side),
               min(s1.role), min(s2.role),
               bool_or(s1.role = 'primary' OR k1.id IS NOT NULL), bool_or(s2.role = 'primary' OR k2.id IS NOT NULL)
        FROM ucdp_acd_sides s1 JOIN ucdp_acd_sides s2
             ON s2.conflict_id = s1.conflict_id AND s2.year = s1.year AND s2.side <> s1.side
             LEFT JOIN known k1 ON k1.conflict_id = s1.conflict_id AND k1.id = s1.id AND k1.side = s1.side
             LEFT JOIN known k2 ON k2.conflict_id = s2.conflict_id AND k2.id = s2.id AND k2.side = s2.side
        WHERE s1.id = $a AND s2.id = $b AND s1.year > $year AND s1.year <= $asof
              AND (s1.role = 'primary' OR s2.role = 'primary')
        GROUP BY s1.conflict_id, s1.start_date2
        ORDER BY 3, 1
        """,
        {"a": a, "b": b, "year": year, "asof": as_of.year},
    ).data


def _began(first: object, episode: object, year: int, as_of: date) -> tuple[date, str] | None:
    """The day an episode began and what dates it, if after `year` and known on `as_of`: a conflict begun
    in the gap dates from its first battle death (start_date: the Falklands from 1982-04-02), a later episode
    of an older conflict from reaching 25 deaths (start_date2)."""
    first, episode = day_of(first), day_of(episode)
    began = first if first is not None and first.year > year else episode
    if began is None or began.year <= year or not usable(began, as_of):
        return None  # begun within the annual data already read, or after the date
    return began, "its first battle death" if began == first else "the episode's start date"


def episodes(a: str, b: str, year: int, as_of: date | None, store: Store) -> list[Evidence]:
    """UCDP/PRIO episodes in which a and b were on opposite sides, one a primary party and the other
    a primary party or a supporter that backed the same side by `year`, that began after `year` (the
    reading's reference year) and on or before `as_of`, oldest first."""
    if as_of is None or as_of.year <= year or not store.has_table("ucdp_acd_sides"):
        return []
    out = []
    for (cid, first, episode, ended, incompatibility, kind, side_a, side_b, role_a, role_b,
         known_a, known_b) in _episode_rows(a, b, year, as_of, store):  # fmt: skip
        if not (known_a and known_b) or (day := _began(first, episode, year, as_of)) is None:
            continue
        began, what = day
        ended = day_of(ended)
        ended = ended if ended is not None and usable(ended, as_of) else None
        span = f"from {long_date(began)} to {long_date(ended)}" if ended else f"since {long_date(began)}"
        if role_a == role_b == "primary":
            parties = f"{name(a)} (side {side_a}) and {name(b)} (side {side_b}), both primary parties"
        else:
            parties = " and ".join(
                f"{name(x)} (side {side}, a primary party)" if role == "primary" else
                f"{name(x)} (a supporter of side {side}, as in the conflict's earlier years)"
                for x, side, role in ((a, side_a, role_a), (b, side_b, role_b))
            )  # fmt: skip
        text = (
            f"UCDP/PRIO conflict {cid} ({incompatibility}, {UCDP_TYPE.get(kind, kind)}): {parties}, "
            f"fighting {span} ({what}; its intensity in {began.year} is not known as of {as_of.isoformat()})"
        )
        data = {"conflict_id": cid, "relation": "fought", "years": [began.year], "war_years": [],
                "began": began.isoformat(), "ended": ended.isoformat() if ended else None}  # fmt: skip
        out.append(Evidence("conflict", None, began.year, ended.year if ended else None, 1.0,
                            "ucdp_acd", text, data))  # fmt: skip
    return out


def with_undated_support(rel: Relationship, as_of: date, store: Store) -> Relationship:
    """`rel` with the episodes begun after its reference year and known on `as_of` in which one of the pair
    is coded as a new supporter against the other (Russia, backing South Ossetia against Georgia from
    2008, read as of 2008-09-01): stated, not counted — UCDP/PRIO codes supporters by year, so the data do
    not say whether the support had begun by the date."""
    if as_of.year <= rel.year or not store.has_table("ucdp_acd_sides"):
        return rel
    said = []
    for (cid, first, episode, *_, side_a, side_b, _, _,
         known_a, known_b) in _episode_rows(rel.a, rel.b, rel.year, as_of, store):  # fmt: skip
        if known_a and known_b or (day := _began(first, episode, rel.year, as_of)) is None:
            continue
        (x, side, prim, pside) = (rel.a, side_a, rel.b, side_b) if not known_a else (rel.b, side_b, rel.a, side_a)
        said.append(f"UCDP/PRIO conflict {cid}'s episode began on {long_date(day[0])} with {name(prim)} a "
                    f"primary party on side {pside}, and {name(x)} is coded as a supporter of side {side} in "
                    f"{day[0].year} (the data do not date when its support began, so it is not counted as of "
                    f"{as_of.isoformat()})")  # fmt: skip
    if not said:
        return rel
    new = replace(rel, notes=list(rel.notes))
    new.text = since_then(rel.text, said)
    return new


def with_fighting(rel: Relationship, row: pd.Series, fights: list[Evidence], as_of: date,
                  first: str | None = None) -> Relationship:  # fmt: skip
    """`rel` (the reading of the reference year, from classified `row`) with the dated episodes of
    `fights` counted as recent fighting: the rules are applied again, so rivals who fought read
    'rivals', others 'hostile', and a pact does not soften it; the sentence is dated `as_of`."""
    if not fights:
        return rel
    features = pd.DataFrame([row.drop(["rule", "type", "sign"], errors="ignore")])
    features["armed_recent"] = True
    rule = RULE[apply_rules(features)["rule"].iloc[0]]
    keep = {"rivalry", "war", "conflict"}  # what still decides beside the new fighting
    deciding = [*fights, *(e for e in rel.deciding if e.kind in keep)]
    before = f"{rel.year} alone reads {rel.type} ({rel.rule})"
    new = replace(rel, type=rule.type, sign=rule.sign, rule=rule.name, rule_text=rule.text,
                  evidence=[*fights, *rel.evidence], deciding=deciding, notes=list(rel.notes),
                  spells=[*(Spell(e.kind, e.start, e.end, e.source, e.text) for e in fights), *rel.spells])  # fmt: skip
    new.text = sentence(new, first, when=as_of.isoformat())
    new.notes.append(
        f"Read as of {as_of.isoformat()}: fighting that began after {rel.year}, the last complete year "
        f"of the annual data, is counted from its UCDP/PRIO start date ({before})."
    )
    return new


def as_known(rel: Relationship, row: pd.Series, frames: Frames, as_of: date, store: Store,
             first: str | None = None) -> Relationship:  # fmt: skip
    """The reading of the reference year with what a reader on `as_of` also knew: fighting begun
    since (`with_fighting`) and a regime change since (`with_regime_change`)."""
    if rel.unread:  # no relationship to read: and nothing said that came later
        text = not_in_system(rel.a, rel.b, rel.year, first, hindsight=False)
        return replace(rel, text=text, notes=[text, *rel.notes[1:]])
    rel = with_fighting(rel, row, episodes(rel.a, rel.b, rel.year, as_of, store), as_of, first)
    rel = with_undated_support(with_fighting_ended(rel, as_of, store), as_of, store)
    return _undated_gap(with_regime_change(rel, frames, as_of), as_of, store)


def with_fighting_ended(rel: Relationship, as_of: date, store: Store) -> Relationship:
    """`rel` with the end of the fighting that decided it stated when UCDP/PRIO dates that end after the
    reference year and on or before `as_of` (Iraq–Kuwait, at war in 1990, read as of 1991-06-01: the episode
    ended on 1 March 1991). The type stays the reference year's; a reader on the day knew the war was over."""
    fought = sorted({e.data["conflict_id"] for e in rel.deciding
                     if e.source == "ucdp_acd" and e.data.get("relation") == "fought" and rel.year in e.data["years"]
                     and e.data.get("ended") != rel.year})  # fmt: skip
    if not fought or as_of.year <= rel.year or not store.has_table("ucdp_acd_sides"):
        return rel
    rows = store.rows(
        "SELECT conflict_id::INTEGER, min(ep_end_date) FROM ucdp_acd_sides WHERE list_contains($c, conflict_id) "
        "AND year > $year AND ep_end = 1 AND ep_end_date <= $asof GROUP BY 1 ORDER BY 1",
        {"c": fought, "year": rel.year, "asof": as_of},
    ).data
    ended = [(cid, d) for cid, day in rows if (d := day_of(day)) is not None]
    if not ended:
        return rel
    said = "; ".join(f"UCDP/PRIO conflict {cid}'s episode ended on {long_date(day)}" for cid, day in ended)
    new = replace(rel, notes=list(rel.notes))
    new.text = since_then(rel.text, [said])
    new.notes.append(f"Read as of {as_of.isoformat()}: the end of the fighting after {rel.year}, the last "
                     "complete year of the annual data, is stated from UCDP/PRIO's episode end date.")  # fmt: skip
    return new


def _undated_gap(rel: Relationship, as_of: date, store: Store) -> Relationship:
    """`rel` with a note when fighting begun between its reference year and `as_of` cannot be seen: COW's wars
    are annual and UCDP/PRIO's dated episodes begin in 1946 (Germany–Poland as of 1939-10-01)."""
    first = store.coverage("ucdp_acd_sides")[0] if store.has_table("ucdp_acd_sides") else None
    if as_of.year > rel.year and (first is None or as_of.year < first):
        dated = f"UCDP/PRIO's dated episodes begin in {first}" if first else "no dated episodes are in the data"
        note = (f"Read as of {as_of.isoformat()}: the annual data end in {rel.year}, and fighting begun since "
                f"then is not seen — COW's wars are annual and {dated}.")  # fmt: skip
        return replace(rel, notes=[*rel.notes, note])
    return rel


def since_then(text: str, said: list[str]) -> str:
    """`text` with what happened after the reference year in one closing 'Since then: …; ….' clause."""
    if " Since then: " in text and text.endswith("."):
        return f"{text[:-1]}; {'; '.join(said)}."
    return f"{text} Since then: {'; '.join(said)}."


def with_regime_change(rel: Relationship, frames: Frames, as_of: date) -> Relationship:
    """`rel` with a regime change of the pair dated after its reference year and known on `as_of`
    stated (Pol Pot removed by Viet Nam on 7 January 1979, read as of 1979-06-01): the type stays the
    reference year's (the closure acts on later years), but a reader on the day knew of it."""
    recs = [r for r in frames.records(rel.a, rel.b)["deposed"]
            if r["exit_date"].year > rel.year and usable(r["exit_date"], as_of)]  # fmt: skip
    if not recs:
        return rel
    changes = deposed.evidence(recs, {c: name(c) for c in (rel.a, rel.b)})
    new = replace(rel, evidence=[*rel.evidence, *changes], notes=list(rel.notes))
    new.text = since_then(rel.text, [e.text for e in changes])
    new.notes.append(f"Read as of {as_of.isoformat()}: a regime change after {rel.year}, the last "
                     "complete year of the annual data, is stated from its Archigos exit date.")  # fmt: skip
    return new
