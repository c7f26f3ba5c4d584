"""Many desks signing in at once: argon2 checks each password in 64 MiB of memory, so the
server checks two at a time (fifty at once took it to 1.3 GiB); every sign-in still gets
its answer, the right password accepted and a wrong one refused."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from argon2 import PasswordHasher

from intl_desk.server.accounts import hash_password, password_matches


def test_passwords_checked_at_once_are_at_most_two_and_each_gets_its_answer(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    stored = hash_password("correct horse battery")
    busy = 0
    most = 0
    lock = threading.Lock()
    verify = PasswordHasher.verify

    def counting(self: PasswordHasher, *arguments: Any) -> bool:
        nonlocal busy, most
        with lock:
            busy += 1
            most = max(most, busy)
        try:
            return verify(self, *arguments)
        finally:
            with lock:
                busy -= 1

    monkeypatch.setattr(PasswordHasher, "verify", counting)
    typed = ["correct horse battery", "wrong horse battery"] * 4
    with ThreadPoolExecutor(max_workers=8) as pool:
        answers = list(pool.map(lambda password: password_matches(stored, password), typed))
    assert answers == [True, False] * 4
    assert most <= 2
