"""How long a record's texts and attachments may be: each text column's length (a free
text's when the column has none) and the size of a document, checked before anything is
written and by the office server before it reads an upload."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from intl_desk.core.i18n import N_

#: the longest free text a record keeps (notes, summaries, lessons learned): a long
#: report's worth, far beyond any real entry, short of a pasted book
MAX_TEXT_CHARACTERS = 100_000
#: the largest document attached to a record (signed scans are a few megabytes)
MAX_DOCUMENT_BYTES = 50 * 1024 * 1024


def too_long(model: type, state: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """(field, message id, its values) for every text longer than its column takes and
    every attachment over the limit, said in the user's words — SQLite would store
    anything, PostgreSQL would refuse. ``state`` is a record's ``__dict__``: only what was
    loaded or set, so a stored blob is not read."""
    from intl_desk.core.display import number_text

    limits = _column_limits(model)
    found: list[tuple[int, str, str, dict[str, Any]]] = []
    # through what the state holds (a new record's few values), not every column
    for key, value in state.items():
        if isinstance(value, str):
            column = limits.get(key)
            if column is not None and len(value) > column[1]:
                found.append(
                    (
                        column[0],
                        key,
                        N_("At most {limit} characters here; this text has {count}."),
                        {"limit": number_text(column[1]), "count": number_text(len(value))},
                    )
                )
        elif isinstance(value, bytes) and key in limits and len(value) > MAX_DOCUMENT_BYTES:
            found.append(
                (
                    limits[key][0],
                    key,
                    N_("Attachments are limited to {limit} MB; this file has {size} MB."),
                    {
                        "limit": MAX_DOCUMENT_BYTES // (1024 * 1024),
                        "size": round(len(value) / (1024 * 1024)),
                    },
                )
            )
    for _position, key, msgid, params in sorted(found, key=lambda item: item[0]):
        yield key, msgid, params  # in the columns' order, as the form shows them


def _column_limits(model: type) -> dict[str, tuple[int, int]]:
    """Each column's key → (its position, the longest text it takes), once per model (an
    import checks 50,000 records of the same few models)."""
    limits = _LIMITS.get(model)
    if limits is None:
        limits = _LIMITS[model] = {
            column.key: (position, getattr(column.type, "length", None) or MAX_TEXT_CHARACTERS)
            for position, column in enumerate(model.__table__.columns)  # type: ignore[attr-defined]
        }
    return limits


_LIMITS: dict[type, dict[str, tuple[int, int]]] = {}
