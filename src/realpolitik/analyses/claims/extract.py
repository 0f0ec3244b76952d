"""Deterministic claim extraction: spaCy (blank English) sentences + PhraseMatcher for states + regex cues.

Every claim records which rule fired (``rule``), so a reader can see why a sentence was read as it was.
No model, no network: the same text always gives the same claims.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import Any

from realpolitik.analyses.claims import numbers as N
from realpolitik.analyses.claims.gazetteer import ABBREVIATIONS, canonical, kind_of, name_forms

# --- claim --------------------------------------------------------------------------------------


@dataclass
class Claim:
    """One checkable statement found in the text (verdict and evidence are filled by verify)."""

    text: str
    span: tuple[int, int]
    type: str
    subject: str | None
    object: str | None
    claimed: dict[str, Any]
    period: dict[str, Any] | None
    rule: str = ""
    verdict: str = "unverifiable"
    evidence: dict[str, Any] = field(default_factory=dict)
    sources: list[dict[str, str]] = field(default_factory=list)

    def key(self) -> tuple[str, str | None, str | None]:
        return (self.type, self.subject, self.object)

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "span": list(self.span),
            "type": self.type,
            "subject": self.subject,
            "object": self.object,
            "claimed": self.claimed,
            "period": self.period,
            "verdict": self.verdict,
            "evidence": self.evidence,
            "sources": self.sources,
            "rule": self.rule,
        }


@dataclass
class Mention:
    """A state named in the text: char span, id, surface kind and grammatical marks."""

    start: int
    end: int
    id: str
    kind: str  # name | demonym | capital | pronoun
    possessive: bool = False
    text: str = ""
    alt: str | None = (
        None  # pronouns: the subject of the sentence before, if the in-sentence antecedent fails
    )


# --- cues ---------------------------------------------------------------------------------------

_ARMS = r"(?:arms|weapons?|weaponry|armaments?|munitions|arsenal|military (?:hardware|equipment|kit|imports|purchases|supplies|materiel)|defen[cs]e (?:equipment|imports|purchases|hardware|materiel|goods))"
ARMS_RE = re.compile(rf"\b{_ARMS}\b", re.I)
IMPORT_CUE = re.compile(
    r"\b(?:imports?|imported|importing|purchases|purchased|purchasing|acquisitions|acquired|bought|buys|buying|procurement|procured|arsenal|inventory|inventories|stockpile)\b",
    re.I,
)
EXPORT_CUE = re.compile(r"\b(?:exports?|exported|exporting|sales|sold|sells|selling)\b", re.I)
FROM_DIR = re.compile(
    r"\b(?:come|comes|came|coming|sourced|supplied|provided|delivered|originat\w+|arrived?|arriving)\s+(?:\w+\s+){0,2}(?:from|by|in)\b",
    re.I,
)
TO_DIR = re.compile(
    r"\b(?:went|go|goes|going|sent|shipped|destined|delivered|bound)\s+(?:\w+\s+){0,2}(?:to|for)\b",
    re.I,
)
GLOBAL_RE = re.compile(
    r"\b(?:global(?:ly)?|world(?:wide)?|world['’]s|international(?:ly)?|planet['’]s)\b|\bin the world\b|\bon earth\b",
    re.I,
)
OIL_RE = re.compile(r"\b(?:oil|crude|petroleum)\b", re.I)
PRODUCER_RE = re.compile(r"\b(?:produc\w*|output|extract\w*|pump\w*)\b", re.I)
BORDER_RE = re.compile(r"\b(?:border(?:s|ed|ing)?|frontier|boundary)\b", re.I)
RIVAL_RE = re.compile(
    r"\b(?:rival(?:s|ry|ries)?|arch[- ]?(?:enem(?:y|ies)|rivals?|foes?|nemesis)|archenem(?:y|ies)|adversar(?:y|ies)|foes?|enem(?:y|ies)|enmity|nemesis|feuds?|antagonis\w+)\b",
    re.I,
)
SUPPLIER_NOUN = re.compile(
    r"\b(?:suppliers?|sources?|providers?|exporters?|sellers?|vendors?)\b", re.I
)
RECIPIENT_NOUN = re.compile(
    r"\b(?:recipients?|clients?|customers?|buyers?|importers?|purchasers?|markets?|destinations?)\b",
    re.I,
)
PARTNER_RE = re.compile(
    r"\bexport\s+(?:partners?|markets?|destinations?|customers?|buyers?|outlets?)\b"
    r"|\b(?:partners?|markets?|destinations?|customers?|buyers?|outlets?|recipients?)\s+(?:for|of)\s+(?:(?:the\s+)?[\w'’-]+\s+){0,2}(?:exports|goods|products)\b"
    r"|\b(?:buys|bought|takes|took|receives|received|absorbs|absorbed)\b(?=.*\bexports\b)",
    re.I,
)
EXPORTS_WORD = re.compile(r"\bexports?\b|\bsales abroad\b|\bshipments abroad\b", re.I)

_WEAPON_NOUN = (
    r"(?:(?:loitering\s+munitions?|kamikaze\s+drones?|combat\s+drones?|attack\s+drones?|drones?|UAVs?|unmanned\s+aerial\s+vehicles?"
    r"|(?:(?:air|missile)[- ]defen[cs]e|anti[- ]aircraft|surface[- ]to[- ]air|anti[- ]tank|ballistic|cruise|guided|surface[- ]to[- ]surface)\s+(?:missile\s+)?(?:systems?|missiles?|batteries)"
    r"|missiles?|rockets?|(?:multiple\s+)?rocket\s+launchers?|launchers?|radars?|radar\s+systems?|satellites?|(?:patrol|missile|fast\s+attack)\s+(?:boats?|craft|vessels?)|boats?|ships?|corvettes?|frigates?"
    r"|tanks?|howitzers?|artillery(?:\s+systems?)?|mortars?|armou?red\s+vehicles?|vehicles?|APCs?|helicopters?|aircraft|jets?|fighters?|fighter\s+jets?|trainers?|SAMs?|systems?|guns?))"
)
_DESIG = r"(?:[A-Z][A-Za-z0-9]*(?:[-/][A-Za-z0-9]+)*(?:\s(?:[A-Z0-9][A-Za-z0-9]*(?:[-/][A-Za-z0-9]+)*))?|\d+[A-Z][A-Za-z0-9-]*)"
DEAL_RE = re.compile(rf"(?P<desig>{_DESIG})\s+(?P<noun>{_WEAPON_NOUN})\b")
DEAL_VERB_SUPPLY = re.compile(
    r"\b(?:deliver(?:ed|s|ing)?|suppl(?:ied|ies|y|ying)|sold|sells?|selling|transferred|provid(?:ed|es|ing)|shipped|exported|gave|handed over)\b",
    re.I,
)
DEAL_VERB_ACQUIRE = re.compile(
    r"\b(?:bought|buys?|buying|purchased?|purchasing|acquired?|acquiring|received?|receiving|ordered|took delivery of|taken delivery of|fielded|field|operat(?:es|ed)|deployed|used|imported|obtained)\b",
    re.I,
)
_NOT_DESIG = {
    "The", "This", "That", "These", "Those", "Its", "Their", "His", "Her", "Our", "A", "An", "In", "On",
    "At", "By", "For", "From", "With", "Some", "Many", "Most", "More", "Such", "Other", "Several", "New",
    "Modern", "Advanced", "Armed", "Attack", "Combat", "Military", "Unmanned", "Israeli", "Azerbaijani",
    "Russian", "Turkish", "Iranian", "American", "Chinese", "French", "Made", "Built", "Long", "Short",
    "Medium", "Heavy", "Light", "Air", "Naval", "Anti", "Surface", "Guided", "Ballistic", "Cruise",
    "Kamikaze", "Loitering", "Patrol", "Missile", "Fast", "And", "Or", "But", "Also", "Both", "Two",
    "Three", "Four", "Five", "Six", "Ten", "Dozens", "Hundreds", "Which", "Whose", "When", "Where", "Baku",
}  # fmt: skip

# a sentence about the present does not inherit a past period from its paragraph
PRESENT_RE = re.compile(
    r"\b(?:is|are|remains?|has become|have become|now|today|currently|lately|recently|nowadays|these days|at present|still)\b",
    re.I,
)
PRONOUN_RE = re.compile(
    r"\b(?:its|the\s+(?:[\w-]+\s+)?(?:country|nation|state|republic|government)(?:['’]s)?|(?<![\w'’])it(?=\s+(?:is|was|has|had|ranks|ranked|remains|remained|became|supplies|supplied|provides|provided|buys|bought|accounted|accounts|shares|shared|took|takes|receives|received|sells|sold|imports|imported|exports|exported)\b))\b",
    re.I,
)

# --- spaCy pipeline ------------------------------------------------------------------------------


@cache
def _nlp() -> Any:
    """Blank English pipeline with a sentencizer and two PhraseMatchers (case-insensitive names, exact abbreviations)."""
    import spacy
    from spacy.matcher import PhraseMatcher

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    lower = PhraseMatcher(nlp.vocab, attr="LOWER")
    exact = PhraseMatcher(nlp.vocab, attr="ORTH")
    forms = name_forms()
    ids: dict[str, str] = {}
    for form, code in forms.items():
        key = f"C{len(ids)}"
        ids[key] = code
        lower.add(key, [nlp.make_doc(form)])
    for form, code in ABBREVIATIONS.items():
        key = f"C{len(ids)}"
        ids[key] = code
        exact.add(key, [nlp.make_doc(form)])
    return nlp, lower, exact, ids


def warm() -> None:
    """Build the pipeline now (the first call pays for it)."""
    _nlp()


def find_mentions(doc: Any, offset: int) -> list[Mention]:
    """States named in a spaCy Doc, longest match first, with possessive marks."""
    nlp, lower, exact, ids = _nlp()
    raw = [(s, e, k) for k, s, e in lower(doc)] + [(s, e, k) for k, s, e in exact(doc)]
    raw.sort(key=lambda t: (t[0], -(t[1] - t[0])))
    out: list[Mention] = []
    last_end = -1
    for s, e, k in raw:
        if s < last_end:
            continue
        span = doc[s:e]
        txt = span.text
        first_alpha = next((ch for ch in txt if ch.isalpha()), "")
        if not first_alpha.isupper() and not txt.lower().startswith("the "):
            continue
        code = nlp.vocab.strings[k] if isinstance(k, int) else k
        cid = ids.get(code)
        if not cid:
            continue
        poss = e < len(doc) and doc[e].text in {"'s", "’s", "'", "’"}
        start = span.start_char + offset
        end = span.end_char + offset
        form = txt if not txt.lower().startswith("the ") else txt
        out.append(Mention(start, end, canonical(cid), kind_of(form), poss, txt))
        last_end = e
    return out


# --- roles --------------------------------------------------------------------------------------


def _before(text: str, pos: int, n: int = 30) -> str:
    return text[max(0, pos - n) : pos]


def _prep_before(text: str, m: Mention, words: tuple[str, ...]) -> bool:
    b = _before(text, m.start, 16).lower()
    return bool(re.search(r"\b(?:" + "|".join(words) + r")\s+(?:the\s+)?$", b))


def attached(
    text: str, mentions: list[Mention], cue: re.Match[str], after_chars: int = 40
) -> Mention | None:
    """The state that owns a cue noun: 'Azerbaijan's arms', 'Azerbaijani weapons', 'its imports', 'arms … to Azerbaijan'."""
    best: Mention | None = None
    for m in mentions:
        if m.end <= cue.start() and cue.start() - m.end <= 32:
            between = text[m.end : cue.start()]
            if (
                m.possessive or m.kind in {"demonym", "pronoun"} or re.fullmatch(r"[\s-]*", between)
            ) and not re.search(
                r"[,;:]|\b(?:and|from|to|by|with|than|as|is|was|of|in)\b",
                between[2:] if m.possessive else between,
            ):
                best = m
    if best:
        return best
    for m in mentions:
        if m.start >= cue.end() and m.start - cue.end() <= after_chars:
            between = text[cue.end() : m.start]
            if (
                re.search(r"\b(?:of|by|to|for|into|in)\s+(?:the\s+)?$", between)
                and not re.search(r"\b(?:from)\b|[;]", between)
                and not any(cue.end() <= o.start < m.start for o in mentions)
            ):
                return m
    return None


