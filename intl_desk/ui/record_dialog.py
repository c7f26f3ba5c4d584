"""The dialog that creates, edits, duplicates and deletes one record.

Subclasses name their compiled Designer form, the model and the vocabularies of their
combo boxes; plain fields are bound by widget name (see :mod:`intl_desk.ui.fields`).
Validation is core's and every change re-runs it, but a field's message shows only once
the person has left that field or tried to save: an empty form is not a page of red
"required" before anything was typed. Room for the likely messages (required fields,
dates) is kept from the start, so a message appearing never moves the field the person
is about to type in. Save refuses with every message shown and the focus on the first
field to fix; closing with unsaved changes asks.
"""

from __future__ import annotations

from typing import Any, ClassVar

from sqlalchemy import event
from sqlalchemy.orm import Session

from PySide6.QtCore import QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from intl_desk.core.display import locale_for
from intl_desk.core.errors import FieldError, IntlDeskError, ValidationError
from intl_desk.core.i18n import N_, Message, _, current_language, translate
from intl_desk.core.model import Record
from intl_desk.core.records import title_of
from intl_desk.core.validation import errors_of, fields_refused_when_empty
from intl_desk.core.vocabularies import Vocabulary
from intl_desk.store.form_sessions import begin_write, release_reads, track_writes
from intl_desk.store.office_file import OfficeFile
from intl_desk.ui.child_table import ChildTable
from intl_desk.ui.combo_search import drop_unused_partners
from intl_desk.ui.date_field import replace_date_edits
from intl_desk.ui.documents_panel import DocumentsPanel
from intl_desk.ui.fields import FieldBinding, bind_fields, fill_vocabulary
from intl_desk.ui.history_panel import HistoryPanel

ERROR_STYLE = "color: #b3261e;"
BANNER_STYLE = "background: #fff3cd; color: #5c4400; padding: 6px 10px; border-radius: 3px;"


