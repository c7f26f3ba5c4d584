"""Three clones edited offline in random orders all end up holding what the server holds.

Hypothesis writes the scripts: which clone edits which field of which record (every kind
the office keeps: partners, agreements, local entities, projects and their money lines —
budgets, co-financing, transactions —, networks, contacts, activities, indicators and
their targets, measurements, periods, collection rounds and submissions, terms of office,
documents), adds records (a partner; a theme or an SDG to an agreement and a measurement
of an indicator, rows with natural keys two clones may both add; a budget line; a
document, whose bytes two clones may both attach), deletes a record it added, and when
each clone synchronises. After the script every clone synchronises twice; then every
clone's records and history (conflicts are history rows: the value kept and the one given
up) must equal the server's, field by field, whatever conflicts arose on the way, and
every sync must have listed the same conflicts the server recorded.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from live_server import (
    PASSWORD,
    add_account,
    administrator_session,
    fresh_server_database,
    live_server,
)
from sqlalchemy import select, text
from sqlalchemy.engine import Engine

from intl_desk.cli import main
from intl_desk.core.errors import ValidationError
from intl_desk.core.model import (
    Activity,
    Agreement,
    AgreementParty,
    AgreementSdg,
    AgreementSignatory,
    AgreementTheme,
    Base,
    BudgetLine,
    CofinancingLine,
    CollectionRound,
    Contact,
    Document,
    ExchangeRate,
    ExpectedResult,
    FollowUp,
    Indicator,
    IndicatorTarget,
    LocalEntity,
    Measurement,
    Membership,
    Network,
    Partner,
    Period,
    PoliticalTerm,
    Project,
    ProjectParticipant,
    ProjectTransaction,
    RoundIndicator,
    RoundSubmission,
    StrategicLine,
    StrategicObjective,
)
from intl_desk.core.tracking import TrackedSession
from intl_desk.store.merge.plan import table_specs
from intl_desk.store.office_file import OfficeFile

ACCOUNTS = ("ana", "bruno", "dora")
#: the records edited, by kind: the model, the column naming them, their names, the fields
#: (a kind without a naming column has one record from the start: the first live one)
KINDS: dict[str, tuple[type[Any], str | None, tuple[str | None, ...], tuple[str, ...]]] = {
    "partner": (Partner, "name", ("Ville de Lyon", "Łódź"), ("website", "region", "notes")),
    "agreement": (Agreement, "title", ("Geminação Araponga–Lyon", "Cooperação Nazareno–Łódź"),
                  ("notes", "summary")),
    "local_entity": (LocalEntity, "name", ("Araponga",), ("notes",)),
    "project": (Project, "title", ("Escolas irmãs",), ("description", "location_name")),
    "network": (Network, "name", ("Mercocidades",), ("description",)),
    "contact": (Contact, "name", ("Marie Roche",), ("position", "notes")),
    "activity": (Activity, "title", ("Missão a Lyon",), ("purpose", "outcomes")),
    "indicator": (Indicator, "name", ("Escolas conectadas",), ("description", "source")),
    "target": (IndicatorTarget, None, (None,), ("value",)),
    "measurement": (Measurement, None, (None,), ("value", "comment")),
    "period": (Period, "label", ("2025",), ("label",)),
    "round": (CollectionRound, "title", ("Coleta 2025",), ("instructions",)),
    "submission": (RoundSubmission, None, (None,), ("review_comment",)),
    "budget": (BudgetLine, None, (None,), ("amount", "description")),
    "cofinancing": (CofinancingLine, None, (None,), ("funder_name", "amount_granted")),
    "transaction": (ProjectTransaction, None, (None,), ("amount", "description")),
    "term": (PoliticalTerm, "leader", ("Marília Campos",), ("plan_title", "notes")),
    "document": (Document, "title", ("Acordo assinado",), ("title", "description")),
    "signatory": (AgreementSignatory, None, (None,), ("position",)),
    "participant": (ProjectParticipant, None, (None,), ("organisation_name",)),
    "membership": (Membership, None, (None,), ("notes",)),
    "objective": (StrategicObjective, "title", ("Escolas conectadas ao mundo",), ("description",)),
    "expected_result": (ExpectedResult, None, (None,), ("obtained",)),
    "follow_up": (FollowUp, None, (None,), ("notes",)),
    "rate": (ExchangeRate, None, (None,), ("rate", "source")),
}  # fmt: skip
#: what an edit types, by field (a text field takes any of :data:`VALUES`)
NUMBERS = {"value", "amount", "amount_granted", "rate"}
VALUES = ("São João del-Rei", "Córdoba", "Łódź", None)
AMOUNTS = (Decimal("1500.50"), Decimal("20"), None)
CONTENTS = (b"%PDF-1.4 acordo assinado", "Ata da reunião em Łódź".encode())

edits = st.tuples(
    st.just("edit"),
    st.integers(0, 2),
    st.sampled_from([(kind, name, field) for kind, (_m, _c, names, fields) in KINDS.items()
                     for name in names for field in fields]),
    st.sampled_from(VALUES),
)  # fmt: skip
additions = st.tuples(st.just("add"), st.integers(0, 2), st.sampled_from(("Bologna", "Kraków")))
#: a measurement of the indicator for 2025, for Araponga or the whole office (None)
measurements = st.tuples(
    st.just("measure"), st.integers(0, 2), st.sampled_from(("Araponga", None)),
    st.sampled_from(AMOUNTS[:2]),
)  # fmt: skip
budgets = st.tuples(st.just("budget"), st.integers(0, 2), st.sampled_from((2025, 2026)))
#: a document on the second agreement, or on the 2025 euro rate when the clone holds one
#: (a rate two clones recorded gives way on the server: its documents go to the one kept)
documents = st.tuples(
    st.just("attach"), st.integers(0, 2), st.sampled_from(CONTENTS),
    st.sampled_from(("agreement", "exchange_rate")),
)  # fmt: skip
#: a euro rate for a year, which two clones may both record (a natural key)
rates = st.tuples(
    st.just("rate"), st.integers(0, 2), st.sampled_from((2024, 2025)), st.sampled_from(AMOUNTS[:2])
)
themes = st.tuples(st.just("theme"), st.integers(0, 2), st.sampled_from(("culture", "education")))
sdgs = st.tuples(st.just("sdg"), st.integers(0, 2), st.sampled_from((4, 11)))
deletions = st.tuples(
    st.just("delete"), st.integers(0, 2),
    st.sampled_from(("partner", "measurement", "budget", "document")),
)  # fmt: skip
syncs = st.tuples(st.just("sync"), st.integers(0, 2))
scripts = st.lists(
    st.one_of(
        edits, additions, themes, sdgs, measurements, budgets, documents, rates, deletions, syncs
    ),
    min_size=1,
    max_size=10,
)


@pytest.fixture(scope="module")
def server_db() -> Iterator[Engine]:
    engine = fresh_server_database()
    with administrator_session(engine) as session:
        araponga = LocalEntity(name="Araponga", kind="municipality")
        nazareno = LocalEntity(name="Nazareno", kind="municipality")
        lyon = Partner(name="Ville de Lyon", country_code="FR")
        lodz = Partner(name="Łódź", country_code="PL")
        for title, entity, partner in zip(
            KINDS["agreement"][2], (araponga, nazareno), (lyon, lodz), strict=True
        ):
            agreement = Agreement(title=title, type="twinning", status="active",
                                  date_signed=date(2019, 5, 14))  # fmt: skip
            agreement.parties.extend(
                [AgreementParty(local_entity=entity), AgreementParty(partner=partner)]
            )
            session.add(agreement)
        session.add_all([
            Project(title="Escolas irmãs", status="2"),
            Network(name="Mercocidades", scope="regional"),
            Contact(name="Marie Roche", partner=lyon),
            Activity(kind="mission", status="done", title="Missão a Lyon", local_entity=araponga),
        ])  # fmt: skip
        session.flush()
        _add_evaluation_and_money(session, araponga)
        session.commit()
    add_account(engine, "bruno", "editor")
    add_account(engine, "dora", "editor")
    yield engine
    engine.dispose()


def _add_evaluation_and_money(session: TrackedSession, araponga: LocalEntity) -> None:
    """An indicator with a target and a value, the period of a collection round asking
    Araponga for it, the project's money lines, a term of office and a document."""
    period = Period(label="2025", start_date=date(2025, 1, 1), end_date=date(2025, 12, 31))
    indicator = Indicator(name="Escolas conectadas", code="E1", dimension="territorial",
                          unit="%", per_local_entity=True)  # fmt: skip
    session.add_all([period, indicator])
    session.flush()
    collection = CollectionRound(title="Coleta 2025", period_id=period.id,
                                 deadline=date(2026, 3, 31))  # fmt: skip
    session.add(collection)
    session.flush()
    project = session.scalars(select(Project)).one()
    network = session.scalars(select(Network)).one()
    activity = session.scalars(select(Activity)).one()
    line = StrategicLine(title="Cidade aberta ao mundo")
    session.add(line)
    session.flush()
    session.add(StrategicObjective(line_id=line.id, title="Escolas conectadas ao mundo"))
    agreement = session.scalars(select(Agreement)).first()
    assert agreement is not None
    content = CONTENTS[0]
    session.add_all([
        IndicatorTarget(indicator_id=indicator.id, period_id=period.id, value=Decimal(80)),
        Measurement(indicator_id=indicator.id, period_id=period.id,
                    local_entity_id=araponga.id, value=Decimal(42)),
        RoundIndicator(round_id=collection.id, indicator_id=indicator.id),
        RoundSubmission(round_id=collection.id, local_entity_id=araponga.id),
        BudgetLine(project_id=project.id, year=2025, amount=Decimal(10000)),
        CofinancingLine(project_id=project.id, funder_name="AFD", amount_granted=Decimal(5000)),
        ProjectTransaction(project_id=project.id, date=date(2025, 3, 1), amount=Decimal(2500)),
        PoliticalTerm(leader="Marília Campos", start_date=date(2025, 1, 1)),
        AgreementSignatory(agreement_id=agreement.id, name="Marília Campos"),
        ProjectParticipant(project_id=project.id, local_entity_id=araponga.id, role="1"),
        Membership(network_id=network.id, local_entity_id=araponga.id, role="member"),
        ExpectedResult(activity_id=activity.id, expected="Duas escolas geminadas"),
        FollowUp(activity_id=activity.id, months=6),
        ExchangeRate(currency="EUR", to_currency="BRL", year=2023, rate=Decimal("5.40")),
        Document(title="Acordo assinado", filename="acordo.pdf", size=len(content),
                 sha256=hashlib.sha256(content).hexdigest(), content=content,
                 record_kind="agreement", record_id=agreement.id),
    ])  # fmt: skip


