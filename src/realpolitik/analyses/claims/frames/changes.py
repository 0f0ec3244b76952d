"""Changes of a state's arms imports or exports, or of the global volume, between two periods."""

from __future__ import annotations

import re
from dataclasses import replace

from realpolitik.analyses.claims import lexicon as L
from realpolitik.analyses.claims import numbers as N
from realpolitik.analyses.claims.frames.base import Context, Frame, View
from realpolitik.analyses.claims.frames.owners import Owner, _owner_near_noun
from realpolitik.analyses.claims.frames.spans import _metric_at, _nearest_state_before

_VOLUME_NOUN = re.compile(
    r"\b(?:imports?|exports?|sales|purchases|deliveries|transfers|trade|acquisitions)\b", re.I
)


_THAN_STATE = re.compile(
    r"\bthan\s+(?:(?:that|those)\s+of\s+|(?:the\s+)?(?:imports|exports|purchases|sales)\s+of\s+)?(?:the\s+)?$",
    re.I,
)

_GLOBAL_VOLUME = re.compile(
    r"\b(?:(?:volume\s+of\s+)?(?:the\s+)?(?:international|global|world(?:['’]s)?(?:wide)?|total|overall)\b[^;,.]{0,50}?\b(?:transfers?|arms\s+trade|trade\s+in\s+(?:major\s+)?arms)|"
    r"(?:international|global|world)\s+arms\s+(?:trade|transfers|sales)|(?:global|international|world(?:wide)?)\s+(?:arms\s+)?(?:exports|imports)|overall,?\s+there\s+was|increase\s+in\s+arms\s+transfers|in\s+arms\s+transfers)\b",
    re.I,
)


_ARMS_AFTER = re.compile(r"\s+(?:major\s+)?(?:arms|weapons|weaponry|military\s+equipment)\b", re.I)
# "… accounted for 25 % of U.S. arms exports, a surge of 17.6 %": the change of that bilateral flow
_BILATERAL_NOMINAL = re.compile(
    r"(?:%|\bper\s?cent|\bpercent)\s+of\s+[^,;]{1,60},\s*(?:an?\s+)?$", re.I
)


def _global_change(value: dict, c: N.Change) -> Frame:
    """A change of the world's arms transfer volume."""
    return Frame(
        "change",
        "arms",
        "global",
        "transfers",
        None,
        None,
        value,
        (c.start, c.end),
        rule="change+global",
    )


# a lead naming the flow a list of signed changes is of: "arms imports grew in several states: A
# (+396 %), B (+12 %)", "the largest increases in arms exports were by A (+31 %) and B (+9 %)"
_LIST_LEAD = re.compile(
    r"\barms\s+(?P<k>exports|imports)\s+(?:[\w-]+\s+){0,3}?(?:decreased|declined|fell|dropped|increased|"
    r"rose|grew|surged|jumped|shrank)\b[^.;]*$|\b(?:increases?|decreases?|rises?|falls?|growth|drops?)\s+"
    r"in\s+(?:their\s+)?arms\s+(?P<k2>exports|imports)\b[^.;]*$|"
    r"\b(?:arms\s+|weapons?\s+)?(?P<k3>exports|imports)\s+(?:of|by)\s+(?:the\s+)?(?:[^.;:]|\.(?=\d))*$",
    re.I,
)


def _kind_of(noun: str) -> str:
    return (
        "imports" if noun.lower().startswith(("import", "purchase", "acquisition")) else "exports"
    )


# "a 4.7 % surge in India's arms imports", "an increase in arms imports" (the subject's)
_IN_VOLUME = re.compile(
    r"\s+in\s+(?:the\s+)?(?:[\w'’.-]+\s+){0,4}?(?P<n>imports|exports|purchases|acquisitions)\b",
    re.I,
)
# "India had recorded / saw a 4.7 % increase in …": the subject of a verb of record
_RECORDED = re.compile(
    r"\s*(?:has\s+|had\s+|have\s+)?(?:also\s+)?(?:recorded|registered|saw|seen|posted|reported|"
    r"experienced|witnessed|logged|showed|shown)\s+(?:an?\s+|its\s+)?(?:[\w-]+\s+){0,2}$",
    re.I,
)
# "arms imports rose by 4.7 % in the case of India"
_CASE_OF = re.compile(r"\s+(?:in\s+the\s+case\s+of|for)\s+(?:the\s+)?", re.I)


