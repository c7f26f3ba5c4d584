"""Each validation rule: the user gets a message on the right field, nothing is written."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from intl_desk.core import field_limits
from intl_desk.core.errors import ValidationError
from intl_desk.core.i18n import set_language
from intl_desk.core.model import (
    Activity,
    Agreement,
    AgreementParty,
    BudgetLine,
    CofinancingLine,
    Contact,
    Document,
    Indicator,
    IndicatorTarget,
    LocalEntity,
    Measurement,
    Membership,
    Network,
    Partner,
    Period,
    Project,
    ProjectSdg,
    ScaleLevel,
)
from intl_desk.core.validation import errors_of, errors_of_values
from intl_desk.store.office_file import OfficeFile


def fields_in_error(office: OfficeFile, *records: object) -> dict[str, str]:
    """Save ``records``; return {field: message} of the refusal (and check nothing landed)."""
    with office.session() as session:
        before = session.scalar(select(func.count()).select_from(Agreement))
        session.add_all(records)
        with pytest.raises(ValidationError) as refused:
            session.commit()
        session.rollback()
        assert session.scalar(select(func.count()).select_from(Agreement)) == before
    return {error.field: str(error) for error in refused.value.errors}


def agreement(**overrides: object) -> Agreement:
    values: dict[str, object] = {
        "title": "Jumelage Lyon – Łódź",
        "type": "twinning",
        "status": "active",
        "date_signed": date(1991, 5, 3),
    }
    values.update(overrides)
    return Agreement(**values)


def test_valid_agreement_is_saved(office: OfficeFile) -> None:
    with office.session() as session:
        session.add(agreement())
        session.commit()
        assert session.scalar(select(func.count()).select_from(Agreement)) == 1


def test_title_is_required(office: OfficeFile) -> None:
    assert fields_in_error(office, agreement(title="  ")) == {"title": "This field is required."}


def test_unknown_type_is_refused(office: OfficeFile) -> None:
    assert "type" in fields_in_error(office, agreement(type="alliance"))


def test_an_empty_choice_is_said_to_be_missing_not_none(office: OfficeFile) -> None:
    """An empty type cell in a register read "“None” is not a valid choice here"."""
    assert fields_in_error(office, agreement(type=None)) == {"type": "This field is required."}


@pytest.mark.parametrize(
    ("dates", "field"),
    [
        ({"date_proposed": date(2020, 5, 1), "date_signed": date(2020, 1, 1)}, "date_signed"),
        ({"date_signed": date(2020, 5, 1), "date_in_force": date(2020, 1, 1)}, "date_in_force"),
        ({"date_signed": date(2020, 5, 1), "date_expires": date(2019, 1, 1)}, "date_expires"),
    ],
)
def test_agreement_dates_in_order(office: OfficeFile, dates: dict[str, date], field: str) -> None:
    assert field in fields_in_error(office, agreement(**dates))


def test_perpetual_agreement_has_no_expiry(office: OfficeFile) -> None:
    errors = fields_in_error(office, agreement(perpetual=True, date_expires=date(2030, 1, 1)))
    assert errors["date_expires"] == "A perpetual agreement has no expiry date."


def test_active_agreement_needs_signing_date(office: OfficeFile) -> None:
    assert "date_signed" in fields_in_error(office, agreement(date_signed=None))


def test_draft_needs_no_signing_date(office: OfficeFile) -> None:
    with office.session() as session:
        session.add(agreement(status="draft", date_signed=None))
        session.commit()


def test_party_is_one_of_ours_or_a_partner(office: OfficeFile) -> None:
    record = agreement()
    record.parties.append(AgreementParty(role="signatory"))
    assert "partner_id" in fields_in_error(office, record)


def test_partner_country_must_be_iso(office: OfficeFile) -> None:
    errors = fields_in_error(office, Partner(name="Córdoba", kind="city", country_code="XX"))
    assert errors["country_code"] == "“XX” is not an ISO 3166 country code."


def test_partner_needs_a_country(office: OfficeFile) -> None:
    assert "country_code" in fields_in_error(office, Partner(name="Łódź", kind="city"))


def test_coordinates_within_the_globe(office: OfficeFile) -> None:
    errors = fields_in_error(
        office, Partner(name="Łódź", kind="city", country_code="PL", latitude=151.0)
    )
    assert set(errors) == {"latitude"}


def test_money_cannot_be_negative(office: OfficeFile) -> None:
    project = Project(title="Eau potable à Hué", status="2")
    project.budget_lines.append(BudgetLine(year=2025, amount=Decimal("-10")))
    project.cofinancing.append(CofinancingLine(funder_name="AFD", amount_requested=Decimal("-1")))
    errors = fields_in_error(office, project)
    assert set(errors) == {"amount", "amount_requested"}


def test_project_dates_in_order(office: OfficeFile) -> None:
    project = Project(
        title="Mobilité douce",
        status="1",
        planned_start=date(2026, 1, 1),
        planned_end=date(2025, 1, 1),
    )
    assert set(fields_in_error(office, project)) == {"planned_end"}


def test_sdg_numbers(office: OfficeFile) -> None:
    project = Project(title="Mobilité douce", status="1")
    project.sdgs.append(ProjectSdg(sdg=18))
    assert fields_in_error(office, project) == {"sdg": "SDGs are numbered 1 to 17."}


def test_membership_and_activity_dates(office: OfficeFile) -> None:
    network = Network(name="Cités Unies France", scope="national")
    membership = Membership(
        network=network,
        role="member",
        since=date(2020, 1, 1),
        until=date(2019, 1, 1),
        annual_fee=Decimal("-5"),
    )
    mission = Activity(
        kind="mission",
        title="Mission à Córdoba",
        start_date=date(2024, 3, 5),
        end_date=date(2024, 3, 1),
        cost=Decimal("-1"),
    )
    assert set(fields_in_error(office, membership, mission)) == {
        "until",
        "annual_fee",
        "end_date",
        "cost",
    }


def test_contact_email(office: OfficeFile) -> None:
    assert "email" in fields_in_error(office, Contact(name="Ana Souza", email="ana at bh"))


def test_target_needs_a_period_that_exists(office: OfficeFile) -> None:
    indicator = Indicator(name="Emplois créés", dimension="territorial")
    indicator.targets.append(IndicatorTarget(period_id="no-such-period", value=10))
    assert fields_in_error(office, indicator) == {"period_id": "Choose a period that exists."}


def test_target_on_a_deleted_period_is_refused(office: OfficeFile) -> None:
    with office.session() as session:
        period = Period(label="2025", start_date=date(2025, 1, 1), end_date=date(2025, 12, 31))
        session.add(period)
        session.commit()
        session.delete(period)
        session.commit()
        period_id = period.id
    indicator = Indicator(name="Emplois créés", dimension="territorial")
    indicator.targets.append(IndicatorTarget(period_id=period_id, value=10))
    assert "period_id" in fields_in_error(office, indicator)


def test_target_on_an_existing_period_is_saved(office: OfficeFile) -> None:
    with office.session() as session:
        period = Period(label="2025", start_date=date(2025, 1, 1), end_date=date(2025, 12, 31))
        indicator = Indicator(name="Emplois créés", dimension="territorial")
        indicator.targets.append(IndicatorTarget(period=period, value=10))
        session.add(indicator)
        session.commit()


def test_period_in_order(office: OfficeFile) -> None:
    period = Period(label="2025", start_date=date(2025, 12, 31), end_date=date(2025, 1, 1))
    assert set(fields_in_error(office, period)) == {"end_date"}


def test_qualitative_measurement_level_on_the_scale(office: OfficeFile) -> None:
    with office.session() as session:
        period = Period(label="2025", start_date=date(2025, 1, 1), end_date=date(2025, 12, 31))
        indicator = Indicator(name="Perception", dimension="political", measure="qualitative")
        indicator.scale_levels.extend(ScaleLevel(level=n, label=f"niveau {n}") for n in (1, 2, 3))
        session.add_all([period, indicator])
        session.commit()
        session.add(Measurement(indicator=indicator, period=period, scale_level=7))
        with pytest.raises(ValidationError) as refused:
            session.commit()
        assert refused.value.errors[0].field == "scale_level"
        assert str(refused.value) == "Level 7 is not on this indicator's scale."


def test_quantitative_measurement_needs_a_value(office: OfficeFile) -> None:
    with office.session() as session:
        period = Period(label="2025", start_date=date(2025, 1, 1), end_date=date(2025, 12, 31))
        indicator = Indicator(name="Visiteurs", dimension="territorial")
        session.add(Measurement(indicator=indicator, period=period))
        with pytest.raises(ValidationError) as refused:
            session.commit()
        assert refused.value.errors[0].field == "value"


def test_entity_cannot_be_its_own_parent() -> None:
    entity = LocalEntity(id="a", name="Belo Horizonte", kind="municipality", parent_id="a")
    assert [error.field for error in errors_of(entity)] == ["parent_id"]


def test_messages_are_translatable(office: OfficeFile) -> None:
    errors = errors_of(agreement(title=""))
    assert errors[0].message.msgid == "This field is required."
    set_language("fr")
    assert errors[0].message.render("en") == "This field is required."


def test_an_imported_rows_texts_too_long_are_said_in_the_forms_order() -> None:
    """A register's row is checked as plain values (the columns in the sheet's order):
    its texts too long are said in the order of the record's fields, as on the form."""
    row = {"reference": "DRI-" + "7" * 100, "type": "twinning", "title": "Jumelage " * 40}
    errors = errors_of_values(Agreement, {**row, "status": "active", "date_signed": None})
    assert [(error.field, error.message.render()) for error in errors] == [
        ("title", "At most 300 characters here; this text has 360."),
        ("reference", "At most 100 characters here; this text has 104."),
        ("date_signed", "A signed agreement needs its signing date."),
    ]


