"""What the window shows when no office file is open: the first-run welcome.

Three ways in — create the office's own file, open one (a colleague's, or from a shared
drive), or explore a demo office — plus the files opened recently. The main window owns
the actions; this page only asks for them through signals.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from intl_desk.core.i18n import _
from intl_desk.paths import resources_dir

PATH_ROLE = Qt.ItemDataRole.UserRole + 1


def app_icon() -> QIcon:
    return QIcon(str(resources_dir() / "icons" / "intl-desk-256.png"))


class WelcomePage(QWidget):
    new_requested = Signal()
    open_requested = Signal()
    demo_requested = Signal()
    recent_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        logo = QLabel()
        logo.setPixmap(QPixmap(str(resources_dir() / "icons" / "intl-desk-256.png")).scaled(
            QSize(72, 72), Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        ))
        title = QLabel(_("Welcome to Intl Desk"))
        title.setStyleSheet("font-size: 22pt; font-weight: 600;")
        subtitle = QLabel(
            _(
                "The register of your international relations: agreements, projects, "
                "networks, missions and the indicators that show what they bring."
            )
        )
        subtitle.setWordWrap(True)
        subtitle.setStyleSheet("color: palette(placeholder-text); font-size: 11pt;")
        heading = QVBoxLayout()
        heading.addWidget(title)
        heading.addWidget(subtitle)
        top = QHBoxLayout()
        top.addWidget(logo, 0, Qt.AlignmentFlag.AlignTop)
        top.addSpacing(12)
        top.addLayout(heading, 1)

        self.new_button = self._choice(
            _("Create your office file…"),
            _("Start your own register: office name, kind of government, country, logo."),
        )
        self.open_button = self._choice(
            _("Open an office file…"),
            _("Your file, a colleague's or one on a shared drive."),
        )
        self.demo_button = self._choice(
            _("Explore the demo"),
            _("A city office with agreements, projects and indicators, to try everything."),
        )
        self.new_button.clicked.connect(self.new_requested)
        self.open_button.clicked.connect(self.open_requested)
        self.demo_button.clicked.connect(self.demo_requested)

        self.recent_title = QLabel(_("Recently opened"))
        self.recent_title.setStyleSheet("font-weight: 600; margin-top: 12px;")
        self.recent = QListWidget()
        self.recent.setObjectName("recent_files")
        self.recent.setMaximumHeight(150)
        self.recent.itemActivated.connect(self._recent_activated)
        self.recent.itemClicked.connect(self._recent_activated)

        column = QVBoxLayout()
        column.addLayout(top)
        column.addSpacing(24)
        for button in (self.new_button, self.open_button, self.demo_button):
            column.addWidget(button)
        column.addWidget(self.recent_title)
        column.addWidget(self.recent)
        column.addStretch(1)
        card = QFrame()
        card.setMaximumWidth(640)
        card.setLayout(column)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(card, 3)
        outer.addStretch(1)
        outer.setContentsMargins(24, 48, 24, 24)
        self.set_recent_files([])

    @staticmethod
    def _choice(text: str, detail: str) -> QPushButton:
        button = QPushButton(f"{text}\n{detail}")
        button.setMinimumHeight(60)
        button.setStyleSheet("QPushButton { text-align: left; padding: 8px 14px; }")
        button.setAccessibleName(text)
        return button

    def set_recent_files(self, paths: list[str]) -> None:
        self.recent.clear()
        for path in paths:
            item = QListWidgetItem(f"{Path(path).name}  —  {Path(path).parent}")
            item.setData(PATH_ROLE, path)
            item.setToolTip(path)
            if not Path(path).exists():
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
                missing = _("not found")
                item.setText(f"{Path(path).name}  —  {missing}")
            self.recent.addItem(item)
        self.recent_title.setVisible(bool(paths))
        self.recent.setVisible(bool(paths))

    def _recent_activated(self, item: QListWidgetItem) -> None:
        if item.flags() & Qt.ItemFlag.ItemIsEnabled:
            self.recent_chosen.emit(str(item.data(PATH_ROLE)))
