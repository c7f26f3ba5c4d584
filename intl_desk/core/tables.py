# Generated from intl_desk.core.model by tools/build_tables.py: do not edit.
"""The office file's tables that readings name, for readings that do not import the
model (generated).

Never used to create or change a file: the migrations define the schema and the model
writes records. :mod:`intl_desk.core.columns` uses these tables while the model is not
imported (a report command), the model's own tables once it is; a table it does not name
is not written here.
"""

from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Date,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    MetaData,
    Numeric,
    String,
    Table,
    Text,
)

from intl_desk.core.utc_datetime import UtcDateTime

metadata = MetaData()


def _record_columns() -> list[Column[Any]]:
    """The columns every record has (``intl_desk.core.model.base.Record``), made anew
    for each table."""
    return [
        Column("id", String(length=36), primary_key=True),
        Column("created_at", UtcDateTime(), nullable=False),
        Column("updated_at", UtcDateTime(), nullable=False),
        Column("origin_office", String(length=36)),
        Column("deleted_at", UtcDateTime()),
    ]


Table(
    "activity",
    metadata,
    Column("kind", String(length=20), nullable=False),
    Column("status", String(length=20), nullable=False),
    Column("title", String(length=300), nullable=False),
    Column("purpose", Text()),
    Column("justification", Text()),
    Column("start_date", Date()),
    Column("end_date", Date()),
    Column("start_date_precision", String(length=5), nullable=False),
    Column("end_date_precision", String(length=5), nullable=False),
    Column("location", String(length=200)),
    Column("country_code", String(length=2)),
    Column("participants", Text()),
    Column("participant_count", Integer()),
    Column("cost", Numeric(precision=14, scale=2)),
    Column("currency", String(length=3), nullable=False),
    Column("outcomes", Text()),
    Column("lessons_learned", Text()),
    Column("local_entity_id", String(length=36), ForeignKey("local_entity.id")),
    Column("partner_id", String(length=36), ForeignKey("partner.id")),
    Column("agreement_id", String(length=36), ForeignKey("agreement.id")),
    Column("project_id", String(length=36), ForeignKey("project.id")),
    Column("network_id", String(length=36), ForeignKey("network.id")),
    Column("transport_mode", String(length=20)),
    *_record_columns(),
    Column("search_key", String(length=1000)),
)

Table(
    "agreement",
    metadata,
    Column("title", String(length=300), nullable=False),
    Column("type", String(length=40), nullable=False),
    Column("status", String(length=20), nullable=False),
    Column("reference", String(length=100)),
    Column("summary", Text()),
    Column("date_proposed", Date()),
    Column("date_signed", Date()),
    Column("date_in_force", Date()),
    Column("date_expires", Date()),
    Column("date_signed_precision", String(length=5), nullable=False),
    Column("date_in_force_precision", String(length=5), nullable=False),
    Column("date_expires_precision", String(length=5), nullable=False),
    Column("date_ended", Date()),
    Column("perpetual", Boolean(), nullable=False),
    Column("renewal_decision", String(length=20)),
    Column("renewal_reminder_days", Integer(), nullable=False),
    Column("legal_authorisation", String(length=300)),
    Column("legal_authorisation_date", Date()),
    Column("languages", String(length=100)),
    Column("responsible_id", String(length=36), ForeignKey("contact.id")),
    Column("renews_id", String(length=36), ForeignKey("agreement.id")),
    Column("amends_id", String(length=36), ForeignKey("agreement.id")),
    Column("lessons_learned", Text()),
    Column("notes", Text()),
    Column("partner_names", String(length=1000)),
    Column("entity_names", String(length=1000)),
    Column("country_codes", String(length=200)),
    Column("objective_count", Integer(), nullable=False),
    *_record_columns(),
    Column("search_key", String(length=1000)),
)

