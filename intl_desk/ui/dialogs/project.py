"""The project form: what the project is, who takes part, the money, and what is owed.

The Designer form holds all four tabs (General, Participants, Money, Reports and
results); they are lifted into the dialog's own tab bar so History sits beside them
instead of under a second row of tabs. Child rows — participants, budget lines,
co-financing, transactions, reports, sectors, SDGs — are edited in place and saved
together with the project."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from datetime import date
from decimal import Decimal
from functools import cache
from typing import Any, cast

from babel.numbers import get_currency_name

from PySide6.QtWidgets import (
    QComboBox,
)

from intl_desk.core import vocabularies as vocab
from intl_desk.core.display import locale_for, money_text
from intl_desk.core.errors import FieldError
from intl_desk.core.i18n import N_, Message, current_language
from intl_desk.core.model import (
    BudgetLine,
    CofinancingLine,
    Partner,
    Project,
    ProjectParticipant,
    ProjectReport,
    ProjectSdg,
    ProjectSector,
    ProjectTransaction,
    Record,
)
from intl_desk.core.reference import City, iati_codelist
from intl_desk.ui.child_table import ChildColumn, ChildTable, vocabulary_choices
from intl_desk.ui.choices import (
    ENTITY_PREFIX,
    PARTNER_PREFIX,
    entity_choices,
    fill_combo,
    partner_choices,
    party_choices,
)
from intl_desk.ui.dialogs.project_parts import (
    SdgLinks,
    SdgPicker,
    apply_table,
    lift_pages,
    make_searchable,
    on_new_row,
    searchable_column,
    table_errors,
    tidy_table,
)
from intl_desk.ui.fields import allow_empty_number
from intl_desk.ui.forms.ui_project import Ui_ProjectForm
from intl_desk.ui.pickers import (
    PartnerSearch,
    PlaceCompleter,
    make_country_picker,
    show_as_tree,
)
from intl_desk.ui.record_dialog import RecordDialog

SPENT_TYPES = ("3", "4")  # IATI disbursement and expenditure
PARTY_FIELDS = {ENTITY_PREFIX: "local_entity_id", PARTNER_PREFIX: "partner_id"}

# --- the project form ---------------------------------------------------------------


@cache
def sector_choices() -> list[tuple[str, str]]:
    """OECD DAC 5-digit purpose codes (IATI Sector list; its names are in English)."""
    return [(item.code, f"{item.code} — {item.name}") for item in iati_codelist("Sector")]


def fill_currencies(box: QComboBox, current: str | None) -> None:
    codes = list(vocab.CURRENCIES)
    if current and current not in codes:
        codes.append(current)  # an imported project keeps its currency
    locale = locale_for(current_language())
    fill_combo(
        box,
        [(code, f"{code} — {get_currency_name(code, locale=locale)}") for code in codes],
        optional=False,
    )


def _choices(vocabulary: vocab.Vocabulary) -> Any:
    return vocabulary_choices(vocabulary)


SECTOR_COLUMNS = [
    ChildColumn("code", N_("Sector"), "choice", sector_choices, 230),
    ChildColumn("percentage", N_("%"), "number", width=50),
]
PARTICIPANT_COLUMNS = [
    ChildColumn("party", N_("Our entity or a partner"), "choice", None, 260, PARTY_FIELDS),
    ChildColumn("organisation_name", N_("Or another organisation"), width=200),
    ChildColumn("role", N_("Role"), "choice", _choices(vocab.ORGANISATION_ROLES), 150),
    ChildColumn("organisation_type", N_("Type"), "choice", _choices(vocab.ORGANISATION_TYPES), 200),
]
BUDGET_COLUMNS = [
    ChildColumn("year", N_("Year"), "integer", width=70),
    ChildColumn("amount", N_("Amount"), "money", width=120),
    ChildColumn("type", N_("Type"), "choice", _choices(vocab.BUDGET_TYPES), 110),
    ChildColumn("status", N_("Status"), "choice", _choices(vocab.BUDGET_STATUSES), 130),
    ChildColumn("description", N_("Description"), width=200),
]
# eight columns in ~930 px: the programme takes what is left, dates fit "2026-12-02 ▾"
COFINANCING_COLUMNS = [
    ChildColumn("funder_partner_id", N_("Funder (partner)"), "choice", None, 190),
    ChildColumn("funder_name", N_("Or funder's name"), width=120),
    ChildColumn("instrument", N_("Programme or call"), width=120),
    ChildColumn("status", N_("Status"), "choice", _choices(vocab.COFINANCING_STATUSES), 96),
    ChildColumn("amount_requested", N_("Requested"), "money", width=90),
    ChildColumn("amount_granted", N_("Granted"), "money", width=90),
    ChildColumn("date_requested", N_("Requested on"), "date", width=104),
    ChildColumn("date_decided", N_("Decided on"), "date", width=104),
]
TRANSACTION_COLUMNS = [
    ChildColumn("type", N_("Type"), "choice", _choices(vocab.TRANSACTION_TYPES), 170),
    ChildColumn("date", N_("Date"), "date", width=110),
    ChildColumn("amount", N_("Amount"), "money", width=120),
    ChildColumn("description", N_("Description"), width=200),
]
REPORT_COLUMNS = [
    ChildColumn("title", N_("Report"), width=220),
    ChildColumn("due_date", N_("Due"), "date", width=110),
    ChildColumn("submitted_date", N_("Submitted"), "date", width=110),
    ChildColumn("recipient", N_("To whom"), width=160),
    ChildColumn("status", N_("Status"), "choice", _choices(vocab.REPORT_STATUSES), 110),
]


class ProjectDialog(RecordDialog):
    model = Project
    form_class = Ui_ProjectForm
    vocabularies = {"status": (vocab.PROJECT_STATUSES, False)}

    def setup_extra_tabs(self) -> None:
        ui, session = self.ui, self.session
        self.pages = lift_pages(self, ui.sections)
        fill_combo(ui.lead_entity_id, entity_choices(session))
        show_as_tree(ui.lead_entity_id)
        make_country_picker(ui.country_code, optional=True)
        fill_currencies(ui.currency, self.project.currency)
        for widget in (ui.latitude, ui.longitude):
            allow_empty_number(widget)
        self.places = PlaceCompleter(ui.location_name, self.fill_from_place)
        self.sdg_picker = SdgPicker()
        ui.sdg_layout.addWidget(self.sdg_picker)
        self.sdg_picker.changed.connect(self.revalidate)
        self.sdg_links = SdgLinks(self.sdg_picker, lambda number: ProjectSdg(sdg=number))

        self.inline_partners: list[tuple[str, str]] = []  # created here, not saved yet

        def parties() -> list[tuple[str, str]]:
            return [*party_choices(session), *self._pending(PARTNER_PREFIX)]

        def funders() -> list[tuple[str, str]]:
            return [*partner_choices(session), *self._pending("")]

        self.sectors = self._table(ProjectSector, ui.sector_layout, SECTOR_COLUMNS)
        tidy_table(self.sectors, stretch="code")
        self.participants = self._table(
            ProjectParticipant,
            ui.participants_layout,
            [
                replace(
                    PARTICIPANT_COLUMNS[0],
                    choices=parties,
                    setup=lambda box: self._search_partners(box, PARTNER_PREFIX),
                ),
                *PARTICIPANT_COLUMNS[1:],
            ],
            lambda: {"role": "4"},
        )
        self.budget = self._table(
            BudgetLine,
            ui.budget_layout,
            BUDGET_COLUMNS,
            lambda: {"year": self._next_budget_year(), "type": "1", "status": "1"},
        )
        self.cofinancing = self._table(
            CofinancingLine,
            ui.cofinancing_layout,
            [
                replace(
                    COFINANCING_COLUMNS[0],
                    choices=funders,
                    setup=lambda box: self._search_partners(box, ""),
                ),
                *COFINANCING_COLUMNS[1:],
            ],
            lambda: {"status": "requested"},
        )
        self.transactions = self._table(
            ProjectTransaction, ui.spending_layout, TRANSACTION_COLUMNS, lambda: {"type": "4"}
        )
        self.reports = self._table(
            ProjectReport, ui.reports_layout, REPORT_COLUMNS, lambda: {"status": "due"}
        )
        tidy_table(self.participants, stretch="party")
        tidy_table(self.budget, stretch="description", footer=ui.budget_total)
        tidy_table(self.cofinancing, stretch="instrument", footer=ui.cofinancing_total)
        tidy_table(self.transactions, stretch="description", footer=ui.spending_total)
        tidy_table(self.reports, stretch="title")
        self.searchable = [
            searchable_column(self.sectors, "code"),
            searchable_column(self.participants, "party"),
        ]
        make_searchable(ui.lead_entity_id)
        self.collections: list[tuple[str, ChildTable, str]] = [
            ("participants", self.participants, N_("Participants")),
            ("sectors", self.sectors, N_("Sectors")),
            ("budget_lines", self.budget, N_("Budget")),
            ("cofinancing", self.cofinancing, N_("Co-financing")),
            ("transactions", self.transactions, N_("Spending")),
            ("reports", self.reports, N_("Reports due")),
        ]
        self.tabs.setCurrentIndex(0)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.resize(1000, 720)  # four tabs of tables: wider and taller than the default

    def _table(
        self,
        model: type[Record],
        layout: Any,
        columns: list[ChildColumn],
        defaults: Callable[[], dict[str, Any]] | None = None,
    ) -> ChildTable:
        table = ChildTable(self.session, model, columns, model)
        layout.addWidget(table, 1)
        table.changed.connect(self.revalidate)
        if defaults is not None:
            on_new_row(table, defaults)
        return table

    def _search_partners(self, box: QComboBox, prefix: str) -> None:
        """Type to find a participant or funder; a partner created inline (from the
        gazetteer or the partner form) is offered in every row afterwards."""
        show_as_tree(box)
        search = PartnerSearch(box, self.office, self.session, prefix, self)
        search.created.connect(self._partner_created)

    def _partner_created(self, value: str, label: str) -> None:
        partner_id = value.removeprefix(PARTNER_PREFIX)
        if all(existing != partner_id for existing, _label in self.inline_partners):
            self.inline_partners.append((partner_id, label))

    def _pending(self, prefix: str) -> list[tuple[str, str]]:
        """Partners created in this form but not in the file yet (the lists read the file)."""
        pending = {record.id for record in self.session.new if isinstance(record, Partner)}
        return [
            (f"{prefix}{partner_id}", label)
            for partner_id, label in self.inline_partners
            if partner_id in pending
        ]

    @property
    def project(self) -> Project:
        return cast(Project, self.record)

    def _next_budget_year(self) -> int:
        """The year after the last budget line, else the project's start year."""
        years = [line.year for line in self.project.budget_lines if isinstance(line.year, int)]
        if years:
            return max(years) + 1
        start = self.project.planned_start
        return start.year if start else date.today().year

    def fill_from_place(self, city: City) -> None:
        """A place picked from the suggestions fills its country and map position."""
        ui = self.ui
        index = ui.country_code.findData(city.country_code)
        if index >= 0:
            ui.country_code.setCurrentIndex(index)
        ui.latitude.setValue(city.latitude)
        ui.longitude.setValue(city.longitude)
        self.revalidate()

    # --- hooks --------------------------------------------------------------------------

    def load_extra(self) -> None:
        for key, table, _section in self.collections:
            table.set_records(getattr(self.record, key))
        self.sdg_links.load(self.project.sdgs)
        for prepare in self.searchable:
            prepare()
        self.ui.title.setCursorPosition(0)
        if self.office.read_only:
            for page in self.pages:
                page.setEnabled(False)

    def read_extra(self) -> None:
        rows = {
            key: apply_table(self.session, self.record, key, table)
            for key, table, _section in self.collections
        }
        self.sdg_links.apply(self.session, self.record, "sdgs")
        self._show_totals(rows["budget_lines"], rows["cofinancing"], rows["transactions"])

    def _show_totals(
        self, budget: Sequence[Any], cofinancing: Sequence[Any], transactions: Sequence[Any]
    ) -> None:
        currency = self.ui.currency.currentData() or "EUR"

        def total(rows: Iterable[Any], field: str) -> Decimal:
            values = (getattr(row, field) for row in rows)
            return sum((v for v in values if isinstance(v, Decimal)), Decimal(0))

        planned = total(budget, "amount")
        spent = total((t for t in transactions if t.type in SPENT_TYPES), "amount")
        ui = self.ui
        ui.budget_total.setText(
            Message(
                N_("Total budget: {amount}"), {"amount": money_text(planned, currency)}
            ).render()
        )
        ui.cofinancing_total.setText(
            Message(
                N_("Requested: {requested} · Granted: {granted}"),
                {
                    "requested": money_text(total(cofinancing, "amount_requested"), currency),
                    "granted": money_text(total(cofinancing, "amount_granted"), currency),
                },
            ).render()
        )
        ui.spending_total.setText(
            Message(
                N_("Disbursed and spent: {amount}"), {"amount": money_text(spent, currency)}
            ).render()
        )

    def extra_state(self) -> Any:
        return (
            tuple(table.state() for _key, table, _section in self.collections),
            tuple(self.sdg_picker.checked()),
        )

    def child_ids(self) -> list[str]:
        ids = [
            record.id
            for _key, table, _section in self.collections
            for record in table.records
            if record is not None and record.id
        ]
        return ids + self.sdg_links.ids()

    def extra_errors(self) -> list[FieldError]:
        return table_errors((table, section) for _key, table, section in self.collections)
