"""Which period each value is about: its own apposition, its clause, an anaphor, the paragraph."""

from __future__ import annotations

from realpolitik.analyses.claims import lexicon as L
from realpolitik.analyses.claims.frames.base import Context, Frame, View
from realpolitik.analyses.claims.frames.spans import _is_baseline, appositions


def assign_periods(v: View, frames: list[Frame], ctx: Context) -> None:
    """Each share/rank frame's period: a period in its own apposition ('China, the top importer in
    2006-7, …'), else one in its clause outside appositions (nearest after, then before), else in the
    sentence; 'during that period' → the last period named; else the paragraph's last claim period
    (not for present-tense sentences); else None (the verifier's default window)."""
    has_change = bool(v.changes)
    mains = [p for p in v.periods if p.kind != "anaphor" and not _is_baseline(v, p, has_change)]
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
            elif free:
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
        elif ctx.paragraph_period(f.metric) is not None and not L.PRESENT_RE.search(v.s(a, b)):
            f.period = {**ctx.paragraph_period(f.metric), "source": "paragraph"}


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