def _owner_after(v: View, c: N.Change, a: int, b: int) -> tuple[Owner | None, str | None]:
    """The owner of a change named after it: 'a 4.7 % surge in India's arms imports' (the
    possessive), 'India had recorded a 4.7 % increase in arms imports' (the subject), 'imports
    rose by 4.7 % in the case of India'; (None, None) if none."""
    im = _IN_VOLUME.match(v.text, c.end, b)
    if im is not None:
        o = _owner_near_noun(v, im.start("n"), im.end("n"), c.end, b)
        if o is not None and not o.mention.blocked:
            if o.how in {"to", "from"}:
                return None, "bilateral"
            if o.how in {"poss", "adj"}:
                return o, _kind_of(im.group("n"))
        if not any(c.end <= m.start < im.end() for m in v.states):
            st = _nearest_state_before(v, c.start, a, skip_compared=False)
            if st is not None and not st.possessive and _RECORDED.fullmatch(v.s(st.end, c.start)):
                return Owner(st, None, "subject"), _kind_of(im.group("n"))
    cm = _CASE_OF.match(v.text, c.end, b)
    if cm is not None:
        st = next((m for m in v.states if m.start == cm.end() and m.id), None)
        noun = next(reversed(list(_VOLUME_NOUN.finditer(v.text, a, c.start))), None)
        if st is not None and noun is not None and noun.group(0).lower() != "trade":
            return Owner(st, None, "of"), _kind_of(noun.group(0))
    return None, None


