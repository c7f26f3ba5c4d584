"""The app's process allocates from one region of memory, whatever thread allocates
(glibc: memory freed by one worker thread was kept for that thread only, 24 MiB of a
state's import in the window; see intl_desk.core.memory)."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="glibc's allocator regions: Linux only"
)

#: counts the allocator's regions ("heaps" in glibc's malloc_info) after three threads
#: each allocated blocks too big for Python's own small-object allocator
REGIONS = textwrap.dedent(
    """
    import ctypes, re, threading
    {prepare}
    def work():
        kept = [bytes(2000) for _ in range(2000)]
    threads = [threading.Thread(target=work) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    libc = ctypes.CDLL("libc.so.6")
    libc.open_memstream.restype = ctypes.c_void_p
    libc.malloc_info.argtypes = [ctypes.c_int, ctypes.c_void_p]
    libc.fclose.argtypes = [ctypes.c_void_p]
    text, size = ctypes.c_char_p(), ctypes.c_size_t()
    stream = libc.open_memstream(ctypes.byref(text), ctypes.byref(size))
    libc.malloc_info(0, stream)
    libc.fclose(stream)
    print(len(re.findall(r'<heap nr=', ctypes.string_at(text, size.value).decode())))
    """
)

#: the command line's entry point, as `intl-desk --version` runs it
THROUGH_THE_ENTRY_POINT = textwrap.dedent(
    """
    import contextlib, io
    from intl_desk.cli.entry import main
    with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):
        main(["--version"])
    """
)


def _regions(prepare: str) -> int:
    code = REGIONS.format(prepare=prepare)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return int(done.stdout.split()[-1])


def test_threads_of_the_app_allocate_from_one_region() -> None:
    assert _regions("pass") > 1  # without it, each thread takes a region of its own
    assert _regions(THROUGH_THE_ENTRY_POINT) == 1


def test_asking_for_one_region_starts_no_process() -> None:
    """``ctypes.util.find_library`` runs ``ldconfig -p``: a process more for every command
    (``info`` must answer in 0.4 s); glibc is asked for by its name."""
    code = textwrap.dedent(
        """
        import ctypes.util
        def refused(name):
            raise AssertionError("find_library runs ldconfig")
        ctypes.util.find_library = refused
        from intl_desk.core.memory import one_allocator_region
        print(one_allocator_region())
        """
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["True"]
