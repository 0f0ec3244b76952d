"""The one country resolver: names, codes (ISO, COW, GW, GEC, SIPRI) and demonyms -> stable ids.

Ids: ISO3 for current states and territories, ISO 3166-3 for dissolved states (SUN, YUG, CSK,
DDR, YMD), user-assigned X.. codes (XKX Kosovo, XWG West Germany, XNY North Yemen, XSV South
Vietnam, ...), NSA:<slug> for non-state armed actors and ORG:<slug> for organisations.
Aggregates (regions, "World", SIPRI totals, unknown parties) are not countries: see is_aggregate.
The tables are static CSVs beside this module (see docs/countries.md); they load lazily on first
use, so importing this module is cheap.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from realpolitik.errors import UnknownCountry
from realpolitik.notes import ResolverNote, noting, say

__all__ = [
    "Country",
    "Match",
    "MAX_LENGTH",
    "ResolverNote",
    "match",
    "noting",
    "resolve",
    "try_resolve",
    "resolve_many",
    "from_cow",
    "from_cow_abb",
    "from_gw",
    "from_gec",
    "from_iso3",
    "from_iso2",
    "from_sipri_code",
    "from_cameo",
    "cameo_codes",
    "from_id",
    "from_gw_abb",
    "code_periods",
    "is_cameo_aggregate",
    "is_gec_aggregate",
    "is_aggregate",
    "aggregate_class",
    "search",
    "predecessors",
    "all_countries",
    "surface_forms",
    "suggest",
]

_DIR = Path(__file__).parent
KINDS = ("state", "historical", "territory", "nonstate", "organisation")


@dataclass(frozen=True)
class Country:
    """A resolved entity: a state, historical state, territory, non-state actor or organisation."""

    id: str
    name: str
    kind: str  # state | historical | territory | nonstate | organisation
    iso2: str | None = None
    iso3: str | None = None
    cow: int | None = None
    cow_abb: str | None = None
    gw: int | None = None
    gec: str | None = None
    gw_abb: str | None = None
    isonum: int | None = None
    start: int | None = None  # first year, for historical and user-assigned entities
    end: int | None = None  # last year of a dissolved state
    part_of: str | None = None  # id of the state a territory or armed group belongs to / acts in

    def to_dict(self) -> dict[str, object]:
        """Plain dict of all fields (for JSON output)."""
        return {f: getattr(self, f) for f in self.__dataclass_fields__}

    @property
    def is_state(self) -> bool:
        """True for current and historical states (not territories, armed groups, organisations)."""
        return self.kind in ("state", "historical")


_PUNCT = re.compile(r"[^0-9a-z]+")
# apostrophes and dots are dropped, not spaced: "U.S.A." -> "usa", "Cote d'Ivoire" -> "cote divoire"
_APOS = re.compile(r"['’‘`´.]")
_PAREN = re.compile(r"\s*\([^)]*\)\s*")
# OWID marks source-defined regions with the source in brackets: "Africa (EI)", "OPEC (Shift)"
_AGG_SUFFIX = re.compile(r"\((ei|shift|bp|eia|ember|wb)\)\s*$", re.I)


def _key(text: str) -> str:
    """Normalised lookup key: accents, case, punctuation, '&', 'St.' and a leading 'the' folded."""
    s = text.strip()
    if "Ã" in s or "â€" in s:  # UTF-8 read as latin-1/cp1252 (e.g. 'SÃ£o TomÃ©')
        for enc in ("cp1252", "latin-1"):
            try:
                s = s.encode(enc).decode("utf-8")
                break
            except UnicodeError:
                continue
    if "&" in s:
        if ";" in s:  # HTML entities as in the Factbook ('C&ocirc;te d'Ivoire')
            import html

            s = html.unescape(s)
        s = s.replace("&", " and ")
    s = unicodedata.normalize("NFKD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch)).casefold()
    s = _APOS.sub("", s)
    s = _PUNCT.sub(" ", s).strip()
    if s.startswith("the "):
        s = s[4:]
    if s.startswith("st ") or " st " in s:
        s = re.sub(r"\bst\b", "saint", s)
    return s


def _int(v: str) -> int | None:
    return int(v) if v else None


def _read(name: str) -> list[dict[str, str]]:
    with (_DIR / name).open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


class _DB:
    """All lookup tables, built once from the CSVs."""

    def __init__(self) -> None:
        self.by_id: dict[str, Country] = {}
        for r in _read("countries.csv"):
            c = Country(
                id=r["id"],
                name=r["name"],
                kind=r["kind"],
                iso2=r["iso2"] or None,
                iso3=r["iso3"] or None,
                cow=_int(r["cow"]),
                cow_abb=r["cow_abb"] or None,
                gw=_int(r["gw"]),
                gec=r["gec"] or None,
                gw_abb=r["gw_abb"] or None,
                isonum=_int(r["isonum"]),
                start=_int(r["start"]),
                end=_int(r["end"]),
                part_of=r["part_of"] or None,
            )
            self.by_id[c.id] = c
        self.regex: list[tuple[re.Pattern[str], str]] = []
        self._regex_src = [(r["regex"], r["id"]) for r in _read("countries.csv") if r["regex"]]
        self.iso2 = {c.iso2: c.id for c in self.by_id.values() if c.iso2 and c.kind != "historical"}
        for c in self.by_id.values():  # historic ISO2 (SU, YU, CS, DD, YD) only where free
            if c.iso2 and c.iso2 not in self.iso2:
                self.iso2[c.iso2] = c.id
        self.iso3 = {c.iso3: c.id for c in self.by_id.values() if c.iso3}
        for c in self.by_id.values():
            if len(c.id) == 3:
                self.iso3.setdefault(c.id, c.id)
        self.gec: dict[str, str | None] = {c.gec: c.id for c in self.by_id.values() if c.gec}
        for r in _read("gec_extra.csv"):  # withdrawn FIPS codes and aggregates (oceans, world)
            self.gec.setdefault(r["code"], r["id"] or None)
        self.codes: dict[tuple[str, int], list[tuple[int, int, str, bool]]] = {}
        self.abbs: dict[tuple[str, str], int] = {}
        for r in _read("state_codes.csv"):
            key = (r["system"], int(r["code"]))
            self.codes.setdefault(key, []).append(
                (int(r["first_year"]), int(r["last_year"]), r["id"], r["default"] == "1")
            )
            if r["abb"]:
                self.abbs.setdefault((r["system"], r["abb"].upper()), int(r["code"]))
        self.sipri = {r["code"]: (r["id"] or None) for r in _read("sipri_codes.csv")}
        self.aggregates: dict[str, str] = {
            _key(r["name"]): r["class"] for r in _read("aggregates.csv")
        }
        # names: canonical names first, then hand aliases (override), then generated names (fill gaps)
        self.names: dict[str, str] = {}
        for r in _read("names.csv"):
            self.names.setdefault(_key(r["name"]), r["id"])
        for r in _read("aliases.csv"):
            self.names[_key(r["alias"])] = r["id"]
        for c in self.by_id.values():
            self.names[_key(c.name)] = c.id
        for r in _read("aliases.csv"):  # hand aliases win over canonical names of other entities
            self.names[_key(r["alias"])] = r["id"]
        self.names = {k: v for k, v in self.names.items() if k and v in self.by_id}
        self.cameo = {r["code"]: (r["id"] or None) for r in _read("cameo_codes.csv")}
        from realpolitik.countries.spelling import SpellingIndex

        self.spelling = SpellingIndex(self.names.items())
        loose: dict[str, set[str]] = {}
        self.tokens: dict[str, frozenset[str]] = {}
        words: dict[str, set[str]] = {}
        for key, cid in self.names.items():
            loose.setdefault(_loose(key), set()).add(cid)
            words.setdefault(cid, set()).update(key.split())
        self.loose = {k: ids.pop() for k, ids in loose.items() if len(ids) == 1}
        self.tokens = {cid: frozenset(w) for cid, w in words.items()}

    def regexes(self) -> list[tuple[re.Pattern[str], str]]:
        if not self.regex:
            self.regex = [(re.compile(p, re.I), i) for p, i in self._regex_src]
        return self.regex


@cache
def _db() -> _DB:
    return _DB()


def _get(cid: str) -> Country:
    return _db().by_id[cid]


def from_id(cid: str) -> Country:
    """The entity with this resolver id (e.g. 'AZE', 'SUN', 'NSA:hezbollah')."""
    db = _db()
    s = str(cid).strip()
    head, sep, tail = s.partition(":")
    c = db.by_id.get(s) or db.by_id.get(f"{head.upper()}:{tail.lower()}" if sep else s.upper())
    if c is None:
        raise UnknownCountry(cid, suggest(cid))
    return c


def from_iso3(code: str) -> Country:
    """ISO 3166-1 alpha-3 (or ISO 3166-3 / user-assigned X..) code -> Country, case-insensitive."""
    cid = _db().iso3.get(code.strip().upper())
    if cid is None:
        raise UnknownCountry(code, suggest(code))
    return _get(cid)


def from_iso2(code: str) -> Country:
    """ISO 3166-1 alpha-2 code -> Country, case-insensitive (historic SU, YU, CS, DD, YD too)."""
    cid = _db().iso2.get(code.strip().upper())
    if cid is None:
        raise UnknownCountry(code, suggest(code))
    return _get(cid)


def code_periods(system: str) -> list[tuple[int, int, int, str]]:
    """(code, first_year, last_year, id) rows for 'cow' or 'gw', for interval joins on big tables."""
    return sorted(
        (code, y0, y1, cid)
        for (sysname, code), periods in _db().codes.items()
        if sysname == system
        for y0, y1, cid, _ in periods
    )


@cache
def _from_code(system: str, code: int, year: int | None) -> Country:
    periods = _db().codes.get((system, int(code)))
    if not periods:
        raise UnknownCountry(f"{system.upper()} {code}", [])
    if year is not None:
        for y0, y1, cid, _ in periods:
            if y0 <= year <= y1:
                return _get(cid)
        # outside every period: the nearest period in time
        best = min(periods, key=lambda p: min(abs(year - p[0]), abs(year - p[1])))
        return _get(best[2])
    for _, _, cid, default in periods:
        if default:
            return _get(cid)
    return _get(periods[-1][2])


def from_cow(ccode: int, year: int | None = None) -> Country:
    """Correlates of War ccode -> Country; `year` picks the period for reused codes (345, 365, ...)."""
    try:
        code, yr = int(ccode), None if year is None else int(year)
    except (TypeError, ValueError, OverflowError):
        raise UnknownCountry(f"COW {ccode}", []) from None
    return _from_code("cow", code, yr)


def from_gw(gwcode: int, year: int | None = None) -> Country:
    """Gleditsch-Ward code -> Country; `year` picks the period for reused codes (260, 345, 365, 678)."""
    try:
        code, yr = int(gwcode), None if year is None else int(year)
    except (TypeError, ValueError, OverflowError):
        raise UnknownCountry(f"GW {gwcode}", []) from None
    return _from_code("gw", code, yr)


def from_cow_abb(abb: str, year: int | None = None) -> Country:
    """COW state abbreviation ('AUL', 'GMY', 'RVN') -> Country."""
    code = _db().abbs.get(("cow", abb.strip().upper()))
    if code is None:
        raise UnknownCountry(abb, [])
    return from_cow(code, year)


def from_gw_abb(abb: str, year: int | None = None) -> Country:
    """Gleditsch-Ward state abbreviation -> Country."""
    code = _db().abbs.get(("gw", abb.strip().upper()))
    if code is None:
        raise UnknownCountry(abb, [])
    return from_gw(code, year)


def from_gec(code: str) -> Country:
    """CIA World Factbook GEC/FIPS 10-4 code ('aj' Azerbaijan, 'is' Israel) -> Country."""
    cid = _db().gec.get(str(code).strip().lower())
    if cid is None:
        raise UnknownCountry(str(code), [])
    return _get(cid)


def is_gec_aggregate(code: str) -> bool:
    """True for GEC/FIPS codes of oceans and the world (xx, oo, xo, xq, zh, zn, os)."""
    db = _db()
    c = str(code).strip().lower()
    return c in db.gec and db.gec[c] is None


def from_sipri_code(code: str) -> Country:
    """SIPRI's 3-letter TIV table code ('USR' Soviet Union, 'AST' Austria, 'CHE' Chile) -> Country."""
    db = _db()
    c = code.strip().upper()
    if c not in db.sipri:
        raise UnknownCountry(code, [])
    cid = db.sipri[c]
    if cid is None:
        raise UnknownCountry(code, [])  # XXS = unknown supplier(s): not an entity
    return _get(cid)


