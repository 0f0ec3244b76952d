"""No regex of the claim reader can backtrack exponentially — checked on the patterns themselves,
not by timing them.

Every pattern the claims package compiles (module constants and the ones built inside functions
while it reads a few texts) is parsed with Python's own regex parser. Exponential backtracking needs
a repeat nested inside an unbounded repeat that can split the same text in more than one way
("(a+)+", "(?:\\s*,\\s*X|\\s+and\\s+X)*" with X able to absorb "and"). The rule checked: inside an
unbounded repeat, every unbounded inner repeat is possessive or atomic, or its characters are
disjoint from what may come right before it and right after it (so the split is unique), or its
body opens with a negative lookahead that keeps the separator out ("(?!and\b)"). The
checker is tested on known catastrophic patterns, so it cannot pass by checking nothing. Not
covered: alternatives of one group that match the same text ("(?:x|x\\s*)+")."""

from __future__ import annotations

import importlib
import pkgutil
import re
import re._constants as K  # noqa: N812
import re._parser as P  # noqa: N812
import string
import sys
from collections.abc import Iterator
from typing import Any

import pytest

import realpolitik.analyses.claims as claims_pkg

PROBE = string.printable + "’‘“”–—éü\u00a0"  # characters the char-set comparison looks at
BIG = 10  # a repeat bounded by more than this counts as unbounded
REPEATS = (K.MAX_REPEAT, K.MIN_REPEAT)
Tree = Any  # a re._parser.SubPattern or a list of its items


def _category(cat: Any, ch: str) -> bool:
    n = str(cat)
    hit = (
        ch.isdigit()
        if "DIGIT" in n
        else ch.isspace()
        if "SPACE" in n
        else (ch.isalnum() or ch == "_")
        if "WORD" in n
        else ch == "\n"
        if "LINEBREAK" in n
        else True
    )
    return hit != ("NOT_" in n)


def _token(op: Any, av: Any, ch: str) -> bool:
    if op is K.LITERAL:
        return ord(ch) == av
    if op is K.NOT_LITERAL:
        return ord(ch) != av
    if op is K.ANY:
        return ch != "\n"
    if op is K.CATEGORY:
        return _category(av, ch)
    if op is K.IN:
        neg, hit = False, False
        for o, a in av:
            if o is K.NEGATE:
                neg = True
            elif o is K.LITERAL:
                hit |= ord(ch) == a
            elif o is K.RANGE:
                hit |= a[0] <= ord(ch) <= a[1]
            elif o is K.CATEGORY:
                hit |= _category(a, ch)
        return hit != neg
    return False


def _sub(item: tuple) -> list | None:
    """The sub-sequence of a group-like item, if it has exactly one."""
    op, av = item
    if op in REPEATS or op is K.POSSESSIVE_REPEAT:
        return list(av[2])
    if op is K.SUBPATTERN:
        return list(av[3])
    if op is K.ATOMIC_GROUP:
        return list(av)
    return None


def chars(items: Tree, icase: bool) -> set[str]:
    out: set[str] = set()
    for item in items:
        op, av = item
        if op is K.BRANCH:
            for b in av[1]:
                out |= chars(b, icase)
        elif op in (K.ASSERT, K.ASSERT_NOT, K.AT):
            continue
        elif (sub := _sub(item)) is not None:
            out |= chars(sub, icase)
        else:
            out |= {
                c
                for c in PROBE
                if any(
                    _token(op, av, x)
                    for x in ({c, c.lower(), c.upper()} if icase else {c})
                    if len(x) == 1
                )
            }
    return out


def nullable(items: Tree) -> bool:
    for item in items:
        op, av = item
        if op in (K.ASSERT, K.ASSERT_NOT, K.AT):
            continue
        if op is K.BRANCH:
            if any(nullable(b) for b in av[1]):
                continue
            return False
        if op in REPEATS or op is K.POSSESSIVE_REPEAT:
            if av[0] == 0 or nullable(av[2]):
                continue
            return False
        if (sub := _sub(item)) is not None and nullable(sub):
            continue
        return False
    return True


def edge(items: Tree, icase: bool, *, first: bool) -> set[str]:
    """The characters a sequence may start (first) or end with."""
    out: set[str] = set()
    seq = list(items) if first else list(reversed(list(items)))
    for item in seq:
        op, av = item
        if op in (K.ASSERT, K.ASSERT_NOT, K.AT):
            continue
        if op is K.BRANCH:
            for b in av[1]:
                out |= edge(b, icase, first=first)
        elif (sub := _sub(item)) is not None:
            out |= edge(sub, icase, first=first)
        else:
            out |= chars([item], icase)
        if not nullable([item]):
            return out
    return out