def read_changes(v: View, ctx: Context) -> list[Frame]:
    """Changes of a state's arms imports or exports, or of the global volume, between two periods."""
    out: list[Frame] = []
    prev: Frame | None = None
    for c in v.changes:
        a, b = v.clause(c.start)
        metric = _metric_at(v, c.start, ctx)
        if metric != "arms" and not re.search(r"\btransfers\b", v.s(a, b), re.I):
            continue
        before = v.s(a, c.end)
        if re.search(r"\bshare\b[^.;]{0,40}$", v.s(a, c.start), re.I):
            continue  # "the share … decreased 39 %": a change of a share, not of a volume
        value = c.to_dict()
        region = next(
            (r for r in v.regions if a <= r.start < c.end or c.end <= r.start < min(b, c.end + 30)),
            None,
        )
        gm = next(
            reversed(list(_GLOBAL_VOLUME.finditer(v.text, max(a, c.start - 90), c.start))), None
        )
        if (
            gm is not None
            and region is None
            and not any(gm.start() <= m.start < c.start for m in v.states)
            and re.search(r"\b(?:volume|transfers?|trade)\b", gm.group(0), re.I)
        ):
            # "…, when the world's arms transfer volume was 5.5 % higher": the world's, not the
            # clause subject's
            out.append(_global_change(value, c))
            prev = out[-1]
            continue
        # the owner of the imports/exports that changed
        owner = None
        kind = None
        np_lo = c.start
        for w in reversed(list(_VOLUME_NOUN.finditer(v.text, a, c.end))):
            o = _owner_near_noun(v, w.start(), w.end(), a, b)
            if o is not None and not o.mention.blocked:
                owner = o
                np_lo = w.start()
                kind = (
                    "imports"
                    if w.group(0).lower().startswith(("import", "purchase", "acquisition"))
                    else "exports"
                )
                if o.how in {"to", "from"}:
                    owner = None  # "arms imports to Pakistan", "imports of arms from the US": a flow between two parties
                    kind = "bilateral"
                break
        if owner is None and kind is None:
            owner, kind = _owner_after(v, c, a, b)
        if kind == "bilateral" or _BILATERAL_NOMINAL.search(v.s(a, c.start)):
            continue  # a flow between two parties, or ", a surge of 17 %" after a bilateral share
        if owner is not None and any(
            _THAN_STATE.search(v.s(c.start, m.start)) for m in v.states if c.start < m.start < b
        ):
            continue  # "3.1 times higher than that of Cambodia": two states compared, not a change
        if owner is not None:
            lo_np = min(owner.mention.start, np_lo)
            others = {
                m.id
                for m in v.states
                if lo_np <= m.start < c.start
                and m.id != owner.mention.id
                and (m.form != "demonym" or _ARMS_AFTER.match(v.text, m.end))
            }  # "India's imports of Russian arms": a bilateral flow
            if others or (region is not None and region.start < c.end):
                continue  # bilateral or regional flows: no claim type
            out.append(
                Frame(
                    "change",
                    "arms",
                    "state",
                    kind,
                    None,
                    owner.mention.id,
                    value,
                    (c.start, c.end),
                    rule="change+owner",
                )
            )
            prev = out[-1]
            continue
        if region is not None:
            continue
        if (
            re.match(r"^\s*the\s+figure\b", v.s(a, c.start), re.I)
            and ctx.last_list is not None
            and ctx.history
        ):
            last = next((f for f in reversed(ctx.history) if f.kind == "change"), None)
            if last is not None:
                out.append(
                    replace(
                        last, value=value, span=(c.start, c.end), period=None, rule="change+figure"
                    )
                )
                prev = out[-1]
            continue
        if (
            _GLOBAL_VOLUME.search(before)
            or _GLOBAL_VOLUME.search(v.s(v.start, c.start))
            and not any(v.start <= m.start < c.start for m in v.states)
        ) and not any(a <= m.start < b for m in v.states):
            out.append(_global_change(value, c))
            prev = out[-1]
            continue
        if (
            prev is not None
            and a > prev.span[1]
            and not any(a <= m.start < c.start for m in v.states)
        ):
            # ", but was 3.9 per cent higher than in 2007–11": the same subject as the clause before
            out.append(
                replace(
                    prev,
                    value=value,
                    span=(c.start, c.end),
                    period=None,
                    rule=prev.rule + "+ellipsis",
                )
            )
    # "Chinese (–31 per cent), Russian (–26 per cent) and German (–19 per cent) arms exports decreased"
    for m in re.finditer(
        r"\(\s*(?P<sign>[–−+-])\s*(?P<num>\d{1,3}(?:,\d{3})*(?:\.\d{1,2})?)\s*(?:%|per\s?cent|percent)\s*\)",
        v.text[v.start : v.end],
    ):
        s = v.start + m.start()
        a, b = v.clause(s)
        st = _nearest_state_before(v, s, a, skip_compared=False)
        if st is None or not re.fullmatch(r"\s*", v.s(st.end, s)):
            continue
        tail = v.s(s, b)
        k = re.search(
            r"\barms\s+(?P<k>exports|imports)\s+(?:have\s+|had\s+)?(?:decreased|declined|fell|dropped|increased|rose|grew)\b",
            tail,
            re.I,
        )
        if not k:
            k = _LIST_LEAD.search(v.s(v.start, st.start))
            if (
                k is not None
                and k.group("k3")
                and (
                    _metric_at(v, s, ctx) != "arms"
                    or any(
                        v.start + k.end("k3") <= o.start <= st.start
                        and re.search(
                            r"\b(?:to|from)\s+(?:the\s+)?$", v.s(o.start - 10, o.start), re.I
                        )
                        for o in v.states
                    )
                )
            ):
                k = None  # "exports of A (+12 %)" only of arms; "exports to B of A (…)" is a flow
        if not k:
            continue
        val = float(m.group("num").replace(",", "")) * (-1 if m.group("sign") != "+" else 1)
        dec = len(m.group("num").split(".")[1]) if "." in m.group("num") else 0
        value = {
            "value": val,
            "unit": "percent change",
            "comparator": "eq",
            "form": "digits",
            "decimals": dec,
            "text": m.group(0),
        }
        out.append(
            Frame(
                "change",
                "arms",
                "state",
                (k.group("k") or k.group("k2") or k.group("k3")).lower(),
                None,
                st.id,
                value,
                (s, s + len(m.group(0))),
                rule="change+list",
            )
        )
    return out


def change_periods(v: View, f: Frame, ctx: Context) -> None:
    """The later and the base period of a change: 'between P1 and P2', 'from P1 to P2', 'in P2 … than
    in P1', 'compared to P1', 'from the P1 period'; missing ones stay None (the verifier's default)."""
    a, b = v.clause(f.span[0])
    txt = v.text
    if _BETWEEN_LAST_TWO.search(v.s(a, b)):
        # "increased by 8.4 % between the two five-year periods": the latest window against the one
        # before; other periods in the clause ("has grown since 2004 and …") are about another verb
        f.extra["base"] = "previous"
        return
    ps = [p for p in v.periods if p.kind != "anaphor" and v.start <= p.span[0] < v.end]
    # several changes in one clause ("a 5.5 % increase over the past decade and a 20 % increase from
    # 2005–09"): a period after a change and before the next belongs to that change; periods before
    # the first change belong to all of them
    here = sorted(c.start for c in v.changes if a <= c.start < b)
    lo, hi = a, b
    if len(here) > 1:
        i = here.index(f.span[0]) if f.span[0] in here else 0
        lo = f.span[0] if i else a
        hi = here[i + 1] if i + 1 < len(here) else b
    if here:
        local = [p for p in ps if lo <= p.span[0] < hi or a <= p.span[0] < here[0]]
    else:
        local = [p for p in ps if a <= p.span[0] < b]
    base, later = _pair(local, txt, v.start)
    if later is None and base is None and not f.rule.endswith("ellipsis"):
        # "French exports rose 59 % between 2012–16 and 2017–21, while Chinese … decreased": the
        # pair named elsewhere in the sentence
        base, later = _pair(ps, txt, v.start, pairs_only=True)
    fallback = True
    if later is not None and later.kind == "past" and later.end - later.start >= 9:
        # "over the past decade": on five-year windows, the latest window (against the one before,
        # unless a base is named: "a 20 % increase from 2005–09")
        if base is None:
            f.extra["base"] = "previous"
        later, fallback = None, False
    _set_periods(v, f, ctx, ps, base, later, a, b, fallback)


