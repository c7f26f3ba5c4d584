"""The overview PDF: a first page that stands alone, the detail, then the appendix of
every local entity and every partner country.

It draws an :class:`~intl_desk.core.overview.Overview` computed by core: the dashboard on
screen draws the same object, so paper and screen agree figure for figure.
"""

from __future__ import annotations

from pathlib import Path
from typing import IO, Any
from xml.sax.saxutils import escape

from reportlab.lib.colors import HexColor
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from intl_desk.core import vocabularies as vocab
from intl_desk.core.display import date_text, number_text
from intl_desk.core.evaluation.status import STATUS_LABELS
from intl_desk.core.i18n import N_, Message, _
from intl_desk.core.overview import labels, style, territory_labels
from intl_desk.core.overview.figures import Overview
from intl_desk.reports import charts
from intl_desk.reports.appendix import appendix
from intl_desk.reports.fonts import register_fonts
from intl_desk.reports.page import PAGE, Letterhead, document
from intl_desk.reports.shapes import Drawing
from intl_desk.reports.styles import (
    ADVICE,
    SECTION,
    SMALL,
    TILE_LABEL,
    data_table,
    fitted_widths,
    text,
    tile_value,
)
from intl_desk.reports.territory_map import territory_drawing
from intl_desk.reports.world_map import map_drawing

WIDTH = PAGE[0] - 56  # the frame's width
TOP_THEMES = 8
TOP_ENTITIES = 10
TOP_FUNDERS = 10


def write_overview_pdf(
    overview: Overview,
    target: Path | IO[bytes],
    logo: bytes | None = None,
    as_of: str | None = None,
) -> None:
    """Write the overview of ``overview`` to ``target`` (a path or a binary file).
    ``as_of``: on a file cloned from an office server, when it last synchronised (the
    figures are the office's as of then), said under the period on every page."""
    register_fonts()
    letterhead = Letterhead(
        office_name=overview.office_name,
        title=labels.title(),
        period=overview.scope_text,
        generated=overview.today,
        logo=logo,
        as_of=as_of,
    )
    doc, canvas_class = document(str(target) if isinstance(target, Path) else target, letterhead)
    story = _empty_page(overview) if overview.is_empty else _story(overview)
    doc.build(story, canvasmaker=canvas_class)


def _empty_page(overview: Overview) -> list[Flowable]:
    return [
        Spacer(1, 60),
        text(overview.office_name, SECTION),
        Spacer(1, 10),
        text(labels.empty_advice(overview), ADVICE),
    ]


def _story(overview: Overview) -> list[Flowable]:
    story: list[Flowable] = [_tiles(overview), *_health(overview), Spacer(1, 8)]
    world = _captioned(
        labels.section_title("map"),
        charts_or_note(
            map_drawing(
                overview.international_countries,
                overview.international_cities,
                470,
                196,
            ),
            bool(overview.international_countries),
        ),
    )
    territory = overview.territory
    if territory is not None and territory.drawn:
        # a multi-entity office: its own territory first, the world beside it; the
        # signatures per year open the second page
        story.append(_side_by_side([_territory(overview), world], [WIDTH - 482, 482]))
        # what the map leaves out, across the page: in the map's column a city's list of
        # departments without coordinates ran to seven lines and pushed the charts over
        story += [text(sentence, SMALL) for sentence in territory_labels.notes(territory)]
    else:
        story.append(_side_by_side([world, _years(overview, 300)], [482, WIDTH - 482]))
    story.append(Spacer(1, 6))
    story.append(
        _side_by_side(
            [
                _captioned(
                    labels.section_title("themes"),
                    charts_or_note(
                        charts.bar_chart(
                            overview.themes[:TOP_THEMES],
                            250,
                            min(128, _bars_height(len(overview.themes))),
                            label_length=32,
                        ),
                        bool(overview.themes),
                    ),
                ),
                _captioned(
                    labels.section_title("sdgs"),
                    charts_or_note(
                        charts.bar_chart(
                            _top(overview.sdgs, TOP_THEMES),
                            250,
                            min(128, _bars_height(len(overview.sdgs))),
                            label_length=32,
                        ),
                        bool(overview.sdgs),
                    ),
                ),
                _captioned(labels.section_title("entities"), _top_entities(overview)),
            ],
            [262, 262, WIDTH - 524],
        )
    )
    story += [PageBreak(), *_detail(overview), PageBreak(), *appendix(overview)]
    return story


