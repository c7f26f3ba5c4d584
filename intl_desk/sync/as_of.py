"""The line a cloned file's reports carry: its figures are the office's as of the last sync."""

from __future__ import annotations

from intl_desk.store.link_row import read_link
from intl_desk.store.office_file import OfficeFile
from intl_desk.sync.status import as_of_text


def file_as_of(office: OfficeFile) -> str | None:
    """"As of the last sync, <date> at <time>" for a file cloned from an office server
    (when it last synchronised on this computer); None for any other file."""
    with office.engine.connect() as connection:
        link = read_link(connection)
    if link is None:
        return None
    # here only: the trust store brings the HTTP client (a third of a second to import),
    # which a report of a file never cloned from a server does not need
    from intl_desk.sync.trust import known_servers

    return as_of_text(known_servers().last_sync(link.server_url, link.client_id))
