"""ReportLab's web-address pattern is compiled when first used, not when a report is
imported (intl_desk/reports/lazy_patterns.py): 20 ms of every report's CPU. When it is used
(hyphenating a long address) it answers as the pattern compiled on import did."""

from __future__ import annotations

import subprocess
import sys

CHECK = """
import re
import intl_desk.reports.overview
from reportlab.platypus import paragraph
from intl_desk.reports.lazy_patterns import URI_FLAGS, URI_PATTERN
addresses = ["https://www.łódź.pl/miasto/partnerzy/", "www.cordoba.gob.ar", "not an address"]
print(type(paragraph.uri_pat).__name__)
lazily = [paragraph._uri_split_pairs(address) for address in addresses]
print(type(paragraph.uri_pat._compiled).__name__)
paragraph.uri_pat = re.compile(URI_PATTERN, URI_FLAGS)  # as ReportLab compiles it
print(lazily == [paragraph._uri_split_pairs(address) for address in addresses])
print(lazily[0])
"""


def test_reportlab_compiles_its_address_pattern_only_when_it_is_used() -> None:
    done = subprocess.run(  # a fresh interpreter: nothing imported ReportLab before
        [sys.executable, "-c", CHECK], capture_output=True, text=True, encoding="utf-8",
        check=True,
    )  # fmt: skip
    kind, compiled, same, first = done.stdout.splitlines()
    assert (kind, compiled, same) == ("LazyPattern", "Pattern", "True")
    assert "łódź.pl" in first  # an address of accented letters is still split
