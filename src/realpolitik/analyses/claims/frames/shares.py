"""Share values: what each percentage or fraction is a share of, and of whom (one frame per list item)."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from typing import Any

from realpolitik.analyses.claims import lexicon as L
from realpolitik.analyses.claims import numbers as N
from realpolitik.analyses.claims.frames import periods as P
from realpolitik.analyses.claims.frames.base import Context, Frame, View
from realpolitik.analyses.claims.frames.continuation import continued
from realpolitik.analyses.claims.frames.owners import (
    Owner,
    _earlier_total,
    _global_kind,
    _global_np,
    _np_owner,
    _of_np,
    _side_of_words,
    _subject_before,
    _theme_after,
    head,
)
from realpolitik.analyses.claims.frames.spans import (
    _ATTACH,
    _PREP_BEFORE,
    _REGION_WORDS,
    _chain_start,
    _coordination,
    _coordination_before,
    _metric_at,
    _nearest_state_before,
    _numword,
    _regional,
    _state_at,
)
from realpolitik.analyses.claims.mentions import Mention


def _attached_before(v: View, q: Any, lo: int) -> Mention | None:
    """The state a value is attached to: 'India (45 per cent)', 'Serbia at 6.8 per cent', 'Russia is
    second with 27 percent', 'Turkey ranked 11th (1.6%)', 'with Spain in fourth place and a 2.4 per cent share'."""
    m = _nearest_state_before(v, q.start, lo, skip_compared=False)
    if m is None:
        return None
    between = v.s(m.end, q.start)
    if m.possessive:
        between = re.sub(r"^(?:['’]s|['’]| s)", "", between)
    if _ATTACH.match(between):
        return m
    return None


def _after_is_each(v: View, q: Any) -> re.Match[str] | None:
    return re.match(
        r"\s*(?:\)\s*)?each\b(?:\s+for\s+the\s+(?:next|other)\s+(?P<n>\w+))?",
        v.text[q.end : q.end + 40],
        re.I,
    )


def _group_for_each(v: View, q: Any, n: int | None, exclude: set[str]) -> list[Mention]:
    after = [m for m in v.states if m.start > q.end and m.id not in exclude]
    before = [m for m in v.states if m.end < q.start and m.id not in exclude]
    if n:
        if len(after) >= n:
            return list({m.id: m for m in after[:n]}.values())
        if len(before) >= n:
            return list({m.id: m for m in before[-n:]}.values())
        return []
    if len(after) >= 2:
        return _coordination(v, after[0], v.end)
    allb = [m for m in v.states if m.end < q.start]
    if allb:
        run = _coordination_before(v, allb[-1], v.clause(q.start)[0])
        if len(run) >= 2:
            return run  # "Germany, Italy and Spain trail behind, with about four per cent each"
    return []


def read_shares(v: View, ctx: Context, taken: list[tuple[int, int]]) -> list[Frame]:
    """One frame per share value (and per item a share is distributed over with 'each')."""
    out: list[Frame] = []
    prev: Frame | None = None
    for q in _share_values(v, taken):
        cue = _EARLIER_VALUE.search(v.s(max(v.start, q.start - 24), q.start))
        cue_at = max(v.start, q.start - 24) + cue.start() if cue else q.start - 24
        if (
            prev is not None
            and (cue is not None or _paren_baseline(v, q))
            # a state between the cue and the value makes it that state's ("compared with Russia's 20 %")
            and not any(cue_at <= m.start < q.start for m in v.states)
            and not re.match(
                r"\s+(?:for|from|to|by)\s+(?:the\s+)?[A-Z]", v.text[q.end : q.end + 12]
            )
            and not _after_is_each(v, q)  # "compared with 5 % each for the next two"
        ):
            # "82 % of its weapons from China in 2019-23, up from 74 % in the previous five years":
            # the same share at an earlier time (its period is fixed by earlier_periods)
            frames = [
                replace(
                    prev,
                    value=q.to_dict() | {"decimals": q.decimals},
                    span=(q.start, q.end),
                    period=None,
                    rule=prev.rule + "+earlier",
                    extra={**prev.extra, "earlier_than": prev},
                )
            ]
            out.extend(frames)
            continue
        frames = (
            _transition_end(v, q, prev)
            or _elliptic_share(v, q, prev)
            or _gapped_subject_share(v, q, prev)
            or _read_share(v, q, prev, ctx)
        )
        out.extend(frames)
        if frames:
            prev = frames[-1]
    return out


# "…, while Saudi Arabia's rose from 5 to 12 per cent": the share noun is elided after the possessive
_ELLIPTIC = re.compile(
    r"(?:['’]s|['’])\s+(?:own\s+)?(?:(?:rose|fell|grew|dropped|declined|increased|decreased|went|climbed|"
    r"slipped|jumped|was|stood|reached|edged\s+up|edged\s+down|shrank|doubled|halved)\b[^,;()%]{0,24}?"
    # the verb gapped too: "…, France's from 12 % to 29 %"
    r"|from\s+(?:about\s+|around\s+|roughly\s+|some\s+|nearly\s+|almost\s+)?)$",
    re.I,
)


