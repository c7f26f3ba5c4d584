"""PDF reports (ReportLab): fonts, page template, charts, world map, the overview."""
