"""Whose total a phrase names (owners and their side), which state a value is about, and the head of a list."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from realpolitik.analyses.claims import lexicon as L
from realpolitik.analyses.claims import numbers as N
from realpolitik.analyses.claims.frames.base import Context, Frame, Topic, View
from realpolitik.analyses.claims.frames.spans import _PREP_BEFORE, _WORD, _compared, appositions
from realpolitik.analyses.claims.mentions import Mention

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
    m = re.match(
        r"""\s*['"’”]?\s*(?:each\s+)?(?:(?:share|stake)\s+(?:of|in)|of)\s+""", v.s(pos, hi), re.I
    )  # a closing quote may sit between: "'about 60 per cent' of its weapons"
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


_OBJECT_PREP = re.compile(r"\b(?:to|of|from|for|by)\s+(?:the\s+)?$", re.I)


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
        if re.search(
            r"\b(?:from|to)\s+(?:which|whom)\s+$", v.s(max(lo, m.start - 16), m.start), re.I
        ):
            # "Russia, from which it (India) bought 69 %": the theme is the antecedent of "which"
            continue
        prep = _PREP_BEFORE.search(v.s(max(lo, m.start - 12), m.start))
        if prep and prep.group("p").lower() in {"of", "to", "from", "by", "for", "than", "into"}:
            continue
        if re.search(
            r"\bof\s+(?:the\s+)?(?:total|overall|all)\s+$",
            v.s(max(lo, m.start - 20), m.start),
            re.I,
        ):
            continue  # "its share of total Indian arms imports": the total's owner, not the subject
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
        if m.possessive and re.match(
            r"(?:['’]s|['’]| s)?\s*(?:[\w-]+\s+){0,3}?(?:customers?|clients?|buyers?|recipients?|suppliers?|providers?|sources?|partners?)\b",
            between,
            re.I,
        ):
            continue  # "India was Russia's largest arms customer, taking 34 %": a role, not the subject
        rel = re.match(r"\s*,?\s*(from|to)\s+(?:which|whom)\b", between, re.I)
        if rel:
            # "Russia, from which it acquired 69 %": the antecedent is the other side of the verb
            return m, "supplier" if rel.group(1).lower() == "from" else "recipient"
        ws = L.words(between)
        if any(
            o.start > m.end
            and o.end <= pos
            and id(o) not in compared
            and (m.possessive or not _OBJECT_PREP.search(v.s(max(lo, o.start - 12), o.start)))
            for o in v.states
            if o.id != m.id and not o.possessive and o.form != "demonym"
        ):
            continue  # another subject in between ("France …, to India": an object, not a subject)
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
        if (
            m.possessive
            and re.fullmatch(r"\s*(?:['’]s|['’]| s)?\s*(?:[\w-]+\s+){0,3}", gap, re.I)
            and not re.search(r"\b(?:and|or|with|from|to|of)\b", gap)
        ):
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


def _global_np(v: View, a: int, b: int) -> bool:
    t = v.s(a, b)
    return bool(L.GLOBAL_RE.search(t)) or bool(
        re.search(
            r"\btotal\s+volume\b|\ball\s+(?:arms|weapons|major\s+arms)\s+(?:exports|imports|transfers|sales)\b|\bthe\s+(?:global|world)\b",
            t,
            re.I,
        )
    )


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


_REGION_FLOW_BEFORE = re.compile(
    r"\b(?P<w>imports?|exports?|purchases|deliveries|transfers)\s+(?:of\s+(?:major\s+)?(?:arms|weapons)\s+)?"
    r"(?:to|into|by|of|from)\s+(?:the\s+)?$",
    re.I,
)
_REGION_FLOW_AFTER = re.compile(
    r"(?:['’]s)?\s+(?:(?:arms|weapons|major|military|total|overall)\s+){0,2}(?P<w>imports|exports|purchases)\b",
    re.I,
)


def sentence_topic(v: View) -> Topic | None:
    """The last owned arms or oil total the sentence names: a state's ("Pakistan's arms imports")
    or a region's ("arms imports to the Middle East", "European arms imports")."""
    metric = (
        "arms"
        if L.has_arms(v.s(v.start, v.end))
        else ("oil" if L.has_oil(v.s(v.start, v.end)) else None)
    )
    if metric is None:
        return None
    found: list[tuple[int, Topic]] = []
    o = _earlier_total(v, v.end)
    if o is not None and o.side is not None and o.mention.id:
        found.append((o.mention.start, Topic(o.mention.id, o.side, metric)))
    for r in v.regions:
        m = _REGION_FLOW_BEFORE.search(
            v.s(max(v.start, r.start - 50), r.start)
        ) or _REGION_FLOW_AFTER.match(v.text, r.end, min(v.end, r.end + 40))
        if m:
            found.append((r.start, Topic(None, _side_of_words([m.group("w").lower()]), metric)))
    return max(found, key=lambda x: x[0])[1] if found else None


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
