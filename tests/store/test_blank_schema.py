"""A new office file is made from the schema the migrations make, written out as a
script, so that File › New does not import Alembic (11 MiB kept in the window's process
for as long as it ran)."""

from __future__ import annotations

import importlib.util
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path
from types import ModuleType

from intl_desk.store.blank_schema import make_blank_schema, script_path, statements
from intl_desk.store.connection import make_engine

ROOT = Path(__file__).resolve().parents[2]


def _builder() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "build_blank_schema", ROOT / "tools" / "build_blank_schema.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _everything(path: Path) -> tuple[list[tuple[str, ...]], dict[str, list[tuple[object, ...]]]]:
    """Every object of the database at ``path`` with its SQL, and every table's rows."""
    connection = sqlite3.connect(path)
    try:
        objects = connection.execute(
            "SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_master ORDER BY name"
        ).fetchall()
        rows = {
            name: sorted(connection.execute(f'SELECT * FROM "{name}"').fetchall(), key=repr)
            for kind, name, _table, _sql in objects
            if kind == "table"
        }
        return objects, rows
    finally:
        connection.close()


def test_the_script_makes_what_the_migrations_make(tmp_path: Path) -> None:
    migrated = tmp_path / "migrated.sqlite"
    _builder().migrated_database(migrated)
    scripted = tmp_path / "scripted.sqlite"
    engine = make_engine(scripted, create=True)
    with engine.begin() as connection:
        make_blank_schema(connection)
    engine.dispose()
    objects, rows = _everything(scripted)
    assert (objects, rows) == _everything(migrated), "stale: run python tools/build_blank_schema.py"
    assert len([kind for kind, *_rest in objects if kind == "table"]) > 40
    assert rows["alembic_version"] == [(max(rows["alembic_version"])[0],)]


def test_the_shipped_script_is_the_one_the_migrations_give() -> None:
    shipped = script_path().read_text(encoding="utf-8")
    assert shipped == _builder().render(), "stale: run python tools/build_blank_schema.py"


def test_a_trigger_whose_body_holds_semicolons_stays_one_statement() -> None:
    script = textwrap.dedent(
        """\
        -- a comment
        CREATE TABLE partner (name TEXT);

        CREATE TRIGGER named AFTER INSERT ON partner BEGIN
            UPDATE partner SET name = 'Łódź; Córdoba' WHERE name = '';
            SELECT 1;
        END;
        INSERT INTO "partner" VALUES ('São João del-Rei');
        """
    )
    found = statements(script)
    assert len(found) == 3
    assert found[1].startswith("CREATE TRIGGER") and found[1].endswith("END;")


def test_a_new_office_file_is_made_without_importing_alembic(tmp_path: Path) -> None:
    target = tmp_path / "Prefeitura de São João del-Rei.sqlite"
    code = textwrap.dedent(
        f"""
        import sys
        from intl_desk.store.office_file import OfficeFile
        with OfficeFile.create({str(target)!r}, "São João del-Rei", own_entity="Prefeitura"):
            pass
        print(sorted(m for m in ("alembic", "mako", "pygments") if m in sys.modules))
        """
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split("\n")[-2] == "[]"
    connection = sqlite3.connect(target)
    try:
        assert connection.execute("SELECT name FROM office").fetchall() == [("São João del-Rei",)]
        assert connection.execute("PRAGMA quick_check").fetchall() == [("ok",)]
    finally:
        connection.close()
