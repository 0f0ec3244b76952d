"""Stage 2 — mentions: states, companies, leaders, organisations, regions and anaphors, with spans.

Names are found with a token trie (one dictionary step per token, so time is linear in the text):
resolver names and aliases, demonyms ("Azeri"), capitals used as metonyms ("Baku"), fixed epithets
("the Jewish state"), arms makers ("Elbit" = Israel), long-serving leaders ("Aliyev" = Azerbaijan,
within their years) and case-sensitive abbreviations ("US", "UAE"). Organisations ("Stockholm
International Peace Research Institute") and regions ("the Middle East") are found too, so the
place names inside them are not read as states. A state word used as a modifier of a non-state
noun ("Sweden-based", "the Swedish firm", "US states") is kept but marked ``blocked``.

Anaphors ("its", "the country", "this country", "the Kingdom", "the Gulf state", "which") are
resolved in :func:`resolve` against a :class:`Discourse` (salience and recency of states so far).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cache

from realpolitik.analyses.claims import gazetteer as G
from realpolitik.analyses.claims.lexicon import METRIC_WORDS

TOKEN_RE = re.compile(r"(?:[A-Za-z]\.){2,}|\d+(?:[.,]\d+)*|[^\W\d_]+|\S")


@dataclass(frozen=True)
class Mention:
    """Something named in the text: a state (or a company/leader standing for one), an
    organisation, a region, or an anaphor resolved to a state.

    ``form``: name | demonym | capital | abbrev | epithet | company | leader | pronoun |
    description | relative | org | region. ``id`` is the resolver id (None for org/region).
    """

    start: int
    end: int
    id: str | None
    form: str
    text: str
    possessive: bool = False
    blocked: bool = False
    alt: str | None = None  # anaphors: the next candidate, if the first reading is impossible
    also: tuple[str, ...] = ()  # plural anaphors ("both of them"): the other states meant

    @property
    def is_state(self) -> bool:
        return self.id is not None and self.form not in {"org", "region"} and not self.blocked

    def to_dict(self) -> dict[str, object]:
        d: dict[str, object] = {
            "span": [self.start, self.end],
            "text": self.text,
            "form": self.form,
            "id": self.id,
        }
        if self.possessive:
            d["possessive"] = True
        if self.blocked:
            d["blocked"] = True
        if self.also:
            d["also"] = list(self.also)
        return d


@dataclass
class _Entry:
    id: str | None
    form: str
    years: tuple[int, int] | None = None
    exact: bool = False  # case-sensitive (abbreviations)
    surface: str = ""


def _toks(text: str) -> list[str]:
    return [m.group(0) for m in TOKEN_RE.finditer(text)]


@cache
def _trie() -> dict[str, list[tuple[tuple[str, ...], _Entry]]]:
    """First token (lower case) → [(all tokens, entry)], longest first."""
    entries: list[tuple[str, _Entry]] = []
    for form, cid in G.name_forms().items():
        entries.append((form, _Entry(G.canonical(cid), G.kind_of(form))))
    for form, cid in G.ABBREVIATIONS.items():
        entries.append((form, _Entry(G.canonical(cid), "abbrev", exact=True)))
    for form, cid in G.EPITHETS.items():
        entries.append((form, _Entry(G.canonical(cid), "epithet")))
    for form, cid in G.COMPANIES.items():
        entries.append((form, _Entry(G.canonical(cid), "company", exact=form.isupper())))
    for form, (cid, a, b) in G.LEADERS.items():
        entries.append((form, _Entry(G.canonical(cid), "leader", (a, b))))
    for form in G.ORGANISATIONS:
        entries.append((form, _Entry(None, "org", exact=form.isupper())))
    for form in G.REGIONS:
        entries.append((form, _Entry(None, "region")))
    trie: dict[str, list[tuple[tuple[str, ...], _Entry]]] = {}
    for form, entry in entries:
        toks = tuple(_toks(form)) if entry.exact else tuple(t.lower() for t in _toks(form))
        if not toks:
            continue
        entry.surface = form
        key = toks[0] if entry.exact else toks[0]
        trie.setdefault(key, []).append((toks, entry))
    for lst in trie.values():
        lst.sort(key=lambda t: -len(t[0]))
    return trie


def _candidates(
    trie: dict[str, list[tuple[tuple[str, ...], _Entry]]], t: str
) -> list[tuple[tuple[str, ...], _Entry]]:
    low = trie.get(t.lower(), [])
    if t == t.lower():
        return low
    exact = trie.get(t, [])
    return sorted(low + exact, key=lambda c: -len(c[0])) if exact else low


def warm() -> None:
    """Build the name trie now (the first call pays for it)."""
    _trie()


_DESC_RE = re.compile(
    r"\b(?P<det>the|this|that)\s+(?P<mods>(?:[\w-]+\s+){0,2}?)(?P<head>country|nation|state|government|republic|kingdom|monarchy|emirate|sultanate|giant|superpower|powerhouse|heavyweight|behemoth)(?P<poss>['’]s)?\b",
    re.I,
)
# between a state and "its": apposition or a copula, so the NP after "its" is that state
_NP_IS_STATE = re.compile(
    r",\s*|\s+(?:is|was|are|were|remains|remained|became|becomes|has been|had been)(?:\s+(?:still|now|also))?\s+",
    re.I,
)
_PRONOUN_RE = re.compile(
    r"(?<=\bmaking\s)it\b|(?<=\bmade\s)it\b|(?<=\bmakes\s)it\b|(?<=\bmake\s)it\b|(?<=\bleaving\s)it\b|(?<=\bleft\s)it\b|"
    r"\b(?:its|it(?=\s+(?:is|was|has|had|ranks|ranked|remains|remained|became|becomes|supplies|supplied|provides|provided|buys|bought|accounted|accounts|shares|shared|took|takes|receives|received|sells|sold|imports|imported|exports|exported|purchases|purchased|ordered|orders|signed|acquired|acquires|procured|procures|delivered|delivers|shipped|ships|inducted|agreed|also|still|now)\b))\b",
    re.I,
)
# a plural anaphor for the two states of the previous sentence: "both of them", "the two countries"
_PLURAL_RE = re.compile(
    r"\b(?:both\s+of\s+them|each\s+of\s+them|both\s+(?:countries|states|nations)|"
    r"the\s+two\s+(?:countries|states|nations|neighbou?rs|rivals|of\s+them))\b",
    re.I,
)
# "they were among the top five", "their main supplier": the two states just named, each
_THEY_RE = re.compile(
    r"\b(?:(?P<poss>their)|they(?=\s+(?:were|are|remain|remained|ranked|rank|bought|buy|imported|import|"
    r"received|receive|took|take|accounted|account|both|each|also|still|now)\b))\b",
    re.I,
)
_PERCENT = re.compile(r"%|\bper\s?cent\b|\bpercent\b", re.I)
# "the latter", "the former": the second or first of the two states named last
_LATTER_RE = re.compile(
    r"\bthe\s+(?P<w>latter|former)(?P<poss>['’]s)?"
    r"(?=\s*[,.;:)]|\s+(?:is|was|are|were|has|had|ranked|ranks|remained|remains|became|becomes|took|takes|"
    r"received|receives|bought|buys|imported|imports|exported|exports|supplied|supplies|accounted|accounts|"
    r"also|still|now|alone)\b|(?<=['’]s)\s)",
    re.I,
)  # "the former Soviet Union", "the latter half": an adjective, not a pronoun
_RELATIVE_RE = re.compile(
    r"(?<=,)\s*(?:which|whose)\b|\b(?:which|whose)\b(?=\s+(?:is|was|are|were|has|had|accounted|accounts|supplied|supplies|made|makes|took|takes|received|receives|bought|buys|imports|imported))",
    re.I,
)


def find(text: str, start: int, end: int, year: int | None = None) -> list[Mention]:
    """Names in text[start:end] (absolute spans), longest match first, no overlaps."""
    trie = _trie()
    toks = list(TOKEN_RE.finditer(text, start, end))
    out: list[Mention] = []
    i = 0
    n = len(toks)
    while i < n:
        t = toks[i].group(0)
        hit = None
        for form_toks, entry in _candidates(trie, t):
            k = len(form_toks)
            if i + k > n:
                continue
            got = [toks[i + j].group(0) for j in range(k)]
            if entry.exact:
                if tuple(got) != form_toks:
                    continue
            elif tuple(g.lower() for g in got) != form_toks:
                continue
            if not _contiguous(toks, i, k, text):
                continue
            surface = text[toks[i].start() : toks[i + k - 1].end()]
            if not entry.exact and not _capitalised(surface):
                continue
            if entry.years and year is not None and not (entry.years[0] <= year <= entry.years[1]):
                continue
            hit = (k, entry, surface)
            break
        if hit is None:
            i += 1
            continue
        k, entry, surface = hit
        s, e = toks[i].start(), toks[i + k - 1].end()
        if entry.form == "region" and _DESC_AFTER.match(text, e):
            i += k  # "the Gulf state", "the Caucasus republic": a description, resolved later
            continue
        i += k
        if (
            out
            and out[-1].id == entry.id
            and _RESTATED.fullmatch(text, out[-1].end, s)
            and text.startswith(")", e)
        ):
            continue  # "the United Arab Emirates (UAE)": the abbreviation restates the name
        poss = _possessive(text, e, end)
        out.append(Mention(s, e, entry.id, entry.form, surface, poss))
    return [_block(text, m, end) for m in out]


_RESTATED = re.compile(r"\s*\(\s*")


def _contiguous(toks: list[re.Match[str]], i: int, k: int, text: str) -> bool:
    """Tokens of a multiword name separated by single spaces or nothing (hyphen/apostrophe tokens)."""
    for j in range(i, i + k - 1):
        gap = text[toks[j].end() : toks[j + 1].start()]
        if gap not in {"", " "}:
            return False
    return True


def _capitalised(surface: str) -> bool:
    """Names must be written with a capital ('turkey' the bird is not Turkey); 'the X' needs a capital X."""
    low = surface.lower()
    if low.startswith("the "):
        rest = surface[4:]
        return bool(rest) and (rest[0].isupper() or surface[0] == "T")
    first = next((ch for ch in surface if ch.isalpha()), "")
    return first.isupper()


def _possessive(text: str, end: int, hi: int) -> bool:
    """'Israel's', 'Israel’s', 'Israelis'' and the copies' typo 'Russia s'."""
    nxt = text[end : min(hi, end + 3)]
    return bool(re.match(r"['’]s\b|['’](?=\s)| s\b", nxt))


