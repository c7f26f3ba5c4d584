"""One writer at a time: a lock file next to the office file says who is editing it.

Why a sidecar file and not SQLite's own locks: SQLite locks a file only for the length of
a transaction (the store opens a connection per use, see :mod:`intl_desk.store.connection`),
so they cannot say "Ana has had this file open since 9:14". Holding an SQLite lock for the
whole session would block readers too, and the operating system's advisory locks that
SQLite uses are unreliable on network shares, vanish silently when any handle of the
process is closed, and cannot tell who holds them. A small file beside the office file is
seen by every machine that sees the folder, survives a network hiccup, and records the
user, machine, process and time, so the second opener can be told who to ask.

The lock file is written completely under a temporary name and then given its final name
with a hard link, which fails if the name is taken (or, where links are not supported,
with ``O_CREAT | O_EXCL``), so two openers can never both believe they hold it. A lock left
by a process that no longer runs on this machine (a crash, a ``kill -9``) is taken over
silently; a lock from another machine is taken over only when the user confirms, since
this machine cannot see whether that process still runs. Locks are re-entrant within one
process: the same program opening the same file twice is still one writer.

The lock file is named after the file's real path (symbolic links resolved), and while
the file is open for editing this process also holds an operating-system lock
(``flock`` / ``msvcrt.locking``) on a small file in the temporary folder named after the
office file's device and inode. That one the system releases by itself when a program
ends, and it is the same for every name of the file — a hard link, another spelling — so:
the same file opened under another name on this machine is refused, and a lock file whose
process id now belongs to an unrelated program is recognised as stale and taken over.
(The operating-system lock is never taken on the office file itself: SQLite's own locks
live there and would be disturbed.)

Read-only openings never look at or take the lock.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import sys
import tempfile
import threading
import uuid
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

from intl_desk.core.users import current_user
from intl_desk.files.office_paths import lock_path
from intl_desk.store.db_errors import from_os
from intl_desk.store.errors import FileHeldUnderAnotherName, FileLocked, FileLockedElsewhere


@dataclass(frozen=True)
class LockInfo:
    """What the lock file records about its holder."""

    user: str
    machine: str
    pid: int
    since: str  # ISO 8601, UTC
    token: str  # tells our own lock apart from a later one with the same pid

    @property
    def since_local(self) -> str:
        """The time the lock was taken, in this machine's local time, to the minute."""
        if not self.since:
            return ""
        try:
            moment = datetime.fromisoformat(self.since)
        except ValueError:
            return self.since
        return moment.astimezone().strftime("%Y-%m-%d %H:%M")


class _SystemLock:
    """An operating-system lock held for this machine on one office file, whatever the
    name it was opened under (see the module docstring)."""

    def __init__(self, descriptor: int) -> None:
        self._descriptor = descriptor

    @staticmethod
    def file_for(path: Path) -> Path | None:
        try:
            status = os.stat(path)
        except OSError:
            return None
        folder = Path(tempfile.gettempdir()) / "intl-desk-locks"
        return folder / f"{status.st_dev}-{status.st_ino}.lock"

    @classmethod
    def take(cls, path: Path) -> _SystemLock | bool | None:
        """The lock; False when another program holds it; None where it cannot be had
        (no temporary folder, a file system without locks): the lock file alone decides."""
        target = cls.file_for(path)
        if target is None:
            return None
        try:
            target.parent.mkdir(mode=0o1777, exist_ok=True)
            descriptor = os.open(target, os.O_RDWR | os.O_CREAT, 0o666)
        except OSError:
            return None
        try:
            if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
                import msvcrt

                msvcrt.locking(descriptor, msvcrt.LK_NBLCK, 1)
            else:
                import fcntl

                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except (BlockingIOError, PermissionError):
            os.close(descriptor)
            return False
        except OSError:
            os.close(descriptor)
            return None
        return cls(descriptor)

    def release(self) -> None:
        with contextlib.suppress(OSError):
            os.close(self._descriptor)  # closing gives the lock back


def this_machine() -> str:
    return socket.gethostname() or "unknown"


def _process_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        import ctypes

        kernel = ctypes.windll.kernel32  # type: ignore[attr-defined]
        handle = kernel.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        code = ctypes.c_ulong()
        kernel.GetExitCodeProcess(handle, ctypes.byref(code))
        kernel.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    return True


def read_lock(path: Path) -> LockInfo | None:
    """The holder of the lock on the office file ``path``, or None when it is free.

    A lock file that cannot be parsed counts as held by an unknown user on an unknown
    machine: only a confirmed take-over removes it.
    """
    try:
        text = lock_path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except OSError as error:
        raise from_os(error, path) from error
    try:
        data = json.loads(text)
        return LockInfo(
            user=str(data["user"]),
            machine=str(data["machine"]),
            pid=int(data["pid"]),
            since=str(data["since"]),
            token=str(data["token"]),
        )
    except (ValueError, KeyError, TypeError):
        return LockInfo(user="", machine="", pid=0, since="", token="")


