"""Numbers in running text: ordinals ('3rd', 'the largest', not '1st largest') and plurals
('1 dispute', '2 disputes', never 'dispute(s)')."""

from __future__ import annotations


def ordinal(n: int) -> str:
    """1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, 102nd."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def nth(n: int, superlative: str = "largest") -> str:
    """'largest' for 1, else '3rd largest' (no '1st largest')."""
    return superlative if n == 1 else f"{ordinal(n)} {superlative}"


def plural(n: int, word: str, many: str | None = None) -> str:
    """'1 dispute', '2 disputes', '0 disputes'; `many` for irregular plurals ('1 country', 'countries')."""
    if n == 1:
        return f"1 {word}"
    return f"{n:,} {many or word + 's'}"
