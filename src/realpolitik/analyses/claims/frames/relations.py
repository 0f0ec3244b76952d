"""Relations between two states: border lengths and contiguity, rivalries, named arms transfers."""

from __future__ import annotations

import re
from typing import Any

from realpolitik.analyses.claims import lexicon as L
from realpolitik.analyses.claims import numbers as N
from realpolitik.analyses.claims.frames.base import Context, Frame, View
from realpolitik.analyses.claims.frames.makers import maker
from realpolitik.analyses.claims.frames.owners import _owner_near_noun
from realpolitik.analyses.claims.frames.spans import (
    _ITEM_SEP,
    _PREP_BEFORE,
    _coordination,
    _coordination_before,
    _is_baseline,
    _state_at,
    appositions,
)
from realpolitik.analyses.claims.mentions import Mention


def read_borders(v: View) -> list[Frame]:
    """'Azerbaijan shares a 689 km border with Iran' (border_length); 'Armenia borders Turkey and Iran'
    (shared_border, COW contiguity), 'A, B and C all share borders with one another' (each pair),
    'the two neighbours share a border' (the two states the plural anaphor stands for)."""
    out: list[Frame] = []
    named = _named_states(v)
    for a, b in v.clauses:
        states = [m for m in named if a <= m.start < b and m.form not in {"demonym", "company"}]
        if len(states) < 2:
            continue
        mutual = L.BORDER_MUTUAL_RE.search(v.text, a, b)
        if mutual and not L.BORDER_NOUN_RE.search(v.text, mutual.end(), b):
            # "A, B and C all share borders with one another": one shared border per pair named
            ids = list(dict.fromkeys(m.id for m in states if m.end <= mutual.start()))
            for i, x in enumerate(ids):
                for y in ids[i + 1 :]:
                    out.append(_border(x, y, (a, b), "border+mutual"))
            continue
        lengths = [x for x in v.lengths if a <= x.start < b]
        bn = L.BORDER_NOUN_RE.search(v.text, a, b)
        if lengths and bn:
            ln = min(lengths, key=lambda x: abs(x.start - bn.start()))
            first = states[0]
            # the other state is the one the border noun leads to ("a 689 km border with Iran"),
            # not one named in a relative clause in between ("Pakistan, which buys from China, …")
            after = [m for m in states if m.start >= bn.end() and m.id != first.id]
            other = after[0] if after else next((m for m in states if m.id != first.id), None)
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
        # "shares no border with", "does not border": a negated claim (holds when there is none)
        negated = bool(
            re.search(r"\bno\b|\bnot\b|n['’]t\b|\bnever\b", v.s(subj[-1].end, bv.end()), re.I)
        )
        if not objs and re.match(r"\s+with\s+it\b", v.text[bv.end() : b], re.I):
            # "… shares no border with it": the other state named before in the sentence
            it = next(
                (m for m in reversed(states) if m.id != subj[-1].id and m.end <= bv.start()), None
            )
            objs = [it] if it is not None else []
        if len(subj) >= 2 and not objs:
            run = _coordination_before(v, subj[-1], a)
            if subj[-1].form == "pronoun" and subj[-2].start == subj[-1].start:
                run = subj[-2:]  # "the two neighbours share a border": the two it stands for
            if len(run) == 2:
                out.append(_border(run[0].id, run[1].id, (a, b), "border+coordinated"))
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
                out.append(_border(subj[-1].id, o.id, (a, b), "border+verb", negated))
    return out


def _border(x: str, y: str, span: tuple[int, int], rule: str, negated: bool = False) -> Frame:
    """A shared-border frame of x and y (COW contiguity), negated for 'shares no border with'."""
    return Frame("border", "geo", "bilateral", None, x, y, {"negated": True} if negated else {}, span,
                 rule=rule + ("+negated" if negated else ""), negated=negated)  # fmt: skip


_IDIOM = re.compile(
    r"\benem(?:y|ies)\s+of\s+(?:my|our|your|their|his|her|its|the|an?)\s+enem(?:y|ies)\b|\benemy['’]s\s+enemy\b",
    re.I,
)
_SHARED = re.compile(r"\b(?:common|shared|mutual)\s+(?:arch-?)?$", re.I)
_SINCE = re.compile(
    r"\b(?:since|dat(?:es|ed|ing)\s+(?:back\s+)?(?:to|from)|(?:began|begun|started|emerged|erupted)\s+in|goes\s+back\s+to|going\s+back\s+to)\s+(?:the\s+)?(?:(?:[\w-]+\s+){0,3}?(?:in|of)\s+)?((?:19|20)\d\d)\b",
    re.I,
)


