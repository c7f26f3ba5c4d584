"""Values given to a form the way a person gives them: a click to open a list and a click
on the entry, a click into a field, everything in it selected and the new text typed.

Tests use these instead of ``setCurrentIndex``/``setDate``/``setValue``, which prove
nothing about what a person can do (a disabled box, a list without the entry, a field
that refuses the keys would all pass)."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QEvent, QModelIndex, QPoint, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QCompleter,
    QStyle,
    QStyleOptionViewItem,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot


def type_text(widget: QWidget, text: str) -> None:
    """Type ``text`` key by key, accents included (QTest.keyClicks is ASCII-only)."""
    widget.setFocus()
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            )


def choose(
    qtbot: QtBot, box: QWidget | None, text: str | None = None, *, data: object = None
) -> None:
    """Open ``box``'s list from the keyboard (Alt+Down) and click the entry showing
    ``text`` (or holding ``data``).

    The list is not opened with a click: Qt ignores a release that comes within a
    double-click interval of the click that opened it (a press-drag-release gesture), and a
    test clicks faster than that."""
    assert isinstance(box, QComboBox), box
    if data is not None:
        index = box.findData(data)
    else:
        labels = [box.itemText(row).strip() for row in range(box.count())]
        assert text in labels, (text, labels)
        index = labels.index(text)
    assert index >= 0, (text, data)
    assert box.isEnabled(), f"{box.objectName()} is disabled"
    if _in_a_cell(box):  # a list in a table's cell opens only on a window on screen
        with in_sight(qtbot, box):
            _choose(qtbot, box, index)
    else:
        _choose(qtbot, box, index)
    assert box.currentIndex() == index, (box.currentText(), text, data)


def _visible_centre(view: QAbstractItemView, index: QModelIndex) -> QPoint:
    """The middle of what shows of the entry (a row cut at the list's edge included)."""
    shown = view.visualRect(index).intersected(view.viewport().rect())
    assert not shown.isEmpty(), "the entry is out of sight"
    return shown.center()


def _in_a_cell(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractItemView):
            return True
        parent = parent.parentWidget()
    return False


def _choose(qtbot: QtBot, box: QComboBox, index: int) -> None:
    window = box.window()
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    view = box.view()
    qtbot.waitUntil(view.isVisible)
    entry = box.model().index(index, box.modelColumn())
    view.scrollTo(entry, QAbstractItemView.ScrollHint.PositionAtCenter)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=_visible_centre(view, entry))
    qtbot.waitUntil(lambda: not view.isVisible())
    if window.isVisible():  # as a window manager does once the list is closed (offscreen
        _activate(qtbot, window)  # gives the focus to no window)
        box.setFocus()


def _activate(qtbot: QtBot, window: QWidget) -> None:
    """Make ``window`` the active one, as a window manager does for the window clicked."""
    if QApplication.activeWindow() is not window:
        window.activateWindow()
        if QApplication.activeWindow() is not window:
            # the offscreen platform activates a window shown again only when told directly
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", DeprecationWarning)
                QApplication.setActiveWindow(window)
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def retype(qtbot: QtBot, field: QWidget, text: str) -> None:
    """Click into ``field``, select what it holds (Ctrl+A) and type ``text`` over it, then
    leave it with Tab as a person moving on would."""
    assert field.isEnabled(), f"{field.objectName()} is disabled"
    qtbot.mouseClick(field, Qt.MouseButton.LeftButton)
    target = field.focusWidget() or field
    qtbot.keyClick(target, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    if text:
        type_text(target, text)
    else:
        qtbot.keyClick(target, Qt.Key.Key_Delete)
    qtbot.keyClick(target, Qt.Key.Key_Tab)


def tick(qtbot: QtBot, button: QAbstractButton) -> None:
    """A click on a check box (or radio button), where a person clicks: its box."""
    assert button.isEnabled(), f"{button.objectName()} is disabled"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))


def open_tab(qtbot: QtBot, tabs: QTabWidget, tab: str | int) -> None:
    """A click on the tab named ``tab`` (or at that position)."""
    names = [tabs.tabText(index) for index in range(tabs.count())]
    index = names.index(tab) if isinstance(tab, str) else tab
    assert 0 <= index < len(names) and tabs.isTabEnabled(index), (tab, names)
    bar = tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert tabs.currentIndex() == index


@contextmanager
def in_sight(qtbot: QtBot, widget: QWidget) -> Iterator[None]:
    """``widget`` on screen, its tabs opened (see :func:`reveal`), for the time of a click.

    A window a test never showed is shown for it (cells have no place on a hidden window)
    and hidden again after, so the test goes on, and ends, as it would have: a form shown
    at the end would ask whether to save its changes when the test closes it."""
    window = widget.window()
    shown_here = not window.isVisible()
    reveal(qtbot, widget)
    try:
        yield
    finally:
        if shown_here:
            window.hide()


