"""The maps' dots and lands are written straight onto the canvas (intl_desk/reports/
layers.py) instead of shape by shape: the paths are the ones ReportLab writes, number for
number, each world-map city point is one dot in the cities' colour, and the state's
territory keeps one dot per placed municipality."""

from __future__ import annotations

import io
import re

from pypdf import PdfReader
from reportlab.graphics import renderPDF
from reportlab.lib.colors import HexColor, white
from reportlab.pdfgen.canvas import Canvas

from intl_desk.core.overview.figures import CityPoint, CountryFigure
from intl_desk.reports.fonts import register_fonts
from intl_desk.reports.layers import Dot, DotLayer, Ring, RingLayer, circle_path, ring_path
from intl_desk.reports.shapes import Circle, Drawing, Polygon
from intl_desk.reports.world_map import CITY, map_drawing

ORANGE = HexColor(CITY)
GREY = HexColor("#9a9a9a")


def _page_code(drawing: Drawing) -> str:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pageCompression=0)
    renderPDF.draw(drawing, canvas, 0, 0)
    canvas.showPage()
    canvas.save()
    return PdfReader(io.BytesIO(buffer.getvalue())).pages[0].get_contents().get_data().decode()


def test_a_dot_is_the_circle_reportlab_draws() -> None:
    for x, y, r in [(10.0, 20.0, 0.7), (367.5574, 142.1802, 1.96), (0.1, 195.9, 2.2)]:
        canvas = Canvas(io.BytesIO())
        before = len(canvas._code)
        canvas.circle(x, y, r, stroke=1, fill=1)
        assert circle_path(x, y, r) == "\n".join(canvas._code[before:-1])


def test_a_ring_is_the_polygon_reportlab_draws() -> None:
    points = [6.42, 0.0, 6.42, 196.0, 189.47, 196.0, 189.46, 111.5, 106.84, 0.0]
    shapes, layer = Drawing(200, 200), Drawing(200, 200)
    shapes.add(Polygon(points, fillColor=GREY, strokeColor=white, strokeWidth=0.2))
    layer.add(RingLayer([Ring(points, GREY)], white, 0.2))
    assert ring_path(points) in _page_code(shapes)
    assert ring_path(points) + "\nB*" in _page_code(layer)


def test_dots_keep_their_order_colours_and_outlines() -> None:
    dots = [Dot(30, 40, 2.0, ORANGE, white), Dot(50, 60, 1.0, GREY, None)]
    drawing = Drawing(100, 100)
    drawing.add(DotLayer(dots, 0.3, fill_opacity=0.85))
    code = _page_code(drawing)
    first, second = (code.index(circle_path(dot.cx, dot.cy, dot.r)) for dot in dots)
    assert first < second
    # the orange dot filled and outlined in white, the grey one filled only, both at 85 %
    assert re.search(r".85098 .372549 .007843 rg\s+1 1 1 RG\s+n\n", code)
    assert code[second:].split("\n")[6] == "f*"
    assert code[first:].split("\n")[6] == "B*"
    assert "gs" in code.split("n\n")[0]
    reference = Drawing(100, 100)
    reference.add(Circle(30, 40, 2.0, fillColor=ORANGE, strokeColor=white, strokeWidth=0.3))
    assert circle_path(30, 40, 2.0) in _page_code(reference)


def _city(number: int, longitude: float, latitude: float, active: int) -> CityPoint:
    return CityPoint(f"City {number}", "FR", latitude, longitude, active)


def test_the_world_map_draws_one_orange_dot_per_merged_city_point() -> None:
    register_fonts()
    # two cities a few hundred metres apart print as one dot, the busier one's
    cities = [
        _city(1, 2.35, 48.85, 3),
        _city(2, 2.36, 48.86, 9),
        _city(3, -43.2, -22.9, 1),
        _city(4, 139.7, 35.7, 16),
    ]
    countries = [CountryFigure("FR", "France", 5, 1, 2, None)]  # type: ignore[arg-type]
    drawing = map_drawing(countries, cities, 470, 196)
    dots = drawing.cities.dots
    assert len(dots) == 3
    assert {dot.fill for dot in dots} == {ORANGE}
    assert {dot.stroke for dot in dots} == {white}
    assert [dot.r for dot in dots] == sorted((dot.r for dot in dots), reverse=True)
    code = _page_code(drawing)
    for dot in dots:
        assert code.count(circle_path(dot.cx, dot.cy, dot.r)) == 1
    # the legend's dot is the only other circle on the map
    assert code.count(" c\n") == 4 * (len(dots) + 1)
    assert len(drawing.countries.rings) > 100
