"""Generate the resolver's static tables (countries.csv, state_codes.csv, names.csv, generated.json).

Inputs: country_converter's table (ISO codes, names, regexes), pycountry (ISO names and
ISO 3166-3 historic codes), peacesciencer/isard COW and GW state lists (.rda), the CIA
Factbook JSON file names (GEC codes) and country names, plus the hand-curated tables in
src/realpolitik/countries/ (entities.csv, code_decisions.csv). Run:

    python tools/make_countries.py [--raw ../shared/data/raw] [--out DIR]

The runtime resolver reads only the generated CSVs, so it needs neither coco nor pycountry.
"""

from __future__ import annotations

import argparse
import csv
import html
import json
import logging
import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PKG = REPO / "src" / "realpolitik" / "countries"

# ISO 3166-3 codes of states that merely renamed or merged into a current state: alias, not entity.
HISTORIC_ALIASES = {
    "BUR": "MMR",
    "BYS": "BLR",
    "DHY": "BEN",
    "HVO": "BFA",
    "TMP": "TLS",
    "ZAR": "COD",
    "VDR": "VNM",
    "SCG": "YUG",
    "NHB": "VUT",
    "RHO": "ZWE",
    "FXX": "FRA",
    "AFI": "DJI",
}
# coco rows with non-ISO codes: folded into another id (or an aggregate, None).
COCO_DROP = {"BA1": "ATB", "EAT": "TZA", "EAZ": "XZN", "CHI": None}
# Display names: common English short forms (SIPRI/UN style) where coco's short name is odd.
NAME_OVERRIDES = {
    "BLM": "Saint Barthelemy",
    "BRN": "Brunei",
    "COG": "Congo",
    "FSM": "Micronesia",
    "HMD": "Heard Island and McDonald Islands",
    "KNA": "Saint Kitts and Nevis",
    "LCA": "Saint Lucia",
    "MAF": "Saint Martin",
    "SGS": "South Georgia and the South Sandwich Islands",
    "SHN": "Saint Helena",
    "SPM": "Saint Pierre and Miquelon",
    "VCT": "Saint Vincent and the Grenadines",
    "VNM": "Viet Nam",
    "WLF": "Wallis and Futuna",
    "ATB": "British Antarctic Territory",
    "PCI": "Pacific Islands (Trust Territory)",
    "PUS": "US Miscellaneous Pacific Islands",
}
# Entities coco knows that are states without UN membership (everything else non-UN is a territory).
NON_UN_STATES = {"VAT", "PSE", "TWN", "XKX"}
# GEC codes the name-matching gets wrong or cannot know; None = not a country (aggregate).
GEC_OVERRIDES: dict[str, str | None] = {
    "cg": "COD",
    "cf": "COG",
    "vq": "VIR",
    "um": "UMI",
    "sv": "SJM",
    "dr": "DOM",
    "xx": None,
    "oo": None,
    "xo": None,
    "xq": None,
    "zh": None,
    "zn": None,
}


