"""What an import knows about the office file: partners and entities by folded name.

Names match ignoring case, accents and spacing ("SÃO JOÃO DEL-REI" is São João del-Rei),
through the same folding as the records' ``search_key``. A name that matches nothing is
planned as a new record during the preview and created once, however many rows name it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from intl_desk.core.display import country_name
from intl_desk.core.folding import fold
from intl_desk.core.i18n import N_
from intl_desk.core.model import LocalEntity, Office, Partner
from intl_desk.exchange.bulk import BulkWriter

_Shareable = TypeVar("_Shareable", str, tuple[Any, ...])


@lru_cache(maxsize=100_000)
def name_key(name: str) -> str:
    """The key names are matched by; cached, since a register repeats its few hundred
    partners and entities over thousands of rows (cleared once an import is written:
    :func:`intl_desk.exchange.import_write.apply_import`)."""
    return " ".join(fold(name).split())


def forget_compiled_statements(session: Session) -> None:
    """Let go of the statements SQLAlchemy compiled for the file, and of the values each
    was first run with: an import looks rows up by the register's own texts (a state's
    12,807 titles in one ``IN`` list), which the office's engine, open as long as the
    window, otherwise kept after the import, scattered among the heap's blocks."""
    session.get_bind().engine.clear_compiled_cache()


#: said of a row naming a partner several partners of the file are named (see namesakes)
NAMESAKES = N_(
    "Several partners of the file are named “{name}” ({countries}) and the row does not "
    "say which: give the partner's country, or its GeoNames id, in the row, or rename one "
    "of them in the file."
)


@dataclass
class PlannedPartner:
    name: str
    country_code: str