@pytest.fixture(scope="module")
def clones(server_db: Engine, tmp_path_factory: pytest.TempPathFactory) -> Iterator[list[Path]]:
    folder = tmp_path_factory.mktemp("clones")
    with live_server(server_db) as server, pytest.MonkeyPatch.context() as patch:
        patch.setenv("INTL_DESK_PASSWORD", PASSWORD)
        paths = [folder / f"{account}.sqlite" for account in ACCOUNTS]
        for account, path in zip(ACCOUNTS, paths, strict=True):
            assert main(["clone", server.address, "-o", str(path), "--user", account]) == 0
        yield paths


def _sync(path: Path, listed: list[str]) -> None:
    """Synchronise ``path``, keeping the conflicts the command listed."""
    output = io.StringIO()
    with contextlib.redirect_stdout(output):
        status = main(["sync", str(path)])
    assert status in (0, 1), output.getvalue()  # 1: a conflict was settled and listed
    lines = output.getvalue().splitlines()
    assert not [line for line in lines if line.startswith("Not saved")], lines  # none refused
    listed.extend(line for line in lines if line.startswith("Conflict on"))


def _typed(field: str, value: str | None) -> Any:
    """What a person types into ``field``: an amount for a figure, a text otherwise."""
    if field not in NUMBERS:
        return value
    return AMOUNTS[VALUES.index(value) % len(AMOUNTS)]


