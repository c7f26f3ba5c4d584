"""ReportLab's shapes, drawn without ReportLab's check of every attribute set on them.

The check (``rl_config.shapeChecking``) validates each attribute given to a shape of a
chart or map against its declared kind: a help while a drawing is written, a tenth of
the time of drawing the overview's maps. The drawings here are the app's own code, drawn
by the tests. Set here, where the reports take their shapes from, rather than in the
package, which the command line imports without drawing anything.
"""

from reportlab import rl_config

rl_config.shapeChecking = 0

from reportlab.graphics.shapes import (  # noqa: E402  after the setting, so unchecked
    Circle,
    Drawing,
    Group,
    Line,
    Polygon,
    PolyLine,
    Rect,
    String,
)

__all__ = ["Circle", "Drawing", "Group", "Line", "PolyLine", "Polygon", "Rect", "String"]
