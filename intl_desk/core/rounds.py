"""Collection rounds: opening one, answering it, reviewing the answers, knowing who is late.

The state office opens a round (a title, a period, the indicators asked for, the local
entities asked, a deadline); each entity enters its figures as ordinary measurements and
submits; the office approves each submission or returns it with a comment saying what to
correct, and the entity submits again. Every step is a change of a record in the caller's
tracked session, so it is in the history and travels like any edit: in a file extracted
for the entity and merged back, or through the office server.

Who may do what is not decided here: in a shared file anybody may press any button; on
a server a scoped account changes only its own entity's submission and cannot approve it
(:mod:`intl_desk.server.scope`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from intl_desk.core.display import date_text, first_few
from intl_desk.core.errors import IntlDeskError
from intl_desk.core.folding import fold
from intl_desk.core.i18n import N_, Message
from intl_desk.core.model import (
    CollectionRound,
    Indicator,
    LocalEntity,
    Measurement,
    Period,
    RoundIndicator,
    RoundSubmission,
    utc_now,
)
from intl_desk.core.reading import Reader

#: what a submission still owes: nothing yet, or figures sent back to be corrected
OWED = ("due", "returned")


class RoundError(IntlDeskError):
    """A round that cannot be opened, or a step its submission is not ready for."""


@dataclass(frozen=True)
class SubmissionRow:
    id: str
    entity_id: str
    entity: str
    status: str
    filled: int  # how many of the round's indicators have a figure
    asked: int
    submitted_at: datetime | None
    reviewed_at: datetime | None
    comment: str | None
    late: bool  # still owed after the deadline


@dataclass(frozen=True)
class RoundView:
    id: str
    title: str
    period_id: str
    period_label: str
    deadline: date
    instructions: str | None
    indicators: tuple[tuple[str, str], ...]  # (id, name)
    rows: tuple[SubmissionRow, ...]
    #: ``open`` or ``closed`` (takes no new answers; nobody is late any more)
    status: str = "open"

    @property
    def closed(self) -> bool:
        return self.status == "closed"

    def count(self, *statuses: str) -> int:
        return sum(1 for row in self.rows if row.status in statuses)

    @property
    def late(self) -> tuple[SubmissionRow, ...]:
        return tuple(row for row in self.rows if row.late)

    @property
    def finished(self) -> bool:
        return all(row.status == "approved" for row in self.rows)


@dataclass(frozen=True)
class SubmissionDue:
    """For the Today page: figures an entity of this file still owes to a round."""

    round_id: str
    submission_id: str
    title: str
    entity: str
    deadline: date
    days_left: int  # negative when late
    filled: int
    asked: int
    status: str
    comment: str | None
    #: the office closed the round: the figures are no longer taken
    closed: bool = False


@dataclass(frozen=True)
class ReviewDue:
    """For the Today page: a round with submissions waiting for the office's review."""

    round_id: str
    title: str
    waiting: int


# --- opening --------------------------------------------------------------------------


def open_round(
    session: Session,
    *,
    title: str,
    period_id: str | None,
    deadline: date | None,
    indicator_ids: Sequence[str],
    entity_ids: Sequence[str],
    instructions: str | None = None,
) -> CollectionRound:
    """A new round asking ``entity_ids`` for ``indicator_ids`` in the period (added to the
    session, not committed)."""
    if not title.strip():
        raise RoundError(Message(N_("Give the round a title, such as “2026 yearly figures”.")))
    if period_id is None or session.get(Period, period_id) is None:
        raise RoundError(Message(N_("Choose the period the figures are for.")))
    if deadline is None:
        raise RoundError(Message(N_("Choose the deadline for the answers.")))
    if not indicator_ids:
        raise RoundError(Message(N_("Choose at least one indicator to ask for.")))
    if not entity_ids:
        raise RoundError(Message(N_("Choose at least one local entity to ask.")))
    chosen = CollectionRound(
        title=title.strip(),
        period_id=period_id,
        deadline=deadline,
        instructions=(instructions or "").strip() or None,
        indicators=[RoundIndicator(indicator_id=i) for i in dict.fromkeys(indicator_ids)],
        submissions=[RoundSubmission(local_entity_id=e) for e in dict.fromkeys(entity_ids)],
    )
    session.add(chosen)
    return chosen


