"""A wheel built the normal way and installed the normal way has everything it needs.

The wheel is built from a copy of the checkout (``pip wheel``), installed (not editable)
into a fresh virtual environment, and its ``intl-desk`` command is run from a third folder
with a clean home: translations, fonts and reference data must come from the installed
package, never from the source tree. The dependencies (Qt alone is hundreds of megabytes)
are lent by the test's own environment through a path file, which adds their folder
without running the editable install's hook, so ``intl_desk`` can only come from the wheel.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

ROOT = Path(__file__).resolve().parents[2]
pytestmark = [pytest.mark.slow, pytest.mark.timeout(280)]


@pytest.fixture(scope="module")
def venv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("wheel")
    # a copy without build/ (setuptools reuses what an earlier build left there) or venvs
    source = work / "source"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(
        ".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", ".*_cache", "tests",
    ))
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "-q"]
    subprocess.run([*pip, "wheel", "--no-deps", "-w", str(work / "dist"), str(source)],
                   check=True, capture_output=True, timeout=240)
    wheel = next((work / "dist").glob("intl_desk-*.whl"))
    fresh = work / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(fresh)],
                   check=True, capture_output=True, timeout=60)
    python = fresh / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    subprocess.run([*pip, "--python", str(python), "install", "--no-deps", str(wheel)],
                   check=True, capture_output=True, timeout=120)
    site = Path(subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True, capture_output=True, text=True).stdout.strip())
    (site / "lent_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    return fresh


def intl_desk(venv: Path, tmp_path: Path, *args: str) -> str:
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    env = {key: value for key, value in os.environ.items() if not key.startswith("PYTHON")}
    env.update(HOME=str(home), XDG_CONFIG_HOME=str(home / ".c"), XDG_DATA_HOME=str(home / ".d"))
    command = venv / ("Scripts/intl-desk.exe" if os.name == "nt" else "bin/intl-desk")
    result = subprocess.run(
        [str(command), *args], cwd=tmp_path, env=env,
        capture_output=True, text=True, timeout=120, check=False,
    )
    assert result.returncode == 0, (args, result.stdout[-2000:], result.stderr[-2000:])
    assert "Traceback" not in result.stderr
    return result.stdout


def test_the_installed_wheel_reads_its_own_resources(venv: Path, tmp_path: Path) -> None:
    assert intl_desk(venv, tmp_path, "--version").startswith("intl-desk ")
    python = venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    probe = subprocess.run(
        [str(python), "-c", "import intl_desk.paths as p; print(p.resources_dir())"],
        cwd=tmp_path, capture_output=True, text=True, check=True,
        env={key: value for key, value in os.environ.items() if not key.startswith("PYTHON")},
    )
    resources = Path(probe.stdout.strip())
    assert resources.is_relative_to(venv), resources
    assert (resources / "translations" / "fr.po").is_file()
    assert not (resources / "translations" / "intl_desk.pot").exists()  # for translators


def test_the_installed_wheel_speaks_french_prints_with_its_fonts_and_exports(
    venv: Path, tmp_path: Path
) -> None:
    intl_desk(venv, tmp_path, "demo", "demo.sqlite", "--quiet")
    french = intl_desk(venv, tmp_path, "--language", "fr", "check", "demo.sqlite")
    assert "est en bon état" in french, french
    intl_desk(venv, tmp_path, "report", "overview", "demo.sqlite", "-o", "synthese.pdf",
              "--language", "fr")
    reader = PdfReader(tmp_path / "synthese.pdf")
    text = "".join(page.extract_text() for page in reader.pages)
    assert "Ville de Lyon" in text and "Accords" in text, text[:500]
    fonts = {
        str(font["/BaseFont"])
        for page in reader.pages
        for font in page["/Resources"]["/Font"].get_object().values()
    }
    assert any("DejaVu" in name for name in fonts), fonts
    intl_desk(venv, tmp_path, "--language", "fr", "export", "demo.sqlite", "--kind", "partners",
              "-o", "partenaires.xlsx")
    sheet = load_workbook(tmp_path / "partenaires.xlsx", read_only=True).active
    assert sheet is not None
    titles = next(sheet.iter_rows(max_row=1, values_only=True))
    assert "Pays" in titles, titles
