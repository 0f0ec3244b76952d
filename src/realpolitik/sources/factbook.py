"""CIA World Factbook (factbook.json): borders, top trade partners, religions, petroleum, basics."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pandas as pd

from realpolitik.snapshot.dataset import Built, Dataset

SUBDIR = "factbook_json"
RELEASE = "factbook.json 8662a8b (2026-05-17, final edition; CIA Factbook offline since Feb 2026)"
SKIP_DIRS = {"meta"}

_TAG = re.compile(r"<[^>]+>")
_YEAR = re.compile(r"\((?:[^()]*?)(\d{4})(?:\s*est\.?)?\)\s*$")
_BORDER = re.compile(
    r"(?:^|;|,|\band\b)\s*(?P<name>[^;,]+?)\s+(?P<km>\d[\d,]*(?:\.\d+)?)\s*km"
    r"(?:\s*\((?P<note>[^)]*)\))?",
)
_PARTNER = re.compile(r"\s*(?P<name>.+?)\s+(?P<pct>\d+(?:\.\d+)?)\s*%\s*(?:,|$)")
_NUMBER = re.compile(r"(\d[\d,]*(?:\.\d+)?)")
_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}


# --------------------------------------------------------------------------- text helpers
def clean(text: Any) -> str | None:
    """Factbook free text without HTML tags/entities and with collapsed whitespace."""
    if text is None:
        return None
    out = html.unescape(_TAG.sub(" ", str(text))).replace("\xa0", " ")
    out = re.sub(r"\s+", " ", out).strip()
    return out or None


def year_of(text: str | None) -> int | None:
    """The year in a trailing '(2023)' or '(2024 est.)', if any."""
    if not text:
        return None
    m = _YEAR.search(text)
    return int(m.group(1)) if m else None


def strip_year(text: str) -> str:
    """Text without its trailing '(YYYY est.)' parenthesis."""
    return _YEAR.sub("", text).strip()


def number(text: str | None) -> float | None:
    """The first number in a text ('1,234.5 km' -> 1234.5), scaled by a following 'million' etc."""
    if not text:
        return None
    m = _NUMBER.search(text)
    if not m:
        return None
    value = float(m.group(1).replace(",", ""))
    rest = text[m.end() :].strip().lower()
    for word, factor in _SCALE.items():
        if rest.startswith(word):
            value *= factor
            break
    return value


# --------------------------------------------------------------------------- field parsers
def parse_borders(text: str | None) -> list[dict[str, Any]]:
    """'Armenia 996 km; Iran 689 km (note)' -> [{'neighbour': 'Armenia', 'km': 996.0, 'note': None}, …]."""
    text = clean(text)
    if not text:
        return []
    out = []
    for m in _BORDER.finditer(text):
        name = m.group("name").strip()
        if not name or name[0].isdigit():
            continue
        out.append(
            {
                "neighbour": name,
                "km": float(m.group("km").replace(",", "")),
                "note": clean(m.group("note")),
            }
        )
    return out


def parse_partners(text: str | None) -> tuple[list[dict[str, Any]], int | None]:
    """'Italy 37%, Turkey 19% (2023)' -> ([{'partner': 'Italy', 'share': 0.37, 'rank': 1}, …], 2023)."""
    text = clean(text)
    if not text:
        return [], None
    year = year_of(text)
    body = strip_year(text)
    rows = []
    pos = 0
    for m in _PARTNER.finditer(body):
        if m.start() != pos:  # an unparseable stretch: stop rather than guess
            break
        pos = m.end()
        rows.append(
            {"partner": m.group("name").strip(), "share": round(float(m.group("pct")) / 100, 6)}
        )
    for i, r in enumerate(rows, start=1):
        r["rank"] = i
    return rows, year


def _split_top(text: str, seps: str = ",;") -> list[str]:
    """Split on separators outside parentheses."""
    parts, depth, cur = [], 0, []
    for ch in text:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        if ch in seps and depth == 0:
            parts.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    parts.append("".join(cur))
    return [p.strip() for p in parts if p.strip()]


_REL_ITEM = re.compile(
    r"^(?P<name>.*?)\s*(?P<detail1>\([^()]*(?:\([^()]*\)[^()]*)*\))?\s*"
    r"(?P<lt><|less than\s*)?(?P<num>\d+(?:\.\d+)?)(?:\s*[-–]\s*(?P<hi>\d+(?:\.\d+)?))?(?:/\d+)?\s*(?:%|percent)?\s*"
    r"(?P<detail2>\(.*\))?\s*$"
)
_LESS_THAN = re.compile(r"^less than (\d+(?:\.\d+)?)\s*(?:%|percent)\s*:\s*(.*)$", re.I)


def _split_unseparated(part: str) -> list[str]:
    """Split items the source forgot to separate ("… 58.6% Roman Catholic 3.8%", "… 3%) other 2%"):
    at top level, after a '%' or ')' that closes a figure, before a word that has its own figure."""
    out, depth, start = [], 0, 0
    for i, ch in enumerate(part):
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        if depth == 0 and ch == " " and i > 0 and part[i - 1] in "%)" and "%" in part[start:i]:
            rest = part[i + 1 :]
            if rest[:1].isalpha() and re.search(r"\d\s*%", rest):
                out.append(part[start:i].strip())
                start = i + 1
    out.append(part[start:].strip())
    return [p for p in out if p]


def parse_religions(text: str | None) -> tuple[list[dict[str, Any]], int | None]:
    """'Muslim 97.3% (Shia), other <0.1 (2020 est.)' -> rows of religion, share (fraction or null), share_text."""
    text = clean(text)
    if not text:
        return [], None
    year = year_of(text)
    body = strip_year(text)
    rows: list[dict[str, Any]] = []
    below: str | None = None
    # items the source forgot to separate ("Protestant 27.1% other Christian 6.1%") are split at "% <word>"
    body = re.split(r";\s*note\b|\bnote\s*[-–:]", body, maxsplit=1, flags=re.I)[
        0
    ]  # notes are not items
    body = re.sub(r"%\.\s+", "%, ", body)  # "0.2%. agnostic" (a full stop for a comma)
    items = [p for part in _split_top(body) for p in _split_unseparated(part)]
    for part in items:
        lt = _LESS_THAN.match(part)
        if lt:
            below = lt.group(1)
            part = lt.group(2).strip()
            if not part:
                continue
        bare = re.fullmatch(r"(\d+(?:\.\d+)?)\s*%", part)
        if bare and rows and rows[-1]["share"] is None and rows[-1]["share_text"] is None:
            rows[-1]["share"] = round(
                float(bare.group(1)) / 100, 6
            )  # "Muslim, 1.3%": a stray comma
            rows[-1]["share_text"] = f"{bare.group(1)}%"
            continue
        if part.startswith("(") and rows:  # a stray parenthesis belongs to the previous item
            extra = part.strip("() ")
            rows[-1]["detail"] = f"{rows[-1]['detail']}; {extra}" if rows[-1]["detail"] else extra
            continue
        m = _REL_ITEM.match(part)
        if m and m.group("name"):
            name = m.group("name").strip()
            detail = " ".join(d.strip("() ") for d in (m.group("detail1"), m.group("detail2")) if d)
            if m.group("hi"):  # a range ("81-90%"): no single figure, keep the source's text
                rows.append(
                    {
                        "religion": name,
                        "share": None,
                        "share_text": f"{m.group('num')}–{m.group('hi')}%",
                        "detail": detail or None,
                    }
                )
            elif m.group("lt"):
                rows.append(
                    {
                        "religion": name,
                        "share": None,
                        "share_text": f"<{m.group('num')}%",
                        "detail": detail or None,
                    }
                )
            else:
                rows.append(
                    {
                        "religion": name,
                        "share": round(float(m.group("num")) / 100, 6),
                        "share_text": f"{m.group('num')}%",
                        "detail": detail or None,
                    }
                )
        else:
            name = re.sub(r"\s*\(.*\)\s*$", "", part).strip()
            detail = part[len(name) :].strip(" ()") or None
            rows.append(
                {
                    "religion": name,
                    "share": None,
                    "share_text": f"<{below}%" if below else None,
                    "detail": detail,
                }
            )
    for i, r in enumerate(rows, start=1):
        r["order"] = i
        r["share_low"], r["share_high"] = share_bounds(r["share"], r["share_text"])
    return rows, year


def share_bounds(share: float | None, share_text: str | None) -> tuple[float | None, float | None]:
    """The range a published share lies in, as fractions: '2%' (0.02, 0.02), '81–90%' (0.81, 0.9),
    '<1%' (0, 0.01); (None, None) when the source gives no percentage."""
    if share is not None:
        return share, share
    if not share_text:
        return None, None
    if m := re.fullmatch(r"(\d+(?:\.\d+)?)–(\d+(?:\.\d+)?)%", share_text):
        return round(float(m[1]) / 100, 6), round(float(m[2]) / 100, 6)
    if m := re.fullmatch(r"<(\d+(?:\.\d+)?)%", share_text):
        return 0.0, round(float(m[1]) / 100, 6)
    return None, None


# --------------------------------------------------------------------------- resolver glue
def country_id(text: str | None, gec: str | None = None) -> str | None:
    """Resolver id for a Factbook GEC code or name; None when the resolver does not know it."""
    try:
        from realpolitik import countries
    except ImportError:  # resolver not available yet
        return None
    if gec:
        try:
            c = countries.from_gec(gec)
            if c is not None:
                return c.id
        except Exception:  # noqa: BLE001 - unknown GEC codes (oceans, world) simply have no id
            pass
    if not text:
        return None
    for candidate in (text, re.sub(r"\s*\(.*?\)\s*", " ", text).strip()):
        try:
            c = countries.try_resolve(candidate)
        except Exception:  # noqa: BLE001
            c = None
        if c is not None:
            return c.id
    return None


# --------------------------------------------------------------------------- profile reading
def _get(d: dict, *path: str) -> Any:
    for p in path:
        if not isinstance(d, dict):
            return None
        d = d.get(p)  # type: ignore[assignment]
    return d


def _text(d: dict, *path: str) -> str | None:
    v = _get(d, *path)
    if isinstance(v, dict):
        v = v.get("text")
    return clean(v) if isinstance(v, str) else None


def _latest_sub(d: dict, *path: str) -> str | None:
    """Latest year's text of a field with per-year sub-keys ('Exports 2024'), else its text."""
    v = _get(d, *path)
    if not isinstance(v, dict):
        return None
    if "text" in v:
        return clean(v["text"])
    years = [(k, year_of("(" + k.rsplit(" ", 1)[-1] + ")")) for k in v if isinstance(v[k], dict)]
    years = [(k, y) for k, y in years if y]
    if not years:
        return None
    key = max(years, key=lambda t: t[1])[0]
    return clean(v[key].get("text"))


