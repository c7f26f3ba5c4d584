"""New round…: the state office asks local entities for a period's figures by a deadline.
The same dialog, given an open round, changes what it asks for (Change what is asked…)."""

from __future__ import annotations

from sqlalchemy import select

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from intl_desk.core.errors import IntlDeskError
from intl_desk.core.evaluation.entry import measured_entities
from intl_desk.core.folding import fold
from intl_desk.core.i18n import N_, Message, _
from intl_desk.core.model import CollectionRound, Indicator, Period
from intl_desk.core.round_changes import change_asked
from intl_desk.core.rounds import open_round
from intl_desk.store.office_file import OfficeFile
from intl_desk.ui.date_field import DateField

ID_ROLE = Qt.ItemDataRole.UserRole + 1


def _checkable(box: QListWidget, label: str, record_id: str) -> None:
    item = QListWidgetItem(label)
    item.setData(ID_ROLE, record_id)
    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
    item.setCheckState(Qt.CheckState.Unchecked)
    box.addItem(item)


def _checked(box: QListWidget) -> list[str]:
    return [
        str(box.item(row).data(ID_ROLE))
        for row in range(box.count())
        if box.item(row).checkState() == Qt.CheckState.Checked
    ]


class NewRoundDialog(QDialog):
    """Title, period, deadline, the indicators asked for and the entities asked (a filter
    and "Check all shown" for a state's hundreds of municipalities); OK opens the round."""

    def __init__(
        self, office: OfficeFile, parent: QWidget | None = None, round_id: str | None = None
    ) -> None:
        """With ``round_id``, the round's indicators and entities are ticked and OK saves
        what is asked; its title, period and deadline are shown, not changed here."""
        super().__init__(parent)
        self.setObjectName("newRoundDialog")
        self.setWindowTitle(_("Change what is asked") if round_id else _("New collection round"))
        self.office = office
        self.round_id: str | None = None
        self.changing = round_id
        #: what was saved, said by the rounds page (when changing a round)
        self.saved: Message | None = None
        self.title = QLineEdit()
        self.title.setObjectName("roundTitle")
        self.title.setPlaceholderText(_("2026 yearly figures"))
        self.period = QComboBox()
        self.period.setObjectName("roundPeriod")
        self.deadline = DateField()
        self.deadline.setObjectName("roundDeadline")
        self.instructions = QLineEdit()
        self.instructions.setObjectName("roundInstructions")
        self.indicators = QListWidget()
        self.indicators.setObjectName("roundIndicators")
        self.entity_filter = QLineEdit()
        self.entity_filter.setObjectName("roundEntityFilter")
        self.entity_filter.setPlaceholderText(_("Type to find a local entity"))
        self.entity_filter.textChanged.connect(self._filter_entities)
        self.entities = QListWidget()
        self.entities.setObjectName("roundEntities")
        self.check_shown = QPushButton(_("Check all shown"))
        self.check_shown.setObjectName("checkAllShown")
        self.check_shown.clicked.connect(self._check_all_shown)
        self.ticked = QLabel()
        self.ticked.setObjectName("tickedCount")
        self.entities.itemChanged.connect(lambda _item: self._count_ticked())
        self.message = QLabel()
        self.message.setObjectName("roundMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b3261e")
        self._fill()
        if round_id is not None:
            self._show_round(round_id)
        self._count_ticked()

        form = QFormLayout()
        form.addRow(_("Title"), self.title)
        form.addRow(_("Period of the figures"), self.period)
        form.addRow(_("Deadline"), self.deadline)
        form.addRow(_("Instructions"), self.instructions)
        lists = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(QLabel(_("Indicators asked for")))
        left.addWidget(self.indicators, 1)
        right = QVBoxLayout()
        right.addWidget(QLabel(_("Local entities asked")))
        right.addWidget(self.entity_filter)
        right.addWidget(self.entities, 1)
        ticking = QHBoxLayout()
        ticking.addWidget(self.check_shown)
        ticking.addWidget(self.ticked, 1)
        right.addLayout(ticking)
        lists.addLayout(left, 1)
        lists.addLayout(right, 1)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setText(_("Save what is asked") if round_id else _("Open the round"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(lists, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(760, 560)

    def _fill(self) -> None:
        with self.office.session() as session:
            periods = session.execute(
                select(Period.id, Period.label)
                .where(Period.deleted_at.is_(None))
                .order_by(Period.start_date.desc())
            ).all()
            indicators = session.execute(
                select(Indicator.id, Indicator.name)
                .where(Indicator.deleted_at.is_(None), Indicator.formula.is_(None))
                .order_by(Indicator.search_key, Indicator.name)
            ).all()
            entities = measured_entities(session)
        for period_id, label in periods:
            self.period.addItem(label, period_id)
        for indicator_id, name in indicators:
            _checkable(self.indicators, name, indicator_id)
        for entity_id, name, _parent in entities:
            _checkable(self.entities, name, entity_id)

    def _show_round(self, round_id: str) -> None:
        with self.office.session() as session:
            chosen = session.get(CollectionRound, round_id)
            assert chosen is not None
            indicators = {r.indicator_id for r in chosen.indicators if r.deleted_at is None}
            entities = {r.local_entity_id for r in chosen.submissions if r.deleted_at is None}
            self.title.setText(chosen.title)
            self.period.setCurrentIndex(self.period.findData(chosen.period_id))
            self.deadline.set_value(chosen.deadline)
            self.instructions.setText(chosen.instructions or "")
        for field in (self.title, self.period, self.deadline, self.instructions):
            field.setEnabled(False)
        for box, ticked in ((self.indicators, indicators), (self.entities, entities)):
            for row in range(box.count()):
                item = box.item(row)
                if item.data(ID_ROLE) in ticked:
                    item.setCheckState(Qt.CheckState.Checked)

    def _count_ticked(self) -> None:
        self.ticked.setText(
            Message(
                N_("{count} of {total} ticked"),
                {"count": len(_checked(self.entities)), "total": self.entities.count()},
            ).render()
        )

    def _filter_entities(self, text: str) -> None:
        key = fold(text.strip())
        for row in range(self.entities.count()):
            item = self.entities.item(row)
            item.setHidden(bool(key) and key not in fold(item.text()))

    def _check_all_shown(self) -> None:
        for row in range(self.entities.count()):
            item = self.entities.item(row)
            if not item.isHidden():
                item.setCheckState(Qt.CheckState.Checked)

    def save(self) -> None:
        if self.changing is not None:
            self._save_asked(self.changing)
            return
        if self.deadline.text().strip() and self.deadline.value() is None:
            self.message.setText(_("The deadline is not a date this field can read."))
            return
        with self.office.session() as session:
            try:
                opened = open_round(
                    session,
                    title=self.title.text(),
                    period_id=self.period.currentData(),
                    deadline=self.deadline.value(),
                    indicator_ids=_checked(self.indicators),
                    entity_ids=_checked(self.entities),
                    instructions=self.instructions.text(),
                )
                session.commit()
            except IntlDeskError as error:
                session.rollback()
                self.message.setText(str(error))
                return
            self.round_id = opened.id
        self.accept()

    def _save_asked(self, round_id: str) -> None:
        with self.office.session() as session:
            try:
                said = change_asked(
                    session, round_id, _checked(self.indicators), _checked(self.entities)
                )
                session.commit()
            except IntlDeskError as error:
                session.rollback()
                self.message.setText(str(error))
                return
        self.round_id, self.saved = round_id, said
        self.accept()
