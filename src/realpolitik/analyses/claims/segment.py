"""Stage 1 — segment: paragraphs, sentences and clauses of an article, as character spans.

A small rule-based splitter (no model): a sentence ends at `.`, `!` or `?` (with closing quotes or
brackets) followed by white space and a capital, digit or opening quote, unless the word before
the stop is an abbreviation ("Mr.", "e.g.", "No.") or a dotted acronym ("U.S.") followed by a
word that does not usually open a sentence. A blank line always ends a paragraph. Every step is
a single left-to-right scan, so time is linear in the input size.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# words ending in "." that do not end a sentence (lower case, without the dot)
ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "st",
        "sr",
        "jr",
        "gen",
        "lt",
        "col",
        "maj",
        "capt",
        "cpt",
        "sgt",
        "adm",
        "cmdr",
        "gov",
        "sen",
        "rep",
        "pres",
        "amb",
        "rev",
        "hon",
        "messrs",
        "mt",
        "ft",
        "no",
        "nos",
        "vol",
        "vols",
        "art",
        "fig",
        "figs",
        "pp",
        "para",
        "approx",
        "est",
        "ca",
        "cf",
        "vs",
        "etc",
        "al",
        "inc",
        "corp",
        "ltd",
        "co",
        "bros",
        "dept",
        "univ",
        "assn",
        "intl",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "e.g",
        "i.e",
        "a.m",
        "p.m",
        "u.s",
        "u.k",
        "u.n",
        "u.s.a",
        "e.u",
    ]
)
# capitalised words that usually open a sentence (after a dotted acronym they make a boundary)
OPENERS = frozenset(
    [
        "the",
        "a",
        "an",
        "it",
        "its",
        "in",
        "this",
        "that",
        "these",
        "those",
        "there",
        "he",
        "she",
        "they",
        "we",
        "i",
        "but",
        "and",
        "or",
        "so",
        "yet",
        "however",
        "meanwhile",
        "according",
        "after",
        "before",
        "since",
        "while",
        "when",
        "as",
        "at",
        "on",
        "for",
        "from",
        "with",
        "by",
        "of",
        "to",
        "if",
        "moreover",
        "nevertheless",
        "also",
        "still",
        "then",
        "thus",
        "overall",
        "sipri",
    ]
)
_STOP = re.compile(r"[.!?]+[\"'”’)\]]*")
# a "sentence" longer than this (a table flattened into text, a run of junk) is cut at white space,
# so that the reader's work per sentence, and so per character, stays bounded
MAX_SENTENCE = 1200
_PARA = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_CLAUSE = re.compile(r";|\s[—–]\s|\s--\s|,?\s+(?:while|whereas)\s+|,\s+but\s+")


@dataclass(frozen=True)
class Sentence:
    """One sentence: its span in the document, its paragraph and its clauses (spans)."""

    start: int
    end: int
    paragraph: int
    index: int
    clauses: tuple[tuple[int, int], ...] = ()


@dataclass
class Doc:
    """The segmented document: text, paragraph spans and sentences in reading order."""

    text: str
    paragraphs: list[tuple[int, int]] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)

    def sentence_text(self, s: Sentence) -> str:
        return self.text[s.start : s.end]

    def to_dict(self) -> dict[str, object]:
        return {
            "paragraphs": [list(p) for p in self.paragraphs],
            "sentences": [
                {
                    "span": [s.start, s.end],
                    "paragraph": s.paragraph,
                    "text": self.text[s.start : s.end],
                    "clauses": [list(c) for c in s.clauses],
                }
                for s in self.sentences
            ],
        }


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Spans of blank-line separated paragraphs, trimmed, empty ones dropped."""
    out = []
    pos = 0
    for m in _PARA.finditer(text):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, len(text)))
    return [t for t in (_trim(text, a, b) for a, b in out) if t[1] > t[0]]


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def _word_before(text: str, pos: int, lo: int) -> str:
    """The run of non-space characters ending at pos (bounded look-back)."""
    i = pos
    while i > lo and i > pos - 24 and not text[i - 1].isspace():
        i -= 1
    return text[i:pos]


def _next_word(text: str, pos: int, hi: int) -> str:
    i = pos
    while i < hi and text[i].isspace():
        i += 1
    j = i
    while j < hi and j < i + 24 and (text[j].isalnum() or text[j] in "'’-"):
        j += 1
    return text[i:j]


