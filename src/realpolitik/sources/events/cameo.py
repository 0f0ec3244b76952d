"""CAMEO event codes, Goldstein scale, QuadClass, actor types, countries and the CAMEO→PLOVER mapping.

All tables are read from the vendored lookup files in `lookups/` (see lookups/ATTRIBUTION.md):
the official GDELT lookups (CAMEO.eventcodes.txt, CAMEO.goldsteinscale.txt, CAMEO.type.txt) and the
OEDA CAMEO2PLOVER-2021 conversion table. QuadClass follows the GDELT codebook: root codes 01–05 verbal
cooperation, 06–08 material cooperation, 09–13 verbal conflict, 14–20 material conflict.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pandas as pd

LOOKUPS = Path(__file__).resolve().parent / "lookups"

QUAD_NAMES = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}

# PLOVER top-level event types by QuadClass (PLOVER manual; older GSR names DEMAND, DISAPPROVE,
# INVESTIGATE and FIGHT are the 0.5 names of REQUEST, ACCUSE and ASSAULT).
PLOVER_QUAD = {
    "AGREE": 1,
    "CONSULT": 1,
    "SUPPORT": 1,
    "COOPERATE": 2,
    "AID": 2,
    "RETREAT": 2,
    "CONCEDE": 2,
    "REQUEST": 3,
    "DEMAND": 3,
    "ACCUSE": 3,
    "DISAPPROVE": 3,
    "INVESTIGATE": 3,
    "REJECT": 3,
    "THREATEN": 3,
    "PROTEST": 4,
    "SANCTION": 4,
    "MOBILIZE": 4,
    "COERCE": 4,
    "ASSAULT": 4,
    "FIGHT": 4,
}


def quad_class(root_code: str | int | None) -> int | None:
    """GDELT QuadClass (1–4) of a CAMEO root code ('01'..'20'); None when not a CAMEO root."""
    if root_code is None or root_code == "":
        return None
    try:
        root = int(root_code)
    except (TypeError, ValueError):
        return None
    if 1 <= root <= 5:
        return 1
    if 6 <= root <= 8:
        return 2
    if 9 <= root <= 13:
        return 3
    if 14 <= root <= 20:
        return 4
    return None


def quad_case_sql(root_expr: str) -> str:
    """SQL CASE giving QuadClass from a 2-character root-code expression (portable DuckDB/Spark)."""
    return (
        f"CASE WHEN {root_expr} BETWEEN '01' AND '05' THEN 1 "
        f"WHEN {root_expr} BETWEEN '06' AND '08' THEN 2 "
        f"WHEN {root_expr} BETWEEN '09' AND '13' THEN 3 "
        f"WHEN {root_expr} BETWEEN '14' AND '20' THEN 4 END"
    )


def root_of(code: str | None) -> str | None:
    """Root (first two digits) of a CAMEO event code such as '0834' → '08'."""
    if not code or len(code) < 2 or not code[:2].isdigit():
        return None
    return code[:2]


@cache
def event_codes() -> pd.DataFrame:
    """CAMEO event codes with description, root code, Goldstein weight and QuadClass."""
    desc = pd.read_csv(LOOKUPS / "CAMEO.eventcodes.txt", sep="\t", dtype=str)
    gold = pd.read_csv(
        LOOKUPS / "CAMEO.goldsteinscale.txt", sep="\t", dtype={"CAMEOEVENTCODE": str}
    )
    df = desc.merge(gold, on="CAMEOEVENTCODE", how="left")
    df.columns = ["code", "description", "goldstein"]
    df["root_code"] = df["code"].str[:2]
    df["quad_class"] = df["root_code"].map(quad_class).astype("Int64")
    return df


@cache
def goldstein_map() -> dict[str, float]:
    """CAMEO event code → Goldstein weight (official GDELT table, 311 codes)."""
    df = event_codes()
    return dict(zip(df["code"], df["goldstein"].astype(float), strict=True))


@cache
def actor_types() -> dict[str, str]:
    """CAMEO actor type code (GOV, MIL, REB, …) → label."""
    df = pd.read_csv(LOOKUPS / "CAMEO.type.txt", sep="\t", dtype=str, keep_default_na=False)
    return dict(zip(df["CODE"], df["LABEL"], strict=True))


def country_id(code: str | None) -> str | None:
    """Resolver id of a CAMEO country code (mostly ISO3; CAMEO spellings via the resolver); None for regions."""
    if not code or not str(code).strip():
        return None
    from realpolitik.countries import from_cameo
    from realpolitik.errors import UnknownCountry

    try:
        return from_cameo(str(code)).id
    except (UnknownCountry, LookupError, ValueError):
        return None


@cache
def known_codes() -> list[str]:
    """Every 3-letter code the resolver knows as ISO3 or id, plus CAMEO's own codes (a static lookup)."""
    from realpolitik.countries import all_countries, cameo_codes

    codes = set(cameo_codes())
    for c in all_countries():
        for code in (c.iso3, c.id):
            if code and len(code) == 3 and code.isalpha():
                codes.add(code.upper())
    return sorted(codes)


def country_table(codes: list[str]) -> pd.DataFrame:
    """Lookup table code → id for a set of codes (joined in SQL instead of resolving row by row)."""
    uniq = sorted({c.strip().upper() for c in codes if c and str(c).strip()})
    return pd.DataFrame({"code": uniq, "id": [country_id(c) for c in uniq]}, dtype=object)


_LINE = re.compile(r"^(\d{2,4}):\s*([A-Z]+)\s*(?:,([^,#]*))?(?:,([^#]*))?(?:#\s*(.*))?$")


@cache
def cameo_to_plover() -> pd.DataFrame:
    """CAMEO code → PLOVER event, mode, context, from CAMEO2PLOVER-2021 (first entry wins on duplicates).

    Two-digit lines ('03: AGREE') give the root default; root 08 is listed twice (CONCEDE, then
    RETREAT for 084–087): the first is the root default. CAMEO roots 01 (statements) and 02 (appeals)
    have no PLOVER equivalent in the table and stay unmapped.
    """
    rows = []
    for line in (LOOKUPS / "CAMEO2PLOVER-2021.txt").read_text(encoding="utf-8").splitlines():
        m = _LINE.match(line.strip())
        if not m:
            continue
        code, event, mode, context, label = m.groups()
        rows.append(
            {
                "code": code,
                "plover_event": event,
                "plover_mode": (mode or "").strip() or None,
                "plover_context": (context or "").strip() or None,
                "label": (label or "").strip() or None,
            }
        )
    return pd.DataFrame(rows).drop_duplicates("code", keep="first").reset_index(drop=True)


@cache
def _plover_dict() -> dict[str, str]:
    df = cameo_to_plover()
    return dict(zip(df["code"], df["plover_event"], strict=True))


def plover_event(code: str | None) -> str | None:
    """PLOVER event type of a CAMEO code: exact code, else its 3-digit base, else its root; None if unmapped."""
    if not code:
        return None
    table = _plover_dict()
    for key in (code, code[:3], code[:2]):
        if key in table:
            return table[key]
    return None


def plover_table() -> pd.DataFrame:
    """Every official CAMEO code with its PLOVER event type (for a SQL join)."""
    codes = event_codes()["code"].tolist()
    return pd.DataFrame(
        {"code": codes, "plover_event": [plover_event(c) for c in codes]}, dtype=object
    )
