"""``intl-desk sync`` between office files cloned from a real server on PostgreSQL.

A small state office: two municipalities, each with an agreement with a foreign partner.
Accounts: ana (administrator), bruno (editor of the whole office), carla (editor of
Araponga only), rita (reader). Each test clones its own files and edits them as the app
does (a tracked session), then synchronises through the command line.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from live_server import (
    PASSWORD,
    LiveServer,
    add_account,
    administrator_session,
    fresh_server_database,
    live_server,
)
from sqlalchemy import func, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from intl_desk.cli import main
from intl_desk.core import i18n
from intl_desk.core.history import record_history
from intl_desk.core.i18n import Message
from intl_desk.core.model import (
    Agreement,
    AgreementParty,
    AgreementTheme,
    Base,
    Change,
    Document,
    ExchangeRate,
    LocalEntity,
    Partner,
    SentChange,
)
from intl_desk.core.tracking import TrackedSession
from intl_desk.store.office_file import OfficeFile, check
from intl_desk.sync import sync as sync_module
from intl_desk.sync.client import ServerClient, ServerError


@pytest.fixture(scope="module")
def server_db() -> Iterator[Engine]:
    engine = fresh_server_database()
    with administrator_session(engine) as session:
        state = LocalEntity(name="Estado de Minas Gerais", kind="government")
        araponga = LocalEntity(name="Araponga", kind="municipality", parent=state)
        nazareno = LocalEntity(name="Nazareno", kind="municipality", parent=state)
        lyon = Partner(name="Ville de Lyon", country_code="FR")
        lodz = Partner(name="Łódź", country_code="PL")
        for title, entity, partner in (
            ("Geminação Araponga–Lyon", araponga, lyon),
            ("Cooperação Nazareno–Łódź", nazareno, lodz),
        ):
            agreement = Agreement(
                title=title, type="twinning", status="active", date_signed=date(2019, 5, 14)
            )
            agreement.parties.extend(
                [AgreementParty(local_entity=entity), AgreementParty(partner=partner)]
            )
            session.add(agreement)
        session.add_all([state, araponga, nazareno, lyon, lodz])
        session.commit()
    add_account(engine, "bruno", "editor")
    add_account(engine, "carla", "editor", scope="Araponga")
    add_account(engine, "rita", "reader")
    yield engine
    engine.dispose()


@pytest.fixture(scope="module")
def server(server_db: Engine) -> Iterator[LiveServer]:
    with live_server(server_db) as running:
        yield running


@pytest.fixture(autouse=True)
def _password(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INTL_DESK_PASSWORD", PASSWORD)


def _clone(server: LiveServer, folder: Path, account: str) -> Path:
    target = folder / f"{account}.sqlite"
    assert main(["clone", server.address, "-o", str(target), "--user", account]) == 0
    return target


def _sync(path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    capsys.readouterr()
    code = main(["sync", str(path)])
    captured = capsys.readouterr()
    assert captured.err == ""
    return code, captured.out


def _edit(path: Path, change: Callable[[Session], None]) -> None:
    with OfficeFile.open(path) as office, office.session() as session:
        change(session)
        session.commit()


def _partner(session: Session, name: str) -> Partner:
    return session.scalars(select(Partner).where(Partner.name == name)).one()


def _agreement(session: Session, title: str) -> Agreement:
    return session.scalars(select(Agreement).where(Agreement.title.like(f"{title}%"))).one()


def _read(path: Path, question: Callable[[Session], object]) -> object:
    with OfficeFile.open(path, read_only=True) as office, office.session() as session:
        return question(session)


def _on_server(server_db: Engine, question: Callable[[Session], object]) -> object:
    with TrackedSession(bind=server_db) as session:
        return question(session)


def test_a_change_travels_to_every_clone_under_the_account_that_made_it(
    server: LiveServer, server_db: Engine, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mine, theirs = _clone(server, tmp_path, "ana"), _clone(server, tmp_path, "bruno")
    _edit(mine, lambda s: setattr(_partner(s, "Ville de Lyon"), "website", "https://www.lyon.fr"))
    code, said = _sync(mine, capsys)
    assert (code, said.splitlines()[0]) == (
        0, f"Synchronised with {server.address}: 1 changes sent, 1 received."
    )  # fmt: skip
    assert _sync(theirs, capsys)[0] == 0
    assert _read(theirs, lambda s: _partner(s, "Ville de Lyon").website) == "https://www.lyon.fr"

    def authors(session: Session) -> list[str | None]:
        return list(session.scalars(select(Change.changed_by).where(Change.field == "website")))

    assert _on_server(server_db, authors) == ["ana"]
    assert _read(theirs, authors) == ["ana"] and _read(mine, authors) == ["ana"]
    # nothing new anywhere: a second sync sends and receives nothing
    assert _sync(mine, capsys)[1].startswith(
        f"Synchronised with {server.address}: 0 changes sent, 0 received."
    )
    assert check(theirs).problems == []


def test_a_push_repeated_after_a_lost_answer_is_applied_once(
    server: LiveServer, server_db: Engine, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mine = _clone(server, tmp_path, "bruno")
    _edit(mine, lambda s: setattr(_partner(s, "Łódź"), "region", "Województwo łódzkie"))
    with OfficeFile.open(mine, read_only=True) as office, office.session() as session:
        sent_before = set(session.scalars(select(SentChange.change_id)))
    assert _sync(mine, capsys)[0] == 0
    history = _on_server(server_db, lambda s: s.scalar(select(func.count()).select_from(Change)))
    # the client was killed before it recorded the server's answer: it knows nothing was sent
    with OfficeFile.open(mine) as office, office.engine.begin() as connection:
        connection.execute(SentChange.__table__.delete().where(
            SentChange.change_id.not_in(sent_before)
        ))  # fmt: skip
    assert _sync(mine, capsys)[0] == 0
    assert _on_server(server_db, lambda s: s.scalar(select(func.count()).select_from(Change))) == (
        history
    )
    assert _on_server(server_db, lambda s: _partner(s, "Łódź").region) == "Województwo łódzkie"


def test_the_same_field_changed_on_two_clones_keeps_the_first_and_both_record_the_other(
    server: LiveServer, server_db: Engine, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second = _clone(server, tmp_path, "ana"), _clone(server, tmp_path, "bruno")
    _edit(first, lambda s: setattr(_partner(s, "Łódź"), "website", "https://uml.lodz.pl"))
    _edit(second, lambda s: setattr(_partner(s, "Łódź"), "website", "https://lodz.pl"))
    assert _sync(first, capsys)[0] == 0
    code, said = _sync(second, capsys)
    assert code == 1
    assert said.splitlines()[1] == (
        "Conflict on “Łódź”, website: the server keeps “https://uml.lodz.pl” (saved first); "
        "yours, “https://lodz.pl”, is kept in the history."
    )
    assert _sync(first, capsys)[0] == 0

    def conflicts(session: Session) -> list[tuple[str | None, str | None, str | None]]:
        rows = session.execute(
            select(Change.changed_by, Change.old_value, Change.new_value).where(
                Change.action == "conflict"
            )
        )
        return [tuple(row) for row in rows]

    expected = [("bruno", "https://lodz.pl", "https://uml.lodz.pl")]
    for place in (first, second):
        assert _read(place, lambda s: _partner(s, "Łódź").website) == "https://uml.lodz.pl"
        assert _read(place, conflicts) == expected
    assert _on_server(server_db, conflicts) == expected


def test_a_copy_of_a_clone_synchronises_as_another_desk_so_their_conflicts_are_noticed(
    server: LiveServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    original = _clone(server, tmp_path, "bruno")
    copy = tmp_path / "copy for the mayor's office.sqlite"
    assert main(["copy", str(original), str(copy)]) == 0
    assert sync_module.link_of(copy).client_id != sync_module.link_of(original).client_id
    _edit(original, lambda s: setattr(_partner(s, "Ville de Lyon"), "notes", "Contact: Mme Roche"))
    _edit(copy, lambda s: setattr(_partner(s, "Ville de Lyon"), "notes", "Contact: M. Perrin"))
    assert _sync(original, capsys)[0] == 0
    code, said = _sync(copy, capsys)
    assert code == 1  # with one client id, the copy's value silently replaced the original's
    assert "Conflict on “Ville de Lyon”, notes: the server keeps “Contact: Mme Roche”" in said
    assert _read(copy, lambda s: _partner(s, "Ville de Lyon").notes) == "Contact: Mme Roche"


def test_different_fields_of_one_record_changed_on_two_clones_are_both_kept(
    server: LiveServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second = _clone(server, tmp_path, "ana"), _clone(server, tmp_path, "bruno")
    _edit(first, lambda s: setattr(_partner(s, "Ville de Lyon"), "region", "Auvergne-Rhône-Alpes"))
    _edit(second, lambda s: setattr(_partner(s, "Ville de Lyon"), "population", 522250))
    assert _sync(first, capsys)[0] == 0
    assert _sync(second, capsys)[0] == 0
    assert _sync(first, capsys)[0] == 0
    for place in (first, second):
        lyon = _read(place, lambda s: (_partner(s, "Ville de Lyon").region,
                                       _partner(s, "Ville de Lyon").population))  # fmt: skip
        assert lyon == ("Auvergne-Rhône-Alpes", 522250)


def test_new_records_and_a_document_reach_the_other_clone_and_the_bytes_travel_once(
    server: LiveServer, server_db: Engine, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second = _clone(server, tmp_path, "bruno"), _clone(server, tmp_path, "ana")
    signed = b"%PDF-1.7 Convenio Nazareno-Cordoba"

    def add(session: Session) -> None:
        nazareno = session.scalars(select(LocalEntity).where(LocalEntity.name == "Nazareno")).one()
        cordoba = Partner(name="Municipalidad de Córdoba", country_code="AR")
        agreement = Agreement(title="Convenio Nazareno–Córdoba", type="twinning")
        agreement.parties.extend(
            [AgreementParty(local_entity=nazareno), AgreementParty(partner=cordoba)]
        )
        session.add_all([cordoba, agreement])
        session.flush()
        for title in ("Convenio firmado", "Copia del convenio"):  # the same bytes twice
            session.add(Document(
                title=title, filename="convenio.pdf", media_type="application/pdf",
                size=len(signed), sha256=hashlib.sha256(signed).hexdigest(), content=signed,
                record_kind="agreement", record_id=agreement.id,
            ))  # fmt: skip

    _edit(first, add)
    assert _sync(first, capsys)[0] == 0
    assert _sync(second, capsys)[0] == 0

    def story(session: Session) -> tuple[object, ...]:
        agreement = _agreement(session, "Convenio Nazareno")
        documents = session.scalars(
            select(Document).where(Document.record_id == agreement.id).order_by(Document.title)
        ).all()
        return (
            sorted((p.local_entity.name if p.local_entity else p.partner.name)  # type: ignore[union-attr]
                   for p in agreement.parties),
            agreement.partner_names,
            [(d.title, d.content) for d in documents],
        )  # fmt: skip

    expected = (
        ["Municipalidad de Córdoba", "Nazareno"],
        "Municipalidad de Córdoba",
        [("Convenio firmado", signed), ("Copia del convenio", signed)],
    )
    assert _read(second, story) == expected
    assert _on_server(server_db, story) == expected
    assert check(second).problems == []


def test_an_editor_of_one_municipality_changes_only_its_records(
    server: LiveServer, server_db: Engine, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mine = _clone(server, tmp_path, "carla")

    def edits(session: Session) -> None:
        _agreement(session, "Geminação Araponga").notes = "Renovar em 2027"
        _partner(session, "Ville de Lyon").iati_org_ref = "FR-LYON"
        session.add(Partner(name="Comune di Bologna", country_code="IT"))
        state = session.scalars(
            select(LocalEntity).where(LocalEntity.name == "Estado de Minas Gerais")
        ).one()
        session.add(LocalEntity(name="Santa Rita do Jacutinga", parent=state))

    _edit(mine, edits)
    code, said = _sync(mine, capsys)
    assert code == 1
    assert sorted(said.splitlines()[1:]) == [
        "Not saved on the server: “Santa Rita do Jacutinga” is outside Araponga: your "
        "account changes only the records of Araponga and of the entities under it.",
        "Not saved on the server: “Ville de Lyon” is shared by the whole office: only an "
        "account for the whole office changes it.",
    ]

    def state(session: Session) -> tuple[object, ...]:
        return (
            _agreement(session, "Geminação Araponga").notes,
            _partner(session, "Ville de Lyon").iati_org_ref,
            session.scalar(select(Partner.country_code).where(Partner.name == "Comune di Bologna")),
            session.scalar(select(func.count()).select_from(LocalEntity).where(
                LocalEntity.name == "Santa Rita do Jacutinga"
            )),
        )  # fmt: skip

    assert _on_server(server_db, state) == ("Renovar em 2027", None, "IT", 0)
    assert _on_server(server_db, lambda s: set(s.scalars(
        select(Change.changed_by).where(Change.field == "notes", Change.new_value.like("Renovar%"))
    ))) == {"carla"}  # fmt: skip
    # said once: the refused edits stay in this file but are not offered again
    assert _sync(mine, capsys) == (
        0,
        f"Synchronised with {server.address}: 0 changes sent, 0 received.\n",
    )
    assert _read(mine, state) == ("Renovar em 2027", "FR-LYON", "IT", 1)

    def why(session: Session) -> list[tuple[str, str]]:
        lyon = _partner(session, "Ville de Lyon")
        return [(line.what, line.after) for line in record_history(session, lyon)[:1]]

    assert _read(mine, why) == [(
        "Not saved on the office server",
        "“Ville de Lyon” is shared by the whole office: only an account for the whole office "
        "changes it.",
    )]  # fmt: skip
    with i18n.language_pinned("fr"):
        assert _read(mine, why)[0][0] == "Non enregistré sur le serveur du bureau"


def test_edits_the_server_refused_are_given_up_and_its_values_put_back(
    server: LiveServer, server_db: Engine, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mine = _clone(server, tmp_path, "carla")

    def edits(session: Session) -> None:
        _partner(session, "Ville de Lyon").website = "https://lyon.example"
        state = session.scalars(
            select(LocalEntity).where(LocalEntity.name == "Estado de Minas Gerais")
        ).one()
        session.add(LocalEntity(name="Itabira", parent=state))
        _agreement(session, "Geminação Araponga").lessons_learned = "Começar pelas escolas"

    _edit(mine, edits)
    assert _sync(mine, capsys)[0] == 1  # Lyon and Itabira refused, the agreement saved
    # a second edit of the refused partner, still waiting to be sent
    _edit(mine, lambda session: setattr(_partner(session, "Ville de Lyon"), "notes", "Ver"))

    capsys.readouterr()
    code = main(["sync", str(mine), "--revert-refused"])
    said = capsys.readouterr().out.splitlines()
    assert code == 0, said  # nothing refused again: the waiting edit was given up
    assert said[:2] == [
        "The server's values put back on Partner: Ville de Lyon.",
        "Local entity: Itabira is not on the server: deleted from this file.",
    ]

    def lyon(session: Session) -> tuple[object, ...]:
        partner = _partner(session, "Ville de Lyon")
        return partner.website, partner.notes

    assert _read(mine, lyon) == _on_server(server_db, lyon)
    assert _read(mine, lambda session: session.scalar(
        select(LocalEntity.deleted_at).where(LocalEntity.name == "Itabira")
    )) is not None  # fmt: skip
    assert _read(mine, lambda s: _agreement(s, "Geminação Araponga").lessons_learned) == (
        "Começar pelas escolas"
    )
    # the history says who put the server's values back; the server never heard of it
    reverted = _read(mine, lambda session: session.execute(
        select(Change.changed_by, Change.field, Change.old_value, Change.new_value)
        .join(Partner, Partner.id == Change.record_id)
        .where(Partner.name == "Ville de Lyon", Change.action == "update",
               Change.field.in_(("website", "notes")))
        .order_by(Change.changed_at)
    ).all())  # fmt: skip
    website, notes = _on_server(server_db, lyon)  # type: ignore[misc]  (a pair)
    assert [tuple(row) for row in reverted][-2:] == [
        ("carla", "website", "https://lyon.example", website),
        ("carla", "notes", "Ver", notes),
    ]
    assert _on_server(server_db, lambda session: session.scalar(
        select(func.count()).select_from(Change).where(Change.new_value == "Ver")
    )) == 0  # fmt: skip
    capsys.readouterr()
    assert main(["sync", str(mine), "--revert-refused"]) == 0
    assert "No refused edit to give up" in capsys.readouterr().out


def test_an_editor_of_one_municipality_reads_its_branch_and_what_the_office_shares(
    server: LiveServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mine, office = _clone(server, tmp_path, "carla"), _clone(server, tmp_path, "bruno")

    def titles(session: Session) -> list[str]:
        return sorted(session.scalars(select(Agreement.title).where(Agreement.title.like("%–%"))))

    assert "Cooperação Nazareno–Łódź" not in _read(mine, titles)
    assert "Geminação Araponga–Lyon" in _read(mine, titles)

    def add(session: Session) -> None:
        for entity_name, title in (("Araponga", "Araponga–Porto"), ("Nazareno", "Nazareno–Vigo")):
            named = select(LocalEntity).where(LocalEntity.name == entity_name)
            entity = session.scalars(named).one()
            partner = Partner(name=title.split("–")[1], country_code="PT")
            agreement = Agreement(title=title, type="twinning")
            agreement.parties.extend(
                [AgreementParty(local_entity=entity), AgreementParty(partner=partner)]
            )
            session.add(agreement)

    _edit(office, add)
    assert _sync(office, capsys)[0] == 0
    assert _sync(mine, capsys)[0] == 0
    seen = _read(mine, titles)
    assert "Araponga–Porto" in seen and "Nazareno–Vigo" not in seen
    partners = _read(mine, lambda s: set(s.scalars(select(Partner.name))))
    assert {"Porto", "Vigo"} <= partners  # shared by the office
    assert check(mine).problems == []


def test_a_reader_sends_nothing_but_receives_everything(
    server: LiveServer, server_db: Engine, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    reader, editor = _clone(server, tmp_path, "rita"), _clone(server, tmp_path, "ana")
    _edit(reader, lambda s: setattr(_agreement(s, "Cooperação Nazareno"), "status", "expired"))
    _edit(editor, lambda s: setattr(_partner(s, "Ville de Lyon"), "notes", "Sister city, 2001"))
    assert _sync(editor, capsys)[0] == 0
    code, said = _sync(reader, capsys)
    assert code == 1
    assert said.splitlines()[1] == (
        "Not saved on the server: “Cooperação Nazareno–Łódź”: your account may only read."
    )
    assert _on_server(server_db, lambda s: _agreement(s, "Cooperação Nazareno").status) == "active"
    assert _read(reader, lambda s: _partner(s, "Ville de Lyon").notes) == "Sister city, 2001"


def test_sync_refuses_a_file_that_is_not_a_clone(
    office_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["sync", str(office_path)]) == 2
    assert "is not linked to an office server" in capsys.readouterr().err


def test_a_sync_cut_off_between_batches_resumes_without_duplicates(
    server: LiveServer, server_db: Engine, tmp_path: Path,
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    mine = _clone(server, tmp_path, "bruno")
    names = [f"Ville partenaire {number}" for number in range(5)]
    _edit(mine, lambda s: s.add_all([Partner(name=name, country_code="FR") for name in names]))
    monkeypatch.setattr(sync_module, "PUSH_BATCH", 2)
    request = ServerClient.request
    pushes: list[str] = []

    def cut_off(client: ServerClient, method: str, route: str, **options: Any) -> Any:
        if route == "/v1/sync/push":
            pushes.append(route)
            if len(pushes) == 2:  # the network goes down during the second batch
                raise ServerError(Message("Cannot reach the office server at {url} ({reason}).",
                                          {"url": client.url, "reason": "timed out"}))  # fmt: skip
        return request(client, method, route, **options)

    monkeypatch.setattr(ServerClient, "request", cut_off)
    capsys.readouterr()
    assert main(["sync", str(mine)]) == 2
    assert "Cannot reach the office server" in capsys.readouterr().err

    def created(session: Session) -> list[tuple[str, int]]:
        rows = session.execute(
            select(Partner.name, func.count(Change.id))
            .join(Change, Change.record_id == Partner.id)
            .where(Partner.name.in_(names), Change.action == "create")
            .group_by(Partner.name)
            .order_by(Partner.name)
        )
        return [tuple(row) for row in rows]

    first_batch = _on_server(server_db, created)
    assert [count for _name, count in first_batch] == [1, 1]  # type: ignore[attr-defined]
    monkeypatch.setattr(ServerClient, "request", request)
    code, said = _sync(mine, capsys)
    assert code == 0 and "3 changes sent" in said
    assert _on_server(server_db, created) == [(name, 1) for name in names]
    assert _read(mine, created) == [(name, 1) for name in names]


def test_after_a_conflict_the_next_change_of_the_field_is_the_kept_values_successor(
    server: LiveServer, server_db: Engine, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second = _clone(server, tmp_path, "ana"), _clone(server, tmp_path, "bruno")

    def set_summary(value: str) -> Callable[[Session], None]:
        return lambda s: setattr(_agreement(s, "Geminação Araponga"), "summary", value)

    _edit(first, set_summary("Intercâmbio escolar"))
    _edit(second, set_summary("Intercâmbio cultural"))
    assert _sync(first, capsys)[0] == 0
    assert _sync(second, capsys)[0] == 1  # the conflict: the server keeps the first
    _edit(first, set_summary("Intercâmbio escolar e cultural"))  # from the value it holds
    assert _sync(first, capsys)[0] == 0  # no new conflict: it changed the kept value
    assert _sync(second, capsys)[0] == 0
    for place in (first, second):
        summary = _read(place, lambda s: _agreement(s, "Geminação Araponga").summary)
        assert summary == "Intercâmbio escolar e cultural"


def test_a_rate_typed_on_two_clones_is_kept_once_and_the_second_told(
    server: LiveServer, server_db: Engine, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second = _clone(server, tmp_path, "ana"), _clone(server, tmp_path, "bruno")
    _edit(first, lambda s: s.add(ExchangeRate(currency="EUR", to_currency="BRL", year=2023,
                                              rate=Decimal("5.40"))))  # fmt: skip
    source = b"Banco Central do Brasil, PTAX 2023"

    def rate_with_its_source(session: Session) -> None:
        rate = ExchangeRate(currency="EUR", to_currency="BRL", year=2023, rate=Decimal("5.41"))
        session.add(rate)
        session.flush()
        session.add(Document(
            title="PTAX 2023", filename="ptax.txt", media_type="text/plain", size=len(source),
            sha256=hashlib.sha256(source).hexdigest(), content=source,
            record_kind="exchange_rate", record_id=rate.id,
        ))  # fmt: skip

    _edit(second, rate_with_its_source)
    assert _sync(first, capsys)[0] == 0
    code, said = _sync(second, capsys)
    assert code == 1  # a conflict: the server keeps the rate saved first, says so
    assert (
        "Conflict on “EUR BRL 2023”, rate: the server keeps “5.4” (saved first); yours, “5.41”, "
        "is kept in the history." in said
    )

    def rates(session: Session) -> list[Decimal]:
        return list(session.scalars(
            select(ExchangeRate.rate).where(ExchangeRate.deleted_at.is_(None))
        ))  # fmt: skip

    assert _on_server(server_db, rates) == [Decimal("5.40")]
    assert _read(second, rates) == [Decimal("5.40")]  # the server's took the place of its own
    assert check(second).problems == []
    assert _sync(first, capsys)[0] == 0

    def source_of_the_live_rate(session: Session) -> list[str]:
        live = select(ExchangeRate.id).where(ExchangeRate.deleted_at.is_(None))
        return list(session.scalars(
            select(Document.title).where(Document.record_id.in_(live.scalar_subquery()))
        ))  # fmt: skip

    # the second clone's source now belongs to the rate kept, on the server and both copies
    assert _on_server(server_db, source_of_the_live_rate) == ["PTAX 2023"]
    for clone in (first, second):
        assert _read(clone, source_of_the_live_rate) == ["PTAX 2023"]
    every = _rows_of(server_db, "exchange_rate", "2023")
    # the second clone's rate is on the server too, as a tombstone
    assert sorted(row[1] for row in every if len(row) == 2) == [False, True]
    for clone in (first, second):  # and every copy holds the same rows and history
        assert _rows_of(OfficeFile.open(clone, read_only=True), "exchange_rate", "2023") == every


def _rows_of(where: Engine | OfficeFile, table: str, year: str) -> list[tuple[Any, ...]]:
    """Every row of ``table`` (the rates of ``year``, or an agreement's themes), tombstones
    included, with each one's history: what a copy must hold like the server."""
    engine = where.engine if isinstance(where, OfficeFile) else where
    model = Base.metadata.tables[table]
    with engine.connect() as connection:
        condition = (
            model.c.year == int(year) if table == "exchange_rate" else model.c.id.is_not(None)
        )
        rows = connection.execute(
            select(model.c.id, model.c.deleted_at.is_not(None))
            .where(condition)
            .order_by(model.c.id)
        ).all()
        history = connection.execute(
            select(Change.record_id, Change.action, Change.field, Change.new_value)
            .where(Change.record_id.in_([row[0] for row in rows]))
            .order_by(Change.id)
        ).all()
    if isinstance(where, OfficeFile):
        where.close()
    return [tuple(row) for row in rows] + [tuple(row) for row in history]


def test_a_theme_chosen_on_two_clones_is_kept_once_everywhere(
    server: LiveServer, server_db: Engine, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second = _clone(server, tmp_path, "ana"), _clone(server, tmp_path, "bruno")
    def choose_culture(session: Session) -> None:
        session.add(
            AgreementTheme(agreement_id=_agreement(session, "Cooperação Nazareno").id,
                           theme="culture")
        )  # fmt: skip

    for clone in (first, second):
        _edit(clone, choose_culture)
    for clone in (first, second, first):
        assert _sync(clone, capsys)[0] == 0  # the same theme, no values: nothing to say

    def live_themes(session: Session) -> list[str]:
        return list(session.scalars(
            select(AgreementTheme.theme).where(AgreementTheme.deleted_at.is_(None))
        ))  # fmt: skip

    assert _on_server(server_db, live_themes) == ["culture"]
    every = _rows_of(server_db, "agreement_theme", "")
    assert sorted(row[1] for row in every if len(row) == 2) == [False, True]
    for clone in (first, second):
        assert _read(clone, live_themes) == ["culture"]
        assert _rows_of(OfficeFile.open(clone, read_only=True), "agreement_theme", "") == every
        assert check(clone).problems == []
