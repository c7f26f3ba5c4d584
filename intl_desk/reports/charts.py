"""Charts for the PDF with ``reportlab.graphics``: value axes from 0, labels on the bars,
colours that keep their order in greyscale (see :mod:`intl_desk.core.overview.style`)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from reportlab.lib.colors import HexColor, white
from reportlab.pdfbase.pdfmetrics import stringWidth

from intl_desk.core.display import number_text
from intl_desk.core.overview import style
from intl_desk.core.overview.figures import Bar, YearSeries
from intl_desk.reports.fonts import REGULAR
from intl_desk.reports.shapes import (
    Drawing,
    HorizontalBarChart,
    Legend,
    Rect,
    String,
    VerticalBarChart,
)


def new_drawing(width: float, height: float) -> Drawing:
    """A Drawing whose initial font is the embedded one (ReportLab's default is Times)."""
    drawing = Drawing(width, height)
    drawing.initialFontName = REGULAR
    return drawing


def shorten(text: str, length: int) -> str:
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def fit_text(text: str, width: float, font: str = REGULAR, size: float = 7) -> str:
    """``text`` cut at a word (or, failing that, a letter) with an ellipsis so that it is
    at most ``width`` points wide: a character count would cut short French labels and
    let wide capitals run out of their box."""
    if stringWidth(text, font, size) <= width:
        return text
    words = text.split()
    while len(words) > 1:
        words.pop()
        candidate = " ".join(words).rstrip(" ,;:–—-") + "…"
        used = stringWidth(candidate, font, size)
        if used <= width:
            if used >= width * 0.75:  # a whole word, unless that wastes the room
                return candidate
            break
    cut = text
    while cut and stringWidth(cut.rstrip() + "…", font, size) > width:
        cut = cut[:-1]
    return cut.rstrip() + "…"


def two_lines(text: str, width: float, font: str = REGULAR, size: float = 7) -> str:
    """``text`` on one line if it fits ``width``, else broken at a word onto two, the
    second cut if need be: "Gouvernance et renforcement / institutionnel" reads whole
    where one line would lose its last word."""
    if stringWidth(text, font, size) <= width:
        return text
    words = text.split()
    for cut in range(len(words) - 1, 0, -1):
        first = " ".join(words[:cut])
        if stringWidth(first, font, size) <= width:
            return first + "\n" + fit_text(" ".join(words[cut:]), width, font, size)
    return fit_text(text, width, font, size)


def whole_number(value: float) -> str:
    """A figure on a chart, grouped the language's way ("2 000" in French, "2.000" in
    Portuguese) like the tables beside it."""
    return number_text(round(value))


def _nice_max(value: float) -> float:
    """An axis end a little above ``value`` on a round number (never 0)."""
    if value <= 0:
        return 1
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000):
        if value / step <= 6:
            return step * (int(value / step) + 1)
    magnitude = 10 ** (len(str(int(value))) - 1)
    return magnitude * (int(value / magnitude) + 1)


def years_chart(
    series: Sequence[YearSeries],
    type_labels: Sequence[str],
    width: float,
    height: float,
) -> Drawing:
    """Stacked bars of agreements signed per year, one colour per type, totals on top."""
    drawing = new_drawing(width, height)
    used = [
        number for number in range(len(type_labels)) if any(year.counts[number] for year in series)
    ] or [0]
    rows = (len(used) + 1) // 2
    legend_height = 11.0 * rows + 4
    chart = VerticalBarChart()
    chart.x, chart.y = 26, 16 + legend_height
    chart.width, chart.height = width - 32, height - chart.y - 12
    chart.data = [[year.counts[number] for year in series] for number in used]
    chart.categoryAxis.categoryNames = [
        str(year.year) if index % 2 == len(series) % 2 - 1 or len(series) < 9 else ""
        for index, year in enumerate(series)
    ]
    chart.categoryAxis.labels.fontName = REGULAR
    chart.categoryAxis.labels.fontSize = 7
    chart.categoryAxis.style = "stacked"
    chart.valueAxis.valueMin = 0
    top = max((year.total for year in series), default=0)
    chart.valueAxis.valueMax = _nice_max(top)
    chart.valueAxis.labels.fontName = REGULAR
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.labelTextFormat = whole_number
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = HexColor(style.RULE)
    chart.valueAxis.gridStrokeWidth = 0.3
    chart.barSpacing = 0
    chart.groupSpacing = 4
    for index, number in enumerate(used):
        chart.bars[index].fillColor = HexColor(style.TYPE_COLOURS[number % len(style.TYPE_COLOURS)])
        chart.bars[index].strokeColor = white
        chart.bars[index].strokeWidth = 0.3
    drawing.add(chart)
    step = chart.width / max(len(series), 1)
    # totals shrink to their bar's width: "1.270" beside "1.282" would touch
    widest = max((stringWidth(whole_number(year.total), REGULAR, 1) for year in series), default=1)
    total_size = max(4.5, min(6.5, (step - 1.5) / max(widest, 1e-9)))
    for index, year in enumerate(series):
        if year.total:
            drawing.add(
                String(
                    chart.x + step * (index + 0.5),
                    chart.y + chart.height * year.total / chart.valueAxis.valueMax + 2,
                    whole_number(year.total),
                    fontName=REGULAR,
                    fontSize=total_size,
                    textAnchor="middle",
                    fillColor=HexColor(style.INK),
                )
            )
    legend = Legend()
    legend.x, legend.y = 4, legend_height - 6
    legend.deltay = 11
    legend.fontName = REGULAR
    legend.fontSize = 7
    legend.columnMaximum = rows
    legend.dx, legend.dy = 7, 7
    legend.deltax = (width - 10) / 2
    legend.alignment = "right"
    legend.colorNamePairs = [
        (
            HexColor(style.TYPE_COLOURS[number % len(style.TYPE_COLOURS)]),
            fit_text(type_labels[number], legend.deltax - 14),
        )
        for number in used
    ]
    drawing.add(legend)
    return drawing


