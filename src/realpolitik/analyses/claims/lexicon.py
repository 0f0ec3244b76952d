"""The reader's vocabulary: which words name a metric, a direction, a role, a scope or a relation.

Every word list the frame reader uses lives here, so extending the reader to a new way of writing
a claim is usually one word in one set. All entries are lower case; multiword cues are matched on
the lower-cased text with word boundaries.
"""

from __future__ import annotations

import re

# --- metrics ------------------------------------------------------------------------------------
ARMS = frozenset(
    [
        "arms",
        "arm",
        "weapons",
        "weapon",
        "weaponry",
        "armaments",
        "armament",
        "munitions",
        "arsenal",
        "arsenals",
        "materiel",
    ]
)
# "military"/"defence" count as arms only before these nouns ("defence exports", "military exporter")
ARMS_MODIFIED = frozenset(
    [
        "exports",
        "export",
        "exporter",
        "exporters",
        "imports",
        "import",
        "importer",
        "importers",
        "equipment",
        "hardware",
        "purchases",
        "sales",
        "supplies",
        "supplier",
        "suppliers",
        "goods",
        "materiel",
        "kit",
        "industry",
        "industries",
        "trade",
        "transfers",
        "deliveries",
        "partner",
        "partners",
        "products",
        "systems",
        "business",
        "market",
    ]
)
ARMS_MODIFIERS = frozenset({"military", "defence", "defense", "security"})
OIL = frozenset(["oil", "crude", "petroleum"])
PRODUCER = frozenset(
    ["producer", "producers", "producing", "production", "output", "pumps", "pumping"]
)
METRIC_WORDS = ARMS | OIL | ARMS_MODIFIED | {"exports", "imports"}

# --- direction ----------------------------------------------------------------------------------
# nouns and verbs on the importing side (the owner of these is an importer)
IMPORT_WORDS = frozenset(
    [
        "imports",
        "import",
        "imported",
        "importing",
        "importer",
        "importers",
        "purchases",
        "purchase",
        "purchased",
        "purchasing",
        "purchaser",
        "purchasers",
        "buy",
        "buys",
        "bought",
        "buying",
        "buyer",
        "buyers",
        "acquisitions",
        "acquired",
        "acquiring",
        "procurement",
        "procured",
        "receives",
        "received",
        "receiving",
        "recipient",
        "recipients",
        "client",
        "clients",
        "customer",
        "customers",
        "intake",
        "arsenal",
        "inventory",
        "needs",
    ]
)
# nouns and verbs on the exporting side
EXPORT_WORDS = frozenset(
    [
        "exports",
        "export",
        "exported",
        "exporting",
        "exporter",
        "exporters",
        "sales",
        "sale",
        "sold",
        "sells",
        "sell",
        "selling",
        "seller",
        "sellers",
        "supplier",
        "suppliers",
        "supplied",
        "supplies",
        "supply",
        "supplying",
        "provider",
        "providers",
        "provided",
        "provides",
        "providing",
        "deliveries",
        "delivered",
        "delivering",
        "vendor",
        "vendors",
        "business",
        "shipments",
        "shipped",
        "industry",
    ]
)
SUPPLIER_NOUNS = frozenset(
    [
        "supplier",
        "suppliers",
        "provider",
        "providers",
        "source",
        "sources",
        "exporter",
        "exporters",
        "seller",
        "sellers",
        "vendor",
        "vendors",
        "supplying",
        "exporting",
    ]
)
RECIPIENT_NOUNS = frozenset(
    [
        "recipient",
        "recipients",
        "client",
        "clients",
        "customer",
        "customers",
        "buyer",
        "buyers",
        "importer",
        "importers",
        "purchaser",
        "purchasers",
        "market",
        "markets",
        "destination",
        "destinations",
        "importing",
        "purchasing",
    ]
)
# verbs whose subject supplies the share ("Israel supplied 60 %", "the US accounted for 78 %")
SUPPLY_VERBS = frozenset(
    [
        "supplied",
        "supplies",
        "supply",
        "supplying",
        "provided",
        "provides",
        "provide",
        "providing",
        "delivered",
        "delivers",
        "deliver",
        "delivering",
        "sold",
        "sells",
        "sell",
        "selling",
        "shipped",
        "ships",
        "exported",
        "exports",
        "sent",
        "sends",
        "transferred",
        "meets",
        "met",
        "covers",
        "covered",
        "cover",
        "covering",
        "satisfies",
        "satisfied",
    ]
)
# verbs whose subject receives the share ("Pakistan bought 41 %", "India received 31 %")
ACQUIRE_VERBS = frozenset(
    [
        "bought",
        "buys",
        "buy",
        "buying",
        "purchased",
        "purchases",
        "purchase",
        "purchasing",
        "imported",
        "imports",
        "import",
        "importing",
        "received",
        "receives",
        "receiving",
        "took",
        "takes",
        "take",
        "taking",
        "absorbed",
        "absorbs",
        "acquired",
        "got",
        "gets",
        "obtained",
        "obtains",
    ]
)
# verbs and phrases that make the subject a part of a total ("accounted for 45 %", "made up 81 %")
PART_RE = re.compile(
    r"\b(?:accounts?\s+for|accounted\s+for|accounting\s+for|made\s+up|makes?\s+up|making\s+up|"
    r"represent(?:s|ed|ing)?|constitut(?:es|ed|ing)|comprised?|comprising|was\s+responsible\s+for|"
    r"were\s+responsible\s+for|is\s+responsible\s+for|had|has|have|with|at|holds?|held|"
    r"(?:was|were|is|are)\s+(?:regarded|estimated|put|calculated|reckoned|valued)\s+(?:as|at)|"
    r"(?:was|were|is|are)\s+the\s+(?:source|origin|destination|recipient|supplier)\s+of|amount(?:s|ed)?\s+to|"
    r"taking|took|takes|received|receives|receiving|got|gets|absorbed|buying|purchasing|"
    r"bought|purchased|supplied|supplies|supplying|provided|provides|providing|delivering|"
    r"delivered|sold|sells|selling|imports?|imported|purchases)\b",
    re.I,
)