def from_cameo(code: str) -> Country:
    """CAMEO actor country code (GDELT/ICEWS; mostly ISO3) -> Country; regions raise UnknownCountry."""
    db = _db()
    c = code.strip().upper()
    if c in db.cameo:
        cid = db.cameo[c]
        if cid is None:
            raise UnknownCountry(code, [])
        return _get(cid)
    return from_iso3(c)


def cameo_codes() -> dict[str, str | None]:
    """CAMEO country codes that are not plain ISO3: code -> id (None for CAMEO regions)."""
    return dict(_db().cameo)


def is_cameo_aggregate(code: str) -> bool:
    """True for CAMEO region/group codes (AFR, EUR, WST, ...)."""
    c = code.strip().upper()
    return c in _db().cameo and _db().cameo[c] is None


def aggregate_class(text: str) -> str | None:
    """'aggregate' for regions/totals/groups, 'unknown' for unidentified parties, else None."""
    k = _key(str(text).rstrip("*"))
    db = _db()
    if k in db.aggregates:
        return db.aggregates[k]
    if _AGG_SUFFIX.search(str(text)):
        return "aggregate"
    if k.startswith("unknown"):
        return "unknown"
    if k.startswith(("total ", "other ", "rest of ")) or k.endswith((" total", " countries")):
        return "aggregate"
    return None


