"""The agreement form says what the saved agreement lacks — the gaps the overview and the
list count — and stops saying it once the person has mended them and saved."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from user_input import open_tab

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from intl_desk.core.model import Activity, Agreement, AgreementObjective, Contact
from intl_desk.store.office_file import OfficeFile
from intl_desk.ui.dialogs.agreement import AgreementDialog

TypeText = Callable[[QWidget, str], None]
SHARED = "Développer les échanges culturels entre les deux villes"


def _register(office: OfficeFile) -> None:
    with office.session() as s:
        s.add_all(
            [
                Contact(id="c-elodie", name="Élodie Martin", is_staff=True),
                Agreement(id="a-lodz", title="Jumelage Lyon – Łódź", type="twinning",
                          status="active", date_signed=date(2015, 5, 3)),
                Agreement(id="a-hue", title="Coopération Lyon – Huế", type="cooperation",
                          status="active", date_signed=date(2016, 1, 1),
                          responsible_id="c-elodie",
                          objectives=[AgreementObjective(text=SHARED, position=0)]),
                Agreement(id="a-cordoba", title="Coopération Lyon – Córdoba",
                          type="cooperation", status="active", date_signed=date(2017, 1, 1),
                          responsible_id="c-elodie",
                          objectives=[AgreementObjective(text=SHARED, position=0)]),
                Activity(kind="mission", status="done", title="Mission à Huế",
                         start_date=date.today(), agreement_id="a-hue"),
            ]
        )  # fmt: skip
        s.commit()


def _open(qtbot: QtBot, office: OfficeFile, record_id: str | None) -> AgreementDialog:
    dialog = AgreementDialog(office, record_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _note(dialog: AgreementDialog) -> list[str]:
    label = dialog.health_note.label
    if not label.isVisible():
        return []
    return [item.split("</li>")[0] for item in label.text().split("<li>")[1:]]


def test_the_form_says_what_the_agreement_lacks_until_it_is_mended(
    qtbot: QtBot, office: OfficeFile, typist: TypeText
) -> None:
    _register(office)
    dialog = _open(qtbot, office, "a-lodz")
    assert dialog.health_note.label.text().startswith(
        "<b>What this agreement lacks, as saved:</b>"
    )
    assert _note(dialog) == [
        "No objective: say what it should achieve (Parties and objectives).",
        "Nothing done under it for two years: no activity, mission or running project.",
        "No responsible officer: choose who follows it up.",
    ]
    # an objective of its own, typed in the table, and Élodie chosen as responsible
    open_tab(qtbot, dialog.tabs, dialog.tabs.indexOf(dialog.pages[1]))
    table = dialog.objectives.table
    qtbot.mouseClick(dialog.objectives.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(table.indexWidget(table.model().index(0, 0)), QLineEdit))
    editor = table.indexWidget(table.model().index(0, 0))
    typist(editor, "Accueillir dix étudiants de Łódź par an")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()
    open_tab(qtbot, dialog.tabs, dialog.tabs.indexOf(dialog.pages[0]))
    dialog.ui.responsible_id.setFocus()
    qtbot.keyClick(dialog.ui.responsible_id, Qt.Key.Key_Down)  # Élodie, after "—"
    assert dialog.ui.responsible_id.currentData() == "c-elodie"
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert _note(dialog) == [
        "Nothing done under it for two years: no activity, mission or running project."
    ]


def test_copied_objectives_are_said_on_both_agreements(qtbot: QtBot, office: OfficeFile) -> None:
    _register(office)
    hue = _open(qtbot, office, "a-hue")
    assert _note(hue) == [
        "Its objectives are copied word for word from another agreement: write its own."
    ]
    cordoba = _open(qtbot, office, "a-cordoba")
    assert _note(cordoba) == [
        "Its objectives are copied word for word from another agreement: write its own.",
        "Nothing done under it for two years: no activity, mission or running project.",
    ]


def test_new_and_ended_agreements_show_no_note(qtbot: QtBot, office: OfficeFile) -> None:
    _register(office)
    with office.session() as s:
        s.add(Agreement(id="a-old", title="Jumelage Lyon – Rabat", type="twinning",
                        status="terminated", date_signed=date(1990, 1, 1),
                        date_ended=date(2001, 1, 1)))  # fmt: skip
        s.commit()
    assert not _open(qtbot, office, None).health_note.label.isVisible()
    assert not _open(qtbot, office, "a-old").health_note.label.isVisible()
