"""One table cell for people, formatted by the kind of figure its column holds.

Shares (fractions 0–1) as 'xx.x %', years as plain integers ('1815'), money with its unit
('$887.5 m', '$6.17 bn'), dates as dates, counts with thousands separators, TIV always with
one decimal (SIPRI's '0' is 0.0), missing as '–'. JSON and CSV keep the raw values.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import math
from typing import Any

MISSING = "–"
_YEAR_NAMES = frozenset({"year", "start", "end", "from", "to", "cow_from", "cow_to", "styear",
                         "endyear", "first", "last"})  # fmt: skip


def is_share(column: str) -> bool:
    """Columns holding fractions 0–1 ('share', 'b_share_of_a_exports'), shown as percentages."""
    return "share" in column.lower().split("_")


def is_year(column: str) -> bool:
    """Columns holding calendar years ('year', 'order_year', 'first_year', 'cow_from', …)."""
    c = column.lower()
    return c in _YEAR_NAMES or c.endswith("_year") or c.startswith("year_")


def money_scale(column: str) -> float | None:
    """US dollars per unit of a money column ('value_usd' 1, 'value_usd_m' 1e6), else None."""
    c = column.lower()
    if c.endswith("_usd_m") or c.endswith("usd_m"):
        return 1e6
    if c == "milex":  # COW NMC: thousands of US$
        return 1e3
    if c.endswith("_usd") or c == "usd" or c.endswith("_usd_total"):
        return 1.0
    return None


def is_tiv(column: str) -> bool:
    return column == "tiv" or column.startswith("tiv_") or column.endswith("_tiv")


def _missing(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, float):
        return math.isnan(value)
    return type(value).__name__ in ("NAType", "NaTType")


def money(usd: float) -> str:
    """'$6.17 bn', '$887.5 m', '$12,345' (negative amounts keep their sign)."""
    sign, a = ("-" if usd < 0 else ""), abs(usd)
    if a >= 1e9:
        return f"{sign}${a / 1e9:,.2f} bn"
    if a >= 1e6:
        return f"{sign}${a / 1e6:,.1f} m"
    return f"{sign}${a:,.0f}"


def human(column: str, value: Any, *, whole: bool = False) -> str:
    """One cell for people; `whole` says every value of this float column is a whole number."""
    if _missing(value):
        return MISSING
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        with contextlib.suppress(ValueError, AttributeError):
            value = value.item()  # numpy scalar
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, dt.datetime):
        midnight = value.time() == dt.time(0) and value.tzinfo is None
        return (
            value.date().isoformat() if midnight else value.isoformat(sep=" ", timespec="minutes")
        )
    if isinstance(value, dt.date):
        return value.isoformat()
    if not isinstance(value, (int, float)):
        return str(value)
    if is_share(column):
        return f"{100 * value:.1f} %"
    if is_year(column) and float(value).is_integer():
        return str(int(value))
    scale = money_scale(column)
    if scale is not None:
        return money(value * scale)
    if isinstance(value, int):
        return f"{value:,}"
    if is_tiv(column):
        return f"{value:,.1f}"
    if whole and value.is_integer():
        return f"{int(value):,}"
    return f"{value:,.1f}" if abs(value) >= 1 or value == 0 else f"{value:.3g}"
