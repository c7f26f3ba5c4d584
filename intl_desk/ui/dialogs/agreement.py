"""The agreement form: what was signed, with whom, to achieve what, until when.

Plain fields are bound by name from ``forms/agreement.ui``; its pages are lifted into the
dialog's own tab bar so the form reads as General, Parties and objectives, Themes and
SDGs, Dates and signature, Links and notes, Documents, History — nothing crowded at
900×700. Child rows (parties, objectives, signatories) are edited in tables; themes,
SDGs, languages and linked projects are sets, synchronised with their link rows so that
only real changes reach the history.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QListWidgetItem, QSizePolicy, QWidget

from intl_desk.core import vocabularies as vocab
from intl_desk.core.errors import FieldError
from intl_desk.core.i18n import N_, Message, _
from intl_desk.core.lifecycle import status_disagreement, status_from_dates
from intl_desk.core.model import (
    Agreement,
    AgreementObjective,
    AgreementParty,
    AgreementProject,
    AgreementSdg,
    AgreementSignatory,
    AgreementTheme,
    Project,
    Record,
)
from intl_desk.ui.agreement_sheet_button import add_print_sheet_button
from intl_desk.ui.child_table import ChildColumn, vocabulary_choices
from intl_desk.ui.choices import (
    ENTITY_PREFIX,
    PARTNER_PREFIX,
    contact_choices,
    fill_combo,
    party_choices,
)
from intl_desk.ui.dialogs.agreement_end import EndDate
from intl_desk.ui.dialogs.agreement_health_note import HealthNote
from intl_desk.ui.dialogs.agreement_parts import (
    PARTIES_HINT,
    SEARCHABLE_FROM,
    RowTable,
    checked_values,
    fill_checklist,
    fill_sdg_checklist,
    flag_tabs,
    followers_text,
    hint_label,
    make_searchable,
    offer,
    set_checked,
    sync_links,
    titled_choices,
)
from intl_desk.ui.dialogs.agreement_survival_note import SurvivalNote
from intl_desk.ui.documents_panel import DocumentsPanel
from intl_desk.ui.fields import NO_DATE
from intl_desk.ui.forms.ui_agreement import Ui_AgreementForm
from intl_desk.ui.pickers import PartnerSearch, show_as_tree
from intl_desk.ui.record_dialog import RecordDialog

#: a remark that does not stop the save (errors are red and do)
NOTE_STYLE = "color: #7a4f00;"


class AgreementDialog(RecordDialog):
    model = Agreement
    form_class = Ui_AgreementForm
    vocabularies = {
        "type": (vocab.AGREEMENT_TYPES, False),
        "status": (vocab.AGREEMENT_STATUSES, False),
        "renewal_decision": (vocab.RENEWAL_DECISIONS, True),
    }
    record: Agreement

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.print_sheet_button = add_print_sheet_button(self)

    def setup_extra_tabs(self) -> None:
        self._loading = True
        ui = self.ui
        session = self.session
        self.pages: list[QWidget] = []
        while ui.sections.count():
            page, title = ui.sections.widget(0), ui.sections.tabText(0)
            ui.sections.removeTab(0)
            self.tabs.addTab(page, title)
            self.pages.append(page)
        self.tabs.removeTab(self.tabs.indexOf(self.form))  # its pages now have their own tabs

        # choices come from a short session of their own, so that a new agreement's session
        # opens no transaction (no lock on the file) until it is saved
        with self.office.session() as lookup:
            contacts = contact_choices(lookup)
            agreements = titled_choices(lookup, Agreement)
            projects = titled_choices(lookup, Project)
            parties = party_choices(lookup)
        fill_combo(ui.responsible_id, contacts)
        fill_combo(ui.renews_id, [pair for pair in agreements if pair[0] != self.record.id])
        ui.amends_id.setModel(ui.renews_id.model())  # one list of (many) agreements for both
        fill_combo(ui.project_choice, projects)
        for box in (ui.responsible_id, ui.renews_id, ui.amends_id, ui.project_choice):
            if box.count() > SEARCHABLE_FROM:
                make_searchable(box)

        self.parties = RowTable(
            session,
            AgreementParty,
            [
                ChildColumn(
                    "party",
                    N_("Party"),
                    "choice",
                    choices=lambda: parties,
                    width=420,
                    prefixed_fields={
                        ENTITY_PREFIX: "local_entity_id",
                        PARTNER_PREFIX: "partner_id",
                    },
                    setup=lambda box: self._search_partners(box, parties),
                ),
                ChildColumn("role", N_("Role"), "choice", vocabulary_choices(vocab.PARTY_ROLES)),
            ],
            AgreementParty,
            defaults={"role": "signatory"},
        )
        self.objectives = RowTable(
            session,
            AgreementObjective,
            [ChildColumn("text", N_("Objective"), "text", width=600)],
            AgreementObjective,
        )
        self.signatories = RowTable(
            session,
            AgreementSignatory,
            [
                ChildColumn("name", N_("Name"), "text", width=240),
                ChildColumn("position", N_("Position"), "text", width=260),
                ChildColumn(
                    "side", N_("Side"), "choice", vocabulary_choices(vocab.SIGNATORY_SIDES)
                ),
            ],
            AgreementSignatory,
            defaults={"side": "ours"},
        )
        ui.parties_layout.addWidget(hint_label(PARTIES_HINT))
        ui.parties_layout.addWidget(self.parties)
        ui.objectives_layout.addWidget(self.objectives)
        ui.signatories_layout.addWidget(self.signatories)

        fill_checklist(
            ui.theme_list, ((term.code, term.display(), "", None) for term in vocab.THEMES)
        )
        fill_checklist(
            ui.language_list, ((term.code, term.display(), "", None) for term in vocab.LANGUAGES)
        )
        fill_sdg_checklist(ui.sdg_list)

        self.documents = DocumentsPanel(session, self.record)
        self.tabs.addTab(self.documents, _("Documents"))

        for table in (self.parties, self.objectives, self.signatories):
            table.changed.connect(self._changed)
        for checklist in (ui.theme_list, ui.sdg_list, ui.language_list):
            checklist.itemChanged.connect(self._changed)
        self.documents.changed.connect(self._changed)
        ui.perpetual.toggled.connect(lambda checked: ui.date_expires.setEnabled(not checked))
        # the status follows the dates until the person chooses one (core/lifecycle.py)
        self.status_note = QLabel()
        self.status_note.setObjectName("status_note")
        self.status_note.setWordWrap(True)
        self.status_note.setStyleSheet(NOTE_STYLE)
        self.status_note.setMinimumWidth(480)  # a sentence, not a column of words
        self.status_note.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.status_note.hide()
        ui.general_layout.insertRow(3, "", self.status_note)
        self._status_by_hand = False
        ui.status.activated.connect(self._status_chosen)
        self.end_date = EndDate(self)  # "Ended on", for an agreement ended early
        self.health_note = HealthNote(self, NOTE_STYLE)  # what the saved agreement lacks
        self.survival_note = SurvivalNote(self)  # whether it survives a change of team
        for date_field in (ui.date_signed, ui.date_expires):
            date_field.dateChanged.connect(self._follow_dates)
        ui.perpetual.toggled.connect(self._follow_dates)
        ui.perpetual.clicked.connect(self._perpetual_clicked)
        ui.add_project.clicked.connect(self.link_project)
        ui.remove_project.clicked.connect(self.unlink_project)
        ui.project_list.itemSelectionChanged.connect(self._update_project_buttons)
        ui.project_choice.currentIndexChanged.connect(self._update_project_buttons)

    # --- loading ------------------------------------------------------------------------

    def load_extra(self) -> None:
        record, ui = self.record, self.ui
        self.end_date.follow_status()
        self.health_note.refresh()
        self.survival_note.refresh()
        self.parties.set_records(record.parties)
        objectives = sorted(record.objectives, key=lambda objective: objective.position)
        self.objectives.set_records(objectives)
        self.signatories.set_records(record.signatories)
        set_checked(ui.theme_list, (link.theme for link in record.themes))
        set_checked(ui.sdg_list, (link.sdg for link in record.sdgs))
        set_checked(ui.language_list, (record.languages or "").split(","))
        ui.project_list.clear()
        for link in record.project_links:
            if link.project is not None:
                self._add_project_item(link.project_id, link.project.title)
        self.documents.load()
        self._show_followers()
        for line in (ui.title, ui.reference, ui.legal_authorisation):
            line.setCursorPosition(0)  # long texts show their beginning
        if self.office.read_only:
            for page in self.pages:
                page.setEnabled(False)
            self.documents.set_read_only(True)
        self._loading = False
        self._update_hint()
        self._update_project_buttons()
        self._follow_dates()

    def _show_followers(self) -> None:
        """Later agreements that renew or amend this one, so the chain reads both ways."""
        text = followers_text(self.session, self.record.id) if self.record.id else ""
        self.ui.followers.setText(text)
        self.ui.followers.setVisible(bool(text))

    # --- reading ------------------------------------------------------------------------

    def read_extra(self) -> None:
        record, ui, session = self.record, self.ui, self.session
        self.parties.sync_into(record.parties)
        self.objectives.sync_into(record.objectives)
        previous = -1  # rows keep their stored positions while these follow the row order
        for objective in self.objectives.records:
            if isinstance(objective, AgreementObjective):
                if objective.position is None or objective.position <= previous:
                    objective.position = previous + 1
                previous = objective.position
        self.signatories.sync_into(record.signatories)
        sync_links(
            session,
            record.themes,
            "theme",
            checked_values(ui.theme_list),
            lambda code: AgreementTheme(theme=code),
        )
        sync_links(
            session,
            record.sdgs,
            "sdg",
            checked_values(ui.sdg_list),
            lambda number: AgreementSdg(sdg=number),
        )
        sync_links(
            session,
            record.project_links,
            "project_id",
            self._linked_project_ids(),
            lambda project_id: AgreementProject(project_id=project_id),
        )
        checked = checked_values(ui.language_list)
        stored = [code for code in (record.languages or "").split(",") if code]
        kept = [code for code in stored if code in checked or code not in vocab.LANGUAGES]
        languages = ",".join(kept + [code for code in checked if code not in kept]) or None
        if record.languages != languages:  # the stored order stays: no change, no history
            record.languages = languages

    def extra_state(self) -> Any:
        ui = self.ui
        return (
            self.parties.state(),
            self.objectives.state(),
            self.signatories.state(),
            tuple(checked_values(ui.theme_list)),
            tuple(checked_values(ui.sdg_list)),
            tuple(checked_values(ui.language_list)),
            tuple(self._linked_project_ids()),
            self.documents.state(),
        )

    def extra_errors(self) -> list[FieldError]:
        """Row errors, named after their table for the summary under the tabs."""
        tables = (
            (self.parties, N_("Parties")),
            (self.objectives, N_("Specific objectives")),
            (self.signatories, N_("Signatories")),
        )
        errors = [
            replace(
                error,
                message=Message(
                    N_("{table}: {message}"), {"table": _(name), "message": str(error)}
                ),
            )
            for table, name in tables
            for error in table.errors()
        ]
        return [*errors, *self.documents.errors(), *self.end_date.errors()]

    def show_errors(self, errors: list[FieldError]) -> None:
        super().show_errors(errors)
        labels = [
            *self.error_labels.values(),
            *(table.error_label for table in (self.parties, self.objectives, self.signatories)),
            self.documents.error_label,
        ]
        for label in self.error_labels.values():  # as wide as their field, not two words
            label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        flag_tabs(self.tabs, labels)

    def child_ids(self) -> list[str]:
        record = self.record
        children: list[Record] = [
            *record.parties,
            *record.objectives,
            *record.themes,
            *record.sdgs,
            *record.signatories,
            *record.project_links,
        ]
        return [child.id for child in children if child.id] + self.documents.child_ids()

    def _search_partners(self, box: QComboBox, parties: list[tuple[str, str]]) -> None:
        """Type to find a party; a partner created inline is offered in the other rows too."""
        show_as_tree(box)
        search = PartnerSearch(box, self.office, self.session, PARTNER_PREFIX, self)
        search.created.connect(lambda value, label: offer(parties, value, label))

    # --- actions ------------------------------------------------------------------------

    def _changed(self, *_args: Any) -> None:
        if not self._loading:
            self._update_hint()
            self.revalidate()

    def _update_hint(self) -> None:
        self.ui.objectives_hint.setVisible(self.objectives.table.rowCount() == 0)

    def _status_chosen(self, *_args: Any) -> None:
        self._status_by_hand = True
        self._follow_dates()

    def _follow_dates(self, *_args: Any) -> None:
        """Propose the status the dates give (a new agreement whose status nobody chose),
        and say when the chosen status disagrees with the dates."""
        if self._loading:
            return
        ui = self.ui
        signed, expires = ui.date_signed.value(), ui.date_expires.value()
        perpetual, today = ui.perpetual.isChecked(), date.today()
        if self.is_new and not self._status_by_hand:
            proposed = status_from_dates(signed, expires, today, perpetual=perpetual)
            index = ui.status.findData(proposed)
            if index >= 0 and index != ui.status.currentIndex():
                ui.status.setCurrentIndex(index)
        note = status_disagreement(
            str(ui.status.currentData() or ""), signed, expires, today, perpetual=perpetual
        )
        self.status_note.setText(note.render() if note is not None else "")
        self.status_note.setVisible(note is not None)

    def _perpetual_clicked(self, checked: bool) -> None:
        if checked:
            self.ui.date_expires.setDate(NO_DATE)

    def _linked_project_ids(self) -> list[str]:
        items = self.ui.project_list
        return [items.item(row).data(Qt.ItemDataRole.UserRole) for row in range(items.count())]

    def _add_project_item(self, project_id: str, title: str) -> None:
        item = QListWidgetItem(title)
        item.setData(Qt.ItemDataRole.UserRole, project_id)
        self.ui.project_list.addItem(item)

    def link_project(self) -> None:
        box = self.ui.project_choice
        project_id = box.currentData()
        if project_id is None or project_id in self._linked_project_ids():
            return
        self._add_project_item(project_id, box.currentText())
        self._changed()
        self._update_project_buttons()

    def unlink_project(self) -> None:
        items = self.ui.project_list
        for item in items.selectedItems():
            items.takeItem(items.row(item))
        self._changed()
        self._update_project_buttons()

    def _update_project_buttons(self) -> None:
        ui = self.ui
        ui.add_project.setEnabled(ui.project_choice.currentData() is not None)
        ui.remove_project.setEnabled(bool(ui.project_list.selectedItems()))
        ui.no_projects.setVisible(ui.project_list.count() == 0)
        ui.project_list.setVisible(ui.project_list.count() > 0)

    # --- the file's lock ----------------------------------------------------------------

    def release_read_lock(self) -> None:
        """End the read transaction while nothing is pending: SQLite holds a shared lock for
        as long as one is open, and any other window's save would wait, then fail."""
        session = self.session
        if session.in_transaction() and not (session.new or session.dirty or session.deleted):
            session.commit()

    def revalidate(self) -> None:
        super().revalidate()
        self.release_read_lock()

    def save(self) -> bool:
        saved = super().save()
        if saved:
            self.release_read_lock()  # the history was re-read after the commit
            self.health_note.refresh()
            self.survival_note.refresh()
        return saved

    def duplicate_values(self) -> dict[str, Any]:
        """A copy keeps parties, themes and SDGs but not objectives, signatories or dates:
        objectives copied from another agreement are the template trap to avoid."""
        values = super().duplicate_values()
        for field in ("date_signed", "date_in_force", "date_expires", "reference"):
            values[field] = None
        values["status"] = "draft"
        values["parties"] = [
            AgreementParty(local_entity_id=p.local_entity_id, partner_id=p.partner_id, role=p.role)
            for p in self.record.parties
            if p.deleted_at is None
        ]
        values["themes"] = [
            AgreementTheme(theme=t.theme) for t in self.record.themes if t.deleted_at is None
        ]
        values["sdgs"] = [AgreementSdg(sdg=s.sdg) for s in self.record.sdgs if s.deleted_at is None]
        return values

    def delete(self) -> None:
        """Deleting the agreement also tombstones its documents, in the same save."""
        documents = list(self.documents.documents)
        for document in documents:
            if document in self.session.new:
                self.session.expunge(document)
            else:
                self.session.delete(document)
        super().delete()
        if self.record.deleted_at is None:  # not confirmed, or refused by the file
            for document in documents:
                self.session.add(document)