def _agent(clause: str, loc: list[Mention], verb: re.Pattern[str]) -> Mention | None:
    """The state right before a verb: 'Azerbaijan imported', 'Israel has sold', 'Baku quietly bought'."""
    for m in loc:
        if m.kind == "demonym":
            continue
        rest = clause[m.end :]
        mm = re.match(r"\s+(?:(?:has|have|had|is|was|were)\s+)?(?:\w+ly\s+)?", rest)
        if mm and verb.match(rest, mm.end()):
            return m
    return None


SUPPLY_VERB = re.compile(
    r"\b(?:suppl(?:ied|ies|y)|provid(?:ed|es)|accounts?(?:ed)? for|made up|makes up|sold|sells|delivered|delivers|shipped|ships)\b",
    re.I,
)


RECEIVE_VERB = re.compile(
    r"\b(?:tak(?:es|ing|en)|took|absorb(?:s|ed|ing)?|buy(?:s|ing)?|bought|receiv(?:es|ed|ing)|purchas(?:es|ed|ing))\b",
    re.I,
)
PART_VERB = re.compile(
    r"\b(?:accounts?(?:ed)? for|accounting for|made up|makes up|making up|represent(?:s|ed|ing)?)\b",
    re.I,
)


def _retarget_pronoun(
    clause: str, loc: list[Mention], owner: Mention | None, denominator: str = "imports"
) -> Mention | None:
    """'Israel … supplied 68% of its imports', 'Turkey … taking 16% of its exports': 'its' is not the subject itself.

    A state cannot supply (or account for) a share of its own imports, nor take a share of its own exports,
    so a pronoun that would point to the clause's subject is moved to the other state named before it
    (else to the subject of the sentence before).
    """
    if owner is None or owner.kind != "pronoun":
        return owner
    verbs = (SUPPLY_VERB, PART_VERB) if denominator == "imports" else (RECEIVE_VERB, PART_VERB)
    if not any(v.search(clause[: owner.start]) for v in verbs):
        return owner
    subject = next((m for m in loc if m.kind != "pronoun"), None)
    if subject is None or subject.id != owner.id:
        return owner
    other = next(
        (m for m in loc if m.kind != "pronoun" and m.id != owner.id and m.start < owner.start), None
    )
    new_id = other.id if other else owner.alt
    if not new_id:
        return owner
    return Mention(owner.start, owner.end, new_id, "pronoun", owner.possessive, owner.text)


