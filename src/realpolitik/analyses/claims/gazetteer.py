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
    "South Korean": "KOR", "Korean": "KOR", "North Korean": "PRK", "Vietnamese": "VNM", "Kazakh": "KAZ",
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


# definite descriptions with a fixed referent
EPITHETS: dict[str, str] = {
    "the Jewish state": "ISR", "the Islamic Republic": "IRN", "the Kremlin": "RUS",
    "the White House": "USA", "the Pentagon": "USA", "Downing Street": "GBR", "Whitehall": "GBR",
    "the Elysee": "FRA", "the Élysée": "FRA", "the Celestial Empire": "CHN", "Uncle Sam": "USA",
}  # fmt: skip

# states described by what they are ("the Kingdom", "the Gulf state"): the description names a
# class and the most salient state of that class in the article so far is meant
_GULF = frozenset({"SAU", "ARE", "QAT", "KWT", "BHR", "OMN"})
_KINGDOMS = frozenset({"SAU", "JOR", "MAR", "BHR", "GBR", "ESP", "NLD", "BEL", "SWE", "NOR",
                       "DNK", "THA", "KHM", "BTN", "SWZ", "LSO", "TON"})  # fmt: skip
_CAUCASUS = frozenset({"AZE", "ARM", "GEO"})
_POST_SOVIET = frozenset({"AZE", "ARM", "GEO", "BLR", "UKR", "MDA", "KAZ", "KGZ", "TJK", "TKM",
                          "UZB", "EST", "LVA", "LTU", "RUS"})  # fmt: skip
_CASPIAN = frozenset({"AZE", "KAZ", "TKM", "IRN", "RUS"})
_ARAB = frozenset({"SAU", "ARE", "QAT", "KWT", "BHR", "OMN", "YEM", "IRQ", "SYR", "JOR", "LBN",
                   "EGY", "LBY", "TUN", "DZA", "MAR", "SDN", "PSE", "MRT"})  # fmt: skip
_SOUTH_ASIA = frozenset({"IND", "PAK", "BGD", "LKA", "NPL", "BTN", "AFG", "MDV"})
_EAST_ASIA = frozenset({"CHN", "JPN", "KOR", "PRK", "TWN", "MNG"})
_SOUTHEAST_ASIA = frozenset(
    {"IDN", "VNM", "THA", "PHL", "MYS", "SGP", "MMR", "KHM", "LAO", "BRN", "TLS"}
)
_ASIA = _SOUTH_ASIA | _EAST_ASIA | _SOUTHEAST_ASIA | frozenset({"KAZ", "UZB", "TKM", "KGZ", "TJK"})
_EUROPE = frozenset({"GBR", "FRA", "DEU", "ITA", "ESP", "NLD", "BEL", "SWE", "NOR", "DNK", "FIN", "POL",
                     "CZE", "AUT", "CHE", "PRT", "GRC", "HUN", "ROU", "BGR", "UKR", "BLR", "IRL"})  # fmt: skip
_AFRICA = frozenset({"EGY", "DZA", "MAR", "LBY", "TUN", "NGA", "ZAF", "ETH", "KEN", "AGO", "SDN", "MLI",
                     "TZA", "UGA", "GHA", "CMR", "COD", "SEN", "CIV", "ZWE", "MOZ"})  # fmt: skip
_LATIN_AMERICA = frozenset({"BRA", "MEX", "ARG", "COL", "CHL", "PER", "VEN", "ECU", "BOL", "CUB"})
# "the Asian giant", "the European power": states large enough to be called so
_GIANTS = frozenset({"USA", "CHN", "IND", "RUS", "BRA", "JPN", "DEU", "IDN", "NGA", "SAU", "TUR"})
# head word (after "the" and optional modifiers) → the class it may refer to (None = any state)
DESCRIPTION_HEADS: dict[str, frozenset[str] | None] = {
    "country": None, "nation": None, "state": None, "government": None, "republic": None,
    "kingdom": _KINGDOMS, "monarchy": _KINGDOMS | _GULF, "emirate": frozenset({"ARE", "QAT", "KWT"}),
    "sultanate": frozenset({"OMN", "BRN"}), "giant": _GIANTS, "superpower": _GIANTS,
    "powerhouse": _GIANTS, "heavyweight": _GIANTS, "behemoth": _GIANTS,
}  # fmt: skip
# modifiers that narrow the class ("the Gulf state", "the Caucasus republic")
DESCRIPTION_MODIFIERS: dict[str, frozenset[str]] = {
    "gulf": _GULF, "caucasus": _CAUCASUS, "caucasian": _CAUCASUS, "south caucasus": _CAUCASUS,
    "soviet": _POST_SOVIET, "post-soviet": _POST_SOVIET, "ex-soviet": _POST_SOVIET,
    "caspian": _CASPIAN, "arab": _ARAB, "jewish": frozenset({"ISR"}),
    "subcontinent": _SOUTH_ASIA, "subcontinental": _SOUTH_ASIA, "south asian": _SOUTH_ASIA,
    "east asian": _EAST_ASIA, "southeast asian": _SOUTHEAST_ASIA, "asian": _ASIA,
    "european": _EUROPE, "african": _AFRICA, "north african": _AFRICA, "latin american": _LATIN_AMERICA,
    "south american": _LATIN_AMERICA, "persian": frozenset({"IRN"}), "nordic": frozenset({"SWE", "NOR", "DNK", "FIN", "ISL"}),
    "scandinavian": frozenset({"SWE", "NOR", "DNK"}), "balkan": frozenset({"SRB", "HRV", "BIH", "MNE", "MKD", "ALB", "BGR", "GRC"}),
}  # fmt: skip

