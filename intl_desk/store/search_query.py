"""Searching agreements through the office file's full-text index (SQLite's side).

What :mod:`intl_desk.store.search_index` keeps: each live agreement's folded title,
reference and parties' keys, under a trigram FTS5 index. A typed word matches where it
appears anywhere in that text, as the portable ``LIKE '%word%'`` does, so both find the
same agreements:

* words of three characters or more are looked up in the index (a few milliseconds for
  a word a few thousand agreements contain);
* shorter words, and words so common that the index would hand back most of the file
  (its cost grows with the rows it returns: 0.4 s for a word in 200,000 titles), are
  matched with ``LIKE`` on the stored text instead: one scan of a narrow table (35 ms
  for 220,000 agreements), still without the join through every party that made a
  digit search on entity codes take 2.3 s.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import ColumnElement, Select, literal_column, text

from intl_desk.core.listing.conditions import like_pattern
from intl_desk.core.listing.text_index import register_finder, register_order_check
from intl_desk.store import search_index
from intl_desk.store.connection import driver_connection

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

#: the index's answer is used when it holds at most this many agreements; beyond, a scan
#: of the stored text costs less than reading that many rows out of the index
INDEXED_AT_MOST = 5_000
#: what walking the list's order costs per row looked at (an agreement row and its stored
#: text) against what gathering costs per match (a lookup, then the sort): walking to
#: the first ``wanted`` matches looks at ``wanted / share`` rows, gathering sorts
#: ``share × rows`` matches, so walking pays when ``share² × rows ≥ ratio × wanted``.
#: Measured with 220,000 agreements: 230 ms to walk to 5,000 matches of "be" (19,000 in
#: all) against 63 ms to gather them; 9 ms to walk to a page of 200
WALK_COST_RATIO = 2.0
#: stored texts looked at to estimate that share (a fraction of a millisecond)
SAMPLE = 2_000
#: trigrams: a shorter word has no token of its own in the index
SHORTEST_INDEXED = 3


def _phrase(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


def _usable(session: Session) -> bool:
    bind = session.get_bind()
    if bind.dialect.name != "sqlite":
        return False
    raw = driver_connection(session.connection())
    return search_index.has_index(raw) and not search_index.pending(raw)


def _few_enough(session: Session, query: str) -> bool:
    """Whether the index holds at most :data:`INDEXED_AT_MOST` agreements for ``query``
    (remembered for the session: the list asks its count and its rows one after the other)."""
    remembered: dict[str, bool] = session.info.setdefault("intl_desk.search_probes", {})
    if query not in remembered:
        remembered[query] = _probe(session, query)
    return remembered[query]


def _probe(session: Session, query: str) -> bool:
    found = session.execute(
        text(
            f"SELECT count(*) FROM (SELECT rowid FROM {search_index.INDEX} "
            f"WHERE {search_index.INDEX} MATCH :query LIMIT :most)"
        ),
        {"query": query, "most": INDEXED_AT_MOST + 1},
    ).scalar_one()
    return int(found) <= INDEXED_AT_MOST


def agreements_matching(session: Session, words: Sequence[str]) -> ColumnElement[bool] | None:
    """The agreements whose searched text contains every one of ``words`` (folded), or
    None when this file's index cannot answer (the portable search then does)."""
    words = [word for word in words if word]
    if not words or not _usable(session):
        return None
    long = [word for word in words if len(word) >= SHORTEST_INDEXED]
    query = " AND ".join(_phrase(word) for word in long)
    indexed = bool(long) and _few_enough(session, query)
    scanned = [word for word in words if not indexed or len(word) < SHORTEST_INDEXED]
    conditions = [f"words LIKE :word{number} ESCAPE '\\'" for number in range(len(scanned))]
    if indexed:
        conditions.insert(
            0,
            f"rowid IN (SELECT rowid FROM {search_index.INDEX} "
            f"WHERE {search_index.INDEX} MATCH :query)",
        )
    values: dict[str, str] = {f"word{number}": like_pattern(word) for number, word in
                              enumerate(scanned)}  # fmt: skip
    if indexed:
        values["query"] = query
    rows = text(
        f"SELECT rowid FROM {search_index.TEXT} WHERE {' AND '.join(conditions)}"
    ).bindparams(**values)
    condition: ColumnElement[bool] = literal_column("agreement.rowid").in_(
        rows.columns(literal_column("rowid"))
    )
    return condition


