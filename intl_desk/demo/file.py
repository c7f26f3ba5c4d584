"""Writing a demo office file: built under a temporary name, renamed when complete."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from intl_desk.core.i18n import _
from intl_desk.demo import DemoSummary, Scale, populate_demo
from intl_desk.store.office_file import OfficeFile


def write_demo_file(
    path: Path,
    *,
    scale: Scale = "city",
    seed: int = 1,
    today: date | None = None,
    progress: Callable[[str], None] | None = None,
) -> DemoSummary:
    """Create ``path`` (which must not exist) holding a demo office.

    ``progress`` receives each step's message, already translated. A failure or an
    interruption leaves no file under ``path``.
    """
    work = path.with_name(path.name + ".part")
    work.unlink(missing_ok=True)
    try:
        office = OfficeFile.create(work, _("Demo office"))
        try:
            with office.session() as session:
                summary = populate_demo(
                    session,
                    scale=scale,
                    seed=seed,
                    today=today,
                    progress=None if progress is None else lambda text: progress(_(text)),
                )
                session.commit()
        finally:
            office.close()
        work.replace(path)
    finally:
        work.unlink(missing_ok=True)
    return summary
