"""Talking to the office server over HTTP(S): sign in once, then authenticated requests.

A refusal from the server carries its message's ``msgid`` and ``params``, so it is shown
in the user's language like any other message; a server that cannot be reached is said
in one sentence with the reason (:class:`ServerUnreachable`: offline is normal for a
desktop). The command line's client keeps the password for its life, to sign in again
when the short-lived token expires during a long sync; the desktop app's client is given
a token only (the password is never stored) and raises :class:`SignInNeeded` when the
server no longer takes it.
"""

from __future__ import annotations

import random
import ssl
import time
from pathlib import Path
from types import TracebackType
from typing import Any

import httpx

from intl_desk.core.errors import IntlDeskError
from intl_desk.core.i18n import N_, Message


class ServerError(IntlDeskError):
    """The office server refused a request or could not be reached."""


class ServerUnreachable(ServerError):
    """The office server did not answer (no network, server stopped, time-out)."""


class SignInNeeded(ServerError):
    """The token was refused (expired, or the account changed) and there is no password
    to sign in again with: the person must sign in."""


def _refusal(response: httpx.Response) -> ServerError:
    try:
        body = response.json()
        return ServerError(Message(str(body["msgid"]), dict(body.get("params") or {})))
    except (ValueError, KeyError, TypeError):
        return ServerError(
            Message(
                N_("The office server answered {status} to {route}; try again later."),
                {"status": response.status_code, "route": response.request.url.path},
            )
        )


def _unreachable(url: str, error: Exception) -> ServerUnreachable:
    return ServerUnreachable(
        Message(
            N_("Cannot reach the office server at {url} ({reason})."),
            {"url": url, "reason": str(error) or type(error).__name__},
        )
    )


