"""The change log read in words: labels, names and local formats instead of codes and ids."""

from __future__ import annotations

from sqlalchemy.orm import Session

from intl_desk.core.history import field_label, readable_value
from intl_desk.core.i18n import set_language
from intl_desk.core.model import Contact
from intl_desk.store.office_file import OfficeFile


def test_logged_values_read_as_the_forms_show_them(office: OfficeFile) -> None:
    with office.session() as session:
        session.add(Contact(id="c-lea", name="Léa Rousseau"))
        session.commit()
        assert_values(session)


def assert_values(session: Session) -> None:
    value = lambda table, field, text: readable_value(session, table, field, text)  # noqa: E731
    assert value("agreement", "status", "active") == "Active"
    assert value("agreement", "responsible_id", "c-lea") == "Léa Rousseau"
    assert value("agreement", "responsible_id", "gone") == "(a record no longer in the file)"
    assert value("agreement", "date_expires", "2029-10-20") == "20 Oct 2029"
    assert value("agreement", "perpetual", "True") == "Yes"
    assert value("agreement", "languages", "fr,pl") == "French, Polish"
    assert value("partner", "country_code", "VN") == "Vietnam"
    assert value("agreement_sdg", "sdg", "11") == "11 Sustainable cities and communities"
    assert value("budget_line", "amount", "31000.00") == "31,000"
    assert value("budget_line", "year", "2027") == "2027"
    assert value("agreement", "reference", None) == "—"
    assert field_label("agreement", "date_expires") == "Expires"
    assert field_label("local_entity", "code") == "Official code"
    assert field_label("agreement", "date_signed_precision") == "Signing date given as"
    assert value("agreement", "date_signed_precision", "year") == "A year only"
    assert value("project", "planned_end_precision", "month") == "A month only"
    set_language("fr")
    try:
        assert value("partner", "country_code", "VN") == "Viêt Nam"
        assert value("budget_line", "amount", "31000.00") == "31\u202f000"
        assert value("agreement", "date_expires", "2029-10-20") == "20 oct. 2029"
    finally:
        set_language("en")


def test_a_change_to_a_line_of_a_record_reads_the_french_way(office: OfficeFile) -> None:
    """French puts a space before a colon: “Ligne… : Montant”, not “Ligne…: Montant”."""
    from intl_desk.core.history import record_history
    from intl_desk.core.model import BudgetLine, Project

    with office.session() as session:
        line = BudgetLine(year=2027, amount=31000, type="1", status="1")
        project = Project(title="Eau potable à Huế", status="2", budget_lines=[line])
        session.add(project)
        session.commit()
        line.amount = 45000
        session.commit()
        set_language("fr")
        try:
            whats = [entry.what for entry in record_history(session, project)]
        finally:
            set_language("en")
    assert any(what.endswith(" : Montant") for what in whats), whats
