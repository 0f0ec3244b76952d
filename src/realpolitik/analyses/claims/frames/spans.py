"""Small helpers over the spans of one sentence: lists of states, comparisons, appositions, metric words, baselines."""

from __future__ import annotations

import re

from realpolitik.analyses.claims import lexicon as L
from realpolitik.analyses.claims import numbers as N
from realpolitik.analyses.claims.frames.base import Context, View
from realpolitik.analyses.claims.mentions import Mention

_WORD = re.compile(r"(?:[A-Za-z]\.){2,}|[A-Za-z0-9][\w'’-]*(?:\.\d+)?|[^\w\s]")


_COPULA = (
    r"(?:is|was|are|were|remains?|remained|became|becomes|become|has\s+become|have\s+become|"
    r"had\s+become|ranks?|ranked|ranking|placed|stood|stands|emerged\s+as|emerging\s+as|emerges\s+as|"
    r"comes?|came|finished|(?:was|is|were|are)\s+(?:listed|ranked|identified|named|described|considered|seen|cited|mentioned)(?:\s+as)?|"
    r"listed(?:\s+as)?|identified\s+as|named|to\s+become|becoming|being|continued\s+to\s+be|continues\s+to\s+be|"
    r"has\s+been|have\s+been|had\s+been|is\s+still|was\s+still|remains\s+the|also|appears?\s+to\s+be|appeared\s+to\s+be|seems?\s+to\s+be|seemed\s+to\s+be|proved\s+to\s+be|turned\s+out\s+to\s+be)"
)


_COMPARE_BEFORE = re.compile(
    r"\b(?:overtook|overtaking|overtaken|surpassed|surpassing|outpaced|outpacing|than|behind|ahead\s+of|edged\s+past|moved\s+past|pulled\s+ahead\s+of|passed|"
    r"after|replaced|replacing|displaced|displacing|ousting|ousted|beat|beating|unlike|compared\s+(?:to|with)|"
    r"like|including|such\s+as|besides|except|excluding|over)\s+(?:the\s+)?(?:(?:second|third|fourth|fifth|\d+(?:st|nd|rd|th)|[\w-]+placed|[\w-]+ranked|[\w-]+-largest|and)\s+){0,3}$",
    re.I,
)


_PREP_BEFORE = re.compile(
    r"(?<!nation )(?<!country )(?<!republic )(?<!kingdom )(?<!state )\b(?P<p>of|to|from|by|for|in|into|with|at|than|on|against|between|among|and|or)\s+(?:the\s+)?$",
    re.I,
)


_ITEM_SEP = re.compile(
    r"^\s*(?:,\s*(?:and|or|nor|as\s+well\s+as)?|and|or|nor|&|as\s+well\s+as)\s*(?:the\s+)?$", re.I
)


_ATTACH = re.compile(
    r"^\s*$|^\s*:\s*$|^\s*(?:,\s*)?(?:\(\s*|(?:at|with|on|of)\s+(?:an?\s+)?|,?\s*(?:accounting\s+for|making\s+up|taking|representing|"
    r"with\s+a\s+share\s+of|with\s+an?)\s+|(?:is|was|are|were|ranked|came|comes|placed)\s+(?:a\s+(?:close|distant)\s+)?"
    r"(?:\w+|\d+(?:st|nd|rd|th))\s+(?:with|at)\s+(?:an?\s+)?|,?\s*(?:a\s+(?:close|distant)\s+)?\w+\s+at\s+|"
    r"(?:ranked|placed)\s+\w+\s*\(\s*|in\s+\w+\s+place\s+(?:and|with)\s+(?:an?\s+)?)$",
    re.I,
)


def _compared(v: View, m: Mention, lo: int) -> bool:
    """Whether a state is the object of a comparison ('ahead of Germany and France', 'than Russia')."""
    key = ("compared", m.start, lo)
    if key not in v.memo:
        v.memo[key] = _compared_uncached(v, m, lo)
    return v.memo[key]