def _first_live(session: Any, model: type[Any]) -> Any:
    return session.scalars(
        select(model).where(model.deleted_at.is_(None)).order_by(model.created_at, model.id)
    ).first()


def _apply(step: tuple[Any, ...], clones: list[Path], listed: list[str]) -> None:
    if step[0] == "sync":
        _sync(clones[step[1]], listed)
        return
    with OfficeFile.open(clones[step[1]]) as office, office.session() as session:
        if step[0] == "edit":
            (kind, name, field), value = step[2], step[3]
            model, column = KINDS[kind][0], KINDS[kind][1]
            if column is None:
                found = _first_live(session, model)
            else:
                found = session.scalars(select(model).where(getattr(model, column) == name)).first()
            typed = _typed(field, value)
            if found is not None and (typed is not None or model.__table__.c[field].nullable):
                setattr(found, field, typed)  # a required field is never emptied (the form)
        elif step[0] == "theme":  # a child row: a theme on the first agreement
            agreement = session.scalars(
                select(Agreement).where(Agreement.title == KINDS["agreement"][2][0])
            ).one()
            if step[2] not in {theme.theme for theme in agreement.themes}:  # as the form
                agreement.themes.append(AgreementTheme(theme=step[2]))
        elif step[0] == "sdg":  # an SDG on the first agreement, if not chosen there yet
            agreement = session.scalars(
                select(Agreement).where(Agreement.title == KINDS["agreement"][2][0])
            ).one()
            if step[2] not in {sdg.sdg for sdg in agreement.sdgs}:
                agreement.sdgs.append(AgreementSdg(sdg=step[2]))
        elif step[0] == "add":
            session.add(Partner(name=step[2], country_code="IT" if step[2] == "Bologna" else "PL"))
        elif step[0] == "measure":
            _measure(session, step[2], step[3])
        elif step[0] == "rate":
            _rate(session, step[2], step[3])
        elif step[0] == "budget":
            project = session.scalars(select(Project)).one()
            session.add(BudgetLine(project_id=project.id, year=step[2], amount=Decimal(700)))
        elif step[0] == "attach":  # as the documents panel does
            owner = _owner(session, step[3])
            if owner is not None:
                session.add(Document(
                    title="Ata", filename="ata.pdf", size=len(step[2]),
                    sha256=hashlib.sha256(step[2]).hexdigest(), content=step[2],
                    record_kind=step[3], record_id=owner,
                ))  # fmt: skip
        else:  # delete a record of the kind this script adds, if one added is left here
            added = session.scalars(_added(step[2]).order_by(text("created_at DESC"))).first()
            if added is not None:
                session.delete(added)
        try:
            session.commit()
        except ValidationError:  # refused as the form refuses it (a funder unnamed…)
            session.rollback()


