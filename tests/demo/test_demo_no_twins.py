"""The demo never writes one record twice under the names an office (and an import)
tells records apart by: two people of one name at one partner, or two activities of one
title on one day. The state demo had five such contacts and three such activities, which
its round trip through spreadsheets (``intl-desk bench --only round_trip_state``) took
for duplicates."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from intl_desk.core.model import Activity, Contact, Project
from intl_desk.demo import activities, people, projects
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


def test_two_projects_of_one_title_start_on_two_days(monkeypatch: pytest.MonkeyPatch) -> None:
    """The state demo of 2026-12-05 had two projects “Inserção internacional das pequenas
    empresas de Belo Horizonte” starting on 2 May 2024: exported, they could not be told
    apart, and the round trip merged their budgets, transactions and sectors."""
    demo, sink = _demo()
    city = EntityRef("bh", "Belo Horizonte", "Belo Horizonte", "municipality", -19.92, -43.94)
    partners = [
        PartnerRef(f"p{n}", name, "city", code, 0.0, 0.0, "es", True)
        for n, (name, code) in enumerate((("Córdoba", "AR"), ("Łódź", "PL"), ("Nagasaki", "JP")))
    ]
    monkeypatch.setattr(demo.rng, "day_between", lambda start, end: date(2024, 5, 2))
    monkeypatch.setattr(demo.rng, "choice", lambda options: options[0])
    for partner in partners * 4:
        projects.write_project(
            demo, city, partner, None, [], "economy", (30_000, 800_000), at_home=True
        )
    keys = [(v["title"], v["planned_start"]) for model, v in sink.rows if model is Project]
    assert len({title for title, _start in keys}) == 1  # one title, as the demo wrote it
    assert len(set(keys)) == len(keys) == 12