def _create_exclusively(target: Path, content: str) -> bool:
    """Write ``content`` to ``target`` only if no such file exists; False if one does."""
    temporary = target.with_name(f"{target.name}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        temporary.write_text(content, encoding="utf-8")
        try:
            os.link(temporary, target)
            return True
        except FileExistsError:
            return False
        except OSError:  # no hard links here (FAT, some shares)
            try:
                descriptor = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
            except FileExistsError:
                return False
            with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
                handle.write(content)
            return True
    finally:
        temporary.unlink(missing_ok=True)


class FileLock:
    """The lock this process holds on one office file (see the module docstring)."""

    _held: dict[Path, tuple[FileLock, int]] = {}
    _guard = threading.Lock()

    def __init__(self, path: Path, info: LockInfo, system: _SystemLock | None = None) -> None:
        self.path = path
        self.info = info
        self._system = system

    @classmethod
    def acquire(cls, path: Path, *, take_over: bool = False) -> FileLock:
        """Take the lock on ``path`` or raise :class:`FileLocked` naming its holder.

        ``take_over`` is the user's confirmation that a lock from another machine (or an
        unreadable one) is stale. A live process on this machine is never overridden.
        """
        key = path.resolve()
        with cls._guard:
            if key in cls._held:
                lock, count = cls._held[key]
                cls._held[key] = (lock, count + 1)
                return lock
            lock = cls._take(path, take_over=take_over)
            cls._held[key] = (lock, 1)
            return lock

    @classmethod
    def _take(cls, path: Path, *, take_over: bool) -> FileLock:
        info = LockInfo(
            user=current_user(),
            machine=this_machine(),
            pid=os.getpid(),
            since=datetime.now(UTC).isoformat(timespec="seconds"),
            token=uuid.uuid4().hex,
        )
        content = json.dumps(asdict(info), ensure_ascii=False)
        target = lock_path(path)
        system = _SystemLock.take(path)
        if system is False:
            holder = read_lock(path)
            if holder is not None and holder.machine == this_machine():
                raise FileLocked.held_by(path, holder)
            raise FileHeldUnderAnotherName(path)
        held_here = system if isinstance(system, _SystemLock) else None
        try:
            for _attempt in range(3):
                if _create_exclusively(target, content):
                    if read_lock(path) == info:
                        return cls(path, info, held_here)
                    continue  # someone replaced it between our link and our read
                holder = read_lock(path)
                if holder is None:
                    continue  # released meanwhile: try again
                if not cls._stale(holder, take_over=take_over, system_lock=held_here is not None):
                    if holder.machine == this_machine():
                        raise FileLocked.held_by(path, holder)
                    raise FileLockedElsewhere.held_by(path, holder)
                if read_lock(path) == holder:  # still the same stale lock: remove it
                    target.unlink(missing_ok=True)
        except OSError as error:
            if held_here is not None:
                held_here.release()
            raise from_os(error, path) from error
        except BaseException:
            if held_here is not None:
                held_here.release()
            raise
        if held_here is not None:
            held_here.release()
        holder = read_lock(path)
        raise FileLocked.held_by(path, holder or info)

    @staticmethod
    def _stale(holder: LockInfo, *, take_over: bool, system_lock: bool = False) -> bool:
        if holder.machine == this_machine():
            if holder.pid == os.getpid() or system_lock:
                # we hold the system's lock, so its writer is gone: the process id it
                # names is ours from an earlier run, or now an unrelated program's
                return True
            return not _process_alive(holder.pid)
        return take_over

    def release(self) -> None:
        """Give the lock up (once per :meth:`acquire`); the file goes with the last one."""
        key = self.path.resolve()
        with self._guard:
            lock, count = self._held.get(key, (self, 1))
            if count > 1:
                self._held[key] = (lock, count - 1)
                return
            self._held.pop(key, None)
        if read_lock(self.path) == self.info:  # never remove a lock someone took over
            with contextlib.suppress(OSError):
                lock_path(self.path).unlink()
        if self._system is not None:
            self._system.release()


def break_lock(path: Path, holder: LockInfo) -> bool:
    """Remove the lock ``holder`` left on ``path`` once the user confirmed it is stale.

    Only that lock goes: if someone else took the file since, theirs stays. Returns
    whether it was removed.
    """
    if holder.machine == this_machine() and _process_alive(holder.pid) and holder.pid:
        return False  # a live program here: never
    if read_lock(path) != holder:
        return False
    try:
        lock_path(path).unlink()
    except FileNotFoundError:
        return False
    except OSError as error:
        raise from_os(error, path) from error
    return True


__all__ = ["FileLock", "LockInfo", "break_lock", "lock_path", "read_lock", "this_machine"]