def _is_boundary(text: str, stop_start: int, stop_end: int, hi: int, lo: int) -> bool:
    """Whether the stop at [stop_start, stop_end) ends a sentence."""
    if stop_end >= hi:
        return True
    if not text[stop_end].isspace():
        return False
    nxt = stop_end
    while nxt < hi and text[nxt].isspace():
        nxt += 1
    if nxt >= hi:
        return True
    c = text[nxt]
    if c in "•▪◦●■–-" or (
        c.isalpha()
        and c.islower()
        and nxt + 2 < hi
        and text[nxt + 1] == " "
        and text[nxt + 2].isupper()
    ):
        return (
            text[stop_start] != "."
            or _word_before(text, stop_start, lo).lower().rstrip(".") not in ABBREVIATIONS
        )  # a bullet ("• ", or "w " in PDF copies)
    if not (c.isupper() or c.isdigit() or c in "\"'“‘(["):
        return False
    if text[stop_start] != ".":
        return True
    word = _word_before(text, stop_start, lo).lstrip("(\"'“‘[")
    low = word.lower().rstrip(".")
    if len(word) == 1 and word.isupper():
        return False  # an initial: "J. Smith"
    dotted = bool(re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", word))
    if dotted or low in {"u.s", "u.k", "u.n", "e.u"}:
        nw = _next_word(text, nxt, hi).lower()
        return nw in OPENERS
    return low not in ABBREVIATIONS


# a line opening a numbered or bulleted list item ("1. India – 9.8 %", "2) …", "- …", "• …")
_ITEM_LINE = re.compile(r"\n[ \t]{0,8}(?=(?:\d{1,2}[.)]|[-*•▪◦●■])[ \t]+\S)")
_ITEM_MARK = re.compile(r"[ \t]{0,8}(?:\|[ \t]*)?\d{1,3}(?:[.)]|[ \t]*\|)?[ \t]+")


# a row of a ranking table set as plain text: "1 United States 17,770", "2 | Saudi Arabia | 12.1",
# "| 3 | Russia | 10.9 |", or its header "Rank | Country | Barrels per day"
_ROW_LINE = re.compile(
    r"\n[ \t]{0,8}(?=(?:\|[ \t]*)?\d{1,3}[ \t]*(?:\|[ \t]*)?[ \t]\(?[A-Z]|[^\n|]*\|)"
)


def _row_cuts(text: str, start: int, end: int) -> list[int]:
    """Line starts of table rows, when the paragraph holds at least two of them (a single line
    opening with a number is more likely a wrapped sentence than a table row)."""
    cuts = [m.start() + 1 for m in _ROW_LINE.finditer(text, start, end)]
    return cuts if len(cuts) >= 2 else []


def sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans inside [start, end) (one paragraph); each list item line and each table row
    starts a sentence and its number ("1.") ends none."""
    out = []
    cuts = sorted(
        {start, end}
        | {m.start() + 1 for m in _ITEM_LINE.finditer(text, start, end)}
        | set(_row_cuts(text, start, end))
    )
    for lo, hi in zip(cuts, cuts[1:], strict=False):
        pos = lo
        mark = _ITEM_MARK.match(text, lo, hi)
        skip = mark.end() if mark else lo
        for m in _STOP.finditer(text, skip, hi):
            if _is_boundary(text, m.start(), m.end(), hi, pos):
                out.append(_trim(text, pos, m.end()))
                pos = m.end()
        out.append(_trim(text, pos, hi))
    return [piece for s in out if s[1] > s[0] for piece in _cut(text, *s)]


def _cut(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """Split an over-long span at the last white space before MAX_SENTENCE (hard cut if none)."""
    out = []
    while b - a > MAX_SENTENCE:
        cut = text.rfind(" ", a + MAX_SENTENCE // 2, a + MAX_SENTENCE)
        if cut == -1:
            cut = a + MAX_SENTENCE
        out.append(_trim(text, a, cut))
        a = cut
    out.append(_trim(text, a, b))
    return [s for s in out if s[1] > s[0]]


_DASH = re.compile(r"\s[—–]\s|\s--\s")
# a list of names set off by dashes: capitalised items, commas and 'and', no verb
# (an item's words never include "and", and the spaces are possessive, so each separator is read
# one way only: linear time)
_ITEM = r"(?:the\s++)?[A-Z][\w.'’-]*+(?:\s++(?!and\b)[\w.'’()-]++){0,5}?"
_INSERTED_LIST = re.compile(rf"{_ITEM}(?:\s*+,\s*+(?:and\s++)?{_ITEM}|\s++and\s++{_ITEM}){{1,24}}")


def clauses(text: str, start: int, end: int) -> tuple[tuple[int, int], ...]:
    """Clause spans of a sentence: split at ';', dashes, 'while', 'whereas' and ', but'."""
    out = []
    pos = start
    cuts = list(_CLAUSE.finditer(text, start, end))
    skip: set[int] = set()
    for i in range(len(cuts) - 1):
        a, b = cuts[i], cuts[i + 1]
        if (
            _DASH.fullmatch(a.group(0))
            and _DASH.fullmatch(b.group(0))
            and b.start() - a.end() < 160
            and _INSERTED_LIST.fullmatch(text, a.end(), b.start())
        ):
            skip |= {i, i + 1}  # "the five largest — A, B and C — accounted for": one clause
    for i, m in enumerate(cuts):
        if i in skip:
            continue
        out.append(_trim(text, pos, m.start()))
        pos = m.end()
    out.append(_trim(text, pos, end))
    return tuple(c for c in out if c[1] > c[0])


def segment(text: str) -> Doc:
    """Paragraphs → sentences → clauses, all as spans into `text`."""
    doc = Doc(text)
    doc.paragraphs = paragraphs(text)
    for p, (a, b) in enumerate(doc.paragraphs):
        for s, e in sentences(text, a, b):
            doc.sentences.append(Sentence(s, e, p, len(doc.sentences), clauses(text, s, e)))
    return doc
