"""Political terms of office: who led, from when to when, the plan adopted, and what the
outgoing team commits the incoming one to."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from intl_desk.core.i18n import N_
from intl_desk.core.model.base import Record


class PoliticalTerm(Record):
    """One term of office of the government the office serves."""

    __tablename__ = "political_term"
    kind_label = N_("Term of office")

    leader: Mapped[str] = mapped_column(String(200))
    #: the leader's title (mayor, governor, president of the region…), as the office says it
    leader_title: Mapped[str | None] = mapped_column(String(200))
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    plan_title: Mapped[str | None] = mapped_column(String(300))
    plan_adopted_on: Mapped[date | None] = mapped_column(Date)
    #: what the outgoing team commits the incoming one to: opens the handover report
    commitments: Mapped[str | None] = mapped_column(Text)
    notes: Mapped[str | None] = mapped_column(Text)
