"""Evaluation: indicators against targets, measurements due, yearly and handover figures.

Qt-free and portable SQL: the app, the reports and the command line all read the same
figures from here. The rules are in :mod:`.status`, the computed indicators in
:mod:`.formulas`, the per-period figures in :mod:`.engine`.
"""

from intl_desk.core.evaluation.engine import (
    Assessment,
    Evaluation,
    IndicatorInfo,
    MeasuredValue,
    PeriodInfo,
)
from intl_desk.core.evaluation.formulas import FORMULAS, FormulaError, formula_of
from intl_desk.core.evaluation.status import STATUS_LABELS, Status, is_favourable

__all__ = [
    "FORMULAS",
    "STATUS_LABELS",
    "Assessment",
    "Evaluation",
    "FormulaError",
    "IndicatorInfo",
    "MeasuredValue",
    "PeriodInfo",
    "Status",
    "formula_of",
    "is_favourable",
]
