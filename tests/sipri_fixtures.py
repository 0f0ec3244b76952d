"""A tiny raw SIPRI tree written in SIPRI's official formats, so builds and updates can be tested on a
fresh clone without the raw files (and corrupted on purpose).

Figures (TIV): Israel → Azerbaijan `israel` a year 2016–2020 and 5 in 1993; Russia → Azerbaijan 30 in
1993, 50 in 2017 and 10 a year 2021–2024; the importer/exporter totals agree with them, and each
release reaches its last year (2021 for the 2022 tables, 2024 for the 2025 export). So Israel's
share of Azerbaijan's imports 2016–2020 is 5·israel / (5·israel + 50).
"""

from __future__ import annotations

import csv
import hashlib
import io
from pathlib import Path

DELIVERIES = "sipri/nagehanrdogan__Global-Arms-Trade-Network-Analysis-1995-2024-/trade_register.csv"
REGISTER = "sipri/ColasDroin__SIPRI_arms_transfers_analysis/trade-register.csv"
TABLES = {
    "ISR": (
        "Israel",
        "sipri/360-info__report-arms-trade/trademap-raw/TIV-Export-ISR-1950-2021.csv",
    ),
    "RUS": (
        "Russia",
        "sipri/360-info__report-arms-trade/trademap-raw/TIV-Export-RUS-1950-2021.csv",
    ),
}
TOTALS = (
    "sipri/MJHofmann__SIPRI_BRICS/import-export-values_1950-2024.csv",
    "sipri/MJHofmann__SIPRI_BRICS/import-export-values_1950-2024_1950-2024.csv",
)
FILES = (DELIVERIES, REGISTER, *(t[1] for t in TABLES.values()), *TOTALS)

DELIVERY_HEADER = (
    "SIPRI AT Database ID,Supplier,Recipient,Designation,Description,Armament category,Order date,"
    "Order date is estimate,Numbers delivered,Numbers delivered is estimate,Delivery year,"
    "Delivery year is estimate,Status,SIPRI estimate,TIV deal unit,TIV delivery values,Local production"
)
REGISTER_HEADER = (
    "Recipient,Supplier,Year of order, ,Number ordered, ,Weapon designation,Weapon description,"
    "Number delivered, ,Year(s) of delivery,status,Comments,SIPRI TIV per unit,"
    "SIPRI TIV for total order,SIPRI TIV of delivered weapons"
)


def israel_values(per_year: float) -> dict[int, float]:
    return {1993: 5.0, **dict.fromkeys(range(2016, 2021), per_year)}


RUSSIA = {1993: 30.0, 2017: 50.0, **dict.fromkeys(range(2021, 2025), 10.0)}


def _preamble(n: int, generated: str) -> list[str]:
    """n lines of notes, a source line and the 'Data generated' line, as SIPRI's exports start."""
    return [f"Note {i}: figures are SIPRI TIVs (test fixture)" for i in range(n - 2)] + [
        "Source: SIPRI Arms Transfers Database (c) SIPRI.",
        f"Data generated: {generated}",
    ]


def delivery_export(israel: float = 20.0, generated: str = "12 Feb 2026 12:26:12 PM") -> bytes:
    """The new per-delivery export: ASCII, CRLF, 11 preamble lines, a stray ';' ending every line."""
    rows = [
        f"900{y},Israel,Azerbaijan,Harop,loitering munition,Missiles,2015,No,10,Yes,{y},No,New,"
        f"0.25,2,{israel:g},No"
        for y in range(2016, 2021)
    ]
    rows += [
        f"91{y},Russia,Azerbaijan,BTR-82A,armoured personnel carrier,Armoured vehicles,2016,No,50,"
        f"No,{y},No,New,0.25,1,{tiv:g},No"
        for y, tiv in RUSSIA.items()
        if y >= 2016
    ]
    lines = [*_preamble(11, generated), DELIVERY_HEADER, *rows]
    return "".join(f"{line};\r\n" for line in lines).encode("ascii")


def register_file(israel: float = 20.0) -> bytes:
    """The deal register: latin-1, LF, 11 preamble lines, three header cells named ' '."""
    rows = [
        f"Azerbaijan,Israel,2015,,50,,Harop,loitering munition,50,,2016; 2017; 2018; 2019; 2020,New,"
        f"Caf\xe9 test comment,2,{5 * israel:g},{5 * israel:g}",
        "Azerbaijan,Russia,2016,,90,,BTR-82A,armoured personnel carrier,90,,2017; 2021; 2022; 2023; "
        "2024,New,,1,90,90",
        "Azerbaijan,Israel,1992,,1,,Test radar,radar,1,,1993,New,,5,5,5",
        "Azerbaijan,Russia,1992,,3,,T-72,tank,3,,1993,Second hand,,10,30,30",
    ]
    lines = [*_preamble(11, "13 Mar 2025 10:02:49 AM"), REGISTER_HEADER, *rows]
    return ("\n".join(lines) + "\n").encode("latin-1")


