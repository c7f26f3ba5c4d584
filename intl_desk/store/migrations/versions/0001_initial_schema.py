"""Initial schema of the office file.

Revision ID: 0001
Revises:
Create Date: 2026-05-09

Written out in full rather than derived from the model, so that it keeps describing the
first released file format whatever the model becomes. Timestamps are plain DATETIME
columns (the model's UtcDateTime stores naive UTC in one). Two pieces were left for 0002
so that an upgrade path exists from the start: ``change.changed_at``'s index and
``document.description``.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "change",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("changed_at", sa.DateTime(), nullable=False),
        sa.Column("changed_by", sa.String(length=100), nullable=True),
        sa.Column("office_id", sa.String(length=36), nullable=True),
        sa.Column("record_kind", sa.String(length=40), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("action", sa.String(length=10), nullable=False),
        sa.Column("field", sa.String(length=60), nullable=True),
        sa.Column("old_value", sa.Text(), nullable=True),
        sa.Column("new_value", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_change")),
    )
    op.create_index(op.f("ix_change_record_id"), "change", ["record_id"], unique=False)

    op.create_table(
        "document",
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("filename", sa.String(length=300), nullable=False),
        sa.Column("media_type", sa.String(length=100), nullable=False),
        sa.Column("category", sa.String(length=30), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=True),
        sa.Column("record_kind", sa.String(length=40), nullable=True),
        sa.Column("record_id", sa.String(length=36), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("origin_office", sa.String(length=36), nullable=True),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_document")),
    )
    op.create_index(op.f("ix_document_record_id"), "document", ["record_id"], unique=False)
    op.create_index(op.f("ix_document_updated_at"), "document", ["updated_at"], unique=False)

    op.create_table(
        "local_entity",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=True),
        sa.Column("parent_id", sa.String(length=36), nullable=True),
        sa.Column("latitude", sa.Float(), nullable=True),
        sa.Column("longitude", sa.Float(), nullable=True),
        sa.Column("population", sa.Integer(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("origin_office", sa.String(length=36), nullable=True),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["parent_id"], ["local_entity.id"], name=op.f("fk_local_entity_parent_id_local_entity")
        ),
        sa.Column("search_key", sa.String(length=1000), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_local_entity")),
    )
    op.create_index(
        op.f("ix_local_entity_search_key"), "local_entity", ["search_key"], unique=False
    )
    op.create_index(op.f("ix_local_entity_name"), "local_entity", ["name"], unique=False)
    op.create_index(op.f("ix_local_entity_parent_id"), "local_entity", ["parent_id"], unique=False)
    op.create_index(
        op.f("ix_local_entity_updated_at"), "local_entity", ["updated_at"], unique=False
    )

    op.create_table(
        "network",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("acronym", sa.String(length=40), nullable=True),
        sa.Column("scope", sa.String(length=20), nullable=False),
        sa.Column("parent_id", sa.String(length=36), nullable=True),
        sa.Column("themes", sa.String(length=300), nullable=True),
        sa.Column("website", sa.String(length=300), nullable=True),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("origin_office", sa.String(length=36), nullable=True),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["parent_id"], ["network.id"], name=op.f("fk_network_parent_id_network")
        ),
        sa.Column("search_key", sa.String(length=1000), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_network")),
    )
    op.create_index(op.f("ix_network_search_key"), "network", ["search_key"], unique=False)
    op.create_index(op.f("ix_network_name"), "network", ["name"], unique=False)
    op.create_index(op.f("ix_network_updated_at"), "network", ["updated_at"], unique=False)

    op.create_table(
        "office",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("country_code", sa.String(length=2), nullable=True),
        sa.Column("language", sa.String(length=8), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("iati_org_ref", sa.String(length=100), nullable=True),
        sa.Column("iati_org_type", sa.String(length=4), nullable=False),
        sa.Column("logo", sa.LargeBinary(), nullable=True),
        sa.Column("logo_media_type", sa.String(length=60), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("origin_office", sa.String(length=36), nullable=True),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_office")),
    )
    op.create_index(op.f("ix_office_updated_at"), "office", ["updated_at"], unique=False)

    op.create_table(
        "partner",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("country_code", sa.String(length=2), nullable=False),
        sa.Column("region", sa.String(length=200), nullable=True),
        sa.Column("latitude", sa.Float(), nullable=True),
        sa.Column("longitude", sa.Float(), nullable=True),
        sa.Column("population", sa.Integer(), nullable=True),
        sa.Column("geonames_id", sa.Integer(), nullable=True),
        sa.Column("iati_org_ref", sa.String(length=100), nullable=True),
        sa.Column("iati_org_type", sa.String(length=4), nullable=True),
        sa.Column("website", sa.String(length=300), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("origin_office", sa.String(length=36), nullable=True),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("search_key", sa.String(length=1000), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_partner")),
    )
    op.create_index(op.f("ix_partner_search_key"), "partner", ["search_key"], unique=False)
    op.create_index(op.f("ix_partner_country_code"), "partner", ["country_code"], unique=False)
    op.create_index(op.f("ix_partner_name"), "partner", ["name"], unique=False)
    op.create_index(op.f("ix_partner_updated_at"), "partner", ["updated_at"], unique=False)

    op.create_table(
        "period",
        sa.Column("label", sa.String(length=40), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=False),
        sa.Column("closed", sa.Boolean(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("origin_office", sa.String(length=36), nullable=True),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_period")),
    )
    op.create_index(op.f("ix_period_label"), "period", ["label"], unique=False)
    op.create_index(op.f("ix_period_updated_at"), "period", ["updated_at"], unique=False)

    op.create_table(
        "strategic_line",
        sa.Column("code", sa.String(length=20), nullable=True),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("origin_office", sa.String(length=36), nullable=True),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_strategic_line")),
    )
    op.create_index(
        op.f("ix_strategic_line_updated_at"), "strategic_line", ["updated_at"], unique=False
    )

    op.create_table(
        "contact",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("position", sa.String(length=200), nullable=True),
        sa.Column("partner_id", sa.String(length=36), nullable=True),
        sa.Column("local_entity_id", sa.String(length=36), nullable=True),
        sa.Column("organisation", sa.String(length=200), nullable=True),
        sa.Column("email", sa.String(length=200), nullable=True),
        sa.Column("phone", sa.String(length=60), nullable=True),
        sa.Column("languages", sa.String(length=100), nullable=True),
        sa.Column("is_staff", sa.Boolean(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("origin_office", sa.String(length=36), nullable=True),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["local_entity_id"],
            ["local_entity.id"],
            name=op.f("fk_contact_local_entity_id_local_entity"),
        ),
        sa.ForeignKeyConstraint(
            ["partner_id"], ["partner.id"], name=op.f("fk_contact_partner_id_partner")
        ),
        sa.Column("search_key", sa.String(length=1000), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contact")),
    )
    op.create_index(op.f("ix_contact_search_key"), "contact", ["search_key"], unique=False)
    op.create_index(
        op.f("ix_contact_local_entity_id"), "contact", ["local_entity_id"], unique=False
    )
    op.create_index(op.f("ix_contact_name"), "contact", ["name"], unique=False)
    op.create_index(op.f("ix_contact_partner_id"), "contact", ["partner_id"], unique=False)
    op.create_index(op.f("ix_contact_updated_at"), "contact", ["updated_at"], unique=False)

    op.create_table(
        "project",
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("iati_identifier", sa.String(length=150), nullable=True),
        sa.Column("status", sa.String(length=2), nullable=False),
        sa.Column("planned_start", sa.Date(), nullable=True),
        sa.Column("planned_end", sa.Date(), nullable=True),
        sa.Column("actual_start", sa.Date(), nullable=True),
        sa.Column("actual_end", sa.Date(), nullable=True),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("location_name", sa.String(length=200), nullable=True),
        sa.Column("country_code", sa.String(length=2), nullable=True),
        sa.Column("latitude", sa.Float(), nullable=True),
        sa.Column("longitude", sa.Float(), nullable=True),
        sa.Column("lead_entity_id", sa.String(length=36), nullable=True),
        sa.Column("results", sa.Text(), nullable=True),
        sa.Column("lessons_learned", sa.Text(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("origin_office", sa.String(length=36), nullable=True),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["lead_entity_id"],
            ["local_entity.id"],
            name=op.f("fk_project_lead_entity_id_local_entity"),
        ),
        sa.Column("search_key", sa.String(length=1000), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_project")),
    )
    op.create_index(op.f("ix_project_search_key"), "project", ["search_key"], unique=False)
    op.create_index(op.f("ix_project_lead_entity_id"), "project", ["lead_entity_id"], unique=False)
    op.create_index(op.f("ix_project_status"), "project", ["status"], unique=False)
    op.create_index(op.f("ix_project_updated_at"), "project", ["updated_at"], unique=False)

    op.create_table(
        "strategic_objective",
        sa.Column("line_id", sa.String(length=36), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("domain", sa.String(length=40), nullable=True),
        sa.Column("year", sa.Integer(), nullable=True),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("origin_office", sa.String(length=36), nullable=True),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["line_id"],
            ["strategic_line.id"],
            name=op.f("fk_strategic_objective_line_id_strategic_line"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_strategic_objective")),
    )
    op.create_index(
        op.f("ix_strategic_objective_line_id"), "strategic_objective", ["line_id"], unique=False
    )
    op.create_index(
        op.f("ix_strategic_objective_updated_at"),
        "strategic_objective",
        ["updated_at"],
        unique=False,
    )

    op.create_table(
        "agreement",
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("type", sa.String(length=40), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("reference", sa.String(length=100), nullable=True),
        sa.Column("summary", sa.Text(), nullable=True),
        sa.Column("date_proposed", sa.Date(), nullable=True),
        sa.Column("date_signed", sa.Date(), nullable=True),
        sa.Column("date_in_force", sa.Date(), nullable=True),
        sa.Column("date_expires", sa.Date(), nullable=True),
        sa.Column("perpetual", sa.Boolean(), nullable=False),
        sa.Column("renewal_decision", sa.String(length=20), nullable=True),
        sa.Column("renewal_reminder_days", sa.Integer(), nullable=False),
        sa.Column("legal_authorisation", sa.String(length=300), nullable=True),
        sa.Column("legal_authorisation_date", sa.Date(), nullable=True),
        sa.Column("languages", sa.String(length=100), nullable=True),
        sa.Column("responsible_id", sa.String(length=36), nullable=True),
        sa.Column("renews_id", sa.String(length=36), nullable=True),
        sa.Column("amends_id", sa.String(length=36), nullable=True),
        sa.Column("lessons_learned", sa.Text(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("origin_office", sa.String(length=36), nullable=True),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["amends_id"], ["agreement.id"], name=op.f("fk_agreement_amends_id_agreement")
        ),
        sa.ForeignKeyConstraint(
            ["renews_id"], ["agreement.id"], name=op.f("fk_agreement_renews_id_agreement")
        ),
        sa.ForeignKeyConstraint(
            ["responsible_id"], ["contact.id"], name=op.f("fk_agreement_responsible_id_contact")
        ),
        sa.Column("search_key", sa.String(length=1000), nullable=True),
        sa.Column("partner_names", sa.String(length=1000), nullable=True),
        sa.Column("entity_names", sa.String(length=1000), nullable=True),
        sa.Column("country_codes", sa.String(length=200), nullable=True),
        sa.Column("objective_count", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agreement")),
    )
    op.create_index(op.f("ix_agreement_search_key"), "agreement", ["search_key"], unique=False)
    op.create_index(op.f("ix_agreement_date_expires"), "agreement", ["date_expires"], unique=False)
    op.create_index(op.f("ix_agreement_date_signed"), "agreement", ["date_signed"], unique=False)
    op.create_index(op.f("ix_agreement_status"), "agreement", ["status"], unique=False)
    op.create_index(op.f("ix_agreement_type"), "agreement", ["type"], unique=False)
    op.create_index(op.f("ix_agreement_updated_at"), "agreement", ["updated_at"], unique=False)

    op.create_table(
        "budget_line",
        sa.Column("project_id", sa.String(length=36), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("amount", sa.Numeric(precision=14, scale=2), nullable=False),
        sa.Column("type", sa.String(length=2), nullable=False),
        sa.Column("status", sa.String(length=2), nullable=False),
        sa.Column("description", sa.String(length=300), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("origin_office", sa.String(length=36), nullable=True),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["project_id"], ["project.id"], name=op.f("fk_budget_line_project_id_project")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_budget_line")),
    )
    op.create_index(op.f("ix_budget_line_project_id"), "budget_line", ["project_id"], unique=False)
    op.create_index(op.f("ix_budget_line_updated_at"), "budget_line", ["updated_at"], unique=False)

    op.create_table(
        "cofinancing_line",
        sa.Column("project_id", sa.String(length=36), nullable=False),
        sa.Column("funder_partner_id", sa.String(length=36), nullable=True),
        sa.Column("funder_name", sa.String(length=200), nullable=True),
        sa.Column("instrument", sa.String(length=200), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("amount_requested", sa.Numeric(precision=14, scale=2), nullable=True),
        sa.Column("amount_granted", sa.Numeric(precision=14, scale=2), nullable=True),
        sa.Column("date_requested", sa.Date(), nullable=True),
        sa.Column("date_decided", sa.Date(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("origin_office", sa.String(length=36), nullable=True),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["funder_partner_id"],
            ["partner.id"],
            name=op.f("fk_cofinancing_line_funder_partner_id_partner"),
        ),
        sa.ForeignKeyConstraint(
            ["project_id"], ["project.id"], name=op.f("fk_cofinancing_line_project_id_project")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cofinancing_line")),
    )
    op.create_index(
        op.f("ix_cofinancing_line_project_id"), "cofinancing_line", ["project_id"], unique=False
    )
    op.create_index(
        op.f("ix_cofinancing_line_updated_at"), "cofinancing_line", ["updated_at"], unique=False
    )

    op.create_table(
        "indicator",
        sa.Column("code", sa.String(length=20), nullable=True),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("dimension", sa.String(length=20), nullable=False),
        sa.Column("measure", sa.String(length=20), nullable=False),
        sa.Column("unit", sa.String(length=60), nullable=True),
        sa.Column("direction", sa.String(length=10), nullable=False),
        sa.Column("cumulative", sa.Boolean(), nullable=False),
        sa.Column("baseline_value", sa.Float(), nullable=True),
        sa.Column("baseline_year", sa.Integer(), nullable=True),
        sa.Column("formula", sa.String(length=60), nullable=True),
        sa.Column("formula_filter", sa.String(length=300), nullable=True),
        sa.Column("per_local_entity", sa.Boolean(), nullable=False),
        sa.Column("objective_id", sa.String(length=36), nullable=True),
        sa.Column("source", sa.String(length=300), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("origin_office", sa.String(length=36), nullable=True),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["objective_id"],
            ["strategic_objective.id"],
            name=op.f("fk_indicator_objective_id_strategic_objective"),
        ),
        sa.Column("search_key", sa.String(length=1000), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_indicator")),
    )
    op.create_index(op.f("ix_indicator_search_key"), "indicator", ["search_key"], unique=False)
    op.create_index(op.f("ix_indicator_dimension"), "indicator", ["dimension"], unique=False)
    op.create_index(op.f("ix_indicator_updated_at"), "indicator", ["updated_at"], unique=False)

    op.create_table(
        "membership",
        sa.Column("network_id", sa.String(length=36), nullable=False),
        sa.Column("local_entity_id", sa.String(length=36), nullable=True),
        sa.Column("since", sa.Date(), nullable=True),
        sa.Column("until", sa.Date(), nullable=True),
        sa.Column("role", sa.String(length=30), nullable=False),
        sa.Column("annual_fee", sa.Numeric(precision=14, scale=2), nullable=True),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("focal_contact_id", sa.String(length=36), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("origin_office", sa.String(length=36), nullable=True),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["focal_contact_id"],
            ["contact.id"],
            name=op.f("fk_membership_focal_contact_id_contact"),
        ),
        sa.ForeignKeyConstraint(
            ["local_entity_id"],
            ["local_entity.id"],
            name=op.f("fk_membership_local_entity_id_local_entity"),
        ),
        sa.ForeignKeyConstraint(
            ["network_id"], ["network.id"], name=op.f("fk_membership_network_id_network")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_membership")),
    )
    op.create_index(
        op.f("ix_membership_local_entity_id"), "membership", ["local_entity_id"], unique=False
    )
    op.create_index(op.f("ix_membership_network_id"), "membership", ["network_id"], unique=False)
    op.create_index(op.f("ix_membership_updated_at"), "membership", ["updated_at"], unique=False)

    op.create_table(
        "project_participant",
        sa.Column("project_id", sa.String(length=36), nullable=False),
        sa.Column("local_entity_id", sa.String(length=36), nullable=True),
        sa.Column("partner_id", sa.String(length=36), nullable=True),
        sa.Column("organisation_name", sa.String(length=200), nullable=True),
        sa.Column("role", sa.String(length=2), nullable=False),
        sa.Column("organisation_type", sa.String(length=4), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("origin_office", sa.String(length=36), nullable=True),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["local_entity_id"],
            ["local_entity.id"],
            name=op.f("fk_project_participant_local_entity_id_local_entity"),
        ),
        sa.ForeignKeyConstraint(
            ["partner_id"], ["partner.id"], name=op.f("fk_project_participant_partner_id_partner")
        ),
        sa.ForeignKeyConstraint(
            ["project_id"], ["project.id"], name=op.f("fk_project_participant_project_id_project")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_project_participant")),
    )
    op.create_index(
        op.f("ix_project_participant_partner_id"),
        "project_participant",
        ["partner_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_project_participant_project_id"),
        "project_participant",
        ["project_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_project_participant_updated_at"),
        "project_participant",
        ["updated_at"],
        unique=False,
    )

    op.create_table(
        "project_report",
        sa.Column("project_id", sa.String(length=36), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=False),
        sa.Column("submitted_date", sa.Date(), nullable=True),
        sa.Column("recipient", sa.String(length=200), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("origin_office", sa.String(length=36), nullable=True),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["project_id"], ["project.id"], name=op.f("fk_project_report_project_id_project")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_project_report")),
    )
    op.create_index(
        op.f("ix_project_report_due_date"), "project_report", ["due_date"], unique=False
    )
    op.create_index(
        op.f("ix_project_report_project_id"), "project_report", ["project_id"], unique=False
    )
    op.create_index(
        op.f("ix_project_report_updated_at"), "project_report", ["updated_at"], unique=False
    )

    op.create_table(
        "project_sdg",
        sa.Column("project_id", sa.String(length=36), nullable=False),
        sa.Column("sdg", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("origin_office", sa.String(length=36), nullable=True),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["project_id"], ["project.id"], name=op.f("fk_project_sdg_project_id_project")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_project_sdg")),
    )
    op.create_index(op.f("ix_project_sdg_project_id"), "project_sdg", ["project_id"], unique=False)
    op.create_index(op.f("ix_project_sdg_sdg"), "project_sdg", ["sdg"], unique=False)
    op.create_index(op.f("ix_project_sdg_updated_at"), "project_sdg", ["updated_at"], unique=False)

    op.create_table(
        "project_sector",
        sa.Column("project_id", sa.String(length=36), nullable=False),
        sa.Column("code", sa.String(length=10), nullable=False),
        sa.Column("percentage", sa.Float(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("origin_office", sa.String(length=36), nullable=True),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["project_id"], ["project.id"], name=op.f("fk_project_sector_project_id_project")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_project_sector")),
    )
    op.create_index(
        op.f("ix_project_sector_project_id"), "project_sector", ["project_id"], unique=False
    )
    op.create_index(
        op.f("ix_project_sector_updated_at"), "project_sector", ["updated_at"], unique=False
    )

    op.create_table(
        "project_transaction",
        sa.Column("project_id", sa.String(length=36), nullable=False),
        sa.Column("type", sa.String(length=2), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("amount", sa.Numeric(precision=14, scale=2), nullable=False),
        sa.Column("description", sa.String(length=300), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("origin_office", sa.String(length=36), nullable=True),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["project_id"], ["project.id"], name=op.f("fk_project_transaction_project_id_project")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_project_transaction")),
    )
    op.create_index(
        op.f("ix_project_transaction_project_id"),
        "project_transaction",
        ["project_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_project_transaction_updated_at"),
        "project_transaction",
        ["updated_at"],
        unique=False,
    )

    op.create_table(
        "activity",
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("purpose", sa.Text(), nullable=True),
        sa.Column("justification", sa.Text(), nullable=True),
        sa.Column("start_date", sa.Date(), nullable=True),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("location", sa.String(length=200), nullable=True),
        sa.Column("country_code", sa.String(length=2), nullable=True),
        sa.Column("participants", sa.Text(), nullable=True),
        sa.Column("participant_count", sa.Integer(), nullable=True),
        sa.Column("cost", sa.Numeric(precision=14, scale=2), nullable=True),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("outcomes", sa.Text(), nullable=True),
        sa.Column("lessons_learned", sa.Text(), nullable=True),
        sa.Column("local_entity_id", sa.String(length=36), nullable=True),
        sa.Column("partner_id", sa.String(length=36), nullable=True),
        sa.Column("agreement_id", sa.String(length=36), nullable=True),
        sa.Column("project_id", sa.String(length=36), nullable=True),
        sa.Column("network_id", sa.String(length=36), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("origin_office", sa.String(length=36), nullable=True),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["agreement_id"], ["agreement.id"], name=op.f("fk_activity_agreement_id_agreement")
        ),
        sa.ForeignKeyConstraint(
            ["local_entity_id"],
            ["local_entity.id"],
            name=op.f("fk_activity_local_entity_id_local_entity"),
        ),
        sa.ForeignKeyConstraint(
            ["network_id"], ["network.id"], name=op.f("fk_activity_network_id_network")
        ),
        sa.ForeignKeyConstraint(
            ["partner_id"], ["partner.id"], name=op.f("fk_activity_partner_id_partner")
        ),
        sa.ForeignKeyConstraint(
            ["project_id"], ["project.id"], name=op.f("fk_activity_project_id_project")
        ),
        sa.Column("search_key", sa.String(length=1000), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_activity")),
    )
    op.create_index(op.f("ix_activity_search_key"), "activity", ["search_key"], unique=False)
    op.create_index(op.f("ix_activity_kind"), "activity", ["kind"], unique=False)
    op.create_index(
        op.f("ix_activity_local_entity_id"), "activity", ["local_entity_id"], unique=False
    )
    op.create_index(op.f("ix_activity_start_date"), "activity", ["start_date"], unique=False)
    op.create_index(op.f("ix_activity_updated_at"), "activity", ["updated_at"], unique=False)

    op.create_table(
        "agreement_objective",
        sa.Column("agreement_id", sa.String(length=36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("indicator_id", sa.String(length=36), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("origin_office", sa.String(length=36), nullable=True),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["agreement_id"],
            ["agreement.id"],
            name=op.f("fk_agreement_objective_agreement_id_agreement"),
        ),
        sa.ForeignKeyConstraint(
            ["indicator_id"],
            ["indicator.id"],
            name=op.f("fk_agreement_objective_indicator_id_indicator"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agreement_objective")),
    )
    op.create_index(
        op.f("ix_agreement_objective_agreement_id"),
        "agreement_objective",
        ["agreement_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_agreement_objective_updated_at"),
        "agreement_objective",
        ["updated_at"],
        unique=False,
    )

    op.create_table(
        "agreement_party",
        sa.Column("agreement_id", sa.String(length=36), nullable=False),
        sa.Column("local_entity_id", sa.String(length=36), nullable=True),
        sa.Column("partner_id", sa.String(length=36), nullable=True),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("origin_office", sa.String(length=36), nullable=True),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["agreement_id"],
            ["agreement.id"],
            name=op.f("fk_agreement_party_agreement_id_agreement"),
        ),
        sa.ForeignKeyConstraint(
            ["local_entity_id"],
            ["local_entity.id"],
            name=op.f("fk_agreement_party_local_entity_id_local_entity"),
        ),
        sa.ForeignKeyConstraint(
            ["partner_id"], ["partner.id"], name=op.f("fk_agreement_party_partner_id_partner")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agreement_party")),
    )
    op.create_index(
        op.f("ix_agreement_party_agreement_id"), "agreement_party", ["agreement_id"], unique=False
    )
    op.create_index(
        op.f("ix_agreement_party_local_entity_id"),
        "agreement_party",
        ["local_entity_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_agreement_party_partner_id"), "agreement_party", ["partner_id"], unique=False
    )
    op.create_index(
        op.f("ix_agreement_party_updated_at"), "agreement_party", ["updated_at"], unique=False
    )

    op.create_table(
        "agreement_project",
        sa.Column("agreement_id", sa.String(length=36), nullable=False),
        sa.Column("project_id", sa.String(length=36), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("origin_office", sa.String(length=36), nullable=True),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["agreement_id"],
            ["agreement.id"],
            name=op.f("fk_agreement_project_agreement_id_agreement"),
        ),
        sa.ForeignKeyConstraint(
            ["project_id"], ["project.id"], name=op.f("fk_agreement_project_project_id_project")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agreement_project")),
    )
    op.create_index(
        op.f("ix_agreement_project_agreement_id"),
        "agreement_project",
        ["agreement_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_agreement_project_project_id"), "agreement_project", ["project_id"], unique=False
    )
    op.create_index(
        op.f("ix_agreement_project_updated_at"), "agreement_project", ["updated_at"], unique=False
    )

    op.create_table(
        "agreement_sdg",
        sa.Column("agreement_id", sa.String(length=36), nullable=False),
        sa.Column("sdg", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("origin_office", sa.String(length=36), nullable=True),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["agreement_id"], ["agreement.id"], name=op.f("fk_agreement_sdg_agreement_id_agreement")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agreement_sdg")),
    )
    op.create_index(
        op.f("ix_agreement_sdg_agreement_id"), "agreement_sdg", ["agreement_id"], unique=False
    )
    op.create_index(op.f("ix_agreement_sdg_sdg"), "agreement_sdg", ["sdg"], unique=False)
    op.create_index(
        op.f("ix_agreement_sdg_updated_at"), "agreement_sdg", ["updated_at"], unique=False
    )

    op.create_table(
        "agreement_signatory",
        sa.Column("agreement_id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("position", sa.String(length=200), nullable=True),
        sa.Column("side", sa.String(length=10), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("origin_office", sa.String(length=36), nullable=True),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["agreement_id"],
            ["agreement.id"],
            name=op.f("fk_agreement_signatory_agreement_id_agreement"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agreement_signatory")),
    )
    op.create_index(
        op.f("ix_agreement_signatory_agreement_id"),
        "agreement_signatory",
        ["agreement_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_agreement_signatory_updated_at"),
        "agreement_signatory",
        ["updated_at"],
        unique=False,
    )

    op.create_table(
        "agreement_theme",
        sa.Column("agreement_id", sa.String(length=36), nullable=False),
        sa.Column("theme", sa.String(length=40), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("origin_office", sa.String(length=36), nullable=True),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["agreement_id"],
            ["agreement.id"],
            name=op.f("fk_agreement_theme_agreement_id_agreement"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agreement_theme")),
    )
    op.create_index(
        op.f("ix_agreement_theme_agreement_id"), "agreement_theme", ["agreement_id"], unique=False
    )
    op.create_index(op.f("ix_agreement_theme_theme"), "agreement_theme", ["theme"], unique=False)
    op.create_index(
        op.f("ix_agreement_theme_updated_at"), "agreement_theme", ["updated_at"], unique=False
    )

    op.create_table(
        "indicator_sdg",
        sa.Column("indicator_id", sa.String(length=36), nullable=False),
        sa.Column("sdg", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("origin_office", sa.String(length=36), nullable=True),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["indicator_id"], ["indicator.id"], name=op.f("fk_indicator_sdg_indicator_id_indicator")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_indicator_sdg")),
    )
    op.create_index(
        op.f("ix_indicator_sdg_indicator_id"), "indicator_sdg", ["indicator_id"], unique=False
    )
    op.create_index(
        op.f("ix_indicator_sdg_updated_at"), "indicator_sdg", ["updated_at"], unique=False
    )

    op.create_table(
        "indicator_target",
        sa.Column("indicator_id", sa.String(length=36), nullable=False),
        sa.Column("period_id", sa.String(length=36), nullable=False),
        sa.Column("local_entity_id", sa.String(length=36), nullable=True),
        sa.Column("value", sa.Float(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("origin_office", sa.String(length=36), nullable=True),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["indicator_id"],
            ["indicator.id"],
            name=op.f("fk_indicator_target_indicator_id_indicator"),
        ),
        sa.ForeignKeyConstraint(
            ["local_entity_id"],
            ["local_entity.id"],
            name=op.f("fk_indicator_target_local_entity_id_local_entity"),
        ),
        sa.ForeignKeyConstraint(
            ["period_id"], ["period.id"], name=op.f("fk_indicator_target_period_id_period")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_indicator_target")),
    )
    op.create_index(
        op.f("ix_indicator_target_indicator_id"), "indicator_target", ["indicator_id"], unique=False
    )
    op.create_index(
        op.f("ix_indicator_target_period_id"), "indicator_target", ["period_id"], unique=False
    )
    op.create_index(
        op.f("ix_indicator_target_updated_at"), "indicator_target", ["updated_at"], unique=False
    )

    op.create_table(
        "measurement",
        sa.Column("indicator_id", sa.String(length=36), nullable=False),
        sa.Column("period_id", sa.String(length=36), nullable=False),
        sa.Column("local_entity_id", sa.String(length=36), nullable=True),
        sa.Column("value", sa.Float(), nullable=True),
        sa.Column("scale_level", sa.Integer(), nullable=True),
        sa.Column("text", sa.Text(), nullable=True),
        sa.Column("measured_on", sa.Date(), nullable=True),
        sa.Column("source", sa.String(length=300), nullable=True),
        sa.Column("evidence", sa.Text(), nullable=True),
        sa.Column("comment", sa.Text(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("origin_office", sa.String(length=36), nullable=True),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["indicator_id"], ["indicator.id"], name=op.f("fk_measurement_indicator_id_indicator")
        ),
        sa.ForeignKeyConstraint(
            ["local_entity_id"],
            ["local_entity.id"],
            name=op.f("fk_measurement_local_entity_id_local_entity"),
        ),
        sa.ForeignKeyConstraint(
            ["period_id"], ["period.id"], name=op.f("fk_measurement_period_id_period")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_measurement")),
    )
    op.create_index(
        op.f("ix_measurement_indicator_id"), "measurement", ["indicator_id"], unique=False
    )
    op.create_index(
        op.f("ix_measurement_local_entity_id"), "measurement", ["local_entity_id"], unique=False
    )
    op.create_index(op.f("ix_measurement_period_id"), "measurement", ["period_id"], unique=False)
    op.create_index(op.f("ix_measurement_updated_at"), "measurement", ["updated_at"], unique=False)

    op.create_table(
        "participation",
        sa.Column("membership_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=True),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("location", sa.String(length=200), nullable=True),
        sa.Column("country_code", sa.String(length=2), nullable=True),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("outcome", sa.Text(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("origin_office", sa.String(length=36), nullable=True),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["membership_id"],
            ["membership.id"],
            name=op.f("fk_participation_membership_id_membership"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_participation")),
    )
    op.create_index(
        op.f("ix_participation_membership_id"), "participation", ["membership_id"], unique=False
    )
    op.create_index(
        op.f("ix_participation_start_date"), "participation", ["start_date"], unique=False
    )
    op.create_index(
        op.f("ix_participation_updated_at"), "participation", ["updated_at"], unique=False
    )

    op.create_table(
        "scale_level",
        sa.Column("indicator_id", sa.String(length=36), nullable=False),
        sa.Column("level", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(length=200), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("origin_office", sa.String(length=36), nullable=True),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["indicator_id"], ["indicator.id"], name=op.f("fk_scale_level_indicator_id_indicator")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_scale_level")),
    )
    op.create_index(
        op.f("ix_scale_level_indicator_id"), "scale_level", ["indicator_id"], unique=False
    )
    op.create_index(op.f("ix_scale_level_updated_at"), "scale_level", ["updated_at"], unique=False)


def downgrade() -> None:
    # indexes go with their tables
    op.drop_table("scale_level")
    op.drop_table("participation")
    op.drop_table("measurement")
    op.drop_table("indicator_target")
    op.drop_table("indicator_sdg")
    op.drop_table("agreement_theme")
    op.drop_table("agreement_signatory")
    op.drop_table("agreement_sdg")
    op.drop_table("agreement_project")
    op.drop_table("agreement_party")
    op.drop_table("agreement_objective")
    op.drop_table("activity")
    op.drop_table("project_transaction")
    op.drop_table("project_sector")
    op.drop_table("project_sdg")
    op.drop_table("project_report")
    op.drop_table("project_participant")
    op.drop_table("membership")
    op.drop_table("indicator")
    op.drop_table("cofinancing_line")
    op.drop_table("budget_line")
    op.drop_table("agreement")
    op.drop_table("strategic_objective")
    op.drop_table("project")
    op.drop_table("contact")
    op.drop_table("strategic_line")
    op.drop_table("period")
    op.drop_table("partner")
    op.drop_table("office")
    op.drop_table("network")
    op.drop_table("local_entity")
    op.drop_table("document")
    op.drop_table("change")
