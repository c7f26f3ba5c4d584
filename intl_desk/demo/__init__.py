"""Deterministic demo data for an empty office file: a city office or a state office.

``populate_demo(session)`` fills a freshly created office file with the records of a
plausible office, so that the overview, the yearly and handover reports, the map and the
benchmarks have something realistic to show. The same ``seed`` and the same ``today`` give
the same records, ids included (``random.Random(seed)`` is the only source of variation);
dates are placed relative to ``today`` so that a demo made any day has agreements up for
renewal and reports due soon.

* ``scale="city"``: the Ville de Lyon's international relations office, a few thousand
  records, written through the ORM so the tracked session validates every one.
* ``scale="state"``: the Government of Minas Gerais with its 853 municipalities, about
  350,000 records (20,000 agreements, 5,000 projects, 51,000 measurements), written with
  Core bulk inserts to stay well within the one-minute budget.

A package of its own above ``core`` and ``store`` (it is half as large as the domain and
holds French and Portuguese texts of its own): :mod:`intl_desk.demo.file` writes a demo
office file for ``intl-desk demo`` and the welcome page.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from intl_desk.core.derived import refresh_agreement_summaries
from intl_desk.core.i18n import N_
from intl_desk.core.model import Agreement, LocalEntity, Office, Partner
from intl_desk.demo.city import build_city
from intl_desk.demo.city_catalogue import OFFICE as CITY_OFFICE
from intl_desk.demo.common import BulkSink, Demo, DemoRandom, OrmSink, Sink
from intl_desk.demo.state import build_state
from intl_desk.demo.state_catalogue import OFFICE as STATE_OFFICE
from intl_desk.demo.texts import texts_for

Scale = Literal["city", "state"]


@dataclass(frozen=True)
class DemoSummary:
    """What was generated: the office's name and the number of records per kind.

    Kinds are table names (``agreement``, ``measurement``…), as elsewhere in the file
    (``Document.record_kind``, the change history).
    """

    office_name: str
    scale: Scale
    counts: Mapping[str, int] = field(default_factory=dict)

    def __getitem__(self, kind: str) -> int:
        return self.counts.get(kind, 0)

    @property
    def total(self) -> int:
        return sum(self.counts.values())


class NotEmpty(ValueError):
    """The office file already holds records; the demo only fills empty files."""


def populate_demo(
    session: Session,
    *,
    scale: Scale = "city",
    seed: int = 1,
    today: date | None = None,
    progress: Callable[[str], None] | None = None,
    _size_factor: float = 1.0,
) -> DemoSummary:
    """Fill the empty office file behind ``session`` with a demo office; does not commit.

    ``progress`` receives short English messages as each part starts. ``_size_factor``
    shrinks the generated volumes (not the 853 municipalities) for tests.
    """
    if scale not in ("city", "state"):
        raise ValueError(f"unknown demo scale {scale!r}")
    office = session.scalar(select(Office))
    if office is None:
        raise ValueError("this is not an office file: it has no office record")
    for model in (LocalEntity, Partner, Agreement):
        if session.scalar(select(func.count()).select_from(model)):
            raise NotEmpty("the demo can only fill an empty office file")
    facts = CITY_OFFICE if scale == "city" else STATE_OFFICE
    for attribute, value in facts.items():
        setattr(office, attribute, value)
    keep_history = session.info.get("history", True)
    session.info["history"] = False  # the demo is one event, not half a million changes
    try:
        session.flush()
        sink: Sink = OrmSink(session) if scale == "city" else BulkSink(session, office.id)
        demo = Demo(
            rng=DemoRandom(seed),
            sink=sink,
            today=today or date.today(),
            texts=texts_for(office.language),
            office_id=office.id,
            currency=office.currency,
            progress=progress or (lambda message: None),
            size=_size_factor,
        )
        if scale == "city":
            build_city(demo)
        else:
            build_state(demo)
        demo.say(N_("Writing the file"))
        sink.flush()
        if isinstance(sink, BulkSink):  # rows written without the ORM: derive once, in SQL
            refresh_agreement_summaries(session)
    finally:
        session.info["history"] = keep_history
    return DemoSummary(office.name, scale, dict(sorted(sink.counts.items())))


__all__ = ["DemoSummary", "NotEmpty", "Scale", "populate_demo"]
