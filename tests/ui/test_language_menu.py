"""Switching the language from the menu: the window is rebuilt in it, the file stays open."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from user_input import type_text
from window_files import open_and_wait

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMenu, QMessageBox
from pytestqt.qtbot import QtBot

from intl_desk.core.i18n import current_language, translate
from intl_desk.core.model import Partner
from intl_desk.store.office_file import OfficeFile
from intl_desk.ui import app as desktop
from intl_desk.ui import settings as options
from intl_desk.ui.about_dialog import AboutDialog
from intl_desk.ui.dialogs.partner import PartnerDialog
from intl_desk.ui.language_menu import install_qt_translations
from intl_desk.ui.main_window import MainWindow

DEFERRED = "The new language applies once the open forms are closed, or at next start."


@pytest.fixture(autouse=True)
def _english_qt(qapp: QApplication) -> Iterator[None]:
    before = QLocale()
    yield
    install_qt_translations(qapp, "en")
    QLocale.setDefault(before)


@pytest.fixture(autouse=True)
def _close_windows() -> Iterator[None]:
    yield
    for window in desktop._windows:
        window.close()
        window.deleteLater()
    desktop._windows.clear()


def open_in_new_window(qtbot: QtBot, path: Path) -> MainWindow:
    window = desktop.open_main_window()  # closed by _close_windows (may be replaced)
    open_and_wait(qtbot, window, path)
    return window


def choose(window: MainWindow, label: str) -> None:
    menu = window.findChild(QMenu, "language_menu")
    assert menu is not None
    (action,) = [a for a in menu.actions() if isinstance(a, QAction) and a.text() == label]
    action.trigger()


def test_choosing_french_rebuilds_the_window_in_french_on_the_same_file(
    qtbot: QtBot, office_path: Path
) -> None:
    window = open_in_new_window(qtbot, office_path)
    assert window.navigation.item(0).text() == "Today"
    choose(window, "Français")

    (rebuilt,) = desktop._windows
    qtbot.waitUntil(lambda: rebuilt.office is not None)
    assert rebuilt is not window
    assert current_language() == "fr"
    assert rebuilt.navigation.item(0).text() == "Aujourd'hui"
    assert rebuilt.office is not None and rebuilt.office.path == office_path
    assert options.LANGUAGE.get(options.app_settings()) == "fr"
    assert QApplication.translate("QPlatformTheme", "Cancel") == "Annuler"  # Qt's own texts
    assert QLocale().name() == "fr_FR"  # and Qt's own date and number formats


def test_an_unsaved_form_kept_open_keeps_the_window(
    qtbot: QtBot, office_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with OfficeFile.open(office_path) as office, office.session() as session:
        session.add(Partner(id="p-hue", name="Huế", kind="city", country_code="VN"))
        session.commit()
    window = open_in_new_window(qtbot, office_path)
    assert window.office is not None
    dialog = PartnerDialog(window.office, "p-hue", window)
    window.open_dialogs.append(dialog)
    dialog.show()
    dialog.ui.name.setFocus()
    qtbot.keyClick(dialog.ui.name, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(dialog.ui.name, "Huế (Việt Nam)")
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Cancel)

    choose(window, "Español")

    assert desktop._windows == [window]
    assert dialog.isVisible() and dialog.ui.name.text() == "Huế (Việt Nam)"
    assert window.statusBar().currentMessage() == translate(DEFERRED, "es")
    assert options.LANGUAGE.get(options.app_settings()) == "es"  # applies at next start


def test_a_file_without_write_access_stays_read_only_with_its_reason_in_the_new_language(
    qtbot: QtBot, unwritable_office: Path
) -> None:
    window = open_in_new_window(qtbot, unwritable_office)
    assert window.office is not None and window.office.read_only
    choose(window, "Português (Brasil)")

    (rebuilt,) = desktop._windows
    qtbot.waitUntil(lambda: rebuilt.office is not None)
    assert rebuilt.office is not None and rebuilt.office.read_only
    assert rebuilt.read_only_banner.text().startswith(
        "Você não tem permissão para alterar “Relations internationales.sqlite” nem a sua "
        "pasta, por isso ele está aberto somente para leitura:"
    )


def test_qt_s_own_buttons_speak_the_chosen_language(qtbot: QtBot, office_path: Path) -> None:
    window = open_in_new_window(qtbot, office_path)
    choose(window, "Português (Brasil)")
    (rebuilt,) = desktop._windows
    qtbot.waitUntil(lambda: rebuilt.office is not None)

    menus = rebuilt.menuBar().findChildren(QMenu)
    (help_menu,) = [menu for menu in menus if menu.title() == "A&juda"]
    (about,) = [action for action in help_menu.actions() if "Sobre" in action.text()]
    about.trigger()
    dialog = rebuilt.findChild(AboutDialog)
    assert dialog is not None and dialog.isVisible()
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    close = buttons.button(QDialogButtonBox.StandardButton.Close)  # Qt's own, not ours
    assert close.text() == "Fechar"
    qtbot.mouseClick(close, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
