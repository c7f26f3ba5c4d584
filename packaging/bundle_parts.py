"""What ``build_installer.spec`` leaves out of the Linux bundle, as plain functions.

- :func:`needed_libraries` reads an ELF file's ``DT_NEEDED`` entries, so that the spec
  keeps only the shared libraries something kept still links to (after the GTK theme,
  the embedded-device platforms and Pillow's unused plugins are dropped, their
  libraries would otherwise stay behind).
- :func:`trimmed_icu_data` rebuilds Qt's ``libicudata`` (32 MB: every locale, converter,
  dictionary and unit name ICU knows) with what Qt can use for Intl Desk's four
  languages: collation (the file dialog sorts with it), case rules, normalisation,
  time zones and the Latin converters. Qt takes its locale data from its own copy of
  CLDR, not from ICU's.
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
from collections.abc import Iterable
from pathlib import Path

SHT_DYNAMIC = 6
DT_NEEDED = 1

#: ICU items kept, by their name inside the package (after "icudtNNl/").
ICU_KEEP = re.compile(
    r"""^(?:
        coll/(?:ucadata\.icu|res_index\.res|root\.res|(?:en|fr|es|pt)(?:_\w*)?\.res)
      | (?:root|pool|res_index)\.res
      | (?:en|fr|es|pt)(?:_\w+)?\.res
      | [A-Za-z0-9]{4,}\w*\.(?:res|icu|cfu)          # supplemental data, time zones…
      | \w+\.nrm                                      # normalisation
      | cnvalias\.icu
      | ibm-(?:5346|5347|5348|5349|5350|912|913|914|915|923)_\S+\.cnv  # Windows/ISO Latin
    )$""",
    re.X,
)
#: Subtrees of display names, units, dictionaries and transliterators Qt never reads.
ICU_DROP_TREES = ("brkitr/", "curr/", "lang/", "region/", "unit/", "zone/", "translit/",
                  "rbnf/")


def needed_libraries(path: Path) -> list[str]:
    """The ``DT_NEEDED`` names of a 64-bit little-endian ELF file ([] for anything else)."""
    data = path.read_bytes()
    if data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:
        return []
    shoff, = struct.unpack_from("<Q", data, 0x28)
    shentsize, shnum = struct.unpack_from("<HH", data, 0x3A)
    sections = [struct.unpack_from("<IIQQQQII", data, shoff + i * shentsize)
                for i in range(shnum)]
    names: list[str] = []
    for _name, kind, _flags, _addr, offset, size, link, _info in sections:
        if kind != SHT_DYNAMIC:
            continue
        strings_offset = sections[link][4]
        for entry in range(offset, offset + size, 16):
            tag, value = struct.unpack_from("<qQ", data, entry)
            if tag == DT_NEEDED:
                start = strings_offset + value
                names.append(data[start:data.index(b"\0", start)].decode())
    return names


def reachable(roots: Iterable[Path], libraries: dict[str, Path]) -> set[str]:
    """Names of the ``libraries`` (name → file) that ``roots`` link to, directly or not."""
    seen: set[str] = set()
    waiting = [name for root in roots for name in needed_libraries(root)]
    while waiting:
        name = waiting.pop()
        if name in seen or name not in libraries:
            continue
        seen.add(name)
        waiting.extend(needed_libraries(libraries[name]))
    return seen


def _rodata(library: bytes) -> bytes:
    shoff, = struct.unpack_from("<Q", library, 0x28)
    shentsize, shnum, shstrndx = struct.unpack_from("<HHH", library, 0x3A)
    sections = [struct.unpack_from("<IIQQQQ", library, shoff + i * shentsize)
                for i in range(shnum)]
    names_offset = sections[shstrndx][4]
    for name, _kind, _flags, _addr, offset, size in sections:
        start = names_offset + name
        if library[start:library.index(b"\0", start)] == b".rodata":
            return library[offset:offset + size]
    raise ValueError("no .rodata")


def _package_items(package: bytes) -> tuple[bytes, list[tuple[str, bytes]]]:
    """ICU's common data format: a header, a table of (name, data) offsets, the items."""
    header_size, = struct.unpack_from("<H", package, 0)
    if package[2:4] != b"\xda\x27":
        raise ValueError("not ICU data")
    count, = struct.unpack_from("<I", package, header_size)
    offsets = [struct.unpack_from("<II", package, header_size + 4 + 8 * i)
               for i in range(count)]
    items = []
    for index, (name_offset, data_offset) in enumerate(offsets):
        name_start = header_size + name_offset
        name = package[name_start:package.index(b"\0", name_start)].decode()
        end = (header_size + offsets[index + 1][1]) if index + 1 < count else len(package)
        items.append((name, package[header_size + data_offset:end]))
    return package[:header_size], items


def _package(header: bytes, items: list[tuple[str, bytes]]) -> bytes:
    names = b"".join(name.encode() + b"\0" for name, _data in items)
    table_size = 4 + 8 * len(items)
    data_start = (table_size + len(names) + 15) // 16 * 16
    table, blobs, name_offset, data_offset = [], bytearray(), table_size, data_start
    for name, data in items:
        table.append(struct.pack("<II", name_offset, data_offset))
        name_offset += len(name.encode()) + 1
        padded = data + b"\0" * (-len(data) % 16)
        blobs += padded
        data_offset += len(padded)
    body = struct.pack("<I", len(items)) + b"".join(table) + names
    return header + body + b"\0" * (data_start - len(body)) + bytes(blobs)


def trimmed_icu_data(library: Path, work: Path) -> Path | None:
    """A smaller ``libicudata.so.NN`` in ``work``, or None when it cannot be made here
    (no C compiler, an unexpected layout): the bundle then keeps the original."""
    match = re.match(r"libicudata\.so\.(\d+)$", library.name)
    compiler = shutil.which("cc") or shutil.which("gcc")
    if match is None or compiler is None:
        return None
    try:
        header, items = _package_items(_rodata(library.read_bytes()))
    except (ValueError, struct.error):
        return None
    prefix = f"icudt{match.group(1)}l/"
    kept = [
        (name, data) for name, data in items
        if name.startswith(prefix)
        and not name[len(prefix):].startswith(ICU_DROP_TREES)
        and ICU_KEEP.match(name[len(prefix):])
    ]
    work.mkdir(parents=True, exist_ok=True)
    (work / "icudata.dat").write_bytes(_package(header, kept))
    symbol = f"icudt{match.group(1)}_dat"
    (work / "icudata.S").write_text(
        f'.section .rodata\n.balign 16\n.globl {symbol}\n.type {symbol}, @object\n'
        f'{symbol}:\n.incbin "icudata.dat"\n.size {symbol}, .-{symbol}\n'
        '.section .note.GNU-stack,"",@progbits\n'
    )
    target = work / library.name
    subprocess.run(
        [compiler, "-shared", "-nostdlib", f"-Wl,-soname,{library.name}", "-o", str(target),
         "icudata.S"],
        cwd=work, check=True,
    )
    return target
