"""Many shapes of one kind written straight onto the canvas: the maps' dots and lands.

ReportLab draws every shape of a Drawing as a node of its own: it saves the graphics
state, sets every property again (colours, line width, cap, join, dash), builds the
shape through a path object (a circle through ``bezierArc``'s trigonometry) and restores
the state. A state's overview has 2,000 dots and countries: that walk was most of the
time spent drawing its first page. A layer holds its shapes as plain data and writes
them in one go, each colour set only when it changes. A land is ReportLab's path, number
for number. A dot is ReportLab's circle too, but drawn once per size in the document, as
a form (a PDF XObject) that each dot of that size places at its centre in its own
colours: two numbers a dot instead of 26, and a state's first page less than half as long
(274 KB of operators instead of 596). The page looks the same (the centres are rounded as
ReportLab rounds them: a few pixels of a state's map differ in their anti-aliasing by a
few percent at 150 dpi).
"""

from __future__ import annotations

from collections.abc import Sequence
from math import cos, pi, sin
from typing import Any, NamedTuple

from reportlab.lib.colors import Color
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase import pdfdoc
from reportlab.pdfgen.canvas import PATH_OPS

from intl_desk.reports.shapes import DirectDraw


class Dot(NamedTuple):
    """A filled circle, outlined in ``stroke`` unless it is None."""

    cx: float
    cy: float
    r: float
    fill: Color
    stroke: Color | None


class Ring(NamedTuple):
    """A closed polygon, its points flat (x0, y0, x1, y1, …) as ReportLab's Polygon."""

    points: Sequence[float]
    fill: Color


def _unit_circle() -> tuple[tuple[float, ...], tuple[float, ...]]:
    """The factors of ``bezierArc(…, 0, 360)``: four quarter arcs, as ReportLab computes
    them, for x (times the radius, from the centre) and y (the same, downwards)."""
    half = 90.0 * pi / 360.0
    kappa = abs(4.0 / 3.0 * (1.0 - cos(half)) / sin(half))
    xs = [cos(0.0)]
    ys = [sin(0.0)]
    for quarter in range(4):
        start = (quarter * 90.0) * pi / 180.0
        end = ((quarter + 1) * 90.0) * pi / 180.0
        xs += [
            cos(start) - kappa * sin(start),
            cos(end) + kappa * sin(end),
            cos(end),
        ]
        ys += [
            sin(start) + kappa * cos(start),
            sin(end) - kappa * cos(end),
            sin(end),
        ]
    return tuple(xs), tuple(ys)


UNIT_X, UNIT_Y = _unit_circle()
#: moveTo, then four curves, as ``PDFPathObject.ellipse`` writes them, one per line
CIRCLE = "n\n{} {} m" + "\n{} {} {} {} {} {} c" * 4


def circle_path(cx: float, cy: float, r: float) -> str:
    """The path ``canvas.circle(cx, cy, r)`` writes, without its painting operator."""
    # the corners as canvas.circle and canvas.ellipse pass them on to bezierArc
    left, bottom = cx - r, cy - r
    right = left + ((cx + r) - left)
    top = bottom + ((cy + r) - bottom)
    x_low, x_high = min(left, right), max(left, right)
    y_high, y_low = max(bottom, top), min(bottom, top)
    x_centre, y_centre = (x_low + x_high) / 2.0, (y_high + y_low) / 2.0
    rx, ry = (x_high - x_low) / 2.0, (y_low - y_high) / 2.0
    numbers: list[float] = []
    for fx, fy in zip(UNIT_X, UNIT_Y, strict=True):
        numbers += (x_centre + rx * fx, y_centre - ry * fy)
    return CIRCLE.format(*fp_str(numbers).split(" "))


def ring_path(points: Sequence[float]) -> str:
    """The path ReportLab writes for a Polygon: moved to its first point, a line to each
    of the others, closed; without its painting operator."""
    numbers = fp_str(list(points)).split(" ")
    pairs = iter(numbers[2:])
    lines = "".join(f" {x} {y} l" for x, y in zip(pairs, pairs, strict=True))
    return f"n {numbers[0]} {numbers[1]} m{lines} h"


def _dot_forms(canvas: Any) -> dict[tuple[float, float], tuple[str, str]]:
    """The dots drawn once in the canvas's document, by radius and outline width: each
    as a form (a PDF XObject) that every dot of its size places where it goes."""
    forms: dict[tuple[float, float], tuple[str, str]] | None = getattr(
        canvas, "_intl_dot_forms", None
    )
    if forms is None:  # a canvas writes one document
        forms = canvas._intl_dot_forms = {}
    return forms


