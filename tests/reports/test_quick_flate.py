"""The reports' streams (pages and embedded fonts) are compressed at zlib's fastest level,
and not spelt out in ASCII base 85 (intl_desk/reports/page.py): readers decompress them
as before, word for word."""

from __future__ import annotations

import io
import zlib
from datetime import date

from pypdf import PdfReader
from pypdf.generic import StreamObject

from intl_desk.reports.fonts import register_fonts
from intl_desk.reports.page import Letterhead, document
from intl_desk.reports.styles import BODY, text


def test_pages_and_fonts_are_compressed_at_the_fastest_level_and_read_back() -> None:
    register_fonts()
    buffer = io.BytesIO()
    letterhead = Letterhead("Prefeitura de São João del-Rei", "Overview", "2026", date(2026, 5, 4))
    doc, canvas_class = document(buffer, letterhead)
    doc.build([text("Acordos de cooperação: Łódź, Việt Trì", BODY)], canvasmaker=canvas_class)
    reader = PdfReader(io.BytesIO(buffer.getvalue()))
    streams = [
        found
        for number in range(1, int(reader.trailer["/Size"]))
        if isinstance(found := reader.get_object(number), StreamObject)
    ]
    filters = [stream.get("/Filter") for stream in streams]
    assert all(found in ("/FlateDecode", ["/FlateDecode"]) for found in filters), filters
    flate = [stream for stream in streams if stream.get("/Filter")]
    assert len(flate) >= 3  # the page, and a font file and its map at least
    for stream in flate:
        assert stream._data[:2] == b"\x78\x01"  # zlib's header for its fastest level
        zlib.decompress(stream._data)
    page = " ".join(reader.pages[0].extract_text().split())
    assert "Acordos de cooperação: Łódź, Việt Trì" in page
    assert "Prefeitura de São João del-Rei" in page
