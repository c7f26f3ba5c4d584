"""The contact form: a person at one of our entities, at a partner, or elsewhere.

Also, until they move to :mod:`intl_desk.ui.fields`, home of two helpers the network and
activity forms share: checkable code lists (a contact's languages, a network's themes:
several vocabulary codes stored comma-separated, edited as ticks) and full-width
messages under fields.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, cast

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
)

from intl_desk.core import vocabularies as vocab
from intl_desk.core.errors import FieldError
from intl_desk.core.i18n import N_, _
from intl_desk.core.model import Contact, ContactPosition
from intl_desk.core.vocabularies import Vocabulary
from intl_desk.ui.child_table import ChildColumn
from intl_desk.ui.choices import entity_choices, fill_combo, partner_choices
from intl_desk.ui.dialogs.agreement_parts import RowTable
from intl_desk.ui.forms.ui_contact import Ui_ContactForm
from intl_desk.ui.pickers import PartnerSearch, show_as_tree
from intl_desk.ui.record_dialog import RecordDialog

CODE_ROLE = Qt.ItemDataRole.UserRole


def fill_checklist(box: QListWidget, vocabulary: Vocabulary) -> None:
    """One tick box per term, laid out in columns so a long list needs little height."""
    box.clear()
    box.setFlow(QListView.Flow.LeftToRight)
    box.setWrapping(True)
    box.setResizeMode(QListView.ResizeMode.Adjust)
    box.setStyleSheet("QListWidget { padding: 4px; }")  # keep the ticks off the frame
    metrics = box.fontMetrics()
    widest = 0
    for term in vocabulary:
        label = term.display()
        widest = max(widest, metrics.horizontalAdvance(label))
        item = QListWidgetItem(label)
        item.setData(CODE_ROLE, term.code)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Unchecked)
        box.addItem(item)
    # a grid keeps the ticks in aligned columns; room for the box and some air
    box.setGridSize(QSize(widest + 44, metrics.height() + 10))


def fit_checklist_height(box: QListWidget, columns: int) -> None:
    """Tall enough to show every tick without scrolling when laid out in ``columns``."""
    rows = -(-box.count() // columns)
    frame = 2 * box.frameWidth() + 14  # the padding set by fill_checklist, and air
    box.setMinimumHeight(rows * box.gridSize().height() + frame)


def set_checked_codes(box: QListWidget, text: str | None) -> None:
    """Tick the codes of ``text``; a code the vocabulary lacks is kept, shown as itself."""
    codes = [code.strip() for code in (text or "").split(",") if code.strip()]
    known = set()
    for row in range(box.count()):
        item = box.item(row)
        code = item.data(CODE_ROLE)
        known.add(code)
        item.setCheckState(Qt.CheckState.Checked if code in codes else Qt.CheckState.Unchecked)
    for code in codes:
        if code not in known:
            item = QListWidgetItem(code)
            item.setData(CODE_ROLE, code)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            box.addItem(item)
            known.add(code)


def checked_codes(box: QListWidget) -> str | None:
    """The ticked codes in list order, comma-separated, or None when nothing is ticked."""
    codes = [
        str(box.item(row).data(CODE_ROLE))
        for row in range(box.count())
        if box.item(row).checkState() == Qt.CheckState.Checked
    ]
    return ",".join(codes) or None


def widen_error_labels(labels: Iterable[QLabel]) -> None:
    """Messages under fields take the field's width; otherwise they wrap after two words."""
    for label in labels:
        label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)


def exclusive(first: QComboBox, second: QComboBox) -> None:
    """Picking something in one combo resets the other: a record links one or the other."""

    def follow(picked: QComboBox, other: QComboBox) -> None:
        if picked.currentData() is not None and other.currentData() is not None:
            other.setCurrentIndex(0)

    first.currentIndexChanged.connect(lambda: follow(first, second))
    second.currentIndexChanged.connect(lambda: follow(second, first))


class ContactDialog(RecordDialog):
    model = Contact
    form_class = Ui_ContactForm

    @property
    def contact(self) -> Contact:
        return cast(Contact, self.record)

    def setup_extra_tabs(self) -> None:
        ui = self.ui
        fill_combo(ui.local_entity_id, entity_choices(self.session))
        show_as_tree(ui.local_entity_id)
        fill_combo(ui.partner_id, partner_choices(self.session))
        self.partner_search = PartnerSearch(ui.partner_id, self.office, self.session, parent=self)
        fill_checklist(ui.languages_list, vocab.LANGUAGES)
        ui.languages_list.itemChanged.connect(self.revalidate)
        # the positions held over time: a partner's mayor who became governor
        self.positions = RowTable(
            self.session,
            ContactPosition,
            [
                ChildColumn("position", N_("Position"), "text", width=240),
                ChildColumn("organisation", N_("Organisation"), "text", width=200),
                ChildColumn("since", N_("From"), "date", width=110),
                ChildColumn("until", N_("To"), "date", width=110),
            ],
            ContactPosition,
        )
        self.positions.changed.connect(self.revalidate)
        self.tabs.addTab(self.positions, _("Positions held"))

    def show_errors(self, errors: list[FieldError]) -> None:
        super().show_errors(errors)
        widen_error_labels(self.error_labels.values())

    def load_extra(self) -> None:
        set_checked_codes(self.ui.languages_list, self.contact.languages)
        self.positions.set_records(list(self.contact.positions))
        # connected only now the stored values are shown, so a file holding both links
        # keeps them until the user picks one
        exclusive(self.ui.local_entity_id, self.ui.partner_id)

    def read_extra(self) -> None:
        self.positions.sync_into(self.contact.positions)
        languages = checked_codes(self.ui.languages_list)
        if self.contact.languages != languages:
            self.contact.languages = languages

    def extra_state(self) -> Any:
        return (checked_codes(self.ui.languages_list), self.positions.state())

    def extra_errors(self) -> list[FieldError]:
        return self.positions.errors()

    def child_ids(self) -> list[str]:
        return [position.id for position in self.contact.positions if position.id]