def _dot_form(canvas: Any, radius: float, outline: float, number: int) -> tuple[str, str]:
    """A new form of a dot of ``radius`` around its origin, filled (and outlined if
    ``outline``, a width) in the colours of wherever it is placed: its name, and the
    operator placing it."""
    name = f"IntlDeskDot{number}"
    margin = radius + outline + 1.0  # its box holds the outline
    form = pdfdoc.PDFFormXObject(-margin, -margin, margin, margin)
    form.hasImages = 0
    painting = PATH_OPS[outline > 0, 1, canvas._fillMode]
    form.setStreamList([circle_path(0.0, 0.0, radius), painting])
    canvas._doc.addForm(name, form)
    return name, f"/{canvas._doc.getXObjectName(name)} Do"


def _colour(colour: Color, operator: str) -> str:
    """An RGB colour as ``canvas.setFillColor`` (``rg``) or ``setStrokeColor`` (``RG``)
    writes it, but without setting the opacity to the colour's own: a layer's fill
    opacity holds for all its dots."""
    return f"{fp_str(colour.red, colour.green, colour.blue)} {operator}"


class DotLayer(DirectDraw):
    """Dots drawn in the order given, all with one stroke width (and fill opacity); each
    size is drawn once, as a form placed at each dot's centre (see the module)."""

    def __init__(
        self, dots: Sequence[Dot], stroke_width: float, fill_opacity: float | None = None
    ) -> None:
        self.dots = list(dots)
        self.stroke_width = stroke_width
        self.fill_opacity = fill_opacity

    def drawDirectly(self, renderer: Any) -> None:
        canvas = renderer._canvas
        canvas.setLineWidth(self.stroke_width)
        if self.fill_opacity is not None:
            canvas.setFillAlpha(self.fill_opacity)
        code = canvas._code
        fill: Color | None = None
        stroke: Color | None = None
        forms = _dot_forms(canvas)
        used = canvas._formsinuse
        for dot in self.dots:
            if dot.fill is not fill and dot.fill != fill:
                fill = dot.fill
                code.append(_colour(fill, "rg"))
            if dot.stroke is not None and dot.stroke is not stroke and dot.stroke != stroke:
                stroke = dot.stroke
                code.append(_colour(stroke, "RG"))
            outline = 0.0 if dot.stroke is None else self.stroke_width
            key = (dot.r, outline)
            form = forms.get(key)
            if form is None:
                form = forms[key] = _dot_form(canvas, dot.r, outline, len(forms))
            if form[0] not in used:
                used.append(form[0])
            code.append(f"q 1 0 0 1 {fp_str(dot.cx, dot.cy)} cm {form[1]} Q")

    def getBounds(self) -> tuple[float, float, float, float]:
        if not self.dots:
            return (0.0, 0.0, 0.0, 0.0)
        return (
            min(dot.cx - dot.r for dot in self.dots),
            min(dot.cy - dot.r for dot in self.dots),
            max(dot.cx + dot.r for dot in self.dots),
            max(dot.cy + dot.r for dot in self.dots),
        )


class RingLayer(DirectDraw):
    """Filled polygons drawn in the order given, all outlined alike."""

    def __init__(self, rings: Sequence[Ring], stroke: Color, stroke_width: float) -> None:
        self.rings = list(rings)
        self.stroke = stroke
        self.stroke_width = stroke_width

    def drawDirectly(self, renderer: Any) -> None:
        canvas = renderer._canvas
        canvas.setStrokeColor(self.stroke)
        canvas.setLineWidth(self.stroke_width)
        code = canvas._code
        operator = PATH_OPS[1, 1, canvas._fillMode]
        fill: Color | None = None
        for ring in self.rings:
            if ring.fill != fill:
                fill = ring.fill
                code.append(_colour(fill, "rg"))
            code.append(ring_path(ring.points))
            code.append(operator)

    def getBounds(self) -> tuple[float, float, float, float]:
        xs = [x for ring in self.rings for x in ring.points[0::2]] or [0.0]
        ys = [y for ring in self.rings for y in ring.points[1::2]] or [0.0]
        return (min(xs), min(ys), max(xs), max(ys))
