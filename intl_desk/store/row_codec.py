"""Rows of the office's tables as JSON and back, for the office server's protocol.

Values keep their meaning exactly: timestamps as ISO 8601 UTC, dates as ISO dates,
decimals as text (never a binary float), booleans, numbers and texts as they are. Binary
columns are not encoded here: a document's bytes travel on their own, once per content
hash (see :mod:`intl_desk.sync` and :mod:`intl_desk.server.app`).
"""

from __future__ import annotations

import base64
from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal
from functools import cache
from typing import Any

from sqlalchemy import Date, LargeBinary, Numeric, Table

from intl_desk.core.model import Base
from intl_desk.core.model.base import UtcDateTime

#: columns whose bytes are sent apart from the row (by content hash)
SENT_APART = {("document", "content")}


@cache
def _kinds(table_name: str) -> dict[str, str]:
    table: Table = Base.metadata.tables[table_name]
    kinds = {}
    for column in table.columns:
        if (table_name, column.name) in SENT_APART:
            kinds[column.name] = "apart"
        elif isinstance(column.type, UtcDateTime):
            kinds[column.name] = "timestamp"
        elif isinstance(column.type, Date):
            kinds[column.name] = "date"
        elif isinstance(column.type, Numeric) and column.type.asdecimal:
            kinds[column.name] = "decimal"
        elif isinstance(column.type, LargeBinary):
            kinds[column.name] = "bytes"
        else:
            kinds[column.name] = "plain"
    return kinds


def encode_row(table_name: str, row: Mapping[str, Any]) -> dict[str, Any]:
    encoded: dict[str, Any] = {}
    for name, kind in _kinds(table_name).items():
        value = row.get(name)
        if kind == "apart":
            continue
        if value is None:
            encoded[name] = None
        elif kind == "timestamp" or kind == "date":
            encoded[name] = value.isoformat()
        elif kind == "decimal":
            encoded[name] = format(value, "f")
        elif kind == "bytes":
            encoded[name] = base64.b64encode(value).decode("ascii")
        else:
            encoded[name] = value
    return encoded


def decode_row(table_name: str, data: Mapping[str, Any]) -> dict[str, Any]:
    """The row's values as the model holds them; columns sent apart are left out.

    Raises ``ValueError`` (or ``KeyError`` for a missing column) on a malformed row.
    """
    decoded: dict[str, Any] = {}
    for name, kind in _kinds(table_name).items():
        if kind == "apart":
            continue
        value = data[name]
        if value is None:
            decoded[name] = None
        elif kind == "timestamp":
            decoded[name] = datetime.fromisoformat(str(value))
            if decoded[name].tzinfo is None:
                raise ValueError(f"{name}: a timestamp without its time zone")
        elif kind == "date":
            decoded[name] = date.fromisoformat(str(value))
        elif kind == "decimal":
            decoded[name] = Decimal(str(value))
        elif kind == "bytes":
            decoded[name] = base64.b64decode(str(value), validate=True)
        else:
            decoded[name] = value
    return decoded