# --- scope --------------------------------------------------------------------------------------
GLOBAL_RE = re.compile(
    r"\b(?:global(?:ly)?|world(?:wide)?|world['’]?s|world\s+s|international(?:ly)?|planet['’]s)\b"
    r"|\bin\s+the\s+world\b|\bon\s+earth\b|\btotal\s+volume\b|\bglobal\s+(?:total|market)\b",
    re.I,
)

# --- relations ----------------------------------------------------------------------------------
RIVAL_RE = re.compile(
    r"\b(?:arch[- ]?(?:rivals?|enem(?:y|ies)|nemesis|foes?|adversar(?:y|ies))|archrivals?|"
    r"archenem(?:y|ies)|(?:regional|old|long-?time|long-standing|sworn|bitter|strategic|historic)\s+"
    r"(?:rivals?|enem(?:y|ies)|foes?|adversar(?:y|ies))|rival(?:s|ry|ries)?|nemesis|"
    r"enem(?:y|ies)|adversar(?:y|ies)|foes?|enmity|feuds?|antagonists?|"
    r"(?:decades?|years?|quarter-century|century|half-century)[- ]long\s+(?:conflict|feud|rivalry|dispute)|"
    r"(?:long-running|enduring|protracted|frozen|decades-old)\s+(?:conflict|feud|dispute)|"
    # threat wording: "perceived growing threats from A and B", "sees A as its main threat"
    r"threats?(?=\s+(?:from|posed\s+by)\s)|"
    # friction wording with the other state: "tensions with A and B", "armed clashes between A and B"
    r"(?:(?:armed|border|military|deadly|violent|renewed|frequent|recurrent|sporadic)\s+)?"
    r"(?:tensions?|clash(?:es)?|skirmish(?:es)?|hostilit(?:y|ies)|(?:tense|strained|hostile|frosty)\s+relations?)"
    r"(?=\s+(?:with|between|towards?)\s)|"
    r"(?<=\s)(?:its|their|an?|the)\s+(?:main|principal|biggest|greatest|existential|primary|chief|major|top|gravest)\s+(?:security\s+)?threat)\b",
    re.I,
)
BORDER_VERB_RE = re.compile(
    r"\b(?:(?:does|do|did)(?:\s+not|n['’]t)\s+(?:even\s+)?border|borders|bordered|bordering|shares?\s+(?:a|an|its)?\s*(?:[\w-]+\s+){0,3}?(?:land\s+)?border|"
    r"sharing\s+(?:a|an)\s+(?:[\w-]+\s+){0,3}?border|has\s+a\s+(?:[\w-]+\s+){0,2}?border|"
    r"share\s+(?:a|an)\s+(?:[\w-]+\s+){0,3}?(?:land\s+)?(?:border|frontier))\b",
    re.I,
)
BORDER_NOUN_RE = re.compile(r"\b(?:border|borders|frontier|boundary)\b", re.I)

