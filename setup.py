"""Puts ``resources/`` inside the built package (``intl_desk/resources``).

The checkout keeps translations, fonts, icons and reference data in ``resources/`` at the
top (translators and the PyInstaller spec find them there; an editable install reads them
in place). A wheel has no top folder, so its build copies them into the package, where
:mod:`intl_desk.paths` looks first. Everything else is configured in ``pyproject.toml``.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

RESOURCES = Path(__file__).resolve().parent / "resources"


class BuildWithResources(build_py):
    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return  # an editable install reads resources/ in the checkout
        target = Path(self.build_lib) / "intl_desk" / "resources"
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(RESOURCES, target, ignore=shutil.ignore_patterns("*.pot"))


setup(cmdclass={"build_py": BuildWithResources})
