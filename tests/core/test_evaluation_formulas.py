"""Each computed-indicator formula against a count made here, from the records' descriptions."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from evaluation_office import (
    ACTIVITIES,
    AGREEMENTS,
    ENTITIES,
    MEMBERSHIPS,
    PARTICIPATIONS,
    PARTNERS,
    PROJECTS,
    YEAR,
    AgreementSpec,
    Written,
    build_office_file,
)
from sqlalchemy import event, literal, select

from intl_desk.core.evaluation.formulas import (
    FORMULAS,
    FormulaError,
    Window,
    compute,
    compute_by_entity,
    compute_periods,
    parse_filter,
    subtree,
)
from intl_desk.store.office_file import OfficeFile

START, END = date(YEAR, 1, 1), date(YEAR, 12, 31)
SIGNED = ("active", "expired", "terminated", "superseded")


@pytest.fixture(scope="module")
def records(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Any, Written]]:
    """One office for the whole module: the tests only read it."""
    path = tmp_path_factory.mktemp("formulas") / "office.sqlite"
    written = build_office_file(path)
    with OfficeFile.open(path, read_only=True) as office, office.session() as session:
        yield session, written


def figure(
    session: Any,
    code: str,
    filters: str | None = None,
    scope: str | None = None,
    written: Written | None = None,
) -> float:
    window = Window(START, END, {})
    if scope is not None and written is not None:
        window = Window(START, END, {}, subtree(select(literal(written.entities[scope]))))
    return compute(session, code, filters, window)


def live() -> list[AgreementSpec]:
    return [spec for spec in AGREEMENTS if not spec.deleted]


def signed_in_year(spec: AgreementSpec) -> bool:
    return spec.signed is not None and START <= spec.signed <= END


def active_in_year(spec: AgreementSpec) -> bool:
    """Active on the year's last day by its dates, as the overview counts: signed by then,
    not expired before it; a terminated agreement without the date it ended cannot be
    placed then and is left out."""
    return (
        spec.status in ("active", "expired")
        and spec.signed is not None
        and spec.signed <= END
        and (
            spec.perpetual
            or (spec.expires is None and spec.status != "expired")
            or (spec.expires is not None and spec.expires >= END)
        )
    )


def below(key: str) -> set[str]:
    """``key`` and every entity under it, from the descriptions."""
    found = {key}
    while True:
        more = {k for k, (_n, _k, _c, parent) in ENTITIES.items() if parent in found} - found
        if not more:
            return found
        found |= more


def test_agreements_signed_in_the_period(records: tuple[Any, Written]) -> None:
    session, _written = records
    expected = [spec for spec in live() if signed_in_year(spec)]
    assert figure(session, "agreements_signed") == len(expected) == 2  # the deleted one is not
    twinning = [spec for spec in expected if spec.type == "twinning"]
    assert figure(session, "agreements_signed", "type=twinning") == len(twinning)
    culture = [spec for spec in expected if "education" in spec.themes]
    assert figure(session, "agreements_signed", "theme=education") == len(culture) == 1
    polish = [s for s in expected if any(PARTNERS[p][1] == "PL" for p in s.partners)]
    assert figure(session, "agreements_signed", "country=pl") == len(polish)
    by_sdg = [spec for spec in expected if 11 in spec.sdgs]
    assert figure(session, "agreements_signed", "sdg=11") == len(by_sdg) == 1


def test_agreements_active_in_the_period(records: tuple[Any, Written]) -> None:
    session, _written = records
    expected = [spec for spec in live() if active_in_year(spec)]
    assert figure(session, "agreements_active") == len(expected) == 3
    cooperation = [spec for spec in expected if spec.type in ("cooperation", "mou")]
    assert figure(session, "agreements_active", "type=cooperation,mou") == len(cooperation)


def test_distinct_partner_countries_of_active_agreements(records: tuple[Any, Written]) -> None:
    session, _written = records
    countries = {PARTNERS[p][1] for spec in live() if active_in_year(spec) for p in spec.partners}
    assert figure(session, "partner_countries") == len(countries) == 2  # PL, AR
    twinned = {
        PARTNERS[p][1]
        for spec in live()
        if active_in_year(spec) and spec.type == "twinning"
        for p in spec.partners
    }
    assert figure(session, "partner_countries", "type=twinning") == len(twinned)


def test_projects_under_way_in_the_period(records: tuple[Any, Written]) -> None:
    session, _written = records
    expected = [
        spec
        for spec in PROJECTS
        if spec.status not in ("1", "5")
        and (spec.start is None or spec.start <= END)
        and (spec.end is None or spec.end >= START)
    ]
    assert figure(session, "active_projects") == len(expected) == 2
    assert figure(session, "active_projects", "country=PL") == 1


def test_cofinancing_raised_in_the_period(records: tuple[Any, Written]) -> None:
    session, _written = records
    expected = sum(
        (
            amount
            for spec in PROJECTS
            for status, amount, decided, _funder in spec.cofinancing
            if status == "granted" and decided is not None and START <= decided <= END
        ),
        Decimal(0),
    )
    assert figure(session, "cofinancing_raised") == float(expected) == 127000.5
    assert figure(session, "cofinancing_raised", "funder=AFD") == 100000.0


def test_events_attended_missions_and_delegations(records: tuple[Any, Written]) -> None:
    session, _written = records
    events = [p for p in PARTICIPATIONS if p[1] == "event" and START <= p[2] <= END]
    assert figure(session, "events_attended") == len(events) == 2
    assert figure(session, "events_attended", "network=Eurocities") == len(events)
    assert figure(session, "events_attended", "network=CGLU") == 0

    def done(kind: str) -> list[Any]:
        return [a for a in ACTIVITIES if a[0] == kind and a[1] == "done" and START <= a[2] <= END]

    assert figure(session, "missions_undertaken") == len(done("mission")) == 2
    assert figure(session, "missions_undertaken", "country=PL") == 1
    assert figure(session, "delegations_received") == len(done("delegation")) == 1


def test_memberships_and_roles_held(records: tuple[Any, Written]) -> None:
    session, _written = records
    held = [row for row in MEMBERSHIPS if row[3] <= END and (row[4] is None or row[4] >= START)]
    assert figure(session, "memberships_held") == len(held) == 1
    roles = [row for row in held if row[5] not in ("member", "observer")]
    assert figure(session, "network_roles") == len(roles) == 1


def test_a_local_entity_counts_with_everything_under_it(records: tuple[Any, Written]) -> None:
    session, written = records
    for key in ENTITIES:
        mine = below(key)
        expected = [s for s in live() if signed_in_year(s) and mine & set(s.entities)]
        assert figure(session, "agreements_signed", scope=key, written=written) == len(expected)
        by_code = f"entity={ENTITIES[key][2]}"
        assert figure(session, "agreements_signed", by_code) == len(expected)
    # the region holds Tiradentes, which signed with Łódź in March
    assert figure(session, "agreements_signed", scope="region", written=written) == 1
    missions = [
        a
        for a in ACTIVITIES
        if a[0] == "mission" and a[1] == "done" and START <= a[2] <= END and a[3] in below("region")
    ]
    assert figure(session, "missions_undertaken", scope="region", written=written) == len(missions)


def test_figures_per_entity_in_one_query(records: tuple[Any, Written]) -> None:
    session, written = records
    names = {written.entities[key]: key for key in ENTITIES}
    counted = compute_by_entity(session, "agreements_active", None, Window(START, END, {}))
    expected: dict[str, int] = {}
    for spec in live():
        if active_in_year(spec):
            for entity in set(spec.entities):
                expected[entity] = expected.get(entity, 0) + 1
    assert {names[entity]: value for entity, value in counted.items()} == expected
    money = compute_by_entity(session, "cofinancing_raised", None, Window(START, END, {}))
    # p4's grant is shared by its two participating entities: each is credited with it
    assert {names[e]: v for e, v in money.items()} == {"m1": 120000.5, "gov": 7000.0, "m2": 20000.5}


def test_every_formula_runs_on_an_empty_office(office: OfficeFile) -> None:
    with office.session() as session:
        for code in FORMULAS:
            assert compute(session, code, None, Window(START, END, {})) == 0


def test_bad_filters_are_refused_with_a_message() -> None:
    allowed = FORMULAS["agreements_signed"].filters
    assert parse_filter(" type = twinning, mou ;theme=culture", allowed) == {
        "type": ("twinning", "mou"),
        "theme": ("culture",),
    }
    with pytest.raises(FormulaError, match="filter"):
        parse_filter("colour=blue", allowed)
    with pytest.raises(FormulaError, match="condition"):
        parse_filter("twinning", allowed)
    with pytest.raises(FormulaError, match="unknown"):
        compute(None, "visitors_counted", None, Window(START, END, {}))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("code", "filters"),
    [
        ("agreements_active", None),
        ("agreements_active", "type=cooperation,mou"),
        ("partner_countries", None),
        ("partner_countries", "type=twinning"),
        ("agreements_signed", None),  # no standing figure: one query per window
    ],
)
def test_a_trend_of_standing_figures_is_read_in_one_pass(
    records: tuple[Any, Written], code: str, filters: str | None
) -> None:
    """Several years at once (the last one still running, counted by today's statuses)
    give each year's own figure, in one statement for the standing figures."""
    session, _written = records
    today = date(YEAR + 1, 7, 2)
    windows = [
        Window(date(year, 1, 1), date(year, 12, 31), {}, today=today)
        for year in range(YEAR - 4, YEAR + 2)
    ]
    statements: list[str] = []

    def listen(_conn: object, _cursor: object, statement: str, *_: object) -> None:
        statements.append(statement)

    engine = session.get_bind()
    session.connection()  # the transaction's BEGIN is not one of the figures' statements
    event.listen(engine, "before_cursor_execute", listen)
    try:
        figures = compute_periods(session, code, filters, windows)
    finally:
        event.remove(engine, "before_cursor_execute", listen)
    assert figures == [compute(session, code, filters, window) for window in windows]
    assert figures[4] == figure(session, code, filters)  # YEAR, counted above from the records
    assert len(statements) == (len(windows) if code == "agreements_signed" else 1)
