"""Numbers as journalists write them: hedged shares, fractions, ordinals, lengths, years and periods.

Every parser returns plain values (no data access) so extraction stays deterministic and testable.
Comparators: ``eq`` (a plain, possibly rounded figure), ``approx`` (about, roughly, some …),
``nearly`` (nearly, almost, close to …: at or just below), ``gt``/``ge``/``lt``/``le``.
How much slack each comparator gets is decided in :mod:`tolerance`, nowhere else.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

# --- hedges -------------------------------------------------------------------------------------

HEDGES: dict[str, str] = {
    "more than": "gt",
    "over": "gt",
    "above": "gt",
    "upwards of": "gt",
    "in excess of": "gt",
    "greater than": "gt",
    "exceeding": "gt",
    "exceeded": "gt",
    "exceeds": "gt",
    "exceed": "gt",
    "topped": "gt",
    "tops": "gt",
    "surpassed": "gt",
    "fell short of": "lt",
    "falls short of": "lt",
    "just over": "gt",
    "well over": "gt",
    "slightly more than": "gt",
    "a little over": "gt",
    "at least": "ge",
    "no less than": "ge",
    "not less than": "ge",
    "a minimum of": "ge",
    "less than": "lt",
    "under": "lt",
    "below": "lt",
    "fewer than": "lt",
    "just under": "lt",
    "well under": "lt",
    "well below": "lt",
    "at most": "le",
    "no more than": "le",
    "not more than": "le",
    "up to": "le",
    "nearly": "nearly",
    "almost": "nearly",
    "close to": "nearly",
    "just shy of": "nearly",
    "approaching": "nearly",
    "about": "approx",
    "around": "approx",
    "roughly": "approx",
    "approximately": "approx",
    "some": "approx",
    "an estimated": "approx",
    "estimated": "approx",
    "circa": "approx",
    "~": "approx",
    "almost exactly": "eq",
    "exactly": "eq",
    "precisely": "eq",
    "fully": "eq",
}
_HEDGE_ALT = "|".join(sorted((re.escape(h) for h in HEDGES), key=len, reverse=True))

# --- number words -------------------------------------------------------------------------------

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
_ORD_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
}  # fmt: skip
_ORD_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50}

_NUMWORD = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"
    r"|one hundred|a hundred|hundred|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen"
    r"|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
)
_DIGITS = r"(?<![\w.,])\d{1,3}(?:,\d{3}){0,4}(?:\.\d{1,4})?(?![\d])|(?<![\w.,])\d{1,12}(?:\.\d{1,4})?(?![\d])"


def word_number(text: str) -> float | None:
    """'sixty-seven' -> 67, 'a hundred' -> 100; None when the text is not a number word."""
    t = text.lower().strip().replace("-", " ")
    if t in {"a hundred", "one hundred", "hundred"}:
        return 100.0
    total = 0
    parts = t.split()
    if not parts:
        return None
    for p in parts:
        if p in _UNITS:
            total += _UNITS[p]
        elif p in _TENS:
            total += _TENS[p]
        else:
            return None
    return float(total)


def to_number(text: str) -> float | None:
    """Digits ('1,234.5') or number words ('sixty') as a float; None when unparseable."""
    t = text.strip().replace(",", "")
    try:
        return float(t)
    except ValueError:
        return word_number(text)


# --- fractions and quantifiers (value in percent, implied comparator) --------------------------

FRACTIONS: dict[str, float] = {
    "half": 50.0, "a half": 50.0, "one half": 50.0, "one-half": 50.0,
    "a third": 100 / 3, "one third": 100 / 3, "one-third": 100 / 3,
    "two thirds": 200 / 3, "two-thirds": 200 / 3,
    "a quarter": 25.0, "one quarter": 25.0, "one-quarter": 25.0,
    "three quarters": 75.0, "three-quarters": 75.0,
    "a fifth": 20.0, "one fifth": 20.0, "one-fifth": 20.0, "two fifths": 40.0, "two-fifths": 40.0,
    "three fifths": 60.0, "three-fifths": 60.0, "four fifths": 80.0, "four-fifths": 80.0,
    "a tenth": 10.0, "one tenth": 10.0, "one-tenth": 10.0, "nine tenths": 90.0, "nine-tenths": 90.0,
    "a sixth": 100 / 6, "one sixth": 100 / 6, "one-sixth": 100 / 6, "five sixths": 500 / 6, "five-sixths": 500 / 6,
    "an eighth": 12.5, "one eighth": 12.5, "one-eighth": 12.5, "three tenths": 30.0, "three-tenths": 30.0,
    "seven tenths": 70.0, "seven-tenths": 70.0, "three fifths of": 60.0,
}  # fmt: skip
QUANTIFIERS: dict[str, tuple[str, float]] = {
    "the majority": ("gt", 50.0),
    "a majority": ("gt", 50.0),
    "most": ("gt", 50.0),
    "the bulk": ("gt", 50.0),
    "the lion's share": ("gt", 50.0),
    "the lion’s share": ("gt", 50.0),
    "nearly all": ("ge", 90.0),
    "almost all": ("ge", 90.0),
    "virtually all": ("ge", 90.0),
    "a minority": ("lt", 50.0),
}
_FRAC_ALT = "|".join(sorted((re.escape(f) for f in FRACTIONS), key=len, reverse=True))
_QUANT_ALT = "|".join(sorted((re.escape(f) for f in QUANTIFIERS), key=len, reverse=True))
# adverbs of proportion ("came mostly from Russia", "went mainly to India, China and Egypt")
PROPORTION_ADVERBS = "mostly|mainly|predominantly|chiefly|largely|primarily"
_PCT_UNIT = r"(?:\s?%|\s?per[ -]?cent\b|\s?pct\b)"

SHARE_RE = re.compile(
    rf"(?:(?P<hedge>{_HEDGE_ALT})\s+)?"
    rf"(?:(?P<num>{_DIGITS}|\b{_NUMWORD}\b){_PCT_UNIT}"
    # the sign before the number, as Turkish-style copy writes it: "the USA (%31)"
    rf"|(?<![\w%])%\s?(?P<pnum>\d{{1,3}}(?:[.,]\d{{1,2}})?)(?![\d%])"
    # the first value of a range that names its unit once: "went from 72 to 56 per cent"
    rf"|(?<=\bfrom\s)(?P<rnum>\d{{1,2}}(?:\.\d{{1,2}})?)(?=\s+to\s+\d{{1,3}}(?:\.\d{{1,2}})?{_PCT_UNIT})"
    # the first values of a list that names its unit once: "9.8 and 8.3 per cent respectively"
    # (not a range: "between 5 and 10 per cent")
    rf"|(?<!between\s)(?<![\d.,])(?P<anum>\d{{1,3}}(?:\.\d{{1,2}})?)(?=(?:\s*,\s*\d{{1,3}}(?:\.\d{{1,2}})?){{0,4}}\s*,?\s+and\s+\d{{1,3}}(?:\.\d{{1,2}})?{_PCT_UNIT})"
    rf"|\b(?P<nin>{_NUMWORD}|\d{{1,3}})\s+(?:in|out\s+of)\s+(?:every\s+)?(?P<nof>ten|10|five|5|four|4|three|3|twenty|20|a\s+hundred|one\s+hundred|100)\b"
    rf"|\b(?P<frac>{_FRAC_ALT})\b"
    rf"|\b(?P<quant>{_QUANT_ALT})\b(?=\s+of\b)"
    # "came mostly from Russia", "sold predominantly to Asia": an adverb of proportion
    rf"|\b(?P<adv>{PROPORTION_ADVERBS})\b(?=\s+(?:from|to)\b))",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Share:
    """A claimed share in percent with its comparator and how it was written."""

    value: float
    comparator: str
    form: str  # "digits" | "words" | "fraction" | "quantifier"
    decimals: int
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, object]:
        return {
            "value": round(self.value, 4),
            "unit": "percent",
            "comparator": self.comparator,
            "form": self.form,
            "text": self.text,
        }


def _hedge(h: str | None) -> str:
    if not h:
        return "eq"
    return HEDGES.get(h.lower().replace("  ", " "), "eq")


_SHARE_HINT = re.compile(
    rf"%|per ?-?cent|pct|half|third|quarter|fifth|sixth|eighth|tenth|most|majority|bulk|lion|all\b| in | out of |{PROPORTION_ADVERBS}",
    re.I,
)
_LENGTH_HINT = re.compile(r"km|kilomet|mile|\bmi\b", re.I)
_PERIOD_HINT = re.compile(
    r"\d\d|past|last|previous|preceding|latest|recent|this year|period|time ?frame|window|span",
    re.I,
)


def find_shares(text: str) -> list[Share]:
    """Every share expression ('more than 60%', 'two-thirds', 'about a tenth', 'most of')."""
    out: list[Share] = []
    if not _SHARE_HINT.search(text):
        return out
    for m in SHARE_RE.finditer(text):
        hedge = _hedge(m.group("hedge"))
        if m.group("num") or m.group("pnum") or m.group("rnum") or m.group("anum"):
            raw = (
                m.group("num")
                or m.group("rnum")
                or m.group("anum")
                or m.group("pnum").replace(",", ".")
            )
            v = to_number(raw)
            if v is None or v > 100:
                continue
            decimals = len(raw.split(".")[1]) if "." in raw else 0
            form = "digits" if raw[0].isdigit() else "words"
            out.append(Share(v, hedge, form, decimals, m.start(), m.end(), m.group(0)))
        elif m.group("nin"):
            a, b = to_number(m.group("nin")), to_number(re.sub(r"\s+", " ", m.group("nof")))
            if a is None or not b or a > b:
                continue
            out.append(Share(100 * a / b, hedge, "fraction", 0, m.start(), m.end(), m.group(0)))
        elif m.group("frac"):
            # "half" inside "half of …" or "a half": fractions are written loosely
            out.append(
                Share(
                    FRACTIONS[m.group("frac").lower()],
                    hedge,
                    "fraction",
                    0,
                    m.start(),
                    m.end(),
                    m.group(0),
                )
            )
        elif m.group("quant"):
            comp, v = QUANTIFIERS[m.group("quant").lower()]
            out.append(Share(v, comp, "quantifier", 0, m.start(), m.end(), m.group(0)))
        elif m.group("adv"):
            out.append(Share(50.0, "gt", "quantifier", 0, m.start(), m.end(), m.group(0)))
    return out


# --- ordinals and ranks -------------------------------------------------------------------------

_ORD_ALT = "|".join(sorted(_ORD_WORDS, key=len, reverse=True))
_ORD = rf"(?:\b\d{{1,3}}(?:st|nd|rd|th)\b|\b(?:(?:twenty|thirty|forty|fifty)[- ])?(?:{_ORD_ALT})\b)"
_SUP_WORDS = (
    r"largest|biggest|greatest|top|leading|main|chief|principal|primary|foremost|dominant|"
    r"single largest|single biggest|most important|number one|no\. ?1"
)
_QUAL = r"key|major|main|leading|principal|important|top|prime|biggest|largest"
RANK_RE = re.compile(
    # "24th largest", "third-biggest", "second largest"
    rf"(?P<ord>{_ORD})(?:-\s?|\s+)(?:most\s+)?(?P<sup>largest|biggest|greatest|top|leading|most important|heaviest|highest|ranked|ranking|placed)\b"
    # typos of real copies: "thirdplaced", "fourthranked"
    rf"|\b(?P<ordg>{_ORD_ALT})(?:ranked|placed)\b"
    # "ranks 26th", "ranked as the world's 9th"
    rf"|\b(?:ranks?|ranked|ranking|placed|placing|comes|came)\s+(?:as\s+)?(?:the\s+)?(?:world['’]?s?\s+)?(?P<ord2>{_ORD})"
    # "among the top five", "one of Israel's top three"
    rf"|\b(?:among|in|one of|within|into)\s+(?:the\s+|[\w-]+['’]s\s+)top[- ]?(?P<topn>\d{{1,3}}|{_NUMWORD})\b"
    # "the top 10 arms importers", "top-10 buyers", "the first three"
    rf"|\b(?:top|first)[- ]?(?P<topn2>\d{{1,3}}|{_NUMWORD})\b"
    # "not represented among 25 arms exporting countries and 40 importing countries"
    rf"|\bamong\s+(?:the\s+)?(?P<topn3>\d{{1,3}}|{_NUMWORD})\s+(?=(?:[\w-]+\s+){{0,2}}(?:countries|states|nations|exporters|importers|suppliers|recipients|producers)\b)"
    rf"|(?<=\sand\s)(?P<topn4>\d{{1,3}})\s+(?=(?:[\w-]+\s+){{0,1}}(?:importing|exporting)\s+(?:countries|states|nations)\b)"
    # "the five largest importers", "among America's three largest customers"
    rf"|\b(?:the\s+|among\s+(?:the\s+|[\w-]+['’]s\s+)|one\s+of\s+(?:the\s+|[\w-]+['’]s\s+))(?:world['’]?s\s+|globe['’]s\s+)?(?P<nlarg>\d{{1,3}}|{_NUMWORD})\s+(?:largest|biggest|leading|main|top|major)\b"
    # "in fourth place", "ninth position"
    rf"|(?P<ord3>{_ORD})\s+(?:place|position|spot)\b"
    rf"|\b(?:number|no\.)\s?(?P<numrank>\d{{1,3}}|one|two|three|four|five|six|seven|eight|nine|ten)\b"
    # "ranked 18 among importers", "placed 7 in the world": a bare number after a verb of ranking
    rf"|\b(?:ranks?|ranked|placed|stands|stood)\s+(?:at\s+)?(?P<barerank>\d{{1,3}})(?=\s+(?:among|in\s+the\s+world|globally|worldwide|on\s+the\s+list)\b)"
    # "a key supplier", "one of the main providers": among the top three
    rf"|\b(?:an?|one\s+of\s+(?:the|its|their|[\w-]+['’]s))\s+(?:(?:long-standing|longstanding|traditional|important|reliable|major)\s+)?(?P<qual>{_QUAL})\s+(?:(?:arms|weapons?|defen[cs]e|military|oil|crude|export|import|trading|trade)\s+)?(?=(?:suppliers?|providers?|sources?|partners?|exporters?|buyers?|clients?|customers?|recipients?|importers?|sellers?|vendors?|markets?|destinations?)\b)"
    # "its key supplier", "Azerbaijan's major arms provider" (possessive + a non-superlative adjective)
    rf"|\b(?:its|their|[\w-]+['’]s)\s+(?:(?:long-standing|longstanding|traditional|reliable)\s+)?(?P<qual2>key|major|important|prime)\s+(?:(?:arms|weapons?|defen[cs]e|military|oil|crude|export|import|trading|trade)\s+)?(?=(?:suppliers?|providers?|sources?|partners?|exporters?|buyers?|clients?|customers?|recipients?|importers?|sellers?|vendors?|markets?|destinations?)\b)"
    # "topped the list of importers", "was at the top of the ranking", "runner-up among importers"
    r"|\b(?P<first>(?:topped|tops|headed|heads)\s+(?:the\s+)?(?:list|ranking|rankings|table|league\s+table|chart)|at\s+the\s+(?:top|head)\s+of\s+(?:the\s+)?(?:list|ranking|rankings|table|league\s+table|chart))\b"
    r"|\b(?P<runner>runner[- ]up|runners[- ]up)\b"
    # "the leaders in arms imports", "the world leader in arms exports": first place in that domain
    rf"|\b(?:the\s+)?(?:world['’]?s?\s+|global\s+|undisputed\s+)?(?P<lead>leaders?)(?=\s+(?:in|among)\s+(?:the\s+)?(?:world['’]?s?\s+|global\s+)?(?:major\s+)?(?:arms|weapons?)\s+(?:import|export)s\b)"
    rf"|\b(?P<sup1>{_SUP_WORDS})\b"
    # a bare ordinal ("Russia is second", "a close second"): the reader decides whether it is a rank
    rf"|(?P<loose>{_ORD})",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Rank:
    """A claimed rank (1 = largest) with comparator 'eq' or 'le' ('among the top five').

    ``form``: 'ordinal' (3rd largest), 'superlative' (largest = 1), 'top' (top N), 'qualitative'
    (a key supplier = among the top three) or 'loose' (a bare ordinal the reader must confirm).
    """

    value: int
    comparator: str
    start: int
    end: int
    text: str
    form: str = "ordinal"

    def to_dict(self) -> dict[str, object]:
        return {"rank": self.value, "comparator": self.comparator, "text": self.text}


QUALITATIVE_TOP = 3  # "a key/major/leading supplier" = among the top three (tolerance.py)


def ordinal(text: str) -> int | None:
    """'3rd' -> 3, 'third' -> 3, 'twenty-fourth' -> 24."""
    t = text.lower().strip()
    m = re.fullmatch(r"(\d{1,3})(?:st|nd|rd|th)", t)
    if m:
        return int(m.group(1))
    parts = re.split(r"[- ]", t)
    if len(parts) == 2 and parts[0] in _ORD_TENS and parts[1] in _ORD_WORDS:
        return _ORD_TENS[parts[0]] + _ORD_WORDS[parts[1]]
    return _ORD_WORDS.get(t)


_SUP_AFTER_ORD = re.compile(rf"(?:{_ORD})[- ]?(?:most\s+)?$", re.I)


_LIST_OF = re.compile(
    r"\b(?:list|ranking|rankings|league\s+table|table|club|ranks)\s+of\s+(?:the\s+)?(?:world['’]?s?\s+)?$",
    re.I,
)
_ONE_OF = re.compile(
    r"\b(?:one\s+of|among)\s+(?:the\s+|its\s+|their\s+|[\w-]+['’]s\s+)?(?:world['’]?s?\s+|globe['’]s\s+)?(?:very\s+)?$",
    re.I,
)


def find_ranks(text: str) -> list[Rank]:
    """Every rank expression: '24th largest', 'third-biggest', 'ranks 26th', 'top five', 'largest'."""
    out: list[Rank] = []
    for m in RANK_RE.finditer(text):
        g = m.groupdict()
        ordv = g["ord"] or g["ordg"] or g["ord2"] or g["ord3"]
        if ordv:
            v = ordinal(ordv)
            if v:
                out.append(Rank(v, "eq", m.start(), m.end(), m.group(0)))
        elif g["topn"] or g["topn2"] or g["nlarg"] or g["topn3"] or g["topn4"]:
            v = to_number(g["topn"] or g["topn2"] or g["nlarg"] or g["topn3"] or g["topn4"])
            if v and v >= 1:
                out.append(Rank(int(v), "le", m.start(), m.end(), m.group(0), "top"))
        elif g["numrank"] or g["barerank"]:
            v = to_number(g["numrank"] or g["barerank"])
            if v:
                out.append(Rank(int(v), "eq", m.start(), m.end(), m.group(0)))
        elif g["qual"]:
            out.append(
                Rank(QUALITATIVE_TOP, "le", m.start(), m.end(), m.group(0).strip(), "qualitative")
            )
        elif g["qual2"]:  # the possessive before it is the owner, not part of the rank
            a = m.start("qual2")
            out.append(
                Rank(QUALITATIVE_TOP, "le", a, m.end(), text[a : m.end()].strip(), "qualitative")
            )
        elif g["first"] or g["runner"]:
            out.append(Rank(1 if g["first"] else 2, "eq", m.start(), m.end(), m.group(0)))
        elif g["lead"]:
            a = m.start("lead")
            out.append(Rank(1, "eq", a, m.end(), text[a : m.end()], "superlative"))
        elif g["sup1"]:
            if _SUP_AFTER_ORD.search(text[max(0, m.start() - 16) : m.start()]):
                continue  # '23rd-largest' already read as rank 23
            if _LIST_OF.search(text[max(0, m.start() - 40) : m.start()]):
                continue  # "sixth on the list of the biggest exporters": the list's name, no rank
            if _ONE_OF.search(text[max(0, m.start() - 40) : m.start()]):
                # "one of the world's largest exporters", "among the top importers": a member of
                # the leading group, not first
                out.append(
                    Rank(QUALITATIVE_TOP, "le", m.start(), m.end(), m.group(0), "qualitative")
                )
                continue
            out.append(Rank(1, "eq", m.start(), m.end(), m.group(0), "superlative"))
        elif g["loose"]:
            v = ordinal(g["loose"])
            if v:
                out.append(Rank(v, "eq", m.start(), m.end(), m.group(0), "loose"))
    return out


# --- changes between two periods ----------------------------------------------------------------

_UP = r"rose|risen|rise|rises|increased|increases|increase|grew|grown|grows|growing|jumped|jumps|climbed|climbs|surged|surges|soared|soars|went up|gone up|was up|were up|is up|are up|up|increasing|rising|jumping|surging|soaring|climbing|shot up"
_DOWN = r"fell|fallen|falls|fall|decreased|decreases|decrease|declined|declines|decline|dropped|drops|drop|plunged|plunges|slumped|slumps|shrank|shrunk|shrinks|contracted|went down|was down|were down|is down|are down|down|decreasing|declining|falling|dropping|plunging|slipped|slid|tumbled"
_NUM_PCT = rf"(?P<num>{_DIGITS}|\b{_NUMWORD}\b){_PCT_UNIT}"
CHANGE_RE = re.compile(
    # "rose by 16 percent", "fell 39%", "increased by almost 25%", "jumped by some 38 per cent"
    rf"\b(?P<verb>{_UP}|{_DOWN})\s+(?:by\s+)?(?:(?P<hedge>{_HEDGE_ALT})\s+)?{_NUM_PCT}"
    # "increasing its overall arms exports by 47 per cent"
    rf"|\b(?P<verb2>increas\w*|rais\w*|boost\w*|cut|cuts|cutting|reduc\w*|doubl\w*)\s+(?:[\w'’-]+\s+){{1,6}}?by\s+(?:(?P<hedge2>{_HEDGE_ALT})\s+)?(?P<num2>{_DIGITS}|\b{_NUMWORD}\b){_PCT_UNIT}"
    # "an increase of 212 per cent", "a growth of 86 percent"
    rf"|\ban?\s+(?P<noun>increase|rise|growth|jump|surge|fall|drop|decline|decrease|reduction|cut)\s+(?:of\s+)(?:(?P<hedge3>{_HEDGE_ALT})\s+)?(?P<num3>{_DIGITS}|\b{_NUMWORD}\b){_PCT_UNIT}"
    # "a 5.5 per cent increase", "a 20 per cent rise"
    rf"|\ban?\s+(?:(?P<hedge4>{_HEDGE_ALT})\s+)?(?P<num4>{_DIGITS}|\b{_NUMWORD}\b){_PCT_UNIT}[- ](?P<noun4>increase|rise|growth|jump|surge|fall|drop|decline|decrease|reduction|cut)\b"
    # "77 per cent higher than", "4.6 per cent lower than"
    rf"|(?:(?P<hedge5>{_HEDGE_ALT})\s+)?(?P<num5>{_DIGITS}|\b{_NUMWORD}\b){_PCT_UNIT}\s+(?P<cmp5>higher|lower|more|less|greater|smaller|bigger|larger|up|down)\b"
    # "three times as high", "8.2 times higher", "an 11-fold increase", "increased 11fold"
    rf"|(?:(?P<hedge6>{_HEDGE_ALT})\s+)?\b(?P<num6>\d{{1,3}}(?:\.\d{{1,2}})?|{_NUMWORD})(?:\s+times\s+(?:as\s+(?:high|large|much|big|great)|higher|larger|more|greater|bigger)|[- ]?fold\b)"
    # "halved", "doubled", "tripled", "fell by half", "dropped by a third"
    rf"|\b(?P<word>halved|doubled|tripled|trebled|quadrupled)\b"
    rf"|\b(?P<verb7>{_UP}|{_DOWN})\s+by\s+(?P<frac7>half|a\s+half|a\s+third|a\s+quarter|two[- ]thirds|a\s+fifth)\b"
    # "143 percent the figure from the previous five years"
    rf"|(?P<num8>{_DIGITS}){_PCT_UNIT}\s+the\s+(?:figure|level|volume)\s+(?:from|of|in|for)\b",
    re.IGNORECASE,
)
_WORD_CHANGE = {
    "halved": -50.0,
    "doubled": 100.0,
    "tripled": 200.0,
    "trebled": 200.0,
    "quadrupled": 300.0,
}
_FRAC_CHANGE = {"half": 50.0, "a half": 50.0, "a third": 100 / 3, "a quarter": 25.0, "two-thirds": 200 / 3, "two thirds": 200 / 3, "a fifth": 20.0}  # fmt: skip


@dataclass(frozen=True)
class Change:
    """A claimed change of a volume between two periods, in percent (signed: +43, −50, +200 for 'tripled').

    ``form``: 'digits', 'words', 'fraction' (halved, by a third) or 'multiple' (doubled, 3 times as high).
    ``comparator`` applies to the size of the change ('more than 40 %' = at least as far from 0).
    """

    value: float
    comparator: str
    form: str
    decimals: int
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, object]:
        return {
            "value": round(self.value, 4),
            "unit": "percent change",
            "comparator": self.comparator,
            "form": self.form,
            "decimals": self.decimals,
            "text": self.text,
        }


_CHANGE_HINT = re.compile(
    r"%|per ?cent|pct|times|fold|halved|doubled|tripled|trebled|quadrupled|by half|by a", re.I
)
_DOWN_RE = re.compile(
    rf"^(?:{_DOWN})$|^(?:cut|cuts|cutting|reduc\w*)$|^(?:fall|drop|decline|decrease|reduction|cut)$|^(?:lower|less|smaller|down)$",
    re.I,
)


def _signed(word: str, v: float) -> float:
    return -v if _DOWN_RE.match(word.lower().strip()) else v


# the exact figure after a word of change: "halved, by 47 %", "doubled (+103 %)", "doubled, or 103 %"
_EXACT_AFTER_WORD = re.compile(
    r",?\s*(?:by\s+|or\s+|\(\s*[+–−-]?\s*)(?P<n>\d{1,4}(?:\.\d{1,2})?)\s*(?:%|per\s?cent|percent)\)?",
    re.I,
)


def find_changes(text: str) -> list[Change]:
    """Changes of a volume: 'rose 16 per cent', 'an increase of 212 per cent', '77 per cent higher than',
    'three times as high', 'halved'. Levels ('rose to 36 per cent') are not changes."""
    out: list[Change] = []
    if not _CHANGE_HINT.search(text):
        return out
    for m in CHANGE_RE.finditer(text):
        g = m.groupdict()
        s, e, t = m.start(), m.end(), m.group(0)
        if (
            g["verb"]
            and not re.search(r"\bby\s", t, re.I)
            and (g["hedge"] or "").lower()
            in {"below", "under", "above", "over", "beyond", "exceeding", "in excess of"}
        ):
            continue  # "fell below 50 %": a level, not a change
        if (
            g["verb"]
            and g["verb"].lower() in {"up", "down"}
            and re.search(
                r"\b(?:made|make|makes|making|took|take|takes|taking|ended|end|ends|summed|sum|broken|broke|paid|pay|pays|set|sets|built|build|builds|divided|divide)\s*$",
                text[max(0, s - 12) : s],
                re.I,
            )
        ):
            continue  # "made up 81 per cent": a share, not a change
        for key, hk, wk in (("num", "hedge", "verb"), ("num2", "hedge2", "verb2"), ("num3", "hedge3", "noun"),
                            ("num4", "hedge4", "noun4"), ("num5", "hedge5", "cmp5")):  # fmt: skip
            if g[key]:
                v = to_number(g[key])
                if v is None:
                    break
                dec = len(g[key].split(".")[1]) if "." in g[key] else 0
                form = "digits" if g[key][0].isdigit() else "words"
                out.append(Change(_signed(g[wk], v), _hedge(g[hk]), form, dec, s, e, t))
                break
        else:
            if g["num6"]:
                v = to_number(g["num6"])
                if v is not None and v > 1:
                    out.append(Change(100 * (v - 1), _hedge(g["hedge6"]), "multiple", 0, s, e, t))
            elif g["word"] and (exact := _EXACT_AFTER_WORD.match(text, e, e + 40)):
                # "almost halved, by 47 %": the figure given after the word is the claimed change
                n = exact.group("n")
                sign = -1.0 if g["word"].lower() == "halved" else 1.0
                dec = len(n.split(".")[1]) if "." in n else 0
                e2 = exact.end()
                out.append(Change(sign * float(n), "eq", "digits", dec, s, e2, text[s:e2]))
            elif g["word"]:
                out.append(
                    Change(
                        _WORD_CHANGE[g["word"].lower()],
                        "eq",
                        "multiple" if g["word"].lower() != "halved" else "fraction",
                        0,
                        s,
                        e,
                        t,
                    )
                )
            elif g["verb7"]:
                frac = re.sub(r"\s+", " ", g["frac7"].lower())
                out.append(
                    Change(
                        _signed(g["verb7"], _FRAC_CHANGE.get(frac, 50.0)),
                        "eq",
                        "fraction",
                        0,
                        s,
                        e,
                        t,
                    )
                )
            elif g["num8"]:
                v = to_number(g["num8"])
                if v is not None:
                    out.append(Change(v - 100, "eq", "digits", 0, s, e, t))
    return out


# --- lengths ------------------------------------------------------------------------------------

LENGTH_RE = re.compile(
    rf"(?:(?P<hedge>{_HEDGE_ALT})\s+)?(?P<num>{_DIGITS}|\b{_NUMWORD}\b)(?:\s|-)?(?P<unit>km|kilometres?|kilometers?|kilometre|miles?|mi)\b",
    re.IGNORECASE,
)
MILE_KM = 1.609344


@dataclass(frozen=True)
class Length:
    """A claimed length in km (miles converted) with comparator."""

    km: float
    comparator: str
    unit: str
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, object]:
        return {
            "km": round(self.km, 1),
            "comparator": self.comparator,
            "unit": self.unit,
            "text": self.text,
        }


def find_lengths(text: str) -> list[Length]:
    """'a 689 km border', 'nearly 700-kilometre', 'some 430 miles' (converted to km)."""
    out: list[Length] = []
    if not _LENGTH_HINT.search(text):
        return out
    for m in LENGTH_RE.finditer(text):
        v = to_number(m.group("num"))
        if v is None:
            continue
        unit = m.group("unit").lower()
        km = v * MILE_KM if unit.startswith("mi") else v
        out.append(
            Length(
                km,
                _hedge(m.group("hedge")),
                "mi" if unit.startswith("mi") else "km",
                m.start(),
                m.end(),
                m.group(0),
            )
        )
    return out


# --- years and periods --------------------------------------------------------------------------

_Y = r"(?:19|20)\d\d"
_MONTHS = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
YEAR_RE = re.compile(rf"(?<![\w.,/-])({_Y})(?![\w%]|\.\d|\s?(?:km|kilomet|mile|per ?cent|%))")
# calendar dates are events, not periods ("March 9, 2020 - 18:57", "14 March 2022", "in February, 2022")
DATE_RE = re.compile(
    rf"\b{_MONTHS}\s+\d{{1,2}},?\s+{_Y}\b|\b\d{{1,2}}\s+{_MONTHS},?\s+{_Y}\b|\b{_MONTHS},?\s+{_Y}\b"
    rf"|\b{_Y}-\d\d-\d\d\b|\b\d{{1,2}}:\d\d\b",
    re.I,
)
_SHORT_END = rf"(?<![\w.,])({_Y})[-–—/]['’]?(\d{{1,2}})(?![\w%:.,]\d|[\w%:])"
_NUMW = r"(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|fifteen|twenty)"

PERIOD_RES: list[tuple[str, re.Pattern[str]]] = [
    ("between", re.compile(rf"\bbetween\s+({_Y})\s+and\s+({_Y}|\d\d)\b(?![-–—/]\d)", re.I)),
    (
        "fromto",
        re.compile(
            rf"\bfrom\s+({_Y})\s+(?:to|until|through|till)\s+({_Y}|\d\d)\b(?![-–—/]\d)", re.I
        ),
    ),
    ("range", re.compile(rf"(?<![\w.,])({_Y})\s?[-–—/]\s?({_Y})(?![\w%])|{_SHORT_END}", re.I)),
    (
        "years_to",
        re.compile(
            rf"\b(?:the\s+)?(?:(?:previous|last|latest|preceding|most\s+recent)\s+)?({_NUMW})[- ]years?(?:\s+period)?\s+(?:to|through|up\s+to|ending(?:\s+in)?|until)\s+({_Y})\b",
            re.I,
        ),
    ),
    (
        "since",
        re.compile(rf"\b(?:since|from)\s+({_Y})\b(?!\s*(?:[-–—/]|to\b|until\b|through\b))", re.I),
    ),
    (
        # "in the previous five-year period", "the preceding period", "than in the previous five years": the
        # window before the current one. A period named against another one; "in the previous five years"
        # alone counts back from the article, as "the past five years" does (the current window)
        "previous",
        re.compile(
            r"\b(?:(?:over|in|during|for|across|within|covering)\s+the\s+(?:(?:previous|preceding|prior)\s+"
            r"(?:(?:five|5)[- ]year\s+(?:period|window)|period|window)|preceding\s+(?:five|5)\s+years)"
            r"|(?:than\s+in|compared\s+(?:with|to))\s+the\s+(?:previous|preceding|prior)\s+"
            r"(?:(?:five|5)[- ]year\s+(?:period|window)|(?:five|5)\s+years|period|window))"
            r"\b(?!\s+(?:to|of|from|between|\d))",
            re.I,
        ),
    ),
    (
        "past",
        re.compile(
            rf"\b(?:over|in|during|for|across|within|covering)\s+the\s+(?:past|last|previous|preceding|latest|most\s+recent)\s+(?:({_NUMW}|few|several)[- ])?(years?|decades?|year\s+period|-year\s+period)\b",
            re.I,
        ),
    ),
    ("lastyear", re.compile(r"\blast\s+year\b", re.I)),
    ("thisyear", re.compile(r"\bthis\s+year\b", re.I)),
    (
        "year",
        re.compile(
            rf"\b(?:in|during|for|by|as\s+of|of|throughout)\s+({_Y})\b(?!\s?(?:[-–—/]|to\b))", re.I
        ),
    ),
    ("datayear", re.compile(rf"(?<![\w.,/-])({_Y})\s+(?:data|figures|statistics)\b", re.I)),
    (
        "anaphor",
        re.compile(
            r"\b(?:during|over|in|for|across|within|throughout)\s+(?:that|this|the\s+same)\s+(?:five[- ]year\s+|5-year\s+)?(?:period|time\s+frame|timeframe|window|span)\b"
            r"|\b(?:in|during)\s+the\s+period\b(?!\s+(?:from|of|between|\d))",
            re.I,
        ),
    ),
]


@dataclass
class PeriodSpec:
    """A period found in text: inclusive years, how it was written and whether it is open-ended.

    ``kind`` 'anaphor' ("during that period") has no years of its own: the reader points it to the
    last period named in the article.
    """

    start: int
    end: int
    kind: str
    text: str
    span: tuple[int, int]
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, object]:
        return {"start": self.start, "end": self.end, "kind": self.kind, "text": self.text}


def _expand_end(start: int, end_text: str) -> int:
    if len(end_text) <= 2:
        base = (start // 10) * 10 if len(end_text) == 1 else (start // 100) * 100
        end = base + int(end_text)
        if end < start:
            end += 10 if len(end_text) == 1 else 100
        return end
    return int(end_text)


def current_window(today: date) -> tuple[int, int]:
    """The checker's current five-year window as the reader knows it: the five years to last year."""
    return today.year - 5, today.year - 1


