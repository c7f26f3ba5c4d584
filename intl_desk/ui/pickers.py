"""Pickers shared by the forms: countries with localised names, places from the gazetteer,
partners found by typing and created inline."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

import pycountry
from sqlalchemy.orm import Session

from PySide6.QtCore import QModelIndex, QObject, QRect, QStringListModel, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QPainter,
    QPen,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from intl_desk.core.display import country_name, sort_key
from intl_desk.core.i18n import N_, Message, _
from intl_desk.core.model import Partner, new_uuid
from intl_desk.core.model.base import fold
from intl_desk.core.reference import City, search_cities
from intl_desk.core.validation import EXTRA_COUNTRY_CODES
from intl_desk.store.office_file import OfficeFile


def country_choices() -> list[tuple[str, str]]:
    """(code, name in the current language), sorted as a reader of that language expects."""
    codes = {country.alpha_2 for country in pycountry.countries} | set(EXTRA_COUNTRY_CODES)
    pairs = [(code, country_name(code)) for code in codes]
    return sorted(pairs, key=lambda pair: sort_key(pair[1]))


def show_start(box: QComboBox) -> None:
    """An editable combo shows the beginning of a long label ("Région Auvergne-Rhône-…"),
    not its end, whenever its choice changes."""
    line_edit = box.lineEdit()
    if line_edit is None:
        return
    line_edit.setCursorPosition(0)
    if not box.property("shows_start"):
        box.setProperty("shows_start", True)
        box.currentIndexChanged.connect(lambda _index: line_edit.setCursorPosition(0))


def make_country_picker(box: QComboBox, optional: bool = True) -> None:
    """Type to search: "bré" finds Brésil, "PE" finds Pérou, in the user's language."""
    box.clear()
    box.setEditable(True)
    box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    if optional:
        box.addItem("—", None)
    for code, name in country_choices():
        box.addItem(f"{name} ({code})", code)
    completer = QCompleter(box.model(), box)
    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    box.setCompleter(completer)
    show_start(box)


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
        line_edit.setCompleter(self)
        line_edit.textEdited.connect(self._update)
        self.activated[str].connect(self._chosen)  # type: ignore[index]

    def suggestion_text(self, city: City) -> str:
        return f"{city.name} — {country_name(city.country_code)}"

    def _update(self, text: str) -> None:
        if len(text.strip()) < 2:
            self._model.setStringList([])
            return
        cities = search_cities(text.strip(), limit=12)
        self._cities = {self.suggestion_text(city): city for city in cities}
        self._model.setStringList(list(self._cities))

    def _chosen(self, text: str) -> None:
        city = self._cities.get(text)
        if city is not None:
            line_edit = self.widget()
            if isinstance(line_edit, QLineEdit):
                line_edit.setText(city.name)
            self._on_chosen(city)


# --- partners: type to search, create inline ---------------------------------------------

SUGGESTION_ROLE = Qt.ItemDataRole.UserRole + 30
EXISTING_LIMIT = 25
PLACE_LIMIT = 8


