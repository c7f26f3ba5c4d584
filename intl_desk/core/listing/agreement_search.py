"""Searching agreements by title, reference and the names of their parties, fast.

Each typed word must appear, accents and case aside, in the agreement's folded
``search_key`` or in the folded search key of one of its live parties (a partner or a
local entity). Matching the parties through ``agreement_party`` builds the set of every
agreement of every matching party: 1.2 s for the single letter "b" among 220,000
agreements. The agreement row already carries its parties' names (``partner_names``,
``entity_names``, see :mod:`intl_desk.core.derived`), so this module asks the small
partner and entity tables which parties match and turns them into a few ``LIKE``\\ s on
those names, evaluated in the same scan as the title (0.1 s):

* a party whose name contains the word as typed (ignoring the case of ASCII letters) is
  found by ``names LIKE '%word%'``;
* a party whose name matches only once folded ("Łódź" for "lodz") contributes the
  spelling found in its name ("Łódź"), matched the same way;
* a party matched only by the rest of its search key (a partner's region, an entity's
  code) is looked up through ``agreement_party`` as before; there are few.

The result is the same set of agreements as the join, in portable SQL.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Boolean, ColumnElement, String, and_, literal, or_, select
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement

from intl_desk.core.folding import fold
from intl_desk.core.listing.conditions import like_pattern
from intl_desk.core.listing.text_index import indexed_match
from intl_desk.core.model import Agreement, AgreementParty, LocalEntity, Partner


class caseless_like(FunctionElement[bool]):
    """``column LIKE pattern ESCAPE '\\'`` ignoring the case of ASCII letters everywhere:
    SQLite's ``LIKE`` already does (and ``lower()`` would double its cost), other
    databases get ``ILIKE``."""

    type = Boolean()
    inherit_cache = True
    name = "caseless_like"


def _render(element: caseless_like, compiler: SQLCompiler, operator: str, **kw: Any) -> str:
    column, pattern = list(element.clauses)
    escape = compiler.render_literal_value("\\", String())
    return (
        f"{compiler.process(column, **kw)} {operator} {compiler.process(pattern, **kw)}"
        f" ESCAPE {escape}"
    )


@compiles(caseless_like)
def _ilike(element: caseless_like, compiler: SQLCompiler, **kw: Any) -> str:
    return _render(element, compiler, "ILIKE", **kw)


@compiles(caseless_like, "sqlite")
def _sqlite_like(element: caseless_like, compiler: SQLCompiler, **kw: Any) -> str:
    return _render(element, compiler, "LIKE", **kw)


def _ascii_lower(text: str) -> str:
    return "".join(char.lower() if "A" <= char <= "Z" else char for char in text)


def spelling_in(name: str, folded_word: str) -> str | None:
    """The part of ``name`` that folds to ``folded_word`` (ASCII letters lowered), if any:
    "Łódź" in "Łódź Voivodeship" for "lodz"."""
    lowered = _ascii_lower(name)
    if folded_word in lowered:
        return folded_word
    # fold character by character, remembering where each folded character came from
    origin: list[int] = []
    folded_chars: list[str] = []
    for position, char in enumerate(name):
        for piece in fold(char):
            folded_chars.append(piece)
            origin.append(position)
    start = "".join(folded_chars).find(folded_word)
    if start < 0:
        return None
    first, last = origin[start], origin[start + len(folded_word) - 1]
    return lowered[first : last + 1]


def _party_alternatives(
    session: Session, pattern: str, folded: str
) -> Iterable[ColumnElement[bool]]:
    kinds: tuple[tuple[Any, Any, Any], ...] = (
        (Partner, Agreement.partner_names, AgreementParty.partner_id),
        (LocalEntity, Agreement.entity_names, AgreementParty.local_entity_id),
    )
    for model, names, party_column in kinds:
        found = session.execute(
            select(model.id, model.name).where(model.search_key.like(pattern, escape="\\"))
        ).all()
        spellings: set[str] = set()
        others: list[str] = []
        for record_id, name in found:
            spelling = spelling_in(str(name or ""), folded)
            if spelling is None:
                others.append(record_id)
            else:
                spellings.add(spelling)
        for spelling in sorted(spellings):
            yield caseless_like(names, like_pattern(spelling))
        if others:
            yield Agreement.id.in_(
                select(AgreementParty.agreement_id).where(
                    AgreementParty.deleted_at.is_(None), party_column.in_(others)
                )
            )


def agreement_search(session: Session, text: str) -> ColumnElement[bool]:
    """Every word of ``text`` in the agreement's title or reference or a party's key.

    The office file's full-text index answers when it can (see
    :mod:`intl_desk.core.listing.text_index`); the ``LIKE`` conditions below are the portable
    way to the same agreements."""
    indexed = indexed_match(session, "agreement", [fold(word) for word in text.split()])
    if indexed is not None:
        return indexed
    clauses = []
    for word in text.split():
        folded = fold(word)
        pattern = like_pattern(folded)
        alternatives = [
            Agreement.search_key.like(pattern, escape="\\"),
            *_party_alternatives(session, pattern, folded),
        ]
        clauses.append(or_(*alternatives))
    return and_(*clauses) if clauses else literal(True)
