"""Turning one cell into a field's value, or into a message saying why it cannot be one."""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from functools import cache, lru_cache
from typing import Any

from intl_desk.core import vocabularies as vocab
from intl_desk.core.date_precision import END_DATES, Precision, stored_day
from intl_desk.core.display import date_text
from intl_desk.core.folding import fold
from intl_desk.core.i18n import N_, SUPPORTED_LANGUAGES, Message, translate
from intl_desk.exchange.countries import countries_reading, country_reading
from intl_desk.exchange.dates import DateUnreadable, read_date
from intl_desk.exchange.fields import Field
from intl_desk.exchange.numbers import AmbiguousNumber, DecimalMark, read_number

_TRUE = {
    "yes",
    "y",
    "oui",
    "o",
    "si",
    "sí",
    "sim",
    "s",
    "true",
    "vrai",
    "verdadero",
    "verdadeiro",
    "1",
    "x",
}
_FALSE = {"no", "n", "non", "nao", "não", "false", "faux", "falso", "0", "-"}


#: words registers use for a term, beyond its code and its labels in the four languages
TERM_SYNONYMS: dict[str, dict[str, tuple[str, ...]]] = {
    "agreement_type": {
        "twinning": (
            "irmandade",
            "irmanamento",  # Brazil: "acordo de irmanamento"
            "jumelage",
            "hermanamiento",
            "geminacao",
            "twinning",
            "sister city",
            "ville jumelle",
            "ciudad hermana",
            "cidade irma",
            "cidades irmas",
        ),
        "friendship": ("amitie", "amistad", "amizade", "friendship", "pacte d'amitie"),
        "cooperation": (
            "cooperation",
            "cooperacion",
            "cooperacao",
            "convention",
            "convenio",
            "acordo",
            "accord de cooperation",
            "cooperation decentralisee",
            "cooperacion descentralizada",
            "cooperacao descentralizada",
            "decentralised cooperation",
            "convenio marco",
            "acuerdo marco",
            "accord cadre",
            "convention cadre",
            "acordo quadro",
            "framework agreement",
        ),
        "mou": ("memorandum", "protocole", "protocolo", "memorando", "mou"),
        "letter_of_intent": (
            "loi",
            "declaration d'intention",
            "carta de intencion",
            "letter of intent",
            "intention",
        ),
        "implementation": (
            "convention d'application",
            "convenio especifico",
            "convenio de ejecucion",
        ),
        "amendment": ("avenant", "enmienda", "adenda", "aditivo", "termo aditivo"),
    },
    "project_status": {
        "1": (
            "en preparation",
            "en projet",
            "prevu",
            "planned",
            "pipeline",
            "en identificacion",
            "identificacao",
            "planifie",
        ),
        "2": (
            "en cours",
            "en cours d'execution",
            "en ejecucion",
            "em execucao",
            "ongoing",
            "in progress",
            "active",
            "actif",
            "en marcha",
            "em andamento",
        ),
        "3": ("en finalisation", "en finalizacion", "em finalizacao"),
        "4": (
            "clos",
            "cloture",
            "termine",
            "acheve",
            "closed",
            "completed",
            "terminado",
            "concluido",
            "finalizado",
        ),
        "5": ("annule", "cancelado", "cancelled", "canceled"),
        "6": ("suspendu", "suspendido", "suspenso", "suspended"),
    },
    "direction": {
        "increase": (
            "hausse",
            "augmentation",
            "increase",
            "higher",
            "plus c'est haut mieux c'est",
            "aumento",
            "ascendente",
        ),
        "decrease": (
            "baisse",
            "diminution",
            "decrease",
            "lower",
            "plus c'est bas mieux c'est",
            "disminucion",
            "diminuicao",
            "descendente",
        ),
    },
    "agreement_status": {
        "active": (
            "en cours",
            "actif",
            "active",
            "signe",
            "signed",
            "firmado",
            "assinado",
            "en vigor",
            "em vigor",
            "em vigencia",
            "ativo",
            "ativa",
            "activo",
            "valide",
        ),
        "expired": ("echu", "caduc", "expire", "expirado", "termine"),
        "draft": ("projet", "borrador", "rascunho", "brouillon"),
        "negotiation": (
            "en negociation",
            "negociation",
            "negociacion",
            "negociacao",
            "em tramitacao",
            "en tramite",
        ),
        "terminated": ("resilie", "denonce", "rescindido", "rescindido"),
        "suspended": ("suspendu", "suspendido", "suspenso"),
        "superseded": ("remplace", "reemplazado", "substituido"),
    },
    "membership_role": {
        "member": ("membre", "adherent", "miembro", "socio", "membro", "associado"),
        "board": (
            "bureau",
            "membre du bureau",
            "conseil d'administration",
            "junta directiva",
            "consejo directivo",
            "diretoria",
            "conselho diretor",
        ),
        "vice_president": (
            "vice president",
            "vice presidente",
            "vicepresidente",
            "vicepresidencia",
        ),
        "president": ("president", "presidente", "presidencia", "presidence"),
        "working_group_chair": (
            "pilote de groupe de travail",
            "coordination de groupe de travail",
            "coordination d'un groupe de travail",
            "presidence de commission",
            "coordinacion de grupo de trabajo",
            "coordinacion de comision",
            "coordenacao de grupo de trabalho",
            "coordenacao de unidade tematica",
        ),
    },
}