class PartnerSearch(QObject):
    """Type to search a combo of partners (or parties), and create a partner inline.

    Typing shows the partners whose label contains the letters (accents ignored), then
    places of the gazetteer not yet partners ("New partner: Łódź — Poland"): picking one
    adds the partner to the form's session, with its country and coordinates, saved with
    the form. The last line opens the partner form for an organisation the gazetteer does
    not know. ``created(value, label)`` tells the form, so other rows can offer it too.
    """

    created = Signal(str, str)

    def __init__(
        self,
        box: QComboBox,
        office: OfficeFile,
        session: Session,
        prefix: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(box)
        self.box = box
        self.office = office
        self.session = session
        self.prefix = prefix
        self.dialog_parent = parent
        self.dialogs: list[QWidget] = []
        box.setEditable(True)
        box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.suggestions = QStandardItemModel(self)
        self.completer = QCompleter(self.suggestions, box)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setMaxVisibleItems(14)
        box.setCompleter(self.completer)
        line_edit = box.lineEdit()
        assert line_edit is not None  # editable since the line above
        line_edit.setPlaceholderText(_("Type to search, or to add a partner"))
        line_edit.textEdited.connect(self.update)
        self.completer.activated[QModelIndex].connect(self._activated)  # type: ignore[index]
        box.currentIndexChanged.connect(self._clear_dash)
        self._clear_dash()
        show_start(box)

    def _clear_dash(self, *_args: Any) -> None:
        """No partner yet: an empty field showing the hint, not a dash to type after (the
        "none" choice is blank, so re-selecting it keeps the field empty)."""
        for index in range(self.box.count()):
            if self.box.itemData(index) is None and self.box.itemText(index) == "—":
                self.box.setItemText(index, "")
        if self.box.currentData() is None:
            self.box.setEditText("")

    def update(self, text: str) -> None:
        """Rebuild the suggestions for what is typed."""
        self.suggestions.clear()
        typed = fold(text.strip())
        if not typed:
            return
        labels = set()
        shown = 0
        for index in range(self.box.count()):
            label = self.box.itemText(index)
            labels.add(fold(label))
            if self.box.itemData(index) is not None and typed in fold(label):
                if shown < EXISTING_LIMIT:
                    self._suggest(label, ("existing", index))
                shown += 1
        if len(typed) >= 2:
            cities = search_cities(text.strip(), limit=PLACE_LIMIT * 2)
            twins = Counter((city.name, city.country_code) for city in cities)
            for city in cities:
                country = country_name(city.country_code)
                if fold(f"{city.name} ({country})") in labels:
                    continue  # already a partner
                if twins[(city.name, city.country_code)] > 1 and not city.admin1.isdigit():
                    country = f"{country} ({city.admin1})"  # Lodi, CA and Lodi, NJ
                self._suggest(
                    Message(
                        N_("New partner: {place} — {country}"),
                        {"place": city.name, "country": country},
                    ).render(),
                    ("place", city),
                )
                if self.suggestions.rowCount() >= shown + PLACE_LIMIT:
                    break
        self._suggest(
            Message(N_("New partner “{name}”…"), {"name": text.strip()}).render(),
            ("form", text.strip()),
        )

    def _suggest(self, label: str, action: tuple[str, Any]) -> None:
        item = QStandardItem(label)
        item.setData(action, SUGGESTION_ROLE)
        if action[0] != "existing":  # what would be created reads apart from what exists
            font = item.font()
            font.setItalic(True)
            item.setFont(font)
        self.suggestions.appendRow(item)

    def _activated(self, index: QModelIndex) -> None:
        self.choose(index.data(SUGGESTION_ROLE))

    def choose(self, action: tuple[str, Any] | None) -> None:
        if not action:
            return
        kind, value = action
        if kind == "existing":
            self.box.setCurrentIndex(value)
        elif kind == "place":
            self.add_place(value)
        elif kind == "form":
            self.open_partner_form(value)

    def add_place(self, city: City) -> Partner:
        """A partner for a gazetteer place, pending in the form's session."""
        partner = Partner(
            id=new_uuid(),
            name=city.name,
            kind="city",
            country_code=city.country_code,
            latitude=city.latitude,
            longitude=city.longitude,
            population=city.population or None,
            geonames_id=city.geonameid,
        )
        self.session.add(partner)
        self.add_choice(partner.id, f"{city.name} ({country_name(city.country_code)})")
        return partner

    def add_choice(self, partner_id: str, label: str) -> None:
        value = f"{self.prefix}{partner_id}"
        if self.box.findData(value) < 0:
            self.box.addItem(label, value)
        self.box.setCurrentIndex(self.box.findData(value))
        self.created.emit(value, label)

    def open_partner_form(self, name: str) -> QWidget:
        """The partner form, its name typed in; once saved, the partner is picked here."""
        from intl_desk.ui.dialogs.partner import PartnerDialog

        dialog = PartnerDialog(
            self.office, None, self.dialog_parent or self.box.window(), template=Partner(name=name)
        )

        def saved(partner_id: str) -> None:
            partner = dialog.record
            label = f"{partner.name} ({country_name(partner.country_code)})"  # type: ignore[attr-defined]
            self.add_choice(partner_id, label)

        dialog.saved.connect(saved)
        dialog.show()
        self.dialogs.append(dialog)
        return dialog


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
    the closed combo shows the bare name, the tooltip the whole path."""
    path: list[str] = []
    for index in range(box.count()):
        label = box.itemText(index)
        name = label.lstrip(" ")
        depth = (len(label) - len(name)) // 4
        if depth == 0 and box.itemData(index) is None:
            continue  # the "—" of an optional choice
        path[depth:] = [name]
        box.setItemText(index, name)
        box.setItemData(index, depth, DEPTH_ROLE)
        box.setItemData(index, " › ".join(path), Qt.ItemDataRole.ToolTipRole)
    if not isinstance(box.view().itemDelegate(), TreeIndentDelegate):
        box.view().setItemDelegate(TreeIndentDelegate(box.view()))
