"""What the main window holds beyond its lists, declared once: its pages, its menus and
their commands, and the sections of the Today page.

A new feature adds a row to :data:`PAGES`, :data:`COMMANDS`, :data:`OPTIONS` or
:data:`TODAY_SECTIONS` — its name, where it shows, and the function that makes it or that
it runs — and :func:`add_features` builds the rows into the window in the order given.
The functions own their dialogs and pages; none sets attributes on the window or reaches
into it, and a page that must follow the file's changes connects to the window's
``reloaded`` signal itself.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from intl_desk.core.i18n import N_, _
from intl_desk.ui import settings as options
from intl_desk.ui.dashboard.install import make_dashboard
from intl_desk.ui.evaluation_reports import entity_sheets_report, handover_report, yearly_report
from intl_desk.ui.exchange_rates_dialog import open_exchange_rates
from intl_desk.ui.iati_identifier_dialog import open_iati_identifier
from intl_desk.ui.measurement_install import make_measurement_page
from intl_desk.ui.round_today import RoundsPanel, open_rounds
from intl_desk.ui.terms_dialog import open_terms
from intl_desk.ui.users_menu import may_manage_users, open_users

if TYPE_CHECKING:
    from intl_desk.ui.main_window import MainWindow


@dataclass(frozen=True)
class Page:
    """A page of the window with its navigation entry."""

    key: str
    label: str  #: msgid, translated when the window is built
    make: Callable[[MainWindow], QWidget]
    #: place in the navigation (0 = first); after the lists when -1
    position: int = -1


@dataclass(frozen=True)
class Menu:
    """A menu of the menu bar, placed before Help in the order of :data:`MENUS`."""

    name: str  #: object name, which commands give as their ``menu``
    title: str  #: msgid


@dataclass(frozen=True)
class Command:
    """A menu entry that runs ``run(window)``."""

    menu: str
    text: str  #: msgid
    name: str  #: object name of the action
    run: Callable[[MainWindow], object]
    #: whether the entry is offered; asked again when a file opens and when the office
    #: server's state changes (always offered when None)
    offered: Callable[[MainWindow], bool] | None = None


@dataclass(frozen=True)
class Toggle:
    """A menu entry with a tick, remembered between runs in a setting."""

    menu: str
    text: str  #: msgid
    name: str
    setting: options.Option[bool]


PAGES: tuple[Page, ...] = (
    Page("overview", N_("Overview"), make_dashboard, position=1),  # under Today
    Page("measurements", N_("Measurements"), make_measurement_page),
)

MENUS: tuple[Menu, ...] = (
    Menu("officeMenu", N_("&Office")),
    Menu("reportsMenu", N_("&Reports")),
)

COMMANDS: tuple[Command, ...] = (
    Command("officeMenu", N_("Exchange &rates…"), "exchangeRatesAction", open_exchange_rates),
    Command("officeMenu", N_("&Terms of office…"), "termsAction", open_terms),
    Command("officeMenu", N_("&Collection rounds…"), "roundsAction", open_rounds),
    Command("officeMenu", N_("&Users and roles…"), "usersAction", open_users, may_manage_users),
    Command(
        "officeMenu",
        N_("&IATI organisation identifier…"),
        "iatiIdentifierAction",
        open_iati_identifier,
    ),
    Command("reportsMenu", N_("&Yearly report…"), "yearlyReportAction", yearly_report),
    Command("reportsMenu", N_("&Handover report…"), "handoverReportAction", handover_report),
    Command(
        "reportsMenu", N_("&Sheet per local entity…"), "entitySheetsAction", entity_sheets_report
    ),
)

#: ticks after the commands of their menu, beyond a separator
OPTIONS: tuple[Toggle, ...] = (
    Toggle(
        "reportsMenu",
        N_("Count only &approved figures of collection rounds"),
        "approvedOnlyAction",
        options.APPROVED_ONLY,
    ),
)


def rounds_section(window: MainWindow) -> QWidget:
    """What this file's entities still owe to collection rounds, and answers to review."""
    return RoundsPanel(window.today_page, lambda round_id: open_rounds(window, round_id))


#: sections of the Today page, made in this order under its heading
TODAY_SECTIONS: tuple[Callable[[MainWindow], QWidget], ...] = (rounds_section,)


def add_features(window: MainWindow) -> dict[str, QWidget]:
    """Build every page, menu, command and Today section into ``window``; returns the
    pages by key."""
    pages: dict[str, QWidget] = {}
    for page in PAGES:
        widget = page.make(window)
        window.add_page(page.key, _(page.label), widget, page.position)
        pages[page.key] = widget
    menus = {menu.name: _add_menu(window, menu) for menu in MENUS}
    for command in COMMANDS:
        _add_command(window, menus[command.menu], command)
    for toggle in OPTIONS:
        _add_toggle(window, menus[toggle.menu], toggle)
    for make_section in TODAY_SECTIONS:
        make_section(window)
    return pages


def _add_menu(window: MainWindow, menu: Menu) -> QMenu:
    made = QMenu(_(menu.title), window)
    made.setObjectName(menu.name)
    bar = window.menuBar()
    help_menu = next((a for a in bar.actions() if a.text() == _("&Help")), None)
    if help_menu is not None:
        bar.insertMenu(help_menu, made)
    else:
        bar.addMenu(made)
    return made


def _add_command(window: MainWindow, menu: QMenu, command: Command) -> QAction:
    action = menu.addAction(_(command.text))
    action.setObjectName(command.name)
    action.triggered.connect(lambda: command.run(window))
    offered = command.offered
    if offered is not None:

        def offer() -> None:
            action.setVisible(offered(window))

        offer()
        window.file_opened.connect(lambda _path: offer())
        window.server.state_changed.connect(offer)  # signed in again, or the file closed
    return action


def _add_toggle(window: MainWindow, menu: QMenu, toggle: Toggle) -> QAction:
    if menu.actions() and not menu.actions()[-1].isSeparator():
        menu.addSeparator()
    action = menu.addAction(_(toggle.text))
    action.setObjectName(toggle.name)
    action.setCheckable(True)
    action.setChecked(toggle.setting.get(options.app_settings()))
    action.toggled.connect(lambda on: toggle.setting.set(options.app_settings(), on))
    return action
