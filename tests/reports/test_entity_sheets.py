"""`intl-desk report entities`: one page per local entity at the bottom of the tree, a
bookmark per entity under its region, figures read back from the PDF against the records
written here."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pypdf import PdfReader

from intl_desk.cli import main
from intl_desk.core import model as m
from intl_desk.store.office_file import OfficeFile

#: region -> municipality -> agreements with partners in (country, signed year, status)
TREE = {
    "Zona da Mata": {
        "Juiz de Fora": [("PT", 2019, "active"), ("PT", 2022, "active"), ("FR", 2022, "expired")],
        "Viçosa": [],
    },
    "Campo das Vertentes": {"São João del-Rei": [("ES", 2021, "active")]},
}


def _build(path: Path) -> None:
    OfficeFile.create(path, "Minas Gerais", kind="state", country_code="BR").close()
    with OfficeFile.open(path) as office, office.session() as session:
        partners = {
            code: m.Partner(name=f"Partner {code}", kind="city", country_code=code)
            for code in ("PT", "FR", "ES")
        }
        session.add_all(partners.values())
        for region, towns in TREE.items():
            parent = m.LocalEntity(name=region, kind="region")
            session.add(parent)
            session.flush()
            for town, agreements in towns.items():
                entity = m.LocalEntity(name=town, kind="municipality", parent_id=parent.id)
                session.add(entity)
                session.flush()
                for n, (country, year, status) in enumerate(agreements):
                    agreement = m.Agreement(
                        title=f"{town} {n}",
                        type="cooperation",
                        status=status,
                        date_signed=date(year, 3, 1),
                    )
                    agreement.parties = [
                        m.AgreementParty(local_entity_id=entity.id),
                        m.AgreementParty(partner_id=partners[country].id),
                    ]
                    session.add(agreement)
        session.commit()


def _pages(pdf: Path) -> dict[str, str]:
    """Each entity sheet's text by the entity named on it (its bookmark)."""
    reader = PdfReader(pdf)
    out = {}
    for region in reader.outline[0::2]:
        assert not isinstance(region, list)
    for entries in reader.outline[1::2]:
        assert isinstance(entries, list)
        for entry in entries:
            out[entry.title] = reader.pages[
                reader.get_destination_page_number(entry)
            ].extract_text()
    return out


def test_one_bookmarked_page_per_municipality_with_its_figures(tmp_path: Path) -> None:
    source, pdf = tmp_path / "state.sqlite", tmp_path / "sheets.pdf"
    _build(source)
    assert main(["report", "entities", str(source), "-o", str(pdf)]) == 0
    reader = PdfReader(pdf)
    regions = [item.title for item in reader.outline if not isinstance(item, list)]
    assert regions == ["Campo das Vertentes", "Zona da Mata"]
    pages = _pages(pdf)
    towns = {town: rows for region in TREE.values() for town, rows in region.items()}
    assert set(pages) == set(towns)
    assert len(reader.pages) == 1 + len(towns)  # the contents, then a page each
    for town, rows in towns.items():
        page = " ".join(pages[town].split())
        active = sum(status == "active" for _, _, status in rows)
        countries = {country for country, _, _ in rows}
        assert (
            f"{len(rows)} Agreements {active} Agreements in force {len(countries)} Partner" in page
        )
    juiz = " ".join(pages["Juiz de Fora"].split())
    assert "Portugal 2" in juiz and "France 1" in juiz
    assert "2022 2" in juiz and "2019 1" in juiz
    contents = reader.pages[0].extract_text()
    assert "Zona da Mata (2)" in contents and "São João del-Rei" in contents


def test_region_and_year_narrow_the_sheets(tmp_path: Path) -> None:
    source, pdf = tmp_path / "state.sqlite", tmp_path / "sheets.pdf"
    _build(source)
    args = ["report", "entities", str(source), "-o", str(pdf), "--region", "zona da mata"]
    assert main([*args, "--year", "2020"]) == 0
    pages = _pages(pdf)
    assert set(pages) == {"Juiz de Fora", "Viçosa"}
    assert "1 Agreements 1 Agreements in force" in " ".join(pages["Juiz de Fora"].split())


def test_a_new_office_file_says_what_to_do(office_path: Path, tmp_path: Path) -> None:
    pdf = tmp_path / "sheets.pdf"
    assert main(["report", "entities", str(office_path), "-o", str(pdf)]) == 0
    reader = PdfReader(pdf)
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "No local entity is recorded in this office file" in " ".join(text.split())


def test_an_entity_with_nothing_recorded_says_so(tmp_path: Path) -> None:
    source, pdf = tmp_path / "state.sqlite", tmp_path / "sheets.pdf"
    _build(source)
    assert main(["report", "entities", str(source), "-o", str(pdf)]) == 0
    assert "Nothing is recorded for this entity yet" in " ".join(_pages(pdf)["Viçosa"].split())
    assert "Nothing is recorded" not in " ".join(_pages(pdf)["Juiz de Fora"].split())