# --- reading --------------------------------------------------------------------------


def _filled(session: Session, period_id: str, indicator_ids: Iterable[str]) -> dict[str, set[str]]:
    """entity id → the round's indicators it has a live figure for in the period."""
    found: dict[str, set[str]] = defaultdict(set)
    rows = session.execute(
        select(Measurement.local_entity_id, Measurement.indicator_id).where(
            Measurement.deleted_at.is_(None),
            Measurement.period_id == period_id,
            Measurement.indicator_id.in_(list(indicator_ids)),
            Measurement.local_entity_id.is_not(None),
        )
    )
    for entity_id, indicator_id in rows:
        found[str(entity_id)].add(str(indicator_id))
    return found


def round_view(session: Session, round_id: str, today: date) -> RoundView:
    chosen = session.get(CollectionRound, round_id)
    if chosen is None or chosen.deleted_at is not None:
        raise RoundError(Message(N_("This collection round is no longer in the file.")))
    indicators = tuple(
        session.execute(
            select(Indicator.id, Indicator.name)
            .join(RoundIndicator, RoundIndicator.indicator_id == Indicator.id)
            .where(RoundIndicator.round_id == round_id, RoundIndicator.deleted_at.is_(None))
            .order_by(Indicator.code, Indicator.name)
        ).tuples()
    )
    asked = {indicator_id for indicator_id, _name in indicators}
    filled = _filled(session, chosen.period_id, asked)
    rows = session.execute(
        select(RoundSubmission, LocalEntity.name)
        .join(LocalEntity, LocalEntity.id == RoundSubmission.local_entity_id)
        .where(RoundSubmission.round_id == round_id, RoundSubmission.deleted_at.is_(None))
        .order_by(LocalEntity.search_key, LocalEntity.name)
    ).tuples()
    return RoundView(
        id=chosen.id,
        title=chosen.title,
        period_id=chosen.period_id,
        period_label=chosen.period.label,
        deadline=chosen.deadline,
        instructions=chosen.instructions,
        indicators=indicators,
        status=chosen.status or "open",
        rows=tuple(
            SubmissionRow(
                id=submission.id,
                entity_id=submission.local_entity_id,
                entity=name,
                status=submission.status,
                filled=len(filled.get(submission.local_entity_id, set()) & asked),
                asked=len(asked),
                submitted_at=submission.submitted_at,
                reviewed_at=submission.reviewed_at,
                comment=submission.review_comment,
                late=submission.status in OWED and today > chosen.deadline
                and chosen.status != "closed",
            )
            for submission, name in rows
        ),
    )


@dataclass(frozen=True)
class RoundLine:
    """A round as the list of rounds names it."""

    id: str
    title: str
    deadline: date
    closed: bool


def round_lines(session: Session) -> list[RoundLine]:
    """Every round, the latest deadline first."""
    return [
        RoundLine(row.id, row.title, row.deadline, row.status == "closed")
        for row in session.execute(
            select(
                CollectionRound.id, CollectionRound.title, CollectionRound.deadline,
                CollectionRound.status,
            )
            .where(CollectionRound.deleted_at.is_(None))
            .order_by(CollectionRound.deadline.desc(), CollectionRound.title)
        )
    ]  # fmt: skip


def rounds(session: Session) -> list[tuple[str, str, date]]:
    """(id, title, deadline) of every round, the latest deadline first."""
    return [(line.id, line.title, line.deadline) for line in round_lines(session)]


def find_round(session: Session, wanted: str) -> str:
    """The id of the round titled ``wanted`` (accents and case aside) or whose id it is."""
    key = fold(wanted.strip())
    for round_id, title, _deadline in rounds(session):
        if round_id == wanted or fold(title) == key:
            return round_id
    raise RoundError(
        Message(N_("There is no collection round “{title}” in this file."), {"title": wanted})
    )


