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
from collections import deque
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from realpolitik.analyses.claims import lexicon as L
from realpolitik.analyses.claims import numbers as N
from realpolitik.analyses.claims.mentions import Mention

HISTORY = 200  # frames remembered across sentences (bounded: the work per sentence stays constant)


@dataclass
class Frame:
    """One reading of one anchor in the text (see the module docstring)."""

    kind: str  # share | rank | change | length | border | rivalry | deal
    metric: str  # arms | oil | trade | geo | security
    scope: str  # bilateral | global | region | group
    side: (
        str | None
    )  # bilateral: "import" (the owner's imports) | "export"; global: "importers" | "exporters"
    owner: str | None
    theme: str | None
    value: dict[str, Any]
    span: tuple[int, int]
    period: dict[str, Any] | None = None
    rule: str = ""
    negated: bool = False
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "metric": self.metric,
            "scope": self.scope,
            "side": self.side,
            "owner": self.owner,
            "theme": self.theme,
            "value": self.value,
            "span": list(self.span),
            "period": self.period,
            "negated": self.negated,
            "rule": self.rule,
            **({"extra": self.extra} if self.extra else {}),
        }


@dataclass
class Context:
    """What the reader carries across sentences."""

    today: date
    last: Frame | None = None  # last share/rank frame of the previous sentences
    last_para: int = -1
    last_period: dict[str, Any] | None = None  # last explicit claim period in the article
    para_periods: dict[str, dict[str, Any]] = field(
        default_factory=dict
    )  # metric → last period in this paragraph
    metric: str | None = None  # the metric of the last sentence with one
    metric_age: int = 99  # sentences since then
    last_deal: tuple[str, str] | None = None  # (supplier, recipient) of the last transfer named
    last_list: list[str] = field(default_factory=list)  # ids of the last list of states
    history: deque[Frame] = field(
        default_factory=lambda: deque(maxlen=HISTORY)
    )  # the last frames read

    def paragraph_period(self, metric: str | None) -> dict[str, Any] | None:
        """The period this paragraph set for a metric, else a multi-year period it set for any."""
        return self.para_periods.get(metric or "") or self.para_periods.get("*")


@dataclass
class View:
    """One sentence with everything the earlier stages found in it (absolute spans)."""

    text: str
    start: int
    end: int
    paragraph: int
    clauses: tuple[tuple[int, int], ...]
    mentions: list[Mention]
    shares: list[N.Share]
    ranks: list[N.Rank]
    changes: list[N.Change]
    lengths: list[N.Length]
    periods: list[N.PeriodSpec]
    memo: dict[Any, Any] = field(
        default_factory=dict, repr=False
    )  # per-sentence results of helpers

    @property
    def states(self) -> list[Mention]:
        if "states" not in self.memo:
            self.memo["states"] = [m for m in self.mentions if m.is_state]
        return self.memo["states"]

    @property
    def regions(self) -> list[Mention]:
        if "regions" not in self.memo:
            self.memo["regions"] = [m for m in self.mentions if m.form == "region"]
        return self.memo["regions"]

    def s(self, a: int, b: int) -> str:
        return self.text[max(a, self.start) : min(b, self.end)]

    def clause(self, pos: int) -> tuple[int, int]:
        for a, b in self.clauses:
            if a <= pos < b:
                return a, b
        return self.start, self.end


def shift(items: list[Any], off: int) -> list[Any]:
    """Quantities found in a sentence string, moved to document offsets."""
    out = []
    for q in items:
        if isinstance(q, N.PeriodSpec):
            out.append(replace(q, span=(q.span[0] + off, q.span[1] + off)))
        else:
            out.append(replace(q, start=q.start + off, end=q.end + off))
    return out


# --- small helpers over spans -------------------------------------------------------------------

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
        if _ITEM_SEP.match(between):
            run.insert(0, m)
        else:
            break
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


# --- owners and roles ---------------------------------------------------------------------------

_ROLE_NOUNS = L.SUPPLIER_NOUNS | L.RECIPIENT_NOUNS


@dataclass
class Owner:
    """The state whose total (or ranking) a phrase names, and which side of trade that total is."""

    mention: Mention
    side: str | None  # "import" | "export" | None (unknown)
    how: str  # poss | adj | of | to | from | by | subject


def _side_of_words(ws: list[str]) -> str | None:
    imp = any(w in L.IMPORT_WORDS for w in ws)
    exp = any(w in L.EXPORT_WORDS for w in ws)
    if imp and not exp:
        return "import"
    if exp and not imp:
        return "export"
    if imp and exp:
        # "imports from", "arms exported by" …: the first direction word decides
        for w in ws:
            if w in L.IMPORT_WORDS:
                return "import"
            if w in L.EXPORT_WORDS:
                return "export"
    return None


def _np_owner(v: View, a: int, b: int) -> Owner | None:
    """The owner named inside a noun phrase [a, b): 'Pakistan's arms imports', 'Saudi weapon imports',
    'the total arms imports of Pakistan', 'the weapons of this country', 'arms exported by Russia',
    'the arms exports from Beijing', 'its purchases', 'Turkish arms', 'total US business'."""
    inside = [m for m in v.states if a <= m.start < b]
    if not inside:
        return None
    m = inside[0]
    before = v.s(a, m.start)
    after = v.s(m.end, b)
    ws_all = L.words(v.s(a, b))
    prep = _PREP_BEFORE.search(before)
    if prep and prep.group("p").lower() in {"of", "from", "by", "to", "for"}:
        p = prep.group("p").lower()
        head = L.words(before[: prep.start()])
        if p in {"from", "by"}:
            if p == "by" and re.search(
                r"\b(?:received|imported|bought|purchased|acquired|obtained)\s*$",
                before[: prep.start()],
                re.I,
            ):
                return Owner(m, "import", p)  # "all major arms received by Azerbaijan"
            # "arms imports from Italy", "arms exported by Russia": the state is the exporter
            return Owner(m, "export", p)
        if p == "to":
            return Owner(m, "import", p)
        side = _side_of_words(head)
        if side is None and (L.has_arms(before) or L.has_oil(before)):
            # "the weapons of this country": its arms; the verb decides the side
            side = None
        return Owner(m, side, p)
    if m.possessive or m.form in {"pronoun", "description"} and m.possessive:
        side = _side_of_words(L.words(after))
        return Owner(m, side, "poss")
    if m.form in {"demonym", "name", "abbrev", "capital", "pronoun", "description"}:
        ws = L.words(after)[:4]
        if not ws:
            return None
        side = _side_of_words(ws)
        how = "adj"
        if side is None and (any(w in L.ARMS for w in ws) or (ws and ws[0] in L.ARMS_MODIFIERS)):
            side, how = (
                "export",
                "adj-arms",
            )  # "Israeli arms", "Turkish weapons": arms made by that state …
        if m.form == "pronoun" and not m.possessive:
            return None
        return Owner(m, side, how)
    del ws_all
    return None


_NP_STOP = frozenset(
    [
        "were",
        "was",
        "is",
        "are",
        "came",
        "come",
        "comes",
        "coming",
        "originated",
        "originating",
        "originate",
        "sourced",
        "shipped",
        "went",
        "go",
        "goes",
        "going",
        "made",
        "belong",
        "belongs",
        "belonged",
        "refers",
        "referred",
        "has",
        "had",
        "have",
        "remained",
        "compared",
        "while",
        "whereas",
        "but",
        "which",
        "that",
        "who",
        "with",
        "according",
        "as",
        "during",
        "in",
        "over",
        "between",
    ]
)


def _of_np(v: View, pos: int, hi: int) -> tuple[int, int] | None:
    """The noun phrase after '<share> of|in' (or '<share> share of|in'): its span, stopping at a verb,
    a comma, a parenthesis or a preposition that starts a new phrase."""
    m = re.match(r"\s*(?:each\s+)?(?:(?:share|stake)\s+(?:of|in)|of)\s+", v.s(pos, hi), re.I)
    if not m:
        return None
    a = pos + m.end()
    i = a
    last_end = a
    participle = False
    for w in _WORD.finditer(v.text, a, hi):
        t = w.group(0)
        low = t.lower()
        if low == "which" and last_end == a:
            return a, w.end()  # "two-thirds of which are supplied by …"
        if t in {",", ";", ")", "(", ":", "."} or t in {"—", "–"}:
            break
        if low in _NP_STOP or low in {"and", "or"}:
            break
        if low in {"from", "to", "by", "for"} and not participle and last_end > a:
            # "weapons from Russia": a new phrase — unless a participle governs it ("exported by")
            break
        participle = low in {
            "exported",
            "imported",
            "sold",
            "supplied",
            "bought",
            "purchased",
            "delivered",
            "shipped",
            "made",
            "produced",
            "imports",
            "exports",
            "sales",
            "transfers",
            "deliveries",
            "received",
            "acquired",
            "obtained",
        }
        last_end = w.end()
        i = w.end()
        if i - a > 90:
            break
    return (a, last_end) if last_end > a else None


_ADVERBIAL = r"(?:\s*,?\s*(?:in|during|over|between|from|since)\s+(?:the\s+)?(?:\d{4}(?:\s?[-–/]\s?\d{2,4})?(?:\s+and\s+\d{4})?|past\s+\w+\s+years?|last\s+\w+\s+years?)\s*,?)?"


def _theme_after(v: View, pos: int, hi: int) -> tuple[Mention, str] | None:
    """'… (were shipped|came|originated) from STATE', '… supplied by STATE', '… (went) to STATE',
    '… (in 2016–20) came from STATE', '… were Israeli' (a demonym as predicate: the supplier)."""
    for m in v.states:
        if m.start < pos or m.start > pos + 80 or m.start >= hi:
            continue
        between = v.s(pos, m.start)
        if (
            m.form == "demonym"
            and re.fullmatch(
                _ADVERBIAL + r"\s*(?:were|was|are|is)\s+(?:mostly\s+|mainly\s+|all\s+)?",
                between,
                re.I,
            )
            and re.match(r"\s*(?:[.;,]|$)", v.text[m.end : m.end + 3])
        ):
            return m, "supplier"  # "Around a third of Azerbaijan's arms purchases … were Israeli"
        mm = re.fullmatch(
            _ADVERBIAL
            + r"[\s,]*(?:(?:were|was|is|are|have\s+been|has\s+been|had\s+been|being)\s+)?(?:\w+ly\s+)?"
            r"(?:(?P<verb>[a-z]+)\s+)?(?P<p>from|by|to)\s+(?:the\s+)?",
            between,
            re.I,
        )
        if mm:
            p = mm.group("p").lower()
            verb = (mm.group("verb") or "").lower()
            if p == "by" and verb and verb not in L.SUPPLY_VERBS and verb not in {"made", "built"}:
                return None
            return m, ("supplier" if p in {"from", "by"} else "recipient")
        return None
    return None


def _subject_before(v: View, pos: int, lo: int) -> tuple[Mention, str] | None:
    """The state that is the subject of the verb before a value: 'China accounted for 73 %',
    'Azerbaijan purchases 51 %', 'Chinese arms made up 81 %', 'Pakistan buying 41 %'.
    Returns (state, role): role 'supplier' | 'recipient' | 'part'."""
    cands = [m for m in v.states if max(lo, pos - 140) <= m.start and m.end <= pos]
    compared = {id(m) for m in cands if _compared(v, m, lo)}
    for m in reversed(cands):
        if id(m) in compared:
            continue
        between = v.s(m.end, pos)
        if len(between) > 110 or re.search(r"[;()]", between):
            continue
        prep = _PREP_BEFORE.search(v.s(max(lo, m.start - 12), m.start))
        if prep and prep.group("p").lower() in {"of", "to", "from", "by", "for", "than", "into"}:
            continue
        if re.match(r"(?:['’]s|['’]| s)?\s*(?:[\w-]+\s+){0,2}share\b", between, re.I):
            return (
                m,
                "part",
            )  # "Russia's share was 23 %", "the US share of global exports rose to 36 %"
        if any(x <= m.start < y for x, y in appositions(v)):
            continue  # "Israel, Azerbaijan's largest supplier, accounted for …": not the subject
        if (
            m.possessive
            and m.form not in {"pronoun", "relative"}
            and not re.match(
                r"(?:['’]s|['’]| s)?\s*(?:[\w-]+\s+){0,1}(?:arms|weapons|exports|imports|deliveries|sales|crude|oil)\b",
                between,
                re.I,
            )
        ):
            continue  # a possessive modifies the subject noun, it is not the subject
        ws = L.words(between)
        if any(
            o.start > m.end and o.end <= pos and id(o) not in compared
            for o in v.states
            if o.id != m.id and not o.possessive and o.form != "demonym"
        ):
            continue
        verb = next((w for w in ws if w in L.SUPPLY_VERBS or w in L.ACQUIRE_VERBS), None)
        if verb in L.SUPPLY_VERBS:
            return m, "supplier"
        if verb in L.ACQUIRE_VERBS:
            return m, "recipient"
        if L.PART_RE.search(between):
            return m, "part"
        return None
    return None


