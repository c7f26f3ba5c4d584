"""The server's own tables, beside the office's: accounts, settings, the change order.

They live in the server's PostgreSQL database only, never in an office file. Their
migrations are apart from the office's (``intl_desk/server/migrations``, revisions
"s0001"…, see :mod:`intl_desk.server.schema`): a change here needs a new revision there,
and a test keeps this model and the migrations' result equal.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    DateTime,
    Identity,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    func,
)

server_metadata = MetaData()

account_table = Table(
    "server_account",
    server_metadata,
    Column("name", String(100), primary_key=True),
    Column("role", String(10), nullable=False),
    Column("scope_entity_id", String(36)),
    Column("password_hash", String(200), nullable=False),
    Column("disabled", Boolean, nullable=False, default=False),
    Column("created_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    #: moved on by a new password or disabling: tokens made before are refused
    Column("token_generation", Integer, nullable=False, server_default="0"),
)

#: one value per name: the token secret (see :mod:`intl_desk.server.tokens`)
setting_table = Table(
    "server_setting",
    server_metadata,
    Column("name", String(60), primary_key=True),
    Column("value", String(200), nullable=False),
)

#: the server's order of the history: every change the server accepted gets the next
#: number; a client's cursor is the last number it holds. ``client_id`` is the office file
#: that sent it (none for changes made on the server itself).
change_order_table = Table(
    "server_change_order",
    server_metadata,
    Column("seq", BigInteger, Identity(), primary_key=True),
    Column("change_id", String(36), nullable=False, unique=True),
    Column("client_id", String(36)),
)

#: documents' bytes received before the records naming them (by SHA-256), so that each
#: content travels once however many documents or pushes carry it
blob_table = Table(
    "server_blob",
    server_metadata,
    Column("sha256", String(64), primary_key=True),
    Column("content", LargeBinary, nullable=False),
)

#: each desktop's office file (its client id) that synchronised: whose it is and when it
#: last pushed or pulled, for Office › Users and roles…
device_table = Table(
    "server_device",
    server_metadata,
    Column("client_id", String(36), primary_key=True),
    Column("account", String(100), nullable=False, index=True),
    Column("last_sync_at", DateTime(timezone=True), nullable=False),
)
