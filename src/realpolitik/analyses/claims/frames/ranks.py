"""Ranks: ordinals, superlatives and top-N lists, with rankings implied by order and position."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from realpolitik.analyses.claims import lexicon as L
from realpolitik.analyses.claims import numbers as N
from realpolitik.analyses.claims.frames.base import Context, Frame, View
from realpolitik.analyses.claims.frames.oil_lines import volume_group
from realpolitik.analyses.claims.frames.oil_topic import oil_owner
from realpolitik.analyses.claims.frames.owners import (
    Owner,
    _global_kind,
    _owner_near_noun,
    _role_of,
    head,
)
from realpolitik.analyses.claims.frames.spans import (
    _COPULA,
    _PREP_BEFORE,
    _REGION_WORDS,
    _compared,
    _coordination,
    _coordination_before,
    _metric_at,
    _nearest_state_before,
    _negated,
    _state_at,
    _strip_values,
    appositions,
)
from realpolitik.analyses.claims.mentions import Mention

_LOOSE_BEFORE = re.compile(
    r"(?:\b(?:rose|climbed|fell|dropped|slipped|slid|moved|jumped|advanced|sank|tumbled|rising|falling|dropping|climbing)\s+(?:back\s+)?to\s+|"
    r"\b(?:is|was|are|were|ranks|ranked|came|comes|remains|remained)\s+(?:now|still|also|again|currently|only|then)\s+|"
    r"\b(?:came|comes|come|finished|finishes)\s+in\s+at\s+|"
    r"\b(?:is|was|are|were|came|comes|come|ranked|ranks|placed|finished|stood|remains|remained|became|"
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
    r"\b(?P<noun>suppliers?|providers?|sources?|exporters?|sellers?|vendors?|dealers?|merchants?|recipients?|clients?|customers?|"
    r"buyers?|importers?|purchasers?|producers?|producing|production|output|partners?|markets?|destinations?|traders?|exporting|importing|"
    r"(?<=export\s)countr(?:y|ies)(?=\s+(?:of|for)\s)|"
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
        if re.search(
            r"\b(?:export|client|customer|recipient|destination)\s+(?:countr|state|nation)\w*$",
            v.s(max(0, pos - 40), pos),
            re.I,
        ) and L.has_arms(v.s(pos, min(hi, pos + 40))):
            return "recipient"  # "the main export countries of Korean weapons"
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
    if n.startswith(("trader", "dealer", "merchant", "vendor")):
        return "supplier"
    return _role_of([n])


# "fell out of the top ten", "has dropped out of the five largest": no longer among them
_OUT_OF = r"(?:fell|fallen|falls|falling|dropped|drops|dropping|slipped|slips|crashed)\s+out\s+of"
# continuity frames: "kept its lead as", "held on to its position as", "retained its place as"
_KEPT = (
    r"(?:kept|keeps|keep|keeping|held|holds|hold|holding|retained|retains|retain|retaining|maintained|"
    r"maintains|maintain|cemented|cements|consolidated|defended|defends)\s+(?:on\s+to\s+)?(?:its|their|the)\s+"
    r"(?:lead|position|place|spot|status|rank|ranking|title|top\s+spot|crown)\s+as"
)
_PERFECT = re.compile(r"\b(?:has|have|had)(?:\s+not|n['’]t)?\s+(?:\w+\s+)?been\b", re.I)
_SINCE_PERIOD = re.compile(r"\bsince\s+(?:the\s+)?(?:\d{4}|(?:early|late|mid)\b)", re.I)
_THEME_BEFORE = re.compile(
    rf"^(?:['’]s|['’]| s)?\s*,?\s*(?:(?:which|who)\s+)?(?:(?:also|still|now|again|thus|then|currently|once|long|on\s+\w+|in\s+\d{{4}}(?:[-–]\d{{2,4}})?|"
    rf"according\s++to\s++[\w\s]{{1,40}}+,|,|has|have|had|been|quickly|far|firmly|only|not|never|no\s+longer|did|does|do|"
    rf"(?:has|have|had|did|does|do|is|was|were|are)n['’]t)\s+)*(?:{_COPULA}\s+|{_OUT_OF}\s+|{_KEPT}\s+|(?:feature[sd]?|featuring|figured?s?|appear(?:s|ed)?)\s+)?(?:(?:also|still|now|again|only|thus|once|formerly|previously|long|by\s+far|easily|clearly)\s+)*"
    rf"(?:as\s+)?(?:(?:the|a|an|its|their|[\w-]+['’]s|world\s+s)\s+)?(?:(?:world['’]?s|globe['’]s|planet['’]s|world\s+s)\s+)?(?:(?:single|next|close|distant|far)\s+)?$",
    re.I,
)


# a verb placing its subject in a ranking: "occupies the fourth position", "took second place",
# "retained its top ranking", "was listed as the third largest", "finished in fifth place"
_POSITION_VERB = re.compile(
    r"\s+(?:(?:also|still|now|again|thus|then|once|currently|again|comfortably|firmly)\s+)*"
    r"(?:in|(?:came|comes|come)\s+in\s+at|took|takes|taking|holds?|held|holding|occup(?:ies|ied|y|ying)|secured?|secures|claim(?:s|ed)?|"
    r"retain(?:s|ed)?|kept|keeps|maintain(?:s|ed)?|finish(?:es|ed)|stood|stands|(?:is|was|were|are)\s+listed\s+as|"
    r"(?:rose|climbed|moved|jumped|advanced|dropped|fell|slipped|slid)\s+(?:back\s+)?to|reached|reaches)"
    r"\s+(?:in\s+)?(?:the\s+|its\s+|their\s+)?(?:world['’]?s\s+)?",
    re.I,
)


# "retained its top ranking", "lost their first place": the possessive is the subject's standing
_OWN_STANDING = re.compile(
    r"\b(?:retain|kept|keep|held|hold|maintain|took|take|regain|reclaim|lost|lose|losing|defend|cement|consolidat|"
    r"surrender|cede|ceding|extend)\w*\s+(?:its|their)\s+(?:[\w-]+\s+)?$",
    re.I,
)


_LINK_VERB = re.compile(
    r"\b(?:become|became|becomes|becoming|is|was|remains|remained|ranks?|ranked|emerged|emerging|as|"
    r"(?:dropped|fell|slipped|rose|climbed|moved|jumped|advanced|slid)\s+(?:back\s+)?to)\b",
    re.I,
)


_IN_DOMAIN = re.compile(
    r"(?:\s+(?:after|behind|to)\s+[^,;()]{1,30}?)?\s+(?:in|among)\s+(?:the\s+)?(?:world['’]?s?\s+|global\s+)?"
    r"(?:major\s+)?(?:arms|weapons?)\s+(?P<d>import|export)s?\b",
    re.I,
)


# the domain set before the rank: "In arms exports, France ranked second", "Among arms importers, …"
_DOMAIN_LEAD = re.compile(
    r"\b(?:in|among)\s+(?:the\s+)?(?:world['’]?s?\s+|global\s+)?(?:major\s+)?(?:(?:arms|weapons?)\s+)?"
    r"(?P<d>import|export)(?:s|ers)\b\s*(?:,|(?=[^,;]{0,40}\b(?:ranked|ranks|placed|came|comes|took|was|is)\b))",
    re.I,
)


# "second to the US among arms exporters": a world ranking, the state after 'to' ahead of it
_AMONG_KIND = re.compile(
    r"\s+(?:in|among)\s+(?:the\s+)?(?:world['’]?s?\s+|global\s+)?(?:major\s+)?(?:arms\s+|weapons?\s+)?"
    r"(?:exporters|importers|exports|imports)\b",
    re.I,
)


# a place named right after a state: "ahead of Russia in third place", "Russia (third place)"
_PLACE_RANK = re.compile(r"\b(?:place|position|spot)\b", re.I)
_PLACE_AFTER = re.compile(
    r"\s*(?:\(\s*|,\s*)?(?:(?:now|then|still)\s+)?in\s+(?:the\s+)?|\s*\(\s*", re.I
)


def _rank_theme(v: View, r: N.Rank, lo: int, noun_end: int) -> Mention | None:
    """The state a rank is about: the subject before a copula ('India was the largest'), an apposition
    ('China, the world's top importer'), a prenominal rank ('fourthranked Germany'), a postposed
    subject ('the tenth-largest exporter is South Korea'), 'with Spain in fourth place'."""
    before = [m for m in v.states if lo <= m.start and m.end <= r.start]
    if (
        before
        and _PLACE_RANK.search(r.text)
        and _PLACE_AFTER.fullmatch(v.s(before[-1].end, r.start))
    ):
        return before[-1]  # "ahead of Russia in third place", "Russia (third place)": its own place
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
            if _THEME_BEFORE.match(between) or _POSITION_VERB.fullmatch(between):
                return m  # "France, which took third place"
            continue  # "Azerbaijan, which pumped oil long before …, was …": look past the relative clause
        between = re.sub(r"\b(?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w.-]*(?:['’]s| s)\s+", "X's ", between)
        app = next(((x, y) for x, y in appositions(v) if x == m.end + 1 and y < r.start), None)
        if app is not None:
            between = v.s(
                app[1] + 1, r.start
            )  # "Azerbaijan, which pumped oil long before, was only the 26th-largest"
        if re.fullmatch(
            r"\s*,\s*(?:(?:traditionally|historically|long|still|now|currently)\s+)?"
            r"(?:the|its|their|X's|[\w-]+['’]s)\s+(?:(?:world['’]?s|single|next)\s+)?",
            between,
            re.I,
        ):
            return m  # an apposition: "… to Saudi Arabia, its biggest customer"
        prep = _PREP_BEFORE.search(v.s(max(lo, m.start - 10), m.start))
        if prep and prep.group("p").lower() in {"of", "to", "from", "by", "for", "than", "into"}:
            continue
        if _THEME_BEFORE.match(between) or _POSITION_VERB.fullmatch(between):
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
    if (
        subj is not None
        and not any(
            subj.end <= o.start and not _compared(v, o, lo) and not o.possessive
            for o in before
            if o is not subj
        )
        and _LINK_VERB.search(v.s(subj.end, r.start))
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


# a period phrase after a group noun: "in 2015-19", "from 2015 to 2019", "during 2015–19"
_PERIOD_PHRASE = (
    r"\s+(?:in|during|over|for)\s+(?:the\s+)?(?:period\s+)?\d{4}(?:\s?[-–/]\s?['’]?\d{2,4})?"
    r"|\s+(?:from|between)\s+\d{4}\s*(?:to|and|[-–])\s*\d{2,4}"
)


def _list_items(v: View, r: N.Rank, noun: re.Match[str] | None, lo: int, hi: int) -> list[Mention]:
    """States listed as members of a ranking: 'the top five importers were A, B, C', 'A, B and C are
    the world's top three producers', 'SIPRI identified A, B as the top five', 'with the five largest
    importers A, B, C'."""
    end = noun.end() if noun else r.end
    tail = v.text[end : min(hi, end + 120)]
    mm = re.match(
        r"(?:\s+(?:purchasing|buying|importing|receiving|selling|exporting|supplying)\s+[\w\s'’-]{1,40}?)?(?:\s+(?:of|in|for|to)\s+(?:the\s+)?[\w\s'’-]{1,40}?)?"
        rf"(?:{_PERIOD_PHRASE})?\s*(?:\([^)]*\)\s*)?,?\s*(?:[\w-]+,?\s+){{0,2}}?"
        r"(?:(?:were|are|was|is|included|include|includes|including|being|(?:have|has|had)\s+been)\b|:|—|(?<=\s)(?:–|--)(?=\s))\s*(?:rounded\s+out\s+by\s+|made\s+up\s+of\s+|led\s+by\s+)?:?\s*(?:the\s+)?",
        tail,
        re.I,
    )
    if mm:
        first = _state_at(v, end + mm.end(), 3)
        if first is not None and first.form != "demonym":
            return _coordination(v, first, hi)
    # partitive with a colon list: "three of the ten largest importers are in the Middle East: A, B, C"
    if re.search(
        r"\b(?:\w+)\s+of\s+(?:the\s+)?(?:world['’]?s\s+|globe['’]s\s+)?$",
        v.s(max(lo, r.start - 30), r.start),
        re.I,
    ):
        colon = re.match(r"[^:;.]{0,80}?:\s*(?:the\s+)?", v.text[end:hi])
        if colon:
            first = _state_at(v, end + colon.end(), 0)
            if first is not None:
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
                r"\s*,?\s*(?:(?:were|are|was|is|remain|remained|rank|ranked|have\s+been|had\s+been)\s+(?:also\s+|still\s+|again\s+)?(?:not\s+)?(?:ranked\s+)?(?:the\s+|among\s+the\s+)?(?:world['’]?s\s+)?|as\s+(?:the\s+)?(?:world['’]?s\s+)?|(?:are|were)\s+not\s+(?:ranked\s+)?|"
                r"(?:complete[sd]?|completing|round(?:s|ed)?\s+out|fill(?:s|ed)?\s+out|close[sd]?(?:\s+out)?)\s+(?:the\s+)?(?:list\s+of\s+the\s+)?|)\s*",
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


# the members of a group named in the sentence before: "They were A, B and C", "These are: A, …"
_MEMBERS_OPEN = re.compile(
    r"\W*(?:(?:they|these|those)(?:\s+(?:\w+\s+)?(?:countries|states|nations|exporters|importers|suppliers|recipients|buyers))?"
    r"\s+(?:were|are|included|include|comprised|comprise|was)|in\s+(?:descending\s+)?order|namely|the\s+list\s+(?:is|was))"
    r"\s*:?\s*(?:,\s*)?(?:(?:they|these)\s+(?:were|are)\s*:?\s*)?(?:in\s+(?:descending\s+)?order\s*,?\s*)?(?:the\s+)?",
    re.I,
)


def _clause_period(v: View, a: int, b: int) -> dict[str, object] | None:
    """The first explicit period of clause [a, b), as a frame period."""
    own = next(
        (p for p in v.periods if a <= p.span[0] < b and p.kind not in {"anaphor", "since", "past"}),
        None,
    )
    if own is None:
        return None
    return {"start": own.start, "end": own.end, "text": own.text, "source": "explicit"}


def _heading_year(v: View) -> dict[str, object] | None:
    """A bare year closing a heading line ("Top 10 oil producers, 2022", "… (2022)"): its period,
    read only on a line without a full stop, where no 'in' is needed to date the list."""
    line = v.s(v.start, v.end)
    m = re.search(r"[,(:–-]\s*((?:19|20)\d\d)\)?:?\s*$", line)
    if m is None or "\n" in line or line.rstrip().endswith("."):
        return None
    year = int(m.group(1))
    return {"start": year, "end": year, "text": m.group(1), "source": "explicit"}


# the rest of an incomplete top-N list: "Next came D and E", "They were followed by D and E"
_CONTINUES = re.compile(
    r"\W*(?:(?:next|then)\s*,?\s+(?:came|come|were|was|are|is)|(?:they|these|those|the\s+three|the\s+trio|the\s+pair)\s+(?:were|are)\s+"
    r"(?:followed|trailed)\s+by|(?:followed|trailed)\s+by|(?:after|behind)\s+them\s+(?:came|come|were|are))\s+(?:the\s+)?",
    re.I,
)


def _group_members(v: View, ctx: Context, shares: list[Frame]) -> list[Frame]:
    """'SIPRI named the five largest importers. They were A, B, C, D and E.': the group's rank for
    each state listed at the start of this sentence."""
    g = ctx.pending_group
    if g is not None and ctx.pending_age > 1:
        ctx.pending_group = g = None  # too far back to be continued
    if g is None:
        g = volume_group(v, ctx)  # "1. United States – 11.3 million b/d" under a lead-in
        if g is None:
            return []
        ctx.pending_group, ctx.pending_age = g, 0
    item = _LIST_ITEM.match(v.text, v.start, v.end)
    if item is not None:
        return _list_item(v, ctx, g, item, shares)
    if g.value.get("open"):
        return []  # "The largest producers" names no N: only numbered rows give ranks
    mm = _CONTINUES.match(v.text, v.start, v.end) or _MEMBERS_OPEN.match(v.text, v.start, v.end)
    if mm is None:
        return _bare_lines(v, ctx, g)
    first = _state_at(v, mm.end(), 3)
    if first is None:
        return []
    items = _coordination(v, first, v.end)
    if len(items) < 2:
        return []
    ctx.pending_group = None
    ctx.last_list = [t.id for t in items if t.id]
    ordered = "order" in mm.group(0).lower() and len(items) <= int(g.value.get("rank", 0))
    out = []
    for k, t in enumerate(items, 1):
        if t.id is None or t.id == g.owner:
            continue
        value = {"rank": k, "comparator": "eq", "text": "in order"} if ordered else dict(g.value)
        f = replace(g, theme=t.id, span=(t.start, t.end), value=value)
        f.period = dict(g.period) if g.period else None
        out.append(f)
    return out


def _bare_lines(v: View, ctx: Context, g: Frame) -> list[Frame]:
    """A list whose markers were stripped: one state per line and nothing else ("Russia\nFrance\n
    the United States" under "The top three suppliers of India:") — members of the group."""
    states = [m for m in v.states if m.id and m.form != "demonym"]
    if len(states) < 2 or "\n" not in v.s(v.start, v.end):
        return []
    rest, pos = [], v.start
    for m in states:
        rest.append(v.s(pos, m.start))
        pos = m.end
    rest.append(v.s(pos, v.end))
    if not all(re.fullmatch(r"[\s,;.]*(?:the\s+)?", x, re.I) for x in rest):
        return []
    ctx.pending_group = None
    return [
        replace(
            g,
            theme=m.id,
            span=(m.start, m.end),
            value=dict(g.value),
            period=dict(g.period) if g.period else None,
        )
        for m in states
        if m.id != g.owner
    ]


# an item of a list under a heading: "1. India – 9.8 %", "2) Saudi Arabia (8.4 %)", "• Qatar"
# or a row of a table set as plain text: "1 United States 17,770", "| 2 | Saudi Arabia | 12.1 |"
_LIST_ITEM = re.compile(
    r"[ \t]*(?:\|[ \t]*)?(?:(?P<n>\d{1,3})(?:[.)]|[ \t]*\||(?=[ \t]))|[-*•▪◦●■])[ \t]+(?:the\s+)?",
    re.I,
)
_ITEM_VALUE_GAP = re.compile(r"\s*(?:[–—:,(|-]\s*)?(?:with\s+)?")


def _list_item(
    v: View, ctx: Context, g: Frame, item: re.Match[str], shares: list[Frame]
) -> list[Frame]:
    """One line of a list under a top-N heading ("Top 10 arms importers, 2019–23"): its number is
    the state's rank (else it is a member of the top N), a share after the name is its share."""
    first = _state_at(v, item.end(), 3)
    if first is None or first.id is None or first.form == "demonym" or first.id == g.owner:
        return []
    ctx.pending_age = 0  # the list goes on
    n = int(item.group("n")) if item.group("n") else None
    if g.value.get("open") and n is None:
        return []  # a bullet under "The largest producers": no rank and no top N to be in
    value = (
        {"rank": n, "comparator": "eq", "text": item.group(0).strip(" |")}
        if n is not None
        and 1 <= n <= int(g.value.get("rank", 0) or (999 if g.value.get("open") else 0))
        else dict(g.value)
    )
    period = dict(g.period) if g.period else None
    out = [replace(g, theme=first.id, span=(first.start, first.end), value=value, period=period)]
    q = next((q for q in v.shares if q.start >= first.end), None)
    if (
        q is not None
        and _ITEM_VALUE_GAP.fullmatch(v.s(first.end, q.start))
        and not any(f.span == (q.start, q.end) for f in shares)
    ):
        out.append(
            Frame(
                "share",
                g.metric,
                g.scope,
                "import" if g.scope == "bilateral" and g.side == "import" else g.side,
                g.owner,
                first.id,
                q.to_dict() | {"decimals": q.decimals},
                (q.start, q.end),
                period=dict(period) if period else None,
                rule="share+list+item",
            )
        )
    return out


# a list that completes a ranking named before: "C, D and E complete / round out the top N"
_COMPLETES = re.compile(
    r"\b(?:complete[sd]?|completing|round(?:s|ed|ing)?\s+out|fill(?:s|ed|ing)?\s+out|close[sd]?(?:\s+out)?|make\s+up|made\s+up)\s+(?:the\s+)?(?:list\s+of\s+the\s+)?$",
    re.I,
)


def read_ranks(
    v: View, ctx: Context, taken: list[tuple[int, int]], shares: list[Frame]
) -> list[Frame]:
    """One frame per rank and per item of a ranked list; relative ranks ('behind India') after."""
    out: list[Frame] = _group_members(v, ctx, shares)
    ctx.pending_age += 1
    for r in v.ranks:
        if any(a <= r.start < b for a, b in taken):
            continue
        if r.form == "loose" and not _loose_is_rank(v, r):
            continue
        out.extend(_read_rank(v, r, ctx, out, shares))
    out.extend(_pair_respectively(v, out, ctx, shares))
    out.extend(_gapped_ranks(v, out))
    out.extend(_next_ranks(v, out, ctx))
    out.extend(_relative_ranks(v, out, ctx, shares))
    out.extend(_led_ranks(v, out, shares))
    out.extend(_most_lists(v, out, shares))
    out = _dedupe(out)
    return out + _earlier_ranks(v, out) + _same_group(v, ctx, out)


# "the top five were the same as in 2014–18": the group of the last list read, again
_SAME_GROUP = re.compile(
    r"(?:\s+[\w-]+){0,2}?\s+(?:were|are|remained|remain|stayed|stay)\s+(?:exactly\s+|still\s+)?"
    r"(?:the\s+same|unchanged)\b",
    re.I,
)


def _same_group(v: View, ctx: Context, frames: list[Frame]) -> list[Frame]:
    """'In 2019–23 the top five were the same as in 2014–18': each state of the last list read is
    in the top N again, in this sentence's period (the list must have N states)."""
    last = ctx.last
    if not ctx.last_list or last is None or last.kind != "rank" or last.scope != "global":
        return []
    out: list[Frame] = []
    for r in v.ranks:
        if r.form != "top" or r.value != len(ctx.last_list):
            continue
        if not _SAME_GROUP.match(v.text, r.end, v.clause(r.start)[1]):
            continue
        if any(m.is_state for m in v.states):
            continue  # "the top five were the same, except that India …": not only the group
        known = {(f.theme, f.kind) for f in frames}
        for sid in ctx.last_list:
            if (sid, "rank") in known:
                continue
            out.append(
                replace(
                    last,
                    theme=sid,
                    value={"rank": r.value, "comparator": "le", "text": r.text},
                    span=(r.start, r.end),
                    period=None,
                    rule="rank+same-group",
                    extra={},
                )
            )
        break
    return out


# "…, down from first place in 2014–18", "one place lower than the previous year's first place":
# the same ranking at an earlier time
_EARLIER_RANK = re.compile(
    r"(?:\b(?:up|down)\s+from|\bcompared\s+(?:with|to)|\bagainst|\b(?:[\w-]+\s+)?places?\s+(?:lower|higher|down|up)(?:\s+(?:than|from|on))?|"
    r"\(|\bhaving\s+been|\bafter\s+(?:being|ranking|placing))"
    r"\s*(?:(?:its|their|the)\s+)?(?P<prev>(?:previous|preceding|prior|last)\s+year['’]s\s+)?$",
    re.I,
)


def _earlier_ranks(v: View, frames: list[Frame]) -> list[Frame]:
    """An exact rank's earlier value, as a frame of its own: its period is fixed by earlier_periods
    (a window named after it, "the previous five years", or "the previous year's": one year back)."""
    out: list[Frame] = []
    for f in frames:
        if f.kind != "rank" or f.value.get("comparator") != "eq" or f.theme is None:
            continue
        a, b = v.clause(f.span[0])
        for r in v.ranks:
            if not (f.span[1] <= r.start < b) or r.comparator != "eq":
                continue
            if r.form not in {"ordinal", "loose", "superlative"} or r.start - f.span[1] > 80:
                continue
            mm = _EARLIER_RANK.search(v.s(max(f.span[1], r.start - 50), r.start))
            if mm is None or any(f.span[1] <= m.start < r.start for m in v.states):
                continue
            if mm.group(0).startswith("(") and not re.match(r"\s+in\s", v.text[r.end : r.end + 4]):
                continue  # "(21st in 2014–18)": a parenthesis holds an earlier rank only with its window
            if (
                not re.search(r"\b(?:place|position|spot)\b", r.text, re.I)
                and not re.match(r"\s*(?:place|position|spot)\b", v.text[r.end : r.end + 12], re.I)
                and not (
                    re.search(
                        r"(?:\b(?:up|down)\s+from|\bcompared\s+(?:with|to)|\bagainst|\(|\bbeen|\bbeing|\branking|\bplacing)\s*$",
                        mm.group(0),
                        re.I,
                    )
                    and r.form in {"ordinal", "loose"}
                    and N.ordinal(r.text.strip()) is not None
                )
            ):
                continue  # "up from seventh (in 2014–18)": a bare ordinal right after up/down from
            extra = {**f.extra, "earlier_than": f}
            if mm.group("prev"):
                extra["shift_years"] = 1
            out.append(
                replace(
                    f,
                    value={"rank": r.value, "comparator": "eq", "text": r.text},
                    span=(r.start, r.end),
                    period=None,
                    rule=f.rule + "+earlier",
                    extra=extra,
                )
            )
            break
    return out


_MOST = re.compile(
    r"\b(?:countries|states|nations)\s+(?:who|that|which)\s+(?P<verb>received|bought|imported|purchased|got|sold|supplied|exported|delivered)"
    r"\s+the\s+most\s+(?:major\s+)?(?:arms|weapons|weaponry)\s+(?:from|to)\s+(?:the\s+)?",
    re.I,
)
_LIST_VERB = re.compile(r"[^,;]{0,30}?\s*(?:were|are|included|include)\s+(?:the\s+)?", re.I)


def _most_lists(v: View, frames: list[Frame], shares: list[Frame]) -> list[Frame]:
    """'Countries that received the most arms from X were A, with 9.7 %, and B': A and B are X's
    top two recipients (the list's length is the N of its top N)."""
    out: list[Frame] = []
    for mm in _MOST.finditer(v.text, v.start, v.end):
        a, b = v.clause(mm.start())
        owner = _state_at(v, mm.end(), 0)
        lv = _LIST_VERB.match(v.text, owner.end, b) if owner is not None else None
        first = _state_at(v, lv.end(), 0) if lv else None
        if owner is None or first is None:
            continue
        items = {m.id: m for m in _coordination(v, first, b)}
        for f in shares:  # "A, accounting for 9.7 % of X's exports, and B with 9.1 %"
            if f.scope == "bilateral" and f.owner == owner.id and f.span[0] > first.start:
                items.setdefault(f.theme, next(m for m in v.states if m.id == f.theme))
        items.pop(owner.id, None)
        side = (
            "export"
            if mm.group("verb").lower() in {"received", "bought", "imported", "purchased", "got"}
            else "import"
        )
        for m in items.values():
            out.append(
                Frame(
                    "rank",
                    "arms",
                    "bilateral",
                    side,
                    owner.id,
                    m.id,
                    {"rank": len(items), "comparator": "le", "text": "the most"},
                    (m.start, m.end),
                    rule="rank+most",
                )  # fmt: skip
            )
    known = {(f.owner, f.theme, f.kind) for f in frames}
    return [f for f in out if (f.owner, f.theme, f.kind) not in known]


_LED = re.compile(r"\b(?:led|leads|topped|tops|headed|heads)\s+(?:the\s+)?", re.I)
_LED_WORLD = re.compile(
    r"\b(?:led|leads|topped|tops|headed|heads)\s+the\s+(?:world|list|ranking|table)\s+(?:with|at)\s+(?:\w+\s+)?$",
    re.I,
)
_LED_GROUP = re.compile(
    r"(?:(?P<n>\d{1,2}|two|three|four|five|six|seven|eight|nine|ten)\s+)?(?:largest|biggest|top|leading|main)\s+"
    r"(?:arms\s+|weapons\s+)?(?P<noun>importers|exporters|suppliers|recipients|buyers|sellers)\b",
    re.I,
)
_GROUP_APPOSITION = re.compile(
    r"\s*,\s*(?:a|the)\s+group\s+(?:that|which)\s+(?:also\s+)?(?:included|includes|comprised|comprises)\s+(?:the\s+)?",
    re.I,
)


def _led_ranks(v: View, frames: list[Frame], shares: list[Frame]) -> list[Frame]:
    """'A led the world with 12 % of arms imports' (A 1st); 'A led the five largest importers, a
    group that included B, C and D' (A 1st; A–D among the top five)."""
    out: list[Frame] = []
    for f in shares:
        if (
            f.scope == "global"
            and f.theme
            and _LED_WORLD.search(v.s(v.clause(f.span[0])[0], f.span[0]))
        ):
            lm = list(_LED.finditer(v.text, v.clause(f.span[0])[0], f.span[0]))[-1]
            out.append(
                replace(
                    f,
                    kind="rank",
                    value={"rank": 1, "comparator": "eq", "text": lm.group(0).strip()},
                    span=(lm.start(), f.span[0]),
                    rule="rank+led",
                )  # fmt: skip
            )
    for lm in _LED.finditer(v.text, v.start, v.end):
        g = _LED_GROUP.match(v.text, lm.end())
        if g is None:
            continue
        a, b = v.clause(lm.start())
        subj = _nearest_state_before(v, lm.start(), a)
        if subj is None or _PREP_BEFORE.search(v.s(max(a, subj.start - 10), subj.start)):
            continue
        side = (
            "importers"
            if g.group("noun").lower() in {"importers", "recipients", "buyers"}
            else "exporters"
        )
        base = Frame(
            "rank",
            "arms",
            "global",
            side,
            None,
            subj.id,
            {},
            (lm.start(), g.end()),
            rule="rank+led",
        )
        out.append(
            replace(base, value={"rank": 1, "comparator": "eq", "text": lm.group(0).strip()})
        )
        n = N.to_number(g.group("n")) if g.group("n") else None
        app = _GROUP_APPOSITION.match(v.text, g.end(), b) or _GROUP_APPOSITION.match(
            v.text, _skip_period(v, g.end(), b), b
        )
        first = _state_at(v, app.end(), 0) if app else None
        if n and first is not None:
            for m in _coordination(v, first, v.end):  # the leader's own place is rank 1
                out.append(
                    replace(
                        base,
                        theme=m.id,
                        span=(g.start(), g.end()) if m is subj else (m.start, m.end),
                        value={"rank": int(n), "comparator": "le", "text": g.group(0)},
                    )  # fmt: skip
                )
    known = {(f.theme, f.value.get("rank"), f.value.get("comparator")) for f in frames}
    return [
        f for f in out if (f.theme, f.value.get("rank"), f.value.get("comparator")) not in known
    ]


def _lead_owner(ctx: Context, items: list[Mention]) -> str | None:
    """Whose suppliers or clients a list led by a bare role noun names ("Main clients: A, B, C"):
    the state the sentence before was about, else the article's; never one of the items."""
    listed = {t.id for t in items}
    for cand in (ctx.prev_subject, ctx.subject):
        if cand is not None and cand not in listed:
            return cand
    return None


def _skip_period(v: View, pos: int, hi: int) -> int:
    """Past ' in 2015–19' after a noun phrase."""
    m = re.match(r"\s+(?:in|during)\s+\d{4}(?:\s?[-–]\s?\d{2,4})?", v.text[pos:hi])
    return pos + m.end() if m else pos


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
        r"\s+(?:of\s+(?:[\w-]+\s+){0,2}?(?:arms|weapons|oil|crude)\s+)?(?:in|among|to|within)\s+(?:the\s+)?(?:Middle\s+East|Africa|Europe|Asia|Latin\s+America|South\s+America|the\s+region|the\s+Gulf|Eastern\s+Europe|South\s+Asia|Southeast\s+Asia|East\s+Asia|Central\s+Asia|Oceania|sub-Saharan)",
        v.text[scope_end : scope_end + 45],
        re.I,
    ):
        return []  # "the largest arms importer in Africa": a regional ranking
    if any(m.possessive and 0 <= r.start - m.end <= 4 for m in v.regions) or re.search(
        rf"\b{_REGION_WORDS}['’]s\s+$", v.s(max(a, r.start - 30), r.start), re.I
    ):
        return []  # "Africa's fifth largest oil producer": a regional ranking
    if any(
        a <= g.start < r.start
        and re.search(
            r"\b(?:in|within|among|across)\s+(?:the\s+)?$", v.s(g.start - 12, g.start), re.I
        )
        for g in v.regions
    ):
        return []  # "In the Middle East, Iran comes third after …": a regional ranking
    if re.search(
        r"\b(?:the\s+)?(?:continent|region|subcontinent|bloc|alliance)['’]s?\s+(?:[\w-]+\s+){0,2}$",
        v.s(max(a, r.start - 40), r.start),
        re.I,
    ):
        return []  # "the continent's largest importer": a regional ranking, no world rank
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
    if re.search(r"\b(?:its|their)\s+$", v.s(max(a, r.start - 8), r.start), re.I) and not any(
        m.end <= r.start and r.start - m.end <= 8 for m in v.mentions
    ):
        return []  # "Its top suppliers …" with nobody for "its": no one's ranking, not the world's
    role = _role_from_noun(noun.group("noun"), v, noun.end(), b) if noun else None
    if (
        noun is None
        and r.form in {"superlative", "qualitative"}
        and not _IN_DOMAIN.match(v.text, r.end, b)
    ):
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
                and re.match(
                    r"ranks?|ranked|placed|came|comes|topped|tops|headed|heads", r.text, re.I
                )
            ):
                owner = None
    else:
        # a bare ordinal: "Israel was second to Azerbaijan"
        mm = re.match(r"\s+to\s+(?:the\s+)?", v.text[r.end : r.end + 10])
        if mm:
            s = _state_at(v, r.end + mm.end(), 1)
            if s is not None and not _AMONG_KIND.match(v.text, s.end, b):
                owner = Owner(s, "import", "to")
    if owner is not None and owner.mention.blocked:
        owner = None
    if (
        owner is not None
        and owner.how in {"to", "adj"}
        and _AMONG_KIND.match(v.text, owner.mention.end, b)
        and re.search(
            r"\bsecond\s+(?:only\s+)?to\s+(?:the\s+)?$", v.s(r.start, owner.mention.start), re.I
        )
    ):
        owner = None  # "a close second to India among arms importers": the world's ranking
    crude = oil_owner(v, ctx) if owner is None and noun is not None else None
    if (
        crude is not None
        and re.match(
            r"supplier|source|provider|buyer|client|customer|market|destination|purchaser",
            noun.group("noun"),  # type: ignore[union-attr]
            re.I,
        )
        and metric in {None, "oil"}
        and not L.GLOBAL_RE.search(v.s(a, b))
    ):
        # "India buys crude from many states. … Saudi Arabia is the second-largest supplier"
        owner = Owner(Mention(0, 0, crude[0], "name", ""), crude[1], "context")
        metric = "oil"
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
    if (
        noun is None
        and role is None
        and ctx.producers_age <= 3
        and metric in {None, "oil"}
        and not L.has_arms(v.s(v.start, v.end))
    ):
        role, metric = (
            "producer",
            "oil",
        )  # "Oil producers pumped … In the world, Canada comes fourth"
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
    if not items and theme is not None and theme.also:
        # "Both nations were among the top five": each of the two states just named
        themes += [replace(theme, id=x, also=()) for x in theme.also]
    pending = (
        not themes
        and force is None
        and r.form == "top"
        and r.comparator == "le"
        and noun is not None
        and noun.group("noun").lower().endswith("s")
    )  # "the five largest importers" with no member named: its members may follow
    open_group = (
        not themes
        and force is None
        and r.form == "superlative"
        and r.comparator == "eq"
        and noun is not None
        and noun.group("noun").lower().endswith("s")
        and not re.search(
            r"\b(?:one|among)\s+(?:of\s+)?(?:the\s+)?(?:world['’]?s\s+)?$", v.s(a, r.start), re.I
        )
    )  # "The largest oil producers in 2022" heading a table: its numbered rows are ranks
    pending = pending or open_group
    if pending:
        themes = [Mention(r.start, r.start, None, "name", "")]
    if not themes:
        return []
    if owner is not None and re.search(
        rf"\b{_KEPT}\s+(?:the\s+)?(?:world['’]?s\s+)?$", v.s(a, r.start), re.I
    ):
        owner = None  # "kept its lead as the top exporter": "its" is the subject's, not an owner
    if owner is not None and _OWN_STANDING.search(v.s(a, r.start)):
        owner = None  # "retained its top ranking among exporters": the subject's own standing
    value = r.to_dict()
    if r.form == "superlative" and re.search(r"\bnext\s+(?:[\w-]+\s+)?$", v.s(a, r.start), re.I):
        value = dict(value) | {"rank": 2, "text": "next " + r.text}
    if len(items) >= 2 and r.form in {"superlative", "qualitative"} and r.comparator == "eq":
        value = {"rank": len(items), "comparator": "le", "text": r.text}
    elif len(items) >= 2 and r.form == "qualitative":
        value = {"rank": max(len(items), r.value), "comparator": "le", "text": r.text}
    neg_lo = themes[0].end if themes[0].end <= r.start else a
    if (
        _negated(v, neg_lo, r.start)
        or re.search(r"\b(?:neither|not)\b", v.s(a, themes[0].start), re.I)
        or re.search(rf"\b{_OUT_OF}\s+(?:the\s+)?$", v.s(neg_lo, r.start), re.I)
    ):
        value = dict(value)
        value["comparator"] = "gt" if value["comparator"] == "le" else "ne"
        value["negated"] = True
    if L.ONCE_RE.search(v.s(max(a, r.start - 25), r.start)):
        value = dict(value) | {"when": "once"}
    if L.EVERY_RE.search(v.s(a, b)) or (
        _PERFECT.search(v.s(a, r.start)) and _SINCE_PERIOD.search(v.s(r.end, b))
    ):
        value = dict(value) | {"when": "every"}  # "has been (not) among the top five since 2010–14"
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
            or (
                bool(re.match(r"buyer|dealer|merchant|vendor", nouns))
                and bool(re.search(r"\b(?:arms|weapons?)\s+$", v.s(noun.start() - 9, noun.start())))
            )  # "the biggest arms buyer", "the second largest arms dealer": the world's
            or (
                bool(re.match(r"buyer|dealer|merchant|vendor|supplier|seller|purchaser", nouns))
                and bool(
                    re.match(
                        r"\s+of\s+(?:major\s+|conventional\s+)?(?:arms|weapons)\b(?!\s+(?:from|to|by)\b)",
                        v.text[noun.end() : noun.end() + 40],
                        re.I,
                    )
                )
            )  # "the biggest buyer of arms": nobody's buyer, the world's
        )
        if (
            (
                re.match(r"countr|state|nation", nouns)
                and not re.search(r"\bexport\s+$", v.s(max(0, noun.start() - 8), noun.start()))
            )
            or (
                len(items) >= 2
                and re.match(
                    r"(?:suppliers|sellers|providers|sources|recipients|buyers|purchasers|clients|customers|destinations)\b",
                    nouns,
                )
                and prev is None
                and not any(f.scope == "bilateral" for f in shares if f.span[0] < r.start)
            )
        ) and role in {"supplier", "recipient"}:
            lead = _lead_owner(ctx, items)
            if (
                r.form != "top"
                and not glob
                and lead is not None
                and not re.match(
                    r"\s+(?:of|in)\s+(?:the\s+)?(?:major\s+|conventional\s+)?(?:arms|weapons)\b",
                    v.text[noun.end() : noun.end() + 40],  # type: ignore[union-attr]
                    re.I,
                )
            ):
                # "India is the top importer. Main suppliers: A (36 %), B …": the article's state's
                subject_side = "import" if role == "supplier" else "export"
                owner = Owner(Mention(0, 0, lead, "name", ""), subject_side, "context")
                scope, side = "bilateral", subject_side
            else:
                # "the five largest suppliers of major arms were A, B, …": nobody's, the world's
                exporterish = True
                nouns = "exporter" if role == "supplier" else "importer"
        tmpl = next(
            (f for f in reversed(shares) if f.span[0] < r.start and f.metric == metric), None
        )
        clause_kind = [w for w in L.words(v.s(a, b)) if w in {"importers", "exporters"}]
        domain = (
            (_IN_DOMAIN.match(v.text, r.end, b) or _DOMAIN_LEAD.search(v.text, v.start, r.start))
            if noun is None
            else None
        )
        if owner is not None:
            pass  # the article's state, set just above
        elif (
            domain is not None
        ):  # "ranked 23rd in arms exports", "second after Saudi Arabia in imports"
            scope, side = "global", domain.group("d").lower() + "ers"
        elif prev is not None and prev.scope == "global" and noun is None:
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
            and (
                r.form in {"loose", "ordinal"}
                or (r.form == "top" and items and _COMPLETES.search(v.s(a, r.start)))
            )
        ):  # "… China, Germany and Italy complete the top six": the ranking read before
            last = ctx.last
            scope, side, metric = last.scope, last.side, last.metric
            if last.scope == "bilateral":
                owner = Owner(Mention(0, 0, last.owner, "name", ""), last.side, "context")
        elif (
            noun is None
            and ctx.topic is not None
            and ctx.topic.state is not None
            and ctx.topic.side in {"import", "export"}
            and ctx.topic.metric == "arms"
            and len(themes) == 1
            and themes[0].id == ctx.topic.state
            and r.form in {"loose", "ordinal"}
        ):  # "France's arms exports grew 47 %. The country now ranks second.": its exports' rank
            scope, side, metric = "global", ctx.topic.side + "ers", "arms"
        elif (
            noun is None
            and ctx.para_kind is not None
            and ctx.para_kind[1] == v.paragraph
            and metric == "arms"
            and len(themes) == 1
            and r.form in {"loose", "ordinal"}
            and not any(f.scope == "bilateral" for f in shares)
        ):  # "… shifts among arms importers. Qatar rose to third": the paragraph's ranking
            scope, side = "global", ctx.para_kind[0]
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
    if pending:
        own = _clause_period(v, a, b) or _heading_year(v)
        if open_group:
            value = dict(value) | {"rank": 0, "comparator": "eq", "open": True}
        ctx.pending_group = Frame(
            "rank",
            metric,
            scope,
            side,
            owner.mention.id if owner is not None and scope == "bilateral" else None,
            None,
            dict(value),
            (r.start, r.end),
            period=own,
            rule="rank+list+next",
        )
        ctx.pending_age = 0
        return []
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
        if frames and value.get("comparator") == "le" and len(items) < int(value.get("rank", 0)):
            # "The five largest were A, B and C." — the other two may follow ("Next came D and E")
            ctx.pending_group = replace(
                frames[0], theme=None, period=_clause_period(v, a, b), rule="rank+list+next"
            )
            ctx.pending_age = 0
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
    elif (
        owner is not None
        and (owner.how in {"of", "to"} or (owner.how == "poss" and owner.mention.also))
        and frames
    ):
        # "the principal supplier to both of them", "… to Armenia and (to) Azerbaijan": the rank
        # holds for each owner
        extras = list(owner.mention.also)
        join = re.match(r"\s+and\s+(?:to\s+)?(?:the\s+)?", v.text[owner.mention.end : b])
        if not extras and join:
            extras = [m.id for m in _coordination(v, owner.mention, b)[1:] if m.id]
            nxt = _state_at(v, owner.mention.end + join.end(), 0)
            if not extras and nxt is not None and nxt.id:
                extras = [nxt.id]  # "to Armenia and to Azerbaijan"
        for extra in extras:
            for f in list(frames):
                if f.owner == owner.mention.id and extra != f.theme:
                    frames.append(replace(f, owner=extra))
    return frames