def read_coco() -> list[dict[str, str]]:
    """country_converter's country table (one row per ISO entity)."""
    import country_converter as coco

    path = Path(coco.__file__).parent / "country_data.tsv"
    with path.open(encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def read_rda(path: Path):
    import pyreadr

    return next(iter(pyreadr.read_r(str(path)).values()))


def converter():
    import country_converter as coco

    logging.getLogger("country_converter").setLevel(logging.ERROR)
    return coco.CountryConverter()


def name_to_iso3(cc, name: str) -> str | None:
    """Map a name to ISO3 with coco; None when unmatched or ambiguous."""
    r = cc.convert(name, to="ISO3", not_found=None)
    if isinstance(r, list) or r is None or len(r) != 3 or not r.isupper() or r == "DRC":
        return None
    return r


def state_codes(raw: Path, cc, ids: set[str]) -> list[dict]:
    """COW and GW code periods mapped to resolver ids (code_decisions.csv first, names otherwise)."""
    with (PKG / "code_decisions.csv").open(encoding="utf-8") as f:
        decisions = list(csv.DictReader(f))
    decided = {(d["system"], int(d["code"])) for d in decisions}
    with (PKG / "entities.csv").open(encoding="utf-8") as f:
        ents = list(csv.DictReader(f))
    by_code = {}
    for e in ents:
        if e["cow"]:
            by_code[("cow", int(e["cow"]))] = e["id"]
        if e["gw"]:
            by_code[("gw", int(e["gw"]))] = e["id"]
    name_fix = {
        "Congo": "COG",
        "Democratic Republic of the Congo": "COD",
        "Congo, Democratic Republic of (Zaire)": "COD",
        "Macedonia": "MKD",
        "Macedonia (Former Yugoslav Republic of)": "MKD",
        "Rumania": "ROU",
        "Vietnam, Democratic Republic of": "VNM",
        "Korea, People's Republic of": "PRK",
        "Korea, Republic of": "KOR",
        "East Timor": "TLS",
        "Yemen": "YEM",
    }
    out: list[dict] = []
    cow = read_rda(raw / "peacesciencer" / "cow_states.rda")
    gw = read_rda(raw / "isard" / "gw_system.rda")
    rows = []
    for r in cow.itertuples():
        rows.append(("cow", int(r.ccode), r.stateabb, r.statenme, int(r.styear), int(r.endyear)))
    for r in gw.itertuples():
        rows.append(
            ("gw", int(r.gwcode), r.gw_abb, r.gw_name, int(str(r.start)[:4]), int(str(r.end)[:4]))
        )
    seen: dict[tuple, dict] = {}
    for system, code, abb, name, y0, y1 in rows:
        key = (system, code)
        if key in decided:
            if key not in seen:
                seen[key] = {"abb": abb, "name": name}
            continue
        iso = by_code.get(key) or name_fix.get(name) or name_to_iso3(cc, name)
        if iso is None or iso not in ids:
            sys.exit(
                f"cannot map {system} {code} {name!r}: add it to entities.csv or code_decisions.csv"
            )
        prev = seen.get(key)
        if prev:  # a code with two periods (e.g. GW Estonia 1918-40, 1991-): widen
            prev["first_year"] = min(prev["first_year"], y0)
            prev["last_year"] = max(prev["last_year"], y1)
            continue
        seen[key] = row = {
            "system": system,
            "code": code,
            "abb": abb,
            "name": name,
            "first_year": y0,
            "last_year": y1,
            "id": iso,
            "default": 1,
            "listed": 1,
        }
        out.append(row)
    for d in decisions:
        key = (d["system"], int(d["code"]))
        src = seen.get(key, {"abb": "", "name": ""})
        out.append(
            {
                "system": d["system"],
                "code": int(d["code"]),
                "abb": src["abb"],
                "name": src["name"],
                "first_year": int(d["first_year"]),
                "last_year": int(d["last_year"]),
                "id": d["id"],
                "default": 1 if d["default"] else 0,
                "listed": 1
                if key in seen
                else 0,  # 0: a code used by some dataset, not in the state list
            }
        )
    out.sort(key=lambda r: (r["system"], r["code"], r["first_year"]))
    return out


def factbook(raw: Path, cc) -> tuple[dict[str, str], list[tuple[str, str]]]:
    """GEC -> id from the Factbook file names, and (name, id) pairs from 'Country name'."""
    gec: dict[str, str] = {}
    names: list[tuple[str, str]] = []
    with (PKG / "entities.csv").open(encoding="utf-8") as f:
        ent_gec = {e["gec"]: e["id"] for e in csv.DictReader(f) if e["gec"]}
    for path in sorted((raw / "factbook_json").glob("*/*.json")):
        code = path.stem
        if path.parent.name == "meta":
            continue
        doc = json.loads(path.read_text(encoding="utf-8"))
        cn = doc.get("Government", {}).get("Country name", {})
        forms = {
            k: html.unescape(v.get("text", "")).strip()
            for k, v in cn.items()
            if isinstance(v, dict)
        }
        short = forms.get("conventional short form", "")
        long_ = forms.get("conventional long form", "")
        if code in GEC_OVERRIDES:
            iso = GEC_OVERRIDES[code]
        elif code in ent_gec:
            iso = ent_gec[code]
        else:
            iso = name_to_iso3(cc, short if short.lower() != "none" else long_)
        if iso is None:
            if code not in GEC_OVERRIDES:
                sys.exit(f"cannot map GEC {code} ({short!r}); add it to GEC_OVERRIDES")
            continue
        gec[code] = iso
        for k in (
            "conventional short form",
            "conventional long form",
            "local short form",
            "local long form",
        ):
            v = forms.get(k, "")
            for part in v.split(";"):
                part = part.strip()
                if part and part.lower() != "none" and len(part) < 80:
                    names.append((part, iso))
    return gec, names


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    default_raw = os.environ.get("REALPOLITIK_RAW") or str(REPO.parent / "shared" / "data" / "raw")
    ap.add_argument("--raw", default=default_raw)
    ap.add_argument(
        "--out", default=str(PKG), help="directory for the generated CSVs (default: the package)"
    )
    args = ap.parse_args()
    out = Path(args.out)
    raw = Path(args.raw)
    import pycountry

    cc = converter()
    coco_rows = read_coco()
    with (PKG / "entities.csv").open(encoding="utf-8") as f:
        entities = list(csv.DictReader(f))

    countries: dict[str, dict] = {}
    names: list[tuple[str, str, str]] = []
    for r in coco_rows:
        iso3 = r["ISO3"]
        if iso3 in COCO_DROP:
            names.append((r["name_short"], COCO_DROP[iso3], "coco"))
            continue
        r["ISO2"] = r["ISO2"].split("|")[0].strip("^$")
        kind = "state" if (r["UNmember"] or iso3 in NON_UN_STATES) else "territory"
        countries[iso3] = {
            "id": iso3,
            "name": NAME_OVERRIDES.get(iso3, r["name_short"]),
            "kind": kind,
            "iso2": r["ISO2"],
            "iso3": iso3,
            "isonum": r["ISOnumeric"],
            "cow": "",
            "cow_abb": "",
            "gw": "",
            "gw_abb": "",
            "gec": "",
            "start": "",
            "end": "",
            "part_of": "",
            "regex": r["regex"],
        }
        names.append((r["name_short"], iso3, "coco"))
        names.append((r["name_official"], iso3, "coco"))
    for c in pycountry.countries:
        if c.alpha_3 not in countries:
            continue
        for attr in ("name", "official_name", "common_name"):
            v = getattr(c, attr, None)
            if v:
                names.append((v, c.alpha_3, "pycountry"))
    historic = {h.alpha_3 for h in pycountry.historic_countries}
    for h in pycountry.historic_countries:
        if h.alpha_3 in HISTORIC_ALIASES:
            names.append((h.alpha_3, HISTORIC_ALIASES[h.alpha_3], "iso3166-3"))
            names.append((h.name, HISTORIC_ALIASES[h.alpha_3], "iso3166-3"))
            continue
        if h.alpha_3 in {e["id"] for e in entities}:
            names.append((h.name, h.alpha_3, "iso3166-3"))
            continue
        countries[h.alpha_3] = {
            "id": h.alpha_3,
            "name": NAME_OVERRIDES.get(h.alpha_3, h.name),
            "kind": "historical",
            "iso2": getattr(h, "alpha_2", ""),
            "iso3": h.alpha_3,
            "isonum": getattr(h, "numeric", ""),
            **dict.fromkeys(
                ["cow", "cow_abb", "gw", "gw_abb", "gec", "start", "end", "part_of", "regex"], ""
            ),
        }
        countries[h.alpha_3]["end"] = str(getattr(h, "withdrawal_date", ""))[:4]
    for e in entities:
        row = {k: e.get(k, "") for k in countries["AZE"]}
        row["iso3"] = e["id"] if e["id"] in historic else ""
        if e["id"] in countries:  # refine a coco row (e.g. Kosovo)
            base = countries[e["id"]]
            for k, v in row.items():
                if v and k not in ("regex",):
                    base[k] = v
        else:
            row["regex"] = ""
            countries[e["id"]] = row
    ids = set(countries)

    codes = state_codes(raw, cc, ids)
    for system in ("cow", "gw"):
        for r in codes:  # latest default period wins for the Country's own code field
            if r["system"] != system or not r["listed"]:
                continue
            c = countries[r["id"]]
            c[system] = str(r["code"])
            c[f"{system}_abb"] = r["abb"]
            names.append((r["name"], r["id"], system))
    gec, fb_names = factbook(raw, cc)
    for code, iso in gec.items():
        countries[iso]["gec"] = code
    names.extend((n, i, "factbook") for n, i in fb_names)

    fields = list(countries["AZE"])
    with (out / "countries.csv").open("w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=fields, lineterminator="\n")
        w.writeheader()
        for cid in sorted(countries):
            w.writerow(countries[cid])
    with (out / "state_codes.csv").open("w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=list(codes[0]), lineterminator="\n")
        w.writeheader()
        w.writerows(codes)
    uniq: dict[str, tuple[str, str]] = {}
    for n, i, src in names:
        n = n.strip()
        if n and i and n not in uniq:
            uniq[n] = (i, src)
    with (out / "names.csv").open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["name", "id", "source"])
        for n in sorted(uniq):
            w.writerow([n, *uniq[n]])
    import importlib.metadata as md

    versions = {pkg: md.version(pkg) for pkg in ("country_converter", "pycountry")}
    (out / "generated.json").write_text(
        json.dumps({"generated_with": versions}, indent=1) + "\n", encoding="utf-8"
    )
    print(
        f"{len(countries)} entities, {len(codes)} COW/GW code periods, {len(uniq)} generated names, {len(gec)} GEC codes"
    )


if __name__ == "__main__":
    main()