def _bars_height(count: int) -> float:
    """Bars about 12 pt thick whatever their number."""
    return 16.0 * max(count, 1) + 8


def _top(bars: tuple[Any, ...], count: int) -> list[Any]:
    return sorted(bars, key=lambda bar: -bar.value)[:count]


def charts_or_note(drawing: Drawing, has_data: bool) -> Flowable:
    return drawing if has_data else text(_("Nothing recorded yet."), SMALL)


def _health(overview: Overview) -> list[Flowable]:
    """One line under the tiles: what the active agreements lack, today."""
    items = labels.health_items(overview)
    if not items:
        return []
    line = " · ".join(escape(text) for text, _drill in items)
    return [Spacer(1, 3), Paragraph(f"<b>{escape(labels.health_title())}</b> — {line}", SMALL)]


def _tiles(overview: Overview) -> Table:
    tiles = labels.headline_tiles(overview)
    room = WIDTH / len(tiles) - 12  # the cell less its paddings
    cells = [
        [tile_value(tile.value, room), text(tile.label, TILE_LABEL), text(tile.note, SMALL)]
        for tile in tiles
    ]
    table = Table([cells], colWidths=[WIDTH / len(tiles)] * len(tiles))
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BACKGROUND", (0, 0), (-1, -1), HexColor("#f3f6fa")),
                ("LINEBEFORE", (1, 0), (-1, -1), 2, HexColor("#ffffff")),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
                ("LEFTPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    return table


def _captioned(title: str, body: Flowable) -> list[Flowable]:
    return [Paragraph(title, SECTION), body]


def _side_by_side(cells: list[Any], widths: list[float]) -> Table:
    table = Table([cells], colWidths=widths)
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 10),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table


def _top_entities(overview: Overview) -> Flowable:
    top = overview.top_entities(TOP_ENTITIES)
    if not top:
        return text(_("No active agreement yet."), SMALL)
    rows: list[list[Any]] = [[_("Local entity"), _("Active"), _("Signed"), _("Projects")]]
    rows += [
        [
            entity.name,
            labels.count_text(entity.active),
            labels.count_text(entity.signed_in_year),
            labels.count_text(entity.projects),
        ]
        for entity in top
    ]
    available = WIDTH - 524 - 10
    widths = fitted_widths(rows, [available - 114, 38, 38, 38], 1, 7.5)
    for row in rows[1:]:
        row[0] = charts.fit_text(row[0], widths[0] - 6, size=7.5)
    return data_table(rows, widths, 1)


def _years(overview: Overview, width: float) -> list[Flowable]:
    return _captioned(
        labels.section_title("years"),
        charts.years_chart(overview.signed_by_year, overview.type_labels, width, 196),
    )


def _territory(overview: Overview) -> list[Flowable]:
    territory = overview.territory
    assert territory is not None
    drawing = territory_drawing(territory, overview.filters.year, WIDTH - 482 - 10, 196)
    return [Paragraph(territory_labels.title(), SECTION), drawing]


