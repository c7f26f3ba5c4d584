"""The terms of office as a list: not a page of the window (the Terms of office dialog
shows them), but exported and imported like the lists, so an office's terms and what each
team committed the next one to travel with its registers."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.orm import Session, aliased

from intl_desk.core.i18n import N_
from intl_desk.core.listing.conditions import like_pattern
from intl_desk.core.listing.definitions import LISTS
from intl_desk.core.listing.spec import Column, ListSpec
from intl_desk.core.model import PoliticalTerm, StrategicLine


def _search(_session: Session, text: str) -> ColumnElement[bool]:
    pattern = like_pattern(text)
    return or_(
        PoliticalTerm.leader.ilike(pattern, escape="\\"),
        PoliticalTerm.plan_title.ilike(pattern, escape="\\"),
    )


TERMS = ListSpec(
    kind="terms",
    label=N_("Terms of office"),
    model=PoliticalTerm,
    columns=(
        Column("leader", N_("Who led"), lambda: PoliticalTerm.leader, width=200),
        Column("leader_title", N_("Title"), lambda: PoliticalTerm.leader_title),
        Column("start_date", N_("From"), lambda: PoliticalTerm.start_date, "date"),
        Column("end_date", N_("To"), lambda: PoliticalTerm.end_date, "date"),
        Column("plan_title", N_("Plan adopted"), lambda: PoliticalTerm.plan_title, width=260),
        Column("plan_adopted_on", N_("Adopted on"), lambda: PoliticalTerm.plan_adopted_on, "date"),
        Column(
            "commitments",
            N_("Commitments to the next team"),
            lambda: PoliticalTerm.commitments,
            width=300,
        ),
        Column("notes", N_("Notes"), lambda: PoliticalTerm.notes, width=200),
    ),
    search=_search,
    default_sort="start_date",
    empty_hint=N_("No terms of office yet: add them in Office › Terms of office…"),
)

_EarlierLine = aliased(StrategicLine)


def _term(column: str) -> Any:
    """The leader or start of the term whose plan adopted the line (a subquery)."""
    return lambda: (
        select(getattr(PoliticalTerm, column))
        .where(PoliticalTerm.id == StrategicLine.term_id)
        .scalar_subquery()
    )


PLAN_LINES = ListSpec(
    kind="plan_lines",
    label=N_("Plan lines"),
    model=StrategicLine,
    columns=(
        Column("code", N_("Code"), lambda: StrategicLine.code, width=60),
        Column("title", N_("Strategic line"), lambda: StrategicLine.title, width=300),
        Column("description", N_("Description"), lambda: StrategicLine.description, width=300),
        Column("term", N_("Plan of the term"), _term("leader"), width=200),
        Column("term_start", N_("Term from"), _term("start_date"), "date"),
        Column(
            "continues",
            N_("Carries on"),
            lambda: (
                select(func.coalesce(_EarlierLine.code, _EarlierLine.title))
                .where(_EarlierLine.id == StrategicLine.continues_id)
                .scalar_subquery()
            ),
            width=200,
        ),
    ),
    search=lambda _session, text: StrategicLine.title.ilike(like_pattern(text), escape="\\"),
    default_sort="code",
    empty_hint=N_("No plan lines yet: add them in Office › Terms of office…"),
)

#: every list a spreadsheet export can write: the window's lists, the terms of office and
#: their plans' lines
EXPORTABLE: dict[str, ListSpec] = {**LISTS, TERMS.kind: TERMS, PLAN_LINES.kind: PLAN_LINES}