def _table(title: str, first_cell: str, rows: dict[str, dict[int, float]], generated: str,
           years: range, key_first: bool = True) -> bytes:  # fmt: skip
    """A SIPRI year-column table: title and notes, a header of the years, one row per party, Total."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    width = 1 + len(years) + 1
    for line in [title, "Figures are SIPRI TIVs", "", "Source: SIPRI Arms Transfers Database",
                 f"Generated: {generated}", ""]:  # fmt: skip
        w.writerow([line] + [""] * (width - 1))
    w.writerow([first_cell, *years, "Total"])
    totals = dict.fromkeys(years, 0.0)
    for name, values in rows.items():
        for y, v in values.items():
            totals[y] += v
        w.writerow([name, *[f"{values[y]:g}" if y in values else "" for y in years],
                    f"{sum(values.values()):g}"])  # fmt: skip
    w.writerow([""] * width)
    w.writerow(["Total", *[f"{totals[y]:g}" if totals[y] else "" for y in years],
                f"{sum(totals.values()):g}"])  # fmt: skip
    return buf.getvalue().encode()


def tiv_table(code: str, israel: float = 20.0) -> bytes:
    """A per-supplier 'TIV of arms exports from X, 1950-2021' table (the July-2022 release)."""
    supplier = TABLES[code][0]
    values = (
        israel_values(israel) if code == "ISR" else {y: v for y, v in RUSSIA.items() if y <= 2021}
    )
    return _table(f"TIV of arms exports from {supplier}, 1950-2021", "",
                  {"Azerbaijan": values}, "28 July 2022", range(1950, 2022))  # fmt: skip


def totals_table(side: str, israel: float = 20.0) -> bytes:
    """SIPRI's importer ('imports') or exporter ('exports') totals table, 1950–2024 (Oct-2024 export)."""
    isr, rus = israel_values(israel), {y: v for y, v in RUSSIA.items() if y <= 2023}
    if side == "imports":
        rows = {"Azerbaijan": {y: isr.get(y, 0) + rus.get(y, 0) for y in {*isr, *rus}}}
        first, world = "Recipient", "Total world import"
    else:
        rows, first, world = {"Israel": isr, "Russia": rus}, "Exports by", "Total world export"
    text = _table("Volume of transfers of major arms", first, rows, "13 Oct 2024 12:33:29 PM",
                  range(1950, 2025)).decode()  # fmt: skip
    return text.replace("\nTotal,", f"\n{world},").encode()


def write_raw(root: Path, israel: float = 20.0) -> dict[str, str]:
    """Write the SIPRI raw tree under root; returns raw path -> sha256."""
    files = {
        DELIVERIES: delivery_export(israel),
        REGISTER: register_file(israel),
        **{path: tiv_table(code, israel) for code, (_, path) in TABLES.items()},
        TOTALS[0]: totals_table("imports", israel),
        TOTALS[1]: totals_table("exports", israel),
    }
    out = {}
    for rel, data in files.items():
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(data)
        out[rel] = hashlib.sha256(data).hexdigest()
    return out


def israel_share(israel: float) -> float:
    """Israel's share of Azerbaijan's imports 2016–2020 in a tree written with this value."""
    return 5 * israel / (5 * israel + 50)


# --- corruptions (each returns the new bytes of the per-delivery export) -------------------------


def truncated(data: bytes) -> bytes:
    """Cut in the middle of the table, inside a line, as an interrupted download leaves it."""
    start = data.index(b"SIPRI AT Database ID")
    return data[: start + (len(data) - start) // 2]


def truncated_at_line(data: bytes) -> bytes:
    """Cut at a line end about 60 % into the table: every line left is well formed."""
    start = data.index(b"SIPRI AT Database ID")
    cut = data.rfind(b"\r\n", 0, start + (len(data) - start) * 6 // 10)
    return data[: cut + 2]


def swapped_headers(data: bytes) -> bytes:
    """Supplier and Recipient header cells swapped."""
    return data.replace(b"ID,Supplier,Recipient,", b"ID,Recipient,Supplier,")


def duplicated_rows(data: bytes) -> bytes:
    """Every data row written twice."""
    lines = data.split(b"\r\n")
    head, body = lines[:12], [line for line in lines[12:] if line]
    return b"\r\n".join(head + body + body) + b"\r\n"


CORRUPTIONS = {
    "truncated": (truncated, "does not end with ';'"),
    "truncated-at-line": (truncated_at_line, "has data through 2024 (truncated file?)"),
    "swapped-headers": (swapped_headers, "Supplier and Recipient columns look swapped"),
    "duplicated-rows": (duplicated_rows, "duplicated row(s)"),
}
