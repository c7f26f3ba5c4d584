"""Talking to the office server over HTTP(S): sign in once, then authenticated requests.

A refusal from the server carries its message's ``msgid`` and ``params``, so it is shown
in the user's language like any other message; a server that cannot be reached is said
in one sentence with the reason. The password is kept only for this client's life, to
sign in again when the short-lived token expires during a long sync.
"""

from __future__ import annotations

from pathlib import Path
from types import TracebackType
from typing import Any

import httpx

from intl_desk.core.errors import IntlDeskError
from intl_desk.core.i18n import N_, Message


class ServerError(IntlDeskError):
    """The office server refused a request or could not be reached."""


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


class ServerClient:
    def __init__(self, url: str, account: str, password: str, *, timeout: float = 120) -> None:
        self.url = url.rstrip("/")
        self.account = account
        self._password = password
        self._http = httpx.Client(base_url=self.url, timeout=timeout)
        self._token: str | None = None
        self.role: str | None = None

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
        try:
            return self._http.request(method, route, **options)
        except httpx.HTTPError as error:
            raise ServerError(
                Message(
                    N_("Cannot reach the office server at {url} ({reason})."),
                    {"url": self.url, "reason": str(error) or type(error).__name__},
                )
            ) from None

    def sign_in(self) -> dict[str, Any]:
        response = self._send(
            "POST", "/v1/login", json={"name": self.account, "password": self._password}
        )
        if response.status_code != 200:
            raise _refusal(response)
        body: dict[str, Any] = response.json()
        self._token = str(body["token"])
        self.role = str(body["account"]["role"])
        return body

    def request(self, method: str, route: str, **options: Any) -> httpx.Response:
        """An authenticated request; signs in (again when the token expired) as needed."""
        for attempt in range(2):
            if self._token is None:
                self.sign_in()
            headers = {**options.pop("headers", {}), "Authorization": f"Bearer {self._token}"}
            response = self._send(method, route, headers=headers, **options)
            if response.status_code == 401 and attempt == 0:
                self._token = None  # expired during a long sync: sign in once more
                continue
            if response.status_code >= 400:
                raise _refusal(response)
            return response
        raise AssertionError("unreachable")

    def download(self, route: str, target: Path) -> httpx.Headers:
        """Write the body of ``GET route`` into ``target``; return the response's headers."""
        if self._token is None:
            self.sign_in()
        try:
            with self._http.stream(
                "GET", route, headers={"Authorization": f"Bearer {self._token}"}
            ) as response:
                if response.status_code >= 400:
                    response.read()
                    raise _refusal(response)
                with target.open("wb") as handle:
                    for chunk in response.iter_bytes(1 << 16):
                        handle.write(chunk)
                return response.headers
        except httpx.HTTPError as error:
            raise ServerError(
                Message(
                    N_("Cannot reach the office server at {url} ({reason})."),
                    {"url": self.url, "reason": str(error) or type(error).__name__},
                )
            ) from None
