"""Missions abroad, delegations received, events hosted and meetings."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from intl_desk.core.i18n import N_
from intl_desk.core.model.agreements import Agreement
from intl_desk.core.model.base import (
    PRECISION_DEFAULT,
    DatePrecision,
    Record,
    Searchable,
    children,
)
from intl_desk.core.model.evaluation import Indicator, StrategicObjective
from intl_desk.core.model.networks import Network
from intl_desk.core.model.office import LocalEntity, Partner
from intl_desk.core.model.projects import Money, Project


class Activity(Record, Searchable):
    __tablename__ = "activity"
    kind_label = N_("Activity")
    search_fields = ("title", "location", "purpose")

    kind: Mapped[str] = mapped_column(String(20), default="meeting", index=True)
    status: Mapped[str] = mapped_column(String(20), default="done")
    title: Mapped[str] = mapped_column(String(300))
    purpose: Mapped[str | None] = mapped_column(Text)
    justification: Mapped[str | None] = mapped_column(Text)
    start_date: Mapped[date | None] = mapped_column(Date, index=True)
    end_date: Mapped[date | None] = mapped_column(Date)
    # how much of each date the office knew (see intl_desk.core.date_precision)
    start_date_precision: Mapped[str] = mapped_column(DatePrecision, **PRECISION_DEFAULT)
    end_date_precision: Mapped[str] = mapped_column(DatePrecision, **PRECISION_DEFAULT)
    location: Mapped[str | None] = mapped_column(String(200))
    country_code: Mapped[str | None] = mapped_column(String(2))
    participants: Mapped[str | None] = mapped_column(Text)
    participant_count: Mapped[int | None] = mapped_column(Integer)
    cost: Mapped[Decimal | None] = mapped_column(Money)
    currency: Mapped[str] = mapped_column(String(3), default="EUR")
    outcomes: Mapped[str | None] = mapped_column(Text)
    lessons_learned: Mapped[str | None] = mapped_column(Text)
    local_entity_id: Mapped[str | None] = mapped_column(ForeignKey("local_entity.id"), index=True)
    partner_id: Mapped[str | None] = mapped_column(ForeignKey("partner.id"), index=True)
    agreement_id: Mapped[str | None] = mapped_column(ForeignKey("agreement.id"), index=True)
    project_id: Mapped[str | None] = mapped_column(ForeignKey("project.id"), index=True)
    network_id: Mapped[str | None] = mapped_column(ForeignKey("network.id"), index=True)
    #: how a mission travelled (vocabularies.TRANSPORT_MODES): with the coordinates of its
    #: local entity and partner, what its carbon estimate is computed from
    transport_mode: Mapped[str | None] = mapped_column(String(20))

    local_entity: Mapped[LocalEntity | None] = relationship()
    partner: Mapped[Partner | None] = relationship()
    agreement: Mapped[Agreement | None] = relationship()
    project: Mapped[Project | None] = relationship()
    network: Mapped[Network | None] = relationship()
    expected_results: Mapped[list[ExpectedResult]] = children(
        "Activity", "ExpectedResult", "activity_id", order_by="ExpectedResult.position"
    )
    follow_ups: Mapped[list[FollowUp]] = children(
        "Activity", "FollowUp", "activity_id", order_by="FollowUp.months"
    )


class ExpectedResult(Record):
    """What a mission is meant to bring, written before it (tied to a strategic objective
    or an indicator when it serves one), and what it brought, written after."""

    __tablename__ = "expected_result"
    kind_label = N_("Expected result")

    activity_id: Mapped[str] = mapped_column(ForeignKey("activity.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    expected: Mapped[str] = mapped_column(Text)
    obtained: Mapped[str | None] = mapped_column(Text)
    objective_id: Mapped[str | None] = mapped_column(
        ForeignKey("strategic_objective.id"), index=True
    )
    indicator_id: Mapped[str | None] = mapped_column(ForeignKey("indicator.id"), index=True)

    objective: Mapped[StrategicObjective | None] = relationship()
    indicator: Mapped[Indicator | None] = relationship()


class FollowUp(Record):
    """A mission's follow-up 3, 6 or 12 months after it ended, once it was made: the
    ones still to make are worked out from the mission's end (core/mission_value.py)."""

    __tablename__ = "follow_up"
    kind_label = N_("Follow-up")

    activity_id: Mapped[str] = mapped_column(ForeignKey("activity.id"), index=True)
    months: Mapped[int] = mapped_column(Integer)
    done_on: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str | None] = mapped_column(Text)
