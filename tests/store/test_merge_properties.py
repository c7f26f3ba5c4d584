"""Random edits on two copies, merged both ways: same records, nothing lost, idempotent."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from merge_helpers import PARTNERS, copy_of, make_base, records
from sqlalchemy import select

from intl_desk.core.model import Agreement, Partner
from intl_desk.store.merge import merge_files
from intl_desk.store.office_file import OfficeFile

FIELDS = {Partner: ("notes", "website", "region"), Agreement: ("notes", "summary", "reference")}
TITLES = tuple(f"Accord {index}" for index in range(3))

values = st.sampled_from(["", "Łódź", "São João", "Việt Nam", "x", "Córdoba 2"])
edit_op = st.tuples(
    st.just("edit"),
    st.sampled_from([Partner, Agreement]),
    st.integers(0, 5),
    st.integers(0, 2),
    values,
)
delete_op = st.tuples(
    st.just("delete"), st.sampled_from([Partner, Agreement]), st.integers(0, 5), st.just(0),
    st.just(""),
)  # fmt: skip
create_op = st.tuples(st.just("create"), st.just(Partner), st.integers(0, 5), st.just(0), values)
script = st.lists(st.one_of(edit_op, delete_op, create_op), max_size=6)


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_base(tmp_path_factory.mktemp("merge-props") / "base.sqlite")


def _apply(path: Path, operations: list[tuple[Any, ...]]) -> None:
    with OfficeFile.open(path) as office, office.session() as session:
        for action, kind, index, field, value in operations:
            if action == "create":
                session.add(Partner(name=f"Nouveau {value} {index}", country_code="PT"))
                session.commit()
                continue
            name = PARTNERS[index] if kind is Partner else TITLES[index % 3]
            column = kind.name if kind is Partner else kind.title
            record = session.scalars(select(kind).where(column == name)).one()
            if action == "delete":
                session.delete(record)
            else:
                setattr(record, FIELDS[kind][field], value or None)
            session.commit()


def _without(snapshot: dict[str, dict[str, tuple[Any, ...]]], keys: set[tuple[str, str]]) -> Any:
    return {
        table: {rid: row for rid, row in rows.items() if (table, rid) not in keys}
        for table, rows in snapshot.items()
    }


@settings(
    max_examples=8,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(ours_script=script, theirs_script=script)
def test_merging_both_ways(
    base: Path, ours_script: list[tuple[Any, ...]], theirs_script: list[tuple[Any, ...]]
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        a, b = (
            copy_of(base, Path(folder) / "a.sqlite"),
            copy_of(base, Path(folder) / "b.sqlite"),
        )
        _apply(a, ours_script)
        _apply(b, theirs_script)
        ids_before = {
            (table, rid) for path in (a, b) for table, rows in records(path).items() for rid in rows
        }
        a_into_b = copy_of(b, Path(folder) / "ab.sqlite")
        b_into_a = copy_of(a, Path(folder) / "ba.sqlite")
        first = merge_files(a_into_b, a)
        second = merge_files(b_into_a, b)

        conflicted = {(c.table, c.record_id) for c in first.conflicts}
        assert conflicted == {(c.table, c.record_id) for c in second.conflicts}
        merged = records(a_into_b, with_derived=False)
        assert _without(merged, conflicted) == _without(
            records(b_into_a, with_derived=False), conflicted
        )
        # nothing lost: every record of either side is there (live or as a tombstone)
        assert {(table, rid) for table, rows in merged.items() for rid in rows} == ids_before
        # idempotent: merging the same file again finds nothing
        assert not merge_files(a_into_b, a).changed
        assert records(a_into_b, with_derived=False) == merged
        if not conflicted:  # then the agreements' derived names agree too
            assert records(a_into_b) == records(b_into_a)
