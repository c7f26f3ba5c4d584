"""Typed errors of imports and exports, each one sentence a user can act on."""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

from intl_desk.core.errors import IntlDeskError
from intl_desk.core.i18n import N_, Message


class ExchangeError(IntlDeskError):
    """A spreadsheet or export target that cannot be used as it is; nothing was written."""

    msgid: ClassVar[str] = N_("“{file}” could not be read: check the file and try again.")

    def __init__(self, path: Path | str, **params: Any) -> None:
        self.path = Path(path)
        super().__init__(Message(self.msgid, {"file": self.path.name, **params}))


class SpreadsheetMissing(ExchangeError):
    msgid = N_("“{file}” cannot be found: check its name and folder.")


class SpreadsheetNotAFile(ExchangeError):
    """A folder, a pipe or a device: never opened, since reading a pipe waits forever."""

    msgid = N_(
        "“{file}” is not an ordinary file (it is a folder, a pipe or a device): choose the "
        "spreadsheet itself."
    )


class SpreadsheetNotReadable(ExchangeError):
    msgid = N_(
        "You are not allowed to read “{file}”: ask for access to it or save a copy of your own "
        "and import that."
    )


class CellTooLong(ExchangeError):
    msgid = N_(
        "“{file}” has a cell longer than {limit} characters, more than any field of Intl Desk "
        "holds: shorten it (or move that text to a document) and import again."
    )


class DamagedUtf8(ExchangeError):
    """UTF-8 text with a few bytes that are not: read as Windows-1252, every accent of the
    file would turn into two wrong letters ("IntitulÃ©"), so it is refused instead."""

    msgid = N_(
        "“{file}” is UTF-8 text, but line {lines} holds bytes that are not (a part saved in "
        "another encoding): open it in your spreadsheet program, correct the text there, "
        "save it as CSV UTF-8 and import again."
    )


class NotASpreadsheet(ExchangeError):
    msgid = N_(
        "“{file}” is not a spreadsheet Intl Desk can read: save it as .xlsx or .csv and try again."
    )


class SpreadsheetDamaged(ExchangeError):
    msgid = N_(
        "“{file}” is damaged or not a spreadsheet ({reason}): open it in your spreadsheet "
        "program and save it again as .xlsx or .csv."
    )


class SpreadsheetProtected(ExchangeError):
    msgid = N_(
        "“{file}” is protected by a password: open it in your spreadsheet program, remove the "
        "password (or save an unprotected copy) and import that."
    )


class SpreadsheetTooLarge(ExchangeError):
    msgid = N_("“{file}” is {found}, larger than the {limit} read at once: import it in parts.")


class TooManyRows(ExchangeError):
    msgid = N_(
        "“{file}” has more than {limit} rows, more than are read at once: import it in "
        "parts of at most {limit} rows."
    )


class TooManyColumns(ExchangeError):
    msgid = N_(
        "“{file}” has more than {limit} columns, more than a register can have: delete the "
        "columns that are not part of the table and import again."
    )


class TooManyCells(ExchangeError):
    msgid = N_(
        "“{file}” spans {rows} rows by {columns} columns, more than the {limit} cells read at "
        "once: delete the empty rows and columns around the table (or import it in parts)."
    )


class WorksheetMissing(ExchangeError):
    msgid = N_("“{file}” has no worksheet named “{sheet}”; it has: {sheets}.")


class NoHeaderRow(ExchangeError):
    msgid = N_(
        "No row of column titles was found in “{file}”: the first rows should name the columns "
        "(for example Title, Partner, Country, Signed)."
    )


class UnknownKind(IntlDeskError):
    def __init__(self, kind: str, known: list[str]) -> None:
        super().__init__(
            Message(
                N_("“{kind}” cannot be imported or exported; choose one of: {known}."),
                {"kind": kind, "known": ", ".join(known)},
            )
        )


class ExportFailed(ExchangeError):
    msgid = N_("“{file}” could not be written: check that it is not open in another program.")


class NothingToExport(IntlDeskError):
    """IATI files hold at least one activity: an empty one would not be valid."""

    def __init__(self) -> None:
        super().__init__(
            Message(
                N_(
                    "There are no projects to export: add a project first, or change the "
                    "search and filters."
                )
            )
        )