def ambiguous(tree: Tree, icase: bool) -> Iterator[set[str]]:
    """The character overlaps that let an inner repeat of an unbounded repeat split text two ways."""

    def walk(items: list, before: set[str], after: set[str], inside: bool) -> Iterator[set[str]]:
        for i, item in enumerate(items):
            op, av = item
            rest, head = items[i + 1 :], items[:i]
            nxt = edge(rest, icase, first=True) | (after if nullable(rest) else set())
            prv = edge(head, icase, first=False) | (before if nullable(head) else set())
            if op is K.BRANCH:
                for b in av[1]:
                    yield from walk(list(b), prv, nxt, inside)
            elif op in REPEATS:
                body = list(av[2])
                unbounded = av[1] > BIG or av[1] == K.MAXREPEAT
                own = chars(body, icase)
                guarded = any(it[0] is K.ASSERT_NOT for it in body[:3])
                if inside and av[1] > 1 and not guarded and own & (nxt | prv):
                    yield own & (nxt | prv)
                loop = edge(body, icase, first=True) if unbounded else set()
                tail = edge(body, icase, first=False) if unbounded else set()
                yield from walk(body, prv | tail, nxt | loop, inside or unbounded)
            elif op in (K.ASSERT, K.ASSERT_NOT):
                yield from walk(list(av[1]), set(), set(), False)
            elif op is K.SUBPATTERN:
                yield from walk(list(av[3]), prv, nxt, inside)
            # possessive repeats and atomic groups never give back what they took: not walked

    yield from walk(list(tree), set(), set(), False)


def risky(pattern: str, flags: int = 0) -> list[set[str]]:
    return list(ambiguous(P.parse(pattern, flags), bool(flags & re.I)))


@pytest.mark.parametrize(
    "pattern",
    [
        r"(a+)+$",
        r"(?:\s*,\s*\w+(?:\s+\w+)*|\s+and\s+\w+(?:\s+\w+)*)*$",
        r"(?:\w+\s?)*!",
        r"(?:[A-Z][\w ]*(?:\s+and\s+[A-Z][\w ]*)*)+;",
        # the dash-set list of segment.py before it was fixed (2 s CPU on "A and B and …")
        r"(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[\w.'’()-]+){0,5}?(?:\s*,\s*(?:and\s+)?(?:the\s+)?"
        r"[A-Z][\w.'’-]*(?:\s+[\w.'’()-]+){0,5}?|\s+and\s+(?:the\s+)?[A-Z][\w.'’-]*"
        r"(?:\s+[\w.'’()-]+){0,5}?){1,24}",
    ],
)
def test_the_checker_flags_catastrophic_patterns(pattern: str) -> None:
    assert risky(pattern), pattern


@pytest.mark.parametrize(
    "pattern",
    [
        r"\d+(?:[.,]\d+)*",
        r"(?:(?:has|had|also)\s+)*verb",
        r"(a++)+$",
        r"(?>\w+\s?)*!",
        r"(?:\w+\s+)*!",
    ],
)
def test_the_checker_passes_unambiguous_ones(pattern: str) -> None:
    assert not risky(pattern), pattern


def _claims_patterns() -> set[tuple[str, int]]:
    """Every pattern the claims package compiles: module constants, and the ones built inside its
    functions while it reads a few texts (recorded through re's compile cache entry point)."""
    seen: set[tuple[str, int]] = set()
    original = re._compile  # type: ignore[attr-defined]

    def record(pattern: Any, flags: int) -> Any:
        f = sys._getframe(1)
        while f is not None and f.f_globals.get("__name__", "") in {"re", "re._compiler"}:
            f = f.f_back
        if (
            f is not None
            and f.f_globals.get("__name__", "").startswith(claims_pkg.__name__)
            and isinstance(pattern, str)
        ):
            seen.add((pattern, int(flags)))
        return original(pattern, flags)

    for m in pkgutil.walk_packages(claims_pkg.__path__, claims_pkg.__name__ + "."):
        for v in vars(importlib.import_module(m.name)).values():
            if isinstance(v, re.Pattern) and isinstance(v.pattern, str):
                seen.add((v.pattern, int(v.flags)))
    from realpolitik.analyses.claims import check

    texts = [
        "Russia accounted for 36% of India's arms imports in 2019-23, up from 58% in 2014-18, "
        "making it the largest supplier; France (33%) and the US (13%) followed.",
        "The five largest exporters — the US, France, Russia, China and Germany — accounted for "
        "75% of global arms exports. Italy, the UK and Spain complete the top ten.",
        "Algeria, Egypt's neighbour to the west, buys most of its weapons from Russia, and the "
        "country shares a 1,376 km border with Libya. Saudi Arabia's oil output ranks second.",
    ]
    re._compile = record  # type: ignore[attr-defined]
    try:
        for t in texts:
            check(t, "2024-05-01")
    finally:
        re._compile = original  # type: ignore[attr-defined]
    return seen


def test_no_claims_pattern_can_backtrack_exponentially() -> None:
    patterns = _claims_patterns()
    assert len(patterns) > 200  # the recording sees the inline patterns too
    bad = {p[:120]: sorted(risky(p, f)[0])[:6] for p, f in patterns if risky(p, f)}
    assert not bad, bad
