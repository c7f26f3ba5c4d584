"""Values given to a form the way a person gives them: a click to open a list and a click
on the entry, a click into a field, everything in it selected and the new text typed.

Tests use these instead of ``setCurrentIndex``/``setDate``/``setValue``, which prove
nothing about what a person can do (a disabled box, a list without the entry, a field
that refuses the keys would all pass)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QTabWidget, QWidget
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
    window = box.window()
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    view = box.view()
    qtbot.waitUntil(view.isVisible)
    entry = box.model().index(index, box.modelColumn())
    view.scrollTo(entry)
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(entry).center()
    )
    qtbot.waitUntil(lambda: not view.isVisible())
    if window.isVisible():  # as a window manager does once the list is closed (offscreen
        window.activateWindow()  # gives the focus to no window)
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        box.setFocus()
    assert box.currentIndex() == index, (box.currentText(), text, data)


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
