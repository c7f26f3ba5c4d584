"""Reports read columns, not records: printing the overview never configures the ORM."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

import pytest
from overview_office import build_overview_office

from intl_desk.core import columns
from intl_desk.core.overview import OverviewFilters, compute_overview, entity_by_name
from intl_desk.store.office_file import OfficeFile

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


#: run as ``python -c``: the overview of a region and of a country computed through a
#: plain connection, what ``report overview`` does; prints their figures and which of the
#: model and the ORM were imported
WITHOUT_THE_MODEL = textwrap.dedent(
    """
    import sys
    from datetime import date
    from intl_desk.cli.entry import main
    from intl_desk.core.overview import OverviewFilters, compute_overview, entity_by_name
    from intl_desk.store.office_file import OfficeFile
    with OfficeFile.open(sys.argv[1], read_only=True) as office:
        with office.engine.connect() as reader:
            region = entity_by_name(reader, "campo das vertentes")
            for filters in (OverviewFilters(2024, region), OverviewFilters(2023, None, "VN")):
                print(repr(compute_overview(reader, filters, date(2024, 11, 5))))
    print([name for name in ("intl_desk.core.model", "sqlalchemy.orm") if name in sys.modules])
    """
)


def test_printing_the_overview_imports_neither_the_model_nor_the_orm(tmp_path: Path) -> None:
    """Importing the model costs a report 0.14 s of CPU and the ORM 0.04 s (issue 17's
    budget is 1 s for the whole command): the command reads through a connection."""
    office = build_overview_office(tmp_path / "São João del-Rei.sqlite")
    output = tmp_path / "visão geral.pdf"
    watch = (
        "import sys; from intl_desk.cli.entry import main; code = main(sys.argv[1:]); "
        "print([n for n in ('intl_desk.core.model', 'sqlalchemy.orm') if n in sys.modules]); "
        "sys.exit(code)"
    )
    for options in ([], ["--entity", "Campo das Vertentes"], ["--country", "VN"]):
        result = subprocess.run(
            [sys.executable, "-c", watch, "report", "overview", str(office),
             "-o", str(output), "--year", "2024", *options],
            capture_output=True, text=True, timeout=120,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr[-3000:]
        assert result.stdout.splitlines()[-1] == "[]", (options, result.stdout)
        assert output.stat().st_size > 10_000


def test_the_figures_read_without_the_model_are_the_dashboards(tmp_path: Path) -> None:
    """The same overview through a connection and the tables written out from the model
    (a fresh process) as through the window's session and the model's own tables."""
    office = build_overview_office(tmp_path / "Łódź.sqlite")
    result = subprocess.run(
        [sys.executable, "-c", WITHOUT_THE_MODEL, str(office)],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    *figures, imported = result.stdout.splitlines()
    assert imported == "[]"
    with OfficeFile.open(office, read_only=True) as opened, opened.session() as session:
        region = entity_by_name(session, "Campo das Vertentes")
        expected = [
            repr(compute_overview(session, filters, date(2024, 11, 5)))
            for filters in (OverviewFilters(2024, region), OverviewFilters(2023, None, "VN"))
        ]
    assert figures == expected
    assert "São João del-Rei" in figures[0] and "Partners in Vietnam" in figures[1]