def _role_of(ws: list[str]) -> str | None:
    """'supplier' when the words name the supplying side (supplier, exporter, seller, sold to …),
    'recipient' for the receiving side (buyer, client, importer, purchasing …)."""
    for w in ws:
        if w in L.SUPPLIER_NOUNS or w in {
            "sold",
            "sells",
            "sell",
            "selling",
            "supplied",
            "supplies",
            "exported",
            "exports",
            "sales",
            "deliveries",
            "delivered",
            "traders",
            "seller",
        }:
            return "supplier"
        if w in L.RECIPIENT_NOUNS or w in {
            "bought",
            "buys",
            "buying",
            "purchased",
            "purchases",
            "purchasing",
            "imported",
            "imports",
            "importing",
            "received",
            "receives",
            "receiving",
        }:
            return "recipient"
    return None


def _owner_near_noun(v: View, a: int, b: int, lo: int, hi: int) -> Owner | None:
    """The owner of a role/metric noun at [a, b): a possessive or adjective just before it
    ("New Delhi's top supplier", "Israeli arms", "US arms"), or a state after it linked by
    of/to/from/for ("suppliers to Israel", "buyer of Chinese arms", "purchasing weapons from Israel",
    "clients of Germany's arms industry", "supplier of oil to Israel")."""
    before = [m for m in v.states if lo <= m.start and m.end <= a]
    for m in reversed(before):
        gap = v.s(m.end, a)
        if len(gap) > 40:
            break
        if m.possessive and re.fullmatch(r"\s*(?:['’]s|['’]| s)?\s*(?:[\w-]+\s+){0,3}", gap, re.I):
            if not re.search(r"\b(?:and|or|with|from|to|of)\b", gap):
                return Owner(m, None, "poss")
        if (
            not m.possessive
            and m.form in {"demonym", "name", "abbrev", "capital"}
            and re.fullmatch(r"\s*(?:[\w-]+\s+){0,2}", gap)
        ) and not re.search(r"\b(?:and|or|with|from|to|of|is|was|the|a|an)\b", gap, re.I):
            return Owner(m, None, "adj")
        break
    after = [m for m in v.states if b <= m.start < hi]
    for m in after:
        gap = v.s(b, m.start)
        rel = re.fullmatch(r"\s*(?P<p>to|from)\s+which\s+(?:the\s+)?", gap, re.I)
        if rel:
            return Owner(m, "export" if rel.group("p").lower() == "to" else "import", "relative")
        if len(gap) > 45 or re.search(r"[,;()]", gap):
            break
        mm = re.fullmatch(
            r"\s*(?:(?:of|for)\s+(?:the\s+)?(?:(?:major|main|conventional|advanced|military|[\w-]+)\s+)?(?:arms|weapons?|weaponry|oil|crude|military\s+equipment|defen[cs]e\s+equipment)\s+)?"
            r"(?:(?:to|sold\s+to|supplied\s+to|delivered\s+to)\s+(?P<to>)|(?:from|by)\s+(?:(?:top|major|leading|big|main|other)\s+)?(?:(?:arms|weapons?)\s+)?(?:(?:exporters?|suppliers?|countries|states|producers)\s+(?:like|such\s+as|including)\s+)?(?P<from>)|(?:of|for)\s+(?P<of>))(?:the\s+)?",
            gap,
            re.I,
        )
        if not mm and v.text[a:b].lower() in {
            "supplying",
            "selling",
            "exporting",
            "delivering",
            "providing",
            "buying",
            "purchasing",
            "importing",
            "receiving",
        }:
            mm3 = re.fullmatch(
                r"\s*(?:(?:arms|weapons?|military|equipment|major|[\w-]+)\s+){0,3}(?P<p>to|from)\s+(?:the\s+)?",
                gap,
                re.I,
            )
            if mm3:
                return Owner(m, "import" if mm3.group("p").lower() == "to" else "export", "verb")
        if not mm:
            mm2 = re.fullmatch(
                r"\s*(?:(?:purchasing|buying|importing|receiving|getting|procuring|sourcing)\s+(?:[\w-]+\s+){0,3}from|"
                r"(?:selling|supplying|exporting|delivering|providing|sending)\s+(?:[\w-]+\s+){0,3}to)\s+(?:the\s+)?",
                gap,
                re.I,
            )
            if mm2:
                return Owner(m, "export" if "from" in mm2.group(0).lower() else "import", "verb")
            break
        if mm.group("to") is not None:
            return Owner(m, "import", "to")
        if mm.group("from") is not None:
            return Owner(m, "export", "from")
        # "of X": "buyer of Chinese arms" (demonym: the exporter), "clients of Germany's arms industry"
        return Owner(m, None, "of")
    return None


# --- the head of a sentence or list: metric, scope, role and owner of a stretch of text ---------


@dataclass
class Head:
    """What a stretch of text says about the frame its values and items share."""

    metric: str | None = None
    glob: bool = False
    role: str | None = None  # supplier | recipient (the side of the items/theme)
    owner: Owner | None = None
    top: N.Rank | None = None
    producer: bool = False
    partner: bool = False  # "export partner", "export market"

    def side(self) -> str | None:
        """The owner's side: the items supply it (import) or receive from it (export)."""
        if self.owner is not None and self.owner.side:
            return self.owner.side
        if self.role == "supplier":
            return "import"
        if self.role == "recipient":
            return "export"
        return None


_SUBJ_VERB = re.compile(
    r"^\s*(?:(?:has|have|had|also|still|now|mainly|mostly|largely|only)\s+)*(?P<verb>imports?|imported|importing|buys|bought|buying|purchases|purchased|purchasing|receives|received|gets|got|sources|sourced|"
    r"sells|sold|selling|exports?|exported|exporting|supplies|supplied|supplying|provides|provided|delivers|delivered)\b",
    re.I,
)


def head(v: View, lo: int, hi: int, ctx: Context | None = None) -> Head:
    """Read the frame named in text[lo:hi] (a clause, or the part of it before a list)."""
    key = ("head", lo, hi)
    if key not in v.memo:
        v.memo[key] = _head(v, lo, hi)
    return v.memo[key]


def _head(v: View, lo: int, hi: int) -> Head:
    h = Head()
    txt = v.s(lo, hi)
    if L.has_arms(txt):
        h.metric = "arms"
    elif L.has_oil(txt):
        h.metric = "oil"
    ws = L.words(txt)
    h.producer = any(w in L.PRODUCER for w in ws) or "oil-producing" in txt.lower()
    h.partner = bool(
        re.search(
            r"\b(?:export|trade|trading)\s+(?:partners?|markets?|destinations?)\b|\bpartners?\s+for\s+(?:its\s+)?exports\b",
            txt,
            re.I,
        )
    )
    h.role = _role_of(ws)
    h.glob = bool(L.GLOBAL_RE.search(txt))
    tops = [r for r in v.ranks if lo <= r.start < hi and r.form in {"top", "qualitative"}]
    h.top = tops[0] if tops else None
    kinds = {w for w in ws if w in {"importers", "exporters", "importer", "exporter"}}
    # the owner: a state attached to a role or metric noun, else a subject with a trade verb
    for w in _WORD.finditer(v.text, lo, hi):
        low = w.group(0).lower()
        if (
            low in _ROLE_NOUNS
            or low in L.ARMS
            or low in L.OIL
            or low
            in {
                "imports",
                "exports",
                "purchases",
                "sales",
                "industry",
                "purchasing",
                "buying",
                "importing",
                "selling",
                "supplying",
                "exporting",
                "sold",
                "bought",
                "purchased",
            }
        ):
            o = _owner_near_noun(v, w.start(), w.end(), lo, hi)
            if o is not None:
                if low in L.RECIPIENT_NOUNS or low in {
                    "purchasing",
                    "buying",
                    "importing",
                    "bought",
                    "purchased",
                }:
                    o = replace(o, side="export")  # buyers of X's arms: X is the exporter
                elif low in L.SUPPLIER_NOUNS or low in {
                    "selling",
                    "supplying",
                    "exporting",
                    "sold",
                }:
                    o = replace(o, side="import")  # suppliers to X: X is the importer
                elif o.side is None:
                    after = L.words(v.s(w.start(), min(hi, w.end() + 30)))
                    o = replace(
                        o,
                        side=_side_of_words(after[:3])
                        or (
                            "export"
                            if o.how in {"adj", "of"} and o.mention.form == "demonym"
                            else None
                        ),
                    )
                h.owner = o
                break
    if h.owner is None:
        for m in v.states:
            if not (lo <= m.start < hi) or m.form == "demonym":
                continue
            mm = _SUBJ_VERB.match(v.text, m.end, hi)
            if mm:
                verb = mm.group("verb").lower()
                side = (
                    "import"
                    if verb in L.IMPORT_WORDS or verb in {"gets", "got", "sources", "sourced"}
                    else "export"
                )
                h.owner = Owner(m, side, "subject")
                h.role = "supplier" if side == "import" else "recipient"
                break
    if (
        h.owner is None
        and kinds
        and (h.top is not None or h.glob or any(w.endswith("s") for w in kinds))
    ):
        h.glob = True  # "the top five arms importers were …": a global list
    return h


# --- shares -------------------------------------------------------------------------------------


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


def _metric_at(v: View, pos: int, ctx: Context) -> str | None:
    """The metric of a value: the nearest arms/oil word in its clause, else the sentence's; trade when
    the clause names goods or export partners; else the metric of the last two sentences; else trade
    when the clause speaks of exports."""
    a, b = v.clause(pos)
    words = _metric_words(v)
    near = [(abs(p - pos), k) for p, k in words if a <= p < b]
    if near:
        return min(near)[1]
    if _TRADE.search(v.text, a, b):
        return "trade"
    near = [(abs(p - pos), k) for p, k in words if v.start <= p < v.end]
    if near:
        return min(near)[1]
    if ctx.metric is not None and ctx.metric_age <= 2:
        return ctx.metric
    if re.search(r"\bexports?\b", v.s(a, b), re.I):
        return "trade"
    return None


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


def _numword(t: str | None) -> int | None:
    if not t:
        return None
    n = N.to_number(t)
    return int(n) if n else None


def read_shares(v: View, ctx: Context, taken: list[tuple[int, int]]) -> list[Frame]:
    """One frame per share value (and per item a share is distributed over with 'each')."""
    out: list[Frame] = []
    prev: Frame | None = None
    for q in _share_values(v, taken):
        frames = _read_share(v, q, prev, ctx)
        out.extend(frames)
        if frames:
            prev = frames[-1]
    return out


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


