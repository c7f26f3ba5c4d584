"""Validation rules for every record kind, run before anything is written.

Each rule returns :class:`FieldError` values with translatable messages, so the form can
show each one next to its field and the command line can print them in one line.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from decimal import Decimal
from functools import cache, partial
from typing import Any

from sqlalchemy.orm import Session

from intl_desk.core import vocabularies as vocab
from intl_desk.core.agreement_time import ENDED_EARLY, SIGNED_STATUSES
from intl_desk.core.errors import FieldError, ValidationError
from intl_desk.core.field_limits import too_long
from intl_desk.core.i18n import N_, Message
from intl_desk.core.model import (
    Activity,
    Agreement,
    AgreementObjective,
    AgreementParty,
    AgreementProject,
    AgreementSdg,
    AgreementSignatory,
    AgreementTheme,
    BudgetLine,
    CofinancingLine,
    CollectionRound,
    Contact,
    ContactPosition,
    Document,
    ExchangeRate,
    ExpectedResult,
    FollowUp,
    Indicator,
    IndicatorSdg,
    IndicatorTarget,
    LocalEntity,
    Measurement,
    Membership,
    Network,
    Office,
    Participation,
    Partner,
    Period,
    PoliticalTerm,
    Project,
    ProjectParticipant,
    ProjectReport,
    ProjectSdg,
    ProjectSector,
    ProjectTransaction,
    Record,
    RoundIndicator,
    RoundSubmission,
    ScaleLevel,
    StrategicLine,
    StrategicObjective,
)
from intl_desk.core.record_values import RecordValues
from intl_desk.core.unique_keys import duplicate_errors

#: Codes in use that ISO 3166-1 has not (yet) assigned officially.
EXTRA_COUNTRY_CODES = frozenset({"XK"})


@cache
def country_codes() -> frozenset[str]:
    import pycountry  # when a record is checked: not for every file opened to be read

    return frozenset(country.alpha_2 for country in pycountry.countries) | EXTRA_COUNTRY_CODES


def is_country_code(code: str) -> bool:
    return code in country_codes()


class _Checker:
    """Collects the errors of one record."""

    def __init__(self, record: Record | RecordValues) -> None:
        self.record: Any = record
        self.errors: list[FieldError] = []
        # an import's plain values are read straight from their dict (a value not given is
        # None, as RecordValues says), not through a missed attribute for each
        self._read: Callable[[str], Any] = (
            record.__dict__.get if isinstance(record, RecordValues) else partial(getattr, record)
        )

    def add(self, field: str, msgid: str, **params: Any) -> None:
        self.errors.append(
            FieldError(self.record.__tablename__, self.record.id, field, Message(msgid, params))
        )

    def value(self, field: str) -> Any:
        return self._read(field)

    def required(self, *fields: str) -> None:
        for field in fields:
            value = self.value(field)
            if value is None or (isinstance(value, str) and not value.strip()):
                self.add(field, N_("This field is required."))

    def in_vocabulary(
        self, field: str, vocabulary: vocab.Vocabulary, optional: bool = False
    ) -> None:
        value = self.value(field)
        if value is None and optional:
            return
        if value is None:  # an empty cell or field: said as such, not as “None”
            self.add(field, N_("This field is required."))
            return
        if value not in vocabulary:
            self.add(field, N_("“{value}” is not a valid choice here."), value=value)

    def country(self, field: str, optional: bool = True) -> None:
        value = self.value(field)
        if value is None or value == "":
            if not optional:
                self.add(field, N_("Choose a country."))
            return
        if not is_country_code(value):
            self.add(field, N_("“{value}” is not an ISO 3166 country code."), value=value)

    def in_order(self, earlier: str, later: str, msgid: str) -> None:
        first, second = self.value(earlier), self.value(later)
        if isinstance(first, date) and isinstance(second, date) and second < first:
            self.add(later, msgid)

    def not_negative(self, *fields: str) -> None:
        for field in fields:
            value = self.value(field)
            if value is not None and Decimal(str(value)) < 0:
                self.add(field, N_("An amount cannot be negative."))

    def between(self, field: str, low: float, high: float) -> None:
        value = self.value(field)
        if value is not None and not low <= value <= high:
            self.add(field, N_("Enter a value between {low} and {high}."), low=low, high=high)

    def coordinates(self) -> None:
        self.between("latitude", -90, 90)
        self.between("longitude", -180, 180)

    def sdg(self, field: str = "sdg") -> None:
        if self.value(field) not in vocab.SDG_NUMBERS:
            self.add(field, N_("SDGs are numbered 1 to 17."))

    def year(self, field: str) -> None:
        value = self.value(field)
        if value is not None and not 1900 <= value <= 2200:
            self.add(field, N_("Enter a year between 1900 and 2200."))


def _office(c: _Checker) -> None:
    c.required("name")
    c.in_vocabulary("kind", vocab.OFFICE_KINDS)
    c.country("country_code")


def _local_entity(c: _Checker) -> None:
    c.required("name")
    c.in_vocabulary("kind", vocab.LOCAL_ENTITY_KINDS)
    c.coordinates()
    if c.record.parent_id is not None and c.record.parent_id == c.record.id:
        c.add("parent_id", N_("An entity cannot be its own parent."))


def _partner(c: _Checker) -> None:
    c.required("name")
    c.in_vocabulary("kind", vocab.PARTNER_KINDS)
    c.country("country_code", optional=False)
    c.coordinates()


def _contact(c: _Checker) -> None:
    c.required("name")
    email = c.value("email")
    if email and ("@" not in email or " " in email.strip()):
        c.add("email", N_("“{value}” is not an e-mail address."), value=email)


def _contact_position(c: _Checker) -> None:
    c.required("position")
    c.in_order("since", "until", N_("The position ends before it starts."))


def _exchange_rate(c: _Checker) -> None:
    c.required("currency", "to_currency", "year", "rate")
    c.year("year")
    rate = c.value("rate")
    if rate is not None and Decimal(str(rate)) <= 0:
        c.add("rate", N_("A rate must be more than zero."))
    if c.value("currency") and c.value("currency") == c.value("to_currency"):
        c.add(
            "currency",
            N_("A rate converts another currency into {currency}."),
            currency=c.value("to_currency"),
        )


def _agreement(c: _Checker) -> None:
    c.required("title")
    c.in_order("date_signed", "date_ended", N_("It ended before it was signed."))
    if c.value("date_ended") is not None and c.value("status") not in ENDED_EARLY:
        c.add(
            "date_ended",
            N_("Only a terminated, suspended or superseded agreement has an end date."),
        )
    c.in_vocabulary("type", vocab.AGREEMENT_TYPES)
    c.in_vocabulary("status", vocab.AGREEMENT_STATUSES)
    c.in_vocabulary("renewal_decision", vocab.RENEWAL_DECISIONS, optional=True)
    c.in_order("date_proposed", "date_signed", N_("The signing date is before the proposal."))
    c.in_order(
        "date_signed", "date_in_force", N_("It cannot enter into force before it is signed.")
    )
    c.in_order("date_signed", "date_expires", N_("The expiry date is before the signing date."))
    c.in_order(
        "date_in_force", "date_expires", N_("The expiry date is before the entry into force.")
    )
    if c.value("perpetual") and c.value("date_expires") is not None:
        c.add("date_expires", N_("A perpetual agreement has no expiry date."))
    if c.value("status") in SIGNED_STATUSES and not c.value("date_signed"):
        c.add("date_signed", N_("A signed agreement needs its signing date."))
    days = c.value("renewal_reminder_days")
    if days is not None and not 0 <= days <= 3650:
        c.add("renewal_reminder_days", N_("Enter a number of days between 0 and 3650."))
    if c.record.id is not None and c.value("renews_id") == c.record.id:
        c.add("renews_id", N_("An agreement cannot renew itself."))
    if c.record.id is not None and c.value("amends_id") == c.record.id:
        c.add("amends_id", N_("An agreement cannot amend itself."))


def _one_side(c: _Checker) -> None:
    if (c.value("local_entity_id") is None) == (c.value("partner_id") is None) and (
        c.record.local_entity is None
    ) == (c.record.partner is None):
        c.add("partner_id", N_("Choose either one of our entities or a partner."))


def _agreement_party(c: _Checker) -> None:
    c.in_vocabulary("role", vocab.PARTY_ROLES)
    _one_side(c)


def _agreement_objective(c: _Checker) -> None:
    c.required("text")


def _agreement_theme(c: _Checker) -> None:
    c.in_vocabulary("theme", vocab.THEMES)


def _agreement_signatory(c: _Checker) -> None:
    c.required("name")
    c.in_vocabulary("side", vocab.SIGNATORY_SIDES)


def _project(c: _Checker) -> None:
    c.required("title")
    c.in_vocabulary("status", vocab.PROJECT_STATUSES)
    c.in_order("planned_start", "planned_end", N_("The planned end is before the planned start."))
    c.in_order("actual_start", "actual_end", N_("The actual end is before the actual start."))
    c.country("country_code")
    c.coordinates()
    if len(c.value("currency") or "") != 3:
        c.add("currency", N_("Use a three-letter currency code such as EUR."))


def _project_participant(c: _Checker) -> None:
    c.in_vocabulary("role", vocab.ORGANISATION_ROLES)
    c.in_vocabulary("organisation_type", vocab.ORGANISATION_TYPES, optional=True)
    named = [c.value("local_entity_id"), c.value("partner_id"), c.value("organisation_name")]
    linked = [c.record.local_entity, c.record.partner]
    if not any(named) and not any(linked):
        c.add("partner_id", N_("Choose an organisation."))


def _project_sector(c: _Checker) -> None:
    c.required("code")
    c.between("percentage", 0, 100)


def _budget_line(c: _Checker) -> None:
    c.required("year", "amount")
    c.year("year")
    c.not_negative("amount")
    c.in_vocabulary("type", vocab.BUDGET_TYPES)
    c.in_vocabulary("status", vocab.BUDGET_STATUSES)


def _cofinancing_line(c: _Checker) -> None:
    if (
        not c.value("funder_partner_id")
        and not c.value("funder_name")
        and not (c.record.funder_partner)
    ):
        c.add("funder_name", N_("Name the funder."))
    c.in_vocabulary("status", vocab.COFINANCING_STATUSES)
    c.not_negative("amount_requested", "amount_granted")
    c.in_order("date_requested", "date_decided", N_("The decision is dated before the request."))


def _transaction(c: _Checker) -> None:
    c.required("date", "amount")
    c.not_negative("amount")
    c.in_vocabulary("type", vocab.TRANSACTION_TYPES)


def _project_report(c: _Checker) -> None:
    c.required("title", "due_date")
    c.in_vocabulary("status", vocab.REPORT_STATUSES)


def _network(c: _Checker) -> None:
    c.required("name")
    c.in_vocabulary("scope", vocab.NETWORK_SCOPES)
    if c.record.id is not None and c.value("parent_id") == c.record.id:
        c.add("parent_id", N_("A network cannot be its own parent."))


def _membership(c: _Checker) -> None:
    c.in_vocabulary("role", vocab.MEMBERSHIP_ROLES)
    c.in_order("since", "until", N_("The membership ends before it starts."))
    c.not_negative("annual_fee")


def _participation(c: _Checker) -> None:
    c.required("title")
    c.in_vocabulary("kind", vocab.PARTICIPATION_KINDS)
    c.in_order("start_date", "end_date", N_("The end date is before the start date."))
    c.country("country_code")


def _activity(c: _Checker) -> None:
    c.required("title")
    c.in_vocabulary("kind", vocab.ACTIVITY_KINDS)
    c.in_vocabulary("status", vocab.ACTIVITY_STATUSES)
    c.in_order("start_date", "end_date", N_("The end date is before the start date."))
    c.country("country_code")
    c.not_negative("cost")
    count = c.value("participant_count")
    if count is not None and count < 0:
        c.add("participant_count", N_("A number of people cannot be negative."))
    c.in_vocabulary("transport_mode", vocab.TRANSPORT_MODES, optional=True)


def _expected_result(c: _Checker) -> None:
    c.required("expected")


def _follow_up(c: _Checker) -> None:
    if c.value("months") not in vocab.FOLLOW_UP_MONTHS:
        c.add("months", N_("A follow-up comes 3, 6 or 12 months after the mission."))


def _political_term(c: _Checker) -> None:
    c.required("leader", "start_date")
    c.in_order("start_date", "end_date", N_("The term ends before it starts."))
    c.in_order("start_date", "plan_adopted_on", N_("The plan was adopted before the term started."))


def _strategic_line(c: _Checker) -> None:
    c.required("title")
    _not_itself(c, N_("A line cannot carry itself on: choose a line of an earlier plan."))


def _not_itself(c: _Checker, msgid: str) -> None:
    """A plan's line or indicator carries on another one, never itself."""
    if c.value("continues_id") is not None and c.value("continues_id") == c.record.id:
        c.add("continues_id", msgid)


