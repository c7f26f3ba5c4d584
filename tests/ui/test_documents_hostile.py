"""Documents carried by a file someone else made: a crafted fingerprint cannot choose where
"Open" writes, `check` names the document, and saving out never lands on the office file."""

from __future__ import annotations

import hashlib
import sqlite3
import tempfile
from datetime import date
from pathlib import Path

import pytest
from user_input import click_cell

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from intl_desk.core.model import Agreement, Document
from intl_desk.store.check import check
from intl_desk.store.office_file import OfficeFile
from intl_desk.ui.dialogs.agreement import AgreementDialog

CONTENT = "Délibération n° 2024/12 — Łódź".encode()


def _office_with_document(path: Path, fingerprint: str) -> str:
    with OfficeFile.open(path) as office, office.session() as session:
        agreement = Agreement(
            title="Jumelage Lyon – Łódź",
            type="twinning",
            status="active",
            date_signed=date(1991, 5, 3),
        )
        session.add(agreement)
        session.flush()
        session.add(
            Document(
                title="délibération",
                filename="../../délibération.txt",
                media_type="text/plain",
                size=len(CONTENT),
                sha256=hashlib.sha256(CONTENT).hexdigest(),
                content=CONTENT,
                record_kind="agreement",
                record_id=agreement.id,
            )
        )
        session.commit()
        agreement_id = agreement.id
    # the fingerprint is rewritten behind the app's back, as a crafted file would carry it
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("UPDATE document SET sha256 = ?", (fingerprint,))
    connection.close()
    return agreement_id


def test_a_crafted_fingerprint_cannot_leave_the_private_folder(
    qtbot: QtBot, office_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    escape_to = tmp_path / "escaped"
    crafted = "../" * 12 + str(escape_to).lstrip("/")
    agreement_id = _office_with_document(office_path, crafted[:64])
    problems = [p.render() for p in check(office_path).problems]
    assert problems == [
        "Document “../../délibération.txt” does not match its recorded size or fingerprint: "
        "it may be damaged or altered; attach the original again."
    ]
    with OfficeFile.open(office_path, read_only=True) as office:
        dialog = AgreementDialog(office, agreement_id)
        qtbot.addWidget(dialog)
        panel = dialog.documents
        shown: list[Path] = []
        monkeypatch.setattr(panel, "show_file", lambda path: bool(shown.append(path)) or True)
        monkeypatch.setattr(panel, "warn", lambda _text: None)  # the mismatch is also said
        click_cell(qtbot, panel.table, 0, 0)
        qtbot.mouseClick(panel.open_button, Qt.MouseButton.LeftButton)
        dialog.close()
    opened = shown[0]
    assert opened.name == "délibération.txt" and opened.read_bytes() == CONTENT
    temporary = Path(tempfile.gettempdir()).resolve()
    assert opened.resolve().parent.parent.parent == temporary
    assert opened.resolve().parent.parent.name.startswith("intl-desk-documents-")
    assert opened.parent.name == hashlib.sha256(CONTENT).hexdigest()[:16]
    assert not escape_to.exists()


def test_saving_a_document_out_over_the_office_file_is_refused(
    qtbot: QtBot, office_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    agreement_id = _office_with_document(office_path, hashlib.sha256(CONTENT).hexdigest())
    before = office_path.read_bytes()
    with OfficeFile.open(office_path) as office:
        dialog = AgreementDialog(office, agreement_id)
        qtbot.addWidget(dialog)
        panel = dialog.documents
        warnings: list[str] = []
        monkeypatch.setattr(panel, "warn", warnings.append)
        monkeypatch.setattr(panel, "choose_save_path", lambda _document: office_path)
        click_cell(qtbot, panel.table, 0, 0)
        qtbot.mouseClick(panel.save_out_button, Qt.MouseButton.LeftButton)
        dialog.close()
    assert warnings == [
        "“office.sqlite” is the office file or one of the files kept beside it (lock, "
        "journal, backup), and writing there would destroy the office's records: choose "
        "another name."
    ]
    assert office_path.read_bytes() == before
