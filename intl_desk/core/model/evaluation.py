"""Strategic lines, periods, indicators, targets and measurements."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from intl_desk.core.i18n import N_
from intl_desk.core.model.base import Record, Searchable, children
from intl_desk.core.model.office import LocalEntity
from intl_desk.core.model.terms import PoliticalTerm


class StrategicLine(Record):
    """A line of the government's plan that international action serves."""

    __tablename__ = "strategic_line"
    kind_label = N_("Strategic line")

    code: Mapped[str | None] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str | None] = mapped_column(Text)
    #: the term of office whose plan adopted the line
    term_id: Mapped[str | None] = mapped_column(ForeignKey("political_term.id"), index=True)
    #: the line of an earlier plan this one carries on (old line → new line)
    continues_id: Mapped[str | None] = mapped_column(ForeignKey("strategic_line.id"), index=True)

    term: Mapped[PoliticalTerm | None] = relationship()
    continues: Mapped[StrategicLine | None] = relationship(remote_side="StrategicLine.id")
    objectives: Mapped[list[StrategicObjective]] = children(
        "StrategicLine", "StrategicObjective", "line_id"
    )


class StrategicObjective(Record):
    __tablename__ = "strategic_objective"
    kind_label = N_("Strategic objective")

    line_id: Mapped[str] = mapped_column(ForeignKey("strategic_line.id"), index=True)
    title: Mapped[str] = mapped_column(String(300))
    domain: Mapped[str | None] = mapped_column(String(40))  # a theme code
    year: Mapped[int | None] = mapped_column(Integer)
    description: Mapped[str | None] = mapped_column(Text)


class Period(Record):
    """A reporting period (usually a calendar year) for targets and measurements."""

    __tablename__ = "period"
    kind_label = N_("Period")

    label: Mapped[str] = mapped_column(String(40), index=True)
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date] = mapped_column(Date)
    closed: Mapped[bool] = mapped_column(Boolean, default=False)


class Indicator(Record, Searchable):
    __tablename__ = "indicator"
    kind_label = N_("Indicator")
    search_fields = ("name", "code")

    code: Mapped[str | None] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(300))
    description: Mapped[str | None] = mapped_column(Text)
    dimension: Mapped[str] = mapped_column(String(20), index=True)
    measure: Mapped[str] = mapped_column(String(20), default="quantitative")
    unit: Mapped[str | None] = mapped_column(String(60))
    direction: Mapped[str] = mapped_column(String(10), default="increase")
    cumulative: Mapped[bool] = mapped_column(Boolean, default=False)
    baseline_value: Mapped[float | None] = mapped_column(Float)
    baseline_year: Mapped[int | None] = mapped_column(Integer)
    formula: Mapped[str | None] = mapped_column(String(60))  # computed indicators only
    formula_filter: Mapped[str | None] = mapped_column(String(300))
    per_local_entity: Mapped[bool] = mapped_column(Boolean, default=False)
    objective_id: Mapped[str | None] = mapped_column(
        ForeignKey("strategic_objective.id"), index=True
    )
    source: Mapped[str | None] = mapped_column(String(300))
    #: the indicator of an earlier plan this one carries on: its measurements are the
    #: earlier years of this one's series (core/evaluation/series.py)
    continues_id: Mapped[str | None] = mapped_column(ForeignKey("indicator.id"), index=True)

    objective: Mapped[StrategicObjective | None] = relationship()
    continues: Mapped[Indicator | None] = relationship(remote_side="Indicator.id")
    scale_levels: Mapped[list[ScaleLevel]] = children(
        "Indicator", "ScaleLevel", "indicator_id", order_by="ScaleLevel.level"
    )
    sdgs: Mapped[list[IndicatorSdg]] = children("Indicator", "IndicatorSdg", "indicator_id")
    targets: Mapped[list[IndicatorTarget]] = children(
        "Indicator", "IndicatorTarget", "indicator_id"
    )


class ScaleLevel(Record):
    """One step of a qualitative indicator's ordered scale (1 = lowest)."""

    __tablename__ = "scale_level"
    kind_label = N_("Scale level")

    indicator_id: Mapped[str] = mapped_column(ForeignKey("indicator.id"), index=True)
    level: Mapped[int] = mapped_column(Integer)
    label: Mapped[str] = mapped_column(String(200))


class IndicatorSdg(Record):
    __tablename__ = "indicator_sdg"
    kind_label = N_("SDG")

    indicator_id: Mapped[str] = mapped_column(ForeignKey("indicator.id"), index=True)
    sdg: Mapped[int] = mapped_column(Integer)


class IndicatorTarget(Record):
    __tablename__ = "indicator_target"
    kind_label = N_("Target")

    indicator_id: Mapped[str] = mapped_column(ForeignKey("indicator.id"), index=True)
    period_id: Mapped[str] = mapped_column(ForeignKey("period.id"), index=True)
    local_entity_id: Mapped[str | None] = mapped_column(ForeignKey("local_entity.id"), index=True)
    value: Mapped[float] = mapped_column(Float)

    period: Mapped[Period] = relationship()
    local_entity: Mapped[LocalEntity | None] = relationship()


class Measurement(Record):
    """A value measured for an indicator in a period (number, scale level or text)."""

    __tablename__ = "measurement"
    kind_label = N_("Measurement")

    indicator_id: Mapped[str] = mapped_column(ForeignKey("indicator.id"), index=True)
    period_id: Mapped[str] = mapped_column(ForeignKey("period.id"), index=True)
    local_entity_id: Mapped[str | None] = mapped_column(ForeignKey("local_entity.id"), index=True)
    value: Mapped[float | None] = mapped_column(Float)
    scale_level: Mapped[int | None] = mapped_column(Integer)
    text: Mapped[str | None] = mapped_column(Text)
    measured_on: Mapped[date | None] = mapped_column(Date)
    source: Mapped[str | None] = mapped_column(String(300))
    evidence: Mapped[str | None] = mapped_column(Text)
    comment: Mapped[str | None] = mapped_column(Text)

    indicator: Mapped[Indicator] = relationship()
    period: Mapped[Period] = relationship()
    local_entity: Mapped[LocalEntity | None] = relationship()
