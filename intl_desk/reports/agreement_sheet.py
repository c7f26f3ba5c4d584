"""The one-page agreement sheet: who, what, when, why and what came of it, on the shared
page template. Printed from the agreement form through :func:`print_agreement_sheet`.

Long texts are cut so the sheet stays on one page: it is the page that goes into the
mayor's briefing folder; the form holds the full record.
"""

from __future__ import annotations

from pathlib import Path
from typing import IO, Any
from xml.sax.saxutils import escape

from reportlab.lib.colors import HexColor
from reportlab.platypus import Flowable, KeepInFrame, Paragraph, Spacer, Table, TableStyle

from intl_desk.core.display import date_text
from intl_desk.core.evaluation.sheet import AgreementSheet, agreement_sheet
from intl_desk.core.i18n import N_, Message, _, current_language
from intl_desk.core.reference import sdg_goals
from intl_desk.reports.charts import shorten
from intl_desk.reports.fonts import register_fonts
from intl_desk.reports.page import FOOTER, HEADER, MARGIN, PAGE, Letterhead, document
from intl_desk.reports.styles import BODY, HEADING, SECTION, SMALL, text
from intl_desk.reports.yearly_parts import WIDTH

OBJECTIVES_SHOWN = 8
SIGNATORIES_SHOWN = 12
LONG_TEXT = 700
#: the page's frame
FRAME_HEIGHT = PAGE[1] - 2 * MARGIN - HEADER - FOOTER - 2


def write_agreement_sheet_pdf(
    sheet: AgreementSheet,
    target: Path | IO[bytes],
    logo: bytes | None = None,
    today: Any = None,
) -> None:
    from datetime import date

    register_fonts()
    letterhead = Letterhead(
        sheet.office_name,
        _("Agreement sheet"),
        sheet.reference or sheet.type,
        today or date.today(),
        logo,
    )
    doc, canvas_class = document(str(target) if isinstance(target, Path) else target, letterhead)
    doc.build(_story(sheet), canvasmaker=canvas_class)


def print_agreement_sheet(office: Any, agreement_id: str, path: Path) -> Path:
    """Write the sheet of ``agreement_id`` from ``office`` (an open
    :class:`~intl_desk.store.office_file.OfficeFile`) to ``path``; returns ``path``.

    Reads in a session of its own, so unsaved edits of an open form are not printed:
    the form should save first. Raises the store's and core's typed errors.
    """
    from intl_desk.core.queries import office as office_record
    from intl_desk.reports.saving import write_atomically

    with office.session() as session:
        sheet = agreement_sheet(session, agreement_id)
        own = office_record(session)
        logo = own.logo if own else None
    write_atomically(
        Path(path), lambda stream: write_agreement_sheet_pdf(sheet, stream, logo), [office.path]
    )
    return Path(path)


def _story(sheet: AgreementSheet) -> list[Flowable]:
    head = f"{sheet.type} · {sheet.status}"
    if sheet.reference:
        head += f" · {sheet.reference}"
    left = [
        *_block(_("Our side"), sheet.our_side),
        *_block(_("Partners"), sheet.partners),
        Paragraph(_("Dates"), SECTION),
        _dates(sheet),
        *_block(_("Signatories"), _signatories(sheet)),
        *_block(_("Themes"), [", ".join(sheet.themes)] if sheet.themes else []),
        *_block(_("SDGs"), [_sdg_text(sheet.sdgs)] if sheet.sdgs else []),
        *_block(_("Projects under the agreement"), sheet.projects),
        *_block(_("Documents kept in the file"), sheet.documents),
    ]
    indicator_label = _("indicator")
    objectives = [
        f"{text_} — {indicator_label}: {indicator}" if indicator else text_
        for text_, indicator in sheet.objectives[:OBJECTIVES_SHOWN]
    ]
    if len(sheet.objectives) > OBJECTIVES_SHOWN:
        objectives.append("…")
    right = [
        *_block(_("Objectives"), objectives, bullets=True),
        *_long(_("Change of team"), sheet.survival),
        *_long(_("Summary"), sheet.summary),
        *_long(_("Lessons learned"), sheet.lessons),
        *_long(_("Notes"), sheet.notes),
    ]
    columns = Table([[left, right]], colWidths=[WIDTH * 0.42, WIDTH * 0.58])
    columns.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (0, -1), 14),
            ]
        )
    )
    page = [text(shorten(sheet.title, 160), HEADING), text(head, BODY), Spacer(1, 8), columns]
    # a record with 25 signatories or pages of objectives is shrunk to fit the one page
    # rather than failing: the form holds every word
    return [KeepInFrame(WIDTH, FRAME_HEIGHT, page, mode="shrink")]


def _signatories(sheet: AgreementSheet) -> list[str]:
    lines = [f"{n}, {p} — {s}" if p else f"{n} — {s}" for n, p, s in sheet.signatories]
    if len(lines) > SIGNATORIES_SHOWN:
        rest = len(lines) - SIGNATORIES_SHOWN + 1
        lines = [
            *lines[: SIGNATORIES_SHOWN - 1],
            Message(N_("… and {count} more"), {"count": rest}).render(),
        ]
    return lines


def _block(title: str, lines: Any, bullets: bool = False) -> list[Flowable]:
    if not lines:
        return []
    marker = "• " if bullets else ""
    return [
        Paragraph(title, SECTION),
        *[Paragraph(marker + escape(shorten(line, 300)), BODY) for line in lines],
        Spacer(1, 4),
    ]


def _long(title: str, value: str) -> list[Flowable]:
    if not value.strip():
        return []
    return [Paragraph(title, SECTION), text(shorten(value.strip(), LONG_TEXT), BODY), Spacer(1, 4)]


def _dates(sheet: AgreementSheet) -> Table:
    rows = [[_(label), date_text(value) if value else "—"] for label, value in sheet.dates]
    if sheet.perpetual:
        rows[-1][1] = _("perpetual")
    rows.append([_("Renewal"), sheet.renewal or "—"])
    if sheet.legal_authorisation:
        rows.append([_("Authorised by"), text(sheet.legal_authorisation, SMALL)])
    if sheet.languages:
        rows.append([_("Languages"), sheet.languages])
    if sheet.responsible:
        rows.append([_("Responsible"), sheet.responsible])
    table = Table(rows, colWidths=[90, None])
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), BODY.fontName, 8),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),  # a label beside its wrapped value
                ("TEXTCOLOR", (0, 0), (0, -1), HexColor("#666666")),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ]
        )
    )
    return table


def _sdg_text(numbers: tuple[int, ...]) -> str:
    goals = {goal.number: goal for goal in sdg_goals()}
    return "; ".join(
        f"{n}. {goals[n].short_name(current_language())}" if n in goals else str(n) for n in numbers
    )


__all__ = ["print_agreement_sheet", "write_agreement_sheet_pdf"]
