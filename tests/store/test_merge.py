"""Merging two copies of an office file: what users expect to find afterwards."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from merge_helpers import (
    copy_of,
    delete,
    edit,
    is_deleted,
    live_value,
    make_base,
    record_id,
    records,
)
from sqlalchemy import select
from store_helpers import copy_v0001, fingerprint

from intl_desk.cli import main
from intl_desk.core.model import Agreement, AgreementParty, Document, Partner
from intl_desk.store import errors
from intl_desk.store.merge import merge_files, report_lines
from intl_desk.store.office_file import OfficeFile, check


@pytest.fixture
def pair(tmp_path: Path) -> tuple[Path, Path]:
    base = make_base(tmp_path / "base.sqlite")
    return copy_of(base, tmp_path / "ours.sqlite"), copy_of(base, tmp_path / "theirs.sqlite")


def test_one_sided_changes_new_records_and_both_sides_fields(pair: tuple[Path, Path]) -> None:
    ours, theirs = pair
    edit(ours, Partner, "Córdoba", notes="Argentina, not Spain")
    edit(theirs, Partner, "Córdoba", website="https://cordoba.gob.ar")
    edit(theirs, Agreement, "Accord 1", title="Accord 1 (renewed)")
    with OfficeFile.open(theirs) as office, office.session() as session:
        session.add(Partner(name="Việt Trì", country_code="VN"))
        session.commit()

    report = merge_files(ours, theirs)

    assert live_value(ours, "partner", "Córdoba", "notes") == "Argentina, not Spain"
    assert live_value(ours, "partner", "Córdoba", "website") == "https://cordoba.gob.ar"
    assert live_value(ours, "agreement", "Accord 1 (renewed)", "status") == "draft"
    assert live_value(ours, "partner", "Việt Trì", "country_code") == "VN"
    assert report.added == {"partner": 1}
    assert report.updated == {"partner": 1, "agreement": 1}
    assert not report.conflicts
    assert report.backup is not None and report.backup.exists()
    assert check(ours).problems == []
    text = " ".join(line.render() for line in report_lines(report))
    assert "Added: Partner 1." in text


def test_the_backup_before_a_merge_is_the_file_as_it_was_page_for_page(
    pair: tuple[Path, Path],
) -> None:
    ours, theirs = pair
    raw = sqlite3.connect(ours)  # pages left free by a dropped table, as any file has
    raw.execute("CREATE TABLE scratch (x)")
    raw.executemany("INSERT INTO scratch VALUES (?)", [("x" * 4000,)] * 50)
    raw.commit()
    raw.execute("DROP TABLE scratch")
    raw.commit()
    raw.close()
    before = ours.read_bytes()
    edit(theirs, Partner, "Dakar", notes="Sénégal")

    report = merge_files(ours, theirs)

    assert report.backup is not None and live_value(ours, "partner", "Dakar", "notes")
    # after the 100-byte header (change counters), every page as it was: free ones too
    assert report.backup.read_bytes()[100:] == before[100:]
    assert check(report.backup).problems == []


def test_a_copy_damaged_where_the_merge_reads_is_named_as_damaged(
    pair: tuple[Path, Path], tmp_path: Path
) -> None:
    """The merge reads the other copy while its integrity check still runs: a copy whose
    partners' page is garbage is refused as that copy's damage, this file untouched."""
    ours, theirs = pair
    edit(theirs, Partner, "Dakar", notes="Sénégal")
    raw = sqlite3.connect(theirs)
    page = raw.execute("SELECT rootpage FROM sqlite_master WHERE name = 'partner'").fetchone()[0]
    size = raw.execute("PRAGMA page_size").fetchone()[0]
    raw.close()
    with theirs.open("r+b") as handle:
        handle.seek((page - 1) * size)
        handle.write(bytes(range(256)) * (size // 256))
    before = fingerprint(ours).sha256

    with pytest.raises(errors.CorruptFile) as caught:
        merge_files(ours, theirs)

    assert caught.value.path == theirs
    assert fingerprint(ours).sha256 == before
    assert not list(tmp_path.glob("ours.sqlite.before-merge.*"))


def test_a_copy_that_added_many_records_brings_every_one_in(pair: tuple[Path, Path]) -> None:
    """More new records than one statement names (they are copied in by id, 500 at once),
    one of them party to a new agreement whose list of partners must name it."""
    ours, theirs = pair
    with OfficeFile.open(theirs) as office, office.session() as session:
        towns = [Partner(name=f"Município {n:04d}", country_code="BR") for n in range(1201)]
        agreement = Agreement(title="Acordo 1200", type="twinning", status="draft")
        agreement.parties = [AgreementParty(partner=towns[1200], role="signatory")]
        session.add_all([*towns, agreement])
        session.commit()

    report = merge_files(ours, theirs)

    assert report.added == {"partner": 1201, "agreement": 1, "agreement_party": 1}
    assert records(ours)["partner"] == records(theirs)["partner"]
    assert live_value(ours, "agreement", "Acordo 1200", "partner_names") == "Município 1200"


def test_merging_twice_changes_nothing(pair: tuple[Path, Path]) -> None:
    ours, theirs = pair
    edit(theirs, Partner, "Dakar", notes="Sénégal")
    merge_files(ours, theirs)
    before = fingerprint(ours)
    again = merge_files(ours, theirs)
    assert not again.changed and again.backup is None
    assert fingerprint(ours).sha256 == before.sha256


def test_a_merge_with_nothing_to_do_leaves_no_backup(pair: tuple[Path, Path]) -> None:
    """The backup is written while the merge reads both files; when they turn out to hold
    the same, it is removed again."""
    ours, theirs = pair
    edit(theirs, Partner, "Dakar", notes="Sénégal")
    first = merge_files(ours, theirs)

    again = merge_files(ours, theirs)

    assert not again.changed
    assert list(ours.parent.glob("ours.sqlite.before-merge.*")) == [first.backup]


def test_same_field_changed_on_both_sides_is_a_conflict(
    pair: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    ours, theirs = pair
    edit(ours, Partner, "Québec", notes="ours")
    edit(theirs, Partner, "Québec", notes="theirs")

    assert main(["merge", str(ours), str(theirs)]) == 1
    out = capsys.readouterr().out
    assert "Conflicts (the same field changed on both sides): 1." in out
    assert "“ours”" in out and "“theirs”" in out
    assert live_value(ours, "partner", "Québec", "notes") == "ours"
    connection = sqlite3.connect(ours)
    kept = connection.execute(
        "SELECT old_value, new_value FROM change WHERE action = 'conflict' AND field = 'notes'"
    ).fetchall()
    connection.close()
    assert kept == [("theirs", "ours")]  # the other value is not lost
    assert main(["merge", str(ours), str(theirs)]) == 0  # settled once, not again


def test_choosing_their_value(pair: tuple[Path, Path]) -> None:
    ours, theirs = pair
    edit(ours, Partner, "Québec", notes="ours")
    edit(theirs, Partner, "Québec", notes="theirs")
    key = ("partner", record_id(ours, "partner", "Québec"), "notes")
    report = merge_files(ours, theirs, choices={key: "other"})
    assert [conflict.key for conflict in report.conflicts] == [key]
    assert live_value(ours, "partner", "Québec", "notes") == "theirs"


def test_a_delete_never_beats_a_later_edit(pair: tuple[Path, Path]) -> None:
    ours, theirs = pair
    dakar = record_id(ours, "partner", "Dakar")
    delete(theirs, Partner, "Dakar")
    edit(ours, Partner, "Dakar", notes="edited after their deletion")
    quebec = record_id(ours, "partner", "Québec")
    edit(ours, Partner, "Québec", notes="edited before their deletion")
    delete(theirs, Partner, "Québec")

    report = merge_files(ours, theirs)
    assert not is_deleted(ours, "partner", dakar)
    assert is_deleted(ours, "partner", quebec)
    assert report.deleted == {"partner": 1}

    other_way = merge_files(theirs, ours)
    assert not is_deleted(theirs, "partner", dakar)
    assert is_deleted(theirs, "partner", quebec)
    assert other_way.restored == {"partner": 1}
    assert records(ours) == records(theirs)


def test_documents_travel_with_their_bytes(pair: tuple[Path, Path]) -> None:
    ours, theirs = pair
    content = "Convention signée à Łódź".encode()
    with OfficeFile.open(theirs) as office, office.session() as session:
        session.add(
            Document(
                title="Convention",
                filename="convention.txt",
                media_type="text/plain",
                size=len(content),
                sha256=hashlib.sha256(content).hexdigest(),
                content=content,
            )
        )
        session.commit()
    assert merge_files(ours, theirs).added == {"document": 1}
    connection = sqlite3.connect(ours)
    stored = connection.execute("SELECT content FROM document WHERE title = 'Convention'")
    assert stored.fetchone()[0] == content
    connection.close()


def test_derived_agreement_columns_follow_a_merged_partner_name(pair: tuple[Path, Path]) -> None:
    ours, theirs = pair
    edit(theirs, Partner, "São João del-Rei", name="São João del Rei")
    merge_files(ours, theirs)
    assert live_value(ours, "agreement", "Accord 0", "partner_names") == "São João del Rei"


def test_dry_run_writes_nothing_anywhere(pair: tuple[Path, Path]) -> None:
    ours, theirs = pair
    edit(theirs, Partner, "Dakar", notes="Sénégal")
    before = fingerprint(ours)
    report = merge_files(ours, theirs, dry_run=True)
    assert report.updated == {"partner": 1} and report.dry_run
    assert fingerprint(ours) == before


def test_a_file_cannot_be_merged_into_itself(pair: tuple[Path, Path]) -> None:
    ours, _theirs = pair
    with pytest.raises(errors.SameFile):
        merge_files(ours, ours)


def test_an_older_other_file_is_upgraded_on_a_copy(tmp_path: Path) -> None:
    ours = make_base(tmp_path / "ours.sqlite")
    older = copy_v0001(tmp_path)
    before = fingerprint(older)
    report = merge_files(ours, older, other_office=True)  # the fixture is another office's
    assert report.added  # its records came in
    assert fingerprint(older).sha256 == before.sha256
    assert not list(tmp_path.glob("office_v0001.sqlite.before-*"))  # nothing written beside it
    assert check(ours).problems == []


def test_merge_refuses_a_file_with_a_trigger(pair: tuple[Path, Path]) -> None:
    ours, theirs = pair
    connection = sqlite3.connect(theirs)
    connection.execute(
        "CREATE TRIGGER wipe AFTER INSERT ON partner BEGIN DELETE FROM agreement; END"
    )
    connection.close()
    before = fingerprint(theirs).sha256
    with pytest.raises(errors.UnexpectedContent):
        merge_files(ours, theirs)
    assert fingerprint(theirs).sha256 == before


def _live_parties(path: Path, agreement_id: str) -> int:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return int(
            connection.execute(
                "SELECT count(*) FROM agreement_party WHERE agreement_id = ? "
                "AND deleted_at IS NULL",
                (agreement_id,),
            ).fetchone()[0]
        )
    finally:
        connection.close()


def test_a_record_kept_by_a_later_edit_keeps_its_children(pair: tuple[Path, Path]) -> None:
    ours, theirs = pair
    accord = record_id(ours, "agreement", "Accord 0")
    delete(theirs, Agreement, "Accord 0")  # its two parties go with it
    edit(ours, Agreement, "Accord 0", notes="renewed after all")
    assert _live_parties(theirs, accord) == 0

    merge_files(ours, theirs)
    assert not is_deleted(ours, "agreement", accord)
    assert _live_parties(ours, accord) == 2

    report = merge_files(theirs, ours)
    assert report.restored == {"agreement": 1, "agreement_party": 2}
    assert _live_parties(theirs, accord) == 2
    assert records(ours) == records(theirs)


def test_another_offices_file_is_refused_unless_the_user_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ours = make_base(tmp_path / "lyon.sqlite")
    theirs = tmp_path / "cordoba.sqlite"
    OfficeFile.create(theirs, "Municipalidad de Córdoba", kind="city", country_code="AR").close()
    with OfficeFile.open(theirs) as office, office.session() as session:
        session.add(Partner(name="Rosario", country_code="AR"))
        session.commit()
    before = fingerprint(ours).sha256
    code = main(["merge", str(ours), str(theirs)])
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith(
        "intl-desk: “cordoba.sqlite” is the file of another office (Municipalidad de Córdoba), "
        "not a copy of this office's file ("
    )
    assert "merge again with --other-office" in err
    assert fingerprint(ours).sha256 == before
    assert not list(tmp_path.glob("lyon.sqlite.before-*"))  # not even a backup was made
    assert main(["merge", str(ours), str(theirs), "--other-office"]) == 0
    assert live_value(ours, "partner", "Rosario", "country_code") == "AR"


def _partner_of_accord_0(path: Path) -> str:
    with OfficeFile.open(path) as office, office.session() as session:
        agreement = session.scalars(select(Agreement).where(Agreement.title == "Accord 0")).one()
        return next(party.partner.name for party in agreement.parties if party.partner)


def test_a_party_linked_to_another_partner_keeps_that_link_through_a_merge(
    pair: tuple[Path, Path],
) -> None:
    """One office links a party to another partner through the link itself
    (``party.partner = …``); the other office later edits the same party's role. The link
    is history like any field: the merge keeps it and the role, both ways."""
    ours, theirs = pair
    with OfficeFile.open(ours) as office, office.session() as session:
        agreement = session.scalars(select(Agreement).where(Agreement.title == "Accord 0")).one()
        party = next(party for party in agreement.parties if party.partner)
        party.partner = session.scalars(select(Partner).where(Partner.name == "Łódź")).one()
        session.commit()
    with OfficeFile.open(theirs) as office, office.session() as session:
        agreement = session.scalars(select(Agreement).where(Agreement.title == "Accord 0")).one()
        party = next(party for party in agreement.parties if party.partner)
        party.role = "witness"  # saved after the relink
        session.commit()
    back = copy_of(theirs, theirs.with_name("theirs-then-ours.sqlite"))

    merge_files(ours, theirs)
    merge_files(back, ours.with_name("ours.sqlite"))

    for merged in (ours, back):
        assert _partner_of_accord_0(merged) == "Łódź"
        with OfficeFile.open(merged) as office, office.session() as session:
            roles = session.scalars(
                select(AgreementParty.role).where(AgreementParty.partner_id.is_not(None))
            ).all()
        assert "witness" in roles
