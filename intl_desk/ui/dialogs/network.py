"""The network form: a city network, and what the office does in it.

Memberships are not a collection of the network in the model (one network, several
offices' memberships once files are merged), so this form reads and writes the office's
:class:`Membership` rows itself. Each membership holds its participations (events
attended, positions held, statements…); they are edited below the memberships, for the
membership selected, with one table per membership kept alive until saving.
"""

from __future__ import annotations

from datetime import date
from typing import Any, cast

from sqlalchemy import inspect, select

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QLabel,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from intl_desk.core import vocabularies as vocab
from intl_desk.core.errors import FieldError
from intl_desk.core.i18n import N_, Message, _
from intl_desk.core.model import Membership, Network, Participation, Record
from intl_desk.store.office_file import OfficeFile
from intl_desk.ui.child_table import ChildColumn, ChildTable, vocabulary_choices
from intl_desk.ui.choices import contact_choices, entity_choices, fill_combo
from intl_desk.ui.dialogs.activity import currency_choices, network_choices, office_currency
from intl_desk.ui.dialogs.contact import (
    checked_codes,
    fill_checklist,
    fit_checklist_height,
    set_checked_codes,
    widen_error_labels,
)
from intl_desk.ui.dialogs.local_entity import descendant_ids
from intl_desk.ui.forms.ui_network import Ui_NetworkForm
from intl_desk.ui.pickers import country_choices, show_as_tree
from intl_desk.ui.record_dialog import RecordDialog

AnyIndex = QModelIndex | QPersistentModelIndex


def _by_start(participation: Participation) -> tuple[bool, date]:
    """Oldest first, undated last."""
    return (participation.start_date is None, participation.start_date or date.min)


