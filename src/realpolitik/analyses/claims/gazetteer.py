"""Surface forms that name a state in prose: names, short forms, demonyms/adjectives and capital metonyms.

Each form maps to an ISO3-style id; ids are passed through the project resolver when it is available,
so claims carry the same ids as every table.
"""

from __future__ import annotations

from functools import cache

# prose-only metonyms the resolver does not hold (names, aliases and old names come from the resolver)
METONYMS: dict[str, str] = {
    "America": "USA", "Britain": "GBR", "Great Britain": "GBR", "the Emirates": "ARE",
    "the Jewish state": "ISR", "the Islamic Republic": "IRN", "the Kremlin": "RUS", "the White House": "USA",
}  # fmt: skip
# case-sensitive abbreviations (never matched in lower case: "us" is a pronoun)
ABBREVIATIONS: dict[str, str] = {
    "US": "USA", "U.S.": "USA", "USA": "USA", "U.S.A.": "USA", "UK": "GBR", "U.K.": "GBR",
    "UAE": "ARE", "USSR": "SUN", "DRC": "COD", "KSA": "SAU", "PRC": "CHN",
}  # fmt: skip
DEMONYMS: dict[str, str] = {
    "Azeri": "AZE", "Azerbaijani": "AZE", "Israeli": "ISR", "Iranian": "IRN", "Russian": "RUS",
    "Turkish": "TUR", "American": "USA", "Chinese": "CHN", "French": "FRA", "German": "DEU",
    "British": "GBR", "Indian": "IND", "Pakistani": "PAK", "Armenian": "ARM", "Georgian": "GEO",
    "Italian": "ITA", "Ukrainian": "UKR", "Belarusian": "BLR", "Belarussian": "BLR", "Saudi": "SAU",
    "Emirati": "ARE", "Egyptian": "EGY", "Iraqi": "IRQ", "Syrian": "SYR", "Japanese": "JPN",
    "South Korean": "KOR", "North Korean": "PRK", "Vietnamese": "VNM", "Kazakh": "KAZ",
    "Kazakhstani": "KAZ", "Turkmen": "TKM", "Uzbek": "UZB", "Spanish": "ESP", "Dutch": "NLD",
    "Swedish": "SWE", "Norwegian": "NOR", "Polish": "POL", "Czech": "CZE", "Greek": "GRC",
    "Canadian": "CAN", "Brazilian": "BRA", "Mexican": "MEX", "Algerian": "DZA", "Moroccan": "MAR",
    "Nigerian": "NGA", "Qatari": "QAT", "Kuwaiti": "KWT", "Omani": "OMN", "Jordanian": "JOR",
    "Lebanese": "LBN", "Afghan": "AFG", "Bangladeshi": "BGD", "Indonesian": "IDN",
    "Malaysian": "MYS", "Thai": "THA", "Filipino": "PHL", "Philippine": "PHL", "Australian": "AUS",
    "Venezuelan": "VEN", "Libyan": "LBY", "Angolan": "AGO", "Serbian": "SRB", "Swiss": "CHE",
    "Belgian": "BEL", "Austrian": "AUT", "Hungarian": "HUN", "Romanian": "ROU", "Bulgarian": "BGR",
    "Finnish": "FIN", "Danish": "DNK", "Portuguese": "PRT", "Irish": "IRL", "Yemeni": "YEM",
    "Sudanese": "SDN", "Ethiopian": "ETH", "Soviet": "SUN", "Kyrgyz": "KGZ", "Tajik": "TJK",
    "Bahraini": "BHR", "Croatian": "HRV", "Slovak": "SVK", "Tunisian": "TUN", "Kenyan": "KEN",
    "South African": "ZAF", "Argentine": "ARG", "Argentinian": "ARG", "Chilean": "CHL",
    "Colombian": "COL", "Peruvian": "PER", "Singaporean": "SGP", "Taiwanese": "TWN",
    "Burmese": "MMR", "Sri Lankan": "LKA", "Nepalese": "NPL", "Mongolian": "MNG",
    "Moldovan": "MDA", "Lithuanian": "LTU", "Latvian": "LVA", "Estonian": "EST", "Slovenian": "SVN",
    "Cypriot": "CYP", "Maltese": "MLT", "Albanian": "ALB", "Bosnian": "BIH", "Montenegrin": "MNE",
    "Macedonian": "MKD", "Icelandic": "ISL", "Luxembourgish": "LUX", "Palestinian": "PSE",
}  # fmt: skip
# capitals used as metonyms for governments in news prose
CAPITALS: dict[str, str] = {
    "Baku": "AZE", "Jerusalem": "ISR", "Tel Aviv": "ISR", "Tehran": "IRN", "Teheran": "IRN",
    "Moscow": "RUS", "Ankara": "TUR", "Washington": "USA", "Beijing": "CHN", "Yerevan": "ARM",
    "Tbilisi": "GEO", "Kyiv": "UKR", "Kiev": "UKR", "Minsk": "BLR", "Paris": "FRA", "Berlin": "DEU",
    "London": "GBR", "New Delhi": "IND", "Islamabad": "PAK", "Riyadh": "SAU", "Abu Dhabi": "ARE",
    "Cairo": "EGY", "Damascus": "SYR", "Baghdad": "IRQ", "Tokyo": "JPN", "Seoul": "KOR",
    "Pyongyang": "PRK", "Hanoi": "VNM", "Astana": "KAZ", "Ashgabat": "TKM", "Tashkent": "UZB",
    "Rome": "ITA", "Madrid": "ESP", "Warsaw": "POL", "Athens": "GRC", "Ottawa": "CAN",
    "Doha": "QAT", "Amman": "JOR", "Beirut": "LBN", "Kabul": "AFG", "Canberra": "AUS",
}  # fmt: skip


@cache
def name_forms() -> dict[str, str]:
    """Case-insensitive surface forms (resolver names and aliases of states, demonyms, capitals) → id."""
    from realpolitik.countries import from_id, surface_forms

    forms: dict[str, str] = {}
    for form, cid, _source in surface_forms():
        if len(form) < 4 or "," in form or "(" in form or "*" in form or form.isupper():
            continue  # codes, inverted names and SIPRI party labels are not prose
        if from_id(cid).kind in {"state", "historical", "territory"}:
            forms[form] = cid
    forms.update(METONYMS)
    forms.update(DEMONYMS)
    forms.update(CAPITALS)
    return forms


def kind_of(form: str) -> str:
    """'demonym', 'capital' or 'name' for a surface form (used to read roles)."""
    for table, kind in ((DEMONYMS, "demonym"), (CAPITALS, "capital")):
        if form in table or form.title() in table:
            return kind
    return "name"


@cache
def canonical(code: str) -> str:
    """The resolver id for a gazetteer code."""
    from realpolitik.countries import try_resolve

    c = try_resolve(code)
    return c.id if c is not None else code


@cache
def display_name(code: str) -> str:
    """A readable name for an id (the resolver's name, else the id itself)."""
    from realpolitik.countries import try_resolve

    c = try_resolve(code)
    return c.name if c is not None else code