def is_aggregate(text: str) -> bool:
    """True for aggregates and unknown parties (World, regions, 'Total', 'unknown supplier(s)'...)."""
    return aggregate_class(text) is not None


# fmt: off
# words that qualify a name: a bracket holding one of them is part of the name, never dropped
_QUALIFIERS = frozenset({
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "upper",
    "lower", "central", "democratic", "republic", "people", "peoples", "federal", "islamic",
    "arab", "united", "new", "great", "greater", "equatorial",
})
# words that add nothing to a pattern match ("Republic of X", "the State of X")
_FILLER = frozenset({
    "of", "the", "and", "republic", "state", "states", "kingdom", "federal", "federation",
    "democratic", "islamic", "people", "peoples", "union", "commonwealth", "principality", "grand",
    "duchy", "sultanate", "emirate", "government", "plurinational", "bolivarian", "socialist",
    "territory",
})
# fmt: on
# abbreviations of the World Bank/IMF style "Korea, Dem. People's Rep.", "Micronesia, Fed. Sts."
_ABBREV = {
    "dem": "democratic",
    "rep": "republic",
    "fed": "federal",
    "federated": "federal",
    "sts": "states",
    "isl": "islands",
    "is": "islands",
    "pdr": "peoples democratic republic",
    "rb": "bolivarian republic",
}  # fmt: skip
_STOP = frozenset({"of", "the", "and"})


