"""A wheel built the normal way and installed the normal way has everything it needs.

The wheel is built from the checkout (``pip wheel``), installed into a folder outside it
(``pip install --target``, dependencies taken from the test's environment) and run from a
third folder with a clean home: translations, fonts and reference data must come from the
installed package, not from the source tree.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

ROOT = Path(__file__).resolve().parents[2]
pytestmark = [pytest.mark.slow, pytest.mark.timeout(900)]


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("wheel")
    # a copy without build/ (setuptools reuses what an earlier build left there) or venvs
    source = work / "source"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(
        ".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", ".*_cache", "tests",
    ))
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "-q"]
    subprocess.run([*pip, "wheel", "--no-deps", "-w", str(work / "dist"), str(source)],
                   check=True, capture_output=True, timeout=600)
    wheel = next((work / "dist").glob("intl_desk-*.whl"))
    target = work / "site"
    subprocess.run([*pip, "install", "--no-deps", "--target", str(target), str(wheel)],
                   check=True, capture_output=True, timeout=600)
    return target


def intl_desk(installed: Path, tmp_path: Path, *args: str) -> str:
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    env = {key: value for key, value in os.environ.items() if not key.startswith("PYTHON")}
    env.update(PYTHONPATH=str(installed), HOME=str(home), XDG_CONFIG_HOME=str(home / ".c"),
               XDG_DATA_HOME=str(home / ".d"), PYTHONSAFEPATH="1")
    result = subprocess.run(
        [sys.executable, "-m", "intl_desk", *args], cwd=tmp_path, env=env,
        capture_output=True, text=True, timeout=300, check=False,
    )
    assert result.returncode == 0, (args, result.stdout[-2000:], result.stderr[-2000:])
    assert "Traceback" not in result.stderr
    return result.stdout


def test_the_installed_wheel_runs_from_its_own_files(installed: Path, tmp_path: Path) -> None:
    assert intl_desk(installed, tmp_path, "--version").startswith("intl-desk ")
    probe = subprocess.run(
        [sys.executable, "-c", "import intl_desk.paths as p; print(p.resources_dir())"],
        env={**os.environ, "PYTHONPATH": str(installed)}, cwd=tmp_path,
        capture_output=True, text=True, check=True,
    )
    assert Path(probe.stdout.strip()) == installed / "intl_desk" / "resources"


def test_the_installed_wheel_speaks_french_and_prints_with_its_fonts(
    installed: Path, tmp_path: Path
) -> None:
    intl_desk(installed, tmp_path, "demo", "demo.sqlite")
    french = intl_desk(installed, tmp_path, "--language", "fr", "check", "demo.sqlite")
    assert "est en bon état" in french, french
    intl_desk(installed, tmp_path, "--language", "pt", "report", "overview", "demo.sqlite",
              "-o", "panorama.pdf")
    reader = PdfReader(tmp_path / "panorama.pdf")
    text = "".join(page.extract_text() for page in reader.pages)
    assert "Ville de Lyon" in text and "Acordos" in text
    fonts = {
        str(font["/BaseFont"])
        for page in reader.pages
        for font in page["/Resources"]["/Font"].get_object().values()
    }
    assert any("DejaVu" in name for name in fonts), fonts
