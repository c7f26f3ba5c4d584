"""The partner form's Story tab: everything done with this partner over the years (or with
every partner in its country), and the "Print sheet…" button that puts it on one page.

The story is read from the file in a short session of its own when the tab is shown, so
it describes what is saved; the text is built from :mod:`intl_desk.core.partner_story`,
like the printed sheet, so screen and paper agree.
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QPushButton,
    QRadioButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from intl_desk.core.display import country_name, date_text
from intl_desk.core.i18n import N_, Message, _
from intl_desk.core.partner_story import PartnerStory, country_story, partner_story
from intl_desk.reports.partner_sheet import money_lines, print_partner_sheet, project_money
from intl_desk.ui.pdf_output import write_pdf


class PartnerStoryPanel(QWidget):
    """Shows the story of the dialog's saved partner; empty for a partner not yet saved."""

    def __init__(self, dialog: Any) -> None:
        super().__init__()
        self.dialog = dialog
        self.partner_only = QRadioButton(_("This partner"))
        self.partner_only.setObjectName("storyPartnerOnly")
        self.whole_country = QRadioButton()
        self.whole_country.setObjectName("storyWholeCountry")
        self.partner_only.setChecked(True)
        scope = QButtonGroup(self)
        scope.addButton(self.partner_only)
        scope.addButton(self.whole_country)
        scope.buttonClicked.connect(lambda _button: self.refresh())
        self.text = QTextBrowser()
        self.text.setObjectName("storyText")
        self.text.setOpenLinks(False)
        choice = QHBoxLayout()
        choice.addWidget(self.partner_only)
        choice.addWidget(self.whole_country)
        choice.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(choice)
        layout.addWidget(self.text, 1)
        self.story: PartnerStory | None = None
        self.print_button: QPushButton | None = None

    def refresh(self) -> None:
        record = self.dialog.record
        code = getattr(record, "country_code", None)
        self.whole_country.setText(
            Message(
                N_("All partners in {country}"), {"country": country_name(code) or "—"}
            ).render()
        )
        self.whole_country.setEnabled(bool(code) and not self.dialog.is_new)
        if self.dialog.is_new:
            self.story = None
            self.text.setHtml(
                "<p>"
                + escape(_("Save the partner first: its story is read from the file."))
                + "</p>"
            )
            return
        with self.dialog.office.session() as session:
            if self.whole_country.isChecked() and code:
                self.story = country_story(session, code)
            else:
                self.story = partner_story(session, record.id)
        self.text.setHtml(story_html(self.story))


