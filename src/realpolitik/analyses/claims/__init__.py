"""Claim checker: read an article, extract its checkable claims, verify each against the data.

Stages (each a module with a typed output, see docs/claims.md): ``reader`` (text, date) →
``segment`` (sentences, clauses) → ``mentions`` (states, organisations, regions, anaphors) →
``frames`` (what each value is about) → ``claims`` (typed claims) → ``verify`` (one module per
claim type) → ``report`` (JSON, table, Markdown, HTML).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from realpolitik.analyses.claims.report import ClaimReport

MAX_CHARS = 2_000_000


def check(
    text: str,
    date: str | None = None,
    *,
    max_chars: int | None = MAX_CHARS,
    deadline: float | None = None,
) -> ClaimReport:
    """Extract and verify every checkable claim in an article (plain text, Markdown or HTML).

    `max_chars` bounds the input (longer input raises ``reader.InputTooLarge``, a UserError);
    `deadline` (seconds of wall time from now) bounds the work: past it, ``extract.CheckTimeout``
    (a UserError) is raised. Both let a server cap one request's cost.
    """
    import time

    from realpolitik.analyses.claims.reader import read_text
    from realpolitik.analyses.claims.report import build_report

    until = None if deadline is None else time.monotonic() + deadline
    return build_report(read_text(text, date, max_chars=max_chars), deadline=until)


__all__ = ["check", "MAX_CHARS"]