def _loose(key: str) -> str:
    """Word order, 'of/the/and' and common abbreviations folded: 'korea north' = 'north korea'."""
    words = (_ABBREV.get(w, w) for w in key.split())
    return " ".join(sorted(w for w in " ".join(words).split() if w not in _STOP))


def _unique_or_none(ids: set[str]) -> str | None:
    return next(iter(ids)) if len(ids) == 1 else None


def _typo(db: _DB, k: str) -> str | None:
    """The one country within 1 edit (2 for long names) of k with no rival one edit further."""
    if len(k) < 4:
        return None
    near = db.spelling.near(k, 3 if len(k) >= 9 else 2)
    for d in (1, 2) if len(k) >= 9 else (1,):
        at = {cid for cid, dist in near.items() if dist <= d}
        if at:
            rivals = {cid for cid, dist in near.items() if dist <= d + 1}
            return _unique_or_none(at) if rivals == at else None
    return None


def _pattern(db: _DB, k: str) -> str | None:
    """country_converter's regexes, when exactly one matches and every other word is filler or
    part of that country's own names ('Niger Delta' and 'White Russia' are not guessed)."""
    if len(k) < 4:
        return None
    hits = {cid for pat, cid in db.regexes() if pat.search(k)}
    cid = _unique_or_none(hits)
    if cid is None:
        return None
    own = db.tokens.get(cid, frozenset())
    return cid if all(w in own or w in _FILLER for w in k.split()) else None