# cues that name a rivalry only with the state it is with ("threats from A", "tensions with B")
_NEEDS_OTHER = re.compile(
    r"(?:\w+\s+)?(?:threat|tension|clash|skirmish|hostilit|(?:tense|strained|hostile|frosty)\s)",
    re.I,
)


def read_rivalries(v: View, ctx: Context, discourse_subject: str | None) -> list[Frame]:
    """'Israel and Iran have been rivals since 1979', "Iran, Israel's arch-nemesis", 'its regional
    rivals China and Pakistan', 'Arch-rival India' (against the article's subject), 'in rivalry with
    the United States', 'a decades-long conflict with Armenia'."""
    out: list[Frame] = []
    for rm in L.RIVAL_RE.finditer(v.text, v.start, v.end):
        if _IDIOM.search(v.text, max(v.start, rm.start() - 20), min(v.end, rm.end() + 20)):
            continue  # "the enemy of my enemy (is my friend)": a shared foe, not a rivalry between them
        a, b = v.clause(rm.start())
        if _SHARED.search(v.text[max(a, rm.start() - 12) : rm.start()]):
            # "X and Y have a common enemy, Iran": each sharer against the foe named after it
            foe = next((m for m in v.states if 0 <= m.start - rm.end() <= 6 and m.start < b), None)
            sharers = [m.id for m in v.states if a <= m.start < rm.start() and not m.possessive]
            if foe is not None:
                out += [
                    _rivalry_frame(x, foe.id, {"since": None}, (a, b))
                    for x in dict.fromkeys(sharers)
                    if x != foe.id
                ]  # type: ignore[arg-type]
            continue
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
                r"\s+(?:with|against|of|from|posed\s+by|towards?|(?P<between>between))\s+(?:the\s+)?",
                v.text[rm.end() : rm.end() + 20],
                re.I,
            )
            if with_ and with_.group("between"):
                # "clashes between A and B": the two coordinated states with each other
                first = _state_at(v, rm.end() + with_.end(), 1)
                both = _coordination(v, first, b) if first is not None else []
                if len(both) == 2:
                    pairs.append((both[0].id, both[1].id))  # type: ignore[arg-type]
            elif with_:
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
                poss = next(
                    (m for m in reversed(states) if m.possessive and 0 <= rm.start() - m.end <= 4),
                    None,
                )  # "Iran's hostility towards Israel"
                # never the article's subject carried over from earlier sentences: a rivalry names
                # both its states in this sentence (a pronoun here is already one of `states`)
                subj_id = subj.id if subj else poss.id if poss else None
                if other is not None and subj_id:
                    # "threats from Pakistan and China": each coordinated state
                    pairs += [(subj_id, g.id) for g in _coordination(v, other, b)]  # type: ignore[misc]
        if not pairs and _NEEDS_OTHER.match(rm.group(0)):
            continue  # "threats from climate change": a threat needs a state it comes from
        if not pairs:
            # "Arch-rival India was second": the rival of the state the sentence before named as its
            # subject — never a state carried over from several sentences back
            after = next((m for m in states if 0 <= m.start - rm.end() <= 3), None)
            if (
                after is not None
                and rm.start() - a <= 2
                and discourse_subject
                and discourse_subject != after.id
                and discourse_subject in ctx.prev_states
            ):
                pairs.append((discourse_subject, after.id))  # type: ignore[arg-type]
        if not pairs:
            # "X and Y are rivals", "rivals X and Y"
            names = list(dict.fromkeys(m.id for m in states if not m.blocked))
            if len(names) == 2:
                pairs.append((names[0], names[1]))  # type: ignore[arg-type]
        out += [_rivalry_frame(x, y, value, span) for x, y in pairs if x and y and x != y]
    seen = {frozenset((f.owner, f.theme)) for f in out}
    for f in read_war_rivalries(v):
        if frozenset((f.owner, f.theme)) not in seen:
            seen.add(frozenset((f.owner, f.theme)))
            out.append(f)
    return out


