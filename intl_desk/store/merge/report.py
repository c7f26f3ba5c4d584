"""What a merge did, counted by kind of record, and how to say it to the user."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from intl_desk.core.history import field_label
from intl_desk.core.i18n import N_, Message
from intl_desk.core.tracking import as_text
from intl_desk.store.merge.plan import Conflict, MergePlan, table_specs


@dataclass
class MergeReport:
    """What a merge did (or, for a dry run, would do), counted by table."""

    added: Counter[str] = field(default_factory=Counter)
    updated: Counter[str] = field(default_factory=Counter)
    deleted: Counter[str] = field(default_factory=Counter)
    restored: Counter[str] = field(default_factory=Counter)
    #: records the merge would have made twice (same natural key): kept once
    duplicates: Counter[str] = field(default_factory=Counter)
    conflicts: list[Conflict] = field(default_factory=list)
    history_rows: int = 0
    backup: Path | None = None
    dry_run: bool = False

    @property
    def changed(self) -> bool:
        return bool(
            self.added
            or self.updated
            or self.deleted
            or self.restored
            or self.duplicates
            or self.conflicts
        )

    @classmethod
    def of(
        cls, plan: MergePlan, *, backup: Path | None = None, dry_run: bool = False
    ) -> MergeReport:
        report = cls(conflicts=list(plan.conflicts), history_rows=plan.new_history)
        report.backup, report.dry_run = backup, dry_run
        for collision in plan.collisions:
            report.duplicates[collision.table] += 1
        for table, (_rows, live) in plan.new_rows.items():
            if live - report.duplicates[table]:
                report.added[table] = live - report.duplicates[table]
        for decision in plan.decisions:
            if decision.dropped:  # counted among the duplicates
                continue
            if decision.deleted:
                report.deleted[decision.table] += 1
            elif decision.restored:
                report.restored[decision.table] += 1
            elif decision.fields_taken:
                report.updated[decision.table] += 1
        return report


def kind_label(table: str) -> Message | str:
    """The user's name for a table's records (translated when shown)."""
    for spec in table_specs():
        if spec.name == table and spec.model.kind_label:
            return Message(spec.model.kind_label)
    return table


def _counts(counter: Counter[str]) -> str:
    return ", ".join(f"{kind_label(table)} {count}" for table, count in sorted(counter.items()))


def shown(value: object) -> str:
    """A field's value as one short line."""
    text = as_text(value)
    if text is None:
        return "—"
    text = " ".join(text.split())
    return text if len(text) <= 60 else text[:59] + "…"


def conflict_line(conflict: Conflict) -> Message:
    return Message(
        N_("{kind} “{record}”, field “{field}”: this file has “{ours}”, the other “{theirs}”"),
        {
            "kind": kind_label(conflict.table),
            "record": conflict.label,
            "field": field_label(conflict.table, conflict.field),
            "ours": shown(conflict.this_value),
            "theirs": shown(conflict.other_value),
        },
    )


def report_lines(report: MergeReport) -> list[Message]:
    """The summary: one line per kind of change, then one per conflict."""
    if not report.changed:
        return [Message(N_("Nothing to merge: this file already holds everything in the other."))]
    lines: list[Message] = []
    for counter, msgid in (
        (report.added, N_("Added: {counts}.")),
        (report.updated, N_("Updated: {counts}.")),
        (report.deleted, N_("Deleted: {counts}.")),
        (report.restored, N_("Restored after a later edit: {counts}.")),
        (report.duplicates, N_("Recorded in both files, kept once: {counts}.")),
    ):
        if counter:
            lines.append(Message(msgid, {"counts": _counts(counter)}))
    if report.conflicts:
        lines.append(
            Message(
                N_("Conflicts (the same field changed on both sides): {count}."),
                {"count": len(report.conflicts)},
            )
        )
        lines.extend(conflict_line(conflict) for conflict in report.conflicts)
    return lines
