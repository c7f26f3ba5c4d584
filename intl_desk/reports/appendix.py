"""The overview's appendix: every local entity with its counts and totals, then every
partner country. For a state this is all 853 municipalities, so plain table cells
(no Paragraphs) keep it fast."""

from __future__ import annotations

from typing import Any

from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Spacer

from intl_desk.core.display import date_text, number_text
from intl_desk.core.i18n import N_, Message, _
from intl_desk.core.overview import labels
from intl_desk.core.overview.figures import Overview
from intl_desk.reports.charts import shorten
from intl_desk.reports.page import PAGE
from intl_desk.reports.styles import SECTION, SMALL, data_table, text

WIDTH = PAGE[0] - 56


def appendix(overview: Overview) -> list[Flowable]:
    return [*_entities(overview), Spacer(1, 10), CondPageBreak(160), *_countries(overview)]


def _entities(overview: Overview) -> list[Flowable]:
    year = overview.filters.year
    count = labels.count_text
    day = overview.filters.as_of
    rows: list[list[Any]] = [
        [
            _("Local entity"),
            _("Part of"),
            Message(N_("Signed up to {year}"), {"year": year}).render(),
            _("With the entities under it"),
            # a past year: the agreements as they stood at its end (rebuilt from their
            # dates); the projects' statuses cannot be rebuilt, so they are today's
            _("Active agreements")
            if day is None
            else Message(N_("Active on {date}"), {"date": date_text(day)}).render(),
            Message(N_("Signed in {year}"), {"year": year}).render(),
            _("Expired agreements")
            if day is None
            else Message(N_("Expired by {date}"), {"date": date_text(day)}).render(),
            _("Active projects") if day is None else _("Active projects today"),
        ]
    ]
    totals = [0, 0, 0, 0, 0]
    for entity in overview.entities:
        values = (
            entity.signed_to_date,
            entity.active,
            entity.signed_in_year,
            entity.expired,
            entity.projects,
        )
        totals = [total + value for total, value in zip(totals, values, strict=True)]
        rows.append(
            [
                shorten(entity.name, 50),
                shorten(entity.parent, 28),
                count(values[0]),
                count(entity.signed_with_subtree),
                *(count(v) for v in values[1:]),
            ]
        )
    rows.append(
        [
            Message(
                N_("Total ({count} local entities)"), {"count": number_text(len(overview.entities))}
            ).render(),
            "",
            count(totals[0]),
            "",
            *(count(total) for total in totals[1:]),
        ]
    )
    story: list[Flowable] = [
        Paragraph(labels.section_title("appendix_entities"), SECTION),
        data_table(
            rows, [WIDTH - 550, 130, 70, 70, 70, 70, 70, 70], 2, total_row=True, font_size=7
        ),
    ]
    head = overview.headline
    if totals[1] != head.active_agreements or totals[4] != head.active_projects:
        story.append(
            text(
                Message(
                    N_(
                        "The headline counts each agreement and project once: "
                        "{agreements} active agreements, {projects} active projects. Rows "
                        "differ when an agreement has several local entities or none, or a "
                        "project has no lead entity."
                    ),
                    {
                        "agreements": count(head.active_agreements),
                        "projects": count(head.active_projects),
                    },
                ).render(),
                SMALL,
            )
        )
    return story


def _countries(overview: Overview) -> list[Flowable]:
    year = overview.filters.year
    count = labels.count_text
    rows: list[list[Any]] = [
        [
            _("Partner country"),
            _("Active agreements"),
            Message(N_("Signed in {year}"), {"year": year}).render(),
            _("Partners in active agreements"),
        ]
    ]
    rows += [
        [
            shorten(
                Message(N_("{country} (domestic partners)"), {"country": country.name}).render()
                if country.domestic
                else country.name,
                60,
            ),
            count(country.active),
            count(country.signed_in_year),
            count(country.partners),
        ]
        for country in overview.countries
    ]
    title = Paragraph(labels.section_title("appendix_countries"), SECTION)
    if not overview.countries:
        return [title, text(_("No partner country yet."), SMALL)]
    return [
        title,
        data_table(rows, [WIDTH - 420, 140, 140, 140], 1, font_size=7),
        text(
            _(
                "An agreement with partners in several countries counts in each of them, "
                "so the rows may add up to more than the active agreements."
            ),
            SMALL,
        ),
    ]
