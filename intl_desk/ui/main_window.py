"""The window IR staff live in: navigation, lists, the Today page, the File menu."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sqlalchemy.orm import Session

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from intl_desk.core.errors import IntlDeskError
from intl_desk.core.i18n import N_, Message, _
from intl_desk.core.listing import LISTS
from intl_desk.core.queries import office as office_record
from intl_desk.store.errors import CorruptFile
from intl_desk.store.office_file import OfficeFile
from intl_desk.ui import settings as options
from intl_desk.ui.dashboard.install import Overview, overview_of
from intl_desk.ui.export_action import add_export_buttons, export_current_list
from intl_desk.ui.file_lock_prompt import retry_when_locked, show_location_warning
from intl_desk.ui.gui_collector import collect_on_gui_thread
from intl_desk.ui.list_actions import connect_list_actions
from intl_desk.ui.list_page import ListPage
from intl_desk.ui.measurement_page import MeasurementPage
from intl_desk.ui.opening import Opened, ReadAhead, open_work
from intl_desk.ui.operations import BusyIndicator, Operation, Progress, show_failure
from intl_desk.ui.server_connection import ServerConnection
from intl_desk.ui.today_page import TodayPage
from intl_desk.ui.welcome_page import WelcomePage, app_icon
from intl_desk.ui.window_features import add_features

PAGE_ROLE = Qt.ItemDataRole.UserRole + 20
READ_ONLY_STYLE = "background: #fff3cd; color: #5c4400; padding: 1px 8px; border-radius: 3px;"
BANNER_STYLE = "background: #fff3cd; color: #5c4400; padding: 6px 10px; border-radius: 3px;"

#: Opens the form of a record kind: (window, kind, record id or None for a new one).
RecordOpener = Callable[["MainWindow", str, str | None], object]
RECORD_OPENERS: dict[str, RecordOpener] = {}


class MainWindow(QMainWindow):
    #: a file has been opened and its first page is on screen (or being read)
    file_opened = Signal(str)
    #: a file could not be opened; the user has been told why
    open_failed = Signal(str)
    #: the file changed (a record saved, an import or merge done): pages on screen re-read
    reloaded = Signal()

    def __init__(self) -> None:
        super().__init__()
        collect_on_gui_thread()  # never on a worker (see intl_desk.ui.gui_collector)
        self.office: OfficeFile | None = None
        self.busy = BusyIndicator()
        self._opening: Operation[Opened] | None = None
        self.open_dialogs: list[QWidget] = []
        self._stale_pages: set[QWidget] = set()
        self._damaged_paths: set[Path] = set()
        self._settings = options.app_settings()
        self.resize(1280, 800)

        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setFixedWidth(180)
        self.navigation.setIconSize(QSize(18, 18))
        self.navigation.setStyleSheet(
            "QListWidget#navigation { border: none; background: palette(window); }"
            "QListWidget#navigation::item { padding: 7px 10px; border-radius: 4px; }"
            "QListWidget#navigation::item:selected { background: palette(highlight);"
            " color: palette(highlighted-text); }"
        )
        self.pages = QStackedWidget()
        self.list_pages: dict[str, ListPage] = {}
        self.today_page = TodayPage(self.session)
        self.today_page.indicator = self.busy
        self.today_page.open_requested.connect(self.open_record)
        self.today_page.new_requested.connect(lambda kind: self.open_record(kind, None))
        self.add_page("today", _("Today"), self.today_page)
        for kind, spec in LISTS.items():
            page = ListPage(spec, self.session, indicator=self.busy)
            page.open_requested.connect(self.open_record)
            page.new_requested.connect(lambda list_kind: self.open_record(list_kind, None))
            self.list_pages[kind] = page
            self.add_page(kind, _(spec.label), page)
        self.navigation.currentRowChanged.connect(self._show_page)

        self.welcome = WelcomePage()
        self.welcome.new_requested.connect(self._new_file)
        self.welcome.open_requested.connect(self._choose_file)
        self.welcome.demo_requested.connect(self.open_demo)
        self.welcome.recent_chosen.connect(lambda path: self.open_file(Path(path)))
        self.setWindowIcon(app_icon())
        # Navigation of a fixed width beside the pages (a splitter moved the pages' left
        # edge whenever a page with another minimum width was shown).
        workspace = QWidget()
        row = QHBoxLayout(workspace)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(8)
        row.addWidget(self.navigation)
        row.addWidget(self.pages, 1)
        self.body = QStackedWidget()
        self.body.addWidget(self.welcome)
        self.body.addWidget(workspace)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(4, 4, 4, 4)
        # why an office file the user asked to edit is open read-only (no write access)
        self.read_only_banner = QLabel()
        self.read_only_banner.setObjectName("read_only_banner")
        self.read_only_banner.setWordWrap(True)
        self.read_only_banner.setStyleSheet(BANNER_STYLE)
        self.read_only_banner.hide()
        layout.addWidget(self.read_only_banner)
        layout.addWidget(self.body)
        self.setCentralWidget(central)

        self.file_label = QLabel()
        self.mode_label = QLabel()
        self.statusBar().addWidget(self.file_label, 1)
        self.statusBar().addPermanentWidget(self.busy)
        self.statusBar().addPermanentWidget(self.mode_label)
        self.server = ServerConnection(self)  # the office server, for a cloned file
        self._build_menus()
        # the Overview and Measurements pages, the Office and Reports menus, Today's
        # sections: declared in window_features
        self._feature_pages = add_features(self)
        add_export_buttons(self)  # "Export…" beside each list's "New…"
        connect_list_actions(self)  # Duplicate and Delete… in the rows' menu
        self._restore_geometry()
        self._update_title()

    # --- pages ------------------------------------------------------------------------

    def add_page(self, key: str, label: str, widget: QWidget, position: int = -1) -> None:
        """Add a page and its navigation entry (at ``position``; at the end by default).

        The one way a feature puts a page into the window; a page that must follow the
        file's changes connects to :attr:`reloaded`."""
        item = QListWidgetItem(label)
        item.setData(PAGE_ROLE, key)
        if position < 0:
            self.navigation.addItem(item)
            self.pages.addWidget(widget)
        else:
            self.navigation.insertItem(position, item)
            self.pages.insertWidget(position, widget)

    def feature_page(self, key: str) -> QWidget:
        """The page of a feature declared in :mod:`intl_desk.ui.window_features`."""
        return self._feature_pages[key]

    @property
    def overview(self) -> Overview:
        return overview_of(self)

    @property
    def measurement_page(self) -> MeasurementPage:
        page = self.feature_page("measurements")
        assert isinstance(page, MeasurementPage)
        return page

    def _show_page(self, row: int) -> None:
        self.pages.setCurrentIndex(row)
        self._load_if_stale(self.pages.widget(row))

    def _load_if_stale(self, page: QWidget | None) -> None:
        """Pages are read when first shown after a change, not all at once on opening."""
        if page is not None and page in self._stale_pages and self.office is not None:
            self._stale_pages.discard(page)
            load = getattr(page, "load", None)
            if load is not None:
                load()

    def show_list(self, kind: str) -> ListPage:
        page = self.list_pages[kind]
        self.navigation.setCurrentRow(self.pages.indexOf(page))
        return page

    # --- the office file --------------------------------------------------------------

    def session(self) -> Session:
        if self.office is None:
            raise RuntimeError("no office file is open")
        return self.office.session()

    def open_file(
        self,
        path: Path,
        read_only: bool = False,
        page: str | None = None,
        damaged_ok: bool = False,
    ) -> Operation[Opened] | None:
        """Open ``path`` in the background (None if another file is being opened).

        The integrity check and any upgrade run off the GUI thread with progress in the
        status bar; then the window shows ``page`` (a list kind; Today by default), whose
        first rows were read while the file was checked, and emits :attr:`file_opened`.
        Errors are shown in a message and emit :attr:`open_failed`.
        """
        if self._opening is not None and self._opening.running:
            return None
        if not self.close_forms():  # the current file's forms first: their changes
            return None
        target = Path(path)
        shown = self.list_pages.get(page or "")
        read: ReadAhead | None = shown.first_read_work() if shown is not None else None
        # the welcome page's choices would start another file or the demo meanwhile
        self.welcome.setEnabled(False)
        self._opening = Operation(
            self,
            open_work(target, read_only, read, damaged_ok),
            lambda opened: self._file_opened(opened, shown),
            failure=lambda error: self._open_failed(target, error),
            label=Message(N_("Opening {file}…"), {"file": target.name}).render(),
            indicator=self.busy,
            discard=lambda opened: opened.office.close(),  # releases its lock
        ).run()
        return self._opening

    @property
    def opening(self) -> bool:
        return self._opening is not None and self._opening.running

    def _file_opened(self, opened: Opened, shown: ListPage | None) -> None:
        self.welcome.setEnabled(True)
        self.close_file()
        self.office = opened.office
        options.remember_file(self._settings, str(opened.office.path))
        self._rebuild_recent_menu()
        self.body.setCurrentIndex(1)
        target: QWidget = shown if shown is not None else self.today_page
        self.navigation.blockSignals(True)
        self.navigation.setCurrentRow(self.pages.indexOf(target))
        self.navigation.blockSignals(False)
        self.pages.setCurrentWidget(target)
        self._stale_pages = {self.today_page, *self.list_pages.values()}
        if shown is not None and opened.first is not None:
            self._stale_pages.discard(shown)
            shown.show_first_read(opened.first)
        self._load_if_stale(target)
        self._update_title()
        show_location_warning(self, opened.office)  # network share, cloud-sync folder
        self.file_opened.emit(str(opened.office.path))

    def _open_failed(self, path: Path, error: BaseException) -> None:
        self.welcome.setEnabled(True)
        if isinstance(error, CorruptFile) and not self._damaged_attempt(path):
            # damaged: never written to, but what can be read is shown, to save a copy
            QMessageBox.warning(
                self,
                _("The file is damaged"),
                Message(
                    N_(
                        "“{file}” is damaged ({detail}). It opens read-only so that you can "
                        "read what it still holds and export the lists you need (File › "
                        "Export this list…); to go on working, restore your latest backup copy."
                    ),
                    {"file": path.name, "detail": error.detail or _("integrity check failed")},
                ).render(),
            )
            self._damaged_paths.add(path)
            self.open_file(path, read_only=True, damaged_ok=True)
            return
        retried = retry_when_locked(self, path, error)  # locked: offer read-only
        if retried is None:
            show_failure(self, _("Cannot open the file"), error)
        if not retried:
            self.open_failed.emit(str(path))

    def warm_up_in_background(self) -> Operation[None]:
        """Read the place gazetteer off the GUI thread once the window is shown, so the
        first keystroke in a place name never waits for it."""
        from intl_desk.core.reference import warm_up

        return Operation(self, lambda _progress: warm_up(), lambda _result: None).run()

    def _damaged_attempt(self, path: Path) -> bool:
        """Whether ``path`` was already tried read-only as a damaged file (then its
        failure is final: even that could not be read)."""
        return path in self._damaged_paths

    def close_forms(self) -> bool:
        """Close every open record form, each asking about its unsaved changes; False
        (and that form brought forward) when the person chose to stay in one."""
        for dialog in list(self.open_dialogs):
            if dialog.isVisible() and not dialog.close():
                dialog.raise_()
                dialog.activateWindow()
                return False
        self.open_dialogs.clear()
        return True

    def new_record(self) -> None:
        """Ctrl+N: a new record of the list on screen (an agreement elsewhere)."""
        if self.office is None or not self.new_record_action.isEnabled():
            return
        page = self.pages.currentWidget()
        kind = page.spec.kind if isinstance(page, ListPage) else "agreements"
        self.open_record(kind, None)

    def close_file(self) -> bool:
        """Close the office file, once its open forms are closed (False: one stayed)."""
        if not self.close_forms():
            return False
        for page in self.list_pages.values():
            page.cancel()
            page.save_column_settings()
        self.server.file_closing()  # its changes sent first, when the server is there
        if self.office is not None:
            self.office.close()
            self.office = None
        self.statusBar().clearMessage()  # what it said was about the file just closed
        self.body.setCurrentIndex(0)
        self._update_title()
        return True

    def reload(self) -> None:
        """Mark every page out of date and re-read the one on screen."""
        self._stale_pages = {self.today_page, *self.list_pages.values()}
        self._load_if_stale(self.pages.currentWidget())
        self.reloaded.emit()

    def _nothing_added(self) -> str:
        if self.office is not None and not self.office.read_only and not self.server.may_add:
            return _("Your account on the office server may only read: nothing can be added.")
        return _("The file is open read-only: nothing can be added.")

    def open_record(self, kind: str, record_id: str | None) -> None:
        if record_id is None and self.office is not None and not self.new_record_action.isEnabled():
            self.statusBar().showMessage(self._nothing_added(), 5000)
            return
        opener = RECORD_OPENERS.get(kind)
        if opener is not None and self.office is not None:
            opener(self, kind, record_id)
        elif record_id is not None:
            self.show_list(kind)

    def _update_title(self) -> None:
        self.update_actions()
        if self.office is None:
            self.setWindowTitle("Intl Desk")
            self.file_label.setText(_("No file open"))
            self.mode_label.clear()
            self.mode_label.setStyleSheet("")
            self.read_only_banner.hide()
            return
        reason = self.office.read_only_reason
        self.read_only_banner.setText(reason.render() if reason is not None else "")
        self.read_only_banner.setVisible(reason is not None)
        with self.office.session() as session:
            own = office_record(session)
            name = own.name if own else ""
        self.setWindowTitle(f"{name} — {self.office.path.name} — Intl Desk")
        self.file_label.setText(str(self.office.path))
        if self.office.damage is not None:
            self.mode_label.setText(_("Damaged: read-only"))
            self.mode_label.setToolTip(self.office.damage)
        else:
            self.mode_label.setText(_("Read-only") if self.office.read_only else _("Editing"))
            self.mode_label.setToolTip("")
        self.mode_label.setStyleSheet(READ_ONLY_STYLE if self.office.read_only else "")

    def update_actions(self) -> None:
        """What needs a file, or a file open for editing, is offered only then: a file
        opened read-only (someone else holds it), or a clone whose account on the office
        server may only read, visibly takes no new records."""
        has_file = self.office is not None
        writable = has_file and not (self.office is not None and self.office.read_only)
        adds = writable and self.server.may_add
        for action in (
            self.copy_action,
            self.close_action,
            self.export_action,
            self.calendar_action,
        ):
            action.setEnabled(has_file)
        for action in (self.merge_action, self.import_action, self.new_record_action):
            action.setEnabled(adds)
        for page in self.list_pages.values():
            page.new_button.setEnabled(adds)
            page.new_button.setToolTip("" if adds else self._nothing_added())
        self.today_page.setEnabled(has_file)
        self.today_page.first_steps.set_writable(adds)
        for toolbar in self.findChildren(QToolBar):
            toolbar.setVisible(has_file)

    # --- menus ------------------------------------------------------------------------

    def _build_menus(self) -> None:
        file_menu = self.file_menu = self.menuBar().addMenu(_("&File"))
        # Ctrl+N is the everyday key, so it makes a record (of the list on screen); a
        # new office file, made once in a while, takes Ctrl+Shift+N
        self.new_record_action = file_menu.addAction(_("Ne&w record"), self.new_record)
        self.new_record_action.setShortcuts(QKeySequence.StandardKey.New)
        self.new_action = file_menu.addAction(_("&New office file…"), self._new_file)
        self.new_action.setShortcut(QKeySequence("Ctrl+Shift+N"))
        self.open_action = file_menu.addAction(_("&Open…"), self._choose_file)
        self.open_action.setShortcut(QKeySequence.StandardKey.Open)
        self.recent_menu = file_menu.addMenu(_("Open &recent"))
        file_menu.addAction(self.server.connect_action)
        file_menu.addAction(self.server.sync_action)
        self.copy_action = file_menu.addAction(_("Save a co&py…"), self._save_copy)
        self.merge_action = file_menu.addAction(_("&Merge…"), lambda: _start_merge(self))
        file_menu.addSeparator()
        self.import_action = file_menu.addAction(_("&Import…"), lambda: _start_import(self))
        self.export_action = file_menu.addAction(
            _("&Export this list…"), lambda: export_current_list(self)
        )
        self.calendar_action = file_menu.addAction(
            _("Export the calen&dar…"), lambda: _export_calendar(self)
        )
        self.close_action = file_menu.addAction(_("&Close"), self.close_file)
        self.close_action.setShortcuts(QKeySequence.StandardKey.Close)  # Ctrl+W, Ctrl+F4
        file_menu.addSeparator()
        self.quit_action = file_menu.addAction(_("&Quit"), self.close)
        quit_keys = [QKeySequence("Ctrl+Q")]  # Cmd+Q on a Mac; Linux themes may add theirs
        quit_keys += [
            keys
            for keys in QKeySequence.keyBindings(QKeySequence.StandardKey.Quit)
            if keys not in quit_keys
        ]
        self.quit_action.setShortcuts(quit_keys)
        # from any window of the app, a record form included: each form then asks
        # about its unsaved changes before anything closes
        self.quit_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        help_menu = self.menuBar().addMenu(_("&Help"))
        help_menu.addAction(_("&About Intl Desk"), self._about)
        self._rebuild_recent_menu()

    def _rebuild_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = [path for path in options.RECENT_FILES.get(self._settings) if path]
        for path in recent:
            action = QAction(path, self.recent_menu)
            action.triggered.connect(lambda _checked=False, p=path: self.open_file(Path(p)))
            self.recent_menu.addAction(action)
        self.recent_menu.setEnabled(bool(recent))
        self.welcome.set_recent_files(recent)

    def _choose_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, _("Open an office file"), "", _("Office files (*.sqlite *.intldesk);;All (*)")
        )
        if path:
            self.open_file(Path(path))

    def _new_file(self) -> None:
        from intl_desk.ui.new_office_dialog import NewOfficeDialog, create_office_file

        dialog = NewOfficeDialog(self)
        if not dialog.exec():
            return
        request = dialog.request()
        try:
            create_office_file(request).close()
        except IntlDeskError as error:
            QMessageBox.warning(self, _("Cannot create the file"), str(error))
            return
        self.open_file(request.path)

    def open_demo(self) -> None:
        """Open the demo office, built in the user's data folder the first time."""
        from intl_desk.demo.file import write_demo_file
        from intl_desk.paths import user_data_dir

        path = user_data_dir() / "demo.sqlite"
        if path.exists():
            self.open_file(path)
            return

        def build(progress: Progress) -> Path:
            write_demo_file(path, progress=progress.update)
            return path

        self.welcome.setEnabled(False)

        def built(result: Path) -> None:
            self.welcome.setEnabled(True)
            self.open_file(result)

        def failed(error: BaseException) -> None:
            self.welcome.setEnabled(True)
            show_failure(self, _("Cannot create the file"), error)

        Operation(
            self,
            build,
            built,
            failure=failed,
            label=_("Building the demo office file…"),
            indicator=self.busy,
        ).run()

    def _save_copy(self) -> None:
        if self.office is None:
            return
        path, _filter = QFileDialog.getSaveFileName(
            self, _("Save a copy"), "", _("Office files (*.sqlite)")
        )
        if not path:
            return
        from intl_desk.store.backup import backup_copy

        engine, target = self.office.engine, Path(path)  # VACUUM INTO: seconds on a big file
        Operation(
            self,
            lambda _progress: backup_copy(engine, target, another_desk=True, to_send=True),
            lambda _copy: self.statusBar().showMessage(
                Message(N_("Copy saved as {file}."), {"file": path}).render(), 5000
            ),
            label=Message(N_("Saving a copy as {file}…"), {"file": target.name}).render(),
            indicator=self.busy,
            failure_title=_("Cannot save the copy"),
        ).run()

    def _about(self) -> QWidget:
        """Help › About (window-modal, not blocking: the window stays scriptable)."""
        from intl_desk.ui.about_dialog import AboutDialog

        dialog = AboutDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    # --- window state -----------------------------------------------------------------

    def _restore_geometry(self) -> None:
        geometry = options.WINDOW_GEOMETRY.get(self._settings)
        if geometry and not geometry.isEmpty():
            self.restoreGeometry(geometry)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.close_forms():  # unsaved changes in a form: the person stays
            event.ignore()
            return
        options.WINDOW_GEOMETRY.set(self._settings, self.saveGeometry())
        if self._opening is not None:
            self._opening.cancel()  # a file still being opened is closed once it is
        self.close_file()
        super().closeEvent(event)


# The File menu's merge, import and calendar export load their modules (and what they
# pull in: spreadsheet readers, the calendar's queries) when first chosen, not before the
# window can show.


def _start_merge(window: MainWindow) -> None:
    from intl_desk.ui.merge_dialog import start_merge

    start_merge(window)


def _start_import(window: MainWindow) -> None:
    from intl_desk.ui.import_wizard import start_import

    start_import(window)


def _export_calendar(window: MainWindow) -> None:
    from intl_desk.ui.calendar_export import export_calendar

    export_calendar(window)
