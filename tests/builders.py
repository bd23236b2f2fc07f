"""Builders for test documents: real PDF, DOCX, XLSX, ZIP and e-mail files, made in code.

The PDF writer is deliberately tiny (Helvetica text lines, one content stream per page) so tests need
no extra dependency; pypdf reads its output like any other PDF.
"""

from __future__ import annotations

import io
import zipfile
from email.message import EmailMessage
from pathlib import Path


def _pdf_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def pdf_bytes(pages: list[list[str]] | list[str]) -> bytes:
    """A PDF with one page per list of lines (a flat list of lines makes one page)."""
    if pages and isinstance(pages[0], str):
        pages = [pages]  # type: ignore[list-item]
    objects: list[bytes] = []
    n_pages = len(pages)
    # 1: catalog, 2: pages, 3: font, then per page: page object + content stream
    kids = " ".join(f"{4 + 2 * i} 0 R" for i in range(n_pages))
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {n_pages} >>".encode())
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    for i, lines in enumerate(pages):
        content = ["BT", "/F1 10 Tf", "12 TL", "50 800 Td"]
        for line in lines:
            content.append(f"({_pdf_escape(line)}) Tj T*")
        content.append("ET")
        stream = "\n".join(content).encode("cp1252", "replace")
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> "
            f"/Contents {5 + 2 * i} 0 R >>".encode()
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def write_pdf(path: Path, pages: list[list[str]] | list[str]) -> Path:
    path.write_bytes(pdf_bytes(pages))
    return path


def write_encrypted_pdf(path: Path, lines: list[str], password: str = "geheim") -> Path:
    import pypdf

    reader = pypdf.PdfReader(io.BytesIO(pdf_bytes(lines)))
    writer = pypdf.PdfWriter()
    for page in reader.pages:
        writer.add_page(page)
    writer.encrypt(user_password=password, owner_password=password + "-eigenaar", algorithm="RC4-128")
    with open(path, "wb") as fh:
        writer.write(fh)
    return path


def write_docx(path: Path, paragraphs: list[str], table: list[list[str]] | None = None,
               header: list[str] | None = None, footer: list[str] | None = None) -> Path:
    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        t = document.add_table(rows=len(table), cols=max(len(r) for r in table))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                t.cell(r, c).text = value
    section = document.sections[0]
    for text in header or []:
        section.header.add_paragraph(text)
    for text in footer or []:
        section.footer.add_paragraph(text)
    document.save(path)
    return path


def write_xlsx(path: Path, rows: list[list[object]], title: str = "Blad1") -> Path:
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


def zip_bytes(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


def eml_bytes(subject: str, body: str, attachments: dict[str, bytes] | None = None) -> bytes:
    msg = EmailMessage()
    msg["From"] = "aanvrager@example.nl"
    msg["To"] = "wkb@gemeente.example.nl"
    msg["Subject"] = subject
    msg["Date"] = "Mon, 02 Nov 2026 10:00:00 +0100"
    msg.set_content(body)
    for name, data in (attachments or {}).items():
        maintype, subtype = ("application", "pdf") if name.lower().endswith(".pdf") else ("application", "octet-stream")
        msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    return msg.as_bytes()


BOUWMELDING_LINES = [
    "Omgevingsloket",
    "Bouwmelding - Bouwactiviteit (technisch)",
    "Verzoeknummer: 2026031000123",
    "Datum indiening: 10-03-2026",
    "Type verzoek: Melding",
    "Activiteit: Bouwactiviteit (technisch)",
    "Naam project: Woning kavel 7 De Esch",
    "Gevolgklasse: Gevolgklasse 1",
    "Startdatum bouwwerkzaamheden: 20-04-2026",
    "Projectadres: Esweg 7",
    "Postcode en plaats: 7601 AB Almelo",
    "Initiatiefnemer: Bouwbedrijf Voorbeeld",
    "Kwaliteitsborger: WTT",
    "Instrument: WKI",
    "Bijlagen: Borgingsplan, Risicobeoordeling",
]
