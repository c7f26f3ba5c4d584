"""Changing a collection round once it is open: a new deadline, closing it (no new
answers; reopening undoes it), or deleting it.

The figures an entity entered are ordinary measurements: deleting a round never deletes
them. What goes with the round is its bookkeeping — who was asked, who answered, what the
office approved and the comments it sent back — so the office is told exactly that before
it deletes a round somebody has answered (:func:`what_deleting_loses`).
"""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from intl_desk.core.i18n import N_, Message
from intl_desk.core.model import CollectionRound
from intl_desk.core.rounds import RoundError, RoundView
from intl_desk.core.tracking import soft_delete


def _live(session: Session, round_id: str) -> CollectionRound:
    chosen = session.get(CollectionRound, round_id)
    if chosen is None or chosen.deleted_at is not None:
        raise RoundError(Message(N_("This collection round is no longer in the file.")))
    return chosen


def change_deadline(session: Session, round_id: str, deadline: date | None) -> None:
    """A later (or earlier) deadline: who is late is read against it from now on."""
    if deadline is None:
        raise RoundError(Message(N_("Choose the deadline for the answers.")))
    _live(session, round_id).deadline = deadline


def close_round(session: Session, round_id: str) -> None:
    """The office stops collecting: no new answer or correction is taken (answers given
    stay, and can still be approved); nobody is late or reminded any more."""
    _live(session, round_id).status = "closed"


def reopen_round(session: Session, round_id: str) -> None:
    """Answers are taken again (a late one still wanted)."""
    _live(session, round_id).status = "open"


def what_deleting_loses(view: RoundView) -> Message:
    """The sentence the office reads before deleting the round shown in ``view``."""
    answered = view.count("submitted", "approved", "returned")
    if not answered:
        return Message(
            N_("Delete the round “{title}”? Nobody has answered it yet; the figures "
               "already entered stay in the file."),
            {"title": view.title},
        )  # fmt: skip
    return Message(
        N_("Delete the round “{title}”? {answered} of {asked} entities have answered it "
           "({approved} approved, {returned} returned with a comment): their answers, the "
           "approvals and your comments are lost. The figures themselves stay in the file, "
           "counted like any other figure."),
        {
            "title": view.title,
            "answered": answered,
            "asked": len(view.rows),
            "approved": view.count("approved"),
            "returned": view.count("returned"),
        },
    )  # fmt: skip


def delete_round(session: Session, round_id: str) -> None:
    """The round, its indicators asked and its submissions, tombstoned (in the history,
    travelling to the server and to merged files like any deletion)."""
    soft_delete(session, _live(session, round_id))
