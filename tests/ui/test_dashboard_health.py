"""What the active agreements lack is on the overview, under the tiles, without asking:
"without an objective: 2", a click on it lists exactly those two agreements, and the
list shows its Gaps column from the start (a manager should not have to find it in the
column menu)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from overview_window import shown_overview

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from intl_desk.core.model import Agreement, AgreementObjective, Contact
from intl_desk.store.office_file import OfficeFile

WITHOUT = ("Jumelage Lyon – Huế", "Coopération Lyon – Łódź")


def _register(path: Path) -> None:
    with OfficeFile.open(path) as office, office.session() as session:
        officer = Contact(name="Ana Sousa", is_staff=True)
        session.add(officer)
        session.flush()
        for title, objective in (
            (WITHOUT[0], None),
            (WITHOUT[1], None),
            ("Accord Lyon – Córdoba", "Former 40 enseignants de français."),
        ):
            agreement = Agreement(
                title=title, type="twinning", status="active", date_signed=date(2025, 3, 1),
                responsible_id=officer.id,
            )  # fmt: skip
            if objective:
                agreement.objectives.append(AgreementObjective(position=0, text=objective))
            session.add(agreement)
        session.add(  # a draft lacks one too, but is no figure yet
            Agreement(title="Projet d'accord Lyon – Dakar", type="twinning", status="draft")
        )
        session.commit()


def _where(label: QLabel, text: str) -> QPoint:
    """The middle of ``text`` in a rich-text label, laid out as the label lays it out."""
    document = QTextDocument()
    document.setDefaultFont(label.font())
    document.setDocumentMargin(0)
    document.setHtml(label.text())
    document.setTextWidth(label.contentsRect().width())
    found = document.find(text)
    assert not found.isNull(), (text, label.text())
    middle = (found.selectionStart() + found.selectionEnd()) // 2
    block = document.findBlock(middle)
    top = document.documentLayout().blockBoundingRect(block).top()  # lays the text out
    layout = block.layout()
    line = layout.lineForTextPosition(middle - block.position())
    assert line.isValid()
    x = line.cursorToX(middle - block.position())[0]
    rect = label.contentsRect()
    return QPoint(rect.left() + round(x), rect.top() + round(top + line.y() + line.height() / 2))


def test_agreements_without_an_objective_are_counted_and_listed(
    qtbot: QtBot, office_path: Path
) -> None:
    _register(office_path)
    window, page = shown_overview(qtbot, office_path)
    assert page.health.isVisible()
    assert "Health of the active agreements today" in page.health.text()
    assert "without an objective: 2" in page.health.text()

    qtbot.mouseClick(
        page.health, Qt.MouseButton.LeftButton, pos=_where(page.health, "without an objective")
    )
    agreements = window.list_pages["agreements"]
    qtbot.waitUntil(lambda: window.pages.currentWidget() is agreements, timeout=5_000)
    qtbot.waitUntil(
        lambda: not agreements.reading and agreements.model.rowCount() == 2, timeout=10_000
    )
    assert agreements.facet_boxes["gap"].currentText().endswith("No objective")
    gaps = [column.key for column in agreements.spec.columns].index("gaps")
    assert not agreements.table.isColumnHidden(gaps)
    titles = [column.key for column in agreements.spec.columns].index("title")
    shown = {
        agreements.model.index(row, titles).data(): agreements.model.index(row, gaps).data()
        for row in range(2)
    }
    assert set(shown) == set(WITHOUT)
    assert all(text.startswith("No objective") for text in shown.values()), shown
