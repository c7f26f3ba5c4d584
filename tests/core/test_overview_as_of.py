"""A past year's overview is the office as it stood at the end of that year: agreements
active then (terminated ones until the date they ended), those expiring within 12 months
of then — recounted here by hand — and what the dates cannot place left out and said."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pypdf import PdfReader

from intl_desk.cli import main
from intl_desk.core.evaluation.formula_filters import Window
from intl_desk.core.evaluation.formulas import keys
from intl_desk.core.listing import LISTS, ListQuery, fetch_ids
from intl_desk.core.model import Agreement, AgreementParty, Partner
from intl_desk.core.overview import OverviewFilters, compute_overview
from intl_desk.core.overview.labels import headline_tiles
from intl_desk.store.office_file import OfficeFile

TODAY = date(2026, 6, 15)


def _register(office: OfficeFile) -> dict[str, str]:
    """Six agreements whose story differs between the end of 2020 and today."""
    leipzig = Partner(name="Leipzig", kind="city", country_code="DE")
    rows = {
        # active then and now
        "Leipzig": Agreement(title="Leipzig", type="twinning", status="active",
                             date_signed=date(2015, 3, 1), date_expires=date(2030, 3, 1)),
        # active then, terminated in 2022
        "Lodz": Agreement(title="Łódź", type="cooperation", status="terminated",
                          date_signed=date(2016, 5, 1), date_expires=date(2026, 5, 1),
                          date_ended=date(2022, 6, 1)),
        # active then, expired in March 2021: expiring within 12 months of the end of 2020
        "Cordoba": Agreement(title="Córdoba", type="cooperation", status="expired",
                             date_signed=date(2011, 3, 1), date_expires=date(2021, 3, 1)),
        # signed after 2020: active now only
        "Hue": Agreement(title="Huế", type="friendship", status="active",
                         date_signed=date(2023, 9, 1), date_expires=date(2026, 12, 1)),
        # superseded on the last day of 2019: not active at the end of 2020
        "Sao Joao": Agreement(title="São João del-Rei", type="cooperation",
                              status="superseded", date_signed=date(2012, 1, 1),
                              date_ended=date(2019, 12, 31)),
        # terminated, nobody knows when: cannot be placed at the end of 2020
        "Rabat": Agreement(title="Rabat", type="cooperation", status="terminated",
                           date_signed=date(2010, 1, 1), date_expires=date(2040, 1, 1)),
    }  # fmt: skip
    with office.session() as s:
        for agreement in rows.values():
            agreement.parties.append(AgreementParty(partner=leipzig, role="signatory"))
        s.add_all(rows.values())
        s.commit()
        return {name: agreement.id for name, agreement in rows.items()}


def _drilled(office: OfficeFile, drill: object) -> set[str]:
    with office.session() as s:
        query = ListQuery(facets=drill.facet_dict())  # type: ignore[attr-defined]
        return set(fetch_ids(s, LISTS["agreements"], query))


def test_a_past_year_is_shown_as_it_stood_at_its_end(office: OfficeFile) -> None:
    ids = _register(office)
    with office.session() as s:
        then = compute_overview(s, OverviewFilters(2020), TODAY)
        now = compute_overview(s, OverviewFilters(2026), TODAY)
    # by hand: at the end of 2020 Leipzig, Łódź (ended 2022) and Córdoba (expired 2021)
    assert then.headline.active_agreements == 3
    assert _drilled(office, then.headline_drills["active"]) == {
        ids["Leipzig"], ids["Lodz"], ids["Cordoba"]
    }  # fmt: skip
    assert then.expiring_count == 1
    assert [item.title for item in then.expiring] == ["Córdoba"]
    assert _drilled(office, then.expiring_drill) == {ids["Cordoba"]}
    assert then.unplaced_agreements == 1  # Rabat
    assert "agreements as of 31 Dec 2020" in then.scope_text
    tiles = {tile.key: tile for tile in headline_tiles(then)}
    assert tiles["active"].note == (
        "1 expiring within 12 months of 31 Dec 2020 · 1 left out: no date to place it then"
    )
    # projects and money cannot be rebuilt for a past year: the tiles say they are today's
    assert tiles["projects"].note == "in implementation or finalisation today"
    assert tiles["budget"].note == "projects under way today"
    # today: the statuses say it
    assert now.headline.active_agreements == 2  # Leipzig, Huế
    assert now.unplaced_agreements == 0
    assert "as of" not in now.scope_text
    assert {tile.key: tile for tile in headline_tiles(now)}["active"].note == (
        "1 expire within 12 months"
    )


def test_the_formula_and_the_overview_count_the_same_active_agreements(
    office: OfficeFile,
) -> None:
    """One rule for "active": the indicator formula counts, for a period, the agreements
    the overview shows active at its end (today's statuses while it runs)."""
    ids = _register(office)
    with office.session() as s:
        formula = {
            year: set(keys(s, "agreements_active", None,
                           Window(date(year, 1, 1), date(year, 12, 31), {}, today=TODAY)))
            for year in (2020, 2026)
        }  # fmt: skip
        overview = {
            year: compute_overview(s, OverviewFilters(year), TODAY) for year in (2020, 2026)
        }
    # by hand: São João del-Rei ended on 31 Dec 2019; Rabat, terminated without the date
    # it ended, cannot be placed at the end of 2020 and is left out (and said) by both
    assert formula[2020] == {ids["Leipzig"], ids["Lodz"], ids["Cordoba"]}
    assert formula[2026] == {ids["Leipzig"], ids["Hue"]}
    for year in (2020, 2026):
        assert _drilled(office, overview[year].headline_drills["active"]) == formula[year]
        assert overview[year].headline.active_agreements == len(formula[year])


def test_the_overview_pdf_of_a_past_year_says_as_of_when(
    office: OfficeFile, office_path: Path, tmp_path: Path
) -> None:
    _register(office)
    office.close()
    out = tmp_path / "overview 2020.pdf"
    assert main(["report", "overview", str(office_path), "--year", "2020", "-o", str(out)]) == 0
    first = " ".join(PdfReader(out).pages[0].extract_text().split())
    assert "Year 2020 · agreements as of 31 Dec 2020" in first


def test_a_suspended_agreement_counts_as_active_until_the_day_it_was_suspended(
    office: OfficeFile,
) -> None:
    """Suspended on 1 April 2021 (the partner's council froze it): active at the end of
    2020, not at the end of 2021 nor today, and still one of the agreements signed."""
    with office.session() as s:
        agreement = Agreement(
            title="Jumelage Lyon – Bamako", type="twinning", status="suspended",
            date_signed=date(2014, 10, 1), date_expires=date(2034, 10, 1),
            date_ended=date(2021, 4, 1),
        )  # fmt: skip
        agreement.parties.append(
            AgreementParty(partner=Partner(name="Bamako", country_code="ML"), role="signatory")
        )
        s.add(agreement)
        s.commit()  # an end date is allowed: it ended early
        suspended = agreement.id
        for year, active in ((2020, {suspended}), (2021, set()), (2026, set())):
            window = Window(date(year, 1, 1), date(year, 12, 31), {}, today=TODAY)
            assert set(keys(s, "agreements_active", None, window)) == active, year
            overview = compute_overview(s, OverviewFilters(year), TODAY)
            assert overview.headline.active_agreements == len(active), year
            assert overview.headline.signed_to_date == 1, year
            assert overview.unplaced_agreements == 0
