"""The names of the files that belong to an office file, known to every layer.

The store makes and uses them (the lock, the engine opening a file); the output guard,
which reports and exchange use without the store, must recognise them so no export or
report lands on one.
"""

from __future__ import annotations

from pathlib import Path
from weakref import WeakKeyDictionary

#: the office file behind each database engine ("sqlite://" with a creator keeps no path
#: in its URL); the store fills it in as it makes engines
_ENGINE_FILES: WeakKeyDictionary[object, Path] = WeakKeyDictionary()


def lock_path(path: Path) -> Path:
    """``.~lock.NAME#`` beside the file: the convention office suites use, which users of
    shared drives recognise and sync clients tend to ignore. The name is the real file's,
    so a symbolic link to it finds the same lock."""
    real = _real(path)
    return real.with_name(f".~lock.{real.name}#")


def remember_engine_file(engine: object, path: Path | str) -> None:
    """Note that ``engine`` opens the office file at ``path``."""
    _ENGINE_FILES[engine] = Path(path)


def engine_file(engine: object) -> Path | None:
    """The office file an engine the store made opens, if it made it."""
    return _ENGINE_FILES.get(engine)


def _real(path: Path) -> Path:
    try:
        return path.resolve()
    except OSError:
        return path.absolute()