def submission_for(session: Session, round_id: str, entity: str) -> RoundSubmission:
    """The submission of the entity named ``entity`` (or whose code or id it is)."""
    key = fold(entity.strip())
    rows = session.execute(
        select(RoundSubmission, LocalEntity.name, LocalEntity.code)
        .join(LocalEntity, LocalEntity.id == RoundSubmission.local_entity_id)
        .where(RoundSubmission.round_id == round_id, RoundSubmission.deleted_at.is_(None))
    ).tuples()
    for submission, name, code in rows:
        if entity in (submission.local_entity_id,) or key in (fold(name), fold(code or "")):
            return submission
    raise RoundError(
        Message(N_("{entity} is not asked for figures in this round."), {"entity": entity})
    )


def submissions_due(session: Session, today: date) -> list[SubmissionDue]:
    """Every submission this file holds that still owes figures, the soonest first."""
    found: list[SubmissionDue] = []
    rows = session.execute(
        select(RoundSubmission, CollectionRound, LocalEntity.name)
        .join(CollectionRound, CollectionRound.id == RoundSubmission.round_id)
        .join(LocalEntity, LocalEntity.id == RoundSubmission.local_entity_id)
        .where(
            RoundSubmission.deleted_at.is_(None),
            CollectionRound.deleted_at.is_(None),
            RoundSubmission.status.in_(OWED),
        )
    ).tuples()
    by_round: dict[str, tuple[set[str], dict[str, set[str]]]] = {}
    for submission, chosen, name in rows:
        if chosen.id not in by_round:  # one read per round, not per entity (853 of them)
            wanted = {row.indicator_id for row in chosen.indicators}
            by_round[chosen.id] = (wanted, _filled(session, chosen.period_id, wanted))
        asked, filled_by_entity = by_round[chosen.id]
        filled = filled_by_entity.get(submission.local_entity_id, set())
        found.append(
            SubmissionDue(
                round_id=chosen.id,
                submission_id=submission.id,
                title=chosen.title,
                entity=name,
                deadline=chosen.deadline,
                days_left=(chosen.deadline - today).days,
                filled=len(filled & asked),
                asked=len(asked),
                status=submission.status,
                comment=submission.review_comment,
                closed=chosen.status == "closed",
            )
        )
    return sorted(
        found, key=lambda due: (due.closed, due.deadline, due.title, due.entity.casefold())
    )


def reviews_due(session: Session) -> list[ReviewDue]:
    """Rounds with submissions waiting to be approved or returned."""
    counts: dict[str, int] = defaultdict(int)
    titles: dict[str, str] = {}
    rows = session.execute(
        select(CollectionRound.id, CollectionRound.title)
        .join(RoundSubmission, RoundSubmission.round_id == CollectionRound.id)
        .where(
            CollectionRound.deleted_at.is_(None),
            RoundSubmission.deleted_at.is_(None),
            RoundSubmission.status == "submitted",
        )
    )
    for round_id, title in rows:
        counts[round_id] += 1
        titles[round_id] = title
    return [ReviewDue(round_id, titles[round_id], count) for round_id, count in counts.items()]


# --- the steps of a submission ----------------------------------------------------------


def _live(session: Session, submission_id: str) -> RoundSubmission:
    submission = session.get(RoundSubmission, submission_id)
    if submission is None or submission.deleted_at is not None:
        raise RoundError(Message(N_("This submission is no longer in the file.")))
    return submission


def _refuse_if_closed(chosen: CollectionRound) -> None:
    if chosen.status == "closed":
        raise RoundError(
            Message(
                N_(
                    "The round “{title}” is closed: it takes no new answers. Ask the office "
                    "to reopen it if the figures are still wanted."
                ),
                {"title": chosen.title},
            )
        )


