"""Reading the figures of a register written by people: decimal commas and points,
thousands separators, currency signs.

"150.000" is 150 thousand in a Brazilian or French register and 150 in an English one;
"1,234" the other way round. One cell cannot tell: the whole column decides (a cell such
as "1.234,50" or "12,5" shows the decimal comma, "1,234.50" or "0.75" the point), then the
other figures of the sheet. A figure that still could be read two ways is refused with
both readings in the message — never guessed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation
from typing import Literal

from intl_desk.core.i18n import N_, Message

#: which mark separates the decimals in a column: "," or "."; None when nothing says
DecimalMark = Literal[",", "."] | None

_NOISE = re.compile(r"[\s\u00a0\u202f€$£%]|R\$|US\$|XOF|FCFA|EUR|BRL|USD", re.IGNORECASE)
_GROUPED = {
    ",": re.compile(r"^[+-]?\d{1,3}(\.\d{3})+(,\d*)?$"),  # 1.234.567,89
    ".": re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$"),  # 1,234,567.89
}


class AmbiguousNumber(ValueError):
    """A figure that reads as two different numbers; ``message`` says both."""

    def __init__(self, message: Message) -> None:
        super().__init__(message.msgid)
        self.message = message


def _bare(value: str) -> str:
    return _NOISE.sub("", value)


def mark_shown_by(text: str) -> DecimalMark:
    """The decimal mark this one figure proves, if it proves one."""
    bare = _bare(text)
    if not re.fullmatch(r"[+-]?[\d.,]*\d[\d.,]*", bare):
        return None
    if "," in bare and "." in bare:
        return "," if bare.rfind(",") > bare.rfind(".") else "."
    pairs: tuple[tuple[Literal[",", "."], Literal[",", "."]], ...] = ((",", "."), (".", ","))
    for mark, other in pairs:
        if mark in bare:
            if bare.count(mark) > 1:
                return other  # 1.234.567: the dots group thousands
            decimals = bare.split(mark)[1]
            if len(decimals) != 3 or bare.lstrip("+-").startswith("0" + mark):
                return mark  # 12,5 / 1234,56 / 0,750
    return None


def decimal_mark(columns: Iterable[Iterable[object]]) -> DecimalMark:
    """The one mark the figures show; None if none does or they disagree."""
    seen: set[Literal[",", "."]] = set()
    for cells in columns:
        for cell in cells:
            if isinstance(cell, str):
                mark = mark_shown_by(cell)
                if mark is not None:
                    seen.add(mark)
    return seen.pop() if len(seen) == 1 else None


def read_number(value: object, mark: DecimalMark) -> Decimal:
    """The figure written in ``value``; raises InvalidOperation when it is not a number
    and :class:`AmbiguousNumber` when ``mark`` is unknown and it reads two ways."""
    if isinstance(value, bool):
        raise InvalidOperation
    if isinstance(value, int | float | Decimal):
        return Decimal(str(value))
    text = str(value).strip()
    bare = _bare(text)
    if not bare:
        raise InvalidOperation
    if "," not in bare and "." not in bare:
        return Decimal(bare)
    mark = mark_shown_by(text) or mark
    if mark is None:
        separator = "," if "," in bare else "."
        whole, decimals = bare.split(separator)
        raise AmbiguousNumber(
            Message(
                N_(
                    "“{value}” could be {with_decimals} or {in_thousands}: nothing else in "
                    "its column shows whether a comma or a point marks the decimals. Write "
                    "it without a thousands separator ({in_thousands}) or with its cents."
                ),
                {
                    "value": text,
                    "with_decimals": format(Decimal(f"{whole}.{decimals}").normalize(), "f"),
                    "in_thousands": f"{whole}{decimals}",
                },
            )
        )
    thousands = "." if mark == "," else ","
    if thousands in bare and not _GROUPED[mark].match(bare):
        raise InvalidOperation  # 12.34.5: not a grouping people write
    return Decimal(bare.replace(thousands, "").replace(mark, "."))