_DESC_AFTER = re.compile(
    r"\s+(?:state|kingdom|monarchy|emirate|country|nation|republic|giant|superpower|powerhouse|heavyweight|behemoth)\b",
    re.I,
)
_BASED = re.compile(r"\s?-\s?(?:based|headquartered|registered)\b", re.I)
# "SIPRI in Sweden", "the institute in Stockholm": the seat of an organisation is not a subject
_ORGS = "|".join(re.escape(o) for o in G.ORGANISATIONS)
_SEAT = re.compile(
    rf"(?:\b(?:{_ORGS})\)?|\b(?:institute|think[- ]?tank|organi[sz]ation)|\b(?:based|headquartered))\s+(?:in|of)\s+(?:the\s+)?$",
    re.I,
)


def _block(text: str, m: Mention, hi: int) -> Mention:
    """Mark a state word used as a modifier of a non-state noun ('Sweden-based', 'the Swedish firm')."""
    if m.id is None:
        return m
    after = text[m.end : min(hi, m.end + 40)]
    if _BASED.match(after) or _SEAT.search(text, max(0, m.start - 60), m.start):
        return replace(m, blocked=True)
    if m.form in {"demonym", "name", "abbrev", "capital"} and not m.possessive:
        words = re.findall(r"[A-Za-z-]+", after)[:3]
        if words and words[0].lower() in G.NON_STATE_HEADS:
            nxt = words[1].lower() if len(words) > 1 else ""
            if nxt not in METRIC_WORDS:
                return replace(m, blocked=True)
    return m