def submit(session: Session, submission_id: str, now: datetime | None = None) -> None:
    """The entity sends its figures: every indicator asked for needs one (and the round
    must still be open)."""
    submission = _live(session, submission_id)
    if submission.status == "approved":
        raise RoundError(Message(N_("These figures are approved already.")))
    chosen = session.get(CollectionRound, submission.round_id)
    assert chosen is not None
    _refuse_if_closed(chosen)
    asked = {row.indicator_id: row.indicator.name for row in chosen.indicators}
    filled = _filled(session, chosen.period_id, asked).get(submission.local_entity_id, set())
    missing = sorted(name for indicator_id, name in asked.items() if indicator_id not in filled)
    if missing:
        raise RoundError(
            Message(
                N_("Enter every figure asked for before submitting; missing: {names}."),
                {"names": first_few(missing, 5)},
            )
        )
    submission.status = "submitted"
    submission.submitted_at = now or utc_now()


def approve(session: Session, submission_id: str, now: datetime | None = None) -> None:
    submission = _live(session, submission_id)
    if submission.status != "submitted":
        raise RoundError(Message(N_("Only submitted figures can be approved.")))
    submission.status = "approved"
    submission.reviewed_at = now or utc_now()
    submission.review_comment = None


def return_submission(
    session: Session, submission_id: str, comment: str, now: datetime | None = None
) -> None:
    """Send the figures back to be corrected, saying what to correct (a closed round takes
    no corrected answer: reopen it first)."""
    submission = _live(session, submission_id)
    if submission.status not in ("submitted", "approved"):
        raise RoundError(Message(N_("Only submitted figures can be returned.")))
    chosen = session.get(CollectionRound, submission.round_id)
    assert chosen is not None
    _refuse_if_closed(chosen)
    if not comment.strip():
        raise RoundError(Message(N_("Say what to correct: the comment goes back with them.")))
    submission.status = "returned"
    submission.reviewed_at = now or utc_now()
    submission.review_comment = comment.strip()


# --- what the office sends and counts ----------------------------------------------------


def reminder_text(view: RoundView, language: str | None = None) -> str:
    """The list of entities still owing figures, to paste into an e-mail."""
    if view.closed:
        return Message(
            N_("The round “{title}” is closed: it takes no new answers, nobody to remind."),
            {"title": view.title},
        ).render(language)
    owing = [row for row in view.rows if row.status in OWED]
    if not owing:
        return Message(N_("Every entity has answered “{title}”."), {"title": view.title}).render(
            language
        )
    lines = [
        Message(
            N_("“{title}”: the figures for {period} were due by {deadline}. Still to answer:"),
            {
                "title": view.title,
                "period": view.period_label,
                "deadline": date_text(view.deadline, language),
            },
        ).render(language)
    ]
    for row in owing:
        if row.status == "returned":
            line = Message(
                N_("{entity}: returned to be corrected — {comment}"),
                {"entity": row.entity, "comment": row.comment or ""},
            )
        else:
            line = Message(
                N_("{entity}: {filled} of {asked} figures entered"),
                {"entity": row.entity, "filled": row.filled, "asked": row.asked},
            )
        lines.append(f"- {line.render(language)}")
    return "\n".join(lines)


def unapproved_figures(session: Reader) -> set[tuple[str, str, str]]:
    """(indicator id, period id, entity id) of the figures asked for in a round and not
    approved yet: what "only approved figures" leaves out."""
    rows = session.execute(
        select(
            RoundIndicator.indicator_id, CollectionRound.period_id, RoundSubmission.local_entity_id
        )
        .join(CollectionRound, CollectionRound.id == RoundIndicator.round_id)
        .join(RoundSubmission, RoundSubmission.round_id == CollectionRound.id)
        .where(
            RoundIndicator.deleted_at.is_(None),
            CollectionRound.deleted_at.is_(None),
            RoundSubmission.deleted_at.is_(None),
            RoundSubmission.status != "approved",
        )
    )
    return {(str(i), str(p), str(e)) for i, p, e in rows}
