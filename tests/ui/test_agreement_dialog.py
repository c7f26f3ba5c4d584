"""The agreement form driven through its real widgets, checked by reopening the file."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from form_helpers import refused_save
from sqlalchemy import select
from user_input import choose, click_cell, retype, tick_item, type_in_cell

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QMessageBox, QTableWidget, QTableWidgetItem, QWidget
from pytestqt.qtbot import QtBot

from intl_desk.core.model import (
    Agreement,
    AgreementObjective,
    AgreementParty,
    AgreementTheme,
    Change,
    Document,
    LocalEntity,
    Partner,
)
from intl_desk.store.office_file import OfficeFile
from intl_desk.ui.dialogs.agreement import AgreementDialog

TypeText = Callable[[QWidget, str], None]


@pytest.fixture
def city(office_path: Path) -> Iterator[OfficeFile]:
    """An office with one of our entities and one partner abroad."""
    with OfficeFile.open(office_path) as office:
        with office.session() as session:
            session.add(LocalEntity(id="e-lyon", name="Ville de Lyon", kind="municipality"))
            session.add(Partner(id="p-lodz", name="Łódź", kind="city", country_code="PL"))
            session.commit()
        yield office


def open_dialog(qtbot: QtBot, office: OfficeFile, record_id: str | None = None) -> AgreementDialog:
    dialog = AgreementDialog(office, record_id)
    qtbot.addWidget(dialog)
    return dialog


def check(qtbot: QtBot, dialog: AgreementDialog, list_name: str, value: object) -> None:
    """Tick the entry holding ``value`` in one of the form's check lists, by clicking it."""
    widget = getattr(dialog.ui, list_name)
    for row in range(widget.count()):
        if widget.item(row).data(Qt.ItemDataRole.UserRole) == value:
            assert widget.item(row).checkState() == Qt.CheckState.Unchecked
            tick_item(qtbot, widget, row)
            return
    raise AssertionError(value)


def cell(table: QTableWidget, row: int, column: int = 0) -> QTableWidgetItem:
    item = table.item(row, column)
    assert item is not None
    return item


def test_create_an_agreement_with_a_partner_and_find_it_after_reopening(
    qtbot: QtBot, city: OfficeFile, office_path: Path, typist: TypeText
) -> None:
    dialog = open_dialog(qtbot, city)
    assert "This field is required." in refused_save(qtbot, dialog)  # no title yet
    assert not dialog.ui.objectives_hint.isHidden()  # the classic failure, pointed out
    typist(dialog.ui.title, "Jumelage Lyon – Łódź")
    choose(qtbot, dialog.ui.type, data="twinning")
    qtbot.mouseClick(dialog.parties.add_button, Qt.MouseButton.LeftButton)
    choose(qtbot, dialog.parties.table.cellWidget(0, 0), data="partner:p-lodz")
    role = dialog.parties.table.cellWidget(0, 1)
    assert isinstance(role, QComboBox) and role.currentData() == "signatory"
    qtbot.mouseClick(dialog.parties.add_button, Qt.MouseButton.LeftButton)
    choose(qtbot, dialog.parties.table.cellWidget(1, 0), data="entity:e-lyon")
    qtbot.mouseClick(dialog.objectives.add_button, Qt.MouseButton.LeftButton)
    assert dialog.ui.objectives_hint.isHidden()
    # an empty objective row is reported
    assert "Row 1: This field is required." in " ".join(refused_save(qtbot, dialog))
    type_in_cell(qtbot, dialog.objectives.table, 0, 0, "Deux échanges scolaires par an")
    check(qtbot, dialog, "theme_list", "education")
    check(qtbot, dialog, "sdg_list", 4)
    check(qtbot, dialog, "language_list", "fr")
    check(qtbot, dialog, "language_list", "pl")
    assert not dialog.current_errors()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.has_changes
    dialog.close()
    city.close()

    with OfficeFile.open(office_path) as office, office.session() as session:
        agreement = session.scalars(select(Agreement)).one()
        assert agreement.title == "Jumelage Lyon – Łódź"
        assert (agreement.type, agreement.status) == ("twinning", "draft")
        partners = [party.partner for party in agreement.parties if party.partner]
        assert [(p.name, p.country_code) for p in partners] == [("Łódź", "PL")]
        # the partner's country reaches the agreement's row, for lists and the world map
        assert (agreement.partner_names, agreement.country_codes) == ("Łódź", "PL")
        assert (agreement.entity_names, agreement.objective_count) == ("Ville de Lyon", 1)
        assert [o.text for o in agreement.objectives] == ["Deux échanges scolaires par an"]
        assert [t.theme for t in agreement.themes] == ["education"]
        assert [s.sdg for s in agreement.sdgs] == [4]
        assert agreement.languages == "fr,pl"
        assert agreement.search_key == "jumelage lyon – lodz"


