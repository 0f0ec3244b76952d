"""Stage 3 — frames: what each share, rank, change, length or relation word of a sentence is about.

A frame is one reading of one anchor (a number, a rank, a designation, a relation word): its
metric (arms, oil, trade, geo, security), scope (bilateral, global, region, group), side (whose
imports or exports), the owner of the total or ranking, the state the value is about (theme), the
value, the period and any negation. Lists are read item by item, each item getting the frame of
the list's head ("the top three buyers of Israeli arms were India (45 %), Azerbaijan (17 %) …").

The reader works on character spans of one sentence, with the mentions and quantities found by
the earlier stages, and a :class:`Context` carried from sentence to sentence (the last frame, the
last period, the paragraph's periods). Each reading says which rule produced it (``rule``).
"""

from __future__ import annotations

import re

from realpolitik.analyses.claims import lexicon as L
from realpolitik.analyses.claims.frames.anaphor_roles import fit_roles
from realpolitik.analyses.claims.frames.base import Context, Frame, View, shift
from realpolitik.analyses.claims.frames.changes import change_periods, read_changes
from realpolitik.analyses.claims.frames.counted import read_counted
from realpolitik.analyses.claims.frames.groups import read_groups
from realpolitik.analyses.claims.frames.oil_topic import note_oil_owner
from realpolitik.analyses.claims.frames.owners import sentence_topic
from realpolitik.analyses.claims.frames.periods import (
    _set_any_period,
    assign_periods,
    both_periods,
    transition_periods,
)
from realpolitik.analyses.claims.frames.proportion_lists import spread_proportion
from realpolitik.analyses.claims.frames.ranks import read_ranks
from realpolitik.analyses.claims.frames.relations import (
    DEAL_RE,
    UPGRADE_RE,
    read_borders,
    read_deals,
    read_rivalries,
)
from realpolitik.analyses.claims.frames.respectively import read_respectively
from realpolitik.analyses.claims.frames.shares import _shares_of_ranks, earlier_periods, read_shares
from realpolitik.analyses.claims.frames.spans import _is_baseline, appositions
from realpolitik.analyses.claims.frames.surpass import read_surpass

_NOW = re.compile(
    r"\b(?:no\s+longer|not\s+any\s?more|currently|at\s+present|nowadays|these\s+days|today|now)\b",
    re.I,
)


_REGIONAL = re.compile(
    r"\b(?:Europe|European|Africa|African|Asia|Asian|Middle\s+East(?:ern)?|Latin\s+America(?:n)?|Arab|Gulf|"
    r"regional|region|Oceania|Americas)\b",
    re.I,
)
_KIND = re.compile(r"\b(?P<k>import|export)ers\b", re.I)


def _note_kind(ctx: Context, text: str, paragraph: int) -> None:
    """The ranking a paragraph speaks of ("shifts among arms importers"), when it names one kind."""
    kinds = {m.group("k").lower() for m in _KIND.finditer(text)}
    if _REGIONAL.search(text):
        ctx.para_kind = None  # "European arms importers": a regional ranking
    elif len(kinds) == 1:
        ctx.para_kind = (kinds.pop() + "ers", paragraph)


# the header row of a ranking table: short cells without figures, set off by '|' or tabs
_TABLE_HEADER = re.compile(r"[^\d\n|\t]{1,40}(?:(?:\s*\||\t)[^\d\n|\t]{0,40}){1,8}")


def observe(ctx: Context, text: str, paragraph: int) -> None:
    """Keep the context current for a sentence that is not read for claims (no state named in it)."""
    _note_kind(ctx, text, paragraph)
    ctx.last_age += 1
    # a table's header row ("Rank | Country | b/d") keeps its heading's group alive
    if not (ctx.pending_group is not None and _TABLE_HEADER.fullmatch(text)):
        ctx.pending_age += 1
    if paragraph != ctx.last_para:
        ctx.para_periods = {}
        ctx.last_para = paragraph
    ctx.topic = None
    ctx.metric_age += 1
    metric = "arms" if L.has_arms(text) else ("oil" if L.has_oil(text) else None)
    if metric:
        ctx.set_metric(metric, paragraph)
    _producers(ctx, text, metric)


def _producers(ctx: Context, text: str, metric: str | None) -> None:
    """Count sentences since the last about oil producers: a bare ordinal later ("In the world,
    Canada comes fourth after …") continues that ranking while no other metric intervenes."""
    ctx.producers_age += 1
    if metric == "oil" and _PRODUCERS.search(text):
        ctx.producers_age = 0
    elif metric is not None:
        ctx.producers_age = 99