def _measure(session: Any, entity_name: str | None, value: Decimal) -> None:
    """Record the indicator's 2025 value, as the measurements form: a new value when
    this file has none for the entity (or office), else the one it has is corrected."""
    indicator = session.scalars(select(Indicator)).one()
    period = session.scalars(select(Period)).one()
    entity = session.scalars(select(LocalEntity).where(LocalEntity.name == entity_name)).first()
    entity_id = entity.id if entity is not None else None
    held = session.scalars(select(Measurement).where(
        Measurement.indicator_id == indicator.id, Measurement.period_id == period.id,
        Measurement.local_entity_id.is_(None) if entity_id is None
        else Measurement.local_entity_id == entity_id,
        Measurement.deleted_at.is_(None),
    )).first()  # fmt: skip
    if held is not None:
        held.value = value
    else:
        session.add(Measurement(indicator_id=indicator.id, period_id=period.id,
                                local_entity_id=entity_id, value=value))  # fmt: skip


def _owner(session: Any, kind: str) -> str | None:
    """The id of the record a document is attached to: the second agreement, or this
    clone's 2025 euro rate (None when it has none)."""
    if kind == "agreement":
        return session.scalar(
            select(Agreement.id).where(Agreement.title == KINDS["agreement"][2][1])
        )
    return session.scalar(select(ExchangeRate.id).where(
        ExchangeRate.year == 2025, ExchangeRate.deleted_at.is_(None)
    ))  # fmt: skip


