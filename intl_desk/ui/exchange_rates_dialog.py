"""Office › Exchange rates…: the rates sums of money are converted with, typed in a table
or read from a csv/xlsx sheet (a central bank's yearly averages), then saved together."""

from __future__ import annotations

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
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from intl_desk.core.currency_rates import office_currency_of, take_rates
from intl_desk.core.errors import IntlDeskError
from intl_desk.core.i18n import N_, Message, _
from intl_desk.core.model import ExchangeRate
from intl_desk.store.office_file import OfficeFile
from intl_desk.ui.child_table import ChildColumn, ChildTable
from intl_desk.ui.dialogs.activity import currency_choices

if TYPE_CHECKING:
    from intl_desk.ui.main_window import MainWindow


class ExchangeRatesDialog(QDialog):
    """The office's rates into its own currency, one row per currency and year."""

    def __init__(self, office: OfficeFile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exchangeRatesDialog")
        self.setWindowTitle(_("Exchange rates"))
        self.office = office
        self.session = office.session()
        self.currency = office_currency_of(self.session)
        stored = self.session.scalars(
            select(ExchangeRate)
            .where(ExchangeRate.deleted_at.is_(None), ExchangeRate.to_currency == self.currency)
            .order_by(ExchangeRate.currency, ExchangeRate.year)
        ).all()
        in_use = [rate.currency for rate in stored]
        choices = [
            (code, label) for code, label in currency_choices(in_use) if code != self.currency
        ]
        self.explanation = QLabel(
            Message(
                N_(
                    "What one unit of each currency was worth in {currency}, per year (a "
                    "central bank's yearly average, say). Sums of money convert each amount "
                    "at the rate of its year; amounts without one are left out and said."
                ),
                {"currency": self.currency},
            ).render()
        )
        self.explanation.setWordWrap(True)
        self.table = ChildTable(
            self.session,
            ExchangeRate,
            [
                ChildColumn("currency", N_("Currency"), "choice", lambda: choices, 90),
                ChildColumn("year", N_("Year"), "integer", width=70),
                ChildColumn("rate", self._rate_heading(), "rate", width=150),
                ChildColumn("source", N_("Source"), "text", width=220),
            ],
            lambda: ExchangeRate(to_currency=self.currency),
        )
        self.table.set_records(list(stored))
        self.import_button = QPushButton(_("Import from a spreadsheet…"))
        self.import_button.setObjectName("importRatesButton")
        self.import_button.clicked.connect(lambda: self.import_sheet())
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        read_only = office.read_only
        self.import_button.setEnabled(not read_only)
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        if save is not None:
            save.setEnabled(not read_only)
        self.table.add_button.setEnabled(not read_only)
        self.table.remove_button.setEnabled(not read_only)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation)
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        row.addWidget(self.import_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.resize(640, 420)

    def _rate_heading(self) -> str:
        """ "1 unit = … EUR": which way the rate goes, said in the heading itself."""
        return Message(N_("1 unit = … {currency}"), {"currency": self.currency}).render()

    # --- reading the rows ------------------------------------------------------------

    def _duplicates(self, records: list[ExchangeRate]) -> list[str]:
        seen: set[tuple[str, int]] = set()
        problems = []
        for record in records:
            key = (record.currency, record.year)
            if record.currency and record.year is not None and key in seen:
                problems.append(
                    Message(
                        N_("{currency} {year} has two rows: keep one."),
                        {"currency": record.currency, "year": record.year},
                    ).render()
                )
            seen.add(key)
        return problems

    def _apply(self) -> list[ExchangeRate] | None:
        """The rows as records (new ones in the session), or None when some row is wrong
        (said under the table)."""
        with self.session.no_autoflush:
            records = [r for r in self.table.apply() if isinstance(r, ExchangeRate)]
            for record in records:
                if record not in self.session:
                    self.session.add(record)
            errors = [str(error) for error in self.table.errors()]
        errors += self._duplicates(records)
        if errors:
            self.table.error_label.setText(" ".join(errors))
            self.table.error_label.show()
            return None
        return records

    # --- actions ---------------------------------------------------------------------

    def import_sheet(self, path: Path | None = None) -> None:
        """Read a sheet's rates into the table (saved with Save, like typed ones)."""
        from intl_desk.exchange.rates import read_rates

        if path is None:
            chosen, _filter = QFileDialog.getOpenFileName(
                self, _("Import exchange rates"), "", _("Spreadsheets (*.csv *.xlsx)")
            )
            if not chosen:
                return
            path = Path(chosen)
        records = self._apply()
        if records is None:
            self.status.setText(_("Correct the rows first, then import."))
            return
        try:
            rows = read_rates(path, self.currency)
        except IntlDeskError as error:
            self.status.setText(str(error))
            return
        taken = take_rates(
            records, [(r.currency, r.year, r.rate, r.source) for r in rows], self.currency
        )
        for record in taken.records:
            if record not in self.session:
                self.session.add(record)
        ordered: list[ExchangeRate] = sorted(taken.records, key=lambda r: (r.currency, r.year))
        self.table.set_records(ordered)
        self.status.setText(
            Message(
                N_(
                    "{count} rates read from {file}: {added} new, {changed} changed. Check "
                    "them, then Save."
                ),
                {
                    "count": len(rows),
                    "file": path.name,
                    "added": taken.added,
                    "changed": taken.changed,
                },
            ).render()
        )

    def save(self) -> None:
        if self._apply() is None:
            return
        try:
            self.session.commit()
        except IntlDeskError as error:
            self.session.rollback()
            QMessageBox.warning(self, _("Exchange rates"), str(error))
            return
        self.accept()

    def done(self, result: int) -> None:
        self.session.close()
        super().done(result)


def open_exchange_rates(window: MainWindow) -> ExchangeRatesDialog | None:
    if window.office is None:
        window.statusBar().showMessage(_("Open an office file first."), 5000)
        return None
    dialog = ExchangeRatesDialog(window.office, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.accepted.connect(window.reload)  # the figures converted with the new rates
    dialog.open()  # window-modal, without blocking the event loop
    return dialog