def _named_states(v: View) -> list[Mention]:
    """The states this sentence names, a plural anaphor ("the two neighbours") counting as both of
    the states it stands for; no companies, no bare demonyms ("Indian troops")."""
    out: list[Mention] = []
    for m in v.states:
        if m.form in {"company", "demonym"} and not m.possessive or m.blocked or not m.id:
            continue
        out.append(m)
        out += [Mention(m.start, m.end, o, m.form, m.text) for o in m.also]
    return out


_SAME_SIDE = re.compile(
    r"\b(?:together|alongside|side\s+by\s+side|as\s+allies|on\s+the\s+same\s+side|jointly)\b", re.I
)


def read_war_rivalries(v: View) -> list[Frame]:
    """A rivalry told by its wars or an idiom: 'India and Pakistan, the two nuclear-armed
    neighbours, who have fought three wars', 'Armenia has fought two wars with Azerbaijan', 'Saudi
    Arabia and Israel follow the logic of the enemy of my enemy against Iran'. Both states are
    named in this sentence (or by a pronoun of it): never a subject carried over from before."""
    out: list[Frame] = []
    names = _named_states(v)
    span = (v.start, v.end)
    none: dict[str, Any] = {"since": None}
    for wm in L.RIVAL_WAR_RE.finditer(v.text, v.start, v.end):
        with_ = re.match(
            r"\s+(?:\w+\s+){0,2}?(?:with|against)\s+(?:the\s+)?",
            v.text[wm.end() : wm.end() + 30],
            re.I,
        )
        other = _state_at(v, wm.end() + with_.end(), 1) if with_ else None
        if other is not None and other.id:
            subj = [
                m
                for m in names
                if m.end <= wm.start()
                and m.id != other.id
                and not _PREP_BEFORE.search(v.s(max(v.start, m.start - 12), m.start))
            ]
            ids = list(dict.fromkeys(m.id for m in subj))
            if len(ids) == 1:
                out.append(_rivalry_frame(ids[0], other.id, none, span))
            continue
        if _SAME_SIDE.search(v.text, v.start, v.end):
            continue  # "Britain and France fought two wars together": allies, not rivals
        ids = list(dict.fromkeys(m.id for m in names))
        before = {m.id for m in names if m.end <= wm.start()}
        if len(ids) == 2 and before == set(ids):
            out.append(_rivalry_frame(ids[0], ids[1], none, span))
    for im in _IDIOM.finditer(v.text, v.start, v.end):
        # the shared foe: the state the idiom is turned against ("… against Iran")
        foe = next(
            (
                m
                for m in names
                if 0 <= m.start - im.end() <= 40
                and re.search(
                    r"\b(?:against|towards?|over|versus|vis-à-vis|in|namely)\s+(?:the\s+)?$",
                    v.s(im.end(), m.start),
                    re.I,
                )
            ),
            None,
        )
        if foe is None:
            continue
        sharers = dict.fromkeys(m.id for m in names if m.end <= im.start() and m.id != foe.id)
        out += [_rivalry_frame(x, foe.id, none, span) for x in sharers]  # type: ignore[arg-type]
    return out


def _rivalry_frame(x: str, y: str, value: dict[str, Any], span: tuple[int, int]) -> Frame:
    """A rivalry frame between x and y over the clause `span`."""
    return Frame("rivalry", "security", "bilateral", None, x, y, dict(value), span, rule="rivalry")


_WEAPON_NOUN = (
    r"(?:loitering\s+munitions?|kamikaze\s+drones?|combat\s+drones?|attack\s+drones?|armed\s+drones?|drones?|UAVs?|UCAVs?|unmanned\s+aerial\s+vehicles?"
    r"|(?:(?:air|missile)[- ]defen[cs]e|anti[- ]aircraft|surface[- ]to[- ]air|anti[- ]tank|anti[- ]ship|ballistic|cruise|guided|surface[- ]to[- ]surface)\s+(?:missile\s+)?(?:systems?|missiles?|batteries)"
    r"|guided\s+bombs?|bombs?|missiles?|rockets?|(?:multiple\s+)?rocket\s+launchers?|MRLs?|launchers?|radars?|radar\s+systems?|satellites?|(?:patrol|missile|fast\s+attack)\s+(?:boats?|craft|vessels?)|boats?|ships?|corvettes?|frigates?|destroyers?|submarines?|warships?"
    r"|(?:main\s+battle\s+)?tanks?|howitzers?|artillery(?:\s+systems?)?|mortars?|armou?red\s+(?:personnel\s+carriers|vehicles?)|vehicles?|APCs?|IFVs?|helicopters?|(?:fighter|combat|transport|trainer)\s+(?:aircraft|jets?)|aircraft|jets?|fighters?|trainers?|SAMs?|systems?|guns?)"
)


