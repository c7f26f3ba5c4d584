"""The reports' charts and maps are drawn without ReportLab's check of every attribute
set on a shape (intl_desk/reports/shapes.py), a tenth of the overview's drawing time.
ReportLab puts the check in place when its graphics modules are first imported, so this
runs in a fresh interpreter: a report module importing ``reportlab.graphics`` before
intl_desk.reports.shapes would bring it back."""

from __future__ import annotations

import subprocess
import sys

REPORTS = ("overview", "yearly", "handover", "entity_sheets", "partner_sheet", "agreement_sheet")

CHECKED = f"""
import {", ".join(f"intl_desk.reports.{name}" for name in REPORTS)}
from reportlab.graphics.shapes import Shape
from reportlab.graphics.widgetbase import PropHolder
print([kind.__name__ for kind in (Shape, PropHolder) if "__setattr__" in vars(kind)])
"""


def test_no_report_draws_its_shapes_checked() -> None:
    done = subprocess.run(
        [sys.executable, "-c", CHECKED], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]"
