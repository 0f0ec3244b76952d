"""Successor states in SIPRI's data: 'Russia' before 1992 is the Soviet Union (SIPRI lists the USSR
until 1991). A claim about Russia in an earlier window is checked on the Soviet Union, with a note;
a window across 1991/1992 counts both."""

from __future__ import annotations

from realpolitik.periods import Period

# successor id → (predecessor id, last year of the predecessor, names)
SUCCESSORS: dict[str, tuple[str, int, str, str]] = {
    "RUS": ("SUN", 1991, "Russia", "the Soviet Union"),
}


def arms_ids(cid: str | None, period: Period) -> tuple[list[str], str | None]:
    """The SIPRI ids that stand for `cid` in `period` and a note when that is not `cid` itself."""
    if cid not in SUCCESSORS:
        return [str(cid)], None
    pred, last, new, old = SUCCESSORS[cid]
    if period.end <= last:
        return (
            [pred],
            f"{new} before {last + 1} is {old} in SIPRI's data: {old}'s figures are used for {period}",
        )
    if period.start <= last:
        return [
            pred,
            cid,
        ], f"{period} spans {old} (to {last}) and {new} (from {last + 1}): both are counted"
    return [cid], None