def _compared_uncached(v: View, m: Mention, lo: int) -> bool:
    if _COMPARE_BEFORE.search(v.s(max(lo, m.start - 60), m.start)):
        return True
    first = _coordination_before(v, m, lo)[0]
    return first is not m and bool(
        _COMPARE_BEFORE.search(v.s(max(lo, first.start - 60), first.start))
    )


def _nearest_state_before(
    v: View, pos: int, lo: int, *, skip_compared: bool = True, exclude: set[str] | None = None
) -> Mention | None:
    for m in reversed(v.states):
        if m.end > pos or m.start < lo:
            continue
        if exclude and m.id in exclude:
            continue
        if skip_compared and _compared(v, m, lo):
            continue
        return m
    return None


def _state_at(v: View, pos: int, slack: int = 6) -> Mention | None:
    """The state starting at pos (after optional 'the ' / spaces)."""
    for m in v.states:
        if pos <= m.start <= pos + slack and re.fullmatch(
            r"\s*(?:the\s+)?", v.s(pos, m.start), re.I
        ):
            return m
    return None


def _coordination(v: View, first: Mention, hi: int) -> list[Mention]:
    """The run of states coordinated with `first` ("A, B (6 %), C and D"), values between allowed.
    Two states joined by a bare comma are not a list ("For Vietnam, Russia remained …")."""
    key = ("coord", first.start, hi)
    if key not in v.memo:
        v.memo[key] = _real_list(v, _coordination_uncached(v, first, hi))
    return list(v.memo[key])


def _real_list(v: View, run: list[Mention]) -> list[Mention]:
    if len(run) == 2 and not re.search(
        r"\b(?:and|or|nor)\b|&|as\s+well\s+as", _strip_values(v.s(run[0].end, run[1].start)), re.I
    ):
        return run[:1]
    return run


def _coordination_uncached(v: View, first: Mention, hi: int) -> list[Mention]:
    run = [first]
    if first.form in {"relative", "pronoun", "description"}:
        return run
    states = [
        m
        for m in v.states
        if m.start > first.start
        and m.start < min(hi, first.start + 40 * MAX_ITEMS)
        and m.form not in {"relative", "pronoun"}
    ]
    cur = first
    for m in states:
        if len(run) >= MAX_ITEMS:
            break
        if any(m.id == r.id for r in run):
            break
        between = v.s(cur.end, m.start)
        between = _strip_values(between)
        if not _ITEM_SEP.match(between):
            break
        if not re.search(r"\b(?:and|or|nor)\b|&", between) and re.match(
            r"\s+(?:was|is|were|are|has|had|ranked|ranks|came|comes|remained|remains|became|accounted|took|bought|supplied)\b",
            v.text[m.end : m.end + 14],
            re.I,
        ):
            break
        run.append(m)
        cur = m
    return run


_VALUE_IN = re.compile(
    r"^\s*(?:\([^()]{0,60}\)|,?\s*(?:at|with|accounting\s+for|making\s+up|taking)\s+[^,;()]{0,30}?(?:%|per\s?cent|percent)|"
    r",\s*(?:which|who)\s+(?:accounted\s+for|made\s+up|took|supplied|provided|delivered|received|had)\s+[^,;()]{0,30}?(?:%|per\s?cent|percent)(?=\s*,)|"
    r"\s+(?:at|with)\s+[^,;()]{0,20}?(?:%|per\s?cent|percent))",
    re.I,
)


def _strip_values(between: str) -> str:
    m = _VALUE_IN.match(between)
    return between[m.end() :] if m else between


def _coordination_before(v: View, last: Mention, lo: int) -> list[Mention]:
    """The run of coordinated states ending with `last`."""
    key = ("coord_before", last.start, lo)
    if key not in v.memo:
        run = _real_list(v, _coordination_before_uncached(v, last, lo))
        v.memo[key] = run if run[-1] is last else [last]
    return list(v.memo[key])


