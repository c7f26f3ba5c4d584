"""Office › IATI organisation identifier…: the identifier every published activity's
identifier begins with, which the IATI export otherwise replaces by a provisional one."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import select

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from intl_desk.core.i18n import _
from intl_desk.core.iati_identifiers import organisation_identifier_problem
from intl_desk.core.model import Office
from intl_desk.store.office_file import OfficeFile

if TYPE_CHECKING:
    from intl_desk.ui.main_window import MainWindow


class IatiIdentifierDialog(QDialog):
    """Type the identifier; OK keeps it (said again when it cannot be one)."""

    def __init__(self, office_file: OfficeFile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("IATI organisation identifier"))
        self._office_file = office_file
        with office_file.session() as session:
            office = session.scalars(select(Office).where(Office.deleted_at.is_(None))).first()
            current = office.iati_org_ref if office is not None else None
        intro = QLabel(
            _(
                "The identifier the IATI registry knows the office by (the registration "
                "agency's code, then the office's number). Each project published has an "
                "identifier that begins with it."
            )
        )
        intro.setWordWrap(True)
        self.identifier = QLineEdit(current or "")
        self.identifier.setObjectName("iatiIdentifier")
        self.identifier.setPlaceholderText("FR-RNA-W691234567")
        self.problem = QLabel()
        self.problem.setObjectName("iatiIdentifierProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020;")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.identifier)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.resize(520, self.sizeHint().height())

    def accept(self) -> None:
        problem = organisation_identifier_problem(self.identifier.text())
        if problem is not None:
            self.problem.setText(problem.render())
            self.identifier.setFocus()
            return
        with self._office_file.session() as session:
            office = session.scalars(select(Office).where(Office.deleted_at.is_(None))).first()
            if office is not None:
                office.iati_org_ref = self.identifier.text().strip() or None
                session.commit()
        super().accept()


def open_iati_identifier(window: MainWindow) -> IatiIdentifierDialog | None:
    office = window.office
    if office is None:
        window.statusBar().showMessage(_("Open an office file first."), 5000)
        return None
    if office.read_only:
        window.statusBar().showMessage(
            _("This file is open read-only: open it for editing to change the office."), 8000
        )
        return None
    dialog = IatiIdentifierDialog(office, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