_DESIG = r"(?:Type[- ]\d{2,3}[A-Z]?|[A-Z][A-Za-z0-9]*(?:[-/][A-Za-z0-9]+)*(?:\s(?:[A-Z0-9][A-Za-z0-9]*(?:[-/][A-Za-z0-9]+)*))?|\d+[A-Z][A-Za-z0-9-]*)"


DEAL_RE = re.compile(rf"(?P<desig>{_DESIG})\s+(?P<noun>{_WEAPON_NOUN})\b")
# a designation in the plural, letters-dash-digits: "F-16s", "MiG-29s", "Su-30MKIs"
_PLURAL_DESIG = re.compile(r"(?<![\w-])(?P<desig>[A-Z][A-Za-z]{0,3}-\d{1,3}[A-Z]{0,3})s\b")


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
    r"signed\s+(?:an?\s+)?(?:[\w-]+\s+)?(?:contract|deal|agreement)\s+(?:to\s+buy\s+|for\s+)|"
    r"fielded|field|operat(?:es|ed)|deployed|used|uses|employ(?:s|ed)|reli(?:es|ed)\s+on|relying\s+on|imported|obtained|included|includes|have\s+included|equipped)\b",
    re.I,
)


_BOUGHT_BY = re.compile(
    r"\b(?:bought|purchased|acquired|ordered|procured|imported|operated|used|fielded|deployed|received)\s+by\s+(?:the\s+)?$",
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
    r"(?<![-\w])(?:delivered|supplied|sold|bought|received|ordered|acquired|purchased|transferred|shipped|exported|imported|obtained|took\s+delivery\s+of|used|deployed|operated|fielded|signed)\b",
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


# a list that continues the transfer of the sentence before: "This included …", "Among them were …"
_LIST_AFTER = re.compile(
    r"\s*(?:(?:this|these|that|those|they|it|the\s+(?:deals?|sales?|deliveries|transfers|shipments|packages?))\s+(?:have\s+|has\s+)?(?:included|includes?|comprised|comprises?)|among\s+(?:them|these|those|which)|including)\b",
    re.I,
)


_SUPPLY_TO = re.compile(
    r"\b(?:ha(?:s|ve|d)\s+)?(?:sold|supplied|delivered|exported|provided|shipped|transferred)\b",
    re.I,
)


def _transfer_told(v: View) -> tuple[str, str] | None:
    """(supplier, recipient) of a transfer the sentence names without a designation: 'Israel has
    sold many weapons to Azerbaijan' — the list that follows ('This included …') takes them."""
    if not L.has_arms(v.s(v.start, v.end)) and not _WEAPON_HINT.search(v.s(v.start, v.end)):
        return None
    verb = _SUPPLY_TO.search(v.text, v.start, v.end)
    if verb is None or L.NEGATION_RE.search(v.text, v.start, verb.end()):
        return None
    names = [m for m in v.states if m.form not in {"company"} and m.id]
    subj = [
        m
        for m in names
        if m.end <= verb.start()
        and not _PREP_BEFORE.search(v.s(max(v.start, m.start - 12), m.start))
    ]
    to = re.search(r"\bto\s+(?:the\s+)?", v.text[verb.end() : v.end])
    rec = _state_at(v, verb.end() + to.end(), 0) if to else None
    if len({m.id for m in subj}) != 1 or rec is None or rec.id == subj[0].id or not rec.id:
        return None
    return (subj[0].id, rec.id)  # type: ignore[return-value]


def read_deals(v: View, ctx: Context) -> list[Frame]:
    """Named weapons transferred: 'Israel has delivered Harop loitering munitions to Azerbaijan',
    'Turkish-supplied TRG-300 rocket launchers … Azerbaijan', 'Sales of Rafale fighter aircraft to
    Qatar and Egypt …France', 'China's exports to Pakistan have included four Type 054A frigates',
    'the T-72 upgrade by Elbit' (a service on equipment the recipient already has), 'This included
    …' after 'Israel sold arms to Azerbaijan', 'Turkish TB2 drones bought by Ukraine', 'Ukraine
    bought Bayraktar TB2 drones' (the supplier implicit: the designation's sole maker)."""
    from realpolitik.analyses.claims.gazetteer import name_forms_lower

    forms = name_forms_lower()
    out: list[Frame] = []
    for a, b in v.clauses:
        clause = v.s(a, b)
        plural = list(_PLURAL_DESIG.finditer(v.text, a, b))
        if not _WEAPON_HINT.search(clause) and not plural:
            continue
        states = [m for m in v.states if a <= m.start < b]
        hits: list[tuple[int, int, str, str, bool]] = [
            (pm.start("desig"), pm.end("desig"), pm.group("desig"), "", False)
            for pm in plural
            if not any(m.start <= pm.start() < m.end for m in v.mentions)
        ]  # "bought F-16s from the USA": a plural designation needs no weapon noun
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
            hits = [
                h for h in hits if h[0] != ds
            ]  # "Su-30s fighter jets": read once, with its noun
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
        # "Turkish TB2 drones bought by Ukraine": 'by' after a verb of acquiring names the buyer
        buyer = next(
            (m for m in states if _BOUGHT_BY.search(v.s(max(a, m.start - 40), m.start))), None
        )
        for ds, de, desig, noun, upgrade in hits:
            supplier = next(
                (
                    m
                    for m in states
                    if _PREP_BEFORE.search(v.s(m.start - 12, m.start))
                    and _PREP_BEFORE.search(v.s(m.start - 12, m.start)).group("p").lower()
                    in {"from", "by"}
                    and m is not buyer
                ),
                None,
            )  # type: ignore[union-attr]
            recipients = [buyer] if buyer is not None else []
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
            if to is not None and buyer is None:
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
                # "Israeli Harop drones" with a recipient named by name: the demonym is the maker
                direct = (
                    dem is not None
                    and dem.form == "demonym"
                    and not v.s(dem.end, ds).strip()
                    and any(m.id != dem.id and m.form not in {"demonym", "company"} for m in states)
                )
                if dem is not None and (made or dem.form == "company" or direct):
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
            implicit = False
            if supplier is None and not recipients and acq_v is not None and not upgrade:
                # "Ukraine bought Bayraktar TB2 drones": the buyer is the one state before the verb,
                # the supplier the designation's sole maker in the register (frames/makers.py)
                buyers = {
                    m.id
                    for m in names
                    if m.form != "demonym" and m.end <= a + acq_v.start() and m.id
                }
                made_by = maker(desig) if len(buyers) == 1 and len(names) == 1 else None
                if made_by is not None and made_by not in buyers:
                    supplier = Mention(0, 0, made_by, "name", "")
                    recipients = [names[0]]
                    implicit = True
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
                or (ctx.last_deal is not None and _LIST_AFTER.match(v.text, v.start))
            ):
                continue
            # "bought tanks from Russia and Ukraine": one transfer from each supplier named
            suppliers = (
                [m for m in _coordination(v, supplier, b) if m.form != "company" and m.id]
                if supplier.form != "company" and supplier.end > 0
                else [supplier]
            ) or [supplier]
            for sup, r in ((s_, r_) for s_ in suppliers for r_ in recipients):
                if r.id == sup.id or r.id in {x.id for x in suppliers}:
                    continue
                verb = (sup_v or acq_v).group(0).lower() if (sup_v or acq_v) else None
                val = {"designation": desig, "description": noun, "text": v.s(ds, de), "verb": verb}
                if upgrade:
                    val["service"] = "upgrade"
                if implicit:
                    val["supplier"] = "implicit"  # not named: the designation's sole maker
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
                        sup.id,
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
    if not out and not m:
        told = _transfer_told(v)
        if told is not None:
            ctx.last_deal = told  # type: ignore[assignment]
    if m:
        s = _state_at(v, v.start + m.end(), 0)
        if s is not None:
            t = re.match(r"\s+to\s+(?:the\s+)?", v.text[s.end : s.end + 10])
            r = _state_at(v, s.end + t.end(), 0) if t else None
            if r is not None:
                ctx.last_deal = (s.id, r.id)  # type: ignore[assignment]
    return out
