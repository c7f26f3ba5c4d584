"""Helpers for driving widgets like a user does."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from user_input import type_text

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QFileDialog, QMenu, QMessageBox, QWidget

TypeText = Callable[[QWidget, str], None]


@pytest.fixture
def typist() -> TypeText:
    return type_text


@pytest.fixture(autouse=True)
def _isolated_settings(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Each test reads and writes its own settings, never the user's."""
    folder = tmp_path_factory.mktemp("settings")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    yield


class UnexpectedModalError(AssertionError):
    """A test reached a modal box it did not answer: offscreen it would wait forever."""


def _refuse_modal(name: str) -> Callable[..., object]:
    def refuse(*args: object, **_kwargs: object) -> object:
        texts = [str(arg) for arg in args if isinstance(arg, str)]
        raise UnexpectedModalError(f"unexpected modal {name}: {' | '.join(texts)}")

    return refuse


@pytest.fixture(autouse=True)
def _no_unanswered_modals(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail fast on a message box or file dialog the test did not patch.

    Without this a failing test that pops a warning blocks the whole run until CI's
    time limit. Tests that expect a box patch it themselves (their patch wins).
    """
    for name in ("warning", "question", "information", "critical", "about"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(_refuse_modal(f"QMessageBox.{name}")))
    for name in ("getOpenFileName", "getOpenFileNames", "getSaveFileName", "getExistingDirectory"):
        monkeypatch.setattr(QFileDialog, name, staticmethod(_refuse_modal(f"QFileDialog.{name}")))
    monkeypatch.setattr(QMessageBox, "exec", _refuse_modal("QMessageBox.exec"))
    monkeypatch.setattr(QDialog, "exec", _refuse_modal("QDialog.exec"))
    monkeypatch.setattr(QMenu, "exec", _refuse_modal("QMenu.exec"))
