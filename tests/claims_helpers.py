"""What the claim-pattern tests share: the article date whose default SIPRI window is 2019–23, a lead sentence
that names no state, and the claims of one type the checker reads in a text."""

from __future__ import annotations

from datetime import date

from realpolitik.analyses.claims import check

DAY = date(2024, 5, 1)  # SIPRI's default window: 2019–23
LEAD = "SIPRI published its new data on international arms transfers. "


def claims_of(text: str, kind: str, day: date = DAY) -> list:
    """The claims of one type the checker reads in a text."""
    return [c for c in check(text, day).claims if c.type == kind]