_PRODUCERS = re.compile(
    r"\b(?:oil|crude)[- ](?:producing|producers?|production|output)\b|\bproducers?\s+of\s+(?:crude\s+)?oil\b|\bbarrels\b",
    re.I,
)


def read_sentence(
    v: View,
    ctx: Context,
    subject: str | None,
    prev_subject: str | None = None,
    prev_states: list[str] | None = None,
) -> list[Frame]:
    """Every frame of one sentence, in reading order; updates the context for the next sentence.
    `subject` is the article's most salient state, `prev_subject` the previous sentence's, `prev_states`
    every state the sentence just before named in this paragraph."""
    if v.paragraph != ctx.last_para:
        ctx.para_periods = {}
        ctx.last_para = v.paragraph
        ctx.topic = None
    ctx.subject = subject
    ctx.prev_subject = prev_subject
    ctx.prev_states = list(prev_states or ())
    ctx.last_age += 1
    changes = read_changes(v, ctx)
    groups = read_groups(v, ctx)
    taken = [(c.start, c.end) for c in v.changes] + [(x.start, x.end) for x in v.lengths]
    taken += [f.span for f in groups]
    shares = read_shares(v, ctx, taken)
    shares += read_respectively(v, shares)
    shares, spread = spread_proportion(v, shares, ctx)
    share_spans = [f.span for f in shares]
    ranks = read_ranks(v, ctx, taken + share_spans, shares) + spread
    shares = _shares_of_ranks(v, shares, ranks, taken)
    ranks += read_counted(v, shares) + read_surpass(v, ctx)
    frames = changes + groups + shares + ranks
    for f in changes:
        change_periods(v, f, ctx)
    assign_periods(
        v,
        [f for f in frames if f.kind in {"share", "rank"} and "earlier_than" not in f.extra],
        ctx,
        [f for f in frames if "earlier_than" in f.extra],
    )
    frames = earlier_periods(v, frames, ctx.today)
    transition_periods(v, frames, ctx)
    frames += both_periods(v, frames)
    for f in frames:
        if (
            f.kind in {"share", "rank"}
            and f.period is None
            and _NOW.search(v.s(*v.clause(f.span[0])))
        ):
            f.extra["now"] = (
                True  # "is no longer among …", "currently supplies …": the latest window only
            )
    frames = fit_roles(v, frames, ctx)
    frames += read_borders(v)
    frames += read_rivalries(v, ctx, subject)
    frames += read_deals(v, ctx)
    for f in frames:
        p = f.period
        if (
            p
            and p.get("source") in {"explicit", "anaphor"}
            and p.get("scope") != "apposition"
            and p.get("kind") != "since"  # "… since 1960": a span of every window, not a frame
            and not f.rule.endswith("+earlier")  # "…, up from 58 % in 2014–18": a base, not a frame
        ):
            # "… in the same period": the period the anaphor named frames the rest of the paragraph
            keep = {"start": p["start"], "end": p["end"], "text": p.get("text", "")}
            ctx.last_period = keep
            ctx.para_periods[f.metric] = keep
    metric = (
        "arms"
        if L.has_arms(v.s(v.start, v.end))
        else ("oil" if L.has_oil(v.s(v.start, v.end)) else None)
    )
    ctx.metric_age += 1
    _producers(ctx, v.s(v.start, v.end), metric)
    _set_any_period(v, ctx, bool(frames))
    if metric:
        ctx.set_metric(metric, v.paragraph)
        if not frames:
            # a sentence without a claim still sets the paragraph's period ("… in 2018.")
            apps = appositions(v)
            mains = [
                p
                for p in v.periods
                if p.kind not in {"anaphor", "since"}
                and not _is_baseline(v, p, bool(v.changes))
                and not any(x <= p.span[0] < y for x, y in apps)
            ]
            if mains:
                ctx.para_periods[metric] = {
                    "start": mains[-1].start,
                    "end": mains[-1].end,
                    "text": mains[-1].text,
                }
    note_oil_owner(v, ctx, frames)
    _note_kind(ctx, v.s(v.start, v.end), v.paragraph)
    last = [f for f in frames if f.kind in {"share", "rank"} and f.scope in {"global", "bilateral"}]
    if last:
        ctx.last = last[-1]
        ctx.last_age = 0
    ctx.topic = None if any(f.kind in {"share", "rank"} for f in frames) else sentence_topic(v)
    ctx.history.extend(frames)
    frames.sort(key=lambda f: f.span)
    return frames


__all__ = ["DEAL_RE", "UPGRADE_RE", "Context", "Frame", "View", "observe", "read_sentence", "shift"]
