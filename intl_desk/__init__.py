"""Intl Desk: the register, overview and evaluation tool of an international relations office."""

# The one place the version is written: pyproject.toml reads it from here (setuptools
# dynamic version), so the package needs no importlib.metadata at start-up (~40 ms).
__version__ = "0.1.0"
