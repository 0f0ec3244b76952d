"""The reading pipeline: segment → mentions → frames → claims (no data access, deterministic).

Each stage is a module with a typed output (:mod:`segment`, :mod:`mentions`, :mod:`frames`,
:mod:`claims`); :func:`analyse` runs them over a text and keeps every stage's output, which is what
``realpolitik check --explain`` shows. :func:`extract` returns the claims only.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from realpolitik.analyses.claims import mentions as M
from realpolitik.analyses.claims import numbers as N
from realpolitik.analyses.claims.claims import Claim, to_claims
from realpolitik.analyses.claims.frames import (
    DEAL_RE,
    Context,
    Frame,
    View,
    observe,
    read_sentence,
    shift,
)
from realpolitik.analyses.claims.segment import Doc, Sentence, segment
from realpolitik.errors import UserError

__all__ = ["Claim", "Analysis", "analyse", "extract", "warm", "CheckTimeout"]


class CheckTimeout(UserError):
    """The check ran past its deadline (the caller bounded its work)."""


@dataclass
class SentenceReading:
    """Every stage's output for one sentence."""

    sentence: Sentence
    mentions: list[M.Mention]
    quantities: dict[str, list[Any]]
    frames: list[Frame]
    claims: list[Claim]

    def to_dict(self, text: str) -> dict[str, Any]:
        return {
            "span": [self.sentence.start, self.sentence.end],
            "text": text[self.sentence.start : self.sentence.end],
            "clauses": [list(c) for c in self.sentence.clauses],
            "mentions": [m.to_dict() for m in self.mentions],
            "quantities": {k: [_q(x) for x in v] for k, v in self.quantities.items() if v},
            "frames": [f.to_dict() for f in self.frames],
            "claims": [c.to_dict() for c in self.claims],
        }


def _q(x: Any) -> dict[str, Any]:
    if isinstance(x, N.PeriodSpec):
        return {"span": list(x.span), **x.to_dict()}
    return {"span": [x.start, x.end], **x.to_dict()}


@dataclass
class Analysis:
    """The pipeline's result: the segmented document and, per sentence, what each stage found."""

    doc: Doc
    sentences: list[SentenceReading] = field(default_factory=list)

    @property
    def claims(self) -> list[Claim]:
        return [c for s in self.sentences for c in s.claims]

    def to_dict(self) -> dict[str, Any]:
        return {
            "sentences": [
                s.to_dict(self.doc.text) for s in self.sentences if s.mentions or s.claims
            ]
        }


# cheap test: a sentence without any of these cannot hold a claim (skips the number parsers)
_QUICK = re.compile(
    r"\d|%|per ?cent|half|third|quarter|fifth|tenth|most|majority|bulk|largely|chiefly|predominant|primarily|largest|biggest|top|leading|main|key|major|"
    r"first|second|fourth|fifth|sixth|seventh|eighth|ninth|rival|enem|adversar|foe|feud|nemesis|conflict|threat|border|frontier|"
    r"tension|tense|clash|skirmish|hostil|strained|frosty|rank|position|place|spot|leader|"
    r"deliver|suppl|sold|sell|sale|bought|buy|purchas|acquir|receiv|order|operat|field|deploy|transferr|provid|ship|made|built|"
    r"upgrad|moderni|includ|double|triple|halve|times|fold|number|three|four|five|six|seven|eight|nine|ten\b|eleven|twelve|"
    r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|once|every|ahead|behind|after|followed|next|"
    r"fought|\bwars?\b",  # a rivalry told by its wars (frames/relations.py, read_war_rivalries)
    re.I,
)


_OIL_CUE = re.compile(r"\b(?:crude|oil|petroleum)\b", re.I)
_GLOBAL_CUE = re.compile(
    r"\b(?:exporters|importers|producers|transfers|arms\s+trade|global|world|international)\b", re.I
)  # "producers": a heading such as "Top 10 oil producers, 2022" names no state
# a group named by an anaphor ("Together, they …", "these five states …"): read when a list precedes
_GROUP_ANAPHOR = re.compile(
    r"\b(?:they|together|combined|these|those|aforesaid|aforementioned|above-mentioned|the\s+same|unchanged)\b",
    re.I,
)


def warm() -> None:
    """Load the name tables now (the first check pays for them otherwise)."""
    M.warm()


def analyse(text: str, today: date | None = None, deadline: float | None = None) -> Analysis:
    """Run every reading stage over a text. `deadline` is a time.monotonic() value; past it,
    CheckTimeout is raised (checked between sentences)."""
    today = today or date.today()
    doc = segment(text)
    out = Analysis(doc)
    disc = M.Discourse()
    ctx = Context(today)
    for k, sent in enumerate(doc.sentences):
        if deadline is not None and k % 16 == 0 and time.monotonic() > deadline:
            raise CheckTimeout("the claim check ran past its time limit")
        stext = text[sent.start : sent.end]
        names = M.find(text, sent.start, sent.end, today.year)
        disc.paragraph = sent.paragraph
        ms = M.resolve(text, sent.start, sent.end, names, disc, sent.clauses)
        quantities: dict[str, list[Any]] = {}
        frames: list[Frame] = []
        claims: list[Claim] = []
        if (
            any(m.is_state or m.form == "region" for m in ms)
            or _GLOBAL_CUE.search(stext)
            or (ctx.last_deal and DEAL_RE.search(stext))
            or (ctx.last_list and _GROUP_ANAPHOR.search(stext))
        ) and (
            _QUICK.search(stext)
            or ctx.pending_group is not None
            or _OIL_CUE.search(stext)  # "Crude imports to India grew.": the paragraph's crude owner
        ):
            quantities = {
                "shares": shift(N.find_shares(stext), sent.start),
                "ranks": shift(N.find_ranks(stext), sent.start),
                "changes": shift(N.find_changes(stext), sent.start),
                "lengths": shift(N.find_lengths(stext), sent.start),
                "periods": shift(N.find_periods(stext, today), sent.start),
            }
            view = View(text, sent.start, sent.end, sent.paragraph, sent.clauses, ms, **quantities)
            subject = disc.salient(exclude={m.id for m in ms if m.is_state and m.id})
            prev = disc.prev_subject if disc.prev_subject_para == sent.paragraph else None
            frames = read_sentence(view, ctx, subject, prev, disc.just_before())
            claims = to_claims(text, frames, sent.clauses, ms)
        else:
            observe(ctx, stext, sent.paragraph)
        disc.update(ms, text)
        out.sentences.append(SentenceReading(sent, ms, quantities, frames, claims))
    return out


def extract(text: str, today: date | None = None, deadline: float | None = None) -> list[Claim]:
    """All checkable claims in a text, in reading order (deterministic; no data access)."""
    if not text or not text.strip():
        return []
    return analyse(text, today, deadline).claims
