"""Bounded edit distance over the resolver's name keys: which countries a misspelling is close to.

The distance is optimal string alignment (Levenshtein plus adjacent transpositions), computed in
a band so that a lookup costs about (keys of similar length) x (key length) x (2 limit + 1).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable


def distance(a: str, b: str, limit: int) -> int:
    """Edit distance of a and b with transpositions; any value above `limit` is returned as limit+1."""
    if a == b:
        return 0
    la, lb = len(a), len(b)
    if abs(la - lb) > limit:
        return limit + 1
    big = limit + 1
    prev2: list[int] = []
    prev = [j if j <= limit else big for j in range(lb + 1)]
    for i in range(1, la + 1):
        cur = [big] * (lb + 1)
        cur[0] = i if i <= limit else big
        lo, hi = max(1, i - limit), min(lb, i + limit)
        ca = a[i - 1]
        for j in range(lo, hi + 1):
            cb = b[j - 1]
            v = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                v = min(v, prev2[j - 2] + 1)
            cur[j] = v if v <= limit else big
        if min(cur[lo - 1 : hi + 1]) > limit:
            return big
        prev2, prev = prev, cur
    return prev[lb]


class SpellingIndex:
    """Name keys grouped by length, for 'which countries have a name within d edits of this key'."""

    def __init__(self, keys: Iterable[tuple[str, str]]) -> None:
        self._by_len: dict[int, list[tuple[str, str]]] = defaultdict(list)
        for key, cid in keys:
            self._by_len[len(key)].append((key, cid))

    def near(self, key: str, limit: int) -> dict[str, int]:
        """{id: smallest distance of any of its names to key} for every id within `limit` edits."""
        best: dict[str, int] = {}
        n = len(key)
        for length in range(n - limit, n + limit + 1):
            for name, cid in self._by_len.get(length, ()):
                d = distance(key, name, limit)
                if d <= limit and d < best.get(cid, limit + 1):
                    best[cid] = d
        return best
