"""A bulk write (an import) runs in a 16 MB page cache instead of SQLite's 2 MB, which
let go of the indexes' pages between two rows and wrote and read them again (a third of
writing 50,000 agreements); the transaction after it is back to the default."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from intl_desk.core.model import Agreement
from intl_desk.exchange import bulk
from intl_desk.store.bulk_cache import BULK_CACHE_KIB
from intl_desk.store.office_file import OfficeFile


def _cache_size(session: Session) -> int:
    return int(session.connection().exec_driver_sql("PRAGMA cache_size").scalar_one())


def test_a_bulk_write_has_a_roomier_cache_for_its_transaction_only(
    office: OfficeFile, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[int] = []
    insert_rows = bulk.insert_rows

    def watched(session: Session, *args: object) -> None:
        seen.append(_cache_size(session))
        insert_rows(session, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(bulk, "insert_rows", watched)
    with office.session() as session:
        default = _cache_size(session)
        writer = bulk.BulkWriter(session)
        writer.add(Agreement, {"title": "Jumelage Lyon – Porto", "type": "twinning"})
        writer.flush()
        session.commit()
        assert _cache_size(session) == default  # a new connection after the commit
    assert seen and set(seen) == {-BULK_CACHE_KIB}
    assert default == -2000  # SQLite's own
