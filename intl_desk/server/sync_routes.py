"""The sync routes: clone, push, pull and documents by content hash (all need a token)."""

from __future__ import annotations

import hashlib
import shutil
import tempfile
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request, Response
from fastapi.responses import FileResponse, JSONResponse
from pydantic import BaseModel
from sqlalchemy.exc import DataError, IntegrityError
from starlette.background import BackgroundTask

from intl_desk.core.field_limits import MAX_DOCUMENT_BYTES
from intl_desk.core.i18n import N_
from intl_desk.server.auth import Refusal, SignedIn
from intl_desk.server.snapshot import write_branch_snapshot, write_snapshot

CURSOR_HEADER = "X-Intl-Desk-Cursor"


def _clone(request: Request, account: SignedIn) -> FileResponse:
    """The office as an office file (a scoped account's branch only), with the cursor it is
    consistent with."""
    folder = Path(tempfile.mkdtemp(prefix="intl-desk-clone-"))
    target = folder / "office.sqlite"
    engine = request.app.state.engine
    try:
        with request.app.state.admission.heavy_read():
            if account.scope_entity_id:  # what a scoped account reads: its branch only
                cursor = write_branch_snapshot(engine, target, account.scope_entity_id)
            else:
                cursor = write_snapshot(engine, target)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return FileResponse(
        target,
        media_type="application/vnd.sqlite3",
        headers={CURSOR_HEADER: str(cursor)},
        background=BackgroundTask(shutil.rmtree, folder, ignore_errors=True),
    )


class PushRequest(BaseModel):
    client_id: str
    cursor: int
    changes: list[dict[str, Any]]
    records: dict[str, list[dict[str, Any]]]


class PushResponse(BaseModel):
    accepted: list[str]
    refused: list[dict[str, Any]]
    conflicts: list[dict[str, Any]]


class HashList(BaseModel):
    hashes: list[str]


class RecordKeys(BaseModel):
    #: (table, id) of each record asked for
    records: list[tuple[str, str]]


def _push(request: Request, account: SignedIn, body: PushRequest) -> PushResponse:
    from intl_desk.server.devices import seen
    from intl_desk.server.push import MalformedPush, apply_push

    seen(request.app.state.engine, body.client_id[:36], account.name)
    try:
        result = apply_push(
            request.app.state.engine, account, body.client_id, body.cursor, body.changes,
            body.records, request.app.state.admission,
        )  # fmt: skip
    except MalformedPush as error:
        raise Refusal(
            422,
            N_("The server cannot read what was sent ({detail}); nothing was saved."),
            {"detail": str(error)[:200]},
        ) from None
    except IntegrityError as error:
        raise Refusal(
            409,
            N_(
                "The server saved nothing of this batch: a record refers to one the server "
                "does not have ({detail}). Synchronise again; if it persists, run check on "
                "the file."
            ),
            {"detail": str(error.orig).strip().splitlines()[0][:200]},
        ) from None
    except DataError as error:  # a value the database refuses (too long, out of range)
        raise Refusal(
            422,
            N_("The server cannot read what was sent ({detail}); nothing was saved."),
            {"detail": str(error.orig).strip().splitlines()[0][:200]},
        ) from None
    return PushResponse(
        accepted=result.accepted, refused=result.refused, conflicts=result.conflicts
    )


def _pull(
    request: Request,
    account: SignedIn,
    cursor: int = 0,
    limit: int = 1000,
    client: str | None = None,
) -> Response:
    from intl_desk.server.pull import read_batch

    if client:  # the office file asking (its client id): its last sync, for the admins
        from intl_desk.server.devices import seen

        seen(request.app.state.engine, client[:36], account.name)

    # the rows are JSON-ready already: written as they are, without FastAPI's encoder
    with request.app.state.admission.heavy_read():
        return JSONResponse(read_batch(request.app.state.engine, cursor, limit, account))


def _records(request: Request, account: SignedIn, body: RecordKeys) -> Response:
    from intl_desk.server.pull import read_records

    with request.app.state.admission.heavy_read():
        records = read_records(request.app.state.engine, body.records, account)
    return JSONResponse({"records": records})


def _missing_documents(request: Request, account: SignedIn, body: HashList) -> HashList:
    from intl_desk.server.push import missing_contents

    with request.app.state.engine.connect() as connection:
        return HashList(hashes=missing_contents(connection, body.hashes))


async def _upload_document(request: Request, account: SignedIn, sha256: str) -> Response:
    from intl_desk.server.push import store_content

    if account.role == "reader":
        raise Refusal(403, N_("Your account may only read: nothing was saved."))
    content = bytearray()
    async for chunk in request.stream():
        content.extend(chunk)
        if len(content) > MAX_DOCUMENT_BYTES:
            raise Refusal(413, N_("A document may hold at most 50 MB."))
    if hashlib.sha256(content).hexdigest() != sha256.lower():
        raise Refusal(
            400, N_("The document's content does not match its fingerprint; send it again.")
        )
    with request.app.state.engine.begin() as connection:
        store_content(connection, sha256.lower(), bytes(content))
    return Response(status_code=204)


def _download_document(request: Request, account: SignedIn, sha256: str) -> Response:
    from intl_desk.server.push import content_for

    with request.app.state.engine.connect() as connection:
        content = content_for(connection, sha256.lower())
    if content is None:
        raise Refusal(404, N_("The server holds no document with this fingerprint."))
    return Response(content, media_type="application/octet-stream")


def add_sync_routes(v1: APIRouter) -> None:
    v1.add_api_route(
        "/clone",
        _clone,
        methods=["GET"],
        response_class=FileResponse,
        summary="The office as an office file (SQLite), with the server's cursor in a header",
    )
    v1.add_api_route(
        "/sync/push", _push, methods=["POST"], response_model=PushResponse,
        summary="Send the history rows the server lacks and the records they changed",
    )  # fmt: skip
    v1.add_api_route(
        "/sync/pull", _pull, methods=["GET"],
        summary="The history rows after a cursor and the records they concern",
    )  # fmt: skip
    v1.add_api_route(
        "/sync/records", _records, methods=["POST"],
        summary="The present version of these records, and of what they refer to",
    )  # fmt: skip
    v1.add_api_route(
        "/documents/missing", _missing_documents, methods=["POST"], response_model=HashList,
        summary="Which of these document contents (SHA-256) the server lacks",
    )  # fmt: skip
    v1.add_api_route(
        "/documents/{sha256}", _upload_document, methods=["PUT"], status_code=204,
        summary="A document's content, sent once, before the records naming it",
    )  # fmt: skip
    v1.add_api_route(
        "/documents/{sha256}", _download_document, methods=["GET"],
        response_class=Response, summary="A document's content by its SHA-256",
    )  # fmt: skip
