"""Builders for test documents: real PDF, DOCX, XLSX, ZIP and e-mail files, made in code.

PDFs come from the extraction tests' tiny writer (fixtures/extract/docgen.py): no extra dependency,
and pypdf reads its output like any other PDF.
"""

from __future__ import annotations

import io
import zipfile
from email.message import EmailMessage
from pathlib import Path

from fixtures.extract import docgen
from fixtures.intake.msgfile import msg_bytes  # noqa: F401 - re-exported for the tests


def pdf_bytes(pages: list[list[str]] | list[str]) -> bytes:
    """A PDF with one page per list of lines (a flat list of lines makes one page)."""
    if pages and isinstance(pages[0], str):
        pages = [pages]  # type: ignore[list-item]
    return docgen.pdf_bytes(pages)  # type: ignore[arg-type]


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


def zip_bytes(members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A ZIP of the members; ZIP_STORED keeps them uncompressed, as many download tools do with PDFs."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression) as zf:
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


def ledger_rows(settings, sql: str, params: tuple = ()) -> list:
    """Rows of a query on the workspace's ledger (sqlite3.Row), read the way a person with sqlite3 would."""
    import sqlite3

    conn = sqlite3.connect(settings.paden.database)
    conn.row_factory = sqlite3.Row
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()