def _lookup(text: str, fuzzy: bool = True) -> tuple[str, str] | None:
    """(id, how) for text, or None; how is exact | variant | partial | typo | pattern.

    The resolution order is documented in docs/countries.md.
    """
    db = _db()
    s = text.strip().rstrip("*").strip()
    if not s:
        return None
    if s.isascii() and s.isdigit():
        periods = db.codes.get(("cow", int(s)))
        return (from_cow(int(s)).id, "exact") if periods else None
    up = s.upper()
    if up in db.by_id:
        return up, "exact"
    if ":" in s:
        head, _, tail = s.partition(":")
        cid = f"{head.upper()}:{tail.strip().lower()}"
        if cid in db.by_id:
            return cid, "exact"
    if len(s) == 2 and s.isalpha() and up in db.iso2:
        return db.iso2[up], "exact"
    if len(s) == 3 and s.isalpha() and up in db.iso3:
        return db.iso3[up], "exact"
    k = _key(s)
    if k in db.names:
        return db.names[k], "exact"
    if len(s) == 3 and s.isalpha() and ("cow", up) in db.abbs:
        return from_cow_abb(up).id, "exact"
    if not fuzzy or aggregate_class(s):
        return None
    if s[-2:] in ("'s", "’s") and _key(s[:-2]) in db.names:  # a possessive: "Israel's"
        return db.names[_key(s[:-2])], "exact"
    # word order, 'of'/'the' and abbreviations: "Korea (North)", "Korea, Dem. People's Rep."
    cid = db.loose.get(_loose(k)) if k.split()[:1] not in (["of"], ["and"]) else None  # no name begins so
    if cid:
        return cid, "variant"
    cid = _typo(db, k)
    if cid:
        return cid, "typo"
    if "(" in s:
        return _without_bracket(db, s)
    cid = _pattern(db, k)
    return (cid, "pattern") if cid else None


def _without_bracket(db: _DB, s: str) -> tuple[str, str] | None:
    """ "Spain (Ceuta)" → Spain, unless the bracket qualifies the name ("Korea (Dem. Rep.)") or the
    name has bracketed forms that belong to another entity ("Korea (pre-1910)")."""
    outer = _key(_PAREN.sub(" ", s))
    inner = _key(" ".join(_PAREN.findall(s)))
    found = db.names.get(outer)
    if not found or {_ABBREV.get(w, w) for w in inner.split()} & _QUALIFIERS:
        return None
    prefix = outer + " "
    if any(cid != found for key, cid in db.names.items() if key.startswith(prefix)):
        return None
    return found, "partial"


MAX_LENGTH = 200  # characters of a country name: longer input is refused before any lookup


@lru_cache(maxsize=1 << 16)
def _resolve_id(text: str, fuzzy: bool = True) -> tuple[str, str] | None:
    if len(text) > MAX_LENGTH:
        return None
    return _lookup(text, fuzzy)


def suggest(text: str, n: int = 3) -> list[str]:
    """Up to n canonical names close to text (for 'did you mean'), best first, near-ties only."""
    import difflib

    db = _db()
    if len(text) > MAX_LENGTH:
        return []
    k = _key(str(text))
    if not k:
        return []
    near = db.spelling.near(k, 2) if len(k) >= 4 else {}
    if near:  # within two edits: those, nearest first
        ranked = sorted(near, key=lambda cid: (near[cid], db.by_id[cid].name))
        return [db.by_id[cid].name for cid in ranked][:n]
    best: dict[str, float] = {}
    sm = difflib.SequenceMatcher()
    sm.set_seq2(k)
    for m in difflib.get_close_matches(k, list(db.names), n=30, cutoff=0.6):
        sm.set_seq1(m)
        name = db.by_id[db.names[m]].name
        best[name] = max(best.get(name, 0.0), sm.ratio())
    if not best:
        return []
    top = max(best.values())
    ranked = sorted(best, key=lambda nm: (-best[nm], nm))
    return [nm for nm in ranked if best[nm] >= top - 0.12][:n]


def _as_text(value: object) -> str:
    """Strings as they are; integral numbers (COW codes read as floats by pandas) as digits."""
    if isinstance(value, str):
        return value
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


_WHY = {
    "partial": "the words in brackets ignored",
    "typo": "nearest spelling",
    "pattern": "name pattern",
}


@dataclass(frozen=True)
class Match:
    """How an input was read: the Country, the input, and how (exact | variant | partial | typo |
    pattern). Anything but an exact or variant form carries a note saying what was understood."""

    country: Country
    text: str
    how: str

    @property
    def note(self) -> str | None:
        """ "'Azerbaijann' → Azerbaijan (nearest spelling)" for a guess, None for a known form."""
        why = _WHY.get(self.how)
        return None if why is None else f"{self.text.strip()!r} → {self.country.name} ({why})"


def _unknown(text: str) -> UnknownCountry:
    if len(text) > MAX_LENGTH:
        err = UnknownCountry(text[:40] + "…", [])
        err.args = (f"country name too long ({len(text)} characters; at most {MAX_LENGTH})",)
        return err
    cls = aggregate_class(text)
    if cls is None:
        return UnknownCountry(text, suggest(text))
    err = UnknownCountry(text, [])
    what = "an unidentified party" if cls == "unknown" else "an aggregate (region, group or total)"
    err.args = (f"{text!r} is {what}, not a country",)
    return err


