"""What the Linux bundle leaves out, checked on the installed Qt without building a bundle
(the build itself is tests/packaging/test_bundle.py): which libraries a binary links to,
and Qt's ICU data cut to the four languages, every kept item unchanged."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))
import bundle_parts  # noqa: E402  (packaging/ is the spec's folder, not a package)

QT_LIB = Path(__import__("PySide6").__file__).parent / "Qt" / "lib"
pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux") or not list(QT_LIB.glob("libicudata.so.*")),
    reason="the Linux wheels of PySide6 carry ICU",
)


def test_the_libraries_a_binary_links_to_are_read_from_it() -> None:
    core = bundle_parts.needed_libraries(QT_LIB / "libQt6Core.so.6")
    assert any(name.startswith("libicuuc.so.") for name in core)
    assert "libc.so.6" in core
    linked = bundle_parts.reachable(
        [QT_LIB / "libQt6Widgets.so.6"],
        {path.name: path for path in QT_LIB.glob("libQt6*.so.6")},
    )
    assert {"libQt6Gui.so.6", "libQt6Core.so.6", "libQt6DBus.so.6"} <= linked
    assert "libQt6Svg.so.6" not in linked  # nothing the widgets need links to it


@pytest.mark.skipif(shutil.which("cc") is None and shutil.which("gcc") is None,
                    reason="the trimmed library is assembled by a C compiler")
def test_icu_data_keeps_what_qt_uses_for_the_four_languages(tmp_path: Path) -> None:
    original = next(QT_LIB.glob("libicudata.so.*"))
    trimmed = bundle_parts.trimmed_icu_data(original, tmp_path)
    assert trimmed is not None and trimmed.name == original.name
    assert trimmed.stat().st_size < original.stat().st_size / 5
    _header, before = bundle_parts._package_items(bundle_parts._rodata(original.read_bytes()))
    _header, after = bundle_parts._package_items(bundle_parts._rodata(trimmed.read_bytes()))
    prefix = before[0][0].split("/")[0] + "/"
    original_items = dict(before)
    kept = {name.removeprefix(prefix): data for name, data in after}
    for name in ("coll/ucadata.icu", "coll/fr.res", "coll/pt.res", "coll/es__TRADITIONAL.res",
                 "coll/es_.res", "root.res", "pool.res", "pt_BR.res", "fr_CA.res", "es_419.res",
                 "likelySubtags.res", "zoneinfo64.res", "nfkc.nrm", "cnvalias.icu"):
        assert name in kept, name
    for name in ("coll/de.res", "de.res", "ja.res", "lang/fr.res", "brkitr/char.brk",
                 "unit/pt.res", "gb18030.cnv"):
        assert prefix + name in original_items and name not in kept, name
    for name, data in after:  # the same bytes, padding aside
        assert original_items[name].rstrip(b"\0") == data.rstrip(b"\0"), name