def profile_files(root: Path) -> list[Path]:
    """Every '<region>/<gec>.json' profile under a factbook.json tree (world/xx included)."""
    return sorted(p for p in root.glob("*/*.json") if p.parent.name not in SKIP_DIRS)


def read_profile(path: Path) -> dict[str, Any]:
    """One profile file as parsed JSON."""
    return json.loads(path.read_text(encoding="utf-8"))


def profile_row(gec: str, region: str, d: dict) -> dict[str, Any]:
    """Flat basic facts of one profile: names, population, GDP, government, petroleum, raw texts."""
    short = _text(d, "Government", "Country name", "conventional short form")
    if not short or short.lower() == "none":
        short = _text(d, "Government", "Country name", "conventional long form")
    if not short or short.lower() == "none":
        short = gec
    pop = _text(d, "People and Society", "Population", "total") or _text(
        d, "People and Society", "Population"
    )
    gdp = _text(d, "Economy", "GDP (official exchange rate)")
    gdp_ppp = _latest_sub(d, "Economy", "Real GDP (purchasing power parity)")
    gdp_pc = _latest_sub(d, "Economy", "Real GDP per capita")
    oil = _text(d, "Energy", "Petroleum", "total petroleum production")
    refined = _text(d, "Energy", "Petroleum", "refined petroleum consumption")
    reserves = _text(d, "Energy", "Petroleum", "crude oil estimated reserves")
    gas = _text(d, "Energy", "Natural gas", "production")
    land = _text(d, "Geography", "Land boundaries", "total")
    exports = _latest_sub(d, "Economy", "Exports")
    imports = _latest_sub(d, "Economy", "Imports")
    return {
        "gec": gec,
        "region": region,
        "name": short,
        "id": country_id(short, gec),
        "government_type": _text(d, "Government", "Government type"),
        "population": number(pop),
        "population_year": year_of(pop),
        "population_text": pop,
        "gdp_usd": number(gdp.lstrip("$")) if gdp and gdp.startswith("$") else None,
        "gdp_year": year_of(gdp),
        "gdp_text": gdp,
        "gdp_ppp_text": gdp_ppp,
        "gdp_per_capita_ppp_text": gdp_pc,
        "exports_text": exports,
        "imports_text": imports,
        "land_boundaries_km": number(land),
        "coastline_text": _text(d, "Geography", "Coastline"),
        "oil_production_bbl_day": number(oil),
        "oil_production_year": year_of(oil),
        "oil_production_text": oil,
        "refined_consumption_bbl_day": number(refined),
        "crude_reserves_bbl": number(reserves),
        "crude_reserves_text": reserves,
        "gas_production_text": gas,
        "religions_text": _text(d, "People and Society", "Religions"),
        "exports_partners_text": _text(d, "Economy", "Exports - partners"),
        "imports_partners_text": _text(d, "Economy", "Imports - partners"),
        "borders_text": _text(d, "Geography", "Land boundaries", "border countries")
        or _text(d, "Geography", "Land boundaries", "regional borders")
        or _text(d, "Geography", "Land boundaries", "border sovereign base areas"),
        "disputes_text": _text(d, "Transnational Issues", "Disputes - international"),
    }


