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

    for key, limit in _column_limits(model):
        value = state.get(key)
        if isinstance(value, str):
            if len(value) > limit:
                yield (
                    key,
                    N_("At most {limit} characters here; this text has {count}."),
                    {"limit": number_text(limit), "count": number_text(len(value))},
                )
        elif isinstance(value, bytes) and len(value) > MAX_DOCUMENT_BYTES:
            yield (
                key,
                N_("Attachments are limited to {limit} MB; this file has {size} MB."),
                {
                    "limit": MAX_DOCUMENT_BYTES // (1024 * 1024),
                    "size": round(len(value) / (1024 * 1024)),
                },
            )


def _column_limits(model: type) -> tuple[tuple[str, int], ...]:
    """Each column's key and the longest text it takes, once per model (an import checks
    50,000 records of the same few models)."""
    limits = _LIMITS.get(model)
    if limits is None:
        limits = _LIMITS[model] = tuple(
            (column.key, getattr(column.type, "length", None) or MAX_TEXT_CHARACTERS)
            for column in model.__table__.columns  # type: ignore[attr-defined]
        )
    return limits


_LIMITS: dict[type, tuple[tuple[str, int], ...]] = {}
