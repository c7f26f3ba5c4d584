"""Reports read columns, not records: printing the overview never configures the ORM."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from overview_office import build_overview_office

from intl_desk.core import columns

#: run as ``python -c``: the command, with the ORM's configuration of its mappers
#: turned into a failure that prints where it was asked for
WATCHED_COMMAND = textwrap.dedent(
    """
    import importlib, sys, traceback
    mappers = importlib.import_module("sqlalchemy.orm.mapper")
    def configured(*args, **kwargs):
        traceback.print_stack()
        raise SystemExit("the ORM's mappers were configured")
    mappers._configure_registries = configured
    from intl_desk.cli.entry import main
    sys.exit(main(sys.argv[1:]))
    """
)


def test_printing_the_overview_never_configures_the_orm(tmp_path: Path) -> None:
    """Configuring the mappers costs the command 70 ms of CPU; a statement built from a
    model class's attribute (``model.Agreement.status``) instead of
    :mod:`intl_desk.core.columns` brings it back, and this test names where."""
    office = build_overview_office(tmp_path / "São João del-Rei.sqlite")
    output = tmp_path / "overview.pdf"
    result = subprocess.run(
        [sys.executable, "-c", WATCHED_COMMAND, "report", "overview", str(office),
         "-o", str(output)],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    assert output.stat().st_size > 10_000


def test_a_column_not_in_the_table_is_an_attribute_error() -> None:
    assert columns.Agreement.status.name == "status"
    with pytest.raises(AttributeError, match="agreement has no column colour"):
        _ = columns.Agreement.colour