MAX_ITEMS = 25  # the longest list read (bounds the work on a run of names)


def _coordination_before_uncached(v: View, last: Mention, lo: int) -> list[Mention]:
    run = [last]
    bare_comma = False
    if last.form in {"relative", "pronoun", "description"}:
        return run
    for m in reversed(
        [
            s
            for s in v.states
            if s.end <= last.start
            and s.start >= max(lo, last.start - 40 * MAX_ITEMS)
            and s.form not in {"relative", "pronoun"}
        ]
    ):
        if len(run) >= MAX_ITEMS:
            break
        between = _strip_values(v.s(m.end, run[0].start))
        if not _ITEM_SEP.match(between):
            break
        joined = bool(re.search(r"\b(?:and|or|nor)\b|&|as\s+well\s+as", between, re.I))
        if joined and bare_comma:
            return [last]  # "After A and B, C is third": the 'and' closed a list C is not in
        bare_comma = bare_comma or not joined
        run.insert(0, m)
    return run


def _chain_start(v: View, m: Mention, lo: int) -> Mention:
    """The first item of the whole list `m` belongs to (one left-to-right pass per clause, memoised)."""
    key = ("chains", lo)
    if key not in v.memo:
        starts: dict[int, Mention] = {}
        prev: Mention | None = None
        first: Mention | None = None
        for x in v.states:
            if x.start < lo or x.form in {"relative", "pronoun", "description"}:
                continue
            if (
                prev is not None
                and first is not None
                and _ITEM_SEP.match(_strip_values(v.s(prev.end, x.start)))
            ):
                starts[x.start] = first
            else:
                first = x
                starts[x.start] = x
            prev = x
        v.memo[key] = starts
    return v.memo[key].get(m.start, m)


def _words_between(v: View, a: int, b: int) -> list[str]:
    return L.words(v.s(a, b))


def _metric_words(v: View) -> list[tuple[int, str]]:
    """(position, 'arms'|'oil') of every metric word of the sentence (computed once per sentence)."""
    if "metric_words" in v.memo:
        return v.memo["metric_words"]
    out = []
    mods = re.compile(r"\s+(?:" + "|".join(L.ARMS_MODIFIED) + r")\b", re.I)
    for w in _WORD.finditer(v.text, v.start, v.end):
        low = w.group(0).lower()
        if (
            low in L.ARMS
            or low.startswith("weapon")
            or (low in L.ARMS_MODIFIERS and mods.match(v.text, w.end()))
        ):
            out.append((w.start(), "arms"))
        elif low in L.OIL:
            out.append((w.start(), "oil"))
    v.memo["metric_words"] = out
    return out


_TRADE = re.compile(
    r"\b(?:export|trade|trading)\s+(?:partners?|markets?|destinations?)\b|\b(?:goods|merchandise|products|non-oil\s+exports)\b|\bpartners?\s+for\s+(?:its\s+)?exports\b",
    re.I,
)


# from a value to the end of its "of …" phrase: "more than half of Israel's oil", "60 % of its weapons"
_OWN_PHRASE = re.compile(r"[^,;:.()]{0,40}?\bof\s+[^,;:.()]{0,40}?(?=\s+(?:comes?|came|is|was|are|were|goes|went)\b|[,;:.()]|$)", re.I)


def _metric_at(v: View, pos: int, ctx: Context) -> str | None:
    """The metric of a value: an arms/oil word in the value's own "of …" phrase, else the nearest in its
    clause, else the sentence's; trade when
    the clause names goods or export partners; else the metric of the last two sentences; else trade
    when the clause speaks of exports."""
    a, b = v.clause(pos)
    words = _metric_words(v)
    own = _OWN_PHRASE.match(v.text, pos, b)  # the value's own noun phrase: "half of Israel's oil"
    if own and (inside := [k for p, k in words if pos <= p < own.end()]):
        return inside[0]
    near = [(abs(p - pos), k) for p, k in words if a <= p < b]
    if near:
        return min(near)[1]
    if _TRADE.search(v.text, a, b):
        return "trade"
    near = [(abs(p - pos), k) for p, k in words if v.start <= p < v.end]
    if near:
        return min(near)[1]
    carried = ctx.carried_metric(v.paragraph)
    if carried is not None:
        return carried
    if re.search(r"\bexports?\b", v.s(a, b), re.I):
        return "trade"
    return None


