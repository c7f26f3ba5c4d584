"""Three clones edited offline in random orders all end up holding what the server holds.

Hypothesis writes the scripts: which clone edits which field of which record (partners,
agreements, local entities, projects, networks, contacts, activities), adds a partner, a
theme or an SDG to an agreement (child rows with natural keys), deletes a partner it added,
and when each clone synchronises. After the script every clone synchronises twice; then
every clone's records and history must equal the server's, field by field, whatever
conflicts arose on the way.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from live_server import PASSWORD, add_account, fresh_server_database, live_server
from sqlalchemy import select
from sqlalchemy.engine import Engine

from intl_desk.cli import main
from intl_desk.core.model import (
    Activity,
    Agreement,
    AgreementParty,
    AgreementSdg,
    AgreementTheme,
    Base,
    Contact,
    LocalEntity,
    Network,
    Office,
    Partner,
    Project,
)
from intl_desk.core.tracking import TrackedSession
from intl_desk.store.merge.plan import table_specs
from intl_desk.store.office_file import OfficeFile

ACCOUNTS = ("ana", "bruno", "dora")
#: the records edited, by kind: the model, the column naming them, their names, the fields
KINDS: dict[str, tuple[type[Any], str, tuple[str, ...], tuple[str, ...]]] = {
    "partner": (Partner, "name", ("Ville de Lyon", "Łódź"), ("website", "region", "notes")),
    "agreement": (Agreement, "title", ("Geminação Araponga–Lyon", "Cooperação Nazareno–Łódź"),
                  ("notes", "summary")),
    "local_entity": (LocalEntity, "name", ("Araponga",), ("notes",)),
    "project": (Project, "title", ("Escolas irmãs",), ("description", "location_name")),
    "network": (Network, "name", ("Mercocidades",), ("description",)),
    "contact": (Contact, "name", ("Marie Roche",), ("position", "notes")),
    "activity": (Activity, "title", ("Missão a Lyon",), ("purpose", "outcomes")),
}  # fmt: skip
VALUES = ("São João del-Rei", "Córdoba", "Łódź", None)

edits = st.tuples(
    st.just("edit"),
    st.integers(0, 2),
    st.sampled_from([(kind, name, field) for kind, (_m, _c, names, fields) in KINDS.items()
                     for name in names for field in fields]),
    st.sampled_from(VALUES),
)  # fmt: skip
additions = st.tuples(st.just("add"), st.integers(0, 2), st.sampled_from(("Bologna", "Kraków")))
themes = st.tuples(st.just("theme"), st.integers(0, 2), st.sampled_from(("culture", "education")))
sdgs = st.tuples(st.just("sdg"), st.integers(0, 2), st.sampled_from((4, 11)))
deletions = st.tuples(st.just("delete"), st.integers(0, 2))
syncs = st.tuples(st.just("sync"), st.integers(0, 2))
scripts = st.lists(
    st.one_of(edits, additions, themes, sdgs, deletions, syncs), min_size=1, max_size=8
)


@pytest.fixture(scope="module")
def server_db() -> Iterator[Engine]:
    engine = fresh_server_database()
    with engine.connect() as connection:
        office_id = connection.scalar(select(Office.id))
    with TrackedSession(bind=engine, info={"office_id": office_id, "user": "ana"}) as session:
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
        session.commit()
    add_account(engine, "bruno", "editor")
    add_account(engine, "dora", "editor")
    yield engine
    engine.dispose()


@pytest.fixture(scope="module")
def clones(server_db: Engine, tmp_path_factory: pytest.TempPathFactory) -> Iterator[list[Path]]:
    folder = tmp_path_factory.mktemp("clones")
    with live_server(server_db) as server, pytest.MonkeyPatch.context() as patch:
        patch.setenv("INTL_DESK_PASSWORD", PASSWORD)
        paths = [folder / f"{account}.sqlite" for account in ACCOUNTS]
        for account, path in zip(ACCOUNTS, paths, strict=True):
            assert main(["clone", server.address, "-o", str(path), "--user", account]) == 0
        yield paths


def _sync(path: Path) -> None:
    assert main(["sync", str(path)]) in (0, 1)  # 1: a conflict was settled and listed


def _apply(step: tuple[Any, ...], clones: list[Path]) -> None:
    if step[0] == "sync":
        _sync(clones[step[1]])
        return
    with OfficeFile.open(clones[step[1]]) as office, office.session() as session:
        if step[0] == "edit":
            (kind, name, field), value = step[2], step[3]
            model, column = KINDS[kind][0], KINDS[kind][1]
            found = session.scalars(select(model).where(getattr(model, column) == name)).one()
            setattr(found, field, value)
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
        else:  # delete a partner this script added, if any is left here
            added = session.scalars(
                select(Partner).where(
                    Partner.name.in_(("Bologna", "Kraków")), Partner.deleted_at.is_(None)
                )
            ).first()
            if added is not None:
                session.delete(added)
        session.commit()


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
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("INTL_DESK_PASSWORD", PASSWORD)
        for step in script:
            _apply(step, clones)
        for _round in range(2):
            for path in clones:
                _sync(path)
    expected = _contents(server_db)
    for path in clones:
        with OfficeFile.open(path, read_only=True) as office:
            assert _contents(office.engine) == expected, path.name
