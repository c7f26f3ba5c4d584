"""The activities list's hidden columns: everything an activity's form holds beyond the
columns shown, so that an export of the list imports back whole (the missions' expected
results and follow-ups go on sheets beside it, see intl_desk.exchange.detail_sheets)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from intl_desk.core import vocabularies as vocab
from intl_desk.core.i18n import N_
from intl_desk.core.listing.spec import Column
from intl_desk.core.model import Activity, Agreement, LocalEntity, Network, Partner, Project


def _name_of(model: Any, attribute: str, link: str) -> Any:
    """The linked record's name (a scalar subquery), for the column of ``link``."""
    return lambda: (
        select(getattr(model, attribute))
        .where(model.id == getattr(Activity, link))
        .scalar_subquery()
    )


ACTIVITY_DETAIL_COLUMNS = (
    Column(
        "end",
        N_("End date"),
        lambda: Activity.end_date,
        "date",
        visible=False,
        precision=lambda: Activity.end_date_precision,
    ),
    Column("currency", N_("Currency"), lambda: Activity.currency, visible=False),
    Column(
        "participant_count",
        N_("Number of people"),
        lambda: Activity.participant_count,
        "integer",
        visible=False,
    ),
    Column("participants", N_("Participants"), lambda: Activity.participants, visible=False),
    Column("purpose", N_("Purpose"), lambda: Activity.purpose, visible=False),
    Column("justification", N_("Justification"), lambda: Activity.justification, visible=False),
    Column("outcomes", N_("Outcomes"), lambda: Activity.outcomes, visible=False),
    Column(
        "lessons_learned", N_("Lessons learned"), lambda: Activity.lessons_learned, visible=False
    ),
    Column(
        "transport_mode",
        N_("Transport"),
        lambda: Activity.transport_mode,
        "code",
        vocab.TRANSPORT_MODES,
        visible=False,
    ),
    Column(
        "local_entity",
        N_("Local entity"),
        _name_of(LocalEntity, "name", "local_entity_id"),
        visible=False,
    ),
    Column("partner", N_("Partner"), _name_of(Partner, "name", "partner_id"), visible=False),
    Column(
        "partner_country",
        N_("Partner's country"),
        _name_of(Partner, "country_code", "partner_id"),
        "country",
        visible=False,
    ),
    # which of two namesakes (Jackson, Mississippi and Jackson, Tennessee) is the partner
    Column(
        "partner_place",
        N_("Partner's GeoNames id"),
        _name_of(Partner, "geonames_id", "partner_id"),
        "integer",
        visible=False,
    ),
    Column(
        "agreement", N_("Agreement"), _name_of(Agreement, "title", "agreement_id"), visible=False
    ),
    Column("project", N_("Project"), _name_of(Project, "title", "project_id"), visible=False),
    Column("network", N_("Network"), _name_of(Network, "name", "network_id"), visible=False),
)
