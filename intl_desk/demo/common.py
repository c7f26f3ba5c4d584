"""Machinery shared by the demo generators: the seeded random source, where rows go, the
generation context and the summary handed back.

Every generator describes records as plain dicts of column values and hands them to a
:class:`Sink`. The city goes through the ORM (:class:`OrmSink`), so the tracked session
validates every record when it flushes. The state writes several hundred thousand rows,
which only SQLAlchemy Core bulk inserts can do within its time budget (:class:`BulkSink`);
that sink fills the bookkeeping columns itself, and the tests validate what it wrote.
Because both paths share the same builders, a record that passes in the city passes in the
state too.
"""

from __future__ import annotations

import random
import uuid
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from typing import Any, Protocol, TypeVar

from sqlalchemy import Table, insert
from sqlalchemy.orm import Session

from intl_desk.core.i18n import translate
from intl_desk.core.model import Base, Record, utc_now
from intl_desk.core.model.base import search_key_for
from intl_desk.demo.texts import Texts

T = TypeVar("T")
Row = dict[str, Any]


class DemoRandom(random.Random):
    """``random.Random`` plus the few draws every generator needs.

    The one instance, seeded once, is the only source of variation: ids included, so the
    same seed and the same ``today`` always give the same file.
    """

    def uuid(self) -> str:
        return str(uuid.UUID(int=self.getrandbits(128), version=4))

    def chance(self, probability: float) -> bool:
        return self.random() < probability

    def day_between(self, start: date, end: date) -> date:
        """A day in ``[start, end]`` (``start`` when the range is empty)."""
        span = (end - start).days
        return start if span <= 0 else start + timedelta(days=self.randint(0, span))

    def amount(self, low: int, high: int, step: int = 100) -> Decimal:
        """A round amount, as offices budget: multiples of ``step``."""
        return Decimal(self.randint(low // step, max(low, high) // step) * step)

    def some(self, items: Sequence[T], low: int, high: int) -> list[T]:
        """Between ``low`` and ``high`` distinct items (fewer if there are not enough)."""
        count = min(len(items), self.randint(low, high))
        return self.sample(list(items), count)

    def weighted(self, options: Mapping[T, float]) -> T:
        keys = list(options)
        return self.choices(keys, weights=[options[key] for key in keys])[0]


def add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


# --- where rows go ----------------------------------------------------------------------------


class Sink(Protocol):
    counts: Counter[str]
    session: Session  # where the rows go; later steps read back what was written

    def add(self, model: type[Record], row: Row) -> None: ...

    def flush(self) -> None: ...


class OrmSink:
    """Adds ORM objects to a tracked session: validated, timestamped, slower."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.counts: Counter[str] = Counter()

    def add(self, model: type[Record], row: Row) -> None:
        self.session.add(model(**row))
        self.counts[model.__tablename__] += 1

    def flush(self) -> None:
        self.session.flush()


class BulkSink:
    """Buffers plain rows and writes them with Core ``executemany`` inserts.

    Rows are written table by table in foreign-key order (``metadata.sorted_tables``) at each
    flush, so a child never reaches the file before its parent; rows of one table keep the
    order they were added in, which covers self-references (a renewal after the agreement it
    renews). Column defaults are applied here because ``executemany`` needs every row to carry
    the same keys.
    """

    def __init__(self, session: Session, office_id: str, batch_size: int = 25_000) -> None:
        self.session = session
        self.counts: Counter[str] = Counter()
        self._batch_size = batch_size
        self._pending = 0
        self._buffers: dict[str, list[Row]] = {}
        self._templates: dict[str, Row] = {}
        self._columns: dict[str, frozenset[str]] = {}
        now = utc_now()
        self._bookkeeping: Row = {
            "created_at": now,
            "updated_at": now,
            "origin_office": office_id,
            "deleted_at": None,
        }

    def _template(self, table: Table) -> Row:
        template = self._templates.get(table.name)
        if template is None:
            template = {}
            for column in table.columns:
                default = column.default
                scalar = default is not None and getattr(default, "is_scalar", False)
                template[column.name] = getattr(default, "arg", None) if scalar else None
            template.update(self._bookkeeping)
            self._templates[table.name] = template
            self._columns[table.name] = frozenset(template)
        return template

    def add(self, model: type[Record], row: Row) -> None:
        table = model.__table__
        assert isinstance(table, Table)
        full = dict(self._template(table))
        if not row.keys() <= self._columns[table.name]:
            unknown = sorted(row.keys() - self._columns[table.name])
            raise KeyError(f"{table.name} has no column {unknown}")
        full.update(row)
        if "search_key" in full and full["search_key"] is None:
            full["search_key"] = search_key_for(model, full)  # the ORM sets it on flush
        self._buffers.setdefault(table.name, []).append(full)
        self.counts[table.name] += 1
        self._pending += 1
        if self._pending >= self._batch_size:
            self.flush()

    def flush(self) -> None:
        for table in Base.metadata.sorted_tables:
            rows = self._buffers.pop(table.name, None)
            if rows:
                self.session.execute(insert(table), rows)
        self._pending = 0


# --- what the generators know about each other's records -------------------------------------


@dataclass
class EntityRef:
    """One of our local entities, as later generators need it."""

    id: str
    name: str
    short: str  # how titles name it: "Lyon", "Uberlândia"
    kind: str
    latitude: float | None = None
    longitude: float | None = None
    weight: float = 1.0  # how much international activity it has
    code: str | None = None


@dataclass
class PartnerRef:
    id: str
    name: str
    kind: str
    country_code: str
    latitude: float | None
    longitude: float | None
    language: str  # code in vocabularies.LANGUAGES, for agreement languages and names
    south: bool  # a development-cooperation partner rather than an exchange one
    weight: float = 1.0


@dataclass
class AgreementRef:
    id: str
    title: str
    type: str
    status: str
    signed: date | None
    expires: date | None
    entity: EntityRef
    partner: PartnerRef
    themes: tuple[str, ...]


@dataclass(frozen=True)
class ProjectRef:
    id: str
    title: str
    status: str
    agreement: AgreementRef | None


@dataclass
class Demo:
    """The state of one generation: random source, sink, office facts and what exists."""

    rng: DemoRandom
    sink: Sink
    today: date
    texts: Texts
    office_id: str
    currency: str
    progress: Callable[[str], None]
    size: float = 1.0
    government: EntityRef | None = None
    entities: list[EntityRef] = field(default_factory=list)
    partners: list[PartnerRef] = field(default_factory=list)
    funders: dict[str, PartnerRef] = field(default_factory=dict)  # key: catalogue code
    staff: list[str] = field(default_factory=list)  # contact ids
    agreements: list[AgreementRef] = field(default_factory=list)
    projects: list[ProjectRef] = field(default_factory=list)
    #: (title, planned start) of every project: how a register tells projects apart
    project_keys: set[tuple[str, date]] = field(default_factory=set)
    networks: dict[str, str] = field(default_factory=dict)  # acronym or name → id
    indicator_ids: list[str] = field(default_factory=list)
    country_code: str = "FR"
    term_starts: tuple[int, ...] = ()  # years our office-holders take office
    reference_pattern: str = "{code}-{year}-{n:03d}"
    _people: dict[tuple[str, int], tuple[str, bool]] = field(default_factory=dict)
    _sequences: Counter[tuple[str, int]] = field(default_factory=Counter)

    def add(self, model: type[Record], **values: Any) -> str:
        """Queue one record with a fresh deterministic id; returns the id."""
        record_id = self.rng.uuid()
        values["id"] = record_id
        self.sink.add(model, values)
        return record_id

    def say(self, message: str) -> None:
        """Report progress; ``message`` is a msgid (or already rendered) and is translated."""
        self.progress(translate(message))

    def flush(self) -> None:
        self.sink.flush()

    def scaled(self, count: int, minimum: int = 1) -> int:
        return max(minimum, round(count * self.size))

    def person(self, key: str, era: int, make: Callable[[], tuple[str, bool]]) -> tuple[str, bool]:
        """The same (name, is a woman) for one office-holder ``key`` within one ``era``."""
        found = self._people.get((key, era))
        if found is None:
            found = self._people[(key, era)] = make()
        return found

    def term(self, year: int) -> int:
        """Which term of office ``year`` falls in (so a mayor signs for six years)."""
        return bisect_right(self.term_starts, year)

    def reference(self, code: str, year: int) -> str:
        self._sequences[(code, year)] += 1
        return self.reference_pattern.format(code=code, year=year, n=self._sequences[(code, year)])
