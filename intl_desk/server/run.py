"""``intl-desk server run``: the HTTP service on uvicorn, until it is told to stop.

It announces the address it listens on once the socket is open (port 0 picks a free one,
and the line says which). SIGTERM or Ctrl+C stops it gracefully: no new connections, the
requests under way finish — each push is one database transaction, so it is either
committed whole or not at all — and then the process exits with 0. One line per request
goes to the standard error (see :mod:`intl_desk.server.app`).
"""

from __future__ import annotations

import logging
import signal
import socket
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import uvicorn

from intl_desk.core.errors import IntlDeskError
from intl_desk.core.i18n import N_, Message
from intl_desk.server.admission import READ_WAIT, Admission
from intl_desk.server.app import create_app, request_log
from intl_desk.server.setup import server_engine

#: how long the requests under way may take to finish after a stop is asked for
GRACE_SECONDS = 30
#: how long a desk's idle connection stays open between its requests. uvicorn's 5 s was
#: shorter than the pauses of a sync under load (a push's answer written into the file,
#: a busy server's Retry-After), so the server closed connections the desk was about to
#: use again; a request sent just as one closes breaks ("Connection reset by peer") and
#: is sent again by the client (:data:`intl_desk.sync.client.BROKEN_CONNECTION`).
KEEP_ALIVE_SECONDS = 75


class TlsFileError(IntlDeskError):
    """The certificate or key for TLS is missing or not given in pairs."""


class _Server(uvicorn.Server):
    """uvicorn's server, saying where it listens and exiting normally on SIGTERM."""

    scheme = "http"

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets=sockets)
        if self.started and self.servers and self.servers[0].sockets:
            host, port = self.servers[0].sockets[0].getsockname()[:2]
            print(
                Message(
                    N_("The office server listens on {address}; Ctrl+C stops it."),
                    {"address": f"{self.scheme}://{host}:{port}"},
                ),
                flush=True,
            )

    @contextmanager
    def capture_signals(self) -> Iterator[None]:
        # uvicorn raises the signal again once stopped, which ends the process with it;
        # a stop asked for is a normal end here.
        handled = (signal.SIGINT, signal.SIGTERM)
        previous = {sig: signal.signal(sig, self.handle_exit) for sig in handled}
        try:
            yield
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)


def _tls_files(cert: Path | None, key: Path | None) -> tuple[str, str] | None:
    if cert is None and key is None:
        return None
    if cert is None or key is None:
        raise TlsFileError(
            Message(N_("TLS needs both --tls-cert and --tls-key (the certificate and its key)."))
        )
    for path in (cert, key):
        if not path.is_file():
            raise TlsFileError(Message(N_("There is no file {path}."), {"path": str(path)}))
    return str(cert), str(key)


def _log_requests_to_stderr() -> None:
    handler = logging.StreamHandler(sys.stderr)
    formatter = logging.Formatter("%(asctime)s %(message)s", "%Y-%m-%dT%H:%M:%SZ")
    formatter.converter = time.gmtime  # UTC, like every time the office keeps
    handler.setFormatter(formatter)
    request_log.addHandler(handler)
    request_log.setLevel(logging.INFO)
    request_log.propagate = False


def run_server(
    url: str,
    host: str = "127.0.0.1",
    port: int = 8700,
    tls_cert: Path | None = None,
    tls_key: Path | None = None,
    *,
    queue_wait: float = READ_WAIT,
) -> None:
    """Serve until stopped. ``queue_wait``: the seconds a pull, clone or push waits for its
    turn before it is answered busy with a time to come back (see :mod:`.admission`)."""
    tls = _tls_files(tls_cert, tls_key)
    engine = server_engine(url)
    try:
        app = create_app(engine, admission=Admission(read_wait=queue_wait, push_wait=queue_wait))
        _log_requests_to_stderr()
        config = uvicorn.Config(
            app,
            host=host,
            port=port,
            access_log=False,  # our own line per request replaces uvicorn's
            log_level="warning",
            ssl_certfile=tls[0] if tls else None,
            ssl_keyfile=tls[1] if tls else None,
            timeout_graceful_shutdown=GRACE_SECONDS,
            timeout_keep_alive=KEEP_ALIVE_SECONDS,
        )
        server = _Server(config)
        server.scheme = "https" if tls else "http"
        server.run()
        if not server.started:
            raise IntlDeskError(
                Message(
                    N_("The office server could not listen on {host}:{port}; is the port in use?"),
                    {"host": host, "port": port},
                )
            )
    finally:
        engine.dispose()
    print(Message(N_("The office server stopped.")), flush=True)