# arms makers and state agencies named in place of their state (deals "by Elbit", "from Baykar")
COMPANIES: dict[str, str] = {
    "Elbit": "ISR", "Elbit Systems": "ISR", "Israel Aerospace Industries": "ISR", "IAI": "ISR",
    "Rafael": "ISR", "Rafael Advanced Defense Systems": "ISR", "Israel Military Industries": "ISR",
    "IMI Systems": "ISR", "Aeronautics": "ISR", "Baykar": "TUR", "Aselsan": "TUR", "Roketsan": "TUR",
    "Turkish Aerospace": "TUR", "TUSAS": "TUR", "Otokar": "TUR", "FNSS": "TUR", "MKE": "TUR",
    "Lockheed Martin": "USA", "Lockheed": "USA", "Boeing": "USA", "Raytheon": "USA", "RTX": "USA",
    "General Dynamics": "USA", "Northrop Grumman": "USA", "L3Harris": "USA", "General Atomics": "USA",
    "Bell": "USA", "Sikorsky": "USA", "Dassault": "FRA", "Dassault Aviation": "FRA", "Thales": "FRA",
    "Naval Group": "FRA", "Nexter": "FRA", "Safran": "FRA", "Rosoboronexport": "RUS",
    "Almaz-Antey": "RUS", "Sukhoi": "RUS", "Mikoyan": "RUS", "MiG": "RUS", "Rostec": "RUS",
    "Uralvagonzavod": "RUS", "Kalashnikov Concern": "RUS", "Norinco": "CHN", "NORINCO": "CHN",
    "AVIC": "CHN", "China State Shipbuilding Corporation": "CHN", "CSSC": "CHN", "BAE Systems": "GBR",
    "Rolls-Royce": "GBR", "Rheinmetall": "DEU", "Krauss-Maffei Wegmann": "DEU", "ThyssenKrupp": "DEU",
    "thyssenkrupp": "DEU", "Leonardo": "ITA", "Fincantieri": "ITA", "Saab": "SWE", "Hanwha": "KOR",
    "Hyundai Rotem": "KOR", "Korea Aerospace Industries": "KOR", "KAI": "KOR", "Embraer": "BRA",
    "Navantia": "ESP", "Kongsberg": "NOR", "Ukroboronprom": "UKR", "Hindustan Aeronautics": "IND",
    "Denel": "ZAF", "Patria": "FIN", "Nammo": "NOR", "Damen": "NLD", "Pakistan Aeronautical Complex": "PAK",
}  # fmt: skip

# long-serving leaders named for their state ("Aliyev's conflict with Armenia"); (state, first, last year)
LEADERS: dict[str, tuple[str, int, int]] = {
    "Aliyev": ("AZE", 1993, 2100), "Netanyahu": ("ISR", 1996, 2100), "Erdogan": ("TUR", 2003, 2100),
    "Erdoğan": ("TUR", 2003, 2100), "Putin": ("RUS", 2000, 2100), "Khamenei": ("IRN", 1989, 2100),
    "Rouhani": ("IRN", 2013, 2021), "Raisi": ("IRN", 2021, 2024), "Ahmadinejad": ("IRN", 2005, 2013),
    "Modi": ("IND", 2014, 2100), "Xi Jinping": ("CHN", 2012, 2100), "Pashinyan": ("ARM", 2018, 2100),
    "Lukashenko": ("BLR", 1994, 2100), "Zelensky": ("UKR", 2019, 2100), "Zelenskyy": ("UKR", 2019, 2100),
    "Macron": ("FRA", 2017, 2100), "Sisi": ("EGY", 2014, 2100), "el-Sisi": ("EGY", 2014, 2100),
    "Assad": ("SYR", 2000, 2024), "Maduro": ("VEN", 2013, 2100), "Orban": ("HUN", 2010, 2100),
    "Orbán": ("HUN", 2010, 2100), "Tokayev": ("KAZ", 2019, 2100), "Nazarbayev": ("KAZ", 1991, 2019),
    "Kim Jong Un": ("PRK", 2011, 2100), "Kim Jong-un": ("PRK", 2011, 2100), "Merkel": ("DEU", 2005, 2021),
}  # fmt: skip

