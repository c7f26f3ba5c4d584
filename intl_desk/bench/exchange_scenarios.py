"""Bench scenarios of spreadsheets in and out, on the state demo file.

Each returns the seconds of the measured work only: building the register to import and
copying the office file (so the kept demo is never modified) are not timed.
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

IMPORT_ROWS = 10_000
LARGE_IMPORT_ROWS = 50_000


def _register(path: Path, session: object, rows: int, seed: int = 11) -> None:
    """An office-like register: a title above the column titles, French titles, mixed date
    styles, partner names in any case, country names in several languages. Written with
    shared strings, as Excel saves a workbook (openpyxl's write-only inline strings take
    openpyxl twice as long to read back, and no office's register looks like that). A
    partner that shares its name with another of its country (two Jacksons of the United
    States) has its GeoNames id in the last column, as the import asks, else the row would
    be refused; the other rows leave it empty."""
    from collections import Counter

    from sqlalchemy import select
    from sqlalchemy.orm import Session

    from intl_desk.core.folding import fold
    from intl_desk.core.model import LocalEntity, Partner
    from intl_desk.files.xlsx_writer import write_xlsx

    assert isinstance(session, Session)
    rng = random.Random(seed)
    partners = list(
        session.execute(select(Partner.name, Partner.country_code, Partner.geonames_id))
    )
    shared = Counter((fold(name), country) for name, country, _place in partners)
    entities = list(session.scalars(select(LocalEntity.name)))
    names = {"BR": "Brésil", "PT": "Portugal", "FR": "Francia", "AR": "Argentina", "US": "USA"}
    table: list[list[object]] = [
        ["Registre des accords internationaux"],
        [],
        [
            "Intitulé",
            "Partenaire",
            "Pays",
            "Entité",
            "Type",
            "Date de signature",
            "Échéance",
            "Référence",
            "GeoNames",
        ],
    ]
    for number in range(rows):
        name, country, place = rng.choice(partners)
        signed = date(1990, 1, 1) + timedelta(days=rng.randint(0, 12_000))
        style = number % 3
        written: object = (
            signed
            if style == 0
            else signed.strftime("%d/%m/%Y")
            if style == 1
            else signed.isoformat()
        )
        table.append(
            [
                f"Accord importé nº {number + 1}",
                name.upper() if number % 5 == 0 else name,
                names.get(country, country),
                rng.choice(entities),
                rng.choice(["Jumelage", "Coopération", "Memorando de entendimento", "mou"]),
                written,
                (signed + timedelta(days=3650)).isoformat(),
                f"IMP-{number + 1:05d}",
                place if shared[(fold(name), country)] > 1 else None,
            ]
        )
    write_xlsx(path, "Registre", table)


def _import(file: Path, rows: int) -> float:
    from intl_desk.exchange.import_write import apply_import
    from intl_desk.exchange.importer import preview_import
    from intl_desk.store.backup import backup_copy
    from intl_desk.store.office_file import OfficeFile

    with tempfile.TemporaryDirectory(prefix="intl-desk-bench-import-") as folder:
        copy = Path(folder) / "state-copy.sqlite"
        backup_copy(file, copy)
        register = Path(folder) / "register.xlsx"
        with OfficeFile.open(copy, read_only=True) as office, office.session() as session:
            _register(register, session, rows)
        with OfficeFile.open(copy) as office, office.session() as session:
            started, cpu_started = time.perf_counter(), time.process_time()
            preview = preview_import(session, register, "agreements")
            checked, cpu_checked = time.perf_counter(), time.process_time()
            result = apply_import(session, preview, release_rows=True)  # as `import` does
            elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
        print(
            f"note: timed part cpu {cpu:.2f} s (check {cpu_checked - cpu_started:.2f} s, "
            f"write {cpu - (cpu_checked - cpu_started):.2f} s); wall check "
            f"{checked - started:.2f} s, write {elapsed - (checked - started):.2f} s",
            file=sys.stderr,
        )
        if result.imported < rows * 0.95:
            raise RuntimeError(f"only {result.imported} rows imported")
    return elapsed


def import_agreements(file: Path) -> float:
    """Import 10,000 agreement rows from xlsx into a copy of the state file."""
    return _import(file, IMPORT_ROWS)


def import_agreements_50k(file: Path) -> float:
    """Import 50,000 agreement rows from xlsx into a copy of the state file (the issue's
    budget: 10 s, 250 MB peak, on a 2-core machine)."""
    return _import(file, LARGE_IMPORT_ROWS)


def export_agreements_xlsx(file: Path) -> float:
    """Export every agreement of the state file (20,000) to xlsx."""
    from intl_desk.exchange.export import export_list
    from intl_desk.store.office_file import OfficeFile

    with tempfile.TemporaryDirectory(prefix="intl-desk-bench-export-") as folder:
        started = time.perf_counter()
        with OfficeFile.open(file, read_only=True) as office, office.session() as session:
            count = export_list(session, "agreements", Path(folder) / "agreements.xlsx")
        elapsed = time.perf_counter() - started
    if count < 20_000:
        raise RuntimeError(f"only {count} agreements exported")
    return elapsed