def _transition_end(v: View, q: N.Share, prev: Frame | None) -> list[Frame]:
    """The second value of 'from a % to b %': the same share as the first (transition_periods gives
    each its period)."""
    if (
        prev is None
        or prev.kind != "share"
        or not P._FROM_BEFORE.search(v.s(max(v.start, prev.span[0] - 24), prev.span[0]))
        or not P._TO_BETWEEN.fullmatch(v.s(prev.span[1], q.start))
    ):
        return []
    return [
        replace(
            prev, value=q.to_dict() | {"decimals": q.decimals}, span=(q.start, q.end), period=None
        )
    ]


def _elliptic_share(v: View, q: N.Share, prev: Frame | None) -> list[Frame]:
    """A share whose noun is elided after a possessive state ("India's share … fell from 14 to 9 %,
    while Saudi Arabia's rose from 5 to 12 %"): the previous share's reading with that state."""
    if prev is None or prev.kind != "share" or "share" not in v.s(v.start, prev.span[0]).lower():
        return []
    a, _ = v.clause(q.start)
    m = next(
        (
            m
            for m in reversed(v.states)
            if a <= m.start < q.start and m.possessive and _ELLIPTIC.search(v.s(m.start, q.start))
        ),
        None,
    )
    if m is None or m.id == prev.owner:
        return []
    if not prev.rule.endswith("+elliptic") and (m.id == prev.theme or m.start < prev.span[1]):
        return []
    return [
        replace(
            prev,
            theme=m.id,
            value=q.to_dict() | {"decimals": q.decimals},
            span=(q.start, q.end),
            period=None,
            rule=prev.rule.split("+elliptic")[0] + "+elliptic",
        )
    ]


def _gapped_subject_share(v: View, q: N.Share, prev: Frame | None) -> list[Frame]:
    """A second subject with its verb gapped ("New Delhi received 36 % of its arms from Russia,
    and Islamabad 5 %"; "Russia supplied 36 % of India's imports, and France 33 %"): the previous
    share with the new state in the role the sentence's subject had."""
    if prev is None or prev.kind != "share" or prev.scope != "bilateral":
        return []
    m = next((m for m in reversed(v.states) if m.end <= q.start), None)
    if m is None or m.possessive or m.form in {"pronoun", "relative", "demonym"}:
        return []
    link = re.fullmatch(r"\s*,?\s*(?:(?P<for>for)\s+|with\s+)?", v.s(m.end, q.start))
    # "…, and Islamabad 5 %"; with "for" a comma is enough: "…, France for 33 % and the US for 13 %"
    joint = (
        r"(?:,\s*|\s+(?:and|while|whereas|but)\s+)(?:the\s+)?$"
        if link is not None and link.group("for")
        else r"(?:,\s*|\s+)(?:and|while|whereas|but)\s+(?:the\s+)?$"
    )
    if (
        link is None
        or not re.search(joint, v.s(max(v.start, m.start - 12), m.start))
        or m.id in {prev.owner, prev.theme}
        or m.start < prev.span[1]
    ):
        return []
    role = prev.extra.get("gapped_role")
    if role is None:
        first = next((x for x in v.states if x.form not in {"demonym", "company"}), None)
        if (
            first is None
            or first.end > prev.span[0]
            or not re.fullmatch(r"\s*(?:[^,;()]{1,40},\s*)?(?:the\s+)?", v.s(v.start, first.start))
        ):
            return []  # the sentence must open with its subject ("Countries that bought from A …")
        role = "owner" if first.id == prev.owner else "theme" if first.id == prev.theme else None
    if role == "owner":
        new = replace(prev, owner=m.id, extra={**prev.extra, "gapped_role": role})
    elif role == "theme":
        new = replace(prev, theme=m.id, extra={**prev.extra, "gapped_role": role})
    else:
        return []
    return [
        replace(
            new,
            value=q.to_dict() | {"decimals": q.decimals},
            span=(q.start, q.end),
            period=None,
            rule=prev.rule.split("+gapped")[0] + "+gapped",
        )
    ]


_EARLIER_VALUE = re.compile(
    r"\b(?:up|down|rising|falling|climbing|dropping)\s+from\s+(?:about\s+|around\s+|roughly\s+|some\s+|nearly\s+|almost\s+|just\s+)?$|\bcompared\s+(?:with|to)\s+$|\b(?:against|versus|vs\.?)\s+$|,\s*from\s+$",
    re.I,
)
# "… 7.6 % in 2019–23 (1.5 % in 2014–18)": a parenthesised value with its own earlier period
_PAREN_OPEN = re.compile(r"\(\s*(?:from\s+|against\s+|vs\.?\s+|versus\s+)?$", re.I)
_PAREN_PERIOD = re.compile(
    r"\s*(?:in|during|for|over)\s+(?:the\s+)?(?:\d{4}|(?:previous|preceding|prior|earlier)\b)[^()]{0,40}\)",
    re.I,
)