def _share_np_owner(clause: str, loc: list[Mention], share_end: int) -> tuple[Mention | None, str]:
    """The state owning the total in '<share> of [the|all] X's/Xi … imports', with that noun phrase's text."""
    m = re.match(r"\s+of\s+(?:(?:the|all|total|all\s+the)\s+)?", clause[share_end:])
    if not m:
        return None, ""
    start = share_end + m.end()
    for mm in loc:
        if start <= mm.start <= start + 12 and (mm.possessive or mm.kind in {"demonym", "pronoun"}):
            np = re.match(r"[^,;.]{0,60}", clause[mm.start :])
            return mm, np.group(0) if np else ""
    return None, ""


def _distinct(mentions: list[Mention]) -> list[Mention]:
    seen: set[str] = set()
    out = []
    for m in mentions:
        if m.id not in seen:
            seen.add(m.id)
            out.append(m)
    return out


def _other(mentions: list[Mention], owner: Mention | None, text: str) -> Mention | None:
    """The first state that is not the owner, skipping states compared against ('overtook Russia', 'than Russia')."""
    cands = [m for m in mentions if owner is None or m.id != owner.id]
    for m in cands:
        if not re.search(
            r"\b(?:overtook|overtaking|surpassed|surpassing|than|behind|ahead of|after|replaced|replacing|outpaced|displaced|displacing)\s+(?:\w+\s+)?$",
            _before(text, m.start, 30),
            re.I,
        ):
            return m
    return cands[0] if cands else None