class ServerClient:
    """Requests to one office server as one account.

    ``verify`` is what the TLS connection trusts: the system's authorities by default, or
    the context of a certificate the person accepted (:mod:`intl_desk.sync.trust`).
    """

    def __init__(
        self,
        url: str,
        account: str,
        password: str | None = None,
        *,
        token: str | None = None,
        refresh_token: str | None = None,
        timeout: float | httpx.Timeout = 120,
        verify: ssl.SSLContext | bool = True,
    ) -> None:
        self.url = url.rstrip("/")
        self.account = account
        self._password = password
        self._http = httpx.Client(base_url=self.url, timeout=timeout, verify=verify)
        self._token: str | None = token
        #: exchanged for a new token once ``token`` has expired (a desktop away a while)
        self._refresh: str | None = refresh_token
        self.role: str | None = None
        #: the local entity the account is limited to (None: the whole office)
        self.scope_entity_id: str | None = None

    @property
    def token(self) -> str | None:
        return self._token

    @property
    def refresh_token(self) -> str | None:
        return self._refresh

    def __enter__(self) -> ServerClient:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self._http.close()

    def _send(self, method: str, route: str, **options: Any) -> httpx.Response:
        """One request, sent again (at most :data:`RESENDS` times) when the connection
        broke before an answer came (see :data:`BROKEN_CONNECTION`)."""
        for attempt in range(RESENDS + 1):
            try:
                return self._http.request(method, route, **options)
            except BROKEN_CONNECTION as error:
                if attempt == RESENDS:
                    raise _unreachable(self.url, error) from None
            except httpx.HTTPError as error:
                raise _unreachable(self.url, error) from None
        raise AssertionError("unreachable")  # the loop returns or raises

    def _signed_in(self, response: httpx.Response) -> dict[str, Any]:
        if response.status_code != 200:
            raise _refusal(response)
        body: dict[str, Any] = response.json()
        self._token = str(body["token"])
        if body.get("refresh_token"):
            self._refresh = str(body["refresh_token"])
        self.role = str(body["account"]["role"])
        scope = body["account"].get("scope_entity_id")
        self.scope_entity_id = str(scope) if scope else None
        return body

    def sign_in(self) -> dict[str, Any]:
        if self._password is None:
            raise SignInNeeded(Message(N_("Your sign-in has expired; sign in again.")))
        response = self._send(
            "POST", "/v1/login", json={"name": self.account, "password": self._password}
        )
        return self._signed_in(response)

    def renew(self) -> dict[str, Any]:
        """Exchange the token for a fresh one (and the account's role and scope as the
        server has them now); :class:`SignInNeeded` when it is no longer taken."""
        if self._token is None:
            return self._obtain()
        response = self._send(
            "POST", "/v1/token", headers={"Authorization": f"Bearer {self._token}"}
        )
        if response.status_code == 401 and self._password is None:
            return self._refreshed(response)
        if response.status_code == 401:
            return self.sign_in()
        return self._signed_in(response)

    def _obtain(self) -> dict[str, Any]:
        """A token when there is none: for the refresh token, else for the password."""
        if self._password is None and self._refresh is not None:
            return self._refreshed(None)
        return self.sign_in()

    def _refreshed(self, refused: httpx.Response | None) -> dict[str, Any]:
        """The token was refused (or there is none): a new pair for the refresh token,
        when there is one still good; else :class:`SignInNeeded` with the reason."""
        if self._refresh is None:
            if refused is None:
                raise SignInNeeded(Message(N_("Your sign-in has expired; sign in again.")))
            raise SignInNeeded(_refusal(refused).message)
        response = self._send(
            "POST", "/v1/token/refresh", json={"refresh_token": self._refresh}
        )
        if response.status_code == 401:
            self._refresh = None
            raise SignInNeeded(_refusal(response).message)
        return self._signed_in(response)

    def request(self, method: str, route: str, **options: Any) -> httpx.Response:
        """An authenticated request; signs in (again when the token expired) as needed,
        and asks again when a busy server says when to (see :func:`busy_delay`)."""
        headers = options.pop("headers", {})
        waited = 0.0
        signed_in_again = False
        while True:
            if self._token is None:
                self._obtain()
            response = self._send(
                method, route, headers={**headers, "Authorization": f"Bearer {self._token}"},
                **options,
            )  # fmt: skip
            if response.status_code == 401 and self._password is None and not signed_in_again:
                self._refreshed(response)  # expired during a long sync: a new pair
                signed_in_again = True
                continue
            if response.status_code == 401 and self._password is None:
                raise SignInNeeded(_refusal(response).message)
            if response.status_code == 401 and not signed_in_again:
                self._token = None  # expired during a long sync: sign in once more
                signed_in_again = True
                continue
            delay = busy_delay(response, waited)
            if delay is not None:
                time.sleep(delay)
                waited += delay
                continue
            if response.status_code >= 400:
                raise _refusal(response)
            return response

    def download(self, route: str, target: Path) -> httpx.Headers:
        """Write the body of ``GET route`` into ``target``; return the response's headers."""
        waited = 0.0
        resent = 0
        while True:
            if self._token is None:
                self._obtain()
            try:
                with self._http.stream(
                    "GET", route, headers={"Authorization": f"Bearer {self._token}"}
                ) as response:
                    if response.status_code >= 400:
                        response.read()
                        delay = busy_delay(response, waited)
                        if delay is None:
                            raise _refusal(response)
                    else:
                        with target.open("wb") as handle:
                            for chunk in response.iter_bytes(1 << 16):
                                handle.write(chunk)
                        return response.headers
            except BROKEN_CONNECTION as error:
                if resent == RESENDS:
                    raise _unreachable(self.url, error) from None
                resent += 1  # the file is written again from its start
                continue
            except httpx.HTTPError as error:
                raise _unreachable(self.url, error) from None
            time.sleep(delay)
            waited += delay


#: a connection that broke under a request, before any answer: the server closed the
#: kept-alive connection just as the request went out on it ("Connection reset by peer",
#: seen once among 50 desks syncing at once, on the pull after an accepted push), or it
#: went down. Every request of the protocol can be sent again safely — pulls and
#: downloads only read, a push's changes are applied once whatever the number of times
#: they arrive, documents are stored by their hash — so it is sent again on a new
#: connection. Time-outs are not among these (the server may still be working on it)
#: nor is a refused connection (nothing listens: the server is down, said at once).
BROKEN_CONNECTION = (httpx.ReadError, httpx.WriteError, httpx.RemoteProtocolError)
#: how many times a request is sent again after its connection broke
RESENDS = 2


#: how long, in all, one request keeps asking a busy server again
BUSY_PATIENCE = 300.0
#: the longest single wait taken from a ``Retry-After``
LONGEST_WAIT = 60.0


def busy_delay(response: httpx.Response, waited: float) -> float | None:
    """The seconds to wait before sending the request again, when the server answered
    that it is busy (503) and said when to come back (``Retry-After``, in seconds) —
    with a random part, so desks told the same do not come back together — or None:
    not busy, or the request has waited :data:`BUSY_PATIENCE` seconds in all already
    (then the server's refusal is said)."""
    if response.status_code != 503:
        return None
    try:
        asked = float(response.headers.get("Retry-After", ""))
    except ValueError:
        return None
    left = BUSY_PATIENCE - waited
    if left <= 0:
        return None
    delay = min(max(asked, 0.1), LONGEST_WAIT) * random.uniform(1.0, 1.5)
    return min(delay, left)
