"""Temporary files an interrupted save left beside an office file, and their removal.

Every file Intl Desk writes beside the office file first takes a hidden temporary name
(:func:`intl_desk.store.backup.temporary_sibling`: ``.~NAME.<8 hex>.<purpose>``, also
for the backups ``.~NAME.before-….bak.<8 hex>.copy``) and is renamed into place when
complete; SQLite may add ``-journal`` to it. A program killed or a disk that filled up
mid-save leaves them behind. Only a program holding the office file's lock writes them,
so the next one that opens the file for editing (and so holds the lock) removes them;
``check`` names them. Exports' temporaries (``.~intl-desk-…``, ``.NAME.csv.part``) may
belong to an export running right now in another window, so they are only named, never
removed.
"""

from __future__ import annotations

import contextlib
import re
from pathlib import Path

from intl_desk.core.i18n import N_, Message

_PURPOSES = "new|copy|extract"


def _own_pattern(office: Path) -> re.Pattern[str]:
    return re.compile(
        rf"\.~{re.escape(office.name)}(\.before-[^/\\]*\.bak)?"
        rf"\.[0-9a-f]{{8}}\.({_PURPOSES})(-journal)?"
    )


def _folder(office: Path) -> Path:
    return office.parent if str(office.parent) else Path(".")


def stale_temporaries(office: Path) -> list[Path]:
    """This office file's temporaries left by an interrupted save, by name."""
    pattern = _own_pattern(office)
    try:
        names = sorted(child.name for child in _folder(office).iterdir())
    except OSError:
        return []
    return [_folder(office) / name for name in names if pattern.fullmatch(name)]


#: exports' and reports' temporary names (see :mod:`intl_desk.files.output_guard` and
#: :func:`intl_desk.exchange.export.export_list`)
_EXPORT_PATTERN = re.compile(r"\.~intl-desk-.+|\..+\.(csv|xlsx|xml)\.part")


def export_temporaries(office: Path) -> list[Path]:
    """Temporaries of exports and reports written into the office file's folder."""
    try:
        names = sorted(child.name for child in _folder(office).iterdir())
    except OSError:
        return []
    return [_folder(office) / name for name in names if _EXPORT_PATTERN.fullmatch(name)]


def remove_stale_temporaries(office: Path) -> list[Path]:
    """Remove this office file's leftovers; call only while holding its lock. Returns
    what was removed (a file that cannot be removed is left and named by ``check``)."""
    removed = []
    for path in stale_temporaries(office):
        with contextlib.suppress(OSError):
            path.unlink()
            removed.append(path)
    return removed


def leftover_problems(office: Path) -> list[Message]:
    """What ``check`` says about the leftovers beside ``office``."""
    problems = [
        Message(
            N_(
                "“{name}” is a temporary file left beside “{file}” by an interrupted save "
                "(a crash or a full disk): it is removed the next time “{file}” is opened "
                "for editing."
            ),
            {"name": path.name, "file": office.name},
        )
        for path in stale_temporaries(office)
    ]
    problems += [
        Message(
            N_(
                "“{name}” is a temporary file left by an interrupted export: delete it once "
                "no export is running."
            ),
            {"name": path.name},
        )
        for path in export_temporaries(office)
    ]
    return problems