def previous_window(today: date) -> tuple[int, int]:
    """The five-year window before `current_window` ("the previous five-year period")."""
    start, end = current_window(today)
    return start - 5, end - 5


def find_periods(text: str, today: date) -> list[PeriodSpec]:
    """Explicit periods in a sentence: '2016–20', 'between 2011 and 2020', 'since 1979', 'over the past
    five years', 'the five years to 2024', 'in 2020', 'during that period' (kind 'anaphor')."""
    found: list[PeriodSpec] = []
    if not _PERIOD_HINT.search(text):
        return found
    taken: list[tuple[int, int]] = [m.span() for m in DATE_RE.finditer(text)]

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in taken)

    for kind, rx in PERIOD_RES:
        for m in rx.finditer(text):
            s, e = m.span()
            if not free(s, e):
                continue
            groups = [g for g in m.groups() if g is not None]
            if kind in {"between", "fromto", "range"}:
                a = int(groups[0])
                b = _expand_end(a, groups[1])
                if b < a or b - a > 60:
                    continue
                spec = PeriodSpec(a, b, kind, m.group(0), (s, e))
            elif kind == "since":
                a = int(groups[0])
                spec = PeriodSpec(a, max(a, today.year - 1), kind, m.group(0), (s, e))
            elif kind == "years_to":
                n = to_number(groups[0])
                if not n or n > 100:
                    continue
                b = int(groups[1])
                spec = PeriodSpec(b - int(n) + 1, b, kind, m.group(0), (s, e))
            elif kind == "past":
                unit = groups[-1].lower()
                n: float | None = 1.0
                if len(groups) == 2:
                    n = to_number(groups[0])
                    if n is None:
                        n = {"few": 3.0, "several": 5.0}.get(groups[0].lower())
                elif "period" in unit:
                    n = None
                if n is None or n > 100:
                    continue
                years = int(n) * (10 if unit.startswith("decade") else 1)
                spec = PeriodSpec(today.year - years, today.year - 1, kind, m.group(0), (s, e))
            elif kind == "previous":
                # the checker's current window is the five years to last year; this is the one before
                # (its span starts at 'the', as a year's does after 'in': "up from 21st in …")
                t0 = s + m.group(0).lower().index("the")
                spec = PeriodSpec(*previous_window(today), kind, text[t0:e], (t0, e))
            elif kind == "lastyear":
                spec = PeriodSpec(today.year - 1, today.year - 1, kind, m.group(0), (s, e))
            elif kind == "thisyear":
                spec = PeriodSpec(today.year, today.year, kind, m.group(0), (s, e))
            elif kind == "anaphor":
                spec = PeriodSpec(0, 0, kind, m.group(0), (s, e))
            else:
                y = int(groups[0])
                spec = PeriodSpec(y, y, kind, m.group(0), (s, e))
            found.append(spec)
            taken.append((s, e))
    found.sort(key=lambda p: p.span)
    return found


def find_years(text: str) -> list[tuple[int, int, int]]:
    """Bare years (1900–2099) as (year, start, end); numbers with units or in ranges count too."""
    return [(int(m.group(1)), m.start(1), m.end(1)) for m in YEAR_RE.finditer(text)]