# "A, B and C are (in) seventh, eighth and ninth (positions)": ordinals distributed over the states
_BARE_LINK = re.compile(
    r"\s*(?:(?:are|were|come|came|rank|ranked|stand|stood|placed|are\s+placed|were\s+placed|occupy|occupied|take|took|finished)\s+)?(?:in\s+)?(?:the\s+)?",
    re.I,
)


def _gapped_ranks(v: View, frames: list[Frame]) -> list[Frame]:
    """'Iraq ranks fifth, the UAE sixth and Kuwait seventh': each later state takes the first
    rank's reading with its own ordinal (the verb is gapped)."""
    out: list[Frame] = []
    for f in list(frames):
        if f.kind != "rank" or f.value.get("comparator") != "eq" or f.theme is None:
            continue
        a, b = v.clause(f.span[0])
        pos = f.span[1]
        first = True
        while True:
            m = (_GAP_FIRST if first else _GAP).match(v.text, pos, b)
            first = False
            if m is None or any(pos <= x.start < m.end() for x in v.states):
                break
            st = _state_at(v, m.end(), 4)
            if st is None:
                break
            r = next(
                (
                    x
                    for x in v.ranks
                    if x.form in {"loose", "ordinal"}
                    and x.comparator == "eq"
                    and re.fullmatch(r"\s+(?:(?:is|was|in)\s+)?(?:the\s+)?", v.s(st.end, x.start))
                ),
                None,
            )
            if r is None:
                break
            out.append(
                replace(
                    f,
                    theme=st.id,
                    value={"rank": r.value, "comparator": "eq", "text": r.text},
                    span=(r.start, r.end),
                    rule="rank+gapped",
                )
            )
            pos = r.end
    return out


