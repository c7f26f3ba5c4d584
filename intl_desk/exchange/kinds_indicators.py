"""Indicator rows: an indicator is found again by its code, else its name; a computed
one's formula and filter are checked as the indicator form checks them."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from intl_desk.core.evaluation.formula_filters import FormulaError, parse_filter
from intl_desk.core.evaluation.formulas import formula_of
from intl_desk.core.i18n import N_
from intl_desk.core.model import Indicator, StrategicObjective
from intl_desk.core.vocabularies import DIMENSIONS
from intl_desk.exchange.carried_on import CarriesOnHandler
from intl_desk.exchange.context import ImportContext, name_key
from intl_desk.exchange.importer import Issue, RowPreview


class IndicatorHandler(CarriesOnHandler):
    model = Indicator
    scalars = (
        "code",
        "name",
        "dimension",
        "measure",
        "unit",
        "direction",
        "baseline_value",
        "baseline_year",
        "cumulative",
        "description",
        "source",
        "formula",
        "formula_filter",
    )
    keys_name = "indicator_keys"
    unknown_msgid = N_(
        "“{name}”, the indicator this one carries on, is neither in the file nor in this sheet."
    )
    itself_msgid = N_(
        "An indicator cannot carry itself on: choose an indicator of an earlier plan."
    )

    def load(self, context: ImportContext, rows: list[RowPreview]) -> None:
        super().load(context, rows)
        context.extra["objectives"] = {
            name_key(title): objective_id
            for objective_id, title in context.session.execute(
                select(StrategicObjective.id, StrategicObjective.title).where(
                    StrategicObjective.deleted_at.is_(None)
                )
            )
        }

    def links(self, context: ImportContext, row: RowPreview) -> dict[str, Any]:
        objective = row.plan.get("objective_id")
        return {"objective_id": objective} if objective else {}

    def update(self, context: ImportContext, row: RowPreview, record_id: str) -> bool:
        changed = super().update(context, row, record_id)
        objective = row.plan.get("objective_id")
        found = None if record_id.startswith("row:") else context.session.get(Indicator, record_id)
        if found is not None and objective and found.objective_id != objective:
            found.objective_id = objective
            changed = True
        return changed

    def check(self, context: ImportContext, row: RowPreview) -> None:
        objective = row.values.get("objective")
        if objective:
            found = context.extra["objectives"].get(name_key(str(objective)))
            if found is None:
                row.error(
                    N_("Objective “{name}” is not in the file: import the plan lines first."),
                    name=objective,
                )
            row.plan["objective_id"] = found
        formula = row.values.get("formula")
        if formula:
            try:
                parse_filter(row.values.get("formula_filter"), formula_of(str(formula)).filters)
            except FormulaError as error:
                row.errors.append(Issue(error.message))
        super().check(context, row)

    def prepare(self, context: ImportContext, row: RowPreview) -> None:
        inferred = set()
        for key, default in (
            ("dimension", "institutional"),
            ("measure", "quantitative"),
            ("direction", "increase"),
        ):
            if not row.values.get(key):
                row.values[key] = default
                inferred.add(key)
        if "dimension" in inferred:
            row.warn(
                N_("No dimension given: “{value}” assumed."),
                value=DIMENSIONS.label("institutional"),
            )
        row.plan["inferred"] = inferred
