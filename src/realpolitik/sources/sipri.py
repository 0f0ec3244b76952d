"""SIPRI Arms Transfers Database, read in the formats SIPRI publishes.

Readers (pure: path -> DataFrame):
- `read_deliveries`: the per-delivery export ("SIPRI AT Database ID, Supplier, …, TIV delivery values"),
  ASCII/CRLF, 11-line preamble, a stray ';' ending every line.
- `read_register`: the deal-level trade register (latin-1, 11-line preamble, three header cells named ' ',
  rows split by unquoted line breaks inside Comments).
- `read_tiv_table`: a per-supplier "TIV of arms exports from X, 1950-YYYY" table (years as columns).
- `read_tidy_360info`: 360info's tidy long copy of those tables (used for cross-checks).
- `read_totals`: SIPRI's "Volume of transfers of major arms" importer/exporter totals by year.

In every SIPRI export '0' means 0 < TIV < 0.5 and an empty cell means no deliveries: zeros are kept as
0.0 (flag `under_half`), empty cells produce no row.
"""

from __future__ import annotations

import csv
import io
import re
from datetime import datetime
from pathlib import Path

import pandas as pd

from realpolitik.snapshot.dataset import Built, Dataset, RawFormatError

GENERATED = re.compile(r"(?:Data generated|Generated):\s*(\d{1,2} \w+ \d{4})")
SIPRI_URL = "https://www.sipri.org/databases/armstransfers"


def generated_date(text: str) -> datetime | None:
    """The 'Data generated: 12 Feb 2026' date in a SIPRI preamble, if any."""
    m = GENERATED.search(text)
    if not m:
        return None
    for fmt in ("%d %b %Y", "%d %B %Y"):
        try:
            return datetime.strptime(m.group(1), fmt)
        except ValueError:
            continue
    return None


def release_of(generated: datetime | None) -> str:
    """SIPRI revises the whole database each March: an export made before March Y is release Y-1."""
    if generated is None:
        return "unknown"
    return str(generated.year if generated.month >= 3 else generated.year - 1)


def _preamble_and_body(text: str, header_prefix: str) -> tuple[str, str]:
    lines = text.splitlines()
    for i, line in enumerate(lines):
        if line.startswith(header_prefix):
            return "\n".join(lines[:i]), "\n".join(lines[i:])
    raise ValueError(f"no header line starting with {header_prefix!r}")


DELIVERY_COLUMNS = {
    "SIPRI AT Database ID": "deal_id",
    "Supplier": "supplier",
    "Recipient": "recipient",
    "Designation": "designation",
    "Description": "description",
    "Armament category": "category",
    "Order date": "order_year",
    "Order date is estimate": "order_year_estimated",
    "Numbers delivered": "delivered",
    "Numbers delivered is estimate": "delivered_estimated",
    "Delivery year": "year",
    "Delivery year is estimate": "year_estimated",
    "Status": "status",
    "SIPRI estimate": "sipri_estimate",
    "TIV deal unit": "tiv_unit",
    "TIV delivery values": "tiv",
    "Local production": "local_production",
}


def _yes_no(s: pd.Series) -> pd.Series:
    return s.map({"Yes": True, "No": False}).astype("boolean")


FIRST_YEAR = 1950  # SIPRI's database starts in 1950 (orders may be older)
REQUIRED = ("deal_id", "supplier", "recipient", "year", "tiv", "order_year")


def _rows(body: str, name: str, semicolons: bool) -> list[list[str]]:
    """CSV rows of an export body, every one with the header's field count (a cut file has fewer)."""
    lines = body.splitlines()
    while lines and not lines[-1].strip():
        lines.pop()
    if semicolons:
        bad = next((i for i, line in enumerate(lines) if not line.endswith(";")), None)
        if bad is not None:
            raise RawFormatError(
                f"{name}: line {bad + 1} of the table does not end with ';' like every line of this "
                "export (truncated or damaged file)"
            )
        lines = [line[:-1] for line in lines]
    rows = list(csv.reader(io.StringIO("\n".join(lines))))
    width = len(rows[0]) if rows else 0
    for i, row in enumerate(rows[1:], start=2):
        if len(row) != width:
            raise RawFormatError(
                f"{name}: table line {i} has {len(row)} fields, expected {width} (truncated or damaged file)"
            )
    return rows