_GAP = re.compile(r"\s*(?:,\s*(?:and\s+|while\s+)?|\s+and\s+|;\s*)(?=\S)", re.I)
_GAP_FIRST = re.compile(r"[^,;()]{0,60}?(?:,\s*(?:and\s+|while\s+)?|\s+and\s+|;\s*)(?=\S)", re.I)


_AFTER_STATES = re.compile(
    r"\s*(?:(?:come|comes|came|rank|ranks|ranked|are|were|follow|follows|followed)?\s*(?:right\s+|just\s+)?(?:after|behind)|"
    r"(?:(?:closely|directly)\s+)?(?:follow|follows|followed|trail|trails|trailed))\s+(?:the\s+)?$",
    re.I,
)  # "B and C come after A / follow A in second and third place": A is the one just above them


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
                r"(?:-?\s*(?:largest|biggest)?\s*)?(?:,\s*(?:and\s+)?|\s+and\s+|\s*,\s*,\s*)(?:the\s+)?|\s*-\s+and\s+",
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
        followed: list[Mention] = []
        if after is not None:
            group = _coordination(v, after, b)
        else:
            before = [m for m in v.states if a <= m.start and m.end <= coord[0].start]
            if before:
                # "Iraq and Iran come after Canada in fifth and sixth place": the states before
                # "after X" take the ordinals; X is the one just above them
                followed = _coordination_before(v, before[-1], a)
                mm = _AFTER_STATES.search(v.s(a, followed[0].start))
                lead = [m for m in before if m.end <= a + mm.start()] if mm else []
                if lead and _BARE_LINK.fullmatch(
                    _strip_values(v.s(lead[-1].end, a + mm.start())) + " "
                ):
                    group = _coordination_before(v, lead[-1], a)
                else:
                    followed = []
            if (
                before
                and not group
                and (
                    resp or _BARE_LINK.fullmatch(_strip_values(v.s(before[-1].end, coord[0].start)))
                )
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
        if len(followed) == 1 and min(r.value for r in coord) > 1:
            out.append(
                replace(
                    template,
                    theme=followed[0].id,
                    value={
                        "rank": min(r.value for r in coord) - 1,
                        "comparator": "eq",
                        "text": "after",
                    },
                    span=(followed[0].start, followed[0].end),
                    rule="rank+behind",
                )
            )
    # drop the frames the pairing replaces
    if out:
        spans = {f.span for f in out}
        frames[:] = [f for f in frames if f.span not in spans or f.rule == "rank+respectively"]
    return out


# "Next came Saudi Arabia", "Saudi Arabia came next, then Qatar": the places after the last rank
_NEXT_LEAD = re.compile(
    r"\s*(?:(?:and|then)\s+)?(?:next|then)\s+(?:came|come|comes|was|were|is|are)\s+(?:the\s+)?",
    re.I,
)
_NEXT_AFTER = re.compile(
    r"\s+(?:(?:came|comes|was|is|ranked|ranks|placed|followed)\s+next|(?:was|is)\s+(?:the\s+)?next\s+in\s+line)\b",
    re.I,
)
_SUBJECT_OPEN = re.compile(r"\s*(?:(?:and|but|while)\s+)?(?:[,\s]*)(?:the\s+)?", re.I)
_THEN = re.compile(r"\s*,?\s*(?:and\s+)?(?:then|followed\s+by)\s+(?:by\s+)?(?:the\s+)?", re.I)


def _next_ranks(v: View, frames: list[Frame], ctx: Context) -> list[Frame]:
    """'India was the largest importer. Saudi Arabia came next, then Qatar.' (2nd, 3rd): the places
    right after an exact rank read earlier in the sentence or in the sentence before."""
    first: Mention | None = None
    lead = _NEXT_LEAD.match(v.text, v.start, v.end)
    if lead is not None:
        first = _state_at(v, lead.end(), 0)
    else:
        first = next((m for m in v.states if _NEXT_AFTER.match(v.text, m.end, v.end)), None)
        if first is not None and (
            first.possessive
            or not (
                _SUBJECT_OPEN.fullmatch(v.s(v.clause(first.start)[0], first.start))
                or re.search(
                    r",\s*(?:and|but|while)\s+(?:the\s+)?$", v.s(v.start, first.start), re.I
                )
            )
        ):
            first = None  # "India's next …", "a visit to Qatar came next": not the clause subject
    if first is None:
        return []
    ref = next(
        (
            f
            for f in reversed(frames)
            if f.kind == "rank" and f.value.get("comparator") == "eq" and f.span[0] < first.start
        ),
        None,
    )
    if ref is None and ctx.last_age == 1 and ctx.last is not None:
        last = ctx.last
        if last.kind == "rank" and last.value.get("comparator") == "eq" and last.theme:
            ref = replace(last, period=None)
    if ref is None or ref.theme == first.id:
        return []
    group = [first] if lead is None else _coordination(v, first, v.clause(first.start)[1])
    pos = (_NEXT_AFTER.match(v.text, first.end, v.end) or lead).end()  # type: ignore[union-attr]
    while lead is None and (then := _THEN.match(v.text, pos, v.end)) is not None:
        nxt = _state_at(v, then.end(), 0)
        if nxt is None:
            break
        group.append(nxt)
        pos = nxt.end
    known = {f.theme for f in frames if f.kind == "rank"}
    return [f for f in _places_after(ref, group, "next", "rank+next", extra={})
            if f.theme and f.theme not in known and f.theme != ref.theme]  # fmt: skip


def _places_after(ref: Frame, states: list, text: str, rule: str, **more: Any) -> list[Frame]:
    """The places after `ref`'s rank, one per state in order ('followed by B and C': 2nd, 3rd)."""
    r = int(ref.value.get("rank", 1))
    return [replace(ref, theme=g.id, value={"rank": r + k, "comparator": "eq", "text": text},
                    span=(g.start, g.end), rule=rule, negated=False, **more)
            for k, g in enumerate(states, 1)]  # fmt: skip


_BEHIND = re.compile(
    r"\b(?:right\s+|just\s+|only\s+|far\s+|well\s+)?(?P<w>behind|after|ahead\s+of|trailing|followed\s+by|(?<=only\s)to|(?<=second\s)to)\s+(?:only\s+)?(?:the\s+)?",
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
            if (
                ref is None
                and w in {"behind", "after"}
                and not _nearest_state_before(v, bm.start(), a)
            ):
                # "After India and Saudi Arabia, Qatar is third": the rank follows the states ahead
                ref = next((f for f in near if f.span[0] > group[-1].end), None)
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
                        span=(min(ref.span[0], bm.start()), group[0].end),
                        rule="rank+behind",
                    )
                )
            elif len(group) == r - 1:
                # "fourth, after A, B and C": 1st, 2nd, 3rd; a longer list ("11th, behind A, B,
                # …, J") is rarely in ranking order: each is one of the top r - 1
                exact = len(group) <= 3
                for k, g in enumerate(group, 1):
                    out.append(
                        replace(
                            ref,
                            theme=g.id,
                            value={
                                "rank": k if exact else r - 1,
                                "comparator": "eq" if exact else "le",
                                "text": bm.group(0).strip(),
                            },
                            span=(min(ref.span[0], bm.start()), g.end),
                            rule="rank+behind",
                        )
                    )
        elif w.startswith("ahead"):
            ref = next((f for f in reversed(near) if f.span[0] < bm.start()), None)
            if ref is not None and any(ref.span[1] <= f.span[0] < bm.start() for f in shares):
                # "… third-largest importer, and Russia supplied 34 % of its imports, ahead of
                # Italy and France": the comparison belongs to the share in between, not the rank
                continue
            if (
                ref is not None
                and ref.value.get("comparator") == "eq"
                and (len(group) >= 2 or int(ref.value["rank"]) > 1)
            ):
                # "Spain was eighth, ahead of (only) Israel and South Korea": each ranks below
                for g in group:
                    if any(f.theme == g.id and f.span[0] > bm.start() for f in ranked):
                        continue  # "ahead of Russia in third place": its own rank says more
                    out.append(
                        replace(
                            ref,
                            theme=g.id,
                            value={
                                "rank": int(ref.value["rank"]),
                                "comparator": "gt",
                                "negated": True,
                                "text": bm.group(0).strip(),
                            },
                            span=(bm.start(), g.end),
                            rule="rank+ahead",
                        )
                    )
            elif ref is not None and int(ref.value["rank"]) == 1 and len(group) == 1:
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
            # the ranked state the list continues: a rank read before it in this sentence ("the US
            # was the largest supplier to Saudi Arabia, with 73 %, followed by the UK"), else the
            # state named just before
            ids = {g.id for g in items}
            prior = [
                f
                for f in ranked
                if v.start <= f.span[0] < bm.start() and f.theme not in ids and f.theme
            ]
            if headm is None and not prior:
                continue
            ref = (
                next(
                    (f for f in ranked if f.theme == headm.id and v.start <= f.span[0] < v.end),
                    None,
                )
                if headm is not None
                else None
            ) or (prior[-1] if prior else None)
            valued = [s for s in v.shares if s.start > bm.start()]
            sh = (
                next((f for f in shares if f.theme == headm.id), None)
                if headm is not None
                else None
            )
            past = (
                next(
                    (
                        f
                        for f in reversed(ctx.history)
                        if f.theme == headm.id
                        and f.kind == "rank"
                        and f.value.get("comparator") == "eq"
                    ),
                    None,
                )
                if headm is not None
                else None
            )  # "India was the largest importer. It was followed by Saudi Arabia (8.3 %)"
            if ref is None and past is None and valued and (sh is None or sh.scope != "bilateral"):
                continue  # "India's share was 11 % followed by Saudi Arabia with 9.6 %": shares, no ranks
            if ref is None and sh is not None:
                # "Israel's exports went mainly to India (45 %), followed by Azerbaijan (17 %)"
                ref = replace(sh, kind="rank", value={"rank": 1, "comparator": "eq"})
                if valued and headm is not None:
                    out.append(
                        replace(
                            ref,
                            value={"rank": 1, "comparator": "eq", "text": "followed by"},
                            span=(headm.start, headm.end),
                            rule="rank+followed-by",
                        )
                    )  # the head of an ordered share list is first
            if ref is None:
                if past is None:
                    continue
                ref = past
            out += _places_after(ref, items, "followed by", "rank+followed-by")
    return out
