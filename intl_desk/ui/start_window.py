"""The window put on screen at once while the application loads.

Loading the application (SQLAlchemy, the record model, every page and form) costs about a
second of CPU, several seconds on a busy machine or a first start from the installer. So
the start shows this small window first, in the main window's saved place and size, saying
"Opening Intl Desk…" with a busy bar, while the heavy modules are imported on a worker
thread; then the main window takes its place. The start window offers nothing to click:
no page, menu or command can be used before the application is whole.

Only Qt and light modules are imported here (tests/test_light_commands.py keeps it so).
"""

from __future__ import annotations

import importlib
import threading
from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QLabel, QMainWindow, QProgressBar, QVBoxLayout, QWidget

from intl_desk.core.i18n import _
from intl_desk.ui import settings as options

#: what the main window needs, imported before it is built
APPLICATION_MODULES = ("intl_desk.ui.main_window", "intl_desk.ui.dialogs")

#: the loading starts at the first paint, or after this long if no paint comes (a window
#: opened behind others on some desktops is painted only when uncovered)
PAINT_WAIT_MS = 300


class _Relay(QObject):
    """Carries the loading thread's end to the GUI thread (a queued signal)."""

    loaded = Signal(object)  # None, or the exception that stopped the loading


class StartWindow(QMainWindow):
    """Says the application is opening until :meth:`load` has imported it."""

    #: the window has been painted on screen for the first time
    painted = Signal()

    def __init__(self, settings: QSettings, icon: QIcon) -> None:
        super().__init__()
        self.setWindowTitle("Intl Desk")
        self.setWindowIcon(icon)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addStretch(1)
        self.message = QLabel(_("Opening Intl Desk…"))
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setStyleSheet("font-size: 15pt; color: #444;")
        layout.addWidget(self.message)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)  # busy: how long the import takes is not known
        self.bar.setTextVisible(False)
        self.bar.setFixedWidth(280)
        layout.addWidget(self.bar, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        self.setCentralWidget(body)
        self.resize(1280, 800)  # the main window's first size
        geometry = options.WINDOW_GEOMETRY.get(settings)
        if geometry and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        self._painted = False
        self._loading: threading.Thread | None = None
        self._relay = _Relay()
        body.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self._painted and event.type() == QEvent.Type.Paint:
            self._painted = True
            self.painted.emit()
        return super().eventFilter(watched, event)

    def load_when_painted(self, ready: Callable[[], object]) -> None:
        """:meth:`load` once the window is on screen, so its paint comes first."""
        self.painted.connect(lambda: self.load(ready))
        QTimer.singleShot(PAINT_WAIT_MS, self, lambda: self.load(ready))

    def load(
        self,
        ready: Callable[[], object],
        modules: Sequence[str] | None = None,
    ) -> threading.Thread:
        """Import ``modules`` (:data:`APPLICATION_MODULES`) on a worker thread, then call
        ``ready`` on the GUI thread.

        A daemon thread, so that closing this window while loading ends the program at
        once. An import that fails is raised again on the GUI thread, where the crash
        report shows it. Called again, it does nothing (the loading already runs)."""
        if self._loading is not None:
            return self._loading

        def finished(error: BaseException | None) -> None:
            if error is not None:
                raise error
            ready()

        self._relay.loaded.connect(finished, Qt.ConnectionType.QueuedConnection)

        def work() -> None:
            try:
                for name in modules or APPLICATION_MODULES:
                    importlib.import_module(name)
            except BaseException as error:  # shown on the GUI thread
                self._relay.loaded.emit(error)
            else:
                self._relay.loaded.emit(None)

        self._loading = threading.Thread(target=work, name="intl-desk-loading", daemon=True)
        self._loading.start()
        return self._loading