def _numbers(df: pd.DataFrame, columns: tuple[str, ...], kind: type, name: str) -> None:
    for c in columns:
        try:
            values = pd.to_numeric(df[c], errors="raise")
        except (ValueError, TypeError):
            bad = df[c][pd.to_numeric(df[c], errors="coerce").isna() & df[c].notna()]
            raise RawFormatError(
                f"{name}: column {c!r} holds {bad.iloc[0]!r}, not a number"
            ) from None
        df[c] = values.astype("Int64" if kind is int else float)


def check_unique_deliveries(df: pd.DataFrame, name: str) -> None:
    """One row per deal and delivery year in a per-delivery export; duplicates would double TIV."""
    dup = df[df.duplicated(["deal_id", "year"], keep=False)]
    if len(dup):
        first = dup.iloc[0]
        n = int(df.duplicated(["deal_id", "year"]).sum())
        raise RawFormatError(
            f"{name}: {n:,} duplicated row(s) (same SIPRI AT Database ID and delivery year), "
            f"e.g. deal {first['deal_id']} in {first['year']}"
        )


def read_deliveries(path: Path) -> tuple[pd.DataFrame, datetime | None]:
    """The per-delivery export: one row per deal and delivery year, checked against the format
    (required columns, field counts, types, year range, no duplicated deal-years)."""
    text = path.read_text(encoding="latin-1")
    try:
        preamble, body = _preamble_and_body(text, "SIPRI AT Database ID")
    except ValueError:
        raise RawFormatError(
            f"{path.name}: not a SIPRI per-delivery export (no 'SIPRI AT Database ID' header)"
        ) from None
    generated = generated_date(preamble)
    rows = _rows(body, path.name, semicolons=body.splitlines()[0].endswith(";"))
    header = [h.strip() for h in rows[0]]
    missing = set(DELIVERY_COLUMNS) - set(header)
    if missing:
        raise RawFormatError(
            f"{path.name}: not a SIPRI per-delivery export (missing {sorted(missing)})"
        )
    if len(rows) < 2:
        raise RawFormatError(f"{path.name}: no delivery rows below the header (truncated file?)")
    df = pd.DataFrame(rows[1:], columns=header).replace({"": None})
    df = df.rename(columns=DELIVERY_COLUMNS)[list(DELIVERY_COLUMNS.values())]
    for c in ("order_year_estimated", "delivered_estimated", "year_estimated", "local_production"):
        df[c] = _yes_no(df[c])
    _numbers(df, ("deal_id", "order_year", "delivered", "year"), int, path.name)
    _numbers(df, ("sipri_estimate", "tiv_unit", "tiv"), float, path.name)
    empty = [c for c in REQUIRED if df[c].isna().any()]
    if empty:
        raise RawFormatError(f"{path.name}: empty {', '.join(empty)} in some rows")
    last = generated.year if generated else datetime.now().year
    out = df[(df["year"] < FIRST_YEAR) | (df["year"] > last)]
    if len(out):
        raise RawFormatError(
            f"{path.name}: delivery year {out['year'].iloc[0]} outside {FIRST_YEAR}–{last}"
        )
    if (df["tiv"] < 0).any():
        raise RawFormatError(f"{path.name}: negative TIV delivery values")
    check_unique_deliveries(df, path.name)
    return df, generated


REGISTER_COLUMNS = [
    "recipient", "supplier", "order_year", "order_year_uncertain", "ordered", "ordered_uncertain",
    "designation", "description", "delivered", "delivered_uncertain", "delivery_years", "status",
    "comments", "tiv_unit", "tiv_order", "tiv_delivered",
]  # fmt: skip


def _join_split_records(rows: list[list[str]], width: int) -> list[list[str]]:
    """Rejoin records that an unquoted line break inside Comments split into two physical rows."""
    out: list[list[str]] = []
    pending: list[str] | None = None
    for row in rows:
        if pending is not None:
            pending[-1] = pending[-1] + "\n" + (row[0] if row else "")
            pending.extend(row[1:])
            row, pending = pending, None
        if len(row) < width:
            pending = row
            continue
        if len(row) > width:
            raise RawFormatError(
                f"register row with {len(row)} fields (expected {width}): {row[:3]}"
            )
        out.append(row)
    if pending is not None:
        raise RawFormatError(
            f"register ends inside a split record (truncated file?): {pending[:3]}"
        )
    return out


