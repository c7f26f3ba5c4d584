"""A number box that shows a value as a person wrote it: 180 students, not "180.00".

A ``QDoubleSpinBox`` always writes its fixed number of decimals; measured values and
baselines are mostly counts (visitors, students, agreements), sometimes rates with
decimals, so the box keeps up to its decimals but drops the zeros a count never had.
Designer forms use it as a promoted ``QDoubleSpinBox``.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDoubleSpinBox


class NumberField(QDoubleSpinBox):
    def textFromValue(self, value: float) -> str:
        """``value`` in the box's language (12 500,5 in French), without trailing zeros."""
        locale = self.locale()
        text = locale.toString(value, "f", self.decimals())
        if not self.isGroupSeparatorShown():
            text = text.replace(locale.groupSeparator(), "")
        point = locale.decimalPoint()
        if point in text:
            text = text.rstrip("0").rstrip(point)
        return text
