"""The words around the figures, shared by the dashboard and the PDF.

Headline tiles, section titles and the empty-state advice live here once, so the screen
and the paper read the same in every language.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from babel.numbers import format_compact_currency, format_percent

from intl_desk.core.currency_rates import Converted
from intl_desk.core.display import date_text, locale_for, number_text
from intl_desk.core.i18n import N_, Message, _, current_language
from intl_desk.core.overview.figures import Drill, Overview


@dataclass(frozen=True)
class Tile:
    key: str
    label: str
    value: str
    note: str
    drill: Drill | None
    #: what a click on the note lists, when it differs from the figure's own drill (the
    #: amounts left out of a sum for want of an exchange rate)
    note_drill: Drill | None = None


def count_text(value: int) -> str:
    return number_text(value)


def money_short(value: Decimal | float, currency: str) -> str:
    """ "R$ 1,3 bi", "2,5 M €": headline sums are read, not audited."""
    locale = locale_for(current_language())
    return format_compact_currency(float(value), currency, locale=locale, fraction_digits=1)


def percent_text(share: float) -> str:
    return format_percent(share, locale=locale_for(current_language()))


def headline_tiles(overview: Overview) -> tuple[Tile, ...]:
    head = overview.headline
    year = overview.filters.year
    drills = overview.headline_drills
    money = overview.currency
    #: a past year: agreements are shown as of its end, projects and money as of today
    #: (their statuses cannot be rebuilt), and the notes say so
    past = overview.filters.as_of
    raised_share = percent_text(float(head.cofinancing / head.budget)) if head.budget else ""
    share = head.share_on_track
    return (
        Tile(
            "active",
            _("Active agreements"),
            count_text(head.active_agreements),
            _active_note(overview),
            drills.get("active"),
        ),
        Tile(
            "signed",
            _("Agreements signed"),
            count_text(head.signed_to_date),
            Message(
                N_("up to {year}, of every status · {count} in {year}"),
                {"year": year, "count": count_text(head.signed_in_year)},
            ).render(),
            drills.get("signed"),
        ),
        Tile(
            "countries",
            _("Partner countries"),
            count_text(head.partner_countries),
            _countries_note(overview),
            drills.get("countries"),
        ),
        Tile(
            "projects",
            _("Active projects"),
            count_text(head.active_projects),
            _("in implementation or finalisation")
            if past is None
            else _("in implementation or finalisation today"),
            drills.get("projects"),
        ),
        Tile(
            "budget",
            _("Budget of active projects"),
            money_short(head.budget, money),
            money_note(head.budget_sum) or _("all years of their budgets")
            if past is None
            else " · ".join(
                part
                for part in (_("projects under way today"), money_note(head.budget_sum))
                if part
            ),
            drills.get("money"),
            drills.get("without_rate") if head.budget_sum.left_out else None,
        ),
        Tile(
            "cofinancing",
            _("Co-financing raised"),
            money_short(head.cofinancing, money),
            " · ".join(
                part
                for part in (
                    Message(N_("{share} of that budget"), {"share": raised_share}).render()
                    if raised_share
                    else _("granted to active projects")
                    if past is None
                    else _("granted to the projects under way today"),
                    money_note(head.cofinancing_sum),
                )
                if part
            ),
            drills.get("money"),
            drills.get("without_rate") if head.cofinancing_sum.left_out else None,
        ),
        Tile(
            "networks",
            _("Network memberships"),
            count_text(head.memberships),
            Message(
                N_("Roles held: {roles} · events in {year}: {events}"),
                {
                    "roles": count_text(head.roles_held),
                    "events": count_text(head.events_attended),
                    "year": year,
                },
            ).render(),
            drills.get("networks"),
        ),
        Tile(
            "indicators",
            _("Indicators on track"),
            percent_text(share) if share is not None else "–",
            Message(
                N_("{on_track} of {assessed} assessed"),
                {
                    "on_track": count_text(head.indicators_on_track),
                    "assessed": count_text(head.indicators_assessed),
                },
            ).render()
            if share is not None
            else _("no indicator assessed yet"),
            drills.get("indicators"),
        ),
    )


#: how the health line names each gap, followed by its count
_GAP_TEXTS = {
    "no_objective": N_("without an objective: {count}"),
    "copied_objectives": N_("objectives copied word for word: {count}"),
    "quiet": N_("nothing done for two years: {count}"),
    "expired_but_active": N_("expired but marked active: {count}"),
    "no_responsible": N_("no responsible officer: {count}"),
}


def health_title() -> str:
    return _("Health of the active agreements today")


def health_items(overview: Overview) -> list[tuple[str, Drill | None]]:
    """Each gap some active agreement has, as text with the list behind it; empty when
    none has any (or there are no active agreements)."""
    return [
        (
            Message(_GAP_TEXTS[figure.code], {"count": count_text(figure.count)}).render(),
            overview.headline_drills.get(f"gap:{figure.code}"),
        )
        for figure in overview.health
        if figure.count
    ]


def left_out_text(left_out: tuple[tuple[str, int], ...]) -> str:
    """ "plus 2 amounts in XOF without a rate": never added as if one currency."""
    return " · ".join(
        Message(
            N_("plus {count} amounts in {currency} without a rate")
            if count != 1
            else N_("plus 1 amount in {currency} without a rate"),
            {"count": count_text(count), "currency": currency},
        ).render()
        for currency, count in left_out
    )


def rates_text(currency: str, years: tuple[int, ...]) -> str:
    """ "in EUR at 2025 rates": which rates a converted sum used (empty when nothing
    was converted, the sum being all in the office's currency)."""
    if not years:
        return ""
    if len(years) == 1:
        return Message(
            N_("in {currency} at {year} rates"), {"currency": currency, "year": years[0]}
        ).render()
    return Message(
        N_("in {currency} at each amount's year's rate ({first}–{last})"),
        {"currency": currency, "first": years[0], "last": years[-1]},
    ).render()


def money_sentence(
    currency: str, years: tuple[int, ...], left_out: tuple[tuple[str, int], ...]
) -> str:
    """Under a report's table of figures: the rates its sums used and what they left out
    ("Sums of money above: in EUR at 2025 rates · plus 1 amount in XOF without a rate.");
    empty when every amount was in the office's currency."""
    parts = [part for part in (rates_text(currency, years), left_out_text(left_out)) if part]
    if not parts:
        return ""
    return Message(N_("Sums of money above: {details}."), {"details": " · ".join(parts)}).render()


def money_note(converted: Converted) -> str:
    """What a money figure holds beyond its own currency: the rates it was converted at
    and the amounts left out for want of one."""
    parts = (
        rates_text(converted.currency, converted.rate_years),
        left_out_text(converted.left_out),
    )
    return " · ".join(part for part in parts if part)


def _active_note(overview: Overview) -> str:
    """What expires soon — of today, or of a past year's end — and, for a past year, the
    agreements its end cannot place (left out, never guessed)."""
    day = overview.filters.as_of
    if day is None:
        return Message(
            N_("{count} expire within 12 months"),
            {"count": count_text(overview.expiring_count)},
        ).render()
    parts = [
        Message(
            N_("{count} expiring within 12 months of {date}"),
            {"count": count_text(overview.expiring_count), "date": date_text(day)},
        ).render()
    ]
    if overview.unplaced_agreements:
        parts.append(
            Message(
                N_("{count} left out: no date to place it then")
                if overview.unplaced_agreements == 1
                else N_("{count} left out: no dates to place them then"),
                {"count": count_text(overview.unplaced_agreements)},
            ).render()
        )
    return " · ".join(parts)


def _countries_note(overview: Overview) -> str:
    """Abroad only; partners in the office's own country are said beside, not mixed in."""
    home = overview.domestic_country
    if home is None or not home.active:
        return _("abroad, with an active agreement")
    return Message(
        N_("abroad, with an active agreement · and {count} in {country}"),
        {"count": count_text(home.active), "country": home.name},
    ).render()


def title() -> str:
    return _("International relations overview")


def empty_advice(overview: Overview) -> str:
    """What to do next when there is nothing to draw."""
    if overview.filters.entity_id or overview.filters.country:
        return _(
            "Nothing recorded matches these filters. Choose another local entity or "
            "country, or all of them."
        )
    return _(
        "Nothing to show yet. Record your agreements with New agreement (or import your "
        "register from a spreadsheet), then your projects, network memberships and "
        "indicators: this overview fills itself as you go."
    )


SECTION_TITLES = {
    "map": N_("Active agreements by partner country"),
    "years": N_("Agreements signed per year, by type"),
    "themes": N_("Active agreements by theme"),
    "sdgs": N_("Active agreements by SDG"),
    "projects": N_("Projects by status"),
    "funders": N_("Co-financing granted to active projects, by funder"),
    "entities": N_("Local entities with the most active agreements"),
    "networks": N_("Network participation"),
    "indicators": N_("Indicators against target"),
    "expiring": N_("Agreements expiring within 12 months"),
    "appendix_entities": N_("Every local entity"),
    "appendix_countries": N_("Every partner country"),
}


def section_title(key: str) -> str:
    return _(SECTION_TITLES[key])