def read_register(path: Path) -> tuple[pd.DataFrame, datetime | None]:
    """The deal-level register: one row per deal, delivery years as a list, TIV per deal."""
    text = path.read_text(encoding="latin-1")
    try:
        preamble, body = _preamble_and_body(text, "Recipient,Supplier,Year of order")
    except ValueError:
        raise RawFormatError(
            f"{path.name}: not a SIPRI trade register (no 'Recipient,Supplier,Year of order' header)"
        ) from None
    rows = list(csv.reader(io.StringIO(body)))
    header, data = rows[0], [r for r in rows[1:] if any(cell.strip() for cell in r)]
    if len(header) != len(REGISTER_COLUMNS):
        raise RawFormatError(
            f"{path.name}: expected {len(REGISTER_COLUMNS)} columns, got {len(header)}"
        )
    df = pd.DataFrame(_join_split_records(data, len(header)), columns=REGISTER_COLUMNS)
    df = df.replace({"": None})
    for c in ("order_year_uncertain", "ordered_uncertain", "delivered_uncertain"):
        df[c] = df[c].eq("?")
    _numbers(df, ("order_year", "ordered", "delivered"), int, path.name)
    _numbers(df, ("tiv_unit", "tiv_order", "tiv_delivered"), float, path.name)
    years = df["delivery_years"].fillna("").str.findall(r"\d{4}")
    df["first_delivery"] = years.map(lambda ys: int(ys[0]) if ys else None).astype("Int64")
    df["last_delivery"] = years.map(lambda ys: int(ys[-1]) if ys else None).astype("Int64")
    return df, generated_date(preamble)


TITLE = re.compile(r"TIV of arms exports from (.+?), (\d{4})-(\d{4})")


def _year_table(rows: list[list[str]], name: str, key: int, line0: int) -> tuple[list, bool]:
    """(party, year, tiv) records of a SIPRI year-column table; whether it ends with its Total row.

    Every line has the header's field count (a cut file does not), a party appears once."""
    header = rows[0]
    year_cols = [(i, int(h)) for i, h in enumerate(header) if h.strip().isdigit()]
    records, seen, total = [], set(), False
    for n, row in enumerate(rows[1:], start=line0 + 1):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            raise RawFormatError(
                f"{name}: line {n} has {len(row)} fields, expected {len(header)} (truncated or damaged file)"
            )
        party = row[key].strip()
        if party == "Total" or party.startswith("Total world"):
            total = True
            continue
        if party in seen:
            raise RawFormatError(f"{name}: {party!r} appears twice")
        seen.add(party)
        for i, year in year_cols:
            cell = row[i].strip()
            if cell:
                try:
                    records.append((party, year, float(cell)))
                except ValueError:
                    raise RawFormatError(
                        f"{name}: line {n}, {year}: {cell!r} is not a TIV value"
                    ) from None
    return records, total


def read_tiv_table(path: Path) -> tuple[pd.DataFrame, datetime | None]:
    """One 'TIV of arms exports from <supplier>' table as long rows (supplier, recipient, year, tiv)."""
    text = path.read_text(encoding="utf-8-sig")
    lines = text.splitlines()
    title = TITLE.search(lines[0] if lines else "")
    if not title:
        raise RawFormatError(f"{path.name}: not a SIPRI 'TIV of arms exports from …' table")
    header_at = next((i for i, line in enumerate(lines) if re.match(r"^,\s*\d{4},", line)), None)
    if header_at is None:
        raise RawFormatError(f"{path.name}: no year header line (',1950,…')")
    preamble = "\n".join(lines[:header_at])
    rows = list(csv.reader(io.StringIO("\n".join(lines[header_at:]))))
    records, total = _year_table(rows, path.name, 0, header_at + 1)
    if not total:
        raise RawFormatError(f"{path.name}: no 'Total' row at the end (truncated file?)")
    df = pd.DataFrame(records, columns=["recipient", "year", "tiv"])
    df.insert(0, "supplier", title.group(1))
    m = re.search(r"TIV-Export-([A-Z]{3})-", path.name)
    df.insert(1, "supplier_code", m.group(1) if m else None)
    return df, generated_date(preamble)


