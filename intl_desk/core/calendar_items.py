"""What an office has to be ready for, as dated items for a calendar program.

Renewal decisions (the agreement's expiry less its reminder lead time), project reports
due, network events, missions and delegations. Each item keeps the id of the record it
comes from, so a calendar made again after an edit updates that one event in Outlook,
Thunderbird or Google Calendar instead of adding a copy; and the moment the record last
changed, so an unchanged record gives the same event byte for byte.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.orm import Session

from intl_desk.core.display import date_text
from intl_desk.core.i18n import N_, Message
from intl_desk.core.model import (
    Activity,
    Agreement,
    AgreementParty,
    Membership,
    Network,
    Participation,
    Project,
    ProjectParticipant,
    ProjectReport,
)
from intl_desk.core.overview.scope import subtree_ids

#: items older than this are left out: a calendar is for what comes
PAST_DAYS = 365


@dataclass(frozen=True)
class CalendarItem:
    uid: str  # stable: the kind of item and its record's id
    category: str  # msgid
    summary: str
    start: date
    end: date  # the last day (inclusive)
    location: str
    description: str
    changed_at: datetime


def _changed(value: datetime | None) -> datetime:
    if value is None:
        return datetime(2000, 1, 1, tzinfo=UTC)
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def calendar_items(
    session: Session, today: date, entity_id: str | None = None
) -> list[CalendarItem]:
    """Every item from a year ago on, for the whole office or one local entity's branch."""
    since = today - timedelta(days=PAST_DAYS)
    items = [
        *_renewals(session, since, entity_id),
        *_reports(session, since, entity_id),
        *_network_events(session, since, entity_id),
        *_trips(session, since, entity_id),
    ]
    return sorted(items, key=lambda item: (item.start, item.summary, item.uid))


def _in_branch(column: Any, entity_id: str | None) -> list[ColumnElement[bool]]:
    return [] if entity_id is None else [column.in_(subtree_ids(entity_id))]


def _renewals(session: Session, since: date, entity_id: str | None) -> list[CalendarItem]:
    conditions = [
        Agreement.deleted_at.is_(None),
        Agreement.status == "active",
        Agreement.date_expires.is_not(None),
        or_(Agreement.perpetual.is_(None), Agreement.perpetual.is_(False)),
    ]
    if entity_id is not None:
        conditions.append(
            Agreement.id.in_(
                select(AgreementParty.agreement_id).where(
                    AgreementParty.deleted_at.is_(None),
                    *_in_branch(AgreementParty.local_entity_id, entity_id),
                )
            )
        )
    items = []
    for agreement in session.scalars(select(Agreement).where(*conditions)):
        expires = agreement.date_expires
        assert expires is not None
        deadline = expires - timedelta(days=agreement.renewal_reminder_days or 0)
        if expires < since:
            continue
        items.append(
            CalendarItem(
                uid=f"renewal-{agreement.id}",
                category=N_("Renewal"),
                summary=Message(
                    N_("Decide on renewing: {title}"), {"title": agreement.title}
                ).render(),
                start=deadline,
                end=deadline,
                location="",
                description=Message(
                    N_("The agreement expires on {date}."), {"date": date_text(expires)}
                ).render(),
                changed_at=_changed(agreement.updated_at),
            )
        )
    return items


def _reports(session: Session, since: date, entity_id: str | None) -> list[CalendarItem]:
    conditions = [
        ProjectReport.deleted_at.is_(None),
        Project.deleted_at.is_(None),
        ProjectReport.submitted_date.is_(None),
        ProjectReport.due_date >= since,
    ]
    if entity_id is not None:
        conditions.append(
            Project.id.in_(
                select(ProjectParticipant.project_id).where(
                    ProjectParticipant.deleted_at.is_(None),
                    *_in_branch(ProjectParticipant.local_entity_id, entity_id),
                )
            )
        )
    rows = session.execute(
        select(ProjectReport, Project.title)
        .join(Project, Project.id == ProjectReport.project_id)
        .where(*conditions)
    ).all()
    return [
        CalendarItem(
            uid=f"report-{report.id}",
            category=N_("Report due"),
            summary=Message(
                N_("Report due: {report} ({project})"),
                {"report": report.title, "project": project_title},
            ).render(),
            start=report.due_date,
            end=report.due_date,
            location="",
            description=report.recipient or "",
            changed_at=_changed(report.updated_at),
        )
        for report, project_title in rows
    ]


def _network_events(session: Session, since: date, entity_id: str | None) -> list[CalendarItem]:
    rows = session.execute(
        select(Participation, Network.name)
        .join(Membership, Membership.id == Participation.membership_id)
        .join(Network, Network.id == Membership.network_id)
        .where(
            Participation.deleted_at.is_(None),
            Membership.deleted_at.is_(None),
            Participation.start_date >= since,
            *_in_branch(Membership.local_entity_id, entity_id),
        )
    ).all()
    return [
        CalendarItem(
            uid=f"network-event-{event.id}",
            category=N_("Network event"),
            summary=event.title if network in event.title else f"{event.title} · {network}",
            start=event.start_date,
            end=max(event.end_date or event.start_date, event.start_date),
            location=event.location or "",
            description=event.description or "",
            changed_at=_changed(event.updated_at),
        )
        for event, network in rows
        if event.start_date is not None
    ]


def _trips(session: Session, since: date, entity_id: str | None) -> list[CalendarItem]:
    rows = session.scalars(
        select(Activity).where(
            Activity.deleted_at.is_(None),
            Activity.kind.in_(("mission", "delegation")),
            Activity.status != "cancelled",
            Activity.start_date >= since,
            *_in_branch(Activity.local_entity_id, entity_id),
        )
    )
    return [
        CalendarItem(
            uid=f"activity-{trip.id}",
            category=N_("Mission abroad") if trip.kind == "mission" else N_("Delegation received"),
            summary=trip.title,
            start=trip.start_date,
            end=max(trip.end_date or trip.start_date, trip.start_date),
            location=trip.location or "",
            description=trip.purpose or "",
            changed_at=_changed(trip.updated_at),
        )
        for trip in rows
        if trip.start_date is not None
    ]