def _detail(overview: Overview) -> list[Flowable]:
    money = overview.currency
    territory = overview.territory
    years: list[Flowable] = (
        [*_years(overview, 520), Spacer(1, 8)] if territory is not None and territory.drawn else []
    )
    story: list[Flowable] = [
        *years,
        _side_by_side(
            [
                _captioned(
                    labels.section_title("projects"),
                    charts_or_note(
                        charts.bar_chart(
                            overview.project_statuses,
                            300,
                            _bars_height(len(overview.project_statuses)),
                            colour=style.BAR,
                        ),
                        bool(overview.project_statuses),
                    ),
                ),
                _captioned(
                    labels.section_title("funders"),
                    charts_or_note(
                        charts.bar_chart(
                            overview.funders[:TOP_FUNDERS],
                            WIDTH - 330,
                            _bars_height(len(overview.funders[:TOP_FUNDERS])),
                            colour=style.MONEY,
                            value_text=lambda value: labels.money_short(value, money),
                            label_length=48,
                        ),
                        bool(overview.funders),
                    ),
                ),
            ],
            [320, WIDTH - 320],
        ),
        Spacer(1, 8),
    ]
    story += _networks(overview)
    story += [Spacer(1, 8), CondPageBreak(120), *_indicators(overview)]
    story += [Spacer(1, 8), CondPageBreak(100), *_expiring(overview)]
    return story


def _networks(overview: Overview) -> list[Flowable]:
    title = Paragraph(labels.section_title("networks"), SECTION)
    if not overview.networks:
        return [title, text(_("No network membership recorded for this year."), SMALL)]
    year = overview.filters.year
    rows: list[list[Any]] = [
        [
            _("Network"),
            _("Roles held"),
            _("Memberships"),
            Message(N_("Events in {year}"), {"year": year}).render(),
        ]
    ]
    rows += [
        [
            charts.shorten(network.name, 80),
            charts.shorten(network.roles, 60) or "–",
            labels.count_text(network.memberships),
            labels.count_text(network.events),
        ]
        for network in overview.networks
    ]
    return [title, data_table(rows, [WIDTH - 420, 260, 80, 80], 2)]


def _indicators(overview: Overview) -> list[Flowable]:
    title = Paragraph(labels.section_title("indicators"), SECTION)
    if not overview.indicators:
        return [
            title,
            text(_("No indicator has both a target and a measurement up to this year."), SMALL),
        ]
    rows: list[list[Any]] = [
        [_("Indicator"), _("Period"), _("Target"), _("Measured"), "", _("Assessment")]
    ]
    group_rows: list[int] = []
    current = None
    for indicator in overview.indicators:
        if indicator.dimension != current:
            current = indicator.dimension
            group_rows.append(len(rows))
            rows.append([vocab.DIMENSIONS.label(current), "", "", "", "", ""])
        unit = f" {indicator.unit}" if indicator.unit else ""
        rows.append(
            [
                charts.shorten(f"{indicator.code}  {indicator.name}".strip(), 110),
                indicator.period,
                f"{number_text(indicator.target)}{unit}",
                f"{number_text(indicator.value)}{unit}",
                charts.progress_bar(indicator.value, indicator.target, indicator.on_track),
                _(STATUS_LABELS[indicator.status]),
            ]
        )
    table = data_table(rows, [WIDTH - 400, 46, 86, 86, 80, 102], 1, left=(4, 5))
    for row in group_rows:
        table.setStyle(
            TableStyle(
                [
                    ("FONT", (0, row), (-1, row), "DejaVuSans-Bold", 7.5),
                    ("BACKGROUND", (0, row), (-1, row), HexColor("#f3f6fa")),
                ]
            )
        )
    return [title, table]


def _expiring(overview: Overview) -> list[Flowable]:
    title = Paragraph(labels.section_title("expiring"), SECTION)
    if not overview.expiring:
        return [title, text(_("No active agreement expires within 12 months."), SMALL)]
    rows: list[list[Any]] = [[_("Agreement"), _("Partners"), _("Expires"), _("Renewal")]]
    rows += [
        [
            charts.shorten(item.title, 95),
            charts.shorten(item.partners, 40),
            date_text(item.expires),
            item.renewal,
        ]
        for item in overview.expiring
    ]
    table = data_table(rows, [WIDTH - 380, 200, 80, 100], 2, left=(2, 3))
    story: list[Flowable] = [title, table]
    more = overview.expiring_count - len(overview.expiring)
    if more > 0:
        story.append(
            text(
                Message(
                    N_("… and {count} more: see the agreements list, sorted by expiry date."),
                    {"count": labels.count_text(more)},
                ).render(),
                SMALL,
            )
        )
    return story
