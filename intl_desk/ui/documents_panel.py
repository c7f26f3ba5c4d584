"""The documents attached to one record, kept inside the office file.

One file carries everything (see PRODUCT.md), so attaching copies the bytes into
``Document.content`` with their size, SHA-256 and media type; opening writes them to a
temporary file for the system viewer; "Save out" writes them wherever the user wants.
The panel works in its dialog's session: attachments, renames and removals (tombstones)
are saved or discarded together with the rest of the form.

The file dialogs, the system viewer and the warnings go through small methods
(:meth:`DocumentsPanel.choose_files`, :meth:`~DocumentsPanel.choose_save_path`,
:meth:`~DocumentsPanel.show_file`, :meth:`~DocumentsPanel.warn`) so tests and other
front ends can replace them without a modal dialog.
"""

from __future__ import annotations

import hashlib
import mimetypes
import tempfile
from pathlib import Path
from typing import Any

from sqlalchemy import inspect, select
from sqlalchemy.orm import Session

from PySide6.QtCore import QDir, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from intl_desk.core.display import number_text
from intl_desk.core.errors import FieldError
from intl_desk.core.i18n import N_, Message, _
from intl_desk.core.model import Document, Record, new_uuid
from intl_desk.core.validation import errors_of
from intl_desk.core.vocabularies import DOCUMENT_CATEGORIES
from intl_desk.ui.fields import fill_vocabulary

TITLE, CATEGORY, FILENAME, SIZE = range(4)
#: above this, attaching asks first: every copy of the office file grows by as much
LARGE_FILE = 50 * 1024 * 1024


def size_text(size: int) -> str:
    """A byte count as people read it, in the current language's number format."""
    if size < 1024:
        return Message(N_("{size} bytes"), {"size": number_text(size)}).render()
    if size < 1024 * 1024:
        return Message(N_("{size} KB"), {"size": number_text(round(size / 1024, 1))}).render()
    return Message(N_("{size} MB"), {"size": number_text(round(size / 1024 / 1024, 1))}).render()


def safe_filename(name: str) -> str:
    """The bare file name: a file received from elsewhere may carry ``../`` or a folder."""
    bare = Path(name.replace("\\", "/")).name.strip()
    return bare if bare not in ("", ".", "..") else "document"


def document_from_file(path: Path) -> Document:
    """A new document holding ``path``'s bytes (the caller sets its owner)."""
    content = path.read_bytes()
    media_type, _encoding = mimetypes.guess_type(path.name)
    return Document(
        title=path.stem or path.name,
        filename=path.name,
        media_type=media_type or "application/octet-stream",
        category="other",
        size=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
        content=content,
    )


_PRIVATE_FOLDER: Path | None = None


def private_documents_folder() -> Path:
    """A folder only this user can read, made once per run, for documents opened with
    their program (another user of the computer cannot read or replace them there)."""
    global _PRIVATE_FOLDER
    if _PRIVATE_FOLDER is None or not _PRIVATE_FOLDER.is_dir():
        _PRIVATE_FOLDER = Path(tempfile.mkdtemp(prefix="intl-desk-documents-"))
    return _PRIVATE_FOLDER