def test_texts_and_attachments_have_limits_said_in_words(
    office: OfficeFile, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A name longer than its column, notes longer than 100,000 characters or an
    attachment over the limit are refused with the limit in the message, before the
    database sees them (SQLite would store anything, PostgreSQL would refuse)."""
    long_name = "Ł" * 201
    partner = Partner(name=long_name, kind="city", country_code="PL", notes="é" * 100_001)
    messages = {error.field: error.message.render() for error in errors_of(partner)}
    assert messages == {
        "name": "At most 200 characters here; this text has 201.",
        "notes": "At most 100,000 characters here; this text has 100,001.",
    }
    monkeypatch.setattr(field_limits, "MAX_DOCUMENT_BYTES", 1024 * 1024)
    scan = b"%" * (3 * 1024 * 1024)
    document = Document(title="Délibération", filename="scan.pdf", media_type="application/pdf",
                        size=len(scan), sha256="0" * 64, content=scan)  # fmt: skip
    assert [e.message.render() for e in errors_of(document)] == [
        "Attachments are limited to 1 MB; this file has 3 MB."
    ]
    with office.session() as session:
        session.add(Partner(name=long_name, kind="city", country_code="PL"))
        with pytest.raises(ValidationError):
            session.commit()
        session.rollback()
        assert session.scalars(select(Partner)).all() == []
