"""The overview dashboard's figures, computed once for the screen and the PDF."""

from intl_desk.core.overview.compute import UnknownEntityError, compute_overview, entity_by_name
from intl_desk.core.overview.figures import Drill, Overview, OverviewFilters

__all__ = [
    "Drill",
    "Overview",
    "OverviewFilters",
    "UnknownEntityError",
    "compute_overview",
    "entity_by_name",
]
