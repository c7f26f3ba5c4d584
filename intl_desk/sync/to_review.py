"""What a cloned file's synchronisations left for the person to look at, kept across restarts.

Two things: the **conflicts** the server settled by keeping another value (until the person
chooses the values to keep in the conflicts dialog) and the **records it refused** for good
(until the person has read the list and clears it). They are kept on this computer beside
the file's last sync, in ``office-servers.json`` under the file's client id (see
:class:`~intl_desk.sync.trust.KnownServers`), so the status bar still says "3 conflicts"
after the app is closed and opened again. A conflict about the same field again, or a
record refused again, replaces the earlier one.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from typing import Any

from intl_desk.core.i18n import Message
from intl_desk.sync.sync import Refused, SyncConflict, SyncReport
from intl_desk.sync.trust import KnownServers


@dataclass(frozen=True)
class ToReview:
    conflicts: tuple[SyncConflict, ...] = ()
    refused: tuple[Refused, ...] = ()


def _conflict(item: Mapping[str, Any]) -> SyncConflict:
    return SyncConflict(
        str(item["label"]),
        str(item["field"]),
        None if item.get("kept") is None else str(item["kept"]),
        None if item.get("yours") is None else str(item["yours"]),
        str(item.get("table") or ""),
        str(item.get("record_id") or ""),
    )


def _refused(item: Mapping[str, Any]) -> Refused:
    params = item.get("params")
    return Refused(
        str(item["label"]),
        Message(str(item["msgid"]), dict(params) if isinstance(params, dict) else {}),
        str(item.get("table") or ""),
        str(item.get("record_id") or ""),
    )


def _refused_as_json(item: Refused) -> dict[str, Any]:
    return {
        "label": item.label,
        "msgid": item.message.msgid,
        "params": dict(item.message.params),
        "table": item.table,
        "record_id": item.record_id,
    }


def _decoded(items: object, decode: Any) -> list[Any]:
    """The entries that read well (a hand-edited or older file loses only its bad ones)."""
    found = []
    for item in items if isinstance(items, list) else ():
        try:
            found.append(decode(item))
        except (KeyError, TypeError, ValueError):
            continue
    return found


def read_to_review(known: KnownServers, url: str, client_id: str) -> ToReview:
    return read_from(known.left_to_review(url, client_id))


def _conflict_key(item: SyncConflict) -> tuple[str, str, str]:
    return (item.table, item.record_id or item.label, item.field)


def _refused_key(item: Refused) -> tuple[str, str]:
    return (item.table, item.record_id or item.label)


def _merged(earlier: Iterable[Any], later: Iterable[Any], key: Any) -> list[Any]:
    merged = {key(item): item for item in earlier}
    for item in later:
        merged.pop(key(item), None)  # the newest last, in the order they came
        merged[key(item)] = item
    return list(merged.values())


def note_report(known: KnownServers, url: str, client_id: str, report: SyncReport) -> None:
    """Add a sync's conflicts and lasting refusals to what the file keeps for the person
    (refusals the next sync may get through are not kept: they go by themselves)."""
    lasting = [item for item in report.refused if not item.retry]
    if not report.conflicts and not lasting:
        return

    def change(kept: dict[str, Any]) -> None:
        before = read_from(kept)
        kept["conflicts"] = [
            asdict(item)
            for item in _merged(before.conflicts, report.conflicts, _conflict_key)
        ]
        kept["refused"] = [
            _refused_as_json(item) for item in _merged(before.refused, lasting, _refused_key)
        ]

    known.update_left_to_review(url, client_id, change)


def read_from(kept: Mapping[str, Any]) -> ToReview:
    return ToReview(
        tuple(_decoded(kept.get("conflicts"), _conflict)),
        tuple(_decoded(kept.get("refused"), _refused)),
    )


def forget_conflicts(
    known: KnownServers, url: str, client_id: str, done: Iterable[SyncConflict]
) -> None:
    """The person chose the values to keep for these conflicts (one arriving meanwhile
    stays)."""
    keys = {_conflict_key(item) for item in done}

    def change(kept: dict[str, Any]) -> None:
        left = [item for item in read_from(kept).conflicts if _conflict_key(item) not in keys]
        kept["conflicts"] = [asdict(item) for item in left]

    known.update_left_to_review(url, client_id, change)


def forget_refused(known: KnownServers, url: str, client_id: str, done: Iterable[Refused]) -> None:
    """The person read these refusals and cleared the list."""
    keys = {_refused_key(item) for item in done}

    def change(kept: dict[str, Any]) -> None:
        left = [item for item in read_from(kept).refused if _refused_key(item) not in keys]
        kept["refused"] = [_refused_as_json(item) for item in left]

    known.update_left_to_review(url, client_id, change)