def _paren_baseline(v: View, q: Any) -> bool:
    """Whether share q is a parenthesised earlier value: '(1.5 % in 2014–18)'."""
    return bool(
        _PAREN_OPEN.search(v.s(max(v.start, q.start - 12), q.start))
        and _PAREN_PERIOD.match(v.text, q.end, min(v.end, q.end + 60))
    )


_PREVIOUS_SPAN = re.compile(
    r"\b(?:the\s+)?(?:previous|preceding|prior|earlier)\s+(?:(?:five|four|ten|5|4|10)[- ]years?(?:\s+period)?|(?:five|four|ten|5|4|10)[- ]year\s+period|period|window)\b",
    re.I,
)


# a money amount: what "most of it" after it is a part of
_MONEY = re.compile(
    r"(?:[$€£¥]|\bUS\$|\b(?:USD|EUR|GBP)\s?)\s?\d|\b\d[\d.,]*\s*(?:(?:billion|million|bn|mn|m|trillion)\s+)?(?:dollars|euros|pounds|rupees|roubles|rubles|yuan|yen|shekels)\b",
    re.I,
)


def earlier_periods(v: View, frames: list[Frame], today: date | None = None) -> list[Frame]:
    """The period of each '… up from 74 % in 2014–18 / in the previous five years' frame: its own
    explicit period, else the window of the same length just before its main frame's period (an
    arms frame without one is about the current window, the five years to the year before
    `today`). Frames whose period cannot be fixed are dropped."""
    keep = []
    for f in frames:
        main = f.extra.pop("earlier_than", None) if f.extra else None
        if main is None:
            keep.append(f)
            continue
        if main.period is None and today is not None and main.metric == "arms":
            y0, y1 = N.current_window(today)
            main = replace(main, period={"start": y0, "end": y1, "text": "", "source": "default"})
        shift = f.extra.pop("shift_years", None)
        if shift and main.period:
            # "the previous year's first place": the window one year back
            f.period = {
                "start": main.period["start"] - shift,
                "end": main.period["end"] - shift,
                "text": "the previous year",
                "source": "explicit",
            }
            keep.append(f)
            continue
        a, b = v.clause(f.span[0])
        nxt = v.s(f.span[1], b)
        own = next(
            (
                p
                for p in v.periods
                if f.span[1] <= p.span[0] < b
                and p.kind not in {"anaphor", "past"}
                and p.span[0] - f.span[1] < 30
            ),
            None,
        )
        if own is not None:
            f.period = {"start": own.start, "end": own.end, "text": own.text, "source": "explicit"}
        elif main.period and (
            _PREVIOUS_SPAN.match(
                nxt.lstrip()[3:] if nxt.lstrip().lower().startswith("in ") else nxt.lstrip()
            )
            or not any(f.span[1] <= p.span[0] < b for p in v.periods)
        ):  # "…, up from 21st (in the previous period)": the window just before the main one
            n = main.period["end"] - main.period["start"] + 1
            f.period = {
                "start": main.period["start"] - n,
                "end": main.period["end"] - n,
                "text": "the previous period",
                "source": "explicit",
            }
        else:
            continue
        keep.append(f)
    return keep


def _share_values(v: View, taken: list[tuple[int, int]]) -> list[N.Share]:
    """The sentence's shares, minus those inside changes ('rose 16 per cent') or percentage points,
    plus bare numbers continuing a list of shares ('27 percent … to India, 14 to China')."""
    out = []
    for q in v.shares:
        if any(a <= q.start < b for a, b in taken):
            continue
        if re.match(r"\s*(?:percentage\s+points?|pp)\b", v.text[q.end : q.end + 20], re.I):
            continue
        if re.search(r"[-–−+]\s*$", v.s(q.start - 2, q.start)) and q.form == "digits":
            continue  # "(–31 per cent)": a signed change
        if (
            q.form == "quantifier"
            and re.match(r"\s*of\s+(?:it|them|this|that|which)\b", v.text[q.end : q.end + 14], re.I)
            and _MONEY.search(v.s(v.clause(q.start)[0], q.start))
        ):
            continue  # "$3.8 billion in aid, most of it as grants": a part of a money amount
        if any(c.end <= q.start for c in v.changes) and re.search(
            r"\bby\s+(?:about\s+|some\s+|nearly\s+|almost\s+|around\s+)?$",
            v.s(q.start - 16, q.start),
            re.I,
        ):
            continue  # "… declined by 92 %, and to India by 51 %": a gapped change, not a share
        out.append(q)
    # unit elided in a list: "… sells 27 percent of its weapons to India, 14 to China and 14 to Algeria"
    extra = []
    for q in out:
        if q.form != "digits":
            continue
        a, b = v.clause(q.start)
        for m in re.finditer(
            r"(?:,|\band)\s+(\d{1,2}(?:\.\d)?)\s+(?=(?:to|from)\s+(?:the\s+)?[A-Z])",
            v.text[q.end : b],
        ):
            s = q.end + m.start(1)
            e = q.end + m.end(1)
            if not any(x.start <= s < x.end for x in v.shares):
                val = float(m.group(1))
                extra.append(
                    N.Share(
                        val,
                        "eq",
                        "digits",
                        len(m.group(1).split(".")[1]) if "." in m.group(1) else 0,
                        s,
                        e,
                        m.group(1),
                    )
                )
    return sorted(out + extra, key=lambda q: q.start)