def _strategic_objective(c: _Checker) -> None:
    c.required("title")
    c.in_vocabulary("domain", vocab.THEMES, optional=True)
    c.year("year")


def _period(c: _Checker) -> None:
    c.required("label", "start_date", "end_date")
    c.in_order("start_date", "end_date", N_("The period ends before it starts."))


def _indicator(c: _Checker) -> None:
    c.required("name")
    c.in_vocabulary("dimension", vocab.DIMENSIONS)
    c.in_vocabulary("measure", vocab.MEASURES)
    c.in_vocabulary("direction", vocab.DIRECTIONS)
    c.year("baseline_year")
    _not_itself(
        c, N_("An indicator cannot carry itself on: choose an indicator of an earlier plan.")
    )


def _scale_level(c: _Checker) -> None:
    c.required("label")
    if (c.value("level") or 0) < 1:
        c.add("level", N_("Scale levels start at 1."))


def _sdg_link(c: _Checker) -> None:
    c.sdg()


def _existing(session: Session, model: type[Record], record_id: str | None) -> bool:
    if record_id is None:
        return False
    pending = (obj for obj in session.new if isinstance(obj, model) and obj.id == record_id)
    found = next(pending, None) or session.get(model, record_id)
    return found is not None and found.deleted_at is None


def _period_exists(c: _Checker, session: Session) -> bool:
    period = c.record.period
    if period is not None:
        return bool(period.deleted_at is None)
    return _existing(session, Period, c.value("period_id"))


