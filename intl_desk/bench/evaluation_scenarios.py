"""Benchmark scenarios of the evaluation reports (run by ``intl-desk bench``).

Each returns the seconds a user waits for at the command line once the program has
started: from opening the office file to the last byte of the PDF.
"""

from __future__ import annotations

import io
import time
from datetime import date
from pathlib import Path


def yearly_pdf(file: Path) -> float:
    """The state's yearly report for last year (the last complete one), indicators,
    trends, lists and annexes included."""
    from intl_desk.core.evaluation.yearly import compute_yearly
    from intl_desk.reports.fonts import register_fonts
    from intl_desk.reports.yearly import write_yearly_pdf
    from intl_desk.store.office_file import OfficeFile

    register_fonts()
    started = time.perf_counter()
    with OfficeFile.open(file, read_only=True) as office, office.session() as session:
        report = compute_yearly(session, date.today().year - 1)
    buffer = io.BytesIO()
    write_yearly_pdf(report, buffer)
    elapsed = time.perf_counter() - started
    if report.headline.active < 1000 or buffer.tell() < 10_000:
        raise RuntimeError("the state's yearly report should cover thousands of agreements")
    return elapsed


def handover_pdf(file: Path) -> float:
    """The state's handover report as of today."""
    from intl_desk.core.evaluation.handover import compute_handover
    from intl_desk.reports.fonts import register_fonts
    from intl_desk.reports.handover import write_handover_pdf
    from intl_desk.store.office_file import OfficeFile

    register_fonts()
    started = time.perf_counter()
    with OfficeFile.open(file, read_only=True) as office, office.session() as session:
        report = compute_handover(session)
    buffer = io.BytesIO()
    write_handover_pdf(report, buffer)
    elapsed = time.perf_counter() - started
    if len(report.agreements) < 1000:
        raise RuntimeError("the state's handover report should list thousands of agreements")
    return elapsed


def entity_sheets_pdf(file: Path) -> float:
    """A page per local entity of the state (853 municipalities and their regions), as
    ``intl-desk report entities`` writes them."""
    from intl_desk.core.entity_sheets import entity_sheets
    from intl_desk.core.queries import office as office_record
    from intl_desk.reports.entity_sheets import write_entity_sheets_pdf
    from intl_desk.reports.fonts import register_fonts
    from intl_desk.store.office_file import OfficeFile

    register_fonts()
    started = time.perf_counter()
    with OfficeFile.open(file, read_only=True) as office, office.session() as session:
        sheets = entity_sheets(session, None, None)
        own = office_record(session)
        name = own.name if own else ""
    buffer = io.BytesIO()
    write_entity_sheets_pdf(sheets, name, buffer)
    elapsed = time.perf_counter() - started
    if len(sheets) < 853 or buffer.tell() < 100_000:
        raise RuntimeError("the state's sheets should cover every municipality")
    return elapsed
