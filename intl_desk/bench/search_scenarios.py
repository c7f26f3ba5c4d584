"""Bench: searching the big agreements list as the user types words and digits.

Each query is what the agreements list asks when the search box changes (see
``ui/list_reads.read_first``): how many agreements match and the ids of the first 5,000
in the list's order, or of the first page of 200 when a word most agreements hold makes
that quicker (the list reads the rest afterwards). The figure is the slowest query; a
note gives each one's time and count, and the slowest of the same queries without the
office file's full-text index (the portable ``LIKE`` path PostgreSQL would take).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

#: single letters, syllables as they are typed, whole words, entity codes (digits),
#: accents and case, words no agreement has
QUERIES = (
    "b", "be", "bel", "belo", "belo h", "belo horizonte", "BELO HORIZONTE", "sao joao del",
    "São João", "irmas", "acordo", "cooperacao", "amizade", "lodz", "porto", "3", "31",
    "3106", "3106200", "1978", "zzz", "xq",
)  # fmt: skip
#: ids the list reads with its count (ui/list_reads.py KNOWN_IDS), and its first page
#: (ui/table_model.py PAGE_SIZE); tests/test_bench_compare.py keeps them equal
KNOWN_IDS = 5_000
PAGE = 200


def _timings(file: Path) -> list[tuple[str, float, int, float]]:
    """(query, wall seconds, agreements found, CPU seconds of this thread) per query."""
    from intl_desk.core.listing import LISTS, ListQuery, first_ids
    from intl_desk.store.office_file import OfficeFile

    spec = LISTS["agreements"]
    found = []
    with OfficeFile.open(file, read_only=True) as office, office.session() as session:
        first_ids(session, spec, ListQuery(search="warm up"), KNOWN_IDS, counted=True)
        for text in QUERIES:
            started, cpu = time.perf_counter(), time.thread_time()
            total, _ids = first_ids(
                session, spec, ListQuery(search=text), KNOWN_IDS, counted=True, page=PAGE
            )
            wall = time.perf_counter() - started
            found.append((text, wall, total or 0, time.thread_time() - cpu))
    return found


def search_as_typed(file: Path) -> float:
    from intl_desk.core.listing import text_index

    indexed = _timings(file)
    saved = text_index.unregister_all()  # the portable path, for comparison
    try:
        portable = _timings(file)
    finally:
        text_index.register_again(saved)
    for (text, seconds, total, cpu), (_t, before, _n, before_cpu) in zip(
        indexed, portable, strict=True
    ):
        print(
            f"note: {text!r:>18} {seconds * 1000:6.1f} ms, cpu {cpu * 1000:6.1f} ms "
            f"(portable {before * 1000:6.1f} ms, cpu {before_cpu * 1000:6.1f} ms), "
            f"{total:,} found",
            file=sys.stderr,
        )
    slowest = max(indexed, key=lambda row: row[1])
    print(
        f"note: slowest {slowest[0]!r} {slowest[1] * 1000:.1f} ms (most cpu "
        f"{max(row[3] for row in indexed) * 1000:.1f} ms); portable path slowest "
        f"{max(row[1] for row in portable) * 1000:.1f} ms",
        file=sys.stderr,
    )
    return slowest[1]
