"""Work done beside the caller keeps the caller's language (intl_desk.core.background)."""

from __future__ import annotations

from intl_desk.core import background
from intl_desk.core.i18n import _, language_pinned, set_language


def test_work_runs_in_the_language_its_caller_pinned_not_the_process_language() -> None:
    set_language("en")
    with language_pinned("fr"):
        french = background.submit(_, "Agreements")
    english = background.submit(_, "Agreements")
    assert (french.result(), english.result()) == ("Accords", "Agreements")

