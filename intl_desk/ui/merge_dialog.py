"""File › Merge…: bring another copy of the office file in, choosing field by field.

The merge is first run as a dry run in the background, so the user sees what would be
added, updated and deleted and every conflict (the same field changed differently in both
files) before anything is written; for each conflict they choose which value to keep.
Then the real merge runs, in the background too: a verified backup, one transaction (see
:mod:`intl_desk.store.merge`). The window holds this file's lock; the merge runs in the
same program, so it may write.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from intl_desk.core.errors import IntlDeskError
from intl_desk.core.history import field_label
from intl_desk.core.i18n import N_, Message, _
from intl_desk.store.merge import (
    ConflictKey,
    MergeReport,
    Side,
    merge_files,
    offices_of,
    report_lines,
)
from intl_desk.store.merge.report import kind_label, shown
from intl_desk.ui.operations import Operation

KEEP_COLUMN = 5


@dataclass(frozen=True)
class ConflictWording:
    """The words of the two sides: two files merged, or this file and the office server."""

    this_column: str = N_("This file")
    other_column: str = N_("Other file")
    keep_this: str = N_("This file's value")
    keep_other: str = N_("The other file's value")
    hint: str = N_(
        "The same field was changed differently in both files: choose the value "
        "to keep. The other value stays in the record's history."
    )
    accept: str = N_("Merge")
    #: the side chosen before the person changes anything
    default: Side = "this"


FILES_WORDING = ConflictWording()


class MergeDialog(QDialog):
    """The dry run's summary and one row per conflict with the value to keep."""

    def __init__(
        self,
        parent: QWidget | None,
        report: MergeReport,
        other: Path | None,
        *,
        title: str = "",
        wording: ConflictWording = FILES_WORDING,
    ) -> None:
        super().__init__(parent)
        if other is not None:
            title = Message(N_("Merge “{file}”"), {"file": other.name}).render()
        self.setWindowTitle(title)
        self.resize(900, 480)
        self.report = report
        self.wording = wording
        columns = (
            N_("Kind"), N_("Record"), N_("Field"), wording.this_column, wording.other_column,
            N_("Keep"),
        )  # fmt: skip
        layout = QVBoxLayout(self)
        summary = [line.render() for line in report_lines(report)[: self._summary_length()]]
        self.summary = QLabel("\n".join(summary))
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.table = QTableWidget(len(report.conflicts), len(columns))
        self.table.setHorizontalHeaderLabels([_(heading) for heading in columns])
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        for row, conflict in enumerate(report.conflicts):
            texts = (
                str(kind_label(conflict.table)),
                conflict.label,
                field_label(conflict.table, conflict.field),
                shown(conflict.this_value),
                shown(conflict.other_value),
            )
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
            keep = QComboBox()
            keep.addItem(_(wording.keep_this), "this")
            keep.addItem(_(wording.keep_other), "other")
            keep.setCurrentIndex(keep.findData(wording.default))
            self.table.setCellWidget(row, KEEP_COLUMN, keep)
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        for column in (3, 4):  # the two values share the room left; long notes get a tooltip
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(KEEP_COLUMN, QHeaderView.ResizeMode.ResizeToContents)
        if report.conflicts:
            hint = QLabel(_(wording.hint))
            hint.setWordWrap(True)
            layout.addWidget(hint)
            layout.addWidget(self.table, 1)
        else:
            self.table.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(_(wording.accept))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _summary_length(self) -> int:
        """The summary lines without the one line per conflict (the table shows those)."""
        return len(report_lines(self.report)) - len(self.report.conflicts)

    def kept(self, row: int) -> Side:
        keep = self.table.cellWidget(row, KEEP_COLUMN)
        assert isinstance(keep, QComboBox)
        return "other" if keep.currentData() == "other" else "this"

    def choices(self) -> dict[ConflictKey, Side]:
        chosen: dict[ConflictKey, Side] = {}
        for row, conflict in enumerate(self.report.conflicts):
            keep = self.table.cellWidget(row, KEEP_COLUMN)
            if isinstance(keep, QComboBox) and keep.currentData() == "other":
                chosen[conflict.key] = "other"
        return chosen


def start_merge(window: QMainWindow) -> Operation[MergeReport] | None:
    """File › Merge…: choose the other file, then review the dry run in the background."""
    office = getattr(window, "office", None)
    if office is None:
        return None
    if office.read_only:
        QMessageBox.information(
            window,
            _("Merge"),
            _("This file is open read-only: open it for editing to merge another file into it."),
        )
        return None
    chosen, _filter = QFileDialog.getOpenFileName(
        window,
        _("Merge another office file into this one"),
        "",
        _("Office files (*.sqlite *.intldesk);;All (*)"),
    )
    if not chosen:
        return None
    target, other = office.path, Path(chosen)
    other_office = confirm_other_office(window, target, other)
    if other_office is None:
        return None
    return Operation(
        window,
        lambda progress: merge_files(target, other, dry_run=True, other_office=other_office),
        lambda report: review(window, target, other, report, other_office),
        label=Message(N_("Comparing with {file}…"), {"file": other.name}).render(),
        indicator=getattr(window, "busy", None),
        failure_title=_("Cannot merge"),
    ).run()


def confirm_other_office(window: QMainWindow, target: Path, other: Path) -> bool | None:
    """``False`` for a copy of this office's file; for another office's file, ``True``
    once the user confirmed naming both offices, ``None`` if they did not. A file that
    cannot even be identified is left to the dry run, which says why."""
    try:
        mine, theirs = offices_of(target, other)
    except IntlDeskError:
        return False
    if mine.office_id == theirs.office_id:
        return False
    answer = QMessageBox.question(
        window,
        _("Merge the file of another office?"),
        Message(
            N_(
                "“{file}” is not a copy of this office's file: it belongs to another office, "
                "“{other}”. Merging adds its whole register (agreements, partners, projects…) "
                "to “{ours}”, marked as coming from that office. Merge it all the same?"
            ),
            {"file": other.name, "other": theirs.office_name, "ours": mine.office_name},
        ).render(),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return True if answer == QMessageBox.StandardButton.Yes else None


def review(
    window: QMainWindow, target: Path, other: Path, report: MergeReport, other_office: bool = False
) -> Operation[MergeReport] | None:
    if not report.changed:
        QMessageBox.information(window, _("Merge"), report_lines(report)[0].render())
        return None
    dialog = MergeDialog(window, report, other)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    choices = dialog.choices()
    return Operation(
        window,
        lambda progress: merge_files(target, other, choices=choices, other_office=other_office),
        lambda done: merged(window, done),
        label=Message(N_("Merging {file}…"), {"file": other.name}).render(),
        indicator=getattr(window, "busy", None),
        failure_title=_("Cannot merge"),
    ).run()


def merged(window: QMainWindow, report: MergeReport) -> None:
    reload = getattr(window, "reload", None)
    if reload is not None:
        reload()
    lines = [line.render() for line in report_lines(report)[:4]]
    window.statusBar().showMessage(" ".join(lines), 15_000)
