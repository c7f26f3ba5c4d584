"""The four steps of the import wizard: their widgets, and how each shows its data.

Kept apart from :mod:`intl_desk.ui.import_wizard`, which moves between the steps and runs
the reading, checking and writing off the GUI thread.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from intl_desk.core.display import number_text
from intl_desk.core.i18n import N_, Message, _
from intl_desk.exchange.fields import IMPORT_KINDS, ImportKind
from intl_desk.exchange.import_write import ImportResult
from intl_desk.exchange.importer import Preview, SheetLayout, sheet_remarks
from intl_desk.exchange.values import as_text
from intl_desk.ui.checked_rows import STATUS_LABELS, CheckedRowsModel

CHOOSE, COLUMNS, CHECK, DONE = range(4)


def _cell(text: str) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    return item


class ImportSteps(QDialog):
    """The steps' widgets; the wizard subclass provides the navigation."""

    field_boxes: list[QComboBox]
    #: (field, word as written, its list of terms) per word of the register's own
    word_boxes: list[tuple[str, str, QComboBox]]

    @property
    def step(self) -> int:
        raise NotImplementedError

    def _show(self, step: int) -> None:
        raise NotImplementedError

    def _path_changed(self, text: str) -> None:
        raise NotImplementedError

    def _browse(self) -> None:
        raise NotImplementedError

    def _choose_step(self) -> QWidget:
        page = QWidget()
        self.path_edit = QLineEdit()
        self.path_edit.setPlaceholderText(_("An .xlsx, .ods, .xls or .csv file"))
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
        self.rows_model = CheckedRowsModel()
        self.rows_table = QTableView()
        self.rows_table.setModel(self.rows_model)
        self.rows_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.rows_table.verticalHeader().setVisible(False)
        header = self.rows_table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.rows_table.setColumnWidth(0, 50)
        widest = max(
            self.rows_table.fontMetrics().horizontalAdvance(_(label))
            for label in STATUS_LABELS.values()
        )
        self.rows_table.setColumnWidth(1, max(90, widest + 16))  # "Linha duplicada" on one line
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
        layout.addWidget(self._words_box())
        layout.addWidget(self.rows_table, 1)
        layout.addLayout(duplicates)
        return page

    def _words_box(self) -> QWidget:
        """The register's own words for a type or a status, each with how it is read."""
        self.words_panel = QWidget()
        self.word_boxes = []
        self.words_label = QLabel(
            _(
                "The register uses words of its own. Choose how each is read; the choice "
                "is remembered for the next imports."
            )
        )
        self.words_label.setWordWrap(True)
        self.words_table = QTableWidget(0, 4)
        self.words_table.setObjectName("wordsTable")
        self.words_table.setHorizontalHeaderLabels(
            [_("Word in the register"), _("Column"), _("Rows"), _("Read as")]
        )
        self.words_table.verticalHeader().setVisible(False)
        self.words_table.horizontalHeader().setStretchLastSection(True)
        self.words_table.setColumnWidth(0, 220)
        self.words_table.setColumnWidth(1, 140)
        self.words_table.setColumnWidth(2, 60)
        layout = QVBoxLayout(self.words_panel)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.words_label)
        layout.addWidget(self.words_table)
        self.words_panel.hide()
        return self.words_panel

    def _word_chosen(self) -> None:
        raise NotImplementedError

    def show_words(self, preview: Preview) -> None:
        """One row per word of the register's own, with a list of the terms to read it as."""
        spec = IMPORT_KINDS[preview.kind]
        words = preview.own_words
        self.word_boxes = []
        self.words_table.setRowCount(len(words))
        for row, (key, word, count, code) in enumerate(words):
            field = spec.field(key)
            self.words_table.setItem(row, 0, _cell(word))
            self.words_table.setItem(row, 1, _cell(_(field.label)))
            self.words_table.setItem(row, 2, _cell(number_text(count)))
            box = QComboBox()
            box.addItem(_("The usual one (the word kept in the notes)"), None)
            for term in field.vocabulary or ():
                box.addItem(term.display(), term.code)
            box.setCurrentIndex(max(0, box.findData(code)) if code else 0)
            box.activated.connect(lambda _index: self._word_chosen())
            self.words_table.setCellWidget(row, 3, box)
            self.word_boxes.append((key, word, box))
        shown = min(len(words), 4)  # more scroll: the rows below matter as much
        table = self.words_table
        height = table.horizontalHeader().sizeHint().height() + 2 * table.frameWidth()
        table.setFixedHeight(height + sum(table.rowHeight(r) for r in range(shown)))
        self.words_panel.setVisible(bool(words))

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

    def show_layout(self, found: SheetLayout, spec: ImportKind) -> None:
        """Step 2: each column of the sheet, what it is imported as, a few examples."""
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
            examples = [t for r in found.examples if row < len(r) and (t := as_text(r[row]))]
            self.columns_table.setItem(row, 2, _cell(" · ".join(str(e) for e in examples)))

    def show_preview(self, preview: Preview) -> None:
        """Step 3: the counts, then every row (rejected first) with its messages."""
        parts = [
            Message(N_("{count} row(s) read"), {"count": number_text(len(preview.rows))}).render(),
            Message(N_("{count} new"), {"count": number_text(preview.count("new"))}).render(),
            Message(
                N_("{count} already in the file"),
                {"count": number_text(preview.count("duplicate"))},
            ).render(),
            Message(
                N_("{count} rejected"), {"count": number_text(preview.count("rejected"))}
            ).render(),
        ]
        created = preview.partners_to_create + preview.entities_to_create
        if created:
            parts.append(
                Message(
                    N_("{count} partner(s) or entities will be created"),
                    {"count": number_text(len(created))},
                ).render()
            )
        remarks = [remark.render() for remark in sheet_remarks(preview)]
        self.summary_label.setText("\n".join([" · ".join(parts), *remarks]))
        self.show_words(preview)
        self.rows_model.show_rows(preview.rows)
        self.rows_table.setEnabled(True)

    def let_go_of_checked_rows(self) -> None:
        """The write is starting and lets go of each row once written: the table keeps
        the rows in view, greyed, and no longer holds any row."""
        viewport = self.rows_table.viewport()
        first = self.rows_table.rowAt(0)
        last = self.rows_table.rowAt(viewport.height() - 1)
        if last < 0:  # the rows end above the bottom of the view
            last = self.rows_model.rowCount() - 1
        self.rows_model.keep_only_in_view(first, last)
        self.rows_table.setEnabled(False)

    def show_result(self, result: ImportResult) -> None:
        """Step 4: what was written, and why each rejected row was not."""
        self.result_title.setText(
            Message(
                N_(
                    "Imported {imported}, updated {updated}, skipped {skipped}, rejected "
                    "{rejected}."
                ),
                {
                    "imported": number_text(result.imported),
                    "updated": number_text(result.updated),
                    "skipped": number_text(len(result.skipped)),
                    "rejected": number_text(len(result.rejected)),
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