class RecordDialog(QDialog):
    """Base of every record form. ``saved`` carries the record id after a save or delete."""

    saved = Signal(str)
    #: a copy of this record was opened in a new form (Duplicate)
    copied = Signal(QDialog)

    model: ClassVar[type[Record]]
    form_class: ClassVar[type[Any]]
    vocabularies: ClassVar[dict[str, tuple[Vocabulary, bool]]] = {}

    def __init__(
        self,
        office: OfficeFile,
        record_id: str | None = None,
        parent: QWidget | None = None,
        template: Record | None = None,
    ) -> None:
        super().__init__(parent)
        self.office = office
        self.session: Session = office.session()
        self._released = False
        self.session.autoflush = False
        # the form holds no transaction while on screen: see store/form_sessions.py
        track_writes(self.session)
        event.listen(self.session, "after_begin", self._release_soon)
        self.record = self._load(record_id, template)
        self.is_new = record_id is None
        self._from_template = template is not None

        self.form = QWidget()
        self.ui = self.form_class()
        self.ui.setupUi(self.form)
        self.date_fields = replace_date_edits(self.form, self.ui)
        for field, (vocabulary, optional) in self.vocabularies.items():
            widget = self.form.findChild(QWidget, field)
            if widget is not None:
                fill_vocabulary(widget, vocabulary, optional)  # type: ignore[arg-type]
        self.bindings: dict[str, FieldBinding] = {
            binding.field: binding for binding in bind_fields(self.form, self.model)
        }
        self.error_labels: dict[str, QLabel] = {}
        self.tabs = QTabWidget()
        self.tabs.addTab(self.form, _("Details"))
        self.history = HistoryPanel()
        self.setup_extra_tabs()
        self.tabs.addTab(self.history, _("History"))
        # messages show for what the person has left (or everything once Save was tried)
        self._touched: set[str] = set()
        self._save_tried = False
        self._first_focus_given = False
        self.panels: list[ChildTable | DocumentsPanel] = [
            *self.tabs.findChildren(ChildTable),
            *self.tabs.findChildren(DocumentsPanel),
        ]
        for panel in self.panels:
            panel.reveal_errors = False
        likely = fields_refused_when_empty(self.model) | {
            date_field.objectName() for date_field in self.date_fields
        }
        for field, binding in self.bindings.items():  # in the form's order
            widget = binding.widget
            always_chosen = (
                isinstance(widget, QComboBox)
                and widget.findData(None) < 0
                and widget.currentIndex() >= 0
            )
            if field in likely and not always_chosen:
                self._error_label(field)

        self.general_error = QLabel()
        self.general_error.setStyleSheet(ERROR_STYLE)
        self.general_error.setWordWrap(True)
        self.general_error.hide()
        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Save)
        self.duplicate_button = QPushButton(_("Duplicate"))
        self.delete_button = QPushButton(_("Delete…"))
        self.buttons.addButton(self.duplicate_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.delete_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.save_button.clicked.connect(self.save)
        # Enter in a field moves on (keyPressEvent); saving is a deliberate Ctrl+S,
        # Ctrl+Enter or a click, never the side effect of Enter in a half-filled form
        for button in self.buttons.buttons():
            if isinstance(button, QPushButton):
                button.setAutoDefault(False)
                button.setDefault(False)
        for keys in (
            QKeySequence(QKeySequence.StandardKey.Save),
            QKeySequence("Ctrl+Return"),
            QKeySequence("Ctrl+Enter"),
        ):
            QShortcut(keys, self, self._save_by_key)
        close_keys = QShortcut(self)  # Ctrl+W (and Ctrl+F4): closes the form, asking first
        close_keys.setKeys(QKeySequence.StandardKey.Close)
        close_keys.activated.connect(self.close)
        self.duplicate_button.clicked.connect(self.duplicate)
        self.delete_button.clicked.connect(self.delete)
        self.buttons.rejected.connect(self.reject)
        # why this record may not be changed here (an office server's scope): see
        # open_read_only
        self.read_only_reason: str | None = None
        self.read_only_banner = QLabel()
        self.read_only_banner.setObjectName("recordReadOnlyBanner")
        self.read_only_banner.setWordWrap(True)
        self.read_only_banner.setStyleSheet(BANNER_STYLE)
        self.read_only_banner.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.read_only_banner)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)

        self.write_fields()
        self.load_extra()
        self._loaded_state = self.widget_state()
        for binding in self.bindings.values():
            signal = binding.changed_signal()
            if signal is not None:
                signal.connect(self.revalidate)
        self.history.load(self.session, None if self.is_new else self.record, self.child_ids())
        self.duplicate_button.setEnabled(not self.is_new)
        self.delete_button.setEnabled(not self.is_new)
        if office.read_only:
            self.form.setEnabled(False)
            for button in (self.save_button, self.duplicate_button, self.delete_button):
                button.setEnabled(False)
        # spin boxes write numbers the reader's way (180 000,00 in French), like the lists
        self.setLocale(QLocale(str(locale_for(current_language()))))
        self.resize(860, 680)
        self._update_title()
        self.revalidate()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_moved)

    # --- hooks for subclasses -----------------------------------------------------------

    def setup_extra_tabs(self) -> None:
        """Add tabs (parties, budget, documents…) before the History tab."""

    def load_extra(self) -> None:
        """Fill the extra tabs from ``self.record``."""

    def read_extra(self) -> None:
        """Copy the extra tabs into ``self.record`` (children included)."""

    def extra_state(self) -> Any:
        """A comparable snapshot of the extra tabs, for the unsaved-changes prompt."""
        return None

    def child_ids(self) -> list[str]:
        """Ids of child rows whose history belongs to this record's."""
        return []

    def extra_errors(self) -> list[FieldError]:
        return []

    # --- record <-> widgets -------------------------------------------------------------

    def _load(self, record_id: str | None, template: Record | None) -> Record:
        if record_id is not None:
            record = self.session.get(self.model, record_id)
            if record is None or record.deleted_at is not None:
                raise LookupError(record_id)
            return record
        record = template if template is not None else self.model()
        self.session.add(record)
        return record

    def write_fields(self) -> None:
        for field, binding in self.bindings.items():
            binding.write(getattr(self.record, field))

    def read_fields(self) -> None:
        for field, binding in self.bindings.items():
            value = binding.read()
            if getattr(self.record, field) != value:
                setattr(self.record, field, value)
        self.read_extra()

    def widget_state(self) -> tuple[Any, ...]:
        return (tuple(binding.read() for binding in self.bindings.values()), self.extra_state())

    @property
    def has_changes(self) -> bool:
        if self.is_new and self._from_template:
            return True
        return self.widget_state() != self._loaded_state

    # --- validation ---------------------------------------------------------------------

    def _error_label(self, field: str) -> QLabel | None:
        if field in self.error_labels:
            return self.error_labels[field]
        binding = self.bindings.get(field)
        if binding is None:
            return None
        container = binding.widget.parentWidget()
        layout = container.layout() if container is not None else None
        label = QLabel()
        label.setObjectName(f"{field}_error")
        label.setStyleSheet(ERROR_STYLE)
        # one line as wide as its field (a word-wrapped label asks for two lines)
        label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        label.hide()
        # The label sits in a holder that keeps its line while the label is hidden:
        # a message coming or going never moves the fields below it.
        holder = QWidget()
        holder.setObjectName(f"{field}_error_room")
        holder.setFixedHeight(label.sizeHint().height())
        holder_layout = QVBoxLayout(holder)
        holder_layout.setContentsMargins(0, 0, 0, 0)
        holder_layout.addWidget(label)
        row = -1
        if isinstance(layout, QFormLayout):
            position: Any = layout.getWidgetPosition(binding.widget)
            row = int(position[0])
        if row < 0 or not isinstance(layout, QFormLayout):
            return None  # a field outside a form layout: its messages go under the tabs
        layout.insertRow(row + 1, "", holder)
        self.error_labels[field] = label
        return label

    def current_errors(self) -> list[FieldError]:
        self.read_fields()
        unreadable = [
            FieldError(self.record.__tablename__, self.record.id, field.objectName(), field.error)
            for field in self.date_fields
            if field.error is not None
        ]
        with self.session.no_autoflush:
            return [*unreadable, *errors_of(self.record, self.session), *self.extra_errors()]

    def show_errors(self, errors: list[FieldError]) -> None:
        by_field: dict[str, list[str]] = {}
        for error in errors:
            by_field.setdefault(error.field, []).append(str(error))
        general: list[str] = []
        for field in set(by_field) | set(self.error_labels):
            messages = by_field.get(field, [])
            label = self._error_label(field)
            if label is None:
                general.extend(messages)
                continue
            shown = messages if self._save_tried or field in self._touched else []
            label.setText(" ".join(shown))
            label.setToolTip(label.text())  # in full, should a language run past the field
            label.setVisible(bool(shown))
        if not (self._save_tried or any(panel.reveal_errors for panel in self.panels)):
            general = []
        self.general_error.setText(" ".join(general))
        self.general_error.setVisible(bool(general))

    def _unit_of(self, widget: QWidget | None) -> str | QWidget | None:
        """The field (by name) or the table/documents panel ``widget`` belongs to."""
        if widget is None:
            return None
        for field, binding in self.bindings.items():
            if binding.widget is widget or binding.widget.isAncestorOf(widget):
                return field
        for panel in self.panels:
            if panel is widget or panel.isAncestorOf(widget):
                return panel
        return None

    def _focus_moved(self, old: QWidget | None, new: QWidget | None) -> None:
        """Leaving a field (not for its own popup, not for another program) touches it."""
        if self._released or old is None or new is None or old.window() is not self:
            return
        if new.window().windowType() == Qt.WindowType.Popup:
            return  # a suggestion list, a calendar or a combo's list: still in the field
        left = self._unit_of(old)
        if left is None or left is self._unit_of(new):
            return
        if isinstance(left, str):
            self._touched.add(left)
        elif isinstance(left, ChildTable | DocumentsPanel):
            left.reveal_errors = True
        self.revalidate()

    def _reveal_all(self) -> None:
        """A save was tried: every message shows, the first field to fix has the focus."""
        self._save_tried = True
        for panel in self.panels:
            panel.reveal_errors = True
        errors = self.current_errors()
        self.show_errors(errors)
        failing = {error.field for error in errors}
        # the first to fix in the order Tab visits them, whichever tab they are on
        widget = self.nextInFocusChain()
        visited: set[int] = set()
        while widget is not None and widget is not self and id(widget) not in visited:
            visited.add(id(widget))
            unit = self._unit_of(widget)
            if isinstance(unit, str) and unit in failing and widget.isEnabled():
                self._focus(self.bindings[unit].widget)
                return
            if isinstance(unit, ChildTable | DocumentsPanel) and unit.error_label.text():
                self._focus(unit)
                return
            widget = widget.nextInFocusChain()

    def showEvent(self, event: QShowEvent) -> None:
        """A new record's form opens with the cursor in its first field: the person
        types at once (without a click into the window first)."""
        super().showEvent(event)
        if self.is_new and not self._first_focus_given:
            self._first_focus_given = True
            widget = self.form.nextInFocusChain()
            while widget is not None and widget is not self.form and self.form.isAncestorOf(widget):
                if isinstance(self._unit_of(widget), str) and widget.isEnabled():
                    widget.setFocus(Qt.FocusReason.OtherFocusReason)
                    return
                widget = widget.nextInFocusChain()

    def _focus(self, widget: QWidget) -> None:
        for index in range(self.tabs.count()):
            page = self.tabs.widget(index)
            if page is not None and (page is widget or page.isAncestorOf(widget)):
                self.tabs.setCurrentIndex(index)
                break
        widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def _release_soon(self, *_args: object) -> None:
        """A read began: let the file go once the current event has been handled."""
        QTimer.singleShot(0, self, self.release_reads)

    def release_reads(self) -> None:
        if not self._released:
            release_reads(self.session)

    @property
    def writable(self) -> bool:
        return not self.office.read_only and self.read_only_reason is None

    def open_read_only(self, reason: str) -> None:
        """The person may read this record but not change it (out of their account's scope
        on the office server): the form says why above it and offers no Save, Duplicate
        or Delete."""
        self.read_only_reason = reason
        self.read_only_banner.setText(reason)
        self.read_only_banner.show()
        self.form.setEnabled(False)
        for button in (self.save_button, self.duplicate_button, self.delete_button):
            button.setEnabled(False)
        for panel in self.panels:
            panel.setEnabled(False)

    def revalidate(self) -> None:
        self.show_errors(self.current_errors())
        self.save_button.setEnabled(self.writable)
        self.release_reads()

    # --- actions ------------------------------------------------------------------------

    def save(self) -> bool:
        """Write the record; with anything to fix, show every message instead and put
        the focus on the first field to fix (False)."""
        if not self.writable:
            return False
        if self.current_errors():
            self._reveal_all()
            return False
        drop_unused_partners(self.session)
        try:
            with self.office.translate_errors():  # busy: said in one sentence, retry later
                begin_write(self.session)
        except IntlDeskError as error:  # nothing was sent: the form is as it was
            QMessageBox.warning(self, _("Not saved"), str(error))
            return False
        try:
            self.session.commit()
        except ValidationError as error:
            self._undo_failed_commit()
            self._save_tried = True
            self.show_errors(list(error.errors))
            return False
        except IntlDeskError as error:
            self._undo_failed_commit()
            QMessageBox.warning(self, _("Not saved"), str(error))
            return False
        self.is_new = self._from_template = False
        self._loaded_state = self.widget_state()
        self.duplicate_button.setEnabled(True)
        self.delete_button.setEnabled(True)
        self.history.load(self.session, self.record, self.child_ids())
        self._update_title()
        self.release_reads()
        self.saved.emit(self.record.id)
        return True

    def _undo_failed_commit(self) -> None:
        """Roll back what was sent, keeping what the person typed: the widgets still hold
        it, and a new record (which a rollback takes out of the session) is put back, so
        the next Save writes it (it used to report a save and write nothing)."""
        self.session.rollback()
        if self.is_new:
            self.session.add(self.record)

    def duplicate_values(self) -> dict[str, Any]:
        skip = {"id", "created_at", "updated_at", "origin_office", "deleted_at"}
        return {
            attribute.key: getattr(self.record, attribute.key)
            for attribute in self.record.__mapper__.column_attrs
            if attribute.key not in skip
        }

    def copy_template(self) -> Record:
        """A new, unsaved record holding what a copy of this one starts from."""
        values = self.duplicate_values()
        for field in ("title", "name"):
            if values.get(field):
                values[field] = Message(N_("{title} (copy)"), {"title": values[field]}).render()
        return self.model(**values)

    def duplicate(self) -> None:
        copy = type(self)(self.office, None, self.parentWidget(), template=self.copy_template())
        copy.saved.connect(self.saved)
        copy.show()
        copy.activateWindow()
        self.copied.emit(copy)

    def delete(self) -> None:
        answer = QMessageBox.question(
            self,
            _("Delete"),
            Message(
                N_(
                    "Delete “{title}”? It stays in the file's history and can be merged "
                    "with other copies of the file."
                ),
                {"title": title_of(self.record)},
            ).render(),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.session.delete(self.record)
        try:
            with self.office.translate_errors():
                begin_write(self.session)
            self.session.commit()
        except IntlDeskError as error:
            self.session.rollback()
            QMessageBox.warning(self, _("Not deleted"), str(error))
            return
        self.saved.emit(self.record.id)
        self._loaded_state = self.widget_state()
        self.is_new = False
        self.accept()

    def _save_by_key(self) -> None:
        if self.save_button.isEnabled():
            self.save()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter in a single-line field moves to the next field, as in a spreadsheet."""
        plain = event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        )
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and plain:
            self.focusNextChild()
            event.accept()
            return
        super().keyPressEvent(event)

    def _update_title(self) -> None:
        kind = translate(self.model.kind_label)
        if self.is_new:
            self.setWindowTitle(Message(N_("New {kind}"), {"kind": kind.lower()}).render())
        else:
            self.setWindowTitle(f"{kind} — {title_of(self.record)}")

    def _may_close(self) -> bool:
        """Ask about unsaved changes; False when the user chose to stay."""
        if self._released or not self.writable or not self.has_changes:
            return True
        answer = QMessageBox.question(
            self,
            _("Unsaved changes"),
            _("Save your changes before closing?"),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Cancel:
            return False
        return answer != QMessageBox.StandardButton.Save or self.save()

    def reject(self) -> None:
        """Close button, Escape and the window's close box all end here (QDialog's
        closeEvent calls reject), so the question is asked once, whichever was used."""
        if self._may_close():
            super().reject()

    def done(self, result: int) -> None:
        super().done(result)
        self._release_session()

    def closeEvent(self, event: QCloseEvent) -> None:
        super().closeEvent(event)
        if event.isAccepted() and not self.isVisible():
            self._release_session()

    def _release_session(self) -> None:
        if not self._released:
            self._released = True
            app = QApplication.instance()
            if isinstance(app, QApplication):
                app.focusChanged.disconnect(self._focus_moved)
            self.session.rollback()
            self.session.close()


Qt_ = Qt  # re-exported for subclasses that align labels
