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

from realpolitik.snapshot.dataset import Built, Dataset

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


def read_deliveries(path: Path) -> tuple[pd.DataFrame, datetime | None]:
    """The per-delivery export: one row per deal and delivery year."""
    text = path.read_text(encoding="latin-1")
    preamble, body = _preamble_and_body(text, "SIPRI AT Database ID")
    body = "\n".join(line[:-1] if line.endswith(";") else line for line in body.splitlines())
    df = pd.read_csv(
        io.StringIO(body),
        dtype={"Supplier": str, "Recipient": str},
        keep_default_na=False,
        na_values=[""],
    )
    missing = set(DELIVERY_COLUMNS) - set(df.columns)
    if missing:
        raise ValueError(
            f"{path.name}: not a SIPRI per-delivery export (missing {sorted(missing)})"
        )
    df = df.rename(columns=DELIVERY_COLUMNS)[list(DELIVERY_COLUMNS.values())]
    for c in ("order_year_estimated", "delivered_estimated", "year_estimated", "local_production"):
        df[c] = _yes_no(df[c])
    for c in ("deal_id", "order_year", "delivered", "year"):
        df[c] = pd.to_numeric(df[c], errors="raise").astype("Int64")
    for c in ("sipri_estimate", "tiv_unit", "tiv"):
        df[c] = pd.to_numeric(df[c], errors="raise").astype(float)
    return df, generated_date(preamble)


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
            raise ValueError(f"register row with {len(row)} fields (expected {width}): {row[:3]}")
        out.append(row)
    if pending is not None:
        raise ValueError(f"register ends inside a split record: {pending[:3]}")
    return out


def read_register(path: Path) -> tuple[pd.DataFrame, datetime | None]:
    """The deal-level register: one row per deal, delivery years as a list, TIV per deal."""
    text = path.read_text(encoding="latin-1")
    preamble, body = _preamble_and_body(text, "Recipient,Supplier,Year of order")
    rows = list(csv.reader(io.StringIO(body)))
    header, data = rows[0], [r for r in rows[1:] if any(cell.strip() for cell in r)]
    if len(header) != len(REGISTER_COLUMNS):
        raise ValueError(
            f"{path.name}: expected {len(REGISTER_COLUMNS)} columns, got {len(header)}"
        )
    df = pd.DataFrame(_join_split_records(data, len(header)), columns=REGISTER_COLUMNS)
    df = df.replace({"": None})
    for c in ("order_year_uncertain", "ordered_uncertain", "delivered_uncertain"):
        df[c] = df[c].eq("?")
    for c in ("order_year", "ordered", "delivered"):
        df[c] = pd.to_numeric(df[c]).astype("Int64")
    for c in ("tiv_unit", "tiv_order", "tiv_delivered"):
        df[c] = pd.to_numeric(df[c]).astype(float)
    years = df["delivery_years"].fillna("").str.findall(r"\d{4}")
    df["first_delivery"] = years.map(lambda ys: int(ys[0]) if ys else None).astype("Int64")
    df["last_delivery"] = years.map(lambda ys: int(ys[-1]) if ys else None).astype("Int64")
    return df, generated_date(preamble)


TITLE = re.compile(r"TIV of arms exports from (.+?), (\d{4})-(\d{4})")


def read_tiv_table(path: Path) -> tuple[pd.DataFrame, datetime | None]:
    """One 'TIV of arms exports from <supplier>' table as long rows (supplier, recipient, year, tiv)."""
    text = path.read_text(encoding="utf-8-sig")
    lines = text.splitlines()
    title = TITLE.search(lines[0] if lines else "")
    if not title:
        raise ValueError(f"{path.name}: not a SIPRI 'TIV of arms exports from …' table")
    header_at = next(i for i, line in enumerate(lines) if re.match(r"^,\s*\d{4},", line))
    preamble = "\n".join(lines[:header_at])
    rows = list(csv.reader(io.StringIO("\n".join(lines[header_at:]))))
    header = rows[0]
    year_cols = [(i, int(h)) for i, h in enumerate(header) if h.strip().isdigit()]
    records = []
    for row in rows[1:]:
        name = row[0].strip() if row else ""
        if not name or name == "Total":
            continue
        for i, year in year_cols:
            cell = row[i].strip() if i < len(row) else ""
            if cell:
                records.append((name, year, float(cell)))
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
    header_at = next(i for i, line in enumerate(lines) if re.match(r"^[^,]*,1950,", line))
    preamble = "\n".join(lines[:header_at])
    rows = list(csv.reader(io.StringIO("\n".join(lines[header_at:]))))
    header = rows[0]
    side = "imports" if header[0].strip().lower().startswith("recipient") else "exports"
    year_cols = [(i, int(h)) for i, h in enumerate(header) if h.strip().isdigit()]
    records = []
    for row in rows[1:]:
        if not row or not row[0].strip():
            continue
        for i, year in year_cols:
            cell = row[i].strip() if i < len(row) else ""
            if cell:
                records.append((row[0].strip(), year, float(cell)))
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
    """Dyad-year TIV: the per-delivery export from 1995, the older release's tables before 1995."""
    new = (
        deliveries.groupby(["supplier", "recipient", "year"], as_index=False)["tiv"]
        .sum()
        .assign(release=rel_new, source_table="sipri_deliveries")
    )
    old = tables[tables["year"] < FIRST_DELIVERY_YEAR][["supplier", "recipient", "year", "tiv"]]
    old = old.assign(release=rel_old, source_table="sipri_tiv_tables")
    out = pd.concat([old, new], ignore_index=True)
    out["year"] = out["year"].astype("int32")
    return out


