"""The demo never writes one record twice under the names an office (and an import)
tells records apart by: two people of one name at one partner, or two activities of one
title on one day. The state demo had five such contacts and three such activities, which
its round trip through spreadsheets (``intl-desk bench --only round_trip_state``) took
for duplicates."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from intl_desk.core.model import Activity, Contact
from intl_desk.demo import activities, people
from intl_desk.demo.common import Demo, DemoRandom, EntityRef, PartnerRef
from intl_desk.demo.texts import texts_for


class ListSink:
    def __init__(self) -> None:
        self.rows: list[tuple[type, dict[str, Any]]] = []

    def add(self, model: type, values: dict[str, Any]) -> None:
        self.rows.append((model, values))

    def flush(self) -> None:
        pass


def _demo() -> tuple[Demo, ListSink]:
    sink = ListSink()
    demo = Demo(rng=DemoRandom(7), sink=sink, today=date(2026, 12, 4),  # type: ignore[arg-type]
                texts=texts_for("pt"), office_id="office", currency="BRL",
                progress=lambda message: None, country_code="BR")  # fmt: skip
    return demo, sink


def test_two_people_at_one_partner_have_two_names(monkeypatch: pytest.MonkeyPatch) -> None:
    demo, sink = _demo()
    demo.partners = [
        PartnerRef(f"p{n}", f"Cidade {n}", "city", "PT", None, None, "pt", False)
        for n in range(40)
    ]
    real = people.person

    def same_name(rng: DemoRandom, country: str, women: float = 0.5) -> tuple[str, bool]:
        # the demo's draws all give one name; a draw aside gives another
        return ("Ana Souza", True) if rng is demo.rng else real(rng, country, women)

    monkeypatch.setattr(people, "person", same_name)
    people.write_partner_contacts(demo, 40)
    named = [(v["partner_id"], v["name"]) for model, v in sink.rows if model is Contact]
    assert len({partner for partner, _name in named}) < len(named)  # some have two people
    assert len(set(named)) == len(named)


def test_two_activities_of_one_title_are_on_two_days(monkeypatch: pytest.MonkeyPatch) -> None:
    demo, sink = _demo()
    host = EntityRef("gov", "Governo do Estado de Minas Gerais", "Minas Gerais", "government")
    monkeypatch.setattr(demo.rng, "day_between", lambda start, end: date(2025, 10, 12))
    activities.write_activities(demo, 30, host, pool=[])
    keys = [(v["title"], v["start_date"]) for model, v in sink.rows if model is Activity]
    assert len(keys) == 30
    assert len(set(keys)) == 30
