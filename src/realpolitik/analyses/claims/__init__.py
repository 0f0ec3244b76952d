"""Claim checker: read an article, extract its checkable claims, verify each against the data."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from realpolitik.analyses.claims.report import ClaimReport


def check(text: str, date: str | None = None) -> ClaimReport:
    """Extract and verify every checkable claim in an article (plain text, Markdown or HTML)."""
    from realpolitik.analyses.claims.reader import read_text
    from realpolitik.analyses.claims.report import build_report

    return build_report(read_text(text, date))


__all__ = ["check"]
