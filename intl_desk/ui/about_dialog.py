"""Help › About: what this copy is, the versions of what it runs on, and whose data it uses.

The versions matter when a user reports a problem: they are listed in a table and can be
copied in one click, so a bug report says exactly what was running.
"""

from __future__ import annotations

import platform
import sqlite3
from importlib import metadata

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QFont, QGuiApplication, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from intl_desk import __version__
from intl_desk.core.i18n import N_, Message, _
from intl_desk.store.schema import SCHEMA_VERSION

LIBRARIES = (
    "SQLAlchemy",
    "Alembic",
    "ReportLab",
    "Babel",
    "pycountry",
    "openpyxl",
    "python-calamine",
)


def _version_of(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return _("not installed")


def versions() -> list[tuple[str, str]]:
    """(component, version) for everything a bug report needs to name."""
    rows = [
        ("Intl Desk", __version__),
        (_("Office file format"), str(SCHEMA_VERSION)),
        ("Python", platform.python_version()),
        ("Qt", qVersion()),
        ("Qt for Python (PySide6)", pyside_version),
        ("SQLite", sqlite3.sqlite_version),
    ]
    rows.extend((name, _version_of(name)) for name in LIBRARIES)
    rows.append((_("System"), f"{platform.system()} {platform.release()} ({platform.machine()})"))
    return rows


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("About Intl Desk"))
        title = QLabel(Message(N_("Intl Desk {version}"), {"version": __version__}).render())
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        purpose = QLabel(
            _(
                "The register, overview and evaluation tool of an international relations "
                "office: agreements, projects and their co-financing, city networks, "
                "missions and indicators, in one office file that works offline."
            )
        )
        purpose.setWordWrap(True)

        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels([_("Component"), _("Version")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        for component, version in versions():
            row = self.table.rowCount()
            self.table.insertRow(row)
            self.table.setItem(row, 0, QTableWidgetItem(component))
            self.table.setItem(row, 1, QTableWidgetItem(version))

        credits = QLabel(
            _(
                "Place names: GeoNames (CC BY 4.0). World map: Natural Earth (public domain). "
                "Code lists: IATI (open licence). Sustainable Development Goals: United "
                "Nations, names and official colours."
            )
        )
        credits.setWordWrap(True)
        credits.setStyleSheet("color: palette(placeholder-text);")

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(_("Copy the versions"))
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_versions)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(title)
        layout.addWidget(purpose)
        layout.addWidget(self.table, 1)
        layout.addWidget(credits)
        layout.addWidget(buttons)
        self.resize(560, 600)

    def showEvent(self, event: QShowEvent) -> None:
        """Every row of the table in sight: its height is known once the table is polished
        on screen (a platform's font makes rows taller than the default), so the table's
        minimum and the dialog's height are set then, not at construction."""
        self.table.resizeRowsToContents()
        frame = 2 * self.table.frameWidth()
        self.table.setMinimumHeight(
            self.table.horizontalHeader().sizeHint().height()
            + self.table.verticalHeader().length()
            + frame
        )
        layout = self.layout()
        if layout is not None:
            layout.activate()
        # wrapped texts count at the dialog's width (a layout's minimum does not wrap them)
        needed = self.heightForWidth(self.width())
        if needed > 0:
            self.setMinimumHeight(needed)
            self.resize(self.width(), needed)
        super().showEvent(event)

    def versions_text(self) -> str:
        return "\n".join(f"{component}: {version}" for component, version in versions())

    def copy_versions(self) -> None:
        """For a bug report: every version on one line each."""
        QGuiApplication.clipboard().setText(self.versions_text())
        self.copy_button.setText(_("Copied"))