# --- periods ------------------------------------------------------------------------------------
# words before a period that make it a comparison baseline, not the claim's own period
BASELINE_BEFORE_RE = re.compile(
    r"(?:\bthan(?:\s+(?:in|during|for|over))?|\bcompared\s+(?:to|with)|\bas\s+against|\bagainst|"
    r"\bup\s+from|\bdown\s+from|\bsince|\bas\s+in|\bover|\bfrom)\s+(?:the\s+)?(?:(?:previous|preceding|earlier|prior)\s+)?(?:five[- ]year\s+periods?\s+(?:of\s+)?)?$",
    re.I,
)
# a comparison cue with its base noun phrase before the base window: "than in 2010–14", "compared
# with the previous five-year period from 2014 to 2018", "compared to the prior window, 2014–18"
COMPARED_BASE_RE = re.compile(
    r"(?:\bthan(?:\s+(?:in|during|for|over))?|\bcompared\s+(?:to|with)|\bas\s+against|\bagainst|"
    r"\bup\s+from|\bdown\s+from|\bas\s+in)\s+(?:the\s+)?(?:(?:previous|preceding|earlier|prior|last)\s+)?"
    r"(?:(?:(?:five|5|ten|10)[- ]year\s+)?(?:periods?|window|span)\s*(?:,\s*|of\s+|from\s+|between\s+)?(?:the\s+)?)?$",
    re.I,
)
# a sentence about the present does not inherit a past period from its paragraph
PRESENT_RE = re.compile(
    r"\b(?:now|today|currently|lately|recently|nowadays|these days|at present|has become|have become|remains?|(?:is|are) still|(?:has|have) since|since then)\b",
    re.I,
)
# claims about a time before the article ("once the largest") or about every window since a year
ONCE_RE = re.compile(
    r"\b(?:once|formerly|previously|used\s+to\s+be|at\s+one\s+time|long\s+the|traditionally|historically)\b",
    re.I,
)
EVERY_RE = re.compile(
    r"\b(?:in\s+)?(?:every|each)\s+(?:five[- ]year\s+)?(?:period|window|year|decade)\s+since\b|"
    r"\bin\s+every\s+(?:five[- ]year\s+)?(?:period|window)\b|\bever\s+since\b",
    re.I,
)
NEGATION_RE = re.compile(
    r"\b(?:not|never|no\s+longer|neither|nor|isn['’]t|wasn['’]t|aren['’]t|weren['’]t)\b", re.I
)


def words(text: str) -> list[str]:
    """Lower-cased word tokens (letters, digits, hyphenated words)."""
    return re.findall(r"[a-z0-9][a-z0-9'’-]*", text.lower())


def has_arms(text: str) -> bool:
    """Whether a stretch of text names arms ('weapons', 'defence exports', 'military exporter')."""
    ws = words(text)
    for i, w in enumerate(ws):
        if w in ARMS or w.rstrip("s") in {"weapon", "armament"}:
            return True
        if w in ARMS_MODIFIERS and i + 1 < len(ws) and ws[i + 1] in ARMS_MODIFIED:
            return True
    return False


def has_oil(text: str) -> bool:
    return any(w in OIL for w in words(text))


# --- relations named in passing (issue 14) --------------------------------------------------------
# a rivalry told by its wars: "who have fought three wars", "have gone to war four times"; the states
# are the two the sentence names before it (or "the two neighbours"), or the one it was fought with
RIVAL_WAR_RE = re.compile(
    r"\b(?:ha(?:ve|s|d)\s+)?(?:fought|waged)\s+(?:(?:at\s+least|some|several|multiple|two|three|four|five|a\s+(?:few|series\s+of|number\s+of)|an?|one|\d+)\s+)?"
    r"(?:(?:full-scale|major|bloody|border|brief|short)\s+)?wars?\b(?!\s+(?:on|against)\s+(?:terror|drugs|the\s+(?:taliban|islamic))\b)"
    r"|\bgone\s+to\s+war\s+(?:(?:with|against)\s+(?:each\s+other|one\s+another)\s+)?(?:\w+\s+times|twice|repeatedly)\b",
    re.I,
)
# "all share borders with one another", "share borders with each other": every pair of a list
BORDER_MUTUAL_RE = re.compile(
    r"\b(?:all\s+|each\s+)?(?:share|border)s?\s+(?:(?:a|land|common)\s+)?(?:borders?|frontiers?\s+)?(?:\s*with\s+)?(?:one\s+another|each\s+other)\b",
    re.I,
)
