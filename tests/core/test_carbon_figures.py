"""Carbon figures are written to a tenth of a kilogram, the decimal always shown: in the
yearly report's column “15.135” beside “16.087,2” reads as a figure of another precision
(or, in Portuguese and French, as fifteen kilograms)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from intl_desk.core.carbon import kg_text
from intl_desk.core.i18n import set_language


@pytest.mark.parametrize(
    ("language", "kg", "written"),
    [
        ("en", "15135.0", "15,135.0 kg CO2e"),
        ("pt", "15135.0", "15.135,0 kg CO2e"),
        ("pt", "16087.2", "16.087,2 kg CO2e"),
        ("fr", "10250", "10\u202f250,0 kg CO2e"),
        ("en", "0.0", "0.0 kg CO2e"),
    ],
)
def test_a_whole_number_of_kilograms_keeps_its_tenth(language: str, kg: str, written: str) -> None:
    set_language(language)
    assert kg_text(Decimal(kg)) == written
