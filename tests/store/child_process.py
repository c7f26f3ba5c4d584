"""A second program working on an office file, driven by the fault tests over a pipe.

``python child_process.py MODE FILE [OTHER]`` prints a line at each point a test may
kill it, then waits for a line on stdin where it should stop, so tests never sleep:

* ``hold``: open for editing, print ``locked``, close on the next input line;
* ``write``: commit batches of partners, printing ``committed N``; in batch 3 print
  ``writing`` in the middle of the transaction (after its rows reached the file) and wait;
* ``merge``: merge OTHER into FILE, print ``merging`` after the new rows are written,
  before the commit, and wait.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from sqlalchemy import event

from intl_desk.core.model import Partner
from intl_desk.store.merge import merge_files
from intl_desk.store.office_file import OfficeFile


def _say(text: str) -> None:
    print(text, flush=True)


def _small_cache(connection: Any, _record: Any) -> None:
    connection.execute("PRAGMA cache_size = 5")  # pages spill into the file mid-transaction


def main() -> None:
    mode, path = sys.argv[1], Path(sys.argv[2])
    if mode == "hold":
        with OfficeFile.open(path):
            _say("locked")
            sys.stdin.readline()
    elif mode == "write":
        with OfficeFile.open(path) as office:
            event.listen(office.engine, "connect", _small_cache)
            for batch in range(1, 100):
                with office.session() as session:
                    session.add_all(
                        Partner(name=f"Batch {batch} #{n}", country_code="PT", notes="é" * 3000)
                        for n in range(100)
                    )
                    session.flush()
                    if batch == 3:
                        _say("writing")
                        sys.stdin.readline()
                    session.commit()
                _say(f"committed {batch}")
    elif mode == "merge":

        def progress(step: str) -> None:
            if step == "updates":
                _say("merging")
                sys.stdin.readline()

        merge_files(path, Path(sys.argv[3]), progress=progress)
        _say("merged")


if __name__ == "__main__":
    main()
