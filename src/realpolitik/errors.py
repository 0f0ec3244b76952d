"""User-facing errors: the CLI turns these into exit code 2 and one line on stderr."""

from __future__ import annotations


class UserError(Exception):
    """Bad input from the user (not a bug): shown as one line, exit code 2."""


class UnknownCountry(UserError, LookupError):
    """A country name or code the resolver does not know; carries up to three suggestions."""

    def __init__(self, query: str, suggestions: list[str] | None = None) -> None:
        self.query = query
        self.suggestions = list(suggestions or [])[:3]
        msg = f"unknown country {query!r}"
        if not str(query).strip():
            msg = (
                "no country given (an empty name): give a name or code, e.g. 'Azerbaijan' or 'AZE'"
            )
        elif self.suggestions:
            msg += "; did you mean " + ", ".join(repr(s) for s in self.suggestions) + "?"
        super().__init__(msg)


class BadPeriod(UserError, ValueError):
    """A period that is reversed or outside a dataset's coverage."""


class DataMissing(UserError, FileNotFoundError):
    """A snapshot, table or input file that is not there."""