def reveal(qtbot: QtBot, widget: QWidget) -> None:
    """Click the tabs that hide ``widget`` (from the outermost in), as a person looking for
    it would; a window not on screen yet is shown first."""
    window = widget.window()
    if not window.isVisible():
        window.show()
        qtbot.waitExposed(window)
    tabs_holding: list[tuple[QTabWidget, int]] = []
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QTabWidget):
            for index in range(parent.count()):
                page = parent.widget(index)
                if page is widget or page.isAncestorOf(widget):
                    tabs_holding.append((parent, index))
        parent = parent.parentWidget()
    for tabs, index in reversed(tabs_holding):
        if tabs.currentIndex() != index:
            open_tab(qtbot, tabs, index)


def click_cell(qtbot: QtBot, view: QAbstractItemView, row: int, column: int = 0) -> None:
    """A click on the cell at ``row``, ``column`` (its tab opened and the cell scrolled into
    sight first), which makes it the current one as it does for a person."""
    with in_sight(qtbot, view):
        _click_cell(qtbot, view, row, column)


def _click_cell(qtbot: QtBot, view: QAbstractItemView, row: int, column: int) -> None:
    model = view.model()
    index = model.index(row, column)
    assert index.isValid(), (row, column, model.rowCount(), model.columnCount())
    view.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
    widget = view.indexWidget(index)
    if widget is not None:  # a list or date in the cell takes the click itself
        _activate(qtbot, view.window())
        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
        popup = QApplication.activePopupWidget()
        if popup is not None:  # the click opened its list: Escape closes it again
            qtbot.keyClick(popup, Qt.Key.Key_Escape)
            qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None)
        assert view.currentIndex().row() == row, (view.currentIndex().row(), row)
        return
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=_visible_centre(view, index))
    assert view.currentIndex() == index, (row, column)


def type_in_cell(qtbot: QtBot, view: QAbstractItemView, row: int, column: int, text: str) -> None:
    """Click the cell (a double click if one click does not open its editor), select what
    the editor holds, type ``text`` and press Enter."""
    with in_sight(qtbot, view):
        _type_in_cell(qtbot, view, row, column, text)


def _type_in_cell(qtbot: QtBot, view: QAbstractItemView, row: int, column: int, text: str) -> None:
    _click_cell(qtbot, view, row, column)
    index = view.model().index(row, column)
    centre = _visible_centre(view, index)
    if view.state() != QAbstractItemView.State.EditingState:
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert view.state() == QAbstractItemView.State.EditingState, "the cell opened no editor"
    [editor] = [  # the editor the delegate put over the cell
        child for child in view.viewport().findChildren(QWidget)
        if child.parentWidget() is view.viewport() and child.isVisible()
        and child.geometry().contains(centre)
    ]
    qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    if text:
        type_text(editor, text)
    else:
        qtbot.keyClick(editor, Qt.Key.Key_Delete)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # the delegate commits on its next turn of the event loop, as it does for a person
    qtbot.waitUntil(lambda: view.state() != QAbstractItemView.State.EditingState)


def tick_item(qtbot: QtBot, view: QAbstractItemView, row: int, column: int = 0) -> None:
    """A click on the check box drawn in an item of a list or table."""
    with in_sight(qtbot, view):
        _tick_item(qtbot, view, row, column)


def _tick_item(qtbot: QtBot, view: QAbstractItemView, row: int, column: int) -> None:
    index = view.model().index(row, column)
    view.scrollTo(index)
    option = QStyleOptionViewItem()
    option.initFrom(view)
    option.rect = view.visualRect(index)
    option.features |= QStyleOptionViewItem.ViewItemFeature.HasCheckIndicator
    box = view.style().subElementRect(
        QStyle.SubElement.SE_ItemViewItemCheckIndicator, option, view
    )
    before = index.data(Qt.ItemDataRole.CheckStateRole)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=box.center())
    assert index.data(Qt.ItemDataRole.CheckStateRole) != before, "the click missed the box"


def pick_completion(qtbot: QtBot, completer: QCompleter, row: int = 0) -> None:
    """Move down the open list of suggestions with the arrow key and take one with Enter."""
    popup = completer.popup()
    qtbot.waitUntil(popup.isVisible)
    for _ in range(row + 1):
        qtbot.keyClick(popup, Qt.Key.Key_Down)
    assert popup.currentIndex().row() == row
    qtbot.keyClick(popup, Qt.Key.Key_Return)
