"""Writing a report's PDF from the app: off the GUI thread, then opened.

The overview, the yearly and handover reports and the agreement sheet all ask where to
save, write with the command line's code and open the result. Writing a state's yearly
report takes seconds, so it runs as an :class:`~intl_desk.ui.operations.Operation` with
progress in the window's status bar; the window stays usable meanwhile.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QMainWindow, QWidget

from intl_desk.core.i18n import N_, Message, _
from intl_desk.ui.operations import BusyIndicator, Operation


def write_pdf(
    parent: QWidget,
    path: Path,
    write: Callable[[Path], object],
    written: Callable[[Path], object],
) -> Operation[Path]:
    """Run ``write(path)`` in the background, then ``written(path)`` on the GUI thread.

    ``write`` must open its own sessions (it runs on a worker thread); a failure is shown
    as a message naming what went wrong, and nothing is opened.
    """

    def work(_progress: object) -> Path:
        write(path)
        return path

    window = parent.window()
    indicator = getattr(window, "busy", None) if isinstance(window, QMainWindow) else None
    return Operation(
        parent,
        work,
        written,
        label=Message(N_("Writing {file}…"), {"file": path.name}).render(),
        indicator=indicator if isinstance(indicator, BusyIndicator) else None,
        failure_title=_("Cannot save the PDF"),
    ).run()


def suggested_pdf_name(title: str | None, fallback: str) -> str:
    """A file name offered for a record's PDF: its title without the characters file
    systems refuse, at most 80 characters, ``fallback`` when nothing is left."""
    name = "".join(c if c.isalnum() or c in " -_" else " " for c in title or "")
    return f"{' '.join(name.split())[:80] or fallback}.pdf"
