"""The one place where the slack given to hedged and rounded numbers is written down.

Shares are in percent (0–100), lengths in km, ranks as integers, years as integers.
``c`` is the claimed value, ``a`` the value in the data.

=================  ========================================================  ===============================
comparator         written as                                                holds when
=================  ========================================================  ===============================
``eq`` digits      "67.7 %", "68 %", "689 km"                                shares: whole numbers ± 1 pp ("68 %"
                                                                             covers 67–69), decimals ± half a
                                                                             unit of the last digit (min
                                                                             0.05 pp); lengths ± max(2 %, 1 km)
``eq`` words       "sixty per cent"                                          |a − c| ≤ 1.5 pp
``eq`` fraction    "half", "two-thirds", "a tenth"                           |a − c| ≤ 3 pp
``approx``         about, around, roughly, approximately, some, an           |a − c| ≤ max(3 pp, 10 % of c);
                   estimated, circa, ~                                       lengths ± 10 %
``nearly``         nearly, almost, close to, just shy of, approaching        c − max(5 pp, 10 % of c) ≤ a ≤
                                                                             c + 0.5 pp; lengths c·0.9 ≤ a ≤
                                                                             c·1.005
``gt``             more than, over, above, upwards of, in excess of          a > c − ε (ε = 0.05 pp, 0.5 km)
``ge``             at least, no less than, a minimum of                      a ≥ c − ε
``lt``             less than, under, below, fewer than                       a < c + ε
``le``             at most, no more than, up to                              a ≤ c + ε
quantifier         most, the majority, the bulk, the lion's share            a > 50 pp
                   nearly all, almost all, virtually all                     a ≥ 90 pp
rank ``eq``        "3rd", "third-largest", "largest" (= 1st)                 the data rank equals c exactly
rank ``le``        "among the top five"; "a key/major supplier" (top three)  data rank ≤ c
rank ``gt``/``ne`` "not among the top three" / "not the largest"             data rank > c / ≠ c (none = holds)
change, digits     "rose 43 %", "4.6 % lower"                                as shares: whole numbers ± 1 pp,
                                                                             decimals ± half a unit
change, fraction   "halved", "fell by a third"                               ± 5 pp
change, multiple   "doubled", "three times as high", "11-fold"               ± 10 % of the claimed ratio
change, hedged     more than / about / nearly …                              as shares, on the size of the change
year ``since``     "since 1979"                                              |a − c| ≤ 1 year
=================  ========================================================  ===============================

A rank is never rounded: "24th largest" is only supported by rank 24. Shares are compared
unrounded (the data's full precision) against these bounds.
"""

from __future__ import annotations

EPS_SHARE = 0.05
EPS_KM = 0.5


def share_bounds(
    value: float, comparator: str, form: str = "digits", decimals: int = 0
) -> tuple[float, float]:
    """Inclusive interval of true shares (percent) that make a claimed share hold."""
    c = value
    if comparator == "eq":
        if form == "fraction":
            slack = 3.0
        elif form == "words":
            slack = 1.5
        elif decimals > 0:
            slack = max(0.5 * 10 ** (-decimals), EPS_SHARE)
        else:
            slack = 1.0
        return c - slack, c + slack
    if comparator == "approx":
        slack = max(3.0, 0.1 * c)
        return c - slack, c + slack
    if comparator == "nearly":
        return c - max(5.0, 0.1 * c), c + 0.5
    if comparator == "gt":
        return c + 1e-9 - EPS_SHARE, float("inf")
    if comparator == "ge":
        return c - EPS_SHARE, float("inf")
    if comparator == "lt":
        return float("-inf"), c - 1e-9 + EPS_SHARE
    if comparator == "le":
        return float("-inf"), c + EPS_SHARE
    raise ValueError(f"unknown comparator {comparator!r}")


def share_holds(
    actual: float | None, value: float, comparator: str, form: str = "digits", decimals: int = 0
) -> bool | None:
    """Whether a true share (percent) satisfies the claim; None when the data are missing."""
    if actual is None:
        return None
    lo, hi = share_bounds(value, comparator, form, decimals)
    return lo <= actual <= hi


def length_bounds(km: float, comparator: str) -> tuple[float, float]:
    """Inclusive interval of true lengths (km) that make a claimed length hold."""
    c = km
    if comparator == "eq":
        slack = max(0.02 * c, 1.0)
        return c - slack, c + slack
    if comparator == "approx":
        return 0.9 * c, 1.1 * c
    if comparator == "nearly":
        return 0.9 * c, 1.005 * c
    if comparator == "gt":
        return c - EPS_KM, float("inf")
    if comparator == "ge":
        return c - EPS_KM, float("inf")
    if comparator == "lt":
        return float("-inf"), c + EPS_KM
    if comparator == "le":
        return float("-inf"), c + EPS_KM
    raise ValueError(f"unknown comparator {comparator!r}")


def length_holds(actual: float | None, km: float, comparator: str) -> bool | None:
    """Whether a true length satisfies the claim; None when the data are missing."""
    if actual is None:
        return None
    lo, hi = length_bounds(km, comparator)
    return lo <= actual <= hi


