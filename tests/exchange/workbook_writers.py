"""Registers saved as OpenDocument (.ods, with odfpy) and old Excel (.xls, with xlwt), the
way LibreOffice and older Excel leave them: text typed in cells, numbers and dates as
such, cells merged down a column."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

#: (first row, last row, column), counted from 0: one value merged down the column
Merge = tuple[int, int, int]


@dataclass(frozen=True)
class OdsFormula:
    """A formula cell as LibreOffice saves it: with the error it shows (``error``), or
    without any result when the file was written by a program that does not compute."""

    formula: str
    error: str | None = None


_CALCEXT = "urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"


def write_ods(path: Path, rows: Sequence[Sequence[Any]], merges: Sequence[Merge] = ()) -> Path:
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import CoveredTableCell, Table, TableCell, TableRow
    from odf.text import P

    document = OpenDocumentSpreadsheet()
    table = Table(name="Registro")
    spans = {(top, column): bottom - top + 1 for top, bottom, column in merges}
    covered = {
        (row, column) for top, bottom, column in merges for row in range(top + 1, bottom + 1)
    }
    for number, values in enumerate(rows):
        row = TableRow()
        for column, value in enumerate(values):
            if (number, column) in covered:
                row.addElement(CoveredTableCell())
                continue
            attributes: dict[str, Any] = {}
            if (number, column) in spans:
                attributes["numberrowsspanned"] = spans[(number, column)]
            if isinstance(value, OdsFormula) and value.error:
                cell = TableCell(formula=value.formula, valuetype="string", stringvalue="")
                cell.setAttrNS(_CALCEXT, "value-type", "error")
                cell.addElement(P(text=value.error))
            elif isinstance(value, OdsFormula):
                cell = TableCell(formula=value.formula)
            elif isinstance(value, bool) or value is None:
                cell = TableCell(**attributes)
            elif isinstance(value, int | float):
                cell = TableCell(valuetype="float", value=value, **attributes)
                cell.addElement(P(text=str(value)))
            elif isinstance(value, date):
                cell = TableCell(valuetype="date", datevalue=value.isoformat(), **attributes)
                cell.addElement(P(text=value.strftime("%d/%m/%Y")))
            else:
                cell = TableCell(valuetype="string", **attributes)
                cell.addElement(P(text=str(value)))
            row.addElement(cell)
        table.addElement(row)
    document.spreadsheet.addElement(table)
    document.save(str(path))
    return path


def write_xls(path: Path, rows: Sequence[Sequence[Any]], merges: Sequence[Merge] = ()) -> Path:
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("Registro")
    day = xlwt.easyxf(num_format_str="DD/MM/YYYY")
    starts = {(top, column): bottom for top, bottom, column in merges}
    covered = {
        (row, column) for top, bottom, column in merges for row in range(top + 1, bottom + 1)
    }
    for number, values in enumerate(rows):
        for column, value in enumerate(values):
            if value is None or (number, column) in covered:
                continue
            if (number, column) in starts:
                sheet.write_merge(number, starts[(number, column)], column, column, value)
            elif isinstance(value, date):
                sheet.write(number, column, value, day)
            else:
                sheet.write(number, column, value)
    book.save(str(path))
    return path
