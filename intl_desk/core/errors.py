"""Typed errors raised by core and store; the UI and CLI decide how to show them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from intl_desk.core.i18n import Message


class IntlDeskError(Exception):
    """Base of every error meant for the user: carries a translatable message."""

    def __init__(self, message: Message) -> None:
        super().__init__(message.msgid)
        self.message = message

    def __str__(self) -> str:
        return self.message.render()


@dataclass(frozen=True)
class FieldError:
    """One invalid field of one record."""

    record_kind: str  # table name
    record_id: str | None
    field: str
    message: Message

    def __str__(self) -> str:
        return self.message.render()


class ValidationError(IntlDeskError):
    """A record (or several) cannot be saved as it stands; nothing was written."""

    def __init__(self, errors: Sequence[FieldError]) -> None:
        self.errors = tuple(errors)
        first = self.errors[0].message if self.errors else Message("Invalid record.")
        super().__init__(first)

    def __str__(self) -> str:
        return "; ".join(error.message.render() for error in self.errors)