def _global_np(v: View, a: int, b: int) -> bool:
    t = v.s(a, b)
    return bool(L.GLOBAL_RE.search(t)) or bool(
        re.search(
            r"\btotal\s+volume\b|\ball\s+(?:arms|weapons|major\s+arms)\s+(?:exports|imports|transfers|sales)\b|\bthe\s+(?:global|world)\b",
            t,
            re.I,
        )
    )


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
    if bare_np:
        np_owner = _earlier_total(
            v, q.start
        )  # "… buyers of American weapons …, which accounted for 3.6 % of sales"
    after = _theme_after(v, np[1] if np else q.end, b)
    att = _attached_before(v, q, a)
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
        r"\s*with\s+(?:an?\s+)?(?:(?:more\s+than|almost|nearly|about|some|over|around)\s+)?",
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
    glob = bool(np) and np_owner is None and _global_np(v, *np)
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
    if owner is None and not glob and (total_ref or theme is not None):
        # ellipsis: the previous value's frame in this sentence, else the last frame read before
        base = (
            prev
            if prev is not None
            else (ctx.last if ctx.last is not None and ctx.last.kind in {"share", "rank"} else None)
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


def base_used(prev: Frame, rule: str) -> bool:
    return rule.endswith("+context")


def _earlier_total(v: View, pos: int) -> Owner | None:
    """The last owned total named before pos in the sentence ('Chinese exports', "Pakistan's imports")."""
    best = None
    for w in re.finditer(
        r"\b(?:imports?|exports?|sales|purchases|arms|weapons)\b", v.text[v.start : pos], re.I
    ):
        o = _owner_near_noun(v, v.start + w.start(), v.start + w.end(), v.start, pos)
        if o is not None and o.how in {"poss", "adj", "of"}:
            side = _side_of_words([w.group(0).lower()]) or (
                "export" if o.mention.form == "demonym" else None
            )
            best = replace(o, side=side or o.side)
    return best


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


_IMP_FLOW = {"imports", "import", "imported", "purchases", "importing"}
_EXP_FLOW = {"exports", "export", "exported", "exporting"}
_IMP_ROLE = {
    "importer",
    "importers",
    "buyer",
    "buyers",
    "purchaser",
    "purchasers",
    "recipient",
    "recipients",
}
_EXP_ROLE = {"exporter", "exporters", "seller", "sellers", "supplier", "suppliers", "traders"}


def _global_kind(
    v: View, a: int, b: int, q: Any, theme_role: str | None, prev: Frame | None
) -> str | None:
    """Exporters or importers, for a global share: the flow the share's own noun phrase names
    ('of global imports'), else the role nouns of its clause ('the second largest importer …, a
    10 % share of the international arms sales'), else any direction word near it."""
    np = _of_np(v, q.end, b)
    if np:
        ws = set(L.words(v.s(*np)))
        if ws & _IMP_FLOW and not ws & _EXP_FLOW:
            return "importers"
        if ws & _EXP_FLOW and not ws & _IMP_FLOW:
            return "exporters"
    ws = set(L.words(v.s(a, b)))
    if ws & _IMP_ROLE and not ws & _EXP_ROLE:
        return "importers"
    if ws & _EXP_ROLE and not ws & _IMP_ROLE:
        return "exporters"
    for lo, hi in ((q.start - 80, q.end + 60), (a, b), (v.start, v.end)):
        ws = L.words(v.s(lo, hi))
        imp = [
            w
            for w in ws
            if w
            in {
                "imports",
                "import",
                "importer",
                "importers",
                "imported",
                "buyer",
                "buyers",
                "purchaser",
                "purchasers",
                "recipient",
                "recipients",
                "purchases",
                "importing",
            }
        ]
        exp = [
            w
            for w in ws
            if w
            in {
                "exports",
                "export",
                "exporter",
                "exporters",
                "exported",
                "sales",
                "seller",
                "sellers",
                "supplier",
                "suppliers",
                "market",
                "exporting",
                "traders",
            }
        ]
        if imp and not exp:
            return "importers"
        if exp and not imp:
            return "exporters"
    if prev is not None and prev.scope == "global":
        return prev.side
    if theme_role == "supplier":
        return "exporters"
    if theme_role == "recipient":
        return "importers"
    return None


# --- ranks --------------------------------------------------------------------------------------

_LOOSE_BEFORE = re.compile(
    r"(?:\b(?:is|was|are|were|came|comes|come|ranked|ranks|placed|finished|stood|remains|remained|became|"
    r"in|a\s+close|a\s+distant|only|and|the|its|their)\s+|[\w'’]+['’]s\s+|\b[a-z]+\s+s\s+)$",
    re.I,
)
_LOOSE_AFTER = re.compile(
    r"^(?:\s+(?:on\s+the\s+list|in\s+the\s+(?:list|ranking|table|world)|with\b|at\b|to\b|after\b|behind\b|among\b|place\b|position\b|spot\b|"
    r"(?:largest|biggest|leading|top|most)\b|and\s+(?:\d+(?:st|nd|rd|th)|[a-z]+(?:placed|ranked)?)\b|"
    r"(?:arms|weapons|oil|crude)?\s*(?:suppliers?|exporters?|importers?|recipients?|buyers?|clients?|customers?|producers?|sources?|providers?|sellers?|partners?|destinations?|markets?)\b|"
    r"(?:countr(?:y|ies)|states?|nations?)\s+(?:purchasing|buying|importing|receiving|selling|exporting|supplying|to\s+which|from\s+which)\b)|"
    r"[-–]\s+and\b|\s*[,.;)]|\s*$)",
    re.I,
)
_NOT_RANK_AFTER = re.compile(
    r"^\s*(?:half|quarter|time|times|hand|round|term|world|war|largest\s+economy|phase|stage|year|period|day|week|month|generation|edition|consecutive)\b",
    re.I,
)


def _loose_is_rank(v: View, r: N.Rank) -> bool:
    """Whether a bare ordinal is a rank ('Russia is second', 'a close second', 'second on the list')."""
    before = v.s(r.start - 24, r.start)
    after = v.text[r.end : min(v.end, r.end + 40)]
    if _NOT_RANK_AFTER.match(after):
        return False
    if re.match(r"\s+only\s+to\b", after, re.I):
        return True  # "…, second only to India"
    if re.match(
        r"\s*(?:-\s*)?(?:and|,)\s+(?:\d+(?:st|nd|rd|th)|[a-z]+)(?:[- ]?(?:placed|ranked|largest|biggest))\b",
        after,
        re.I,
    ):
        return True
    return bool(_LOOSE_BEFORE.search(before)) and bool(_LOOSE_AFTER.match(after))


_ROLE_WORD = re.compile(
    r"\b(?P<noun>suppliers?|providers?|sources?|exporters?|sellers?|vendors?|recipients?|clients?|customers?|"
    r"buyers?|importers?|purchasers?|producers?|producing|production|output|partners?|markets?|destinations?|traders?|exporting|importing|"
    r"(?:countr(?:y|ies)|states?|nations?)(?=\s+(?:purchasing|buying|importing|receiving|selling|exporting|supplying|to\s+which|from\s+which|that\s+(?:bought|sold|supplied|imported|exported))))\b",
    re.I,
)


def _role_noun_after(v: View, r: N.Rank, hi: int) -> re.Match[str] | None:
    """The role noun a rank qualifies: 'third-largest [arms] supplier', 'top client', 'largest crude oil producer'."""
    m = _ROLE_WORD.search(v.text, r.end, min(hi, r.end + 60))
    if m is None:
        return None
    gap = re.sub(r"\([A-Z.]{1,8}\)", " ", v.s(r.end, m.start()))
    gap = re.sub(r"\b(?:in\s+the\s+world|worldwide|globally|in\s+\d{4})\b", " ", gap, flags=re.I)
    if re.search(r"[,;()]", gap) or len(L.words(gap)) > 4:
        return None
    return m


def _role_from_noun(noun: str, v: View, pos: int, hi: int) -> str | None:
    n = noun.lower()
    if re.match(r"countr|state|nation", n):
        tail = v.text[pos : min(hi, pos + 40)]
        rel = re.match(r"\s*(to|from)\s+which\b", tail, re.I)
        if rel:
            return "recipient" if rel.group(1).lower() == "to" else "supplier"
        return _role_of(L.words(tail))
    if n.startswith(("producer", "producing", "production", "output")):
        return "producer"
    a, b = v.clause(pos - 1)
    if re.search(
        r"\b(?:export|trade|trading)\s+(?:partners?|markets?)\s*$", v.s(pos - 25, pos), re.I
    ):
        return "partner"  # "its 3rd largest export partner": trade in all goods
    if (
        n.startswith(("partner", "market", "destination", "buyer", "customer"))
        and re.search(r"\bexport|\bgoods\b|\bproducts\b", v.s(pos - 25, pos + 35), re.I)
        and not re.search(r"\barms\b|\bweapons?\b|\bcrude\b|\boil\b", v.s(a, b), re.I)
    ):
        return "partner"
    if n.startswith(("trader",)):
        return "supplier"
    return _role_of([n])


_THEME_BEFORE = re.compile(
    rf"^(?:['’]s|['’]| s)?\s*,?\s*(?:(?:which|who)\s+)?(?:(?:also|still|now|again|thus|then|currently|once|long|on\s+\w+|in\s+\d{{4}}(?:[-–]\d{{2,4}})?|"
    rf"according\s+to\s+[\w\s]{{1,40}}?,|,|has|have|had|been|quickly|far|firmly|only)\s+)*(?:{_COPULA}\s+)?(?:(?:also|still|now|again|only|thus|once|formerly|previously|long|by\s+far|easily|clearly)\s+)*"
    rf"(?:as\s+)?(?:(?:the|a|an|its|their|[\w-]+['’]s|world\s+s)\s+)?(?:(?:world['’]?s|globe['’]s|planet['’]s|world\s+s)\s+)?(?:(?:single|next|close|distant|far)\s+)?$",
    re.I,
)


def _rank_theme(v: View, r: N.Rank, lo: int, noun_end: int) -> Mention | None:
    """The state a rank is about: the subject before a copula ('India was the largest'), an apposition
    ('China, the world's top importer'), a prenominal rank ('fourthranked Germany'), a postposed
    subject ('the tenth-largest exporter is South Korea'), 'with Spain in fourth place'."""
    before = [m for m in v.states if lo <= m.start and m.end <= r.start]
    for m in reversed(before):
        between = v.s(m.end, r.start)
        if len(between) > 90:
            break
        if _compared(v, m, lo):
            continue
        if (m.possessive and re.fullmatch(r"(?:['’]s|['’]| s)\s*", between)) or (
            m.form in {"pronoun", "description"} and m.possessive
        ):
            continue  # "New Delhi's top supplier", "its top client": the owner, not the theme
        if m.form == "relative":
            if _THEME_BEFORE.match(between) or re.fullmatch(
                r"\s+(?:took|takes|holds|held|occupied|occupies)\s+", between, re.I
            ):
                return m  # "France, which took third place"
            continue  # "Azerbaijan, which pumped oil long before …, was …": look past the relative clause
        between = re.sub(r"\b(?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w.-]*(?:['’]s| s)\s+", "X's ", between)
        app = next(((x, y) for x, y in appositions(v) if x == m.end + 1 and y < r.start), None)
        if app is not None:
            between = v.s(
                app[1] + 1, r.start
            )  # "Azerbaijan, which pumped oil long before, was only the 26th-largest"
        if re.fullmatch(
            r"\s*,\s*(?:the|its|their|X's|[\w-]+['’]s)\s+(?:(?:world['’]?s|single|next)\s+)?",
            between,
            re.I,
        ):
            return m  # an apposition: "… to Saudi Arabia, its biggest customer"
        prep = _PREP_BEFORE.search(v.s(max(lo, m.start - 10), m.start))
        if prep and prep.group("p").lower() in {"of", "to", "from", "by", "for", "than", "into"}:
            continue
        if _THEME_BEFORE.match(between) or re.fullmatch(
            r"\s+(?:in|took|takes|holds|held|occupied|occupies)\s+", between, re.I
        ):
            return m
        if m.possessive:
            continue
        break
    # the clause subject with a copula, over compared states: "China has eased ahead of Germany and
    # France to become the world's number three"
    subj = next(
        (
            m
            for m in before
            if not _compared(v, m, lo)
            and not _PREP_BEFORE.search(v.s(max(lo, m.start - 10), m.start))
        ),
        None,
    )
    apps = appositions(v)
    if subj is not None and any(
        subj.end <= x.start < r.start
        and x.form != "loose"
        and not any(p <= x.start < q for p, q in apps)
        and not re.fullmatch(r"\s*(?:[\w-]+\s+){0,3}?(?:and|,)\s*", v.s(x.end, r.start))
        and not re.search(r"\band\s+$", v.s(x.end, r.start))
        for x in v.ranks
    ):
        subj = None  # an earlier rank in between owns that subject
    if subj is not None and not any(
        subj.end <= o.start and not _compared(v, o, lo) and not o.possessive
        for o in before
        if o is not subj
    ):
        if re.search(
            r"\b(?:become|became|becomes|becoming|is|was|remains|remained|ranks?|ranked|emerged|emerging|as|(?:dropped|fell|slipped|rose|climbed|moved|jumped|advanced|slid)\s+(?:back\s+)?to)\b",
            v.s(subj.end, r.start),
            re.I,
        ):
            return subj
    # prenominal: "fourthranked Germany", "second and thirdplaced Saudi Arabia"
    for m in v.states:
        if m.start >= r.end and re.fullmatch(r"\s*(?:-\s*)?(?:the\s+)?", v.s(r.end, m.start), re.I):
            return m
    # "South Korea's largest supplier, the US, accounted for …"
    mm = re.match(r"\s*,\s*(?:the\s+)?", v.text[noun_end : noun_end + 8])
    if mm:
        s_ = _state_at(v, noun_end + mm.end(), 0)
        if s_ is not None and re.match(r"\s*,", v.text[s_.end : s_.end + 3]):
            return s_
    # "the country's oil output ranked 24th": the owner of the output is ranked
    mm = re.search(
        r"(?:['’]s|['’]| s)\s+(?:oil\s+|crude\s+)?(?:output|production|exports|imports)\s+(?:ranked|ranks|was|is|came)\s+(?:the\s+)?(?:world['’]?s\s+)?$",
        v.s(
            lo,
            r.start
            + (
                0
                if not re.match(r"rank|came|placed", r.text, re.I)
                else len(re.match(r"\w+", r.text).group(0))
            ),
        ),
        re.I,
    )
    if mm:
        owner_m = next(
            (
                m
                for m in reversed(before)
                if m.possessive and v.s(m.end, m.end + 3).startswith(("'", "’", " s"))
            ),
            None,
        )
        if owner_m is not None:
            return owner_m
    # postposed: "The world's tenth-largest arms exporter is South Korea", "Russia s top client was India"
    tail = v.text[noun_end : min(v.end, noun_end + 60)]
    mm = re.match(
        r"\s*(?:(?:of|in|for)\s+(?:the\s+)?[\w\s]{1,25}?)?\s*(?:,\s*)?(?:is|was|are|were|remains|remained|became|being)\s+(?:still\s+|now\s+)?(?:the\s+)?",
        tail,
        re.I,
    )
    if mm:
        return _state_at(v, noun_end + mm.end(), 2)
    return None


def _list_items(v: View, r: N.Rank, noun: re.Match[str] | None, lo: int, hi: int) -> list[Mention]:
    """States listed as members of a ranking: 'the top five importers were A, B, C', 'A, B and C are
    the world's top three producers', 'SIPRI identified A, B as the top five', 'with the five largest
    importers A, B, C'."""
    end = noun.end() if noun else r.end
    tail = v.text[end : min(hi, end + 120)]
    mm = re.match(
        r"(?:\s+(?:purchasing|buying|importing|receiving|selling|exporting|supplying)\s+[\w\s'’-]{1,40}?)?(?:\s+(?:of|in|for|to)\s+(?:the\s+)?[\w\s'’-]{1,40}?)?(?:\s+in\s+\d{4}(?:\s?[-–]\s?\d{2,4})?)?\s*(?:\([^)]*\)\s*)?,?\s*(?:[\w-]+,?\s+){0,2}?"
        r"(?:(?:were|are|was|is|included|include|includes|including|being)\b|:|—)\s*(?:rounded\s+out\s+by\s+|made\s+up\s+of\s+|led\s+by\s+)?:?\s*(?:the\s+)?",
        tail,
        re.I,
    )
    if mm:
        first = _state_at(v, end + mm.end(), 3)
        if first is not None and first.form != "demonym":
            return _coordination(v, first, hi)
    mm = re.match(r"(?:\s+in\s+\d{4}(?:\s?[-–]\s?\d{2,4})?)?\s*,\s*(?:the\s+)?(?=[A-Z])", tail)
    if mm and noun is not None and noun.group("noun").lower().endswith("s"):
        first = _state_at(v, end + mm.end(), 0)
        if first is not None:
            items = _coordination(v, first, hi)
            if len(items) >= 2 and re.match(r"\s*,", v.text[items[-1].end : items[-1].end + 3]):
                return items
    mm = re.match(r"\s+(?:the\s+)?(?=[A-Z])", tail)
    if mm and noun is not None and noun.group("noun").lower().endswith("s"):
        first = _state_at(v, end + mm.end(), 0)
        if first is not None:
            items = _coordination(v, first, hi)
            if len(items) >= 2:
                return items
    # before: "A, B and C are the world's top three", "A, B as the top five", "A … among the top 10"
    before = [m for m in v.states if lo <= m.start and m.end <= r.start]
    if before and before[-1].form not in {"pronoun", "relative"} and not before[-1].possessive:
        last = before[-1]
        between = _strip_values(v.s(last.end, r.start))
        if (
            not _PREP_BEFORE.search(
                v.s(
                    max(lo, _coordination_before(v, last, lo)[0].start - 10),
                    _coordination_before(v, last, lo)[0].start,
                )
            )
            and re.fullmatch(
                r"\s*,?\s*(?:(?:were|are|was|is|remain|remained|rank|ranked|have\s+been|had\s+been)\s+(?:also\s+|still\s+|again\s+)?(?:not\s+)?(?:ranked\s+)?(?:the\s+|among\s+the\s+)?(?:world['’]?s\s+)?|as\s+(?:the\s+)?(?:world['’]?s\s+)?|(?:are|were)\s+not\s+(?:ranked\s+)?|)\s*",
                between,
                re.I,
            )
            or (
                r.form == "top"
                and re.match(r"among|in|one of|within", r.text, re.I)
                and re.fullmatch(r"\s*", between)
            )
        ):
            items = _coordination_before(v, last, lo)
            if len(items) >= 2 or r.form == "top":
                return items
    return []


def read_ranks(
    v: View, ctx: Context, taken: list[tuple[int, int]], shares: list[Frame]
) -> list[Frame]:
    """One frame per rank and per item of a ranked list; relative ranks ('behind India') after."""
    out: list[Frame] = []
    for r in v.ranks:
        if any(a <= r.start < b for a, b in taken):
            continue
        if r.form == "loose" and not _loose_is_rank(v, r):
            continue
        out.extend(_read_rank(v, r, ctx, out, shares))
    out.extend(_pair_respectively(v, out, ctx, shares))
    out.extend(_relative_ranks(v, out, ctx, shares))
    return _dedupe(out)


def _dedupe(frames: list[Frame]) -> list[Frame]:
    seen = set()
    res = []
    for f in frames:
        key = (
            f.kind,
            f.metric,
            f.scope,
            f.side,
            f.owner,
            f.theme,
            f.value.get("rank"),
            f.value.get("comparator"),
            f.value.get("value"),
        )
        if key in seen:
            continue
        seen.add(key)
        res.append(f)
    return res


def _negated(v: View, lo: int, hi: int) -> bool:
    return bool(L.NEGATION_RE.search(v.s(lo, hi)))


def _read_rank(
    v: View,
    r: N.Rank,
    ctx: Context,
    earlier: list[Frame],
    shares: list[Frame],
    force: Mention | None = None,
) -> list[Frame]:
    a, b = v.clause(r.start)
    metric = _metric_at(v, r.start, ctx)
    noun = _role_noun_after(v, r, b)
    scope_end = noun.end() if noun else r.end
    if re.match(
        r"\s+(?:of\s+(?:arms|weapons)\s+)?(?:in|among|to|within)\s+(?:the\s+)?(?:Middle\s+East|Africa|Europe|Asia|Latin\s+America|South\s+America|the\s+region|the\s+Gulf|Eastern\s+Europe|South\s+Asia|Southeast\s+Asia|East\s+Asia|Central\s+Asia|Oceania|sub-Saharan)",
        v.text[scope_end : scope_end + 45],
        re.I,
    ):
        return []  # "the largest arms importer in Africa": a regional ranking
    if any(m.possessive and 0 <= r.start - m.end <= 4 for m in v.regions) or re.search(
        rf"\b{_REGION_WORDS}['’]s\s+$", v.s(max(a, r.start - 30), r.start), re.I
    ):
        return []  # "Africa's fifth largest oil producer": a regional ranking
    if re.search(
        r"\b(?:European|African|Asian|Middle\s+Eastern|Latin\s+American|Arab|Gulf|regional)\s+(?:arms\s+)?$",
        v.s(max(a, r.end - 1), (noun.start() if noun else r.end)),
        re.I,
    ) or (
        noun is not None
        and re.search(
            r"\b(?:European|African|Asian|Middle\s+Eastern|Latin\s+American|Arab|Gulf|regional)\b",
            v.s(r.end, noun.start()),
            re.I,
        )
    ):
        return []
    role = _role_from_noun(noun.group("noun"), v, noun.end(), b) if noun else None
    if noun is None and r.form in {"superlative", "qualitative"}:
        return []  # "the largest deal", "a major role": no ranking of states
    if noun is not None and re.match(
        r"\s+(?:like|such\s+as|including)\b", v.text[noun.end() : noun.end() + 12], re.I
    ):
        return []  # "top weapons exporters like Italy and Turkey": examples, not a ranking
    if role == "producer":
        metric = (
            "oil"
            if metric in {None, "oil", "arms"}
            and (
                L.has_oil(v.s(a, b)) or ctx.metric == "oil" or "oil" in v.s(v.start, v.end).lower()
            )
            else metric
        )
        if metric != "oil":
            return []
    if role == "partner":
        metric = "trade"
    owner = None
    if noun is not None:
        owner = _owner_near_noun(v, noun.start(), noun.end(), a, b)
        if owner is None and r.start > a:
            # "New Delhi's top supplier", "US largest customer": the owner sits before the rank
            owner = _owner_near_noun(v, r.start, noun.end(), a, b)
            if owner is not None and not (
                owner.how == "poss" or re.fullmatch(r"\s*", v.s(owner.mention.end, r.start))
            ):
                owner = None
            if (
                owner is not None
                and owner.how == "adj"
                and re.match(r"ranks?|ranked|placed|came|comes", r.text, re.I)
            ):
                owner = None
    else:
        # a bare ordinal: "Israel was second to Azerbaijan"
        mm = re.match(r"\s+to\s+(?:the\s+)?", v.text[r.end : r.end + 10])
        if mm:
            s = _state_at(v, r.end + mm.end(), 1)
            if s is not None:
                owner = Owner(s, "import", "to")
    if owner is not None and owner.mention.blocked:
        owner = None
    if (
        owner is None
        and noun is not None
        and re.search(r"\bwith\s+(?:the|its|their)\s+$", v.s(a, r.start), re.I)
        and re.match(
            r"supplier|provider|source|recipient|client|customer|buyer|purchaser|market|destination",
            noun.group("noun"),
            re.I,
        )
    ):
        subj0 = next(
            (
                m
                for m in v.states
                if a <= m.start < r.start
                and not _PREP_BEFORE.search(v.s(max(a, m.start - 10), m.start))
            ),
            None,
        )
        if subj0 is not None:
            owner = Owner(
                subj0, None, "subject"
            )  # "the biggest arms seller, with the main recipients being …"
    h = head(v, a, b, ctx)
    if owner is None and (
        noun is None
        or not re.match(r"exporter|importer|producer|partner|market", noun.group("noun"), re.I)
    ):
        topic = re.match(r"\s*(?:for|to)\s+(?:the\s+)?", v.s(a, b), re.I)
        t_m = _state_at(v, a + topic.end(), 1) if topic else None
        if t_m is not None and re.match(r"\s*,", v.text[t_m.end : t_m.end + 3]):
            owner = Owner(
                t_m, "import" if (role or h.role) == "supplier" else "export", "topic"
            )  # "For Vietnam, Russia remained the dominant source"
        elif h.owner is not None and re.match(
            r"\s*(?:among|of|for)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}(?:buyers|suppliers|recipients|clients|customers|sellers|providers|sources|purchasers|(?:countries|states|nations)\s+(?:supplying|selling|exporting|buying|importing|purchasing|receiving))\b",
            v.s(a, b),
            re.I,
        ):
            owner = replace(
                h.owner, side=h.side()
            )  # "Among the buyers of French weapons, India came first"
    if role is None:
        role = h.role
    if (
        noun is None
        and role is None
        and (h.producer or head(v, v.start, v.end).producer)
        and (metric == "oil" or L.has_oil(v.s(v.start, v.end)))
    ):
        role, metric = "producer", "oil"  # "…, while Kazakhstan ranked 12th worldwide"
    if metric is None:
        metric = h.metric or ctx.metric
    glob = bool(
        L.GLOBAL_RE.search(v.s(max(a, r.start - 30), min(b, (noun.end() if noun else r.end) + 40)))
    )
    items = (
        []
        if force is not None
        else _list_items(v, r, noun, a, b)
        if (r.form in {"top", "superlative", "qualitative"} or r.comparator == "le")
        else []
    )
    theme = (
        force
        if force is not None
        else None
        if items
        else _rank_theme(v, r, a, noun.end() if noun else r.end)
    )
    if (
        theme is None
        and r.form == "loose"
        and re.match(r"\s+only\s+to\b", v.text[r.end : r.end + 10], re.I)
    ):
        theme = next(
            (
                m
                for m in v.states
                if a <= m.start < r.start
                and m.form not in {"demonym"}
                and not m.possessive
                and not _PREP_BEFORE.search(v.s(max(a, m.start - 10), m.start))
            ),
            None,
        )  # "Azerbaijan took 16 %, second only to India"
    themes = items or ([theme] if theme is not None else [])
    if not themes:
        return []
    value = r.to_dict()
    if r.form == "superlative" and re.search(r"\bnext\s+(?:[\w-]+\s+)?$", v.s(a, r.start), re.I):
        value = dict(value) | {"rank": 2, "text": "next " + r.text}
    if len(items) >= 2 and r.form in {"superlative", "qualitative"} and r.comparator == "eq":
        value = {"rank": len(items), "comparator": "le", "text": r.text}
    elif len(items) >= 2 and r.form == "qualitative":
        value = {"rank": max(len(items), r.value), "comparator": "le", "text": r.text}
    neg_lo = themes[0].end if themes[0].end <= r.start else a
    if _negated(v, neg_lo, r.start) or re.search(
        r"\b(?:neither|not)\b", v.s(a, themes[0].start), re.I
    ):
        value = dict(value)
        value["comparator"] = "gt" if value["comparator"] == "le" else "ne"
        value["negated"] = True
    if L.ONCE_RE.search(v.s(max(a, r.start - 25), r.start)):
        value = dict(value) | {"when": "once"}
    if L.EVERY_RE.search(v.s(a, b)):
        value = dict(value) | {"when": "every"}
    side: str | None = None
    scope = "bilateral"
    if metric == "oil" and role == "producer":
        scope, side, owner = "global", "producers", None
    elif metric == "trade":
        if owner is None:
            return []
        side = "export"
    elif owner is not None:
        side = owner.side
        if role == "supplier":
            side = "import"
        elif role == "recipient":
            side = "export"
        if side is None:
            return []
    elif (
        noun is not None
        and not glob
        and role in {"recipient", "supplier", "partner"}
        and not re.match(
            r"exporter|importer|seller|trader|purchaser|exporting|importing",
            noun.group("noun"),
            re.I,
        )
        and any(f.scope == "bilateral" for f in shares if f.span[0] < r.start)
    ):
        tm = next(f for f in reversed(shares) if f.scope == "bilateral" and f.span[0] < r.start)
        scope, side, metric = "bilateral", tm.side, tm.metric
        owner = Owner(Mention(0, 0, tm.owner, "name", ""), tm.side, "context")
    else:
        # no owner: a global ranking — or the owner of the previous rank in this sentence ("Belarus was third")
        prev = next(
            (
                f
                for f in reversed(earlier)
                if f.kind == "rank"
                and f.metric == metric
                and (f.scope == "bilateral" or noun is None)
            ),
            None,
        )
        nouns = noun.group("noun").lower() if noun else ""
        exporterish = (
            bool(re.match(r"exporter|importer|seller|trader|purchaser|exporting|importing", nouns))
            or glob
        )
        if re.match(r"countr|state|nation", nouns) and role in {"supplier", "recipient"}:
            exporterish = True
            nouns = "exporter" if role == "supplier" else "importer"
        tmpl = next(
            (f for f in reversed(shares) if f.span[0] < r.start and f.metric == metric), None
        )
        clause_kind = [w for w in L.words(v.s(a, b)) if w in {"importers", "exporters"}]
        if prev is not None and prev.scope == "global" and noun is None:
            scope, side = "global", prev.side
        elif noun is None and tmpl is not None and tmpl.scope in {"global", "bilateral"}:
            scope, side = tmpl.scope, tmpl.side
            if tmpl.scope == "bilateral":
                owner = Owner(Mention(0, 0, tmpl.owner, "name", ""), tmpl.side, "context")
        elif (
            noun is None
            and len(set(clause_kind)) == 1
            and not any(f.scope == "bilateral" for f in earlier)
        ):
            scope, side = "global", clause_kind[0]
        elif (
            prev is not None
            and not glob
            and (noun is None or not re.match(r"exporter|importer", nouns))
        ):
            scope, side, owner_id = "bilateral", prev.side, prev.owner
            owner = Owner(Mention(0, 0, owner_id, "name", ""), side, "context")
        elif noun is None and (
            ctx.last is not None
            and re.search(r"\bon\s+the\s+list\b|\bthe\s+list\b", v.s(r.end, b), re.I)
        ):
            last = ctx.last
            scope, side = last.scope, last.side
            if last.scope == "bilateral":
                owner = Owner(Mention(0, 0, last.owner, "name", ""), last.side, "context")
            metric = last.metric
        elif exporterish or (role is not None and noun is not None and glob):
            scope = "global"
            side = (
                _global_kind(v, a, b, r, role, None)
                if not re.match(r"exporter|seller|trader|exporting", nouns)
                and not re.match(r"importer|purchaser|importing", nouns)
                else (
                    "exporters"
                    if re.match(r"exporter|seller|trader|exporting", nouns)
                    else "importers"
                )
            )
            if side is None:
                side = (
                    "exporters"
                    if role == "supplier"
                    else "importers"
                    if role == "recipient"
                    else None
                )
        elif (
            noun is None
            and ctx.last is not None
            and ctx.last.kind in {"rank", "share"}
            and r.form in {"loose", "ordinal"}
        ):
            last = ctx.last
            scope, side, metric = last.scope, last.side, last.metric
            if last.scope == "bilateral":
                owner = Owner(Mention(0, 0, last.owner, "name", ""), last.side, "context")
        else:
            return []
    if metric is None or side is None:
        return []
    if str(value.get("text", "")).startswith("next ") and owner is not None:
        last_r = next(
            (
                f
                for f in reversed(ctx.history)
                if f.kind == "rank"
                and f.owner == owner.mention.id
                and f.side == side
                and f.value.get("comparator") == "eq"
            ),
            None,
        )
        if last_r is not None:
            value = dict(value) | {"rank": int(last_r.value["rank"]) + 1}
    frames = []
    for t in themes:
        o = owner.mention.id if owner is not None else None
        if o is not None and t.id == o:
            alt = t.alt or owner.mention.alt  # type: ignore[union-attr]
            if t.form in {"pronoun", "description", "relative"} and t.alt:
                t = replace(t, id=t.alt)
            elif owner.mention.alt:  # type: ignore[union-attr]
                o = owner.mention.alt  # type: ignore[union-attr]
            else:
                continue
            del alt
        frames.append(
            Frame(
                "rank",
                metric,
                scope,
                side,
                o if scope == "bilateral" else None,
                t.id,
                dict(value),
                (r.start, r.end),
                rule="rank"
                + ("+list" if items else "")
                + ("+context" if owner is not None and owner.how == "context" else ""),
            )  # fmt: skip
        )
    if items:
        ctx.last_list = [t.id for t in items if t.id]
    # owners given as examples: "the top three buyers of arms from exporters like Italy and Turkey"
    if (
        owner is not None
        and owner.how in {"from", "of", "to"}
        and frames
        and re.search(
            r"\b(?:like|such\s+as|including)\s+(?:the\s+)?$",
            v.s(owner.mention.start - 20, owner.mention.start),
            re.I,
        )
    ):
        more = _coordination(v, owner.mention, b)[1:]
        for extra in more:
            for f in list(frames):
                if f.owner == owner.mention.id and extra.id != f.theme:
                    frames.append(replace(f, owner=extra.id))
    return frames


def _pair_respectively(
    v: View, frames: list[Frame], ctx: Context, shares: list[Frame]
) -> list[Frame]:
    """'Canada and China were, respectively, the fourth- and fifth-largest producers' and
    'second and thirdplaced Saudi Arabia and China': pair coordinated states with coordinated ranks."""
    out: list[Frame] = []
    for a, b in v.clauses:
        ranks = [
            r
            for r in v.ranks
            if a <= r.start < b and r.comparator == "eq" and r.form in {"ordinal", "loose"}
        ]
        if len(ranks) < 2:
            continue
        coord = [ranks[0]]
        for r in ranks[1:]:
            if re.fullmatch(
                r"(?:-?\s*(?:largest|biggest)?\s*)?(?:,\s*|\s+)(?:and|,)\s*(?:the\s+)?|\s*-\s+and\s+",
                v.s(coord[-1].end, r.start),
                re.I,
            ):
                coord.append(r)
        if len(coord) < 2:
            continue
        resp = re.search(r"\brespectively\b", v.s(a, b), re.I)
        # states coordinated right after the last rank (prenominal) or before the first (with 'respectively')
        after = next(
            (
                m
                for m in v.states
                if m.start >= coord[-1].end
                and re.fullmatch(r"\s*(?:-\s*)?(?:\w+\s+)?", v.s(coord[-1].end, m.start))
            ),
            None,
        )
        group: list[Mention] = []
        if after is not None:
            group = _coordination(v, after, b)
        else:
            before = [m for m in v.states if a <= m.start and m.end <= coord[0].start]
            if before and (
                resp or re.fullmatch(r"\s*", _strip_values(v.s(before[-1].end, coord[0].start)))
            ):
                group = _coordination_before(v, before[-1], a)
        if len(group) != len(coord):
            continue
        if any(m.possessive and 0 <= coord[0].start - m.end <= 4 for m in v.regions) or re.search(
            rf"\b{_REGION_WORDS}['’]s\s+$", v.s(max(a, coord[0].start - 30), coord[0].start), re.I
        ):
            continue  # "Africa's fifth and first largest producers"
        template = next(
            (
                f
                for f in frames
                if f.kind == "rank" and any(f.span == (r.start, r.end) for r in coord)
            ),
            None,
        )
        if template is None:
            made = _read_rank(v, coord[-1], ctx, frames, shares, force=group[-1])
            template = made[0] if made else None
        if template is None:
            continue
        for r, m in zip(coord, group, strict=True):
            out.append(
                replace(
                    template,
                    theme=m.id,
                    value={"rank": r.value, "comparator": "eq", "text": r.text},
                    span=(r.start, r.end),
                    rule="rank+respectively",
                )
            )
    # drop the frames the pairing replaces
    if out:
        spans = {f.span for f in out}
        frames[:] = [f for f in frames if f.span not in spans or f.rule == "rank+respectively"]
    return out


_BEHIND = re.compile(
    r"\b(?:right\s+|just\s+|only\s+|far\s+|well\s+)?(?P<w>behind|after|ahead\s+of|trailing|followed\s+by|(?<=only\s)to)\s+(?:the\s+)?",
    re.I,
)


def _relative_ranks(v: View, frames: list[Frame], ctx: Context, shares: list[Frame]) -> list[Frame]:
    """Ranks implied by position: 'second largest … right behind India' (India 1st), 'number three
    after the US and Russia' (1st, 2nd), 'the biggest importer, ahead of India' (2nd), 'far ahead of
    second and third-placed Saudi Arabia and China' (1st), '… followed by Bangladesh and Myanmar'."""
    out: list[Frame] = []
    ranked = [f for f in frames if f.kind == "rank" and f.value.get("comparator") == "eq"]
    for bm in _BEHIND.finditer(v.text, v.start, v.end):
        a, b = v.clause(bm.start())
        first = _state_at(v, bm.end(), 1)
        if first is None:
            ords = re.match(
                r"(?:(?:second|third|fourth|fifth|sixth|\d+(?:st|nd|rd|th))(?:[- ]?(?:placed|ranked|largest|biggest))?(?:\s+and\s+|,\s*|\s+))+(?:the\s+)?",
                v.text[bm.end() : bm.end() + 60],
                re.I,
            )
            first = _state_at(v, bm.end() + ords.end(), 0) if ords else None
        if first is None:
            continue
        group = _coordination(v, first, b)
        w = bm.group("w").lower()
        near = [f for f in ranked if a <= f.span[0] < b and f.theme not in {g.id for g in group}]
        if w in {"behind", "after", "trailing", "to"}:
            ref = next((f for f in reversed(near) if f.span[0] < bm.start()), None)
            if ref is None:
                continue
            r = int(ref.value["rank"])
            adjacent = (
                bool(re.match(r"(?:right|just|only|immediately)\b", bm.group(0), re.I)) or w == "to"
            )
            if adjacent and len(group) == 1 and r > 1:
                out.append(
                    replace(
                        ref,
                        theme=group[0].id,
                        value={"rank": r - 1, "comparator": "eq", "text": bm.group(0).strip()},
                        span=(bm.start(), group[0].end),
                        rule="rank+behind",
                    )
                )
            elif len(group) == r - 1:
                for k, g in enumerate(group, 1):
                    out.append(
                        replace(
                            ref,
                            theme=g.id,
                            value={"rank": k, "comparator": "eq", "text": bm.group(0).strip()},
                            span=(bm.start(), g.end),
                            rule="rank+behind",
                        )
                    )
        elif w.startswith("ahead"):
            ref = next((f for f in reversed(near) if f.span[0] < bm.start()), None)
            if ref is not None and int(ref.value["rank"]) == 1 and len(group) == 1:
                out.append(
                    replace(
                        ref,
                        theme=group[0].id,
                        value={"rank": 2, "comparator": "eq", "text": bm.group(0).strip()},
                        span=(bm.start(), group[0].end),
                        rule="rank+ahead",
                    )
                )
            elif ref is None:
                # "India was far ahead of second and thirdplaced Saudi Arabia and China"
                after = [
                    f
                    for f in ranked
                    if f.span[0] >= bm.start() and f.theme in {g.id for g in group}
                ]
                subj = _nearest_state_before(v, bm.start(), a)
                if after and subj is not None:
                    k = min(int(f.value["rank"]) for f in after) - 1
                    if k >= 1:
                        out.append(
                            replace(
                                after[0],
                                theme=subj.id,
                                value={"rank": k, "comparator": "eq", "text": bm.group(0).strip()},
                                span=(subj.start, bm.end()),
                                rule="rank+ahead",
                            )
                        )
        else:  # followed by
            items = group
            tops = [
                f
                for f in frames
                if f.value.get("comparator") == "le"
                and f.kind == "rank"
                and f.theme in {g.id for g in items}
            ]
            if tops:
                continue
            headm = next(
                (
                    m
                    for m in reversed(v.states)
                    if m.end <= bm.start()
                    and m.form != "demonym"
                    and not m.possessive
                    and not _compared(v, m, v.start)
                ),
                None,
            )
            if headm is None:
                continue
            ref = next(
                (f for f in ranked if f.theme == headm.id and v.start <= f.span[0] < v.end), None
            )
            valued = [s for s in v.shares if s.start > bm.start()]
            if ref is None and valued:
                continue  # "India's share was 11 % followed by Saudi Arabia with 9.6 %": shares, no ranks
            if ref is None:
                sh = next((f for f in shares if f.theme == headm.id), None)
                if sh is not None:
                    ref = replace(sh, kind="rank", value={"rank": 1, "comparator": "eq"})
            if ref is None:
                past = next(
                    (
                        f
                        for f in reversed(ctx.history)
                        if f.theme == headm.id
                        and f.kind == "rank"
                        and f.value.get("comparator") == "eq"
                    ),
                    None,
                )
                if past is None:
                    continue
                ref = past
            r = int(ref.value.get("rank", 1))
            for k, g in enumerate(items, 1):
                out.append(
                    replace(
                        ref,
                        theme=g.id,
                        value={"rank": r + k, "comparator": "eq", "text": "followed by"},
                        span=(g.start, g.end),
                        rule="rank+followed-by",
                        negated=False,
                    )
                )
    return out


# --- groups and regions -------------------------------------------------------------------------

_GROUP_VERB = r"(?:together\s+)?(?:accounting\s+for|accounted\s+for|accounts?\s+for|received|receive|made\s+up|make\s+up|represent(?:ed|s|ing)?|took|take|held|hold|had|have)"


def read_groups(v: View, ctx: Context) -> list[Frame]:
    """Combined shares: 'the five largest exporters together accounted for 76 %', 'A, B, C … are the top
    five, accounting for 74 %', 'Together, they accounted for 77 %', '75 percent … belong to these
    countries'; regional shares: 'the Middle East accounted for 29 per cent of global arms imports'."""
    out: list[Frame] = []
    for q in v.shares:
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
        if (
            m
            and "together" in before[m.start() :].lower()
            or (
                m
                and not any(m.start() + q.start - len(before) < s.start < q.start for s in v.states)
            )
        ):
            n = _numword(m.group("n"))
            k = "exporters" if m.group("k").lower() in {"exporters", "suppliers"} else "importers"
            if n:
                out.append(
                    Frame(
                        "share",
                        "arms",
                        "group",
                        k,
                        None,
                        None,
                        value,
                        (q.start, q.end),
                        rule="group+top-n",
                        extra={"top": n},
                    )
                )
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
            ):
                out.append(
                    Frame(
                        "share",
                        "arms",
                        "group",
                        kind,
                        None,
                        None,
                        value,
                        (q.start, q.end),
                        rule="group+list",
                        extra={"members": [r.id for r in run]},
                    )
                )
                continue
        # "Together, they accounted for 77 per cent", "75 percent of total exports belong to these countries"
        if ctx.last_list and (
            re.search(
                r"\b(?:together,?\s+)?(?:they|these\s+(?:five|three|four|ten|countries|states))\s+(?:together\s+)?\w*\s*(?:for\s+)?(?:(?:more\s+than|almost|nearly|about|some|over|around)\s+)?$",
                before,
                re.I,
            )
            or re.match(
                r"\s*of\s+[\w\s]{0,40}?\b(?:belong|belongs|went|goes|go)\s+to\s+these\s+(?:countries|states|five|three)\b",
                v.text[q.end : q.end + 80],
                re.I,
            )
        ):
            if kind is not None:
                out.append(
                    Frame(
                        "share",
                        "arms",
                        "group",
                        kind,
                        None,
                        None,
                        value,
                        (q.start, q.end),
                        rule="group+anaphor",
                        extra={"members": list(ctx.last_list)},
                    )
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
                    Frame(
                        "share",
                        "arms",
                        "region",
                        "importers",
                        None,
                        None,
                        value,
                        (q.start, q.end),
                        rule="region+went-to",
                        extra={"region": key},
                    )
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
                    np is None or _global_np(v, *np) or re.search(r"\b(?:total|all)\b", v.s(*np))
                ):
                    out.append(
                        Frame(
                            "share",
                            "arms",
                            "region",
                            kind or "importers",
                            None,
                            None,
                            value,
                            (q.start, q.end),
                            rule="region",
                            extra={"region": key},
                        )
                    )
    return out