_PROPORTION_ADVERB = re.compile(N.PROPORTION_ADVERBS, re.I)

# a partitive before the clause it frames: "Of global arms exports, …", "Out of India's imports, …"
_FRONTED_OF = re.compile(r"\s*(?:Of|Out\s+of)\s+(?:the\s+)?(?P<np>[^,;:()]{3,80}?)\s*,")


def _read_share(v: View, q: N.Share, prev: Frame | None, ctx: Context) -> list[Frame]:
    a, b = v.clause(q.start)
    metric = _metric_at(v, q.start, ctx)
    value = q.to_dict() | {"decimals": q.decimals}
    np = _of_np(v, q.end, b)
    np_text = v.s(*np) if np else ""
    if (
        np
        and any(np[0] <= r.start < np[1] for r in v.regions)
        and (
            not any(np[0] <= s.start < np[1] for s in v.states)
            or re.search(r"\b(?:to|from|in)\s+(?:the\s+)?" + _REGION_WORDS, np_text, re.I)
        )
    ):
        return []  # "35 % of all arms transfers to the region", "most of Russia's arms exports to Africa"
    if np and re.search(
        r"\b(?:world|global)\s+(?:oil|crude)\s+(?:production|output|consumption)|\b(?:production|consumption|output)\b",
        np_text,
        re.I,
    ):
        return []  # shares of world oil production/consumption: no claim type
    if np and re.search(
        r"\b(?:gdp|budget|spending|expenditure|population|revenues?|gross)\b", np_text, re.I
    ):
        return []
    pronoun_np = (
        bool(np)
        and bool(re.fullmatch(r"(?:these|those|them|this|that|it)", np_text.strip(), re.I))
        and not any(np[0] <= m.start < np[1] for m in v.mentions)
    )
    earlier_np = (
        _earlier_total(v, q.start)
        if pronoun_np and np_text.strip().lower() in {"them", "those", "it"}
        else None
    )
    if pronoun_np and earlier_np is None:
        return []  # "57 percent of these": a share of something the reader cannot name
    tail = v.text[(np[1] if np else q.end) : b]
    if re.match(
        r"\s*(?:(?:were|was|is|are|went|go|goes|going)\s+)?(?:\w+\s+)?(?:to|from|for)\s+(?:the\s+)?(?:Middle\s+East|Africa|Europe|Asia|Oceania|the\s+Americas|Americas|South\s+Asia|Southeast\s+Asia|East\s+Asia|the\s+region|the\s+Gulf|Latin\s+America)",
        tail,
        re.I,
    ):
        return []  # "almost half of its weapons were supplied to the Middle East": a regional share
    if np is None:
        # "nine in ten weapons Armenia imported …", "half of the weapons Baku bought …"
        ag = re.match(
            r"\s*(?:of\s+)?(?:the\s+|all\s+(?:the\s+)?)?(?:(?:major|conventional)\s+)?(?:arms|weapons|weaponry|oil|crude)\s+(?:that\s+|which\s+)?(?:the\s+)?",
            v.text[q.end : b],
        )
        if ag:
            s_ag = _state_at(v, q.end + ag.end(), 0)
            verb = (
                re.match(
                    r"\s+(?:has\s+|had\s+)?(imported|bought|purchased|received|acquired|exported|sold|supplied|delivered)\b",
                    v.text[s_ag.end : s_ag.end + 20],
                    re.I,
                )
                if s_ag
                else None
            )
            if s_ag is not None and verb:
                np = (q.end, s_ag.end + verb.end())
                np_text = v.s(*np)
                earlier_np = Owner(
                    s_ag,
                    "import"
                    if verb.group(1).lower()
                    in {"imported", "bought", "purchased", "received", "acquired"}
                    else "export",
                    "agent",
                )
    np_owner = earlier_np or (_np_owner(v, *np) if np else None)
    if np is None and q.form == "quantifier" and _PROPORTION_ADVERB.fullmatch(q.text):
        # "India's arms came mostly from Russia", "India, whose arms came mostly from …": the
        # total the adverb is a proportion of is the owned one before it
        np_owner = _earlier_total(v, q.start)
    if np_owner is None and np and prev is not None and prev.scope == "bilateral":
        only = [m for m in v.states if np[0] <= m.start < np[1]]
        if (
            len(only) == 1
            and re.fullmatch(r"\s*(?:the\s+)?", v.s(np[0], only[0].start))
            and not v.s(only[0].end, np[1]).strip()
        ):
            np_owner = Owner(
                only[0], prev.side, "ellipsis"
            )  # "… of Armenia's major weapons and almost two-thirds of Azerbaijan"
    bare_np = (
        bool(np)
        and np_owner is None
        and not _global_np(v, *np)
        and bool(
            re.fullmatch(
                r"(?:the\s+|total\s+|all\s+)*(?:arms\s+)?(?:sales|exports|imports|purchases|business|deliveries)",
                np_text.strip(),
                re.I,
            )
        )
    )
    bare_global = False
    if bare_np:
        np_owner = _earlier_total(
            v, q.start
        )  # "… buyers of American weapons …, which accounted for 3.6 % of sales"
        # "Qatar received 7.6 % of arms imports": nobody's total is named, so the world's
        bare_global = np_owner is None and bool(re.search(r"\barms\b", np_text, re.I))
    after = _theme_after(v, np[1] if np else q.end, b)
    att = _attached_before(v, q, a)
    ditr = _ditransitive(v, q, a, att, np_owner, metric)
    if ditr is not None:
        return [ditr]
    subj = _subject_before(v, q.start, a)
    each = _after_is_each(v, q)
    rule = "share"
    theme: Mention | None = None
    theme_role: str | None = None
    if after is not None:
        theme, theme_role = after
        rule = "share+from/to"
    elif att is not None:
        theme = att
        rule = "share+item"
    elif subj is not None:
        theme, theme_role = subj
        if theme_role == "part":
            theme_role = None
        rule = "share+subject"
        if len(_coordination_before(v, theme, a)) >= 2 and not each:
            return []  # "Egypt, Algeria and Morocco accounted for most of …": a combined share
    if theme is None:
        rel = re.search(
            r"\b(?:relies|relied|rely|relying|depends|depended|depend|depending|counts|counted|draws|drew)\s+(?:heavily\s+|mainly\s+|largely\s+)?on\s+(?:the\s+)?$",
            v.s(a, q.start - 40 if q.start - 40 > a else a),
            re.I,
        )
        for m in reversed([m for m in v.states if a <= m.start < q.start]):
            if re.search(
                r"\b(?:relies|relied|rely|relying|depends|depended|depend|depending|counts|counted|draws|drew)\s+(?:heavily\s+|mainly\s+|largely\s+)?on\s+(?:the\s+)?$",
                v.s(max(a, m.start - 40), m.start),
                re.I,
            ) and re.fullmatch(
                r"\s+for\s+(?:(?:more\s+than|almost|nearly|about|some|over|around|roughly)\s+)?",
                v.s(m.end, q.start),
                re.I,
            ):
                theme, theme_role, rule = (
                    m,
                    "supplier",
                    "share+relies-on",
                )  # "Israel relies on Azerbaijan for 40 % of its oil"
                break
        del rel
    if theme is None:
        flow = re.search(
            r"\b(?:went|go|goes|going|were\s+sent|was\s+sent|were\s+delivered|were\s+exported|were\s+sold|transfers?|deliveries|exports|shipments|sales)\s+(?:\w+\s+)?to\s+(?:the\s+)?$",
            v.s(a, q.start - 30 if q.start - 30 > a else a) + "",
            re.I,
        )
        for m in reversed([m for m in v.states if a <= m.start < q.start]):
            pre = v.s(max(a, m.start - 40), m.start)
            if re.search(
                r"\b(?:went|go|goes|going|sent|delivered|exported|sold|transfers?|transfer|deliveries|exports|shipments|sales)\s+(?:\w+\s+)?to\s+(?:the\s+)?$",
                pre,
                re.I,
            ) and L.PART_RE.search(v.s(m.end, q.start)):
                theme, theme_role, rule = (
                    m,
                    "recipient",
                    "share+flow",
                )  # "arms transfer to China was 23 % of …", "went to Pakistan, making up 63 %"
                break
        del flow
    if (
        theme is None
        and re.match(
            r"\s*(?:this|that|it|these)\s+(?:figure\s+|share\s+)?(?:accounts?|accounted|represents?|represented|amounts?|amounted|makes?\s+up|made\s+up|is|was|equals?|equalled)\b",
            v.s(a, q.start),
            re.I,
        )
        and ctx.last is not None
        and ctx.last.theme
    ):
        theme = Mention(
            a, a, ctx.last.theme, "name", ""
        )  # "India was the largest importer. This accounts for 11 percent of global imports."
        rule = "share+this"
    if theme is None and re.fullmatch(
        r"\s*(?:with|at)\s+(?:an?\s+)?(?:(?:more\s+than|almost|nearly|about|some|over|around)\s+)?",
        v.s(a, q.start),
        re.I,
    ):
        after_comma = re.search(r",\s*(?:the\s+)?", v.text[q.end : b])
        if after_comma:
            theme = _state_at(v, q.end + after_comma.end(), 0)
            rule = "share+fronted"
    if (
        theme is None
        and prev is not None
        and a <= prev.span[0]
        and re.search(r"\band\b", v.s(prev.span[1], q.start))
        and prev.theme
    ):
        theme = Mention(prev.span[0], prev.span[0], prev.theme, "name", "")
        rule = "share+conjunct"
    if _regional(v, a, q.start) or (
        np and re.search(r"\b(?:to|in|of|within)\s+the\s+region\b", np_text, re.I)
    ):
        return []
    if (
        theme is not None
        and np
        and np_owner is not None
        and theme.id == np_owner.mention.id
        and theme_role in {"supplier", "recipient"}
        and any(
            np[0] <= m.start < np[1]
            and m.id != theme.id
            and re.search(r"\b(?:to|from)\s+(?:the\s+)?$", v.s(m.start - 12, m.start), re.I)
            and not re.match(r"\s*(?:,|and\b)", v.text[m.end : m.end + 6])  # "to A and B combined"
            for m in v.states
        )
    ):
        theme = None  # "Russia sold 34 % of its arms exports to India": the partner is inside
    if theme is None and np and np_owner is not None:
        # "40 per cent of Egypt's arms imports from Russia": the partner is named inside the phrase
        inner = next(
            (
                m
                for m in v.states
                if np[0] <= m.start < np[1]
                and m.id != np_owner.mention.id
                and re.search(r"\b(?:from|by|to)\s+(?:the\s+)?$", v.s(m.start - 12, m.start), re.I)
            ),
            None,
        )
        if inner is not None:
            theme = inner
            theme_role = (
                "recipient"
                if re.search(r"\bto\s+(?:the\s+)?$", v.s(inner.start - 8, inner.start), re.I)
                else "supplier"
            )
            rule = "share+inner"
    themes = [theme] if theme is not None else []
    if each:
        nm = re.search(r"\bthe\s+(?:next|other|following)\s+(\w+)\b", v.s(a, q.start), re.I)
        n = _numword(each.group("n")) or (_numword(nm.group(1)) if nm else None)
        group = _group_for_each(v, q, n, {theme.id} if theme and theme.id else set())
        if group:
            themes = group
            theme = group[0]
            rule = "share+each"
    # the owner of the total
    owner: Owner | None = None
    if np_owner is not None and (theme is None or np_owner.mention.id != theme.id):
        owner = np_owner
    elif (
        np_owner is not None
        and theme is not None
        and np_owner.mention.id == theme.id
        and np_owner.mention.alt
    ):
        owner = replace(np_owner, mention=replace(np_owner.mention, id=np_owner.mention.alt))
    if owner is None and after is not None and np_text.strip().lower() == "which":
        subj0 = next(
            (
                m
                for m in v.states
                if a <= m.start < q.start
                and not _PREP_BEFORE.search(v.s(max(a, m.start - 10), m.start))
            ),
            None,
        )
        if subj0 is not None and subj0.id != theme.id:  # type: ignore[union-attr]
            owner = Owner(subj0, "import" if theme_role == "supplier" else "export", "which")
    if owner is None and after is not None and subj is not None and subj[0].id != theme.id:  # type: ignore[union-attr]
        # "Azerbaijan purchases 51% of weapons from Russia": the subject owns the imports
        s_m, s_role = subj
        owner = Owner(s_m, "import" if theme_role == "supplier" else "export", "subject")
    if np is None and theme is not None and rule == "share+subject":
        # "the US share of global arms exports rose to 36 per cent", "Russia's share in Chinese imports was …"
        sm = re.search(r"\bshare\b", v.s(theme.end, q.start), re.I)
        if sm:
            np = _of_np(v, theme.end + sm.start(), q.start) or _of_np(
                v, theme.end + sm.end(), q.start
            )
            np_text = v.s(*np) if np else ""
            if np and np_owner is None:
                o = _np_owner(v, *np)
                if o is not None and o.mention.id != theme.id:
                    np_owner = owner = o
    if np is None and theme is not None and rule == "share+subject":
        # "Of global arms exports, the US took 42 %": a fronted partitive names the total
        fr = _FRONTED_OF.match(v.text, v.start, q.start)
        if fr is not None and fr.end() <= theme.start:
            np = (fr.start("np"), fr.end("np"))
            np_text = v.s(*np)
            o = _np_owner(v, *np)
            if o is not None and o.mention.id != theme.id and o.side is not None:
                np_owner = owner = o
    glob = bool(np) and np_owner is None and (_global_np(v, *np) or bare_global)
    total_ref = (
        bool(np)
        and np_owner is None
        and not glob
        and bool(re.fullmatch(r"(?:the\s+)?total", np_text.strip(), re.I))
    )
    if re.match(
        r"\s*(?:share\s+)?(?:globally|worldwide|of\s+the\s+(?:global|world))",
        v.text[q.end : q.end + 30],
        re.I,
    ):
        glob = True
    if re.search(
        r"\b(?:global|world['’]?s?)\s+share\b|\bshare\s+globally\b", v.s(a, q.start), re.I
    ):
        glob = True
    side: str | None = None
    inherited: str | None = None
    if owner is not None:
        side = owner.side
        if owner.how == "adj-arms" and theme_role == "supplier":
            side = "import"  # … unless they "come from" someone: "Azerbaijani weapons come from Israel"
        if side is None:
            # the verb or the theme's role decides: 'Azerbaijan purchases 17 percent of the weapons of this country'
            if theme_role == "recipient":
                side = "export"
            elif theme_role == "supplier":
                side = "import"
            else:
                side = _side_of_words(L.words(np_text)) or _side_of_words(L.words(v.s(a, q.start)))
    if owner is None and not glob:
        h = None
        items_head_end = themes[0].start if themes else q.start
        if rule == "share+item":
            first = _chain_start(v, themes[0], a)
            h = head(v, a, first.start, ctx)
            if h.owner is None and not h.glob:
                h2 = head(v, a, b, ctx)
                h = (
                    h2
                    if (h2.owner is not None and h2.owner.mention.id != theme.id) or h2.glob
                    else h
                )  # type: ignore[union-attr]
        elif rule == "share+subject":
            h = head(v, q.end, b, ctx)
        elif rule == "share+each" and a < themes[0].start:
            h = head(v, a, themes[0].start, ctx)  # "Suppliers to X were A, B and C, with 1 % each"
        if (
            h is not None
            and h.owner is not None
            and (theme is None or h.owner.mention.id != theme.id)
        ):
            owner = h.owner
            side = h.side()
            if metric is None:
                metric = h.metric
        elif h is not None and h.glob:
            glob = True
        del items_head_end
    if owner is None and not glob and total_ref:
        earlier = _earlier_total(v, q.start)
        if earlier is not None and (theme is None or earlier.mention.id != theme.id):
            owner, side = earlier, earlier.side
            rule += "+total"
    topic = ctx.topic if prev is None and not total_ref else None
    if (
        topic is not None
        and owner is None
        and not glob
        and theme is not None
        and metric in {None, topic.metric}
    ):
        if topic.state is None:
            return []  # "About half came from the US" after a region's imports: no claim type
        if topic.state != theme.id:
            owner = Owner(Mention(0, 0, topic.state, "name", ""), topic.side, "context")
            side, metric = topic.side, metric or topic.metric
            rule += "+topic"
    if owner is None and not glob and (total_ref or theme is not None):
        # ellipsis: the previous value's frame in this sentence, else the last frame read before
        base = (
            prev
            if prev is not None
            else continued(v, ctx, q.start, theme.id if theme is not None else None)
        )
        if base is not None and (metric is None or base.metric == metric):
            if base.scope == "global":
                glob = True
                side = base.side
                inherited = base.side
            elif base.owner and (theme is None or base.owner != theme.id):
                owner = Owner(Mention(0, 0, base.owner, "name", ""), base.side, "context")
                side = base.side
                rule += "+context"
    if theme is None:
        return []
    if metric is None and prev is not None and base_used(prev, rule):
        metric = prev.metric
    if metric is None:
        return []
    if glob:
        kind = (
            _global_kind(v, a, b, q, theme_role, prev)
            or inherited
            or (ctx.last.side if ctx.last is not None and ctx.last.scope == "global" else None)
        )
        if kind is None:
            return []
        return [
            Frame(
                "share",
                metric,
                "global",
                kind,
                None,
                t.id,
                dict(value),
                (q.start, q.end),
                rule=rule + "+global",
            )
            for t in themes
        ]
    if owner is None or side is None:
        return []
    if (
        rule.startswith("share+item")
        and prev is not None
        and prev.scope == "bilateral"
        and prev.owner == owner.mention.id
        and prev.metric == metric
        and a <= prev.span[0]
    ):
        # "… taking 34 % of its exports, followed by China at 21 %": a list item continues the
        # clause's share (the same total), whatever the head words suggest
        side = prev.side
    frames = []
    for t in themes:
        if t.id == owner.mention.id:
            if t.alt and t.alt != owner.mention.id:
                t = replace(t, id=t.alt)
            elif owner.mention.alt and owner.mention.alt != t.id:
                owner = replace(owner, mention=replace(owner.mention, id=owner.mention.alt))
            else:
                continue
        frames.append(
            Frame(
                "share",
                metric,
                "bilateral",
                side,
                owner.mention.id,
                t.id,
                dict(value),
                (q.start, q.end),
                rule=rule,
            )
        )
    return frames