@dataclass
class ImportContext:
    session: Session
    office: Office | None
    #: folded name → [(id, country code)] (two partners may share a name in two countries)
    partners: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    #: partner id → its name as written: "Los Angeles" is not "Los Ángeles" when both exist
    partner_names: dict[str, str] = field(default_factory=dict)
    #: partner id → its GeoNames id: what tells two Jacksons of the United States apart
    geonames: dict[str, int] = field(default_factory=dict)
    entities: dict[str, str] = field(default_factory=dict)
    #: (folded name, country) → the partner this import will create
    new_partners: dict[tuple[str, str], PlannedPartner] = field(default_factory=dict)
    #: folded name → the entity this import will create
    new_entities: dict[str, str] = field(default_factory=dict)
    default_entity_kind: str = "municipality"
    own_government: str | None = None
    #: per kind, what its handler loaded (duplicate keys…)
    extra: dict[str, Any] = field(default_factory=dict)
    #: objects created while applying, by planned key
    created: dict[Any, Any] = field(default_factory=dict)
    #: rows queued for writing, by id (a later duplicate row may still update them)
    queued: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: the notices rows share (see importer.shared_issue), by message and parameters
    notices: dict[tuple[Any, ...], Any] = field(default_factory=dict)
    #: one object for each value the rows' plans hold equal (see :meth:`one_of`)
    plan_values: dict[Any, Any] = field(default_factory=dict)
    _planned_partner_names: set[str] = field(default_factory=set)
    _writer: BulkWriter | None = None

    @classmethod
    def load(cls, session: Session) -> ImportContext:
        office = session.scalars(select(Office).where(Office.deleted_at.is_(None))).first()
        context = cls(session=session, office=office)
        for partner_id, name, country, place in session.execute(
            select(Partner.id, Partner.name, Partner.country_code, Partner.geonames_id).where(
                Partner.deleted_at.is_(None)
            )
        ):
            context.partners.setdefault(name_key(name), []).append((partner_id, country))
            context.partner_names[partner_id] = name
            if place is not None:
                context.geonames[partner_id] = place
        kinds: Counter[str] = Counter()
        governments: list[str] = []
        for entity_id, name, kind in session.execute(
            select(LocalEntity.id, LocalEntity.name, LocalEntity.kind).where(
                LocalEntity.deleted_at.is_(None)
            )
        ):
            context.entities.setdefault(name_key(name), entity_id)
            kinds[kind] += 1
            if kind == "government":
                governments.append(entity_id)
        kinds.pop("government", None)
        if kinds:
            context.default_entity_kind = kinds.most_common(1)[0][0]
        if len(governments) == 1:
            context.own_government = governments[0]
        return context

    def one_of(self, value: _Shareable) -> _Shareable:
        """``value``, or the equal value an earlier row's plan holds.

        A state's register names its 1,900 partners, 700 municipalities and 13,000
        objective texts again and again over 20,000 rows; kept once each, the plans of its
        preview took 8 MiB less (the window holds them through the check and the write).
        Only immutable values (strings, and tuples of them) are shared."""
        return self.plan_values.setdefault(value, value)

    # --- names ------------------------------------------------------------------------

    def _is_known(self, key: str, kind: str) -> bool:
        if kind == "partners":
            return key in self.partners or key in self._planned_partner_names
        return key in self.entities or key in self.new_entities

    def split_names(self, text: str, kind: str) -> list[str]:
        """The names in one cell: "Porto; Lviv", or "Porto, Lviv" unless a known name has a
        comma in it ("Washington, D.C.")."""
        if self._is_known(name_key(text), kind):
            return [text.strip()]
        pieces = [piece.strip() for piece in re.split(r"[;\n]", text) if piece.strip()]
        if len(pieces) > 1:
            return pieces
        tokens = [token.strip() for token in text.split(",") if token.strip()]
        names: list[str] = []
        start = 0
        while start < len(tokens):
            end = len(tokens)
            while end > start + 1 and not self._is_known(
                name_key(", ".join(tokens[start:end])), kind
            ):
                end -= 1
            names.append(", ".join(tokens[start:end]))
            start = end
        return names

    def _named(
        self, name: str, places: Collection[int], taken: Collection[str]
    ) -> list[tuple[str, str]]:
        """The partners named ``name`` (id, country) a row may still mean: not one it has
        already taken for an earlier name (Córdoba, Córdoba: two namesakes), and of those,
        the ones at a GeoNames id the row gives (an export of ours gives them)."""
        found = self.partners.get(name_key(name), [])
        found = [item for item in found if item[0] not in taken] or found
        located = [item for item in found if self.geonames.get(item[0]) in places]
        return located or found

    def partner_for(
        self,
        name: str,
        countries: list[str],
        *,
        any_country: bool = False,
        places: Collection[int] = (),
        taken: Collection[str] = (),
    ) -> tuple[str | None, str | None]:
        """(existing id, None) or (None, planned country); (None, None) when the country is
        unclear (unknown, or known only in a country the row does not give). A name found
        at one of ``places`` (GeoNames ids) or in one of ``countries`` wins over a
        namesake; with ``any_country`` (a project's country is not its funder's) any
        namesake does. ``taken``: the partners the row has already named."""
        key = name_key(name)
        found = self._named(name, places, taken)
        if len(found) > 1:  # namesakes: the one written exactly so first
            exact = name.strip()
            found = sorted(found, key=lambda item: self.partner_names.get(item[0]) != exact)
        for partner_id, country in found:
            if country in countries:
                return partner_id, None
        if found and (any_country or not countries):
            return found[0][0], None
        if len(countries) == 1:
            self.new_partners.setdefault((key, countries[0]), PlannedPartner(name, countries[0]))
            self._planned_partner_names.add(key)
            return None, countries[0]
        # known only elsewhere than the row's countries (Porto of Brazil for a row of
        # Portugal and Ukraine): neither that one nor a new one is guessed
        return None, None

    def countries_of(self, name: str) -> list[str]:
        """The countries (names) of the file's partners called ``name``."""
        found = self.partners.get(name_key(name), [])
        return sorted({country_name(code) for _id, code in found if code})

    def namesakes(
        self,
        name: str,
        countries: list[str],
        *,
        places: Collection[int] = (),
        taken: Collection[str] = (),
        repeated: int = 1,
    ) -> list[str]:
        """The countries of the partners named ``name`` between which nothing in the row
        chooses (several share the name as written, none or several of them at
        ``places`` or in ``countries``): the row is refused rather than linked to a
        guess. Empty when one partner is meant (one of that name, one written exactly
        so, one at a GeoNames id or in a country of the row), or when the row names the
        name ``repeated`` times and each of its namesakes there is meant once."""
        found = self._named(name, places, taken)
        if len(found) < 2:
            return []
        exact = [item for item in found if self.partner_names.get(item[0]) == name.strip()]
        if len(exact) == 1:
            return []
        candidates = exact or found
        placed = [item for item in candidates if item[1] in countries]
        if 1 <= len(placed) <= repeated:
            return []
        located = all(self.geonames.get(partner_id) in places for partner_id, _c in candidates)
        if located and len(candidates) <= repeated:
            return []  # each namesake at a GeoNames id of the row, named as often
        return sorted({country_name(code) for _id, code in placed or candidates if code})

    def row_partners(
        self,
        names: list[str],
        countries: list[str],
        places: Collection[int] = (),
        *,
        any_country: bool = False,
    ) -> Iterator[tuple[str, list[str], str | None, str | None]]:
        """For each partner a row names, in order: (name, the countries of namesakes the
        row cannot choose between — empty when it can —, the existing partner's id, or
        the country to create it in). A name given twice (Córdoba in Argentina and
        Córdoba in Spain, both partners of one project) is two namesakes, one each."""
        taken: set[str] = set()
        for index, name in enumerate(names):
            repeated = sum(name_key(other) == name_key(name) for other in names[index:])
            ambiguous = self.namesakes(
                name, countries, places=places, taken=taken, repeated=repeated
            )
            if ambiguous:
                yield name, ambiguous, None, None
                continue
            partner_id, planned = self.partner_for(
                name, countries, any_country=any_country, places=places, taken=taken
            )
            if partner_id is not None:
                taken.add(partner_id)
            yield name, [], partner_id, planned

    def entity_for(self, name: str) -> str | None:
        """The existing entity's id, or None after planning a new one."""
        key = name_key(name)
        if key in self.entities:
            return self.entities[key]
        self.new_entities.setdefault(key, name.strip())
        return None

    # --- rows while applying -----------------------------------------------------------

    @property
    def writer(self) -> BulkWriter:
        if self._writer is None:
            self._writer = BulkWriter(self.session)
        return self._writer

    def new_partner_id(self, name: str, country: str) -> str:
        """The id of the partner this import creates for ``name`` in ``country``."""
        key = ("partner", name_key(name), country)
        if key not in self.created:
            planned = self.new_partners.get((name_key(name), country))
            row = self.writer.add(
                Partner,
                {"name": planned.name if planned else name.strip(), "country_code": country},
            )
            self.created[key] = row["id"]
        return str(self.created[key])

    def entity_id(self, name: str, kind: str | None = None) -> str:
        """The id of the entity named ``name``: an existing one, or one this import creates."""
        folded = name_key(name)
        if folded in self.entities:
            return self.entities[folded]
        key = ("entity", folded)
        if key not in self.created:
            row = self.writer.add(
                LocalEntity,
                {
                    "name": self.new_entities.get(folded, name.strip()),
                    "kind": kind or self.default_entity_kind,
                },
            )
            self.created[key] = row["id"]
            self.queued[str(row["id"])] = row
        return str(self.created[key])
