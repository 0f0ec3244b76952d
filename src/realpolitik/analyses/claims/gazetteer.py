"""Surface forms that name a state in prose: names, short forms, demonyms/adjectives and capital metonyms.

Each form maps to an ISO3-style id; ids are passed through the project resolver when it is available,
so claims carry the same ids as every table.
"""

from __future__ import annotations

from functools import cache

# short forms and spellings pycountry does not use
ALIASES: dict[str, str] = {
    "Russia": "RUS", "Iran": "IRN", "Syria": "SYR", "South Korea": "KOR", "North Korea": "PRK",
    "Vietnam": "VNM", "Viet Nam": "VNM", "Turkey": "TUR", "Türkiye": "TUR", "Turkiye": "TUR",
    "United Kingdom": "GBR", "Britain": "GBR", "Great Britain": "GBR", "United States": "USA",
    "United States of America": "USA", "America": "USA", "United Arab Emirates": "ARE",
    "the Emirates": "ARE", "Taiwan": "TWN", "Bolivia": "BOL", "Venezuela": "VEN", "Tanzania": "TZA",
    "Moldova": "MDA", "Laos": "LAO", "Czech Republic": "CZE", "Czechia": "CZE", "Soviet Union": "SUN",
    "Palestine": "PSE", "Ivory Coast": "CIV", "Cote d'Ivoire": "CIV", "Côte d'Ivoire": "CIV",
    "Congo": "COG", "DR Congo": "COD", "Democratic Republic of the Congo": "COD", "Brunei": "BRN",
    "Macedonia": "MKD", "North Macedonia": "MKD", "Burma": "MMR", "Myanmar": "MMR", "Kosovo": "XKX",
    "Holland": "NLD", "the Netherlands": "NLD", "Netherlands": "NLD", "the Philippines": "PHL",
    "Philippines": "PHL", "Saudi Arabia": "SAU", "Azerbaijan": "AZE", "Israel": "ISR",
    "Kazakhstan": "KAZ", "Turkmenistan": "TKM", "Kyrgyzstan": "KGZ", "Yugoslavia": "YUG",
    "the Jewish state": "ISR", "the Islamic Republic": "IRN", "the Kremlin": "RUS", "the White House": "USA",
    "Czechoslovakia": "CSK", "East Germany": "DDR", "West Germany": "XWG", "Micronesia": "FSM",
    "Cape Verde": "CPV", "Swaziland": "SWZ", "Eswatini": "SWZ", "East Timor": "TLS",
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
    """Case-insensitive surface forms (names, demonyms, capitals) → id."""
    import pycountry

    forms: dict[str, str] = {}
    for c in pycountry.countries:
        for attr in ("name", "common_name"):
            n = getattr(c, attr, None)
            if n and "," not in n and "(" not in n:
                forms[n] = c.alpha_3
    forms.update(ALIASES)
    forms.update(DEMONYMS)
    forms.update(CAPITALS)
    return {k: v for k, v in forms.items() if v}


def kind_of(form: str) -> str:
    """'demonym', 'capital' or 'name' for a surface form (used to read roles)."""
    for table, kind in ((DEMONYMS, "demonym"), (CAPITALS, "capital")):
        if form in table or form.title() in table:
            return kind
    return "name"


@cache
def canonical(code: str) -> str:
    """The resolver id for a gazetteer code (falls back to the code when the resolver is absent)."""
    try:
        from realpolitik.countries import try_resolve  # type: ignore[attr-defined]
    except Exception:  # resolver not installed yet
        return code
    try:
        c = try_resolve(code)
    except Exception:
        return code
    return getattr(c, "id", None) or code


@cache
def display_name(code: str) -> str:
    """A readable name for an id (resolver name, else pycountry, else the id)."""
    try:
        from realpolitik.countries import try_resolve  # type: ignore[attr-defined]

        c = try_resolve(code)
        if c is not None and getattr(c, "name", None):
            return c.name
    except Exception:
        pass
    try:
        import pycountry

        c2 = pycountry.countries.get(alpha_3=code)
        if c2:
            return getattr(c2, "common_name", None) or c2.name
    except Exception:
        pass
    return code
