"""What a clone's syncs leave for the person is kept on this computer across restarts."""

from __future__ import annotations

from pathlib import Path

from intl_desk.core.i18n import Message
from intl_desk.sync.sync import Refused, SyncConflict, SyncReport
from intl_desk.sync.to_review import (
    forget_conflicts,
    forget_refused,
    note_report,
    read_to_review,
)
from intl_desk.sync.trust import KnownServers

URL = "https://desk.example.org:8443"


def _conflict(value: str, field: str = "title") -> SyncConflict:
    return SyncConflict("Twinning Łódź", field, "theirs", value, "agreement", "a1")


def _refused(record_id: str, retry: bool = False) -> Refused:
    message = Message("“{label}”: your account may only read.", {"label": record_id})
    return Refused(record_id, message, "partner", record_id, retry)


def test_conflicts_and_refusals_are_kept_per_file_until_dealt_with(tmp_path: Path) -> None:
    known = KnownServers(tmp_path / "office-servers.json")
    report = SyncReport(URL, conflicts=[_conflict("mine")],
                        refused=[_refused("p1"), _refused("p2", retry=True)])  # fmt: skip
    note_report(known, URL, "client-1", report)
    # a later sync: the same field again replaces the earlier conflict
    note_report(known, URL, "client-1", SyncReport(URL, conflicts=[_conflict("mine again"),
                                                                   _conflict("x", "notes")]))

    again = read_to_review(KnownServers(tmp_path / "office-servers.json"), URL, "client-1")
    assert [(item.field, item.yours) for item in again.conflicts] == [
        ("title", "mine again"), ("notes", "x")
    ]
    assert [item.record_id for item in again.refused] == ["p1"]  # the retried one goes by itself
    assert again.refused[0].message.render() == "“p1”: your account may only read."
    assert read_to_review(known, URL, "client-2").conflicts == ()  # another file's own

    forget_conflicts(known, URL, "client-1", again.conflicts[:1])
    forget_refused(known, URL, "client-1", again.refused)
    left = read_to_review(known, URL, "client-1")
    assert [item.field for item in left.conflicts] == ["notes"] and left.refused == ()


def test_a_damaged_entry_loses_only_itself(tmp_path: Path) -> None:
    known = KnownServers(tmp_path / "office-servers.json")
    note_report(known, URL, "c", SyncReport(URL, conflicts=[_conflict("mine")]))

    def damage(kept: dict[str, object]) -> None:
        kept["conflicts"] = [{"label": "no field"}, *kept["conflicts"]]  # type: ignore[list-item]
        kept["refused"] = "not a list"

    known.update_left_to_review(URL, "c", damage)
    kept = read_to_review(known, URL, "c")
    assert [item.yours for item in kept.conflicts] == ["mine"] and kept.refused == ()