def story_html(story: PartnerStory) -> str:
    """The story as the tab shows it: figures, timeline, then each kind of record."""
    parts = [f"<h2>{escape(story.title)}</h2><p>{escape(story.subtitle)}</p>"]
    if story.is_empty:
        parts.append(
            "<p>"
            + escape(
                _(
                    "Nothing is recorded with this partner yet. Link it to an agreement, a "
                    "project, a mission or a contact and its story appears here."
                )
            )
            + "</p>"
        )
        return "".join(parts)
    figures = [
        (
            _("Agreements"),
            Message(
                N_("{count} ({active} in force)"),
                {"count": len(story.agreements), "active": story.active_agreements},
            ).render(),
        ),
        (_("Projects"), str(len(story.projects))),
        (_("Missions / delegations"), f"{story.missions} / {story.delegations}"),
        (_("Project budgets"), money_lines(story.budget)),
        (_("Spent"), money_lines(story.spent)),
        (_("Co-financing obtained from the partner"), money_lines(story.cofinancing_obtained)),
        (_("Cost of missions and delegations"), money_lines(story.mission_cost)),
    ]
    parts.append("<table cellspacing='0' cellpadding='3'>")
    for label, value in figures:
        parts.append(f"<tr><td>{escape(label)}</td><td><b>{escape(value)}</b></td></tr>")
    parts.append("</table>")
    parts.append(
        "<p><i>"
        + escape(
            _(
                "These figures are the office's contribution to the partnership, as recorded "
                "in this file; they do not measure what the partnership alone caused."
            )
        )
        + "</i></p>"
    )
    parts.append("<h3>" + escape(_("Timeline")) + "</h3>")
    for year, entries in story.timeline:
        items = "".join(f"<li>{escape(entry.text)}</li>" for entry in entries)
        parts.append(f"<p><b>{year}</b></p><ul>{items}</ul>")
    if story.agreements:
        parts.append("<h3>" + escape(_("Agreements")) + "</h3><ul>")
        for agreement in reversed(story.agreements):
            period = " – ".join(date_text(d) for d in (agreement.signed, agreement.expires) if d)
            no_objective = escape(_("No objective recorded"))
            objectives = "".join(f"<li>{escape(o)}</li>" for o in agreement.objectives) or (
                f"<li><i>{no_objective}</i></li>"
            )
            facts = ", ".join(part for part in (agreement.type, agreement.status, period) if part)
            parts.append(
                f"<li><b>{escape(agreement.title)}</b> — {escape(facts)}"
                f"<ul>{objectives}</ul></li>"
            )
        parts.append("</ul>")
    if story.projects:
        parts.append("<h3>" + escape(_("Projects and money")) + "</h3><ul>")
        for project in story.projects:
            money = " · ".join(project_money(project, lambda v, c: money_lines({c: v})))
            parts.append(
                f"<li><b>{escape(project.title)}</b> — {escape(project.status)}<br/>"
                f"{escape(money)}"
                + (f"<br/>{escape(project.results)}" if project.results else "")
                + "</li>"
            )
        parts.append("</ul>")
    if story.activities:
        parts.append("<h3>" + escape(_("Missions and delegations")) + "</h3><ul>")
        for activity in reversed(story.activities):
            when = date_text(activity.start) if activity.start else ""
            cost = money_lines({activity.currency: activity.cost}) if activity.cost else ""
            head = " · ".join(p for p in (when, activity.kind_label, cost) if p)
            parts.append(
                f"<li>{escape(head)} — <b>{escape(activity.title)}</b>"
                + (f"<br/>{escape(activity.outcomes)}" if activity.outcomes else "")
                + "</li>"
            )
        parts.append("</ul>")
    if story.contacts:
        parts.append("<h3>" + escape(_("People")) + "</h3><ul>")
        for contact in story.contacts:
            details = contact.details
            line = f"{contact.name} — {details}" if details else contact.name  # as on the sheet
            parts.append(f"<li>{escape(line)}</li>")
        parts.append("</ul>")
    if story.networks:
        networks = escape(", ".join(story.networks))
        parts.append("<h3>" + escape(_("Networks where we met")) + f"</h3><p>{networks}</p>")
    if story.documents:
        parts.append(
            "<h3>" + escape(_("Evidence kept in the file")) + f"</h3>"
            f"<p>{escape('; '.join(story.documents))}</p>"
        )
    return "".join(parts)


def ask_path(parent: QWidget, suggested: str) -> Path | None:
    chosen, _filter = QFileDialog.getSaveFileName(
        parent, _("Save the partner sheet as PDF"), suggested, _("PDF documents (*.pdf)")
    )
    if not chosen:
        return None
    return Path(chosen if chosen.lower().endswith(".pdf") else f"{chosen}.pdf")


def show_pdf(path: Path) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def add_story_tab(dialog: Any) -> PartnerStoryPanel:
    """Add the Story tab and the Print sheet… button to a partner form."""
    panel = PartnerStoryPanel(dialog)
    panel.setObjectName("storyPanel")
    dialog.tabs.insertTab(dialog.tabs.indexOf(dialog.history), panel, _("Story"))
    dialog.tabs.currentChanged.connect(
        lambda index: panel.refresh() if dialog.tabs.widget(index) is panel else None
    )
    button = QPushButton(_("Print sheet…"))
    button.setObjectName("printSheetButton")
    button.setToolTip(_("The partner's story on one page, as PDF"))
    dialog.buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
    button.clicked.connect(lambda: print_sheet(dialog, panel))
    button.setEnabled(not dialog.office.read_only)
    panel.print_button = button
    return panel


def print_sheet(dialog: Any, panel: PartnerStoryPanel) -> Path | None:
    unsaved = dialog.has_changes or dialog.is_new
    if unsaved and (dialog.office.read_only or not dialog.save()):
        return None
    whole_country = panel.whole_country.isChecked()
    record = dialog.record
    title = country_name(record.country_code) if whole_country else record.name
    name = "".join(c if c.isalnum() or c in " -_" else " " for c in title or "")
    path = ask_path(dialog, f"{' '.join(name.split())[:80] or _('Partner')}.pdf")
    if path is None:
        return None
    office, partner_id, code = dialog.office, record.id, record.country_code
    write_pdf(
        dialog,
        path,
        lambda target: print_partner_sheet(
            office, partner_id, target, country=(code if whole_country else None)
        ),
        lambda written: show_pdf(written),
    )
    return path
