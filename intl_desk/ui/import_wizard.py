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

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from intl_desk.core.i18n import N_, Message, _
from intl_desk.exchange.fields import IMPORT_KINDS
from intl_desk.exchange.importer import (
    ImportResult,
    OnDuplicate,
    Preview,
    SheetLayout,
    apply_import,
    preview_import,
    sheet_layout,
)
from intl_desk.exchange.mapping import save_mapping
from intl_desk.exchange.reader import worksheet_names
from intl_desk.exchange.values import as_text
from intl_desk.ui.operations import BusyIndicator, Operation, show_failure

SessionFactory = Callable[[], Session]
STATUS_LABELS = {"new": N_("New"), "duplicate": N_("Duplicate row"), "rejected": N_("Rejected")}
STATUS_COLOURS = {"new": "#e6f4ea", "duplicate": "#fff4e0", "rejected": "#fde7e7"}
#: rows shown in the check step; the counts above it always cover every row
SHOWN_ROWS = 2000
CHOOSE, COLUMNS, CHECK, DONE = range(4)


def _cell(text: str) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    return item


class ImportWizard(QDialog):
    """Emits :attr:`imported` with the :class:`ImportResult` once rows were written."""

    imported = Signal(object)

    def __init__(
        self,
        session_factory: SessionFactory,
        parent: QWidget | None = None,
        *,
        indicator: BusyIndicator | None = None,
        mappings_folder: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Import from a spreadsheet"))
        self.resize(960, 600)
        self._sessions = session_factory
        self._indicator = indicator
        self._mappings_folder = mappings_folder
        self.layout_found: SheetLayout | None = None
        self.preview: Preview | None = None
        self.outcome: ImportResult | None = None
        self.operation: Operation[Any] | None = None
        self.field_boxes: list[QComboBox] = []

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
        self.close_button.clicked.connect(self.reject)
        self.status = QLabel()
        self.status.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.next_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.steps, 1)
        layout.addLayout(buttons)
        self._show(CHOOSE)

    # --- the four steps ---------------------------------------------------------------

    def _choose_step(self) -> QWidget:
        page = QWidget()
        self.path_edit = QLineEdit()
        self.path_edit.setPlaceholderText(_("An .xlsx or .csv file"))
        self.path_edit.textChanged.connect(self._path_changed)
        browse = QPushButton(_("Choose…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        self.kind_box = QComboBox()
        for kind, spec in IMPORT_KINDS.items():
            self.kind_box.addItem(_(spec.label), kind)
        self.sheet_box = QComboBox()
        form = QFormLayout(page)
        intro = QLabel(
            _(
                "Choose the spreadsheet to import. Titles, notes and blank rows above the column "
                "titles are skipped; nothing is written before the last step."
            )
        )
        intro.setWordWrap(True)
        form.addRow(intro)
        form.addRow(_("Spreadsheet"), row)
        form.addRow(_("It holds"), self.kind_box)
        form.addRow(_("Worksheet"), self.sheet_box)
        return page

    def _columns_step(self) -> QWidget:
        page = QWidget()
        self.columns_label = QLabel()
        self.columns_label.setWordWrap(True)
        self.columns_table = QTableWidget(0, 3)
        self.columns_table.setHorizontalHeaderLabels(
            [_("Column in the spreadsheet"), _("Imported as"), _("Examples")]
        )
        self.columns_table.verticalHeader().setVisible(False)
        self.columns_table.horizontalHeader().setStretchLastSection(True)
        self.columns_table.setColumnWidth(0, 240)
        self.columns_table.setColumnWidth(1, 240)
        self.remember_box = QCheckBox(_("Remember these columns for spreadsheets like this one"))
        self.remember_box.setChecked(True)
        layout = QVBoxLayout(page)
        layout.addWidget(self.columns_label)
        layout.addWidget(self.columns_table, 1)
        layout.addWidget(self.remember_box)
        return page

    def _check_step(self) -> QWidget:
        page = QWidget()
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.rows_table = QTableWidget(0, 4)
        self.rows_table.setHorizontalHeaderLabels(
            [_("Row"), _("Outcome"), _("Record"), _("Problems and warnings")]
        )
        self.rows_table.verticalHeader().setVisible(False)
        header = self.rows_table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.rows_table.setColumnWidth(0, 50)
        self.rows_table.setColumnWidth(1, 90)
        self.rows_table.setColumnWidth(2, 280)
        self.skip_button = QRadioButton(_("Skip rows already in the file"))
        self.update_button = QRadioButton(_("Update the records already in the file"))
        self.skip_button.setChecked(True)
        self.update_button.toggled.connect(lambda _on: self._show(self.step))
        group = QButtonGroup(page)
        group.addButton(self.skip_button)
        group.addButton(self.update_button)
        duplicates = QHBoxLayout()
        duplicates.addWidget(QLabel(_("Duplicates:")))
        duplicates.addWidget(self.skip_button)
        duplicates.addWidget(self.update_button)
        duplicates.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.rows_table, 1)
        layout.addLayout(duplicates)
        return page

    def _done_step(self) -> QWidget:
        page = QWidget()
        self.result_title = QLabel()
        font = QFont(self.result_title.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.result_title.setFont(font)
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(page)
        layout.addWidget(self.result_title)
        layout.addWidget(self.result_label)
        layout.addStretch(1)
        return page

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
                Message(N_("Import {count} row(s)"), {"count": accepted}).render()
            )
            self.next_button.setEnabled(accepted > 0)
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

    def _run(self, work: Callable[[], Any], success: Callable[[Any], None], label: str) -> None:
        self.status.setText(label)
        self.next_button.setEnabled(False)

        def failed(error: BaseException) -> None:
            self.status.clear()
            self._show(self.step)
            show_failure(self, _("Cannot import"), error)

        self.operation = Operation(
            self,
            lambda progress: work(),
            success,
            failure=failed,
            label=label,
            indicator=self._indicator,
        ).run()

    # --- step 1 → 2 -------------------------------------------------------------------

    def choose_file(self, path: Path | str) -> None:
        self.path_edit.setText(str(path))

    def _browse(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self,
            _("Choose a spreadsheet"),
            "",
            _("Spreadsheets (*.xlsx *.xlsm *.csv *.txt);;All (*)"),
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
            except Exception:  # unreadable: said when reading, in the next step
                pass
        self._show(self.step)

    def _read_columns(self) -> None:
        path, kind, sheet = (
            Path(self.path_edit.text().strip()),
            self.kind,
            self.sheet_box.currentData(),
        )
        self._run(
            lambda: sheet_layout(
                path, kind, worksheet=sheet, mappings_folder=self._mappings_folder
            ),
            self._columns_read,
            Message(N_("Reading {file}…"), {"file": path.name}).render(),
        )

    def _columns_read(self, found: SheetLayout) -> None:
        self.status.clear()
        self.layout_found = found
        spec = IMPORT_KINDS[self.kind]
        self.columns_label.setText(
            Message(
                N_(
                    "Worksheet “{sheet}”, column titles on row {row}. Check what each column "
                    "is imported as; choose “Not imported” for the others."
                ),
                {"sheet": found.sheet, "row": found.header_row},
            ).render()
        )
        self.columns_table.setRowCount(len(found.headers))
        self.field_boxes = []
        for row, header in enumerate(found.headers):
            self.columns_table.setItem(row, 0, _cell(header))
            box = QComboBox()
            box.addItem(_("Not imported"), None)
            for field in spec.fields:
                box.addItem(_(field.label), field.key)
            chosen = found.mapping.get(row)
            box.setCurrentIndex(max(0, box.findData(chosen)) if chosen else 0)
            self.columns_table.setCellWidget(row, 1, box)
            self.field_boxes.append(box)
            examples = [as_text(r[row]) for r in found.examples if row < len(r) and r[row]]
            self.columns_table.setItem(row, 2, _cell(" · ".join(str(e) for e in examples)))
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
            save_mapping(self.kind, found.headers, mapping, self._mappings_folder)
        path, kind = Path(self.path_edit.text().strip()), self.kind

        def work() -> Preview:
            with self._sessions() as session:
                return preview_import(session, path, kind, worksheet=found.sheet, mapping=mapping)

        self._run(work, self._rows_checked, _("Checking every row…"))

    def _rows_checked(self, preview: Preview) -> None:
        self.status.clear()
        self.preview = preview
        parts = [
            Message(N_("{count} row(s) read"), {"count": len(preview.rows)}).render(),
            Message(N_("{count} new"), {"count": preview.count("new")}).render(),
            Message(
                N_("{count} already in the file"), {"count": preview.count("duplicate")}
            ).render(),
            Message(N_("{count} rejected"), {"count": preview.count("rejected")}).render(),
        ]
        created = preview.partners_to_create + preview.entities_to_create
        if created:
            parts.append(
                Message(
                    N_("{count} partner(s) or entities will be created"), {"count": len(created)}
                ).render()
            )
        self.summary_label.setText(" · ".join(parts))
        shown = sorted(preview.rows, key=lambda row: (row.status != "rejected", row.number))
        shown = shown[:SHOWN_ROWS]
        self.rows_table.setRowCount(len(shown))
        for index, row in enumerate(shown):
            notes = [issue.render() for issue in (*row.errors, *row.warnings)]
            items = (
                _cell(str(row.number)),
                _cell(_(STATUS_LABELS[row.status])),
                _cell(row.label),
                _cell(" ".join(notes)),
            )
            for column, item in enumerate(items):
                item.setBackground(QBrush(QColor(STATUS_COLOURS[row.status])))
                self.rows_table.setItem(index, column, item)
        self._show(CHECK)

    # --- step 3 → 4 -------------------------------------------------------------------

    def _write(self) -> None:
        preview = self.preview
        assert preview is not None
        mode: OnDuplicate = "update" if self.update_button.isChecked() else "skip"

        def work() -> ImportResult:
            with self._sessions() as session:
                return apply_import(session, preview, mode)

        self._run(work, self._written, _("Writing…"))

    def _written(self, result: ImportResult) -> None:
        self.status.clear()
        self.outcome = result
        self.result_title.setText(
            Message(
                N_(
                    "Imported {imported}, updated {updated}, skipped {skipped}, rejected "
                    "{rejected}."
                ),
                {
                    "imported": result.imported,
                    "updated": result.updated,
                    "skipped": len(result.skipped),
                    "rejected": len(result.rejected),
                },
            ).render()
        )
        lines: list[str] = []
        if result.rejected:
            lines.append(_("These rows were not imported; correct them and import again:"))
        for number, issues in result.rejected[:50]:
            text = "; ".join(issue.render() for issue in issues)
            lines.append(
                Message(N_("Row {row}: {problem}"), {"row": number, "problem": text}).render()
            )
        self.result_label.setText("\n".join(lines))
        self._show(DONE)
        self.imported.emit(result)


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
    wizard = ImportWizard(window.session, window, indicator=getattr(window, "busy", None))
    wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    wizard.imported.connect(lambda _result: window.reload())
    wizard.open()
    return wizard
