"""The activities list's carbon column: a person clicks its header and reads each
mission's round trip in kg CO2e, sorted, against a hand computation (other formula than
the app's) — and the figure changes when the mission's transport mode does."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select
from window_files import open_and_wait

from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from intl_desk.core.model import Activity, LocalEntity, Partner
from intl_desk.store.office_file import OfficeFile
from intl_desk.ui.dialogs import register_all
from intl_desk.ui.list_page import ListPage
from intl_desk.ui.main_window import MainWindow

from carbon_by_hand import BARCELONA, LEIPZIG, LYON, MONTREAL, round_trip_kg  # isort: skip

#: (partner, position, transport mode, travellers)
TRIPS = (
    ("Leipzig", LEIPZIG, "plane", 3),
    ("Montréal", MONTREAL, "plane", 2),
    ("Barcelona", BARCELONA, "high_speed_train", 4),
    ("Leipzig", LEIPZIG, "car", 1),  # no factor in the table: no figure
)


def _missions(path: Path) -> None:
    with OfficeFile.open(path) as office, office.session() as session:
        lyon = LocalEntity(name="Ville de Lyon", latitude=LYON[0], longitude=LYON[1])
        partners: dict[str, Partner] = {}
        for name, (latitude, longitude), mode, people in TRIPS:
            partner = partners.setdefault(name, Partner(name=name, country_code="FR",
                                          latitude=latitude, longitude=longitude))  # fmt: skip
            session.add(Activity(kind="mission", title=f"Mission à {name} ({mode})",
                                 local_entity=lyon, partner=partner, transport_mode=mode,
                                 participant_count=people))  # fmt: skip
        session.add(Activity(kind="meeting", title="Réunion sans voyage", local_entity=lyon))
        session.commit()


def _click_header(qtbot: QtBot, page: ListPage, key: str) -> None:
    section = [column.key for column in page.spec.columns].index(key)
    header = page.table.horizontalHeader()
    page.table.scrollTo(page.model.index(0, section))  # the column may be off to the right
    with qtbot.waitSignal(page.refreshed, timeout=10_000):
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                         pos=QPoint(header.sectionViewportPosition(section) + 10, 5))  # fmt: skip


def _column(page: ListPage, key: str) -> list[tuple[str, str]]:
    """(title, text shown in column ``key``) of every row, top to bottom."""
    section = [column.key for column in page.spec.columns].index(key)
    model = page.model
    return [
        (model.data(model.index(row, 0)), model.data(model.index(row, section)))
        for row in range(model.rowCount())
    ]


def _kg(text: str) -> float:
    return float(text.replace(",", ""))


def test_clicking_the_carbon_header_sorts_the_missions_by_their_round_trip(
    qtbot: QtBot, office_path: Path
) -> None:
    _missions(office_path)
    register_all()
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1400, 700)
    window.show()
    open_and_wait(qtbot, window, office_path)
    page = window.show_list("activities")
    qtbot.waitUntil(lambda: page.model.loaded and not page.reading, timeout=10_000)
    assert (
        page.model.headerData(
            [c.key for c in page.spec.columns].index("carbon"), Qt.Orientation.Horizontal
        )
        == "Carbon (kg CO2e)"
    )

    _click_header(qtbot, page, "carbon")
    rows = _column(page, "carbon")
    assert [title for title, _text in rows[:3]] == [
        "Mission à Barcelona (high_speed_train)",  # 4 × 2 × ~535 km by TGV
        "Mission à Leipzig (plane)",  # 3 × 2 × ~831 km, short haul
        "Mission à Montréal (plane)",  # 2 × 2 × ~5,833 km, long haul
    ]
    # no figure (no factor for a car, no journey for a meeting): last, empty
    assert {title for title, _text in rows[3:]} == {
        "Mission à Leipzig (car)",
        "Réunion sans voyage",
    }
    by_hand = [
        round_trip_kg(LYON, BARCELONA, 0.00293, 4),
        round_trip_kg(LYON, LEIPZIG, 0.258, 3),
        round_trip_kg(LYON, MONTREAL, 0.152, 2),
    ]
    shown = [_kg(text) for _title, text in rows[:3]]
    assert all(abs(a - b) <= 0.1 for a, b in zip(shown, by_hand, strict=True)), (shown, by_hand)
    assert [text for _title, text in rows[3:]] == ["", ""]
    carbon = [c.key for c in page.spec.columns].index("carbon")
    alignment = page.model.data(page.model.index(0, carbon), Qt.ItemDataRole.TextAlignmentRole)
    assert alignment & Qt.AlignmentFlag.AlignRight  # figures line up by their units

    _click_header(qtbot, page, "carbon")  # again: the largest first, the empty ones still last
    assert [title for title, _text in _column(page, "carbon")][:3] == [
        "Mission à Montréal (plane)", "Mission à Leipzig (plane)",
        "Mission à Barcelona (high_speed_train)",
    ]  # fmt: skip


def test_the_figure_follows_the_transport_mode(qtbot: QtBot, office_path: Path) -> None:
    """Computed from the row as it stands: no stored figure to fall out of step."""
    _missions(office_path)
    with OfficeFile.open(office_path) as office, office.session() as session:
        train = session.scalars(
            select(Activity).where(Activity.transport_mode == "high_speed_train")
        ).one()
        train.transport_mode = "coach"
        session.commit()
    register_all()
    window = MainWindow()
    qtbot.addWidget(window)
    open_and_wait(qtbot, window, office_path)
    page = window.show_list("activities")
    qtbot.waitUntil(lambda: page.model.loaded and not page.reading, timeout=10_000)
    shown = dict(_column(page, "carbon"))
    assert abs(_kg(shown["Mission à Barcelona (high_speed_train)"])
               - round_trip_kg(LYON, BARCELONA, 0.0295, 4)) <= 0.1  # fmt: skip
