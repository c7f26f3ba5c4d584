"""Creating an office's own file: who the office is, where the file goes, its logo.

The file name follows the office name until the user picks a place themselves. The
logo is kept inside the file (it travels with it and heads every printed report).
"""

from __future__ import annotations

import mimetypes
import re
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from intl_desk.core import vocabularies as vocab
from intl_desk.core.folding import without_accents
from intl_desk.core.i18n import (
    SUPPORTED_LANGUAGES,
    _,
    current_language,
    language_of_country,
)
from intl_desk.core.model import Office
from intl_desk.store.office_file import OfficeFile
from intl_desk.ui.fields import fill_vocabulary
from intl_desk.ui.pickers import make_country_picker

ERROR_STYLE = "color: #b3261e;"
MAX_LOGO_BYTES = 2_000_000
LANGUAGE_NAMES = {"en": "English", "fr": "Français", "es": "Español", "pt": "Português"}


@dataclass(frozen=True)
class NewOffice:
    path: Path
    name: str
    kind: str
    country_code: str | None
    language: str
    logo: bytes | None = None
    logo_media_type: str | None = None


def suggested_file_name(office_name: str) -> str:
    """``Ville de Łódź`` → ``Ville de Lodz.sqlite``: readable, safe on every system."""
    plain = re.sub(r'[<>:"/\\|?*\x00-\x1f]', " ", without_accents(office_name))
    plain = re.sub(r"\s+", " ", plain).strip(" .") or _("Office")
    return f"{plain[:80]}.sqlite"


def create_office_file(request: NewOffice) -> OfficeFile:
    """Create the file and store the logo; the file is left open for the window."""
    office = OfficeFile.create(
        request.path,
        request.name,
        kind=request.kind,
        country_code=request.country_code,
        language=request.language,
        own_entity=request.name,
    )
    if request.logo:
        with office.session() as session:
            record = session.query(Office).filter(Office.deleted_at.is_(None)).one()
            record.logo = request.logo
            record.logo_media_type = request.logo_media_type
            session.commit()
    return office


class NewOfficeDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, folder: Path | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("New office file"))
        documents = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        default = Path(documents) if documents and Path(documents).is_dir() else Path.home()
        self.folder = folder or default  # a fresh system may have no Documents folder
        self._path_chosen = False
        self.logo: bytes | None = None
        self.logo_media_type: str | None = None

        self.name = QLineEdit()
        self.name.setObjectName("office_name")
        self.name.setPlaceholderText(_("e.g. City of Córdoba — International Relations"))
        self.kind = QComboBox()
        fill_vocabulary(self.kind, vocab.OFFICE_KINDS)
        self.country = QComboBox()
        make_country_picker(self.country, optional=True)
        self.language = QComboBox()
        for code in SUPPORTED_LANGUAGES:
            self.language.addItem(LANGUAGE_NAMES[code], code)
        self.language.setCurrentIndex(max(self.language.findData(current_language()), 0))
        # the country proposes its language (France: French) until the person picks one
        self._language_picked = False
        self.language.activated.connect(self._language_chosen)
        self.country.currentIndexChanged.connect(self._propose_language)
        self.logo_preview = QLabel(_("No logo"))
        self.logo_preview.setMinimumHeight(48)
        choose_logo = QPushButton(_("Choose a logo…"))
        choose_logo.clicked.connect(self._choose_logo)
        self.clear_logo = QPushButton(_("Remove"))
        self.clear_logo.clicked.connect(lambda: self.set_logo(None, None))
        self.clear_logo.setEnabled(False)
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo_preview, 1)
        logo_row.addWidget(choose_logo)
        logo_row.addWidget(self.clear_logo)
        self.path = QLineEdit()
        self.path.setObjectName("office_path")
        self.path.textEdited.connect(self._path_edited)
        browse = QPushButton(_("Choose…"))
        browse.clicked.connect(self._choose_path)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path, 1)
        path_row.addWidget(browse)

        self.name_error = self._error_label()
        self.path_error = self._error_label()
        self.logo_error = self._error_label()
        form = QFormLayout()
        form.addRow(_("Office name"), self.name)
        form.addRow("", self.name_error)
        form.addRow(_("Kind of government"), self.kind)
        form.addRow(_("Country"), self.country)
        form.addRow(_("Language of reports"), self.language)
        form.addRow(_("Logo"), logo_row)
        form.addRow("", self.logo_error)
        form.addRow(_("File"), path_row)
        form.addRow("", self.path_error)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.create_button = self.buttons.addButton(
            _("Create"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.name.textChanged.connect(self._name_changed)
        self.path.textChanged.connect(self.revalidate)
        self.resize(620, 360)
        self._name_changed("")

    @staticmethod
    def _error_label() -> QLabel:
        label = QLabel()
        label.setStyleSheet(ERROR_STYLE)
        label.setWordWrap(True)
        label.hide()
        return label

    def _name_changed(self, text: str) -> None:
        if not self._path_chosen:
            self.path.setText(str(self.folder / suggested_file_name(text)) if text.strip() else "")
        self.revalidate()

    def _path_edited(self, _text: str) -> None:
        self._path_chosen = True

    def _choose_path(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self, _("New office file"), self.path.text(), _("Office files (*.sqlite)")
        )
        if path:
            self._path_chosen = True
            self.path.setText(path)

    def _language_chosen(self) -> None:
        self._language_picked = True

    def _propose_language(self) -> None:
        proposed = language_of_country(self.country.currentData())
        if proposed is not None and not self._language_picked:
            self.language.setCurrentIndex(self.language.findData(proposed))

    def _choose_logo(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, _("Choose a logo"), "", _("Images (*.png *.jpg *.jpeg)")
        )
        if path:
            self.load_logo(Path(path))

    def load_logo(self, path: Path) -> None:
        """Read an image file; a file too big or not an image is said under the field."""
        try:
            data = path.read_bytes()
        except OSError as error:
            self._show(self.logo_error, _("This file cannot be read: ") + str(error.strerror))
            return
        pixmap = QPixmap()
        if len(data) > MAX_LOGO_BYTES:
            self._show(self.logo_error, _("This image is over 2 MB: choose a smaller one."))
        elif not pixmap.loadFromData(data):
            self._show(self.logo_error, _("This file is not a PNG or JPEG image."))
        else:
            media_type = mimetypes.guess_type(path.name)[0] or "image/png"
            self.set_logo(data, media_type)

    def set_logo(self, data: bytes | None, media_type: str | None) -> None:
        self.logo, self.logo_media_type = data, media_type
        self.logo_error.hide()
        self.clear_logo.setEnabled(data is not None)
        if data is None:
            self.logo_preview.setPixmap(QPixmap())
            self.logo_preview.setText(_("No logo"))
            return
        pixmap = QPixmap()
        pixmap.loadFromData(data)
        self.logo_preview.setPixmap(
            pixmap.scaledToHeight(48, Qt.TransformationMode.SmoothTransformation)
        )

    @staticmethod
    def _show(label: QLabel, text: str) -> None:
        label.setText(text)
        label.setVisible(bool(text))

    def errors(self) -> tuple[str, str]:
        name_error = "" if self.name.text().strip() else _("Give the office a name.")
        path_text = self.path.text().strip()
        path_error = ""
        if not path_text:
            path_error = _("Choose where to keep the file.")
        elif Path(path_text).exists():
            path_error = _("A file with this name exists already: choose another name.")
        elif not Path(path_text).parent.is_dir():
            path_error = _("This folder does not exist.")
        return name_error, path_error

    def revalidate(self) -> None:
        name_error, path_error = self.errors()
        typed = bool(self.name.text())
        self._show(self.name_error, name_error if typed else "")
        self._show(self.path_error, path_error if typed or self._path_chosen else "")
        self.create_button.setEnabled(not name_error and not path_error)

    def request(self) -> NewOffice:
        return NewOffice(
            path=Path(self.path.text().strip()),
            name=self.name.text().strip(),
            kind=str(self.kind.currentData()),
            country_code=self.country.currentData(),
            language=str(self.language.currentData()),
            logo=self.logo,
            logo_media_type=self.logo_media_type,
        )
