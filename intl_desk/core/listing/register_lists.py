"""The register's main list, the agreements, with its facets and the columns computed
from their parties and objectives; and the helpers the projects list shares with it
(:mod:`.project_list`)."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Integer,
    String,
    and_,
    case,
    cast,
    extract,
    func,
    literal,
    select,
)
from sqlalchemy.orm import InstrumentedAttribute, aliased

from intl_desk.core import vocabularies as vocab
from intl_desk.core.agreement_health import GAPS, gap_condition
from intl_desk.core.agreement_time import active_on, expiring_within_a_year
from intl_desk.core.entity_tree import entity_subtree
from intl_desk.core.folding import fold
from intl_desk.core.i18n import N_
from intl_desk.core.listing.agreement_search import agreement_search
from intl_desk.core.listing.conditions import live
from intl_desk.core.listing.options import (
    entity_options,
    partner_country_options,
    past_year_options,
    sdg_options,
    signed_year_options,
    vocabulary_options,
)
from intl_desk.core.listing.spec import Column, Facet, ListSpec
from intl_desk.core.model import (
    Agreement,
    AgreementObjective,
    AgreementParty,
    AgreementSdg,
    AgreementTheme,
    Partner,
)

# --- agreements -------------------------------------------------------------------------


def with_child(
    parent_id: InstrumentedAttribute[str],
    child_parent_id: InstrumentedAttribute[str],
    child: type[Any],
    *conditions: ColumnElement[bool],
) -> ColumnElement[bool]:
    """Records with a live child matching ``conditions``, as ``id IN (the children's
    parent ids)``: SQLite reads the matching children once. The correlated EXISTS it
    replaces let SQLite walk the condition's index (every 'culture' theme) once per
    agreement: 163 s instead of 0.1 s for the theme facet on the state demo."""
    return parent_id.in_(select(child_parent_id).where(live(child), *conditions))


def _party_exists(*conditions: ColumnElement[bool]) -> ColumnElement[bool]:
    return with_child(Agreement.id, AgreementParty.agreement_id, AgreementParty, *conditions)


def _signed_in(year: str) -> ColumnElement[bool]:
    return cast(extract("year", Agreement.date_signed), Integer) == int(year)


def _signed_by(year: str) -> ColumnElement[bool]:
    return Agreement.date_signed <= date(int(year), 12, 31)


AGREEMENTS = ListSpec(
    kind="agreements",
    label=N_("Agreements"),
    model=Agreement,
    columns=(
        Column(
            "title",
            N_("Title"),
            lambda: Agreement.title,
            sort=lambda: Agreement.search_key,
            width=320,
        ),
        Column("type", N_("Type"), lambda: Agreement.type, "code", vocab.AGREEMENT_TYPES),
        Column(
            "status",
            N_("Status"),
            lambda: Agreement.status,
            "code",
            vocab.AGREEMENT_STATUSES,
            width=100,
        ),
        Column("partners", N_("Partners"), lambda: Agreement.partner_names, width=220),
        # Sorted by the codes themselves: the cell holds several codes ("FR,PL"), and on a
        # state's 200,000 agreements sorting by country names per row costs 0.5 s.
        Column(
            "countries",
            N_("Countries"),
            lambda: Agreement.country_codes,
            "country",
            sort=lambda: func.lower(Agreement.country_codes),
        ),
        Column("entities", N_("Local entities"), lambda: Agreement.entity_names, width=180),
        Column(
            "partner_places",
            N_("Partners' GeoNames ids"),
            lambda: partner_places(AgreementParty, AgreementParty.agreement_id, Agreement.id),
            visible=False,
            # ids follow their partners: sorted as the partners are, which an index serves
            # (working out every agreement's ids to sort 200,000 of them took 1.2–1.9 s)
            sort=lambda: func.lower(Agreement.partner_names),
        ),
        Column(
            "date_signed",
            N_("Signed"),
            lambda: Agreement.date_signed,
            "date",
            width=95,
            precision=lambda: Agreement.date_signed_precision,
        ),
        Column(
            "date_expires",
            N_("Expires"),
            lambda: Agreement.date_expires,
            "date",
            width=95,
            precision=lambda: Agreement.date_expires_precision,
        ),
        Column(
            "objectives",
            N_("Count of objectives"),
            lambda: Agreement.objective_count,
            "integer",
            width=100,
        ),
        # shown: what an active agreement lacks is what a manager looks for here (the
        # seminar's complaint: texts without objectives nobody follows up)
        Column(
            "gaps",
            N_("Gaps"),
            lambda: _gaps(),
            "codes",
            GAPS,
            width=220,
            sort=lambda: _gaps(as_shown=True),
        ),
        Column("reference", N_("Reference"), lambda: Agreement.reference, visible=False),
        Column(
            "updated_at", N_("Last changed"), lambda: Agreement.updated_at, "date", visible=False
        ),
        # kept out of sight on screen, written by the export so it imports back whole
        Column(
            "date_in_force",
            N_("In force since"),
            lambda: Agreement.date_in_force,
            "date",
            visible=False,
            precision=lambda: Agreement.date_in_force_precision,
        ),
        Column(
            "date_ended", N_("Ended on"), lambda: Agreement.date_ended, "date", visible=False
        ),
        Column("perpetual", N_("Perpetual"), lambda: Agreement.perpetual, "bool", visible=False),
        Column("summary", N_("Summary"), lambda: Agreement.summary, visible=False, width=300),
        Column(
            "themes",
            N_("Themes"),
            lambda: aggregated(AgreementTheme.theme, AgreementTheme.agreement_id, Agreement.id),
            "codes",
            vocab.THEMES,
            visible=False,
            width=200,
            sort=lambda: first_label(
                AgreementTheme.theme, AgreementTheme.agreement_id, Agreement.id, vocab.THEMES
            ),
        ),
        Column(
            "sdgs",
            N_("SDGs"),
            lambda: aggregated(AgreementSdg.sdg, AgreementSdg.agreement_id, Agreement.id),
            "sdgs",
            visible=False,
        ),
        Column(
            "objective_texts",
            N_("Objectives"),
            lambda: _objective_texts(),
            "lines",
            visible=False,
            width=300,
        ),
        Column("notes", N_("Notes"), lambda: Agreement.notes, visible=False, width=300),
        Column("renews", N_("Renews"), lambda: _linked_title(Agreement.renews_id), visible=False),
        Column("amends", N_("Amends"), lambda: _linked_title(Agreement.amends_id), visible=False),
    ),
    search=agreement_search,
    facets=(
        Facet(
            "status",
            N_("Status"),
            vocabulary_options(vocab.AGREEMENT_STATUSES),
            lambda value: Agreement.status == value,
        ),
        Facet(
            "type",
            N_("Type"),
            vocabulary_options(vocab.AGREEMENT_TYPES),
            lambda value: Agreement.type == value,
        ),
        Facet(
            "country",
            N_("Country"),
            partner_country_options,
            lambda value: _party_exists(
                AgreementParty.partner_id == Partner.id, Partner.country_code == value
            ),
        ),
        Facet(
            "entity",
            N_("Local entity"),
            entity_options,
            lambda value: _party_exists(
                AgreementParty.local_entity_id.in_(select(entity_subtree(value)))
            ),
        ),
        Facet("year", N_("Year signed"), signed_year_options, _signed_in),
        Facet("signed_by", N_("Signed by the end of"), signed_year_options, _signed_by),
        Facet(
            "active_at_end",
            N_("Active at the end of"),
            past_year_options,
            lambda year: active_on(date(int(year), 12, 31)),
        ),
        Facet(
            "expiring_after",
            N_("Expiring in the year after"),
            past_year_options,
            lambda year: and_(
                active_on(date(int(year), 12, 31)),
                *expiring_within_a_year(date(int(year), 12, 31)),
            ),
        ),
        Facet(
            "gap",
            N_("Gap"),
            vocabulary_options(GAPS),
            lambda value: gap_condition(value, date.today()),
        ),
        Facet(
            "theme",
            N_("Theme"),
            vocabulary_options(vocab.THEMES),
            lambda value: with_child(
                Agreement.id,
                AgreementTheme.agreement_id,
                AgreementTheme,
                AgreementTheme.theme == value,
            ),
        ),
        Facet(
            "sdg",
            N_("SDG"),
            sdg_options,
            lambda value: with_child(
                Agreement.id,
                AgreementSdg.agreement_id,
                AgreementSdg,
                AgreementSdg.sdg == int(value),
            ),
        ),
    ),
    default_sort="date_signed",
    descending=True,
    empty_hint=N_(
        "No agreements yet. Record your first one with New agreement, or import "
        "your register from a spreadsheet."
    ),
)


def _gaps(*, as_shown: bool = False) -> ColumnElement[Any]:
    """An active agreement's gaps (core/agreement_health.py) as comma-separated codes, in
    the vocabulary's order; nothing for other statuses, as on the form.

    ``as_shown``: the column's sort key instead, the gaps' labels in the user's language
    in the order the list shows them (alphabetical), folded. Built here, each gap's
    condition runs once per row: sorting by the codes through the usual label lookup
    (``CASE codes WHEN … ELSE codes END``) ran every condition twice per row, 0.53 s for
    the 220,000 agreements of the big bench file."""
    today = date.today()
    terms = sorted(GAPS, key=lambda term: fold(term.display())) if as_shown else list(GAPS)
    flags = [
        case(
            (
                gap_condition(term.code, today),
                literal(f"{fold(term.display()) if as_shown else term.code},"),
            ),
            else_=literal(""),
        )
        for term in terms
    ]
    joined: ColumnElement[Any] = flags[0]
    for flag in flags[1:]:
        joined = joined + flag
    return case(
        (Agreement.status == "active", func.nullif(func.rtrim(joined, ","), "")), else_=None
    )


def first_label(
    value: Any, parent_key: Any, parent_id: Any, vocabulary: vocab.Vocabulary
) -> ColumnElement[Any]:
    """The sort key of a column of a record's child codes (its themes): the label the
    list shows first (labels are shown in alphabetical order), folded. The label lookup
    runs on each child row, so the aggregate is computed once per record; ordering by
    ``CASE codes WHEN … ELSE codes END`` computed it twice (0.48 s to sort the big bench
    file's themes)."""
    child = parent_key.class_
    labels = {term.code: fold(term.display()) for term in vocabulary}
    label = case(labels, value=value, else_=cast(value, String))
    return select(func.min(label)).where(parent_key == parent_id, live(child)).scalar_subquery()


def aggregated(value: Any, parent_key: Any, parent_id: Any) -> ColumnElement[Any]:
    """A record's live child values (its themes, its SDGs) as one comma-separated text."""
    child = parent_key.class_
    return (
        select(func.aggregate_strings(cast(value, String), ","))
        .where(parent_key == parent_id, live(child))
        .scalar_subquery()
    )


#: between an objective's position and its text, and between objectives, in
#: :func:`_objective_texts` (characters no typed text holds)
POSITION_MARK, LINE_MARK = "\x1f", "\x1e"


def _linked_title(link: InstrumentedAttribute[Any]) -> ColumnElement[Any]:
    """The title of the agreement this one renews or amends, with its reference in
    brackets when it has one: a renewal often keeps the title of the agreement it renews,
    and the reference tells the import which of the two is meant."""
    other = aliased(Agreement)
    named = case(
        (func.coalesce(other.reference, "") != "", other.title + " (" + other.reference + ")"),
        else_=other.title,
    )
    return select(named).where(other.id == link).scalar_subquery()


def _objective_texts() -> ColumnElement[Any]:
    """An agreement's objectives as "position␟text␞position␟text" (aggregates keep no
    order portably: the reader sorts by position, see :func:`ordered_lines`)."""
    return (
        select(
            func.aggregate_strings(
                cast(AgreementObjective.position, String) + POSITION_MARK + AgreementObjective.text,
                LINE_MARK,
            )
        )
        .where(AgreementObjective.agreement_id == Agreement.id, live(AgreementObjective))
        .scalar_subquery()
    )


def ordered_lines(value: object) -> list[str]:
    """The texts of :func:`_objective_texts`'s value, in the order of their positions."""
    parts = [part.partition(POSITION_MARK) for part in str(value).split(LINE_MARK)]
    ordered = sorted(parts, key=lambda p: (int(p[0]) if p[0].lstrip("-").isdigit() else 0))
    return [text for _position, _mark, text in ordered]


def partner_places(party: Any, parent_link: Any, parent_id: Any) -> ColumnElement[Any]:
    """The GeoNames ids of a record's partners (through ``party``, its agreement parties
    or project participants): they tell namesakes of one country apart (Jackson,
    Mississippi and Jackson, Tennessee) when the export is imported."""
    return (
        select(func.aggregate_strings(cast(Partner.geonames_id, String), ","))
        .join(party, party.partner_id == Partner.id)
        .where(parent_link == parent_id, live(party))
        .scalar_subquery()
    )