def read_tidy_360info(path: Path) -> pd.DataFrame:
    """360info's tidy long file: supplier, recipient, year, value (TIV) and COW codes."""
    df = pd.read_csv(path)
    return df.rename(columns={"value": "tiv"})[
        ["supplier", "recipient", "year", "tiv", "supplier_cown", "recipient_cown"]
    ]


def read_totals(path: Path) -> tuple[pd.DataFrame, str, datetime | None]:
    """SIPRI's importer or exporter totals table as long rows (party, year, tiv); returns the side too."""
    text = path.read_text(encoding="utf-8-sig")
    lines = text.splitlines()
    header_at = next((i for i, line in enumerate(lines) if re.match(r"^[^,]*,1950,", line)), None)
    if header_at is None:
        raise RawFormatError(
            f"{path.name}: not a SIPRI totals table (no 'Recipient,1950,…' header)"
        )
    preamble = "\n".join(lines[:header_at])
    rows = list(csv.reader(io.StringIO("\n".join(lines[header_at:]))))
    side = "imports" if rows[0][0].strip().lower().startswith("recipient") else "exports"
    records, total = _year_table(rows, path.name, 0, header_at + 1)
    if not total:
        raise RawFormatError(f"{path.name}: no 'Total world …' row at the end (truncated file?)")
    world = next(r for r in rows[1:] if r and r[0].strip().startswith("Total world"))
    years = [(i, int(h)) for i, h in enumerate(rows[0]) if h.strip().isdigit()]
    records += [(world[0].strip(), y, float(world[i])) for i, y in years if world[i].strip()]
    return pd.DataFrame(records, columns=["party", "year", "tiv"]), side, generated_date(preamble)


# --- snapshot build -------------------------------------------------------------------------

CITATION = (
    "SIPRI Arms Transfers Database, Stockholm International Peace Research Institute, {release}, "
    + SIPRI_URL
)
BIBTEX = """@misc{sipri_at_db,
  author = {{Stockholm International Peace Research Institute}},
  title = {{SIPRI Arms Transfers Database}},
  year = {2025},
  howpublished = {\\url{https://www.sipri.org/databases/armstransfers}}
}"""

DELIVERIES = "nagehanrdogan__Global-Arms-Trade-Network-Analysis-1995-2024-/trade_register.csv"
REGISTER = "ColasDroin__SIPRI_arms_transfers_analysis/trade-register.csv"
TABLES_DIR = "360-info__report-arms-trade/trademap-raw"
TOTALS = ("MJHofmann__SIPRI_BRICS/import-export-values_1950-2024.csv",
          "MJHofmann__SIPRI_BRICS/import-export-values_1950-2024_1950-2024.csv")  # fmt: skip
FIRST_DELIVERY_YEAR = (
    1995  # the per-delivery export starts here; earlier years come from the TIV tables
)


def _attach_ids(df: pd.DataFrame, columns: dict[str, str]) -> pd.DataFrame:
    """Add resolver id and canonical name columns next to SIPRI's own spellings (id null if unresolved)."""
    from realpolitik.countries import resolve_many

    for col, role in columns.items():
        found = resolve_many(df[col].dropna().unique())
        df[f"{role}_id"] = df[col].map(lambda v, f=found: f[v].id if f.get(v) else None)
        df[f"{role}_name"] = df[col].map(lambda v, f=found: f[v].name if f.get(v) else v)
    return df


def annual_tiv(
    deliveries: pd.DataFrame, tables: pd.DataFrame, rel_new: str, rel_old: str
) -> pd.DataFrame:
    """Dyad-year TIV: the per-delivery export for the years it covers, the older release's tables only
    for the years before it starts (1950–1994 with the 1995–2024 export; none with a 1950– export)."""
    first = int(deliveries["year"].min())
    new = (
        deliveries.groupby(["supplier", "recipient", "year"], as_index=False)["tiv"]
        .sum()
        .assign(release=rel_new, source_table="sipri_deliveries")
    )
    old = tables[tables["year"] < first][["supplier", "recipient", "year", "tiv"]]
    old = old.assign(release=rel_old, source_table="sipri_tiv_tables")
    out = pd.concat([old, new], ignore_index=True)
    out["year"] = out["year"].astype("int32")
    return out


