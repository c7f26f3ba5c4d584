"""PDF reports (ReportLab): fonts, page template, charts, world map, the overview."""

from reportlab import rl_config

# ReportLab checks each attribute set on a shape of a chart or map against its declared
# kind, a help while a drawing is written that costs a tenth of drawing the overview's
# maps. The drawings here are the app's own code, drawn by the tests; turned off before
# reportlab.graphics is imported, so its shapes are defined without the check.
rl_config.shapeChecking = 0