def _scanned(words: Sequence[str]) -> tuple[str, dict[str, str]]:
    conditions = " AND ".join(
        f"words LIKE :word{number} ESCAPE '\\'" for number in range(len(words))
    )
    return conditions, {f"word{number}": like_pattern(word) for number, word in enumerate(words)}


def _share_in_sample(
    session: Session, conditions: str, values: dict[str, str]
) -> tuple[float, int]:
    """The share of agreements holding the words among :data:`SAMPLE` stored texts taken
    in ten runs spread over the table (agreements imported together look alike), and
    about how many agreements there are (the highest rowid)."""
    last = session.execute(text(f"SELECT max(rowid) FROM {search_index.TEXT}")).scalar()
    if not last:
        return 0.0, 0
    runs = " UNION ALL ".join(
        f"SELECT * FROM (SELECT words FROM {search_index.TEXT} "
        f"WHERE rowid > {int(last) * run // 10} ORDER BY rowid LIMIT {SAMPLE // 10})"
        for run in range(10)
    )
    held, looked = session.execute(
        text(f"SELECT coalesce(sum({conditions}), 0), count(*) FROM ({runs})"), values
    ).one()
    return (int(held) / int(looked) if looked else 0.0), int(last)


def most_agreements(
    session: Session, words: Sequence[str], wanted: int
) -> tuple[int, ColumnElement[bool]] | None:
    """For words too common for the index (see the module docstring), when walking the
    list's order to the first ``wanted`` matches costs less than gathering them all (see
    :data:`WALK_COST_RATIO`): how many live agreements hold them all, counted on the
    stored text, and the test of one agreement row; None when the index answers
    ``words`` itself, gathering costs less, or the index cannot be used."""
    words = [word for word in words if word]
    if not words or not _usable(session):
        return None
    long = [word for word in words if len(word) >= SHORTEST_INDEXED]
    if long and _few_enough(session, " AND ".join(_phrase(word) for word in long)):
        return None
    conditions, values = _scanned(words)
    share, rows = _share_in_sample(session, conditions, values)
    if share == 0 or share * share * rows < WALK_COST_RATIO * wanted:
        return None  # gathering and sorting the matches costs less than walking to them
    total = session.execute(
        text(f"SELECT count(*) FROM {search_index.TEXT} WHERE {conditions}"), values
    ).scalar_one()
    row = text(
        f"EXISTS (SELECT 1 FROM {search_index.TEXT} WHERE rowid = agreement.rowid "
        f"AND {conditions})"
    ).bindparams(**values)
    return int(total), cast("ColumnElement[bool]", row)


def _ordered_by_index(session: Session, statement: Select[Any]) -> bool:
    """Whether SQLite's plan for ``statement`` walks an index in its order rather than
    sorting every row first (``USE TEMP B-TREE FOR ORDER BY``; sorting only the rows that
    share a value, ``… FOR RIGHT PART OF ORDER BY``, still walks). Remembered per
    statement for the session's connection."""
    dialect = session.get_bind().dialect
    if dialect.name != "sqlite":
        return False
    compiled = statement.compile(dialect=dialect)
    sql = str(compiled)
    remembered: dict[str, bool] = session.info.setdefault("intl_desk.ordered_by_index", {})
    if sql not in remembered:
        values = compiled.construct_params()
        bound = tuple(values[name] for name in compiled.positiontup or ())
        plan = session.connection().exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}", bound).all()
        remembered[sql] = not any(
            str(row[-1]).startswith("USE TEMP B-TREE FOR ORDER BY") for row in plan
        )
    return remembered[sql]


register_finder("agreement", agreements_matching, most_agreements)
register_order_check(_ordered_by_index)
