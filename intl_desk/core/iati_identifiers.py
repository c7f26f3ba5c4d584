"""The office's IATI organisation identifier: the registration agency's code, then the
number it gave the organisation ("FR-RNA-W691234567", "XM-DAC-41114"). Every activity the
office publishes has an identifier beginning with it."""

from __future__ import annotations

import re

from intl_desk.core.i18n import N_, Message

#: agency code (two capitals, a hyphen, its own letters or digits), then the number
_PATTERN = re.compile(r"[A-Z]{2}-[A-Za-z0-9]+-[A-Za-z0-9._/-]+")


def organisation_identifier_problem(text: str) -> Message | None:
    """Why ``text`` cannot be an IATI organisation identifier (None when it can, or is
    empty: the office has none yet)."""
    value = text.strip()
    if not value or _PATTERN.fullmatch(value):
        return None
    return Message(
        N_(
            "“{value}” is not an IATI organisation identifier: it starts with the "
            "registration agency's code and goes on with the number it gave the office, "
            "for example FR-RNA-W691234567."
        ),
        {"value": value[:40]},
    )