# --- discourse and anaphora ---------------------------------------------------------------------


@dataclass
class Discourse:
    """What the reader remembers across sentences: how often each state was named, in what order."""

    counts: dict[str, float] = field(default_factory=dict)
    first_seen: dict[str, int] = field(default_factory=dict)
    last_seen: dict[str, int] = field(default_factory=dict)
    prev_subject: str | None = None
    prev_subject_para: int = -1  # the paragraph of the sentence that set prev_subject
    paragraph: int = -1  # the paragraph of the sentence being read
    prev_states: list[str] = field(default_factory=list)
    prev_states_at: tuple[int, int] = (-1, -1)  # (sentence, paragraph) that named prev_states
    sentences: int = 0
    topic_seen: bool = False

    def salient(
        self, among: Iterable[str] | None = None, exclude: Iterable[str] = ()
    ) -> str | None:
        """The most-mentioned state so far (ties: named first), optionally within a class."""
        allowed = set(among) if among is not None else None
        ex = set(exclude)
        cands = [c for c in self.counts if c not in ex and (allowed is None or c in allowed)]
        if not cands:
            return None
        return max(cands, key=lambda c: (self.counts[c], -self.first_seen[c]))

    def recent(self, exclude: Iterable[str] = (), among: Iterable[str] | None = None) -> str | None:
        """The state named most recently (before this sentence), not in `exclude`, optionally
        within a class."""
        ex = set(exclude)
        allowed = set(among) if among is not None else None
        cands = [c for c in self.last_seen if c not in ex and (allowed is None or c in allowed)]
        return max(cands, key=lambda c: self.last_seen[c]) if cands else None

    def update(self, mentions: list[Mention], text: str = "") -> None:
        """Count the states of a finished sentence; its first named state becomes the previous
        subject — unless an epithet names it relative to another ("Arch-rival India was second")."""
        names = [m for m in mentions if m.is_state and m.form not in {"demonym", "company"}]
        for k, m in enumerate(m for m in mentions if m.is_state):
            assert m.id is not None
            weight = (
                1.0 if m.form not in {"demonym", "pronoun", "description", "relative"} else 0.25
            )
            if not self.topic_seen and names and m is names[0]:
                weight += 0.5
            self.counts[m.id] = self.counts.get(m.id, 0.0) + weight
            self.first_seen.setdefault(m.id, self.sentences * 1000 + k)
            self.last_seen[m.id] = self.sentences * 1000 + k
        if names:
            self.topic_seen = True
            self.prev_subject = names[0].id
            relational = bool(
                text and _RELATIONAL.search(text, max(0, names[0].start - 24), names[0].start)
            )
            self.prev_subject_para = -2 if relational else self.paragraph
            self.prev_states = list(dict.fromkeys(m.id for m in names if m.id))
            self.prev_states_at = (self.sentences, self.paragraph)
        self.sentences += 1

    def just_before(self) -> list[str]:
        """The states the sentence just before this one named, when it is in this paragraph (else none)."""
        return self.prev_states if self.prev_states_at == (self.sentences - 1, self.paragraph) else []


