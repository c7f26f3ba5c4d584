"""One sheet per local entity: a page for each municipality (or district) with its
agreements, partners by country, agreements signed per year, active projects and network
roles; a table of contents by region first, and a PDF bookmark per entity so a reader
jumps to one municipality from the viewer's side panel. ``intl-desk report entities``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import IO, Any

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    KeepInFrame,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from intl_desk.core.display import country_name
from intl_desk.core.entity_sheets import EntitySheet
from intl_desk.core.evaluation.status import STATUS_LABELS
from intl_desk.core.i18n import N_, Message, _
from intl_desk.core.vocabularies import MEMBERSHIP_ROLES
from intl_desk.reports.charts import shorten
from intl_desk.reports.fonts import register_fonts
from intl_desk.reports.page import FOOTER, HEADER, MARGIN, PAGE, Letterhead, document
from intl_desk.reports.paragraphs import SharedParagraph
from intl_desk.reports.styles import BODY, HEADING, SECTION, SMALL, data_table, text
from intl_desk.reports.yearly_parts import WIDTH, figure, tiles

COUNTRIES_SHOWN = 12
PROJECTS_SHOWN = 10
NETWORKS_SHOWN = 10
YEARS_SHOWN = 10
#: the width of each of the two tables (the lists take the rest)
COLUMN = WIDTH * 0.27
FRAME_HEIGHT = PAGE[1] - 2 * MARGIN - HEADER - FOOTER - 2


class Bookmark(Flowable):
    """An invisible mark: a PDF destination and an outline entry where it is drawn."""

    def __init__(self, key: str, title: str, level: int) -> None:
        super().__init__()
        self.key, self.title, self.level = key, title, level
        self.width = self.height = 0

    def draw(self) -> None:
        # the letterhead canvas lays pages out only once all are known (for "page x of
        # y"): the mark is kept with its page and set when that page is laid out
        marks = self.canv.__dict__.setdefault("pending_marks", [])
        marks.append((self.key, self.title, self.level))


def _bookmarking(canvas_class: type[Canvas]) -> type[Canvas]:
    class BookmarkingCanvas(canvas_class):
        def showPage(self) -> None:
            super().showPage()
            self.pending_marks: list[tuple[str, str, int]] = []

        def _draw_frame(self, total: int) -> None:
            for key, title, level in self.__dict__.get("pending_marks", []):
                self.bookmarkPage(key)
                self.addOutlineEntry(title, key, level=level)
            super()._draw_frame(total)

    return BookmarkingCanvas


def write_entity_sheets_pdf(
    sheets: Sequence[EntitySheet],
    office_name: str,
    target: Path | IO[bytes],
    logo: bytes | None = None,
    today: date | None = None,
) -> None:
    register_fonts()
    period = (
        sheets[0].name  # one entity's sheet: "1 local entities" would read oddly
        if len(sheets) == 1
        else Message(N_("{count} local entities"), {"count": len(sheets)}).render()
    )
    letterhead = Letterhead(
        office_name, _("Sheet per local entity"), period, today or date.today(), logo
    )
    doc, canvas_class = document(str(target) if isinstance(target, Path) else target, letterhead)
    doc.build(entity_sheets_flowables(sheets), canvasmaker=_bookmarking(canvas_class))


def print_entity_sheets(office: Any, path: Path, region_id: str | None = None) -> Path:
    """Write the sheets of ``office`` (an open OfficeFile) to ``path``; returns it."""
    from intl_desk.core.entity_sheets import entity_sheets
    from intl_desk.core.queries import office as office_record
    from intl_desk.reports.saving import write_atomically

    with office.session() as session:
        sheets = entity_sheets(session, region_id)
        own = office_record(session)
        name, logo = (own.name, own.logo) if own else ("", None)
    write_atomically(
        Path(path),
        lambda stream: write_entity_sheets_pdf(sheets, name, stream, logo),
        [office.path],
    )
    return Path(path)


def entity_sheets_flowables(sheets: Sequence[EntitySheet]) -> list[Flowable]:
    if not sheets:
        return [
            text(_("Sheet per local entity"), HEADING),
            text(
                _(
                    "No local entity is recorded in this office file. Add the office's "
                    "municipalities or districts under Local entities, then print again."
                ),
                BODY,
            ),
        ]
    if len(sheets) == 1:  # one entity's own sheet (its form's Print sheet…): no contents
        group = sheets[0].region or _("Without region")
        return [Bookmark("region-0", group, 0), *_sheet(sheets[0], "entity-0")]
    out: list[Flowable] = [*_contents(sheets)]
    region = None
    for index, sheet in enumerate(sheets):
        if sheet.region != region:
            region = sheet.region
            out += [PageBreak(), Bookmark(f"region-{index}", region or _("Without region"), 0)]
        else:
            out.append(PageBreak())
        out += _sheet(sheet, f"entity-{index}")
    return out


def _contents(sheets: Sequence[EntitySheet]) -> list[Flowable]:
    out: list[Flowable] = [text(_("Contents by region"), HEADING), Spacer(1, 4)]
    groups: dict[str, list[tuple[int, EntitySheet]]] = {}
    for index, sheet in enumerate(sheets):
        groups.setdefault(sheet.region, []).append((index, sheet))
    for region, members in groups.items():
        heading = Message(
            N_("{region} ({count})"),
            {"region": region or _("Without region"), "count": len(members)},
        ).render()
        out.append(text(heading, SECTION))
        links = [
            f'<a href="#entity-{index}" color="#1f4e79">{_escape(shorten(sheet.name, 40))}</a>'
            for index, sheet in members
        ]
        out.append(Paragraph(" · ".join(links), SMALL))
    return out


def _escape(value: str) -> str:
    from xml.sax.saxutils import escape

    return escape(value)


def _sheet(sheet: EntitySheet, key: str) -> list[Flowable]:
    out: list[Flowable] = [text(sheet.name, HEADING)]
    if sheet.region:
        out.append(text(sheet.region, BODY))
    out += [Spacer(1, 4), tiles(_figures(sheet)), Spacer(1, 6)]
    if not (
        sheet.agreements
        or sheet.active_projects
        or sheet.network_roles
        or any(result.value is not None for result in sheet.indicators)
    ):
        nothing = _(
            "Nothing is recorded for this entity yet: agreements, projects and network "
            "memberships that name it as a party appear here."
        )
        return [Bookmark(key, sheet.name, 1), *out, text(nothing, BODY)]
    countries = _table(
        _("Partners by country"),
        [[_("Country"), _("Agreements")]]
        + [
            [country_name(code), str(n)]
            for code, n in sheet.partner_countries.most_common(COUNTRIES_SHOWN)
        ],
        len(sheet.partner_countries) - COUNTRIES_SHOWN,
    )
    years = sorted(sheet.signed_per_year.items())[-YEARS_SHOWN:]
    signed = _table(
        _("Agreements signed per year"),
        [[_("Year"), _("Agreements signed")]] + [[str(y), str(n)] for y, n in years],
        0,
    )
    projects = [shorten(t, 120) for t in sorted(sheet.active_projects)]
    roles = [
        f"{network} — {MEMBERSHIP_ROLES.label(role)}"
        for network, role in sorted(sheet.network_roles)
    ]
    lists = [
        *_list(_("Active projects"), projects, PROJECTS_SHOWN),
        *_list(_("Network roles"), roles, NETWORKS_SHOWN),
    ]
    columns = Table([[countries, signed, lists]], colWidths=[COLUMN] * 2 + [WIDTH - 2 * COLUMN])
    columns.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 14),
            ]
        )
    )
    out.append(columns)
    out += _indicators(sheet)
    # a very active entity is shrunk to its page rather than pushed onto a second one
    return [Bookmark(key, sheet.name, 1), KeepInFrame(WIDTH, FRAME_HEIGHT, out, mode="shrink")]


def _indicators(sheet: EntitySheet) -> list[Flowable]:
    """Its own indicators against their targets, with the status the engine gives."""
    if not sheet.indicators:
        return []
    title = Message(
        N_("Indicators against target, {period}"), {"period": sheet.indicator_period}
    ).render()
    rows: list[list[Any]] = [[_("Indicator"), _("Target"), _("Measured"), _("Status")]]
    for result in sheet.indicators:
        rows.append(
            [
                shorten(f"{result.code}  {result.name}".strip(), 110),
                figure(result.target, result.unit),
                figure(result.value, result.unit),
                _(STATUS_LABELS[result.status]) if result.status else "—",
            ]
        )
    table = data_table(rows, [WIDTH - 330, 110, 110, 110], 1, left=(3,))
    table.hAlign = "LEFT"
    return [Spacer(1, 6), SharedParagraph(title, SECTION), table]


def _figures(sheet: EntitySheet) -> list[tuple[str, str]]:
    return [
        (str(sheet.agreements), _("Agreements")),
        (str(sheet.active_agreements), _("Agreements in force")),
        (str(len(sheet.partner_countries)), _("Partner countries")),
        (str(len(sheet.active_projects)), _("Active projects")),
        (str(len(sheet.network_roles)), _("Network memberships")),
    ]


def _more(count: int) -> str:
    return Message(N_("… and {count} more"), {"count": count}).render()


def _table(title: str, rows: list[list[Any]], hidden: int) -> list[Flowable]:
    if len(rows) == 1:
        return []
    out: list[Flowable] = [
        SharedParagraph(title, SECTION),
        data_table(rows, [COLUMN * 0.6 - 7, COLUMN * 0.4 - 7], 1),
    ]
    if hidden > 0:
        out.append(text(_more(hidden), SMALL))
    return out


def _list(title: str, lines: list[str], shown: int) -> list[Flowable]:
    if not lines:
        return []
    out: list[Flowable] = [SharedParagraph(title, SECTION)]
    out += [text("• " + line, BODY) for line in lines[:shown]]
    if len(lines) > shown:
        out.append(text(_more(len(lines) - shown), SMALL))
    return out
