"""The first run: the welcome page, creating the office's file, the demo, the recent files."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import select
from user_input import choose, pick_completion, retype

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QDialog, QWidget
from pytestqt.qtbot import QtBot

from intl_desk.core.model import Agreement, Office
from intl_desk.store.office_file import OfficeFile
from intl_desk.ui import settings as options
from intl_desk.ui.combo_search import FoldedSearch
from intl_desk.ui.main_window import MainWindow
from intl_desk.ui.new_office_dialog import NewOfficeDialog, suggested_file_name

TypeText = Callable[[QWidget, str], None]


@pytest.fixture
def window(qtbot: QtBot) -> MainWindow:
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    return window


@pytest.fixture
def logo(tmp_path: Path) -> Path:
    image = QImage(64, 32, QImage.Format.Format_RGB32)
    image.fill(QColor("#164e8c"))
    path = tmp_path / "logo.png"
    assert image.save(str(path))
    return path


def test_without_a_file_the_window_offers_the_three_ways_in(window: MainWindow) -> None:
    assert window.body.currentWidget() is window.welcome
    labels = [
        button.accessibleName()
        for button in (window.welcome.new_button, window.welcome.open_button,
                       window.welcome.demo_button)
    ]
    assert labels == ["Create your office file…", "Open an office file…", "Explore the demo"]
    assert not window.welcome.recent.isVisible()


def test_the_file_name_follows_the_office_name(
    qtbot: QtBot, tmp_path: Path, typist: TypeText
) -> None:
    dialog = NewOfficeDialog(folder=tmp_path)
    qtbot.addWidget(dialog)
    assert not dialog.create_button.isEnabled()
    typist(dialog.name, "Ville de Łódź")
    assert Path(dialog.path.text()) == tmp_path / "Ville de Lodz.sqlite"
    assert dialog.create_button.isEnabled()
    assert suggested_file_name('São João del-Rei: "RI"') == "Sao Joao del-Rei RI.sqlite"
    # the letters search folds the same way (core.folding), which Unicode cannot decompose
    assert suggested_file_name("Grad Đakovo / Il-Ħamrun") == "Grad Dakovo Il-Hamrun.sqlite"


def test_an_existing_file_is_refused_under_the_field(
    qtbot: QtBot, tmp_path: Path, typist: TypeText
) -> None:
    (tmp_path / "Córdoba.sqlite").write_bytes(b"someone else's file")
    dialog = NewOfficeDialog(folder=tmp_path)
    qtbot.addWidget(dialog)
    dialog.show()
    typist(dialog.name, "Córdoba")
    retype(qtbot, dialog.path, str(tmp_path / "Córdoba.sqlite"))
    assert not dialog.create_button.isEnabled()
    assert dialog.path_error.isVisible()
    assert "exists already" in dialog.path_error.text()
    assert (tmp_path / "Córdoba.sqlite").read_bytes() == b"someone else's file"


def test_a_file_that_is_not_an_image_is_refused_as_logo(
    qtbot: QtBot, tmp_path: Path
) -> None:
    dialog = NewOfficeDialog(folder=tmp_path)
    qtbot.addWidget(dialog)
    dialog.show()
    fake = tmp_path / "logo.png"
    fake.write_text("not an image")
    dialog.load_logo(fake)
    assert dialog.logo is None
    assert dialog.logo_error.isVisible()


def test_creating_the_office_file_opens_it_with_its_details_and_logo(
    qtbot: QtBot,
    window: MainWindow,
    tmp_path: Path,
    logo: Path,
    typist: TypeText,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def fill_and_accept(dialog: NewOfficeDialog) -> int:
        typist(dialog.name, "Prefeitura de São João del-Rei")
        retype(qtbot, dialog.path, str(tmp_path / "sjdr.sqlite"))
        choose(qtbot, dialog.kind, data="city")
        choose(qtbot, dialog.country, data="BR")
        choose(qtbot, dialog.language, data="pt")
        dialog.load_logo(logo)
        assert dialog.create_button.isEnabled()
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(NewOfficeDialog, "exec", fill_and_accept)
    with qtbot.waitSignal(window.file_opened, timeout=10_000):
        window.welcome.new_button.click()

    assert window.office is not None
    assert "Prefeitura de São João del-Rei" in window.windowTitle()
    window.close_file()
    with (
        OfficeFile.open(tmp_path / "sjdr.sqlite", read_only=True) as office,
        office.session() as session,
    ):
        record = session.scalars(select(Office)).one()
        assert (record.name, record.kind, record.country_code, record.language) == (
            "Prefeitura de São João del-Rei", "city", "BR", "pt"
        )
        assert record.logo == logo.read_bytes()
        assert record.logo_media_type == "image/png"


def test_cancelling_creates_nothing(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(NewOfficeDialog, "exec", lambda _dialog: 0)
    window.welcome.new_button.click()
    assert window.office is None
    assert list(tmp_path.iterdir()) == []


def test_explore_the_demo_builds_it_once_and_opens_it(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("intl_desk.paths.user_data_dir", lambda: tmp_path)
    with qtbot.waitSignal(window.file_opened, timeout=20_000):
        window.welcome.demo_button.click()
    assert window.office is not None and window.office.path == tmp_path / "demo.sqlite"
    with window.office.session() as session:
        assert len(session.scalars(select(Agreement.id)).all()) > 50
    window.close_file()
    built = (tmp_path / "demo.sqlite").stat().st_mtime_ns
    with qtbot.waitSignal(window.file_opened, timeout=10_000):
        window.welcome.demo_button.click()
    assert (tmp_path / "demo.sqlite").stat().st_mtime_ns == built
    assert not (tmp_path / "demo.sqlite.part").exists()


def test_recent_files_are_listed_and_reopen(
    qtbot: QtBot, office_path: Path, tmp_path: Path
) -> None:
    settings = options.app_settings()
    options.remember_file(settings, str(tmp_path / "gone.sqlite"))
    options.remember_file(settings, str(office_path))
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    recent = window.welcome.recent
    assert recent.isVisible() and recent.count() == 2
    assert "not found" in recent.item(1).text()
    with qtbot.waitSignal(window.file_opened, timeout=10_000):
        window.welcome.recent_chosen.emit(str(office_path))
    assert window.office is not None and window.office.path == office_path


def test_without_a_documents_folder_the_file_goes_home(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, typist: TypeText
) -> None:
    from PySide6.QtCore import QStandardPaths

    monkeypatch.setattr(
        QStandardPaths, "writableLocation", lambda _location: str(tmp_path / "Documents")
    )
    monkeypatch.setattr(Path, "home", lambda: tmp_path)
    dialog = NewOfficeDialog()
    qtbot.addWidget(dialog)
    typist(dialog.name, "Ville de Łódź")
    assert Path(dialog.path.text()) == tmp_path / "Ville de Lodz.sqlite"
    assert dialog.create_button.isEnabled()


def _choose_country(qtbot: QtBot, dialog: NewOfficeDialog, typed: str, typist: TypeText) -> None:
    """Type in the country box and take the first suggestion with Enter."""
    box = dialog.country
    search = box.findChild(FoldedSearch)
    assert isinstance(search, FoldedSearch) and box.lineEdit() is not None
    box.lineEdit().clear()
    typist(box.lineEdit(), typed)
    pick_completion(qtbot, search.completer)


def test_the_country_proposes_the_language_of_reports_until_one_is_picked(
    qtbot: QtBot, typist: TypeText
) -> None:
    dialog = NewOfficeDialog()
    qtbot.addWidget(dialog)
    assert dialog.language.currentData() == "en"
    _choose_country(qtbot, dialog, "France", typist)
    assert dialog.country.currentData() == "FR"
    assert dialog.language.currentData() == "fr"  # France: French proposed
    _choose_country(qtbot, dialog, "Brazil", typist)
    assert dialog.country.currentData() == "BR"
    assert dialog.language.currentData() == "pt"  # Brazil: Portuguese
    _choose_country(qtbot, dialog, "Canada", typist)
    assert dialog.language.currentData() == "pt"  # English or French: nothing guessed
    dialog.language.setFocus()
    qtbot.keyClick(dialog.language, Qt.Key.Key_Home)  # the person picks English
    picked = dialog.language.currentData()
    assert picked == "en"
    _choose_country(qtbot, dialog, "Mexico", typist)
    assert dialog.country.currentData() == "MX"
    assert dialog.language.currentData() == picked  # the person's choice stays