def _numword(t: str | None) -> int | None:
    if not t:
        return None
    n = N.to_number(t)
    return int(n) if n else None


_REGION_WORDS = r"(?:Middle\s+East|Africa|Europe|Asia|Oceania|the\s+Americas|Americas|South\s+Asia|Southeast\s+Asia|East\s+Asia|Central\s+Asia|the\s+region|the\s+Gulf|Latin\s+America|South\s+America|North\s+Africa|sub-Saharan\s+Africa)"


def _regional(v: View, a: int, pos: int) -> bool:
    """A clause about a region's imports ('Within the Middle East, …', 'arms exports to the Middle East …')."""
    before = v.s(a, pos)
    if re.match(rf"\s*(?:within|in|across|among)\s+(?:the\s+)?{_REGION_WORDS}\b", before, re.I):
        return True
    return bool(
        re.search(
            rf"\b(?:exports?|imports?|transfers|deliveries|sales)\s+(?:to|from|in)\s+(?:the\s+)?{_REGION_WORDS}\b",
            before,
            re.I,
        )
    )


def _negated(v: View, lo: int, hi: int) -> bool:
    return bool(L.NEGATION_RE.search(v.s(lo, hi)))


# the base of a comparison after its value: "down from 72 per cent in", "up from second place in"
_BASE_AFTER_VALUE = re.compile(
    r"\b(?:up|down)\s+from\s+[^,;()]{0,30}?(?:%|per\s?cent|percent|place|position|spot|\b\w+(?:st|nd|rd|th)|first|second|third)\s+"
    r"(?:in|during|for|over)\s+(?:the\s+)?(?:(?:period|years?)\s+)?$|"
    r"\b(?:than|compared\s+(?:to|with)|against)\s+(?:in\s+)?(?:the\s+)?(?:previous|preceding|earlier|prior)\s+"
    r"(?:five[- ]year\s+period|five\s+years|period|decade|window)\s*[,(]\s*(?:the\s+years\s+|i\.e\.\s+)?(?:from\s+)?$",
    re.I,
)
# a year that dates an event ("since the war began in 2014", "after the 2020 war", "following the
# invasion in 2022"): not the window of a figure
_EVENT = (
    r"(?:began|begun|started|broke\s+out|erupted|flared|invaded|invasion|war|conflict|coup|revolution|"
    r"annexation|annexed|attack|attacked|ceasefire|truce|independence|signed|agreement|deal|took\s+office|"
    r"was\s+elected|uprising|offensive|occupation)"
)
_EVENT_DATE = re.compile(
    rf"\b(?:since|after|following|before|until|when|ever\s+since)\b[^,;.]{{0,50}}?\b{_EVENT}\b[^,;.%]{{0,12}}?(?:\bin\s+)?(?:the\s+)?$",
    re.I,
)
_EVENT_AFTER = re.compile(rf"\s*(?:[\w-]+\s+){{0,2}}?{_EVENT}\b", re.I)
# a count of items dated by a year ("delivered 24 aircraft in 2021"): the delivery's year, not a
# share's window
_COUNT_DATE = re.compile(
    r"(?<![\w-])(?:\d{1,4}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|hundreds?)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:aircraft|jets?|fighters?|planes?|tanks?|helicopters?|drones?|missiles?|ships?|"
    r"submarines?|frigates?|corvettes?|vessels?|units?|systems?|howitzers?|launchers?|batteries|rockets?|"
    r"vehicles?|guns?|radars?|satellites?)\s+(?:[\w-]+\s+){0,3}?(?:(?:in|during)\s+)?$",
    re.I,
)
# "the highest in any five-year period between 1950 and 2020": a span of windows compared, not one
_ANY_WINDOW = re.compile(
    r"\bany\s+(?:(?:single|other|[\w-]+-year)\s+)?(?:period|window)\s+(?:(?:between|from|since|in)\s+)?(?:the\s+)?$",
    re.I,
)


