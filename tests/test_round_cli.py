"""``intl-desk round …``: a round opened for every municipality under the state, answered,
approved, and the reminder list printed for those still to answer."""

from __future__ import annotations

from pathlib import Path

import pytest
from round_helpers import enter_figures, make_state

from intl_desk.cli import main


def _run(capsys: pytest.CaptureFixture[str], *arguments: str) -> tuple[int, str, str]:
    code = main(list(arguments))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_a_round_from_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = str(make_state(tmp_path / "minas.sqlite", with_round=False))
    enter_figures(Path(path), "Barbacena", {"Acordos ativos": 3, "Estudantes em intercâmbio": 4})
    code, out, _err = _run(
        capsys, "round", "open", path, "--title", "Números de 2026", "--period", "2026",
        "--deadline", "2027-01-31", "--indicator", "acordos ativos",
        "--indicator", "Estudantes em intercambio", "--under", "Minas Gerais",
    )  # fmt: skip
    assert (code, out.strip()) == (
        0,
        "Round “Números de 2026” opened: 3 local entities asked for 2 figures by 2027-01-31.",
    )
    code, _out, err = _run(capsys, "round", "submit", path, "números de 2026", "--entity",
                           "Tiradentes")  # fmt: skip
    assert code == 2 and "missing: Acordos ativos, Estudantes em intercâmbio" in err
    assert _run(capsys, "round", "submit", path, "Números de 2026", "--entity", "Barbacena")[0] == 0
    assert (
        _run(capsys, "round", "approve", path, "Números de 2026", "--entity", "barbacena")[0] == 0
    )
    code, out, _err = _run(capsys, "round", "list", path)
    assert out.strip() == (
        "Números de 2026 (2026), due 2027-01-31: 1 of 3 answered, 1 approved, 0 late"
    )
    code, out, _err = _run(capsys, "--language", "pt", "round", "show", path, "Números de 2026",
                           "--reminder")  # fmt: skip
    assert out.splitlines()[1:] == [
        "- São João del-Rei: 0 de 2 números informados",
        "- Tiradentes: 0 de 2 números informados",
    ]
    code, _out, err = _run(capsys, "round", "show", path, "Números de 2025")
    assert (code, err.strip()) == (
        2, "intl-desk: There is no collection round “Números de 2025” in this file."
    )  # fmt: skip
    code, out, _err = _run(capsys, "round", "deadline", path, "Números de 2026", "--deadline",
                           "2027-02-28")  # fmt: skip
    assert code == 0
    assert "due 2027-02-28" in _run(capsys, "round", "list", path)[1]
    # closed: no new answers, nobody late; reopened: answers taken again
    assert _run(capsys, "round", "close", path, "Números de 2026")[1].strip() == (
        "The round is closed: it takes no new answers."
    )
    assert _run(capsys, "round", "list", path)[1].strip() == (
        "Números de 2026 (2026), closed: 1 of 3 answered, 1 approved; no new answers taken"
    )
    enter_figures(Path(path), "Tiradentes", {"Acordos ativos": 1, "Estudantes em intercâmbio": 2})
    code, _out, err = _run(capsys, "round", "submit", path, "Números de 2026", "--entity",
                           "Tiradentes")  # fmt: skip
    assert code == 2 and "The round “Números de 2026” is closed: it takes no new answers." in err
    assert _run(capsys, "round", "reopen", path, "Números de 2026")[0] == 0
    assert _run(capsys, "round", "submit", path, "Números de 2026", "--entity",
                "Tiradentes")[0] == 0  # fmt: skip
    code, out, _err = _run(capsys, "round", "delete", path, "Números de 2026")
    assert code == 1  # answered: it says what would be lost and deletes nothing
    assert "2 of 3 entities have answered it (1 approved, 0 returned" in out
    assert "run the command again with --yes" in out
    assert "Números de 2026" in _run(capsys, "round", "list", path)[1]
    code, out, _err = _run(capsys, "round", "delete", path, "números de 2026", "--yes")
    assert (code, out.strip()) == (0, "The round “Números de 2026” is deleted.")
    assert _run(capsys, "round", "list", path)[1].strip() == "No collection round in this file."