RELEASES_DIR = "sipri_releases"
RELEASE_COLUMNS = ["release", "generated", "data_through", "first_year", "last_year", "format",
                   "files", "rows", "tiv", "in_current"]  # fmt: skip


def _release_row(release: str, generated: datetime, fmt: str, frame: pd.DataFrame, files: int,
                 current: tuple[int, int] | None) -> dict:  # fmt: skip
    first, last = int(frame["year"].min()), int(frame["year"].max())
    return {
        "release": release,
        "generated": generated.strftime("%Y-%m-%d"),
        "data_through": int(release) - 1,
        "first_year": first,
        "last_year": last,
        "format": fmt,
        "files": files,
        "rows": len(frame),
        "tiv": round(float(frame["tiv"].sum()), 4),
        "in_current": f"{current[0]}–{current[1]}" if current else "",
    }


def release_tables(
    raw_root: Path, deliveries: pd.DataFrame, gen_d: datetime, tables: pd.DataFrame,
    gen_t: datetime, n_tables: int, tiv: pd.DataFrame,
) -> tuple[pd.DataFrame, pd.DataFrame, list[Path]]:  # fmt: skip
    """`sipri_tiv_releases` (every release's own full coverage, sipri_tiv's columns) and
    `sipri_releases` (one row per release), from raw/sipri and raw/sipri_releases; and the files read."""
    from realpolitik.sources.sipri_releases import read_releases

    rel_d, rel_t = release_of(gen_d), release_of(gen_t)
    cols = ["supplier", "recipient", "year", "tiv"]
    own = {
        rel_d: (gen_d, "per-delivery export", deliveries.groupby(cols[:3], as_index=False)["tiv"].sum(), 1),
        rel_t: (gen_t, "per-supplier TIV tables", tables[cols], n_tables),
    }  # fmt: skip
    source_table = {rel_d: "sipri_deliveries", rel_t: "sipri_tiv_tables"}
    files: list[Path] = []
    for r in read_releases(raw_root / RELEASES_DIR, skip=set(own)):
        own[r.release] = (r.generated, r.format, r.frame, len(r.files))
        files += r.files
    current = tiv.groupby("release")["year"].agg(["min", "max"])
    parts, info = [], []
    for release in sorted(own):
        generated, fmt, frame, n = own[release]
        frame = frame[cols].assign(
            release=release, source_table=source_table.get(release, "sipri_releases")
        )
        frame["year"] = frame["year"].astype("int32")
        parts.append(frame)
        span = current.loc[release] if release in current.index else None
        info.append(_release_row(release, generated, fmt, frame, n,
                                 (int(span["min"]), int(span["max"])) if span is not None else None))  # fmt: skip
    return pd.concat(parts, ignore_index=True), pd.DataFrame(info, columns=RELEASE_COLUMNS), files