#: "Ville ou commune" is also "ville" and "commune"; "Culture / heritage" both words
_PUNCTUATION = re.compile(r"[.,;:'’`()\[\]\-_/]+")
_PARTS = re.compile(r"[/(),;]|\s(?:or|ou|o|and|et|y|e)\s")


#: larger than any budget or count an office keeps (and than SQLite stores exactly)
MAX_NUMBER = Decimal(10) ** 15


class CellError(ValueError):
    def __init__(self, message: Message) -> None:
        super().__init__(message.msgid)
        self.message = message


@lru_cache(maxsize=4096)
def _term_key(text: str) -> str:
    return " ".join(_PUNCTUATION.sub(" ", fold(text)).split())


def word_key(text: str) -> str:
    """How an office's own word is matched: case, accents and punctuation aside."""
    return _term_key(text)


@cache
def _terms(vocabulary: vocab.Vocabulary) -> dict[str, str]:
    """Folded code, label and each part of a label in every language → code."""
    found: dict[str, str] = {}
    for term in vocabulary:
        found.setdefault(_term_key(term.code), term.code)
        for language in SUPPORTED_LANGUAGES:
            label = translate(term.label, language)
            found.setdefault(_term_key(label), term.code)
            for part in _PARTS.split(label):
                if part and len(part.strip()) > 2:
                    found.setdefault(_term_key(part), term.code)
    for code, words in TERM_SYNONYMS.get(vocabulary.name, {}).items():
        for word in words:
            found.setdefault(_term_key(word), code)
    return found


def resolve_term(vocabulary: vocab.Vocabulary, value: object) -> str | None:
    """The code of the term ``value`` names (its code or its label in any language, in
    the singular or the plural: "Jumelages", "Hermanamientos", "Geminações")."""
    if value is None:
        return None
    text = str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)
    terms = _terms(vocabulary)
    key = _term_key(text)
    found = terms.get(key)
    if found is None and key.endswith(("oes", "aes")):  # geminacoes → geminacao
        found = terms.get(key[:-3] + "ao")
    if found is None and key.endswith("es"):
        found = terms.get(key[:-2])
    if found is None and key.endswith("s"):
        found = terms.get(" ".join(word.removesuffix("s") for word in key.split()))
    return found


def theme_codes(text: object) -> tuple[list[str], list[str]]:
    """The themes a cell lists ("Culture, Éducation; Eau"): the codes of those known, in
    order and once each, and the words that name none (the caller says they are left out)."""
    return vocabulary_codes(vocab.THEMES, text)


def vocabulary_codes(vocabulary: vocab.Vocabulary, text: object) -> tuple[list[str], list[str]]:
    """The terms of ``vocabulary`` a cell lists, as codes in the cell's order and once
    each, and the words that name none."""
    codes: list[str] = []
    unknown: list[str] = []
    for part in str(text or "").replace(";", ",").split(","):
        if part.strip():
            code = resolve_term(vocabulary, part)
            if code is None:
                unknown.append(part.strip())
            elif code not in codes:
                codes.append(code)
    return codes, unknown


def as_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else str(value)
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip()
    return text or None


#: how much of a refused cell a message repeats: enough to find it, never a page of digits
ECHO_LIMIT = 40


def _echo(value: Any) -> str:
    """The cell as a message quotes it: shortened with "…" when long."""
    text = as_text(value) or ""
    return text if len(text) <= ECHO_LIMIT else text[: ECHO_LIMIT - 1] + "…"


def _sdgs(value: Any) -> list[int]:
    numbers = [int(part) for part in re.findall(r"\d+", str(as_text(value) or ""))]
    wrong = [number for number in numbers if not 1 <= number <= 17]
    if wrong:
        raise CellError(Message(N_("SDGs are numbered 1 to 17."), {}))
    return list(dict.fromkeys(numbers))


def _integers(value: Any) -> list[int]:
    """The whole numbers of a cell, in order: one number, or several separated by commas,
    semicolons or spaces."""
    whole = isinstance(value, (int, float)) and not isinstance(value, bool)
    text = str(as_text(value) or "")
    if (whole and value != int(value)) or (not whole and re.search(r"[^\d,;\s]", text)):
        raise CellError(Message(N_("“{value}” is not a whole number."), {"value": _echo(value)}))
    if whole:
        return [int(value)]
    return [int(part) for part in re.findall(r"\d+", text)]


