"""Which period each value is about: its own apposition, its clause, an anaphor, the paragraph."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from realpolitik.analyses.claims import lexicon as L
from realpolitik.analyses.claims import numbers as N
from realpolitik.analyses.claims.frames.base import Context, Frame, View
from realpolitik.analyses.claims.frames.spans import _is_baseline, appositions


def assign_periods(
    v: View, frames: list[Frame], ctx: Context, earlier: list[Frame] | None = None
) -> None:
    """Each share/rank frame's period: a period in its own apposition ('China, the top importer in
    2006-7, …'), else one in its clause outside appositions (nearest after, then before), else in the
    sentence; 'during that period' → the last period named; else the paragraph's last claim period
    (not for present-tense sentences); else None (the verifier's default window). A period just
    after an `earlier` value ("…, compared with 2.3 % in 2014–18") is that value's, never a main one."""
    has_change = bool(v.changes)
    theirs = {id(p) for p in v.periods for f in earlier or () if _dates_value(v, p, f)}
    mains = [
        p
        for p in v.periods
        if p.kind != "anaphor" and not _is_baseline(v, p, has_change) and id(p) not in theirs
    ]
    anaphors = [p for p in v.periods if p.kind == "anaphor"]
    apps = appositions(v)
    for f in frames:
        if f.kind not in {"share", "rank"} or f.period is not None:
            continue
        a, b = v.clause(f.span[0])
        own_app = next(((x, y) for x, y in apps if x <= f.span[0] < y), None)
        chosen = None
        scope = "clause"
        if own_app is not None:
            inside = [p for p in mains if own_app[0] <= p.span[0] < own_app[1]]
            if inside:
                chosen, scope = inside[0], "apposition"
        if chosen is None:
            free = [p for p in mains if not any(x <= p.span[0] < y for x, y in apps)]
            local = [p for p in free if a <= p.span[0] < b]
            after = [p for p in local if p.span[0] >= f.span[1]]
            before = [p for p in local if p.span[1] <= f.span[0]]
            if after:
                chosen = min(after, key=lambda p: p.span[0])
            elif before:
                chosen = before[-1]
            elif free and not _own_time(v, a, b):
                chosen = free[0]
        if chosen is not None:
            f.period = {
                "start": chosen.start,
                "end": chosen.end,
                "text": chosen.text,
                "kind": chosen.kind,
                "source": "explicit",
                "scope": scope,
            }
        elif any(a <= p.span[0] < b for p in anaphors) and ctx.last_period is not None:
            f.period = {**ctx.last_period, "source": "anaphor"}
        elif (
            ctx.paragraph_period(f.metric) is not None
            and not L.PRESENT_RE.search(v.s(a, b))
            and not _present_claim(v, f, a, b)
            and not (
                ctx.paragraph_period(f.metric)["start"] == ctx.paragraph_period(f.metric)["end"]
                and _WINDOW_WORDS.search(v.s(v.start, v.end))
            )
        ):
            f.period = {**ctx.paragraph_period(f.metric), "source": "paragraph"}


def _dates_value(v: View, p: Any, f: Frame) -> bool:
    """Whether period p follows value frame f closely in its clause ("2.3 % in 2014–18")."""
    a, b = v.clause(f.span[0])
    return f.span[1] <= p.span[0] < b and p.span[0] - f.span[1] < 30


# a clause that sets its own time against the rest of the sentence: "…, but France is now second",
# "…, while today India is the largest": no period is borrowed from the other clause
_CONTRAST = re.compile(r"\b(?:but|while|whereas|yet|however)\s*,?\s*$", re.I)


def _own_time(v: View, a: int, b: int) -> bool:
    """Whether a clause without a period of its own is in the present or opposed to the clause
    before it (then the article's frame, not the other clause's period, is its time)."""
    if L.PRESENT_RE.search(v.s(a, b)):
        return True
    # a contrasted clause in the past ("…, while Saudi Arabia was second") is about the sentence's
    # period; one in the present ("…, but France is the second-largest") about the article's
    return (
        a > v.start
        and bool(
            re.match(r"\s*(?:but|while|whereas|yet|however)\b", v.s(a, b), re.I)
            or _CONTRAST.search(v.s(max(v.start, a - 12), a))
        )
        and not _PAST.search(v.s(a, b))
    )


_PAST = re.compile(r"\b(?:was|were|had|came|ranked|took|accounted|received|supplied)\b", re.I)

# the claim's own verb in the present: "India is the largest importer", "France and Italy are
# among the top five" — a statement about now, not about a window named in another sentence
_PRESENT_COPULA = re.compile(
    r"\s+(?:is|are)\s+(?:(?:still|now|also|currently|again|by\s+far)\s+)?(?:the|a|an|one|among|in|ranked|placed)\b",
    re.I,
)


def _present_claim(v: View, f: Frame, a: int, b: int) -> bool:
    """Whether the state a frame is about is the subject of a present copula in its clause."""
    return any(
        m.id == f.theme and a <= m.start < b and _PRESENT_COPULA.match(v.text, m.end, b)
        for m in v.states
    )


# "the five-year period", "the preceding five years": the report's window, not a year set earlier
_WINDOW_WORDS = re.compile(
    r"\bfive[- ]year\s+(?:period|window|span)s?\b|\b(?:past|last|preceding|previous)\s+five\s+years\b",
    re.I,
)


def _set_any_period(v: View, ctx: Context, had_frames: bool) -> None:
    """A multi-year period stated in a sentence frames the rest of its paragraph, whatever its metric."""
    apps = appositions(v)
    mains = [
        p
        for p in v.periods
        if p.kind not in {"anaphor", "since", "year", "lastyear", "thisyear", "datayear"}
        and p.end > p.start
        and not _is_baseline(v, p, bool(v.changes))
        and not any(x <= p.span[0] < y for x, y in apps)
    ]
    if mains:
        ctx.para_periods["*"] = {
            "start": mains[-1].start,
            "end": mains[-1].end,
            "text": mains[-1].text,
        }


_FROM_BEFORE = re.compile(
    r"\bfrom\s+(?:about\s+|around\s+|roughly\s+|some\s+|nearly\s+|almost\s+)?$", re.I
)
_TO_BETWEEN = re.compile(
    r"\s*(?:per\s?cent|percent|%)?\s*to\s+(?:about\s+|around\s+|roughly\s+|some\s+|nearly\s+|almost\s+)?",
    re.I,
)


def transition_periods(v: View, frames: list[Frame], ctx: Context) -> None:
    """'its share went from 72 to 56 per cent' after 'in 2010–14 and 2015–19' (in this sentence or
    earlier in the paragraph): the first value is about the first period, the second about the
    second — not both about the latest."""
    pair = _period_pair(v)
    if pair is not None:
        ctx.pair, ctx.pair_para = pair, v.paragraph
    has_pair = ctx.pair is not None and ctx.pair_para == v.paragraph
    shares = sorted((f for f in frames if f.kind == "share"), key=lambda f: f.span)
    for f1, f2 in zip(shares, shares[1:], strict=False):
        same = f1.theme == f2.theme and f1.owner == f2.owner
        if (
            same
            and _FROM_BEFORE.search(v.s(max(v.start, f1.span[0] - 24), f1.span[0]))
            and _TO_AFTER_PERIOD.fullmatch(v.s(f1.span[1], f2.span[0]))
            and f1.period
            and f2.period
            and (f1.period["start"], f1.period["end"]) == (f2.period["start"], f2.period["end"])
        ):
            f2.period = _shifted(f2.period, 1)  # "from 58 % in 2014–18 to 36 %": the next window
            continue
        if (
            same
            and _FROM_BEFORE.search(v.s(max(v.start, f1.span[0] - 24), f1.span[0]))
            and _TO_BETWEEN.fullmatch(v.s(f1.span[1], f2.span[0]))
        ):
            if not has_pair:
                if f1.period is None and f2.period is None and f1.metric == "arms":
                    f1.period = _previous_window(ctx)  # "rose from 34 % to 42 %": then and now
                _one_period_transition(v, f1, f2)
                continue
            for f, p in zip((f1, f2), ctx.pair, strict=True):  # type: ignore[arg-type]
                own = f.period if f.period and f.period.get("scope") == "apposition" else None
                if own is None:
                    f.period = {**p, "source": "explicit", "scope": "transition"}


def _previous_window(ctx: Context) -> dict[str, Any]:
    """The five-year window before the checker's current one (the five years to last year), as
    "the previous five-year period" is read: the first value of an undated move is about it."""
    start, end = N.previous_window(ctx.today)
    return {
        "start": start,
        "end": end,
        "text": "the previous period",
        "source": "explicit",
        "scope": "transition",
    }


def _shifted(p: dict[str, Any], windows: int) -> dict[str, Any]:
    """Period p moved by whole windows of its own length (-1: the window just before)."""
    n = (p["end"] - p["start"] + 1) * windows
    text = "the previous period" if windows < 0 else "the next period"
    return {**p, "start": p["start"] + n, "end": p["end"] + n, "text": text, "scope": "transition"}


def _one_period_transition(v: View, f1: Frame, f2: Frame) -> None:
    """'In 2019–23 its share fell from 58 % to 36 %': one period for a move from a to b — the earlier
    value is about the window before it; 'from 58 % in 2014–18 to 36 %': the later value is about
    the window after that one."""
    p1, p2 = f1.period, f2.period
    if not p1 or not p2 or (p1["start"], p1["end"]) != (p2["start"], p2["end"]):
        return
    own_first = any(f1.span[1] <= p.span[0] < f2.span[0] and p.kind != "anaphor" for p in v.periods)
    if own_first:
        f2.period = _shifted(p2, 1)
    else:
        f1.period = _shifted(p1, -1)


_TO_AFTER_PERIOD = re.compile(
    r"\s*(?:per\s?cent|percent|%)?\s*(?:in|during|over)\s+(?:the\s+)?(?:period\s+)?\d{4}(?:\s?[-–]\s?['’]?\d{2,4})?\s+"
    r"to\s+(?:about\s+|around\s+|roughly\s+|some\s+|nearly\s+|almost\s+)?",
    re.I,
)


def _period_pair(v: View) -> tuple[dict[str, Any], dict[str, Any]] | None:
    """The two periods of a sentence that names exactly two windows of the same length."""
    seen: dict[tuple[int, int], Any] = {}
    for p in v.periods:
        if p.kind != "anaphor" and p.end > p.start:
            seen.setdefault((p.start, p.end), p)
    if len(seen) != 2:
        return None
    (a, pa), (b, pb) = sorted(seen.items())
    if a[1] - a[0] != b[1] - b[0] or a[1] >= b[0]:
        return None
    return tuple(  # type: ignore[return-value]
        {"start": p.start, "end": p.end, "text": p.text, "kind": p.kind} for p in (pa, pb)
    )


_AND_BETWEEN = re.compile(r"\s*(?:,\s*)?(?:and|as\s+well\s+as|&)\s+(?:in\s+)?(?:the\s+)?", re.I)


def both_periods(v: View, frames: list[Frame]) -> list[Frame]:
    """'the largest supplier in 2010–14 and 2015–19', 'in both P1 and P2': one claim per period."""
    out: list[Frame] = []
    periods = sorted((p for p in v.periods if p.kind != "anaphor"), key=lambda p: p.span)
    for f in frames:
        p = f.period
        if f.kind not in {"share", "rank"} or not p or p.get("source") != "explicit":
            continue
        if p.get("scope") == "transition":
            continue
        for p1, p2 in zip(periods, periods[1:], strict=False):
            if (p1.start, p1.end) != (p["start"], p["end"]) or not _AND_BETWEEN.fullmatch(
                v.s(p1.span[1], p2.span[0])
            ):
                continue
            if re.search(
                r"\bbetween\s+(?:the\s+)?(?:[\w-]+\s+){0,3}$",
                v.s(max(v.start, p1.span[0] - 40), p1.span[0]),
                re.I,
            ):
                continue  # "between P2 and P1": a comparison of two windows, not one in both
            if (p2.start, p2.end) == (p1.start, p1.end) or any(
                q.span[0] > p1.span[1] and v.clause(q.span[0]) == v.clause(p1.span[0])
                for q in v.shares
                if q.start > p1.span[1] and f.kind == "share" and q.start != f.span[0]
            ):
                continue
            if f.kind == "share" and not re.search(
                r"\bboth\s+(?:in\s+)?$", v.s(max(v.start, p1.span[0] - 10), p1.span[0]), re.I
            ):
                continue  # "12 % in 2010–14 and 9 % in 2015–19" is two values, not one in both
            out.append(replace(f, period={**p, "start": p2.start, "end": p2.end, "text": p2.text}))
            break
    return out
