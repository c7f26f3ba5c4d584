"""The activity form's "Value" tab: how a mission travelled and its carbon estimate (with
the factor and its source), what it was expected to bring and what it brought, and its
follow-ups at 3, 6 and 12 months."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from intl_desk.core import vocabularies as vocab
from intl_desk.core.carbon import (
    SOURCE_LICENCE,
    SOURCE_NAME,
    Place,
    estimate,
    explanation,
    licence_text_path,
)
from intl_desk.core.display import date_text, sort_key
from intl_desk.core.i18n import N_, Message, _
from intl_desk.core.mission_origin import origin
from intl_desk.core.mission_value import FollowUpState, follow_up_states
from intl_desk.core.model import (
    Activity,
    ExpectedResult,
    FollowUp,
    Indicator,
    LocalEntity,
    Partner,
    StrategicObjective,
)
from intl_desk.ui.child_table import ChildColumn
from intl_desk.ui.dialogs.agreement_parts import RowTable
from intl_desk.ui.fields import fill_vocabulary

#: the day follow-ups are judged late against (tests give theirs)
today = date.today


def serves_choices(session: Session) -> list[tuple[str, str]]:
    """Strategic objectives then indicators, each said for what it is."""
    objectives = session.execute(
        select(StrategicObjective.id, StrategicObjective.title).where(
            StrategicObjective.deleted_at.is_(None)
        )
    ).all()
    indicators = session.execute(
        select(Indicator.id, Indicator.name).where(Indicator.deleted_at.is_(None))
    ).all()
    def said(msgid: str, name: str) -> str:
        return Message(msgid, {"name": name}).render()

    return [
        *sorted(
            ((f"objective:{r.id}", said(N_("Objective: {name}"), r.title)) for r in objectives),
            key=lambda pair: sort_key(pair[1]),
        ),
        *sorted(
            ((f"indicator:{r.id}", said(N_("Indicator: {name}"), r.name)) for r in indicators),
            key=lambda pair: sort_key(pair[1]),
        ),
    ]


class MissionValueTab(QWidget):
    """Reads and writes the activity's transport mode, expected results and follow-ups."""

    def __init__(self, session: Session, form: Any) -> None:
        super().__init__()
        self.session = session
        self.form = form
        self.transport_mode = QComboBox()
        self.transport_mode.setObjectName("transport_mode")
        fill_vocabulary(self.transport_mode, vocab.TRANSPORT_MODES, True)
        self.carbon = QLabel()
        self.carbon.setObjectName("carbon_estimate")
        self.carbon.setWordWrap(True)
        travel = QFormLayout()
        travel.addRow(_("Transport"), self.transport_mode)
        # the estimate and where its factors come from share one row: a row of a form
        # without a label is given the height of its text's widest wrapping (84 px for
        # two lines: a gap above the expected results)
        carbon_texts = QVBoxLayout()
        travel.addRow(_("Carbon estimate"), carbon_texts)
        carbon_texts.addWidget(self.carbon)
        self.factors_source = QLabel(
            Message(
                N_(
                    "{licence}: the licence under which {source} publishes the factors "
                    "(click it to read its text)."
                ),
                {"source": SOURCE_NAME, "licence": f'<a href="licence">{SOURCE_LICENCE}</a>'},
            ).render()
        )
        self.factors_source.setObjectName("carbon_factors_source")
        self.factors_source.setWordWrap(True)
        self.factors_source.setTextFormat(Qt.TextFormat.RichText)
        self.factors_source.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.factors_source.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.factors_source.linkActivated.connect(self.open_licence)
        carbon_texts.addWidget(self.factors_source)
        choices = serves_choices(session)
        self.expected = RowTable(
            session,
            ExpectedResult,
            [
                ChildColumn("expected", N_("Expected result"), "text", width=260),
                ChildColumn(
                    "serves",
                    N_("Serves"),
                    "choice",
                    choices=lambda: choices,
                    width=300,  # "Objective: …" titles are long; the rest is in the tooltip
                    prefixed_fields={"objective:": "objective_id", "indicator:": "indicator_id"},
                ),
                ChildColumn("obtained", N_("Obtained"), "text", width=260),
            ],
            ExpectedResult,
        )
        self.expected.setObjectName("expected_results")
        months = [(m, Message(N_("{months} months"), {"months": m}).render())
                  for m in vocab.FOLLOW_UP_MONTHS]  # fmt: skip
        self.follow_ups = RowTable(
            session,
            FollowUp,
            [
                ChildColumn("months", N_("After"), "choice", choices=lambda: months, width=110),
                ChildColumn("done_on", N_("Made on"), "date", width=120),
                ChildColumn("notes", N_("What came of it"), "text", width=360),
            ],
            FollowUp,
        )
        self.follow_ups.setObjectName("follow_ups")
        self.due = QLabel()
        self.due.setObjectName("follow_ups_due")
        self.due.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(travel)
        layout.addWidget(QLabel(_("Expected results (before) and what was obtained (after)")))
        layout.addWidget(self.expected, 2)
        layout.addWidget(QLabel(_("Follow-ups at 3, 6 and 12 months")))
        layout.addWidget(self.due)
        layout.addWidget(self.follow_ups, 1)
        for signal in (
            self.transport_mode.currentIndexChanged,
            form.local_entity_id.currentIndexChanged,
            form.partner_id.currentIndexChanged,
            form.participant_count.valueChanged,
        ):
            signal.connect(self.refresh)
        self.follow_ups.changed.connect(self.refresh)  # a follow-up made: said at once
        form.end_date.dateChanged.connect(self.refresh)
        form.start_date.dateChanged.connect(self.refresh)

    def open_licence(self, *_args: object) -> bool:
        """The licence's bundled text, in the user's language where Etalab publishes one."""
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(licence_text_path())))

    def load(self, activity: Activity) -> None:
        index = self.transport_mode.findData(activity.transport_mode)
        self.transport_mode.setCurrentIndex(max(index, 0))
        self.expected.set_records(list(activity.expected_results))
        self.follow_ups.set_records(list(activity.follow_ups))
        self.refresh()

    def read(self, activity: Activity) -> None:
        mode = self.transport_mode.currentData()
        if activity.transport_mode != mode:
            activity.transport_mode = mode
        for position, result in enumerate(self.expected.sync_into(activity.expected_results)):
            if getattr(result, "position", None) != position:
                result.position = position  # type: ignore[attr-defined]
        self.follow_ups.sync_into(activity.follow_ups)

    def state(self) -> tuple[Any, ...]:
        return (self.transport_mode.currentData(), self.expected.state(), self.follow_ups.state())

    def _place(self, model: Any, record_id: str | None) -> Place | None:
        record = self.session.get(model, record_id) if record_id else None
        return Place(record.name, record.latitude, record.longitude) if record else None

    def refresh(self, *_args: object) -> None:
        """The estimate and the due dates as the form stands, before it is saved."""
        count = self.form.participant_count
        people = None if count.value() == count.minimum() else count.value()
        entity_id = self.form.local_entity_id.currentData()
        leaving_from = origin(self.session, entity_id)
        carbon = estimate(
            self.transport_mode.currentData(),
            leaving_from,
            self._place(Partner, self.form.partner_id.currentData()),
            people,
        )
        said = explanation(carbon)
        entity = self.session.get(LocalEntity, entity_id) if entity_id else None
        if carbon.kg is not None and leaving_from and entity and leaving_from.name != entity.name:
            lent = Message(
                N_("Leaving from {place}: {entity} has no position of its own."),
                {"place": leaving_from.name, "entity": entity.name},
            ).render()
            said = f"{said} {lent}"
        self.carbon.setText(said)
        end = self.form.end_date.value() or self.form.start_date.value()
        if end is None:
            self.due.setText(_("Give the mission its dates: the follow-ups count from its end."))
            return
        self.due.setText("   ·   ".join(_said(state) for state in self._follow_up_states(end)))

    def _follow_up_states(self, end: date) -> list[FollowUpState]:
        """The follow-ups as the table stands: made ones with their day."""
        made: dict[int, date | None] = {}
        for months, done_on in self.follow_ups.rows_of("months", "done_on"):
            if months is not None and (isinstance(done_on, date) or months not in made):
                made[months] = done_on if isinstance(done_on, date) else None
        return follow_up_states(end, {m: d for m, d in made.items() if d is not None})


def _said(state: FollowUpState) -> str:
    values = {"months": state.months, "date": date_text(state.due)}
    if state.made_on is not None:
        values["made"] = date_text(state.made_on)
        return Message(N_("{months} months: {date} (made on {made})"), values).render()
    if state.asked and state.due < today():
        return Message(N_("{months} months: {date} (late)"), values).render()
    return Message(N_("{months} months: {date}"), values).render()