#: said of a date given only as a year or a month, by (precision, an end date, whether the
#: record keeps the precision): what is stored, what is shown and what computations take
#: (core.date_precision: a start takes the period's first day, an end its last)
_PARTIAL_DATE_WARNINGS = {
    ("year", False, True): N_(
        "“{value}” is kept as a year; computations take its first day, {day}."
    ),
    ("month", False, True): N_(
        "“{value}” is kept as a month; computations take its first day, {day}."
    ),
    ("year", True, True): N_("“{value}” is kept as a year; computations take its last day, {day}."),
    ("month", True, True): N_(
        "“{value}” is kept as a month; computations take its last day, {day}."
    ),
    ("year", False, False): N_(
        "Only the year of “{value}” is given, and this date holds a day: {day} is stored."
    ),
    ("month", False, False): N_(
        "Only the month of “{value}” is given, and this date holds a day: {day} is stored."
    ),
}
_PARTIAL_DATE_WARNINGS[("year", True, False)] = _PARTIAL_DATE_WARNINGS[("year", False, False)]
_PARTIAL_DATE_WARNINGS[("month", True, False)] = _PARTIAL_DATE_WARNINGS[("month", False, False)]


def read_date_cell(
    field: Field, value: Any, *, day_first: bool = True, kept: bool = False
) -> tuple[date | None, Precision, list[Message]]:
    """The day kept for a date cell, how precisely the register gave it, and a warning
    when it gave only a year or a month, saying what is stored: with ``kept`` (the
    record has a precision for this date) the year or month, else the day alone;
    raises :class:`CellError`."""
    try:
        reading = read_date(value, day_first=day_first)
    except DateUnreadable as error:
        raise CellError(error.message) from None
    if reading is None:
        return None, "day", []
    if reading.precision == "day":
        return reading.value, "day", []
    taken = stored_day(reading.value, reading.precision, field.key)
    warning = Message(
        _PARTIAL_DATE_WARNINGS[(reading.precision, field.key in END_DATES, kept)],
        {"value": _echo(value), "day": date_text(taken)},
    )
    return taken, reading.precision, [warning]


def read_cell(
    field: Field, value: Any, *, day_first: bool = True, mark: DecimalMark = None
) -> tuple[Any, list[Message]]:
    """The value of ``field`` in this cell and any warnings; raises :class:`CellError`.

    ``mark`` is the decimal mark the cell's column (or sheet) shows, see
    :mod:`intl_desk.exchange.numbers`."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, []
    kind = field.kind
    warnings: list[Message] = []
    if kind == "date":
        day, _precision, warnings = read_date_cell(field, value, day_first=day_first)
        return day, warnings
    if kind == "code":
        assert field.vocabulary is not None
        code = resolve_term(field.vocabulary, value)
        if code is None:
            choices = ", ".join(term.display() for term in field.vocabulary)
            raise CellError(
                Message(
                    N_("“{value}” is not one of: {choices}."),
                    {"value": _echo(value), "choices": choices},
                )
            )
        return code, []
    if kind == "country":
        code, warning = country_reading(value)
        if code is None:
            raise CellError(
                warning or Message(N_("“{value}” is not a country."), {"value": _echo(value)})
            )
        return code, [warning] if warning else []
    if kind == "countries":
        codes, unknown, notes = countries_reading(value)
        if unknown:
            problem = next(
                (note for note in notes if str(note.params.get("value")) in unknown), None
            )
            raise CellError(
                problem
                or Message(N_("“{value}” is not a country."), {"value": ", ".join(unknown)})
            )
        return codes, notes
    if kind in ("int", "float", "money", "year"):
        try:
            number = read_number(value, mark)
        except AmbiguousNumber as error:
            raise CellError(error.message) from None
        except (InvalidOperation, ValueError):
            raise CellError(
                Message(N_("“{value}” is not a number."), {"value": _echo(value)})
            ) from None
        if not number.is_finite():
            raise CellError(Message(N_("“{value}” is not a number."), {"value": _echo(value)}))
        if abs(number) >= MAX_NUMBER:
            raise CellError(
                Message(
                    N_("“{value}” is too large to be a figure of a register."),
                    {"value": _echo(value)},
                )
            )
        if kind == "money":
            if number < 0:
                raise CellError(Message(N_("An amount cannot be negative."), {}))
            return number.quantize(Decimal("0.01")), []
        if kind in ("int", "year"):
            if number != number.to_integral_value():
                raise CellError(
                    Message(N_("“{value}” is not a whole number."), {"value": _echo(value)})
                )
            return int(number), []
        return float(number), []
    if kind == "bool":
        folded = fold(str(as_text(value)))
        if folded in _TRUE:
            return True, []
        if folded in _FALSE:
            return False, []
        raise CellError(Message(N_("“{value}” is not yes or no."), {"value": _echo(value)}))
    if kind == "sdgs":
        return _sdgs(value), []
    if kind == "integers":
        return _integers(value), []
    return as_text(value), []
