"""Help › About names the versions a bug report needs, and copies them."""

from __future__ import annotations

import platform

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel, QMenu
from pytestqt.qtbot import QtBot

from intl_desk import __version__
from intl_desk.ui.about_dialog import AboutDialog
from intl_desk.ui.main_window import MainWindow


def test_help_about_lists_the_versions_and_copies_them(qtbot: QtBot) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    actions = [action for menu in window.menuBar().findChildren(QMenu) for action in menu.actions()]
    about = next(action for action in actions if action.text() == "&About Intl Desk")
    about.trigger()
    dialog = window.findChild(AboutDialog)
    assert isinstance(dialog, AboutDialog) and dialog.isVisible()
    table = dialog.table
    shown = {
        table.item(row, 0).text(): table.item(row, 1).text()  # type: ignore[union-attr]
        for row in range(table.rowCount())
    }
    assert shown["Intl Desk"] == __version__
    assert shown["Python"] == platform.python_version()
    assert {"Qt", "SQLite", "SQLAlchemy", "ReportLab", "Office file format"} <= set(shown)
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    copied = QGuiApplication.clipboard().text()
    assert f"Intl Desk: {__version__}" in copied and "SQLite: " in copied
    dialog.close()


def test_with_a_large_font_nothing_overlaps(qtbot: QtBot) -> None:
    """A desktop whose font is larger (seen under X11 in Portuguese): every row of the
    table is in sight and the credits below it are not drawn over."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = app.font()
    larger = QFont(before)
    larger.setPointSizeF(before.pointSizeF() * 1.5)
    app.setFont(larger)
    try:
        dialog = AboutDialog()
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        credits = next(label for label in dialog.findChildren(QLabel) if "GeoNames" in label.text())
        assert dialog.table.geometry().bottom() < credits.geometry().top()
        assert dialog.table.verticalScrollBar().maximum() == 0  # no row hidden
        dialog.close()
    finally:
        app.setFont(before)