# --- periods ------------------------------------------------------------------------------------


def _period(
    clause: str,
    sent_text: str,
    para_years: list[dict[str, Any]],
    today: date,
    skip: tuple[int, int] | None = None,
) -> dict[str, Any] | None:
    """Explicit period in the clause/sentence, else a bare year in the sentence, else in the paragraph before."""
    for src in (clause, sent_text):
        specs = [
            p
            for p in N.find_periods(src, today)
            if not (skip and src is clause and p.span[0] >= skip[0] and p.span[1] <= skip[1])
        ]
        if specs:
            p = specs[0]
            d = p.to_dict()
            d["source"] = "explicit"
            return d
    years = [y for y, _, _ in N.find_years(sent_text)]
    if years:
        return {
            "start": years[-1],
            "end": years[-1],
            "kind": "year",
            "text": str(years[-1]),
            "source": "sentence",
        }
    if para_years and not PRESENT_RE.search(sent_text):
        return {**para_years[-1], "source": "paragraph"}
    return None


# --- rules --------------------------------------------------------------------------------------


def _nearest(items: list[Any], pos: int) -> Any:
    return min(items, key=lambda x: abs(x.start - pos)) if items else None


def _share_claims(
    clause: str, off: int, ms: list[Mention]
) -> list[tuple[str, Mention | None, Mention | None, dict[str, Any], str]]:
    """Share claims in one clause: arms import/export/global shares, oil import shares, export-partner shares."""
    out = []
    shares = N.find_shares(clause)
    shares = [
        s
        for s in shares
        if not re.search(
            r"\b(?:first|second|latter|later|early|earlier)\s+$",
            clause[max(0, s.start - 12) : s.start],
            re.I,
        )
    ]
    if not shares:
        return out
    sh = shares[0]
    claimed = sh.to_dict()
    claimed["decimals"] = sh.decimals
    arms = list(ARMS_RE.finditer(clause))
    oil = list(OIL_RE.finditer(clause))
    loc = [
        Mention(m.start - off, m.end - off, m.id, m.kind, m.possessive, m.text, m.alt) for m in ms
    ]
    if arms:
        glob = GLOBAL_RE.search(clause)
        cue = min(arms, key=lambda c: abs(c.start() - sh.end))
        window = clause[cue.start() : cue.end() + 40]
        pre = clause[max(0, cue.start() - 25) : cue.start()]
        bilateral = len(_distinct(loc)) > 1 and (
            _share_np_owner(clause, loc, sh.end)[0] or attached(clause, loc, cue)
        )
        if (
            glob
            and not bilateral
            and (len(_distinct(loc)) == 1 or abs(glob.start() - cue.start()) < 30)
        ):
            kind = (
                "importers"
                if IMPORT_CUE.search(window + " " + pre)
                and not EXPORT_CUE.search(window + " " + pre)
                else "exporters"
            )
            if re.search(r"\b(?:importer|buyer|recipient|purchaser)s?\b", clause, re.I):
                kind = "importers"
            subj = next((m for m in loc if not GLOBAL_RE.search(m.text)), None)
            if subj:
                claimed["kind"] = kind
                out.append(("arms_global_share", subj, None, claimed, "share+arms+global"))
            return out
        # the noun phrase right after "<share> of" names whose total it is: "60% of Baku's imports"
        np_owner, np_text = _share_np_owner(clause, loc, sh.end)
        if np_owner is None and re.match(
            r"\s+of\s+(?:all\s+)?(?:its|their)\b", clause[sh.end :], re.I
        ):
            return out  # "36% of its imports" with nothing for "its" to point to: no guess
        owner = np_owner or attached(clause, loc, cue)
        owner = _retarget_pronoun(
            clause,
            loc,
            owner,
            "exports"
            if EXPORT_CUE.search(np_text or clause[cue.start() : cue.end() + 20])
            else "imports",
        )
        ctx = (
            np_text
            if np_owner and (IMPORT_CUE.search(np_text) or EXPORT_CUE.search(np_text))
            else clause[max(0, cue.start() - 25) : min(len(clause), cue.end() + 25)]
        )
        if EXPORT_CUE.search(ctx) and not IMPORT_CUE.search(ctx):
            direction = "export"
        elif IMPORT_CUE.search(ctx) or FROM_DIR.search(clause):
            direction = "import"
        elif TO_DIR.search(clause):
            direction = "export"
        else:
            direction = "import"
        if owner is None:
            # the agent of an import/export verb owns the total: 'the weapons Azerbaijan imported', 'arms Israel sold'
            owner = _agent(clause, loc, IMPORT_CUE if direction == "import" else EXPORT_CUE)
        if owner is None:
            # prepositions decide: 'from X' is the supplier, 'to X' the recipient
            frm = next((m for m in loc if _prep_before(clause, m, ("from",))), None)
            to = next((m for m in loc if _prep_before(clause, m, ("to", "for"))), None)
            if direction == "import":
                owner = to or next((m for m in loc if frm is None or m.id != frm.id), None)
            else:
                owner = frm or next((m for m in loc if to is None or m.id != to.id), None)
        other = _other(loc, owner, clause)
        if other is None and owner is not None and owner.kind == "pronoun" and owner.alt:
            owner = Mention(
                owner.start, owner.end, owner.alt, "pronoun", owner.possessive, owner.text
            )
            other = _other(loc, owner, clause)
        if owner is None or other is None:
            return out
        if direction == "import":
            out.append(
                (
                    "arms_import_share",
                    owner,
                    other,
                    claimed,
                    f"share+arms+{'import' if IMPORT_CUE.search(ctx) else 'owner'}",
                )
            )
        else:
            out.append(("arms_export_share", owner, other, claimed, "share+arms+export"))
        return out
    if oil:
        # 'Israel's oil', 'its crude imports', 'oil imported by Israel' name the importer;
        # a demonym on the oil ('Azeri oil') names its origin
        cues = oil + list(
            re.finditer(
                r"\b(?:imports?|exports?|needs|supply|supplies|consumption|purchases)\b",
                clause,
                re.I,
            )
        )
        owners = [attached(clause, [m for m in loc if m.kind != "demonym"], c) for c in cues]
        owner = next((o for o in owners if o is not None), None)
        if owner is None:
            agent = _agent(
                clause,
                loc,
                re.compile(
                    r"(?:imports?|imported|buys|bought|purchased?|gets|got|receives?|received|sources|sourced|relies|depends)\b",
                    re.I,
                ),
            )
            owner = agent
        origin = next(
            (m for m in loc if m.kind == "demonym" and owner is not None and m.id != owner.id), None
        )
        frm = next((m for m in loc if _prep_before(clause, m, ("from",))), None)
        if owner is None and frm is not None:
            owner = next((m for m in loc if m.id != frm.id and m.kind != "demonym"), None)
        other = origin or frm or _other(loc, owner, clause)
        exp = re.search(
            r"\b(?:exports?|exported|sales|shipments)\b", clause, re.I
        ) and not re.search(r"\bimports?\b", clause, re.I)
        if owner and other and owner.id != other.id:
            if exp:
                out.append(("oil_export_share", owner, other, claimed, "share+oil+exports"))
            else:
                out.append(("oil_import_share", owner, other, claimed, "share+oil"))
        return out
    exp_words = list(EXPORTS_WORD.finditer(clause))
    if exp_words and not re.search(
        r"\b(?:imports?|gdp|budget|revenues?|population|trade)\b", clause, re.I
    ):
        cue = min(exp_words, key=lambda c: abs(c.start() - sh.end))
        owner = _retarget_pronoun(
            clause,
            loc,
            _share_np_owner(clause, loc, sh.end)[0] or attached(clause, loc, cue),
            "exports",
        )
        other = _other(loc, owner, clause)
        if owner and other:
            out.append(("export_partner_share", owner, other, claimed, "share+exports"))
    return out


