"""``intl-desk import`` and ``intl-desk export``: exit codes and one-line errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from exchange_helpers import fingerprint, seed_register_office, write_register

from intl_desk.cli import main
from intl_desk.store.office_file import OfficeFile


@pytest.fixture
def seeded_path(office_path: Path) -> Path:
    with OfficeFile.open(office_path) as office:
        seed_register_office(office)
    return office_path


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_dry_run_reports_every_rejected_row_and_writes_nothing(
    seeded_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    register = write_register(tmp_path / "registre.xlsx")
    before = fingerprint(seeded_path)
    code, out, err = _run(
        capsys, "import", str(seeded_path), str(register), "--kind", "agreements", "--dry-run"
    )
    assert code == 1  # a row was rejected
    assert err == ""
    assert "worksheet “Registre 2015-2020”, column titles on row 4" in out
    assert "Row 12: Date de signature: “31/02/2019” is not a date that exists." in out
    assert "Dry run, nothing was written: 6 new, 2 duplicate(s) (to skip), 1 rejected." in out
    assert fingerprint(seeded_path) == before


def test_importing_again_skips_or_updates_duplicates(
    seeded_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    register = write_register(tmp_path / "registre.xlsx")
    code, out, _ = _run(capsys, "import", str(seeded_path), str(register), "--kind", "agreements")
    assert code == 1
    assert "Imported 6, updated 0, skipped 2, rejected 1." in out
    update = (
        "import",
        str(seeded_path),
        str(register),
        "--kind",
        "agreements",
        "--update-duplicates",
    )
    code, out, _ = _run(capsys, *update)
    assert "Imported 0, updated 2, skipped 6, rejected 1." in out  # rows 11 and 13 add notes
    code, out, _ = _run(capsys, *update)
    assert "Imported 0, updated 0, skipped 8, rejected 1." in out


def test_a_clean_import_exits_0(
    seeded_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = tmp_path / "partners.csv"
    sheet.write_text(
        "Nom;Pays;Type\nCusco;Pérou;Ville\nRosario;Argentine;Ville\n", encoding="utf-8"
    )
    code, out, err = _run(capsys, "import", str(seeded_path), str(sheet), "--kind", "partners")
    assert (code, err) == (0, "")
    assert "Imported 2, updated 0, skipped 0, rejected 0." in out


def test_a_sheet_with_hundreds_of_other_columns_names_a_few(
    seeded_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A register with 3,000 columns of its own listed every one of them in one line; the
    rest is counted as the language writes numbers ("2,988", not "2988")."""
    extra = [f"Colonne {number}" for number in range(1, 3001)]
    sheet = tmp_path / "partners.csv"
    sheet.write_text(
        ";".join(["Nom", "Pays", "Type", *extra])
        + "\n"
        + ";".join(["Cusco", "Pérou", "Ville", *([""] * 3000)])
        + "\n",
        encoding="utf-8",
    )
    code, out, _ = _run(capsys, "import", str(seeded_path), str(sheet), "--kind", "partners")
    assert code == 0
    named = ", ".join(extra[:12])
    assert f"Columns not imported: {named}, and 2,988 more." in out
    assert "Colonne 13" not in out


@pytest.mark.parametrize(
    ("make", "kind", "message"),
    [
        (lambda folder: folder / "absent.xlsx", "agreements", "“absent.xlsx” cannot be found"),
        (
            lambda folder: _write(folder / "photo.xlsx", b"\x89PNG\r\n"),
            "agreements",
            "“photo.xlsx” is not a spreadsheet Intl Desk can read",
        ),
        (
            lambda folder: _write(folder / "notes.pdf", b"%PDF-1.4"),
            "agreements",
            "“notes.pdf” is not a spreadsheet Intl Desk can read",
        ),
        (
            lambda folder: _write(folder / "ok.csv", b"Title;Country\nA;FR\n"),
            "bananas",
            "“bananas” cannot be imported or exported",
        ),
    ],
)
def test_unusable_input_is_one_line_and_exit_2(
    seeded_path: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    make: object,
    kind: str,
    message: str,
) -> None:
    assert callable(make)
    sheet = make(tmp_path)
    before = fingerprint(seeded_path)
    code, out, err = _run(capsys, "import", str(seeded_path), str(sheet), "--kind", kind)
    assert code == 2
    assert err.count("\n") == 1 and err.startswith("intl-desk: ") and message in err
    assert "Traceback" not in err + out
    assert fingerprint(seeded_path) == before


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_a_missing_office_file_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = _run(
        capsys,
        "export",
        str(tmp_path / "none.sqlite"),
        "--kind",
        "agreements",
        "-o",
        str(tmp_path / "out.xlsx"),
    )
    assert code == 2 and "“none.sqlite” cannot be found" in err and err.count("\n") == 1


def test_export_commands(
    seeded_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = _run(
        capsys,
        "--language",
        "fr",
        "export",
        str(seeded_path),
        "--kind",
        "agreements",
        "-o",
        str(tmp_path / "a.csv"),
        "--filter",
        "status=active",
    )
    assert code == 0 and "a.csv" in out  # the message itself is translated
    assert (tmp_path / "a.csv").read_text(encoding="utf-8-sig").startswith("Titre;Type;Statut")
    code, _, err = _run(
        capsys, "export", str(seeded_path), "--kind", "bananas", "-o", str(tmp_path / "b.xlsx")
    )
    assert code == 2 and "“bananas” cannot be imported or exported" in err
    code, _, err = _run(
        capsys,
        "export",
        str(seeded_path),
        "--kind",
        "projects",
        "--format",
        "iati",
        "-o",
        str(tmp_path / "p.xml"),
    )
    assert code == 2 and "no projects to export" in err
    assert not (tmp_path / "p.xml").exists()