def build_sipri(raw_root: Path) -> Built:
    """Read every SIPRI file in raw/sipri (and past releases in raw/sipri_releases, if present) and
    produce the normalised arms tables."""
    root = raw_root / "sipri"
    deliveries, gen_d = read_deliveries(root / DELIVERIES)
    register, gen_r = read_register(root / REGISTER)
    table_files = sorted((root / TABLES_DIR).glob("TIV-Export-*.csv"))
    if not table_files:
        raise RawFormatError(f"no TIV-Export-*.csv tables in {root / TABLES_DIR}")
    parts, gens = [], []
    for f in table_files:
        part, gen = read_tiv_table(f)
        parts.append(part)
        gens.append(gen)
    if len({release_of(g) for g in gens}) != 1:
        raise RawFormatError(f"the TIV tables in {TABLES_DIR} come from different releases")
    gen_t = gens[-1]
    tables = pd.concat(parts, ignore_index=True)
    totals_parts, gen_x = [], None
    for name in TOTALS:
        frame, side, gen_x = read_totals(root / name)
        totals_parts.append(frame.assign(side=side))
    totals = pd.concat(totals_parts, ignore_index=True)
    if gen_d is None or gen_t is None:
        raise RawFormatError(
            "the per-delivery export and the TIV tables need their 'Generated:' dates"
        )

    rel_d, rel_r, rel_t, rel_x = (release_of(g) for g in (gen_d, gen_r, gen_t, gen_x))
    deliveries["release"] = rel_d
    register["release"] = rel_r
    tables["release"] = rel_t
    totals["release"] = rel_x
    tiv = annual_tiv(deliveries, tables, rel_d, rel_t)
    releases, release_info, release_files = release_tables(
        raw_root, deliveries, gen_d, tables, gen_t, len(table_files), tiv
    )

    ids = {"supplier": "supplier", "recipient": "recipient"}
    deliveries = _attach_ids(deliveries, ids)
    register = _attach_ids(register, ids)
    tables = _attach_ids(tables, ids)
    tiv = _attach_ids(tiv, ids)
    releases = _attach_ids(releases, ids)
    totals = _attach_ids(totals, {"party": "party"})

    d_first, d_last = int(deliveries["year"].min()), int(deliveries["year"].max())
    t_first, t_last = int(tables["year"].min()), int(tables["year"].max())
    x_years = totals.loc[totals["tiv"].notna(), "year"]
    held = ", ".join(
        f"{r.release} ({r.first_year}–{r.last_year}, {r.format})" for r in release_info.itertuples()
    )
    return Built(
        tables={
            "sipri_tiv": tiv,
            "sipri_deliveries": deliveries,
            "sipri_register": register,
            "sipri_tiv_tables": tables,
            "sipri_totals": totals,
            "sipri_tiv_releases": releases,
            "sipri_releases": release_info,
        },
        release=f"{rel_d} (per-delivery export generated {gen_d:%Y-%m-%d}); {rel_t} (TIV tables generated {gen_t:%Y-%m-%d})",
        files=[
            root / DELIVERIES,
            root / REGISTER,
            *table_files,
            *(root / n for n in TOTALS),
            *release_files,
        ],  # fmt: skip
        coverage={
            "sipri_tiv": (int(tiv["year"].min()), d_last),
            "sipri_deliveries": (d_first, d_last),
            "sipri_register": (
                int(register["first_delivery"].min()),
                int(register["last_delivery"].max()),
            ),
            "sipri_tiv_tables": (t_first, t_last),
            "sipri_totals": (int(x_years.min()), int(x_years.max())),
            "sipri_tiv_releases": (int(releases["year"].min()), int(releases["year"].max())),
        },
        notes=[
            f"Annual TIV: {d_first}–{d_last} from the per-delivery export (release {rel_d}); "
            f"{t_first}–{d_first - 1} from the per-supplier TIV tables (release {rel_t}).",
            "A '0' in SIPRI data means 0 < TIV < 0.5; it is kept as 0.0. An empty cell means no deliveries.",
            f"Deal register: release {rel_r}; TIV per deal, not per year.",
            f"Official importer/exporter totals: release {rel_x}.",
            f"Releases side by side in sipri_tiv_releases: {held}.",
        ],
    )


def _check(built: Built) -> list[str]:
    from realpolitik.sources.sipri_checks import check_sipri

    return check_sipri(built)


def _compare(built: Built, previous: Path) -> list[str]:
    from realpolitik.sources.sipri_checks import against_previous

    return against_previous(built, previous)


DATASETS = [
    Dataset(
        name="sipri",
        title="SIPRI Arms Transfers Database (per-delivery export, deal register, TIV tables, totals, past releases)",
        build=build_sipri,
        citation=CITATION.format(
            release="March 2025 release (1995–2024) and July 2022 tables (1950–1994)"
        ),
        url=SIPRI_URL,
        licence="© SIPRI: free download, citation and recalculation with a credit line; no commercial "
        "use without SIPRI's agreement; fair use = non-commercial use and reproduction of < 10 % of a "
        "data set (see DATA_LICENSES.md); 360info tables CC BY 4.0 (credit 360info and SIPRI)",
        bibtex=BIBTEX,
        check=_check,
        compare=_compare,
    )
]
