"""ReportLab's shapes, drawn without ReportLab's check of every attribute set on them.

The check (``rl_config.shapeChecking``) validates each attribute given to a shape of a
chart or map against its declared kind: a help while a drawing is written, a tenth of
the time of drawing the overview's maps. The drawings here are the app's own code, drawn
by the tests. Set here, where the reports take their shapes and charts from, rather than
in the package, which the command line imports without drawing anything. A module that
imported ``reportlab.graphics`` itself first would bring the check back for every shape.
"""

from reportlab import rl_config

rl_config.shapeChecking = 0

# after the setting, so unchecked: ReportLab decides when these modules are first imported
from reportlab.graphics.charts.barcharts import (  # noqa: E402
    HorizontalBarChart,
    VerticalBarChart,
)
from reportlab.graphics.charts.legends import Legend  # noqa: E402
from reportlab.graphics.shapes import (  # noqa: E402
    Circle,
    DirectDraw,
    Drawing,
    Group,
    Line,
    Polygon,
    PolyLine,
    Rect,
    String,
)

__all__ = [
    "Circle",
    "DirectDraw",
    "Drawing",
    "Group",
    "HorizontalBarChart",
    "Legend",
    "Line",
    "PolyLine",
    "Polygon",
    "Rect",
    "String",
    "VerticalBarChart",
]
