"""The shape of the demo's words for terms of office and missions' value, per language.

The city (French) and the state (Portuguese) write their terms, plans, commitments, mission
expectations and follow-up notes in their own language, as a real office would; the words
live in :mod:`intl_desk.demo.texts_fr_value` and :mod:`intl_desk.demo.texts_pt_value`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class TermSpec:
    """One term of office: first and last day (``None``: not ended), plan and its adoption."""

    start: date
    end: date | None
    plan_title: str
    plan_adopted_on: date


@dataclass(frozen=True)
class ValueTexts:
    """What a demo office writes about its terms of office and its missions' value.

    ``terms`` are the last three, oldest first: the demo's strategic lines are the middle
    one's plan, ``new_lines`` the last one's, each carrying on a line of the middle plan (by
    its code). Expected results are ``(what the mission should bring, what it brought)``,
    ``""`` when it did not; ``{partner}`` and ``{year}`` are filled in.
    """

    leader_title: str  # "masculine|feminine", as the position strings of the text packs
    terms: tuple[TermSpec, ...]
    commitments: Mapping[date, str]  # per term start: what it commits its successor to
    new_lines: tuple[tuple[str, str, str], ...]  # (code, title, code of the line carried on)
    carried_indicator_suffix: str  # appended to an indicator's name under the new plan
    expected: tuple[tuple[str, str], ...]
    follow_up_notes: tuple[str, ...]
    our_partners: str  # a mission without a partner: "our partners"
    near_mode: str  # how the office travels to a partner up to ``near_km`` away (one way)
    near_km: float


def value_texts_for(language: str) -> ValueTexts:
    """The pack of ``language`` (the demo offices' languages: fr, pt)."""
    if language == "pt":
        from intl_desk.demo.texts_pt_value import VALUE_TEXTS as PORTUGUESE

        return PORTUGUESE
    from intl_desk.demo.texts_fr_value import VALUE_TEXTS as FRENCH

    return FRENCH