class NetworkDialog(RecordDialog):
    model = Network
    form_class = Ui_NetworkForm
    vocabularies = {"scope": (vocab.NETWORK_SCOPES, False)}

    def __init__(
        self,
        office: OfficeFile,
        record_id: str | None = None,
        parent: QWidget | None = None,
        template: Record | None = None,
    ) -> None:
        super().__init__(office, record_id, parent, template)
        self.resize(1000, 720)  # the membership table has seven columns

    # --- building -----------------------------------------------------------------------

    def setup_extra_tabs(self) -> None:
        ui = self.ui
        session = self.session
        excluded = descendant_ids(session, Network, self.record.id)
        fill_combo(ui.parent_id, network_choices(session, excluded))
        fill_checklist(ui.themes_list, vocab.THEMES)
        fit_checklist_height(ui.themes_list, columns=2)
        ui.themes_list.itemChanged.connect(self.revalidate)
        self.currency = office_currency(session)
        self.tabs.addTab(self._membership_page(), _("Our membership"))

    def _membership_page(self) -> QWidget:
        session = self.session
        # read once: every row's combos offer the same lists
        contacts = contact_choices(session)
        entities = entity_choices(session)
        in_use = session.scalars(select(Membership.currency).distinct()).all()
        currencies = currency_choices(in_use)
        self.memberships = ChildTable(
            session,
            Membership,
            [
                ChildColumn("since", N_("Since"), "date", width=118),
                ChildColumn("until", N_("Until"), "date", width=118),
                ChildColumn(
                    "role", N_("Role"), "choice", vocabulary_choices(vocab.MEMBERSHIP_ROLES), 140
                ),
                ChildColumn("annual_fee", N_("Annual fee"), "money", width=96),
                ChildColumn("currency", N_("Currency"), "choice", lambda: currencies, 76),
                ChildColumn(
                    "focal_contact_id", N_("Focal contact"), "choice", lambda: contacts, 210
                ),
                ChildColumn(
                    "local_entity_id",
                    N_("Our entity"),
                    "choice",
                    lambda: entities,
                    setup=show_as_tree,
                ),
            ],
            self._new_membership,
        )
        countries = country_choices()
        self.participation_columns = [
            ChildColumn(
                "kind", N_("Kind"), "choice", vocabulary_choices(vocab.PARTICIPATION_KINDS), 215
            ),  # wide enough for "Participation à un événement"
            ChildColumn("title", N_("Title"), width=240),
            ChildColumn("start_date", N_("Start date"), "date", width=118),
            ChildColumn("end_date", N_("End date"), "date", width=118),
            ChildColumn("location", N_("Place"), width=130),
            ChildColumn("country_code", N_("Country"), "choice", lambda: countries, 150),
            ChildColumn("description", N_("Description"), width=200),
            ChildColumn("outcome", N_("Outcome"), width=200),
        ]
        #: one participation table per membership row (None until the row is selected)
        self.participation_tables: list[ChildTable | None] = []
        self._first_states: dict[ChildTable, Any] = {}
        model = self.memberships.table.model()
        model.rowsInserted.connect(self._membership_rows_inserted)
        model.rowsRemoved.connect(self._membership_rows_removed)
        self.memberships.table.currentCellChanged.connect(
            lambda row, _column, _old_row, _old_column: self.show_participations(row)
        )
        self.memberships.changed.connect(self.revalidate)
        self.memberships.add_button.clicked.connect(self._membership_added)

        self.participation_hint = QLabel(
            _("Add a membership above, then select it to record its participations.")
        )
        self.participation_hint.setWordWrap(True)
        self.participation_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.participation_hint.setStyleSheet("color: palette(mid);")
        self.participation_stack = QStackedWidget()
        self.participation_stack.addWidget(self.participation_hint)
        self.participation_box = QGroupBox(_("Participations"))
        box_layout = QVBoxLayout(self.participation_box)
        box_layout.addWidget(self.participation_stack)

        page = QWidget()
        layout = QVBoxLayout(page)
        intro = QLabel(
            _(
                "The office's memberships of this network, one row per period or role. "
                "Select a row to see what the office did in it."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        # an office rarely holds more than a few memberships of one network but may
        # record dozens of participations: the lower part gets the room, resizable
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.memberships)
        splitter.addWidget(self.participation_box)
        splitter.setChildrenCollapsible(False)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([170, 430])
        layout.addWidget(splitter, 1)
        return page

    def _new_membership(self) -> Membership:
        membership = Membership(network=self.record, role="member", currency=self.currency)
        self.session.add(membership)  # Network has no collection to cascade it in
        return membership

    def _membership_added(self) -> None:
        """A new row starts as a plain member paying in the office's currency."""
        table = self.memberships.table
        row = table.rowCount() - 1
        for column, value in ((2, "member"), (4, self.currency)):
            box = table.cellWidget(row, column)
            if isinstance(box, QComboBox):
                box.setCurrentIndex(max(box.findData(value), 0))
        self._follow_focus(row)
        self.show_participations(row)

    def _participation_table(self, row: int) -> ChildTable:
        table = self.participation_tables[row]
        if table is None:
            table = ChildTable(
                self.session, Participation, self.participation_columns, Participation
            )
            membership = self.memberships.records[row]
            if isinstance(membership, Membership) and inspect(membership).persistent:
                participations = sorted(membership.participations, key=_by_start)
                table.set_records(participations)
            table.table.setWordWrap(False)  # one line per row; long titles end in "…"
            table.changed.connect(self.revalidate)
            table.add_button.clicked.connect(lambda: self._participation_added(table))
            self.participation_tables[row] = table
            self._first_states[table] = table.state()
            self.participation_stack.addWidget(table)
        return table

    @staticmethod
    def _participation_added(table: ChildTable) -> None:
        box = table.table.cellWidget(table.table.rowCount() - 1, 0)
        if isinstance(box, QComboBox):
            box.setCurrentIndex(max(box.findData("event"), 0))

    # --- keeping participations beside their membership ---------------------------------

    def _membership_rows_inserted(self, _parent: AnyIndex, first: int, last: int) -> None:
        self.participation_tables[first:first] = [None] * (last - first + 1)

    def _membership_rows_removed(self, _parent: AnyIndex, first: int, last: int) -> None:
        for table in self.participation_tables[first : last + 1]:
            if table is not None:
                self.participation_stack.removeWidget(table)
                self._first_states.pop(table, None)
                table.deleteLater()
        del self.participation_tables[first : last + 1]
        self.show_participations(self.memberships.table.currentRow())

    def show_participations(self, row: int) -> None:
        if not 0 <= row < len(self.participation_tables):
            self.participation_box.setTitle(_("Participations"))
            self.participation_stack.setCurrentWidget(self.participation_hint)
            return
        self.participation_box.setTitle(
            Message(N_("Participations in the membership of row {row}"), {"row": row + 1}).render()
        )
        self.participation_stack.setCurrentWidget(self._participation_table(row))

    def _follow_focus(self, row: int) -> None:
        """Clicking a cell's date or list editor selects its row, as clicking text does."""
        for column in range(self.memberships.table.columnCount()):
            widget = self.memberships.table.cellWidget(row, column)
            if widget is not None:
                widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.FocusIn, QEvent.Type.MouseButtonPress) and isinstance(
            watched, QWidget
        ):
            table = self.memberships.table
            index = table.indexAt(watched.pos())
            if index.isValid() and index.row() != table.currentRow():
                table.setCurrentCell(index.row(), index.column())
        return super().eventFilter(watched, event)

    # --- record <-> tabs ----------------------------------------------------------------

    def load_extra(self) -> None:
        record: Any = self.record
        set_checked_codes(self.ui.themes_list, record.themes)
        memberships: list[Membership] = []
        if not self.is_new:
            memberships = list(
                self.session.scalars(
                    select(Membership)
                    .where(Membership.network_id == self.record.id)
                    .where(Membership.deleted_at.is_(None))
                    .order_by(Membership.since)
                )
            )
        self.memberships.set_records(memberships)
        for row in range(len(memberships)):
            self._follow_focus(row)
        if memberships:
            self.memberships.table.setCurrentCell(0, 0)
        self.show_participations(self.memberships.table.currentRow())

    def read_extra(self) -> None:
        record: Any = self.record
        themes = checked_codes(self.ui.themes_list)
        if record.themes != themes:
            record.themes = themes
        self._forget_unsaved_removals()
        for row, membership in enumerate(self.memberships.apply()):
            table = self.participation_tables[row] if row < len(self.participation_tables) else None
            if table is None or not isinstance(membership, Membership):
                continue
            for participation in table.apply():
                if participation not in membership.participations:
                    membership.participations.append(cast(Participation, participation))

    def _forget_unsaved_removals(self) -> None:
        """Rows added then removed before saving are dropped from the session, not deleted.

        ``ChildTable.apply`` asks the session to delete every removed record, which
        SQLAlchemy refuses for records never saved; those are simply forgotten here.
        """
        for membership in list(self.memberships.removed):
            if inspect(membership).pending:
                self.memberships.removed.remove(membership)
                for participation in getattr(membership, "participations", []):
                    self._forget(participation)
                self._forget(membership)
        for row, table in enumerate(self.participation_tables):
            if table is None:
                continue
            owner = self.memberships.records[row]
            siblings = owner.participations if isinstance(owner, Membership) else []
            for participation in list(table.removed):
                if inspect(participation).pending:
                    table.removed.remove(participation)
                    if participation in siblings:
                        siblings.remove(participation)
                    self._forget(participation)

    def _forget(self, record: Record) -> None:
        if record in self.session:
            self.session.expunge(record)

    def extra_state(self) -> Any:
        return (
            checked_codes(self.ui.themes_list),
            self.memberships.state(),
            # a table opened only to look at it is no change: compare with its first state
            tuple(
                (row, table.state())
                for row, table in enumerate(self.participation_tables)
                if table is not None and table.state() != self._first_states.get(table)
            ),
        )

    def extra_errors(self) -> list[FieldError]:
        errors = self.memberships.errors()
        for row, membership in enumerate(self.memberships.records):
            if isinstance(membership, Membership) and not membership.currency:
                errors.append(self._rows_error(N_("Row {row}: choose the fee's currency."), row))
        for row, table in enumerate(self.participation_tables):
            if table is None:
                continue
            for error in table.errors():
                errors.append(
                    self._rows_error(
                        N_("Membership row {row}, participations: {message}"), row, str(error)
                    )
                )
        return errors

    @staticmethod
    def _rows_error(msgid: str, row: int, message: str = "") -> FieldError:
        return FieldError(
            Membership.__tablename__,
            None,
            "rows",
            Message(msgid, {"row": row + 1, "message": message}),
        )

    def child_ids(self) -> list[str]:
        if self.is_new:
            return []
        memberships = self.session.scalars(
            select(Membership.id).where(Membership.network_id == self.record.id)
        ).all()
        participations = self.session.scalars(
            select(Participation.id).where(Participation.membership_id.in_(memberships))
        ).all()
        return [*memberships, *participations]

    def show_errors(self, errors: list[FieldError]) -> None:
        super().show_errors(errors)
        widen_error_labels(self.error_labels.values())

    # --- actions ------------------------------------------------------------------------

    def delete(self) -> None:
        """Deleting a network also tombstones the office's memberships of it."""
        super().delete()
        if self.record.deleted_at is None:
            return
        for membership in self.session.scalars(
            select(Membership).where(
                Membership.network_id == self.record.id, Membership.deleted_at.is_(None)
            )
        ):
            self.session.delete(membership)
        self.session.commit()