Table(
    "agreement_objective",
    metadata,
    Column("agreement_id", String(length=36), ForeignKey("agreement.id"), nullable=False),
    Column("position", Integer(), nullable=False),
    Column("text", Text(), nullable=False),
    Column("indicator_id", String(length=36), ForeignKey("indicator.id")),
    *_record_columns(),
)

Table(
    "agreement_party",
    metadata,
    Column("agreement_id", String(length=36), ForeignKey("agreement.id"), nullable=False),
    Column("local_entity_id", String(length=36), ForeignKey("local_entity.id")),
    Column("partner_id", String(length=36), ForeignKey("partner.id")),
    Column("role", String(length=20), nullable=False),
    *_record_columns(),
)

Table(
    "agreement_project",
    metadata,
    Column("agreement_id", String(length=36), ForeignKey("agreement.id"), nullable=False),
    Column("project_id", String(length=36), ForeignKey("project.id"), nullable=False),
    *_record_columns(),
)

Table(
    "agreement_sdg",
    metadata,
    Column("agreement_id", String(length=36), ForeignKey("agreement.id"), nullable=False),
    Column("sdg", Integer(), nullable=False),
    *_record_columns(),
)

Table(
    "agreement_theme",
    metadata,
    Column("agreement_id", String(length=36), ForeignKey("agreement.id"), nullable=False),
    Column("theme", String(length=40), nullable=False),
    *_record_columns(),
)

Table(
    "budget_line",
    metadata,
    Column("project_id", String(length=36), ForeignKey("project.id"), nullable=False),
    Column("year", Integer(), nullable=False),
    Column("amount", Numeric(precision=14, scale=2), nullable=False),
    Column("type", String(length=2), nullable=False),
    Column("status", String(length=2), nullable=False),
    Column("description", String(length=300)),
    *_record_columns(),
)

Table(
    "cofinancing_line",
    metadata,
    Column("project_id", String(length=36), ForeignKey("project.id"), nullable=False),
    Column("funder_partner_id", String(length=36), ForeignKey("partner.id")),
    Column("funder_name", String(length=200)),
    Column("instrument", String(length=200)),
    Column("status", String(length=20), nullable=False),
    Column("amount_requested", Numeric(precision=14, scale=2)),
    Column("amount_granted", Numeric(precision=14, scale=2)),
    Column("date_requested", Date()),
    Column("date_decided", Date()),
    *_record_columns(),
)

Table(
    "exchange_rate",
    metadata,
    Column("currency", String(length=3), nullable=False),
    Column("to_currency", String(length=3), nullable=False),
    Column("year", Integer(), nullable=False),
    Column("rate", Numeric(precision=20, scale=10), nullable=False),
    Column("source", String(length=200)),
    *_record_columns(),
)

Table(
    "indicator",
    metadata,
    Column("code", String(length=20)),
    Column("name", String(length=300), nullable=False),
    Column("description", Text()),
    Column("dimension", String(length=20), nullable=False),
    Column("measure", String(length=20), nullable=False),
    Column("unit", String(length=60)),
    Column("direction", String(length=10), nullable=False),
    Column("cumulative", Boolean(), nullable=False),
    Column("baseline_value", Float()),
    Column("baseline_year", Integer()),
    Column("formula", String(length=60)),
    Column("formula_filter", String(length=300)),
    Column("per_local_entity", Boolean(), nullable=False),
    Column("objective_id", String(length=36), ForeignKey("strategic_objective.id")),
    Column("source", String(length=300)),
    Column("continues_id", String(length=36), ForeignKey("indicator.id")),
    *_record_columns(),
    Column("search_key", String(length=1000)),
)

Table(
    "indicator_sdg",
    metadata,
    Column("indicator_id", String(length=36), ForeignKey("indicator.id"), nullable=False),
    Column("sdg", Integer(), nullable=False),
    *_record_columns(),
)

