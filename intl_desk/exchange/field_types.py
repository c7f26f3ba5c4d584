"""The shape of an importable field and of an importable kind of record."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Literal

from intl_desk.core import vocabularies as vocab

FieldKind = Literal[
    "text",
    "date",
    "code",
    "country",
    "countries",
    "names",
    "name",
    "int",
    "float",
    "money",
    "bool",
    "sdgs",
    "year",
    # several whole numbers in one cell ("4632595, 4431410": GeoNames ids)
    "integers",
]


@dataclass(frozen=True)
class Field:
    key: str
    label: str  # msgid shown in the mapping step
    kind: FieldKind = "text"
    vocabulary: vocab.Vocabulary | None = None
    #: more msgids that name this field (translated in every language when matching)
    labels: tuple[str, ...] = ()
    #: raw spellings found in registers (any language, matched folded)
    synonyms: tuple[str, ...] = ()
    required: bool = False


@dataclass(frozen=True)
class ImportKind:
    kind: str
    label: str  # msgid, plural
    fields: tuple[Field, ...]

    def field(self, key: str) -> Field:
        return self._by_key[key]

    @cached_property
    def _by_key(self) -> dict[str, Field]:
        """Each field by its key (the first of a key wins): asked for every cell read."""
        found: dict[str, Field] = {}
        for field in self.fields:
            found.setdefault(field.key, field)
        return found
