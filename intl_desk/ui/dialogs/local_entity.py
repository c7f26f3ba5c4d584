"""The local entity form: one piece of our side (the government, a municipality, a service).

Entities form a tree (a region, its municipalities; a city, its departments), so the
"Part of" picker is that tree minus this entity and everything under it: a cycle
cannot be picked, rather than being refused after the fact.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidgetItem

from intl_desk.core import vocabularies as vocab
from intl_desk.core.errors import FieldError
from intl_desk.core.i18n import _
from intl_desk.core.model import LocalEntity
from intl_desk.ui.choices import entity_choices, fill_combo
from intl_desk.ui.dialogs.contact import widen_error_labels
from intl_desk.ui.entity_sheet_button import add_print_sheet_button
from intl_desk.ui.fields import allow_empty_number
from intl_desk.ui.forms.ui_local_entity import Ui_LocalEntityForm
from intl_desk.ui.pickers import show_as_tree
from intl_desk.ui.record_dialog import RecordDialog

ENTITY_ID_ROLE = Qt.ItemDataRole.UserRole


def descendant_ids(session: Session, model: Any, record_id: str | None) -> set[str]:
    """``record_id`` and every live record below it through ``parent_id``, at any depth.

    Shared by the trees of entities and of networks.
    """
    if record_id is None:
        return set()
    rows = session.execute(
        select(model.id, model.parent_id).where(model.deleted_at.is_(None))
    ).all()
    children: dict[str | None, list[str]] = {}
    for row in rows:
        children.setdefault(row.parent_id, []).append(row.id)
    found = {record_id}
    pending = [record_id]
    while pending:
        for child in children.get(pending.pop(), []):
            if child not in found:  # a cycle already in the file must not loop forever
                found.add(child)
                pending.append(child)
    return found


def parent_choices(session: Session, entity_id: str | None) -> list[tuple[str, str]]:
    """The entity tree without ``entity_id``'s own branch: the parents it may have."""
    excluded = descendant_ids(session, LocalEntity, entity_id)
    return [(value, label) for value, label in entity_choices(session) if value not in excluded]


class LocalEntityDialog(RecordDialog):
    model = LocalEntity
    form_class = Ui_LocalEntityForm
    vocabularies = {"kind": (vocab.LOCAL_ENTITY_KINDS, False)}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.print_sheet_button = add_print_sheet_button(self)

    def show_errors(self, errors: list[FieldError]) -> None:
        super().show_errors(errors)
        widen_error_labels(self.error_labels.values())

    def setup_extra_tabs(self) -> None:
        ui = self.ui
        for widget in (ui.latitude, ui.longitude, ui.population):
            allow_empty_number(widget)
        with self.session.no_autoflush:
            fill_combo(ui.parent_id, parent_choices(self.session, self.record.id))
            show_as_tree(ui.parent_id)
        ui.sub_entities_list.itemActivated.connect(self.open_sub_entity)
        self.opened: list[RecordDialog] = []

    def load_extra(self) -> None:
        """List what sits under this entity; an empty list says so instead of staying blank."""
        box = self.ui.sub_entities_list
        box.clear()
        record = self.record
        subs = [] if self.is_new or not isinstance(record, LocalEntity) else record.sub_entities
        for sub in subs:
            item = QListWidgetItem(f"{sub.name} — {vocab.LOCAL_ENTITY_KINDS.label(sub.kind)}")
            item.setData(ENTITY_ID_ROLE, sub.id)
            box.addItem(item)
        if not subs:
            item = QListWidgetItem(_("No entity is placed under this one."))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            box.addItem(item)

    def open_sub_entity(self, item: QListWidgetItem) -> None:
        """Walk down the tree: a sub-entity opens in its own form."""
        entity_id = item.data(ENTITY_ID_ROLE)
        if not entity_id:
            return
        dialog = LocalEntityDialog(self.office, entity_id, self.parentWidget())
        dialog.saved.connect(self.saved)
        dialog.show()
        self.opened.append(dialog)  # without a parent window nothing else keeps it alive