def parse_tree(root: Path) -> dict[str, pd.DataFrame]:
    """Parse a factbook.json tree into profiles, borders, partners and religions tables."""
    profiles, borders, partners, religions = [], [], [], []
    for path in profile_files(root):
        gec, region = path.stem, path.parent.name
        row = profile_row(gec, region, read_profile(path))
        profiles.append(row)
        base = {"gec": gec, "id": row["id"], "name": row["name"]}
        for b in parse_borders(row["borders_text"]):
            borders.append({**base, **b, "neighbour_id": country_id(b["neighbour"])})
        for flow in ("exports", "imports"):
            rows, year = parse_partners(row[f"{flow}_partners_text"])
            for r in rows:
                partners.append(
                    {
                        **base,
                        "flow": flow,
                        "year": year,
                        **r,
                        "partner_id": country_id(r["partner"]),
                    }
                )
        rel, ryear = parse_religions(row["religions_text"])
        religions += [{**base, "year": ryear, **r} for r in rel]
    return {
        "factbook_profiles": pd.DataFrame(profiles),
        "factbook_borders": _frame(
            borders, ["gec", "id", "name", "neighbour", "neighbour_id", "km", "note"]
        ),
        "factbook_partners": _frame(
            partners,
            ["gec", "id", "name", "flow", "year", "rank", "partner", "partner_id", "share"],
        ),
        "factbook_religions": _frame(
            religions,
            [
                "gec",
                "id",
                "name",
                "year",
                "order",
                "religion",
                "share",
                "share_text",
                "share_low",
                "share_high",
                "detail",
            ],
        ),
    }


