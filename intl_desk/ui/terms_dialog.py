"""Office › Terms of office…: who led, from when to when, the plan adopted, and what the
outgoing team commits the next one to (the handover report opens with it); and the plans'
strategic lines, each new line saying which line of the plan before it carries on."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from intl_desk.core.errors import IntlDeskError
from intl_desk.core.i18n import N_, Message, _
from intl_desk.core.model import PoliticalTerm, StrategicLine
from intl_desk.core.model.base import new_uuid
from intl_desk.exchange.export import export_list
from intl_desk.store.office_file import OfficeFile
from intl_desk.ui.child_table import ChildColumn, ChildTable
from intl_desk.ui.export_action import exported_text
from intl_desk.ui.operations import Operation

if TYPE_CHECKING:
    from intl_desk.ui.main_window import MainWindow

ROW_KEY = Qt.ItemDataRole.UserRole + 21


class TermsDialog(QDialog):
    def __init__(self, office: OfficeFile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("termsDialog")
        self.setWindowTitle(_("Terms of office"))
        self.session = office.session()
        terms = self.session.scalars(
            select(PoliticalTerm)
            .where(PoliticalTerm.deleted_at.is_(None))
            .order_by(PoliticalTerm.start_date)
        ).all()
        lines = self.session.scalars(
            select(StrategicLine)
            .where(StrategicLine.deleted_at.is_(None))
            .order_by(StrategicLine.code, StrategicLine.title)
        ).all()
        self.terms = ChildTable(
            self.session,
            PoliticalTerm,
            [
                ChildColumn("leader", N_("Who led"), "text", width=150),
                ChildColumn("leader_title", N_("Title"), "text", width=110),
                ChildColumn("start_date", N_("From"), "date", width=110),
                ChildColumn("end_date", N_("To"), "date", width=110),
                ChildColumn("plan_adopted_on", N_("Adopted on"), "date", width=110),
                ChildColumn("plan_title", N_("Plan adopted"), "text", width=260),
            ],
            # its id from the start, so a line added before saving can name its plan
            lambda: PoliticalTerm(id=new_uuid()),
        )
        self.terms.setObjectName("termsTable")
        self.terms.set_records(list(terms))
        #: each row's commitments, kept by the row's first cell (rows move when one goes)
        self._commitments: dict[int, str] = {}
        self._next_key = 0
        for row, term in enumerate(terms):
            self._commitments[self._key(row)] = term.commitments or ""
        self.commitments = QPlainTextEdit()
        self.commitments.setObjectName("commitments")
        self.commitments.setPlaceholderText(
            _("One commitment per line: what the outgoing team commits the next one to.")
        )
        self.commitments.setTabChangesFocus(True)
        self.commitments_label = QLabel()
        self.commitments_label.setWordWrap(True)
        self._shown_row = -1
        self.terms.table.currentCellChanged.connect(lambda row, *_a: self._show_row(row))
        self.commitments.textChanged.connect(self._keep_text)
        self.terms.table.itemChanged.connect(self._name_row)
        terms_tab = QWidget()
        terms_layout = QVBoxLayout(terms_tab)
        terms_layout.addWidget(self.terms, 2)
        terms_layout.addWidget(self.commitments_label)
        terms_layout.addWidget(self.commitments, 1)
        line_choices = [(line.id, self._line_label(line)) for line in lines]
        self.lines = ChildTable(
            self.session,
            StrategicLine,
            [
                ChildColumn("code", N_("Code"), "text", width=60),
                ChildColumn("title", N_("Strategic line"), "text", width=260),
                ChildColumn("term_id", N_("Plan of the term"), "choice", self._term_choices, 220),
                ChildColumn(
                    "continues_id", N_("Carries on"), "choice", lambda: line_choices, width=240
                ),
            ],
            StrategicLine,
        )
        self.lines.setObjectName("linesTable")
        self.lines.set_records(list(lines))
        lines_tab = QWidget()
        lines_layout = QVBoxLayout(lines_tab)
        hint = QLabel(
            _(
                "A new plan's line says which line of the plan before it carries on; an "
                "indicator says which one it carries on in its own form, and its series "
                "goes on in the yearly report."
            )
        )
        hint.setWordWrap(True)
        lines_layout.addWidget(hint)
        lines_layout.addWidget(self.lines, 1)
        self.tabs = QTabWidget()
        self.tabs.addTab(terms_tab, _("Terms"))
        self.tabs.addTab(lines_tab, _("Plan lines"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        # on the left, apart from Save and Cancel: it writes a file, not the dialog's edits
        self.export_button = QPushButton(_("Export…"))
        self.export_button.setObjectName("exportTerms")
        self.export_button.setToolTip(
            _(
                "Write the tab shown, as saved in the file, to a spreadsheet (xlsx or csv): "
                "the terms, or the plans' lines with their objectives."
            )
        )
        self.export_button.clicked.connect(lambda: self.export())
        self._office = office
        if office.read_only:
            for widget in (
                self.buttons.button(QDialogButtonBox.StandardButton.Save),
                self.terms.add_button,
                self.terms.remove_button,
                self.lines.add_button,
                self.lines.remove_button,
            ):
                if widget is not None:
                    widget.setEnabled(False)
            self.commitments.setReadOnly(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.export_button)
        bottom.addStretch(1)
        bottom.addWidget(self.buttons)
        layout.addLayout(bottom)
        self.resize(1180, 580)
        if terms:  # the latest term, marked: its team writes what it leaves to the next
            self.terms.table.setCurrentCell(len(terms) - 1, 0)
        self._show_row(len(terms) - 1)

    def _term_choices(self) -> list[tuple[str, str]]:
        """The terms as the first tab stands, those typed but not yet saved too (a new
        line's list is made when the line is added)."""
        rows = [t for t in self.terms.apply() if isinstance(t, PoliticalTerm)]
        return [(t.id, self._term_label(t)) for t in rows if t.leader and t.id]

    @staticmethod
    def _term_label(term: PoliticalTerm) -> str:
        if term.start_date is None:
            return term.leader
        years = f"{term.start_date.year}–{term.end_date.year if term.end_date else ''}"
        return f"{term.leader} ({years})"

    @staticmethod
    def _line_label(line: StrategicLine) -> str:
        return f"{line.code} — {line.title}" if line.code else line.title

    # --- the commitments of the row in hand ---------------------------------------------

    def _key(self, row: int) -> int:
        """The row's own number, kept in its first cell: it follows the row when another
        row above it is removed."""
        item = self.terms.table.item(row, 0)
        if item is None:
            item = QTableWidgetItem("")
            self.terms.table.setItem(row, 0, item)
        key = item.data(ROW_KEY)
        if key is None:
            self._next_key += 1
            key = self._next_key
            item.setData(ROW_KEY, key)
        return int(key)

    def _show_row(self, row: int) -> None:
        self._shown_row = row
        has_row = 0 <= row < self.terms.table.rowCount()
        self.commitments.setEnabled(has_row)
        self.commitments.blockSignals(True)
        self.commitments.setPlainText(self._commitments.get(self._key(row), "") if has_row else "")
        self.commitments.blockSignals(False)
        self._name_row()

    def _name_row(self, *_args: object) -> None:
        """The label over the commitments names the term's leader, as typed so far."""
        row = self._shown_row
        if not 0 <= row < self.terms.table.rowCount():
            self.commitments_label.setText(_("Add a term to write its commitments."))
            return
        leader = self.terms.table.item(row, 0)
        self.commitments_label.setText(
            Message(
                N_("What the team of {leader} commits the next one to:"),
                {"leader": leader.text() if leader and leader.text() else "…"},
            ).render()
        )

    def _keep_text(self) -> None:
        if 0 <= self._shown_row < self.terms.table.rowCount():
            self._commitments[self._key(self._shown_row)] = self.commitments.toPlainText()

    # --- saving ----------------------------------------------------------------------

    def save(self) -> None:
        with self.session.no_autoflush:
            terms = [t for t in self.terms.apply() if isinstance(t, PoliticalTerm)]
            for row, term in enumerate(terms):
                text = self._commitments.get(self._key(row), "").strip() or None
                if term.commitments != text:
                    term.commitments = text
            lines = self.lines.apply()
            for record in [*terms, *lines]:
                if record not in self.session:
                    self.session.add(record)
            problems = [str(e) for e in self.terms.errors()] + [
                str(e) for e in self.lines.errors()
            ]
        if problems:
            return  # said under each table
        try:
            self.session.commit()
        except IntlDeskError as error:
            self.session.rollback()
            QMessageBox.warning(self, _("Terms of office"), str(error))
            return
        self.accept()

    def export(self, path: Path | None = None) -> Operation[int] | None:
        """Ask where, then write the tab shown — the terms, or the plans' lines with their
        objectives — as saved in the file (what the import of that kind reads back), off
        the GUI thread like every export; None when the user gave up."""
        kind, label = (
            ("plan_lines", _("Plan lines"))
            if self.tabs.currentIndex() == 1
            else ("terms", _("Terms of office"))
        )
        if path is None:
            name = f"{label} {date.today().isoformat()}.xlsx"
            filters = ";;".join(
                [_("Excel workbook (*.xlsx)"), _("CSV, for any spreadsheet (*.csv)")]
            )
            chosen, selected = QFileDialog.getSaveFileName(self, _("Export"), name, filters)
            if not chosen:
                return None
            path = Path(chosen)
            if not path.suffix:
                path = path.with_suffix(".csv" if "csv" in selected else ".xlsx")
        target = path

        beside: list[Path] = []  # a csv's detail sheets (a line's objectives), beside it

        def work(_progress: object) -> int:
            with self._office.session() as session:
                return export_list(session, kind, target, beside=beside)

        def written(count: int) -> None:
            said = exported_text(count, label, target, beside)
            QMessageBox.information(self, _("Terms of office"), said)

        return Operation(
            self,
            work,
            written,
            label=Message(N_("Exporting to {file}…"), {"file": target.name}).render(),
            failure_title=_("Cannot export"),
        ).run()

    def done(self, result: int) -> None:
        self.session.close()
        super().done(result)


def open_terms(window: MainWindow) -> TermsDialog | None:
    if window.office is None:
        window.statusBar().showMessage(_("Open an office file first."), 5000)
        return None
    dialog = TermsDialog(window.office, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.accepted.connect(window.reload)
    dialog.open()
    return dialog
