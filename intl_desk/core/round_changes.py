"""Changing a collection round once it is open: a new deadline, what it asks for (more or
fewer indicators or entities), closing it (no new answers; reopening undoes it), or
deleting it.

The figures an entity entered are ordinary measurements: deleting a round never deletes
them. What goes with the round is its bookkeeping — who was asked, who answered, what the
office approved and the comments it sent back — so the office is told exactly that before
it deletes a round somebody has answered (:func:`what_deleting_loses`).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy.orm import Session

from intl_desk.core.display import first_few
from intl_desk.core.i18n import N_, Message
from intl_desk.core.model import CollectionRound, RoundIndicator, RoundSubmission
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


def change_asked(
    session: Session, round_id: str, indicator_ids: Sequence[str], entity_ids: Sequence[str]
) -> Message:
    """Ask for these indicators, of these entities: the ones added are asked from now on
    (an entity added owes its answer), the ones taken out are no longer asked — their
    figures stay in the file. An entity that has answered stays asked: taking it out
    would lose its answer and the office's review. Returns what changed, to say."""
    chosen = _live(session, round_id)
    if not indicator_ids:
        raise RoundError(Message(N_("Choose at least one indicator to ask for.")))
    if not entity_ids:
        raise RoundError(Message(N_("Choose at least one local entity to ask.")))
    wanted_indicators, wanted_entities = set(indicator_ids), set(entity_ids)
    live_indicators = [row for row in chosen.indicators if row.deleted_at is None]
    live_submissions = [row for row in chosen.submissions if row.deleted_at is None]
    answered = sorted(
        row.local_entity.name
        for row in live_submissions
        if row.local_entity_id not in wanted_entities and row.status != "due"
    )
    if answered:
        raise RoundError(
            Message(
                N_(
                    "Already answered, so still asked: {names} (taking them out would lose "
                    "their answers and your reviews)."
                ),
                {"names": first_few(answered, 5)},
            )
        )
    added = removed = 0
    for indicator in live_indicators:
        if indicator.indicator_id not in wanted_indicators:
            soft_delete(session, indicator)
            removed += 1
    have = {indicator.indicator_id for indicator in live_indicators}
    for indicator_id in dict.fromkeys(indicator_ids):
        if indicator_id not in have:
            chosen.indicators.append(RoundIndicator(indicator_id=indicator_id))
            added += 1
    asked_before = len(live_submissions)
    for row in live_submissions:
        if row.local_entity_id not in wanted_entities:
            soft_delete(session, row)
    asked = {row.local_entity_id for row in live_submissions}
    for entity_id in dict.fromkeys(entity_ids):
        if entity_id not in asked:
            chosen.submissions.append(RoundSubmission(local_entity_id=entity_id))
    return Message(
        N_(
            "Saved. Indicators asked for: {indicators} ({added} added, {removed} taken out); "
            "local entities asked: {entities} (before: {before}). The figures entered stay."
        ),
        {
            "indicators": len(wanted_indicators), "added": added, "removed": removed,
            "entities": len(wanted_entities), "before": asked_before,
        },
    )  # fmt: skip


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