_GIVE_VERB = re.compile(
    r"\b(?:sells?|sold|selling|supplies|supplied|supply|supplying|provides?|provided|providing|"
    r"ships?|shipped|shipping|gives?|gave|giving|furnishes|furnished)\s+(?:the\s+)?$",
    re.I,
)


def _ditransitive(
    v: View, q: Any, a: int, att: Mention | None, np_owner: Owner | None, metric: str | None
) -> Frame | None:
    """'Azerbaijan sells Israel most of its oil', 'Russia supplied India 60 % of its arms': the
    recipient right after the verb owns the total ('its' is the nearer state), the subject supplies it."""
    if att is None or np_owner is None or metric is None:
        return None
    if np_owner.mention.form != "pronoun" or np_owner.mention.id != att.id:
        return None
    if not re.fullmatch(r"\s*(?:with\s+)?", v.s(att.end, q.start)):
        return None
    verb = _GIVE_VERB.search(v.s(max(a, att.start - 40), att.start))
    if verb is None:
        return None
    vstart = max(a, att.start - 40) + verb.start()
    giver = next(
        (m for m in reversed(v.states) if a <= m.start and m.end <= vstart and m.id != att.id), None
    )
    if giver is None:
        return None
    return Frame(
        "share",
        metric,
        "bilateral",
        "import",
        att.id,
        giver.id,
        q.to_dict() | {"decimals": q.decimals},
        (q.start, q.end),
        rule="share+give-its",
    )