def _rank_claims(
    clause: str, off: int, ms: list[Mention]
) -> list[tuple[str, Mention | None, Mention | None, dict[str, Any], str]]:
    """Rank claims in one clause: top supplier/recipient, global arms rank, oil producer rank, export partner rank."""
    out = []
    ranks = N.find_ranks(clause)
    if not ranks:
        return out
    loc = [
        Mention(m.start - off, m.end - off, m.id, m.kind, m.possessive, m.text, m.alt) for m in ms
    ]
    dist = _distinct(loc)
    arms = ARMS_RE.search(clause)
    oil = OIL_RE.search(clause)
    if oil and PRODUCER_RE.search(clause):
        rk = _nearest(ranks, PRODUCER_RE.search(clause).start())
        if dist:
            subj = next((m for m in loc if m.kind != "demonym"), loc[0])
            out.append(("oil_producer_rank", subj, None, rk.to_dict(), "rank+oil+producer"))
        return out
    if (
        oil
        and SUPPLIER_NOUN.search(clause)
        and len(dist) >= 2
        and not RECIPIENT_NOUN.search(clause)
    ):
        # "Libya was Italy's second-biggest source of crude": the importer owns the ranking
        cue = SUPPLIER_NOUN.search(clause)
        rk = _nearest(ranks, cue.start())
        owner = attached(clause, [m for m in loc if m.kind != "demonym"], cue) or attached(
            clause, [m for m in loc if m.kind != "demonym"], OIL_RE.search(clause)
        )
        other = _other(loc, owner, clause)
        if owner and other:
            out.append(("oil_source_rank", owner, other, rk.to_dict(), "rank+oil+source"))
        return out
    if oil and RECIPIENT_NOUN.search(clause) and len(dist) >= 2:
        cue = RECIPIENT_NOUN.search(clause)
        rk = _nearest(ranks, cue.start())
        owner = attached(clause, loc, OIL_RE.search(clause)) or attached(clause, loc, cue)
        other = _other(loc, owner, clause)
        if owner and other:
            out.append(("oil_buyer_rank", owner, other, rk.to_dict(), "rank+oil+buyer"))
        return out
    sup = SUPPLIER_NOUN.search(clause)
    rec = RECIPIENT_NOUN.search(clause)
    if arms or (sup and re.search(r"\b(?:arms|weapons)\b", clause, re.I)):
        noun = sup or rec
        if noun is None:
            return out
        rk = _nearest(ranks, noun.start())
        glob = GLOBAL_RE.search(clause)
        owner = attached(clause, loc, noun) or (attached(clause, loc, arms) if arms else None)
        if glob or len(dist) == 1 or owner is None:
            if not dist:
                return out
            importer = bool(
                re.search(
                    r"\b(?:importers?|buyers?|recipients?|purchasers?|customers?)\b", clause, re.I
                )
            )
            claimed = rk.to_dict()
            claimed["kind"] = "importers" if importer else "exporters"
            subj = next((m for m in loc if m.kind != "demonym"), loc[0])
            out.append(("arms_global_rank", subj, None, claimed, "rank+arms+global"))
            return out
        other = _other(loc, owner, clause)
        if other is None:
            return out
        if sup and (rec is None or sup.start() <= rec.start()):
            out.append(("arms_top_supplier", owner, other, rk.to_dict(), "rank+arms+supplier"))
        else:
            out.append(("arms_top_recipient", owner, other, rk.to_dict(), "rank+arms+recipient"))
        return out
    part = PARTNER_RE.search(clause)
    if part and len(dist) >= 2 and not re.search(r"\bimport", clause, re.I):
        rk = _nearest(ranks, part.start())
        ex = EXPORTS_WORD.search(clause)
        inside = next(
            (
                m
                for m in loc
                if part.start() <= m.start < part.end()
                and (m.possessive or m.kind in {"demonym", "pronoun"})
            ),
            None,
        )
        owner = inside or (attached(clause, loc, ex) if ex else None) or attached(clause, loc, part)
        other = _other(loc, owner, clause)
        if owner and other:
            out.append(("export_partner_rank", owner, other, rk.to_dict(), "rank+export-partner"))
    return out


