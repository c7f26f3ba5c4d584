"""Writing a report's file: atomically, beside the destination first, never over an office
file; and the yearly and handover reports computed and saved (for the command line and the
app alike)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

from intl_desk.core.errors import IntlDeskError
from intl_desk.core.i18n import N_, Message


class ReportOptionError(IntlDeskError):
    """An unusable report option (exit code 2, one line on stderr)."""


def write_atomically(output: Path, write: Any, sources: Iterable[Path | str] = ()) -> None:
    """Call ``write(handle)`` on a temporary file beside ``output``, then move it there.

    ``sources`` are the office files being read: the output guard refuses to write over
    them, their lock, journal or backups (or over any other office file).
    """
    from intl_desk.files.output_guard import write_guarded

    folder = output.parent if str(output.parent) else Path(".")
    if not folder.is_dir():
        raise ReportOptionError(
            Message(N_("The folder {folder} does not exist."), {"folder": str(folder)})
        )
    write_guarded(output, write, sources)


def save_yearly(
    office: Any,
    year: int,
    output: Path,
    today: date | None = None,
    *,
    approved_only: bool = False,
    as_of: str | None = None,
) -> Path:
    """Compute the yearly report of an open office file and write its PDF to ``output``
    (atomically); used by the command line and the app. ``as_of``: a cloned file's last
    sync, said at the top of every page."""
    from intl_desk.core.evaluation.yearly import compute_yearly
    from intl_desk.core.queries import office as office_record
    from intl_desk.reports.yearly import write_yearly_pdf

    with office.session() as session:
        report = compute_yearly(session, year, today, approved_only=approved_only)
        own = office_record(session)
        logo = own.logo if own else None
    write_atomically(
        output, lambda stream: write_yearly_pdf(report, stream, logo, as_of), [office.path]
    )
    return output


def handover_workbook_path(output: Path) -> Path:
    """The workbook of full listings beside the handover PDF: same name, ``.xlsx``."""
    return output.with_suffix(".xlsx")


def save_handover(office: Any, output: Path, today: date | None = None) -> Path:
    """Compute the handover report of an open office file and write its PDF, and the
    workbook of its full listings beside it (the PDF names it)."""
    from intl_desk.core.evaluation.handover import compute_handover
    from intl_desk.core.queries import office as office_record
    from intl_desk.files.output_guard import guard_output
    from intl_desk.reports.handover import write_handover_pdf
    from intl_desk.reports.handover_workbook import write_handover_workbook

    workbook = handover_workbook_path(output)
    guard_output(workbook, [office.path])
    with office.session() as session:
        report = compute_handover(session, today)
        own = office_record(session)
        logo = own.logo if own else None
    write_atomically(
        workbook, lambda stream: write_handover_workbook(report, stream), [office.path]
    )
    write_atomically(
        output,
        lambda stream: write_handover_pdf(report, stream, logo, workbook.name),
        [office.path],
    )
    return output
