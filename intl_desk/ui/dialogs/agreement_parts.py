"""Widgets the agreement form is built from, general enough for other forms: the table
of child rows (:class:`RowTable`, also in the contact and activity forms), the checklists
and SDG icons, the titled choices.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date
from typing import Any, TypeVar

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QTabWidget,
)

from intl_desk.core.i18n import N_, Message, _, current_language
from intl_desk.core.model import Agreement, Project, Record
from intl_desk.core.reference import sdg_goals
from intl_desk.ui.child_table import ChildTable
from intl_desk.ui.combo_search import make_searchable

R = TypeVar("R", bound=Record)
SEARCHABLE_FROM = 12  # combos longer than this can be searched by typing
PARTIES_HINT = N_(
    "Add a row, then type a name: our entities, the partners in the file and the places "
    "of the world gazetteer are suggested; a new place becomes a partner."
)


def hint_label(msgid: str) -> QLabel:
    """A quiet line of help above a table: grey, wrapped."""
    label = QLabel(_(msgid))
    label.setWordWrap(True)
    label.setStyleSheet("color: palette(placeholder-text);")
    return label


def offer(choices: list[tuple[str, str]], value: str, label: str) -> None:
    """Add a choice created in the form (a partner made inline) for the rows to come."""
    if all(existing != value for existing, _label in choices):
        choices.append((value, label))


def titled_choices(
    session: Session, model: type[Agreement] | type[Project]
) -> list[tuple[str, str]]:
    """Live agreements as "title (signing year)", or projects by title, in reading order.

    Sorted by SQL on the folded ``search_key`` (title first): a state file holds tens of
    thousands of agreements, and folding each title in Python took most of a second.
    """
    signed = Agreement.date_signed if model is Agreement else None
    columns = (model.id, model.title) if signed is None else (model.id, model.title, signed)
    rows = session.execute(
        select(*columns).where(model.deleted_at.is_(None)).order_by(model.search_key, model.title)
    ).all()
    return [(row[0], with_year(row[1], row[2] if len(row) > 2 else None)) for row in rows]


def with_year(title: str, signed: date | None) -> str:
    """ "Charter Lyon – Łódź (2019)", unless the title already names that year."""
    return f"{title} ({signed.year})" if signed and str(signed.year) not in title else title


class RowTable(ChildTable):
    """A :class:`ChildTable` whose new rows start from sensible choices, whose long choice
    lists can be searched, and whose rows removed before their first save simply vanish."""

    def __init__(self, *args: Any, defaults: dict[str, Any] | None = None) -> None:
        super().__init__(*args)
        self.defaults = defaults or {}

    def add_row(self) -> None:
        super().add_row()
        self._polish(self.table.rowCount() - 1, new=True)

    def set_records(self, records: Sequence[Record]) -> None:
        super().set_records(records)
        for row in range(self.table.rowCount()):
            self._polish(row, new=False)

    def _polish(self, row: int, new: bool) -> None:
        for number, column in enumerate(self.columns):
            box = self.table.cellWidget(row, number)
            if not isinstance(box, QComboBox):
                continue
            if new and column.field in self.defaults:
                box.setCurrentIndex(max(box.findData(self.defaults[column.field]), 0))
            if box.count() > SEARCHABLE_FROM and not box.isEditable():
                make_searchable(box)

    def sync_into(self, collection: list[Any]) -> list[Record]:
        """Apply the rows to ``collection``; a new row removed again leaves no trace."""
        for record in list(self.removed):
            if record.id is None or record in self.session.new:
                self.removed.remove(record)
                if record in collection:
                    collection.remove(record)
                if record in self.session:
                    self.session.expunge(record)
        children = self.apply()
        for child in children:
            if child not in collection:
                collection.append(child)
        return children


def sync_links(
    session: Session, collection: list[R], key: str, wanted: Iterable[Any], make: Callable[[Any], R]
) -> None:
    """Make ``collection``'s live rows match ``wanted`` values of ``key``.

    Saved rows unticked are deleted (tombstones at save) and restored if ticked again
    before saving; rows added in this dialog and unticked are simply dropped.
    """
    wanted = list(wanted)
    live = {getattr(child, key): child for child in collection if child.deleted_at is None}
    for value, child in live.items():
        if value in wanted:
            if child in session.deleted:
                session.add(child)
        elif child in session.new or child.id is None:
            collection.remove(child)
            if child in session:
                session.expunge(child)
        elif child not in session.deleted:
            session.delete(child)
    for value in wanted:
        if value not in live:
            collection.append(make(value))


def fill_checklist(
    widget: QListWidget, items: Iterable[tuple[Any, str, str, QIcon | None]]
) -> None:
    """Checkable items: in even columns wide enough for the longest label when the list
    wraps, else one per line as wide as the list (long labels elided, whole in the tooltip)."""
    widget.clear()
    widget.ensurePolished()
    metrics = widget.fontMetrics()
    rows = list(items)
    has_icons = any(icon is not None for *_rest, icon in rows)
    indicator = widget.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth)
    icon_width = widget.iconSize().width() + 6 if has_icons else 0
    widest = max((metrics.horizontalAdvance(label) for _value, label, *_rest in rows), default=0)
    height = max(metrics.height(), widget.iconSize().height() if has_icons else 0) + 8
    columns = widget.isWrapping()
    cell = QSize(indicator + icon_width + widest + 28 if columns else 0, height)
    for value, label, tooltip, icon in rows:
        item = QListWidgetItem(label)
        item.setData(Qt.ItemDataRole.UserRole, value)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Unchecked)
        item.setToolTip(tooltip or label)
        item.setSizeHint(cell)
        if icon is not None:
            item.setIcon(icon)
        widget.addItem(item)
    if columns:
        widget.setGridSize(cell)
    else:
        widget.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)


def checked_values(widget: QListWidget) -> list[Any]:
    return [
        widget.item(row).data(Qt.ItemDataRole.UserRole)
        for row in range(widget.count())
        if widget.item(row).checkState() == Qt.CheckState.Checked
    ]


def set_checked(widget: QListWidget, values: Iterable[Any]) -> None:
    chosen = set(values)
    for row in range(widget.count()):
        item = widget.item(row)
        state = item.data(Qt.ItemDataRole.UserRole) in chosen
        item.setCheckState(Qt.CheckState.Checked if state else Qt.CheckState.Unchecked)


def fill_sdg_checklist(widget: QListWidget) -> None:
    """The 17 goals with their official colour, localised short name and full title."""
    language = current_language()
    fill_checklist(
        widget,
        (
            (
                goal.number,
                goal.short_name(language),
                goal.title_text(language),
                sdg_icon(goal.number, goal.colour),
            )
            for goal in sdg_goals()
        ),
    )


def flag_tabs(tabs: QTabWidget, error_labels: Iterable[QLabel]) -> None:
    """A warning icon on each tab holding a shown error: what stops a save may sit on a
    tab the user is not looking at."""
    shown = [label for label in error_labels if not label.isHidden()]
    warning = tabs.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
    for index in range(tabs.count()):
        page = tabs.widget(index)
        flagged = page is not None and any(page.isAncestorOf(label) for label in shown)
        tabs.setTabIcon(index, warning if flagged else QIcon())


def followers_text(session: Session, agreement_id: str) -> str:
    """ "Renewed or amended by: …" naming the live agreements that point to this one."""
    rows = session.execute(
        select(Agreement.title, Agreement.date_signed).where(
            or_(Agreement.renews_id == agreement_id, Agreement.amends_id == agreement_id),
            Agreement.deleted_at.is_(None),
        )
    ).all()
    if not rows:
        return ""
    names = ", ".join(with_year(title, signed) for title, signed in rows)
    return Message(N_("Renewed or amended by: {names}"), {"names": names}).render()


def sdg_icon(number: int, colour: str, size: int = 20) -> QIcon:
    """The goal's official colour with its number, like the UN's tiles."""
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(colour))
    painter = QPainter(pixmap)
    font = QFont()
    font.setBold(True)
    font.setPixelSize(size * 11 // 20)
    painter.setFont(font)
    painter.setPen(QColor("white"))
    painter.drawText(pixmap.rect(), Qt.AlignmentFlag.AlignCenter, str(number))
    painter.end()
    return QIcon(pixmap)
