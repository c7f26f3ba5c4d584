"""The shape of a demo language pack, and how to find the pack for an office's language.

A demo office writes its records in its own language, as a real office would: a French city
records "Accord de coopération décentralisée…", a Brazilian state "Acordo de cooperação…".
So the words are data (``texts_fr``, ``texts_pt``), composed from theme-based templates,
never lorem ipsum: the practitioners' complaint is agreements without specific objectives,
and the demo has to show what good ones look like.

Templates use ``str.format`` placeholders: ``{us}`` our entity's short name, ``{partner}``
the partner's name, ``{theme}`` a theme's name, ``{n}`` a small number, ``{big}`` a larger
one, ``{year}``, ``{y1}``/``{y2}`` years, ``{network}``, ``{place}``, ``{funder}``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class LineSpec:
    """A strategic line with its objectives as (title, theme code) pairs."""

    code: str
    title: str
    description: str
    objectives: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class IndicatorSpec:
    """An indicator and how its demo measurements evolve.

    ``start`` is the baseline (the year before the first period), ``growth`` the yearly
    relative change of quantitative values (``start`` levels rise by about one every two
    years on a scale), ``noise`` the relative spread around the trend. ``formula`` marks a
    computed indicator: it gets targets but no measurements, the engine computes them.
    """

    code: str
    name: str
    dimension: str
    measure: str = "quantitative"
    unit: str | None = None
    description: str | None = None
    direction: str = "increase"
    cumulative: bool = False
    start: float = 0.0
    growth: float = 0.05
    noise: float = 0.1
    decimals: int = 0
    formula: str | None = None
    per_local_entity: bool = False
    pandemic_dip: bool = False  # visitors and events fell in 2020-2021; the demo shows it
    sdgs: tuple[int, ...] = ()
    objective: tuple[int, int] | None = None  # (line index, objective index)
    source: str | None = None
    levels: tuple[str, ...] = ()
    evidence: tuple[str, ...] = ()  # texts of a text indicator, or evidence notes


@dataclass(frozen=True)
class Texts:
    """Every word a demo office writes, in one language."""

    language: str
    months: tuple[str, ...]
    date_pattern: str  # "{day} {month} {year}"
    first_day: str  # how the 1st of a month is written ("1er" in French)
    theme_names: Mapping[str, str]
    objectives: Mapping[str, tuple[str, ...]]
    agreement_titles: Mapping[str, tuple[str, ...]]
    renewal_title: str
    summaries: tuple[str, ...]
    authorisations: Mapping[str, str]  # per local-entity kind (fallback "other")
    our_positions: Mapping[str, tuple[str, ...]]  # per local-entity kind
    their_positions: Mapping[str, str]  # per partner kind
    termination_note: str
    agreement_lessons: tuple[str, ...]
    project_titles: Mapping[str, tuple[str, ...]]  # per theme
    project_descriptions: tuple[str, ...]
    project_results: tuple[str, ...]
    project_lessons: tuple[str, ...]
    project_notes: Mapping[str, str]  # per IATI status with a story (5, 6)
    budget_line: str
    expenditures: tuple[str, ...]
    incoming_funds: str
    report_titles: tuple[str, str, str]  # interim, financial, final
    activity_titles: Mapping[str, tuple[str, ...]]  # per activity kind
    activity_purposes: Mapping[str, tuple[str, ...]]
    justifications: tuple[str, ...]
    outcomes: tuple[str, ...]
    activity_lessons: tuple[str, ...]
    delegation_members: tuple[str, ...]
    participations: Mapping[str, tuple[str, ...]]  # per participation kind
    participation_outcomes: tuple[str, ...]
    membership_notes: tuple[str, ...]
    staff_positions: tuple[str, ...]
    partner_positions: Mapping[str, tuple[str, ...]]  # per partner kind
    decision_document: str
    document_titles: Mapping[str, str]  # per document category
    evidence_note: str
    measurement_comment: tuple[str, ...]
    lines: tuple[LineSpec, ...] = ()
    indicators: tuple[IndicatorSpec, ...] = ()
    extra: Mapping[str, str] = field(default_factory=dict)

    def date(self, day: date) -> str:
        number = self.first_day if day.day == 1 else str(day.day)
        return self.date_pattern.format(day=number, month=self.months[day.month - 1], year=day.year)


def texts_for(language: str) -> Texts:
    """The pack of ``language`` (only the demo offices' languages exist: fr, pt)."""
    if language == "pt":
        from intl_desk.demo.texts_pt import TEXTS as PORTUGUESE

        return PORTUGUESE
    from intl_desk.demo.texts_fr import TEXTS as FRENCH

    return FRENCH