def _frame(rows: Iterable[dict[str, Any]], cols: list[str]) -> pd.DataFrame:
    frame = pd.DataFrame(list(rows), columns=cols)
    for c in ("year", "rank", "order"):
        if c in frame:
            frame[c] = frame[c].astype("Int64")
    return frame


def build(raw_root: Path) -> Built:
    """Build the 'factbook' dataset from raw/factbook_json."""
    root = raw_root / SUBDIR
    tables = parse_tree(root)
    years = tables["factbook_partners"]["year"].dropna()
    cov = (int(years.min()), int(years.max())) if len(years) else None
    unresolved = sorted(
        set(
            tables["factbook_borders"].loc[
                tables["factbook_borders"]["neighbour_id"].isna(), "neighbour"
            ]
        )
    )
    notes = [
        "Factbook values are free text; the year of each figure is the one in its own parenthesis.",
        "Top-5 trade partners only (shares of the country's total exports/imports).",
        "Border neighbours listed in several segments (e.g. 'China (southeast) … and China (south) …') are summed per neighbour in queries.",
    ]
    if unresolved:
        notes.append("Border names without a resolver id: " + ", ".join(unresolved))
    return Built(
        tables=tables,
        release=RELEASE,
        files=profile_files(root),
        coverage={"factbook_partners": cov} if cov else {},
        notes=notes,
    )


DATASETS = [
    Dataset(
        name="factbook",
        title="CIA World Factbook (JSON edition)",
        build=build,
        citation="Central Intelligence Agency. The World Factbook (final edition, 2026), via the factbook/factbook.json project.",
        url="https://github.com/factbook/factbook.json",
        licence="Public domain (US government); factbook.json CC0-1.0",
        bibtex=(
            "@misc{cia_factbook,\n  author = {{Central Intelligence Agency}},\n  title = {The World Factbook},\n"
            "  year = {2026},\n  howpublished = {\\url{https://github.com/factbook/factbook.json}}\n}"
        ),
    )
]