_RELATIONAL = re.compile(
    r"\b(?:arch-?rival|arch-?enemy|rival|neighbou?ring|neighbou?r|ally|allied|partner|fellow|nemesis|foe|enemy)\s+$",
    re.I,
)
_PARTICIPLE = re.compile(
    r",\s+(?:making|leaving|giving|turning|which\s+(?:made|makes|left|leaves|turned))\b", re.I
)


_COMPARED_BEFORE = re.compile(
    r"\b(?:after|behind|than|ahead\s+of|only\s+to|trailing|surpassing|overtaking|displacing)\s+(?:the\s+)?$",
    re.I,
)


_SHARE_OF = re.compile(
    r"\s+(?:\w+\s+)?share\s+of\s+(?:the\s+)?(?:(?:total|overall|all)\s+)?(?:the\s+)?", re.I
)


_PREP_WHICH = re.compile(r",?\s*(?:from|to|by|of|with|through)\s+(?:which|whom)\b[^,;]*$", re.I)


def _in_spans(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in spans)


# what may precede a sentence's subject: an introductory phrase closed by a comma ("Meanwhile,",
# "In 2020,", "According to SIPRI,") and a determiner
_INTRO = re.compile(r"\s*(?:[^,;:()—–]{1,40},\s*)?(?:(?:the|and|but|yet)\s+)?", re.I)
# a second clause whose subject comes right after the coordinator: "…, and the country now ranks"
_COORD_BEFORE = re.compile(
    r",\s*(?:and|but|so|yet)\s+(?:(?:now|today|also|still|then|thus|currently|meanwhile)\s+)?$",
    re.I,
)
# an appositive or relative clause opened right after a state: ", Egypt's neighbour to the west,"
# ", which borders Libya," "(Egypt's neighbour)" "— a neighbour of Libya —"
_APPOSITIVE = re.compile(
    # ", which borders Georgia, Iran and Turkey,", ", bordering A and B,": a clause holding a list
    r",\s*(?P<r>(?:which|who|bordering)\s[^,;()—–]*?(?:,\s*[A-Z][\w'’-]*+(?:\s[A-Z][\w'’-]*+)*+)*+,?\s+(?:and|or)\s+[A-Z][^,;()—–]*?),|"
    r",\s*(?P<c>[^,;()—–]*[a-z][^,;()—–]*?),|\s*\((?P<p>[^()]*)\)|\s+[—–]\s*(?P<d>[^—–;]*?)\s*[—–]"
)


