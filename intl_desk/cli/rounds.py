"""``intl-desk round …``: collection rounds from the command line.

``round open`` asks local entities for a period's figures by a deadline; ``round list``
and ``round show`` say who has answered and who is late (``show`` exits with 1 while
some entity is late; ``--reminder`` prints the list to paste into an e-mail);
``round submit``, ``approve`` and ``return`` move one entity's answer along;
``round deadline`` moves the deadline, ``round close`` stops taking answers (``round
reopen`` takes them again) and ``round delete`` deletes a round (without ``--yes`` it only
says what would be lost).
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from intl_desk.core.i18n import N_, Message, _

if TYPE_CHECKING:  # every command builds this parser: SQLAlchemy loads only when used
    from sqlalchemy.orm import Session


def _lookup(session: Session, model: Any, wanted: str, message: str) -> str:
    from sqlalchemy import select

    from intl_desk.core.folding import fold

    key = fold(wanted.strip())
    fields = [model.name] + ([model.code] if hasattr(model, "code") else [])
    for row in session.execute(select(model.id, *fields).where(model.deleted_at.is_(None))):
        if any(fold(str(value or "")) == key for value in row[1:]):
            return str(row[0])
    from intl_desk.core.rounds import RoundError

    raise RoundError(Message(message, {"name": wanted}))


def _entities_under(session: Session, parent_id: str) -> list[str]:
    """The entities measured one by one (a state's municipalities) under ``parent_id``."""
    from sqlalchemy import select

    from intl_desk.core.evaluation.entry import measured_entities
    from intl_desk.core.model import LocalEntity

    tree = dict(session.execute(select(LocalEntity.id, LocalEntity.parent_id)).tuples().all())

    def is_under(entity_id: str | None) -> bool:
        seen: set[str] = set()
        while entity_id is not None and entity_id not in seen:
            if entity_id == parent_id:
                return True
            seen.add(entity_id)
            entity_id = tree.get(entity_id)
        return False

    return [entity_id for entity_id, _name, _parent in measured_entities(session)
            if is_under(entity_id)]  # fmt: skip


def cmd_round_open(args: argparse.Namespace) -> int:
    from sqlalchemy import select

    from intl_desk.core.model import Indicator, LocalEntity, Period
    from intl_desk.core.rounds import RoundError, open_round
    from intl_desk.store.office_file import OfficeFile

    with OfficeFile.open(args.file) as office, office.session() as session:
        period = session.scalars(
            select(Period.id).where(Period.deleted_at.is_(None), Period.label == args.period)
        ).first()
        if period is None:
            raise RoundError(
                Message(N_("There is no period “{name}” in this file."), {"name": args.period})
            )
        indicators = [
            _lookup(session, Indicator, name, N_("There is no indicator “{name}” in this file."))
            for name in args.indicator
        ]
        missing_entity = N_("There is no local entity “{name}” in this file.")
        entities = [_lookup(session, LocalEntity, name, missing_entity) for name in args.entity]
        for name in args.under or ():
            branch = _lookup(session, LocalEntity, name, missing_entity)
            entities += _entities_under(session, branch)
        opened = open_round(
            session, title=args.title, period_id=period, deadline=args.deadline,
            indicator_ids=indicators, entity_ids=entities, instructions=args.instructions,
        )  # fmt: skip
        session.commit()
        print(
            Message(
                N_("Round “{title}” opened: {entities} local entities asked for {indicators} "
                   "figures by {deadline}."),
                {"title": opened.title, "entities": len(set(entities)),
                 "indicators": len(set(indicators)), "deadline": args.deadline.isoformat()},
            )
        )  # fmt: skip
    return 0


def cmd_round_list(args: argparse.Namespace) -> int:
    from intl_desk.core import rounds
    from intl_desk.store.office_file import OfficeFile

    with OfficeFile.open(args.file, read_only=True) as office, office.session() as session:
        found = rounds.rounds(session)
        if not found:
            print(_("No collection round in this file."))
        for round_id, _title, _deadline in found:
            view = rounds.round_view(session, round_id, date.today())
            print(_summary(view))
    return 0


def _summary(view: Any) -> Message:
    if view.closed:
        return Message(
            N_("{title} ({period}), closed: {answered} of {asked} answered, {approved} "
               "approved; no new answers taken"),
            {"title": view.title, "period": view.period_label,
             "answered": view.count("submitted", "approved"), "asked": len(view.rows),
             "approved": view.count("approved")},
        )  # fmt: skip
    return Message(
        N_("{title} ({period}), due {deadline}: {answered} of {asked} answered, {approved} "
           "approved, {late} late"),
        {"title": view.title, "period": view.period_label,
         "deadline": view.deadline.isoformat(), "answered": view.count("submitted", "approved"),
         "asked": len(view.rows), "approved": view.count("approved"), "late": len(view.late)},
    )  # fmt: skip


def cmd_round_show(args: argparse.Namespace) -> int:
    from intl_desk.core import rounds
    from intl_desk.core.vocabularies import SUBMISSION_STATUSES
    from intl_desk.store.office_file import OfficeFile

    with OfficeFile.open(args.file, read_only=True) as office, office.session() as session:
        view = rounds.round_view(session, rounds.find_round(session, args.round), date.today())
    if args.reminder:
        print(rounds.reminder_text(view))
        return 0
    print(_summary(view))
    for row in view.rows:
        late = " — " + _("late") if row.late else ""
        comment = f" — {row.comment}" if row.comment else ""
        print(f"  {row.entity}: {SUBMISSION_STATUSES.label(row.status)}, "
              f"{row.filled}/{row.asked}{late}{comment}")  # fmt: skip
    return 1 if view.late else 0


def cmd_round_step(args: argparse.Namespace) -> int:
    from intl_desk.core import rounds
    from intl_desk.store.office_file import OfficeFile

    with OfficeFile.open(args.file) as office, office.session() as session:
        submission = rounds.submission_for(session, rounds.find_round(session, args.round),
                                           args.entity)  # fmt: skip
        if args.step == "submit":
            rounds.submit(session, submission.id)
        elif args.step == "approve":
            rounds.approve(session, submission.id)
        else:
            rounds.return_submission(session, submission.id, args.comment or "")
        session.commit()
    done = {
        "submit": N_("{entity}: figures submitted."),
        "approve": N_("{entity}: figures approved."),
        "return": N_("{entity}: figures returned with your comment."),
    }[args.step]
    print(Message(done, {"entity": args.entity}))
    return 0


def cmd_round_deadline(args: argparse.Namespace) -> int:
    from intl_desk.core import round_changes, rounds
    from intl_desk.store.office_file import OfficeFile

    with OfficeFile.open(args.file) as office, office.session() as session:
        round_changes.change_deadline(session, rounds.find_round(session, args.round),
                                      args.deadline)  # fmt: skip
        session.commit()
    print(_("The deadline is changed: who is late is read against it."))
    return 0


def cmd_round_close(args: argparse.Namespace) -> int:
    from intl_desk.core import round_changes, rounds
    from intl_desk.store.office_file import OfficeFile

    with OfficeFile.open(args.file) as office, office.session() as session:
        round_id = rounds.find_round(session, args.round)
        if args.reopen:
            round_changes.reopen_round(session, round_id)
        else:
            round_changes.close_round(session, round_id)
        session.commit()
    print(_("The round is open again: answers are taken.") if args.reopen
          else _("The round is closed: it takes no new answers."))  # fmt: skip
    return 0


def cmd_round_delete(args: argparse.Namespace) -> int:
    """Without ``--yes`` it only says what deleting would lose, and exits with 1."""
    from intl_desk.core import round_changes, rounds
    from intl_desk.store.office_file import OfficeFile

    with OfficeFile.open(args.file) as office, office.session() as session:
        round_id = rounds.find_round(session, args.round)
        view = rounds.round_view(session, round_id, date.today())
        if not args.yes:
            print(round_changes.what_deleting_loses(view))
            print(_("Nothing is deleted: run the command again with --yes to delete it."))
            return 1
        round_changes.delete_round(session, round_id)
        session.commit()
    print(Message(N_("The round “{title}” is deleted."), {"title": view.title}))
    return 0


def add_round_parser(sub: Any) -> None:
    round_parser = sub.add_parser(
        "round", help=_("collection rounds: ask local entities for a period's figures")
    )
    commands = round_parser.add_subparsers(dest="round_command", required=True)

    def with_file(name: str, text: str) -> Any:
        parser = commands.add_parser(name, help=text)
        parser.add_argument("file", type=Path, metavar=_("FILE"), help=_("the office file"))
        return parser

    opening = with_file("open", _("open a round"))
    opening.add_argument("--title", required=True, help=_("e.g. “2026 yearly figures”"))
    opening.add_argument("--period", required=True, metavar=_("LABEL"),
                         help=_("the period of the figures, e.g. 2026"))  # fmt: skip
    opening.add_argument("--deadline", required=True, type=date.fromisoformat,
                         metavar=_("YYYY-MM-DD"))  # fmt: skip
    opening.add_argument("--indicator", action="append", default=[], metavar=_("NAME"),
                         help=_("an indicator asked for (repeat for each)"))  # fmt: skip
    opening.add_argument("--entity", action="append", default=[], metavar=_("NAME"),
                         help=_("a local entity asked (repeat for each)"))  # fmt: skip
    opening.add_argument("--under", action="append", metavar=_("NAME"),
                         help=_("ask every entity measured under this one"))  # fmt: skip
    opening.add_argument("--instructions", metavar=_("TEXT"))
    opening.set_defaults(handler=cmd_round_open)

    listing = with_file("list", _("every round and how far it is"))
    listing.set_defaults(handler=cmd_round_list)

    showing = with_file("show", _("who has answered a round and who is late"))
    showing.add_argument("round", metavar=_("ROUND"), help=_("the round's title"))
    showing.add_argument("--reminder", action="store_true",
                         help=_("print the reminder list to paste into an e-mail"))  # fmt: skip
    showing.set_defaults(handler=cmd_round_show)

    moving = with_file("deadline", _("change a round's deadline"))
    moving.add_argument("round", metavar=_("ROUND"), help=_("the round's title"))
    moving.add_argument("--deadline", required=True, type=date.fromisoformat,
                        metavar=_("YYYY-MM-DD"))  # fmt: skip
    moving.set_defaults(handler=cmd_round_deadline)

    for name, text, reopen in (
        ("close", _("close a round: it takes no new answers"), False),
        ("reopen", _("open a closed round again"), True),
    ):
        closing = with_file(name, text)
        closing.add_argument("round", metavar=_("ROUND"), help=_("the round's title"))
        closing.set_defaults(handler=cmd_round_close, reopen=reopen)

    deleting = with_file("delete", _("delete a round (the figures entered stay)"))
    deleting.add_argument("round", metavar=_("ROUND"), help=_("the round's title"))
    deleting.add_argument("--yes", action="store_true",
                          help=_("delete even though entities have answered it"))  # fmt: skip
    deleting.set_defaults(handler=cmd_round_delete)

    for step, text in (
        ("submit", _("submit an entity's figures")),
        ("approve", _("approve an entity's submitted figures")),
        ("return", _("return an entity's figures to be corrected")),
    ):
        parser = with_file(step, text)
        parser.add_argument("round", metavar=_("ROUND"), help=_("the round's title"))
        parser.add_argument("--entity", required=True, metavar=_("NAME"))
        if step == "return":
            parser.add_argument("--comment", required=True, metavar=_("TEXT"),
                                help=_("what to correct"))  # fmt: skip
        parser.set_defaults(handler=cmd_round_step, step=step)
