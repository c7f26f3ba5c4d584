"""Countries and dates as offices write them in their registers."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from intl_desk.cli import main
from intl_desk.core.display import country_name
from intl_desk.core.model import Partner
from intl_desk.exchange.countries import countries_reading, resolve_country
from intl_desk.exchange.dates import DateUnreadable, read_date
from intl_desk.store.office_file import OfficeFile


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("Pérou", "PE"),
        ("Perú", "PE"),
        ("Peru", "PE"),
        ("PE", "PE"),
        ("PER", "PE"),
        ("pérou", "PE"),
        ("PEROU", "PE"),
        ("le Pérou", "PE"),
        ("el Perú", "PE"),
        ("Brasil", "BR"),
        ("Brésil", "BR"),
        ("Brazil", "BR"),
        ("BRA", "BR"),
        ("USA", "US"),
        ("États-Unis", "US"),
        ("EE. UU.", "US"),
        ("EUA", "US"),
        ("UK", "GB"),
        ("Royaume-Uni", "GB"),
        ("Reino Unido", "GB"),
        ("Grã-Bretanha", "GB"),
        ("Corée du Sud", "KR"),
        ("Corea del Sur", "KR"),
        ("Coreia do Sul", "KR"),
        ("South Korea", "KR"),
        ("Allemagne", "DE"),
        ("Alemanha", "DE"),
        ("Alemania", "DE"),
        ("Viêt Nam", "VN"),
        ("Vietnã", "VN"),
        ("Côte d'Ivoire", "CI"),
        ("Costa do Marfim", "CI"),
        ("El Salvador", "SV"),
        ("Pays-Bas", "NL"),
        ("Polska", None),
        ("Pologne", "PL"),
        ("Kosovo", "XK"),
    ],
)
def test_country_names_in_four_languages_and_short_forms(written: str, code: str | None) -> None:
    assert resolve_country(written) == code


def test_no_country_for_empty_or_unknown_text() -> None:
    assert resolve_country("") is None
    assert resolve_country(None) is None
    assert resolve_country("Atlantis") is None


def test_several_countries_in_one_cell() -> None:
    assert countries_reading("France, Pérou") == (["FR", "PE"], [], [])
    assert countries_reading("FR; BR / Japon") == (["FR", "BR", "JP"], [], [])
    assert countries_reading("France, Atlantis") == (["FR"], ["Atlantis"], [])


def test_country_names_shown_in_the_language_asked() -> None:
    assert country_name("PE", "fr") == "Pérou"
    assert country_name("PE", "es") == "Perú"
    assert country_name("BR", "pt") == "Brasil"


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("2018-07-05", date(2018, 7, 5)),
        ("05/07/2018", date(2018, 7, 5)),
        ("5.7.2018", date(2018, 7, 5)),
        ("5-7-18", date(2018, 7, 5)),
        ("5 juillet 2018", date(2018, 7, 5)),
        ("1er mars 2019", date(2019, 3, 1)),
        ("5 de julio de 2018", date(2018, 7, 5)),
        ("5 de março de 2019", date(2019, 3, 5)),
        ("17 sept. 2020", date(2020, 9, 17)),
        ("July 5, 2018", date(2018, 7, 5)),
        ("5 July 2018", date(2018, 7, 5)),
        ("25/12/2018", date(2018, 12, 25)),
        (43286, date(2018, 7, 5)),  # an Excel serial number
        ("43286", date(2018, 7, 5)),
        (date(2018, 7, 5), date(2018, 7, 5)),
    ],
)
def test_dates_as_offices_write_them(written: object, expected: date) -> None:
    reading = read_date(written)
    assert reading is not None
    assert reading.value == expected
    assert reading.precision == "day"


def test_a_bare_year_or_a_month_says_it_is_imprecise() -> None:
    year = read_date("2015")
    month = read_date("juillet 2018")
    assert year is not None and (year.value, year.precision) == (date(2015, 1, 1), "year")
    assert month is not None and (month.value, month.precision) == (date(2018, 7, 1), "month")
    number = read_date(2015)
    assert number is not None and number.precision == "year"


def test_month_first_when_asked() -> None:
    reading = read_date("07/05/2018", day_first=False)
    assert reading is not None and reading.value == date(2018, 7, 5)


@pytest.mark.parametrize(
    "written",
    ["31/02/2019", "2019-02-30", "30 février 2019", "lundi", "1 janvier 1850", "13/13/2020"],
)
def test_impossible_dates_are_refused_with_a_reason(written: str) -> None:
    with pytest.raises(DateUnreadable) as caught:
        read_date(written)
    assert written in caught.value.message.render()


def test_empty_cells_have_no_date() -> None:
    assert read_date(None) is None
    assert read_date("   ") is None


def test_short_forms_import_and_lossy_words_are_said_or_refused(
    office_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """"Burkina", "RDC", "Timor" are countries as offices write them; "Angleterre" is
    recorded as GB only with a sentence saying so; "Congo" alone is refused: which one?"""
    register = tmp_path / "partenaires.csv"
    register.write_text(
        "Partenaires de la Ville de Lyon\n"
        "Nom;Pays\n"
        "Ouagadougou;Burkina\n"
        "Kinshasa;RDC\n"
        "Dili;Timor\n"
        "Abidjan;Ivory Coast\n"
        "Birmingham;Angleterre\n"
        "Brazzaville;Congo\n",
        "utf-8",
    )
    assert main(["import", str(office_path), str(register), "--kind", "partners",
                 "--verbose"]) == 1  # fmt: skip
    out = capsys.readouterr().out
    assert "“Angleterre” is part of the United Kingdom: GB is recorded." in out
    assert (
        "Row 8: Pays: “Congo” may be Congo-Brazzaville (CG) or Congo-Kinshasa (CD): "
        "write which one."
    ) in out
    with OfficeFile.open(office_path, read_only=True) as office, office.session() as session:
        stored = {p.name: p.country_code for p in session.scalars(select(Partner))}
    assert stored == {
        "Ouagadougou": "BF", "Kinshasa": "CD", "Dili": "TL", "Abidjan": "CI", "Birmingham": "GB",
    }  # fmt: skip
