"""A few documents kept inside the file: council decisions, signed texts, a final report.

They are generated, not bundled: a council decision as UTF-8 text and one-page PDFs built
by hand (a dozen lines of PDF syntax, standard Helvetica), so the demo shows attachments
that open in any viewer without shipping binary fixtures or importing ReportLab in core.
"""

from __future__ import annotations

import hashlib
import textwrap
from collections.abc import Sequence

from intl_desk.core.folding import without_accents
from intl_desk.core.model import Document
from intl_desk.demo.common import AgreementRef, Demo


def _winansi(text: str) -> bytes:
    """Text for a standard PDF font: Latin-1-ish, other letters without their accents."""
    out = bytearray()
    for char in text:
        try:
            out += char.encode("cp1252")
        except UnicodeEncodeError:
            out += without_accents(char).encode("cp1252", errors="ignore") or b"?"
    return bytes(out).replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def simple_pdf(lines: Sequence[str]) -> bytes:
    """A valid one-page A4 PDF showing ``lines`` (wrapped at 90 characters)."""
    wrapped = [part for line in lines for part in (textwrap.wrap(line, 90) or [""])][:60]
    body = b"BT /F1 10 Tf 56 790 Td 13 TL\n"
    body += b"".join(b"(" + _winansi(line) + b") Tj T*\n" for line in wrapped) + b"ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n" % len(body) + body + b"\nendstream",
    ]
    pdf = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, content in enumerate(objects, start=1):
        offsets.append(len(pdf))
        pdf += b"%d 0 obj\n" % number + content + b"\nendobj\n"
    xref = len(pdf)
    pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    pdf += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    pdf += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(pdf)


def _attach(
    demo: Demo,
    *,
    title: str,
    filename: str,
    media_type: str,
    category: str,
    content: bytes,
    record_kind: str,
    record_id: str,
    description: str | None = None,
) -> str:
    return demo.add(
        Document,
        title=title,
        filename=filename,
        media_type=media_type,
        category=category,
        size=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
        content=content,
        record_kind=record_kind,
        record_id=record_id,
        description=description,
    )


def write_agreement_documents(
    demo: Demo, agreements: Sequence[AgreementRef], city: str, *, signed_texts: int = 2
) -> int:
    """A council decision for each of ``agreements``; a signed text for the first few."""
    texts = demo.texts
    written = 0
    for position, agreement in enumerate(agreements):
        if agreement.signed is None:
            continue
        decided = agreement.signed
        reference = f"{texts.document_titles['council_decision']} — {agreement.title}"
        themes = ", ".join(texts.theme_names[t] for t in agreement.themes)
        decision = texts.decision_document.format(
            city=city.upper(),
            date=texts.date(decided).upper(),
            reference=reference,
            title=agreement.title,
            partner=agreement.partner.name,
            themes=themes,
        )
        stem = f"{agreement.signed.isoformat()}-{position + 1:02d}"
        _attach(
            demo,
            title=texts.document_titles["council_decision"],
            filename=f"{texts.extra['decision_file']}-{stem}.txt",
            media_type="text/plain; charset=utf-8",
            category="council_decision",
            content=decision.encode("utf-8"),
            record_kind="agreement",
            record_id=agreement.id,
        )
        written += 1
        if position < signed_texts:
            content = simple_pdf([agreement.title, "", *decision.splitlines()[4:]])
            _attach(
                demo,
                title=f"{texts.document_titles['signed_text']} — {agreement.title}",
                filename=f"{texts.extra['signed_file']}-{stem}.pdf",
                media_type="application/pdf",
                category="signed_text",
                content=content,
                record_kind="agreement",
                record_id=agreement.id,
            )
            written += 1
    return written


def write_project_report(demo: Demo, project_id: str, title: str, lines: Sequence[str]) -> str:
    content = simple_pdf([title, "", *lines])
    return _attach(
        demo,
        title=f"{demo.texts.document_titles['report']} — {title}",
        filename=f"{demo.texts.extra['report_file']}.pdf",
        media_type="application/pdf",
        category="report",
        content=content,
        record_kind="project",
        record_id=project_id,
    )
