"""Starting the desktop application."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from intl_desk.core.i18n import current_language, set_language, system_language
from intl_desk.ui import settings as options


def install_qt_translations(app: QApplication, language: str) -> None:
    """Qt's own dialogs (buttons, file dialogs) in the user's language."""
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(QLocale(language), "qtbase", "_", folder):
        app.installTranslator(translator)


def run_app(path: Path | None = None, quit_when_shown: bool = False) -> int:
    from intl_desk.ui import crash_report
    from intl_desk.ui.dialogs import register_all
    from intl_desk.ui.main_window import MainWindow
    from intl_desk.ui.welcome_page import app_icon

    register_all()

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Intl Desk")
    app.setOrganizationName("IntlDesk")
    app.setWindowIcon(app_icon())
    crash_report.install()
    settings = options.app_settings()
    set_language(options.LANGUAGE.get(settings) or system_language())
    install_qt_translations(app, current_language())
    window = MainWindow()
    last = options.LAST_FILE.get(settings)
    target = path or (Path(last) if last and Path(last).exists() else None)
    if target is not None:
        window.open_file(target)
    window.show()
    if quit_when_shown:
        app.processEvents()
        window.grab()
        return 0
    return app.exec()
