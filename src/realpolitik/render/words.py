"""Words in running text: ordinals ('3rd', 'the largest', not '1st largest'), plurals ('1 dispute',
'2 disputes', never 'dispute(s)') and state names with their article ('the United States'')."""

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


def the(name: str) -> str:
    """A state's name as it reads after a preposition: 'the Soviet Union', 'the United States', 'Iran'."""
    takes = name.startswith(
        ("United ", "Soviet ", "Federal ", "Democratic ", "Russian ")
    ) or name.endswith(("Republic", "Islands", "Emirates", "Netherlands", "Philippines", "Bahamas"))
    return f"the {name}" if takes else name


def The(name: str) -> str:  # noqa: N802 - the sentence-initial form of `the`
    """`the(name)` at the start of a sentence: 'The United States', 'Iran'."""
    t = the(name)
    return t[0].upper() + t[1:]


def poss(name: str, start: bool = False) -> str:
    """A state's name as a possessive: "Iran's", "the United States'", "the Soviet Union's" (`start`:
    capitalised, at the start of a sentence)."""
    t = The(name) if start else the(name)
    return f"{t}'" if t.endswith("s") and t.lower().startswith("the ") else f"{t}'s"