def _subject(text: str, start: int, states: list[Mention]) -> Mention | None:
    """The state that is the sentence's grammatical subject, possessive or not ("Turkey's arms
    imports fell …"), if the sentence opens with it; a relational possessive ("Egypt's neighbour
    Algeria") gives the state it introduces."""
    names = [m for m in states if m.form not in {"demonym", "company"}]
    if not names or not _INTRO.fullmatch(text, start, names[0].start):
        return None
    first = names[0]
    if first.possessive and len(names) > 1:
        nxt = names[1]
        if re.fullmatch(
            r"\s+(?:[\w-]+\s+){1,2}", text[first.end : nxt.start]
        ) and _RELATIONAL.search(text, first.end, nxt.start):
            return nxt
    return first


def _appositive_spans(text: str, end: int, states: list[Mention]) -> list[tuple[int, int]]:
    """Spans of appositives and parenthetical relative clauses that follow a non-possessive state
    ("Algeria, Egypt's neighbour to the west, buys …"): a state inside one is not the antecedent
    of a later "its" of the main clause."""
    spans = []
    for h in states:
        if h.possessive or h.form in {"demonym", "company"}:
            continue
        am = _APPOSITIVE.match(text, h.end, end)
        if am is None:
            continue
        body = am.group("r") or am.group("c") or am.group("p") or am.group("d") or ""
        if not re.search(r"\b(?!and\b|or\b)[a-z][\w-]*", body):
            continue  # "Algeria, Egypt, Libya": a list, not an appositive
        spans.append((h.end, am.end()))
    return spans


