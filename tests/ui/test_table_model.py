"""The lazy table model, without a window."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from PySide6.QtCore import Qt

from intl_desk.core.i18n import set_language
from intl_desk.core.listing import LISTS, ListQuery, fetch_ids, first_page
from intl_desk.core.model import Agreement, AgreementParty, Partner
from intl_desk.store.office_file import OfficeFile
from intl_desk.ui import table_model
from intl_desk.ui.table_model import ID_ROLE, RAW_ROLE, RecordTableModel


def fill(office: OfficeFile, count: int) -> None:
    with office.session() as session:
        egypt = Partner(name="Le Caire", kind="city", country_code="EG")
        session.add(egypt)
        for number in range(count):
            agreement = Agreement(title=f"Accord {number:04d}", type="cooperation",
                                  status="active", date_signed=date(2000 + number % 20, 1, 1))
            agreement.parties.append(AgreementParty(partner=egypt))
            session.add(agreement)
        session.commit()


def column(model: RecordTableModel, key: str) -> int:
    return [c.key for c in model.spec.columns].index(key)


def test_rows_count_headers_and_display(office: OfficeFile) -> None:
    fill(office, 3)
    model = RecordTableModel(LISTS["agreements"], office.session)
    model.set_query(ListQuery())
    assert model.rowCount() == 3
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Title"
    index = model.index(0, column(model, "countries"))
    assert model.data(index) == "Egypt"
    assert model.data(index, RAW_ROLE) == "EG"
    status = model.index(0, column(model, "status"))
    assert model.data(status) == "Active"
    set_language("fr")
    assert model.data(index) == "Égypte"
    assert model.data(model.index(0, column(model, "date_signed"))) == "1 janv. 2002"


def test_sort_is_done_by_the_query(office: OfficeFile) -> None:
    fill(office, 5)
    model = RecordTableModel(LISTS["agreements"], office.session)
    model.set_query(ListQuery())
    model.sort(column(model, "title"), Qt.SortOrder.DescendingOrder)
    assert model.data(model.index(0, 0)) == "Accord 0004"
    assert model.query.sort_key == "title" and model.query.descending
    model.sort(column(model, "title"), Qt.SortOrder.AscendingOrder)
    assert model.data(model.index(0, 0)) == "Accord 0000"


def test_rows_are_fetched_by_page(office: OfficeFile, monkeypatch: object) -> None:
    fill(office, 450)
    calls: list[int] = []
    original = table_model.fetch_rows

    def counting(session, spec, ids, columns=None):  # type: ignore[no-untyped-def]
        calls.append(len(ids))
        return original(session, spec, ids, columns)

    monkeypatch.setattr(table_model, "fetch_rows", counting)  # type: ignore[attr-defined]
    model = RecordTableModel(LISTS["agreements"], office.session)
    model.set_query(ListQuery(sort_key="title"))
    assert calls == []  # nothing read until a row is shown
    assert model.data(model.index(0, 0)) == "Accord 0000"
    assert model.data(model.index(1, 0)) == "Accord 0001"
    assert calls == [table_model.PAGE_SIZE]
    assert model.data(model.index(449, 0)) == "Accord 0449"
    assert calls == [table_model.PAGE_SIZE, 50]
    with office.session() as session:
        first = session.scalar(select(Agreement.id).where(Agreement.title == "Accord 0000"))
    assert model.data(model.index(0, 0), ID_ROLE) == first


def test_a_first_page_then_every_id(office: OfficeFile) -> None:
    """A big list shows its count and first rows at once, the rest once the ids are read."""
    fill(office, 450)
    spec = LISTS["agreements"]
    query = ListQuery(sort_key="title")
    with office.session() as session:
        first = first_page(session, spec, query, table_model.PAGE_SIZE)
        ids = fetch_ids(session, spec, query)
    model = RecordTableModel(spec, office.session)
    changed: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda top, bottom: changed.append((top.row(), bottom.row())))
    model.show_first_page(query, 450, [row[0] for row in first], first)
    assert model.rowCount() == 450 and not model.complete
    assert model.data(model.index(0, 0)) == "Accord 0000"
    assert model.data(model.index(199, 0)) == "Accord 0199"
    assert model.data(model.index(200, 0)) == ""  # not read yet: blank, no query
    assert model.data(model.index(200, 0), ID_ROLE) is None
    model.complete_ids(ListQuery(search="other"), ids)  # an older query's ids: ignored
    assert not model.complete
    model.complete_ids(query, ids)
    assert model.complete and changed == [(200, 449)]
    assert model.data(model.index(449, 0)) == "Accord 0449"


def test_a_date_known_to_the_year_or_month_reads_as_given(office: OfficeFile) -> None:
    """An agreement signed "2011" and ending "July 2030" (kept as the days 1 January 2011
    and 31 July 2030 for computations) reads as the register gave it, in each language."""
    with office.session() as session:
        session.add(
            Agreement(
                title="Jumelage Lyon – Córdoba",
                type="twinning",
                status="active",
                date_signed=date(2011, 1, 1),
                date_signed_precision="year",
                date_expires=date(2030, 7, 31),
                date_expires_precision="month",
            )
        )
        session.add(
            Agreement(
                title="Jumelage Lyon – Porto",
                type="twinning",
                status="active",
                date_signed=date(2011, 1, 1),
            )
        )
        session.commit()
    model = RecordTableModel(LISTS["agreements"], office.session)
    model.set_query(ListQuery(sort_key="title"))
    signed, expires = column(model, "date_signed"), column(model, "date_expires")
    shown = [
        (model.data(model.index(row, 0)), model.data(model.index(row, signed)),
         model.data(model.index(row, expires)))
        for row in range(2)
    ]
    assert shown == [
        ("Jumelage Lyon – Córdoba", "2011", "July 2030"),
        ("Jumelage Lyon – Porto", "1 Jan 2011", ""),  # the same day, typed whole
    ]
    assert model.data(model.index(0, signed), RAW_ROLE) == date(2011, 1, 1)
    set_language("pt")
    assert model.data(model.index(0, expires)) == "julho de 2030"
    assert model.data(model.index(1, signed)) == "1 de jan. de 2011"
