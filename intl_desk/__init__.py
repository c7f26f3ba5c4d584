"""Intl Desk: the register, overview and evaluation tool of an international relations office."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("intl-desk")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0"
