"""Combined shares of several states and shares of regions."""

from __future__ import annotations

import re

from realpolitik.analyses.claims import lexicon as L
from realpolitik.analyses.claims import numbers as N
from realpolitik.analyses.claims.frames.base import Context, Frame, View
from realpolitik.analyses.claims.frames.owners import (
    _earlier_total,
    _global_kind,
    _global_np,
    _of_np,
)
from realpolitik.analyses.claims.frames.spans import (
    _coordination_before,
    _metric_at,
    _nearest_state_before,
    _numword,
)

_GROUP_VERB = r"(?:together\s+)?(?:accounting\s+for|accounted\s+for|accounts?\s+for|received|receive|made\s+up|make\s+up|represent(?:ed|s|ing)?|took|take|held|hold|had|have|supplied|supply|supplies|delivered|deliver|exported|imported|bought|purchased|sold)"


# a group named again: "they", "these five (states)", "that group", "the aforesaid countries"
_GROUP_NP = (
    r"(?:they|(?:these|those)\s+(?:(?:\w+\s+){0,2}(?:countries|states|nations)|five|three|four|ten)"
    r"|(?:this|that|the)\s+group|(?:the\s+)?(?:aforesaid|aforementioned|above-mentioned)\s+(?:countries|states))"
)
# the states sit inside a dash or parenthesis inset after the group noun ("the five largest — A, B —")
_INSET = re.compile(r"\s[—–]\s|\s--\s|\(")


def _share(scope: str, kind: str | None, value: dict, q: N.Share, rule: str, extra: dict) -> Frame:
    """A combined (group) or regional arms share frame."""
    return Frame(
        "share", "arms", scope, kind, None, None, value, (q.start, q.end), rule=rule, extra=extra
    )


def read_groups(v: View, ctx: Context) -> list[Frame]:
    """Combined shares: 'the five largest exporters together accounted for 76 %', 'A, B, C … are the top
    five, accounting for 74 %', 'Together, they accounted for 77 %', '75 percent … belong to these
    countries'; regional shares: 'the Middle East accounted for 29 per cent of global arms imports'."""
    out: list[Frame] = []
    for q in v.shares:
        if any(c.start <= q.start < c.end for c in v.changes):
            continue  # "African arms imports shot up 45 percent": a change, not a share
        a, b = v.clause(q.start)
        before = v.s(max(v.start, q.start - 160), q.start)
        metric = _metric_at(v, q.start, ctx)
        if metric != "arms":
            continue
        value = q.to_dict() | {"decimals": q.decimals}
        kind = _global_kind(v, a, b, q, None, None)
        # "the five largest exporters (together) accounted for"
        m = re.search(
            rf"\bthe\s+(?:top\s+)?(?P<n>\d{{1,2}}|{N._NUMWORD})\s+(?:largest|biggest|leading|top|main)?\s*(?:arms\s+)?(?P<k>exporters|importers|suppliers|recipients)\b[^;.]{{0,60}}?\b{_GROUP_VERB}\s+(?:(?:more\s+than|almost|nearly|about|some|over|around)\s+)?$",
            before,
            re.I,
        )
        if m and (
            "together" in before[m.start() :].lower()
            or not any(
                m.start() + q.start - len(before) < s.start < q.start
                and not _INSET.search(v.s(q.start - len(before) + m.start(), s.start))
                for s in v.states
            )
        ):
            n = _numword(m.group("n"))
            k = "exporters" if m.group("k").lower() in {"exporters", "suppliers"} else "importers"
            if n:
                out.append(_share("group", k, value, q, "group+top-n", {"top": n}))
                continue
        # "A, B and C … accounting for 74 per cent", "A, B … together received 38 per cent"
        last = _nearest_state_before(v, q.start, a, skip_compared=False)
        if last is not None and re.search(
            rf"{_GROUP_VERB}\s+(?:(?:more\s+than|almost|nearly|about|some|over|around)\s+)?$",
            v.s(last.end, q.start),
            re.I,
        ):
            run = _coordination_before(v, last, a)
            between = v.s(last.end, q.start)
            if len(run) >= 2 and (
                re.search(
                    r"\btogether\b|,\s*accounting\s+for|\bbetween\s+them\b|\bcombined\b",
                    between,
                    re.I,
                )
                or re.search(r"\b(?:together|combined)\b", v.s(a, run[0].start), re.I)
            ):
                out.append(
                    _share("group", kind, value, q, "group+list", {"members": [r.id for r in run]})
                )
                continue
        # "Together, they accounted for 77 per cent", "75 percent of total exports belong to these countries"
        if (
            kind is not None
            and ctx.last_list
            and (
                re.search(
                    rf"\b(?:together,?\s+)?{_GROUP_NP}\s+(?:together\s+)?\w*\s*(?:for\s+)?(?:(?:more\s+than|almost|nearly|about|some|over|around)\s+)?$",
                    before,
                    re.I,
                )
                or re.match(
                    r"\s*of\s+[\w\s]{0,40}?\b(?:belong|belongs|went|goes|go)\s+to\s+these\s+(?:countries|states|five|three)\b",
                    v.text[q.end : q.end + 80],
                    re.I,
                )
            )
        ):
            out.append(
                _share("group", kind, value, q, "group+anaphor", {"members": list(ctx.last_list)})
            )
            continue
        # "a third of all arms imports went to states in the Middle East"
        vf = re.match(
            r"\s*of\s+(?:all\s+|global\s+|the\s+|world\s+)*(?:(?:international|major|global)\s+)?(?:arms\s+)?(?:imports|transfers|deliveries)(?:\s+of\s+major\s+arms)?(?:\s+in\s+\d{4}(?:\s?[-–]\s?\d{2,4})?)?\s+(?:went|go|goes|were\s+delivered|were\s+sent)\s+to\s+(?:(?:states|countries)\s+in\s+)?(?:the\s+)?",
            v.text[q.end : b],
            re.I,
        )
        if vf:
            reg = next(
                (
                    r
                    for r in v.regions
                    if r.start == q.end + vf.end() or r.start == q.end + vf.end() - 4
                ),
                None,
            )
            from realpolitik.analyses.claims.gazetteer import REGIONS

            key = REGIONS.get(reg.text) if reg is not None else None
            if key:
                out.append(
                    _share("region", "importers", value, q, "region+went-to", {"region": key})
                )
                continue
        # regions: "the Middle East (region) accounted for 29 per cent of global arms imports"
        reg = next((r for r in reversed(v.regions) if a <= r.start and r.end <= q.start), None)
        if reg is not None and not any(reg.end <= s.start < q.start for s in v.states):
            between = v.s(reg.end, q.start)
            if len(between) < 70 and (
                L.PART_RE.search(between) or re.match(r"\s*,?\s*at\s+$", between)
            ):
                from realpolitik.analyses.claims.gazetteer import REGIONS

                key = REGIONS.get(reg.text) or REGIONS.get(re.sub(r"^the\s+", "", reg.text))
                np = _of_np(v, q.end, b)
                if key and (
                    (np is None and _earlier_total(v, reg.start) is None)
                    or (np is not None and _global_np(v, *np))
                    or (np is not None and re.search(r"\b(?:total|all)\b", v.s(*np)))
                ):  # "Of US arms exports, Asia received 30 %": one supplier's total, no claim type
                    out.append(
                        _share("region", kind or "importers", value, q, "region", {"region": key})
                    )
    return out
