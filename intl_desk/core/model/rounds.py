"""Collection rounds: the state office asks its local entities for a period's figures.

A :class:`CollectionRound` names the period, the indicators asked for and a deadline; it
has one :class:`RoundSubmission` per local entity asked, which carries that entity's
answer through its life: ``due`` → ``submitted`` (by the entity) → ``approved`` or
``returned`` with a comment (by the office; a returned submission is corrected and
submitted again). The figures themselves are ordinary measurements of the round's
indicators for the entity in the round's period.

A submission names its local entity, so it travels with that entity's records: an
extract for a municipality holds the round, its indicators and the municipality's own
submission only, and merging the file back brings the answer home; on an office server
a scoped account reads and changes its own submission only.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from intl_desk.core.i18n import N_
from intl_desk.core.model.base import Record, UtcDateTime, children
from intl_desk.core.model.evaluation import Indicator, Period
from intl_desk.core.model.office import LocalEntity

#: a submission's states, in the order of its life
SUBMISSION_STATUSES = ("due", "submitted", "approved", "returned")


class CollectionRound(Record):
    __tablename__ = "collection_round"
    kind_label = N_("Collection round")

    title: Mapped[str] = mapped_column(String(200))
    period_id: Mapped[str] = mapped_column(ForeignKey("period.id"), index=True)
    deadline: Mapped[date] = mapped_column(Date)
    instructions: Mapped[str | None] = mapped_column(Text)
    #: ``open`` takes answers; ``closed`` (the office stopped collecting) takes no new ones,
    #: its figures and reviews stay (:data:`intl_desk.core.vocabularies.ROUND_STATUSES`)
    status: Mapped[str] = mapped_column(String(10), default="open", server_default="open")

    period: Mapped[Period] = relationship()
    indicators: Mapped[list[RoundIndicator]] = children(
        "CollectionRound", "RoundIndicator", "round_id"
    )
    submissions: Mapped[list[RoundSubmission]] = children(
        "CollectionRound", "RoundSubmission", "round_id"
    )


class RoundIndicator(Record):
    __tablename__ = "round_indicator"
    kind_label = N_("Indicator asked for")

    round_id: Mapped[str] = mapped_column(ForeignKey("collection_round.id"), index=True)
    indicator_id: Mapped[str] = mapped_column(ForeignKey("indicator.id"), index=True)

    indicator: Mapped[Indicator] = relationship()


class RoundSubmission(Record):
    __tablename__ = "round_submission"
    kind_label = N_("Submission")

    round_id: Mapped[str] = mapped_column(ForeignKey("collection_round.id"), index=True)
    local_entity_id: Mapped[str] = mapped_column(ForeignKey("local_entity.id"), index=True)
    status: Mapped[str] = mapped_column(String(10), default="due")
    submitted_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    reviewed_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    #: the office's words when it returns the figures (what to correct)
    review_comment: Mapped[str | None] = mapped_column(Text)

    round: Mapped[CollectionRound] = relationship(viewonly=True)
    local_entity: Mapped[LocalEntity] = relationship()


__all__ = ["SUBMISSION_STATUSES", "CollectionRound", "RoundIndicator", "RoundSubmission"]
