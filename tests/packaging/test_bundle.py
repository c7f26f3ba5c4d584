"""The one-folder bundle built by ``build_installer.spec`` works without the source tree.

Built once per run (about a minute): the bundled console command makes a demo file and
checks it, and the windowed app starts headless on it. Run from a folder outside the
checkout with a clean home, so nothing can come from the source tree or the user's files.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

ROOT = Path(__file__).resolve().parents[2]
pytestmark = [pytest.mark.slow, pytest.mark.timeout(1200)]  # the build alone takes minutes
MAX_BUNDLE_MIB = 250


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("pyinstaller")
    result = subprocess.run(
        [
            sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
            "--distpath", str(work / "dist"), "--workpath", str(work / "build"),
            str(ROOT / "build_installer.spec"),
        ],
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return work / "dist" / "intl-desk"


@pytest.fixture
def clean_env(tmp_path: Path) -> dict[str, str]:
    home = tmp_path / "home"
    home.mkdir()
    env = {key: value for key, value in os.environ.items() if not key.startswith("PYTHON")}
    env.update(HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"),
               XDG_DATA_HOME=str(home / ".local/share"), QT_QPA_PLATFORM="offscreen")
    return env


def run(bundle: Path, name: str, *args: str, cwd: Path, env: dict[str, str]) -> str:
    result = subprocess.run(
        [str(bundle / name), *args], cwd=cwd, env=env, capture_output=True, text=True,
        timeout=300, check=False,
    )
    assert result.returncode == 0, (args, result.stdout[-2000:], result.stderr[-2000:])
    assert "Traceback" not in result.stderr
    return result.stdout


def test_the_bundled_command_line_makes_and_checks_a_demo(
    bundle: Path, tmp_path: Path, clean_env: dict[str, str]
) -> None:
    run(bundle, "intl-desk", "demo", "demo.sqlite", cwd=tmp_path, env=clean_env)
    info = json.loads(run(bundle, "intl-desk", "info", "demo.sqlite", "--json",
                          cwd=tmp_path, env=clean_env))
    assert info["counts"]["agreements"] > 50
    assert "healthy" in run(bundle, "intl-desk", "check", "demo.sqlite",
                            cwd=tmp_path, env=clean_env)
    french = run(bundle, "intl-desk", "--language", "fr", "check", "demo.sqlite",
                 cwd=tmp_path, env=clean_env)
    assert "est en bon état" in french, french


def test_the_bundled_command_line_prints_the_overview(
    bundle: Path, tmp_path: Path, clean_env: dict[str, str]
) -> None:
    run(bundle, "intl-desk", "demo", "demo.sqlite", cwd=tmp_path, env=clean_env)
    run(bundle, "intl-desk", "report", "overview", "demo.sqlite", "-o", "overview.pdf",
        cwd=tmp_path, env=clean_env)
    text = "".join(page.extract_text() for page in PdfReader(tmp_path / "overview.pdf").pages)
    assert "Ville de Lyon" in text


def test_the_bundled_window_starts_on_a_file(
    bundle: Path, tmp_path: Path, clean_env: dict[str, str]
) -> None:
    run(bundle, "intl-desk", "demo", "demo.sqlite", cwd=tmp_path, env=clean_env)
    run(bundle, "intl-desk-gui", "--quit-when-shown", "demo.sqlite", cwd=tmp_path,
        env=clean_env)
    settings = (tmp_path / "home" / ".config" / "IntlDesk" / "IntlDesk.ini").read_text()
    assert "demo.sqlite" in settings  # the window really opened the file


def test_the_bundle_stays_under_its_size_budget(bundle: Path) -> None:
    files = [path for path in bundle.rglob("*") if path.is_file() and not path.is_symlink()]
    size = sum(path.stat().st_size for path in files)  # links to libraries counted once
    assert size < MAX_BUNDLE_MIB * 1024 * 1024, f"{size / 1024 / 1024:.0f} MiB"
