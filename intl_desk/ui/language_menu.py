"""The language setting: a menu of the four languages, each in its own name.

Choosing one stores it, switches the translation of everything built from then on
(our catalogues and Qt's own dialogs) and asks the application to rebuild the window,
so every label is read again in the new language; the open file stays open.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu

from intl_desk.core.i18n import (
    LOCALE_NAMES,
    SUPPORTED_LANGUAGES,
    _,
    current_language,
    set_language,
    system_language,
)
from intl_desk.ui import settings as options

#: Each language named in itself, so a user lost in the wrong language finds their own.
LANGUAGE_NAMES = {"en": "English", "fr": "Français", "es": "Español", "pt": "Português (Brasil)"}
SYSTEM = ""

_installed: list[QTranslator] = []


def install_qt_translations(app: QApplication, language: str) -> None:
    """Qt's own texts (standard buttons, file dialogs) and formats (dates, numbers in Qt's
    widgets) in ``language``; English needs no translator."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    QLocale.setDefault(QLocale(LOCALE_NAMES.get(language, "en_GB")))  # e.g. pt_BR
    if language == "en":
        return
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    translator = QTranslator(app)
    if translator.load(QLocale(language), "qtbase", "_", folder):
        app.installTranslator(translator)
        _installed.append(translator)


def apply_language(choice: str) -> str:
    """Store the choice (``""`` = the system's language) and switch to it."""
    options.LANGUAGE.set(options.app_settings(), choice)
    language = set_language(choice or system_language())
    app = QApplication.instance()
    if isinstance(app, QApplication):
        install_qt_translations(app, language)
    return language


def add_language_menu(window: QMainWindow, on_changed: Callable[[], object]) -> QMenu:
    """Add the Language menu to ``window``; ``on_changed`` rebuilds the window after."""
    menu = QMenu(_("&Language"), window)
    menu.setObjectName("language_menu")
    bar = window.menuBar()
    existing = bar.actions()
    if existing:  # before Help, which stays last
        bar.insertMenu(existing[-1], menu)
    else:
        bar.addMenu(menu)
    group = QActionGroup(menu)
    chosen = options.LANGUAGE.get(options.app_settings())
    entries = [(SYSTEM, _("The system's language"))]
    entries += [(code, LANGUAGE_NAMES[code]) for code in SUPPORTED_LANGUAGES]
    for code, label in entries:
        action = QAction(label, menu, checkable=True)
        action.setData(code)
        action.setChecked(code == chosen)
        group.addAction(action)
        menu.addAction(action)
        if code == SYSTEM:
            menu.addSeparator()

    def chose(action: QAction) -> None:
        code = str(action.data() or "")
        before = current_language()
        if apply_language(code) != before:
            on_changed()

    group.triggered.connect(chose)
    return menu