def resolve(
    text: str,
    start: int,
    end: int,
    names: list[Mention],
    discourse: Discourse,
    clauses: tuple[tuple[int, int], ...] = (),
) -> list[Mention]:
    """Add resolved anaphors to a sentence's names: 'its'/'it' (the state named just before, else the
    previous sentence's subject), 'this/that country' (the state named last before this sentence),
    'the country', 'the Kingdom', 'the Gulf state' (the most salient state of that class so far),
    'which'/'whose' after a state (that state)."""
    taken = [(m.start, m.end) for m in names]
    out = list(names)
    states = [m for m in names if m.is_state]

    def clause_of(pos: int) -> tuple[int, int]:
        for a, b in clauses:
            if a <= pos < b:
                return a, b
        return start, end

    for dm in _DESC_RE.finditer(text, start, end):
        s, e = dm.start(), dm.end()
        if _in_spans(s, taken) or _in_spans(e - 1, taken):
            continue
        head = dm.group("head").lower()
        mods = dm.group("mods").strip().lower()
        if head == "state" and re.search(r"\b(?:s|es)\b", mods):
            continue
        klass = G.DESCRIPTION_HEADS.get(head)
        for mod in (mods, mods.split()[-1] if mods else ""):
            if mod in G.DESCRIPTION_MODIFIERS:
                klass = (
                    G.DESCRIPTION_MODIFIERS[mod]
                    if klass is None
                    else klass & G.DESCRIPTION_MODIFIERS[mod]
                )
                break
        else:
            if mods and not re.fullmatch(
                r"(?:same|whole|entire|former|ex|post|energy-rich|oil-rich|landlocked|small|tiny|large|vast|island|caspian|mountainous|central asian|asian|african|european|gulf|host|\w+-rich|\w+-poor)(?:\s+\w+)?",
                mods,
            ):
                continue  # "the member states", "the largest state" …: not an anaphor
        a, b = clause_of(s)
        local = {
            m.id
            for m in states
            if a <= m.start < b and not (m.end <= s and _PARTICIPLE.search(text, m.end, s))
        }  # "Saudi Arabia bought …, making the kingdom …": a new clause, the same state
        det = dm.group("det").lower()
        subj = _subject(text, start, states)
        if (
            subj is not None
            and subj.id is not None
            and subj.end <= s
            and (klass is None or subj.id in klass)
            and (subj.id not in local or _COORD_BEFORE.search(text, subj.end, s))
        ):
            # "Turkey's arms imports fell, and the country now ranks 12th": the subject of an
            # earlier clause of this sentence, not the previous sentence's subject
            target = subj.id
        elif det in {"this", "that"}:
            target = discourse.recent(exclude=local)
            if target is None:
                target = next(
                    (m.id for m in reversed(states) if m.end <= s and m.id not in local), None
                )
        elif (
            klass is None
            and not mods
            and discourse.prev_subject is not None
            and discourse.prev_subject not in local
            and discourse.prev_subject_para == discourse.paragraph
        ):
            # "The country fell to 11th place": the subject of the sentence before in this
            # paragraph, not the article's most-named state
            target = discourse.prev_subject
        elif klass is not None:
            # "the Gulf kingdom", "the Asian giant": the nearest state before it of that class
            target = next(
                (
                    m.id
                    for m in reversed(states)
                    if m.end <= s and m.id not in local and m.id in klass
                ),
                None,
            ) or discourse.recent(among=klass, exclude=local)
        else:
            target = discourse.salient(among=klass, exclude=local)
            alt = None
        if target is None:
            # "Saudi Arabia bought …, making the kingdom Washington's biggest customer": a state
            # named earlier in this sentence, outside the description's clause
            target = next(
                (
                    m.id
                    for m in reversed(states)
                    if m.end <= s and m.id not in local and (klass is None or m.id in klass)
                ),
                None,
            )
        if target is None:
            continue
        alt = discourse.salient(among=klass, exclude=local | {target})
        out.append(
            Mention(s, e, target, "description", dm.group(0), bool(dm.group("poss")), alt=alt)
        )
        taken.append((s, e))
    # "The country bought 5 % of its arms": a description resolved above is an antecedent too
    states = sorted((m for m in out if m.is_state), key=lambda m: m.start)
    appositives = _appositive_spans(text, end, states)
    for pm in _PRONOUN_RE.finditer(text, start, end):
        s, e = pm.start(), pm.end()
        if _in_spans(s, taken):
            continue
        before = [m for m in states if m.end <= s and m.form not in {"demonym", "company"}] or [
            m for m in states if m.end <= s
        ]
        if pm.group(0).lower() == "it":
            # "India ranked second after Saudi Arabia …, while it was …": a compared state is not
            # the subject a clause's "it" takes up
            before = [
                m
                for m in before
                if not _COMPARED_BEFORE.search(text, max(0, m.start - 24), m.start)
            ] or before
        target = before[-1].id if before else discourse.prev_subject
        alt = (
            next((m.id for m in reversed(before[:-1]) if m.id != target), None) if before else None
        ) or (discourse.prev_subject if discourse.prev_subject != target else None)
        inside = [m for m in before if any(a <= m.start < b <= s for a, b in appositives)]
        main = [m for m in before if m not in inside]
        if inside and main and main[-1].id != inside[-1].id and target == inside[-1].id:
            # "Algeria, Egypt's neighbour to the west, buys … its weapons": Algeria, with Egypt
            # the fallback ("Israel, Azerbaijan's supplier, accounted for 67.7 % of its imports")
            target, alt = main[-1].id, inside[-1].id
        poss = pm.group(0).lower() == "its"
        if poss and before and alt and _NP_IS_STATE.fullmatch(text, before[-1].end, s):
            # apposition "Israel, its main supplier" or copula "Russia was its main supplier": the
            # NP *is* the state just named, so "its" is another state
            target, alt = alt, target
        if (
            poss
            and alt
            and any(
                m.id == target and m.start >= e and _SHARE_OF.fullmatch(text, e, m.start)
                for m in states
            )
        ):
            target, alt = alt, target  # "its share of Indian arms imports": not India's own
        rel = _PREP_WHICH.search(text, max(start, s - 70), s)
        if rel is not None and alt and not re.search(r"[;.]", text[rel.end() : s]):
            head = next((m for m in reversed(states) if 0 <= rel.start() - m.end <= 3), None)
            if head is not None and head.id == target:
                # "Russia, from which it acquired 69 % of its weapons": "it" is not the
                # antecedent of "which" but the other state
                target, alt = alt, target
        if target:
            out.append(Mention(s, e, target, "pronoun", pm.group(0), poss, alt=alt))
    for lm in _LATTER_RE.finditer(text, start, end):
        if _in_spans(lm.start(), taken):
            continue
        here = list(dict.fromkeys(m.id for m in states if m.end <= lm.start() and m.id))
        pair = here[-2:] if len(here) >= 2 else discourse.prev_states
        if len(pair) != 2:
            continue
        target = pair[1] if lm.group("w").lower() == "latter" else pair[0]
        other = pair[0] if target == pair[1] else pair[1]
        out.append(
            Mention(
                lm.start(),
                lm.end(),
                target,
                "description",
                lm.group(0),
                bool(lm.group("poss")),
                alt=other,
            )
        )
    if len(discourse.prev_states) == 2 and not _PERCENT.search(text, start, end):
        # (a share after "they"/"their" is mostly of the two together: "They took 30 % of imports")
        for tm in _THEY_RE.finditer(text, start, end):
            if _in_spans(tm.start(), taken) or any(m.start < tm.start() for m in states):
                continue  # "India and Pakistan … they": the states of this sentence come first
            first, second = discourse.prev_states
            out.append(
                Mention(
                    tm.start(),
                    tm.end(),
                    first,
                    "pronoun",
                    tm.group(0),
                    bool(tm.group("poss")),
                    also=(second,),
                )
            )  # "They were among the top five": one claim per state
    if len(discourse.prev_states) == 2:
        for qm in _PLURAL_RE.finditer(text, start, end):
            if _in_spans(qm.start(), taken):
                continue
            first, second = discourse.prev_states
            out.append(
                Mention(qm.start(), qm.end(), first, "pronoun", qm.group(0), also=(second,))
            )  # "Russia was the principal supplier to both of them": one claim per state
    for rm in _RELATIVE_RE.finditer(text, start, end):
        s = rm.start() + (len(rm.group(0)) - len(rm.group(0).lstrip()))
        before = [m for m in states if m.end <= s and s - m.end <= 3]
        if before and before[-1].id:
            out.append(
                Mention(
                    s,
                    rm.end(),
                    before[-1].id,
                    "relative",
                    rm.group(0).strip(),
                    rm.group(0).strip().lower() == "whose",
                )  # fmt: skip
            )
    out.sort(key=lambda m: m.start)
    return out