def add_agreement(office: OfficeFile) -> str:
    with office.session() as session:
        agreement = Agreement(
            title="Coopération Córdoba",
            type="cooperation",
            status="active",
            date_signed=date(2020, 3, 1),
            parties=[
                AgreementParty(local_entity_id="e-lyon", role="signatory"),
                AgreementParty(partner_id="p-lodz", role="signatory"),
            ],
            objectives=[AgreementObjective(text="Former 20 agents", position=1)],
            themes=[AgreementTheme(theme="culture")],
            languages="pl,fr",
        )
        session.add(agreement)
        session.commit()
        return agreement.id


def test_edit_an_agreement(
    qtbot: QtBot, city: OfficeFile, office_path: Path, typist: TypeText
) -> None:
    agreement_id = add_agreement(city)
    dialog = open_dialog(qtbot, city, agreement_id)
    assert dialog.ui.title.text() == "Coopération Córdoba"
    assert dialog.parties.table.rowCount() == 2
    assert not dialog.has_changes
    assert dialog.ui.objectives_hint.isHidden()
    dialog.ui.title.clear()
    typist(dialog.ui.title, "Coopération Lyon – Córdoba")
    choose(qtbot, dialog.ui.status, data="expired")
    click_cell(qtbot, dialog.parties.table, 1, 1)
    qtbot.mouseClick(dialog.parties.remove_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.signatories.add_button, Qt.MouseButton.LeftButton)
    type_in_cell(qtbot, dialog.signatories.table, 0, 0, "Grégory Doucet")
    qtbot.mouseClick(dialog.objectives.add_button, Qt.MouseButton.LeftButton)
    type_in_cell(qtbot, dialog.objectives.table, 1, 0, "Accueillir 5 stagiaires de Łódź")
    check(qtbot, dialog, "theme_list", "heritage")
    tick_item(qtbot, dialog.ui.theme_list, 0)  # culture, unticked
    assert dialog.has_changes
    assert dialog.save()
    dialog.close()
    city.close()

    with OfficeFile.open(office_path) as office, office.session() as session:
        agreement = session.get(Agreement, agreement_id)
        assert agreement is not None
        assert (agreement.title, agreement.status) == ("Coopération Lyon – Córdoba", "expired")
        assert [party.local_entity_id for party in agreement.parties] == ["e-lyon"]
        removed = session.scalars(
            select(AgreementParty).where(AgreementParty.partner_id == "p-lodz")
        ).one()
        assert removed.deleted_at is not None  # a tombstone, not a lost row
        assert [(s.name, s.side) for s in agreement.signatories] == [("Grégory Doucet", "ours")]
        assert [t.theme for t in agreement.themes] == ["heritage"]
        objectives = [o.text for o in agreement.objectives]
        assert objectives == ["Former 20 agents", "Accueillir 5 stagiaires de Łódź"]
        titles = session.scalars(select(Change.new_value).where(Change.field == "title")).all()
        assert titles == ["Coopération Lyon – Córdoba"]


def test_untick_and_tick_again_before_saving_changes_nothing(
    qtbot: QtBot, city: OfficeFile
) -> None:
    agreement_id = add_agreement(city)
    dialog = open_dialog(qtbot, city, agreement_id)
    tick_item(qtbot, dialog.ui.theme_list, 0)  # culture off
    tick_item(qtbot, dialog.ui.theme_list, 0)  # and on again
    qtbot.mouseClick(dialog.parties.add_button, Qt.MouseButton.LeftButton)
    click_cell(qtbot, dialog.parties.table, 2, 0)
    qtbot.mouseClick(dialog.parties.remove_button, Qt.MouseButton.LeftButton)
    assert not dialog.current_errors()
    assert dialog.save()
    with city.session() as session:
        assert session.scalars(select(Change).where(Change.action != "create")).all() == []
        assert len(session.scalars(select(AgreementParty)).all()) == 2


