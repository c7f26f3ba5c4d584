"""The state demo through spreadsheets and back (issue 14's "Done when"): every kind
exported to xlsx and to csv, each imported into a new office file, every record
compared field by field, and the new file exported again to the same files. Not a speed
budget: the scenario fails, naming the first differences, when anything is lost or
refused on the way."""

from __future__ import annotations

import hashlib
import sys
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

LANGUAGE = "pt"  # the state demo's office writes Portuguese


def round_trip_state(file: Path) -> float:
    """Export every kind of the state file to xlsx and csv, import each into a new file,
    compare; returns the seconds of both trips.

    The two files are compared one section (agreements, projects…) at a time, each read
    from both files and let go before the next: the state's snapshots held whole, with
    the import, took 818 MiB."""
    from sqlalchemy import select

    from intl_desk.core.i18n import language_pinned
    from intl_desk.core.memory import give_back_freed_memory
    from intl_desk.core.model import Office
    from intl_desk.exchange.round_trip import export_all, file_differences, import_all
    from intl_desk.store.office_file import OfficeFile

    with OfficeFile.open(file, read_only=True) as office, office.session() as session:
        # the new file is the same office's (its currency converts the budgets the same)
        own = session.scalars(select(Office).where(Office.deleted_at.is_(None))).one()
        settings = (own.kind, own.country_code, own.language, own.currency)
    started = time.perf_counter()
    failures: list[str] = []
    counted: dict[str, int] = {}
    with (
        tempfile.TemporaryDirectory(prefix="intl-desk-bench-trip-") as folder,
        language_pinned(LANGUAGE),
    ):
        for suffix in (".xlsx", ".csv"):
            trip = Path(folder) / suffix.strip(".")
            trip.mkdir()
            with OfficeFile.open(file, read_only=True) as office, office.session() as session:
                export_all(session, trip, suffix)
            fresh = trip / "fresh.sqlite"
            with (
                OfficeFile.create(
                    fresh,
                    "Round trip",
                    kind=settings[0],
                    country_code=settings[1],
                    language=settings[2],
                    currency=settings[3],
                ) as office,
                office.session() as session,
            ):
                report = import_all(session, trip, suffix, LANGUAGE)
            again = trip / "again"
            again.mkdir()
            with OfficeFile.open(fresh, read_only=True) as office, office.session() as session:
                export_all(session, again, suffix)  # exported again: the same files
            lost, counted = compared_records(file, fresh)
            give_back_freed_memory()  # the snapshots compared
            problems = report.problems()
            print(
                f"note: {suffix}: {len(problems)} rows refused, skipped or columns left out; "
                f"{len(lost)} differences shown",
                file=sys.stderr,
            )
            failures += [f"{suffix} import: {line}" for line in problems[:20]]
            failures += [f"{suffix}: {line}" for line in lost]
            changed = file_differences(trip, again, suffix, LANGUAGE)
            give_back_freed_memory()  # the sheets compared
            print(f"note: {suffix}: {len(changed)} sheets differ exported again", file=sys.stderr)
            failures += [f"{suffix} exported again: {line}" for line in changed[:20]]
    print(f"note: compared {counted}", file=sys.stderr)
    elapsed = time.perf_counter() - started
    if failures:
        raise RuntimeError("the round trip lost or changed:\n" + "\n".join(failures))
    return elapsed


def compared_records(
    original: Path, fresh: Path, limit: int = 20
) -> tuple[list[str], dict[str, int]]:
    """(the first ``limit`` differences between the two files, the records compared per
    section), one section of one file read at a time.

    Each record is kept as a digest of its fields (the state's agreements held whole
    from both files took 70 MiB); only the records whose digests differ are read again,
    whole, to say what changed."""
    from intl_desk.exchange.round_trip import differences
    from intl_desk.exchange.round_trip_records import SECTIONS
    from intl_desk.store.office_file import OfficeFile

    lost: list[str] = []
    counted: dict[str, int] = {}
    with (
        OfficeFile.open(original, read_only=True) as first,
        OfficeFile.open(fresh, read_only=True) as second,
    ):
        for name, read in SECTIONS.items():
            with first.session() as session:
                before = _digests(read(session))
            with second.session() as session:
                after = _digests(read(session))
            counted[name] = len(before)
            changed = [key for key, digest in before.items() if after.get(key) != digest]
            changed += [key for key in after if key not in before]
            del before, after
            if not changed:
                continue
            wanted = set(changed[: limit - len(lost)])
            with first.session() as session:
                old = {key: fields for key, fields in read(session) if key in wanted}
            with second.session() as session:
                new = {key: fields for key, fields in read(session) if key in wanted}
            lost += differences({name: old}, {name: new}, limit - len(lost))
            if len(lost) >= limit:
                break
    return lost, counted


def _digests(records: Iterable[tuple[Any, dict[str, Any]]]) -> dict[Any, bytes]:
    """Each record's key and a digest of its fields. Two records of equal digests are
    equal; unequal digests are compared again field by field (a value may print
    otherwise and still be equal)."""
    return {
        key: hashlib.blake2b(repr(fields).encode(), digest_size=16).digest()
        for key, fields in records
    }