def _indicator_target(c: _Checker, session: Session) -> None:
    if not _period_exists(c, session):
        c.add("period_id", N_("Choose a period that exists."))
    if c.value("value") is None:
        c.add("value", N_("This field is required."))


def _measurement(c: _Checker, session: Session) -> None:
    if not _period_exists(c, session):
        c.add("period_id", N_("Choose a period that exists."))
    indicator = c.record.indicator or session.get(Indicator, c.value("indicator_id"))
    if indicator is None:
        c.add("indicator_id", N_("Choose an indicator."))
        return
    if indicator.measure == "quantitative" and c.value("value") is None:
        c.add("value", N_("Enter the measured value."))
    elif indicator.measure == "qualitative":
        level = c.value("scale_level")
        levels = {scale.level for scale in indicator.scale_levels}
        if level is None:
            c.add("scale_level", N_("Choose a level of the scale."))
        elif levels and level not in levels:
            c.add("scale_level", N_("Level {level} is not on this indicator's scale."), level=level)
    elif indicator.measure == "text" and not (c.value("text") or "").strip():
        c.add("text", N_("Describe what was observed."))


def _linked(c: _Checker, column: str, relation: str) -> None:
    """A reference given by id or by the related record (set before the flush)."""
    if c.value(column) is None and getattr(c.record, relation, None) is None:
        c.add(column, N_("This field is required."))