def _explicit_rank(clause: str) -> bool:
    """A rank written as a superlative or ordinal next to a partner noun (not just 'main' in passing)."""
    return bool(
        re.search(
            r"\b(?:\d{1,3}(?:st|nd|rd|th)|first|second|third|fourth|fifth|largest|biggest|top|leading)\b[\w\s-]{0,25}\b(?:suppliers?|exporters?|importers?|recipients?|customers?|buyers?|clients?|producers?|partners?|markets?|destinations?|sources?)\b",
            clause,
            re.I,
        )
    )


def _border_claims(
    clause: str, off: int, ms: list[Mention]
) -> list[tuple[str, Mention | None, Mention | None, dict[str, Any], str]]:
    bm = BORDER_RE.search(clause)
    lengths = N.find_lengths(clause)
    dist = _distinct(ms)
    if not bm or not lengths or len(dist) < 2:
        return []
    ln = _nearest(lengths, bm.start())
    return [("border_length", dist[0], dist[1], ln.to_dict(), "length+border")]


def _rivalry_claims(
    clause: str, off: int, ms: list[Mention]
) -> list[tuple[str, Mention | None, Mention | None, dict[str, Any], str]]:
    rm = RIVAL_RE.search(clause)
    dist = _distinct(ms)
    if not rm or len(dist) < 2:
        return []
    since = re.search(
        r"\b(?:since|dat(?:es|ed|ing)\s+(?:back\s+)?(?:to|from)|(?:began|begun|started|emerged|erupted)\s+in|from|goes\s+back\s+to|going\s+back\s+to)\s+(?:the\s+)?((?:19|20)\d\d)\b",
        clause,
        re.I,
    )
    claimed: dict[str, Any] = {"since": int(since.group(1)) if since else None}
    if since:
        claimed["text"] = since.group(0)
    return [("rivalry", dist[0], dist[1], claimed, "rivalry-cue")]