class DocumentsPanel(QWidget):
    """The list of ``owner``'s documents with Attach…, Open, Save out… and Remove."""

    changed = Signal()

    def __init__(self, session: Session, owner: Record, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.owner = owner
        self.documents: list[Document] = []
        self.read_only = False
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([_("Title"), _("Category"), _("File"), _("Size")])
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        for column, width in ((CATEGORY, 170), (FILENAME, 220), (SIZE, 90)):
            self.table.setColumnWidth(column, width)
        self.table.itemChanged.connect(self._title_edited)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.cellDoubleClicked.connect(lambda _row, column: self._double_clicked(column))
        self.empty_label = QLabel(
            _(
                "No documents yet. Attach the signed text, the council decision or reports: "
                "they are kept inside the office file and travel with it."
            )
        )
        self.empty_label.setWordWrap(True)
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color: #b3261e;")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        #: whether problems show under the table now (a form hides them until touched)
        self.reveal_errors = True
        self.attach_button = QPushButton(_("Attach…"))
        self.open_button = QPushButton(_("Open"))
        self.save_out_button = QPushButton(_("Save out…"))
        self.remove_button = QPushButton(_("Remove"))
        self.attach_button.clicked.connect(self.attach)
        self.open_button.clicked.connect(self.open_current)
        self.save_out_button.clicked.connect(self.save_out)
        self.remove_button.clicked.connect(self.remove_current)
        buttons = QHBoxLayout()
        for button in (self.attach_button, self.open_button, self.save_out_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error_label)
        layout.addLayout(buttons)
        self._update_buttons()

    # --- replaceable interactions -----------------------------------------------------

    def choose_files(self) -> list[Path]:
        names, _filter = QFileDialog.getOpenFileNames(self, _("Attach documents"), QDir.homePath())
        return [Path(name) for name in names]

    def choose_save_path(self, document: Document) -> Path | None:
        suggested = str(Path(QDir.homePath()) / safe_filename(document.filename))
        name, _filter = QFileDialog.getSaveFileName(self, _("Save the document as"), suggested)
        return Path(name) if name else None

    def show_file(self, path: Path) -> bool:
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def warn(self, text: str) -> None:
        QMessageBox.warning(self, _("Documents"), text)

    def confirm(self, text: str) -> bool:
        answer = QMessageBox.question(self, _("Documents"), text)
        return answer == QMessageBox.StandardButton.Yes

    # --- loading and state ------------------------------------------------------------

    def load(self) -> None:
        """Read the owner's live documents (their bytes stay on disk until needed)."""
        documents: list[Document] = []
        if self.owner.id is not None:
            documents = list(
                self.session.scalars(
                    select(Document)
                    .where(
                        Document.record_kind == self.owner.__tablename__,
                        Document.record_id == self.owner.id,
                        Document.deleted_at.is_(None),
                    )
                    .order_by(Document.title)
                )
            )
        self.table.setRowCount(0)
        self.documents = []
        for document in documents:
            self._append(document)
        self._update_buttons()

    def set_read_only(self, read_only: bool) -> None:
        """Read-only files can still open and save out their documents."""
        self.read_only = read_only
        self.table.setEditTriggers(
            QTableWidget.EditTrigger.NoEditTriggers
            if read_only
            else QTableWidget.EditTrigger.DoubleClicked | QTableWidget.EditTrigger.EditKeyPressed
        )
        for row in range(self.table.rowCount()):
            widget = self.table.cellWidget(row, CATEGORY)
            if widget is not None:
                widget.setEnabled(not read_only)
        self._update_buttons()

    def state(self) -> tuple[Any, ...]:
        return tuple((id(doc), doc.title, doc.category) for doc in self.documents)

    def child_ids(self) -> list[str]:
        return [document.id for document in self.documents if document.id]

    def errors(self) -> list[FieldError]:
        problems = [
            Message(
                N_("Document {row}: {message}"), {"row": row + 1, "message": str(error)}
            ).render()
            for row, document in enumerate(self.documents)
            for error in errors_of(document)
        ]
        self.error_label.setText(" ".join(problems))
        self.error_label.setVisible(bool(problems) and self.reveal_errors)
        return [FieldError("document", None, "documents", Message(text)) for text in problems]

    # --- actions ----------------------------------------------------------------------

    def attach(self) -> None:
        self.attach_files(self.choose_files())

    def attach_files(self, paths: list[Path]) -> list[Document]:
        """Copy each file into a new document of the owner; unreadable files are reported."""
        attached: list[Document] = []
        for path in paths:
            try:
                size = path.stat().st_size
                if size > LARGE_FILE and not self.confirm(
                    Message(
                        N_(
                            "“{name}” is {size}. Every copy of the office file will grow "
                            "by as much. Attach it anyway?"
                        ),
                        {"name": path.name, "size": size_text(size)},
                    ).render()
                ):
                    continue
                document = document_from_file(path)
            except OSError as error:
                self.warn(
                    Message(
                        N_("“{name}” could not be read: {reason}"),
                        {"name": path.name, "reason": error.strerror or str(error)},
                    ).render()
                )
                continue
            if self.owner.id is None:  # a new record: give it its id now to link to it
                self.owner.id = new_uuid()
            document.record_kind = self.owner.__tablename__
            document.record_id = self.owner.id
            self.session.add(document)
            self._append(document)
            attached.append(document)
        if attached:
            self.table.selectRow(self.table.rowCount() - 1)
            self.changed.emit()
        self._update_buttons()
        return attached

    def current(self) -> Document | None:
        row = self.table.currentRow()
        return self.documents[row] if 0 <= row < len(self.documents) else None

    def content_of(self, document: Document) -> bytes:
        """The bytes, with a warning if they no longer match their recorded fingerprint."""
        content = document.content or b""
        if hashlib.sha256(content).hexdigest() != document.sha256:
            self.warn(
                Message(
                    N_("“{name}” does not match its recorded fingerprint: it may be damaged."),
                    {"name": document.filename},
                ).render()
            )
        return content

    def open_current(self) -> None:
        document = self.current()
        if document is None:
            return
        try:
            content = self.content_of(document)
            # the folder's name comes from the content just read, never from text stored
            # in the file (a crafted fingerprint such as "../../x" must not choose a path)
            folder = private_documents_folder() / hashlib.sha256(content).hexdigest()[:16]
            folder.mkdir(mode=0o700, exist_ok=True)
            path = folder / safe_filename(document.filename)
            path.write_bytes(content)
        except OSError as error:
            self.warn(str(error))
            return
        if not self.show_file(path):
            self.warn(Message(N_("No program could open “{name}”."), {"name": path.name}).render())

    def save_out(self) -> None:
        document = self.current()
        if document is None:
            return
        path = self.choose_save_path(document)
        if path is None:
            return
        from intl_desk.core.errors import IntlDeskError
        from intl_desk.files.output_guard import session_file, write_guarded

        content = self.content_of(document)
        try:
            write_guarded(path, lambda stream: stream.write(content), session_file(self.session))
        except IntlDeskError as error:
            self.warn(str(error))
        except OSError as error:
            self.warn(
                Message(
                    N_("“{name}” could not be written: {reason}"),
                    {"name": str(path), "reason": error.strerror or str(error)},
                ).render()
            )

    def remove_current(self) -> None:
        """Remove from the record: saved documents become tombstones, new ones vanish."""
        row = self.table.currentRow()
        if self.read_only or not 0 <= row < len(self.documents):
            return
        document = self.documents.pop(row)
        self.table.removeRow(row)
        if inspect(document).persistent:
            self.session.delete(document)
        elif document in self.session:
            self.session.expunge(document)
        self.changed.emit()
        self._update_buttons()

    # --- rows -------------------------------------------------------------------------

    def _append(self, document: Document) -> None:
        row = self.table.rowCount()
        self.documents.append(document)
        self.table.blockSignals(True)
        self.table.insertRow(row)
        title = QTableWidgetItem(document.title)
        title.setToolTip(document.description or document.title)
        self.table.setItem(row, TITLE, title)
        for column, text in ((FILENAME, document.filename), (SIZE, size_text(document.size))):
            item = QTableWidgetItem(text)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            if column == SIZE:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            else:
                item.setToolTip(document.media_type)
            self.table.setItem(row, column, item)
        self.table.blockSignals(False)
        box = QComboBox()
        fill_vocabulary(box, DOCUMENT_CATEGORIES)
        box.setCurrentIndex(max(box.findData(document.category), 0))
        box.setEnabled(not self.read_only)
        box.currentIndexChanged.connect(lambda _index, d=document, b=box: self._recategorise(d, b))
        self.table.setCellWidget(row, CATEGORY, box)

    def _recategorise(self, document: Document, box: QComboBox) -> None:
        if document.category != box.currentData():
            document.category = box.currentData()
            self.changed.emit()

    def _title_edited(self, item: QTableWidgetItem) -> None:
        if item.column() != TITLE or not 0 <= item.row() < len(self.documents):
            return
        document = self.documents[item.row()]
        title = item.text().strip()
        if document.title != title:
            document.title = title
            self.changed.emit()

    def _double_clicked(self, column: int) -> None:
        if column != TITLE or self.read_only:
            self.open_current()

    def _update_buttons(self) -> None:
        chosen = self.current() is not None
        self.empty_label.setVisible(not self.documents)
        self.attach_button.setEnabled(not self.read_only)
        self.remove_button.setEnabled(chosen and not self.read_only)
        self.open_button.setEnabled(chosen)
        self.save_out_button.setEnabled(chosen)