_BETWEEN = re.compile(
    r"\bbetween\s+(?:the\s+)?(?:(?:two\s+)?five-year\s+periods\s+(?:of\s+)?)?$", re.I
)


def _is_baseline(v: View, p: N.PeriodSpec, has_change: bool) -> bool:
    """A period that is not the claim's own: a comparison baseline ('than in 2010–14', 'compared to
    2013–17', 'down from 72 % in 2010–14', the earlier window of 'between P2 and P1', 'from the
    2002–2006 period' after a change) or an event's date ('since the war began in 2014')."""
    pre = v.text[max(v.start, p.span[0] - 60) : p.span[0]]
    if L.COMPARED_BASE_RE.search(pre):
        return True
    if re.search(r"\bfirst\b[^.;]{0,60}\bsince\s+(?:the\s+)?$", pre, re.I):
        return True
    if (
        _BETWEEN.search(pre)
        and any(
            q.span[0] > p.span[1]
            and re.fullmatch(
                r"\s*(?:period\s+)?and\s+(?:the\s+)?", v.text[p.span[1] : q.span[0]], re.I
            )
            for q in v.periods
        )
        and p.start
        <= min(
            (q.start for q in v.periods if q.span[0] > p.span[1] and q.kind != "anaphor"),
            default=p.start,
        )
    ):
        return True  # "between 2012–16 and 2017–21": the first is the baseline
    first = next(
        (
            q
            for q in v.periods
            if q.span[1] <= p.span[0]
            and re.fullmatch(
                r"\s*(?:period\s+)?and\s+(?:the\s+)?", v.text[q.span[1] : p.span[0]], re.I
            )
        ),
        None,
    )
    if (
        first is not None
        and p.start < first.start
        and _BETWEEN.search(v.text[max(v.start, first.span[0] - 40) : first.span[0]])
    ):
        return True  # "between 2017–21 and 2012–16": the earlier window is the baseline
    if _BASE_AFTER_VALUE.search(pre):
        return True  # "…, down from 72 per cent in 2010–14", "up from second place in 2010–14"
    if p.start == p.end and (
        _EVENT_DATE.search(v.text[max(v.start, p.span[0] - 70) : p.span[0]])
        or _EVENT_AFTER.match(v.text, p.span[1], min(v.end, p.span[1] + 40))
    ):
        return True  # "since the war began in 2014": an event's date, not a figure's window
    if p.start == p.end and _COUNT_DATE.search(pre):
        return True  # "delivered 24 aircraft in 2021": the deliveries' year
    if _ANY_WINDOW.search(pre):
        return True  # "in any five-year period between 1950 and 2020": windows compared
    if has_change and re.search(r"\bfrom\s+(?:the\s+)?$", pre, re.I):
        return True
    return bool(p.kind == "since" and has_change)


def appositions(v: View) -> list[tuple[int, int]]:
    """Spans of appositions after a state: 'China, the world's top arms importer in 2006-7, has …'."""
    if "apps" in v.memo:
        return v.memo["apps"]
    v.memo["apps"] = out = []
    for m in v.states:
        mm = re.match(
            r",\s+(?:the|a|an|its|their|[\w-]+['’]s|once|then|formerly|long|which|who|whose)\b[^,;()]{0,90}?,",
            v.text[m.end : min(v.end, m.end + 100)],
        )
        if mm:
            out.append((m.end + 1, m.end + mm.end() - 1))
    return out
