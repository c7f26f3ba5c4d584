"""Pickers shared by the forms: countries with localised names, places from the gazetteer."""

from __future__ import annotations

from collections.abc import Callable

import pycountry

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QLineEdit

from intl_desk.core.display import country_name, sort_key
from intl_desk.core.reference import City, search_cities
from intl_desk.core.validation import EXTRA_COUNTRY_CODES


def country_choices() -> list[tuple[str, str]]:
    """(code, name in the current language), sorted as a reader of that language expects."""
    codes = {country.alpha_2 for country in pycountry.countries} | set(EXTRA_COUNTRY_CODES)
    pairs = [(code, country_name(code)) for code in codes]
    return sorted(pairs, key=lambda pair: sort_key(pair[1]))


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
