"""The indicator form: its definition, scale, targets per period and measurements.

Scale levels and targets are child rows edited in place. Measurements are records of
their own (an indicator measured for each of 853 municipalities has thousands), so they
are listed read-only and edited one at a time in the panel beside the list. A computed
indicator (one with a formula) shows what it is computed from and takes no measurements.
"""

from __future__ import annotations

from datetime import date
from typing import Any, cast

from sqlalchemy import select
from sqlalchemy.orm import Session

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractScrollArea, QComboBox, QLabel, QSizePolicy

from intl_desk.core import vocabularies as vocab
from intl_desk.core.display import country_name, labelled, sort_key
from intl_desk.core.errors import FieldError
from intl_desk.core.evaluation import FORMULAS, FormulaError
from intl_desk.core.evaluation.formulas import parse_filter
from intl_desk.core.i18n import N_, _
from intl_desk.core.model import (
    Indicator,
    IndicatorSdg,
    IndicatorTarget,
    Period,
    ScaleLevel,
    StrategicLine,
    StrategicObjective,
    new_uuid,
)
from intl_desk.core.periods import PeriodSpan, period_for_target
from intl_desk.ui.child_table import ChildColumn, ChildTable
from intl_desk.ui.choices import entity_choices, fill_combo
from intl_desk.ui.dialogs.indicator_measurements import MeasurementsPanel
from intl_desk.ui.dialogs.project_parts import (
    SdgLinks,
    SdgPicker,
    apply_table,
    column_number,
    lift_pages,
    on_new_row,
    searchable_column,
    table_errors,
    tidy_table,
)
from intl_desk.ui.fields import allow_empty_number
from intl_desk.ui.forms.ui_indicator import Ui_IndicatorForm
from intl_desk.ui.pickers import show_as_tree
from intl_desk.ui.record_dialog import RecordDialog

#: What each formula of :mod:`intl_desk.core.evaluation.formulas` counts, in a sentence a
#: reader checks the figure against (the engine's docstring says the same, for developers).
DEFINITIONS = {
    "agreements_signed": N_("Counts the agreements whose signing date falls in the period."),
    "agreements_active": N_(
        "Counts the agreements active on the period's last day, or today while it runs: "
        "signed, not expired and not ended early by then (perpetual ones never expire) — "
        "the overview's rule."
    ),
    "partner_countries": N_(
        "Counts the partners' countries of the agreements active at the end of the period."
    ),
    "active_projects": N_(
        "Counts the projects neither in the pipeline nor cancelled whose dates (actual, "
        "else planned) overlap the period."
    ),
    "cofinancing_raised": N_(
        "Adds up the co-financing granted, by the date of the funder's decision, in the "
        "office's currency."
    ),
    "events_attended": N_(
        "Counts the participations of kind “event” in networks that start in the period."
    ),
    "memberships_held": N_("Counts the network memberships that overlap the period."),
    "network_roles": N_(
        "Counts the memberships with a role beyond member or observer that overlap the period."
    ),
    "missions_undertaken": N_("Counts the missions abroad, done, that start in the period."),
    "delegations_received": N_("Counts the delegations received, done, that start in the period."),
}

Choices = list[tuple[Any, str]]
ToolTipRole = Qt.ItemDataRole.ToolTipRole


def formula_label(code: str) -> str:
    """The formula's name; an unknown formula (a newer file) shows its code."""
    formula = FORMULAS.get(code)
    return _(formula.label) if formula is not None else code


def formula_definition(code: str) -> str:
    return _(DEFINITIONS[code]) if code in DEFINITIONS else ""


FILTER_LABELS = {
    "type": N_("Type"),
    "status": N_("Status"),
    "theme": N_("Themes"),
    "sdg": N_("SDG"),
    "country": N_("Country"),
    "entity": N_("Local entity"),
    "sector": N_("Sector"),
    "funder": N_("Funder (partner)"),
    "network": N_("Network"),
    "role": N_("Role"),
}


