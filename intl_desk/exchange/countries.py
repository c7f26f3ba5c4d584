"""Countries as offices write them: "Pérou", "Perú", "Peru", "PE" and "PER" are all PE.

Names come from CLDR through Babel in English, French, Spanish and Portuguese, codes and
ISO names from pycountry, and a short table adds what registers really contain ("USA",
"UK", "Corée du Sud", "EE. UU."…). Matching ignores case, accents, punctuation and a
leading article ("le Brésil", "el Perú"), so nobody has to clean a column before importing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache, lru_cache

import pycountry
from babel import Locale

from intl_desk.core.folding import fold
from intl_desk.core.i18n import N_, SUPPORTED_LANGUAGES, Message
from intl_desk.core.validation import country_codes

#: short forms and old names found in registers, beyond CLDR's and ISO's names
SYNONYMS: dict[str, tuple[str, ...]] = {
    "US": (
        "USA",
        "U.S.A.",
        "U.S.",
        "EE. UU.",
        "EEUU",
        "EE.UU.",
        "EUA",
        "E.U.A.",
        "United States of America",
        "Etats-Unis d'Amerique",
    ),
    "GB": (
        "UK",
        "U.K.",
        "Great Britain",
        "Britain",
        "Grande-Bretagne",
        "Gran Bretaña",
        "Grã-Bretanha",
        "Royaume Uni",
    ),
    "KR": (
        "Republic of Korea",
        "Corée du Sud",
        "Corea del Sur",
        "Coreia do Sul",
    ),
    "KP": ("North Korea", "Corée du Nord", "Corea del Norte", "Coreia do Norte"),
    "CD": (
        "DRC",
        "RDC",
        "RD Congo",
        "DR Congo",
        "Congo-Kinshasa",
        "Congo Kinshasa",
        "République démocratique du Congo",
        "Democratic Republic of the Congo",
    ),
    "CG": ("Congo-Brazzaville", "Congo Brazzaville", "Republic of the Congo"),
    "BF": ("Burkina",),
    "TL": ("Timor", "East Timor", "Timor oriental", "Timor Oriental", "Timor-Leste"),
    "ST": ("Sao Tomé", "São Tomé", "Sao Tome", "São Tomé e Príncipe", "Santo Tomé"),
    "CF": ("Centrafrique", "RCA", "République centrafricaine", "República Centroafricana"),
    "AE": ("Émirats", "EAU", "UAE", "Emirados", "Émirats arabes unis", "Emiratos"),
    "CI": ("Ivory Coast", "Côte d'Ivoire", "Cote d Ivoire", "Costa de Marfil"),
    "VN": ("Viet Nam", "Việt Nam", "Vietname"),
    "RU": ("Russia", "Russie", "Rusia", "Rússia", "Fédération de Russie"),
    "CN": ("China", "Chine", "PRC", "RPC"),
    "TW": ("Taiwan", "Taïwan", "Taiwán"),
    "NL": ("Holland", "Hollande", "Holanda", "The Netherlands"),
    "CZ": ("Czech Republic", "République tchèque", "República Checa", "República Tcheca"),
    "MK": ("Macedonia", "Macédoine", "FYROM"),
    "BO": ("Bolivia", "Bolivie"),
    "VE": ("Venezuela",),
    "IR": ("Iran",),
    "SY": ("Syria", "Syrie", "Siria", "Síria"),
    "TZ": ("Tanzania", "Tanzanie", "Tanzânia"),
    "LA": ("Laos",),
    "MD": ("Moldova", "Moldavie", "Moldavia", "Moldávia"),
    "PS": ("Palestine", "Palestina", "Territoires palestiniens"),
    "VA": ("Vatican", "Holy See", "Saint-Siège", "Santa Sede"),
    "BA": ("Bosnia", "Bosnie", "Bósnia"),
    "XK": ("Kosovo",),
    "TR": ("Turkey", "Turquie", "Turquía", "Turquia", "Türkiye"),
    "CV": ("Cape Verde", "Cap-Vert", "Cabo Verde"),
    "SZ": ("Swaziland",),
    "MM": ("Burma", "Birmanie", "Birmania", "Birmânia", "Myanmar"),
}

_ARTICLES = ("the ", "le ", "la ", "les ", "l ", "el ", "los ", "las ", "o ", "os ", "a ", "as ")
_PUNCTUATION = re.compile(r"[.'’`´,()\-_/]+")


def _key(text: str) -> str:
    """Folded, with punctuation turned into spaces."""
    return " ".join(_PUNCTUATION.sub(" ", fold(text)).split())


def _without_article(key: str) -> str:
    for article in _ARTICLES:
        if key.startswith(article) and len(key) > len(article) + 2:
            return key[len(article) :]
    return key


def _names(code: str) -> Iterable[str]:
    for language in SUPPORTED_LANGUAGES:
        name = Locale.parse(language).territories.get(code)
        if name:
            yield name
            yield re.sub(r"\s*\(.*\)$", "", name)  # "Myanmar (Birmanie)" → "Myanmar"
    country = pycountry.countries.get(alpha_2=code)
    if country is not None:
        for attribute in ("name", "official_name", "common_name"):
            value = getattr(country, attribute, None)
            if value:
                yield value
    yield from SYNONYMS.get(code, ())


@cache
def _index() -> dict[str, str]:
    """Folded name or code → ISO 3166-1 alpha-2. Later, more specific entries never lose
    to a generic synonym: CLDR and ISO names are entered first and win."""
    index: dict[str, str] = {}
    codes = sorted(country_codes())
    for code in codes:
        for name in _names(code):
            if name not in SYNONYMS.get(code, ()):
                index.setdefault(_key(name), code)
    for code, synonyms in SYNONYMS.items():
        for synonym in synonyms:
            index.setdefault(_key(synonym), code)
    for country in pycountry.countries:
        index[fold(country.alpha_3)] = country.alpha_2
    for code in codes:
        index[fold(code)] = code
    index["uk"] = "GB"  # ISO's exceptional reservation, used everywhere
    index["xkx"] = "XK"
    return index


_PARTS_OF_THE_UK = (
    "England", "Scotland", "Wales", "Northern Ireland", "Angleterre", "Écosse",
    "Pays de Galles", "Inglaterra", "Escocia", "Escócia", "Gales",
)  # fmt: skip

#: words a register uses that name more, or less, than one country: read only with a
#: warning (England is part of the United Kingdom) or refused (Congo: which one?)
LOSSY: dict[str, tuple[str | None, str]] = {
    **{
        word: ("GB", N_("“{value}” is part of the United Kingdom: GB is recorded."))
        for word in _PARTS_OF_THE_UK
    },
    **{
        word: ("US", N_("“{value}” is taken as the United States of America (US)."))
        for word in ("America", "Amérique", "América")
    },
    **{
        word: ("KR", N_("“{value}” is taken as South Korea (KR), not North Korea."))
        for word in ("Korea", "Corée", "Corea", "Coreia")
    },
    "Congo": (
        None,
        N_(
            "“{value}” may be Congo-Brazzaville (CG) or Congo-Kinshasa (CD): write which "
            "one."
        ),
    ),
}


def country_reading(text: object) -> tuple[str | None, Message | None]:
    """The code ``text`` names and, for a word that names more or less than one country,
    the sentence to show (with no code when it cannot be decided)."""
    if text is None or not str(text).strip():
        return None, None
    return _reading(str(text).strip())


@lru_cache(maxsize=4096)
def _reading(raw: str) -> tuple[str | None, Message | None]:
    """:func:`country_reading` of a stripped text, once per text: a register writes its
    few countries over thousands of rows."""
    lossy = _lossy().get(_key(raw))
    if lossy is not None:
        code, msgid = lossy
        return code, Message(msgid, {"value": raw})
    return resolve_country(raw), None


@cache
def _lossy() -> dict[str, tuple[str | None, str]]:
    return {_key(word): meaning for word, meaning in LOSSY.items()}


def resolve_country(text: object) -> str | None:
    """The ISO alpha-2 code ``text`` names (a name in en/fr/es/pt, an alpha-2 or alpha-3
    code, a common short form), or None when it names no country."""
    if text is None:
        return None
    raw = str(text).strip()
    if not raw:
        return None
    index = _index()
    key = _key(raw)
    return index.get(key) or index.get(fold(raw)) or index.get(_without_article(key))


def countries_reading(text: object) -> tuple[list[str], list[str], list[Message]]:
    """The codes in a cell, the pieces that name no country (or no single one), and the
    sentences for words read with a warning. The whole cell is tried first, so a name
    with a comma in it ("St. Helena, Ascension & Tristan da Cunha") is not split."""
    if text is None or not str(text).strip():
        return [], [], []
    whole, warning = country_reading(text)
    if whole:
        return [whole], [], [warning] if warning else []
    codes: list[str] = []
    unknown: list[str] = []
    warnings: list[Message] = []
    for piece in re.split(r"[;,/\n]", str(text)):
        if not piece.strip():
            continue
        code, warning = country_reading(piece)
        if warning is not None:
            warnings.append(warning)
        if code is None:
            unknown.append(piece.strip())
        elif code not in codes:
            codes.append(code)
    return codes, unknown, warnings
