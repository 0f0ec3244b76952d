"""An adverb of proportion over a list of partners: "India's arms came mostly from Russia, France and
the US", "Russia's exports went mainly to India (34 %), China and Egypt".

The adverb says the listed partners together hold most of the total, not that the first holds more
than half: each item is read as one of the owner's main partners (among the top N, N = the number
listed and at least three, as "a main supplier" is read) and the share of the first is dropped. A
single partner ("came mostly from Russia") keeps its share reading.
"""

from __future__ import annotations

import re
from dataclasses import replace

from realpolitik.analyses.claims import numbers as N
from realpolitik.analyses.claims.frames.base import Context, Frame, View
from realpolitik.analyses.claims.frames.owners import head
from realpolitik.analyses.claims.frames.spans import _coordination, _state_at
from realpolitik.analyses.claims.mentions import Mention

# the adverb and its preposition: the partners follow it ("mostly from", "mainly to the")
_ADVERB = re.compile(rf"(?:{N.PROPORTION_ADVERBS})\s+(?:from|to)\s+", re.I)


def spread_proportion(
    v: View, shares: list[Frame], ctx: Context
) -> tuple[list[Frame], list[Frame]]:
    """The share frames without the adverb-of-proportion shares over a list, and the rank frames
    that replace them, one per listed partner (owner, side, metric and period are the share's)."""
    kept: list[Frame] = []
    out: list[Frame] = _unframed(v, shares, ctx)
    for f in shares:
        items = _listed(v, f)
        if len(items) < 2:
            kept.append(f)
            continue
        n = max(3, len(items))
        for m in items:
            out.append(
                replace(
                    f,
                    kind="rank",
                    theme=m.id,
                    value={"rank": n, "comparator": "le", "text": v.s(*f.span)},
                    rule="rank+proportion-list",
                )
            )
    return kept, out


def _unframed(v: View, shares: list[Frame], ctx: Context) -> list[Frame]:
    """Rank frames for an adverb over a list that no share frame read, its owner named before it
    in the clause ("Russia's arms went largely to India and China", "Russia sold its weapons mostly
    to India and China"): 'to' lists recipients, 'from' suppliers."""
    out: list[Frame] = []
    read = {f.span for f in shares}
    for q in v.shares:
        mm = _ADVERB.match(v.text, q.start, v.end)
        if mm is None or q.form != "quantifier" or (q.start, q.end) in read:
            continue
        first = _state_at(v, mm.end(), 4)
        a, b = v.clause(q.start)
        if first is None:
            continue
        items = [m for m in _coordination(v, first, b) if m.id]
        h = head(v, a, q.start, ctx)
        metric = h.metric or ctx.carried_metric(v.paragraph)
        if len(items) < 2 or h.owner is None or h.glob or metric not in {"arms", "oil"}:
            continue
        owner = h.owner.mention.id
        if owner is None or any(m.id == owner for m in items):
            continue
        side = "export" if mm.group(0).lower().rstrip().endswith("to") else "import"
        if h.owner.side not in {None, side}:
            continue
        value = {"rank": max(3, len(items)), "comparator": "le", "text": q.text}
        for m in items:
            out.append(
                Frame(
                    "rank",
                    metric,
                    "bilateral",
                    side,
                    owner,
                    m.id,
                    dict(value),
                    (q.start, q.end),
                    rule="rank+proportion-list",
                )
            )
    return out


def _listed(v: View, f: Frame) -> list[Mention]:
    """The partners an adverb share is spread over: the coordinated states right after it."""
    if f.kind != "share" or f.scope != "bilateral" or f.value.get("form") != "quantifier":
        return []
    mm = _ADVERB.match(v.text, f.span[0], v.end)
    if mm is None:
        return []
    first = _state_at(v, mm.end(), 4)
    if first is None or first.id != f.theme:
        return []
    items = [m for m in _coordination(v, first, v.clause(first.start)[1]) if m.id]
    if any(m.id == f.owner for m in items):
        return []
    return items