def rank_holds(actual: int | None, rank: int, comparator: str = "eq") -> bool | None:
    """Ranks are exact ('24th' needs 24); 'among the top N' needs rank ≤ N; 'not among the top N'
    (gt) and 'not the Nth' (ne) hold when the state is ranked lower or not at all (actual None)."""
    if comparator in {"gt", "ne"}:
        if actual is None:
            return True
        return actual > rank if comparator == "gt" else actual != rank
    if actual is None:
        return None
    if comparator == "le":
        return actual <= rank
    return actual == rank


def change_bounds(
    value: float, comparator: str, form: str = "digits", decimals: int = 0
) -> tuple[float, float]:
    """Inclusive interval of true changes (percent) that make a claimed change hold. Hedges apply to
    the size of the change: 'fell by more than 30 %' holds for any change ≤ −30 %."""
    sign = -1.0 if value < 0 else 1.0
    c = abs(value)
    if comparator == "eq" and form == "fraction":
        lo, hi = c - 5.0, c + 5.0
    elif comparator == "eq" and form == "multiple":
        ratio = 1 + c / 100
        lo, hi = 100 * (0.9 * ratio - 1), 100 * (1.1 * ratio - 1)
    else:
        lo, hi = share_bounds(c, comparator, "digits" if form == "multiple" else form, decimals)
    if sign > 0:
        return lo, hi
    return -hi, -lo


def change_holds(
    actual: float | None, value: float, comparator: str, form: str = "digits", decimals: int = 0
) -> bool | None:
    """Whether a true change (percent) satisfies the claim; None when the data are missing."""
    if actual is None:
        return None
    lo, hi = change_bounds(value, comparator, form, decimals)
    return lo <= actual <= hi


def _fmt(x: float) -> str:
    if x in (float("inf"), float("-inf")):
        return "∞" if x > 0 else "−∞"
    return f"{x:.2f}".rstrip("0").rstrip(".")


def describe_share(value: float, comparator: str, form: str = "digits", decimals: int = 0) -> str:
    """The tolerance used for a share claim, in words, with the interval it allows."""
    lo, hi = share_bounds(value, comparator, form, decimals)
    why = {
        "eq": {"fraction": "a fraction (± 3 pp)", "words": "a number in words (± 1.5 pp)"}.get(
            form,
            f"a figure with {decimals} decimal{'s' if decimals != 1 else ''} (± {max(0.5 * 10 ** (-decimals), EPS_SHARE):g} pp)"
            if decimals
            else "a whole number (± 1 pp)",
        ),
        "approx": "'about' (± max(3 pp, 10 %))",
        "nearly": "'nearly' (up to max(5 pp, 10 %) below, 0.5 pp above)",
        "gt": "'more than'",
        "ge": "'at least'",
        "lt": "'less than'",
        "le": "'at most'",
    }.get(comparator, comparator)
    if comparator in {"gt", "ge"}:
        return f"{why}: holds above {_fmt(max(lo, 0))} %"
    if comparator in {"lt", "le"}:
        return f"{why}: holds below {_fmt(hi)} %"
    return f"{why}: holds for {_fmt(max(lo, 0))}–{_fmt(min(hi, 100))} %"


def describe_rank(rank: int, comparator: str) -> str:
    if comparator == "le":
        return f"ranks are exact; 'among the top {rank}' holds for ranks 1–{rank}"
    if comparator == "gt":
        return f"'not among the top {rank}' holds for a rank below {rank} or no rank"
    if comparator == "ne":
        return f"'not number {rank}' holds for any other rank"
    return f"ranks are exact: only rank {rank} holds"


def describe_length(km: float, comparator: str) -> str:
    lo, hi = length_bounds(km, comparator)
    if comparator in {"gt", "ge"}:
        return f"lengths: holds above {lo:,.0f} km"
    if comparator in {"lt", "le"}:
        return f"lengths: holds below {hi:,.0f} km"
    rule = {"eq": "± max(2 %, 1 km)", "approx": "± 10 %", "nearly": "−10 % … +0.5 %"}.get(
        comparator, comparator
    )
    return f"lengths {rule}: holds for {lo:,.1f}–{hi:,.1f} km"


def describe_change(value: float, comparator: str, form: str = "digits", decimals: int = 0) -> str:
    lo, hi = change_bounds(value, comparator, form, decimals)
    rule = {
        "fraction": "a fraction of the volume (± 5 pp)",
        "multiple": "a multiple (± 10 % of the ratio)",
    }.get(
        form,
        "as shares (whole numbers ± 1 pp, decimals ± half a unit, hedges on the size of the change)",
    )
    return f"changes: {rule}: holds for {_fmt(lo)} … {_fmt(hi)} %"


def year_holds(actual: int | None, year: int) -> bool | None:
    """A start year ('since 1979') holds within one year (sources date onsets differently)."""
    if actual is None:
        return None
    return abs(actual - year) <= 1