def _deal_claims(
    clause: str, off: int, ms: list[Mention]
) -> list[tuple[str, Mention | None, Mention | None, dict[str, Any], str]]:
    out = []
    loc = [
        Mention(m.start - off, m.end - off, m.id, m.kind, m.possessive, m.text, m.alt) for m in ms
    ]
    dist = _distinct(loc)
    if len(dist) < 2:
        return out
    sup_v = DEAL_VERB_SUPPLY.search(clause)
    acq_v = DEAL_VERB_ACQUIRE.search(clause)
    if not (
        sup_v or acq_v or re.search(r"-(?:made|built|supplied|designed|manufactured)\b", clause)
    ):
        return out
    for dm in DEAL_RE.finditer(clause):
        desig = dm.group("desig").strip()
        parts = desig.split()
        first_overlaps = any(m.start <= dm.start() < m.end for m in loc)
        if (
            parts[0] in _NOT_DESIG
            or first_overlaps
            or re.search(r"-(?:made|built|supplied|designed|manufactured)$", parts[0])
        ):
            if len(parts) == 2 and parts[1] not in _NOT_DESIG:
                desig = parts[1]
            else:
                continue
        if any(m.start <= dm.start() + dm.group(0).find(desig) < m.end for m in loc):
            continue
        if not re.search(r"[A-Z]", desig) or len(desig) < 2:
            continue
        if desig.lower() in name_forms_lower():
            continue
        dstart = dm.start() + dm.group(0).find(desig)
        supplier = next((m for m in loc if _prep_before(clause, m, ("from",))), None)
        recipient = next((m for m in loc if _prep_before(clause, m, ("to",))), None)
        if supplier is None:
            made = next(
                (
                    m
                    for m in loc
                    if m.end <= dstart
                    and re.fullmatch(
                        r"[\s-]*(?:made|built|supplied|designed|manufactured)?[\s-]*",
                        clause[m.end : dstart],
                    )
                    and m.kind == "demonym"
                ),
                None,
            )
            supplier = made
        first_m = next((m for m in loc if m.kind != "demonym"), loc[0])
        if supplier is None and recipient is not None:
            supplier = next((m for m in loc if m.id != recipient.id), None)
        if recipient is None and supplier is not None:
            recipient = next(
                (m for m in loc if m.id != supplier.id and m.kind != "demonym"), None
            ) or next((m for m in loc if m.id != supplier.id), None)
        if supplier is None and recipient is None:
            if sup_v and (acq_v is None or sup_v.start() < acq_v.start()):
                supplier = first_m
                recipient = next((m for m in loc if m.id != supplier.id), None)
            else:
                recipient = first_m
                supplier = next((m for m in loc if m.id != recipient.id), None)
        if supplier and recipient and supplier.id != recipient.id:
            out.append(
                (
                    "arms_deal",
                    supplier,
                    recipient,
                    {
                        "designation": desig,
                        "description": dm.group("noun"),
                        "text": dm.group(0),
                        "verb": (sup_v or acq_v).group(0).lower() if (sup_v or acq_v) else None,
                    },
                    "designation+weapon-noun",
                )
            )
    return out


@cache
def name_forms_lower() -> frozenset[str]:
    return frozenset(k.lower() for k in name_forms())


# --- driver -------------------------------------------------------------------------------------

_CLAUSE_SPLIT = re.compile(
    r";|:\s+(?=[A-Z])|\s+(?:while|whereas)\s+|,\s+(?:and|but)\s+(?=\S)|\s+—\s+|\s+--\s+"
)
_PARA_SPLIT = re.compile(r"\n\s*\n+")
_QUICK = re.compile(
    r"\d|%|per ?cent|half|third|quarter|fifth|tenth|most|majority|bulk|largest|biggest|top|leading|main|rival|enem|adversar|foe|feud|border|frontier|\b[A-Z][a-z]*[-\s]?\d|deliver|suppl|sold|sell|bought|buy|purchas|acquir|receiv|order|operat|field|deploy|transferr|provid|ship|made|built",
    re.I,
)


MAX_CHUNK = 50_000


def _chunks(off: int, para: str) -> list[tuple[int, str]]:
    """Split an over-long paragraph (spaCy's limit is 1M chars) at line or sentence ends, keeping offsets."""
    out = []
    while len(para) > MAX_CHUNK:
        cut = max(para.rfind("\n", 0, MAX_CHUNK), para.rfind(". ", 0, MAX_CHUNK) + 1)
        if cut <= 0:
            cut = MAX_CHUNK
        out.append((off, para[:cut]))
        off, para = off + cut, para[cut:]
    out.append((off, para))
    return out


def _clauses(sent: str) -> list[tuple[int, int]]:
    spans = []
    pos = 0
    for m in _CLAUSE_SPLIT.finditer(sent):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(sent)))
    return [(a, b) for a, b in spans if sent[a:b].strip()]