def _collection_round(c: _Checker) -> None:
    c.required("title", "deadline")
    _linked(c, "period_id", "period")
    c.in_vocabulary("status", vocab.ROUND_STATUSES, optional=True)  # None: open


def _round_submission(c: _Checker) -> None:
    _linked(c, "local_entity_id", "local_entity")
    c.in_vocabulary("status", vocab.SUBMISSION_STATUSES)


def _document(c: _Checker) -> None:
    c.required("title", "filename")
    c.in_vocabulary("category", vocab.DOCUMENT_CATEGORIES)


_Rule = Callable[[_Checker], None]
_SessionRule = Callable[[_Checker, Session], None]

RULES: dict[type[Record], _Rule] = {
    Office: _office,
    LocalEntity: _local_entity,
    Partner: _partner,
    Contact: _contact,
    ContactPosition: _contact_position,
    ExchangeRate: _exchange_rate,
    Agreement: _agreement,
    AgreementParty: _agreement_party,
    AgreementObjective: _agreement_objective,
    AgreementTheme: _agreement_theme,
    AgreementSdg: _sdg_link,
    AgreementSignatory: _agreement_signatory,
    AgreementProject: lambda c: None,
    Project: _project,
    ProjectParticipant: _project_participant,
    ProjectSector: _project_sector,
    ProjectSdg: _sdg_link,
    BudgetLine: _budget_line,
    CofinancingLine: _cofinancing_line,
    ProjectTransaction: _transaction,
    ProjectReport: _project_report,
    Network: _network,
    Membership: _membership,
    Participation: _participation,
    Activity: _activity,
    ExpectedResult: _expected_result,
    FollowUp: _follow_up,
    PoliticalTerm: _political_term,
    StrategicLine: _strategic_line,
    StrategicObjective: _strategic_objective,
    Period: _period,
    Indicator: _indicator,
    ScaleLevel: _scale_level,
    IndicatorSdg: _sdg_link,
    Document: _document,
    CollectionRound: _collection_round,
    RoundIndicator: lambda c: _linked(c, "indicator_id", "indicator"),
    RoundSubmission: _round_submission,
}

