"""Argument types shared by several groups of commands."""

from __future__ import annotations

import argparse
from datetime import date

from intl_desk.core.i18n import N_, Message


def iso_date(text: str) -> date:
    """A date given as 2026-03-31, or the parser's one-line refusal."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            Message(N_("“{value}” is not a date like 2026-03-31."), {"value": text}).render()
        ) from None
