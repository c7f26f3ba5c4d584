"""PDF reports (ReportLab): fonts, page template, charts, world map, the overview."""

from intl_desk.reports import lazy_patterns

lazy_patterns.defer()  # before any module of the package imports ReportLab's paragraphs
