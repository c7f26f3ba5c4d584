"""The activity form: a mission abroad, a delegation received, an event hosted, a meeting.

An activity is what the yearly report counts and what a handover note retells, so the
form links it to whatever it served: one of our entities, a partner, an agreement,
a project, a network.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from PySide6.QtWidgets import QWidget

from intl_desk.core import queries
from intl_desk.core import vocabularies as vocab
from intl_desk.core.display import sort_key
from intl_desk.core.errors import FieldError
from intl_desk.core.i18n import _
from intl_desk.core.model import Activity, Agreement, Network, Project, Record
from intl_desk.store.office_file import OfficeFile
from intl_desk.ui.choices import entity_choices, fill_combo, partner_choices
from intl_desk.ui.dialogs.activity_value import MissionValueTab
from intl_desk.ui.dialogs.contact import widen_error_labels
from intl_desk.ui.fields import allow_empty_number
from intl_desk.ui.forms.ui_activity import Ui_ActivityForm
from intl_desk.ui.pickers import PartnerSearch, make_country_picker, show_as_tree
from intl_desk.ui.record_dialog import RecordDialog


def office_currency(session: Session) -> str:
    """The currency a new amount starts in: the office's own."""
    office = queries.office(session)
    return office.currency if office is not None and office.currency else "EUR"


def currency_choices(in_use: Iterable[str | None]) -> list[tuple[str, str]]:
    """The usual currencies plus any already stored, so opening a record never drops one."""
    codes = list(vocab.CURRENCIES)
    codes += sorted({code for code in in_use if code and code not in codes})
    return [(code, code) for code in codes]


def title_choices(session: Session, model: Any) -> list[tuple[str, str]]:
    """Live agreements or projects by title, sorted for the reader."""
    rows = session.execute(select(model.id, model.title).where(model.deleted_at.is_(None))).all()
    return sorted(((row.id, row.title) for row in rows), key=lambda pair: sort_key(pair[1]))


def network_choices(session: Session, excluded: set[str] | None = None) -> list[tuple[str, str]]:
    """Live networks, "Name (ACRONYM)" when the acronym is not the name itself."""
    rows = session.execute(
        select(Network.id, Network.name, Network.acronym).where(Network.deleted_at.is_(None))
    ).all()
    pairs = [
        (
            row.id,
            f"{row.name} ({row.acronym})" if row.acronym and row.acronym != row.name else row.name,
        )
        for row in rows
        if row.id not in (excluded or set())
    ]
    return sorted(pairs, key=lambda pair: sort_key(pair[1]))


class ActivityDialog(RecordDialog):
    model = Activity
    form_class = Ui_ActivityForm
    vocabularies = {
        "kind": (vocab.ACTIVITY_KINDS, False),
        "status": (vocab.ACTIVITY_STATUSES, False),
    }

    def __init__(
        self,
        office: OfficeFile,
        record_id: str | None = None,
        parent: QWidget | None = None,
        template: Record | None = None,
    ) -> None:
        super().__init__(office, record_id, parent, template)
        self.resize(1000, 720)  # two columns of fields need more room than the default

    def show_errors(self, errors: list[FieldError]) -> None:
        super().show_errors(errors)
        widen_error_labels(self.error_labels.values())

    def setup_extra_tabs(self) -> None:
        ui = self.ui
        session = self.session
        record = self.record
        assert isinstance(record, Activity)
        make_country_picker(ui.country_code, optional=True)
        fill_combo(ui.local_entity_id, entity_choices(session))
        show_as_tree(ui.local_entity_id)
        fill_combo(ui.partner_id, partner_choices(session))
        self.partner_search = PartnerSearch(ui.partner_id, self.office, session, parent=self)
        fill_combo(ui.agreement_id, title_choices(session, Agreement))
        fill_combo(ui.project_id, title_choices(session, Project))
        fill_combo(ui.network_id, network_choices(session))
        if self.is_new and not self._from_template:
            record.currency = office_currency(session)
        fill_combo(ui.currency, currency_choices([record.currency]), optional=False)
        for widget in (ui.participant_count, ui.cost):
            allow_empty_number(widget)
        # before a mission, what it should bring; after it, what it brought and cost
        self.value_tab = MissionValueTab(session, ui)
        self.tabs.addTab(self.value_tab, _("Value"))

    @property
    def activity(self) -> Activity:
        assert isinstance(self.record, Activity)
        return self.record

    def load_extra(self) -> None:
        self.value_tab.load(self.activity)

    def read_extra(self) -> None:
        self.value_tab.read(self.activity)

    def extra_state(self) -> Any:
        return self.value_tab.state()

    def extra_errors(self) -> list[FieldError]:
        return self.value_tab.expected.errors() + self.value_tab.follow_ups.errors()

    def child_ids(self) -> list[str]:
        children = [*self.activity.expected_results, *self.activity.follow_ups]
        return [child.id for child in children if child.id]