def filter_description(code: str, text: str | None) -> str:
    """``type=twinning; country=PL`` as "Type: Twinning / sister city · Country: Poland";
    a filter the engine would refuse is shown as typed."""
    formula = FORMULAS.get(code)
    if not text:
        return _("None: every record counts.")
    if formula is None:
        return text
    try:
        filters = parse_filter(text, formula.filters)
    except FormulaError:
        return text
    projects = formula.filters[:1] == ("status",)  # project formulas start with status
    vocabularies: dict[str, vocab.Vocabulary] = {
        "type": vocab.AGREEMENT_TYPES,
        "status": vocab.PROJECT_STATUSES if projects else vocab.AGREEMENT_STATUSES,
        "theme": vocab.THEMES,
        "role": vocab.MEMBERSHIP_ROLES,
    }
    parts = []
    for key, values in filters.items():
        terms = vocabularies.get(key)
        if terms is not None:
            shown = [terms.label(value) for value in values]
        elif key == "country":
            shown = [country_name(value) or value for value in values]
        else:
            shown = list(values)
        label = _(FILTER_LABELS[key]) if key in FILTER_LABELS else key
        parts.append(labelled(label, ", ".join(shown)))
    return " · ".join(parts)


def continues_choices(session: Session, own_id: str | None) -> Choices:
    """The other live indicators, "code — name", in reading order."""
    rows = session.execute(
        select(Indicator.id, Indicator.code, Indicator.name).where(
            Indicator.deleted_at.is_(None)
        )
    ).all()
    return sorted(
        ((r.id, f"{r.code} — {r.name}" if r.code else r.name) for r in rows if r.id != own_id),
        key=lambda pair: sort_key(pair[1]),
    )


def objective_choices(session: Session) -> Choices:
    """Objectives labelled with their strategic line, which is how offices refer to them."""
    rows = session.execute(
        select(StrategicObjective.id, StrategicObjective.title, StrategicLine.code)
        .add_columns(StrategicLine.title.label("line_title"))
        .join(StrategicLine, StrategicObjective.line_id == StrategicLine.id)
        .where(StrategicObjective.deleted_at.is_(None), StrategicLine.deleted_at.is_(None))
    ).all()
    pairs = [(row.id, f"{row.code or row.line_title} — {row.title}") for row in rows]
    return sorted(pairs, key=lambda pair: sort_key(pair[1]))


def refresh_choices(table: ChildTable, field: str, choices: Choices) -> None:
    """Offer new choices (periods just added) in rows already shown, keeping each pick."""
    number = column_number(table, field)
    for row in range(table.table.rowCount()):
        box = table.table.cellWidget(row, number)
        if isinstance(box, QComboBox):
            box.blockSignals(True)
            chosen = box.currentData()
            fill_combo(box, choices)
            box.setCurrentIndex(max(box.findData(chosen), 0))
            box.blockSignals(False)


SCALE_COLUMNS = [
    ChildColumn("level", N_("Level"), "integer", width=60),
    ChildColumn("label", N_("What it means"), width=220),
]