def _resolve_pronouns(
    sent: str, off: int, ms: list[Mention], prev_subject: str | None
) -> list[Mention]:
    """Add mentions for 'its', 'the country', 'it' pointing to the subject named just before."""
    out = list(ms)
    for pm in PRONOUN_RE.finditer(sent):
        s, e = pm.start() + off, pm.end() + off
        if any(m.start <= s < m.end for m in ms):
            continue
        before = [m for m in ms if m.end <= s and m.kind != "demonym"] or [
            m for m in ms if m.end <= s
        ]
        target = before[0].id if before else prev_subject
        if target:
            poss = pm.group(0).lower() == "its" or pm.group(0).endswith(("'s", "’s"))
            alt = prev_subject if prev_subject and prev_subject != target else None
            out.append(Mention(s, e, target, "pronoun", poss, pm.group(0), alt))
    out.sort(key=lambda m: m.start)
    return out


def extract(text: str, today: date | None = None) -> list[Claim]:
    """All checkable claims in a text, in reading order (deterministic; no data access)."""
    today = today or date.today()
    if not text or not text.strip():
        return []
    nlp = _nlp()[0]
    claims: list[Claim] = []
    prev_subject: str | None = None
    pos = 0
    paras: list[tuple[int, str]] = []
    for m in _PARA_SPLIT.finditer(text):
        paras.append((pos, text[pos : m.start()]))
        pos = m.end()
    paras.append((pos, text[pos:]))
    paras = [piece for off, para in paras for piece in _chunks(off, para)]
    for p_off, para in paras:
        if not para.strip():
            continue
        doc = nlp(para)
        para_mentions = find_mentions(doc, p_off)
        para_years: list[dict[str, Any]] = []
        for sent in doc.sents:
            s_text = sent.text
            s_off = p_off + sent.start_char
            s_end = s_off + len(s_text)
            mentions = [m for m in para_mentions if s_off <= m.start < s_end]
            if _QUICK.search(s_text) and (mentions or prev_subject):
                ms = _resolve_pronouns(s_text, s_off, mentions, prev_subject)
                claims.extend(_sentence_claims(text, s_text, s_off, ms, para_years, today))
            names = [m for m in mentions if m.kind != "demonym"] or mentions
            if names:
                prev_subject = names[0].id
            para_years.extend(
                p.to_dict()
                for p in N.find_periods(s_text, today)
                if p.kind not in {"since", "past"}
            )
    return claims


def _sentence_claims(
    text: str,
    s_text: str,
    s_off: int,
    ms: list[Mention],
    para_years: list[dict[str, Any]],
    today: date,
) -> list[Claim]:
    out: list[Claim] = []
    last_by_type: dict[str, tuple[Mention | None, Mention | None]] = {}
    for a, b in _clauses(s_text):
        clause = s_text[a:b]
        c_off = s_off + a
        cms = [m for m in ms if c_off <= m.start < s_off + b]
        found: list[tuple[str, Mention | None, Mention | None, dict[str, Any], str]] = []
        found += _share_claims(clause, c_off, cms)
        ranks = _rank_claims(clause, c_off, cms)
        if not found or (
            ranks
            and ranks[0][0]
            in {
                "arms_global_rank",
                "arms_top_supplier",
                "arms_top_recipient",
                "oil_producer_rank",
                "export_partner_rank",
                "oil_buyer_rank",
            }
            and _explicit_rank(clause)
        ):
            found += ranks
        found += _border_claims(clause, c_off, cms)
        if not found:
            found += _rivalry_claims(clause, c_off, cms)
        if not found:
            found += _deal_claims(clause, c_off, cms)
        if not found and N.find_shares(clause) and len(cms) == 1 and a > 0:
            # elliptical second clause: "…, while Israel takes 5%" reuses the first clause's frame
            for typ, (own, _oth) in last_by_type.items():
                if typ.endswith("_share") and own is not None and own.id != cms[0].id:
                    sh = N.find_shares(clause)[0]
                    claimed = sh.to_dict()
                    claimed["decimals"] = sh.decimals
                    found.append((typ, own, cms[0], claimed, "ellipsis"))
                    break
        for typ, subj, obj, claimed, rule in found:
            if subj is None:
                continue
            skip = None
            t0, t1 = claimed.get("text", ""), None
            if t0 and t0 in clause:
                i = clause.find(t0)
                t1 = (i, i + len(t0))
                skip = t1
            if typ == "rivalry":
                period = None
            elif typ in {"arms_deal", "border_length"}:
                period = _period(clause, s_text, [], today, skip)
                if period and period["source"] != "explicit":
                    period = None
            else:
                period = _period(clause, s_text, para_years, today, skip)
            lead = len(clause) - len(clause.lstrip())
            trail = len(clause.rstrip())
            span = (c_off + lead, c_off + trail)
            out.append(
                Claim(
                    text=text[span[0] : span[1]],
                    span=span,
                    type=typ,
                    subject=subj.id,
                    object=obj.id if obj else None,
                    claimed=claimed,
                    period=period,
                    rule=rule,
                )
            )
            last_by_type[typ] = (subj, obj)
    return out