# --- changes ------------------------------------------------------------------------------------

_VOLUME_NOUN = re.compile(
    r"\b(?:imports?|exports?|sales|purchases|deliveries|transfers|trade|acquisitions)\b", re.I
)
_GLOBAL_VOLUME = re.compile(
    r"\b(?:(?:volume\s+of\s+)?(?:the\s+)?(?:international|global|world(?:wide)?|total|overall)\b[^;,.]{0,50}?\b(?:transfers|arms\s+trade|trade\s+in\s+(?:major\s+)?arms)|"
    r"(?:international|global|world)\s+arms\s+(?:trade|transfers|sales)|overall,?\s+there\s+was|increase\s+in\s+arms\s+transfers|in\s+arms\s+transfers)\b",
    re.I,
)


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
        # the owner of the imports/exports that changed
        owner = None
        kind = None
        for w in reversed(list(_VOLUME_NOUN.finditer(v.text, a, c.end))):
            o = _owner_near_noun(v, w.start(), w.end(), a, b)
            if o is not None and not o.mention.blocked:
                owner = o
                kind = (
                    "imports"
                    if w.group(0).lower().startswith(("import", "purchase", "acquisition"))
                    else "exports"
                )
                if o.how == "to":
                    owner = None  # "arms imports to Pakistan", "exports to the Middle East": a flow between two parties
                break
        if owner is not None:
            lo_np = min(owner.mention.start, w.start())
            others = {
                m.id
                for m in v.states
                if lo_np <= m.start < c.start and m.id != owner.mention.id and m.form != "demonym"
            }
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
            out.append(
                Frame(
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
            )
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
        r"\(\s*(?P<sign>[–−+-])\s*(?P<num>\d{1,3}(?:\.\d{1,2})?)\s*(?:%|per\s?cent|percent)\s*\)",
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
            continue
        val = float(m.group("num")) * (-1 if m.group("sign") != "+" else 1)
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
                k.group("k").lower(),
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
    ps = [p for p in v.periods if p.kind != "anaphor" and v.start <= p.span[0] < v.end]
    local = [p for p in ps if a <= p.span[0] < b] or ([] if f.rule.endswith("ellipsis") else [])
    if f.rule.endswith("ellipsis"):
        local = [p for p in ps if a <= p.span[0] < b]
    base = later = None
    txt = v.text
    for p in local:
        pre = txt[max(v.start, p.span[0] - 40) : p.span[0]]
        if L.BASELINE_BEFORE_RE.search(pre) or re.search(
            r"\bbetween\s+(?:the\s+)?(?:[\w-]+\s+){0,3}$", pre, re.I
        ):
            if re.search(r"\bbetween\b", pre, re.I) and not re.search(
                r"\bthan|compared", pre, re.I
            ):
                nxt = next(
                    (
                        q
                        for q in local
                        if q.span[0] > p.span[1]
                        and re.fullmatch(
                            r"\s*(?:period\s+)?and\s+(?:the\s+)?", txt[p.span[1] : q.span[0]], re.I
                        )
                    ),
                    None,
                )
                if nxt is not None:
                    base, later = p, nxt
                    break
                later = later or p
                continue
            if re.search(r"\bfrom\s+(?:the\s+)?$", pre, re.I):
                nxt = next(
                    (
                        q
                        for q in local
                        if q.span[0] > p.span[1]
                        and re.fullmatch(
                            r"\s*(?:period\s+)?to\s+(?:the\s+)?", txt[p.span[1] : q.span[0]], re.I
                        )
                    ),
                    None,
                )
                if nxt is not None:
                    base, later = p, nxt
                    break
            base = base or p
        elif later is None:
            later = p
    if later is None:
        # the clause before ("In 2017–21 … and were 14 per cent higher than in 2012–16")
        main = [
            p
            for p in ps
            if not L.BASELINE_BEFORE_RE.search(txt[max(v.start, p.span[0] - 40) : p.span[0]])
            and p is not base
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
    elif ctx.paragraph_period(f.metric) is not None and not L.PRESENT_RE.search(
        v.s(v.start, v.end)
    ):
        f.period = {**ctx.paragraph_period(f.metric), "source": "paragraph"}
    if base is not None:
        f.extra["base"] = [base.start, base.end]
    elif re.search(
        r"\b(?:previous|preceding|prior|last)\s+(?:five|four|ten|5|10|4)[- ]years?\b|\bprevious\s+(?:five[- ]year\s+)?period\b|\btwo\s+five-year\b",
        v.s(a, b),
        re.I,
    ):
        f.extra["base"] = "previous"


# --- relations: borders, rivalries, deals -------------------------------------------------------


def read_borders(v: View) -> list[Frame]:
    """'Azerbaijan shares a 689 km border with Iran' (border_length); 'Armenia borders Turkey and Iran'
    (shared_border, COW contiguity)."""
    out: list[Frame] = []
    for a, b in v.clauses:
        states = [m for m in v.states if a <= m.start < b and m.form not in {"demonym", "company"}]
        if len(states) < 2:
            continue
        lengths = [x for x in v.lengths if a <= x.start < b]
        bn = L.BORDER_NOUN_RE.search(v.text, a, b)
        if lengths and bn:
            ln = min(lengths, key=lambda x: abs(x.start - bn.start()))
            first = states[0]
            other = next((m for m in states if m.id != first.id), None)
            if other is not None:
                out.append(
                    Frame(
                        "length",
                        "geo",
                        "bilateral",
                        None,
                        first.id,
                        other.id,
                        ln.to_dict(),
                        (a, b),
                        rule="length+border",
                    )
                )
            continue
        bv = L.BORDER_VERB_RE.search(v.text, a, b)
        if bv is None:
            continue
        apps = appositions(v)
        subj = [
            m for m in states if m.end <= bv.start() and not any(x <= m.start < y for x, y in apps)
        ]
        objs = [m for m in states if m.start >= bv.end()]
        if not subj:
            continue
        if re.search(r"\bno\b|\bnot\b", v.s(subj[-1].end, bv.start()), re.I):
            continue
        if len(subj) >= 2 and not objs:
            run = _coordination_before(v, subj[-1], a)
            if len(run) == 2:
                out.append(
                    Frame(
                        "border",
                        "geo",
                        "bilateral",
                        None,
                        run[0].id,
                        run[1].id,
                        {},
                        (a, b),
                        rule="border+coordinated",
                    )
                )
            continue
        if not objs:
            continue
        first = [objs[0]]
        for o in objs[1:]:
            gap = re.sub(
                r"\b(?:to|on)\s+(?:the\s+|its\s+)?(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?(?:\s+side)?\b",
                " ",
                v.s(first[-1].end, o.start),
                flags=re.I,
            )
            if _ITEM_SEP.match(gap) or re.fullmatch(
                r"\s*(?:and|,)\s*(?:the\s+)?", gap.strip() and " " + gap.strip() + " " or gap
            ):
                first.append(o)
            else:
                break
        for o in first:
            if o.id != subj[-1].id:
                out.append(
                    Frame(
                        "border",
                        "geo",
                        "bilateral",
                        None,
                        subj[-1].id,
                        o.id,
                        {},
                        (a, b),
                        rule="border+verb",
                    )
                )
    return out


_SINCE = re.compile(
    r"\b(?:since|dat(?:es|ed|ing)\s+(?:back\s+)?(?:to|from)|(?:began|begun|started|emerged|erupted)\s+in|goes\s+back\s+to|going\s+back\s+to)\s+(?:the\s+)?((?:19|20)\d\d)\b",
    re.I,
)


def read_rivalries(v: View, ctx: Context, discourse_subject: str | None) -> list[Frame]:
    """'Israel and Iran have been rivals since 1979', "Iran, Israel's arch-nemesis", 'its regional
    rivals China and Pakistan', 'Arch-rival India' (against the article's subject), 'in rivalry with
    the United States', 'a decades-long conflict with Armenia'."""
    out: list[Frame] = []
    for rm in L.RIVAL_RE.finditer(v.text, v.start, v.end):
        a, b = v.clause(rm.start())
        states = [
            m
            for m in v.states
            if a <= m.start < b
            and m.form not in {"company"}
            and not (m.form == "demonym" and not m.possessive and m.end + 2 < rm.start())
        ]
        since = _SINCE.search(v.text, a, b)
        value: dict[str, Any] = {"since": int(since.group(1)) if since else None}
        if since:
            value["text"] = since.group(0)
        span = (a, b)
        pairs: list[tuple[str, str]] = []
        # "X's (arch-)rival(s) A (and B)" / "Y, X's arch-nemesis"
        owner = next(
            (
                m
                for m in reversed(states)
                if m.end <= rm.start() and m.possessive and rm.start() - m.end <= 25
            ),
            None,
        )
        if owner is not None:
            after = next(
                (m for m in states if m.start >= rm.end() and m.start - rm.end() <= 6), None
            )
            if after is not None:
                pairs += [(owner.id, g.id) for g in _coordination(v, after, b)]  # type: ignore[misc]
            else:
                appos = next(
                    (
                        m
                        for m in reversed(states)
                        if m.end <= owner.start
                        and re.fullmatch(r"\s*,\s*", v.s(m.end, owner.start))
                    ),
                    None,
                )
                if appos is not None:
                    pairs.append((owner.id, appos.id))  # type: ignore[arg-type]
        if not pairs:
            with_ = re.match(
                r"\s+(?:with|against|of)\s+(?:the\s+)?", v.text[rm.end() : rm.end() + 20], re.I
            )
            if with_:
                other = _state_at(v, rm.end() + with_.end(), 1)
                cands = [
                    m
                    for m in states
                    if m.end <= rm.start()
                    and m.id != (other.id if other else None)
                    and not m.possessive
                    and not _PREP_BEFORE.search(v.s(max(a, m.start - 12), m.start))
                    and m.form != "demonym"
                ]
                subj = cands[-1] if cands else None
                subj_id = subj.id if subj else discourse_subject
                if other is not None and subj_id:
                    pairs.append((subj_id, other.id))  # type: ignore[arg-type]
        if not pairs:
            # "Arch-rival India was second": the rival of the article's subject
            after = next((m for m in states if 0 <= m.start - rm.end() <= 3), None)
            if (
                after is not None
                and rm.start() - a <= 2
                and discourse_subject
                and discourse_subject != after.id
            ):
                pairs.append((discourse_subject, after.id))  # type: ignore[arg-type]
        if not pairs:
            # "X and Y are rivals", "rivals X and Y"
            names = list(dict.fromkeys(m.id for m in states if not m.blocked))
            if len(names) == 2:
                pairs.append((names[0], names[1]))  # type: ignore[arg-type]
        for x, y in pairs:
            if x and y and x != y:
                out.append(
                    Frame(
                        "rivalry",
                        "security",
                        "bilateral",
                        None,
                        x,
                        y,
                        dict(value),
                        span,
                        rule="rivalry",
                    )
                )
    return out


_WEAPON_NOUN = (
    r"(?:loitering\s+munitions?|kamikaze\s+drones?|combat\s+drones?|attack\s+drones?|armed\s+drones?|drones?|UAVs?|UCAVs?|unmanned\s+aerial\s+vehicles?"
    r"|(?:(?:air|missile)[- ]defen[cs]e|anti[- ]aircraft|surface[- ]to[- ]air|anti[- ]tank|anti[- ]ship|ballistic|cruise|guided|surface[- ]to[- ]surface)\s+(?:missile\s+)?(?:systems?|missiles?|batteries)"
    r"|guided\s+bombs?|bombs?|missiles?|rockets?|(?:multiple\s+)?rocket\s+launchers?|MRLs?|launchers?|radars?|radar\s+systems?|satellites?|(?:patrol|missile|fast\s+attack)\s+(?:boats?|craft|vessels?)|boats?|ships?|corvettes?|frigates?|destroyers?|submarines?|warships?"
    r"|(?:main\s+battle\s+)?tanks?|howitzers?|artillery(?:\s+systems?)?|mortars?|armou?red\s+(?:personnel\s+carriers|vehicles?)|vehicles?|APCs?|IFVs?|helicopters?|(?:fighter|combat|transport|trainer)\s+(?:aircraft|jets?)|aircraft|jets?|fighters?|trainers?|SAMs?|systems?|guns?)"
)
_DESIG = r"(?:Type[- ]\d{2,3}[A-Z]?|[A-Z][A-Za-z0-9]*(?:[-/][A-Za-z0-9]+)*(?:\s(?:[A-Z0-9][A-Za-z0-9]*(?:[-/][A-Za-z0-9]+)*))?|\d+[A-Z][A-Za-z0-9-]*)"
DEAL_RE = re.compile(rf"(?P<desig>{_DESIG})\s+(?P<noun>{_WEAPON_NOUN})\b")
_WEAPON_HINT = re.compile(
    r"munition|drone|UAV|missile|rocket|launcher|radar|satellite|boat|craft|vessel|ship|corvette|frigate|destroyer|submarine|tank|howitzer|artillery|mortar|vehicle|APC|IFV|helicopter|aircraft|jet|fighter|trainer|SAM|system|gun|bomb|upgrad|moderni|overhaul|retrofit",
    re.I,
)
UPGRADE_RE = re.compile(
    rf"\b(?:the\s+)?(?P<desig>(?=[A-Za-z0-9/-]*\d){_DESIG})\s+(?:tanks?\s+|fleet\s+|helicopters?\s+|aircraft\s+)?(?P<noun>upgrades?|modernis(?:ation|ed)|moderniz(?:ation|ed)|overhauls?|retrofits?)\b"
    rf"|\b(?:upgrades?|modernis(?:ation|ing)|moderniz(?:ation|ing)|overhauls?|retrofits?)\s+(?:(?:programme|program|contract|deal|work)\s+)?(?:of|for|on)\s+(?:the\s+|its\s+|their\s+|[\w]+['’]s\s+|[A-Z][a-z]+i\s+|[A-Z][a-z]+n\s+)?(?:[\w-]+\s+){{0,2}}?(?P<desig3>{_DESIG})\s+(?:tanks?|helicopters?|aircraft|jets?|fleet|vehicles?|fighters?)\b"
    rf"|\b(?P<verb>upgrad(?:ed|es|ing)|modernis(?:ed|es|ing)|moderniz(?:ed|es|ing)|overhaul(?:ed|s)|retrofitt?(?:ed|s))\s+(?:(?:the\s+|its\s+|their\s+|[\w]+['’]s\s+|[A-Z][a-z]+i\s+|[A-Z][a-z]+n\s+)?(?:[\w-]+\s+){{0,2}}?)(?P<desig2>{_DESIG})\s+(?:tanks?|helicopters?|aircraft|jets?|fleet|vehicles?|fighters?)\b",
)
DEAL_SUPPLY_RE = re.compile(
    r"\b(?:deliver(?:ed|s|ing|ies|y)?|suppl(?:ied|ies|y|ying)|sold|sells?|selling|sales?|transferred|provid(?:ed|es|ing)|shipped|exported|exports?|gave|handed\s+over)\b",
    re.I,
)
DEAL_ACQUIRE_RE = re.compile(
    r"\b(?:bought|buys?|buying|purchased?|purchasing|acquired?|acquiring|received?|receiving|ordered|took\s+delivery\s+of|taken\s+delivery\s+of|"
    r"fielded|field|operat(?:es|ed)|deployed|used|imported|obtained|included|includes|have\s+included|equipped)\b",
    re.I,
)
_NOT_DESIG = frozenset(
    [
        "The",
        "This",
        "That",
        "These",
        "Those",
        "Its",
        "Their",
        "His",
        "Her",
        "Our",
        "A",
        "An",
        "In",
        "On",
        "At",
        "By",
        "For",
        "From",
        "With",
        "Some",
        "Many",
        "Most",
        "More",
        "Such",
        "Other",
        "Several",
        "New",
        "Modern",
        "Advanced",
        "Armed",
        "Attack",
        "Combat",
        "Military",
        "Unmanned",
        "Made",
        "Built",
        "Long",
        "Short",
        "Medium",
        "Heavy",
        "Light",
        "Air",
        "Naval",
        "Anti",
        "Surface",
        "Guided",
        "Ballistic",
        "Cruise",
        "Kamikaze",
        "Loitering",
        "Patrol",
        "Missile",
        "Fast",
        "And",
        "Or",
        "But",
        "Also",
        "Both",
        "Two",
        "Three",
        "Four",
        "Five",
        "Six",
        "Ten",
        "Dozens",
        "Hundreds",
        "Which",
        "Whose",
        "When",
        "Where",
        "Main",
        "Major",
        "Strategic",
        "Israeli",
        "Russian",
        "Turkish",
        "American",
        "Chinese",
        "French",
        "Iranian",
        "Azerbaijani",
        "Sales",
        "Deliveries",
        "Shipments",
        "Exports",
        "Imports",
        "Photo",
    ]
)


_TRANSFER_VERB = re.compile(
    r"(?<![-\w])(?:delivered|supplied|sold|bought|received|ordered|acquired|purchased|transferred|shipped|exported|imported|obtained|took\s+delivery\s+of|used|deployed|operated|fielded)\b",
    re.I,
)


def _dates_transfer(v: View, a: int, p: N.PeriodSpec) -> bool:
    """Whether a period dates the transfer itself: it opens the clause ('In 2011, Israel delivered …')
    or follows a transfer verb ('delivered … to Azerbaijan in 2016'), not another event ('the
    offensive in 2020')."""
    if re.fullmatch(r"\s*(?:in|during|between|from|by)?\s*", v.s(a, p.span[0]), re.I):
        return True
    verbs = [m for m in _TRANSFER_VERB.finditer(v.text, a, p.span[0])]
    if not verbs:
        return False
    gap = v.s(verbs[-1].end(), p.span[0])
    return len(gap) <= 70 and not re.search(
        r"\b(?:offensive|war|conflict|attack|operation|battle|fighting|parade|clash(?:es)?)\b",
        gap,
        re.I,
    )


def read_deals(v: View, ctx: Context) -> list[Frame]:
    """Named weapons transferred: 'Israel has delivered Harop loitering munitions to Azerbaijan',
    'Turkish-supplied TRG-300 rocket launchers … Azerbaijan', 'Sales of Rafale fighter aircraft to
    Qatar and Egypt …France', 'China's exports to Pakistan have included four Type 054A frigates',
    'the T-72 upgrade by Elbit' (a service on equipment the recipient already has)."""
    from realpolitik.analyses.claims.gazetteer import name_forms_lower

    forms = name_forms_lower()
    out: list[Frame] = []
    for a, b in v.clauses:
        clause = v.s(a, b)
        if not _WEAPON_HINT.search(clause):
            continue
        states = [m for m in v.states if a <= m.start < b]
        hits: list[tuple[int, int, str, str, bool]] = []
        for dm in DEAL_RE.finditer(v.text, a, b):
            desig = dm.group("desig").strip()
            parts = desig.split()
            if (
                parts[0] in _NOT_DESIG
                or any(m.start <= dm.start() < m.end for m in v.mentions)
                or re.search(r"-(?:made|built|supplied|designed|manufactured)$", parts[0])
            ):
                if len(parts) == 2 and parts[1] not in _NOT_DESIG:
                    desig = parts[1]
                else:
                    continue
            if (
                not re.search(r"[A-Z]", desig)
                or len(desig) < 2
                or desig.lower() in forms
                or desig in _NOT_DESIG
            ):
                continue
            ds = dm.start() + dm.group(0).find(desig)
            if any(m.start <= ds < m.end for m in v.mentions):
                continue
            hits.append((ds, ds + len(desig), desig, dm.group("noun"), False))
        for um in UPGRADE_RE.finditer(v.text, a, b):
            key = next(k for k in ("desig", "desig2", "desig3") if um.group(k) or k == "desig3")
            desig = (um.group(key) or "").strip()
            if (
                not desig
                or desig.split()[0] in _NOT_DESIG
                or desig.lower() in forms
                or not re.search(r"\d", desig)
            ):
                continue
            ds = um.start(key)
            if any(h[0] <= ds < h[1] for h in hits):
                hits = [h for h in hits if not (h[0] <= ds < h[1])]
            hits.append((ds, ds + len(desig), desig, "upgrade", True))
        if not hits:
            continue
        sup_v = DEAL_SUPPLY_RE.search(clause)
        acq_v = DEAL_ACQUIRE_RE.search(clause)
        made = re.search(r"\b(\w+)-(?:made|built|supplied|designed|manufactured)\b", clause)
        for ds, de, desig, noun, upgrade in hits:
            supplier = next(
                (
                    m
                    for m in states
                    if _PREP_BEFORE.search(v.s(m.start - 12, m.start))
                    and _PREP_BEFORE.search(v.s(m.start - 12, m.start)).group("p").lower()
                    in {"from", "by"}
                ),
                None,
            )  # type: ignore[union-attr]
            recipients = []
            to = next(
                (
                    m
                    for m in states
                    if _PREP_BEFORE.search(v.s(m.start - 12, m.start))
                    and _PREP_BEFORE.search(v.s(m.start - 12, m.start)).group("p").lower()
                    in {"to", "for"}
                    and m.form != "company"
                ),
                None,
            )  # type: ignore[union-attr]
            if to is not None:
                recipients = [r for r in _coordination(v, to, b) if r.form != "company"]
            if supplier is None:
                dem = next(
                    (
                        m
                        for m in states
                        if m.end <= ds
                        and m.form in {"demonym", "company"}
                        and re.fullmatch(
                            r"[\s-]*(?:made|built|supplied|designed|manufactured)?[\s-]*(?:\w+\s+){0,2}",
                            v.s(m.end, ds),
                        )
                    ),
                    None,
                )
                if dem is not None and (made or dem.form == "company"):
                    supplier = dem
            if supplier is None:
                comp = next((m for m in states if m.form == "company"), None)
                if comp is not None:
                    supplier = comp
            owner = None
            for w in re.finditer(r"\b(?:exports?|sales|deliveries|shipments)\b", clause, re.I):
                o = _owner_near_noun(v, a + w.start(), a + w.end(), a, b)
                if o is not None and o.how in {"poss", "adj"}:
                    owner = o.mention
                    break
            if supplier is None and owner is not None:
                supplier = owner
            names = [m for m in states if m.form not in {"company"}]
            if supplier is None and recipients:
                supplier = next((m for m in names if m.id not in {r.id for r in recipients}), None)
            if not recipients and supplier is not None:
                rec = next(
                    (m for m in names if m.id != supplier.id and m.form != "demonym"), None
                ) or next((m for m in names if m.id != supplier.id), None)
                if rec is not None:
                    recipients = [rec]
            if supplier is None and not recipients and len({m.id for m in names}) >= 2:
                first = next((m for m in names if m.form != "demonym"), names[0])
                other = next((m for m in names if m.id != first.id), None)
                if sup_v and (acq_v is None or sup_v.start() < acq_v.start()):
                    supplier, recipients = first, [other] if other else []
                else:
                    recipients, supplier = [first], other
            if (supplier is None or not recipients) and ctx.last_deal is not None:
                s_id, r_id = ctx.last_deal
                supplier = supplier or Mention(0, 0, s_id, "name", "")
                if not recipients:
                    recipients = [Mention(0, 0, r_id, "name", "")]
            if (supplier is None or not recipients) and upgrade and ctx.last_deal is None:
                continue
            if supplier is None:
                continue
            if not (
                sup_v
                or acq_v
                or made
                or upgrade
                or re.search(r"\bdeliver|\bsales?\b", v.s(v.start, v.end), re.I)
            ):
                continue
            for r in recipients:
                if r.id == supplier.id:
                    continue
                verb = (sup_v or acq_v).group(0).lower() if (sup_v or acq_v) else None
                val = {"designation": desig, "description": noun, "text": v.s(ds, de), "verb": verb}
                if upgrade:
                    val["service"] = "upgrade"
                ps = [
                    p
                    for p in v.periods
                    if a <= p.span[0] < b
                    and p.kind not in {"anaphor", "since"}
                    and not _is_baseline(v, p, False)
                    and _dates_transfer(v, a, p)
                ]
                per = (
                    {
                        "start": ps[0].start,
                        "end": ps[0].end,
                        "text": ps[0].text,
                        "source": "explicit",
                    }
                    if ps
                    else None
                )
                out.append(
                    Frame(
                        "deal",
                        "arms",
                        "bilateral",
                        None,
                        supplier.id,
                        r.id,
                        val,
                        (a, b),
                        period=per,
                        rule="deal" + ("+upgrade" if upgrade else ""),
                    )
                )
    for f in out:
        ctx.last_deal = (f.owner, f.theme)  # type: ignore[assignment]
    # remember a transfer named without a designation ("deliveries from Turkey to Azerbaijan included …")
    m = re.search(
        r"\b(?:deliveries|transfers|exports|shipments|supplies)\s+(?:of\s+[\w\s]{0,30}?)?from\s+(?:the\s+)?",
        v.s(v.start, v.end),
        re.I,
    )
    if m:
        s = _state_at(v, v.start + m.end(), 0)
        if s is not None:
            t = re.match(r"\s+to\s+(?:the\s+)?", v.text[s.end : s.end + 10])
            r = _state_at(v, s.end + t.end(), 0) if t else None
            if r is not None:
                ctx.last_deal = (s.id, r.id)  # type: ignore[assignment]
    return out


# --- periods ------------------------------------------------------------------------------------


def _is_baseline(v: View, p: N.PeriodSpec, has_change: bool) -> bool:
    """A period that is a comparison baseline ('than in 2010–14', 'compared to 2013–17', 'from the
    2002–2006 period' after a change), not the claim's own period."""
    pre = v.text[max(v.start, p.span[0] - 40) : p.span[0]]
    if re.search(
        r"(?:\bthan(?:\s+(?:in|during|for|over))?|\bcompared\s+(?:to|with)|\bas\s+against|\bagainst|\bup\s+from|\bdown\s+from|\bas\s+in)\s+(?:the\s+)?(?:(?:previous|preceding|earlier|prior)\s+)?(?:five[- ]year\s+periods?\s+(?:of\s+)?)?$",
        pre,
        re.I,
    ):
        return True
    if re.search(r"\bfirst\b[^.;]{0,60}\bsince\s+(?:the\s+)?$", pre, re.I):
        return True
    if re.search(
        r"\bbetween\s+(?:the\s+)?(?:(?:two\s+)?five-year\s+periods\s+(?:of\s+)?)?$", pre, re.I
    ) and any(
        q.span[0] > p.span[1]
        and re.fullmatch(r"\s*(?:period\s+)?and\s+(?:the\s+)?", v.text[p.span[1] : q.span[0]], re.I)
        for q in v.periods
    ):
        return True  # "between 2012–16 and 2017–21": the first is the baseline
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


def observe(ctx: Context, text: str, paragraph: int) -> None:
    """Keep the context current for a sentence that is not read for claims (no state named in it)."""
    if paragraph != ctx.last_para:
        ctx.para_periods = {}
        ctx.last_para = paragraph
    ctx.metric_age += 1
    metric = "arms" if L.has_arms(text) else ("oil" if L.has_oil(text) else None)
    if metric:
        ctx.metric, ctx.metric_age = metric, 0


def read_sentence(v: View, ctx: Context, subject: str | None) -> list[Frame]:
    """Every frame of one sentence, in reading order; updates the context for the next sentence."""
    if v.paragraph != ctx.last_para:
        ctx.para_periods = {}
        ctx.last_para = v.paragraph
    changes = read_changes(v, ctx)
    groups = read_groups(v, ctx)
    taken = [(c.start, c.end) for c in v.changes] + [(x.start, x.end) for x in v.lengths]
    taken += [f.span for f in groups]
    shares = read_shares(v, ctx, taken)
    share_spans = [f.span for f in shares]
    ranks = read_ranks(v, ctx, taken + share_spans, shares)
    shares = _shares_of_ranks(v, shares, ranks, taken)
    frames = changes + groups + shares + ranks
    for f in changes:
        change_periods(v, f, ctx)
    assign_periods(v, [f for f in frames if f.kind in {"share", "rank"}], ctx)
    frames += read_borders(v)
    frames += read_rivalries(v, ctx, subject)
    frames += read_deals(v, ctx)
    for f in frames:
        p = f.period
        if p and p.get("source") == "explicit" and p.get("scope") != "apposition":
            keep = {"start": p["start"], "end": p["end"], "text": p.get("text", "")}
            ctx.last_period = keep
            ctx.para_periods[f.metric] = keep
    metric = (
        "arms"
        if L.has_arms(v.s(v.start, v.end))
        else ("oil" if L.has_oil(v.s(v.start, v.end)) else None)
    )
    ctx.metric_age += 1
    _set_any_period(v, ctx, bool(frames))
    if metric:
        ctx.metric, ctx.metric_age = metric, 0
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
    last = [f for f in frames if f.kind in {"share", "rank"} and f.scope in {"global", "bilateral"}]
    if last:
        ctx.last = last[-1]
    ctx.history.extend(frames)
    frames.sort(key=lambda f: f.span)
    return frames