def test_delete_leaves_tombstones_for_the_agreement_its_parties_and_documents(
    qtbot: QtBot,
    city: OfficeFile,
    office_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    agreement_id = add_agreement(city)
    scan = tmp_path / "charter.pdf"
    scan.write_bytes(b"%PDF-1.4 signed")
    dialog = open_dialog(qtbot, city, agreement_id)
    dialog.documents.attach_files([scan])
    assert dialog.save()
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: answers.pop(0))
    qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)  # declined
    assert dialog.save() and dialog.record.deleted_at is None
    assert dialog.documents.documents[0] not in dialog.session.deleted
    with qtbot.waitSignal(dialog.saved):
        qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    city.close()

    with OfficeFile.open(office_path) as office, office.session() as session:
        agreement = session.get(Agreement, agreement_id)
        assert agreement is not None and agreement.deleted_at is not None
        parties = session.scalars(select(AgreementParty)).all()
        assert len(parties) == 2 and all(party.deleted_at for party in parties)
        document = session.scalars(select(Document)).one()
        assert document.deleted_at is not None
        with pytest.raises(LookupError):
            AgreementDialog(office, agreement_id)


def test_expiry_before_signing_is_shown_under_expires_and_blocks_saving(
    qtbot: QtBot, city: OfficeFile
) -> None:
    dialog = open_dialog(qtbot, city)
    retype(qtbot, dialog.ui.title, "Lettre d'intention Việt Nam")
    retype(qtbot, dialog.ui.date_signed, "01/05/2024")
    retype(qtbot, dialog.ui.date_expires, "31/01/2023")
    assert "The expiry date is before the signing date." in refused_save(qtbot, dialog)
    label = dialog.error_labels["date_expires"]
    assert not label.isHidden()
    assert label.text() == "The expiry date is before the signing date."
    dates_tab = dialog.tabs.indexOf(dialog.ui.dates_page)
    assert not dialog.tabs.tabIcon(dates_tab).isNull()  # seen from any tab
    assert not dialog.save()
    retype(qtbot, dialog.ui.date_expires, "01/05/2029")
    assert label.isHidden()
    assert not dialog.current_errors()
    assert dialog.tabs.tabIcon(dates_tab).isNull()
    qtbot.mouseClick(dialog.ui.perpetual, Qt.MouseButton.LeftButton)  # clears the expiry
    assert dialog.ui.perpetual.isChecked()
    assert not dialog.ui.date_expires.isEnabled()
    assert dialog.bindings["date_expires"].read() is None