def build_sipri(raw_root: Path) -> Built:
    """Read every SIPRI file in raw/sipri and produce the normalised arms tables."""
    root = raw_root / "sipri"
    deliveries, gen_d = read_deliveries(root / DELIVERIES)
    register, gen_r = read_register(root / REGISTER)
    table_files = sorted((root / TABLES_DIR).glob("TIV-Export-*.csv"))
    parts, gen_t = [], None
    for f in table_files:
        part, gen_t = read_tiv_table(f)
        parts.append(part)
    tables = pd.concat(parts, ignore_index=True)
    totals_parts, gen_x = [], None
    for name in TOTALS:
        frame, side, gen_x = read_totals(root / name)
        totals_parts.append(frame.assign(side=side))
    totals = pd.concat(totals_parts, ignore_index=True)

    rel_d, rel_r, rel_t, rel_x = (release_of(g) for g in (gen_d, gen_r, gen_t, gen_x))
    deliveries["release"] = rel_d
    register["release"] = rel_r
    tables["release"] = rel_t
    totals["release"] = rel_x
    tiv = annual_tiv(deliveries, tables, rel_d, rel_t)

    deliveries = _attach_ids(deliveries, {"supplier": "supplier", "recipient": "recipient"})
    register = _attach_ids(register, {"supplier": "supplier", "recipient": "recipient"})
    tables = _attach_ids(tables, {"supplier": "supplier", "recipient": "recipient"})
    tiv = _attach_ids(tiv, {"supplier": "supplier", "recipient": "recipient"})
    totals = _attach_ids(totals, {"party": "party"})

    d_first, d_last = int(deliveries["year"].min()), int(deliveries["year"].max())
    t_first, t_last = int(tables["year"].min()), int(tables["year"].max())
    x_years = totals.loc[totals["tiv"].notna(), "year"]
    return Built(
        tables={
            "sipri_tiv": tiv,
            "sipri_deliveries": deliveries,
            "sipri_register": register,
            "sipri_tiv_tables": tables,
            "sipri_totals": totals,
        },
        release=f"{rel_d} (per-delivery export generated {gen_d:%Y-%m-%d}); {rel_t} (TIV tables generated {gen_t:%Y-%m-%d})",
        files=[root / DELIVERIES, root / REGISTER, *table_files, *(root / n for n in TOTALS)],
        coverage={
            "sipri_tiv": (t_first, d_last),
            "sipri_deliveries": (d_first, d_last),
            "sipri_register": (
                int(register["first_delivery"].min()),
                int(register["last_delivery"].max()),
            ),
            "sipri_tiv_tables": (t_first, t_last),
            "sipri_totals": (int(x_years.min()), int(x_years.max())),
        },
        notes=[
            f"Annual TIV: {d_first}–{d_last} from the per-delivery export (release {rel_d}); "
            f"{t_first}–{FIRST_DELIVERY_YEAR - 1} from the per-supplier TIV tables (release {rel_t}).",
            "A '0' in SIPRI data means 0 < TIV < 0.5; it is kept as 0.0. An empty cell means no deliveries.",
            f"Deal register: release {rel_r}; TIV per deal, not per year.",
            f"Official importer/exporter totals: release {rel_x}.",
        ],
    )


DATASETS = [
    Dataset(
        name="sipri",
        title="SIPRI Arms Transfers Database (per-delivery export, deal register, TIV tables, totals)",
        build=build_sipri,
        citation=CITATION.format(
            release="March 2025 release (1995–2024) and July 2022 tables (1950–1994)"
        ),
        url=SIPRI_URL,
        licence="Free use with attribution to SIPRI; 360info tables CC BY 4.0 (credit 360info and SIPRI)",
        bibtex=BIBTEX,
    )
]