SESSION_RULES: dict[type[Record], _SessionRule] = {
    IndicatorTarget: _indicator_target,
    Measurement: _measurement,
}


def errors_of_values(
    model: type[Record], values: dict[str, Any], session: Session | None = None
) -> list[FieldError]:
    """Every validation error of a new ``model`` holding ``values``: the same rules as
    :func:`errors_of`, on plain values."""
    return _errors(model, RecordValues(model, values), session)


def errors_of(record: Record, session: Session | None = None) -> list[FieldError]:
    """Every validation error of ``record`` (empty when it can be saved)."""
    return _errors(type(record), record, session)


def _errors(model: type[Record], record: Any, session: Session | None) -> list[FieldError]:
    checker = _Checker(record)
    for field, msgid, params in too_long(model, record.__dict__):
        checker.add(field, msgid, **params)
    rule = RULES.get(model)
    if rule is not None:
        rule(checker)
    session_rule = SESSION_RULES.get(model)
    if session_rule is not None:
        if session is None:
            raise ValueError(f"{model.__name__} needs a session to be validated")
        session_rule(checker, session)
    return checker.errors


def fields_refused_when_empty(model: type[Record]) -> frozenset[str]:
    """The fields a blank ``model`` is refused for (its required fields): a form keeps
    room for their messages, so a message appearing never moves the fields below it."""
    checker = _Checker(model())
    rule = RULES.get(model)
    if rule is not None:
        rule(checker)
    return frozenset(error.field for error in checker.errors)


def validate(records: Iterable[Record], session: Session | None = None) -> None:
    """Raise :class:`ValidationError` with every error found in ``records``."""
    errors: list[FieldError] = []
    live = [record for record in records if record.deleted_at is None]
    for record in live:
        errors.extend(errors_of(record, session))
    if session is not None:
        errors.extend(duplicate_errors(live, session))
    if errors:
        raise ValidationError(errors)