def test_an_attached_document_round_trips_its_bytes(
    qtbot: QtBot,
    city: OfficeFile,
    office_path: Path,
    tmp_path: Path,
    typist: TypeText,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    original = bytes(range(256)) * 40 + "Łódź".encode()
    source = tmp_path / "accord signé.pdf"
    source.write_bytes(original)
    dialog = open_dialog(qtbot, city)
    typist(dialog.ui.title, "Accord-cadre São João del Rei")
    monkeypatch.setattr(dialog.documents, "choose_files", lambda: [source])
    qtbot.mouseClick(dialog.documents.attach_button, Qt.MouseButton.LeftButton)
    choose(qtbot, dialog.documents.table.cellWidget(0, 1), data="signed_text")
    assert dialog.save()
    agreement_id = dialog.record.id
    dialog.close()
    city.close()

    with OfficeFile.open(office_path) as office:
        dialog = open_dialog(qtbot, office, agreement_id)
        panel = dialog.documents
        assert panel.table.rowCount() == 1
        assert cell(panel.table, 0).text() == "accord signé"
        document = panel.documents[0]
        assert (document.media_type, document.category) == ("application/pdf", "signed_text")
        assert document.size == len(original)
        out = tmp_path / "out" / "copy.pdf"
        out.parent.mkdir()
        monkeypatch.setattr(panel, "choose_save_path", lambda _document: out)
        click_cell(qtbot, panel.table, 0, 0)
        qtbot.mouseClick(panel.save_out_button, Qt.MouseButton.LeftButton)
        assert out.read_bytes() == original
        shown: dict[str, Path] = {}
        monkeypatch.setattr(panel, "show_file", lambda path: bool(shown.setdefault("file", path)))
        qtbot.mouseClick(panel.open_button, Qt.MouseButton.LeftButton)
        assert shown["file"].name == "accord signé.pdf"
        assert shown["file"].read_bytes() == original
        dialog.close()


def test_a_document_removed_before_saving_or_unreadable_leaves_nothing(
    qtbot: QtBot, city: OfficeFile, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "notes.txt"
    source.write_text("brouillon")
    dialog = open_dialog(qtbot, city)
    retype(qtbot, dialog.ui.title, "Mémorandum Łódź")
    warnings: list[str] = []
    monkeypatch.setattr(dialog.documents, "warn", warnings.append)
    assert dialog.documents.attach_files([tmp_path / "missing.pdf"]) == []
    assert "missing.pdf" in warnings[0]
    dialog.documents.attach_files([source])
    click_cell(qtbot, dialog.documents.table, 0, 0)
    qtbot.mouseClick(dialog.documents.remove_button, Qt.MouseButton.LeftButton)
    assert dialog.documents.table.rowCount() == 0
    assert dialog.save()
    with city.session() as session:
        assert session.scalars(select(Document)).all() == []


def test_renews_lists_other_agreements_with_their_year_but_not_itself(
    qtbot: QtBot, city: OfficeFile
) -> None:
    agreement_id = add_agreement(city)
    with city.session() as session:
        session.add(Agreement(id="newer", title="Renouvellement Córdoba", type="cooperation"))
        session.commit()
    dialog = open_dialog(qtbot, city, "newer")
    labels = [dialog.ui.renews_id.itemText(i) for i in range(dialog.ui.renews_id.count())]
    assert labels == ["—", "Coopération Córdoba (2020)"]
    choose(qtbot, dialog.ui.renews_id, data=agreement_id)
    assert dialog.save()
    dialog.close()
    older = open_dialog(qtbot, city, agreement_id)
    assert "Renouvellement Córdoba" in older.ui.followers.text()


def test_a_read_only_file_still_opens_and_saves_out_documents(
    qtbot: QtBot,
    city: OfficeFile,
    office_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    agreement_id = add_agreement(city)
    source = tmp_path / "décision.txt"
    source.write_bytes("Délibération n° 2024/12".encode())
    dialog = open_dialog(qtbot, city, agreement_id)
    dialog.documents.attach_files([source])
    assert dialog.save()
    dialog.close()
    with OfficeFile.open(office_path, read_only=True) as office:
        dialog = open_dialog(qtbot, office, agreement_id)
        assert not dialog.ui.title.isEnabled()
        assert not dialog.parties.add_button.isEnabled()
        assert not dialog.documents.attach_button.isEnabled()
        click_cell(qtbot, dialog.documents.table, 0, 0)
        assert not dialog.documents.remove_button.isEnabled()
        out = tmp_path / "copy.txt"
        monkeypatch.setattr(dialog.documents, "choose_save_path", lambda _document: out)
        qtbot.mouseClick(dialog.documents.save_out_button, Qt.MouseButton.LeftButton)
        assert out.read_bytes() == source.read_bytes()
        dialog.close()


def test_duplicate_keeps_parties_and_themes_but_not_objectives_or_dates(
    qtbot: QtBot, city: OfficeFile, monkeypatch: pytest.MonkeyPatch
) -> None:
    agreement_id = add_agreement(city)
    dialog = open_dialog(qtbot, city, agreement_id)
    copies: list[AgreementDialog] = []
    monkeypatch.setattr(AgreementDialog, "show", lambda self: copies.append(self))
    qtbot.mouseClick(dialog.duplicate_button, Qt.MouseButton.LeftButton)
    copy = copies[0]
    qtbot.addWidget(copy)
    assert copy.ui.title.text() == "Coopération Córdoba (copy)"
    assert copy.parties.table.rowCount() == 2
    assert copy.objectives.table.rowCount() == 0 and not copy.ui.objectives_hint.isHidden()
    assert copy.bindings["date_signed"].read() is None
    assert copy.ui.status.currentData() == "draft"
    assert copy.save()
    with city.session() as session:
        saved = session.get(Agreement, copy.record.id)
        assert saved is not None
        assert {p.partner_id for p in saved.parties} == {None, "p-lodz"}
        assert [t.theme for t in saved.themes] == ["culture"]
        assert saved.objectives == []


def test_open_agreement_windows_do_not_lock_each_other_out(
    qtbot: QtBot, city: OfficeFile, typist: TypeText
) -> None:
    """SQLite refuses a save while another window keeps a read transaction open."""
    agreement_id = add_agreement(city)
    untouched = open_dialog(qtbot, city, agreement_id)
    fresh = open_dialog(qtbot, city)
    typist(fresh.ui.title, "Protocole Huế")
    edited = open_dialog(qtbot, city, agreement_id)
    retype(qtbot, edited.ui.reference, "DRI-2024-007")
    assert edited.save()
    assert fresh.save()
    assert untouched.ui.title.text() == "Coopération Córdoba"
    with city.session() as session:
        titles = session.scalars(select(Agreement.title).order_by(Agreement.title)).all()
        assert titles == ["Coopération Córdoba", "Protocole Huế"]


def test_print_sheet_writes_the_agreement_on_one_page(
    qtbot: QtBot, city: OfficeFile, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pypdf import PdfReader

    from intl_desk.ui import agreement_sheet_button

    with city.session() as session:
        session.add(
            Agreement(
                id="a-lodz",
                title="Jumelage Lyon – Łódź",
                type="twinning",
                status="active",
                date_signed=date(1991, 5, 3),
            )
        )
        session.commit()
    out = tmp_path / "sheet.pdf"
    shown: list[Path] = []
    monkeypatch.setattr(agreement_sheet_button, "ask_path", lambda _parent, _name: out)
    monkeypatch.setattr(agreement_sheet_button, "show_pdf", shown.append)
    dialog = open_dialog(qtbot, city, "a-lodz")
    dialog.print_sheet_button.click()
    qtbot.waitUntil(lambda: bool(shown))  # written in the background
    assert shown == [out]
    pages = PdfReader(out).pages
    assert len(pages) == 1
    assert "Jumelage Lyon – Łódź" in pages[0].extract_text()


def test_the_status_follows_the_typed_dates_until_one_is_chosen(
    qtbot: QtBot, city: OfficeFile, typist: TypeText, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A new agreement with its signature typed is Active, not a forgotten Draft; choosing
    Draft after that is allowed, with a note saying what it means."""
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Discard)
    dialog = open_dialog(qtbot, city)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.ui.status.currentData() == "draft"
    typist(dialog.ui.date_signed, "15/03/2024")
    typist(dialog.ui.date_expires, "15/03/2099")
    assert dialog.ui.status.currentData() == "active"
    assert dialog.status_note.isHidden()
    dialog.ui.status.setFocus()
    qtbot.keyClick(dialog.ui.status, Qt.Key.Key_Home)  # the person chooses Draft
    assert dialog.ui.status.currentData() == "draft"
    assert not dialog.status_note.isHidden()
    assert dialog.status_note.text().startswith("Signed on 15 Mar 2024, yet still marked")
    dialog.ui.date_expires.selectAll()  # dates change again: the choice stays
    typist(dialog.ui.date_expires, "31/12/2025")
    assert dialog.ui.status.currentData() == "draft"


def test_an_active_agreement_past_its_expiry_says_so(qtbot: QtBot, city: OfficeFile) -> None:
    with city.session() as session:
        session.add(Agreement(id="a-old", title="Jumelage Łódź", type="twinning",
                              status="active", date_signed=date(2001, 5, 3),
                              date_expires=date(2021, 5, 3)))  # fmt: skip
        session.commit()
    dialog = open_dialog(qtbot, city, "a-old")
    assert dialog.ui.status.currentData() == "active"  # a stored status is never changed
    assert dialog.status_note.text() == (
        "Expired on 3 May 2021 but marked Active: renew it or mark it Expired."
    )