def _rate(session: Any, year: int, rate: Decimal) -> None:
    """Record the euro's rate for ``year``, as the rates table: a new row when this file
    has none for the year, else the one it has is corrected."""
    held = session.scalars(select(ExchangeRate).where(
        ExchangeRate.currency == "EUR", ExchangeRate.to_currency == "BRL",
        ExchangeRate.year == year, ExchangeRate.deleted_at.is_(None),
    )).first()  # fmt: skip
    if held is not None:
        held.rate = rate
    else:
        session.add(ExchangeRate(currency="EUR", to_currency="BRL", year=year, rate=rate))


def _added(kind: str) -> Any:
    """The live records of ``kind`` that steps of a script may have added."""
    if kind == "partner":
        return select(Partner).where(
            Partner.name.in_(("Bologna", "Kraków")), Partner.deleted_at.is_(None)
        )
    if kind == "measurement":
        return select(Measurement).where(
            Measurement.local_entity_id.is_(None), Measurement.deleted_at.is_(None)
        )
    if kind == "budget":
        return select(BudgetLine).where(BudgetLine.amount == 700, BudgetLine.deleted_at.is_(None))
    return select(Document).where(Document.title == "Ata", Document.deleted_at.is_(None))


def _contents(engine: Engine) -> dict[str, list[dict[str, Any]]]:
    tables = [Base.metadata.tables[spec.name] for spec in table_specs()]
    tables.append(Base.metadata.tables["change"])
    with engine.connect() as connection:
        return {
            table.name: [dict(row) for row in connection.execute(
                select(table).order_by(table.c.id)
            ).mappings()]
            for table in tables
        }  # fmt: skip


@pytest.mark.slow
@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(script=scripts)
def test_clones_edited_in_any_order_converge_on_the_server(
    script: list[tuple[Any, ...]], clones: list[Path], server_db: Engine
) -> None:
    with server_db.connect() as connection:
        conflicts_before = _conflicts(connection)
    listed: list[str] = []
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("INTL_DESK_PASSWORD", PASSWORD)
        for step in script:
            _apply(step, clones, listed)
        for _round in range(2):
            for path in clones:
                _sync(path, listed)
    expected = _contents(server_db)
    for path in clones:
        with OfficeFile.open(path, read_only=True) as office:
            assert _contents(office.engine) == expected, path.name
    # every conflict the server recorded was listed to the desktop that lost it, once
    with server_db.connect() as connection:
        recorded = _conflicts(connection)[len(conflicts_before) :]
    assert len(listed) == len(recorded), (listed, recorded)


def _conflicts(connection: Any) -> list[Any]:
    change = Base.metadata.tables["change"]
    return list(connection.execute(
        select(change.c.id).where(change.c.action == "conflict").order_by(change.c.changed_at)
    ))  # fmt: skip
