"""Type to search in a combo box, accents and case ignored; partners created inline.

Qt's own completer matches "lod" to "Lodi" but not to "Łódź", and "cote" not to "Côte
d'Ivoire": offices type names without accents all day. :class:`FoldedSearch` compares
folded texts (:func:`intl_desk.core.folding.fold`, the same rule as the lists' search)
and shows the matching choices under the field; :class:`PartnerSearch` adds places of the
world gazetteer and the partner form, so a partner can be created without leaving a form.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from sqlalchemy.orm import Session

from PySide6.QtCore import QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from intl_desk.core.display import country_name
from intl_desk.core.folding import fold
from intl_desk.core.i18n import N_, Message, _
from intl_desk.core.model import Partner, new_uuid
from intl_desk.core.reference import City, search_cities
from intl_desk.store.office_file import OfficeFile

SUGGESTION_ROLE = Qt.ItemDataRole.UserRole + 30
INLINE_PARTNERS = "inline_partners"  # session.info key: ids of partners created inline
PARTNER_FIELDS = ("partner_id", "funder_partner_id")  # where rows point at a partner
EXISTING_LIMIT = 25
PLACE_LIMIT = 8


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


class FoldedSearch(QObject):
    """Makes ``box`` editable; typing lists the choices whose label contains the letters."""

    def __init__(self, box: QComboBox) -> None:
        super().__init__(box)
        self.box = box
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
        line_edit.textEdited.connect(self.update)
        self.completer.activated[QModelIndex].connect(self._activated)  # type: ignore[index]
        self._folded: list[str] | None = None
        box.model().rowsInserted.connect(self._forget)
        box.model().rowsRemoved.connect(self._forget)
        box.model().modelReset.connect(self._forget)
        line_edit.setPlaceholderText(_("Type to search"))
        box.currentIndexChanged.connect(self._clear_dash)
        self._clear_dash()
        show_start(box)

    def _clear_dash(self, *_args: Any) -> None:
        """No choice yet: an empty field showing the hint, not a dash to type after (the
        "none" choice is blank, so re-selecting it keeps the field empty)."""
        if self.box.count() and self.box.itemData(0) is None and self.box.itemText(0) == "—":
            self.box.setItemText(0, "")  # the "none" choice always comes first
        if self.box.currentData() is None:
            self.box.setEditText("")

    def _forget(self, *_args: Any) -> None:
        self._folded = None
        self._clear_dash()

    def folded_labels(self) -> list[str]:
        if self._folded is None or len(self._folded) != self.box.count():
            self._folded = [fold(self.box.itemText(index)) for index in range(self.box.count())]
        return self._folded

    def update(self, text: str) -> None:
        """Rebuild the suggestions for what is typed."""
        self.suggestions.clear()
        typed = fold(text.strip())
        if not typed:
            return
        shown = 0
        for index, label in enumerate(self.folded_labels()):
            if self.box.itemData(index) is not None and typed in label:
                self.suggest(self.box.itemText(index), ("existing", index))
                shown += 1
                if shown == EXISTING_LIMIT:
                    break
        self.more_suggestions(text.strip(), shown)

    def more_suggestions(self, text: str, shown: int) -> None:
        """Lines after the matching choices (a subclass offers to create one)."""

    def suggest(self, label: str, action: tuple[str, Any]) -> None:
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
        if action and action[0] == "existing":
            self.box.setCurrentIndex(action[1])


class PartnerSearch(FoldedSearch):
    """Type to search a combo of partners (or parties), and create a partner inline.

    After the matching choices come places of the gazetteer not yet partners ("New
    partner: Łódź — Poland"): picking one adds the partner to the form's session, with its
    country and coordinates, saved with the form. The last line opens the partner form for
    an organisation the gazetteer does not know. ``created(value, label)`` tells the form,
    so other rows can offer it too.
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
        self.office = office
        self.session = session
        self.prefix = prefix
        self.dialog_parent = parent
        self.dialogs: list[QWidget] = []
        line_edit = box.lineEdit()
        assert line_edit is not None
        line_edit.setPlaceholderText(_("Type to search, or to add a partner"))

    def more_suggestions(self, text: str, shown: int) -> None:
        if len(fold(text)) >= 2:
            labels = set(self.folded_labels())
            cities = search_cities(text, limit=PLACE_LIMIT * 2)
            twins = Counter((city.name, city.country_code) for city in cities)
            places = 0
            for city in cities:
                country = country_name(city.country_code)
                if fold(f"{city.name} ({country})") in labels:
                    continue  # already a partner
                if twins[(city.name, city.country_code)] > 1 and not city.admin1.isdigit():
                    country = f"{country} ({city.admin1})"  # Lodi, CA and Lodi, NJ
                self.suggest(
                    Message(
                        N_("New partner: {place} — {country}"),
                        {"place": city.name, "country": country},
                    ).render(),
                    ("place", city),
                )
                places += 1
                if places == PLACE_LIMIT:
                    break
        self.suggest(Message(N_("New partner “{name}”…"), {"name": text}).render(), ("form", text))

    def choose(self, action: tuple[str, Any] | None) -> None:
        if not action:
            return
        kind, value = action
        if kind == "place":
            self.add_place(value)
        elif kind == "form":
            self.open_partner_form(value)
        else:
            super().choose(action)

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
        self.session.info.setdefault(INLINE_PARTNERS, set()).add(partner.id)
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


def drop_unused_partners(session: Session) -> None:
    """Forget partners created inline whose row was removed again before saving: picking a
    place and changing one's mind must not leave a stray partner in the file."""
    created: set[str] = session.info.get(INLINE_PARTNERS, set())
    if not created:
        return
    used = {
        getattr(record, field, None)
        for record in (*session.new, *session.dirty)
        for field in PARTNER_FIELDS
        if not isinstance(record, Partner)
        and getattr(record, "deleted_at", None) is None
        and record not in session.deleted
    }
    for record in list(session.new):
        if isinstance(record, Partner) and record.id in created and record.id not in used:
            session.expunge(record)
            created.discard(record.id)


def make_searchable(box: QComboBox) -> FoldedSearch:
    """Type a few letters found anywhere in the labels, with or without accents: "lodz"
    finds Łódź, "joao" São João del-Rei."""
    existing = box.findChild(FoldedSearch)
    return existing if isinstance(existing, FoldedSearch) else FoldedSearch(box)
