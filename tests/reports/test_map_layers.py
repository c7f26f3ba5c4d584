"""The maps' dots and lands are written straight onto the canvas (intl_desk/reports/
layers.py) instead of shape by shape: the paths are the ones ReportLab writes, number for
number, each dot size is drawn once (a form) and placed where each dot of that size goes,
in its colours, and each world-map city point is one dot in the cities' colour."""

from __future__ import annotations

import io
import re

from pypdf import PdfReader
from reportlab.graphics import renderPDF
from reportlab.lib.colors import HexColor, white
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfgen.canvas import Canvas

from intl_desk.core.overview.figures import CityPoint, CountryFigure
from intl_desk.reports.fonts import register_fonts
from intl_desk.reports.layers import Dot, DotLayer, Ring, RingLayer, circle_path, ring_path
from intl_desk.reports.shapes import Drawing, Polygon
from intl_desk.reports.world_map import CITY, map_drawing

ORANGE = HexColor(CITY)
GREY = HexColor("#9a9a9a")


def _page(drawing: Drawing) -> tuple[str, dict[str, str]]:
    """The page's code, and the code of each form it places, by name."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pageCompression=0)
    renderPDF.draw(drawing, canvas, 0, 0)
    canvas.showPage()
    canvas.save()
    page = PdfReader(io.BytesIO(buffer.getvalue())).pages[0]
    forms = page["/Resources"].get("/XObject", {})
    return page.get_contents().get_data().decode(), {
        name[1:]: forms[name].get_object().get_data().decode() for name in forms
    }


def _page_code(drawing: Drawing) -> str:
    return _page(drawing)[0]


def _placed(code: str) -> list[tuple[float, float, str]]:
    """Where each form is placed: (x, y, the form's name), in drawing order."""
    return [
        (float(x), float(y), name)
        for x, y, name in re.findall(r"q 1 0 0 1 (\S+) (\S+) cm /(\S+) Do Q", code)
    ]


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
    dots = [
        Dot(30, 40, 2.0, ORANGE, white),
        Dot(50, 60, 1.0, GREY, None),
        Dot(70, 20, 2.0, ORANGE, white),
    ]
    drawing = Drawing(100, 100)
    drawing.add(DotLayer(dots, 0.3, fill_opacity=0.85))
    code, forms = _page(drawing)
    placed = _placed(code)
    assert [(x, y) for x, y, _name in placed] == [(dot.cx, dot.cy) for dot in dots]
    # one form per size and outline: the two orange dots share theirs
    big, small, again = (name for _x, _y, name in placed)
    assert big == again != small and set(forms) == {big, small}
    assert forms[big].strip() == circle_path(0.0, 0.0, 2.0) + "\nB*"  # filled and outlined
    assert forms[small].strip() == circle_path(0.0, 0.0, 1.0) + "\nf*"  # filled only
    assert "rg" not in forms[big] + forms[small]  # the colours are the placements'
    # the orange in white at 85 %, then the grey: each colour set before its dot
    assert "gs" in code[: code.index(big)]
    assert re.search(rf".85098 .372549 .007843 rg\s+1 1 1 RG\s+q 1 0 0 1 30 40 cm /{big}", code)
    assert re.search(rf".603922 .603922 .603922 rg\s+q 1 0 0 1 50 60 cm /{small}", code)


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
    code, forms = _page(drawing)
    placed = _placed(code)
    assert [(x, y) for x, y, _name in placed] == [
        tuple(float(number) for number in fp_str(dot.cx, dot.cy).split()) for dot in dots
    ]
    for dot, (_x, _y, name) in zip(dots, placed, strict=True):
        assert forms[name].strip() == circle_path(0.0, 0.0, dot.r) + "\nB*"
    # the legend's dot is the only circle drawn on the page itself
    assert code.count(" c\n") == 4
    assert len(drawing.countries.rings) > 100