Table(
    "indicator_target",
    metadata,
    Column("indicator_id", String(length=36), ForeignKey("indicator.id"), nullable=False),
    Column("period_id", String(length=36), ForeignKey("period.id"), nullable=False),
    Column("local_entity_id", String(length=36), ForeignKey("local_entity.id")),
    Column("value", Float(), nullable=False),
    *_record_columns(),
)

Table(
    "local_entity",
    metadata,
    Column("name", String(length=200), nullable=False),
    Column("kind", String(length=40), nullable=False),
    Column("code", String(length=40)),
    Column("parent_id", String(length=36), ForeignKey("local_entity.id")),
    Column("latitude", Float()),
    Column("longitude", Float()),
    Column("population", Integer()),
    Column("notes", Text()),
    *_record_columns(),
    Column("search_key", String(length=1000)),
)

Table(
    "measurement",
    metadata,
    Column("indicator_id", String(length=36), ForeignKey("indicator.id"), nullable=False),
    Column("period_id", String(length=36), ForeignKey("period.id"), nullable=False),
    Column("local_entity_id", String(length=36), ForeignKey("local_entity.id")),
    Column("value", Float()),
    Column("scale_level", Integer()),
    Column("text", Text()),
    Column("measured_on", Date()),
    Column("source", String(length=300)),
    Column("evidence", Text()),
    Column("comment", Text()),
    *_record_columns(),
)

Table(
    "membership",
    metadata,
    Column("network_id", String(length=36), ForeignKey("network.id"), nullable=False),
    Column("local_entity_id", String(length=36), ForeignKey("local_entity.id")),
    Column("since", Date()),
    Column("until", Date()),
    Column("since_precision", String(length=5), nullable=False),
    Column("until_precision", String(length=5), nullable=False),
    Column("role", String(length=30), nullable=False),
    Column("annual_fee", Numeric(precision=14, scale=2)),
    Column("currency", String(length=3), nullable=False),
    Column("focal_contact_id", String(length=36), ForeignKey("contact.id")),
    Column("notes", Text()),
    *_record_columns(),
)

Table(
    "network",
    metadata,
    Column("name", String(length=200), nullable=False),
    Column("acronym", String(length=40)),
    Column("scope", String(length=20), nullable=False),
    Column("parent_id", String(length=36), ForeignKey("network.id")),
    Column("themes", String(length=300)),
    Column("website", String(length=300)),
    Column("description", Text()),
    *_record_columns(),
    Column("search_key", String(length=1000)),
)

Table(
    "office",
    metadata,
    Column("name", String(length=200), nullable=False),
    Column("kind", String(length=40), nullable=False),
    Column("country_code", String(length=2)),
    Column("language", String(length=8), nullable=False),
    Column("currency", String(length=3), nullable=False),
    Column("iati_org_ref", String(length=100)),
    Column("iati_org_type", String(length=4), nullable=False),
    Column("logo", LargeBinary()),
    Column("logo_media_type", String(length=60)),
    *_record_columns(),
)

Table(
    "participation",
    metadata,
    Column("membership_id", String(length=36), ForeignKey("membership.id"), nullable=False),
    Column("kind", String(length=20), nullable=False),
    Column("title", String(length=300), nullable=False),
    Column("start_date", Date()),
    Column("end_date", Date()),
    Column("start_date_precision", String(length=5), nullable=False),
    Column("end_date_precision", String(length=5), nullable=False),
    Column("location", String(length=200)),
    Column("country_code", String(length=2)),
    Column("description", Text()),
    Column("outcome", Text()),
    *_record_columns(),
)

Table(
    "partner",
    metadata,
    Column("name", String(length=200), nullable=False),
    Column("kind", String(length=40), nullable=False),
    Column("country_code", String(length=2), nullable=False),
    Column("region", String(length=200)),
    Column("latitude", Float()),
    Column("longitude", Float()),
    Column("population", Integer()),
    Column("geonames_id", Integer()),
    Column("iati_org_ref", String(length=100)),
    Column("iati_org_type", String(length=4)),
    Column("website", String(length=300)),
    Column("notes", Text()),
    *_record_columns(),
    Column("search_key", String(length=1000)),
)