def bar_chart(
    bars: Sequence[Bar],
    width: float,
    height: float,
    colour: str = style.BAR,
    value_text: Callable[[float], str] | None = None,
    label_length: int = 34,
) -> Drawing:
    """Horizontal bars, largest first as given, the value written after each bar (by
    default a whole number the language's way: 1 749, 1.749, 1,749)."""
    value_text = value_text or whole_number
    drawing = new_drawing(width, height)
    if not bars:
        return drawing
    widest = max(stringWidth(bar.label, REGULAR, 7) for bar in bars)
    # the values after the bars need only their own width: the rest goes to the labels,
    # which are half as long again in French or Portuguese
    reserve = max(stringWidth(value_text(bar.value), REGULAR, 7) for bar in bars) + 8
    label_width = min(width * 0.62, max(4.0 * label_length, widest) + 6)
    chart = HorizontalBarChart()
    chart.x, chart.y = label_width, 4
    chart.width, chart.height = width - label_width - reserve, height - 8
    ordered = list(reversed(bars))  # ReportLab draws the first category at the bottom
    chart.data = [[bar.value for bar in ordered]]
    step = (height - 8) / len(ordered)
    room = label_width - 6
    chart.categoryAxis.categoryNames = [
        two_lines(bar.label, room) if step >= 15 else fit_text(bar.label, room) for bar in ordered
    ]
    chart.categoryAxis.labels.leading = 7.2
    chart.categoryAxis.labels.textAnchor = "end"  # both lines flush against the axis
    chart.categoryAxis.labels.fontName = REGULAR
    chart.categoryAxis.labels.fontSize = 7
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -3
    chart.categoryAxis.visibleTicks = False
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = _nice_max(max(bar.value for bar in bars)) if bars else 1
    chart.valueAxis.visible = False
    chart.barSpacing = 0
    chart.groupSpacing = 3
    chart.bars[0].fillColor = HexColor(colour)
    chart.bars[0].strokeColor = None
    for index, bar in enumerate(ordered):
        if bar.colour:
            chart.bars[(0, index)].fillColor = HexColor(bar.colour)
    drawing.add(chart)
    step = chart.height / len(ordered)
    for index, bar in enumerate(ordered):
        drawing.add(
            String(
                chart.x + chart.width * bar.value / chart.valueAxis.valueMax + 3,
                chart.y + step * (index + 0.5) - 2.5,
                value_text(bar.value),
                fontName=REGULAR,
                fontSize=7,
                fillColor=HexColor(style.INK),
            )
        )
    return drawing


def progress_bar(value: float, target: float, on_track: bool) -> Drawing:
    """A small bar of the value against its target (the tick): how far, at a glance."""
    width, height = 70.0, 8.0
    drawing = new_drawing(width, height)
    scale = max(value, target, 1e-9) * 1.15
    drawing.add(Rect(0, 1, width, height - 2, fillColor=HexColor("#eeeeee"), strokeColor=None))
    fill = style.ON_TRACK if on_track else style.OFF_TRACK
    drawing.add(
        Rect(0, 1, width * value / scale, height - 2, fillColor=HexColor(fill), strokeColor=None)
    )
    tick = width * target / scale
    drawing.add(
        Rect(tick - 0.6, 0, 1.2, height, fillColor=HexColor(style.TARGET), strokeColor=None)
    )
    return drawing