def match(text: str, *, fuzzy: bool = True) -> Match:
    """Resolve text and say how: Match(country, text, how) with a .note for guesses; raise
    UnknownCountry (with suggestions) when nothing matches or a guess would be ambiguous."""
    text = _as_text(text)
    found = _resolve_id(text, fuzzy)
    if found is None:
        raise _unknown(text)
    return Match(_get(found[0]), text, found[1])


def resolve(text: str, *, fuzzy: bool = True) -> Country:
    """Resolve a name, demonym or code to a Country; raise UnknownCountry with suggestions.

    A misspelling is corrected only when one country is clearly nearest, and then the note
    ("'Azerbaijann' → Azerbaijan (nearest spelling)") goes to the active `noting` sink, else to a
    ResolverNote warning. fuzzy=False accepts only exact names, aliases and codes, for loaders.
    """
    m = match(text, fuzzy=fuzzy)
    if m.note is not None:
        say(m.note)
    return m.country


def try_resolve(text: str, *, fuzzy: bool = True) -> Country | None:
    """Like resolve() but returns None instead of raising, and reports no note (for loaders)."""
    if text is None:
        return None
    found = _resolve_id(_as_text(text), fuzzy)
    return None if found is None else _get(found[0])


def resolve_many(values: Iterable[str], *, fuzzy: bool = True) -> dict[str, Country | None]:
    """Resolve each distinct value once: {value: Country or None} for vectorised use on big tables."""
    out: dict[str, Country | None] = {}
    for v in values:
        if v not in out:
            missing = v is None or (isinstance(v, float) and v != v)  # None / NaN
            out[v] = None if missing else try_resolve(v, fuzzy=fuzzy)
    return out


def surface_forms() -> list[tuple[str, str, str]]:
    """(form, id, source) for every name, alias and demonym in the tables, e.g. for a text gazetteer.

    source is 'name' (canonical), 'alias' (hand-curated: demonyms, SIPRI spellings, old names) or
    the generator's source (coco, pycountry, cow, gw, factbook, iso3166-3).
    """
    db = _db()
    out = [(c.name, c.id, "name") for c in db.by_id.values()]
    out += [(r["alias"], r["id"], "alias") for r in _read("aliases.csv")]
    out += [(r["name"], r["id"], r["source"]) for r in _read("names.csv") if r["id"] in db.by_id]
    return out


@cache
def _successions() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for r in _read("successions.csv"):
        out.setdefault(r["successor"], []).append(r["predecessor"])
    return out


def predecessors(c: Country) -> list[Country]:
    """Dissolved states that c succeeded or was part of (Russia: Soviet Union; Yemen: North and
    South Yemen), from successions.csv: their figures are recorded under their own ids."""
    return [_get(p) for p in _successions().get(c.id, [])]


def successors(c: Country) -> list[Country]:
    """States that c dissolved into or merged into (West Germany: Germany), from successions.csv."""
    return [_get(s) for s, preds in _successions().items() if c.id in preds]


def all_countries(kinds: Iterable[str] | None = None) -> list[Country]:
    """Every entity the resolver knows (optionally only these kinds), sorted by id."""
    want = set(kinds) if kinds is not None else None
    return sorted(
        (c for c in _db().by_id.values() if want is None or c.kind in want), key=lambda c: c.id
    )


def search(prefix: str, limit: int = 10, kinds: Iterable[str] | None = None) -> list[Country]:
    """Entities whose name or an alias starts with prefix (then contains it), for autocomplete."""
    db = _db()
    want = set(kinds) if kinds is not None else None
    k = _key(prefix[: MAX_LENGTH + 1])
    if not k or len(prefix) > MAX_LENGTH:
        return []
    best: dict[str, int] = {}
    exact = db.names.get(k)
    if exact and (want is None or db.by_id[exact].kind in want):
        best[exact] = 0
    for name_key, cid in db.names.items():
        if want is not None and db.by_id[cid].kind not in want:
            continue
        if name_key.startswith(k):
            rank = 1 if name_key == _key(db.by_id[cid].name) else 2
        elif f" {k}" in f" {name_key}":
            rank = 3
        else:
            continue
        if rank < best.get(cid, 9):
            best[cid] = rank
    order = {"state": 0, "historical": 1, "territory": 2, "organisation": 3, "nonstate": 4}
    ranked = sorted(best, key=lambda c: (best[c], order.get(db.by_id[c].kind, 5), db.by_id[c].name))
    return [db.by_id[c] for c in ranked[:limit]]
