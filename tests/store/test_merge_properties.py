"""Random edits on two copies of a full office, merged both ways: the same records on both
sides, nothing lost, merging again changes nothing.

The copies start from the city demo, which holds every record kind with its child rows
(parties, objectives, signatories, budget lines, measurements, memberships…). An edit
script changes free-text fields of any kind, deletes any record (a parent takes its
children with it, as in the app), adds partners and adds child rows (themes and
signatories) to agreements. The number of examples comes from the hypothesis profile
(``tests/conftest.py``): 200, derandomised, under CI.
"""

from __future__ import annotations

import tempfile
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from merge_helpers import copy_of, records
from sqlalchemy import select

from intl_desk.core.errors import ValidationError
from intl_desk.core.model import Agreement, AgreementSignatory, AgreementTheme, Base, Partner
from intl_desk.demo import populate_demo
from intl_desk.store.merge import merge_files
from intl_desk.store.merge.plan import table_specs
from intl_desk.store.office_file import OfficeFile

#: what people type into free text, in the four languages
FREE_TEXT = ("notes", "description", "summary", "text", "comment", "purpose", "outcome",
             "justification", "recipient", "source", "location", "organisation")  # fmt: skip
TABLES = tuple(spec.name for spec in table_specs())
values = st.sampled_from(["", "Łódź", "São João del-Rei", "Việt Nam", "x", "Córdoba 2"])
pick = st.integers(0, 10_000)  # which record (modulo the live ones), which field

edit_op = st.tuples(st.just("edit"), st.sampled_from(TABLES), pick, pick, values)
delete_op = st.tuples(st.just("delete"), st.sampled_from(TABLES), pick, st.just(0), values)
create_op = st.tuples(
    st.just("create"), st.sampled_from(["partner", "theme", "signatory"]), pick, st.just(0),
    values,
)  # fmt: skip
script = st.lists(st.one_of(edit_op, delete_op, create_op), max_size=6)


@cache
def _models() -> dict[str, type[Any]]:
    return {mapper.local_table.name: mapper.class_ for mapper in Base.registry.mappers}  # type: ignore[attr-defined]


@cache
def _text_fields(table: str) -> tuple[str, ...]:
    spec = next(spec for spec in table_specs() if spec.name == table)
    return tuple(field for field in spec.fields if field in FREE_TEXT)


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("merge-props") / "base.sqlite"
    office = OfficeFile.create(path, "Ville de Lyon", kind="city", country_code="FR")
    with office, office.session() as session:
        # a quarter of the city demo: every kind and child row, merged in a blink
        populate_demo(session, scale="city", today=date(2026, 6, 1), _size_factor=0.25)
        session.commit()
    return path


def _live(session: Any, model: type[Any], index: int) -> Any:
    rows = session.scalars(
        select(model).where(model.deleted_at.is_(None)).order_by(model.id)
    ).all()
    return rows[index % len(rows)] if rows else None


def _apply(path: Path, operations: list[tuple[Any, ...]]) -> None:
    with OfficeFile.open(path) as office, office.session() as session:
        for action, kind, index, field, value in operations:
            if action == "create":
                agreement = _live(session, Agreement, index)
                if kind == "partner":
                    session.add(Partner(name=f"Nouveau {value} {index}", country_code="PT"))
                elif kind == "theme" and agreement is not None:
                    if "culture" not in {theme.theme for theme in agreement.themes}:
                        agreement.themes.append(AgreementTheme(theme="culture"))
                elif agreement is not None:
                    agreement.signatories.append(
                        AgreementSignatory(name=value or "Maire", side="theirs")
                    )
                session.commit()
                continue
            record = _live(session, _models()[kind], index)
            if record is None:
                continue
            if action == "delete":
                session.delete(record)
            else:
                fields = _text_fields(kind)
                if not fields:
                    continue
                chosen = fields[field % len(fields)]
                if value or record.__table__.c[chosen].nullable:  # a required text stays
                    setattr(record, chosen, value or None)
            try:
                session.commit()
            except ValidationError:
                # refused as the forms refuse it (e.g. a qualitative measurement emptied of
                # its observation): nobody can make this edit, so neither copy holds it
                session.rollback()


def _without(snapshot: dict[str, dict[str, tuple[Any, ...]]], keys: set[tuple[str, str]]) -> Any:
    return {
        table: {rid: row for rid, row in rows.items() if (table, rid) not in keys}
        for table, rows in snapshot.items()
    }


@pytest.mark.slow
@pytest.mark.timeout(900)  # each example merges two files: minutes on a loaded machine
@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
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