# bodies whose names contain place names but that are not states ("Stockholm International …")
ORGANISATIONS: tuple[str, ...] = (
    "SIPRI", "Stockholm International Peace Research Institute", "EIA",
    "Energy Information Administration", "U.S. Energy Information Administration",
    "International Energy Agency", "IEA", "OPEC", "NATO", "United Nations", "UN Security Council",
    "European Union", "Energy Institute", "Center for Eurasian, Russian and Eastern European Studies",
    "Georgetown University", "Jerusalem Post", "Times of India", "New York Times", "Washington Post",
    "WikiLeaks", "Reuters", "Bloomberg", "Xinhua", "Anadolu", "Al Jazeera", "Trend News Agency",
)  # fmt: skip

# regions as written → the region key used by the region verifier (None: named, not checkable)
REGIONS: dict[str, str | None] = {
    "Middle East": "Middle East", "Mideast": "Middle East", "Africa": "Africa",
    "sub-Saharan Africa": None, "Sub-Saharan Africa": None, "North Africa": None,
    "Europe": "Europe", "Asia and Oceania": "Asia and Oceania", "Asia-Pacific": None,
    "Asia": "Asia and Oceania", "Oceania": None, "the Americas": "Americas", "Americas": "Americas",
    "South America": None, "North America": None, "Latin America": None, "Central America": None,
    "South Asia": "South Asia", "Southeast Asia": None, "South East Asia": None, "East Asia": None,
    "Central Asia": None, "the Gulf": None, "Persian Gulf": None, "the Caucasus": None,
    "South Caucasus": None, "the Balkans": None, "Western Europe": None, "Eastern Europe": None,
    "Central Europe": None, "Gulf states": None, "Caspian Sea": None, "the Caspian": None,
    "Nagorno-Karabakh": None, "Gaza Strip": None, "Gaza": None, "Kashmir": None,
    # adjectives ("European states accounted for 21 %"; "Latin American" is not "American")
    "European": "Europe", "African": "Africa", "Asian": "Asia and Oceania",
    "Middle Eastern": "Middle East", "South Asian": "South Asia", "Latin American": None,
    "South American": None, "North American": None, "Central American": None,
    "Southeast Asian": None, "South-East Asian": None, "East Asian": None, "Central Asian": None,
    "sub-Saharan African": None, "North African": None, "West African": None, "East African": None,
    "Western European": None, "Eastern European": None, "Central European": None,
    "Caucasian": None, "Balkan": None, "Arab": None, "Gulf Arab": None,
}  # fmt: skip

# nouns after a state's adjective that make it a descriptor of a non-state thing
# ("the Swedish firm", "a Rome daily", "US states", "Sweden-based")
NON_STATE_HEADS = frozenset(
    [
        "firm",
        "company",
        "companies",
        "think-tank",
        "thinktank",
        "think",
        "institute",
        "institution",
        "university",
        "daily",
        "newspaper",
        "paper",
        "agency",
        "media",
        "outlet",
        "outlets",
        "broadcaster",
        "channel",
        "researcher",
        "researchers",
        "analyst",
        "analysts",
        "expert",
        "experts",
        "official",
        "officials",
        "diplomat",
        "diplomats",
        "embassy",
        "consulate",
        "states",
        "province",
        "provinces",
        "city",
        "cities",
        "capital",
        "population",
        "people",
        "citizens",
        "leader",
        "president",
        "prime",
        "minister",
        "ministry",
        "foreign",
        "parliament",
        "court",
        "army",
        "troops",
        "forces",
        "soldiers",
        "navy",
        "invasion",
        "war",
        "offensive",
        "think",
        "thinktank",
    ]
)


@cache
def name_forms() -> dict[str, str]:
    """Case-insensitive surface forms (resolver names and aliases of states, demonyms, capitals) → id."""
    from realpolitik.countries import from_id, surface_forms, try_resolve

    forms: dict[str, str] = {}
    shared: set[str] = set()
    for form, cid, _source in surface_forms():
        if len(form) < 4 or "," in form or "(" in form or "*" in form or form.isupper():
            continue  # codes, inverted names and SIPRI party labels are not prose
        if from_id(cid).kind in {"state", "historical", "territory"}:
            if forms.get(form, cid) != cid:
                shared.add(form)
            forms[form] = cid
    for (
        form
    ) in shared:  # "Korea" is also a pre-1910 COW state: modern prose means the resolver's pick
        preferred = try_resolve(form, fuzzy=False)
        if preferred is not None:
            forms[form] = preferred.id
    forms.update(METONYMS)
    forms.update(DEMONYMS)
    forms.update(CAPITALS)
    return forms


@cache
def name_forms_lower() -> frozenset[str]:
    """The surface forms in lower case (a designation that is a place name is not a weapon)."""
    return frozenset(k.lower() for k in name_forms())


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
