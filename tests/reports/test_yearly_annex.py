"""The yearly report's annex of active agreements: a state's thousands are counted by
type, read as counts from the file (not as one line per agreement); a few are listed."""

from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path

from evaluation_office import TODAY, YEAR, build_office_file
from pypdf import PdfReader
from sqlalchemy import select

from intl_desk.core import model as m
from intl_desk.core.evaluation.yearly import compute_yearly
from intl_desk.core.i18n import language_pinned
from intl_desk.core.vocabularies import AGREEMENT_TYPES
from intl_desk.reports.yearly import write_yearly_pdf
from intl_desk.store.office_file import OfficeFile

#: twinnings and cooperation agreements added, beyond the 400 an annex lists
ADDED = {"twinning": 260, "cooperation": 141}
END = date(YEAR, 12, 31)


def _active_by_type(session: object) -> dict[str, int]:
    """Counted here from the records: active, signed by the end of the year and not
    expired by then."""
    counts: dict[str, int] = {}
    for kind, status, signed, expires in session.execute(  # type: ignore[attr-defined]
        select(m.Agreement.type, m.Agreement.status, m.Agreement.date_signed,
               m.Agreement.date_expires).where(m.Agreement.deleted_at.is_(None))
    ):  # fmt: skip
        if status == "active" and signed.year <= YEAR and (expires or END) >= END:
            counts[kind] = counts.get(kind, 0) + 1
    return counts


def test_thousands_of_active_agreements_are_counted_by_type(tmp_path: Path) -> None:
    path = tmp_path / "região.sqlite"
    build_office_file(path)
    with OfficeFile.open(path) as office, office.session() as session:
        session.add_all(
            m.Agreement(title=f"Acordo n.º {kind} {n}", type=kind, status="active",
                        date_signed=date(YEAR - 1, 3, 1 + n % 28), partner_names="Évora")
            for kind, count in ADDED.items() for n in range(count)
        )  # fmt: skip
        session.commit()
        expected = _active_by_type(session)
    with OfficeFile.open(path, read_only=True) as office, office.session() as session:
        report = compute_yearly(session, YEAR, TODAY)
        with language_pinned("pt"):
            report_pt = compute_yearly(session, YEAR, TODAY)
    total = sum(expected.values())
    assert report.headline.active == total > 400
    assert report.active == ()  # no line built for an agreement that is only counted
    assert report.active_types == tuple(
        sorted(((AGREEMENT_TYPES.label(kind), n) for kind, n in expected.items()),
               key=lambda pair: (-pair[1], pair[0]))
    )  # fmt: skip
    annex = _annex_text(report)
    assert f"A4. Agreements active on 31 Dec {YEAR} ({total:,})" in annex
    assert f"Twinning / sister city {expected['twinning']:,}" in annex
    assert f"Cooperation agreement {expected['cooperation']}" in annex
    assert f"Total {total:,} {total:,} rows are too many to print" in annex
    with language_pinned("pt"):
        annex_pt = _annex_text(report_pt)
    assert f"Geminação / cidades-irmãs {expected['twinning']}" in annex_pt
    assert f"Total {total:,}".replace(",", ".") in annex_pt


def _annex_text(report: object) -> str:
    buffer = io.BytesIO()
    write_yearly_pdf(report, buffer)  # type: ignore[arg-type]
    pages = PdfReader(io.BytesIO(buffer.getvalue())).pages
    text = " ".join(" ".join(page.extract_text().split()) for page in pages)
    return text[text.index("A4. ") :]


def test_an_annex_too_long_to_print_says_where_every_row_is(tmp_path: Path) -> None:
    """Beyond 400 rows an annex says where to find every row: the app's list by the name it
    shows, and an export command that works (memberships travel on the networks export's
    sheet, events attended on its Participations sheet)."""
    from intl_desk.core.listing.terms_list import EXPORTABLE

    path = tmp_path / "région.sqlite"
    written = build_office_file(path)
    with OfficeFile.open(path) as office, office.session() as session:
        session.add_all(
            m.Agreement(title=f"Jumelage n° {n}", type="twinning", status="active",
                        date_signed=date(YEAR - 1, 5, 2), partner_names="Łódź")
            for n in range(401)
        )  # fmt: skip
        network = m.Network(name="Cités Unies France")
        memberships = [
            m.Membership(network=network, local_entity_id=written.entities["m1"],
                         since=date(YEAR - 2, 1, 1))
            for _n in range(401)
        ]  # fmt: skip
        memberships[0].participations = [
            m.Participation(kind="event", title=f"Rencontre n° {n}", start_date=date(YEAR, 6, 3))
            for n in range(401)
        ]
        session.add_all([network, *memberships])
        session.commit()
    events_en = "the “Our membership” tab of each network in the app (2025) or the “Participations”"
    events_fr = "(2025) ou la feuille « Participations » de « intl-desk export --kind networks »"
    for language, names in (
        ("en", ("the “Agreements” list in the app", "“Memberships” sheet", events_en)),
        ("fr", ("la liste « Accords » de l'application", "la feuille « Adhésions »", events_fr)),
    ):
        with language_pinned(language):
            with OfficeFile.open(path, read_only=True) as office, office.session() as session:
                report = compute_yearly(session, YEAR, TODAY)
            annex = _annex_text(report)
        for name in names:
            assert name in annex, (language, name)
        printed = re.findall(r"intl-desk export --kind (\w+)", annex)
        assert set(printed) == {"agreements", "networks"}
        assert set(printed) <= set(EXPORTABLE)  # every command printed runs