Table(
    "period",
    metadata,
    Column("label", String(length=40), nullable=False),
    Column("start_date", Date(), nullable=False),
    Column("end_date", Date(), nullable=False),
    Column("closed", Boolean(), nullable=False),
    *_record_columns(),
)

Table(
    "project",
    metadata,
    Column("title", String(length=300), nullable=False),
    Column("description", Text()),
    Column("iati_identifier", String(length=150)),
    Column("status", String(length=2), nullable=False),
    Column("planned_start", Date()),
    Column("planned_end", Date()),
    Column("actual_start", Date()),
    Column("actual_end", Date()),
    Column("planned_start_precision", String(length=5), nullable=False),
    Column("planned_end_precision", String(length=5), nullable=False),
    Column("actual_start_precision", String(length=5), nullable=False),
    Column("actual_end_precision", String(length=5), nullable=False),
    Column("currency", String(length=3), nullable=False),
    Column("location_name", String(length=200)),
    Column("country_code", String(length=2)),
    Column("latitude", Float()),
    Column("longitude", Float()),
    Column("lead_entity_id", String(length=36), ForeignKey("local_entity.id")),
    Column("results", Text()),
    Column("lessons_learned", Text()),
    Column("notes", Text()),
    *_record_columns(),
    Column("search_key", String(length=1000)),
)

Table(
    "project_participant",
    metadata,
    Column("project_id", String(length=36), ForeignKey("project.id"), nullable=False),
    Column("local_entity_id", String(length=36), ForeignKey("local_entity.id")),
    Column("partner_id", String(length=36), ForeignKey("partner.id")),
    Column("organisation_name", String(length=200)),
    Column("role", String(length=2), nullable=False),
    Column("organisation_type", String(length=4)),
    *_record_columns(),
)

Table(
    "project_sdg",
    metadata,
    Column("project_id", String(length=36), ForeignKey("project.id"), nullable=False),
    Column("sdg", Integer(), nullable=False),
    *_record_columns(),
)

Table(
    "project_sector",
    metadata,
    Column("project_id", String(length=36), ForeignKey("project.id"), nullable=False),
    Column("code", String(length=10), nullable=False),
    Column("percentage", Float()),
    *_record_columns(),
)

Table(
    "project_transaction",
    metadata,
    Column("project_id", String(length=36), ForeignKey("project.id"), nullable=False),
    Column("type", String(length=2), nullable=False),
    Column("date", Date(), nullable=False),
    Column("amount", Numeric(precision=14, scale=2), nullable=False),
    Column("description", String(length=300)),
    *_record_columns(),
)

Table(
    "round_submission",
    metadata,
    Column("round_id", String(length=36), ForeignKey("collection_round.id"), nullable=False),
    Column("local_entity_id", String(length=36), ForeignKey("local_entity.id"), nullable=False),
    Column("status", String(length=10), nullable=False),
    Column("submitted_at", UtcDateTime()),
    Column("reviewed_at", UtcDateTime()),
    Column("review_comment", Text()),
    *_record_columns(),
)

Table(
    "scale_level",
    metadata,
    Column("indicator_id", String(length=36), ForeignKey("indicator.id"), nullable=False),
    Column("level", Integer(), nullable=False),
    Column("label", String(length=200), nullable=False),
    *_record_columns(),
)

Table(
    "server_link",
    metadata,
    Column("id", Integer(), primary_key=True),
    Column("server_url", String(length=500), nullable=False),
    Column("account", String(length=100), nullable=False),
    Column("client_id", String(length=36), nullable=False),
    Column("cursor", BigInteger(), nullable=False),
    Column("role", String(length=10)),
    Column("scope_entity_id", String(length=36)),
)
