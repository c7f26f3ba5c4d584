"""Passwords for the office server: asked on the terminal, or read from the environment.

Scripts set ``INTL_DESK_PASSWORD``; people are asked (twice when a new password is set).
A password never appears on the command line, where other users of the machine could see
it in the process list.
"""

from __future__ import annotations

import getpass
import os

from intl_desk.core.errors import IntlDeskError
from intl_desk.core.i18n import N_, Message, _

PASSWORD_VARIABLE = "INTL_DESK_PASSWORD"


class PasswordMismatch(IntlDeskError):
    """The password typed twice differed."""


def read_password(name: str, *, confirm: bool) -> str:
    from_environment = os.environ.get(PASSWORD_VARIABLE)
    if from_environment:
        return from_environment
    prompt = Message(N_("Password for {name}: "), {"name": name}).render()
    password = getpass.getpass(prompt)
    if confirm and getpass.getpass(_("The same password again: ")) != password:
        raise PasswordMismatch(Message(N_("The two passwords differ; nothing was written.")))
    return password
