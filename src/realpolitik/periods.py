"""Inclusive year ranges and their validation against a dataset's coverage."""

from __future__ import annotations

from dataclasses import dataclass

from realpolitik.errors import BadPeriod


@dataclass(frozen=True)
class Period:
    """An inclusive range of years, e.g. Period(2016, 2020) is '2016–2020'."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if self.start > self.end:
            raise BadPeriod(f"--from {self.start} is after --to {self.end}")

    def __str__(self) -> str:
        return str(self.start) if self.start == self.end else f"{self.start}–{self.end}"

    @property
    def years(self) -> range:
        return range(self.start, self.end + 1)

    def check_within(self, first: int, last: int, what: str) -> None:
        """Raise BadPeriod naming the coverage when the period is not inside [first, last]."""
        if self.start < first or self.end > last:
            raise BadPeriod(f"{self} is outside the coverage of {what} ({first}–{last})")


def windows(first: int, last: int, width: int) -> list[Period]:
    """Every window of `width` years whose years all lie in [first, last]."""
    if width < 1:
        raise BadPeriod("--width must be at least 1")
    if width > last - first + 1:
        raise BadPeriod(
            f"--width {width} is longer than the coverage {first}–{last} ({last - first + 1} years)"
        )
    return [Period(y, y + width - 1) for y in range(first, last - width + 2)]
