"""A file from before dates kept their precision holds lines such as "Signé tel qu'écrit
dans le registre : 2011" in its notes; on upgrading, each date the record still holds
becomes a year or a month and its line leaves the notes — the others stay as written."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from pathlib import Path

from sqlalchemy import select

from intl_desk.core.i18n import Message, translate
from intl_desk.core.model import Agreement, Project
from intl_desk.store.office_file import OfficeFile

V0004 = Path(__file__).resolve().parents[1] / "fixtures" / "office_v0004.sqlite"
LINE = "{field} as written in the register: {word}"


def _line(field: str, word: str, language: str) -> str:
    return Message(LINE, {"field": translate(field, language), "word": word}).render(language)


def test_notes_lines_of_older_imports_become_precisions(tmp_path: Path) -> None:
    path = tmp_path / "Lyon.sqlite"
    shutil.copyfile(V0004, path)
    agreement_notes = "\n".join(
        [
            "Convention signée en mairie, en présence du consul.",
            _line("Signed", "2011", "fr"),
            _line("Expires", "2024", "fr"),
            _line("In force since", "2012", "fr"),  # no such date any more: kept
            _line("Type", "Pacte d'amitié", "fr"),  # not a date: kept
        ]
    )
    project_notes = "\n".join(
        [_line("Start", "juillet 2003", "pt"), _line("End", "diciembre de 2013", "es")]
    )
    with sqlite3.connect(path) as raw:  # as version 4's import left them
        raw.execute(
            "UPDATE agreement SET date_signed = '2011-01-01', date_expires = '2024-12-31', "
            "date_in_force = NULL, notes = ?",
            (agreement_notes,),
        )
        raw.execute(
            "UPDATE project SET planned_start = '2003-07-01', planned_end = '2013-12-31', "
            "notes = ?",
            (project_notes,),
        )
    raw.close()
    with OfficeFile.open(path) as office, office.session() as session:
        agreement = session.scalars(select(Agreement)).one()
        project = session.scalars(select(Project)).one()
        assert (agreement.date_signed, agreement.date_signed_precision) == (
            date(2011, 1, 1),
            "year",
        )
        assert (agreement.date_expires, agreement.date_expires_precision) == (
            date(2024, 12, 31),
            "year",
        )
        assert agreement.notes == "\n".join(
            [
                "Convention signée en mairie, en présence du consul.",
                _line("In force since", "2012", "fr"),
                _line("Type", "Pacte d'amitié", "fr"),
            ]
        )
        assert (project.planned_start_precision, project.planned_end_precision) == (
            "month",
            "month",
        )
        assert project.notes is None