class IndicatorDialog(RecordDialog):
    model = Indicator
    form_class = Ui_IndicatorForm
    vocabularies = {
        "dimension": (vocab.DIMENSIONS, False),
        "measure": (vocab.MEASURES, False),
        "direction": (vocab.DIRECTIONS, False),
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.resize(1000, 720)  # room for the scale and SDGs beside the definition

    @property
    def indicator(self) -> Indicator:
        return cast(Indicator, self.record)

    def setup_extra_tabs(self) -> None:
        ui, session = self.ui, self.session
        self.pages = lift_pages(self, ui.sections)
        fill_combo(ui.objective_id, objective_choices(session))
        for index in range(ui.objective_id.count()):  # long titles are elided in the box
            ui.objective_id.setItemData(index, ui.objective_id.itemText(index), ToolTipRole)
        allow_empty_number(ui.baseline_value)
        allow_empty_number(ui.baseline_year)
        # the indicator of an earlier plan this one carries on: its series goes on here
        self.continues = QComboBox()
        self.continues.setObjectName("continues_id")
        fill_combo(self.continues, continues_choices(session, self.indicator.id))
        ui.indicator_form.insertRow(11, QLabel(_("Carries on")), self.continues)
        self.continues.setToolTip(
            _("The indicator of the plan before that this one carries on: its values are the "
              "earlier years of this one's series.")
        )  # fmt: skip
        self.sdg_picker = SdgPicker()
        ui.sdg_layout.addWidget(self.sdg_picker)
        self.sdg_picker.changed.connect(self.revalidate)
        self.sdg_links = SdgLinks(self.sdg_picker, lambda number: IndicatorSdg(sdg=number))
        self.entities = entity_choices(session)
        self.periods = list(
            session.scalars(
                select(Period).where(Period.deleted_at.is_(None)).order_by(Period.start_date)
            )
        )
        self.new_periods = 0
        self.scale = ChildTable(session, ScaleLevel, SCALE_COLUMNS, ScaleLevel)
        ui.scale_layout.addWidget(self.scale)
        tidy_table(self.scale, stretch="label")
        on_new_row(self.scale, lambda: {"level": max(self.levels(), default=0) + 1})
        self.targets = ChildTable(
            session,
            IndicatorTarget,
            [
                ChildColumn("period_id", N_("Period"), "choice", self.period_choices, 120),
                ChildColumn(
                    "local_entity_id",
                    N_("Local entity"),
                    "choice",
                    self.entity_list,
                    260,
                    setup=show_as_tree,
                ),
                ChildColumn("value", N_("Target"), "number", width=120),
            ],
            IndicatorTarget,
        )
        ui.targets_layout.addWidget(self.targets, 1)
        tidy_table(self.targets)
        targets = self.targets.table
        targets.horizontalHeader().setStretchLastSection(False)
        # as wide as its columns (two, or three per entity), not a grey header to the edge
        targets.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
        targets.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Expanding)
        on_new_row(self.targets, lambda: {"period_id": self.free_period()})
        self.searchable_targets = searchable_column(self.targets, "local_entity_id")
        for table in (self.scale, self.targets):
            table.changed.connect(self.revalidate)
        self.measurements = MeasurementsPanel(ui, session, self.indicator)
        self.measurements.changed.connect(self.revalidate)
        year = date.today().year
        ui.first_year.setValue(year - 5)
        ui.last_year.setValue(year + 4)
        ui.add_periods.clicked.connect(self.add_year_periods)
        self.tabs.setCurrentIndex(0)

    def period_choices(self) -> Choices:
        return [(period.id, period.label) for period in self.periods]

    def entity_list(self) -> Choices:
        return self.entities

    def levels(self) -> dict[int, str]:
        return {
            level.level: level.label or ""
            for level in sorted(self.indicator.scale_levels, key=lambda s: s.level or 0)
            if isinstance(level.level, int)
        }

    def spans(self) -> list[PeriodSpan]:
        return [PeriodSpan(p.id, p.start_date, p.end_date) for p in self.periods]

    def free_period(self) -> str | None:
        """This year's period first, then the next ones: adding rows walks through the
        years still to come (a target is for what is ahead)."""
        used = {target.period_id for target in self.indicator.targets}
        return period_for_target(self.spans(), used, date.today())

    def add_year_periods(self) -> None:
        """Calendar-year periods for the chosen range, saved with the indicator."""
        first, last = sorted((self.ui.first_year.value(), self.ui.last_year.value()))
        known = {period.label for period in self.periods}
        for year in range(first, last + 1):
            if str(year) not in known:
                period = Period(
                    id=new_uuid(),
                    label=str(year),
                    start_date=date(year, 1, 1),
                    end_date=date(year, 12, 31),
                )
                self.session.add(period)
                self.periods.append(period)
                self.new_periods += 1
        self.periods.sort(key=lambda period: period.start_date)
        refresh_choices(self.targets, "period_id", self.period_choices())
        self.measurements.set_choices(self.period_choices(), self.entities, self.spans())
        self.ui.periods_bar.setVisible(not self.periods)
        self.revalidate()

    # --- hooks --------------------------------------------------------------------------

    def load_extra(self) -> None:
        ui, indicator = self.ui, self.indicator
        self.continues.setCurrentIndex(max(self.continues.findData(indicator.continues_id), 0))
        self.scale.set_records(indicator.scale_levels)
        self.targets.set_records(indicator.targets)
        self.searchable_targets()
        self.sdg_links.load(indicator.sdgs)
        self.measurements.set_choices(self.period_choices(), self.entities, self.spans())
        self.measurements.load()
        ui.computed_group.setVisible(bool(indicator.formula))
        ui.formula_name.setText(formula_label(indicator.formula or ""))
        ui.formula_name.setToolTip(indicator.formula or "")
        ui.formula_name.setCursorPosition(0)
        definition = formula_definition(indicator.formula or "")
        ui.computed_hint.setText(
            f"{definition}\n\n{ui.computed_hint.text()}" if definition else ui.computed_hint.text()
        )
        ui.computed_note.setText(
            f"{ui.computed_note.text()}\n\n{formula_label(indicator.formula or '')}: {definition}"
            if definition
            else ui.computed_note.text()
        )
        ui.filter_text.setText(
            filter_description(indicator.formula or "", indicator.formula_filter)
        )
        ui.filter_text.setToolTip(indicator.formula_filter or "")
        ui.filter_text.setCursorPosition(0)
        ui.periods_bar.setVisible(not self.periods)
        ui.name.setCursorPosition(0)
        self.update_mode()
        if self.office.read_only:
            for page in self.pages:
                page.setEnabled(False)

    def read_extra(self) -> None:
        carried = self.continues.currentData()
        if self.indicator.continues_id != carried:
            self.indicator.continues_id = carried
        apply_table(self.session, self.record, "scale_levels", self.scale)
        apply_table(self.session, self.record, "targets", self.targets)
        self.sdg_links.apply(self.session, self.record, "sdgs")
        self.update_mode()

    def update_mode(self) -> None:
        """Show what fits the kind of measure: the scale, the entity column, entry or not."""
        indicator = self.indicator
        self.ui.scale_group.setVisible(indicator.measure == "qualitative")
        per_entity = bool(indicator.per_local_entity)
        self.targets.table.setColumnHidden(
            column_number(self.targets, "local_entity_id"), not per_entity
        )
        self.targets.table.updateGeometry()  # its width follows its columns
        self.measurements.set_levels(self.levels())
        unit = f" ({indicator.unit})" if indicator.unit else ""
        header = self.targets.table.horizontalHeaderItem(column_number(self.targets, "value"))
        if header is not None:
            header.setText(_("Target") + unit)
        self.measurements.set_mode(
            indicator.measure, per_entity, bool(indicator.formula), indicator.unit
        )

    def extra_state(self) -> Any:
        return (
            self.continues.currentData(),
            self.scale.state(),
            self.targets.state(),
            tuple(self.sdg_picker.checked()),
            self.measurements.state(),
            self.new_periods,
        )

    def child_ids(self) -> list[str]:
        ids = [
            record.id
            for table in (self.scale, self.targets)
            for record in table.records
            if record is not None and record.id
        ]
        return ids + self.sdg_links.ids() + self.measurements.ids()

    def extra_errors(self) -> list[FieldError]:
        return [
            *table_errors([(self.scale, N_("Scale")), (self.targets, N_("Targets"))]),
            *self.measurements.errors(),
        ]
