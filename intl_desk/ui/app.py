"""Starting the desktop application."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from intl_desk.core.i18n import _, current_language, set_language, system_language
from intl_desk.ui import settings as options
from intl_desk.ui.language_menu import add_language_menu, install_qt_translations

if TYPE_CHECKING:
    from intl_desk.ui.main_window import MainWindow
    from intl_desk.ui.start_window import StartWindow

#: The window alive now (a language change replaces it).
_windows: list[MainWindow] = []


def open_main_window(path: Path | None = None, read_only: bool = False) -> MainWindow:
    """A main window with the Language menu; a language change rebuilds it in place."""
    from intl_desk.ui.main_window import MainWindow

    window = MainWindow()
    add_language_menu(window, lambda: rebuild_window(window))
    if path is not None:
        window.open_file(path, read_only=read_only)
    _windows[:] = [window]
    return window


def rebuild_window(old: MainWindow) -> MainWindow | None:
    """Build the window again so every label is read in the new language.

    Open forms are closed first through their own Close (which asks about unsaved
    changes); if the user keeps one open, the window stays as it is and the new
    language applies from the next start.
    """
    if not old.close_forms():
        old.statusBar().showMessage(
            _("The new language applies once the open forms are closed, or at next start.")
        )
        return None
    path = old.office.path if old.office else None
    # a file opened read-only for want of write access is opened the same way again,
    # its reason said in the new language
    read_only = bool(
        old.office and old.office.read_only and old.office.read_only_reason is None
    )
    geometry = old.saveGeometry()
    old.close()
    window = open_main_window(path, read_only)
    window.restoreGeometry(geometry)
    window.show()
    old.deleteLater()
    return window


def run_app(
    path: Path | None = None,
    quit_when_shown: bool = False,
    language: str | None = None,
    quit_when_painted: bool = False,
) -> int:
    """Open the main window (on ``path``, else the last file) and run until it closes."""
    start_app(path, quit_when_shown, language, quit_when_painted)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    return app.exec()


def start_app(
    path: Path | None = None,
    quit_when_shown: bool = False,
    language: str | None = None,
    quit_when_painted: bool = False,
) -> StartWindow:
    """Show the start window at once and load the main window behind it.

    The application is imported on a worker thread while the start window is on screen
    (:mod:`intl_desk.ui.start_window`); the main window then takes its place and opens
    the file in the background.

    ``language`` (``intl-desk --language fr``) wins over the one chosen in the Language
    menu for this run only; the saved choice stays for the next start. For measuring the
    start, ``quit_when_painted`` quits once the first window is painted and
    ``quit_when_shown`` once the file is open in the main window."""
    from intl_desk.ui import crash_report
    from intl_desk.ui.gui_collector import collect_on_gui_thread
    from intl_desk.ui.start_window import StartWindow
    from intl_desk.ui.welcome_page import app_icon

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    collect_on_gui_thread()  # before the application is imported on a worker
    app.setApplicationName("Intl Desk")
    app.setOrganizationName("IntlDesk")
    app.setWindowIcon(app_icon())
    crash_report.install()
    settings = options.app_settings()
    set_language(language or options.LANGUAGE.get(settings) or system_language())
    install_qt_translations(app, current_language())
    last = options.LAST_FILE.get(settings)
    target = path or (Path(last) if last and Path(last).exists() else None)
    start = StartWindow(settings, app.windowIcon())
    if quit_when_painted:
        start.painted.connect(lambda: QTimer.singleShot(0, app.quit))

    def loaded() -> None:
        from intl_desk.ui.dialogs import register_all

        register_all()
        window = open_main_window()
        window.restoreGeometry(start.saveGeometry())
        window.show()
        start.close()
        start.deleteLater()
        window.warm_up_in_background()  # place names, read while the file opens
        if quit_when_shown:  # start-up measurement: quit once the file is on screen
            window.file_opened.connect(lambda _path: QTimer.singleShot(0, app.quit))
            window.open_failed.connect(lambda _path: app.exit(2))
            if target is None:
                QTimer.singleShot(0, app.quit)
        if target is not None:
            window.open_file(target)

    start.show()
    start.load_when_painted(loaded)
    return start
