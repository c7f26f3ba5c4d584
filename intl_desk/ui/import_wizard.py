"""File › Import…: a spreadsheet into the office file in four steps, nothing written until the last.

1. the spreadsheet, what it holds (agreements, partners…) and, for a workbook, the sheet;
2. the columns: what each one was recognised as, correctable, remembered if asked;
3. the check: every row with what will happen to it (new, duplicate, rejected and why);
   duplicates are skipped or update the record already in the file;
4. the result: imported, updated, skipped and rejected rows.

Reading and checking a big register take seconds, so they run off the GUI thread
(:class:`~intl_desk.ui.operations.Operation`), each with its own session; the check keeps
only ids, so the write runs on a session of its own too.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from intl_desk.core.display import number_text
from intl_desk.core.errors import IntlDeskError
from intl_desk.core.i18n import N_, Message, _
from intl_desk.exchange.fields import IMPORT_KINDS
from intl_desk.exchange.import_write import ImportResult, apply_import
from intl_desk.exchange.importer import (
    OnDuplicate,
    Preview,
    SheetLayout,
    preview_import,
    sheet_layout,
)
from intl_desk.exchange.mapping import WordChoices, save_mapping, save_words, saved_words
from intl_desk.exchange.reader import worksheet_names
from intl_desk.exchange.values import word_key
from intl_desk.ui.import_steps import CHECK, CHOOSE, COLUMNS, DONE, ImportSteps
from intl_desk.ui.operations import BusyIndicator, Operation, Progress, show_failure

SessionFactory = Callable[[], Session]


class ImportWizard(ImportSteps):
    """Emits :attr:`imported` with the :class:`ImportResult` once rows were written."""

    imported = Signal(object)

    def __init__(
        self,
        session_factory: SessionFactory,
        parent: QWidget | None = None,
        *,
        mappings_folder: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Import from a spreadsheet"))
        self.resize(960, 600)
        self._sessions = session_factory
        self._mappings_folder = mappings_folder
        self.layout_found: SheetLayout | None = None
        self.preview: Preview | None = None
        self.outcome: ImportResult | None = None
        self.operation: Operation[Any] | None = None
        self.field_boxes: list[QComboBox] = []
        #: how the register's own words are read: field → word key → term code
        self.word_choices: WordChoices = {}

        self.steps = QStackedWidget()
        self.steps.addWidget(self._choose_step())
        self.steps.addWidget(self._columns_step())
        self.steps.addWidget(self._check_step())
        self.steps.addWidget(self._done_step())
        self.back_button = QPushButton(_("Back"))
        self.back_button.clicked.connect(self.go_back)
        self.next_button = QPushButton(_("Next"))
        self.next_button.setDefault(True)
        self.next_button.clicked.connect(self.go_next)
        self.close_button = QPushButton(_("Cancel"))
        self.close_button.clicked.connect(self.cancel_or_close)
        self.status = QLabel()
        self.status.setWordWrap(True)
        #: what a long read, check or write has done so far (rows of rows), in the wizard
        self.progress_indicator = BusyIndicator(self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.progress_indicator)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.next_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.steps, 1)
        layout.addLayout(buttons)
        self._show(CHOOSE)

    # --- navigation -------------------------------------------------------------------

    def _show(self, step: int) -> None:
        self.steps.setCurrentIndex(step)
        self.back_button.setEnabled(step in (COLUMNS, CHECK))
        self.next_button.setVisible(step != DONE)
        self.close_button.setText(_("Close") if step == DONE else _("Cancel"))
        if step == CHECK and self.preview is not None:
            accepted = self.preview.count("new")
            if self.update_button.isChecked():
                accepted += self.preview.count("duplicate")
            self.next_button.setText(
                Message(N_("Import {count} row(s)"), {"count": number_text(accepted)}).render()
            )
            self.next_button.setEnabled(accepted > 0)
        elif step == CHECK:  # the rows were handed to the write, which lets go of them
            self.next_button.setEnabled(False)
        else:
            self.next_button.setText(_("Check the rows") if step == COLUMNS else _("Next"))
            self.next_button.setEnabled(step != CHOOSE or bool(self.path_edit.text().strip()))

    @property
    def step(self) -> int:
        return self.steps.currentIndex()

    @property
    def kind(self) -> str:
        return str(self.kind_box.currentData())

    @property
    def busy(self) -> bool:
        return self.operation is not None and self.operation.running

    @property
    def writing(self) -> bool:
        """The rows are being written (the preview was handed to the write)."""
        return self.busy and self.step == CHECK and self.preview is None

    def cancel_or_close(self) -> None:
        """Cancel stops the reading, checking or writing under way (nothing is written),
        else closes the wizard. A write stops at its next batch of rows and takes back
        what it wrote: the wizard says it is stopping until it has (:meth:`_stopped`), or
        shows the import if the last row was written before Cancel could stop it."""
        if self.busy and self.operation is not None:
            self.operation.cancel()
            if self.writing:
                self.close_button.setEnabled(False)
                self.status.setText(_("Stopping the write…"))
                return
            self._stopped()
            return
        self.reject()

    def _stopped(self) -> None:
        self.operation = None
        self.progress_indicator.end_all()
        self.close_button.setEnabled(True)
        self.status.setText(_("Stopped: nothing was written."))
        self._show(self._step_after_stop())

    def _step_after_stop(self) -> int:
        """Where a stopped or failed step leaves the wizard: the same step, except after a
        write, which let go of the rows as it went (apply_import's ``release_rows``): the
        columns, from where the rows are checked again before another try."""
        if self.step == CHECK and self.preview is None:
            self.status.setText(
                " ".join(
                    filter(None, [self.status.text(), _("Check the rows again to import them.")])
                )
            )
            return COLUMNS
        return self.step

    def go_back(self) -> None:
        if not self.busy:
            self._show(max(CHOOSE, self.step - 1))

    def go_next(self) -> None:
        if self.busy:
            return
        if self.step == CHOOSE:
            self._read_columns()
        elif self.step == COLUMNS:
            self._check_rows()
        elif self.step == CHECK:
            self._write()

    def _run(
        self,
        work: Callable[[Progress], Any],
        success: Callable[[Any], None],
        label: str,
        *,
        done_anyway: Callable[[Any], None] | None = None,
    ) -> None:
        """``work`` on a worker thread. A work given ``done_anyway`` (the write) is not
        over when Cancel is pressed: the wizard hears from it once it has stopped
        (:meth:`_stopped`), or receives its result in ``done_anyway`` when it was done
        before Cancel could stop it (its last rows). Any other work is over for the
        wizard at Cancel; its end, later on the worker, changes nothing (another may
        have started meanwhile)."""
        self.status.setText(label)
        self.next_button.setEnabled(False)

        def failed(error: BaseException) -> None:
            self.status.clear()
            self._show(self._step_after_stop())
            show_failure(self, _("Cannot import"), error)

        self.operation = Operation(
            self,
            work,
            success,
            failure=failed,
            label=label,
            indicator=self.progress_indicator,
            discard=done_anyway,
            stopped=self._stopped if done_anyway is not None else None,
        ).run()

    # --- step 1 → 2 -------------------------------------------------------------------

    def choose_file(self, path: Path | str) -> None:
        self.path_edit.setText(str(path))

    def _browse(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self,
            _("Choose a spreadsheet"),
            "",
            _("Spreadsheets (*.xlsx *.xlsm *.xls *.ods *.csv *.txt);;All (*)"),
        )
        if chosen:
            self.choose_file(chosen)

    def _path_changed(self, text: str) -> None:
        self.sheet_box.clear()
        self.sheet_box.addItem(_("The one that looks like a register"), None)
        path = Path(text.strip())
        if path.suffix.lower() in (".xlsx", ".xlsm") and path.is_file():
            try:
                for name in worksheet_names(path):
                    self.sheet_box.addItem(name, name)
            except (IntlDeskError, OSError):  # unreadable: said when reading, in the next step
                pass
        self._show(self.step)

    def _read_columns(self) -> None:
        path, kind, sheet = (
            Path(self.path_edit.text().strip()),
            self.kind,
            self.sheet_box.currentData(),
        )
        self._run(
            lambda progress: sheet_layout(
                path,
                kind,
                worksheet=sheet,
                mappings_folder=self._mappings_folder,
                check=progress.check,
            ),
            self._columns_read,
            Message(N_("Reading {file}…"), {"file": path.name}).render(),
        )

    def _columns_read(self, found: SheetLayout) -> None:
        self.status.clear()
        self.layout_found = found
        self.word_choices = saved_words(self.kind, self._mappings_folder)
        self.show_layout(found, IMPORT_KINDS[self.kind])
        self._show(COLUMNS)

    # --- step 2 → 3 -------------------------------------------------------------------

    def mapping(self) -> dict[int, str]:
        chosen: dict[int, str] = {}
        for index, box in enumerate(self.field_boxes):
            key = box.currentData()
            if key and key not in chosen.values():
                chosen[index] = str(key)
        return chosen

    def _check_rows(self) -> None:
        assert self.layout_found is not None
        mapping, found = self.mapping(), self.layout_found
        if self.remember_box.isChecked():
            try:
                save_mapping(self.kind, found.headers, mapping, self._mappings_folder)
            except OSError:  # a read-only profile: the import itself does not need it
                self.status.setText(_("The columns could not be remembered for next time."))
        path, kind, words = Path(self.path_edit.text().strip()), self.kind, self.word_choices

        def work(progress: Progress) -> Preview:
            with self._sessions() as session:
                return preview_import(
                    session,
                    path,
                    kind,
                    worksheet=found.sheet,
                    mapping=mapping,
                    words=words,
                    progress=_telling(progress, N_("Rows checked: {done} of {total}…")),
                    check=progress.check,
                )

        self._run(work, self._rows_checked, _("Checking every row…"))

    def _rows_checked(self, preview: Preview) -> None:
        self.status.clear()
        self.preview = preview
        self.show_preview(preview)
        self._show(CHECK)

    def _word_chosen(self) -> None:
        """A word read as another term: remembered, and the rows checked again."""
        if self.busy:
            return
        changed: dict[str, dict[str, str | None]] = {}
        for key, word, box in self.word_boxes:
            code = box.currentData()
            changed.setdefault(key, {})[word_key(word)] = None if code is None else str(code)
        self.word_choices = {
            key: {w: c for w, c in words.items() if c is not None} for key, words in changed.items()
        }
        try:  # the office's vocabulary, whatever the register's layout: always kept
            save_words(self.kind, changed, self._mappings_folder)
        except OSError:  # a read-only profile: this import still reads them so
            self.status.setText(_("The words could not be remembered for next time."))
        self._check_rows()

    # --- step 3 → 4 -------------------------------------------------------------------

    def _write(self) -> None:
        preview = self.preview
        assert preview is not None
        self.preview = None  # the write lets go of each row once written: it is spent
        self.let_go_of_checked_rows()
        mode: OnDuplicate = "update" if self.update_button.isChecked() else "skip"

        def work(progress: Progress) -> ImportResult:
            with self._sessions() as session:
                return apply_import(
                    session,
                    preview,
                    mode,
                    progress=_telling(progress, N_("Rows written: {done} of {total}…")),
                    release_rows=True,  # each row let go once written (see apply_import)
                )

        self._run(work, self._written, _("Writing…"), done_anyway=self._written_anyway)

    def _written(self, result: ImportResult) -> None:
        self.status.clear()
        self.outcome = result
        self.show_result(result)
        self._show(DONE)
        self.imported.emit(result)

    def _written_anyway(self, result: ImportResult) -> None:
        """Cancel came once the last rows were written: the import is in the file."""
        if not shiboken6.isValid(self):  # the wizard was closed meanwhile
            return
        self.operation = None
        self.close_button.setEnabled(True)
        self._written(result)
        self.status.setText(_("Cancel came after the last row: the import was written."))


def _telling(progress: Progress, msgid: str) -> Callable[[int, int], None]:
    """A callback for the import's ``progress``: says how far it has got in the wizard
    and stops the work there when Cancel was pressed."""

    def tell(done: int, total: int) -> None:
        progress.check()
        text = Message(msgid, {"done": number_text(done), "total": number_text(total)})
        progress.update(text.render(), done, total)

    return tell


def start_import(window: Any) -> ImportWizard | None:
    """File › Import…, on the window's open file (refused, with a reason, when read-only)."""
    office = getattr(window, "office", None)
    if office is None:
        window.statusBar().showMessage(_("Open an office file first."), 5000)
        return None
    if office.read_only:
        window.statusBar().showMessage(
            _("This file is open read-only: open it for editing to import into it."), 8000
        )
        return None
    wizard = ImportWizard(window.session, window)
    wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    wizard.imported.connect(lambda _result: window.reload())
    wizard.open()
    return wizard