_BETWEEN_LAST_TWO = re.compile(
    r"\bbetween\s+the\s+(?:(?:last|latest|two\s+most\s+recent|most\s+recent)\s+)?two\s+(?:(?:consecutive|successive|latest|last|most\s+recent)\s+)?(?:five|four|ten|5|4|10)[- ]year\s+(?:periods|cycles|windows|spans|blocks)\b",
    re.I,
)


def _joined(local, p, txt: str, word: str):
    """The period joined to `p` by `word` ("P1 and P2", "P1 to P2"), if any."""
    return next(
        (
            q
            for q in local
            if q.span[0] > p.span[1]
            and re.fullmatch(
                rf"\s*(?:period\s+)?{word}\s+(?:the\s+)?", txt[p.span[1] : q.span[0]], re.I
            )
        ),
        None,
    )


def _pair(local, txt: str, floor: int, pairs_only: bool = False):
    """The (base, later) periods among ``local``: 'between P1 and P2', 'from P1 to P2', a baseline cue
    ('than in P1', 'compared with P1') and otherwise the first period as the later one."""
    base = later = None
    for p in local:
        pre = txt[max(floor, p.span[0] - 60) : p.span[0]]
        if (
            L.BASELINE_BEFORE_RE.search(pre)
            or L.COMPARED_BASE_RE.search(pre)
            or re.search(r"\bbetween\s+(?:the\s+)?(?:[\w-]+\s+){0,3}$", pre, re.I)
        ):
            if re.search(r"\bbetween\b", pre, re.I) and not re.search(
                r"\bthan|compared", pre, re.I
            ):
                nxt = _joined(local, p, txt, "and")
                if nxt is not None:
                    # "between P1 and P2" — or "between P2 and P1": the earlier window is the base
                    base, later = (p, nxt) if p.start <= nxt.start else (nxt, p)
                    break
                later = later or p
                continue
            if re.search(r"\bfrom\s+(?:the\s+)?$", pre, re.I):
                nxt = _joined(local, p, txt, "to")
                if nxt is not None:
                    base, later = p, nxt
                    break
            base = base or p
        elif later is None:
            later = p
    if pairs_only and not (base is not None and later is not None):
        return None, None
    return base, later


def _set_periods(
    v: View, f: Frame, ctx: Context, ps, base, later, a: int, b: int, fallback: bool = True
) -> None:
    txt = v.text
    if later is None and fallback:
        # the clause before ("In 2017–21 … and were 14 per cent higher than in 2012–16")
        main = [
            p
            for p in ps
            if not L.BASELINE_BEFORE_RE.search(txt[max(v.start, p.span[0] - 40) : p.span[0]])
            and not L.COMPARED_BASE_RE.search(txt[max(v.start, p.span[0] - 60) : p.span[0]])
            and p is not base
            and not (p.kind == "past" and p.end - p.start >= 9)  # "past decade": see above
        ]
        if main:
            later = main[0]
    if later is not None:
        f.period = {
            "start": later.start,
            "end": later.end,
            "text": later.text,
            "source": "explicit",
        }
    elif (
        fallback
        and ctx.paragraph_period(f.metric) is not None
        and not L.PRESENT_RE.search(v.s(v.start, v.end))
    ):
        f.period = {**ctx.paragraph_period(f.metric), "source": "paragraph"}
    if base is not None:
        f.extra["base"] = [base.start, base.end]
    elif "base" not in f.extra and re.search(
        r"\b(?:previous|preceding|prior|last)\s+(?:five|four|ten|5|10|4)[- ]years?\b|\bprevious\s+(?:five[- ]year\s+)?period\b|\btwo\s+five-year\b",
        v.s(a, b),
        re.I,
    ):
        f.extra["base"] = "previous"
