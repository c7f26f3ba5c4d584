"""Pickers shared by the forms: countries with localised names, places from the gazetteer,
local entities drawn as a tree. Typing to search, and partners created inline, live in
:mod:`intl_desk.ui.combo_search` (re-exported here)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, QRect, QStringListModel, Qt
from PySide6.QtGui import QColor, QFont, QKeyEvent, QPainter, QPen
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

from intl_desk.core.display import country_name, sort_key
from intl_desk.core.reference import City, search_cities
from intl_desk.core.validation import country_codes
from intl_desk.ui.combo_search import PartnerSearch, make_searchable, show_start

__all__ = ["PartnerSearch", "make_searchable", "show_start"]


def country_choices() -> list[tuple[str, str]]:
    """(code, name in the current language), sorted as a reader of that language expects."""
    pairs = [(code, country_name(code)) for code in country_codes()]
    return sorted(pairs, key=lambda pair: sort_key(pair[1]))


def make_country_picker(box: QComboBox, optional: bool = True) -> None:
    """Type to search: "bre" finds Brésil, "PE" finds Pérou, in the user's language."""
    box.clear()
    if optional:
        box.addItem("—", None)
    for code, name in country_choices():
        box.addItem(f"{name} ({code})", code)
    make_searchable(box)  # "cote" finds Côte d'Ivoire, "viet" Viêt Nam


class PlaceCompleter(QCompleter):
    """Suggests real places (GeoNames) as the user types a partner's name.

    ``on_chosen`` receives the :class:`City` picked, so the form can fill the country
    and the coordinates.
    """

    def __init__(self, line_edit: QLineEdit, on_chosen: Callable[[City], None]) -> None:
        self._model = QStringListModel()
        super().__init__(self._model, line_edit)
        self._cities: dict[str, City] = {}
        self._on_chosen = on_chosen
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        # setWidget, not QLineEdit.setCompleter: the line edit then never writes the
        # suggestion's text ("Frankfurt am Main — Germany") into the name by itself; only
        # _chosen fills the fields, each with its own part of the place
        self.setWidget(line_edit)
        line_edit.textEdited.connect(self._update)
        self.activated[str].connect(self._chosen)  # type: ignore[index]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Escape closes the suggestions only: QCompleter would pass it on to the form,
        which would then ask about closing."""
        if (
            watched is self.popup()
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
        ):
            popup = self.popup()
            if popup is not None:
                popup.hide()
            return True
        return super().eventFilter(watched, event)

    def suggestion_text(self, city: City) -> str:
        return f"{city.name} — {country_name(city.country_code)}"

    def _update(self, text: str) -> None:
        if len(text.strip()) < 2:
            self._model.setStringList([])
            return
        cities = search_cities(text.strip(), limit=12)
        self._cities = {self.suggestion_text(city): city for city in cities}
        self._model.setStringList(list(self._cities))
        popup = self.popup()
        if self._cities:
            self.complete()
        elif popup is not None:
            popup.hide()

    def _chosen(self, text: str) -> None:
        city = self._cities.get(text)
        if city is not None:
            line_edit = self.widget()
            if isinstance(line_edit, QLineEdit):
                line_edit.setText(city.name)
            self._on_chosen(city)


# --- local entities: a tree ------------------------------------------------------------------

DEPTH_ROLE = Qt.ItemDataRole.UserRole + 31
INDENT = 18  # pixels per level, as a tree view indents


class TreeIndentDelegate(QStyledItemDelegate):
    """Draws a combo's items indented by their depth, with a branch line, so the region,
    its municipalities and their services read as a tree while the combo stays a plain
    list (``findData`` and type-to-search keep working)."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Any) -> None:
        depth = int(index.data(DEPTH_ROLE) or 0)
        if depth == 0:
            super().paint(painter, option, index)
            return
        indent = depth * INDENT
        rect = QRect(option.rect)
        option.rect = rect.adjusted(indent, 0, 0, 0)  # a copy of the option paints greyed
        super().paint(painter, option, index)
        option.rect = rect
        painter.save()  # the branch after the text: a pen set before would tint the text
        painter.setPen(QPen(QColor("#9e9e9e")))
        x = rect.left() + indent - INDENT // 2
        middle = rect.center().y()
        painter.drawLine(x, rect.top(), x, middle)
        painter.drawLine(x, middle, x + INDENT // 2 - 2, middle)
        painter.restore()


def show_as_tree(box: QComboBox) -> None:
    """Turn labels indented with spaces (see ``choices.entity_choices``) into a drawn tree:
    the closed combo shows the bare name, the tooltip the whole path, and entities with
    others under them are in bold, like the branches of a tree view."""
    path: list[str] = []
    depths: list[int | None] = []
    for index in range(box.count()):
        label = box.itemText(index)
        name = label.lstrip(" ")
        known = box.itemData(index, DEPTH_ROLE)
        if known is not None and name == label:  # already drawn as a tree
            depths.append(int(known))
            continue
        depth = (len(label) - len(name)) // 4
        if depth == 0 and box.itemData(index) is None:
            depths.append(None)
            continue  # the "—" of an optional choice
        path[depth:] = [name]
        depths.append(depth)
        box.setItemText(index, name)
        box.setItemData(index, depth, DEPTH_ROLE)
        box.setItemData(index, " › ".join(path), Qt.ItemDataRole.ToolTipRole)
    bold = QFont(box.font())
    bold.setBold(True)
    for index, level in enumerate(depths[:-1]):
        following = depths[index + 1]
        if level is not None and following is not None and following > level:
            box.setItemData(index, bold, Qt.ItemDataRole.FontRole)
    if not isinstance(box.view().itemDelegate(), TreeIndentDelegate):
        box.view().setItemDelegate(TreeIndentDelegate(box.view()))