def base_used(prev: Frame, rule: str) -> bool:
    return rule.endswith("+context")


def _shares_of_ranks(
    v: View, shares: list[Frame], ranks: list[Frame], taken: list[tuple[int, int]]
) -> list[Frame]:
    """'Russia emerging as New Delhi's top supplier with an 80 percent share', 'the largest buyer …,
    accounting for 35 %': the share is the ranked state's, in the rank's frame."""
    out = list(shares)
    for q in v.shares:
        if any(a <= q.start < b for a, b in taken):
            continue
        a, b = v.clause(q.start)
        item = next(
            (
                r
                for r in ranks
                if r.rule in {"rank+list", "rank+list+context"}
                and r.scope == "bilateral"
                and r.owner
                and any(
                    m.id == r.theme
                    and m.end <= q.start
                    and re.fullmatch(r"\s*\(\s*", v.s(m.end, q.start))
                    for m in v.states
                )
            ),
            None,
        )
        if item is not None:
            # "the main client countries being Myanmar (46 %), …": each item's share is in the
            # list's frame (the owner's exports), not the world's
            new = replace(
                item,
                kind="share",
                value=q.to_dict() | {"decimals": q.decimals},
                span=(q.start, q.end),
                rule="share+list",
                period=None,
            )
            out = [f for f in out if f.span != (q.start, q.end)] + [new]
            continue
        for r in sorted(ranks, key=lambda f: -f.span[0]):
            if (
                not (a <= r.span[0] < q.start)
                or r.scope not in {"bilateral", "global"}
                or r.rule in {"rank+behind", "rank+ahead", "rank+followed-by"}
            ):
                continue
            gap = v.s(r.span[1], q.start)
            if re.match(
                r"\s*(?:share\s+)?(?:of|in)\s", v.text[q.end : q.end + 12], re.I
            ) and not re.match(
                r"\s*of\s+(?:the\s+total|it|them|those|the\s+market)\b",
                v.text[q.end : q.end + 24],
                re.I,
            ):
                continue  # the share names its own total ("70 percent of its purchases")
            if re.fullmatch(
                r"[\w\s'’–-]{0,60}?(?:,\s*|\s+)(?:with\s+(?:an?\s+)?|accounting\s+for\s+|taking\s+|making\s+up\s+|representing\s+)(?:(?:more\s+than|almost|nearly|about|some|over|around|roughly)\s+)?",
                gap,
                re.I,
            ) and not any(
                r.span[1] <= m.start < q.start and m.id != r.theme and m.id != r.owner
                for m in v.states
            ):
                value = q.to_dict() | {"decimals": q.decimals}
                new = replace(
                    r,
                    kind="share",
                    value=value,
                    span=(q.start, q.end),
                    rule="share+rank",
                    period=None,
                )
                out = [f for f in out if f.span != (q.start, q.end)] + [new]
                break
    return out
